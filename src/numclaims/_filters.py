"""Stage 5: drop the numbers that are names, not quantities.

Each rule is a small predicate over an atom and the text around it and
returns a short reason when the number is not a quantity: a year, a date,
a time, an ordinal, a version or model name, a phone number, an ID or a
label (``page 12``), or an idiom (``one of the``).  The rules only ever
look a bounded distance either side of the atom, so the stage is linear.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

import regex

from numclaims._lexicon import context_words, entity_words, idioms, label_words, month_words
from numclaims._scan import Atom
from numclaims._text import trie

#: How far a pattern anchored at a number may read ahead. A bound keeps every
#: match cheap: without an end position the regex engine may scan to the end
#: of a long text before deciding.
_AHEAD = 64

__all__ = ["RULES", "month_follows", "non_quantity"]

Rule = Callable[[Atom, str], bool]

_WORD_BEFORE = regex.compile(r"(?r)([#\w][\w.'’&\-]*)[\ \u00a0]*")
_WORD_AFTER = regex.compile(r"[\ \u00a0]*(\w(?:[\w.'’]*\w)?)")
_TIME_AFTER = regex.compile(
    r"(?:[:.]\d{2}(?!\d)(?:[:.]\d{2})?|[\ \u00a0]?(?i:[ap]\.?m\b\.?|o['’]clock\b|hrs\b|GMT\b|BST\b|"
    r"UTC\b|[ECMP][SD]?T\b|CET\b))"
)
_TIME_BEFORE = regex.compile(r"(?r)\d[:]")
_DATE_AFTER = regex.compile(r"[/.\-]\d{1,4}(?:[/.\-]\d{1,4})?")
_DATE_BEFORE = regex.compile(r"(?r)\d[/.\-]")
_PHONE_AFTER = regex.compile(r"(?:[\ .\-]\(?\d{2,4}\)?){2,}(?![\d,])|\)[\ .\-]?\d{3}[\ .\-]\d{4}")
_GROUP_BEFORE = regex.compile(r"(?r)\d[\ .\-]")
_GROUP_AFTER = regex.compile(r"[\ .\-]\d{2,4}(?![\d,])")
_ADDRESS_AFTER = regex.compile(
    r"(?:(?:[\ \u00a0][A-Z][a-z]+){1,3}[\ \u00a0](?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Way|"
    r"Boulevard|Place|Square|Terrace|Crescent|Close|Court)\b"
    r"|[\ \u00a0](?:Rue|Via|Calle|Avenida|Piazza|Plaza|Strasse|Straße)\b)"
)
_POSTCODE_BEFORE = regex.compile(r"(?r)(?:\b[A-Z]{2}|\b[A-Z][a-z]+,)[\ \u00a0]$")
_AREA_CODE_BEFORE = regex.compile(r"(?r)\(\d{2,5}\)[\ \u00a0]?$")
_ZERO_GROUP_BEFORE = regex.compile(r"(?r)\b0\d{2,5}[\ .\-]$")
_SCORE_AFTER = regex.compile(
    r"[\ \u00a0]+(?i:votes?)[\ \u00a0]+to[\ \u00a0]+\d"  # 320 votes to 295
    r"|(?<=(?<![\d,.])\d{1,3})[\ \u00a0]+for[\ \u00a0]+(?:10|\d)(?![\d\w])"  # 455 for 6
    r"|-to-\d"  # a 9-to-5 job
)
_SCORE_BEFORE = regex.compile(
    r"(?r)(?:\d[\ \u00a0]+(?i:votes?)[\ \u00a0]+to"
    r"|(?<![\d,.])\d{1,3}[\ \u00a0]+for(?=[\ \u00a0]+(?:10|\d)(?![\d\w]))|\d-to-)[\ \u00a0]*$"
)
_OF = regex.compile(r"[\ \u00a0]+of\b")


_SENTENCE_BEFORE = regex.compile(r"(?r)(?:^|[.!?:;\n][\"“”‘’')]*)[\ \u00a0]*")
#: Units that ``a`` makes a claim of by itself: ``for a fortnight``, ``a decade of growth``.
_ALWAYS_COUNTED = frozenset({"fortnight", "decade", "century"})
_EXTRA_BEFORE = regex.compile(r"(?r)\b(?i:extra|another|additional|further)[\ \u00a0]+")
_AGO = regex.compile(r"[\ \u00a0]+ago\b")
_LABEL_LIST_BEFORE = regex.compile(
    r"(?r)\b(?P<label>[A-Za-z.#]+)[\ \u00a0]+\d+[\ \u00a0]*(?:and|or|to|-|–|,|&)[\ \u00a0]*$"
)
#: The last letter or mark of each joiner ``_LABEL_LIST_BEFORE`` accepts (and, or, to, -, ...).
_LIST_JOINS = frozenset("dro-–,&")
_TIME_WORDS_BEFORE = regex.compile(
    r"(?r)\b(?i:half|quarter|ten|five|twenty)[\ \u00a0]+past[\ \u00a0]+$"
)


#: The characters a match of ``_TIME_AFTER`` may open with, and those that may follow
#: its optional space (the first letters of ``am``, ``pm``, ``o'clock``, ``hrs``,
#: ``GMT``, ``BST``, ``UTC``, ``EST``... in either case; no other letter folds to them).
_TIME_OPENERS = frozenset(":. \u00a0apohgbuecmAPOHGBUECM")
_TIME_LETTERS = frozenset("apohgbuecmAPOHGBUECM")
_SPACES = frozenset(" \u00a0")
_DATE_MARKS = frozenset("/.-")
_SCORE_WORDS = frozenset("vVf")  # votes to, for
_GROUP_MARKS = frozenset(" .-")


def _digit_like(char: str) -> bool:
    """False only for a character ``\\d`` cannot match (``""``, or ASCII but no digit)."""
    return "0" <= char <= "9" if char.isascii() else True


def _word_before(atom: Atom, text: str) -> str:
    match = _WORD_BEFORE.match(text, max(0, atom.start - 40), atom.start)
    return match.group(1) if match else ""


def _word_after(atom: Atom, text: str) -> str:
    match = _WORD_AFTER.match(text, atom.end, atom.end + 40)
    return match.group(1) if match else ""


def _bare(atom: Atom) -> bool:
    """A number with nothing attached: no currency, scale, unit or percent."""
    return atom.kind == "number" and not atom.scaled and not atom.is_range


def is_year(atom: Atom, text: str) -> bool:
    """``in 2003``, ``the 2024 election``, but not ``2,000`` or ``2000 people``."""
    if not (atom.plain and _bare(atom) and atom.end - atom.num_start == 4):
        return False
    assert atom.value is not None
    if not 1000 <= atom.value <= 2100:
        return False
    if _word_before(atom, text).lower() in context_words()["year_before"]:
        return True
    if atom.bound != "exact":
        return False  # about 2000 people
    after = _word_after(atom, text)
    return not (after.islower() and after.endswith("s") and after not in entity_words().stop)


def is_glued_to_name(atom: Atom, text: str) -> bool:
    """``A380``, ``F-16``, ``COVID-19``, ``5G``, ``3rd``, ``1990s``, ``v2.1``."""
    before = text[atom.start - 1] if atom.start else " "
    if before == " ":
        pass  # the commonest case, which none of the tests below accepts
    elif before.isalpha() or before in "_@/\\" or (before.isdigit() and atom.form == "digits"):
        return True
    elif (
        before == "-"
        and atom.start >= 2
        and text[atom.start - 2].isalnum()
        and atom.form != "words"
    ):
        return not text[atom.start - 2].isdigit()
    after = text[atom.end] if atom.end < len(text) else " "
    if after == " ":
        return False  # likewise
    if after.isalnum() or after in "_@":
        return True
    return after in "'’" and text[atom.end + 1 : atom.end + 2] == "s" and atom.kind == "number"


def is_time(atom: Atom, text: str) -> bool:
    """``2.15pm``, ``14:30``, ``at 9 a.m.``, ``10 o'clock``."""
    if atom.kind not in ("number",) or atom.scaled:
        return False
    start, num_end = atom.start, atom.num_end
    # Each pattern is tried only where the character it needs first is there.
    before = text[start - 1] if start else ""
    if before == ":" and _TIME_BEFORE.match(text, max(0, start - 2), start):
        return True
    if before in _SPACES and _TIME_WORDS_BEFORE.match(text, max(0, start - 16), start):
        return True  # half past six
    after = text[num_end : num_end + 1]
    if after not in _TIME_OPENERS or (
        after in _SPACES and text[num_end + 1 : num_end + 2] not in _TIME_LETTERS
    ):
        return False
    return bool(_TIME_AFTER.match(text, num_end, num_end + 12))


