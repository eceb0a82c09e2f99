"""Ratios and multiples: numbers that state a relation, not an amount.

* :func:`merge_ratio` (stage 4, before ranges) joins two counts into a ratio:
  ``3 in 10`` (0.3), ``one-in-250 million`` (4e-9), ``3 of 18``, ``4 out of
  10``, ``10-for-13``; the parts go to ``numerator`` and ``denominator``.
* :func:`read_multiple` (after stage 4) reads a factor after a number:
  ``2x``, ``six times larger``, ``10-fold``.
* :func:`relation_atoms` finds what the scanner does not: verbs that multiply
  (``doubled`` 2, ``halved`` 0.5), ``tenfold``, ``twice as``, made shots
  out of attempts (``18/43 shooting``), and two readings in one unit
  (``140/90 mmHg``: two measures, ``140`` and ``90 mmHg``); the pipeline
  merges them into the stream of numbers in text order.

The words are in ``data/relations.txt``.  Every pattern is anchored at a
number or compiled once and run once over the text, so the stage stays
linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import regex

from numclaims._atoms import Atom
from numclaims._lexicon import fold, number_words, relation_words, unit_surfaces
from numclaims._tails import matched_surface, unit_at, unit_sense
from numclaims._text import (
    FOLD_WINDOW,
    KEEP_GIL,
    SPACE,
    SPACE_CHARS,
    WORD_REACH,
    ahead,
    group_numbers,
    trie,
)

__all__ = ["finder_words", "merge_ratio", "read_multiple", "relation_atoms", "with_relations"]

#: The longest gap between the parts of a ratio: `` out of ``.
_CONNECTOR_REACH = 10
#: Years after ``in`` and ``of`` are dates, not denominators: ``2 in 2019``.
_YEARS = (1800.0, 2100.0)


def merge_ratio(first: Atom, second: Atom, text: str) -> Atom | None:
    """``3 in 10`` -> one ratio of 0.3, or None where the two numbers are no ratio."""
    if second.num_start - first.end > _CONNECTOR_REACH or not _counts(first, second):
        return None
    gap = fold(text[first.end : second.num_start].strip(" \u00a0"))
    if gap not in relation_words().ratio:
        return None
    assert first.value is not None and second.value is not None
    numerator, denominator = first.value, abs(second.value)
    if not 0 <= numerator <= denominator or denominator == 0:
        return None
    if second.plain and _YEARS[0] <= denominator <= _YEARS[1]:
        return None  # 2 in 2019
    first.kind, first.value = "ratio", numerator / denominator
    first.numerator, first.denominator = numerator, denominator
    first.end, first.plain = second.end, False
    return first


def _counts(first: Atom, second: Atom) -> bool:
    """Both plain counts: no unit, no range, a value."""
    return (
        first.kind == second.kind == "number"
        and first.value is not None
        and second.value is not None
        and not first.is_range
        and not second.is_range
        and not first.scaled
    )


def read_multiple(atom: Atom, text: str) -> None:
    """``2x``, ``six times larger``, ``10-fold``: the number is a factor."""
    if atom.kind != "number" or atom.form == "vague" or not _may_be_factor(text, atom.end):
        return
    match = ahead(_factor_after(), text, atom.end, WORD_REACH)
    if match is not None:
        factor = group_numbers(match.re)["factor"]
        atom.kind, atom.end, atom.plain = "multiple", match.end(factor), False


def _may_be_factor(text: str, pos: int) -> bool:
    """A screen before :func:`_factor_after`: a factor word's first letter glued or spaced.

    ``x`` of ``2x``, ``-`` of ``10-fold``; ``t`` of `` times`` after a space.
    """
    glued, spaced = _factor_firsts()
    char = text[pos : pos + 1]
    if char in glued:
        return True
    return char in SPACE_CHARS and text[pos + 1 : pos + 2].lower() in spaced


@cache
def _factor_firsts() -> tuple[frozenset[str], frozenset[str]]:
    """The first characters of the factor words of relations.txt: glued (x, -), spaced (t)."""
    times = relation_words().times
    glued = {w[0] for w in times} | {w[0].upper() for w in times}
    return frozenset(glued), frozenset(w[0] for w in times if w.isalpha())


@cache
def _factor_after() -> regex.Pattern[str]:
    words = relation_words()
    return regex.compile(
        rf"""
        (?P<factor>
            [x×](?![\w.])                               # 2x faster, 10x zoom
          | X(?={SPACE}+(?i:\L<comparison>)\b)          # 2X faster (not the Nexus 5X)
          | -?(?i:fold)\b                               # 10-fold
          | {SPACE}+(?i:times)(?={SPACE}+(?i:\L<comparison>)\b)   # six times larger
        )
        """,
        regex.VERBOSE,
        comparison=list(words.comparison),
    )


@cache
def _finder() -> re.Pattern[str]:
    """Verbs that multiply, ``tenfold``, ``twice as``, ``18/43``: one pattern over the text."""
    words = relation_words()
    folds = _fold_words()
    comparison = trie(words.comparison)
    return re.compile(
        rf"""
        \b(?:
            (?P<verb>{trie(words.multiple_verbs)})
          | (?P<fold>{trie(folds)})fold
          | (?P<twice>{trie(words.multiple_words)})(?=[\ \u00a0]+(?:{comparison})\b)
          | (?<![\d/.,])(?P<num>\d{{1,{_RATIO_DIGITS}}})/(?P<den>\d{{1,{_RATIO_DIGITS}}})(?![\d/])
        )\b
        """,
        re.VERBOSE | re.IGNORECASE | re.ASCII,
    )


#: The most digits either side of the ``/`` of a ratio (``18/43``).
_RATIO_DIGITS = 3
#: How far around ``18/43`` a word of shooting is looked for.
_SLASH_CUE_REACH = 30


@cache
def _slash_cue() -> regex.Pattern[str]:
    return regex.compile(r"(?i)\b(?:\L<cues>)\b", cues=list(relation_words().slash_cues))


@cache
def _anchors() -> tuple[str, ...]:
    """Strings one of which the lower-cased text holds wherever :func:`_finder` matches.

    Each branch of the finder matches a literal of its own: a verb of
    multiplying, ``fold``, a multiple word (``twice``, ``double``), the ``/`` of ``18/43``.
    An anchor that holds another (``redoubled``, ``doubled``) is left out.
    The finder is ASCII and case-blind, and ``str.lower`` lowers every ASCII
    letter: text without any anchor holds no match, and the finder, which
    costs some 200 ns a character, is not run.
    """
    words = relation_words()
    literals = {*words.multiple_verbs, "fold", *words.multiple_words, "/"}
    return tuple(sorted(a for a in literals if not any(b != a and b in a for b in literals)))


@cache
def _anchor_pattern() -> re.Pattern[str]:
    """Any anchor: alternatives that open with a literal, which the engine skips ahead to."""
    return re.compile(trie(_anchors()))


@cache
def finder_words() -> frozenset[str]:
    """The words that :func:`_finder` matches whole (``doubled``, ``tenfold``, ``twice``).

    Lower case; every match of the finder is one of them or holds a ``/``.
    """
    words = relation_words()
    folds = (f"{w}fold" for w in _fold_words())
    return frozenset(w.lower() for w in (*words.multiple_verbs, *folds, *words.multiple_words))


#: Off switch of the screen below: False to search the anchors even where the scanner
#: has told where the first finder word stands.
_WORD_FROM_SCAN = True


def _relation_start(text: str, folded: str | None = None, word: int | None = None) -> int | None:
    """Where the finder may first match: None where ``text`` holds none of its anchors (a screen).

    A match holds an anchor no further in than :func:`_anchor_reach`, so no
    match starts that far before the first anchor: the finder starts there.
    A window whose lower case moves letters (``İ`` lowers to two) is searched
    from its start.  The windows overlap by an anchor's length less one, so
    an anchor that straddles the end of one window lies whole in the next.
    ``folded`` is the whole text as the scanner folds it, after a space, where
    it is at hand: its ASCII letters lowered, each character where it was.
    ``word`` is where the scanner found the first of :func:`finder_words` (``len(text)``:
    none), where it looked: the finder then starts there or at the digits before a ``/``.
    """
    pattern, overlap, reach = _anchor_screen()
    if folded is not None and word is not None and _WORD_FROM_SCAN:
        # the scanner's pass found the first finder word: the rest is a '/' and its digits
        slash = _ratio_slash(folded)
        first = word if slash < 0 else min(word, max(0, slash - 1 - _RATIO_DIGITS))
        return None if first >= len(text) else first
    if folded is not None:
        found = pattern.search(folded, 1)
        return None if found is None else max(0, found.start() - 1 - reach)
    for low in range(0, len(text) or 1, FOLD_WINDOW):
        window = text[low : low + FOLD_WINDOW + overlap]
        folded = window.lower()
        found = pattern.search(folded)
        if found is not None:
            first = low + found.start() if len(folded) == len(window) else low
            return max(0, first - reach)
    return None


def _ratio_slash(folded: str) -> int:
    """Where the first ``/`` with an ASCII digit either side stands in ``folded`` after its
    first character (-1: none): the ``/`` of the finder's ``18/43``, not of ``km/h``."""
    slash = folded.find("/", 1)
    while slash > 0 and (
        folded[slash - 1] not in _DIGITS or folded[slash + 1 : slash + 2] not in _DIGITS
    ):
        slash = folded.find("/", slash + 1)
    return slash


