"""Stage 3, first step: a scale after a number (``1.5 billion``, ``3bn``, ``40k``, ``£5m``).

``read_scale`` reads a scale word or suffix at the end of a number, with
anchored patterns of ``numclaims._tails``; ``m`` after a bare number is a
million only where money or a plural noun follows, or the context says so
(``numclaims._senses``).  ``numclaims._units`` reads what comes after.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from numclaims._atoms import Atom
from numclaims._lexicon import currencies, fold, scale_words
from numclaims._numbers import times
from numclaims._senses import million_by_context
from numclaims._tails import TAIL_REACH, attempt, matched_surface, name_end, tail_patterns
from numclaims._text import ahead

if TYPE_CHECKING:
    from numclaims._vocabulary import Vocabulary

__all__ = ["RESOLUTION_SUFFIX", "is_resolution", "read_scale", "read_scale_word", "scale_by"]


def read_scale(
    atom: Atom, text: str, possible: frozenset[str], vocabulary: Vocabulary | None
) -> None:
    if not read_scale_word(atom, text, possible, vocabulary) and atom.form == "digits":
        _read_scale_suffix(atom, text, possible, vocabulary)


def read_scale_word(
    atom: Atom, text: str, possible: frozenset[str], vocabulary: Vocabulary | None
) -> bool:
    """A scale word (``1.5 billion``), and one more after it (``10 lakh crore``)."""
    match = attempt("scale_word", possible, text, atom.end, vocabulary)
    if match is None:
        return False
    scales = scale_words(vocabulary)
    factor = scales.words[fold(matched_surface(match))]
    if atom.form == "words" and factor < _THOUSAND:
        return False  # "two dozen" is already read as words
    scale_by(atom, factor, match.end())
    chained = ahead(tail_patterns(vocabulary)["scale_word"], text, atom.end, TAIL_REACH)
    if chained is not None:
        more = scales.words[fold(matched_surface(chained))]
        if more >= _THOUSAND:
            scale_by(atom, atom.scale * more, chained.end(), rescale=True)
    return True


#: Scales below this are counts (``dozen``): they neither follow number words
#: as a scale nor chain after another scale.
_THOUSAND = 1000.0
#: The money suffix that also writes the metre: after a bare number it is a
#: million only before a plural noun (``5m users``; ``5m is`` is five metres).
_MILLION_OR_METRE = "m"


def _read_scale_suffix(
    atom: Atom, text: str, possible: frozenset[str], vocabulary: Vocabulary | None
) -> None:
    """A scale suffix glued to digits (``3bn``, ``40k``), or one of money (``£5m``)."""
    scales = scale_words()
    match = attempt("scale_suffix", possible, text, atom.end)
    if match is not None and not is_resolution(atom, match.group()):
        scale_by(atom, scales.suffixes[match.group()], match.end())
        return
    match = attempt("money_suffix", possible, text, atom.end)
    if match is None:
        return
    if (
        atom.currency
        or _money_follows(text, match.end(), vocabulary)
        or (
            match.group() == _MILLION_OR_METRE
            and (
                _plural_noun_follows(text, match.end())
                or million_by_context(atom, text, match.end())
            )
        )
    ):
        scale_by(atom, scales.money_suffixes[match.group()], match.end())


def scale_by(atom: Atom, factor: float, end: int, *, rescale: bool = False) -> None:
    assert atom.value is not None
    atom.value = times(atom.value / atom.scale if rescale else atom.value, factor)
    atom.scale = factor
    atom.end = end
    atom.plain = False


#: Numbers that name a screen resolution before ``K`` (``4K``), not thousands.
_RESOLUTIONS = frozenset({2.0, 4.0, 5.0, 8.0})
RESOLUTION_SUFFIX = "K"


def is_resolution(atom: Atom, suffix: str) -> bool:
    """``4K`` and ``8K`` name screen resolutions, not four thousand."""
    return suffix == RESOLUTION_SUFFIX and atom.currency is None and atom.value in _RESOLUTIONS


def _money_follows(text: str, pos: int, vocabulary: Vocabulary | None) -> bool:
    p, money = tail_patterns(vocabulary), currencies(vocabulary)
    code = ahead(p["code_after"], text, pos, TAIL_REACH)
    if code is not None and code.group("code") in money.codes_after:
        return True
    gap = ahead(p["name_after"], text, pos, TAIL_REACH)
    return gap is not None and name_end(text, gap.end(), money) >= 0


def _plural_noun_follows(text: str, pos: int) -> bool:
    return bool(ahead(tail_patterns()["plural_noun"], text, pos, TAIL_REACH))
