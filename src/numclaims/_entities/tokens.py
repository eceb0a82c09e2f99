"""The tokens of one text, read once, and the context that carries them from quantity to quantity.

Every window the entity readers look at ends at or before the quantity,
and quantities come in order, so consecutive windows overlap: the text is
tokenised once, left to right (:class:`TokenIndex`), not once per quantity;
a quantity's first window is read from the space before it, and a wider one
for the same quantity reads back the words before.  The index belongs to
one :class:`TextContext`, made by the pipeline for one text and dropped
with it: nothing is kept between texts, threads or generators.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import sub
from typing import NamedTuple

from numclaims._sentences import CLOSERS, dot_ends_sentence

__all__ = [
    "CLAUSE_WINDOW",
    "TextContext",
    "Token",
    "TokenIndex",
    "ends_sentence",
    "line_start",
    "next_word",
    "past_word",
    "previous_word",
]

#: How far before a quantity the widest window (its clause) may start.
CLAUSE_WINDOW = 160
#: How far the token index may lag behind the windows before it forgets old tokens.
_FORGET_AFTER = 4096
#: How far back ``_token_start`` looks for the space before a word.
_SPACE_REACH = 100
#: What the index reads as one token: initialisms (``U.S.``), words (``S&P`` is
#: one), numbers (``1,844``, ``2.5bn``; a comma after one is its own token) and
#: single marks.  Each run is
#: possessive (``*+``): nothing follows it, so giving back a character could never
#: let a match succeed, and the engine keeps no state to try it.
_TOKEN = (
    r"(?:[A-Za-z]\.){2,}+(?!\w)"  # an initialism with its dots: U.S., U.K., e.g.
    r"|[^\W\d_][\w'’\-]*+(?:&[^\W\d_][\w'’\-]*+)*+|\d\w*+(?:[.,]\d\w*+)*+|[^\w\s]"
)
_INDEX_TOKEN = re.compile(_TOKEN)
#: What the index skips between tokens: spaces, and ``_``, the one word character
#: no token opens with.  Every other character opens a token, so a run of these
#: and the token after it, matched again and again, cover the text without a gap.
_SKIPPED = "_"
#: A token with the characters skipped before it, read in one match, not searched
#: for: ``findall`` then gives the texts alone, and their lengths give where each
#: starts and ends (:meth:`TokenIndex._tokenise`).
_SPACED_TOKEN = re.compile(rf"[\s{_SKIPPED}]*+(?:{_TOKEN})")


class Token(NamedTuple):
    """A word, number or mark of the text, with where it starts and ends."""

    word: str
    start: int
    end: int


_new_token = tuple.__new__  # builds a Token from a tuple without NamedTuple's argument parsing


class TokenIndex:
    """The tokens of one text, read once, left to right, as its quantities ask for them.

    The index holds the tokens of ``text[base:reached]`` and forgets those
    far behind the last window, so memory stays bounded however long the text.
    """

    __slots__ = ("base", "reached", "starts", "text", "tokens")

    def __init__(self, text: str) -> None:
        self.text = text
        self.base = self.reached = 0
        self.tokens: list[Token] = []
        self.starts: list[int] = []

    def window(self, lo: int, hi: int) -> list[Token]:
        """The tokens that start in ``text[lo:hi]``; one running past ``hi`` is cut there."""
        if lo < self.base and self._read_back(lo):
            pass  # a wider window for the same quantity: the words before the index read
        elif not self.base <= lo <= self.reached:
            # a gap or a window out of order: start afresh where a token starts, so
            # that no word is read from its middle: after the space before lo, or
            # early enough for every window that ends at hi where none is near
            start = _token_start(self.text, lo)
            if not _after_space(self.text, start):
                start = _token_start(self.text, min(lo, max(0, hi - CLAUSE_WINDOW)))
            self.base = self.reached = start
            self.tokens, self.starts = [], []
        elif lo - self.base > _FORGET_AFTER:
            drop = bisect_left(self.starts, lo)
            del self.tokens[:drop], self.starts[:drop]
            self.base = lo
        if hi > self.reached:
            last = self._read(hi)
            if last is not None:
                return [*self._slice(lo, hi), last]
        return self._slice(lo, hi)

    def _read_back(self, lo: int) -> bool:
        """Read the tokens from the space before ``lo`` up to the index's start, if both follow one.

        Tokenising from just after a space reads the text's own tokens (no
        token holds a space), so the tokens read back and those already held
        are the ones a single read from there would give.  False, reading
        nothing, where either start follows no space.
        """
        start = _token_start(self.text, lo)
        if not (_after_space(self.text, self.base) and _after_space(self.text, start)):
            return False
        tokens, starts = self._tokenise(start, self.base)
        self.tokens[:0], self.starts[:0] = tokens, starts
        self.base = start
        return True

    def _read(self, hi: int) -> Token | None:
        """Tokenise on to ``hi``; the last token if it may go on past ``hi`` (to be read again)."""
        tokens, starts = self._tokenise(self.reached, hi)
        self.tokens += tokens
        self.starts += starts
        self.reached = hi
        if self.tokens and self.tokens[-1].end == hi < len(self.text):
            self.reached = self.starts.pop()
            return self.tokens.pop()
        return None

    def _tokenise(self, lo: int, hi: int) -> tuple[list[Token], list[int]]:
        """The tokens of ``text[lo:hi]`` (the last one cut at ``hi``), and where each starts."""
        if _SKIPPED in self.text[lo:hi]:
            found = list(_INDEX_TOKEN.finditer(self.text, lo, hi))
            words: list[str] = list(map(re.Match.group, found))
            starts = list(map(re.Match.start, found))
            ends = list(map(re.Match.end, found))
        else:
            # the spaces before each token are matched with it, so the matches follow
            # one another and their lengths, summed, say where each ends; map() and
            # accumulate() build the tokens without a Python-level loop
            spaced = _SPACED_TOKEN.findall(self.text, lo, hi)
            words = list(map(str.lstrip, spaced))
            ends = list(accumulate(map(len, spaced), initial=lo))
            del ends[0]
            starts = list(map(sub, ends, map(len, words)))
        tokens = list(map(_new_token, repeat(Token), zip(words, starts, ends, strict=True)))
        return tokens, starts

    def _slice(self, lo: int, hi: int) -> list[Token]:
        found = self.tokens[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
        if found and found[-1].end > hi:  # a word the window cuts, as a window would read it
            cut = _INDEX_TOKEN.match(self.text, found[-1].start, hi)
            found[-1] = Token(cut.group(), cut.start(), cut.end()) if cut else found[-1]
        return found


def _token_start(text: str, pos: int) -> int:
    """A position at or before ``pos`` where tokenising gives the text's own tokens.

    No token holds a space or a line break, so tokenising from just after
    one reads whole words: from the middle of ``talking``, it would read
    ``king``.  Without a space within ``_SPACE_REACH`` characters, only the
    first token read may be cut, and it starts before ``pos``.
    """
    floor = max(0, pos - _SPACE_REACH)
    space = max(text.rfind(" ", floor, pos), text.rfind("\n", floor, pos))
    return space + 1 if space >= 0 else floor


def _after_space(text: str, pos: int) -> bool:
    """True where ``pos`` opens the text or follows a space: a token starts there or later."""
    return pos == 0 or text[pos - 1].isspace()


@dataclass(slots=True, eq=False)
class TextContext:
    """What the entity readers know of the text being parsed: the text and its tokens.

    The pipeline makes one for each text and passes it to every reading of
    that text, so that state travels with the text: two texts parsed in
    turn, on one thread or many, never share an index.
    """

    text: str
    #: The last quantity read: where it ends, and its entity's span (a value restated
    #: after it takes that entity: ``cut 1,800 jobs, or 11% of its workforce``).
    last: tuple[int, tuple[int, int] | None] | None = field(default=None, init=False)
    _index: TokenIndex | None = field(default=None, init=False, repr=False)

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of ``text[start:end]`` in the sentence of ``end`` (the index is made once).

        A window never reaches back past a line break that ends a sentence
        (:func:`line_start`): a heading is no part of the text under it.
        """
        index = self._index
        if index is None:
            index = self._index = TokenIndex(self.text)
        end = min(end, len(self.text))  # a window read ahead may reach past the text's end
        return index.window(line_start(self.text, start, end), end)


