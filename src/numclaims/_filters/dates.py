"""Numbers that are dates or times: ``in 2003``, ``5/3/2024``, ``March 5``, ``14:30``, ``9 am``."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from numclaims._filters.around import (
    MARKED_DIGIT_REACH,
    bare,
    plural_noun_after,
    word_after,
    word_before,
)
from numclaims._lexicon import context_words, filter_words, month_words
from numclaims._scan import Atom
from numclaims._text import SPACE, ahead, behind, trie

__all__ = [
    "is_date",
    "is_date_span",
    "is_day_range",
    "is_fiscal_year",
    "is_time",
    "is_year",
    "month_follows",
]

#: The marks between the parts of a date written in digits: ``5/3/2024``, ``2024-03-05``.
_DATE_MARKS = "/.-"
_DATE_MARK = "[" + regex.escape(_DATE_MARKS) + "]"
_DATE_AFTER = regex.compile(rf"{_DATE_MARK}\d{{1,4}}(?:{_DATE_MARK}\d{{1,4}})?")
_DATE_BEFORE = regex.compile(rf"(?r)\d{_DATE_MARK}")
#: Screen: the character that opens ``_DATE_AFTER`` and ends ``_DATE_BEFORE``.
_DATE_MARK_SET = frozenset(_DATE_MARKS)
#: Room for the rest of a date after its first part: ``/3/2024``.
_DATE_REST_REACH = 12

#: The marks between hours and minutes: ``14:30``, ``2.15pm``; only a colon before minutes.
_CLOCK_MARK = "[" + regex.escape(":.") + "]"
_HOURS_BEFORE = regex.compile(r"(?r)\d:")
#: Room for the minutes and seconds after an hour (``:30:00``), or a time word after it.
_CLOCK_REACH = 12
#: Room for ``quarter past `` and a few more spaces.
_PAST_REACH = 16

#: The marks between the two years of a fiscal year: ``2022-23``, ``2023–24``, ``2022/23``.
_FISCAL_MARKS = "-–/"
#: Screen: the character right before the second year of a fiscal year.
_FISCAL_MARK_SET = frozenset(_FISCAL_MARKS)
_FISCAL_BEFORE = regex.compile(rf"(?r)(?<![\d.,])(?P<year>\d{{4}})[{regex.escape(_FISCAL_MARKS)}]")
#: Room for the first year and its mark: ``2022-``.
_FISCAL_REACH = 5

#: Room for a suffix, spaces and a month after a day: ``3rd  September``.
_MONTH_REACH = 16
#: Room for a joiner, the last day of a span and its month: `` to 14th September``.
_DATE_SPAN_REACH = 32


def _is_year_value(value: float) -> bool:
    return 1000 <= value <= 2100


def _is_day_value(value: float) -> bool:
    return 1 <= value <= 31


def is_year(atom: Atom, text: str) -> bool:
    """``in 2003``, ``the 2024 election``, but not ``2,000`` or ``2000 people``."""
    if not (atom.plain and bare(atom) and atom.end - atom.num_start == 4):
        return False
    assert atom.value is not None
    if not _is_year_value(atom.value):
        return False
    if word_before(atom, text).lower() in context_words()["year_before"]:
        return True
    if atom.bound != "exact":
        return False  # about 2000 people
    return not plural_noun_after(atom, text)


def is_date(atom: Atom, text: str) -> bool:
    """``5/3/2024``, ``2024-03-05``, ``March 5``, ``5 March``."""
    if not bare(atom) or atom.form != "digits":
        return False
    return _in_digit_date(atom, text) or (atom.plain and _beside_month(atom, text))


def _in_digit_date(atom: Atom, text: str) -> bool:
    """``5/3/2024``: a date mark and a digit after the number, or a digit and a mark before it."""
    start, end = atom.start, atom.end
    return (
        text[end : end + 1] in _DATE_MARK_SET
        and ahead(_DATE_AFTER, text, end, _DATE_REST_REACH) is not None
    ) or (
        text[start - 1 : start] in _DATE_MARK_SET
        and behind(_DATE_BEFORE, text, start, MARKED_DIGIT_REACH) is not None
    )


def _beside_month(atom: Atom, text: str) -> bool:
    """``March 5``, ``5 March``, ``March 2024``: a day or a year beside a month name."""
    assert atom.value is not None
    day, year = _is_day_value(atom.value), _is_year_value(atom.value)
    if not (day or year):
        return False  # no day of the month nor a year: the words around cannot help
    months = month_words()
    before = word_before(atom, text)
    if day and (before in months or word_after(atom, text).rstrip(".,") in months):
        return True
    return year and before.rstrip(",") in months


def is_fiscal_year(atom: Atom, text: str) -> bool:
    """``2022-23``, ``2023–24``, and ``2022-23 to 2025-26`` (read as ``23 to 2025``).

    The number is the year after the one before its mark, in two digits or four.
    """
    if text[atom.start - 1 : atom.start] not in _FISCAL_MARK_SET or atom.scaled:
        return False  # the screen: a fiscal year's mark right before the number
    first = atom.low if atom.is_range else atom.value
    match = behind(_FISCAL_BEFORE, text, atom.start, _FISCAL_REACH)
    if match is None or first is None:
        return False
    year = int(match.group("year"))
    return first in (year + 1, (year + 1) % 100)


def is_day_range(atom: Atom, text: str) -> bool:
    """``Sept. 20-24``, ``March 3–5``, ``Jan. 9 to 11``, ``20-22 April``: days, not a range."""
    if not (atom.is_range and atom.kind == "number" and not atom.scaled):
        return False
    low, high = atom.low, atom.high
    if low is None or high is None or not (_is_day_value(low) and _is_day_value(high)):
        return False
    return word_before(atom, text) in month_words() or month_follows(text, atom.end)


class _Months(NamedTuple):
    """The patterns of a month after a day, built from the month names and joiners."""

    after_day: regex.Pattern[str]  # 14 [June], 3[rd May]
    after_day_reach: int
    span: regex.Pattern[str]  # 12[ to 14 June]
    span_reach: int


@cache
def _months() -> _Months:
    words = filter_words()
    months = sorted(month_words(), key=len, reverse=True)
    suffix = trie(words.ordinal_suffixes)
    joiner = trie(words.date_span_joiners)
    longest = _longest(tuple(months)) + _longest(words.ordinal_suffixes)
    after_day = regex.compile(rf"(?:{suffix})?{SPACE}+\L<months>(?![\w])", months=months)
    span = regex.compile(
        rf"""
        {SPACE}* (?:{joiner}) {SPACE}*     # the joiner of a span
        \d{{1,2}} (?:{suffix})? {SPACE}+  # its last day
        \L<months> (?![\w])              # and their month
        """,
        regex.VERBOSE,
        months=months,
    )
    return _Months(
        after_day,
        # a suffix, a space, the longest month and the character after it
        max(_MONTH_REACH, longest + 2),
        span,
        # spaces, a joiner, a day and its suffix, a space, a month, the character after
        max(_DATE_SPAN_REACH, _longest(words.date_span_joiners) + longest + 6),
    )


def month_follows(text: str, pos: int) -> bool:
    """True where a month name follows ``pos``: ``14 June``, ``3rd May``."""
    months = _months()
    return ahead(months.after_day, text, pos, months.after_day_reach) is not None


def is_date_span(atom: Atom, text: str) -> bool:
    """``from 12 to 14 June``, ``between 3 and 9 May``: the first day of a span of dates."""
    if not (bare(atom) and atom.plain and atom.value is not None and atom.value <= 31):
        return False
    months = _months()
    return ahead(months.span, text, atom.end, months.span_reach) is not None


class _Clock(NamedTuple):
    """The patterns of a time of day, built from the time words, and how far each reads."""

    after: regex.Pattern[str]  # :30, .15pm, 9 am, 10 o'clock, 9 GMT
    after_reach: int
    past: regex.Pattern[str]  # half past 6
    past_reach: int


@cache
def _clock() -> _Clock:
    words = filter_words()
    after = words.time_suffixes + words.time_zones
    past = words.minutes_past
    return _Clock(
        after=regex.compile(
            rf"""
            {_CLOCK_MARK} \d{{2}} (?!\d) (?:{_CLOCK_MARK}\d{{2}})?  # 14:30, 2.15, 14:30:05
            | {SPACE}? (?i:{trie(after)}) \b                          # 9 am, 10 o'clock, 9 GMT
            """,
            regex.VERBOSE,
        ),
        # a space, the longest word and the character after it
        after_reach=max(_CLOCK_REACH, _longest(after) + 2),
        past=regex.compile(rf"(?r)\b(?i:{trie(past)}){SPACE}+past{SPACE}+$"),
        past_reach=max(_PAST_REACH, _longest(past) + len(" past ")),
    )


def _longest(words: tuple[str, ...]) -> int:
    return max(map(len, words), default=0)


def is_time(atom: Atom, text: str) -> bool:
    """``2.15pm``, ``14:30``, ``at 9 a.m.``, ``10 o'clock``, ``half past 6``."""
    if atom.kind != "number" or atom.scaled:
        return False
    clock = _clock()
    start, end = atom.start, atom.num_end
    return (
        behind(_HOURS_BEFORE, text, start, MARKED_DIGIT_REACH) is not None
        or behind(clock.past, text, start, clock.past_reach) is not None
        or ahead(clock.after, text, end, clock.after_reach) is not None
    )