def is_date(atom: Atom, text: str) -> bool:
    """``5/3/2024``, ``2024-03-05``, ``March 5``, ``5 March``."""
    if not _bare(atom) or atom.form != "digits":
        return False
    start, end = atom.start, atom.end
    if (text[end : end + 1] in _DATE_MARKS and _DATE_AFTER.match(text, end, end + 12)) or (
        start
        and text[start - 1] in _DATE_MARKS
        and _DATE_BEFORE.match(text, max(0, start - 2), start)
    ):
        return True
    if not atom.plain:
        return False
    assert atom.value is not None
    day, year = 1 <= atom.value <= 31, 1000 <= atom.value <= 2100
    if not (day or year):
        return False  # no day of the month nor a year: the words around cannot help
    months = month_words()
    before = _word_before(atom, text)
    if day and (before in months or _word_after(atom, text).rstrip(".,") in months):
        return True
    return before.rstrip(",") in months and year


@cache
def _month_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    months = sorted(month_words(), key=len, reverse=True)
    day_month = regex.compile(r"(?:st|nd|rd|th)?[\ \u00a0]+\L<months>(?![\w])", months=months)
    span = regex.compile(
        r"[\ \u00a0]*(?:-|–|to|and|until|till)[\ \u00a0]*\d{1,2}(?:st|nd|rd|th)?[\ \u00a0]+"
        r"\L<months>(?![\w])",
        months=months,
    )
    return day_month, span