def line_start(text: str, lo: int, hi: int) -> int:
    """The start of the sentence of ``hi``, if after a line break in ``text[lo:hi]``; else ``lo``.

    A line break ends a sentence unless the next line carries on in lower
    case (as a hard-wrapped paragraph does): a heading, a list item or a
    headline has no full stop, and the line after it starts a new sentence.
    The rule is the sentence splitter's (``extract_claims``), looked at only
    within the window.

    >>> text = "Key takeaways\\nPrices rose 4%"
    >>> text[line_start(text, 0, len(text)):]
    'Prices rose 4%'
    >>> text = "prices in the city\\nrose 4%"
    >>> line_start(text, 0, len(text))
    0
    """
    brk = text.rfind("\n", lo, hi)
    while brk >= 0:
        nxt = brk + 1
        while nxt < hi and text[nxt].isspace():
            nxt += 1
        if nxt < len(text) and not text[nxt].islower():
            return nxt  # but a break that only spaces follow to the end opens nothing
        brk = text.rfind("\n", lo, brk)
    return lo


#: The marks that end a sentence before a space or the end of the text.
_FULL_STOPS = frozenset(".!?")
#: What may follow a mark that ends a sentence.
_AFTER_END = (" ", "\n", "")


def ends_sentence(token: Token, text: str) -> bool:
    """True for a full stop, question or exclamation mark that ends a sentence in ``text``.

    A full stop, alone or closing an initialism (``U.S.``), ends one only where
    the sentence splitter says it does: ``in the U.S. The euro``, but not
    ``U.S. crude`` nor ``Mr. Smith``.
    """
    if text[token.end : token.end + 1] not in _AFTER_END:
        return False
    word = token.word
    if word in CLOSERS and text[token.start - 1 : token.start] in _FULL_STOPS:
        # shut." The high jump bar: a quote or bracket closed after the sentence's end
        mark = token.start - 1
        return text[mark] != "." or dot_ends_sentence(text, mark)
    if len(word) > 1 and word.endswith("."):
        return dot_ends_sentence(text, token.end - 1)
    return word in _FULL_STOPS and (word != "." or dot_ends_sentence(text, token.start))


#: How many characters after ``pos`` :func:`next_word` reads.
_NEXT_WORD_REACH = 24


def past_word(text: str, pos: int) -> int:
    """Where the word after ``pos`` (past spaces) ends."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def previous_word(text: str, pos: int) -> str:
    """The lower-cased word right before ``pos`` (past spaces), as written."""
    words = text[max(0, pos - _NEXT_WORD_REACH) : pos].lower().split()
    return words[-1] if words else ""


def next_word(text: str, pos: int) -> str:
    """The lower-cased word after ``pos`` (past spaces), without trailing punctuation."""
    words = text[pos : pos + _NEXT_WORD_REACH].lower().split(None, 1)
    return words[0].rstrip(".,;:!?)") if words else ""
