"""Stage 7: the change a clause states about a quantity.

``read_change`` reads the change into ``change`` (``increase``,
``decrease``) and ``is_delta`` (the number is the size of the change, not
the new level), from the first of:

* a verb before the number: ``rose 5%``, ``fell to 3%``, ``cut by nearly $2bn``;
* a word after it: ``a 5% rise``, ``134,500 more conscripts``;
* a word before it: ``an additional 500 troops``;
* the change of the number before: ``fell from 20% to 5%``.

The words are in ``data/changes.txt``.  Every pattern here is anchored at
the quantity and reads a bounded window, so the stage stays linear in the
text; a screen computed from the same words (:func:`_verb_ends`) spares
most numbers the verb pattern.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

import regex

from numclaims._bounds import last_word, letter_runs, phrase_ends
from numclaims._lexicon import change_words, cue_words, fold
from numclaims._scan import Atom
from numclaims._text import SPACE, ahead, behind, group_numbers

__all__ = ["change_before", "delta_before", "read_change"]

#: Enough for the words of a change next to a number: ``edged down by nearly``, `` more``.
_CHANGE_REACH = 48
#: Enough for a word before the number (``additional``) and the spaces after it.
_MORE_BEFORE_REACH = 16
#: Enough for ``by`` and the spaces after it.
_DELTA_REACH = 8

#: A change, as read: its direction, and whether the number is its size (is_delta).
_Change = tuple[str, bool]


class _Patterns(NamedTuple):
    """The stage's patterns built from changes.txt."""

    verb: regex.Pattern[str]
    word_after: regex.Pattern[str]
    word_before: regex.Pattern[str]
    delta: regex.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """The stage's patterns, built from the words of ``changes.txt`` on first use."""
    changes = change_words()
    verb = regex.compile(
        rf"""(?r)
        \b(?i:(?P<verb>\L<verbs>))                  # rose, edged down, revised
        (?:{SPACE}+ (?i:(?P<prep>\L<preps>)))?      # by, to, from
        (?:{SPACE}+ (?i:\L<fillers>))?              # nearly, another
        {SPACE}+
        """,
        regex.VERBOSE,
        verbs=[*changes.verbs, *changes.neutral],
        preps=[*changes.delta_prepositions, *changes.level_prepositions],
        fillers=list(changes.fillers),
    )
    word_after = regex.compile(
        rf"""
        {SPACE}+
        (?i:
            (?P<more>\L<more>)\b                    # 500 more troops
            (?!{SPACE}+\L<comparison>)              # (but not 5 more than)
          | (?P<noun>\L<nouns>)\b                   # a 5% rise
        )
        """,
        regex.VERBOSE,
        more=list(changes.more),
        nouns=list(changes.nouns),
        comparison=list(changes.comparison),
    )
    word_before = regex.compile(
        rf"""(?r)
        \b(?i:(?P<more>\L<more_before>))            # an additional 500
        {SPACE}+
        """,
        regex.VERBOSE,
        more_before=list(changes.more_before),
    )
    delta = regex.compile(
        rf"""(?r)
        \b(?i:\L<delta>)                            # by
        {SPACE}+
        """,
        regex.VERBOSE,
        delta=list(changes.delta_prepositions),
    )
    return _Patterns(verb, word_after, word_before, delta)


@cache
def _verb_ends() -> frozenset[str]:
    """The words a change phrase before a number can end with (``rose``, ``by``, ``nearly``)."""
    changes = change_words()
    phrases = [
        *changes.verbs,
        *changes.neutral,
        *changes.delta_prepositions,
        *changes.level_prepositions,
        *changes.fillers,
    ]
    return frozenset(phrase.split()[-1].lower() for phrase in phrases)


@cache
def _more_before_ends() -> frozenset[str]:
    """The words a phrase of ``[more_before]`` ends with (``additional``): its pattern's screen."""
    return phrase_ends(change_words().more_before)


@cache
def _after_runs() -> frozenset[str]:
    """How each word after a number (``more``, ``rise``) starts: its run of ASCII letters."""
    changes = change_words()
    return letter_runs((*changes.more, *changes.nouns))


#: Spaces, then a run of ASCII letters: what :func:`_word_may_follow` reads.
_NEXT_RUN = re.compile(f"{SPACE}+([A-Za-z]*)")


def _word_may_follow(text: str, pos: int) -> bool:
    """False where no word of ``word_after`` can follow ``pos``: a screen before its pattern.

    The pattern reads spaces, then a word in any case, standing whole: the
    run of ASCII letters after the spaces must be how such a word starts
    (``5 people`` has none).  A character outside ASCII after the run is
    left to the pattern (``ſ`` may be read as ``s``).  The window is the pattern's.
    """
    limit = pos + _CHANGE_REACH
    match = _NEXT_RUN.match(text, pos, limit)
    if match is None:
        return False  # no space after the number
    end = match.end()
    if end < limit and not text[end : end + 1].isascii():
        return True
    return match.group(1).lower() in _after_runs()


