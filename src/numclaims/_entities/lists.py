"""Values in a list, each stated of the name before it.

Market reports and summaries string values together, each after its own
name and often with no verb of its own: ``Nike rose 4.2% and Boeing slipped
1.1%``, ``Apple fell 1.2%, Tesla 2.6%``, ``Dow +0.4% S&P 500 +0.7%``.  Each
value belongs to the name right before it, never to the first subject of
the sentence nor to the name after it.  This module reads that name
(:func:`listed_name`) and tells when a joiner such as ``and`` opens a
clause of its own (:func:`joins_clauses`).
"""

from __future__ import annotations

from numclaims._entities.tokens import Token
from numclaims._entities.words import MAX_WORDS, POSSESSIVE, gerund, is_verb, modifies, premodifier
from numclaims._lexicon import change_words, entity_words

__all__ = [
    "follows_value",
    "joins_clauses",
    "listed_name",
    "participle_object",
    "participle_subject",
    "set_at",
    "signed",
]

#: How many tokens before a joiner are searched for the verb of the clause it ends.
_LEFT_TOKENS = 12
#: How many tokens before a clause may hold the value of the list item before it.
_ITEM_TOKENS = 6
#: How many closed-class words may stand between a participle and its value (``staying above``).
_LINK_TOKENS = 2
#: What follows the last word before a quantity, as the verb tests see it: a number.
_QUANTITY = "0"
#: The word before a level, and the word that opens a clause of a level or change.
_AT = "at"
_WITH = "with"
#: The signs a value in a list may carry: ``Dow +0.4%``.
_SIGNS = "+-−"


def signed(text: str, start: int) -> bool:
    """True for a value written with its sign: ``+0.4%``, ``−1.2%``."""
    return text[start : start + 1] in tuple(_SIGNS)


def listed_name(tokens: list[Token]) -> tuple[int, int] | None:
    """The name that ends ``tokens`` before a value, in a clause with no verb of its own.

    ``up`` and ``down`` may follow the name (``AMD up 3.4%``), and a number
    that follows a capitalised word is part of it (``FTSE 100 -0.3%``).  The
    name must open the clause or follow a mark or a number (the value before
    it); after a word, it is part of a longer phrase, not a list item.
    """
    words = entity_words()
    end = len(tokens)
    while end > 0 and (
        tokens[end - 1].word.lower() in words.list_trailers
        or tokens[end - 1].word in _SIGNS
        or tokens[end - 1].word.lower() in words.adverbs  # construction earnings just 2.8%
    ):
        end -= 1
    i = end
    while i > 0 and end - i < MAX_WORDS:
        word = tokens[i - 1].word
        if not _name_word(word, tokens[i - 2].word if i > 1 else "", _next(tokens, i)):
            break
        i -= 1
    if i == end or tokens[i].word[:1].isdigit():
        return None
    if i > 0 and tokens[i - 1].word[:1].isalpha() and not _opens_item(tokens, i - 1):
        return None  # with the average home £523,000: inside a longer phrase
    return tokens[i].start, tokens[end - 1].end


def _opens_item(tokens: list[Token], i: int) -> bool:
    """True for a determiner (token ``i``) that opens a list item: ``and a day ticket £4.50``."""
    words = entity_words()
    if tokens[i].word.lower() not in words.determiners:
        return False
    before = tokens[i - 1].word.lower() if i > 0 else ","
    return before == "," or before in words.coordinators


def follows_value(tokens: list[Token], begin: int) -> bool:
    """True when a value (a number) stands shortly before the clause that opens at ``begin``."""
    return any(t.word[:1].isdigit() for t in tokens[max(0, begin - _ITEM_TOKENS) : begin])


def _next(tokens: list[Token], i: int) -> str:
    """The word after token ``i - 1``."""
    return tokens[i].word if i < len(tokens) else _QUANTITY


def _name_word(word: str, previous: str, following: str) -> bool:
    """True for a word that may be part of a name in a list: no closed-class word nor verb."""
    if word.isdigit():
        return previous[:1].isupper()  # FTSE 100, CAC 40
    if not word[:1].isalpha() or word.endswith(POSSESSIVE):
        return False
    if premodifier(word, following) or (gerund(word) and "-" in word):
        return modifies(following)  # high streets, best-selling sofa; but not leaving wage
    if gerund(word):
        return False
    words = entity_words()
    lower = word.lower()
    if lower in words.predicates and not following[:1].isalpha():
        return False  # and a further £1.1m: said of the amount, no name
    return lower not in words.stop and not is_verb(word, following, previous)


def joins_clauses(tokens: list[Token], i: int, end: int) -> bool:
    """True for a joiner (token ``i``) between two clauses, each with its own subject.

    ``Nike rose 4.2% and Boeing slipped 1.1%``: a verb and a value come
    before the joiner, and after it a subject then a verb, or only a name
    (``Rents rose 4.5% and house prices 2.1%``).  Not ``Revenue and profit
    rose`` (no verb before) nor ``, and costs £1,249`` (no subject after).
    """
    if i + 1 >= end:
        return False
    words = entity_words()
    first = tokens[i + 1].word.lower()
    if not first[:1].isalpha() or (first in words.stop and first not in words.determiners):
        return False  # but a pronoun or a determiner may open a subject: and we've raised
    right = _verbs(tokens, i + 1, end)
    if right[:1] == [i + 1]:
        return False  # and costs: the verb shares the subject before the joiner
    if not right and listed_name(tokens[i + 1 : end]) is None:
        return False
    left = _verbs(tokens, max(0, i - _LEFT_TOKENS), i)
    # a value stated after the verb before the joiner: England and Wales reached
    return bool(left) and follows_value(tokens[left[0] : i], i - left[0])


