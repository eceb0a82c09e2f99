"""Numbers that count nothing: tallies, idioms, a bare ``a``, values past a float's range."""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple

import regex

from numclaims._filters.around import bare, initials, opens, word_after, word_before
from numclaims._lexicon import context_words, entity_words, filter_words, idioms
from numclaims._scan import Atom
from numclaims._text import PHRASE_REACH, SPACE, SPACE_CHARS, SPACES, ahead, behind, trie

__all__ = ["is_bare_article", "is_idiom", "is_score", "is_unrepresentable"]

#: The word that joins the two sides of a tally: ``320 votes to 295``, ``a 9-to-5 job``.
_TO = "to"
#: Room for the other side of a tally and the words between: `` votes to 295``.
_TALLY_REACH = 24
_OF = regex.compile(rf"{SPACE}+of\b")
_AGO = regex.compile(rf"{SPACE}+ago\b")
#: How far either side of a number an idiom is looked for.
_IDIOM_REACH = 40


class _Tally(NamedTuple):
    """The patterns of the other side of a tally, built from the score words, and their screens."""

    other_after: regex.Pattern[str]  # 320 [votes to 295], 455 [for 6], 9[-to-5]
    other_before: regex.Pattern[str]  # [320 votes to] 295, [455 for] 6, [9-to-]5
    word_starts: frozenset[str]  # what opens a score word after the number
    word_ends: tuple[str, ...]  # what ends the words before the number


@cache
def _tally() -> _Tally:
    words = filter_words()
    votes, runs_for = trie(words.votes_to), trie(words.runs_for)
    wickets = r"(?:10|\d)(?![\d\w])"  # at most 10 wickets
    after = rf"""
        {SPACE}+ (?i:{votes}) {SPACE}+ {_TO} {SPACE}+ \d                        # 320 votes to 295
        | (?<=(?<![\d,.])\d{{1,3}}) {SPACE}+ (?:{runs_for}) {SPACE}+ {wickets}  # 455 for 6
        | -{_TO}-\d                                                            # a 9-to-5 job
    """
    before = rf"""(?r)
        (?: \d {SPACE}+ (?i:{votes}) {SPACE}+ {_TO}                           # 320 votes to
          | (?<![\d,.])\d{{1,3}} {SPACE}+ (?:{runs_for}) (?={SPACE}+{wickets})  # 455 for
          | \d-{_TO}-                                                         # 9-to-
        ) {SPACE}* $
    """
    return _Tally(
        regex.compile(after, regex.VERBOSE),
        regex.compile(before, regex.VERBOSE),
        initials(words.votes_to, any_case=True) | initials(words.runs_for, any_case=False),
        (_TO, *words.runs_for, "-"),
    )


def is_score(atom: Atom, text: str) -> bool:
    """``by 320 votes to 295``, ``455 for 6``, a ``9-to-5`` job, a rating of ``2/10``."""
    if not bare(atom):
        return False
    return _other_side_after(atom, text) or _other_side_before(atom, text) or _rating(atom, text)


def _other_side_after(atom: Atom, text: str) -> bool:
    tally, end = _tally(), atom.end
    return _tally_may_follow(text, end, tally.word_starts) and (
        ahead(tally.other_after, text, end, _TALLY_REACH) is not None
    )


def _tally_may_follow(text: str, end: int, starts: frozenset[str]) -> bool:
    """Screen: a hyphen (``-to-``) or spaces and the start of a score word follow the number."""
    after = text[end : end + 1]
    if after == "-":
        return True
    word = text[end : end + _TALLY_REACH].lstrip(SPACE_CHARS)[:1]
    return after in SPACES and opens(word, starts, any_case=True)


def _other_side_before(atom: Atom, text: str) -> bool:
    tally, start = _tally(), atom.start
    return _tally_may_end(text, start, tally.word_ends) and (
        behind(tally.other_before, text, start, _TALLY_REACH) is not None
    )


def _tally_may_end(text: str, start: int, ends: tuple[str, ...]) -> bool:
    """Screen: the text before the number, but spaces, ends as a score word or a hyphen."""
    return text[max(0, start - _TALLY_REACH) : start].rstrip(SPACE_CHARS).endswith(ends)


def _rating(atom: Atom, text: str) -> bool:
    """``rated 2/10``, but not ``2/10 of the vote``."""
    return (
        atom.form == "fraction"
        and text[atom.num_start : atom.num_end].endswith("/10")
        and ahead(_OF, text, atom.end, PHRASE_REACH) is None
    )


