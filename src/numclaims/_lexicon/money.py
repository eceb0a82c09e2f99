"""The currency tables: the generated CLDR table joined with the hand-written vocabulary.

``data/generated/currencies.txt`` (``make currencies``) gives every code, the
English names and the symbols of every locale; ``data/currencies.txt`` gives
what CLDR lacks (slang, minor units, country forms) and the rules that keep
a code, name or symbol that is also an English word from being read as money
(``[not_a_code]``, ``[upper_only]``, ``[not_a_name]``, ``[not_a_symbol]``).
A hand-written surface wins over a generated one.  A generated surface that
is also a unit, a scale or a percent word (``KM``, ``kn``) is left to those.
Both files are read once, on the first parse, never at import.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import regex

from numclaims._data import load
from numclaims._lexicon import extended
from numclaims._lexicon._base import fold, invert, read_section
from numclaims._lexicon.amounts import percent_units, scale_words, unit_surfaces

if TYPE_CHECKING:
    from numclaims._vocabulary import Vocabulary

__all__ = [
    "GENERATED",
    "WORD_END",
    "Currencies",
    "country_defaults",
    "country_words",
    "currencies",
    "generated_codes",
    "name_starts",
    "spaced_codes",
]

GENERATED = "generated/currencies"
"""The generated table's name for :func:`numclaims._data.load`."""


class Currencies(NamedTuple):
    """Currency surfaces -> ISO 4217 code, per position."""

    symbols: dict[str, str]  # before the number (US$5, R$ 3); a bare $ stays "$"
    codes: dict[str, str]  # before the number, in upper case (USD 5)
    names: dict[str, str]  # after the number, case-folded (5 dollars, 5 Danish kroner)
    minor: dict[str, str]  # a hundredth, case-folded (87p, 50 cents)
    scaled_names: dict[str, str]  # only after a scale word (6.6 trillion won)
    symbols_after: dict[str, str]  # the symbols also written after a number (5€, 500 Ft)
    codes_after: dict[str, str]  # after the number: codes in any case, magnitude codes
    magnitudes: dict[str, float]  # a magnitude code -> its multiplier (MUSD: 1e6)
    name_starts: frozenset[str]  # each name up to each of its word ends: new, new zealand
    #: a surface several currencies share -> the codes it may stand for (kroner: DKK, NOK);
    #: the tables above hold it as itself, and the units stage settles it by country words
    by_country: dict[str, tuple[str, ...]]


#: The last character of a word: where a name may end, or a run of its words
#: (``numclaims._tails.name_end`` reads the text by the same rule).
WORD_END = regex.compile(r"\w(?!\w)")


def name_starts(names: Iterable[str]) -> frozenset[str]:
    """Each name up to the end of each of its words: the runs of words a name may start with.

    >>> sorted(name_starts(["new zealand dollars", "u.s. dollars"]))
    ['new', 'new zealand', 'new zealand dollars', 'u', 'u.s', 'u.s. dollars']
    """
    return frozenset(name[: m.end()] for name in names for m in WORD_END.finditer(name))


def _plain(section: str) -> tuple[str, ...]:
    return tuple(s for e in load(GENERATED) if e.section == section for s in e.surfaces)


@cache
def generated_codes() -> frozenset[str]:
    """Every code of the generated table (current and historic)."""
    return frozenset(_plain("code"))


@cache
def spaced_codes() -> frozenset[str]:
    """Codes read before a number only with a space between (``COP 5,000``, not ``COP28``).

    The upper-only codes, which are words or acronyms, and the historic ones:
    glued to digits they name a summit, a fuel grade or a model (``RON95``).
    """
    return _codes_of("upper_only") | frozenset(_plain("historic"))


def _codes_of(section: str) -> frozenset[str]:
    return frozenset(read_section("currencies", section))


@cache
def _taken() -> frozenset[str]:
    """Surfaces of units, scales and percent, case-folded: a generated currency never reads them.

    In any case: ``Ft`` is a foot in ``a 6 Ft cable`` as often as a forint.
    """
    exact, folded = unit_surfaces()
    scales = scale_words()
    surfaces = [*exact, *folded, *scales.words, *scales.suffixes, *percent_units()]
    return frozenset(fold(surface) for surface in surfaces)


