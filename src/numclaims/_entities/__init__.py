"""Stage 8: the thing a quantity counts or measures.

Without a statistical model, the entity is read from the structure around
the number, using closed word classes kept as data (``entity_words.txt``).
The readings are tried in turn:

1. after the quantity (``after``): the noun phrase behind it, past words
   such as ``worth of``: ``647 tanks have been destroyed`` -> ``tanks``;
   for an amount given by a verb of spending or paying, the thing after its
   preposition: ``spent £1.5bn on transfers`` -> ``transfers``, ``return
   £500m to shareholders`` -> ``shareholders``;
2. a noun joined to the number by ``of`` (``phrases``): ``revenue of $5bn``
   -> ``revenue``, but not a rate (``grew at an annual pace of 6%``) nor a
   statistic (``a median of 3.2 years``);
3. in the quantity's clause (``clauses``), the object of the last verb
   before it, or else the subject, borrowed from the sentence or the noun
   before a comma where the clause has none; in a list, the name before
   each value (``lists``): ``Nike rose 4% and Boeing slipped 1%``,
   ``Dow +0.4% S&P 500 +0.7%``; beside a noun (``appositions``): every value
   of an aside after a subject (``The bridge, 1.6 km long and 48 m above the
   river,``), a poll share after a name and ``on`` (``Mendes on 46%``);
4. a word that points at the thing (``referents``): a noun before
   ``worth``, a pronoun whole (``68% of them``), the object of a verb of
   buying before ``for``; a forecaster's relative clause after a value
   (``the $2bn analysts had expected``) is no thing.

No reading looks past the sentence: a window stops at a full stop before a
space and at a line break before a line that does not carry on in lower
case (a heading).  A size (length, area, mass, volume) is stated of the
subject only after a verb that states one (``stands 312 metres tall``),
not after an action (``The rover drove 1.2 miles``).

A value restated for comparison (``compared with 2%``, ``up from 3.9 lakh``)
and a distance from somewhere (``15 miles away``) name no thing; a duration
takes only a noun after it or a label (``Cook time: 1 hour``); an age, the
person before it (``men aged 25``).  Word classes are guessed in ``words``.

Every window the readings look at ends at the quantity, so the text is
tokenised once, left to right, by the :class:`TextContext` the pipeline
makes for each text (``tokens``).
"""

from __future__ import annotations

from functools import cache

import regex

from numclaims._entities.after import entity_after
from numclaims._entities.appositions import (
    aside_subject,
    fronted_group,
    fronted_subject,
    polled_name,
)
from numclaims._entities.clauses import clause_entity, subject_of
from numclaims._entities.lists import listed_name, signed
from numclaims._entities.phrases import aged, entity_of, label
from numclaims._entities.referents import (
    followers,
    forecast_by,
    led_by,
    pointed_at,
    pointers,
    poll_points,
    priced_from,
    pronoun_whole,
)
from numclaims._entities.repeats import repeats_noun
from numclaims._entities.sizes import (
    QUALIFIED_BOUNDS,
    adjective_after,
    dimensioned,
    gradable_before,
    qualified,
)
from numclaims._entities.stated import (
    in_motion,
    moved,
    restated,
    share_of_subject,
    size_of_subject,
    states_of_subject,
    time_of_subject,
)
from numclaims._entities.tokens import CLAUSE_WINDOW, TextContext, next_word
from numclaims._lexicon import cardinal_words, entity_words, relation_words
from numclaims._scan import Atom
from numclaims._text import KEEP_GIL, SPACE, SPACE_CHARS, ahead

__all__ = ["TextContext", "read_entity"]

