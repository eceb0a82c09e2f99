"""The word lists of ``data/claims.txt`` as lookup sets and pattern pieces, built once."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from numclaims._data import words

__all__ = ["ClaimWords", "alternation", "claim_words"]


class ClaimWords(NamedTuple):
    """The sections of ``claims.txt`` (see that file's header for each)."""

    assert_verbs: frozenset[str]
    inverted_verbs: frozenset[str]
    told_verbs: frozenset[str]
    according: tuple[str, ...]
    negation: tuple[str, ...]
    aux: frozenset[str]
    np_break: frozenset[str]
    np_end: frozenset[str]
    party_participles: frozenset[str]
    pronouns: frozenset[str]
    party_openers: frozenset[str]
    noun_determiners: frozenset[str]
    party_not_first: frozenset[str]
    relative: frozenset[str]
    manner: tuple[str, ...]
    hedges: tuple[str, ...]
    hedge_be: tuple[str, ...]
    hedge_participles: tuple[str, ...]
    hedge_participles_bare: tuple[str, ...]
    hedge_then_to: tuple[str, ...]
    conditional: tuple[str, ...]
    clause_after_comma: tuple[str, ...]
    clause_words: tuple[str, ...]
    opening_filler: frozenset[str]
    time_prepositions: tuple[str, ...]
    time_units: tuple[str, ...]
    time_relative: tuple[str, ...]
    time_parts: tuple[str, ...]
    time_edges: tuple[str, ...]
    time_words: tuple[str, ...]
    time_counts: tuple[str, ...]
    time_after: tuple[str, ...]
    time_events: tuple[str, ...]
    event_prepositions: tuple[str, ...]
    span_prepositions: tuple[str, ...]
    manner_nouns: tuple[str, ...]
    verbs_to: frozenset[str]
    not_hedge_before: frozenset[str]
    base: tuple[str, ...]
    superlatives: tuple[str, ...]
    count_verbs: frozenset[str]
    figure_verbs: frozenset[str]
    figure_at: tuple[str, ...]
    passive_verbs: tuple[str, ...]
    agent: tuple[str, ...]
    quote_verbs: tuple[str, ...]
    quote_as: tuple[str, ...]
    relay_verbs: tuple[str, ...]
    time_modifiers: tuple[str, ...]
    time_approx: tuple[str, ...]
    year_owners: frozenset[str]
    since: tuple[str, ...]
    past_irregular: frozenset[str]


def _lower(section: str) -> frozenset[str]:
    return frozenset(w.lower() for w in words("claims", section))


def _list(section: str) -> tuple[str, ...]:
    return words("claims", section)


@cache
def claim_words() -> ClaimWords:
    """The sections of ``data/claims.txt``; lookup sets are lower-cased.

    The verbs of saying include those of counting and of putting a figure,
    which :mod:`.sources` reads only in their own frame.
    """
    return ClaimWords(
        assert_verbs=_lower("assert_verb") | _lower("count_verb") | _lower("figure_verb"),
        inverted_verbs=_lower("inverted_verb"),
        told_verbs=_lower("told_verb"),
        according=_list("according"),
        negation=_list("negation"),
        aux=_lower("aux"),
        np_break=_lower("np_break"),
        np_end=_lower("np_end") | _lower("party_participle"),
        party_participles=_lower("party_participle"),
        pronouns=_lower("pronoun"),
        party_openers=_lower("party_opener"),
        noun_determiners=_lower("noun_determiner"),
        party_not_first=_lower("party_not_first"),
        relative=_lower("relative"),
        manner=_list("manner"),
        hedges=_list("hedge"),
        hedge_be=_list("hedge_be"),
        hedge_participles=_list("hedge_participle"),
        hedge_participles_bare=_list("hedge_participle_bare"),
        hedge_then_to=_list("hedge_then_to"),
        conditional=_list("conditional"),
        clause_after_comma=_list("clause_after_comma"),
        clause_words=_list("clause_word"),
        opening_filler=_lower("opening_filler"),
        time_prepositions=_list("time_preposition"),
        time_units=_list("time_unit"),
        time_relative=_list("time_relative"),
        time_parts=_list("time_part"),
        time_edges=_list("time_edge"),
        time_words=_list("time_word"),
        time_counts=_list("time_count"),
        time_after=_list("time_after"),
        time_events=_list("time_event"),
        event_prepositions=_list("event_preposition"),
        span_prepositions=_list("span_preposition"),
        manner_nouns=_list("manner_noun"),
        verbs_to=_lower("verb_to"),
        not_hedge_before=_lower("not_hedge_before"),
        base=_list("base"),
        superlatives=_list("superlative"),
        count_verbs=_lower("count_verb"),
        figure_verbs=_lower("figure_verb"),
        figure_at=_list("figure_at"),
        passive_verbs=_list("passive_verb"),
        agent=_list("agent"),
        quote_verbs=_list("quote_verb"),
        quote_as=_list("quote_as"),
        relay_verbs=_list("relay_verb"),
        time_modifiers=_list("time_modifier"),
        time_approx=_list("time_approx"),
        year_owners=_lower("year_owner"),
        since=_list("since"),
        past_irregular=_lower("past_irregular"),
    )


def alternation(surfaces: tuple[str, ...] | frozenset[str]) -> str:
    """A non-capturing group of ``surfaces`` as a tree of shared prefixes, spaces as any
    run of spaces; a longer surface is tried before a shorter one it extends.

    >>> alternation(("so far", "so", "say"))
    '(?:s(?:ay|o(?:\\\\s+far)?))'

    The stdlib engine tries the branches of a flat ``so|say|...`` one by one
    at every word; nested by prefix, it reads each letter once.
    """
    return "(?:" + _trie(sorted(set(surfaces))) + ")"


def _trie(surfaces: list[str]) -> str:
    branches: dict[str, list[str]] = {}
    whole = False
    for surface in surfaces:
        if surface:
            branches.setdefault(surface[0], []).append(surface[1:])
        else:
            whole = True
    parts = []
    for first, rest in branches.items():
        head = r"\s+" if first.isspace() else re.escape(first)
        if first.isspace():  # a run of spaces is one space
            rest = [r.lstrip() for r in rest]
        parts.append(head + _trie(rest))
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if whole else body
