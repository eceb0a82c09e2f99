"""The grammar's vocabularies, read from ``numclaims/data/*.txt`` for the strategies.

The files are parsed here, independently of the library's own loader, so the
property tests exercise whatever the data files say without importing
numclaims' private modules.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def sections(name: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """``data/<name>.txt`` as {section: {key: surfaces}} (the unnamed section is "").

    ``key = a | b`` lines, ``key =`` with one surface per indented line below,
    and plain lists (key ``""``) are all read; a repeated key adds surfaces.
    """
    raw = resources.files("numclaims").joinpath(f"data/{name}.txt").read_text("utf-8")
    table: dict[str, dict[str, tuple[str, ...]]] = {}
    section, key = "", ""
    for full in raw.splitlines():
        line = full.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        rest = line
        if not full[:1].isspace():
            head, sep, tail = line.partition(" =")
            key, rest = (head.strip(), tail) if sep else ("", line)
        found = tuple(s.strip() for s in rest.split("|") if s.strip())
        entries = table.setdefault(section, {})
        entries[key] = entries.get(key, ()) + found
    return table


def surfaces(name: str, *only: str) -> list[str]:
    """Every surface of ``data/<name>.txt`` (of the sections ``only``, if given), sorted."""
    found = {
        surface
        for section, entries in sections(name).items()
        if not only or section in only
        for values in entries.values()
        for surface in values
    }
    return sorted(found)


#: The sections of units.txt whose plural names the round-trip generator writes.
ROUND_TRIP_DIMENSIONS = ("length", "mass", "time", "speed", "area", "volume")

#: Plural unit names left out of the round trip, with the reason.
AMBIGUOUS_UNITS = {
    "pounds": "money or mass by the words around it, by design (_units._pounds_are_money)",
}


def is_plural_name(surface: str) -> bool:
    """A spelled-out plural unit name: lower-case words (``kilometres``, ``cubic feet``).

    Abbreviations of three letters or fewer (``kms``, ``lbs``) are not names.
    """
    letters = surface.replace(" ", "").replace("-", "")
    return (
        len(letters) >= 4
        and letters.isascii()
        and letters.isalpha()
        and surface == surface.lower()
        and surface.endswith(("s", "feet"))
    )


@cache
def plural_names_listed() -> tuple[tuple[str, str], ...]:
    """(plural name, dimension section) of every round-trip dimension of units.txt.

    Only the names: the unit each must parse to is written by hand in
    unit_names.py, which tests/test_unit_names.py checks against this list.
    """
    table = sections("units")
    pairs = {
        (surface, dimension)
        for dimension in ROUND_TRIP_DIMENSIONS
        for names in table[dimension].values()
        for surface in names
        if is_plural_name(surface) and surface not in AMBIGUOUS_UNITS
    }
    return tuple(sorted(pairs))


@cache
def bounds_before() -> tuple[tuple[str, str], ...]:
    """(phrase, bound) for the ``[before]`` section of bounds.txt."""
    entries = sections("bounds")["before"]
    pairs = [(phrase, bound) for bound, phrases in entries.items() for phrase in phrases]
    return tuple(sorted(pairs))