#: The digits of ``\d`` in the finder, which is ASCII.
_DIGITS = frozenset("0123456789")


@cache
def _anchor_screen() -> tuple[re.Pattern[str], int, int]:
    """The anchor pattern, by how much its windows overlap, and the reach before an anchor."""
    return _anchor_pattern(), max(map(len, _anchors())) - 1, _anchor_reach()


@cache
def _anchor_reach() -> int:
    """How far into a match of the finder its first anchor may lie: ``ten`` of ``tenfold``.

    Computed from what each branch matches: a verb, a number word before
    ``fold``, a multiple word, and the digits before the ``/`` of a ratio.
    """
    anchors = _anchors()
    matched = sorted(finder_words())
    firsts = [min(i for i in map(word.find, anchors) if i >= 0) for word in matched]
    return max([*firsts, _RATIO_DIGITS])


def _fold_words() -> list[str]:
    """The number words before ``fold`` (``tenfold``): two and up, and the tens."""
    units, tens = number_words().units, number_words().tens
    return [w for w in units if units[w] >= 2] + list(tens)


def relation_atoms(text: str, folded: str | None = None, word: int | None = None) -> Iterator[Atom]:
    """The multiples and ratios the scanner does not find, in text order (``folded``: the
    text as the scanner folds it, where it is at hand; ``word``: see :func:`_relation_start`)."""
    start = _relation_start(text, folded, word)
    if start is None:
        return
    words = relation_words()
    for match in _finder().finditer(text, start):
        start, end = match.span()
        group = match.lastgroup
        if group == "verb":
            value = words.multiple_verbs[match.group("verb").lower()]
        elif group == "fold":
            value = _word_value(match.group("fold").lower())
        elif group == "twice":
            value = words.multiple_words[match.group("twice").lower()]
        else:
            yield from _slash_atoms(match, text)
            continue
        atom = Atom(start, end, value, "words", start, end, kind="multiple")
        if group == "verb":  # doubled: an increase; halved: a decrease
            atom.change = "increase" if value > 1 else "decrease"
        yield atom


