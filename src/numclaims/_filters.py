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
    if before.isalpha() or before in "_@/\\" or (before.isdigit() and atom.form == "digits"):
        return True
    if (
        before == "-"
        and atom.start >= 2
        and text[atom.start - 2].isalnum()
        and atom.form != "words"
    ):
        return not text[atom.start - 2].isdigit()
    after = text[atom.end] if atom.end < len(text) else " "
    if after.isalnum() or after in "_@":
        return True
    return after in "'’" and text[atom.end + 1 : atom.end + 2] == "s" and atom.kind == "number"


def is_time(atom: Atom, text: str) -> bool:
    """``2.15pm``, ``14:30``, ``at 9 a.m.``, ``10 o'clock``."""
    if atom.kind not in ("number",) or atom.scaled:
        return False
    if _TIME_BEFORE.match(text, max(0, atom.start - 2), atom.start):
        return True
    if _TIME_WORDS_BEFORE.match(text, max(0, atom.start - 16), atom.start):
        return True  # half past six
    return bool(_TIME_AFTER.match(text, atom.num_end, atom.num_end + 12))


def is_date(atom: Atom, text: str) -> bool:
    """``5/3/2024``, ``2024-03-05``, ``March 5``, ``5 March``."""
    if not _bare(atom) or atom.form != "digits":
        return False
    if _DATE_AFTER.match(text, atom.end, atom.end + 12) or _DATE_BEFORE.match(
        text, max(0, atom.start - 2), atom.start
    ):
        return True
    if not atom.plain:
        return False
    assert atom.value is not None
    months = month_words()
    before = _word_before(atom, text)
    if 1 <= atom.value <= 31 and (
        before in months or _word_after(atom, text).rstrip(".,") in months
    ):
        return True
    return before.rstrip(",") in months and 1000 <= atom.value <= 2100


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
    if before.endswith(("'s", "’s")) or before.lower() in words.verbs | words.ambiguous_verbs:
        return False  # India's 36 subdivisions; Serves 4
    number = text[atom.num_start : atom.num_end]
    if "," in number or len(number.partition(".")[2]) > 2:
        return False  # 1,844 and 3.14159 are amounts, not names
    capitals = sum(c.isupper() for c in before)
    lower = before.lower()
    if not capitals or lower in entity_words().stop or lower in ("between", "from"):
        return False
    if capitals > 1 or not before[0].isupper():
        return True  # acronyms and mixed case name things: FTSE 250 companies, iPhone 15
    after = _word_after(atom, text)
    plural = after.islower() and after.endswith("s") and after not in entity_words().stop
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
    if _PHONE_AFTER.match(text, atom.end, atom.end + 24):
        return True
    if atom.plain and _ZERO_GROUP_BEFORE.match(text, max(0, atom.start - 8), atom.start):
        return True  # 07700 900461
    if _AREA_CODE_BEFORE.match(text, max(0, atom.start - 8), atom.start):
        return True  # (555) 123-4567
    if atom.plain and _GROUP_BEFORE.match(text, max(0, atom.start - 2), atom.start):
        return bool(_GROUP_AFTER.match(text, atom.end, atom.end + 6))  # 020 7946 0958
    return (
        atom.plain
        and len(digits) == 5
        and _POSTCODE_BEFORE.match(text, max(0, atom.start - 24), atom.start) is not None
    )


def is_address(atom: Atom, text: str) -> bool:
    """``10 Downing Street``, ``221B Baker Street``, ``14 Rue de Rivoli``."""
    if atom.kind != "number" or atom.form != "digits" or atom.is_range:
        return False
    end = atom.num_end + 1 if text[atom.num_end : atom.num_end + 1].isalpha() else atom.end
    return _ADDRESS_AFTER.match(text, end, end + 60) is not None


def is_score(atom: Atom, text: str) -> bool:
    """``by 320 votes to 295``, ``455 for 6``, a ``9-to-5`` job, a rating of ``2/10``."""
    if not _bare(atom):
        return False
    if _SCORE_AFTER.match(text, atom.end, atom.end + 24) or _SCORE_BEFORE.match(
        text, max(0, atom.start - 24), atom.start
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
    return regex.compile(r"\b(?i:\L<idioms>)\b", idioms=list(idioms()))


def is_idiom(atom: Atom, text: str) -> bool:
    """``cloud nine``, ``one of the``, ``no one``, ``a one-off``, ``the second half``."""
    if atom.form not in ("words", "article") or atom.kind not in ("number", "measure"):
        return False
    for match in _idiom_pattern().finditer(text, max(0, atom.start - 40), atom.end + 40):
        if match.start() < atom.end and atom.start < match.end():
            return True
    if atom.form == "article":
        return _AGO.match(text, atom.end, atom.end + _AHEAD) is not None  # less than a year ago
    if atom.value == 0.5 and atom.kind == "number":
        return _word_before(atom, text).lower() in context_words()["half_before"]
    if atom.value != 1 or atom.kind != "number":
        return False
    if text[atom.end : atom.end + 1] == "-":
        return True
    after = _word_after(atom, text).lower()
    before = _word_before(atom, text).lower()
    context = context_words()
    return (
        not after
        or after in context["one_after"]
        or before in context["one_before"]
        or after in entity_words().stop
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
