"""Where the clause before a quantity starts, and which of its words are verbs (stage 8).

The window before a number is tokenised once (``tokens``); a clause ends at
a sentence mark (a full stop only where the sentence splitter ends a
sentence: ``U.S.`` does not), a ``;`` or ``:``, a bracket, a comma, and the
clause words of ``entity_words.txt``: subordinators (``while``), reporting
verbs and their ``that``, and joiners (``and``, ``after``) that open a
subject or join two clauses.  The clause readers (``clauses``) take the
object or the subject from the tokens after it.
"""

from __future__ import annotations

from functools import cache

from numclaims._entities.lists import joins_clauses
from numclaims._entities.tokens import Token, ends_sentence
from numclaims._entities.words import is_verb, plural
from numclaims._lexicon import change_words, entity_words
from numclaims._sentences import CLOSERS

__all__ = [
    "changed_object",
    "clause_start",
    "comma_before",
    "forecast_by",
    "forecast_verb",
    "past_fronted",
    "payee",
    "pronoun_object",
    "sentence_start",
    "verbs_among",
    "verbs_in",
]

#: What follows the last word before a quantity, as the verb tests see it: a number.
_QUANTITY = "0"
#: Marks that end a clause (and, before a space, a sentence).
_SENTENCE_MARKS = frozenset(".!?;:")
#: Those of them that end a clause like a sentence, whatever follows: ``;``, ``:``.
_CLAUSE_STOPS = frozenset(";:")
#: The mark that may close an initialism as well as a sentence (``U.S.``).
_FULL_STOP = "."


@cache
def _clause_boundaries() -> frozenset[str]:
    """Every (lower-cased) token that may end the search of :func:`clause_start` (a screen)."""
    words = entity_words()
    return (
        _SENTENCE_MARKS
        | CLOSERS
        | {"(", ","}
        | words.subordinators
        | words.reporting_verbs
        | words.clause_joiners
    )


def clause_start(tokens: list[Token], end: int, text: str) -> tuple[int, bool]:
    """Index of the first token of the clause that ends at ``end``, and whether a comma opens it."""
    boundaries = _clause_boundaries()
    for i in range(end - 1, -1, -1):
        word = tokens[i].word.lower()
        if word not in boundaries and word[-1:] != _FULL_STOP:
            continue  # most words: none of the tests of _boundary holds (U.S. may end one)
        found = _boundary(tokens, i, end, word, text)
        if found is not None:
            return found
    return 0, False


def _boundary(
    tokens: list[Token], i: int, end: int, word: str, text: str
) -> tuple[int, bool] | None:
    """Where the clause starts if token ``i`` (``word``, lower-cased) opens it, else None."""
    if word == "(" or _sentence_mark(tokens[i], text):
        return i + 1, False
    words = entity_words()
    nxt = tokens[i + 1].word.lower() if i + 1 < end else ""
    if word == ",":
        return (i + 2 if nxt in words.clause_conjunctions else i + 1), True
    if _noun_reporter(tokens, i, end, nxt):
        return None  # Initial jobless claims fell: a noun, as a verb follows it
    if word in words.subordinators or word in words.reporting_verbs:
        return (i + 2 if nxt == "that" else i + 1), False
    if word in words.clause_joiners and (
        nxt in words.subject_openers
        or joins_clauses(tokens, i, end)
        or _plural_then_verb(tokens, i, end)
    ):
        return i + 1, False  # after the river rose; Nike rose 4% and Boeing slipped
    return None


def _plural_then_verb(tokens: list[Token], i: int, end: int) -> bool:
    """True for a plural noun and a verb after token ``i``: ``and tickets start at``."""
    if i + 2 >= end:
        return False
    noun, verb = tokens[i + 1].word, tokens[i + 2].word
    following = tokens[i + 3].word if i + 3 < end else _QUANTITY
    common = noun.islower() and noun not in entity_words().stop  # not England and Wales was
    return common and plural(noun) and is_verb(verb, following, noun)


def _noun_reporter(tokens: list[Token], i: int, end: int, nxt: str) -> bool:
    """True for a reporting verb's form that is a noun: ``jobless claims fell``.

    A full verb follows it; after a modal or an auxiliary it is the verb that
    reports (``which the authority says will save``).
    """
    words = entity_words()
    if tokens[i].word.lower() not in words.reporting_verbs or i + 1 >= end:
        return False
    if nxt in words.modals or nxt in words.auxiliaries:
        return False
    return verbs_in(tokens[i + 1 : end])[:1] == [0]


def _sentence_mark(token: Token, text: str) -> bool:
    """True for a mark that ends a sentence, or a clause like one (``;``, ``:``), before a space."""
    if token.word in _CLAUSE_STOPS:
        return text[token.end : token.end + 1] in (" ", "\n", "")
    return ends_sentence(token, text)


def sentence_start(tokens: list[Token], end: int, text: str) -> int | None:
    """The first token of the sentence that ends at token ``end``; None if it may start earlier."""
    start = end
    while start > 0 and not _sentence_mark(tokens[start - 1], text):
        start -= 1
    if start == 0 and tokens and tokens[0].start > 0 and text[tokens[0].start - 1] != "\n":
        return None
    return start