def _word_value(word: str) -> float:
    vocab = number_words()
    return vocab.units.get(word) or vocab.tens[word]


def _slash_atoms(match: re.Match[str], text: str) -> Iterable[Atom]:
    """``140/90 mmHg``: two readings; ``18/43 shooting``: a ratio; or nothing."""
    readings = _readings(match, text)
    if readings is not None:
        return readings
    atom = _slash_ratio(match, text)
    return () if atom is None else (atom,)


def _readings(match: re.Match[str], text: str) -> tuple[Atom, Atom] | None:
    """``140/90 mmHg``: two measures in a unit of ``[reading]``, each with its own span.

    The first is the bare number (``140``); the second holds the unit
    (``90 mmHg``).  None where no such unit follows.
    """
    end = match.end()
    after = text[end : end + 1]
    if after in SPACE_CHARS:
        after = text[end + 1 : end + 2]
    if after not in _reading_initials():
        return None  # the screen: no unit of a reading can start here
    found = unit_at(text, end)
    if found is None:
        return None
    sense = unit_sense(matched_surface(found))
    if sense.unit not in relation_words().readings:
        return None
    first_end, second_start = match.end("num"), match.start("den")
    first = Atom(
        match.start(), first_end, float(match.group("num")), "digits", match.start(), first_end
    )
    second = Atom(second_start, found.end(), float(match.group("den")), "digits", second_start, end)
    for atom in (first, second):
        atom.kind, atom.unit, atom.dimension = "measure", sense.unit, sense.dimension
    return first, second


@cache
def _reading_initials() -> frozenset[str]:
    """The first characters of the surfaces of the units of ``[reading]`` (``m`` of ``mmHg``)."""
    exact, folded = unit_surfaces()
    readings = relation_words().readings
    initials = {surface[0] for surface, sense in exact.items() if sense.unit in readings}
    for surface, sense in folded.items():
        if sense.unit in readings:
            initials.update((surface[0].lower(), surface[0].upper()))
    return frozenset(initials)


def _slash_ratio(match: re.Match[str], text: str) -> Atom | None:
    """``18/43 shooting``: made out of attempted, only next to a word of shooting."""
    numerator, denominator = float(match.group("num")), float(match.group("den"))
    if not denominator > 0 or numerator > denominator:
        return None
    start, end = match.span()
    if not _slash_cue().search(
        text, max(0, start - _SLASH_CUE_REACH), min(len(text), end + _SLASH_CUE_REACH), KEEP_GIL
    ):
        return None
    atom = Atom(start, end, numerator / denominator, "digits", start, end, kind="ratio")
    atom.numerator, atom.denominator = numerator, denominator
    return atom


def with_relations(
    atoms: Iterable[Atom], text: str, folded: str | None = None, word: int | None = None
) -> Iterator[Atom]:
    """``atoms`` with the relations of :func:`relation_atoms` merged in, in text order.

    Where two overlap, the one that starts first stands (a relation, at the
    same start).
    """
    found = relation_atoms(text, folded, word)
    pending = next(found, None)
    last_end = -1
    for atom in atoms:
        while pending is not None and pending.start <= atom.start:
            if pending.start >= last_end:
                last_end = pending.end
                yield pending
            pending = next(found, None)
        if atom.start >= last_end:
            read_multiple(atom, text)
            last_end = atom.end
            yield atom
    while pending is not None:
        if pending.start >= last_end:
            last_end = pending.end
            yield pending
        pending = next(found, None)
