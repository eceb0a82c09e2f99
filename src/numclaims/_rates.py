"""Stage 3, rates: what a quantity is counted per (``5 km per hour``, ``$58.24 per barrel``).

A measure is divided by the unit after ``per``, ``a`` or ``/`` (``barrels a
day``, ``km/ms``, ``J/m^2``).  Money is counted per a unit (``$48/MWh``) or
per a thing (``a penny a share``, ``£189 per person per month``): ``per``
holds the unit or the noun, two joined by `` / ``.  A comparison after the
unit (``219,000 a week earlier``) makes it no rate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from numclaims._atoms import Atom
from numclaims._lexicon import fold, per_units, relation_words
from numclaims._senses import comparison_follows
from numclaims._tails import TAIL_REACH, tail_patterns, take, unit_at, unit_sense
from numclaims._text import KEEP_GIL

if TYPE_CHECKING:
    from numclaims._vocabulary import Vocabulary

__all__ = ["read_rate"]

#: How many things a price may be counted per: ``£189 per person per month``.
_MONEY_RATES = 2


def read_rate(atom: Atom, text: str, *, money: bool, vocabulary: Vocabulary | None) -> None:
    """Extend ``atom`` over the rate after it, if any, and record it in ``per`` or ``unit``."""
    if text.startswith("/", atom.end) and _read_slash_unit(atom, text, money, vocabulary):
        return
    if money:
        _read_money_rate(atom, text)
        return
    match = tail_patterns()["rate"].match(text, atom.end, atom.end + TAIL_REACH, KEEP_GIL)
    if match is None:
        return
    per = per_units()[match.group("per")]
    if per == atom.unit or comparison_follows(text, match.end()):
        return  # 5 km per km; 219,000 a week earlier
    if match.group("squared"):
        per = f"{per} ** 2"  # metres per second squared
    atom.unit = f"{atom.unit} / {per}"
    take(atom, match)


def _read_money_rate(atom: Atom, text: str) -> None:
    pattern = tail_patterns()["money_rate"]
    for _ in range(_MONEY_RATES):
        match = pattern.match(text, atom.end, atom.end + TAIL_REACH, KEEP_GIL)
        if match is None:
            return
        noun = match.group("noun")
        per = relation_words().per_nouns[fold(noun)] if noun else per_units()[match.group("per")]
        atom.per = per if atom.per is None else f"{atom.per} / {per}"
        take(atom, match)


def _read_slash_unit(atom: Atom, text: str, money: bool, vocabulary: Vocabulary | None) -> bool:
    """``km/ms``, ``J/m^2``, ``$48/MWh``: a unit of the vocabulary after ``/``."""
    match = unit_at(text, atom.end, slash=True, vocabulary=vocabulary)
    if match is None:
        return False
    per = unit_sense(match.group()[1:], vocabulary).unit
    if per == atom.unit:
        return False
    if money:
        atom.per = per
    else:
        atom.unit = f"{atom.unit} / {_grouped(per)}"
    take(atom, match)
    return True


def _grouped(unit: str) -> str:
    """A divisor as pint prints it after ``/``: ``meter ** 2`` alone, a product in brackets."""
    return f"({unit})" if " * " in unit or " / " in unit else unit
