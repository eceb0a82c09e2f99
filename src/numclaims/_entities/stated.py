"""What the words right before a value say of whose it is (stage 8).

A value after a form of ``be`` or a change verb and ``to`` is stated of the
clause's subject (``Life expectancy is 87.1 years``); after a verb of moving
(``borrowed £15bn``) its subject is the agent; a size is the subject's only
after a verb that states one (``stands 312 metres tall``); a value restated
for comparison (``compared with 2%``) and a setting (``roast at 425°F``) are
no property of it.  Each test reads only the text before the value.
"""

from __future__ import annotations

import regex

from numclaims._entities.tokens import next_word
from numclaims._entities.words import gerund
from numclaims._lexicon import change_words, entity_words
from numclaims._scan import Atom
from numclaims._text import KEEP_GIL, SPACE_CHARS

__all__ = [
    "after_copula",
    "in_motion",
    "moved",
    "restated",
    "share_of_subject",
    "size_of_subject",
    "states_of_subject",
    "time_of_subject",
]

#: The word between a verb that states a value and the value: ``stood at 14 weeks``.
_AT = "at"
#: Measures that rarely state something of the clause's subject (``spent three hours``).
_NO_SUBJECT = frozenset({"time", "age"})
#: How far before a quantity a restated value's phrase may start (``compared with``).
_RESTATED_REACH = 20
#: How far before ``from`` and a compared value the change's ``to`` may stand.
_FROM_REACH = 80
#: How far after that ``to`` its value must start (``to roughly €3,000``).
_TO_VALUE_REACH = 16
#: ``to`` between spaces; and right after a value, ``to`` and another (``from £70 to £100``).
_TO_WORD = "to"
_TO = regex.compile(rf" {_TO_WORD} ")
_TO_VALUE = regex.compile(r"(?:\S*\s+){1,4}?to\s+(?:\S+\s+){0,2}?\S*\d")
#: How far after a value that ``to`` and its value may end (``/94 mm Hg to 138``).
_TO_AFTER_REACH = 40
#: What may stand between that phrase and the value: spaces and signs.
_RESTATED_GAP = SPACE_CHARS + "+-−"
#: How far, and over how many words, before a size its verb may stand (``rose to a record``).
_SIZE_REACH = 40
_SIZE_WORDS = 5
#: How far, and over how many words, before a speed its verb and a modal may stand
#: (``Cars can now travel at``).
_MOTION_REACH = 40
_MOTION_WORDS = 5
#: How far before an amount the verb that moves it may stand (``paid out``).
_MOVER_REACH = 24
#: How far before a share its copula may stand (``is now just 30% of``).
_COPULA_REACH = 24
#: How far before a temperature a verb that sets one and ``to`` may stand
#: (``Set the air fryer to``).
_SETTING_REACH = 32
#: How far before a value its statistic, ``of`` and a ``for`` before them may stand
#: (``for a maximum of``).
_STATISTIC_REACH = 24
_FOR = "for"
#: What a verb that adds a time to something opens with: ``add``, ``added``, ``adds``.
_ADD = "add"


def in_motion(text: str, start: int) -> bool:
    """True for a speed right after a verb of moving and ``at``: ``was driving at 95 mph``.

    Any verb in -ing is one (``trains running at``), and so is a verb of ``[motion]``
    (``travels at roughly 28,000 km/h``), which needs no ``at`` (``The van was
    doing 71 mph``).
    """
    before = text[max(0, start - _MOTION_REACH) : start].lower().split()[-_MOTION_WORDS:]
    words = entity_words()
    if before and before[-1] in words.motions:
        # The van was doing 71 mph; but Cars can travel 70 mph: what they can do
        return not any(w in words.modals for w in before[:-1])
    if len(before) < 2 or before[-1] != "at":
        return False
    if gerund(before[-2]):
        return True
    # but Cars can now travel at 70 mph: how fast the subject may go
    return before[-2] in words.motions and not any(w in words.modals for w in before[:-2])


