"""Stage 7: the change a clause states about a quantity.

``read_change`` reads ``rose 5%``, ``fell to 3%``, ``a 5% rise`` and
``134,500 more conscripts`` into ``change`` and ``is_delta``.

Every pattern here is anchored at the quantity and scans a bounded window,
so the stage stays linear in the text.
"""

from __future__ import annotations

from functools import cache

import regex

from numclaims._bounds import last_word
from numclaims._lexicon import change_words, fold
from numclaims._scan import Atom

__all__ = ["change_before", "delta_before", "read_change"]

_WINDOW = 48

#: Between a change verb and its number: ``rose by``, ``fell to``, ``cut from``.
_CHANGE_PREPOSITIONS = ("by", "to", "from")
#: Words that may stand between the verb and the number: ``rose by nearly 5%``.
_CHANGE_FILLERS = (
    "a",
    "an",
    "some",
    "another",
    "further",
    "just",
    "only",
    "nearly",
    "almost",
    "about",
    "around",
)


@cache
def _change_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    changes = change_words()
    verb = regex.compile(
        r"(?r)\b(?i:(?P<verb>\L<verbs>))(?:[\ \u00a0]+(?i:(?P<prep>\L<preps>)))?"
        r"(?:[\ \u00a0]+(?i:\L<fillers>))?[\ \u00a0]+",
        verbs=[*changes.verbs, *changes.neutral],
        preps=list(_CHANGE_PREPOSITIONS),
        fillers=list(_CHANGE_FILLERS),
    )
    after = regex.compile(
        r"[\ \u00a0]+(?i:(?P<more>\L<more>)\b(?![\ \u00a0]+than)|(?P<noun>\L<nouns>)\b)",
        more=list(changes.more),
        nouns=list(changes.nouns),
    )
    before = regex.compile(
        r"(?r)\b(?i:(?P<more>additional|another|further|extra))[\ \u00a0]+",
    )
    return verb, after, before


@cache
def _verb_ends() -> frozenset[str]:
    """The words a change phrase before a number can end with (``rose``, ``by``, ``nearly``)."""
    changes = change_words()
    phrases = [*changes.verbs, *changes.neutral, *_CHANGE_PREPOSITIONS, *_CHANGE_FILLERS]
    return frozenset(phrase.split()[-1].lower() for phrase in phrases)


def _verb_applies(match: regex.Match[str], atom: Atom) -> bool:
    """``up``/``down`` state a change only of rates and money (``shares were up 5%``)."""
    verb = fold(match.group("verb"))
    if verb in change_words().neutral:
        return False
    return verb not in ("up", "down") or atom.kind in ("percent", "money")


def change_before(text: str, pos: int) -> bool:
    verb, _, _ = _change_patterns()
    match = verb.match(text, max(0, pos - _WINDOW), pos)
    return match is not None and match.end() == pos


_BY = regex.compile(r"(?r)\b(?i:by)[\ \u00a0]+$")


def delta_before(text: str, pos: int) -> bool:
    """True where ``by`` ends at ``pos``: ``by 5 cents to 52 cents`` states a change."""
    return _BY.match(text, max(0, pos - 8), pos) is not None


def read_change(atom: Atom, text: str, previous: Atom | None) -> None:
    """Read the change the clause states about ``atom`` into change and is_delta."""
    verb, after, before = _change_patterns()
    changes = change_words()
    lo = max(0, atom.start - _WINDOW)
    word = last_word(text, atom.start, lo)
    match = verb.match(text, lo, atom.start) if word is None or word in _verb_ends() else None
    if match is not None and match.end() == atom.start and _verb_applies(match, atom):
        atom.change = changes.verbs[fold(match.group("verb"))]
        atom.is_delta = (match.group("prep") or "by").lower() == "by"
        return
    match = after.match(text, atom.end, atom.end + _WINDOW)
    if match is not None:
        word = fold(match.group("more") or match.group("noun"))
        atom.change = changes.more[word] if match.group("more") else changes.nouns[word]
        atom.is_delta = True
        return
    match = before.match(text, max(0, atom.start - 16), atom.start)
    if match is not None and match.end() == atom.start:
        atom.change, atom.is_delta = "increase", True
        return
    if previous is not None and previous.change and not previous.is_delta:
        gap = text[previous.end : atom.start].strip().lower()
        if gap == "to":  # fell from 20% to 5%
            atom.change, atom.is_delta = previous.change, False