def change_before(text: str, pos: int) -> bool:
    """True where a change verb (and its preposition) ends at ``pos``: ``fell from``."""
    return behind(_patterns().verb, text, pos, _CHANGE_REACH) is not None


def delta_before(text: str, pos: int) -> bool:
    """True where ``by`` ends at ``pos``: ``by 5 cents to 52 cents`` states a change."""
    return behind(_patterns().delta, text, pos, _DELTA_REACH) is not None


def read_change(atom: Atom, text: str, previous: Atom | None) -> None:
    """Read the change the clause states about ``atom`` into change and is_delta."""
    word = last_word(text, atom.start, max(0, atom.start - _CHANGE_REACH))
    change = (
        _by_verb(atom, text, word)
        or _by_word_after(atom, text)
        or _by_word_before(atom, text, word)
        or _carried_on(atom, text, previous)
    )
    if change is not None:
        direction, is_delta = change
        # a factor is never the size of a change: rose fivefold ends at five times the start;
        # nor a level a bound says is reached: could climb as high as 40C
        delta = is_delta and atom.kind != "multiple" and not _level_bound(atom)
        atom.change, atom.is_delta = direction, delta


def _level_bound(atom: Atom) -> bool:
    """True for a bound that states a level reached: ``as high as``, ``as low as``."""
    qualifier = atom.qualifier
    return qualifier is not None and " ".join(qualifier.lower().split()) in _level_bounds()


@cache
def _level_bounds() -> frozenset[str]:
    """The phrases of ``[level_bound]``, lower-cased."""
    return frozenset(phrase.lower() for phrase in cue_words("level_bound"))


def _by_verb(atom: Atom, text: str, word: str | None) -> _Change | None:
    """``rose 5%``, ``rose by 5%`` (a delta), ``rose to 5%`` (a level).

    ``word`` is :func:`last_word` before the number, read back as far as the pattern reads.
    """
    if word is not None and word not in _verb_ends():
        return None
    match = behind(_patterns().verb, text, atom.start, _CHANGE_REACH)
    if match is None or not _verb_applies(match, atom):
        return None
    changes, n = change_words(), group_numbers(match.re)
    prep = match.group(n["prep"])
    return changes.verbs[fold(match.group(n["verb"]))], (
        prep is None or fold(prep) in changes.delta_prepositions
    )


def _verb_applies(match: regex.Match[str], atom: Atom) -> bool:
    """A neutral verb states no direction; ``up 4%`` states a change only of rates and money."""
    changes = change_words()
    verb = fold(match.group(group_numbers(match.re)["verb"]))
    if verb in changes.neutral:
        return False
    return verb not in changes.rates_only or atom.kind in ("percent", "money")


def _by_word_after(atom: Atom, text: str) -> _Change | None:
    """``a 5% rise``, ``134,500 more conscripts``: always a delta."""
    if not _word_may_follow(text, atom.end):
        return None
    match = ahead(_patterns().word_after, text, atom.end, _CHANGE_REACH)
    if match is None:
        return None
    changes, n = change_words(), group_numbers(match.re)
    more = match.group(n["more"])
    if more:
        return changes.more[fold(more)], True
    return changes.nouns[fold(match.group(n["noun"]))], True


def _by_word_before(atom: Atom, text: str, word: str | None) -> _Change | None:
    """``an additional 500 troops``: a delta.

    ``word`` is :func:`last_word` read back further than this pattern reads:
    where it is sure of a word that ends no phrase, no phrase ends in the
    shorter window either (a phrase ends where that word does and starts at a
    word boundary, so it would be the whole word); else the word is read again
    within the pattern's window.
    """
    if word is not None and word not in _more_before_ends():
        return None
    word = last_word(text, atom.start, max(0, atom.start - _MORE_BEFORE_REACH))
    if word is not None and word not in _more_before_ends():
        return None
    match = behind(_patterns().word_before, text, atom.start, _MORE_BEFORE_REACH)
    if match is None:
        return None
    return change_words().more_before[fold(match.group("more"))], True


def _carried_on(atom: Atom, text: str, previous: Atom | None) -> _Change | None:
    """``fell from 20% to 5%``: the second level of the previous number's change."""
    if previous is None or not previous.change or previous.is_delta:
        return None
    if text[previous.end : atom.start].strip().lower() not in change_words().next_level:
        return None
    return previous.change, False
