"""The unit table generated from pint: up to date, selective, and read back as its own units."""

from __future__ import annotations

from importlib import resources

import pytest

from numclaims import parse_quantities
from numclaims._data import load, words
from numclaims._lexicon import is_folded_surface
from numclaims._lexicon.amounts import GENERATED_UNITS
from numclaims._unit_table import plural, table_source

GENERATED = load(GENERATED_UNITS)


def test_table_is_what_the_generator_writes() -> None:
    """data/generated/units.txt is up to date: `make units` would write the very same text."""
    shipped = resources.files("numclaims").joinpath("data/generated/units.txt")
    assert shipped.read_text("utf-8") == table_source()


def test_the_table_adds_to_the_hand_written_vocabulary() -> None:
    """No generated surface repeats one of units.txt, in any case where units.txt folds it."""
    hand = {s for entry in load("units") if entry.section != "per" for s in entry.surfaces}
    hand_folded = {s.lower() for s in hand if is_folded_surface(s)}
    generated = {s for entry in GENERATED for s in entry.surfaces}
    assert generated & hand == set()
    assert {s for s in generated if s.lower() in hand_folded} == set()


def test_the_table_leaves_out_what_english_uses_otherwise() -> None:
    """No excluded surface, and no one-character symbol: units.txt rules each of those."""
    surfaces = {s for entry in GENERATED for s in entry.surfaces}
    assert surfaces & set(words("unit_exclusions", "exclude")) == set()
    assert {s for s in surfaces if len(s) == 1} == set()


@pytest.mark.parametrize(
    ("unit", "surfaces"),
    [
        ("teraelectron_volt", {"TeV", "teraelectronvolts", "TEV", "Tev", "tev"}),
        ("gigapascal", {"GPa", "gigapascals", "GPA", "Gpa", "gpa"}),
        ("gigahertz", {"GHZ", "Ghz", "ghz"}),  # GHz itself is in units.txt
        ("horsepower", {"HP"}),
        ("exabyte", {"EB", "exabytes"}),
        ("gigametric_ton", {"Gt", "gigatonne", "gigatonnes"}),
        ("kilometer ** 3", {"km^3", "km cubed", "cu km", "kilometers cubed"}),
        ("millimeter_Hg", {"mmHg"}),
        ("kip_per_square_inch", {"ksi"}),
        ("decimeter", {"dm", "decimetres"}),
    ],
)
def test_units_and_prefixes_are_written_the_ways_texts_write_them(
    unit: str, surfaces: set[str]
) -> None:
    """Symbols with prefixes, names and plurals, case variants, powers."""
    table = {entry.key: set(entry.surfaces) for entry in GENERATED}
    assert surfaces <= table[unit]


@pytest.mark.parametrize(
    "variant",
    [
        "mw",  # milliwatt and megawatt
        "Mw",
        "Mg",  # pint's megagram, not a milligram
        "MA",  # pint's megaampere, not a milliampere
        "mb",  # millibars in a forecast, megabytes on a disk
        "PA",  # Pennsylvania
        "VA",  # the 3 VA hospitals
        "FT",
    ],
)
def test_ambiguous_case_variants_are_left_out(variant: str) -> None:
    """A case variant another unit, pint or English reads otherwise is not in the table."""
    assert all(variant not in entry.surfaces for entry in GENERATED)


@pytest.mark.parametrize(
    ("singular", "expected"),
    [
        ("gigatonne", "gigatonnes"),
        ("kilohertz", "kilohertz"),
        ("foot", "feet"),
        ("inch", "inches"),
        ("millihenry", "millihenries"),
        ("kip per square inch", "kips per square inch"),
        ("inch Hg", "inch Hg"),
    ],
)
def test_plurals(singular: str, expected: str) -> None:
    assert plural(singular) == expected


def test_every_generated_surface_reads_back_as_its_unit() -> None:
    """Round trip: `7 <surface>` in a sentence is 7 of the table's unit, spanning both."""
    wrong = []
    for entry in GENERATED:
        for surface in entry.surfaces:
            text = f"It measured 7 {surface} in all."
            got = [(q.text, q.unit) for q in parse_quantities(text)]
            if got != [(f"7 {surface}", entry.key)]:
                wrong.append((surface, entry.key, got))
    assert wrong == []