#: The brackets around a value that restates the one before it: ``1,025 kg (2,260 lb)``.
_OPEN_BRACKET = "("
_CLOSE_BRACKET = ")"
#: The comma before a price per unit that restates the amount before it, and the
#: words before any value that restates the one before it in other terms.
_COMMA = ","
_COMMA_OR = ", or"
_OF = "of"
#: Room for a bracket or a comma and the spaces around it before a value.
_BRACKET_GAP = 8
#: How far before a signed value the name of a list item may start (``S&P 500 +0.7%``).
_LIST_REACH = 40
#: The dimensions of a size, stated of a subject only after a verb that states one.
_SIZES = frozenset({"length", "area", "mass", "volume"})
#: How far after a count the word after its ``times`` may stand (``three times during``).
_TIMES_REACH = 24
#: Room, beyond the longest ``[away_before]`` phrase, for the spaces around its words.
_SPACES_AROUND = 14
#: Measures that ``within`` makes a distance from somewhere or some time.
_DISTANCES = frozenset({"length", "time"})
#: How far, and over how many words, before a value its ``on`` or ``and`` may stand.
_BESIDE_REACH = 40
_BESIDE_WORDS = 4
#: Words and spaces only: what may stand before a counter inside an entity (``typical``).
_WORD_RUN = regex.compile(rf"(?:[A-Za-z]+{SPACE}+)+")
#: A length measured from one end of a thing to the other: ``from head to tail``.
_END_TO_END = regex.compile(rf"{SPACE}+from{SPACE}+[a-z]+{SPACE}+to{SPACE}+[a-z]+\b")
_END_TO_END_REACH = 40


def read_entity(atom: Atom, context: TextContext) -> None:
    """Set ``atom.entity`` and ``atom.entity_span`` from the words around it in ``context.text``."""
    found = _find(atom, context)
    if found is not None:
        start, end = found
        text = context.text
        if "-" in text[start:end]:
            start = _past_counter(text, start, end)  # a 12-inch pizza -> pizza
        atom.entity, atom.entity_span = text[start:end], (start, end)
    context.last = (atom.end, atom.entity_span)


def _past_counter(text: str, start: int, end: int) -> int:
    """Where an entity starts past a hyphenated count or measure: ``four-year contract``.

    That count is a quantity of its own; a name made with a number stays
    whole (``one-off payment``), and so does a lone word (``three-pointers``).
    """
    lo = start
    if text[lo - 2 : lo - 1].isdigit() and text[lo - 1 : lo] == "-":
        lo -= 2  # year-old swimming pool, read from inside 40-year-old
        while lo and text[lo - 1].isdigit():
            lo -= 1
    counter = _counter().search(text, lo, end, KEEP_GIL)
    if counter is None or counter.group("word").lower() in entity_words().number_compounds:
        return start
    if counter.start() > lo and _WORD_RUN.fullmatch(text, lo, counter.start(), KEEP_GIL) is None:
        return start  # a name with a number inside it
    return counter.end()  # a 40-year-old swimming pool; a typical two-hour parking session


@cache
def _counter() -> regex.Pattern[str]:
    """A count or measure glued by a hyphen to a word, then a space: ``12-inch ``."""
    return regex.compile(
        rf"""
        (?<! [\w-] )                            # at the start of a word
        (?: \d[\d.,]* | (?i: \L<numbers> ) )  # a number in digits or words
        - (?P<word> [A-Za-z]+ ) (?: -old )?    # a hyphen and a word (year-old)
        {SPACE}+                               # then spaces
        """,
        regex.VERBOSE,
        numbers=sorted(cardinal_words(), key=len, reverse=True),
    )


