"""Sources: who asserts a number, as the minimal noun phrase the text names.

Three forms, each with a verb or phrase of ``claims.txt``:

* a party before its verb: ``Ukraine has claimed that …``, ``…, the company
  said`` (auxiliaries and the date of the statement between them are left
  out; an aside after the party is skipped: ``Maria Lindqvist, the chief
  executive, said``);
* a party after its verb: ``…, said Maria Lindqvist, the chief executive``;
* a party after ``according to``.

Verbs of counting (``officials had counted 312 bodies``) are verbs of saying
before their object, and verbs that put a figure (``Police put the crowd at
15,000``) before a word of ``[figure_at]``.  Relays, quotations and passive
agents are read by :mod:`.relays`.

Each :class:`Attribution` knows what it covers (its *scope*): what follows
the verb up to the end of its clause (to the end of the sentence when the
party opens it), what precedes a verb that closes the sentence, or the clause
of ``according to`` (the sentence when it opens it).  A party that ``did
not say`` is none; the person spoken to (``told the BBC``) is none either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from numclaims._claims.clauses import Clauses, opens
from numclaims._claims.parties import (
    Attribution,
    names_party,
    party_after,
    party_before,
)
from numclaims._claims.relays import find_relays
from numclaims._claims.words import alternation, claim_words

__all__ = ["Attribution", "find_attributions"]

#: Spaces, which always match (perhaps empty).
_SPACES = re.compile(r"\s*")
#: Words after a verb-like word that make it a noun: `reports of`, `estimates from`.
_NOUN_AFTER = re.compile(r"\s+(?:of|from|by|for)\b|\s*[’']s\b")
#: Marks that close what was said before an inverted verb: `,”` and `”`.
_CLOSE = ",\u201d\u2019\"'"
#: What may stand after a verb that closes the sentence: stops and closing quotes.
_END = re.compile(r"""[\s.!?"'\u201d\u2019)]*\Z""")


@cache
def _pattern() -> re.Pattern[str]:
    t = claim_words()
    return re.compile(
        rf"(?<![\w’'-])(?:(?P<according>{alternation(t.according)})"
        rf"|(?P<verb>{alternation(t.assert_verbs)}))(?![\w’'-])",
        re.IGNORECASE,
    )


@cache
def _manner() -> re.Pattern[str]:
    """``on X``, ``in a statement``, ``in its autumn outlook``, ``at a briefing``."""
    table = claim_words()
    nouns = alternation(table.manner_nouns)
    return re.compile(
        rf"\s*(?:{alternation(table.manner)}"
        rf"|(?:in|at|during)\s+(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+){{0,2}}{nouns})\b",
        re.IGNORECASE,
    )


@cache
def _figure_at() -> re.Pattern[str]:
    """What follows a verb that puts a figure: its object, then ``at`` (``put the toll at``)."""
    return re.compile(
        rf"\s+(?:[\w’'-]+\s+){{1,8}}?{alternation(claim_words().figure_at)}\b", re.IGNORECASE
    )


def find_attributions(
    text: str,
    sentence: tuple[int, int],
    parts: Clauses,
    times: Sequence[tuple[int, int]],
) -> list[Attribution]:
    """The attributions of the sentence ``text[start:end]``, in order."""
    start, end = sentence
    found: list[Attribution] = []
    for match in _pattern().finditer(text, start, end):
        if found and found[-1].source[0] <= match.start() < found[-1].source[1]:
            continue  # a verb-like word inside a party: `according to US estimates`
        if match.lastgroup == "according":
            found.append(_according(text, sentence, parts, match, times))
            continue
        attribution = _verb(text, sentence, parts, match, times)
        if attribution is not None:
            found.append(attribution)
    found = [a for a in found if a.source[0] < a.source[1]]
    return sorted(found + find_relays(text, sentence, parts, times, found), key=lambda a: a.anchor)


def _according(
    text: str,
    sentence: tuple[int, int],
    parts: Clauses,
    match: re.Match[str],
    times: Sequence[tuple[int, int]],
) -> Attribution:
    """``according to NATO's assessment``: covers its clause, or the sentence it opens."""
    source = party_after(text, match.end(), sentence[1], times)
    opening = opens(text, sentence[0], match.start())
    scope = sentence if opening else parts.bounds(match.start())
    return Attribution(source, match.start(), scope, source)


