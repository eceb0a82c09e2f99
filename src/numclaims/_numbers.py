"""Stage 2: turn the text of a number into its value.

Three written forms reach this stage from the scanner:

* digits: ``2,000``, ``1 000 000``, ``1.5``, ``.5``, ``-3``, ``1.5e6``,
  ``3x10^6``, ``3/4``, ``2 1/2``, ``3½``, ``½``;
* words: ``nine``, ``twenty-five``, ``one hundred and forty-two``,
  ``a million``, ``two dozen``, ``a third``, ``three quarters``,
  ``one and a half``;
* vague amounts: ``a couple hundred``, ``several thousand``,
  ``tens of thousands``, ``hundreds of``, which become ranges.

Each function is pure and small; none of them raises on well-formed scanner
output, and each returns ``None`` where the text is not a number after all.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from numclaims._lexicon import cue_words, number_words, vague_words

__all__ = [
    "WordNumber",
    "digits_value",
    "fraction_value",
    "scale_value",
    "vague_range",
    "words_value",
]

#: Separators that group thousands in digits: comma, spaces of any width.
_GROUP_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009")
#: Dashes written as a minus sign.
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})
#: Denominators that make ``a/b`` a fraction rather than a date or a score.
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})


def digits_value(mantissa: str, exponent: str | None = None) -> float | None:
    """The value of a run of digits with optional grouping and exponent.

    >>> digits_value("1,000,000"), digits_value("1 000 000"), digits_value(".5")
    (1000000.0, 1000000.0, 0.5)
    >>> digits_value("-1.5", "e6"), digits_value("3", "x10^6"), digits_value("1.99", "×10⁻³⁰")
    (-1500000.0, 3000000.0, 1.99e-30)
    >>> digits_value("1.1", "^2"), digits_value("10", "^6")
    (1.2100000000000002, 1000000.0)
    """
    text = mantissa.translate(_GROUP_SEPARATORS).translate(_MINUS_SIGNS)
    value = float(text)
    if exponent:
        base, power = _exponent(exponent)
        if abs(power) > 308:
            return None  # past the range of a float
        try:
            value = float(f"{text}e{power}") if base == 10.0 else value**power
        except (OverflowError, ZeroDivisionError):
            return None
    return value if isinstance(value, float) and math.isfinite(value) else None


#: Superscript digits and signs, and the minus sign, as ASCII: ``⁻³⁰`` -> ``-30``.
_EXPONENT_CHARS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺\u2212", "0123456789-+-")


def _exponent(exponent: str) -> tuple[float, int]:
    """The base and power of an exponent as written: ``e6``, ``x10^6``, ``×10⁻³⁰``, ``^23``.

    >>> _exponent("e-3"), _exponent(" × 10⁻³⁰"), _exponent("X10^6"), _exponent("^23")
    ((10.0, -3), (10.0, -30), (10.0, 6), (0.0, 23))
    """
    written = exponent.strip().translate(_EXPONENT_CHARS)
    if written[0] in "eE":
        return 10.0, int(written[1:])
    if written[0] == "^":
        return 0.0, int(written[1:])  # a power of the number itself: 1.1^23
    return 10.0, int(written[1:].strip().removeprefix("10").lstrip("^"))


def fraction_value(numerator: str, denominator: str) -> float | None:
    """The value of ``numerator/denominator`` when it reads as a fraction.

    Improper fractions and odd denominators read as dates or scores
    (``5/3``, ``24/7``, ``9/11``) and give ``None``.

    >>> fraction_value("3", "4"), fraction_value("24", "7")
    (0.75, None)
    """
    top, bottom = int(numerator), int(denominator)
    if bottom not in FRACTION_DENOMINATORS or not 0 < top < bottom:
        return None
    return top / bottom


def vulgar_value(char: str) -> float:
    """The value of a vulgar-fraction character such as ``½``.

    >>> vulgar_value("¾")
    0.75
    """
    return unicodedata.numeric(char)


class WordNumber(NamedTuple):
    """A spelled-out number and how many of its tokens were used."""

    value: float
    used: int


# The states of a reading of number words, named by the last word read.  Each
# word has a role (the state it leads to) and may follow only some states.
_START = "start"  # nothing read yet
_ARTICLE = "article"  # a/an before a multiplier or fraction: a million, a third
_ARTICLE_AFTER_AND = "article after and"  # the a of one and a half
_AND = "and"  # one hundred and, two and (a half)
_UNIT = "unit"  # zero to nineteen
_TENS = "tens"  # twenty to ninety
_FRACTION = "fraction"  # half, thirds, quarter
_HUNDRED = "hundred"  # a multiplier below a thousand: hundred, dozen
_BIG = "big"  # a multiplier of a thousand or more: thousand, lakh, million
_POINT = "point"  # the decimal point of two point five
_DECIMAL = "decimal"  # a digit after the point: the five of two point five
_OF = "of"  # the of of a quarter of a million

#: The states each role may follow.
_FOLLOWS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        _ARTICLE: frozenset({_START, _AND, _FRACTION, _OF}),
        _AND: frozenset({_HUNDRED, _BIG, _UNIT, _TENS}),
        _UNIT: frozenset({_START, _TENS, _HUNDRED, _BIG, _AND}),
        _TENS: frozenset({_START, _HUNDRED, _BIG, _AND}),
        _FRACTION: frozenset({_START, _ARTICLE, _ARTICLE_AFTER_AND, _UNIT, _TENS}),
        _HUNDRED: frozenset({_ARTICLE, _UNIT, _TENS, _FRACTION, _HUNDRED}),
        _BIG: frozenset({_ARTICLE, _UNIT, _TENS, _HUNDRED, _FRACTION, _DECIMAL}),
        _POINT: frozenset({_UNIT, _TENS, _HUNDRED}),
        _DECIMAL: frozenset({_POINT, _DECIMAL}),
        _OF: frozenset({_FRACTION}),
    }
)
#: The states in which the words read so far make a whole number.
_COMPLETE = frozenset({_UNIT, _TENS, _FRACTION, _HUNDRED, _BIG, _DECIMAL})
#: The multiplier that alone may follow another below a thousand: one hundred dozen.
_DOZEN = 12.0


class _Role(NamedTuple):
    """What a word does in a number, and its value."""

    role: str
    value: float


@cache
def _roles() -> dict[str, _Role]:
    """Each word a number is read from -> its role: the vocabulary, then ``a``/``an``/``and``."""
    vocab = number_words()
    roles = {w: _Role(_HUNDRED if m < 1000 else _BIG, m) for w, m in vocab.multipliers.items()}
    roles.update((word, _Role(_FRACTION, f)) for word, f in vocab.fractions.items())
    roles.update((word, _Role(_TENS, t)) for word, t in vocab.tens.items())
    roles.update((word, _Role(_UNIT, u)) for word, u in vocab.units.items())
    roles.update(a=_Role(_ARTICLE, 1.0), an=_Role(_ARTICLE, 1.0))
    roles["and"] = _Role(_AND, 0.0)
    roles.update((word, _Role(_POINT, 0.0)) for word in cue_words("decimal_point"))
    roles.update((word, _Role(_OF, 0.0)) for word in cue_words("fraction_of"))
    return roles


@dataclass(slots=True)
class _Reading:
    """A reading of number words in progress."""

    tokens: list[str]
    state: str = _START
    total: float = 0.0  # finished groups: thousands and above
    current: float = 0.0  # the group being built
    big: float = math.inf  # the last thousands-and-above multiplier, to keep them decreasing
    multiplier: float = 1.0  # the last multiplier read: a million and a half is 1.5 of it
    before_and: str = _START  # the state before the last "and"
    base: float = 0.0  # the group before the last "and": the 100 of one hundred and three quarters
    decimals: str = ""  # the digits read after "point"

    def role_at(self, i: int) -> str | None:
        """The role of the ``i``-th token, or None past the end or for another word."""
        if i >= len(self.tokens):
            return None
        found = _roles().get(self.tokens[i])
        return None if found is None else found.role

    def article(self, i: int, _: float) -> str | None:
        if self.role_at(i + 1) not in (_HUNDRED, _BIG, _FRACTION):
            return None  # a/an counts a multiplier or a fraction: a million, a third
        if self.state == _START:
            self.current = 1.0
        return _ARTICLE_AFTER_AND if self.state == _AND else _ARTICLE

    def and_(self, i: int, _: float) -> str | None:
        if self.state in (_UNIT, _TENS) and not (
            self.role_at(i + 1) in (_ARTICLE, _UNIT) and self.role_at(i + 2) == _FRACTION
        ):
            return None  # after a unit or tens only a fraction: two and a half, one and two thirds
        self.before_and, self.base = self.state, self.current
        return _AND

    def unit(self, _: int, value: float) -> str | None:
        if self.state == _TENS and value >= 10:
            return None  # twenty-one, not twenty-eleven
        self.current += value
        return _UNIT

    def tens(self, _: int, value: float) -> str | None:
        self.current += value
        return _TENS

    def fraction(self, i: int, value: float) -> str | None:
        if self.state == _ARTICLE_AFTER_AND:
            # one and a half; a million and a half, a dozen and a half: half the multiplier
            whole = self.before_and in (_HUNDRED, _BIG)
            self.current += value * (self.multiplier if whole else 1.0)
        elif self.state == _ARTICLE:
            self.current *= value  # a third
        elif self.state in (_UNIT, _TENS) and _fraction_agrees(
            self.current - self.base, self.tokens[i]
        ):
            # three quarters; one hundred and three quarters, one and two thirds
            self.current = self.base + (self.current - self.base) * value
        elif self.state == _START and value == 0.5:
            self.current = 0.5  # half
        else:
            return None
        return _FRACTION

    def hundred(self, _: int, value: float) -> str | None:
        if self.state == _HUNDRED and (value != _DOZEN or self.multiplier == _DOZEN):
            return None  # one hundred dozen, but not nine hundred hundred nor two dozen hundred
        self.current *= value
        self.multiplier, self.base = value, 0.0
        return _HUNDRED

    def big_(self, _: int, value: float) -> str | None:
        if value >= self.big:
            return None  # thousand million, not million thousand
        if self.state == _DECIMAL:
            self.current = self._with_decimals()  # one point two billion
            self.decimals = ""
        self.total += self.current * value
        self.current, self.big = 0.0, value
        self.multiplier, self.base = value, 0.0
        return _BIG

    def point(self, i: int, _: float) -> str | None:
        if self.role_at(i + 1) != _UNIT or self.current != int(self.current):
            return None  # two point five; not "at one point" before another word
        return _POINT

    def decimal(self, i: int, value: float) -> str | None:
        if value >= 10:
            return None  # a digit after the point: zero to nine
        self.decimals += str(int(value))
        return _DECIMAL

    def of(self, i: int, _: float) -> str | None:
        if self.role_at(i + 1) != _ARTICLE or self.role_at(i + 2) not in (_HUNDRED, _BIG):
            return None  # a quarter of a million; a third of a mile is left to the units
        return _OF

    def _with_decimals(self) -> float:
        """The group being built with the digits after its point: 200 and 03 make 200.03."""
        return float(f"{int(self.current)}.{self.decimals}")

    def value(self) -> float:
        """The value of the words read so far."""
        if self.state == _DECIMAL:
            return self.total + self._with_decimals()
        return self.total + self.current


_STEPS: Mapping[str, Callable[[_Reading, int, float], str | None]] = MappingProxyType(
    {
        _ARTICLE: _Reading.article,
        _AND: _Reading.and_,
        _UNIT: _Reading.unit,
        _POINT: _Reading.point,
        _OF: _Reading.of,
        _TENS: _Reading.tens,
        _FRACTION: _Reading.fraction,
        _DECIMAL: _Reading.decimal,
        _HUNDRED: _Reading.hundred,
        _BIG: _Reading.big_,
    }
)


def words_value(tokens: list[str]) -> WordNumber | None:
    """Evaluate spelled-out number tokens, stopping where they stop making sense.

    ``tokens`` are lower-case words (hyphenated parts split, ``and`` kept).
    The result tells how many tokens make up the number, so that in
    ``two and four`` only ``two`` is used.

    >>> words_value(["one", "hundred", "and", "forty", "two"])
    WordNumber(value=142.0, used=5)
    >>> words_value(["a", "million"]), words_value(["two", "dozen"])
    (WordNumber(value=1000000.0, used=2), WordNumber(value=24.0, used=2))
    >>> words_value(["three", "quarters"]), words_value(["two", "and", "four"])
    (WordNumber(value=0.75, used=2), WordNumber(value=2.0, used=1))
    >>> words_value(["one", "and", "a", "half", "million"])
    WordNumber(value=1500000.0, used=5)
    """
    roles = _roles()
    reading = _Reading(tokens)
    best: WordNumber | None = None
    for i, word in enumerate(tokens):
        found = roles.get(word)
        if found is None:
            break
        role = (
            _DECIMAL if found.role == _UNIT and reading.state in (_POINT, _DECIMAL) else found.role
        )
        if reading.state not in _FOLLOWS[role]:
            break
        state = _STEPS[role](reading, i, found.value)
        if state is None:
            break
        reading.state = state
        if state in _COMPLETE:
            best = WordNumber(reading.value(), i + 1)
    return best


def _fraction_agrees(count: float, word: str) -> bool:
    """True when a fraction word's number agrees with its count (two thirds, one third)."""
    return word.endswith("s") == (count > 1) or word == "halves"