def month_follows(text: str, pos: int) -> bool:
    """True where a month name follows ``pos``: ``14 June``, ``3rd May``."""
    return _month_patterns()[0].match(text, pos, pos + 16) is not None


def is_date_span(atom: Atom, text: str) -> bool:
    """``from 12 to 14 June``, ``between 3 and 9 May``: the first day of a span of dates."""
    return (
        _bare(atom)
        and atom.plain
        and atom.value is not None
        and atom.value <= 31
        and _month_patterns()[1].match(text, atom.end, atom.end + 32) is not None
    )


def is_labelled(atom: Atom, text: str) -> bool:
    """``page 12``, ``Route 66``, ``No. 10``, ``#48213``, ``Article 50``."""
    if not _bare(atom) or atom.form == "vague":
        return False
    if atom.start and text[atom.start - 1] == "#":
        return True
    before = _word_before(atom, text)
    return before.lower() in label_words() or _is_model_name(atom, text, before)


def _is_model_name(atom: Atom, text: str, before: str) -> bool:
    """``Boeing 737``, ``iOS 17.4``, ``S&P 500``, ``FTSE 250``: a name, then its number."""
    if not _bare(atom) or atom.form != "digits" or len(before) < 2 or atom.bound != "exact":
        return False
    words = entity_words()
    lower = before.lower()
    if before.endswith(("'s", "’s")) or lower in words.verbs or lower in words.ambiguous_verbs:
        return False  # India's 36 subdivisions; Serves 4
    number = text[atom.num_start : atom.num_end]
    if "," in number or len(number.partition(".")[2]) > 2:
        return False  # 1,844 and 3.14159 are amounts, not names
    capitals = sum(map(str.isupper, before))
    if not capitals or lower in words.stop or lower in ("between", "from"):
        return False
    if capitals > 1 or not before[0].isupper():
        return True  # acronyms and mixed case name things: FTSE 250 companies, iPhone 15
    after = _word_after(atom, text)
    plural = after.islower() and after.endswith("s") and after not in words.stop
    return not plural  # "gave Ukraine 50 tanks" counts tanks


