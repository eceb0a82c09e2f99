"""Sources: who asserts a number, as the minimal noun phrase the text names.

Three forms, each with a verb or phrase of ``claims.txt``:

* a party before its verb: ``Ukraine has claimed that …``, ``…, the company
  said`` (auxiliaries and the date of the statement between them are left
  out; an aside after the party is skipped: ``Maria Lindqvist, the chief
  executive, said``);
* a party after its verb: ``…, said Maria Lindqvist, the chief executive``;
* a party after ``according to``.

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
from typing import NamedTuple

from numclaims._claims.clauses import Clauses, opens
from numclaims._claims.words import alternation, claim_words
from numclaims._sentences import sentence_words

__all__ = ["Attribution", "find_attributions"]

#: Tokens: an initialism with its dots, a number with its separators, a word, or one mark.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|[\w’'&-]+|[^\w\s]")
#: Spaces, which always match (perhaps empty).
_SPACES = re.compile(r"\s*")
#: How far a party may reach back from its verb or on from it.
_REACH = 160
#: The most words a party may have.
_MAX_WORDS = 10
#: Words after a verb-like word that make it a noun: `reports of`, `estimates from`.
_NOUN_AFTER = re.compile(r"\s+(?:of|from|by|for)\b|\s*[’']s\b")
#: Marks that close what was said before an inverted verb: `,”` and `”`.
_CLOSE = ",\u201d\u2019\"'"
#: What may stand after a verb that closes the sentence: stops and closing quotes.
_END = re.compile(r"""[\s.!?"'\u201d\u2019)]*\Z""")


class Attribution(NamedTuple):
    """A party that asserts what its scope holds."""

    source: tuple[int, int]
    anchor: int  # where the verb or `according to` stands
    scope: tuple[int, int]
    zone: tuple[int, int]  # where a time dates the statement, not the claim


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
def _negated() -> re.Pattern[str]:
    negation = alternation(claim_words().negation)
    return re.compile(rf"(?:\b{negation}\b|n't\b)", re.IGNORECASE)


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
    return [a for a in found if a.source[0] < a.source[1]]


def _according(
    text: str,
    sentence: tuple[int, int],
    parts: Clauses,
    match: re.Match[str],
    times: Sequence[tuple[int, int]],
) -> Attribution:
    """``according to NATO's assessment``: covers its clause, or the sentence it opens."""
    source = _party_after(text, match.end(), sentence[1], times)
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
    return _NOUN_AFTER.match(after) is None


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
        source = _party_after(text, match.end(), end, times)
        closes = _END.match(text, source[1], end) is not None
        if _names_party(text, source) and (closes or text[source[1] : source[1] + 1] in ",;"):
            scope = (start, match.start()) if closes else parts.bounds(match.start())
            return Attribution(source, match.start(), scope, (match.start(), source[1]))
    party = _party_before(text, start, match.start(), times)
    if party is None:
        return None
    content = _after_verb(text, match.end(), end, verb, times)
    zone = (party[1], content)
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


def _names_party(text: str, span: tuple[int, int]) -> bool:
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


def _tokens(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, lo, hi))


def _party_before(
    text: str, start: int, verb: int, times: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The party before a verb: back over auxiliaries and dates, then over the noun phrase."""
    tokens = _tokens(text, max(start, verb - _REACH), verb)
    index = _skip_back(tokens, len(tokens) - 1, times)
    if _negated().search(text, tokens[index].end() if index >= 0 else start, verb):
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
    while first <= last and _inside(tokens[first].start(), times):
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
    negated = _negated()
    while index >= 0:
        word = tokens[index].group()
        skip = (
            word.lower() in aux
            or _inside(tokens[index].start(), times)
            or negated.fullmatch(word) is not None
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


def _party_after(
    text: str, pos: int, end: int, times: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """The party after a verb or ``according to``: on to a mark, a clause word or a date."""
    tokens = _tokens(text, pos, min(end, pos + _REACH))
    table = claim_words()
    titles = sentence_words().titles
    last = -1
    for index, token in enumerate(tokens):
        word = token.group()
        if word == "." and last >= 0 and tokens[last].group() in titles:
            continue
        if not (word[0].isalnum() or word[0] in "&'’") or _inside(token.start(), times):
            break
        if word.lower() in table.np_end and last >= 0:
            break
        if index >= _MAX_WORDS:
            return pos, pos
        last = index
    if last < 0:
        return pos, pos
    return tokens[0].start(), tokens[last].end()


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)
