"""Times: the time anchor a claim holds for, as written, minimal and with its preposition.

``last week``, ``in 2024``, ``on 5 March``, ``so far this year``, ``since the
invasion``, ``by 2030``, ``in the first quarter``, ``a year earlier``, and a
year before a noun (``2026 revenue`` -> ``2026``).  The years and dates that
the filters keep out of the quantities (``_filters.dates``) are read here by
the same month and weekday names (``non_quantities.txt``) and the same span of
years; every other word is in ``claims.txt``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from numclaims._claims.words import ClaimWords, alternation, claim_words
from numclaims._data import words

__all__ = ["TimeSpan", "find_times"]

#: A year as the date filters read one (1000-2100), written with four digits, or a decade.
_YEAR = r"(?:1[0-9]\d\d|20\d\d|2100)(?:s\b|\b)(?![,.]?\d)"
#: A day of the month: ``5``, ``5th``.
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


class TimeSpan(NamedTuple):
    """A time found in a sentence: its span, whether it stands alone, and whether it is a base."""

    start: int
    end: int
    base: bool  # a base of comparison (`from a year earlier`): used only when nothing else is
    owned: bool = False  # a year before a noun after an owner (`Its 2024 deliveries`)


def _names(section: str) -> str:
    """Month or weekday names of ``non_quantities.txt``, capitalised, as a pattern."""
    names = words("non_quantities", section)
    return alternation(tuple(n[:1].upper() + n[1:] for n in names)) + r"(?![\w-])"


@cache
def _pattern() -> re.Pattern[str]:
    t = claim_words()
    month, weekday = _names("month"), _names("weekday")
    unit = alternation(t.time_units)
    count = "(?:" + "|".join(c if c == r"\d+" else alternation((c,)) for c in t.time_counts) + ")"
    date = (
        rf"(?:{_DAY}\s+{month}(?:,?\s+{_YEAR})?"  # 5 March 2024
        rf"|{month}\s+{_DAY}\b(?:,?\s+{_YEAR})?"  # March 5, 2024
        rf"|{month}\s+{_YEAR}|{weekday}(?:,?\s+{month}\s+{_DAY}\b|\s+{_DAY}\s+{month})?)"
    )
    approx = rf"(?i:{alternation(t.time_approx)})(?:\s+|-)"  # early, mid-
    approximate = rf"{approx}(?:{month}(?:\s+{_YEAR})?|{_YEAR})"
    modifiers = rf"(?:(?:(?i:{alternation(t.time_modifiers)})|[A-Z][\w-]*)\s+){{0,3}}"
    relative = rf"(?i:{alternation(t.time_relative)})\s+(?:(?i:{unit})\b|{month}|{weekday})"
    of_year = rf"(?:\s+(?i:of|in)\s+(?:{_YEAR}|the\s+year|(?i:this|last|next)\s+year))?"
    period = (
        rf"(?i:the|its|his|her|their)\s+(?i:{alternation(t.time_parts)})\s+"
        rf"(?:(?i:{count})\s+)?{modifiers}(?i:{unit})\b{of_year}"
    )
    year_unit = rf"(?i:the)\s+{_YEAR}\s+{modifiers}(?i:{unit})\b"  # the 2023 season
    to_month = (
        rf"(?i:the)\s+(?:(?i:{count})\s+)?(?i:{unit})\s+to\s+(?:{approx})?"
        rf"(?:{_DAY}\s+{month}|{month}(?:\s+{_DAY}\b)?|{weekday}|{_YEAR})(?:,?\s+{_YEAR})?"
    )
    edge = (
        rf"(?i:the)\s+(?i:{alternation(t.time_edges)})\s+of\s+"
        rf"(?:{_YEAR}|{month}(?:\s+{_YEAR})?|(?i:the|this|next|last)\s+[a-z]+)\b"
    )
    quarter = rf"(?:(?i:fiscal|FY)\s?)?(?:Q[1-4]|H[12])(?:\s?{_YEAR})?|(?i:fiscal|FY)\s?{_YEAR}"
    event = rf"(?i:the)\s+(?i:{alternation(t.time_events)})\b"
    ago = rf"(?i:{count})\s+(?i:{unit})\s+(?i:{alternation(t.time_after)})\b"
    the_unit_before = (
        rf"(?i:the)\s+(?i:{unit})\s+(?i:before|earlier)\b"
        rf"|(?i:the\s+same)\s+(?i:{unit})\s+(?i:a|last|of\s+the\s+previous)\s+(?i:{unit})\b"
    )
    earlier_this = rf"(?i:earlier|later)\s+(?i:this|last|next)\s+(?i:{unit})\b"
    word = rf"(?i:{alternation(t.time_words)})\b(?:\s+(?i:this|last)\s+(?i:{unit})\b)?"
    prep = alternation(t.time_prepositions)
    the_unit = rf"(?i:the)\s+(?i:{unit})\b{of_year}"
    counted = rf"(?i:{count})\s+(?i:{unit})\b"
    return re.compile(
        rf"""
        (?<![\w$£€¥-])
        (?:
          (?P<since> {_since_clause(t)} )
        | (?P<range> (?i:between)\s+{_YEAR}\s+and\s+{_YEAR} | (?i:from)\s+{_YEAR}\s+to\s+{_YEAR} )
        | (?P<ago> {ago} | {the_unit_before} )
        | (?P<word> {earlier_this} | {word} )
        | (?i:{prep})\s+(?P<object> {edge} | {period} | {year_unit} | {to_month} | {approximate}
                                | {date} | {_YEAR}
                                | {relative} | {quarter} | {month} | {the_unit} )
        | (?i:{alternation(t.span_prepositions)})\s+(?P<counted> {counted} )
        | (?i:from)\s+(?P<from> {approximate} | {date} | {month} )
        | (?i:{alternation(t.event_prepositions)})\s+(?P<event> {event} )
        | (?P<bare> {relative} | {period} | {date} )
        | (?P<year> {_YEAR}(?=\s+[a-z]) )
        )
        """,
        re.VERBOSE,
    )


def _since_clause(t: ClaimWords) -> str:
    """A clause after ``since`` that dates a claim: ``since the war began``, ``since it
    landed in 2021``: a pronoun, a determiner and up to two words, or a name; a verb in
    the past; then up to six words to a mark or a clause word."""
    pronoun = alternation(t.pronouns)
    subject = (
        rf"(?:(?i:{pronoun})|(?i:the|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?"
        rf"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}})"
    )
    verb = rf"(?:[a-z]+ed|{alternation(t.past_irregular)})"
    rest = rf"(?:[ \t]+(?!(?i:{alternation(t.np_break)})\b)[\w’'-]+){{0,6}}"
    return rf"(?i:{alternation(t.since)})\s+{subject}\s+{verb}\b{rest}"


@cache
def _base_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?i:{alternation(claim_words().base)})\s+\Z")


@cache
def _superlative_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?i:{alternation(claim_words().superlatives)})\s+\Z")


def find_times(text: str, start: int, end: int) -> list[TimeSpan]:
    """The times of the sentence ``text[start:end]``, in order.

    >>> text = "Sales rose 5% in the first quarter from a year earlier."
    >>> [text[t.start:t.end] for t in find_times(text, 0, len(text))]
    ['in the first quarter', 'a year earlier']
    """
    found = []
    base = _base_pattern()
    superlative = _superlative_pattern()
    for match in _pattern().finditer(text, start, end):
        if superlative.search(text, max(start, match.start() - 16), match.start()):
            continue  # `the lowest since 1993`: a record's span, not the claim's time
        is_base = base.search(text, max(start, match.start() - 16), match.start()) is not None
        owned = match.lastgroup == "year" and _owned(text, start, match.start())
        found.append(TimeSpan(match.start(), match.end(), is_base, owned))
    return found


def _owned(text: str, start: int, year: int) -> bool:
    """Whether an owner stands before the year at ``year``: ``Its``, ``Tesla's``.

    >>> _owned("Tesla's 2023 sales", 0, 8), _owned("All 2023 sales", 0, 4)
    (True, False)
    """
    before = text[max(start, year - 24) : year].split()
    if not before:
        return False
    word = before[-1].lower()
    owners = claim_words().year_owners
    endings = tuple(owner for owner in owners if owner[0] in "'’")  # `'s` ends the owner's name
    return word in owners or word.endswith(endings)
