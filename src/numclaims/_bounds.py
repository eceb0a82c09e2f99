"""Stage 4: ranges, composite measures, bounds and changes.

* ``merge_composite`` joins ``5 ft`` + ``10 in`` into one measure;
* ``merge_range`` joins two numbers into a range (``between 2,000 and
  4,000``, ``$5-10 million``, ``20-30%``), sharing scale, unit and currency;
* ``read_bound`` reads the bound phrase before or after a quantity (``up to``,
  ``as high as``, ``or more``, ``65+``) into ``bound`` and ``qualifier``;
* ``read_change`` reads the change a clause states (``rose 5%``,
  ``fell to 3%``, ``134,500 more conscripts``).

Every pattern here is anchored at the quantity and scans a bounded window,
so the stage stays linear in the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

import regex

from numclaims._filters import month_follows
from numclaims._lexicon import bound_phrases, change_words, fold
from numclaims._scan import Atom

__all__ = ["merge_composite", "merge_range", "read_bound", "read_change"]

_WINDOW = 48

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
        and _change_before(text, opener.start())
    ):
        return None  # fell from 20% to 5%: two levels, not a spread
    if connector == "to" and (
        _change_before(text, first.start) or _BY.match(text, max(0, first.start - 8), first.start)
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
    word = _last_word(text, atom.start, lo)
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


def _last_word(text: str, pos: int, lo: int) -> str | None:
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


#: Between a change verb and its number: ``rose by``, ``fell to``, ``cut from``.
_CHANGE_PREPOSITIONS = ("by", "to", "from")
#: Words that may stand between the verb and the number: ``rose by nearly 5%``.
_CHANGE_FILLERS = (
    "a",
    "an",
    "some",
    "another",
    "further",
    "just",
    "only",
    "nearly",
    "almost",
    "about",
    "around",
)


@cache
def _change_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    changes = change_words()
    verb = regex.compile(
        r"(?r)\b(?i:(?P<verb>\L<verbs>))(?:[\ \u00a0]+(?i:(?P<prep>\L<preps>)))?"
        r"(?:[\ \u00a0]+(?i:\L<fillers>))?[\ \u00a0]+",
        verbs=[*changes.verbs, *changes.neutral],
        preps=list(_CHANGE_PREPOSITIONS),
        fillers=list(_CHANGE_FILLERS),
    )
    after = regex.compile(
        r"[\ \u00a0]+(?i:(?P<more>\L<more>)\b(?![\ \u00a0]+than)|(?P<noun>\L<nouns>)\b)",
        more=list(changes.more),
        nouns=list(changes.nouns),
    )
    before = regex.compile(
        r"(?r)\b(?i:(?P<more>additional|another|further|extra))[\ \u00a0]+",
    )
    return verb, after, before


@cache
def _verb_ends() -> frozenset[str]:
    """The words a change phrase before a number can end with (``rose``, ``by``, ``nearly``)."""
    changes = change_words()
    phrases = [*changes.verbs, *changes.neutral, *_CHANGE_PREPOSITIONS, *_CHANGE_FILLERS]
    return frozenset(phrase.split()[-1].lower() for phrase in phrases)


def _verb_applies(match: regex.Match[str], atom: Atom) -> bool:
    """``up``/``down`` state a change only of rates and money (``shares were up 5%``)."""
    verb = fold(match.group("verb"))
    if verb in change_words().neutral:
        return False
    return verb not in ("up", "down") or atom.kind in ("percent", "money")


def _change_before(text: str, pos: int) -> bool:
    verb, _, _ = _change_patterns()
    match = verb.match(text, max(0, pos - _WINDOW), pos)
    return match is not None and match.end() == pos


def read_change(atom: Atom, text: str, previous: Atom | None) -> None:
    """Read the change the clause states about ``atom`` into change and is_delta."""
    verb, after, before = _change_patterns()
    changes = change_words()
    lo = max(0, atom.start - _WINDOW)
    word = _last_word(text, atom.start, lo)
    match = verb.match(text, lo, atom.start) if word is None or word in _verb_ends() else None
    if match is not None and match.end() == atom.start and _verb_applies(match, atom):
        atom.change = changes.verbs[fold(match.group("verb"))]
        atom.is_delta = (match.group("prep") or "by").lower() == "by"
        return
    match = after.match(text, atom.end, atom.end + _WINDOW)
    if match is not None:
        word = fold(match.group("more") or match.group("noun"))
        atom.change = changes.more[word] if match.group("more") else changes.nouns[word]
        atom.is_delta = True
        return
    match = before.match(text, max(0, atom.start - 16), atom.start)
    if match is not None and match.end() == atom.start:
        atom.change, atom.is_delta = "increase", True
        return
    if previous is not None and previous.change and not previous.is_delta:
        gap = text[previous.end : atom.start].strip().lower()
        if gap == "to":  # fell from 20% to 5%
            atom.change, atom.is_delta = previous.change, False
