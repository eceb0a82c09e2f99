"""Stage 8: the thing a quantity counts or measures.

Without a statistical model, the entity is read from the structure around
the number, using closed word classes kept as data (``entity_words.txt``).
The readings are tried in turn:

1. after the quantity (``after``): the noun phrase behind it, past words
   such as ``worth of``: ``647 tanks have been destroyed`` -> ``tanks``;
   for an amount given by a verb of spending, the thing after its
   preposition: ``spent £1.5bn on transfers`` -> ``transfers``;
2. a noun joined to the number by ``of`` (``phrases``): ``revenue of $5bn``
   -> ``revenue``, but not a rate (``grew at an annual pace of 6%``) nor a
   statistic (``a median of 3.2 years``);
3. in the quantity's clause (``clauses``), the object of the last verb
   before it, or else the subject, borrowed from the sentence or the noun
   before a comma where the clause has none.

A value restated for comparison (``compared with 2%``, ``up from 3.9 lakh``)
and a distance from somewhere (``15 miles away``) name no thing; a duration
takes only a noun after it or a label (``Cook time: 1 hour``); an age, the
person before it (``men aged 25``).  Word classes are guessed in ``words``.

Every window the readings look at ends at the quantity, so the text is
tokenised once, left to right, by the :class:`TextContext` the pipeline
makes for each text (``tokens``).
"""

from __future__ import annotations

import regex

from numclaims._entities.after import entity_after, next_word
from numclaims._entities.clauses import clause_entity
from numclaims._entities.lists import listed_name, signed
from numclaims._entities.phrases import aged, entity_of, label
from numclaims._entities.tokens import TextContext
from numclaims._lexicon import entity_words
from numclaims._scan import Atom
from numclaims._text import SPACE, SPACE_CHARS, behind

__all__ = ["TextContext", "read_entity"]

#: Measures that rarely state something of the clause's subject (``spent three hours``).
_NO_SUBJECT = frozenset({"time", "age"})
#: How far before a quantity a restated value's phrase may start (``compared with``).
_RESTATED_REACH = 20
#: What may stand between that phrase and the value: spaces and signs.
_RESTATED_GAP = SPACE_CHARS + "+-−"
#: How far before a temperature its ``at`` may stand.
_AT_REACH = 4
#: How far before a signed value the name of a list item may start (``S&P 500 +0.7%``).
_LIST_REACH = 40
#: ``at`` right before a temperature: a setting, not a reading (``roast at 425°F``).
_AT = regex.compile(
    rf"""(?r)
    (?<![\w-]) at   # the word at
    {SPACE}+ $      # then spaces up to the quantity
    """,
    regex.VERBOSE,
)


def read_entity(atom: Atom, context: TextContext) -> None:
    """Set ``atom.entity`` and ``atom.entity_span`` from the words around it in ``context.text``."""
    found = _find(atom, context)
    if found is not None:
        start, end = found
        atom.entity, atom.entity_span = context.text[start:end], (start, end)


def _find(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The span of the thing ``atom`` counts or measures, by the first reading that finds one."""
    text = context.text
    if atom.dimension == "age":
        return aged(atom, context)
    if atom.dimension == "length" and next_word(text, atom.end) in entity_words().away:
        return None  # a distance from here: 15 miles away, 70 nautical miles off the coast
    found = _listed(atom, context) if signed(text, atom.start) else None
    found = found or entity_after(atom, text)
    if found is None and atom.dimension == "time":
        return label(atom, context) or entity_of(atom, context)  # Prep time: 15 minutes
    if found is None and _states_of_subject(atom, text):
        return entity_of(atom, context) or clause_entity(atom, context)
    return found


def _listed(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The name before a signed value in a list, which its noun after cannot be (``Dow +0.4% S&P``)."""
    return listed_name(context.tokens(max(0, atom.start - _LIST_REACH), atom.start))


def _states_of_subject(atom: Atom, text: str) -> bool:
    """False where the words before a quantity say it is no property of the clause's subject."""
    if atom.dimension in _NO_SUBJECT or _restated(atom, text):
        return False
    # a setting, not a reading: roast at 425°F, stored at −70°C
    return atom.dimension != "temperature" or behind(_AT, text, atom.start, _AT_REACH) is None


def _restated(atom: Atom, text: str) -> bool:
    """True for a value given for comparison: ``compared with 2%``, ``up from 3.9 lakh``."""
    before = text[max(0, atom.start - _RESTATED_REACH) : atom.start].rstrip(_RESTATED_GAP)
    lowered = before.lower()
    if not lowered.endswith(_restated_endings()):
        return False  # most quantities: no phrase ends there
    return any(
        lowered.endswith(phrase) and not before[: -len(phrase)][-1:].isalnum()
        for phrase in entity_words().restated
    )


def _restated_endings() -> tuple[str, ...]:
    """The restated phrases, tried all at once by ``str.endswith`` before one by one (a screen)."""
    return entity_words().restated
