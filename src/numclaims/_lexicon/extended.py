"""The package's tables with a user's :class:`~numclaims.Vocabulary` added.

Each function takes the package's table and a vocabulary and returns a new
table holding both; :mod:`.amounts` calls them (cached per vocabulary) when
a stage asks for a table with a vocabulary.  Where each surface goes follows
the rules of the package's own files: a unit surface that is a lower-case
word of three or more letters is read in any case; a currency surface that
is a lower-case word is a name (after the number, any case), one that ends
in a letter reads as a code does (before or after the number, as written,
never inside a word: ``Dh500``, ``500 Dh``), and any other as a symbol
(before or after the number: ``₿2``, ``2₿``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from numclaims._lexicon._base import fold

if TYPE_CHECKING:
    from numclaims._lexicon.amounts import ScaleWords, UnitSense
    from numclaims._lexicon.money import Currencies
    from numclaims._vocabulary import Vocabulary

__all__ = ["currency_place", "with_currencies", "with_scales", "with_units"]


def currency_place(surface: str) -> str:
    """Which table of :class:`.Currencies` a user's currency surface joins.

    >>> currency_place("dirhams"), currency_place("Dh"), currency_place("₿")
    ('names', 'codes', 'symbols')
    """
    letters = surface.replace(" ", "").replace("-", "")
    if letters.isalpha() and surface == surface.lower():
        return "names"
    if surface[-1].isascii() and surface[-1].isalpha():
        return "codes"
    return "symbols"


def with_currencies(base: Currencies, vocabulary: Vocabulary) -> Currencies:
    """``base`` and the currencies of ``vocabulary``."""
    names, codes, symbols = dict(base.names), dict(base.codes), dict(base.symbols)
    after, codes_after = dict(base.symbols_after), dict(base.codes_after)
    for surface, code in vocabulary.currencies.items():
        place = currency_place(surface)
        if place == "names":
            names[fold(surface)] = code
        elif place == "codes":
            codes[surface] = codes_after[surface] = code
        else:
            symbols[surface] = after[surface] = code
    from numclaims._lexicon.money import name_starts

    return base._replace(
        names=names,
        codes=codes,
        symbols=symbols,
        symbols_after=after,
        codes_after=codes_after,
        name_starts=name_starts(names),
    )


def with_scales(base: ScaleWords, vocabulary: Vocabulary) -> ScaleWords:
    """``base`` and the scale words of ``vocabulary`` (read in any case)."""
    words = dict(base.words)
    words.update((fold(surface), value) for surface, value in vocabulary.scales.items())
    return base._replace(words=words)


def with_units(
    base: tuple[dict[str, UnitSense], dict[str, UnitSense]], vocabulary: Vocabulary
) -> tuple[dict[str, UnitSense], dict[str, UnitSense]]:
    """``base`` (exact, case-folded) and the unit surfaces of ``vocabulary``."""
    from numclaims._lexicon.amounts import UnitSense, is_folded_surface

    exact, folded = dict(base[0]), dict(base[1])
    info = vocabulary.unit_info
    for surface, unit in vocabulary.units.items():
        sense = UnitSense(unit, info[unit].dimension, "any")
        if is_folded_surface(surface):
            folded[surface] = sense
        else:
            exact[surface] = sense
    return exact, folded
