"""Parties: the noun phrases that name who asserts a number, read either side of a verb.

A party before its verb is read back over auxiliaries, negations and dates to
the start of its noun phrase (:func:`party_before`); a party after a verb or
``according to`` is read on to a mark, a clause word or a date
(:func:`party_after`).  An :class:`Attribution` is a party with what it covers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from numclaims._claims.words import alternation, claim_words
from numclaims._sentences import sentence_words

__all__ = ["Attribution", "inside", "names_party", "negated", "party_after", "party_before"]

#: Tokens: an initialism with its dots, a number with its separators, a word, or one mark.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|[\w’'&-]+|[^\w\s]")
#: How far a party may reach back from its verb or on from it.
_REACH = 160
#: The most words a party may have.
_MAX_WORDS = 10


class Attribution(NamedTuple):
    """A party that asserts what its scope holds."""

    source: tuple[int, int]
    anchor: int  # where the verb or `according to` stands
    scope: tuple[int, int]
    zone: tuple[int, int]  # where a time dates the statement, not the claim
    cited: bool = False  # a party that another relays: the inner one at the same anchor


@cache
def negated() -> re.Pattern[str]:
    negation = alternation(claim_words().negation)
    return re.compile(rf"(?:\b{negation}\b|n't\b)", re.IGNORECASE)


def names_party(text: str, span: tuple[int, int]) -> bool:
    """Whether ``text[span]`` can name a party after its verb.

    A name or a phrase with a determiner first, without digits; a pronoun only on its own
    (``said he``, not ``said he had waited``).
    """
    words = text[span[0] : span[1]].split()
    if not words or any(c.isdigit() for c in text[span[0] : span[1]]):
        return False
    table = claim_words()
    if words[0].lower() in table.pronouns:
        return len(words) == 1
    return words[0][:1].isupper() or words[0].lower() in table.party_openers


def _tokens(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, lo, hi))


def party_before(
    text: str, start: int, verb: int, times: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The party before a verb: back over auxiliaries and dates, then over the noun phrase."""
    tokens = _tokens(text, max(start, verb - _REACH), verb)
    index = _skip_back(tokens, len(tokens) - 1, times)
    if negated().search(text, tokens[index].end() if index >= 0 else start, verb):
        return None  # `did not say`
    party = _phrase_back(tokens, index)
    if party is None and index >= 0 and tokens[index].group() == ",":
        aside = next((i for i in range(index - 1, -1, -1) if tokens[i].group() == ","), None)
        if aside is not None and index - aside <= _MAX_WORDS:
            party = _phrase_back(tokens, aside - 1)  # `Maria Lindqvist, the chief executive,`
    if party is None:
        return None
    return _trimmed_party(tokens, party, times)


def _trimmed_party(
    tokens: list[re.Match[str]], party: tuple[int, int], times: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The party's span without a date before it or a participle after its noun."""
    first, last = party
    while first <= last and inside(tokens[first].start(), times):
        first += 1  # `Last year the company said`
    participles = claim_words().party_participles
    cut = next((i for i in range(first + 1, last + 1) if tokens[i].group() in participles), None)
    if cut is not None:
        last = cut - 1  # `figures obtained by the BBC show` -> `figures`
    if first > last or tokens[last].group().endswith("ing"):
        return None  # `…, beating estimates`
    if tokens[first].group() in claim_words().party_not_first:
        return None  # `40% of respondents said`: the phrase lost its head to the number
    return tokens[first].start(), tokens[last].end()


def _skip_back(tokens: list[re.Match[str]], index: int, times: Sequence[tuple[int, int]]) -> int:
    """The index of the last token before ``index`` that is no auxiliary, negation or date."""
    aux = claim_words().aux
    denial = negated()
    while index >= 0:
        word = tokens[index].group()
        skip = (
            word.lower() in aux
            or inside(tokens[index].start(), times)
            or denial.fullmatch(word) is not None
            or word.lower().endswith("n't")
        )
        if not skip:
            break
        index -= 1
    return index


def _phrase_back(tokens: list[re.Match[str]], last: int) -> tuple[int, int] | None:
    """The noun phrase that ends with token ``last``: back to a mark or a clause word."""
    table = claim_words()
    titles = sentence_words().titles
    first = last
    while first >= 0:
        word = tokens[first].group()
        if word == "." and first > 0 and tokens[first - 1].group() in titles:
            first -= 2  # `Mr. Smith`
            continue
        if not (word[0].isalnum() or word[0] in "&'’") or word.lower() in table.np_break:
            break
        if word in table.assert_verbs and first < last and not _after_determiner(tokens, first):
            break  # `The newspaper said hospital staff reported`, but `The report`
        first -= 1
    first += 1
    if first > last or last - first >= _MAX_WORDS:
        return None
    return first, last


def _after_determiner(tokens: list[re.Match[str]], index: int) -> bool:
    """Whether token ``index`` follows a determiner: `the estimates`, a noun."""
    return index > 0 and tokens[index - 1].group().lower() in claim_words().noun_determiners


def party_after(text: str, pos: int, end: int, times: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The party after a verb or ``according to``: on to a mark, a clause word or a date."""
    tokens = _tokens(text, pos, min(end, pos + _REACH))
    table = claim_words()
    titles = sentence_words().titles
    last = -1
    for index, token in enumerate(tokens):
        word = token.group()
        if word == "." and last >= 0 and tokens[last].group() in titles:
            continue
        if not (word[0].isalnum() or word[0] in "&'’") or inside(token.start(), times):
            break
        if word.lower() in table.np_end and last >= 0:
            break
        if index >= _MAX_WORDS:
            return pos, pos
        last = index
    if last < 0:
        return pos, pos
    return tokens[0].start(), tokens[last].end()


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)
