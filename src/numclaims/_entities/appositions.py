"""Values set beside a noun rather than after a verb: appositions, poll standings.

Wire copy describes a thing in an aside set off by commas, before its verb:
``The bridge, 1.6 kilometres long and 48 metres above the river, has``;
``The frigate, 138 metres long and displacing about 6,900 tonnes,``.  Every
value of the aside is stated of the noun before its comma.  Poll reports set
each share after its name and ``on``: ``puts Mendes on 46% and Albright on
41%``, ``with Labour on 24%``.  A count right after a possessive, with no
noun of its own, repeats the noun of a value before it and names nothing
(``2.31 million votes to her challenger's 2.18 million``).  An aside that
opens with a past participle (``Real wages, adjusted for inflation,``) and
the subject right before a verb (``the scheme cost investors``) are read here
for the clause reader.
"""

from __future__ import annotations

from numclaims._entities.boundaries import sentence_start, verbs_in
from numclaims._entities.phrases import OPENING_QUOTES, phrase_at, phrase_before
from numclaims._entities.tokens import CLAUSE_WINDOW, TextContext, Token
from numclaims._entities.words import POSSESSIVE, gerund, is_verb
from numclaims._lexicon import entity_words, number_words

__all__ = [
    "aside_subject",
    "fronted_group",
    "fronted_subject",
    "participle_opens",
    "polled_name",
    "repeats_owner",
    "subject_before",
    "subject_before_comma",
]

#: How many tokens before a share its name may take (``the Conservatives on``).
_NAME_TOKENS = 3
#: Room before the words that front a price for the sentence's start (a quote, a space).
_FRONT_GAP = 3
#: The word between a name and its share in a poll: ``Mendes on 46%``.
_ON = "on"


def fronted_group(start: int, context: TextContext) -> tuple[int, int] | None:
    """The group a sentence opens with before the value right after its comma.

    ``Of the 2,914 people surveyed, 44% said``, ``Among teenagers who used
    social media ..., 27% reported``: a capitalised word of ``[group_front]``
    opens the sentence, and the value stands right after the comma that
    closes the group; its entity is the group's noun (past a count).
    """
    text = context.text
    if text[max(0, start - 2) : start] != ", ":
        return None  # most quantities
    tokens = context.tokens(max(0, start - CLAUSE_WINDOW), start)
    if len(tokens) < 3 or tokens[-1].word != ",":
        return None
    first = _opened_by(tokens, len(tokens) - 1, text, entity_words().group_fronts)
    if first is None or first >= len(tokens) - 2:
        return None
    group = tokens[first + 1 : -1]
    determiners = entity_words().determiners
    i = 0
    while i < len(group) and (group[i].word[:1].isdigit() or group[i].word.lower() in determiners):
        i += 1  # the 2,914 people: past the determiner and the count
    following = [t.word for t in group[1:]] + [","]
    return phrase_at(group, i, following) if i < len(group) else None


def fronted_subject(start: int, end: int, context: TextContext) -> tuple[int, int] | None:
    """The subject after a value fronted by a preposition: ``At $1,299, the laptop is``.

    The value at ``start``..``end`` follows the words of ``[price_front]``
    that open the sentence (``At``, ``Priced at``), and a comma follows it; the
    subject is the noun phrase after the comma, up to its verb (a pronoun
    names nothing: ``For $349, you get``).
    """
    text = context.text
    if not text.startswith(",", end):
        return None  # most quantities
    fronts = entity_words().price_fronts
    reach = max(map(len, fronts)) + _FRONT_GAP
    opening = context.tokens(max(0, start - reach), start)
    first = sentence_start(opening, len(opening), text)
    while first is not None and first < len(opening) and opening[first].word in OPENING_QUOTES:
        first += 1  # “At $1,299, the laptop
    if first is None or first >= len(opening) or not opening[first].word[:1].isupper():
        return None
    if " ".join(t.word.lower() for t in opening[first:]) not in fronts:
        return None
    clause = context.tokens(end + 1, end + 1 + CLAUSE_WINDOW)
    verbs = verbs_in(clause)
    if not verbs:
        return None
    following = [t.word for t in clause[1:]] + [","]
    return phrase_at(clause, 0, following, limit=verbs[0])


def _opened_by(tokens: list[Token], end: int, text: str, openers: frozenset[str]) -> int | None:
    """The first token of the sentence that ends at token ``end``, if a capitalised opener."""
    first = sentence_start(tokens, end, text)
    if first is None or first >= end:
        return None
    word = tokens[first].word
    return first if word[:1].isupper() and word.lower() in openers else None


def repeats_owner(text: str, start: int) -> bool:
    """True for a bare count right after a possessive: ``her challenger's 2.18 million``."""
    return text[max(0, start - 3) : start].rstrip().endswith(POSSESSIVE)


