"""Stage 4: composite measures and ranges join neighbouring numbers.

* ``merge_composite`` joins ``5 ft`` + ``10 in`` into one measure;
* ``merge_range`` joins two numbers into a range (``between 2,000 and
  4,000``, ``$5-10 million``, ``20-30%``), sharing scale, unit and currency,
  unless one of the rules of :data:`_NOT_A_RANGE` reads them otherwise
  (a score, a date, a change and then a level).

The words (composite units, connectors, openers, contest words) are in
``data/merge.txt``.  Every pattern here is anchored at a number and reads a
bounded window, so the stage stays linear in the text.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

import regex

from numclaims._changes import change_before, delta_before
from numclaims._filters import month_follows
from numclaims._lexicon import currencies, fold, merge_words, number_words
from numclaims._numbers import times
from numclaims._scan import Atom
from numclaims._text import KEEP_GIL, SPACE, SPACE_CHARS, ahead, behind, group_numbers

__all__ = ["composite_allowed", "merge_composite", "merge_range", "merge_uncertainty"]

ConvertFn = Callable[[float, str, str], float]
"""Converts a value from one pint unit to another."""

#: Enough for an opener (``between``) and the spaces after it.
_OPENER_REACH = 16
#: Enough for a bracketed area code and a space: ``(01632) ``.
_AREA_CODE_REACH = 8
#: A digit and the separator next to it: ``12-`` of ``2012-13``.
_SEPARATOR_REACH = 2
#: Enough for a contest word and a few words between it and the numbers.
_CONTEST_REACH = 30
#: Before the numbers, room for four sets more: ``won the match 6-4, 3-6, 7-6, 4-6, ``.
_CONTEST_SETS_REACH = 54

#: The hyphens of a suspended compound: ``five- to six-hour``.
_HYPHENS = frozenset("-\u2013")
#: A word of a number written in words.
_WORD = regex.compile(r"[A-Za-z]+")
#: The smallest multiplier a word alone takes from the other end: ``five or six hundred``.
_HUNDRED = 100.0

#: A bracketed area code before the first end: ``(555) 123-4567`` is a phone number.
_AREA_CODE_IN_BRACKETS = regex.compile(rf"(?r)\(\d{{2,5}}\){SPACE}?")
#: A digit and a separator before the first end: ``2012-13-14``, ``12/03-05``.
_SEPARATOR_BEFORE = regex.compile(r"(?r)\d[-/.]")
#: A separator and a digit after the second end: ``12-14-2020``.
_SEPARATOR_AFTER = regex.compile(r"[-/.\u2013]\d")


class _Patterns(NamedTuple):
    """The stage's patterns built from merge.txt."""

    composite_gap: regex.Pattern[str]
    range_gap: regex.Pattern[str]
    opener: regex.Pattern[str]
    contest_before: regex.Pattern[str]
    contest_after: regex.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """The stage's patterns, built from the words of ``merge.txt`` on first use."""
    words = merge_words()
    composite_gap = regex.compile(
        rf"""
        {SPACE}*
        (?:\L<links>)?      # 5 ft, 10 in; 5 ft and 10 in
        {SPACE}*
        (?:\L<links>)?      # 2 hours, 5 minutes, and 6 seconds
        {SPACE}*
        """,
        regex.VERBOSE,
        links=list(words.composite_links),
    )
    range_gap = regex.compile(
        rf"""
        {SPACE}*
        (?P<conn>(?i:\L<connectors>))   # 5-10, 2 to 4, 2 through 4, between 2 and 4
        {SPACE}*
        """,
        regex.VERBOSE,
        connectors=list(words.connectors),
    )
    opener = regex.compile(
        rf"""(?r)
        \b(?P<opener>(?i:\L<openers>))  # between, from
        {SPACE}+
        """,
        regex.VERBOSE,
        openers=list(words.openers),
    )
    contest_before = regex.compile(
        r"""(?r)
        \b(?i:\L<words>)\b      # won, voted, victory
        [\w\s,]{0,12}           # a few words: won it 3-2
        (?:\d{1,2}[-–]\d{1,2},?\s+){0,4}  # the sets before: won 6-4, 3-6
        """,
        regex.VERBOSE,
        words=list(words.contest_before),
    )
    contest_after = regex.compile(
        rf"""
        {SPACE}+
        (?:\w+{SPACE}+)?        # one word between: a 3-2 home win
        (?i:\L<words>)\b        # win, majority, verdict
        """,
        regex.VERBOSE,
        words=list(words.contest_after),
    )
    return _Patterns(composite_gap, range_gap, opener, contest_before, contest_after)


