"""Stage 6: the thing a quantity counts or measures.

Without a statistical model, the entity is read from the structure around
the number, using closed word classes kept as data (``entity_words.txt``).
Three readings are tried in turn:

1. after the quantity: skip ``more``, ``worth of``, ``of the`` and a
   hyphenated counter (``400-page``), then take the noun phrase up to a
   closed-class word, a verb or punctuation: ``647 tanks have been
   destroyed`` -> ``tanks``;
2. the subject of the clause, when a verb links it to the quantity:
   ``House prices in London fell 3%`` -> ``House prices``;
3. a noun joined to the number by ``of`` or a linking verb right before it:
   ``revenue of $5bn`` -> ``revenue``.
"""

from __future__ import annotations

from functools import cache

import regex

from numclaims._lexicon import entity_words
from numclaims._scan import Atom

__all__ = ["read_entity"]

_MAX_WORDS = 4
_WORD = regex.compile(r"[\ \u00a0]+([A-Za-z](?:[A-Za-z0-9'’\-]*[A-Za-z0-9])?)(?=[^\w\-]|$)")
_HYPHEN_COUNTER = regex.compile(r"-[a-z]+(?:-old)?(?=[\ \u00a0])")
_IN_NOUN = regex.compile(r"[\ \u00a0]+in(?=[\ \u00a0]+[a-z])")
_NP_TOKEN = regex.compile(r"[A-Za-z][\w'’\-]*")
_LEFT_WORDS = regex.compile(
    r"(?r)(?:\b(?P<np>[A-Za-z][\w'’\-]*(?:[\ \u00a0]+[A-Za-z][\w'’\-]*){0,2}))[\ \u00a0]*$"
)
_CLAUSE_START = regex.compile(
    r"(?r)(?:^|[.!?;:(\n][\ \u00a0\"“”‘’']*|,[\ \u00a0]+(?:(?i:and|but|while|though|although|as|"
    r"whereas|with|after|before|since|because|so|even\ as|even\ though)[\ \u00a0]+)?"
    r"|\b(?i:while|whereas|though|although)[\ \u00a0]+)"
)
_CLAUSE_WINDOW = 160
_POSSESSIVE = ("'s", "’s", "s'", "s’")
_NOT_LINKED = frozenset({"increase", "rise", "fall", "drop", "decline", "average", "total", "gain"})


@cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    words = entity_words()
    skip = regex.compile(
        r"(?:[\ \u00a0]+(?i:\L<skip>)\b)+", skip=sorted(words.skip, key=len, reverse=True)
    )
    link = regex.compile(r"(?r)[\ \u00a0]+(?i:\L<link>)[\ \u00a0]+$", link=list(words.link))
    return skip, link


def read_entity(atom: Atom, text: str) -> None:
    """Set ``atom.entity`` and ``atom.entity_span`` from the words around it."""
    found = _entity_after(atom, text)
    if found is None and atom.kind != "measure":  # durations and sizes rarely state of a subject
        found = _subject(atom, text) or _entity_before(atom, text)
    if found is not None:
        start, end = found
        atom.entity, atom.entity_span = text[start:end], (start, end)


def _ends_phrase(word: str, taken: int) -> bool:
    """True for a word that cannot be (or continue) the noun phrase."""
    words = entity_words()
    lower = word.lower()
    if lower in words.stop or lower in words.verbs:
        return True
    if taken == 0 and lower in words.not_entity:
        return True
    if lower.endswith("ing") and lower not in words.ing_nouns:
        return True  # 11 MPs rebelling; spent $5bn buying
    return taken > 0 and lower.endswith(("ed", "ly"))  # 600 people died; soldiers reportedly


def _entity_after(atom: Atom, text: str) -> tuple[int, int] | None:
    skip, _ = _patterns()
    pos = atom.end
    counter = _HYPHEN_COUNTER.match(text, pos, pos + 24)
    if counter is not None and atom.kind == "number":
        pos = counter.end()  # a 400-page report
    match = skip.match(text, pos, pos + 40)
    if match is not None:
        pos = match.end()
    elif atom.kind == "money":
        match = _IN_NOUN.match(text, pos, pos + 8)  # $5bn in revenue
        pos = match.end() if match is not None else pos
    return _noun_phrase(text, pos)


def _noun_phrase(text: str, pos: int) -> tuple[int, int] | None:
    """The noun phrase starting after ``pos``: up to four open-class words."""
    start = end = -1
    taken = 0
    while taken < _MAX_WORDS:
        match = _WORD.match(text, pos, pos + 40)
        if match is None or _ends_phrase(match.group(1), taken):
            break
        if start < 0:
            start = match.start(1)
        end = match.end(1)
        taken += 1
        pos = match.end()
    return (start, end) if start >= 0 else None


def _subject(atom: Atom, text: str) -> tuple[int, int] | None:
    """The clause's subject, when a verb links it to the quantity."""
    words = entity_words()
    lo = max(0, atom.start - _CLAUSE_WINDOW)
    boundary = _CLAUSE_START.search(text, lo, atom.start)
    begin = boundary.end() if boundary is not None else lo
    tokens = [
        (m.group(), begin + m.start(), begin + m.end())
        for m in _NP_TOKEN.finditer(text[begin : atom.start])
    ]
    i = 0
    while i < len(tokens) and (
        tokens[i][0].lower() in words.stop
        and tokens[i][0].lower() not in words.verbs
        or tokens[i][0].endswith(_POSSESSIVE)
    ):
        if tokens[i][0].lower() in ("of", "in", "for", "on", "at", "from", "to", "by", "after"):
            return None  # an introductory phrase, not a subject
        i += 1
    first = i
    while (
        i < len(tokens) and i - first < _MAX_WORDS + 1 and not _ends_phrase(tokens[i][0], i - first)
    ):
        i += 1
    if i == first or i >= len(tokens):
        return None
    # a verb must follow, perhaps after a prepositional phrase: "prices in London fell"
    for word, _, _ in tokens[i : i + 6]:
        lower = word.lower()
        if lower in words.verbs or lower.endswith("ed"):
            return tokens[first][1], tokens[i - 1][2]
    return None


def _entity_before(atom: Atom, text: str) -> tuple[int, int] | None:
    words = entity_words()
    _, link = _patterns()
    lo = max(0, atom.start - 60)
    match = link.match(text, lo, atom.start)
    if match is None:
        return None
    left = _LEFT_WORDS.match(text, lo, match.start())
    if left is None:
        return None
    tokens = list(_NP_TOKEN.finditer(left.group("np")))
    # keep the trailing run of words that are not closed-class
    keep: list[regex.Match[str]] = []
    for token in reversed(tokens):
        if token.group().lower() in words.stop or token.group()[:1].isdigit():
            break
        keep.insert(0, token)
    if not keep or keep[-1].group().lower() in _NOT_LINKED:
        return None  # an increase of 610,000 names no thing counted
    base = left.start("np")
    return base + keep[0].start(), base + keep[-1].end()