def comma_before(tokens: list[Token], index: int) -> int:
    """Index of the last comma before ``index`` (-1 if there is none)."""
    i = index - 1
    while i >= 0 and tokens[i].word != ",":
        i -= 1
    return i


def verbs_in(tokens: list[Token]) -> list[int]:
    """Indexes of the verbs among the words of a clause that ends before a quantity."""
    words = [t.word for t in tokens]
    return verbs_among(words, [*words[1:], _QUANTITY])


def verbs_among(words: list[str], following: list[str]) -> list[int]:
    """Indexes of the verbs among ``words``, each followed by the word of ``following``."""
    previous = ["", *words]
    return [
        i
        for i, word in enumerate(words)
        if word[:1].isalpha()
        and (is_verb(word, following[i], previous[i]) or _changes_by(word, following, i))
    ]


def _changes_by(word: str, following: list[str], i: int) -> bool:
    """True for a change verb before ``by`` and an amount: ``Prize money rises by 11%``.

    Before ``by`` and anything else the word may be a noun (``rate cuts by
    December``).
    """
    changes = change_words()
    if following[i] not in changes.delta_prepositions or i + 1 >= len(following):
        return False
    lower = word.lower()  # a verb that is also a noun (rises), not an adverb (down)
    if not following[i + 1][:1].isdigit() or lower not in changes.verbs:
        return False
    return lower in entity_words().ambiguous_verbs


def pronoun_object(tokens: list[Token], v: int) -> bool:
    """True for a pronoun that stands for the object of verb ``v``: ``expect it to``.

    Not for who pays after a verb of cost (``cost it about €640m``).
    """
    words = entity_words()
    pronoun = tokens[v + 1].word.lower() in words.object_pronouns
    return pronoun and tokens[v].word.lower() not in words.payer_verbs


def past_fronted(tokens: list[Token], limit: int) -> int:
    """Where the subject starts after a fronted preposition and a name (0: no such opening).

    The name is words in capitals or a number (``In London``, ``In 2023``);
    the subject after it opens with a determiner or a word in lower case.
    """
    if not tokens or tokens[0].word.lower() not in entity_words().fronting:
        return 0
    i = 1
    while i < limit and (tokens[i].word[:1].isupper() or tokens[i].word[:1].isdigit()):
        i += 1
    if i == 1 or i >= limit:
        return 0
    word = tokens[i].word
    opens = word.lower() in entity_words().subject_openers
    return i if opens or (word.islower() and word not in entity_words().stop) else 0


def payee(tokens: list[Token], v: int) -> bool:
    """True for the object of a verb of paying that names who is paid: ``pays its staff``.

    It opens with a possessive, ``the`` or ``each``, or is a plural with no
    determiner (``paying trainees``); after ``a`` the word is the amount's
    (``paid a record £9m``).
    """
    if tokens[v].word.lower() not in entity_words().payee_verbs or v + 1 >= len(tokens):
        return False
    return _opens_object(tokens[v + 1].word)


def changed_object(tokens: list[Token], v: int) -> bool:
    """True for a change verb before its object: ``raised the dividend 8%``, ``raised prices 5%``.

    So is a verb of forecasting, before any noun: ``forecast revenue between
    $4.6bn and $4.8bn``.

    The object opens with ``the`` or a possessive, or is a plural with no
    determiner; after ``a`` the word is the value's (``hit a record 135 TWh``).
    """
    verb = tokens[v].word.lower()
    forecast = forecast_verb(verb)
    if (verb not in change_words().verbs and not forecast) or v + 1 >= len(tokens):
        return False
    first = tokens[v + 1].word
    if _opens_object(first):
        return True
    plain = first.islower() and first not in entity_words().stop and not first.endswith("ly")
    # lifted revenue 2%: one plain noun right before the value is the object too
    return plain and (forecast or v + 2 == len(tokens))


def _opens_object(first: str) -> bool:
    """True for the first word of an object the value after it is stated of.

    ``the``, a possessive or ``each`` (``pays its staff``, ``raised the
    dividend``), or a plural with no determiner (``raised prices``); after
    ``a`` the word is the value's (``paid a record £9m``).
    """
    return first.lower() in entity_words().payee_openers or (first.islower() and plural(first))


def forecast_verb(lower: str) -> bool:
    """True for a verb of ``[expectation]`` that is no auxiliary: ``expected``, ``forecast``."""
    words = entity_words()
    return lower in words.expectations and lower not in words.auxiliaries


def forecast_by(tokens: list[Token], verb: int, subject: tuple[int, int], text: str) -> bool:
    """True for a value a forecaster expects: ``analysts on average had expected $4.55bn``.

    It is given for comparison and names no thing; the forecaster is no entity.
    """
    if not forecast_verb(tokens[verb].word.lower()):
        return False
    head = text[subject[0] : subject[1]].rsplit(None, 1)[-1].lower()
    return f" {head}" in entity_words().forecasters
