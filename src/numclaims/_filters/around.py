"""What the rules read around a number: the word either side, and what opens a word.

Every look is bounded (:mod:`numclaims._text`), so the stage stays linear.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from numclaims._lexicon import entity_words, fold
from numclaims._scan import Atom
from numclaims._text import SPACE, WORD_REACH, ahead, behind

__all__ = [
    "bare",
    "initials",
    "opens",
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
    return after.islower() and after.endswith("s") and after not in entity_words().stop


def bare(atom: Atom) -> bool:
    """A number with nothing attached: no currency, scale, unit or percent."""
    return atom.kind == "number" and not atom.scaled and not atom.is_range


def sentence_starts(text: str, pos: int) -> bool:
    """True where ``pos`` opens a sentence (only spaces and quotes after a full stop)."""
    return behind(_SENTENCE_BEFORE, text, pos, _SENTENCE_GAP_REACH) is not None


def initials(words: Iterable[str], *, any_case: bool) -> frozenset[str]:
    """The characters that open ``words``: a screen built from the list its pattern is built from.

    >>> sorted(initials(["am", "GMT"], any_case=True))
    ['A', 'G', 'a', 'g']

    In any case, a character that is not ASCII may fold to an initial (the
    kelvin sign to ``k``, ``ſ`` to ``s``): :func:`opens` lets every such
    character through rather than list them.
    """
    firsts = {word[:1] for word in words if word}
    if not any_case:
        return frozenset(firsts)
    return frozenset(
        variant
        for first in firsts
        for folded in (first, fold(first)[:1])
        for variant in (folded, folded.lower(), folded.upper())
    )


def opens(char: str, starts: frozenset[str], *, any_case: bool) -> bool:
    """True where ``char`` may open one of the words whose :func:`initials` are ``starts``."""
    return char in starts or (any_case and not char.isascii())
