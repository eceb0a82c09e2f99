"""Stage 5: the bound phrase before or after a quantity.

``read_bound`` reads ``up to``, ``as high as``, ``more than``, ``or more``,
``65+`` into ``bound`` and ``qualifier`` and widens the span to hold it.

Every pattern here is anchored at the quantity and scans a bounded window,
so the stage stays linear in the text.
"""

from __future__ import annotations

from functools import cache

import regex

from numclaims._lexicon import bound_phrases, fold
from numclaims._scan import Atom

__all__ = ["last_word", "read_bound"]

_WINDOW = 48


@cache
def _bound_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    before, after = bound_phrases()
    words_before = [p for p in before if p[0].isalnum()]
    symbols_before = [p for p in before if not p[0].isalnum()]
    words_after = [p for p in after if p[0].isalnum()]
    symbols_after = [p for p in after if not p[0].isalnum()]
    # Any run of spaces inside a phrase matches any whitespace.
    left = regex.compile(
        r"(?r)(?:\b(?i:(?P<w>\L<words>))|(?P<s>\L<symbols>))[\ \u00a0]*",
        words=words_before,
        symbols=symbols_before,
    )
    right = regex.compile(
        r"(?:[\ \u00a0-]+(?i:(?P<w>\L<words>))\b|(?P<s>\L<symbols>)(?![\w]))",
        words=words_after,
        symbols=symbols_after,
    )
    return left, right


_FOR_DURATION = frozenset(
    [
        "for",
        "of",
        "aged",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "took",
        "takes",
        "lasted",
        "lasting",
        "spent",
        "after",
        "in",
        "within",
        "than",
    ]
)
_PREVIOUS_WORD = regex.compile(r"(?r)(\w+)[\ \u00a0]+")


def read_bound(atom: Atom, text: str, floor: int = 0) -> None:
    """Read a bound phrase before or after ``atom`` into its span, bound and qualifier.

    ``floor`` is where the previous quantity ends: a phrase before this one may
    not reach back into it (``20 min. 30 people``, ``2 and over 3``).
    """
    left, right = _bound_patterns()
    before_map, after_map = bound_phrases()
    lo = max(floor, atom.start - _WINDOW)
    word = last_word(text, atom.start, lo)
    match = left.match(text, lo, atom.start) if word is None or word in _ends() else None
    if match is not None and match.end() == atom.start:
        written = match.group("w") or match.group("s")
        phrase = fold(written)
        if not _across_duration(phrase, atom, text, match.start()) and not _shouted(written):
            atom.bound = before_map[_fold_spaces(phrase)]
            atom.qualifier = text[match.start() : match.start() + len(written)]
            atom.start = match.start()
            return
    if not _after_may_start(text, atom.end):
        return
    match = right.match(text, atom.end, atom.end + _WINDOW)
    if match is not None:
        phrase = fold(match.group("w") or match.group("s"))
        atom.bound = after_map[_fold_spaces(phrase)]
        atom.qualifier = match.group("w") or match.group("s")
        atom.end = match.end()


def _after_may_start(text: str, pos: int) -> bool:
    """False where no bound phrase after a number can start at ``pos``.

    A phrase after a number is a symbol (``+``) right there, or words after
    spaces or hyphens: one look at the first letter (``or`` of ``or more``)
    rules out most numbers, such as ``5 people``, before the pattern.
    """
    words, symbols = _after_initials()
    nxt = text[pos : pos + 1]
    if nxt in symbols:
        return True
    if nxt not in _AFTER_GAP:
        return False
    end = min(len(text), pos + _WINDOW)
    while pos < end and text[pos] in _AFTER_GAP:
        pos += 1
    first = text[pos : pos + 1]
    return first in words or not first.isascii()


_AFTER_GAP = frozenset(" \u00a0-")


@cache
def _after_initials() -> tuple[frozenset[str], frozenset[str]]:
    """The first letters of phrases after a number (both cases), and first characters of symbols.

    Case-insensitive matching reads no character outside ASCII as one of
    these letters except ``ſ`` and the kelvin sign, which ``_after_may_start``
    leaves to the pattern with every other character outside ASCII.
    """
    _, after = bound_phrases()
    initials = {phrase[0] for phrase in after if phrase[0].isalnum()}
    symbols = {phrase[0] for phrase in after if not phrase[0].isalnum()}
    words = {*initials, *(c.upper() for c in initials), *(c.lower() for c in initials)}
    return frozenset(words), frozenset(symbols)


def last_word(text: str, pos: int, lo: int) -> str | None:
    """The word or symbol ending at ``pos`` (spaces skipped), lower-cased; None if unsure.

    A cheap look that spares the pattern of phrases before a number, which
    costs more: ``in`` of ``in 2003`` ends no bound phrase.  A word of ASCII
    letters (and full stops: ``max.``) comes back lower-cased, any other
    single character as it stands; None for anything else (``(about``,
    ``e.g.about``, letters outside ASCII), where the pattern must decide.
    """
    end = pos
    while end > lo and text[end - 1] in " \u00a0":
        end -= 1
    if end == lo:
        return ""
    last = text[end - 1]
    if not (last == "." or ("a" <= last <= "z") or ("A" <= last <= "Z")):
        return last if last.isascii() else None
    start = max(text.rfind(" ", lo, end), text.rfind("\u00a0", lo, end), lo - 1) + 1
    word = text[start:end]
    core = word.rstrip(".")
    return word.lower() if core.isascii() and core.isalpha() else None


@cache
def _ends() -> frozenset[str]:
    """How each phrase before a number ends: its last word, or last symbol (``=`` of ``<=``)."""
    before, _ = bound_phrases()
    ends = set()
    for phrase in before:
        last = phrase.split()[-1]
        ends.add(last if last[-1].isalpha() or last[-1] == "." else last[-1])
    return frozenset(ends)


def _shouted(written: str) -> bool:
    """``MAX 8`` in capitals is a model name; ``max 8`` is a bound."""
    return len(written) <= 4 and written.rstrip(".").isupper()


def _fold_spaces(phrase: str) -> str:
    return " ".join(phrase.split())


def _across_duration(phrase: str, atom: Atom, text: str, start: int) -> bool:
    """``invested over 20 years`` spans time; ``for over 20 years`` bounds it."""
    if phrase not in ("over", "under") or atom.dimension != "time":
        return False
    previous = _PREVIOUS_WORD.match(text, max(0, start - 20), start)
    return previous is None or previous.group(1).lower() not in _FOR_DURATION
