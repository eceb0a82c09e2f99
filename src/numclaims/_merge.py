"""Stage 4: composite measures and ranges join neighbouring numbers.

* ``merge_composite`` joins ``5 ft`` + ``10 in`` into one measure;
* ``merge_range`` joins two numbers into a range (``between 2,000 and
  4,000``, ``$5-10 million``, ``20-30%``), sharing scale, unit and currency.

Every pattern here is anchored at a quantity and scans a bounded window,
so the stage stays linear in the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import regex

from numclaims._changes import change_before
from numclaims._filters import month_follows
from numclaims._scan import Atom

__all__ = ["composite_allowed", "merge_composite", "merge_range"]

ConvertFn = Callable[[float, str, str], float]
"""Converts a value from one pint unit to another."""

#: Composite measures: the larger unit -> the smaller unit that may follow.
COMPOSITES: dict[str, str] = {
    "foot": "inch",
    "yard": "foot",
    "mile": "yard",
    "meter": "centimeter",
    "stone": "pound",
    "pound": "ounce",
    "kilogram": "gram",
    "year": "month",
    "month": "day",
    "week": "day",
    "day": "hour",
    "hour": "minute",
    "minute": "second",
}

_COMPOSITE_GAP = regex.compile(r"[\ \u00a0]*(?:,|and)?[\ \u00a0]*")
#: What joins the two ends of a range: a dash, or a word in any case.
_RANGE_DASHES = "-\u2013\u2014"
_RANGE_WORDS = ("to", "and", "through", "thru")
_RANGE_GAP = regex.compile(
    rf"[\ \u00a0]*(?P<conn>[{_RANGE_DASHES}]|(?i:{'|'.join(_RANGE_WORDS)}))[\ \u00a0]*"
)
#: The connectors of ``_RANGE_GAP``, lower-cased; letters outside ASCII are left to it.
_CONNECTORS = frozenset([*_RANGE_DASHES, *_RANGE_WORDS])
_BY = regex.compile(r"(?r)\b(?i:by)[\ \u00a0]+$")
_AREA_CODE_BEFORE = regex.compile(r"(?r)\(\d{2,5}\)[\ \u00a0]?$")
_DASH_GAP = regex.compile(f"[{_RANGE_DASHES}]")
_RANGE_OPENER = regex.compile(r"(?r)\b(?P<word>(?i:between|from))[\ \u00a0]+")
_DIGIT_SEPARATOR_BEFORE = regex.compile(r"(?r)\d[-/.]")
_DIGIT_SEPARATOR_AFTER = regex.compile(r"[-/.\u2013]\d")
_SCORE_BEFORE = regex.compile(
    r"(?r)\b(?i:won|win|wins|lost|lose|beat|beats|drew|draw|voted|vote|votes|led|trailed|"
    r"scored?|defeated|victory|record)\b[\w\s,]{0,12}"
)
_SCORE_AFTER = regex.compile(
    r"[\ \u00a0]+(?:\w+[\ \u00a0]+)?(?i:win|wins|victory|defeat|loss|draw|lead|vote|votes|"
    r"majority|decision|scoreline|margin|verdict|split|thrashing|drubbing|result)\b"
)


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
    if previous is None or previous.kind != "measure" or previous.unit not in COMPOSITES:
        return False
    gap = _COMPOSITE_GAP.match(text, previous.end, atom.start)
    return gap is not None and gap.end() == atom.start


def merge_composite(big: Atom, small: Atom, text: str, convert: ConvertFn) -> Atom | None:
    """``5 ft`` then ``10 in`` -> one measure of 70 inch, or None if they do not compose."""
    if not composite_allowed(big, small, text) or small.kind != "measure":
        return None
    if big.is_range or small.is_range or COMPOSITES.get(big.unit or "") != small.unit:
        return None  # 1-2 ft 3 in: a range does not compose
    assert big.unit is not None and small.unit is not None
    assert small.value is not None and big.value is not None
    big.value = convert(big.value, big.unit, small.unit) + small.value
    big.unit, big.end = small.unit, small.end
    return big


def merge_range(first: Atom, second: Atom, text: str) -> Atom | None:
    """Join two numbers written as a range, or return None if they are not one."""
    between = text[first.end : second.start].strip(" \u00a0")
    if between.isascii() and between.lower() not in _CONNECTORS:
        return None  # what _RANGE_GAP reads, read without it: most numbers are no range
    gap = _RANGE_GAP.match(text, first.end, second.start)
    if gap is None or gap.end() != second.start or first.is_range or second.is_range:
        return None
    if first.value is None or second.value is None:
        return None
    connector = gap.group("conn").lower()
    opener = _RANGE_OPENER.match(text, max(0, first.start - 16), first.start)
    if connector == "and" and (opener is None or opener.group("word").lower() != "between"):
        return None
    if (
        opener is not None
        and opener.group("word").lower() == "from"
        and change_before(text, opener.start())
    ):
        return None  # fell from 20% to 5%: two levels, not a spread
    if connector == "to" and (
        change_before(text, first.start) or _BY.match(text, max(0, first.start - 8), first.start)
    ):
        return None  # rose by 5 cents to 52 cents: a change, then a level
    if _DASH_GAP.fullmatch(connector) and _looks_like_score_or_date(first, second, text):
        return None
    if is_year_like(first) and is_year_like(second):
        return None
    if second.value <= 31 and month_follows(text, second.end):
        return None  # from 12 to 14 June: a span of dates
    low, high = replace(first), replace(second)  # try the merge on copies
    if not _share(low, high):
        return None
    assert low.value is not None and high.value is not None
    if low.value > high.value or (low.value == high.value and _DASH_GAP.fullmatch(connector)):
        return None  # 3-2 and 50-50 are scores and splits
    low.low, low.high, low.value = low.value, high.value, None
    low.start = opener.start() if opener is not None else low.start
    low.end = high.end
    low.plain = False
    return low


def _looks_like_score_or_date(first: Atom, second: Atom, text: str) -> bool:
    if _DIGIT_SEPARATOR_BEFORE.match(text, max(0, first.start - 2), first.start):
        return True
    if _AREA_CODE_BEFORE.match(text, max(0, first.start - 8), first.start):
        return True  # (555) 123-4567 is a phone number
    if _DIGIT_SEPARATOR_AFTER.match(text, second.end, second.end + 2):
        return True
    if first.plain and second.plain:
        before = _SCORE_BEFORE.match(text, max(0, first.start - 30), first.start)
        return (
            before is not None or _SCORE_AFTER.match(text, second.end, second.end + 30) is not None
        )
    return False


def _share(first: Atom, second: Atom) -> bool:
    """Share unit, currency and scale between the ends; False if they disagree."""
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
    if second.scaled and not first.scaled and first.form in ("digits", "fraction"):
        assert first.value is not None and second.value is not None
        if first.value * second.scale <= second.value:
            first.value *= second.scale
            first.scale = second.scale
    return True