def _find(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The span of the thing ``atom`` counts or measures, by the first reading that finds one."""
    text = context.text
    if atom.dimension == "age":
        return aged(atom, context)
    if _no_thing(atom, text):
        return None
    restating = _restates_last(atom, context)
    if restating is not None:
        return restating[0]  # The rover weighs 1,025 kg (2,260 lb): the rover's
    found = _listed(atom, context) if signed(text, atom.start) else None
    if found is None and text.startswith(followers(), atom.end):  # of them; 9 points
        if poll_points(atom, text):
            # Approval fell 9 points to 34%; put the Greens three points ahead on 27%
            return led_by(atom, context) or _without_noun_after(atom, context)
        found = pronoun_whole(atom, context)  # 7,412 people, 68% of them
    found = found or _after(atom, context)
    if found is not None:
        return _read_after(atom, context, found)
    found = _without_noun_after(atom, context)
    if found is None and atom.kind == "multiple" and text[atom.start : atom.end].endswith("ed"):
        return subject_of(atom, context)  # My sourdough starter doubled
    return found


def _restates_last(atom: Atom, context: TextContext) -> tuple[tuple[int, int] | None] | None:
    """The entity of the value right before ``atom`` where ``atom`` restates it, if so.

    In brackets right after it (``weighs 1,025 kg (2,260 lb)``, ``span 7.2
    metres (23.6 feet)``): that value's thing, or no thing with it.  So is a
    price per unit right after a comma (``sold for £4.25 million, about £1,900
    per square foot``) and a value in other terms after ``, or`` (``grown to
    128,000 acres, or about 200 square miles``), but for index points and a
    share of a whole.
    """
    last = context.last
    text = context.text
    if last is None or atom.start - last[0] > _BRACKET_GAP:
        return None  # most quantities: no value right before (and no copy of a long gap)
    between = text[last[0] : atom.start].strip(SPACE_CHARS)
    if between == _COMMA and atom.kind == "money" and atom.per is not None:
        return (last[1],)  # sold for £4.25 million, about £1,900 per square foot
    if between == _COMMA_OR and last[1] is not None and _restatable(text, last[1]):
        # grown to 128,000 acres, or about 200 square miles; but a share of a
        # whole takes the whole (, or 2.1% of GDP)
        return None if next_word(text, atom.end) == _OF else (last[1],)
    if between != _OPEN_BRACKET:
        return None
    if not text.startswith(_CLOSE_BRACKET, atom.end):
        return None  # (2,260 lb at launch): more than the value
    return (last[1],)


def _restatable(text: str, span: tuple[int, int]) -> bool:
    """True for an entity a value restated after ``, or`` takes: not index points."""
    return text[span[0] : span[1]].lower() not in entity_words().scale_nouns


def _after(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The phrase after the quantity, unless a bounded value qualifies the noun before it.

    ``Checked bags over 23 kilograms cost extra``: the phrase after opens with a
    verb that is also a noun, and the bags are what the bound is of.  The
    base after a multiple is no entity of it (``0.7 times book value``).
    """
    if (
        atom.kind == "multiple"
        and next_word(context.text, atom.end) in relation_words().multiple_bases
    ):
        return None
    if atom.kind == "measure" and adjective_after(context.text, atom.end):
        return None  # A giant squid 9 metres long washed ashore: the squid's
    found = entity_after(atom, context.text)
    if found is not None and atom.bound in QUALIFIED_BOUNDS and _verb_first(context.text, found):
        return qualified(atom, context) or found
    return found


def _verb_first(text: str, found: tuple[int, int]) -> bool:
    """True for a phrase read after a value that opens with a verb that is also a noun."""
    first = text[found[0] : found[1]].split(None, 1)[0].lower()
    return first in entity_words().ambiguous_verbs


def _read_after(atom: Atom, context: TextContext, found: tuple[int, int]) -> tuple[int, int] | None:
    """The entity of a quantity with ``found`` after it, unless the clause says otherwise.

    ``the 2.8% gain Wall Street expected``: the forecaster is no part of it;
    ``The deposit is 10% of the price``: the share is the subject's.
    """
    text = context.text
    trimmed = forecast_by(atom, text, found)
    if trimmed is not None:
        return trimmed[0]
    if share_of_subject(atom, text):
        return clause_entity(atom, context) or found
    return found


def _no_thing(atom: Atom, text: str) -> bool:
    """True for a distance from somewhere, a speed of an action or how often: no thing measured."""
    if atom.kind == "number" and atom.value is not None and atom.value.is_integer():
        # was extended three times: how often, not a count of the subject; left
        # three people dead and 11 injured: the people counted are left unsaid
        return _how_often(text, atom.end) or _harmed(text, atom.end)
    if atom.dimension in _DISTANCES and _from_somewhere(text, atom.start):
        return True  # within 32,000 km of Earth, as near as 40 million km to Mars
    if atom.dimension == "length":
        # a distance from here: 15 miles away; but a length from end to end is
        # a size: 2.1 metres from head to tail
        away = next_word(text, atom.end) in entity_words().away
        return away and ahead(_END_TO_END, text, atom.end, _END_TO_END_REACH) is None
    if atom.dimension != "speed":
        return False
    # from 0-60mph in 3.1 seconds: how fast it gathers speed; was travelling at
    # 94mph: how fast the subject did something
    return atom.low == 0 or in_motion(text, atom.start)


def _from_somewhere(text: str, start: int) -> bool:
    """True for words of ``[away_before]`` right before ``start``: ``within``, ``as near as``."""
    phrases, most, reach = _away_before()
    words = text[max(0, start - reach) : start].lower().split()[-most:]
    return (" " + " ".join(words)).endswith(phrases)


@cache
def _away_before() -> tuple[tuple[str, ...], int, int]:
    """The phrases of ``[away_before]`` as they end the words before a value (`` within``),
    the most words one has, and how far back the words read may reach."""
    phrases = entity_words().away_before
    longest = max(len(phrase) for phrase in phrases)
    return (
        tuple(f" {phrase}" for phrase in phrases),
        max(len(phrase.split()) for phrase in phrases),
        longest + _SPACES_AROUND,
    )


def _harmed(text: str, end: int) -> bool:
    """True for a count followed by what befell its people and no noun: ``and 11 injured.``."""
    return _followed_by(text, end, entity_words().harmed)


def _how_often(text: str, end: int) -> bool:
    """True for a count followed by ``times`` and no noun: ``extended three times.``.

    ``28 times earnings`` is a multiple of the noun after it, not how often.
    """
    return _followed_by(text, end, entity_words().frequency)


def _followed_by(text: str, end: int, words: frozenset[str]) -> bool:
    """True for one of ``words`` right after ``end``, with no noun after it."""
    word = next_word(text, end)
    if word not in words:
        return False
    ahead_of = text[end : end + _TIMES_REACH]
    after = next_word(text, end + len(ahead_of) - len(ahead_of.lstrip()) + len(word))
    return not after[:1].isalpha() or after in entity_words().stop


def _without_noun_after(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The thing a quantity with no noun after it is stated of, by the first reading that finds it.

    ``Weight: 1.3 kg``; ``Checked bags over 23 kg``; ``a path 22 miles long``;
    ``The bridge, 1.6 km long and 48 m above``; the subject.
    """
    if repeats_noun(atom, context):
        return None  # costs $320 for adults and $160 for children: the value repeated
    return (
        label(atom, context)
        or (pointed_at(atom, context) if context.text.endswith(pointers(), 0, atom.start) else None)
        or qualified(atom, context)
        or fronted_subject(atom.start, atom.end, context)
        or fronted_group(atom.start, context)
        or dimensioned(atom, context)
        or gradable_before(atom, context)
        or priced_from(atom, context)
        or _beside(atom, context)
        or _before(atom, context)
    )


def _beside(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The noun a value is set beside: ``The bridge, 1.6 km long and 48 m``, ``Mendes on 46%``.

    Both readings need a word just before the value (``on``; ``and``, maybe
    past a participle and a bound), looked for before the window is read.
    """
    text = context.text
    before = text[max(0, atom.start - _BESIDE_REACH) : atom.start].split()[-_BESIDE_WORDS:]
    polled = atom.kind == "percent" and before[-1:] == ["on"]
    if not polled and "and" not in before:
        return None  # most quantities
    tokens = context.tokens(max(0, atom.start - CLAUSE_WINDOW), atom.start)
    return polled_name(tokens) if polled else aside_subject(tokens, text)


def _before(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The thing named before a quantity that has no noun after it: ``revenue of``, the subject."""
    text = context.text
    if atom.dimension == "time":
        # Life expectancy in Japan is 87.1 years, rose 0.8 years, took an average
        # of 47 minutes: a duration stated of the subject
        stated = time_of_subject(atom, text) and not restated(atom, text)
        return entity_of(atom, context) or (clause_entity(atom, context) if stated else None)
    if not states_of_subject(atom, text):
        return None
    found = entity_of(atom, context)  # a range of up to 160 km
    # a rate (55 km a year, 42 km/s) is no size
    size = atom.dimension in _SIZES and atom.per is None and "/" not in (atom.unit or "")
    stated = not size or size_of_subject(atom, text) or _compared_aside(atom, text)
    if found is None and stated and not moved(atom, text):
        found = clause_entity(atom, context)
    return found


def _compared_aside(atom: Atom, text: str) -> bool:
    """True for a size right after a comma that compares the value before it.

    ``crested at 7.9 metres on Saturday, 2.4 metres above flood stage``: the
    clause before the comma is what the size is of.
    """
    if not text[max(0, atom.start - _BRACKET_GAP) : atom.start].rstrip(SPACE_CHARS).endswith(","):
        return False
    return next_word(text, atom.end) in entity_words().comparisons


def _listed(atom: Atom, context: TextContext) -> tuple[int, int] | None:
    """The name before a signed value in a list, never the noun after it (``Dow +0.4% S&P``)."""
    return listed_name(context.tokens(max(0, atom.start - _LIST_REACH), atom.start))