def _verbs(tokens: list[Token], lo: int, hi: int) -> list[int]:
    """Indexes of the verbs among ``tokens[lo:hi]`` (the last is followed by a quantity)."""
    return [
        k
        for k in range(lo, hi)
        if tokens[k].word[:1].isalpha()
        and is_verb(
            tokens[k].word,
            tokens[k + 1].word if k + 1 < hi else _QUANTITY,
            tokens[k - 1].word if k > lo else "",
        )
    ]


def participle_subject(clause: list[Token]) -> tuple[int, int] | None:
    """The noun before a participle in -ing that leads to the value, in a clause with no verb.

    ``with the average home now costing £523,000``, ``Winds gusting to 45
    knots``: the noun phrase before the participle (past an adverb) is what
    the value is stated of.
    """
    words = entity_words()
    i = len(clause)
    while i > 0 and len(clause) - i < _LINK_TOKENS and clause[i - 1].word.lower() in words.stop:
        i -= 1  # to, at, above
    if i == 0 or not gerund(clause[i - 1].word):
        return None
    i -= 1
    while i > 0 and clause[i - 1].word.lower() in words.adverbs:
        i -= 1  # now costing
    end = i
    while i > 0 and end - i < MAX_WORDS and _name_word(clause[i - 1].word, "", clause[i].word):
        i -= 1
    i = _past_counter_word(clause, i, end)
    return (clause[i].start, clause[end - 1].end) if i < end else None


def participle_object(clause: list[Token]) -> tuple[int, int] | None:
    """The object of a participle in -ing that opens a clause with no verb, before its link.

    ``, boosting school funding by 6.5%``, ``, leaving wage growth at 4.3%``:
    the words between the participle and the ``by``, ``to`` or ``at`` right
    before the value are what the value is stated of (past a determiner).
    """
    if len(clause) < 3 or not gerund(clause[0].word):
        return None
    changes, words = change_words(), entity_words()
    link = clause[-1].word.lower()
    if link not in changes.delta_prepositions and link not in words.participle_links:
        return None
    i = 1
    while i < len(clause) - 1 and clause[i].word.lower() in words.determiners:
        i += 1  # its, the
    end = len(clause) - 1
    if not i < end <= i + MAX_WORDS or any(not _name_word(t.word, "", "") for t in clause[i:end]):
        return None
    return clause[i].start, clause[end - 1].end


def set_at(clause: list[Token], opener: str = "") -> tuple[int, int] | None:
    """The noun before ``at`` and the value, in a clause with no verb of its own.

    ``with the manufacturing index at 47.8``, ``leaving wage growth at 4.3%``,
    ``Battery at 14% by lunchtime``: the value is the level the noun stands at.
    After ``with`` (the clause's first word or ``opener``, the word before
    it), a change does the same: ``with the rand down 1.3%``.
    """
    words = entity_words()
    last = clause[-1].word.lower() if len(clause) > 1 else ""
    changed = last in words.list_trailers and _WITH in (opener, clause[0].word.lower())
    if last != _AT and not changed:
        return None
    i = len(clause) - 1
    if last == _AT:
        i = _past_change(clause, i)  # the 10-year yield up 5 basis points at 4.2%
    while i > 0 and (
        clause[i - 1].word.lower() in words.adverbs
        or clause[i - 1].word.lower() in words.directions
    ):
        i -= 1  # now at; Winds northwest at 10 mph
    end = i
    while i > 0 and end - i < MAX_WORDS and _name_word(clause[i - 1].word, "", clause[i].word):
        i -= 1
    i = _past_counter_word(clause, i, end)
    return (clause[i].start, clause[end - 1].end) if i < end else None


#: How many tokens a change before ``at`` may take: ``up 5 basis points``, ``down 1.3 %``.
_CHANGE_TOKENS = 5


def _past_change(clause: list[Token], at: int) -> int:
    """Where a change that stands between a noun and ``at`` (token ``at``) starts, else ``at``.

    ``with the 10-year yield up 5 basis points at 4.2%``: the level after
    ``at`` is the noun's, past its change.
    """
    trailers = entity_words().list_trailers
    for i in range(at - 1, max(0, at - _CHANGE_TOKENS) - 1, -1):
        word = clause[i].word
        if word.lower() in trailers:
            changed = i + 1 < at and clause[i + 1].word[:1].isdigit()
            return i if changed else at
        if not (word[:1].isdigit() or word.isalpha() or word == "%"):
            return at
    return at


def _past_counter_word(clause: list[Token], i: int, end: int) -> int:
    """Past the word of a hyphenated count that opens a name: ``10-year yield`` -> ``yield``."""
    counted = i > 1 and clause[i - 1].word == "-" and clause[i - 2].word[:1].isdigit()
    return i + 1 if counted and i + 1 < end else i
