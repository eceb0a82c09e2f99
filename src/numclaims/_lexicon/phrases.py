"""The tables of the phrases around a number: composites and ranges, bounds, changes."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple, cast, get_args

from numclaims._data import words
from numclaims._lexicon._base import folded_set, invert, lower_set, read_section
from numclaims.models import Bound

__all__ = [
    "BoundPhrases",
    "ChangeWords",
    "MergeWords",
    "bound_phrases",
    "change_words",
    "merge_words",
]


class MergeWords(NamedTuple):
    """What joins two numbers into one quantity (``merge.txt``)."""

    composites: dict[str, str]  # larger pint unit -> the smaller one that may follow it
    composite_links: tuple[str, ...]  # 5 ft, 10 in; 5 ft and 10 in
    connectors: dict[str, str]  # surface (case-folded) -> its part: dash, to, through, and
    openers: dict[str, str]  # surface (case-folded) -> its part: between, from
    contest_before: tuple[str, ...]  # won 3-2
    contest_after: tuple[str, ...]  # a 3-2 win
    plus_minus: tuple[str, ...]  # 5.2 ± 0.3 mm: a value and its uncertainty
    composite_readings: dict[str, str]  # the m of 2h 30m -> minute


@cache
def merge_words() -> MergeWords:
    """The composites, range connectors and openers, and contest words of ``merge.txt``."""
    return MergeWords(
        invert(read_section("merge", "composite"), folded=False),
        words("merge", "composite_link"),
        invert(read_section("merge", "connector"), folded=True),
        invert(read_section("merge", "opener"), folded=True),
        words("merge", "contest_before"),
        words("merge", "contest_after"),
        words("merge", "plus_minus"),
        invert(read_section("merge", "composite_reading"), folded=False),
    )


class BoundPhrases(NamedTuple):
    """Bound phrases (case-folded) -> bound, and the words that decide ``over``/``under``."""

    before: dict[str, Bound]  # up to 647
    after: dict[str, Bound]  # 10 or more
    spans_time: frozenset[str]  # invested over 20 years: may span a duration, not bound it
    bounds_time: frozenset[str]  # for over 20 years: after these words, they bound it


@cache
def bound_phrases() -> BoundPhrases:
    """The phrases and word sets of ``bounds.txt``."""

    def table(section: str) -> dict[str, Bound]:
        phrases = invert(read_section("bounds", section), folded=True)
        return {phrase: _bound(key) for phrase, key in phrases.items()}

    return BoundPhrases(
        table("before"),
        table("after"),
        folded_set(words("bounds", "spans_time")),
        lower_set(words("bounds", "bounds_time")),
    )


def _bound(key: str) -> Bound:
    """A key of ``bounds.txt``, checked to be one of the bounds of the public model."""
    if key not in get_args(Bound):
        raise ValueError(f"bounds.txt: {key!r} is no bound of numclaims.models.Bound")
    return cast(Bound, key)


class ChangeWords(NamedTuple):
    """Change vocabulary (case-folded) -> "increase" or "decrease", and the words around it."""

    verbs: dict[str, str]  # rose 5%
    nouns: dict[str, str]  # a 5% rise
    more: dict[str, str]  # 500 more troops
    neutral: frozenset[str]  # revised from 0.1% to 0.2%: a change with no direction
    delta_prepositions: frozenset[str]  # rose by 5%: the size of the change
    level_prepositions: frozenset[str]  # rose to 5%: the new level
    fillers: tuple[str, ...]  # rose by nearly 5%
    rates_only: frozenset[str]  # up 4%: a change only of percents and money
    comparison: tuple[str, ...]  # 5 more than: a comparison, not a change
    more_before: dict[str, str]  # an additional 500 troops
    next_level: frozenset[str]  # fell from 20% to 5%


@cache
def change_words() -> ChangeWords:
    """The change words of ``changes.txt``."""
    return ChangeWords(
        verbs=invert(read_section("changes", "verb"), folded=True),
        nouns=invert(read_section("changes", "noun"), folded=True),
        more=invert(read_section("changes", "more"), folded=True),
        neutral=frozenset(words("changes", "neutral")),
        delta_prepositions=folded_set(words("changes", "delta_preposition")),
        level_prepositions=folded_set(words("changes", "level_preposition")),
        fillers=words("changes", "filler"),
        rates_only=folded_set(words("changes", "rates_only")),
        comparison=words("changes", "comparison"),
        more_before=invert(read_section("changes", "more_before"), folded=True),
        next_level=lower_set(words("changes", "next_level")),
    )
