"""Stage 1: one compiled master pattern finds every number in the text.

The pattern has three named alternatives, dispatched on the group name:

* ``vague``: ``a couple hundred``, ``tens of thousands``, ``dozens of``;
* ``words``: runs of number words (``one hundred and forty-two``);
* ``digits``: digits with an optional currency written before them
  (``£1.5``, ``US$ 40``, ``EUR2.5``, ``-$5``, ``$(0.12)``), grouping
  (``2,000``, ``1 000 000``), decimals, exponents (``1.5e6``, ``3x10^6``)
  and fractions (``3/4``, ``2 1/2``, ``3½``, ``½``).

The master pattern is tried only at *triggers*, found by two stdlib patterns
(digit runs and vulgar fractions; number words), and not at all for the two
commonest cases: a bare run of digits (``2003``, ``5 people``) and a lone
number word (``one of the``) are read directly, where nothing around them
could make the pattern read them otherwise.

What comes after the number (scale, unit, percent, currency name) is read
by the next stages from the position where the number ends.  Every piece of
the pattern is bounded or possessive, so scanning is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import regex

from numclaims._lexicon import currencies, fold, number_words
from numclaims._numbers import (
    digits_value,
    fraction_value,
    vague_range,
    vulgar_value,
    words_value,
)
from numclaims._text import trie

#: The longest text one number may span (``one hundred and forty-two thousand ...``).
#: Every anchored match gets an end position: without one the regex engine may
#: scan to the end of a long text before deciding, which makes parsing quadratic.
_MAX_SPAN = 200

__all__ = ["Atom", "scan"]

_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"

_MASTER = r"""
(?P<vague>(?i:
    \b(?P<vkind>(?:a\s+)?couple(?:\s+of)?|a\s+few|several)\s+
      (?P<vscale>hundred|thousand|million|billion)\b         # a couple hundred
  | \b(?P<vtens>tens|hundreds|dozens)\s+of\s+
      (?P<vof>thousands|millions|billions)\b                 # tens of thousands
  | \b(?P<vplural>dozens|hundreds|thousands|millions|billions)
      (?=\s+of\b)                                             # hundreds of
))
| (?P<words>(?i:
    \b(?:an?\s+)?\L<numword>                                  # (a) first word
    (?:(?:\s+and\s+(?:an?\s+)?|\s+an?\s+|\s+|-)\L<numword>)*+ # more words
    \b
))
| (?P<digits>
    (?P<neg>(?<![\w.,\-\u2212])[-\u2212](?=[^\d\s\-\u2212+.(]))?  # minus before a currency
    (?:(?P<cur>(?<![A-Za-z])\L<curcode>(?![A-Za-z])|\L<cursym>)
       [\ \u00a0]?                                            # currency before the number
       (?P<paren>\((?=\.?\d))?                                # accounting negative $(0.12)
    )?
    (?P<sign>(?<![\w.,)])(?:[-+\u2212]|(?i:minus|negative)\ )(?=\.?\d))?  # sign
    (?<![\d.,])                                               # not inside another number
    (?P<mantissa>
        \d{1,2},(?:\d{2},)++\d{3}(?![\d,])                     # 1,39,990 (lakh grouping)
      | \d{1,3}(?:,\d{3})++(?:\.\d++)?                        # 2,000  1,000,000.5
      | \d{1,3}(?:[\u00a0\u202f\u2009]\d{3})++(?!\d)          # 1 000 (no-break, thin)
      | \d{1,3}(?:\ \d{3})++(?![\d\-])                        # 1 843  1 000 000 (spaces)
      | \d++(?:\.\d++)?                                       # 2000  1.5
      | \.\d++                                                # .5
    )
    (?P<exp>[eE][-+]?\d{1,3}(?![\w])|\ ?[x×]\ ?10\^[-+]?\d{1,3})?  # 1.5e6  3x10^6
    (?:
        /(?P<den>\d{1,3})(?![\d/])                            # 3/4
      | \ ?(?P<vulgar>[VULGAR])                               # 3½  3 ½
      | \ (?P<fnum>\d{1,2})/(?P<fden>\d{1,3})(?![\d/])        # 2 1/2
    )?
    (?(paren)\))
  )
| (?P<article>\b(?i:an?)(?=[\ \u00a0]+(?i:\L<timeunit>)\b))    # (up to) a week
| (?P<vulgar_only>
    (?:(?P<cur2>\L<cursym>)\ ?)?(?<![\d\w])[VULGAR]           # ½  £½
  )
