"""Stage 1: one compiled master pattern finds every number in the text.

The pattern has five named alternatives, dispatched on the group name
(``numclaims._atoms`` builds the atom of each):

* ``vague``: ``a couple hundred``, ``tens of thousands``, ``dozens of``;
* ``words``: runs of number words (``one hundred and forty-two``);
* ``digits``: digits with an optional currency written before them
  (``£1.5``, ``US$ 40``, ``EUR2.5``, ``-$5``, ``$(0.12)``), grouping
  (``2,000``, ``1 000 000``), decimals, exponents (``1.5e6``, ``3x10^6``)
  and fractions (``3/4``, ``2 1/2``, ``3½``, ``½``);
* ``article``: the ``a`` of ``up to a week``, one of a time unit;
* ``vulgar_only``: a vulgar fraction alone, with a currency before it (``£½``).

The master pattern is tried only at *triggers*, found by two stdlib patterns
(digit runs and vulgar fractions; number words), and not at all for the two
commonest cases: a bare run of digits (``2003``, ``5 people``) and a lone
number word (``one of the``) are read directly, where nothing around them
could make the pattern read them otherwise.  The pass over the words also
finds where the first word of the relation finder stands.  What comes after the
number (scale, unit, percent, currency name) is read by the next stages from
where the number ends.  Every piece of the pattern is bounded or possessive.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Literal

import regex

from numclaims._atoms import Atom, atoms_of
from numclaims._lexicon import cue_words, currencies
from numclaims._master import (
    ARTICLE_BEFORE,
    BEFORE_NO_SIGN,
    CONTINUES,
    NEGATIVE_REACH,
    SIGN_CHARS,
    article_may_end,
    master_pattern,
    negative_before,
    negative_may_end,
    number_word_list,
    prefix_pattern,
    vague_trigger_words,
)
from numclaims._master import VULGAR as _VULGAR
from numclaims._plain import MAX_SPAN as _MAX_SPAN
from numclaims._plain import plain_digits as _plain_digits
from numclaims._plain import priced as _priced
from numclaims._plain import single_word as _single_word
from numclaims._relations import finder_words
from numclaims._text import FOLD_WINDOW, KEEP_GIL, SPACE_CHARS, ascii_folded, group_numbers, trie

if TYPE_CHECKING:
    from numclaims._vocabulary import Vocabulary

#: How far back a currency, sign or bracket before the digits is looked for (``-US$ (``).
_PREFIX_REACH = 12
#: How far back the ``a`` of ``a couple``, ``a million`` or ``a week`` is looked for.
_ARTICLE_REACH = 4

__all__ = ["Atom", "find_triggers", "master_pattern", "scan"]


#: Where a number may start, where its trigger token ends, and what the token
#: is: a run of ASCII digits, a vulgar fraction (½) or a number word.  A plain
#: tuple: one is made for every number of the text.
_Trigger = tuple[int, int, Literal["digits", "vulgar", "word"]]


#: A run of digits, or a vulgar fraction and the digits glued after it (``½5``
#: holds two triggers).  It opens with a character class, so the stdlib engine
#: skips ahead to the next digit or fraction without trying the pattern between.
_NUMERALS = re.compile(f"[0-9{_VULGAR}][0-9]*")


@cache
def _word_trigger_pattern() -> re.Pattern[str]:
    """A trigger word or a relation finder's word standing whole, and the character
    before it, in text whose ASCII letters are lower case.  It opens with that character,
    one that ends no word (a word boundary after it: ``\\b`` in ASCII), which the stdlib
    engine skips ahead to: the prefix tree is tried only where a word starts.  A match
    ends before a character that no word starts with, so it never holds the one before the next.
    """
    words = trie(_trigger_words() | finder_words())
    return re.compile(rf"[^A-Za-z0-9_](?:{words})(?![a-z0-9])", re.ASCII)


#: What may continue a trigger across a window's end: a window is stretched
#: past these (up to ``_STRETCH`` of them; a longer run holds no whole word,
#: and its digits are read on from the text itself).  At least the longest trigger word.
_TRIGGER_RUN = re.compile(f"[A-Za-z0-9{_VULGAR}]*")
_STRETCH = 64
_DIGIT_RUN = re.compile("[0-9]*")


def _run_end(run: re.Pattern[str], text: str, pos: int, endpos: int) -> int:
    """Where the run of ``run`` (a pattern that also matches nothing) from ``pos`` ends."""
    match = run.match(text, pos, endpos)
    assert match is not None  # the run may be empty
    return match.end()


def find_triggers(text: str, folded: str | None = None) -> tuple[Iterable[_Trigger], int | None]:
    """Where a number may start, in text order, and where the first of the relation
    finder's words stands: ``len(text)`` where none does, None in a text longer than a window.

    Two stdlib patterns run over the text with its ASCII letters lowered, a
    window at a time: one finds digit runs and vulgar fractions, the other
    number words.  A word counts where it stands whole (no letter or digit of
    any script glued to it).  Trying the master pattern only there is much
    cheaper than at every position.  One window gets a list (``folded``: ``folded_whole``'s).
    """
    if len(text) > FOLD_WINDOW:
        return _windowed_triggers(text), None
    found, _, relation = _window_triggers(text, 0, len(text), folded)
    return found, relation


def _triggers(text: str) -> Iterable[_Trigger]:
    return find_triggers(text)[0]


def _windowed_triggers(text: str) -> Iterator[_Trigger]:
    """The triggers of a text longer than a window, a window at a time."""
    size, lo = len(text), 0
    while lo < size:
        hi = size if size - lo <= FOLD_WINDOW else lo + FOLD_WINDOW
        if hi < size:  # never end a window inside a word or a number
            hi = _run_end(_TRIGGER_RUN, text, hi, hi + _STRETCH)
        found, lo, _ = _window_triggers(text, lo, hi)
        yield from found


def _window_triggers(
    text: str, lo: int, hi: int, folded: str | None = None
) -> tuple[list[_Trigger], int, int]:
    """The triggers of ``text[lo:hi]`` in order, where the next window starts, and where
    the first relation word (:func:`finder_words`) starts (``len(text)``: none).

    A digit run that reaches the window's end is read on to its end in the
    text, and the next window starts after it.
    """
    base = lo - 1  # one character of context before lo (a space before the text)
    if folded is None:
        folded = ascii_folded(text[base:hi]) if lo else " " + ascii_folded(text[:hi])
    found: list[_Trigger] = []
    for match in _NUMERALS.finditer(folded, 1):
        start, end = match.start() + base, match.end() + base
        if folded[start - base] in _VULGAR:
            found.append((start, start + 1, "vulgar"))
            start += 1
            if start == end:
                continue
        if end == hi:  # the run may go on past the window (the stretch ended in it)
            end = _run_end(_DIGIT_RUN, text, end, len(text))
            hi = max(hi, end)
        found.append((start, end, "digits"))
    numerals, relation, relations = len(found), len(text), finder_words()
    for match in _word_trigger_pattern().finditer(folded):
        start, end = match.start() + base + 1, match.end() + base  # past the character before
        if folded[start - base : end - base] in relations:
            relation = min(relation, start)  # no trigger, whatever stands around it
        elif not (start and text[start - 1].isalnum()) and not text[end : end + 1].isalnum():
            found.append((start, end, "word"))
    if 0 < numerals < len(found):
        found.sort()  # the two never overlap: digits and letters
    return found, hi, relation


def scan(
    text: str, vocabulary: Vocabulary | None = None, triggers: Iterable[_Trigger] | None = None
) -> Iterator[Atom]:
    """Yield the numbers of ``text`` in order of appearance (with a user's ``vocabulary``;
    ``triggers``: those of :func:`find_triggers`, where found already)."""
    master, prefixes = _patterns(vocabulary)
    consumed = 0
    for pos, end, kind in _triggers(text) if triggers is None else triggers:
        if pos < consumed:
            continue
        if kind == "word":
            read, starts = _at_word(text, pos, end, consumed)
        elif kind == "digits" and not _prefix_may_end(text, pos, prefixes[1]):
            atom = _plain_digits(text, pos, end)  # the commonest case: nothing before the digits
            read, starts = (None, (pos,)) if atom is None else ((atom,), ())
        else:
            read, starts = _at_numeral(text, pos, end, consumed, prefixes, kind == "digits")
        if read is not None:
            consumed = read[-1].end if read else end  # 2,000 reads on past its trigger
            yield from read
        else:
            consumed = yield from _by_master(master, text, pos, starts, consumed)


def _by_master(
    master: regex.Pattern[str], text: str, pos: int, starts: Iterable[int], consumed: int
) -> Generator[Atom, None, int]:
    """The atoms the master pattern reads from the first of ``starts`` where it finds a number
    that reaches past ``pos``; returns where the scanner goes on (``consumed``: none found)."""
    for start in starts:
        match = master.match(text, start, start + _MAX_SPAN, KEEP_GIL)
        if match is not None and _may_be_cut(text, start, match):
            match = master.match(text, start, None, KEEP_GIL)  # the whole number
        if match is not None and (match.end() > pos or match.lastgroup == "article"):
            yield from atoms_of(match)
            return max(match.end(), pos + 1)
    return consumed


@cache
def _patterns(vocabulary: Vocabulary | None) -> tuple[regex.Pattern[str], _Prefix]:
    """The master pattern, and the prefix pattern with its ends: looked up once per text."""
    prefix = prefix_pattern(vocabulary), _prefix_ends(vocabulary), currencies(vocabulary).symbols
    return master_pattern(vocabulary), prefix


#: The characters a run of digits may go on with: grouping, decimals,
#: exponents and fractions (``1,000,000``, ``1 000``, ``1.5e6``, ``2 1/2``).
_NUMBER_RUN = re.compile(f"[0-9 {re.escape(''.join(sorted(CONTINUES)))}+\\-^]*")
#: The longest piece of a number the pattern may have left unread at the end
#: of its window: an exponent (`` × 10^-308``) and the look past it.
_LONGEST_PIECE = 16
#: Where the lakh grouping goes on (``1,00,000``): the pattern reads none of it
#: when the window cuts it, and falls back to the first digits.
_LAKH_GROUP = re.compile(r",\d\d,")


def _may_be_cut(text: str, start: int, match: regex.Match[str]) -> bool:
    """True where a number's digits may run on past the window it was matched in.

    The window keeps every match cheap, but a number longer than it (``1,000,000,...``
    past 200 characters) must be read whole: its value is then that of the whole (or
    none, past the range of a float), never that of the part that fitted.  A match
    that ends near its window's end, or before a lakh group, with digits and their
    separators all the way to the window's end, may have been cut.  Every piece of
    the ``digits`` alternative is possessive or bounded, so matching it again
    without the window reads the number once more, and no further.
    """
    window_end = start + _MAX_SPAN
    if window_end >= len(text) or match.lastgroup != "digits":
        return False
    end = match.end()
    if end < window_end - _LONGEST_PIECE and _LAKH_GROUP.match(text, end) is None:
        return False
    run = _NUMBER_RUN.match(text, match.start(group_numbers(match.re)["mantissa"]), window_end)
    return run is not None and run.end() == window_end


#: What the scanner makes of a trigger: the atoms read without the master
#: pattern (None to use it), and where to try the pattern, widest first.
_Plan = tuple[tuple[Atom, ...] | None, Sequence[int]]


def _at_word(text: str, pos: int, end: int, consumed: int) -> _Plan:
    """The plan at a number word: maybe ``a couple``, ``a million``, ``a week``, or one word."""
    before = (
        ARTICLE_BEFORE.match(text, max(consumed, pos - _ARTICLE_REACH), pos, KEEP_GIL)
        if article_may_end(text, pos)
        else None
    )
    if before is not None:
        return None, (before.start(), pos)
    if negative_may_end(text, pos):
        reach = max(consumed, pos - NEGATIVE_REACH)
        negative = negative_before().match(text, reach, pos, KEEP_GIL)
        if negative is not None:
            return None, (negative.start(), pos)  # minus five, negative one
    word = text[pos:end].lower()
    if word in _article_only():
        return None, ()  # "week" counts only after "a": "up to a week"
    return _single_word(text, pos, end, word), (pos,)


def _at_numeral(
    text: str, pos: int, end: int, consumed: int, prefix: _Prefix, digits: bool
) -> _Plan:
    """The plan at digits or a vulgar fraction, from the currency or sign before them."""
    pattern, ends, symbols = prefix
    before = (
        pattern.match(text, max(consumed, pos - _PREFIX_REACH), pos, KEEP_GIL)
        if _prefix_may_end(text, pos, ends)
        else None
    )
    if before is None or before.start() == pos:
        atom = _plain_digits(text, pos, end) if digits else None
        return (None if atom is None else (atom,)), (pos,)
    atom = _priced(text, before, symbols, pos, end) if digits else None
    if atom is not None:
        return (atom,), ()
    # the widest prefix first, then narrower ones: "--1" is "-" and "-1"
    return None, range(before.start(), pos + 1)


#: The prefix pattern, what its matches may end with (``_prefix_ends``), and the
#: currency symbols it reads.
_Prefix = tuple[regex.Pattern[str], tuple[frozenset[str], frozenset[str]], Mapping[str, str]]


def _prefix_may_end(text: str, pos: int, ends: tuple[frozenset[str], frozenset[str]]) -> bool:
    """False where no currency, sign or ``minus`` can stand right before ``pos``.

    Such a prefix ends with a sign, a full stop, a bracket, the last two
    characters of a currency code or symbol (``SD`` of ``USD``, ``Rp``), or a
    space after those or after ``minus``/``negative``; ``in 2003`` and
    ``of 5`` have none of them, and the prefix pattern is not tried.
    """
    if not pos:
        return False
    last = text[pos - 1]
    ends_here, ends_before_space = ends
    if last in _SIGNS and pos > 1 and text[pos - 2] in _GLUED:
        # COVID-19, 6-3: no pattern reads a sign glued to what precedes it; minus-130 is read
        return last == "-" and _ends_with(text, pos - 1, ends_before_space)
    if last in _SPACE_SET:
        return _ends_with(text, pos - 1, ends_before_space) or not text[pos - 2 : pos - 1].isascii()
    return _ends_with(text, pos, ends_here) or not last.isascii()


def _ends_with(text: str, pos: int, ends: frozenset[str]) -> bool:
    """True where ``text`` up to ``pos`` ends with one of ``ends`` (one or two characters)."""
    return text[pos - 1 : pos] in ends or text[max(0, pos - 2) : pos] in ends


#: A sign of a number (``-5``) is read only where no word character, full stop,
#: comma or closing bracket precedes it (the lookbehinds of the master pattern),
#: and no currency surface holds one: a sign after these is no prefix.
_SIGNS = frozenset(SIGN_CHARS)
_GLUED = frozenset(c for c in map(chr, range(128)) if regex.match(f"[{BEFORE_NO_SIGN}]", c))
_SPACE_SET = frozenset(SPACE_CHARS)


@cache
def _prefix_ends(vocabulary: Vocabulary | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """How a prefix may end: right before the digits, and before a space.

    Right before the digits: a sign, a full stop (``-.5``), a bracket
    (``$(0.12)``) or the end of a currency; before a space, the end of a
    currency or of ``minus``/``negative`` in any case.  A currency's end is
    its last two characters, so that the many symbols ending in a small
    letter (``Rp``, ``Ksh``) do not send every ``in 2003`` to the pattern.
    """
    money = currencies(vocabulary)
    ends = {surface[-2:] for surface in [*money.codes, *money.symbols]}  # or the one
    words = {
        first + second
        for word in cue_words("negative")
        for first in (word[-2].lower(), word[-2].upper())
        for second in (word[-1].lower(), word[-1].upper())
    }
    return frozenset(ends | set(SIGN_CHARS + ".(")), frozenset(ends | words)


@cache
def _trigger_words() -> frozenset[str]:
    """Lower-case words that may start a number: number words, vague amounts, time units."""
    return frozenset({*number_word_list(), *vague_trigger_words(), *cue_words("article_unit")})


@cache
def _article_only() -> frozenset[str]:
    """Trigger words that start a number only after ``a``/``an``: ``week`` of ``a week``."""
    return frozenset(cue_words("article_unit")) - {*number_word_list(), *vague_trigger_words()}