def moved(atom: Atom, text: str) -> bool:
    """True for an amount right after a verb whose subject moves it: ``The state borrowed £15bn``.

    The subject is the agent (``killed 12 and injured about 8,000``), not the
    thing the amount counts, which the sentence leaves unsaid.  In the
    passive the subject is what the amount is stated of: ``Cabin crew will
    be paid £1,950 a month``.
    """
    before = text[max(0, atom.start - _MOVER_REACH) : atom.start].lower().split()[-3:]
    words = entity_words()
    if before[-1:] and before[-1] in words.mover_particles:
        before.pop()  # paid out, burned through
    if not before or before[-1] not in words.movers:
        return False
    passive = len(before) > 1 and before[-2] in words.auxiliaries
    return not (passive and before[-1] in words.received)


def size_of_subject(atom: Atom, text: str) -> bool:
    """True for a size stated of the subject: ``stands 312 metres tall``, ``rose 4.8 metres``.

    A change is; so is a size after a verb of ``[stative]`` or a change verb, past adverbs,
    prepositions and determiners (``rose to a record 608 million tonnes``).
    After any other verb, or right after a determiner (``covered the 26.2
    miles``), the size is how far or how much the subject did something.
    """
    words = entity_words()
    before = text[max(0, atom.start - _SIZE_REACH) : atom.start].lower().split()[-_SIZE_WORDS:]
    if atom.dimension == "length" and before[-1:] and before[-1] in words.motions:
        # The glacier has retreated 1.4 kilometres: how far it went; but the
        # probe will travel 2.9 billion km: what the subject can do
        return len(before) > 1 and before[-2] in words.modals
    if atom.change is not None:
        return True
    if before and before[-1] in words.determiners:
        return False
    return _stated_by_verb(before)


def _stated_by_verb(before: list[str]) -> bool:
    """True where the verb among the lowered words ``before`` a size states it of the subject."""
    words = entity_words()
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        if i and before[i - 1] in words.modals and word not in words.stop:
            return True  # can tow up to 11,000 pounds: what the subject can do
        if word in words.statives or word in change_words().verbs:
            return True  # stands 312 metres tall; fell 7% to 1.72 million tonnes
        if not (word in words.stop or word in words.size_fillers or word[:1].isdigit()):
            return False  # but a value before: fell 7% to 1.72 million tonnes
    return False


def share_of_subject(atom: Atom, text: str) -> bool:
    """True for a share stated of the subject after a copula: ``The deposit is 10% of the price``.

    The whole after ``of`` is what the share is taken of; the subject is
    what the share measures (``29.1% of residents are 65`` has no copula
    before it, and its entity stays ``residents``).
    """
    if atom.kind != "percent" or next_word(text, atom.end) != "of":
        return False  # most quantities
    return after_copula(atom, text) or _changed_to(atom, text)


def _changed_to(atom: Atom, text: str) -> bool:
    """True for a value after a change verb, its object and ``to``: ``raise spending to 3.5%``."""
    before = text[max(0, atom.start - _SIZE_REACH) : atom.start].lower().split()[-_SIZE_WORDS:]
    return before[-1:] == ["to"] and any(w in change_words().verbs for w in before[:-1])


def after_copula(atom: Atom, text: str) -> bool:
    """True for a quantity right after a form of ``be``, or a change verb and ``to``.

    ``is 87.1 years``, ``was just 30% of``, ``had risen to 5 hours``,
    ``averaged 4 hours``, ``stood at 14 weeks``: the quantity is stated of the
    clause's subject.
    """
    words = entity_words()
    before = text[max(0, atom.start - _COPULA_REACH) : atom.start].lower().split()[-3:]
    while before and before[-1] in words.adverbs:
        before.pop()  # was just 30% of the average
    if before[-2:-1] and before[-1] == "to":
        return before[-2] in change_words().verbs
    if before[-2:-1] and before[-1] == _AT:
        # Waiting times stood at 14 weeks; but the reservoirs are at 31% of capacity
        return before[-2] in words.statives and before[-2] not in words.copulas
    return bool(before) and (before[-1] in words.copulas or before[-1] in words.averages)


