"""Stage 6: the thing a quantity counts or measures.

Without a statistical model, the entity is read from the structure around
the number, using closed word classes kept as data (``entity_words.txt``):

* after the quantity: skip ``more``, ``worth of``, ``of the`` and a
  hyphenated counter (``400-page``), then take up to four words until a
  word of a closed class, a past-tense verb or punctuation ends the noun
  phrase: ``647 tanks have been destroyed`` -> ``tanks``;
* otherwise before it, through a linking verb: ``the death toll rose to
  40`` -> ``death toll``; ``revenue of $5bn`` -> ``revenue``.
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
_NP_TOKEN = regex.compile(r"[\w'’\-]+")
_LEFT_WORDS = regex.compile(
    r"(?r)(?:\b(?P<np>[A-Za-z][\w'’\-]*(?:[\ \u00a0]+[A-Za-z][\w'’\-]*){0,2}))[\ \u00a0]*$"
)


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
    found = _entity_after(atom, text) or _entity_before(atom, text)
    if found is not None:
        start, end = found
        atom.entity, atom.entity_span = text[start:end], (start, end)


def _entity_after(atom: Atom, text: str) -> tuple[int, int] | None:
    words = entity_words()
    skip, _ = _patterns()
    pos = atom.end
    counter = _HYPHEN_COUNTER.match(text, pos, pos + 24)
    if counter is not None and atom.kind == "number":
        pos = counter.end()  # a 400-page report
    match = skip.match(text, pos, pos + 40)
    if match is not None:
        pos = match.end()
    start = end = -1
    taken = 0
    while taken < _MAX_WORDS:
        match = _WORD.match(text, pos, pos + 40)
        if match is None:
            break
        word = match.group(1)
        lower = word.lower()
        if lower in words.stop or (lower in words.not_entity and taken == 0):
            break
        if taken and lower.endswith(("ed", "ly")):
            break  # 600 people died; 40 soldiers reportedly
        if start < 0:
            start = match.start(1)
        end = match.end(1)
        taken += 1
        pos = match.end()
    if start < 0:
        return None
    return start, end


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
    if not keep:
        return None
    base = left.start("np")
    return base + keep[0].start(), base + keep[-1].end()
