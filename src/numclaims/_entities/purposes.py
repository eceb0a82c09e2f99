"""What an amount given by a verb is for (stage 8): ``spent £1.5bn on transfers``.

A verb of spending, raising or paying names the preposition that links the
thing an amount is for, or the one it is paid to (``[purpose]`` in the word
lists): ``raised $5 for charity``, ``return £500m to shareholders``,
``awarded $4.6m to the family``.  A time is no such thing (``for the
quarter``), nor is a verb after ``to`` (``agreed to pay $4.3bn to settle the
case``).
"""

from __future__ import annotations

from functools import cache

from numclaims._entities.tokens import next_word, past_word
from numclaims._entities.words import plural
from numclaims._lexicon import entity_words
from numclaims._scan import Atom

__all__ = ["compared", "purpose_link"]

#: How far before a quantity, and over how many words, a verb of spending may stand
#: (``spent £31m on a centre-back and £12m``).
_LIST_REACH = 60
_LIST_WORDS = 8
#: The joiner of a second amount to the first: ``and £12m on a goalkeeper``.
_AND = "and"
#: What links a statistic to its amount: ``an average of``.
_OF = "of"
#: The dimension of a duration, which a verb of spending gives no thing.
_TIME = "time"
#: The link of an amount paid to whom, also the mark of an infinitive (``to settle``).
_TO = "to"


@cache
def _purpose_links() -> tuple[str, ...]:
    """The prepositions of ``[purpose]``, as they follow a quantity: `` on ``, `` for ``."""
    return tuple(f" {link} " for link in entity_words().purpose)


@cache
def compared() -> tuple[str, ...]:
    """The words of comparison as they follow a quantity: `` more ``, `` less ``."""
    return tuple(f" {word} " for word in entity_words().comparisons)


def purpose_link(atom: Atom, text: str) -> int | None:
    """Where the thing paid for starts: ``spent £1.5bn on transfers``, ``raised $5 for charity``.

    The verb right before the quantity names the preposition that links the
    thing (``[purpose]`` in the word lists), written after one space; a time
    is no thing (``for the quarter``).
    """
    if atom.dimension == _TIME:
        return None  # a duration is no amount paid: spent three hours on
    pos = atom.end
    if text.startswith(compared(), pos):
        pos = past_word(text, pos)  # paid 2.6% more for food
    if not text.startswith(_purpose_links(), pos):
        return None  # most quantities
    words = entity_words()
    link = next_word(text, pos)
    verbs = words.purpose.get(link, frozenset())
    if not verbs or not _given_by(text, atom.start, verbs):
        return None
    pos = past_word(text, pos)
    if next_word(text, pos) in words.determiners:
        pos = past_word(text, pos)  # spent £8,000 on the snacks
    if next_word(text, pos)[:1].isdigit():
        pos = past_word(text, pos)  # spend £2.3m on 55 buses: the count is a quantity
    noun = next_word(text, pos)
    if link == _TO and _infinitive(text, pos):
        return None  # agreed to pay $4.3bn to settle the case: a verb and its object
    return pos if noun[:1].isalpha() and noun not in words.not_purpose else None


def _infinitive(text: str, pos: int) -> bool:
    """True for a word after ``pos`` that is a verb before its object: ``to settle the case``.

    A determiner follows it, or a plural after a word that is none
    (``to settle claims that``; but ``to shareholders``).
    """
    end = past_word(text, pos)
    if not text[end - 1 : end].isalpha():
        return False
    word, following = next_word(text, pos), next_word(text, end)
    if following in entity_words().determiners:
        return True
    return plural(following) and not plural(word) and word not in entity_words().stop


def _given_by(text: str, start: int, verbs: frozenset[str]) -> bool:
    """True where one of ``verbs`` gives the amount at ``start``.

    Right before it (``spent £1.5bn``, ``set aside``), before a statistic
    (``paid an average of``), before a determiner
    and one word (``paid a club-record £48.5m``), or, for a second amount
    after ``and``, before the first (``spent £31m on a centre-back and £12m``).
    """
    before = text[max(0, start - _LIST_REACH) : start].lower().split()
    if before[-1:] == [_OF] and len(before) > 3 and before[-2] in entity_words().not_linked:
        before = before[:-3]  # paid an average of 146.9p a litre for petrol
    if not before:
        return False
    if before[-1] in verbs or " ".join(before[-2:]) in verbs:
        return True
    if len(before) > 2 and before[-2] in entity_words().determiners:
        return before[-3] in verbs  # paid a club-record £48.5m
    if before[-1] != _AND:
        return False
    return any(word in verbs for word in before[-_LIST_WORDS:-1])