def _sentence_start(text: str, pos: int) -> bool:
    """True where ``pos`` opens a sentence (only spaces and quotes after a full stop)."""
    return _SENTENCE_BEFORE.match(text, max(0, pos - 6), max(0, pos)) is not None


def is_capitalised_name(atom: Atom, text: str) -> bool:
    """``Six Nations``, ``BBC Two``, ``Formula One``: a capitalised number word mid-sentence."""
    if atom.form != "words" or not text[atom.start : atom.start + 1].isupper():
        return False
    return not _sentence_start(text, atom.start)


def is_phone_or_id(atom: Atom, text: str) -> bool:
    """Phone numbers, numbers with leading zeros, long digit IDs, postcodes."""
    if atom.kind != "number" or atom.scaled or atom.form != "digits":
        return False
    digits = text[atom.num_start : atom.num_end].lstrip("+-(")
    if digits[:1] == "0" and len(digits) > 1 and digits[1:2].isdigit():
        return True
    if atom.plain and len(digits) >= 8:
        return True
    start, end = atom.start, atom.end
    # Each pattern is tried only where the characters it needs first are there.
    after = text[end : end + 1]
    following = text[end + 1 : end + 2]
    if (
        after == ")" or (after in _GROUP_MARKS and (following == "(" or _digit_like(following)))
    ) and _PHONE_AFTER.match(text, end, end + 24):
        return True
    last = text[start - 1] if start else ""
    grouped = last in _GROUP_MARKS and _digit_like(text[start - 2 : start - 1] if start > 1 else "")
    if atom.plain and grouped and _ZERO_GROUP_BEFORE.match(text, max(0, start - 8), start):
        return True  # 07700 900461
    if (
        last == ")" or (last in _SPACES and start > 1 and text[start - 2] == ")")
    ) and _AREA_CODE_BEFORE.match(text, max(0, start - 8), start):
        return True  # (555) 123-4567
    if atom.plain and grouped and _GROUP_BEFORE.match(text, max(0, start - 2), start):
        return bool(_GROUP_AFTER.match(text, end, end + 6))  # 020 7946 0958
    return (
        atom.plain
        and len(digits) == 5
        and _POSTCODE_BEFORE.match(text, max(0, start - 24), start) is not None
    )


def is_address(atom: Atom, text: str) -> bool:
    """``10 Downing Street``, ``221B Baker Street``, ``14 Rue de Rivoli``."""
    if atom.kind != "number" or atom.form != "digits" or atom.is_range:
        return False
    end = atom.num_end + 1 if text[atom.num_end : atom.num_end + 1].isalpha() else atom.end
    if text[end : end + 1] not in _SPACES or not "A" <= text[end + 1 : end + 2] <= "Z":
        return False  # every street opens with a space and a capital
    return _ADDRESS_AFTER.match(text, end, end + 60) is not None


