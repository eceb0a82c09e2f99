"""Stage 1, its fast paths: the commonest numbers read without the master pattern.

A bare run of digits (``2003``, ``5 people``), digits grouped by commas or
with a decimal point (``20,000``, ``91.3``), digits after a currency symbol
alone (``€180``) and a lone number word (``one of the``, ``one-off``) are
read directly, where nothing around them could make the master pattern
(``numclaims._master``) read them otherwise: the scanner (``numclaims._scan``)
calls these at its triggers, and takes the long way round where they give up
(None).  Each has its switch in ``numclaims._shortcuts.SHORTCUTS``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

import regex

from numclaims._atoms import Atom, currency_code
from numclaims._lexicon import cue_words
from numclaims._master import (
    COMMA_GROUPED,
    CONTINUES,
    CURRENCY_GAP,
    DECIMAL,
    number_word_list,
    vague_trigger_words,
)
from numclaims._numbers import digits_value, words_value
from numclaims._text import trie

__all__ = ["MAX_SPAN", "plain_digits", "priced", "single_word"]

#: The longest text one number may span (``one hundred and forty-two thousand ...``).
#: Every anchored match gets an end position: without one the regex engine may
#: scan to the end of a long text before deciding, which makes parsing quadratic.
MAX_SPAN = 200


def single_word(text: str, start: int, end: int, word: str) -> tuple[Atom, ...] | None:
    """The atoms of a lone number word (``one``, ``twenty``, ``half``), or None to use the pattern.

    Read without the master pattern where nothing around the word can join it to more
    words: no article before it (the caller checked), no hyphen after it, and no number
    word, ``and`` or ``a`` next.  The pattern would read it as a run of one word, valued
    as ``words_value`` values it: one atom, or none for a word such as ``million`` that
    means nothing alone (``5 million``: the tails stage reads it).  Anything unusual (a
    letter outside ASCII, an underscore) is left to the master pattern, which reads the
    same text the same way.  ``word`` is ``text[start:end]`` lower-cased.
    """
    lone = _lone_words()
    if word not in lone or (start and not _boundary(text[start - 1])):
        return None
    if _may_join(text, start, end):
        return None
    value = lone[word]
    return () if value is None else (Atom(start, end, value, "words", start, end),)


def _may_join(text: str, start: int, end: int) -> bool:
    """True where the word at ``start:end`` may join what follows it into a longer number."""
    after = text[end : end + 1]
    if after == _HYPHEN:  # twenty-one; but one-off, half-staff
        following = _LETTER_RUN.match(text, end + 1, end + 1 + MAX_SPAN)
        return following is not None and _starts_number_word(following.group())
    if not after.isspace():
        return bool(after) and not _boundary(after)
    nxt, limit = end + 1, min(len(text), start + MAX_SPAN)
    while nxt < limit and text[nxt].isspace():
        nxt += 1
    following = _LETTER_RUN.match(text, nxt, nxt + MAX_SPAN)
    if following is None:
        return False
    nxt_word = following.group()
    # one hundred, two and a half, five a side
    return nxt_word.lower() in _joining_words() or _starts_number_word(nxt_word)


#: What joins two number words with no space between them (``twenty-one``).
_HYPHEN = "-"


def _starts_number_word(word: str) -> bool:
    """True where ``word`` (letters) may start with a number word, in any case.

    A word outside ASCII is left to the pattern: ``thouſand`` reads as ``thousand``.
    """
    return not word.isascii() or _number_word_start().match(word) is not None


@cache
def _lone_words() -> dict[str, float | None]:
    """Each number word that the master pattern reads alone as a run of words -> its value.

    Words that may start another alternative of the pattern (``hundreds of``,
    ``a``) are left out; the value is None where the word alone is no number.
    """
    lone: dict[str, float | None] = {}
    for word in number_word_list():
        if word not in vague_trigger_words() and word not in _joining_words():
            value = words_value([word])
            lone[word] = None if value is None else value.value
    return lone


def _boundary(char: str) -> bool:
    """An ASCII character that is no part of a word: a word boundary for any pattern."""
    return char.isascii() and not char.isalnum() and char != "_"


@cache
def _joining_words() -> frozenset[str]:
    """Words that join a number word to the next (``two and a half``, ``two point five``)."""
    return frozenset({"and", "a", "an", *cue_words("decimal_point")})


_LETTER_RUN = re.compile(r"[^\W\d_]+")


@cache
def _number_word_start() -> re.Pattern[str]:
    """Matches at the start of a word that begins with a number word (``twenty``, ``sixish``)."""
    return re.compile(trie(number_word_list()), re.IGNORECASE | re.ASCII)


def plain_digits(text: str, start: int, end: int) -> Atom | None:
    """The atom of a run of digits (``2003``, ``5 people``, ``20,000``), or None to use the pattern.

    The common case, read without the master pattern: nothing stands before
    the digits (the caller checked for a currency or sign), and nothing after
    them can continue the number.  Digits grouped by commas or with a decimal
    point are read on by :func:`grouped`, as the pattern's ``2,000`` and ``1.5``
    read them.  Whatever this cannot settle, it leaves to the master pattern,
    which reads the same text the same way.
    """
    if end - start >= MAX_SPAN:
        return None
    if start and (text[start - 1] in _POINTS or text[start - 1].isdecimal()):
        return None  # inside another number: the pattern decides
    nxt, then = text[end : end + 1], text[end + 1 : end + 2]
    plain = not (nxt in _POINTS and then.isdecimal())
    if not plain:  # 2,000 and 1.5; but "in 2003, the" and "in 2003." end there
        run = grouped(text, start)
        if run is None:
            return None
        end = run.end()
        nxt, then = text[end : end + 1], text[end + 1 : end + 2]
    if not _ends_number(nxt, then):
        return None
    if plain:
        return Atom(start, end, float(text[start:end]), "digits", start, end, plain=True)
    value = digits_value(text[start:end])
    return None if value is None else Atom(start, end, value, "digits", start, end)


def _ends_number(nxt: str, then: str) -> bool:
    """True where the characters ``nxt`` and ``then`` after digits cannot continue the number."""
    if nxt in _POINTS:
        return not then.isdecimal()  # but 1,000,00 and 1.2.3: the pattern decides
    if nxt in CONTINUES or nxt.isdecimal():
        return False
    return not (nxt == " " and (then in CONTINUES or then.isdecimal()))  # 1 000, 2 ½, 2 1/2


#: The comma of a group and the decimal point, in ASCII.
_POINTS = ",."
#: Digits grouped by commas, maybe with decimals (``2,000``, ``1,000,000.5``), or
#: with decimals (``1.5``): two of the master pattern's mantissas, taken from it and
#: read in ASCII digits (a digit elsewhere in Unicode is left to the pattern).
_GROUPED = re.compile(f"{COMMA_GROUPED}|{DECIMAL}", re.ASCII)


def grouped(text: str, start: int) -> re.Match[str] | None:
    """The grouped or decimal digits at ``start``, as the master pattern reads them (a shortcut).

    None where the digits are grouped some other way (``1,23,456``, ``2,15``).
    """
    return _GROUPED.match(text, start, start + MAX_SPAN)


def priced(
    text: str, before: regex.Match[str], symbols: Mapping[str, str], pos: int, end: int
) -> Atom | None:
    """The amount of a currency symbol right before digits (``€180``, ``£ 682``), or None.

    ``before`` is what the prefix pattern read before the digits at ``pos``.
    Where it is a symbol alone, maybe with a space after it, the master
    pattern tried from it reads the symbol as the currency of the digits,
    which it reads as :func:`plain_digits` does.  A sign, a bracket, a code
    or any other space before the digits is left to the pattern (a shortcut).
    """
    start = before.start()
    surface = text[start:pos]
    if surface[-1:] in _SYMBOL_GAP:
        surface = surface[:-1]
    if surface not in symbols:
        return None
    atom = plain_digits(text, pos, end)
    if atom is not None:
        atom.start, atom.currency, atom.kind = start, currency_code(surface), "money"
    return atom


#: The space the master pattern allows between a currency and its digits (``£ 682``).
_SYMBOL_GAP = frozenset(CURRENCY_GAP)
