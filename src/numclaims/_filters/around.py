"""What the rules read around a number: the word either side, and where a sentence starts.

Every look is bounded (:mod:`numclaims._text`), so the stage stays linear.
"""

from __future__ import annotations

import regex

from numclaims._lexicon import entity_words
from numclaims._scan import Atom
from numclaims._text import SPACE, WORD_REACH, ahead, behind

__all__ = [
    "MARKED_DIGIT_REACH",
    "bare",
    "plural_noun_after",
    "sentence_starts",
    "word_after",
    "word_before",
]

_WORD_BEFORE = regex.compile(rf"(?r)([#\w][\w.'’&\-]*){SPACE}*")
_WORD_AFTER = regex.compile(rf"{SPACE}*(\w(?:[\w.'’]*\w)?)")
_SENTENCE_BEFORE = regex.compile(
    rf"""(?r)
    (?: ^ | [.!?:;\n] ["“”‘’')]* )  # the start of the text, or a full stop and its quotes
    {SPACE}*
    """,
    regex.VERBOSE,
)
#: Room for a digit and the mark after it, before a number: ``5/``, ``4:``, ``0 ``.
MARKED_DIGIT_REACH = 2
#: Room for a full stop, a closing quote or two, and the spaces after them.
_SENTENCE_GAP_REACH = 6


def word_before(atom: Atom, text: str) -> str:
    """The word right before ``atom`` (``page`` in ``page 12``), or ``""``."""
    match = behind(_WORD_BEFORE, text, atom.start, WORD_REACH)
    return match.group(1) if match else ""


def word_after(atom: Atom, text: str) -> str:
    """The word right after ``atom`` (``people`` in ``2000 people``), or ``""``."""
    match = ahead(_WORD_AFTER, text, atom.end, WORD_REACH)
    return match.group(1) if match else ""


def plural_noun_after(atom: Atom, text: str) -> bool:
    """True where a plural noun follows: ``2000 people``, ``50 tanks``, not ``2000 was``."""
    after = word_after(atom, text)
    return after.islower() and after.endswith("s") and after not in entity_words().closed


def bare(atom: Atom) -> bool:
    """A number with nothing attached: no currency, scale, unit or percent."""
    return atom.kind == "number" and atom.scale == 1.0 and atom.low is None  # scaled, is_range


def sentence_starts(text: str, pos: int) -> bool:
    """True where ``pos`` opens a sentence (only spaces and quotes after a full stop)."""
    return behind(_SENTENCE_BEFORE, text, pos, _SENTENCE_GAP_REACH) is not None
