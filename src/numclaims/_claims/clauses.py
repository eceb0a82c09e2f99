"""Clauses of a sentence: what a source, hedge or time may cover.

A sentence splits into clauses at a semicolon, a colon, a spaced dash, a
comma before a word of ``[clause_after_comma]`` (``, but``, ``, while``) and
before a word of ``[clause_word]`` anywhere (``but``).  An aside that
describes a party (``, who was jailed in 2003,``) is a clause of its own, and
the clause around it runs on after it.  A source, hedge or time covers its own
clause, and every clause when it opens the sentence (see :func:`opens`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from numclaims._claims.words import alternation, claim_words

__all__ = ["Clauses", "clauses"]


@cache
def _break_pattern() -> re.Pattern[str]:
    table = claim_words()
    after_comma = alternation(table.clause_after_comma)
    anywhere = alternation(table.clause_words)
    relative = alternation(table.relative)
    return re.compile(
        rf"""
        (?P<aside> ,\s+{relative}\b [^,;:\u2013\u2014]* (?:,|(?=[;:\u2013\u2014])|$) )  # , who ...,
        | (?P<stop> [;:] | \s[\u2013\u2014-]\s )          # ; : and a spaced dash
        | (?P<comma> ,\s+ (?={after_comma}\b (?!\s+well\b)) )  # , but  (not `, as well as`)
        | (?P<word> \s (?={anywhere}\b) )                 # but
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _filler_pattern() -> re.Pattern[str]:
    fillers = alternation(claim_words().opening_filler)
    return re.compile(rf"""(?:[\s"'\u201c\u2018\u2019(,]|{fillers}\b)*""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Clauses:
    """The clauses of one sentence: where each region starts, and its clause id.

    A region is a stretch of one clause; an aside's id is negative, and the
    region after it has the id of the clause the aside interrupts.
    """

    start: int
    end: int
    region_starts: tuple[int, ...]
    region_ids: tuple[int, ...]

    def clause(self, pos: int) -> int:
        """The id of the clause that holds the character at ``pos``."""
        index = bisect.bisect_right(self.region_starts, pos) - 1
        return self.region_ids[max(index, 0)]

    def same(self, first: int, second: int) -> bool:
        """Whether the characters at ``first`` and ``second`` are in the same clause."""
        return self.clause(first) == self.clause(second)

    def breaks_between(self, first: int, second: int) -> bool:
        """Whether a clause starts between ``first`` and ``second`` (``first <= second``)."""
        lo = bisect.bisect_right(self.region_starts, first)
        hi = bisect.bisect_right(self.region_starts, second)
        return hi > lo

    def bounds(self, pos: int) -> tuple[int, int]:
        """Where the clause at ``pos`` starts and ends (around any aside inside it)."""
        own = self.clause(pos)
        first = self.region_ids.index(own)
        return self.region_starts[first], self.clause_end(pos)

    def clause_end(self, pos: int) -> int:
        """Where the clause at ``pos`` ends (its next region of another clause, or the end)."""
        own = self.clause(pos)
        index = bisect.bisect_right(self.region_starts, pos)
        while index < len(self.region_starts):
            other = self.region_ids[index]
            if other != own and (own < 0 or other >= 0):
                return self.region_starts[index]  # an aside (id < 0) does not end its clause
            index += 1
        return self.end


def clauses(text: str, start: int, end: int) -> Clauses:
    """Split the sentence ``text[start:end]`` into clauses."""
    starts = [start]
    ids = [0]
    next_id = 1
    for match in _break_pattern().finditer(text, start, end):
        if match.lastgroup == "aside":
            outer = ids[-1]
            starts.append(match.start())
            ids.append(-next_id)  # asides have negative ids
            starts.append(match.end())
            ids.append(outer)
            next_id += 1
        else:
            starts.append(match.end())
            ids.append(next_id)
            next_id += 1
    return Clauses(start, end, tuple(starts), tuple(ids))


def opens(text: str, sentence_start: int, pos: int) -> bool:
    """Whether only fillers, quotes and commas stand between the sentence start and ``pos``.

    >>> opens("Just last week, he left.", 0, 5)
    True
    >>> opens("He left last week.", 0, 8)
    False
    """
    if pos - sentence_start > 40:
        return False
    match = _filler_pattern().match(text, sentence_start, pos)
    return match is not None and match.end() == pos