def is_score(atom: Atom, text: str) -> bool:
    """``by 320 votes to 295``, ``455 for 6``, a ``9-to-5`` job, a rating of ``2/10``."""
    if not _bare(atom):
        return False
    start, end = atom.start, atom.end
    # The patterns after the number open with a hyphen (``-to-5``) or with spaces and
    # ``votes`` or ``for``; those before it end with ``to``, ``for`` or a hyphen and spaces.
    after = text[end : end + 1]
    if (
        after == "-"
        or (after in _SPACES and text[end : end + 24].lstrip(" \u00a0")[:1] in _SCORE_WORDS)
    ) and _SCORE_AFTER.match(text, end, end + 24):
        return True
    low = max(0, start - 24)
    if text[low:start].rstrip(" \u00a0").endswith(("to", "for", "-")) and _SCORE_BEFORE.match(
        text, low, start
    ):
        return True
    number = text[atom.num_start : atom.num_end]
    return (
        atom.form == "fraction"
        and number.endswith("/10")
        and not _OF.match(text, atom.end, atom.end + _AHEAD)
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
def _idiom_reach() -> int:
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
    low = max(0, start - 40)
    pattern = _idiom_pattern()
    reach = _idiom_reach()
    if reach <= 40:
        first = pattern.search(text, max(low, start - reach + 1), end + reach)
        if first is None or first.start() >= end:
            return False
        if first.start() >= start:
            return True
    for match in pattern.finditer(text, low, end + 40):
        if match.start() < end and start < match.end():
            return True
    return False


def _idiom_by_context(atom: Atom, text: str) -> bool:
    """The words around the number make it an idiom: ``one of the``, ``the second half``."""
    if atom.form == "article":
        return _AGO.match(text, atom.end, atom.end + _AHEAD) is not None  # less than a year ago
    if atom.value == 0.5 and atom.kind == "number":
        return _word_before(atom, text).lower() in context_words()["half_before"]
    if atom.value != 1 or atom.kind != "number":
        return False
    if text[atom.end : atom.end + 1] == "-":
        return True
    after = _word_after(atom, text).lower()
    context = context_words()
    return (
        not after
        or after in context["one_after"]
        or after in entity_words().stop
        or _word_before(atom, text).lower() in context["one_before"]
    )


def is_bare_article(atom: Atom, text: str) -> bool:
    """``a week ago`` is no claim; ``up to a week`` and ``an extra fortnight`` are."""
    if atom.form != "article" or atom.bound != "exact" or atom.unit in _ALWAYS_COUNTED:
        return False
    return _EXTRA_BEFORE.match(text, max(0, atom.start - 16), atom.start) is None


def is_listed_label(atom: Atom, text: str) -> bool:
    """``junctions 10 and 11``, ``pages 4-6``: the second number of a labelled pair."""
    lo, end = max(0, atom.start - 40), atom.start
    while end > lo and text[end - 1] in " \u00a0":
        end -= 1
    if end == lo or text[end - 1] not in _LIST_JOINS:
        return False  # no "and", "or", "to", dash, comma or "&" right before: no list
    match = _LABEL_LIST_BEFORE.match(text, lo, atom.start)
    return match is not None and match.group("label").lower() in label_words()


def is_unrepresentable(atom: Atom, text: str) -> bool:
    """``1e308 thousand``: a value past the range of a float is no usable quantity."""
    value, low, high = atom.value, atom.low, atom.high
    return (
        (value is not None and not math.isfinite(value))
        or (low is not None and not math.isfinite(low))
        or (high is not None and not math.isfinite(high))
    )


RULES: dict[str, Rule] = {
    "unrepresentable": is_unrepresentable,
    "article": is_bare_article,
    "name": is_glued_to_name,
    "idiom": is_idiom,
    "capitalised_name": is_capitalised_name,
    "year": is_year,
    "date": is_date,
    "label": is_labelled,
    "time": is_time,
    "phone_or_id": is_phone_or_id,
    "score": is_score,
    "address": is_address,
    "date_span": is_date_span,
    "listed_label": is_listed_label,
}
"""Every rule, by the name of what it recognises, in the order they run.

Any rule that fires drops the number, so the order decides only which
reason is given and how soon: the cheap rules and those that fire most often
in news copy come first.
"""

#: Rules that only ever fire on a plain count (kind ``number``): each one's own
#: guard says so.  Money, percentages and measures skip them.
_NUMBER_RULES = frozenset(
    {"year", "date", "label", "time", "phone_or_id", "score", "address", "date_span"}
)
_ANY_KIND_RULES = tuple((name, rule) for name, rule in RULES.items() if name not in _NUMBER_RULES)


def non_quantity(atom: Atom, text: str) -> str | None:
    """The name of the first rule that says ``atom`` is not a quantity, or None."""
    for name, rule in RULES.items() if atom.kind == "number" else _ANY_KIND_RULES:
        if rule(atom, text):
            return name
    return None