def _is_verb(text: str, match: re.Match[str], sentence: tuple[int, int]) -> bool:
    """Whether the verb-like word at ``match`` is a verb of saying here."""
    word = match.group()
    if not word.islower():
        return False  # `the United States`, `Reports`
    before = text[max(sentence[0], match.start() - 12) : match.start()].split()
    previous = before[-1].lower() if before else ""
    table = claim_words()
    if previous in table.noun_determiners or previous in table.hedge_be or previous == "to":
        return False  # a noun, a passive (`is said to`) or an infinitive (`declined to say`)
    after = text[match.end() : match.end() + 8]
    if after.startswith(" to ") and match.group() not in table.verbs_to:
        return False  # `expects to hire`, but `claims to have`
    if word in table.count_verbs and not _has_object(text, match.end(), sentence[1]):
        return False  # `temperatures recorded in Seville`: no object, no count
    if word in table.figure_verbs:
        return _figure_at().match(text, match.end(), sentence[1]) is not None
    return _NOUN_AFTER.match(after) is None


def _has_object(text: str, pos: int, end: int) -> bool:
    """Whether an object follows a verb at ``pos``: no preposition, unless one opens a bound.

    >>> _has_object("counted at least 48 dead", 7, 24), _has_object("recorded in May", 8, 15)
    (True, False)
    """
    rest = text[pos : min(end, pos + 40)].lower().split()
    if not rest:
        return False
    if rest[0] not in claim_words().party_not_first:
        return True
    return " ".join(rest[:3]).startswith(_bounds_before())  # `at least 48`


@cache
def _bounds_before() -> tuple[str, ...]:
    """The bound phrases before a number, each with a space after it (``at least``)."""
    from numclaims._lexicon import bound_phrases

    return tuple(f"{phrase} " for phrase in bound_phrases().before)


def _verb(
    text: str,
    sentence: tuple[int, int],
    parts: Clauses,
    match: re.Match[str],
    times: Sequence[tuple[int, int]],
) -> Attribution | None:
    """A party before or after a verb of saying, and what the verb covers."""
    if not _is_verb(text, match, sentence):
        return None
    start, end = sentence
    verb = match.group().lower()
    lead = text[max(start, match.start() - 4) : match.start()].rstrip()
    if lead and lead[-1] in _CLOSE and verb in claim_words().inverted_verbs:
        source = party_after(text, match.end(), end, times)
        closes = _END.match(text, source[1], end) is not None
        if names_party(text, source) and (closes or text[source[1] : source[1] + 1] in ",;"):
            scope = (start, match.start()) if closes else parts.bounds(match.start())
            return Attribution(source, match.start(), scope, (match.start(), source[1]))
    party = party_before(text, start, match.start(), times)
    if party is None:
        return None
    content = _after_verb(text, match.end(), end, verb, times)
    zone = (_zone_start(text, start, party, times), content)
    if _END.match(text, content, end):
        return Attribution(party, match.start(), (start, party[0]), (party[0], end))
    if text[content : content + 1] in ",;)":
        return Attribution(party, match.start(), parts.bounds(party[0]), (party[0], content))
    if text[content : content + 1] == ":":
        content += 1
    elif text[content : content + 5].lower() == "that ":
        content += 5
    stop = end if opens(text, start, party[0]) else parts.clause_end(content)
    return Attribution(party, match.start(), (content, stop), zone)


def _zone_start(
    text: str, start: int, party: tuple[int, int], times: Sequence[tuple[int, int]]
) -> int:
    """Where the zone of a statement starts: after the party, or at the sentence's start
    when a manner phrase, dates and a comma alone open it before the party.

    ``In a statement on Tuesday, the union said …``: the date is the statement's.
    """
    manner = _manner().match(text, start, party[0])
    if manner is None or "," not in text[manner.end() : party[0]]:
        return party[1]
    pos = manner.end()
    while pos < party[0]:
        if text[pos].isspace() or text[pos] == ",":
            pos += 1
            continue
        time = next((t for t in times if t[0] == pos), None)
        if time is None:
            return party[1]
        pos = time[1]
    return start


def _after_verb(text: str, pos: int, end: int, verb: str, times: Sequence[tuple[int, int]]) -> int:
    """Where what is said starts after a verb: past a person spoken to, a manner, a date."""
    if verb in claim_words().told_verbs:
        recipient = re.compile(r"\s+(?:the\s+)?[\w’'&.-]+(?:\s+[A-Z][\w’'&.-]*)*")
        found = recipient.match(text, pos, end)
        if found:
            pos = found.end()
    for _ in range(3):
        manner = _manner().match(text, pos, end)
        if manner:
            pos = manner.end()
            continue
        skipped = _SPACES.match(text, pos, end).end()  # type: ignore[union-attr]
        time = next((t for t in times if t[0] == skipped), None)
        if time is None:
            break
        pos = time[1]
    return _SPACES.match(text, pos, end).end()  # type: ignore[union-attr]
