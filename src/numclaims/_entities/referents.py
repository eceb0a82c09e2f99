"""A value whose thing is named by a word that points at it, not by the clause.

Small words between a value and a noun name the thing the value is about,
where the clause around the value would give the wrong noun:

- ``worth`` after a noun: the value is that noun's worth (``a deal worth
  up to £38m`` -> ``deal``; ``4,500 ETH, worth roughly $14m`` -> ``ETH``);
- a pronoun that stands for a whole (``68% of them``, ``62% of those
  issued``, but not ``90% of those cases``): the whole is the thing the
  value before it in the sentence counts (``The council employs 7,412
  people, 68% of them women`` -> ``people``);
- ``for`` after the object of a verb of buying (``agreed to buy Pinebrook
  Diagnostics for $6.2bn``): the value is the price of that object;
- a forecaster and its verb after the phrase (``the $2.05bn analysts had
  pencilled in``): a relative clause, no part of the thing;
- ``points`` in a poll (``Approval fell 9 points to 34%``): percentage
  points of the subject, or of the name before a lead (``the Greens three
  points ahead``), not the thing counted;
- ``from`` after a plural noun, before a price (``with cabins from $180 per
  person``, ``Fares from €79 one way``): the lowest price of that noun.
"""

from __future__ import annotations

from functools import cache

from numclaims._entities.phrases import phrase_before
from numclaims._entities.tokens import (
    TextContext,
    ends_sentence,
    line_start,
    next_word,
    previous_word,
)
from numclaims._entities.words import is_verb, plural
from numclaims._lexicon import entity_words
from numclaims._scan import Atom

__all__ = [
    "followers",
    "forecast_by",
    "led_by",
    "pointed_at",
    "pointers",
    "poll_points",
    "priced_from",
    "pronoun_whole",
]

#: How far before a value the noun that ``worth`` or ``for`` points back to may start.
_REACH = 60
#: How many characters after a value the two words read after it may take (``of those
#: issued``, ``points ahead``).
_AFTER_REACH = 40
#: The word that links a noun to its worth, and the word that links a thing bought to its price.
_WORTH = " worth "
_FOR = " for "
_OF_AFTER = " of "
#: The article before a value that a relative clause forecasts: ``the $2.05bn analysts had``.
_THE = "the"
_THE_REACH = 6
#: The pronoun that is never a determiner (``those cases``, but never ``them cases``).
_THEM = "them"
#: How many words before ``for`` a verb of buying may stand: ``buy 24 more F-35A jets for``.
_OBJECT_WORDS = 8
#: How far before the noun phrase a value whose entity ends it may end (``a 4% pay award``).
_COUNTED_REACH = 12
#: How far around a count of points its share and poll word may stand.
_POLL_REACH = 100


def poll_points(atom: Atom, text: str) -> bool:
    """True for a count of points in a poll: ``Approval fell 9 points to 34%``.

    Such points are percentage points of the subject (or of the noun before
    ``of``), not the thing counted; an index's points are (``The Dow fell 412
    points``).  A share and a word of a poll stand in the same sentence.
    """
    words = entity_words()
    if atom.kind != "number" or not text.startswith(_points_after(), atom.end):
        return False  # most quantities
    if next_word(text, atom.end) not in words.scale_nouns:
        return False  # 9 pointers
    lo, hi = max(0, atom.start - _POLL_REACH), atom.end + _POLL_REACH
    window = text[lo:hi]
    if "%" not in window and "per cent" not in window:
        return False
    return any(word.strip(".,;:") in words.poll_cues for word in window.lower().split())