@cache
def _idiom_pattern() -> regex.Pattern[str]:
    """Any idiom, standing whole, in any case.

    Written as a tree of shared prefixes, which the engine tries faster than
    the named list ``\\b(?i:\\L<idioms>)\\b``.  The two match the same where
    no idiom matches the start of another, so at most one matches at a place;
    were one to, the named list is kept.
    """
    words = sorted(idioms())
    heads = [regex.compile(r"(?i:" + regex.escape(word) + ")") for word in words]
    if all(words) and not any(
        head.match(other)
        for head, word in zip(heads, words, strict=True)
        for other in words
        if other != word
    ):
        return regex.compile(r"\b(?i:" + trie(words) + r")\b")
    return regex.compile(r"\b(?i:\L<idioms>)\b", idioms=words)


@cache
def _longest_idiom() -> int:
    """The most characters an idiom match spans.

    Without full case folding each character of a match is one character of
    the idiom (``ſ`` for ``s``, the kelvin sign for ``k``), so a match is no
    longer than the longest idiom.
    """
    return max(map(len, idioms()), default=0)


def is_idiom(atom: Atom, text: str) -> bool:
    """``cloud nine``, ``one of the``, ``no one``, ``a one-off``, ``the second half``."""
    if atom.form not in ("words", "article") or atom.kind not in ("number", "measure"):
        return False
    return _idiom_by_context(atom, text) or _idiom_overlaps(atom, text)


def _idiom_overlaps(atom: Atom, text: str) -> bool:
    """True where an idiom that the pattern finds left to right around ``atom`` overlaps it.

    An overlapping match starts less than ``reach`` before the atom, and a
    match that starts earlier ends by the atom's start, so it cannot hide
    one that starts inside the atom: the first match from there decides,
    unless it starts before the atom (a match before it may hide it).
    """
    start, end = atom.start, atom.end
    low = max(0, start - _IDIOM_REACH)
    pattern = _idiom_pattern()
    reach = _longest_idiom()
    if reach <= _IDIOM_REACH:
        first = pattern.search(text, max(low, start - reach + 1), end + reach)
        if first is None or first.start() >= end:
            return False
        if first.start() >= start:
            return True
    for match in pattern.finditer(text, low, end + _IDIOM_REACH):
        if match.start() < end and start < match.end():
            return True
    return False


def _idiom_by_context(atom: Atom, text: str) -> bool:
    """The words around the number make it an idiom: ``one of the``, ``the second half``."""
    if atom.form == "article":
        return ahead(_AGO, text, atom.end, PHRASE_REACH) is not None  # less than a year ago
    if atom.kind != "number":
        return False
    if atom.value == 0.5:
        return word_before(atom, text).lower() in context_words()["half_before"]
    return atom.value == 1 and _one_as_pronoun(atom, text)


def _one_as_pronoun(atom: Atom, text: str) -> bool:
    """``one of the``, ``no one``, ``one would like``, ``a one-off``: no count of one."""
    if text[atom.end : atom.end + 1] == "-":
        return True
    after = word_after(atom, text).lower()
    context = context_words()
    return (
        not after
        or after in context["one_after"]
        or after in entity_words().stop
        or word_before(atom, text).lower() in context["one_before"]
    )


@cache
def _extra_before() -> tuple[regex.Pattern[str], int]:
    """The words before ``a`` that make it a claim (``an extra week``), and how far to look."""
    extra = filter_words().extra
    pattern = regex.compile(rf"(?r)\b(?i:{trie(extra)}){SPACE}+")
    return pattern, max(16, max(map(len, extra), default=0) + 1)  # and the space after it


def is_bare_article(atom: Atom, text: str) -> bool:
    """``a week ago`` is no claim; ``up to a week`` and ``an extra fortnight`` are."""
    if atom.form != "article" or atom.bound != "exact":
        return False
    if atom.unit in filter_words().counted_alone:
        return False  # for a fortnight, a decade of growth
    pattern, reach = _extra_before()
    return behind(pattern, text, atom.start, reach) is None


def is_unrepresentable(atom: Atom, text: str) -> bool:
    """``1e308 thousand``: a value past the range of a float is no usable quantity."""
    value, low, high = atom.value, atom.low, atom.high
    return (
        (value is not None and not math.isfinite(value))
        or (low is not None and not math.isfinite(low))
        or (high is not None and not math.isfinite(high))
    )
