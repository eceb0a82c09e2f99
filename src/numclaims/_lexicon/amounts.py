"""The tables of what a number is: number words, scales, vague amounts, currencies, units."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from numclaims._data import load, words
from numclaims._lexicon import extended
from numclaims._lexicon._base import fold, invert, read_section

#: The table ``make units`` writes from pint (``numclaims._unit_table.TABLE``).
GENERATED_UNITS = "generated/units"

if TYPE_CHECKING:
    from numclaims._vocabulary import Vocabulary

__all__ = [
    "NumberWords",
    "ScaleWords",
    "UnitSense",
    "VagueWords",
    "cardinal_words",
    "cue_words",
    "is_folded_surface",
    "number_words",
    "per_units",
    "percent_units",
    "rate_point_units",
    "scale_words",
    "unit_surfaces",
    "vague_words",
]


class NumberWords(NamedTuple):
    """Spelled-out number vocabulary, word -> value, per role."""

    units: dict[str, float]
    tens: dict[str, float]
    multipliers: dict[str, float]
    fractions: dict[str, float]


@cache
def number_words() -> NumberWords:
    """The number words of ``number_words.txt``."""

    def table(section: str) -> dict[str, float]:
        surfaces = invert(read_section("number_words", section), folded=True)
        return {surface: float(key) for surface, key in surfaces.items()}

    return NumberWords(table("unit"), table("tens"), table("multiplier"), table("fraction"))


class ScaleWords(NamedTuple):
    """Scale words (case-insensitive) and suffixes (case-sensitive) -> multiplier."""

    words: dict[str, float]
    suffixes: dict[str, float]
    money_suffixes: dict[str, float]


@cache
def scale_words(vocabulary: Vocabulary | None = None) -> ScaleWords:
    """The scales of ``scales.txt``, and those of a user's ``vocabulary``."""
    if vocabulary is not None:
        return extended.with_scales(scale_words(), vocabulary)

    def table(section: str, *, folded: bool) -> dict[str, float]:
        surfaces = invert(read_section("scales", section), folded=folded)
        return {s: float(k) for s, k in surfaces.items()}

    return ScaleWords(
        table("word", folded=True),
        table("suffix", folded=False),
        table("money_suffix", folded=False),
    )


@cache
def percent_units() -> dict[str, str]:
    """Percent surface (case-folded) -> percent, percentage_point or basis_point."""
    return invert(read_section("percent", ""), folded=True)


@cache
def cardinal_words() -> frozenset[str]:
    """The number words of ``[unit]`` and ``[tens]``, case-folded: ``nine``, ``twenty``.

    What a count written as one word may be: the other side of a tally (``by
    38 votes to nine``), the count of a hyphenated counter (``two-year``).
    """
    numbers = number_words()
    return frozenset((*numbers.units, *numbers.tens))


@cache
def rate_point_units() -> dict[str, str]:
    """``[rate_point]`` surface (case-folded) -> its unit: ``point`` of ``a 0.25-point cut``."""
    return invert(read_section("percent", "rate_point"), folded=True)


class UnitSense(NamedTuple):
    """What a unit surface means and where it may stand."""

    unit: str
    dimension: str
    where: str  # "any", "glued", "spaced", "composite" or "mark"


#: The sections of ``units.txt`` whose surfaces stand only under a rule of ``_units``.
_RULED = frozenset({"glued", "spaced", "composite", "mark"})


@cache
def unit_surfaces(
    vocabulary: Vocabulary | None = None,
) -> tuple[dict[str, UnitSense], dict[str, UnitSense]]:
    """Unit surfaces split into (case-sensitive, case-folded) maps.

    A surface that is a lower-case word of three or more letters matches in
    any case; every other surface must match exactly.  The hand-written
    ``units.txt`` comes first, with its rules; then the table generated from
    pint (``data/generated/units.txt``, ``make units``), whose every surface
    stands anywhere.  A user's ``vocabulary`` adds its units.
    """
    if vocabulary is not None:
        return extended.with_units(unit_surfaces(), vocabulary)
    exact: dict[str, UnitSense] = {}
    folded: dict[str, UnitSense] = {}
    for entry in (*load("units"), *load(GENERATED_UNITS)):
        if entry.section == "per":
            continue
        where = entry.section if entry.section in _RULED else "any"
        for surface in entry.surfaces:
            sense = UnitSense(entry.key, entry.section, where)
            table = folded if is_folded_surface(surface) else exact
            table.setdefault(fold(surface) if table is folded else surface, sense)
    return exact, folded


@cache
def per_units() -> dict[str, str]:
    """Surfaces a rate may divide by (``per hour``, ``a day``) -> pint unit."""
    return {s: e.key for e in load("units") if e.section == "per" for s in e.surfaces}


def is_folded_surface(surface: str) -> bool:
    """True for a surface matched in any case: a lower-case word of 3+ letters.

    >>> is_folded_surface("metres"), is_folded_surface("mm"), is_folded_surface("kWh")
    (True, False, False)
    """
    letters = surface.replace(" ", "").replace("-", "")
    return len(letters) >= 3 and letters.isalpha() and surface == surface.lower()


def _range(key: str) -> tuple[float, float]:
    """``"2 to 9"`` -> ``(2.0, 9.0)``."""
    low, _, high = key.partition(" to ")
    return float(low), float(high)


class VagueWords(NamedTuple):
    """The vague amounts of ``vague.txt``: surface (case-folded) -> the range it counts."""

    counts: dict[str, tuple[float, float]]  # a couple, several: before a scale word
    scales: tuple[str, ...]  # the scale words a count may come before
    plurals: dict[str, tuple[float, float]]  # hundreds (of), hundreds (of thousands)
    tens: dict[str, tuple[float, float]]  # tens (of thousands)


@cache
def vague_words() -> VagueWords:
    """The vague amounts of ``vague.txt``."""

    def ranges(section: str) -> dict[str, tuple[float, float]]:
        surfaces = invert(read_section("vague", section), folded=True)
        return {surface: _range(key) for surface, key in surfaces.items()}

    return VagueWords(ranges("count"), words("vague", "scale"), ranges("plural"), ranges("tens"))


@cache
def cue_words(section: str) -> tuple[str, ...]:
    """The cue words of ``[section]`` of ``cues.txt``, as written.

    >>> cue_words("negative")
    ('minus', 'negative')
    """
    return words("cues", section)