def led_by(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The name before a poll lead: ``put the Greens three points ahead on 27%``."""
    text = context.text
    after = text[atom.end : atom.end + _AFTER_REACH].lower().split()[1:2]
    if not after or after[0] not in entity_words().poll_trailers:
        return None
    tokens = context.tokens(max(0, atom.start - _REACH), atom.start)
    return phrase_before(tokens, len(tokens)) if tokens else None


def pointed_at(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The thing that ``worth`` or a price's ``for`` before ``atom`` names."""
    text = context.text  # the caller checked that one of pointers() ends before the value
    if text.endswith(_WORTH, 0, atom.start):
        return _worth_of(atom, context)
    if text.endswith(_FOR, 0, atom.start):
        return _price_of(atom, context)
    return None


def pronoun_whole(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The whole a pronoun after ``atom`` and ``of`` stands for: ``7,412 people, 68% of them``."""
    text = context.text
    if not text.startswith(_OF_AFTER, atom.end):
        return None  # most quantities
    after = text[atom.end : atom.end + _AFTER_REACH].lower().split()[1:3]
    if not after or after[0].rstrip(".,;:!?") not in entity_words().pronoun_wholes:
        return None
    if after[0] != _THEM and len(after) > 1 and _noun(after[1]):
        return None  # 90% of those cases: a determiner and its noun
    return _whole_before(atom, context)


def _noun(word: str) -> bool:
    """True for a word after ``those`` that may be its noun: not ``issued``, ``who``, ``aged``."""
    words = entity_words()
    word = word.rstrip(".,;:!?")
    if not word.isalpha() or word in words.stop or word in words.participles:
        return False
    return not word.endswith("ed")


def forecast_by(
    atom: Atom, text: str, found: tuple[int, int]
) -> tuple[tuple[int, int] | None] | None:
    """The phrase after ``atom`` without the forecaster of a relative clause, if one ends it.

    ``the $2.05bn analysts had pencilled in`` names nothing (``(None,)``);
    ``the 2.8% gain Wall Street expected`` names the gain.  None where no
    forecaster and its verb end the phrase.
    """
    words = entity_words()
    start, end = found
    if not text.startswith(_expectations_after(), end):
        return None  # most phrases
    phrase = " " + text[start:end].lower()
    if not phrase.endswith(words.forecasters) or next_word(text, end) not in words.expectations:
        return None
    if text[max(0, atom.start - _THE_REACH) : atom.start].split()[-1:] != [_THE]:
        return None  # 15 analysts had expected a cut: the analysts are counted
    forecaster = next(f for f in words.forecasters if phrase.endswith(f))
    rest = text[start : end - len(forecaster)].rstrip()
    return ((start, start + len(rest)),) if rest else (None,)


@cache
def followers() -> tuple[str, ...]:
    """What :func:`pronoun_whole` and :func:`poll_points` read first after a value."""
    return (_OF_AFTER, *_points_after())


@cache
def pointers() -> tuple[str, ...]:
    """What :func:`pointed_at` reads before a value: `` worth ``, `` for ``."""
    return (_WORTH, _FOR)


@cache
def _points_after() -> tuple[str, ...]:
    """The nouns of a scale as they follow a count: `` points``, `` pts``."""
    return tuple(f" {noun}" for noun in entity_words().scale_nouns)


@cache
def _expectations_after() -> tuple[str, ...]:
    """The words of ``[expectation]`` as they follow a forecaster: `` had ``, `` expected``."""
    return tuple(f" {word}" for word in entity_words().expectations)


def _worth_of(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The noun before ``worth`` (and a comma): ``cocaine worth an estimated £27m``.

    After a verb (``is worth``) the value is the subject's, which the clause gives.
    """
    tokens = context.tokens(max(0, atom.start - _REACH), atom.start)
    end = len(tokens) - 1  # the word worth
    if end > 0 and tokens[end - 1].word == ",":
        end -= 1
    found = phrase_before(tokens, end) if end > 0 else None
    return _as_counted(found, context)


def _price_of(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The object of a verb of buying before ``for``: ``buy 24 more F-35A jets for $2.6bn``."""
    tokens = context.tokens(max(0, atom.start - _REACH), atom.start)
    end = len(tokens) - 1  # the word for
    words = entity_words()
    verb = next(
        (
            i
            for i in range(end - 1, max(-1, end - _OBJECT_WORDS), -1)
            if tokens[i].word.lower() in words.buying_verbs
        ),
        None,
    )
    if verb is None:
        return None  # most amounts after for
    first = verb + 1
    while first < end and _opens_object(tokens[first].word.lower()):
        first += 1  # buy 24 more jets; buy the unit
    found = phrase_before(tokens, end) if first < end else None
    if found is None or found[0] > tokens[first].start:
        return None  # buy a stake in Acme for: not one noun phrase
    return _as_counted((tokens[first].start, found[1]), context)


def _opens_object(word: str) -> bool:
    """True for a word that may open an object before its noun: ``a``, ``24``, ``more``."""
    return word in entity_words().stop or word[:1].isdigit()


def _as_counted(found: tuple[int, int] | None, context: TextContext) -> tuple[int, int] | None:
    """``found``, or the entity of the value inside it where it ends the same way.

    ``a 4% pay award, worth``: the award is what the 4% is of; ``12 new patrol
    boats for``: the count's entity (``patrol boats``) is the thing bought.
    """
    last = context.last
    if found is None or last is None or last[1] is None:
        return found
    start, end = last[1]
    near = found[0] - _COUNTED_REACH <= last[0] <= start
    return (start, end) if near and end == found[1] else found


def _whole_before(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The thing the value before ``atom`` in its sentence counts: ``7,412 people, 68% of them``."""
    last = context.last
    if last is None or last[1] is None:
        return None
    span = last[1]
    text = context.text
    if line_start(text, span[1], atom.start) != span[1]:
        return None  # a new line between them: another sentence
    tokens = context.tokens(span[1], atom.start)
    if any(ends_sentence(token, text) for token in tokens):
        return None
    return span


#: The word between a noun and its lowest price: ``cabins from $180``.
_FROM = "from"


def priced_from(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The plural noun before ``from`` and a price: ``with cabins from $180 per person``.

    Not a verb's (``rose from $5``), an adverb's (``up from $5``) nor the unit
    of the value before (``fell to 8.1 billion francs from``): a value
    compared, with no thing.
    """
    text = context.text
    if atom.kind != "money" or previous_word(text, atom.start) != _FROM:
        return None
    tokens = context.tokens(max(0, atom.start - _REACH), atom.start)
    if len(tokens) < 2 or tokens[-1].word.lower() != _FROM:
        return None
    noun, before = tokens[-2].word, tokens[-3].word if len(tokens) > 2 else ""
    if context.last is not None and context.last[0] > tokens[-2].start:
        return None  # fell to 8.1 billion francs from: the unit of the value before
    if not plural(noun) or noun.lower() in entity_words().stop or is_verb(noun, _FROM, before):
        return None
    return phrase_before(tokens, len(tokens) - 1)
