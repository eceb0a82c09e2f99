"""Stage 3, ages: a bare count after ``aged``, ``who is``, ``Name, now``, ``adults over``.

The words before an age are data (``[age]`` and ``[age_aside]`` of
``cues.txt``); the screen that rules the pattern out before it runs is
computed from them.
"""

from __future__ import annotations

from functools import cache

import regex

from numclaims._atoms import Atom
from numclaims._lexicon import cue_words
from numclaims._text import SPACE, SPACE_CHARS, WORD_REACH, behind

__all__ = ["read_age"]

#: No one is this old: a larger count is no age.
_OLDEST = 130
#: How far back the words before an age are looked for: ``who turned``, or a
#: name and a comma (``Ronaldo, now``).
_AGE_REACH = WORD_REACH
#: What closes a name before an age given aside (``The striker, 19, has``).
_ASIDE_COMMA = ","
#: What closes an age given aside, after the number.
_ASIDE_CLOSES = (",", ".", ")", ";")


@cache
def _age_before() -> regex.Pattern[str]:
    """The words right before an age, read backwards from the number."""
    return regex.compile(
        rf"(?r)(?:\b(?i:\L<age>)"
        # the ages after the first of a list: aged 19, 22 and 24
        rf"|(?P<list>\b(?i:\L<age>){SPACE}+\d{{1,3}}(?:,{SPACE}+\d{{1,3}})*"
        rf"(?:,?{SPACE}+(?i:\L<joiner>)|,))"
        rf"|\b(?i:\L<group>){SPACE}+(?i:\L<bound>)"
        rf"|\b[A-Z][\w'’.]*{_ASIDE_COMMA}(?:{SPACE}(?i:\L<aside>))?"
        # as written: The goalkeeper, 36; A retired postman, 78
        rf"|\b\L<determiner>{SPACE}+(?:[a-z][\w'’-]*{SPACE}+)?[a-z][\w'’-]*{_ASIDE_COMMA})"
        rf"{SPACE}+",
        age=cue_words("age"),
        group=cue_words("age_group"),
        bound=cue_words("age_group_bound"),
        aside=cue_words("age_aside"),
        determiner=cue_words("age_aside_determiner"),
        joiner=cue_words("age_list_joiner"),
    )


#: The space between the words before an age and the number (the pattern's ``SPACE+``).
_AGE_GAP = frozenset(SPACE_CHARS)


@cache
def _age_ends() -> frozenset[str]:
    """The ASCII characters the age pattern may end with before its spaces.

    The last letter of an age word in either case (``aged``, ``who is``,
    ``now``), the comma after a name, or another space.  A character outside
    ASCII is left to the pattern (``ſ`` reads as ``s`` case-insensitively).
    """
    ends = {
        word[-1]
        for word in (
            *cue_words("age"),
            *cue_words("age_aside"),
            *cue_words("age_group_bound"),
            *cue_words("age_list_joiner"),
        )
    }
    cases = {case(end) for end in ends for case in (str.lower, str.upper)}
    return frozenset(cases | {_ASIDE_COMMA} | _AGE_GAP)


def read_age(atom: Atom, text: str) -> None:
    """Make a bare count an age in years: ``aged 40``, ``who is 58``, ``Ronaldo, now 39,``."""
    start = atom.start
    if atom.kind != "number" or start < 2 or text[start - 1] not in _AGE_GAP:
        return  # the pattern ends with a space (and an age word): "in 2003" has none
    if text[start - 2] not in _age_ends() and text[start - 2].isascii():
        return
    if atom.scaled or atom.value is None or not 0 < atom.value < _OLDEST:
        return
    match = behind(_age_before(), text, start, _AGE_REACH)
    if match is not None and _closed(match, text[atom.end : atom.end + 1]):
        atom.kind, atom.unit, atom.dimension = "measure", "year", "age"


def _closed(match: regex.Match[str], after: str) -> bool:
    """False for an age given aside that no punctuation closes: ``The striker, 19, has``.

    The commas of a list of ages (``aged 19, 22 and 24``) set none aside.
    """
    listed = match.group("list")
    if listed is not None:
        # aged 40, and 3 others: a comma and a joiner after a single age end the list
        words = listed.split()
        ages = sum(word[:1].isdigit() for word in words)
        return ages > 1 or words[-1].endswith(_ASIDE_COMMA) or not words[-2].endswith(_ASIDE_COMMA)
    return _ASIDE_COMMA not in match.group() or after in _ASIDE_CLOSES