@cache
def _connectors() -> frozenset[str]:
    """Every connector of a range, case-folded: the screen before the gap pattern."""
    return frozenset(merge_words().connectors)


def is_year_like(atom: Atom) -> bool:
    """A plain four-digit number between 1000 and 2100."""
    return (
        atom.plain
        and atom.value is not None
        and atom.end - atom.num_start == 4
        and 1000 <= atom.value <= 2100
    )


def composite_allowed(previous: Atom | None, atom: Atom, text: str) -> bool:
    """True where ``atom`` may be the smaller part of a composite (``10 in`` of ``5 ft 10 in``)."""
    if previous is None or previous.kind != "measure":
        return False
    if previous.unit not in merge_words().composites:
        return False
    gap = _patterns().composite_gap.match(text, previous.end, atom.start, KEEP_GIL)
    return gap is not None and gap.end() == atom.start


def merge_composite(big: Atom, small: Atom, text: str, convert: ConvertFn) -> Atom | None:
    """``5 ft`` then ``10 in`` -> one measure of 70 inch, or None if they do not compose."""
    if big.kind == "money":
        return _merge_money(big, small, text)
    if not composite_allowed(big, small, text) or small.kind != "measure":
        return None
    smaller = merge_words().composites.get(big.unit or "")
    if smaller != small.unit and _reads_as(small, text) == smaller:
        small = replace(small, unit=smaller, dimension=big.dimension)  # the m of 2h 30m
    if big.is_range or small.is_range or smaller != small.unit:
        return None  # 1-2 ft 3 in: a range does not compose
    assert big.unit is not None and small.unit is not None
    assert small.value is not None and big.value is not None
    big.value = convert(big.value, big.unit, small.unit) + small.value
    big.unit, big.end = small.unit, small.end
    return big


def _merge_money(big: Atom, small: Atom, text: str) -> Atom | None:
    """``3 dollars 50 cents`` -> 3.50 dollars: an amount and then a minor unit, as one sum.

    The minor unit takes the amount's currency: ``4 euros 20 cents`` is 4.20 euros.
    """
    if small.kind != "money" or big.per or small.per:
        return None
    if big.is_range or small.is_range or big.scaled or big.value is None or small.value is None:
        return None
    minor = currencies().minor
    if not big.value.is_integer() or not 0 < small.value < 1 or _minor(big, text, minor):
        return None
    if not _minor(small, text, minor):
        return None  # $3 and $0.50 are two amounts
    gap = _patterns().composite_gap.match(text, big.end, small.start, KEEP_GIL)
    if gap is None or gap.end() != small.start:
        return None
    big.value = round(big.value + small.value, 10)
    big.end = small.end
    return big


def _minor(atom: Atom, text: str, minor: dict[str, str]) -> bool:
    """True where ``atom`` was written in a minor unit (``50 cents``, ``87p``)."""
    return fold(text[atom.num_end : atom.end].strip(SPACE_CHARS + "-")) in minor


def merge_uncertainty(value: Atom, error: Atom, text: str) -> Atom | None:
    """``5.2 ± 0.3 mm``, ``34.5 +/- 6.1 years``: one value with its uncertainty, or None.

    The ends share kind and unit as a range's do (``5.2`` takes ``mm``); the
    uncertainty is never negative (``+/-6.1`` reads the ``-`` as a sign first).
    """
    if value.value is None or error.value is None or value.is_range or error.is_range:
        return None
    gap, plus_minus = text[value.end : error.start].strip(SPACE_CHARS), _plus_minus()
    if gap not in plus_minus and not (
        gap + text[error.start : error.start + 1] in plus_minus and error.value < 0
    ):
        return None
    joined, other = value.copy(), error.copy()
    if value.uncertainty is not None or not _share_kind(joined, other):
        return None
    assert other.value is not None
    joined.uncertainty = abs(other.value)
    joined.end, joined.plain = other.end, False
    return joined


@cache
def _plus_minus() -> frozenset[str]:
    """What stands between a value and its uncertainty (``±``, ``+/-``)."""
    return frozenset(merge_words().plus_minus)


def _reads_as(small: Atom, text: str) -> str | None:
    """The unit the surface after ``small``'s number writes in a composite (``m``: minute)."""
    surface = text[small.num_end : small.end].strip(SPACE_CHARS)
    return merge_words().composite_readings.get(surface)