""".replace("VULGAR", _VULGAR)


#: Words that can start a vague amount (``a couple hundred``, ``tens of thousands``).
_VAGUE_WORDS = (
    "couple",
    "few",
    "several",
    "tens",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
)
#: Units that ``a``/``an`` can count (``up to a week``).
_TIME_UNITS = ("week", "fortnight", "decade", "month", "year", "day", "hour", "minute", "century")


@cache
def _numwords() -> tuple[str, ...]:
    """Every number word: units, tens, multipliers and fractions (``\\L<numword>``)."""
    vocab = number_words()
    return (*vocab.units, *vocab.tens, *vocab.multipliers, *vocab.fractions)


@cache
def master_pattern() -> regex.Pattern[str]:
    """The master pattern, compiled once on first use."""
    money = currencies()
    return regex.compile(
        _MASTER,
        regex.VERBOSE,
        numword=list(_numwords()),
        curcode=list(money.codes),
        cursym=list(money.symbols),
        timeunit=list(_TIME_UNITS),
    )


@dataclass(slots=True)
class Atom:
    """A number found by the scanner, enriched by the later stages.

    Internal and mutable: stages fill in what they learn; only the pipeline's
    last step turns an atom into a public :class:`~numclaims.Quantity`.
    """

    start: int
    end: int
    value: float | None
    form: str  # "digits", "words", "vague", "fraction", "article"
    num_start: int  # where the number itself starts (after any currency)
    num_end: int  # where the number itself ends (before any scale or unit)
    plain: bool = False  # an integer written with digits only: could be a year or an ID
    currency: str | None = None
    kind: str = "number"
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    scale: float = 1.0  # the multiplier of a scale word or suffix (1e6 for "10 million")
    bound: str = "exact"
    qualifier: str | None = None
    per: str | None = None
    dimension: str | None = None
    entity: str | None = None
    entity_span: tuple[int, int] | None = None
    change: str | None = None
    is_delta: bool = False

    @property
    def scaled(self) -> bool:
        """True when a scale word or suffix multiplied the number."""
        return self.scale != 1.0

    @property
    def is_range(self) -> bool:
        """True when the atom stands for a range."""
        return self.low is not None


class _Trigger(NamedTuple):
    """Where a number may start and where its trigger token ends."""

    start: int
    end: int
    kind: str  # "digits" (a run of ASCII digits), "vulgar" (½) or "word" (a number word)


@cache
def _trigger_words() -> frozenset[str]:
    """Lower-case words that may start a number: number words, vague amounts, time units."""
    return frozenset({*_numwords(), *_VAGUE_WORDS, *_TIME_UNITS})


#: A run of digits, or a vulgar fraction and the digits glued after it (``½5``
#: holds two triggers).  It opens with a character class, so the stdlib engine
#: skips ahead to the next digit or fraction without trying the pattern between.
_NUMERALS = re.compile(f"[0-9{_VULGAR}][0-9]*")


@cache
def _word_trigger_pattern() -> re.Pattern[str]:
    """A trigger word standing whole, in text whose ASCII letters are lower case.

    It opens with a word boundary, which fails at once inside a word: the
    prefix tree is tried only where a word starts.
    """
    return re.compile(rf"\b(?:{trie(_trigger_words())})(?![a-z0-9])", re.ASCII)


#: Replacements that keep ``str.lower`` from moving or making an ASCII letter:
#: ``İ`` lowers to two characters and the kelvin sign to ``k``; the stand-ins
#: are letters outside ASCII that lower to themselves.  An underscore, a word
#: character to ``\b``, becomes a space, as it is no letter or digit to a trigger.
_FOLD_SAFE = str.maketrans({"\u0130": "\u0131", "\u212a": "\u0138", "_": " "})


def _ascii_folded(text: str) -> str:
    """``text`` with its ASCII letters lowered and each character where it was."""
    if "_" in text or (not text.isascii() and ("\u0130" in text or "\u212a" in text)):
        text = text.translate(_FOLD_SAFE)
    return text.lower()


def _start(match: re.Match[str]) -> int:
    return match.start()


#: Characters of the text folded at a time: memory stays bounded however long the text.
_FOLD_WINDOW = 1 << 12
#: What may continue a trigger across a window's end: a window is stretched
#: past these (up to ``_STRETCH`` of them; a longer run holds no whole word,
#: and its digits are read on from the text itself).  At least the longest trigger word.
_TRIGGER_RUN = re.compile(f"[A-Za-z0-9{_VULGAR}]*")
_STRETCH = 64
_DIGIT_RUN = re.compile("[0-9]*")


def _run_end(run: re.Pattern[str], text: str, pos: int, endpos: int) -> int:
    """Where the run of ``run`` (a pattern that also matches nothing) from ``pos`` ends."""
    match = run.match(text, pos, endpos)
    return pos if match is None else match.end()


def _triggers(text: str) -> Iterator[_Trigger]:
    """Yield where a number may start, in text order.

    Two stdlib patterns run over the text with its ASCII letters lowered, a
    window at a time: one finds digit runs and vulgar fractions, the other
    number words.  A word counts where it stands whole (no letter or digit of
    any script glued to it).  Trying the master pattern only there is much
    cheaper than at every position.
    """
    words = _word_trigger_pattern()
    size, lo = len(text), 0
    while lo < size:
        hi = size if size - lo <= _FOLD_WINDOW else lo + _FOLD_WINDOW
        if hi < size:  # never end a window inside a word or a number
            hi = _run_end(_TRIGGER_RUN, text, hi, hi + _STRETCH)
        base = lo - 1 if lo else 0  # one character of context: a word boundary at lo
        folded = _ascii_folded(text[base:hi])
        found = [*_NUMERALS.finditer(folded, lo - base), *words.finditer(folded, lo - base)]
        found.sort(key=_start)  # the two never overlap: digits and letters
        for match in found:
            start, end = match.start() + base, match.end() + base
            first = folded[start - base]
            if first in _VULGAR:
                yield _Trigger(start, start + 1, "vulgar")
                start += 1
                if start == end:
                    continue
            if first <= "9" or first in _VULGAR:
                if end == hi:  # the run may go on past the window (the stretch ended in it)
                    end = _run_end(_DIGIT_RUN, text, end, size)
                    hi = max(hi, end)
                yield _Trigger(start, end, "digits")
            elif not (start and text[start - 1].isalnum()) and not text[end : end + 1].isalnum():
                yield _Trigger(start, end, "word")
        lo = hi


@cache
def _prefix_pattern() -> regex.Pattern[str]:
    """What may stand right before the digits of a number: a currency, a sign, a bracket."""
    money = currencies()
    return regex.compile(
        r"(?r)(?:(?<![\w.,\-\u2212])[-\u2212](?=\S))?"
        r"(?:(?:(?<![A-Za-z])\L<curcode>|\L<cursym>)[\ \u00a0]?\(?)?"
        r"(?:[-+\u2212]|(?i:minus|negative)\ )?\.?",
        curcode=list(money.codes),
        cursym=list(money.symbols),
    )


_ARTICLE_BEFORE = regex.compile(r"(?r)\b(?i:an?)[\ \u00a0]+")


def _prefix_may_end(text: str, pos: int) -> bool:
    """False where no currency, sign or ``minus`` can stand right before ``pos``.

    Such a prefix ends with a sign, a full stop, a bracket, the last letter of
    a currency code or symbol, or a space after one of those or after
    ``minus``/``negative``; ``in 2003`` and ``of 5`` have none of them, and
    the prefix pattern is not tried.
    """
    if not pos:
        return False
    last = text[pos - 1]
    if last in _SIGNS and pos > 1 and text[pos - 2] in _GLUED:
        return False  # COVID-19, 6-3: no pattern reads a sign glued to what precedes it
    if last in (" ", "\u00a0"):
        last = text[pos - 2 : pos - 1]
        return last in _prefix_ends()[1] or not last.isascii()
    return last in _prefix_ends()[0] or not last.isascii()


#: A sign of a number (``-5``) is read only where no word character, full stop,
#: comma or closing bracket precedes it (the lookbehinds of the master pattern),
#: and no currency surface holds one: a sign after these is no prefix.
_SIGNS = frozenset("-+\u2212")
_GLUED = frozenset("_.,)0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@cache
def _prefix_ends() -> tuple[frozenset[str], frozenset[str]]:
    """The characters a prefix may end with: right before the digits, and before a space."""
    money = currencies()
    ends = {surface[-1] for surface in [*money.codes, *money.symbols]}
    return frozenset(ends | set("-+\u2212.(")), frozenset(ends | set("sSeE"))


def scan(text: str) -> Iterator[Atom]:
    """Yield the numbers of ``text`` in order of appearance."""
    master = master_pattern()
    prefix = _prefix_pattern()
    consumed = 0
    for pos, end, kind in _triggers(text):
        if pos < consumed:
            continue
        starts: Sequence[int]
        atom: Atom | None = None
        if kind == "word":  # maybe "a couple", "a million", "a week"
            before = _ARTICLE_BEFORE.match(text, max(consumed, pos - 4), pos)
            if before is None:
                if text[pos:end].lower() in _article_only():
                    continue  # "week" counts only after "a": "up to a week"
                lone = _single_word(text, pos, end)
                if lone is not None:
                    consumed = end
                    yield from lone
                    continue
            starts = (before.start(), pos) if before is not None else (pos,)
        else:
            before = (
                prefix.match(text, max(consumed, pos - 12), pos)
                if _prefix_may_end(text, pos)
                else None
            )
            if kind == "digits" and (before is None or before.start() == pos):
                atom = _plain_digits(text, pos, end)
            # the widest prefix first, then narrower ones: "--1" is "-" and "-1"
            starts = range(before.start(), pos + 1) if before is not None else (pos,)
        if atom is not None:
            consumed = end
            yield atom
            continue
        for start in starts:
            match = master.match(text, start, start + _MAX_SPAN)
            if match is not None and (match.end() > pos or match.lastgroup == "article"):
                consumed = max(match.end(), pos + 1)
                yield from _atoms(match, text)
                break


def _single_word(text: str, start: int, end: int) -> tuple[Atom, ...] | None:
    """The atoms of a lone number word (``one``, ``twenty``, ``half``), or None to use the pattern.

    Read without the master pattern where nothing around the word can join
    it to more words: no article before it (the caller checked), no hyphen
    after it, and no number word, ``and`` or ``a`` next.  The pattern would
    read it as a run of one word, valued as ``_word_atoms`` values it: one
    atom, or none for a word such as ``million`` that means nothing alone
    (``5 million``: the tails stage reads it).  Anything unusual (a letter
    outside ASCII, an underscore) is left to the master pattern, which reads
    the same text the same way.
    """
    word = text[start:end].lower()
    lone = _lone_words()
    if word not in lone:
        return None
    if start and not _boundary(text[start - 1]):
        return None
    after = text[end : end + 1]
    if after.isspace():
        nxt, limit = end + 1, min(len(text), start + _MAX_SPAN)
        while nxt < limit and text[nxt].isspace():
            nxt += 1
        following = _LETTERS.match(text, nxt, nxt + _MAX_SPAN)
        if following is not None:
            nxt_word = following.group()
            if not nxt_word.isascii():
                return None  # thouſand reads as thousand: the pattern decides
            if nxt_word.lower() in _JOINERS or _number_word_start().match(nxt_word):
                return None  # one hundred, two and a half, five a side
    elif after and (after == "-" or not _boundary(after)):
        return None  # twenty-one
    value = lone[word]
    return () if value is None else (Atom(start, end, value, "words", start, end),)


@cache
def _lone_words() -> dict[str, float | None]:
    """Each number word that the master pattern reads alone as a run of words -> its value.

    Words that may start another alternative of the pattern (``hundreds of``,
    ``a``) are left out; the value is None where the word alone is no number.
    """
    lone: dict[str, float | None] = {}
    for word in _numwords():
        if word not in _VAGUE_WORDS and word not in _JOINERS:
            value = words_value([word])
            lone[word] = None if value is None else value.value
    return lone


def _boundary(char: str) -> bool:
    """An ASCII character that is no part of a word: a word boundary for any pattern."""
    return char.isascii() and not char.isalnum() and char != "_"


@cache
def _article_only() -> frozenset[str]:
    """Trigger words that start a number only after ``a``/``an``: ``week`` of ``a week``."""
    return frozenset(_TIME_UNITS) - {*_numwords(), *_VAGUE_WORDS}


#: Words that join a number word to the next one (``two and a half``, ``five a side``).
_JOINERS = frozenset({"and", "a", "an"})
_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _number_word_start() -> re.Pattern[str]:
    """Matches at the start of a word that begins with a number word (``twenty``, ``sixish``)."""
    return re.compile(trie(_numwords()), re.IGNORECASE | re.ASCII)


#: Characters that may continue the digits of a number (grouping, decimals,
#: exponents, fractions); after anything else a run of digits is the whole number.
_CONTINUES = frozenset(",.\u00a0\u202f\u2009eEx×/" + _VULGAR)


def _plain_digits(text: str, start: int, end: int) -> Atom | None:
    """The atom of a bare run of digits (``2003``, ``5 people``), or None to use the pattern.

    The common case, read without the master pattern: nothing stands before
    the digits (the caller checked for a currency or sign), and nothing after
    them can continue the number.  Whatever this cannot settle, it leaves to
    the master pattern, which reads the same text the same way.
    """
    if end - start >= _MAX_SPAN:
        return None
    if start and (text[start - 1] in ".," or text[start - 1].isdecimal()):
        return None  # inside another number: the pattern decides
    nxt, then = text[end : end + 1], text[end + 1 : end + 2]
    if nxt in (",", "."):
        if then.isdecimal():
            return None  # 2,000 and 1.5; but "in 2003, the" and "in 2003." end here
    elif nxt in _CONTINUES or nxt.isdecimal():
        return None
    elif nxt == " " and (then in _CONTINUES or then.isdecimal()):
        return None  # 1 000, 2 ½, 3 x 10^6, 2 1/2
    return Atom(start, end, float(text[start:end]), "digits", start, end, plain=True)


def _atoms(match: regex.Match[str], text: str) -> Iterator[Atom]:
    """The atoms of one master-pattern match, by the alternative that matched."""
    group = match.lastgroup
    if group == "digits":
        atom = _digits_atom(match, text)
        if atom is not None:
            yield atom
    elif group == "words":
        yield from _word_atoms(match)
    elif group == "vague":
        yield _vague_atom(match)
    elif group == "vulgar_only":
        yield _vulgar_atom(match)
    elif group == "article":
        yield Atom(match.start(), match.end(), 1.0, "article", match.start(), match.end())


def _digits_atom(match: regex.Match[str], text: str) -> Atom | None:
    # one call for all the groups (groupdict() would build every group of the pattern)
    mantissa, sign, exp, den, vulgar, fnum, fden, paren, neg, cur = match.group(
        "mantissa", "sign", "exp", "den", "vulgar", "fnum", "fden", "paren", "neg", "cur"
    )
    sign = sign or ""
    num_start = match.start("sign") if sign else match.start("mantissa")
    value = digits_value(("-" if sign[:1].isalpha() else sign) + mantissa, exp)
    if value is None:
        return None
    form = "digits"
    if den:
        if not mantissa.isdigit() or exp:
            return None  # 1.5/2 and 1,000/3 are no fractions
        fraction = fraction_value(mantissa, den)
        if fraction is None:
            return None
        value, form = (-fraction if value < 0 else fraction), "fraction"
    elif vulgar:
        value = value + (-1 if value < 0 else 1) * vulgar_value(vulgar)
    elif fnum:
        fraction = fraction_value(fnum, fden)
        if fraction is None:
            return None
        value = value + (-1 if value < 0 else 1) * fraction
    if paren or neg:
        value = -abs(value)
    end = match.end()
    atom = Atom(
        start=match.start(),
        end=end,
        value=value,
        form=form,
        num_start=num_start,
        num_end=end - (1 if paren else 0),
        plain=not sign and mantissa.isdigit() and end == match.end("mantissa"),
    )
    if cur:
        atom.currency = _currency_code(cur)
        atom.kind = "money"
    return atom


def _currency_code(surface: str) -> str:
    """The ISO code of a currency written before a number; a bare ``$`` stays ``$``."""
    money = currencies()
    if surface == "$":
        return surface  # resolved through Options.dollar by the units stage
    return money.codes.get(surface) or money.symbols[surface]


_TOKEN = regex.compile(r"[A-Za-z]+")


def _word_atoms(match: regex.Match[str]) -> Iterator[Atom]:
    """Split a run of number words into the numbers it holds (``two and four``)."""
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(match.group())]
    base = match.start()
    i = 0
    while i < len(tokens):
        result = words_value([t for t, _, _ in tokens[i:]])
        if result is None:
            i += 1
            continue
        first, last = tokens[i], tokens[i + result.used - 1]
        yield Atom(
            start=base + first[1],
            end=base + last[2],
            value=result.value,
            form="words",
            num_start=base + first[1],
            num_end=base + last[2],
        )
        i += result.used
        while i < len(tokens) and tokens[i][0] in ("and", "a", "an"):
            i += 1


def _vague_atom(match: regex.Match[str]) -> Atom:
    if match.group("vscale"):
        kind = fold(match.group("vkind")).split()[-1]
        kind = "couple" if kind == "of" else kind
        low, high = vague_range(kind, fold(match.group("vscale")))
    elif match.group("vtens"):
        low, high = vague_range(
            fold(match.group("vtens")),
            fold(match.group("vtens")),
            fold(match.group("vof")),
        )
    else:
        low, high = vague_range("plural", fold(match.group("vplural")))
    return Atom(
        start=match.start(),
        end=match.end(),
        value=None,
        form="vague",
        num_start=match.start(),
        num_end=match.end(),
        low=low,
        high=high,
        bound="approximate",
    )


def _vulgar_atom(match: regex.Match[str]) -> Atom:
    atom = Atom(
        start=match.start(),
        end=match.end(),
        value=vulgar_value(match.group()[-1]),
        form="fraction",
        num_start=match.end() - 1,
        num_end=match.end(),
    )
    if match.group("cur2"):
        atom.currency = _currency_code(match.group("cur2"))
        atom.kind = "money"
    return atom
