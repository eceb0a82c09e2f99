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
from typing import NamedTuple

from numclaims._lexicon import number_words

__all__ = [
    "WordNumber",
    "digits_value",
    "fraction_value",
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
    >>> digits_value("-1.5", "e6"), digits_value("3", "x10^6")
    (-1500000.0, 3000000.0)
    """
    text = mantissa.translate(_GROUP_SEPARATORS).translate(_MINUS_SIGNS)
    value = float(text)
    if exponent:
        power = int(exponent.lstrip("eE").replace("×", "x").split("^")[-1].strip())
        if abs(power) > 308:
            return None  # past the range of a float
        value *= 10.0**power
    return value if math.isfinite(value) else None


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
    vocab = number_words()
    total = 0.0  # finished groups: thousands and above
    current = 0.0  # the group being built
    big = math.inf  # the last thousands-and-above multiplier, to keep them decreasing
    prev = "start"
    best: WordNumber | None = None
    for i, word in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if word in ("a", "an"):
            if prev not in ("start", "and", "fraction"):
                break
            if nxt not in vocab.multipliers and nxt not in vocab.fractions:
                break
            if prev == "start":
                current = 1.0
            role = "article-after-and" if prev == "and" else "article"
        elif word == "and":
            half_next = (
                nxt in ("a", "an") and i + 2 < len(tokens) and tokens[i + 2] in vocab.fractions
            )
            if not (prev in ("hundred", "big") or (prev in ("unit", "tens") and half_next)):
                break
            role = "and"
        elif word in vocab.units:
            value = vocab.units[word]
            if prev not in ("start", "tens", "hundred", "big", "and") or (
                prev == "tens" and value >= 10
            ):
                break
            current += value
            role = "unit"
        elif word in vocab.tens:
            if prev not in ("start", "hundred", "big", "and"):
                break
            current += vocab.tens[word]
            role = "tens"
        elif word in vocab.fractions:
            fraction = vocab.fractions[word]
            if prev == "article-after-and":
                current += fraction  # one and a half
            elif prev == "article" or (
                prev in ("unit", "tens") and _fraction_agrees(current, word)
            ):
                current *= fraction  # a third, three quarters
            elif prev == "start" and fraction == 0.5:
                current = 0.5  # half
            else:
                break
            role = "fraction"
        elif word in vocab.multipliers:
            multiplier = vocab.multipliers[word]
            if prev not in ("article", "unit", "tens", "hundred", "fraction") and not (
                prev == "article" or (prev == "hundred" and multiplier >= 1000)
            ):
                break
            if multiplier < 1000:  # hundred, dozen
                if prev == "hundred":
                    break
                current *= multiplier
                role = "hundred"
            else:
                if multiplier >= big:
                    break
                total += current * multiplier
                current, big = 0.0, multiplier
                role = "big"
        else:
            break
        prev = role
        if role not in ("and", "article", "article-after-and"):
            best = WordNumber(total + current, i + 1)
    return best


def _fraction_agrees(count: float, word: str) -> bool:
    """True when a fraction word's number agrees with its count (two thirds, one third)."""
    return word.endswith("s") == (count > 1) or word == "halves"


class VagueRange(NamedTuple):
    """The range a vague amount stands for."""

    low: float
    high: float


def vague_range(kind: str, scale_word: str, of_word: str | None = None) -> VagueRange:
    """The range meant by a vague amount, as documented in docs/claims.md (Vague amounts).

    ``a couple`` is 2-3 of the scale, ``a few`` and ``several`` 3-9, a plural
    scale (``hundreds of``) 2-9, and ``tens of thousands`` 10-99 thousand.

    >>> vague_range("couple", "hundred"), vague_range("tens", "tens", "thousands")
    (VagueRange(low=200.0, high=300.0), VagueRange(low=10000.0, high=99000.0))
    """
    vocab = number_words()
    scale = vocab.multipliers[scale_word.rstrip("s")] if scale_word != "tens" else 10.0
    if of_word is not None:
        scale *= vocab.multipliers[of_word.rstrip("s")]
    spans = {"couple": (2.0, 3.0), "few": (3.0, 9.0), "several": (3.0, 9.0), "tens": (1.0, 9.9)}
    low, high = spans.get(kind, (2.0, 9.0))
    return VagueRange(low * scale, round(high * scale, 6))
