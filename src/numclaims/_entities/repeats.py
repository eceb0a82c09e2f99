"""Values that repeat another value's noun and name no thing of their own (stage 8).

A value given again for an owner or another group (``2.31 million votes to
her challenger's 2.18 million``, ``costs $320 for adults and $160 for
children``) and a bare count after a count with its noun (``open 40 stores
and close 25``) count the noun said before; the corpus gives them
no entity, as it does a value repeated without its noun.
"""

from __future__ import annotations

from functools import cache

import regex

from numclaims._entities.appositions import repeats_owner
from numclaims._entities.tokens import TextContext, previous_word
from numclaims._lexicon import entity_words
from numclaims._scan import Atom
from numclaims._text import KEEP_GIL, SPACE, ahead, behind

__all__ = ["repeats_noun"]

#: How far after a count with its noun a bare count may repeat it, within a sentence.
_REPEAT_REACH = 120
#: Marks that end a sentence before a space: no count repeats a noun across them.
_SENTENCE_ENDS = regex.compile(r"[.!?]\s")
#: How far before a repeated value its first value, group and joiner may reach.
_GROUP_REACH = 80
_GROUP_LINK_REACH = 10


def repeats_noun(atom: Atom, context: TextContext) -> bool:
    """True for a value that repeats the noun of a value before it and names none of its own.

    ``2.31 million votes to her challenger's 2.18 million``, ``costs $320 for
    adults and $160 for children``, ``open 40 stores and close 25``.
    """
    if atom.kind == "number" and repeats_owner(context.text, atom.start):
        return True
    if _for_another_group(atom, context.text):
        return True
    return atom.kind == "number" and _count_repeated(atom, context)


def _count_repeated(atom: Atom, context: TextContext) -> bool:
    """True for a bare count after a verb, past a count with its noun in the same sentence.

    ``open 40 stores and close 25``, ``arrested 14 men and charged 9``: the
    second count counts the first one's noun, left unsaid.  Only right after
    a verb of doing that is no closed-class word: after a form of ``be``, a
    change (``rose to 40``), a verb that states a size (``reached 80,000``),
    a preposition (``a target of 150,000``) or ``or`` (``, or roughly 112,000
    a day``) it is read as ever.
    """
    last = context.last
    if last is None or last[1] is None or last[1][0] < last[0]:
        return False  # no count before with its noun after it
    text = context.text
    if atom.start - last[0] > _REPEAT_REACH:
        return False
    if _SENTENCE_ENDS.search(text, last[0], atom.start, KEEP_GIL) is not None:
        return False
    before = previous_word(text, atom.start)
    words = entity_words()
    if text[last[1][0] : last[1][1]].lower() in words.scale_nouns:
        return False  # gained 1,200 points to close above 74,000: a level, not points
    return (
        atom.change is None
        and before.isalpha()
        and before not in words.stop
        and before not in words.statives
        and before not in words.averages
    )


def _for_another_group(atom: Atom, text: str) -> bool:
    """True for a value repeated for another group, after one given for a first.

    ``costs $320 for adults and $160 for children``, ``14,990 roubles in Russia
    and ¥128,800 in Japan``: the second names no thing of its own, as a value
    repeated without its noun.
    """
    groups = _group_patterns()
    return (
        ahead(groups[1], text, atom.end, _GROUP_LINK_REACH) is not None
        and behind(groups[0], text, atom.start, _GROUP_REACH) is not None
    )


@cache
def _group_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A first value given for a group and a joiner; the link of a group after a value."""
    words = entity_words()
    links = sorted(words.group_links)
    before = regex.compile(
        rf"""(?r)
        \d [\d.,]* \S* (?: {SPACE}+ [A-Za-z]+ )?         # a first value, maybe its unit word
        {SPACE}+ (?i: \L<links> ) {SPACE}+                # for, in, among
        (?: [\w'’-]+ {SPACE}+ ){{1,5}}                    # the first group
        \L<joiners> {SPACE}+                              # and, but, while
        (?: \L<adverbs> {SPACE}+ )? $                     # only, just; then the value
        """,
        regex.VERBOSE,
        links=links,
        joiners=sorted(words.group_joiners),
        adverbs=sorted(words.group_adverbs),
    )
    after = regex.compile(rf"{SPACE}+ (?i: \L<links> ) {SPACE}", regex.VERBOSE, links=links)
    return before, after
