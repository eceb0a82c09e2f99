"""Values set right after the noun they describe (stage 8).

A bounded value right after a noun qualifies it (``Checked bags over 23
kilograms``, ``doses up to 40 mg``), and a size followed by its adjective
is stated of the noun before it (``a path 22 miles long``, ``The asteroid,
roughly 370 metres wide,``, ``64 turbines, each 190 metres tall``).  After a
verb, either names nothing of its own (``fell below 3%``): the clause's
readings decide.
"""

from __future__ import annotations

import regex

from numclaims._entities.appositions import subject_before_comma
from numclaims._entities.phrases import phrase_before
from numclaims._entities.tokens import TextContext, Token, next_word, past_word
from numclaims._entities.words import gerund, is_verb, plural
from numclaims._lexicon import entity_words
from numclaims._scan import Atom
from numclaims._text import SPACE_CHARS, WORD_REACH, ahead

__all__ = ["QUALIFIED_BOUNDS", "adjective_after", "dimensioned", "gradable_before", "qualified"]

#: What follows the last word before a quantity, as the verb tests see it: a number.
_QUANTITY = "0"
#: The bounds a qualifier word sets (``over``, ``up to``): :func:`qualified`.
QUALIFIED_BOUNDS = frozenset({"more_than", "less_than", "at_most"})
#: How far before a bounded value the noun it qualifies may start.
_QUALIFIED_REACH = 40
#: The word after a size's adjective, past spaces (none where a mark follows).
_NEXT_WORD = regex.compile(rf"[{SPACE_CHARS}]+([A-Za-z]+)")
#: The word between a comma and a size stated of each of the plural before it.
_EACH = "each"


def dimensioned(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The noun a size is stated of by an adjective after it: ``a path 22 miles long``.

    The noun stands right before the size, or before a comma that opens it
    (``The asteroid, roughly 370 metres wide,``), or before a comma and ``each``
    (``cut into 12 squares, each about 8 cm wide``).
    """
    text = context.text
    if not adjective_after(text, atom.end):
        return None  # most quantities; stretching 25 miles across the steppe
    tokens = context.tokens(max(0, atom.start - _QUALIFIED_REACH), atom.start)
    paired = _paired_size(tokens, context)
    if paired is not None:
        return paired  # a track 14 miles long and up to 400 yards wide
    adverbs = entity_words().adverbs
    if len(tokens) > 1 and tokens[-1].word.lower() in adverbs and tokens[-2].word == ",":
        tokens.pop()  # The footbridge, just 4 metres wide,
    each = len(tokens) > 1 and tokens[-1].word.lower() == _EACH and tokens[-2].word == ","
    if each:
        del tokens[-2:]  # 64 turbines, each 190 metres tall: the plural before the comma
    comma = bool(tokens) and tokens[-1].word == ","
    if comma:
        tokens.pop()
    found = _noun_before(tokens, "," if comma else _QUANTITY)
    if found is None or not comma:
        return found
    # after a comma, only a subject: The asteroid, 370 metres wide; images show the runway,
    return subject_before_comma(tokens, len(tokens), context.text)


def adjective_after(text: str, end: int) -> bool:
    """True for a size's adjective after ``end``: ``long``, ``wide``; ``across`` with no object."""
    adjective = next_word(text, end)
    words = entity_words()
    if adjective not in words.dimension_adjectives:
        return False
    return adjective not in words.prepositions or _closes(text, end)


def _closes(text: str, end: int) -> bool:
    """True where no object follows the word after ``end`` (``160 metres across,``).

    A determiner or a name after it makes it a preposition (``across the steppe``).
    """
    match = ahead(_NEXT_WORD, text, past_word(text, end), WORD_REACH)
    if match is None:
        return True
    word = match.group(1)
    return not word[:1].isupper() and word.lower() not in entity_words().determiners


def _paired_size(tokens: list[Token], context: TextContext) -> tuple[int, int] | None:
    """The noun of the size before ``long and`` (``a track 14 miles long and 400 yards wide``)."""
    last = context.last
    if last is None or len(tokens) < 2 or tokens[-1].word != "and":
        return None
    adjective = tokens[-2]
    if adjective.word.lower() not in entity_words().dimension_adjectives:
        return None
    end, span = last
    return span if not context.text[end : adjective.start].strip() else None


def _noun_before(tokens: list[Token], following: str = _QUANTITY) -> tuple[int, int] | None:
    """The noun phrase right before a quantity, if its last word is no verb (``measures``).

    ``following`` is what comes after that word: the quantity, or a comma
    (``The container ship, 400 metres long``: no verb before a comma).
    """
    previous = tokens[-2].word if len(tokens) > 1 else ""
    if not tokens or is_verb(tokens[-1].word, following, previous):
        return None
    return phrase_before(tokens, len(tokens))


def qualified(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The noun a bounded value is set after: ``bags over 23 kg``, ``voters under 30``.

    The bound word opens the quantity right after the noun it qualifies;
    after a verb (``fell below 3%``) or a closed-class word it qualifies nothing.
    """
    if atom.bound not in QUALIFIED_BOUNDS and atom.low is None:
        return None  # most quantities; a range may open with between
    text = context.text
    bound = next_word(text, atom.start)
    if bound not in entity_words().qualifiers:
        return None
    tokens = context.tokens(max(0, atom.start - _QUALIFIED_REACH), atom.start)
    found = _noun_before(tokens)
    if found is None or gerund(tokens[-1].word):
        return None  # temperatures staying above 20C: the participle's reading
    first = next(i for i, t in enumerate(tokens) if t.start == found[0])
    before = tokens[first - 1].word.lower() if first else ""
    if bound in entity_words().plural_qualifiers and not _plural_phrase(text, found, before):
        return None  # guidelines recommend between 5 and 8 years; save riders up to £600
    # to close above 74,000 (a verb); 2 GW over 800 km (the unit of a value)
    return None if before == "to" or before[:1].isdigit() else found


def _plural_phrase(text: str, found: tuple[int, int], before: str) -> bool:
    """True for a plural noun phrase after a closed-class word or none: ``at doses``.

    Not one that a participle opens, nor a verb's object (``save regular riders``).
    """
    words = text[found[0] : found[1]].split()
    opened = not before or before in entity_words().stop
    return opened and plural(words[-1]) and not gerund(words[0])


#: How far before a temperature its ``a low`` may start.
_GRADABLE_REACH = 24


def gradable_before(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """A day's extreme used as a noun right before a temperature: ``with a low around 4C``.

    After a determiner only (``a high near 31C``; ``[extreme_noun]``): the
    value is that high's or low's.  ``a high of 34C`` is read by ``of``.
    """
    if atom.dimension != "temperature":
        return None
    tokens = context.tokens(max(0, atom.start - _GRADABLE_REACH), atom.start)
    if len(tokens) < 2:
        return None
    word, before = tokens[-1], tokens[-2].word
    words = entity_words()
    if word.word.lower() not in words.extreme_nouns or before.lower() not in words.determiners:
        return None
    return word.start, word.end