def states_of_subject(atom: Atom, text: str) -> bool:
    """False where the words before a quantity say it is no property of the clause's subject."""
    if atom.dimension in _NO_SUBJECT or restated(atom, text):
        return False
    if atom.dimension != "temperature":
        return True
    # a setting, not a reading: roast at 425°F, kept between 2C and 8C, feel like minus
    # 20C, Set the thermostat to 19C
    words = entity_words()
    before = text[max(0, atom.start - _SETTING_REACH) : atom.start].lower().split()
    if before and before[-1] in words.temperature_settings:
        return False
    return not (before[-1:] == [_TO_WORD] and any(w in words.setting_verbs for w in before[:-1]))


def time_of_subject(atom: Atom, text: str) -> bool:
    """True for a time that the words before it state of the clause's subject.

    After a form of ``be`` (``Life expectancy in Japan is 87.1 years``), a
    change verb (``rose 0.8 years``) or a statistic and ``of`` (``took an
    average of 47 minutes``).
    """
    return after_copula(atom, text) or _time_changed(atom, text) or _statistic_of(atom, text)


def _time_changed(atom: Atom, text: str) -> bool:
    """True for a time a change verb reads as the subject's: ``Life expectancy rose 0.8 years``.

    A time added is added to what follows ``to`` (``have added up to 40
    minutes to journeys``), not to the subject.
    """
    if atom.change is None:
        return False
    before = text[max(0, atom.start - _STATISTIC_REACH) : atom.start].lower().split()[-3:]
    return not any(word.startswith(_ADD) for word in before)


def _statistic_of(atom: Atom, text: str) -> bool:
    """True for a value after a statistic and ``of``: ``took an average of 47 minutes``.

    After ``for`` it is how long something went on (``for a total of 14 hours``).
    """
    words = text[max(0, atom.start - _STATISTIC_REACH) : atom.start].lower().split()[-4:]
    return (
        len(words) >= 2
        and words[-1] == "of"
        and words[-2] in entity_words().not_linked
        and _FOR not in words
    )


def restated(atom: Atom, text: str) -> bool:
    """True for a value given for comparison: ``compared with 2%``, ``up from 3.9 lakh``."""
    before = text[max(0, atom.start - _RESTATED_REACH) : atom.start].rstrip(_RESTATED_GAP)
    lowered = before.lower()
    if lowered.endswith(_restated_endings()) and any(
        lowered.endswith(phrase) and not before[: -len(phrase)][-1:].isalnum()
        for phrase in entity_words().restated
    ):
        # up from $1.75, compared with 61%; but go up from £70 to £100 is the change
        return not _to_value_after(text, atom.end)
    if not lowered.endswith(" from"):
        return False
    if _from_after_to(text, atom.start):
        return True  # fell to $312m from $405m
    # slowing from 3.1% in the second: the value left, with no value it went to
    changed = before[: -len(" from")].lower().split()[-1:]
    return (
        bool(changed) and changed[0] in change_words().verbs and not _to_value_after(text, atom.end)
    )


def _to_value_after(text: str, end: int) -> bool:
    """True for ``to`` and the value it went to right after a value: `` to £100``."""
    return _TO_VALUE.match(text, end, end + _TO_AFTER_REACH, KEEP_GIL) is not None


def _from_after_to(text: str, start: int) -> bool:
    """True for ``from`` and a value after a change ``to`` another: ``slowed to 2.4% from 2.6%``.

    The value after ``from`` is the one compared with; ``from 19% to 25%``,
    where ``from`` comes first, is the change's own start.
    """
    before = text[max(0, start - _FROM_REACH) : start]
    # eased to 5.2% in the three months to July from 5.6%: any to with a value after it
    return any(
        any(c.isdigit() for c in before[to : to + _TO_VALUE_REACH])
        for to in (m.start() for m in _TO.finditer(before, None, None, False, KEEP_GIL))
    )


def _restated_endings() -> tuple[str, ...]:
    """The restated phrases, tried all at once by ``str.endswith`` before one by one (a screen)."""
    return entity_words().restated
