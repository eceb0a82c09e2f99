"""Sentences: where each sentence of a text starts and ends.

A sentence ends at a full stop, question or exclamation mark (with any
closing quotes or brackets after it) that a space and no lower-case word
follow, at a blank line, and at a line break before a line that does not
carry on in lower case (headlines and list items have no full stop).  A dot
ends no sentence after a title (``Mr. Smith``), an initial (``J. K.
Rowling``), an abbreviation before a number (``No. 10``, ``Jan. 5``) or an
initialism that runs on (``the U.S. economy``); a decimal point has no space
after it.  The words are in ``data/sentences.txt``.

One pass over the text with one pattern, and a bounded look either side of
each candidate stop: linear time.

>>> text = "Mr. Smith paid $3.5m in the U.S. last year. Sales rose 5%!\\nHeadline here"
>>> [text[start:end] for start, end in sentence_spans(text)]
['Mr. Smith paid $3.5m in the U.S. last year.', 'Sales rose 5%!', 'Headline here']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple, Protocol

from numclaims._data import words
from numclaims._lexicon import month_words

__all__ = [
    "CLOSERS",
    "SentenceFinder",
    "SentenceWords",
    "dot_ends_sentence",
    "sentence_finder",
    "sentence_spans",
]

#: Quotes and brackets that may close after a sentence's end mark: ``shut.” The``.
CLOSERS = frozenset("\"'\u201d\u2019\u00bb)]")
#: A candidate end: a blank line, a line break, or closing punctuation before a space.
_CANDIDATE = re.compile(
    rf"""
    (?P<para> \n [ \t\r\f\v]* \n )              # a blank line: always an end
    | (?P<line> \n )                            # a line break: an end unless the next line runs on
    | (?P<stop> [.!?\u2026]+ [{re.escape("".join(sorted(CLOSERS)))}]* )  # stops, then closers
      (?= \s | \Z )                             # ... before a space or the end of the text
    """,
    re.VERBOSE,
)
#: The word before a dot, read backwards from the dot: ``Mr``, ``U.S``, ``J``.
_WORD_BEFORE = re.compile(r"[A-Za-z][A-Za-z.]*\Z")
#: How far back a word before a dot may start (``Messrs``, ``e.g``, ``Ph.D``).
_WORD_REACH = 12
#: The next word after a candidate end, after spaces and opening quotes.
_NEXT = re.compile(r"""[\s"'\u201c\u2018(\[]*(?P<word>[^\s"'\u201c\u2018(\[]?\w*)""")
#: How far ahead the next word is read.
_NEXT_REACH = 40
#: Decide sentence ends only around the positions asked (a shortcut, see ``_shortcuts``).
_ONLY_AROUND = True
#: An initialism: ``U.S``, ``e.g``, ``U.K``, ``a.m`` (the last dot is the candidate).
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\Z")


class SentenceWords(NamedTuple):
    """The words of ``sentences.txt`` as lookup sets."""

    titles: frozenset[str]
    before_number: frozenset[str]
    never_last: frozenset[str]
    openers: frozenset[str]


@cache
def sentence_words() -> SentenceWords:
    """The words of ``sentences.txt``, with the month abbreviations of ``non_quantities.txt``."""
    months = frozenset(m.rstrip(".") for m in month_words() if len(m.rstrip(".")) <= 4)
    return SentenceWords(
        titles=frozenset(words("sentences", "title")),
        before_number=frozenset(words("sentences", "before_number")) | months,
        never_last=frozenset(words("sentences", "never_last")),
        openers=frozenset(words("sentences", "opener")),
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every sentence of ``text``, in order, without outer spaces.

    >>> text = "He said: “It will cost £2bn.” No. 10 agreed.\\n\\nJ. K. Rowling wrote it"
    >>> [text[start:end] for start, end in sentence_spans(text)]
    ['He said: “It will cost £2bn.”', 'No. 10 agreed.', 'J. K. Rowling wrote it']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if not _ends_sentence(match, text):
            continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add ``text[start:end]`` without its outer spaces, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _ends_sentence(match: re.Match[str], text: str) -> bool:
    """Whether the candidate ``match`` ends a sentence."""
    if match.lastgroup == "para":
        return True
    following = _NEXT.match(text, match.end(), match.end() + _NEXT_REACH)
    after = following.group("word") if following else ""
    if after[:1].islower():
        return False  # the sentence runs on: `e.g. the`, `“Why?” he asked`
    if match.lastgroup == "line":
        return True
    stop = match.group("stop")
    if not stop.startswith("."):
        return True
    return not _abbreviation(text, match.start(), after)


def dot_ends_sentence(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot``, before a space, ends a sentence (as the splitter decides).

    Not after an abbreviation that runs on (``the U.S. economy``, ``Mr. Smith``)
    nor before a word in lower case.  The entity reader asks this of the
    full stops inside its windows, so that it never stops at ``U.S.``.
    """
    following = _NEXT.match(text, dot + 1, dot + 1 + _NEXT_REACH)
    after = following.group("word") if following else ""
    return not after[:1].islower() and not _abbreviation(text, dot, after)


def _abbreviation(text: str, dot: int, after: str) -> bool:
    """Whether the dot at ``dot`` closes an abbreviation that runs on into ``after``."""
    before = _WORD_BEFORE.search(text, max(0, dot - _WORD_REACH), dot)
    if before is None:
        return False
    word = before.group()
    table = sentence_words()
    if word in table.titles:
        return True  # `Mr. Smith`
    if word in table.before_number and after[:1].isdigit():
        return True  # `No. 10`, `Jan. 5`
    if word in table.never_last or _INITIALISM.search(word) or _is_initial(word):
        return after not in table.openers  # `the U.S. economy`, but `in the U.S. The`
    return False


def _is_initial(word: str) -> bool:
    """A capital on its own: ``J`` of ``J. K. Rowling``."""
    return len(word) == 1 and word.isupper()


class SentenceFinder(Protocol):
    """Finds the sentence around each of a run of positions that never decrease."""

    def around(self, pos: int) -> tuple[int, int]:
        """The ``(start, end)`` of the sentence that holds the character at ``pos``."""
        ...


def sentence_finder(text: str) -> SentenceFinder:
    """A finder of the sentences of ``text`` that hold the positions it is asked about.

    It gives the spans :func:`sentence_spans` gives, but decides only the
    candidate ends next to those positions: a sentence without one costs
    only the scan for its candidates.

    >>> finder = sentence_finder("No. 1 here. Not here. Mr. Smith paid $5.")
    >>> finder.around(4), finder.around(36)
    ((0, 11), (22, 40))
    """
    return _AroundFinder(text) if _ONLY_AROUND else _ListFinder(text)


class _ListFinder:
    """The long way round: every sentence of the text, then a walk along them."""

    def __init__(self, text: str) -> None:
        self._sentences = sentence_spans(text) or [(0, len(text))]
        self._index = 0

    def around(self, pos: int) -> tuple[int, int]:
        sentences = self._sentences
        while self._index + 1 < len(sentences) and sentences[self._index][1] <= pos:
            self._index += 1
        return sentences[self._index]


class _AroundFinder:
    """Candidate ends read in order; only the last before a position and the first after
    it are decided (every end between two positions asked about is skipped)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._candidates: Iterator[re.Match[str]] = _CANDIDATE.finditer(text)
        self._ahead: re.Match[str] | None = None
        self._start = 0  # where the current sentence starts: an end decided, or 0
        self._end = -1  # where it ends, once decided
        self._span = (0, 0)  # the current sentence without its outer spaces

    def _next(self) -> re.Match[str] | None:
        if self._ahead is not None:
            match, self._ahead = self._ahead, None
            return match
        return next(self._candidates, None)

    def around(self, pos: int) -> tuple[int, int]:
        if pos < self._end:
            return self._span
        if self._end >= 0:
            self._start = self._end
        passed = []
        while (match := self._next()) is not None and match.end() <= pos:
            passed.append(match)
        self._ahead = match
        text = self._text
        ends = (m.end() for m in reversed(passed) if _ends_sentence(m, text))
        self._start = next(ends, self._start)  # the last end before `pos`
        match = self._next()
        while match is not None and not _ends_sentence(match, text):
            match = self._next()  # on to the first end after it
        self._end = len(text) if match is None else match.end()
        spans: list[tuple[int, int]] = []
        _add(spans, text, self._start, self._end)
        self._span = spans[0] if spans else (self._start, self._end)
        return self._span
