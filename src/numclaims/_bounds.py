"""Stage 5: the bound phrase before or after a quantity.

``read_bound`` reads ``up to``, ``as high as``, ``more than`` before a
quantity, or ``or more``, ``65+`` after it, into ``bound`` and ``qualifier``,
and widens the span to hold the phrase.  The phrases are in
``data/bounds.txt``.

Every pattern here is anchored at the quantity and reads a bounded window,
so the stage stays linear in the text.  Two screens, computed from the
phrases, spare most numbers the patterns: the characters before a number must
end a phrase (:func:`_may_end_before`), and the character after it must be
able to start one (:func:`_after_may_start`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from itertools import takewhile
from types import MappingProxyType

import regex

from numclaims._lexicon import bound_phrases, fold
from numclaims._scan import Atom
from numclaims._text import KEEP_GIL, SPACE, SPACE_CHARS, ahead, behind, group_numbers

__all__ = ["last_word", "letter_runs", "phrase_ends", "read_bound"]

#: Enough for the longest phrase (``up to a maximum of``) and the spaces next to it.
_PHRASE_REACH = 48
#: Enough for the word before ``over``/``under`` (``for``, ``lasted``) and its spaces.
_WORD_BEFORE_REACH = 20
#: What may stand between a number and a phrase of words after it: ``10 or more``, ``10-or-so``.
_AFTER_GAP_CHARS = SPACE_CHARS + "-"
_AFTER_GAP = frozenset(_AFTER_GAP_CHARS)
#: The spaces of SPACE_CHARS one by one, for ``str.rfind`` (a loop over them costs more).
_SPACE, _NO_BREAK_SPACE = SPACE_CHARS

#: The word before a phrase, for ``over``/``under`` before a duration.
_WORD_BEFORE = regex.compile(rf"(?r)(\w+){SPACE}+")


@cache
def _bound_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The patterns of phrases before and after a number, from ``bounds.txt``."""
    phrases = bound_phrases()
    left = regex.compile(
        rf"""(?r)
        (?:
            \b(?i:(?P<w>\L<words>))     # up to, more than, max.
          | (?P<s>\L<symbols>)          # <=, ~
        )
        {SPACE}*
        """,
        regex.VERBOSE,
        words=[p for p in phrases.before if p[0].isalnum()],
        symbols=[p for p in phrases.before if not p[0].isalnum()],
    )
    right = regex.compile(
        rf"""
        [{regex.escape(_AFTER_GAP_CHARS)}]+ (?i:(?P<w>\L<words>))\b   # or more, -odd
      | (?P<s>\L<symbols>) (?!\w)                                    # 65+
        """,
        regex.VERBOSE,
        words=[p for p in phrases.after if p[0].isalnum()],
        symbols=[p for p in phrases.after if not p[0].isalnum()],
    )
    return left, right


def read_bound(atom: Atom, text: str, floor: int = 0) -> None:
    """Read a bound phrase before or after ``atom`` into its span, bound and qualifier.

    ``floor`` is where the previous quantity ends: a phrase before this one may
    not reach back into it (``20 min. 30 people``, ``2 and over 3``).
    """
    start = atom.start
    lo = start - _PHRASE_REACH
    if lo < floor:
        lo = floor
    if _may_end_before(text, start, lo) and _read_before(atom, text, lo):
        return
    if _after_may_start(text, atom.end):
        _read_after(atom, text)


def _read_before(atom: Atom, text: str, lo: int) -> bool:
    """Read the phrase that ends where ``atom`` starts, reading back to ``lo``; False if none."""
    match = _bound_patterns()[0].match(text, lo, atom.start, KEEP_GIL)  # behind()
    if match is None:
        return False
    n = group_numbers(match.re)
    written = match.group(n["w"]) or match.group(n["s"])
    phrase = fold(written)
    if _across_duration(phrase, atom, text, match.start()) or _shouted(written):
        return False
    atom.bound = bound_phrases().before[phrase]
    atom.qualifier = written
    atom.start = match.start()
    return True


def _read_after(atom: Atom, text: str) -> None:
    """Read the phrase that follows ``atom``, if there is one."""
    match = ahead(_bound_patterns()[1], text, atom.end, _PHRASE_REACH)
    if match is None:
        return
    n = group_numbers(match.re)
    written = match.group(n["w"]) or match.group(n["s"])
    atom.bound = bound_phrases().after[fold(written)]
    atom.qualifier = written
    atom.end = match.end()


def _after_may_start(text: str, pos: int) -> bool:
    """False where no bound phrase after a number can start at ``pos``.

    A phrase after a number is a symbol (``+``) right there, or words after
    spaces or hyphens: the run of ASCII letters after them must be how such
    a phrase starts (``or`` of ``or more``), which rules out most numbers,
    such as ``5 people``, before the pattern.  A character outside ASCII
    after the run is left to the pattern (``ſ`` may be read as ``s``); the
    window is the pattern's.
    """
    runs, symbols = _after_starts()
    nxt = text[pos : pos + 1]
    if nxt in symbols:
        return True
    if nxt not in _AFTER_GAP:
        return False
    limit = pos + _PHRASE_REACH
    match = _GAP_AND_RUN.match(text, pos, limit)
    assert match is not None  # the gap is there
    end = match.end()
    if end < limit and not text[end : end + 1].isascii():
        return True
    return match.group(1).lower() in runs