@dataclass(frozen=True, slots=True)
class _Pair:
    """Two numbers with a connector between them: a range, unless a rule says otherwise."""

    first: Atom
    second: Atom
    text: str
    connector: str  # the connector's part in merge.txt: dash, to, through, and
    opener: str | None  # the opener's part (between, from), or None
    start: int  # where the range would start: at its opener, or at the first number


def merge_range(first: Atom, second: Atom, text: str) -> Atom | None:
    """Join two numbers written as a range, or return None if they are not one."""
    between = text[first.end : second.start].strip(SPACE_CHARS)
    if between.isascii() and between.lower() not in _connectors():
        return None  # what the gap pattern reads, read without it: most numbers are no range
    pair = _pair(first, second, text)
    if pair is None:
        return None
    for rule in _NOT_A_RANGE:
        if rule(pair):
            return None
    return _spread(pair)


def _pair(first: Atom, second: Atom, text: str) -> _Pair | None:
    """The two numbers and what joins them, or None where they cannot make a range.

    None for a range already, a number with no value, or a gap that is no connector.
    """
    if first.is_range or second.is_range or first.value is None or second.value is None:
        return None
    patterns = _patterns()
    gap = patterns.range_gap.match(text, first.end, second.start, KEEP_GIL)
    if gap is None or gap.end() != second.start:
        return None
    words = merge_words()
    connector = words.connectors[fold(gap.group(group_numbers(gap.re)["conn"]))]
    opener = behind(patterns.opener, text, first.start, _OPENER_REACH)
    if opener is None:
        return _Pair(first, second, text, connector, None, first.start)
    role = words.openers[fold(opener.group(group_numbers(opener.re)["opener"]))]
    return _Pair(first, second, text, connector, role, opener.start())


def _and_without_between(pair: _Pair) -> bool:
    """``2 and 4`` is a range only after ``between``."""
    return pair.connector == "and" and pair.opener != "between"


def _or_after_a_quantity(pair: _Pair) -> bool:
    """``£5 or 10 pounds`` is two quantities; ``five or six`` shares what follows the second."""
    return pair.connector == "or" and (
        pair.first.kind != "number" or pair.first.scaled or pair.first.form != pair.second.form
    )


def _levels_after_a_change(pair: _Pair) -> bool:
    """``fell from 20% to 5%``: two levels, not a spread."""
    return pair.opener == "from" and change_before(pair.text, pair.start)


def _change_then_level(pair: _Pair) -> bool:
    """``rose by 5 cents to 52 cents``: a change, then a level."""
    if pair.connector != "to" or pair.text[pair.first.end : pair.first.end + 1] in _HYPHENS:
        return False  # 8- to 16-meter blades: a suspended hyphen writes one range
    at = pair.first.start
    if delta_before(pair.text, at):  # rose by 5 to 52 cents; but by 50 to 75 basis points
        return not (pair.second.in_points and _unit_written_once(pair.first, pair.second))
    return change_before(pair.text, at) and not _unit_written_once(pair.first, pair.second)


#: The widest spread of a range whose unit is written once after a change verb:
#: ``dropped 10 to 15 centimetres`` is a range; ``fell 5 to 95 cents`` a change and a level.
_SHARED_UNIT_SPREAD = 3.0


def _unit_written_once(first: Atom, second: Atom) -> bool:
    """A bare count before a close larger quantity with a unit: ``10 to 15 centimetres``."""
    if first.kind != "number" or first.scaled or second.kind == "number":
        return False
    assert first.value is not None and second.value is not None
    return 0 < first.value < second.value <= first.value * _SHARED_UNIT_SPREAD


def _score_or_date(pair: _Pair) -> bool:
    """``3-2``, ``2012-13-14``, ``(555) 123-4567``: a dash that joins no range."""
    return pair.connector == "dash" and _looks_like_score_or_date(
        pair.first, pair.second, pair.text
    )


def _two_hyphenated_adjectives(pair: _Pair) -> bool:
    """``between two-year and 10-year yields``: the two ends compared, each with its unit glued."""
    ends = (pair.first, pair.second)
    return pair.connector == "and" and all(
        e.unit and e.end > e.num_end + 1 and pair.text[e.num_end] in _HYPHENS for e in ends
    )


def _two_years(pair: _Pair) -> bool:
    """``1939 to 1945`` is two years, left to the filters."""
    return is_year_like(pair.first) and is_year_like(pair.second)


def _days_of_a_month(pair: _Pair) -> bool:
    """``from 12 to 14 June``: a span of dates."""
    assert pair.second.value is not None
    return pair.second.value <= 31 and month_follows(pair.text, pair.second.end)


