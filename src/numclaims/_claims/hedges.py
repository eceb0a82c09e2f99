"""Hedges: the words that weaken a claim's certainty, as written.

``could``, ``may``, ``might``, ``reportedly``, ``allegedly``, ``likely``, ``an
estimated``; a form of *be* before a participle (``are thought to``, ``is
expected to``, ``was estimated``); ``appears to``; and a conditional clause
(``if the merger goes ahead``), which runs to the next comma or clause stop.
Bounds (``up to``, ``about``) are the bounds stage's, not hedges; ``will``,
``would`` and ``must`` are no hedge.  Every word is in ``claims.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from numclaims._claims.words import alternation, claim_words

__all__ = ["find_hedges"]

#: An adverb that may stand inside a passive hedge: `are widely thought to`.
_ADVERB = r"(?:\w+ly|still|now|also|not)"


@cache
def _pattern() -> re.Pattern[str]:
    t = claim_words()
    be = alternation(t.hedge_be)
    to_participle = alternation(t.hedge_participles)
    bare_participle = alternation(t.hedge_participles_bare)
    then_to = alternation(t.hedge_then_to)
    return re.compile(
        rf"""
        (?<![\w'’])
        (?:
          (?P<passive> {be}\s+(?:{_ADVERB}\s+)?
             (?: {to_participle}\s+to | {bare_participle}(?:\s+to)? )\b )  # are thought to
        | (?P<then_to> {then_to}\s+to\b )                                   # appears to
        | (?P<conditional> {alternation(t.conditional)}\b [^,;:\u2013\u2014]* )  # if the deal ...
        | (?P<word> {alternation(t.hedges)}\b )                              # could, reportedly
        )
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def find_hedges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The hedges of the sentence ``text[start:end]`` as ``(start, end)``, in order.

    >>> text = "Up to 40 are thought to have died; May sales may fall if rates rise."
    >>> [text[s:e] for s, e in find_hedges(text, 0, len(text))]
    ['are thought to', 'may', 'if rates rise']
    """
    found = []
    comparisons = claim_words().not_hedge_before
    for match in _pattern().finditer(text, start, end):
        if match.group() == "May":
            continue  # the month
        before = text[max(start, match.start() - 10) : match.start()].split()
        if before and before[-1].lower() in comparisons:
            continue  # `less likely to die`: a comparison, no hedge
        stop = match.end()
        if match.lastgroup == "conditional":
            stop = _trimmed(text, match.start(), stop)
        found.append((match.start(), stop))
    return found


def _trimmed(text: str, start: int, stop: int) -> int:
    """``stop`` moved back over spaces, a full stop and closing quotes."""
    while stop > start and text[stop - 1] in " \t\n.!?\"'\u201d\u2019)":
        stop -= 1
    return stop