class VagueRange(NamedTuple):
    """The range a vague amount stands for."""

    low: float
    high: float


def vague_range(count: str, scale_word: str, of_word: str | None = None) -> VagueRange:
    """The range meant by a vague amount (``vague.txt``; docs/claims.md, Vague amounts).

    ``count`` is the vague word as written, case-folded (``a couple``,
    ``several``, ``hundreds``); the scale is the value of ``scale_word``'s
    singular, times that of ``of_word``'s (``tens of thousands``).

    >>> vague_range("couple", "hundred"), vague_range("tens", "tens", "thousands")
    (VagueRange(low=200.0, high=300.0), VagueRange(low=10000.0, high=99000.0))
    """
    low, high = _vague_counts()[count]
    scale = scale_value(scale_word)
    if of_word is not None:
        scale *= scale_value(of_word)
    return VagueRange(low * scale, round(high * scale, 6))


@cache
def _vague_counts() -> dict[str, tuple[float, float]]:
    """Every vague word (case-folded) -> the range it counts."""
    vague = vague_words()
    return {**vague.counts, **vague.plurals, **vague.tens}


def scale_value(word: str) -> float:
    """The value of a scale word or its plural: ``hundreds`` -> 100, ``tens`` -> 10."""
    vocab = number_words()
    singular = word.rstrip("s")
    return vocab.multipliers[singular] if singular in vocab.multipliers else vocab.units[singular]


def times(value: float, factor: float) -> float:
    """``value * factor``, rounded as the decimal product where ``factor`` is a power of ten.

    ``2.05 * 1e9`` is ``2049999999.9999998`` in binary floating point; ``2.05``
    billion is ``2050000000.0``.  The decimal digits of ``value`` (its shortest
    repr) are shifted by the exponent and read once, so the product is the
    float nearest the written number.

    >>> times(2.05, 1e9), times(4.1, 1e6), times(1.5, 12.0), times(1e308, 1e3)
    (2050000000.0, 4100000.0, 18.0, inf)
    """
    exponent = round(math.log10(factor)) if factor > 0 else 0
    if factor <= 0 or 10.0**exponent != factor or not math.isfinite(value):
        return value * factor
    digits, _, shift = repr(value).partition("e")  # 1e+308 carries its own exponent
    return float(f"{digits}e{exponent + int(shift or 0)}")