#: Why two numbers with a connector between them are not a range, in the order tried.
_NOT_A_RANGE: tuple[Callable[[_Pair], bool], ...] = (
    _and_without_between,
    _or_after_a_quantity,
    _levels_after_a_change,
    _change_then_level,
    _score_or_date,
    _two_hyphenated_adjectives,
    _two_years,
    _days_of_a_month,
)


def _looks_like_score_or_date(first: Atom, second: Atom, text: str) -> bool:
    """A separator or an area code around the pair, or a contest word near two plain numbers."""
    if behind(_SEPARATOR_BEFORE, text, first.start, _SEPARATOR_REACH) is not None:
        return True
    if behind(_AREA_CODE_IN_BRACKETS, text, first.start, _AREA_CODE_REACH) is not None:
        return True
    if ahead(_SEPARATOR_AFTER, text, second.end, _SEPARATOR_REACH) is not None:
        return True
    if not (first.plain and second.plain):
        return False
    patterns = _patterns()
    return (
        behind(patterns.contest_before, text, first.start, _CONTEST_SETS_REACH) is not None
        or ahead(patterns.contest_after, text, second.end, _CONTEST_REACH) is not None
    )


def _spread(pair: _Pair) -> Atom | None:
    """The range from the first number to the second, or None if the ends disagree."""
    low, high = pair.first.copy(), pair.second.copy()  # try the merge on copies
    if not _share(low, high):
        return None
    _share_word_scale(low, high, pair.text)
    assert low.value is not None and high.value is not None
    if pair.connector == "or" and not _neighbours(low.value, high.value):
        return None  # 1.5 or 3 tesla: two settings, not a rough range
    first, second = low.value, high.value
    if second < first < 0 and pair.connector == "to":
        low, high = high, low  # from -18 °C to -34 °C: the colder end is the low
    elif first > second or (first == second and pair.connector == "dash"):
        return None  # 3-2 and 50-50 are scores and splits
    low.low, low.high, low.value = low.value, high.value, None
    low.start, low.end = pair.start, max(low.end, high.end)
    low.per = high.per or low.per  # between $48,000 and $90,000 a year
    low.plain = False
    return low


def _share(first: Atom, second: Atom) -> bool:
    """Share kind, unit, currency and scale between the ends; False if they disagree."""
    if not _share_kind(first, second):
        return False
    _share_scale(first, second)
    return True


def _share_kind(first: Atom, second: Atom) -> bool:
    """A bare number takes the kind, unit and currency of the other end (``5 to 10 km``)."""
    if first.kind == "number" and second.kind != "number":
        if first.form == "vague":
            return False
        first.kind, first.unit, first.currency = second.kind, second.unit, second.currency
        first.dimension = second.dimension
        first.per = second.per
    elif second.kind == "number" and first.kind != "number":
        second.kind, second.unit, second.currency = first.kind, first.unit, first.currency
    elif (first.kind, first.unit) != (second.kind, second.unit):
        return False
    return True


def _share_scale(first: Atom, second: Atom) -> None:
    """``$5-10 million``: the first end takes the second's scale, if it stays the lower."""
    if second.scaled and not first.scaled and first.form in ("digits", "fraction", "words"):
        assert first.value is not None and second.value is not None
        if first.value * second.scale <= second.value:
            first.value = times(first.value, second.scale)
            first.scale = second.scale


def _neighbours(first: float, second: float) -> bool:
    """Whole numbers a step of the first's order apart, as a rough range: 3 or 4, 40 or 50.

    >>> _neighbours(3, 4), _neighbours(40, 50), _neighbours(500, 600), _neighbours(1.5, 3)
    (True, True, True, False)
    """
    if first <= 0 or first != int(first) or second != int(second):
        return False
    step = 10.0 ** math.floor(math.log10(first))
    return 0 < second - first <= step


def _share_word_scale(first: Atom, second: Atom, text: str) -> None:
    """``four to five thousand``: a number word alone takes the multiplier that ends the other."""
    if first.form != "words" or second.form != "words" or first.scaled:
        return
    words, multipliers = number_words(), number_words().multipliers
    first_words = _WORD.findall(text, first.num_start, first.num_end, False, KEEP_GIL)
    if not all(fold(word) in words.units or fold(word) in words.tens for word in first_words):
        return  # four hundred to five thousand: the first has its own
    last = _WORD.findall(text, second.num_start, second.num_end, False, KEEP_GIL)[-1:]
    factor = multipliers.get(fold(last[0]), 1.0) if last else 1.0
    assert first.value is not None and second.value is not None
    if factor >= _HUNDRED and first.value * factor <= second.value:
        first.value = times(first.value, factor)