#: The gap before a phrase after a number, then a run of ASCII letters.
_GAP_AND_RUN = re.compile(f"[{re.escape(_AFTER_GAP_CHARS)}]+([A-Za-z]*)")


@cache
def _after_starts() -> tuple[frozenset[str], frozenset[str]]:
    """How the phrases after a number start: the letter runs of those of words, and the
    first characters of the symbols."""
    after = bound_phrases().after
    symbols = {phrase[0] for phrase in after if not phrase[0].isalnum()}
    return letter_runs(phrase for phrase in after if phrase[0].isalnum()), frozenset(symbols)


def letter_runs(phrases: Iterable[str]) -> frozenset[str]:
    """How each of ``phrases`` starts: its run of ASCII letters, in lower case (a screen).

    Where a pattern reads one of the phrases in any case, standing whole, the
    run of ASCII letters it starts at is one of these, or is followed by a
    character outside ASCII (``ſ`` may be read as ``s``).
    """
    return frozenset("".join(takewhile(_ascii_letter, phrase)).lower() for phrase in phrases)


def _ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def last_word(text: str, pos: int, lo: int) -> str | None:
    """The word or symbol ending at ``pos`` (spaces skipped), lower-cased; None if unsure.

    A cheap look that spares the pattern of phrases before a number, which
    costs more: ``in`` of ``in 2003`` ends no bound phrase.  A word of ASCII
    letters (and full stops: ``max.``) comes back lower-cased, any other
    single character as it stands; None for anything else (``(about``,
    ``e.g.about``, letters outside ASCII), where the pattern must decide.
    ``lo`` is as far back as it may look.

    >>> last_word("rose by  5%", 9, 0), last_word("(about 5", 7, 0), last_word("<= 5", 3, 0)
    ('by', None, '=')
    """
    end = pos
    while end > lo and text[end - 1] in SPACE_CHARS:
        end -= 1
    if end == lo:
        return ""
    last = text[end - 1]
    if not (last == "." or ("a" <= last <= "z") or ("A" <= last <= "Z")):
        return last if last.isascii() else None
    word = text[text.rfind(_SPACE, lo, end) + 1 or lo : end]  # -1 + 1: no space, from lo
    if _NO_BREAK_SPACE in word:  # rare: the word starts after the last no-break space
        word = word[word.rindex(_NO_BREAK_SPACE) + 1 :]
    core = word.rstrip(".")
    return word.lower() if core.isascii() and core.isalpha() else None


def _may_end_before(text: str, pos: int, lo: int) -> bool:
    """False where no bound phrase before a number can end at ``pos`` (spaces skipped).

    The phrase ends where the spaces before the number start, so the last
    characters there, lowered, must be how one of the phrases ends: ``at`` of
    ``stood at 5`` may end ``capped at``, but ``od at`` ends no phrase.  The
    phrases are folded as the engine compares them, and an ASCII character
    matches only its own two cases, so the screen is exact where those
    characters are ASCII; any other text is left to the pattern.  ``lo`` is as
    far back as the pattern may read.
    """
    window = text[lo:pos].rstrip(SPACE_CHARS)[-_TAIL_CHARS:]
    if not window.isascii():
        return True
    window = window.lower()
    by_last_two, single = _before_tails()
    return window[-1:] in single or window.endswith(by_last_two.get(window[-2:], ()))


#: How many characters of the end of a phrase before a number :func:`_may_end_before` compares.
_TAIL_CHARS = 6


@cache
def _before_tails() -> tuple[Mapping[str, tuple[str, ...]], frozenset[str]]:
    """The last :data:`_TAIL_CHARS` characters of each phrase before a number (folded):
    those of two characters or more by their last two, and those of one.

    A window ends with one of them where it ends with one of its last two's
    group, or is one of those of one character: one lookup picks the few to compare.
    """
    phrases = bound_phrases().before
    tails = {phrase.rstrip(SPACE_CHARS)[-_TAIL_CHARS:] for phrase in phrases}
    groups: dict[str, list[str]] = {}
    for tail in sorted(tails):
        if len(tail) > 1:
            groups.setdefault(tail[-2:], []).append(tail)
    single = frozenset(tail for tail in tails if len(tail) == 1)
    return MappingProxyType({end: tuple(group) for end, group in groups.items()}), single


def phrase_ends(phrases: Iterable[str]) -> frozenset[str]:
    """What :func:`last_word` reads at the end of each of ``phrases``: a screen for their pattern.

    The last word, lower-cased, or its last symbol where it ends with one
    (``=`` of ``<=``).  Where ``last_word`` is sure of the word before a number
    and it is none of these, no phrase ends there.
    """
    ends = set()
    for phrase in phrases:
        last = phrase.split()[-1]
        ends.add(last.lower() if last[-1].isalpha() or last[-1] == "." else last[-1])
    return frozenset(ends)


def _shouted(written: str) -> bool:
    """``MAX 8`` in capitals is a model name; ``max 8`` is a bound."""
    return len(written) <= 4 and written.rstrip(".").isupper()


def _across_duration(phrase: str, atom: Atom, text: str, start: int) -> bool:
    """``invested over 20 years`` spans time; ``for over 20 years`` bounds it."""
    phrases = bound_phrases()
    if phrase not in phrases.spans_time or atom.dimension != "time":
        return False
    previous = behind(_WORD_BEFORE, text, start, _WORD_BEFORE_REACH)
    return previous is None or previous.group(1).lower() not in phrases.bounds_time