def _is_taken(surface: str) -> bool:
    return fold(surface) in _taken()


def _generated(section: str, refused: str) -> dict[str, str]:
    """Surface -> code of a generated section, without the refused and taken surfaces."""
    table = read_section(GENERATED, section)
    no = {s for surfaces in read_section("currencies", refused).values() for s in surfaces}
    return {
        surface: code
        for code, surfaces in table.items()
        for surface in surfaces
        if surface not in no and not _is_taken(surface)
    }


def _joined(hand: dict[str, str], *generated: dict[str, str]) -> dict[str, str]:
    """The generated tables overlaid with the hand-written one, which wins."""
    joined: dict[str, str] = {}
    for table in generated:
        joined.update(table)
    joined.update(hand)
    return joined


def _cases(code: str) -> Iterable[str]:
    """A code as it may be written after a number: ``USD``, ``usd``, ``Usd``."""
    return (code, code.lower(), code.title())


def _after_codes(before: dict[str, str], readable: Iterable[str]) -> dict[str, str]:
    """Codes after a number: any case, except upper-only and historic codes, and taken words."""
    upper_only = spaced_codes()
    after = dict(before)
    for code in readable:
        if code not in upper_only:
            after.update((form, code) for form in _cases(code) if not _is_taken(form))
    return after


def _magnitudes(codes: Iterable[str]) -> dict[str, float]:
    """``MUSD`` -> 1e6, ``kEUR`` -> 1e3: each ``[code_prefix]`` of scales.txt before each code."""
    prefixes = invert(read_section("scales", "code_prefix"), folded=False)
    return {prefix + code: float(factor) for code in codes for prefix, factor in prefixes.items()}


def _by_country() -> dict[str, tuple[str, ...]]:
    """Each surface of ``[by_country]`` -> the codes it may stand for, in file order."""
    shared: dict[str, tuple[str, ...]] = {}
    for code, surfaces in read_section("currencies", "by_country").items():
        for surface in surfaces:
            shared[surface] = (*shared.get(surface, ()), code)
    return shared


@cache
def country_words() -> dict[str, str]:
    """Each word of ``[country]`` (as written) -> the code of its country: Oslo -> NOK."""
    return invert(read_section("currencies", "country"), folded=False)


@cache
def country_defaults() -> dict[str, str]:
    """A ``[by_country]`` surface -> the code it takes where no country word is near."""
    return invert(read_section("currencies", "country_default"), folded=False)


@cache
def currencies(vocabulary: Vocabulary | None = None) -> Currencies:
    """The currencies of both tables (and a ``vocabulary``); names, minor units case-folded."""
    if vocabulary is not None:
        return extended.with_currencies(currencies(), vocabulary)
    hand_codes = invert(read_section("currencies", "code"), folded=False)
    readable = sorted((generated_codes() - _codes_of("not_a_code")) | set(hand_codes))
    codes = _joined(hand_codes, {code: code for code in readable})
    magnitudes = _magnitudes(code for code in readable if code not in _codes_of("upper_only"))
    by_country = _by_country()
    names = _joined(
        invert(read_section("currencies", "name"), folded=True),
        {fold(s): c for s, c in _generated("name", "not_a_name").items()},
        {fold(s): c for s, c in _generated("name_word", "not_a_name").items()},
        {s: s for s in by_country if len(s) > 2},  # kroner, krone
    )
    after = _after_codes(codes, readable)
    after.update((surface, surface[-3:]) for surface in magnitudes)
    return Currencies(
        symbols=_joined(
            invert(read_section("currencies", "symbol"), folded=False),
            _generated("symbol", "not_a_symbol"),
            {s: s for s in by_country if len(s) < 3},  # R 500, kr 45, K5,000
        ),
        codes=codes,
        names=names,
        minor=invert(read_section("currencies", "minor"), folded=True),
        scaled_names=invert(read_section("currencies", "scaled_name"), folded=True),
        symbols_after=_joined(
            invert(read_section("currencies", "symbol_after"), folded=False),
            _generated("symbol_after", "not_a_symbol"),
            {s: s for s in by_country if len(s) == 2},  # 450 kr
        ),
        codes_after=after,
        magnitudes=magnitudes,
        name_starts=name_starts(names),
        by_country=by_country,
    )
