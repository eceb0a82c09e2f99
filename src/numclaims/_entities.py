"""Stage 6: the thing a quantity counts or measures.

Without a statistical model, the entity is read from the structure around
the number, using closed word classes kept as data (``entity_words.txt``).
Three readings are tried in turn:

1. after the quantity: skip ``more``, ``worth of``, ``of the`` and a
   hyphenated counter (``400-page``), then take the noun phrase up to a
   closed-class word, a verb or punctuation: ``647 tanks have been
   destroyed`` -> ``tanks``;
2. a noun joined to the number by ``of``: ``revenue of $5bn`` -> ``revenue``;
3. in the quantity's clause, the object of the last verb before it
   (``the ECB cut its deposit rate by 25bp`` -> ``deposit rate``), or else
   the subject (``House prices in London fell 3%`` -> ``House prices``).

A word that is both a verb and a plural noun (``costs``, ``supports``) is
taken as a verb only where an object follows it (``battery supports 65W``).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from numclaims._lexicon import change_words, entity_words
from numclaims._scan import Atom

__all__ = ["read_entity"]

_MAX_WORDS = 4
_CLAUSE_WINDOW = 160
_WORD = regex.compile(
    r"[\ \u00a0]+((?:[A-Za-z]|\d+-[A-Za-z])(?:[A-Za-z0-9'’\-]*[A-Za-z0-9])?)(?=[^\w\-]|$)"
)
_NEXT = regex.compile(r"[\ \u00a0]*([\w'’\-]+|[^\w\s])")
_HYPHEN_COUNTER = regex.compile(r"-[a-z]+(?:-old)?(?=[\ \u00a0])")
_ARTICLE = regex.compile(r"[\ \u00a0]+(?i:an?)(?=[\ \u00a0])")
_OF_THE_NUMBER = regex.compile(
    r"(?<=\b(?:of|of\ the|of\ its|of\ their))[\ \u00a0]+(?:(?i:more|fewer|less)\ than\ )?"
    r"(?:\d[\d,.]*|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\ dozen))"
    r"(?=[\ \u00a0])"
)
_IN_NOUN = regex.compile(r"[\ \u00a0]+in(?=[\ \u00a0]+[a-z])")
_TOKEN = regex.compile(r"[A-Za-z][\w'’\-]*|\d[\w.,]*|[^\w\s]")
_OF_LINK = regex.compile(r"(?r)[\ \u00a0]+(?i:of|of\ around|of\ about)[\ \u00a0]+$")
#: Clause boundaries among the tokens before a number (see ``_clause_start``).
_SENTENCE_MARKS = frozenset(".!?;:")
_LETTERS = regex.compile(r"[A-Za-z]{2}")
_CLAUSE_CONJUNCTIONS = frozenset(
    [
        "and",
        "but",
        "while",
        "though",
        "although",
        "as",
        "whereas",
        "with",
        "after",
        "before",
        "since",
        "because",
        "so",
        "even",
    ]
)
_CLAUSE_OPENERS = frozenset(
    [
        "while",
        "whereas",
        "though",
        "although",
        "that",
        "said",
        "says",
        "reports",
        "reported",
        "shows",
        "showed",
        "claims",
        "claimed",
        "estimates",
        "warned",
        "noted",
        "announced",
        "believes",
        "thinks",
        "expects",
    ]
)
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our"])
_RELATIVES = frozenset(["which", "who", "whose", "where"])
_POSSESSIVE = ("'s", "’s", "s'", "s’")
#: Measures that rarely state something of the clause's subject (``spent three hours``).
_NO_SUBJECT = frozenset({"time", "temperature", "age"})
_AGE_MARKERS = frozenset({"aged", "age", "ages", "who", "is", "was", "turned", "turns", "now", ","})
_ADJECTIVE_ENDINGS = ("ed", "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary")
_NOT_LINKED = frozenset({"increase", "rise", "fall", "drop", "decline", "average", "total", "gain"})


class _Token(NamedTuple):
    word: str
    start: int
    end: int


@cache
def _skip_pattern() -> regex.Pattern[str]:
    words = entity_words()
    return regex.compile(
        r"(?:[\ \u00a0]+(?i:\L<skip>)\b)+"
        r"|[\ \u00a0]+(?i:\L<change>)[\ \u00a0]+(?i:in|of)\b",  # a 5% rise in prices
        skip=sorted(words.skip, key=len, reverse=True),
        change=list(change_words().nouns),
    )


def read_entity(atom: Atom, text: str) -> None:
    """Set ``atom.entity`` and ``atom.entity_span`` from the words around it."""
    found = _aged(atom, text) if atom.dimension == "age" else _entity_after(atom, text)
    if found is None and atom.dimension not in _NO_SUBJECT:
        found = _entity_of(atom, text) or _clause_entity(atom, text)
    if found is not None:
        start, end = found
        atom.entity, atom.entity_span = text[start:end], (start, end)


def _is_verb(word: str, following: str, previous: str = "") -> bool:
    """True for a verb; a word that may also be a noun or adjective is judged by its neighbours.

    ``costs``, ``supports`` are verbs before an object (``supports 65W``) or
    between a noun and an open-class word (``battery supports fast charging``); ``fixed``,
    ``paid`` are adjectives before a noun (``paid subscribers``).
    """
    words = entity_words()
    lower = word.lower()
    nxt = following.split(" ", 1)[0].lower()
    if lower in words.verbs:
        return True
    if lower in words.ambiguous_verbs:
        if nxt[:1].isdigit() or nxt in words.determiners or nxt in words.object_starts:
            return True
        # after a noun, before an open-class word: "battery supports fast charging"
        open_class = nxt[:1].isalpha() and nxt not in words.stop and nxt not in words.verbs
        return bool(previous) and _noun_like(previous) and open_class
    if lower in words.participles or (lower.endswith("ed") and len(lower) > 3):
        return not nxt[:1].isalpha() or nxt in words.stop or nxt in words.verbs
    return False


def _noun_like(word: str) -> bool:
    """A rough guess that ``word`` is a noun rather than an adjective (Russian, armoured)."""
    lower = word.lower()
    return not (word[:1].isupper() and lower.endswith(("an", "ese", "ish"))) and not lower.endswith(
        _ADJECTIVE_ENDINGS
    )


def _plural(word: str) -> bool:
    """A rough guess that ``word`` is a plural noun: the head of its phrase."""
    lower = word.lower()
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def _ends_phrase(word: str, taken: int, following: str, previous: str = "") -> bool:
    """True for a word that cannot be (or continue) the noun phrase."""
    words = entity_words()
    lower = word.lower()
    if lower in words.stop or _is_verb(word, following, previous if taken else ""):
        return True
    if taken == 0 and lower in words.not_entity:
        return True
    if lower.endswith("ing") and lower not in words.ing_nouns:
        return True  # 11 MPs rebelling; spent $5bn buying
    if taken > 0 and _plural(previous):
        return True  # the head noun came before: 3,200 water samples found lead
    # 40 soldiers reportedly; but a monthly wage
    return taken > 0 and lower.endswith("ly") and lower not in words.ly_adjectives


def _entity_after(atom: Atom, text: str) -> tuple[int, int] | None:
    pos = atom.end
    counter = _HYPHEN_COUNTER.match(text, pos, pos + 24)
    if counter is not None and atom.kind == "number":
        pos = counter.end()  # a 400-page report
    match = _skip_pattern().match(text, pos, pos + 40)
    if match is not None:
        pos = match.end()
        counted = _OF_THE_NUMBER.match(text, pos, pos + 40)
        if counted is not None:
            pos = counted.end()  # 31 of the 38 drones; 99% of the more than 300 missiles
    elif atom.kind == "money":
        match = _IN_NOUN.match(text, pos, pos + 8)  # $5bn in revenue
        pos = match.end() if match is not None else pos
    elif atom.form == "words" and atom.value is not None and atom.value < 1:
        match = _ARTICLE.match(text, pos, pos + 8)  # half a lemon
        pos = match.end() if match is not None else pos
    start = end = -1
    taken = 0
    previous = ""
    while taken < _MAX_WORDS:
        match = _WORD.match(text, pos, pos + 40)
        if match is None:
            break
        following = _NEXT.match(text, match.end(), match.end() + 40)
        word = match.group(1)
        if _ends_phrase(word, taken, following.group(1) if following else "", previous):
            break
        previous = word
        start = match.start(1) if start < 0 else start
        end = match.end(1)
        taken += 1
        pos = match.end()
    return (start, end) if start >= 0 else None


def _entity_of(atom: Atom, text: str) -> tuple[int, int] | None:
    """``revenue of $5bn``: the noun phrase right before ``of``."""
    lo = max(0, atom.start - 60)
    link = _OF_LINK.match(text, lo, atom.start)
    if link is None:
        return None
    tokens = _tokens(text, lo, link.start())
    phrase: list[_Token] = []
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].word
        following = tokens[i + 1].word if i + 1 < len(tokens) else "of"
        if not word[:1].isalpha() or word.endswith(_POSSESSIVE):
            break
        lower = word.lower()
        if lower in entity_words().stop or _is_verb(word, following):
            break
        if lower.endswith("ing") and lower not in entity_words().ing_nouns:
            break  # beating estimates of 445,000
        if phrase and _plural(word) and not _plural(phrase[-1].word):
            break  # firms raised revenue of ...: the phrase starts after the plural
        phrase.insert(0, tokens[i])
    if not phrase or phrase[-1].word.lower() in _NOT_LINKED or len(phrase) > _MAX_WORDS:
        return None  # an increase of 610,000 names no thing counted
    return phrase[0].start, phrase[-1].end


def _aged(atom: Atom, text: str) -> tuple[int, int] | None:
    """The person an age belongs to: ``men aged 25``, ``The ambassador, who is 58``."""
    tokens = _tokens(text, max(0, atom.start - 48), atom.start)
    while tokens and tokens[-1].word.lower() in _AGE_MARKERS:
        tokens.pop()
    phrase: list[_Token] = []
    while tokens and len(phrase) < 3:
        token = tokens.pop()
        if not token.word[:1].isalpha() or token.word.lower() in entity_words().stop:
            break
        phrase.insert(0, token)
    return (phrase[0].start, phrase[-1].end) if phrase else None


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [
        _Token(m.group(), start + m.start(), start + m.end())
        for m in _TOKEN.finditer(text[start:end])
    ]


def _clause_entity(atom: Atom, text: str) -> tuple[int, int] | None:
    """The object of the clause's last verb before the quantity, or else its subject.

    A change stated after a comma (``..., up 6% from a year earlier``) is
    stated of the clause before the comma.  The window before the number is
    tokenised once, and clause boundaries are found among its tokens.
    """
    lo = max(0, atom.start - _CLAUSE_WINDOW)
    if _LETTERS.search(text, lo, atom.start) is None:
        return None  # "1 1 1 ...": nothing to name
    tokens = _tokens(text, lo, atom.start)
    end = len(tokens)
    for _ in range(2):
        begin, comma = _clause_start(tokens, end, text)
        clause = tokens[begin:end]
        found = _clause_phrase(text, clause, atom.start)
        if found is not None or not comma:
            return found
        comma_at = _comma_before(tokens, begin)
        if _states_change(clause):
            end = comma_at  # the clause before the comma
            continue
        # "Core inflation, which strips out food, eased 0.4pp": the subject
        # stands before a relative clause set off by commas
        opening = _comma_before(tokens, comma_at)
        first = tokens[opening + 1].word.lower() if opening + 1 < comma_at else ""
        if first not in _RELATIVES:
            return None
        subject_begin, _ = _clause_start(tokens, max(opening, 0), text)
        return _clause_phrase(text, tokens[subject_begin : max(opening, 0)] + clause, atom.start)
    return None


def _comma_before(tokens: list[_Token], index: int) -> int:
    """Index of the last comma before ``index`` (-1 if there is none)."""
    i = index - 1
    while i >= 0 and tokens[i].word != ",":
        i -= 1
    return i


def _states_change(tokens: list[_Token]) -> bool:
    """True for an appositive change: ``, up 6% from a year earlier``, ``, down 4.5p``."""
    return [t.word.lower() for t in tokens] in (["up"], ["down"], ["up", "by"], ["down", "by"])


def _clause_start(tokens: list[_Token], end: int, text: str) -> tuple[int, bool]:
    """Index of the first token of the clause that ends at ``end``, and whether a comma opens it."""
    for i in range(end - 1, -1, -1):
        word = tokens[i].word.lower()
        if word in _SENTENCE_MARKS and text[tokens[i].end : tokens[i].end + 1] in (" ", "\n", ""):
            return i + 1, False
        if word == "(":
            return i + 1, False
        if word == ",":
            nxt = tokens[i + 1].word.lower() if i + 1 < end else ""
            return (i + 2 if nxt in _CLAUSE_CONJUNCTIONS else i + 1), True
        if word in _CLAUSE_OPENERS:
            nxt = tokens[i + 1].word.lower() if i + 1 < end else ""
            return (i + 2 if nxt == "that" else i + 1), False
        if word in ("and", "but") and i + 1 < end and tokens[i + 1].word.lower() in _DETERMINERS:
            return i + 1, False
    return 0, False


def _clause_phrase(text: str, tokens: list[_Token], quantity: int) -> tuple[int, int] | None:
    following = [t.word for t in tokens[1:]] + [text[quantity : quantity + 12]]
    verbs = [
        i
        for i, t in enumerate(tokens)
        if t.word[:1].isalpha() and _is_verb(t.word, following[i], tokens[i - 1].word if i else "")
    ]
    if not verbs:
        return None
    for v in reversed(verbs):  # the object of the nearest verb that has one
        limit = next((w for w in verbs if w > v), len(tokens))
        phrase = _phrase_at(tokens, v + 1, following, limit=limit)
        if phrase is not None and text[phrase[1] : quantity].strip():
            return phrase  # "hit a record 135 TWh": a word right before the number is no object
    if _starts_subject(tokens):
        return _phrase_at(tokens, 0, following, limit=verbs[0])
    return None


def _starts_subject(tokens: list[_Token]) -> bool:
    """A clause that opens with a preposition (``In March, ...``) has no plain subject."""
    words = entity_words()
    first = tokens[0].word.lower() if tokens else ""
    return first not in words.stop or first in words.determiners


def _phrase_at(
    tokens: list[_Token], i: int, following: list[str], limit: int | None = None
) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``, after determiners and possessives."""
    words = entity_words()
    end = len(tokens) if limit is None else limit
    while i < end and (
        tokens[i].word.lower() in words.determiners or tokens[i].word.endswith(_POSSESSIVE)
    ):
        i += 1
    first = i
    while i < end and i - first < _MAX_WORDS:
        word = tokens[i].word
        if not word[:1].isalpha() or _ends_phrase(word, i - first, following[i]):
            break
        if word.endswith(_POSSESSIVE):
            first = i + 1  # the chief executive's total pay package
        i += 1
    if i == first:
        return None
    return tokens[first].start, tokens[i - 1].end
