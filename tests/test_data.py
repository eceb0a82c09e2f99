"""The vocabulary files: well-formed, free of duplicates, and true to pint and ISO 4217."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from numclaims._currency_codes import iso_4217_codes
from numclaims._data import Entry, load, parse
from numclaims._lexicon import generated_codes, is_folded_surface
from numclaims._lexicon.amounts import GENERATED_UNITS
from numclaims._normalise import registry

VOCABULARIES = sorted(
    path.name.removesuffix(".txt")
    for path in resources.files("numclaims").joinpath("data").iterdir()
    if path.name.endswith(".txt")
)


def test_every_vocabulary_is_listed() -> None:
    """The data folder holds exactly the vocabularies the library reads."""
    assert VOCABULARIES == [
        "bounds",
        "changes",
        "claims",
        "cues",
        "currencies",
        "entity_words",
        "merge",
        "non_quantities",
        "number_words",
        "percent",
        "relations",
        "scales",
        "sentences",
        "unit_exclusions",
        "unit_sources",
        "units",
        "vague",
    ]


@pytest.mark.parametrize("name", VOCABULARIES)
def test_vocabulary_parses_and_documents_itself(name: str) -> None:
    """Each file parses and opens with a comment that explains its syntax and sources."""
    text = resources.files("numclaims").joinpath(f"data/{name}.txt").read_text("utf-8")
    assert text.startswith("#")
    assert "Source" in text
    assert load(name)


#: Sections whose keys name separate word sets, which may share words.
SEPARATE_SETS = {
    ("non_quantities", "context"),
    ("unit_sources", "prefixed"),
    ("currencies", "by_country"),  # each code's surfaces: shared on purpose (kroner)
    ("entity_words", "purpose"),  # each preposition's verbs: pay for, pay to, pay into
}


@pytest.mark.parametrize("name", VOCABULARIES)
def test_no_surface_listed_twice(name: str) -> None:
    """No surface appears twice in a section, unless its keys are separate word sets."""
    seen: Counter[tuple[str, str, str]] = Counter()
    for entry in load(name):
        scope = entry.key if (name, entry.section) in SEPARATE_SETS else ""
        for surface in entry.surfaces:
            seen[(entry.section, scope, surface)] += 1
    assert [key for key, count in seen.items() if count > 1] == []


def test_syntax_errors_name_the_line() -> None:
    """An entry without surfaces, or an indented line that continues nothing, names its line."""
    with pytest.raises(ValueError, match=r"bad.txt:2"):
        parse("# fine\n  continues nothing\n", "bad")
    with pytest.raises(ValueError, match=r"bad.txt:1"):
        parse("key = \n", "bad")
    with pytest.raises(ValueError, match=r"bad.txt:3"):
        parse("[s]\nwords\n    indented after a plain line\n", "bad")


def test_one_surface_per_line_and_plain_lists() -> None:
    """An entry may list one surface per indented line, repeat its key, or be a plain list."""
    text = "[s]\nk = a | b\nk =\n    c\n    d e  # spaces inside stay\nk = f\n[t]\nthe\nan\n"
    assert parse(text) == [
        Entry("s", "k", ("a", "b", "c", "d e", "f"), 2),
        Entry("t", "", ("the", "an"), 8),
    ]


@pytest.mark.parametrize("name", VOCABULARIES)
def test_lines_stay_short(name: str) -> None:
    """No vocabulary line is so long that a one-word change hides in it."""
    text = resources.files("numclaims").joinpath(f"data/{name}.txt").read_text("utf-8")
    assert [line for line in text.splitlines() if len(line) > 100] == []


def test_every_unit_is_pint_canonical() -> None:
    """Every unit key (units.txt and the generated table) is written as pint prints it."""
    units = registry()
    keys = {entry.key for name in ("units", GENERATED_UNITS) for entry in load(name)}
    assert {key: str(units.Unit(key)) for key in keys if str(units.Unit(key)) != key} == {}


def test_unit_surfaces_are_unique_across_the_vocabulary() -> None:
    """A unit surface names one unit: the same spelling never maps to two keys."""
    owners: dict[str, set[str]] = {}
    for entry in (*load("units"), *load(GENERATED_UNITS)):
        if entry.section == "per":
            continue  # the units a rate divides by repeat their names on purpose
        for surface in entry.surfaces:
            key = surface.lower() if is_folded_surface(surface) else surface
            owners.setdefault(key, set()).add(entry.key)
    assert {surface: keys for surface, keys in owners.items() if len(keys) > 1} == {}


def test_every_currency_is_iso_4217() -> None:
    """Every currency key is a code of the generated tables; every written code a current one.

    Keys may name a historic currency of data/generated/currencies.txt (``pfennigs``
    of the mark); the codes written as words are current ISO 4217 codes.
    """
    entries = load("currencies")
    assert {e.key for e in entries} <= generated_codes()
    codes = {s for e in entries if e.section == "code" for s in e.surfaces}
    assert codes <= iso_4217_codes()
    coded = ("code", "not_a_code", "upper_only")
    assert all(e.surfaces == (e.key,) for e in entries if e.section in coded)


def test_number_word_values_are_numbers() -> None:
    """Every number-word key and every scale key is a number."""
    for name in ("number_words", "scales"):
        for entry in load(name):
            assert float(entry.key) > 0 or entry.key == "0", (name, entry)


def test_bounds_and_changes_use_the_model_vocabulary() -> None:
    """Bound keys are the Bound literal's values; change keys are increase and decrease.

    Plain lists (no key) are the word sets that decide when a phrase applies.
    """
    from typing import get_args

    from numclaims import Bound

    assert {e.key for e in load("bounds") if e.key} <= set(get_args(Bound))
    change_keys = {e.key for e in load("changes") if e.key}
    assert change_keys == {"increase", "decrease"}
