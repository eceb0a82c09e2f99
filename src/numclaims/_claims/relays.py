"""Relays, quotations and passive agents: sources that no verb of saying has before it.

* a relay: ``…, the agency said, citing a military source`` and ``State media,
  quoting the ministry, said …``: the party cited is the source, and the report
  that cites it (the attribution nearest to the participle) relays it;
* a quotation: ``Interfax quoted an official as saying …`` (the official is the
  source, Interfax relays it) and ``The minister was quoted by state TV as
  saying …`` (the minister is the source, state TV relays it);
* a passive agent: ``The damage was estimated at $2.7bn by the regulator``: the
  party after ``by`` in the clause of a passive verb of ``[passive_verb]``.

A cited party shares the anchor and scope of the party that relays it and is
marked ``cited``, so that it is read as the inner one.  Every word is in
``claims.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from numclaims._claims.clauses import Clauses, opens
from numclaims._claims.parties import Attribution, party_after, party_before
from numclaims._claims.words import alternation, claim_words

__all__ = ["find_relays"]

#: How far after a passive verb its agent may stand: `was put at 61 by the agency`.
_AGENT_REACH = 60


@cache
def _pattern() -> re.Pattern[str]:
    t = claim_words()
    be = alternation(t.hedge_be)
    return re.compile(
        rf"""
        (?<![\w’'-])
        (?:
          (?P<relay> (?<=,\s) {alternation(t.relay_verbs)} )\s+             # , citing X
        | (?:(?P<be_quoted>{be})\s+)? (?P<quoted> {alternation(t.quote_verbs)} )\s+
            (?P<by> {alternation(t.agent)}\s+ )?                              # quoted (by) X
            (?P<party> [^,;:()\u201c\u201d"]{{1,80}}? )\s+{alternation(t.quote_as)}\b  # as saying
        | {be}\s+(?:\w+ly\s+)?(?P<passive> {alternation(t.passive_verbs)} )\b  # was estimated
        )
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _agent() -> re.Pattern[str]:
    return re.compile(rf"\b{alternation(claim_words().agent)}\s+", re.IGNORECASE)


def find_relays(
    text: str,
    sentence: tuple[int, int],
    parts: Clauses,
    times: Sequence[tuple[int, int]],
    found: Sequence[Attribution],
) -> list[Attribution]:
    """The attributions of the relays, quotations and passive agents of a sentence.

    ``found`` holds the attributions of its verbs of saying, which may relay a
    cited party.
    """
    relays: list[Attribution] = []
    for match in _pattern().finditer(text, *sentence):
        if match.group("relay"):
            relays.extend(_cited(text, sentence, parts, times, match, found))
        elif match.group("quoted"):
            relays.extend(_quoted(text, sentence, parts, times, match))
        else:
            relays.extend(_passive(text, sentence, parts, times, match))
    return relays


def _cited(
    text: str,
    sentence: tuple[int, int],
    parts: Clauses,
    times: Sequence[tuple[int, int]],
    match: re.Match[str],
    found: Sequence[Attribution],
) -> list[Attribution]:
    """``citing X``: X, relayed by the nearest attribution with no clause break between."""
    cited = _trimmed(text, party_after(text, match.end(), sentence[1], times))
    if cited is None:
        return []
    relayers = [
        a
        for a in found
        if not a.cited
        and not parts.breaks_between(*sorted((a.anchor, match.start())))
        and not (a.source[0] <= match.start() < a.source[1])
    ]
    if not relayers:
        return []
    relayer = min(relayers, key=lambda a: abs(a.anchor - match.start()))
    return [Attribution(cited, relayer.anchor, relayer.scope, (match.start(), cited[1]), True)]


def _quoted(
    text: str,
    sentence: tuple[int, int],
    parts: Clauses,
    times: Sequence[tuple[int, int]],
    match: re.Match[str],
) -> list[Attribution]:
    """``X quoted Y as saying …`` and ``Y was quoted by X as saying …``."""
    start, end = sentence
    before = party_before(text, start, match.start(), times)
    after = _trimmed(text, match.span("party"))
    if before is None or after is None:
        return []
    passive = match.group("by") is not None
    if passive != (match.group("be_quoted") is not None):
        return []  # `quoted by` without `was`, or `was quoted` without `by`
    content = match.end()
    if text[content : content + 5].lower() == " that":
        content += 5
    stop = end if opens(text, start, before[0]) else parts.clause_end(content)
    scope = (content, stop)
    source, via = (before, after) if passive else (after, before)
    zone = (match.start(), content)
    return [
        Attribution(via, match.start(), scope, zone),
        Attribution(source, match.start(), scope, zone, True),
    ]


def _passive(
    text: str,
    sentence: tuple[int, int],
    parts: Clauses,
    times: Sequence[tuple[int, int]],
    match: re.Match[str],
) -> list[Attribution]:
    """``was estimated at $2.7bn by the regulator``: the agent, over the clause of the verb."""
    clause_end = parts.clause_end(match.start())
    agent = _agent().search(text, match.end(), min(clause_end, match.end() + _AGENT_REACH))
    if agent is None:
        return []
    party = _trimmed(text, party_after(text, agent.end(), clause_end, times))
    if party is None:
        return []
    return [Attribution(party, match.start(), parts.bounds(match.start()), party)]


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """``span`` without the words after its noun that no party ends with (``engineers at``).

    None when nothing is left, or when the first word holds a digit.
    """
    words = list(re.finditer(r"\S+", text[span[0] : span[1]]))
    not_last = claim_words().party_not_first
    while words and words[-1].group().lower() in not_last:
        words.pop()
    if not words or any(c.isdigit() for c in words[0].group()):
        return None
    return span[0] + words[0].start(), span[0] + words[-1].end()