def subject_before_comma(tokens: list[Token], comma: int, text: str) -> tuple[int, int] | None:
    """The noun phrase before token ``comma`` if it is a subject: it opens the sentence or a clause.

    ``The asteroid, ...``; ``Satellite images show the runway, ...``; not an
    object inside a clause (``hit targets, ...``).
    """
    found = phrase_before(tokens, comma)
    if found is None:
        return None
    first = _opening(tokens, found)
    words = entity_words()
    if first == 0:
        return found if not text[: tokens[0].start].strip() else None
    before = tokens[first - 1].word
    opens = before in (".", "!", "?", ":", ";") or before.lower() in words.reporting_verbs
    return found if opens else None


def aside_subject(tokens: list[Token], text: str) -> tuple[int, int] | None:
    """The noun before an aside of sizes that holds the quantity at ``tokens``' end.

    The aside opens with a size and its adjective, then ``and`` and the
    quantity, maybe after a participle: ``, 1.6 kilometres long and 48
    metres``, ``, 138 metres long and displacing about 6,900 tonnes``.
    """
    words = entity_words()
    i = len(tokens)
    while i > 0 and tokens[i - 1].word.lower() in words.stop and tokens[i - 1].word != "and":
        i -= 1  # about, up to
    if i > 0 and gerund(tokens[i - 1].word):
        i -= 1  # displacing, costing
    if i < 3 or tokens[i - 1].word != "and":
        return None
    if tokens[i - 2].word.lower() not in words.dimension_adjectives:
        return None
    comma = _aside_comma(tokens, i - 3)
    return None if comma is None else subject_before_comma(tokens, comma, text)


def _aside_comma(tokens: list[Token], last: int) -> int | None:
    """The comma that opens a size that ends at token ``last``: ``, 1.6 kilometres``."""
    words = entity_words()
    comma = last
    while comma >= 0 and tokens[comma].word != ",":
        word = tokens[comma].word
        if not (word[:1].isdigit() or word.lower() in words.stop or _unit_like(tokens, comma)):
            return None  # a clause, not a size: the pier rose 40 metres long and
        comma -= 1
    if comma < 1 or not any(t.word[:1].isdigit() for t in tokens[comma : last + 1]):
        return None
    return comma


def _count(word: str) -> bool:
    """True for a count in digits or words before ``points``: ``three``, ``4``."""
    return word[:1].isdigit() or word.lower() in number_words().units


def _unit_like(tokens: list[Token], i: int) -> bool:
    """True for the word of a size after its number: ``1.6 kilometres``, ``48 metres``."""
    return i > 0 and tokens[i - 1].word[:1].isdigit()


def polled_name(tokens: list[Token]) -> tuple[int, int] | None:
    """The name before ``on`` and a share: ``puts Mendes on 46%``, ``with Labour on 24%``.

    The name is one to three capitalised words, after any determiner.
    """
    if len(tokens) < 2 or tokens[-1].word != _ON:
        return None
    end = len(tokens) - 1
    trailers = entity_words().poll_trailers
    while end > 0 and (tokens[end - 1].word.lower() in trailers or _count(tokens[end - 1].word)):
        end -= 1  # the Greens three points ahead on 27%
    i = end
    while i > 0 and end - i < _NAME_TOKENS and tokens[i - 1].word[:1].isupper():
        i -= 1
    if i == end:
        return _determined(tokens, end)  # her rival on 41%
    if i == 0:
        return None  # a name that opens the window: it may be cut
    return tokens[i].start, tokens[end - 1].end


def _opening(tokens: list[Token], found: tuple[int, int]) -> int:
    """The index of the token that opens the phrase ``found``, with its determiners: ``the``."""
    first = next(i for i, t in enumerate(tokens) if t.start == found[0])
    determiners = entity_words().determiners
    while first and tokens[first - 1].word.lower() in determiners:
        first -= 1
    return first


def _determined(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """The noun phrase before token ``end`` if a determiner opens it: ``her rival``."""
    found = phrase_before(tokens, end)
    if found is None:
        return None
    start = next(k for k, t in enumerate(tokens) if t.start == found[0])
    determined = start > 0 and tokens[start - 1].word.lower() in entity_words().determiners
    return found if determined else None


def participle_opens(tokens: list[Token], first: int, comma: int) -> bool:
    """True for an aside that opens with a past participle: ``, adjusted for inflation,``.

    Maybe after an adverb (``, first proposed in the 1970s,``); an aside of one
    word is left alone (``, however,``).
    """
    words = entity_words()
    if first + 1 < comma and tokens[first].word.lower() in words.adverbs:
        first += 1
    if first + 1 >= comma:
        return False
    word = tokens[first].word.lower()
    return word in words.participles or (word.endswith("ed") and word not in words.ed_nouns)


def subject_before(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """The subject right before token ``verb`` (past auxiliaries): ``the scheme cost``.

    None where a preposition opens that noun phrase (``claims against the
    force have cost``): the subject starts earlier.
    """
    words = entity_words()
    end = verb
    while end > 0 and (tokens[end - 1].word.lower() in words.auxiliaries):
        end -= 1
    found = phrase_before(tokens, end)
    if found is None:
        return None
    first = _opening(tokens, found)
    if not first:
        return found
    before, previous = tokens[first - 1].word, tokens[first - 2].word if first > 1 else ""
    if before.lower() in words.stop and not is_verb(before, tokens[first].word, previous):
        return None  # claims against the force have cost: a preposition before it
    return found
