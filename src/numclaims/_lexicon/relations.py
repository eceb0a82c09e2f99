"""The tables of ``relations.txt``: what a rate of money is counted per, ratios, multiples."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from numclaims._data import words
from numclaims._lexicon._base import folded_set, invert, read_section

__all__ = ["RelationWords", "relation_words"]


class RelationWords(NamedTuple):
    """The words of ``relations.txt``, case-folded."""

    per_nouns: dict[str, str]  # surface -> the noun Quantity.per holds (capita -> person)
    not_rate: tuple[str, ...]  # a week earlier: a time, not a rate
    rate_after: tuple[str, ...]  # but £23,800 a year before tax: a rate
    ratio: dict[str, str]  # connector -> its kind: in, of, out of, for
    slash_cues: tuple[str, ...]  # 18/43 shooting
    multiple_verbs: dict[str, float]  # doubled -> 2.0, halved -> 0.5
    multiple_words: dict[str, float]  # twice -> 2.0, triple -> 3.0: before a comparison
    times: frozenset[str]  # six times, tenfold, 2x
    comparison: frozenset[str]  # six times larger; and the bases of multiple_bases
    multiple_bases: frozenset[str]  # 0.7 times book value: the subject's, not the base's
    readings: frozenset[str]  # pint units of two readings: 140/90 mmHg


@cache
def relation_words() -> RelationWords:
    """The tables of ``relations.txt``, built once."""
    verbs = invert(read_section("relations", "multiple_verb"), folded=True)
    multiples = invert(read_section("relations", "multiple_word"), folded=True)
    bases = folded_set(words("relations", "multiple_base"))
    return RelationWords(
        invert(read_section("relations", "per_noun"), folded=True),
        words("relations", "not_rate"),
        words("relations", "rate_after"),
        invert(read_section("relations", "ratio"), folded=True),
        words("relations", "slash_cue"),
        {surface: float(factor) for surface, factor in verbs.items()},
        {surface: float(factor) for surface, factor in multiples.items()},
        folded_set(words("relations", "times")),
        folded_set(words("relations", "comparison")) | bases,
        bases,
        frozenset(words("relations", "reading")),
    )
