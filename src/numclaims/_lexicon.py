"""Turn the vocabulary files into the lookup tables the stages use.

Each table is built once, on first use, and cached; nothing here runs at
import time.  The tables are plain dicts and tuples keyed by lower-cased
surface where the vocabulary is case-insensitive.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType
from typing import NamedTuple, cast, get_args

from numclaims._data import load, words
from numclaims.models import Bound

__all__ = [
    "UnitSense",
    "bound_phrases",
    "change_words",
    "context_words",
    "cue_words",
    "currencies",
    "entity_words",
    "filter_words",
    "fold",
    "idioms",
    "label_words",
    "merge_words",
    "month_words",
    "number_words",
    "percent_units",
    "scale_words",
    "unit_surfaces",
    "vague_words",
]


def _section(name: str, section: str) -> dict[str, tuple[str, ...]]:
    return {e.key: e.surfaces for e in load(name) if e.section == section}


def fold(surface: str) -> str:
    """Case-fold ``surface`` the way the regex engine compares it.

    ``str.casefold`` turns ``İ`` into ``i`` plus a combining dot, which the
    engine's case-insensitive matching ignores; so does this.

    >>> fold("THOUSAND"), fold("thouſand"), fold("mİles")
    ('thousand', 'thousand', 'miles')
    """
    return surface.casefold().replace("\u0307", "")


def _invert(table: dict[str, tuple[str, ...]], *, folded: bool) -> dict[str, str]:
    """Map each surface (case-folded when ``folded``) to its key.

    Lookups fold the same way (``str.casefold``), so that any text the regex
    engine matches case-insensitively (``THOUSAND``, ``thouſand``) is found.
    """
    return {(fold(s) if folded else s): key for key, surfaces in table.items() for s in surfaces}


class NumberWords(NamedTuple):
    """Spelled-out number vocabulary, word -> value, per role."""

    units: dict[str, float]
    tens: dict[str, float]
    multipliers: dict[str, float]
    fractions: dict[str, float]


@cache
def number_words() -> NumberWords:
    """The number words of ``number_words.txt``."""

    def table(section: str) -> dict[str, float]:
        surfaces = _invert(_section("number_words", section), folded=True)
        return {surface: float(key) for surface, key in surfaces.items()}

    return NumberWords(table("unit"), table("tens"), table("multiplier"), table("fraction"))


class ScaleWords(NamedTuple):
    """Scale words (case-insensitive) and suffixes (case-sensitive) -> multiplier."""

    words: dict[str, float]
    suffixes: dict[str, float]
    money_suffixes: dict[str, float]


@cache
def scale_words() -> ScaleWords:
    """The scales of ``scales.txt``."""

    def table(section: str, *, folded: bool) -> dict[str, float]:
        surfaces = _invert(_section("scales", section), folded=folded)
        return {s: float(k) for s, k in surfaces.items()}

    return ScaleWords(
        table("word", folded=True),
        table("suffix", folded=False),
        table("money_suffix", folded=False),
    )


class Currencies(NamedTuple):
    """Currency surfaces -> ISO 4217 code, per position."""

    symbols: dict[str, str]
    codes: dict[str, str]
    names: dict[str, str]
    minor: dict[str, str]
    scaled_names: dict[str, str]
    symbols_after: dict[str, str]  # the symbols also written after a number (5€)


@cache
def currencies() -> Currencies:
    """The currencies of ``currencies.txt``; names and minor units case-folded."""
    return Currencies(
        _invert(_section("currencies", "symbol"), folded=False),
        _invert(_section("currencies", "code"), folded=False),
        _invert(_section("currencies", "name"), folded=True),
        _invert(_section("currencies", "minor"), folded=True),
        _invert(_section("currencies", "scaled_name"), folded=True),
        _invert(_section("currencies", "symbol_after"), folded=False),
    )


@cache
def percent_units() -> dict[str, str]:
    """Percent surface (case-folded) -> percent, percentage_point or basis_point."""
    return _invert(_section("percent", ""), folded=True)


class UnitSense(NamedTuple):
    """What a unit surface means and where it may stand."""

    unit: str
    dimension: str
    where: str  # "any", "glued" or "composite"


@cache
def unit_surfaces() -> tuple[dict[str, UnitSense], dict[str, UnitSense]]:
    """Unit surfaces split into (case-sensitive, case-folded) maps.

    A surface that is a lower-case word of three or more letters matches in
    any case; every other surface must match exactly.
    """
    exact: dict[str, UnitSense] = {}
    folded: dict[str, UnitSense] = {}
    for entry in load("units"):
        if entry.section == "per":
            continue
        where = entry.section if entry.section in ("glued", "composite") else "any"
        for surface in entry.surfaces:
            sense = UnitSense(entry.key, entry.section, where)
            if is_folded_surface(surface):
                folded[surface] = sense
            else:
                exact[surface] = sense
    return exact, folded


@cache
def per_units() -> dict[str, str]:
    """Surfaces a rate may divide by (``per hour``, ``a day``) -> pint unit."""
    return {s: e.key for e in load("units") if e.section == "per" for s in e.surfaces}


def is_folded_surface(surface: str) -> bool:
    """True for a surface matched in any case: a lower-case word of 3+ letters.

    >>> is_folded_surface("metres"), is_folded_surface("mm"), is_folded_surface("kWh")
    (True, False, False)
    """
    letters = surface.replace(" ", "").replace("-", "")
    return len(letters) >= 3 and letters.isalpha() and surface == surface.lower()


class MergeWords(NamedTuple):
    """What joins two numbers into one quantity (``merge.txt``)."""

    composites: dict[str, str]  # larger pint unit -> the smaller one that may follow it
    composite_links: tuple[str, ...]  # 5 ft, 10 in; 5 ft and 10 in
    connectors: dict[str, str]  # surface (case-folded) -> its part: dash, to, through, and
    openers: dict[str, str]  # surface (case-folded) -> its part: between, from
    contest_before: tuple[str, ...]  # won 3-2
    contest_after: tuple[str, ...]  # a 3-2 win


@cache
def merge_words() -> MergeWords:
    """The composites, range connectors and openers, and contest words of ``merge.txt``."""
    return MergeWords(
        _invert(_section("merge", "composite"), folded=False),
        words("merge", "composite_link"),
        _invert(_section("merge", "connector"), folded=True),
        _invert(_section("merge", "opener"), folded=True),
        words("merge", "contest_before"),
        words("merge", "contest_after"),
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
        phrases = _invert(_section("bounds", section), folded=True)
        return {phrase: _bound(key) for phrase, key in phrases.items()}

    return BoundPhrases(
        table("before"),
        table("after"),
        _folded(words("bounds", "spans_time")),
        _lower(words("bounds", "bounds_time")),
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
        verbs=_invert(_section("changes", "verb"), folded=True),
        nouns=_invert(_section("changes", "noun"), folded=True),
        more=_invert(_section("changes", "more"), folded=True),
        neutral=frozenset(words("changes", "neutral")),
        delta_prepositions=_folded(words("changes", "delta_preposition")),
        level_prepositions=_folded(words("changes", "level_preposition")),
        fillers=words("changes", "filler"),
        rates_only=_folded(words("changes", "rates_only")),
        comparison=words("changes", "comparison"),
        more_before=_invert(_section("changes", "more_before"), folded=True),
        next_level=_lower(words("changes", "next_level")),
    )


class EntityWords(NamedTuple):
    """Closed-class words that shape an entity noun phrase."""

    stop: frozenset[str]
    skip: tuple[str, ...]
    not_entity: frozenset[str]
    verbs: frozenset[str]  # auxiliaries and verbs that are never nouns
    ambiguous_verbs: frozenset[str]  # verbs that are also plural nouns (costs, rises)
    ing_nouns: frozenset[str]
    determiners: frozenset[str]  # determiners and pronouns: what starts an object
    participles: frozenset[str]  # irregular past participles (paid, sold)
    object_starts: frozenset[str]  # words that open an object: up (to), about
    ly_adjectives: frozenset[str]  # -ly words inside a noun phrase: monthly wage
    premodifiers: frozenset[str]  # size words and comparatives that may open one: Short sellers
    adverbs: frozenset[str]  # now, also: a verb-or-noun after one is a verb
    auxiliaries: frozenset[str]  # can, is: a word in -ed after one is a verb
    ed_nouns: frozenset[str]  # nouns in -ed: top speed
    restated: tuple[str, ...]  # phrases before a value restated for comparison: up from
    purpose: Mapping[str, frozenset[str]]  # preposition -> verbs: spent ... on transfers
    not_purpose: frozenset[str]  # nouns after that preposition that name a time: the quarter
    not_linked: frozenset[str]  # nouns before `of` that name a change: an increase of
    manner: frozenset[str]  # how fast: at an annual pace of
    quantity_nouns: frozenset[str]  # the number of people -> people
    away: frozenset[str]  # after a distance from somewhere: 15 miles away
    of_links: tuple[str, ...]  # what links a noun to the number after it: revenue of
    count_words: tuple[str, ...]  # number words that count a whole: 3 of the five boats
    age_markers: frozenset[str]  # between a person and their age: men aged 25
    clause_conjunctions: frozenset[str]  # part of a boundary after a comma: , and imports
    subordinators: frozenset[str]  # open a subordinate clause: while, that
    reporting_verbs: frozenset[str]  # report a clause: said (that)
    clause_joiners: frozenset[str]  # open a clause before a subject opener: after the river
    subject_openers: frozenset[str]  # the determiners that open that subject: the, its
    relative_openers: frozenset[str]  # describe the noun before a comma: , which costs
    relative_asides: frozenset[str]  # open an aside after a subject: , which strips out
    participle_links: frozenset[str]  # after a participle that describes: , valued at
    copulas: frozenset[str]  # forms of be that share the subject: , is 2.1 m tall
    coordinators: frozenset[str]  # join a verb that shares the subject: , and costs
    verb_after: frozenset[str]  # a verb-or-noun after one is a verb: and costs
    appositive_changes: frozenset[str]  # a clause that states a change: , up 5%
    adjective_endings: tuple[str, ...]  # endings of adjectives: armoured, national
    nationality_endings: tuple[str, ...]  # endings of nationality adjectives: Russian
    singular_endings: tuple[str, ...]  # endings in -s of no plural: glass, bonus


@cache
def entity_words() -> EntityWords:
    """The word classes of ``entity_words.txt``, case-folded, each built by name."""
    classes = _section("entity_words", "stop")
    verbs = _lower(classes["auxiliary"]) | _lower(classes["verb"])
    changes = frozenset(change_words().verbs)
    past = frozenset(w for w in changes if w.endswith("ed"))
    participles = frozenset(words("entity_words", "participle"))
    ambiguous = frozenset(words("entity_words", "ambiguous_verb")) | (
        changes - past - verbs - participles
    )
    purpose = _section("entity_words", "purpose")
    return EntityWords(
        stop=frozenset(w.lower() for ws in classes.values() for w in ws),
        skip=words("entity_words", "skip"),
        not_entity=frozenset(words("entity_words", "not_entity")),
        verbs=verbs | past,
        ambiguous_verbs=ambiguous - {"up", "down"},
        ing_nouns=frozenset(words("entity_words", "ing_noun")),
        determiners=_lower(classes["determiner"]) | _lower(classes["pronoun"]),
        participles=participles,
        object_starts=_words("object_start"),
        ly_adjectives=_words("ly_adjective"),
        premodifiers=_lower(classes["comparative"]) | _lower(classes["gradable"]),
        adverbs=_lower(classes["adverb"]),
        auxiliaries=_lower(classes["auxiliary"]),
        ed_nouns=_words("ed_noun"),
        restated=tuple(w.lower() for w in words("entity_words", "restated")),
        purpose=MappingProxyType({k: _lower(ws) for k, ws in purpose.items() if k != "not_after"}),
        not_purpose=_lower(purpose["not_after"]),
        not_linked=_words("not_linked"),
        manner=_words("manner"),
        quantity_nouns=_words("quantity_noun"),
        away=_words("away"),
        of_links=_ordered("of_link"),
        count_words=_ordered("count_word"),
        age_markers=_words("age_marker"),
        clause_conjunctions=_words("clause_conjunction"),
        subordinators=_words("subordinator"),
        reporting_verbs=_words("reporting_verb"),
        clause_joiners=_words("clause_joiner"),
        subject_openers=_words("subject_opener"),
        relative_openers=_words("relative_opener"),
        relative_asides=_words("relative_aside"),
        participle_links=_words("participle_link"),
        copulas=_words("copula"),
        coordinators=_words("coordinator"),
        verb_after=_words("verb_after"),
        appositive_changes=_words("appositive_change"),
        adjective_endings=_ordered("adjective_ending"),
        nationality_endings=_ordered("nationality_ending"),
        singular_endings=_ordered("singular_ending"),
    )


def _folded(surfaces: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in surfaces)


def _lower(surfaces: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in surfaces)


def _words(section: str) -> frozenset[str]:
    """The plain list of a section of ``entity_words.txt``, lower-cased."""
    return _lower(words("entity_words", section))


def _ordered(section: str) -> tuple[str, ...]:
    """The plain list of a section of ``entity_words.txt``, lower-cased, in file order."""
    return tuple(w.lower() for w in words("entity_words", section))


@cache
def label_words() -> frozenset[str]:
    """Words that make the number after them a name (``page 12``), case-folded."""
    return _lower(words("non_quantities", "label"))


@cache
def month_words() -> frozenset[str]:
    """Month and weekday names, as written (capitalised), with and without a dot."""
    names = words("non_quantities", "month") + words("non_quantities", "weekday")
    return frozenset(w[:1].upper() + w[1:] for w in names)


@cache
def idioms() -> tuple[str, ...]:
    """Phrases of ``non_quantities.txt`` in which a number word counts nothing."""
    return words("non_quantities", "idiom")


@cache
def context_words() -> dict[str, frozenset[str]]:
    """Context word sets of ``non_quantities.txt``: year_before, one_after, one_before."""
    return {k: frozenset(v) for k, v in _section("non_quantities", "context").items()}


class FilterWords(NamedTuple):
    """The word lists of ``non_quantities.txt`` that the filters build patterns from, as written."""

    time_suffixes: tuple[str, ...]  # 9 am, 10 o'clock
    time_zones: tuple[str, ...]  # 9 GMT
    minutes_past: tuple[str, ...]  # half past 6
    streets: tuple[str, ...]  # 10 Downing Street
    streets_first: tuple[str, ...]  # 14 Rue de Rivoli
    votes_to: tuple[str, ...]  # 320 votes to 295
    runs_for: tuple[str, ...]  # 455 for 6
    list_joiners: tuple[str, ...]  # junctions 10 and 11
    counted_alone: frozenset[str]  # for a fortnight (pint unit names)
    extra: tuple[str, ...]  # an extra week
    ordinal_suffixes: tuple[str, ...]  # 3rd May
    date_span_joiners: tuple[str, ...]  # 12 to 14 June


@cache
def filter_words() -> FilterWords:
    """The pattern words of ``non_quantities.txt``, each list by its section's name."""

    def plain(section: str) -> tuple[str, ...]:
        return words("non_quantities", section)

    score = _section("non_quantities", "score")
    return FilterWords(
        time_suffixes=plain("time_suffix"),
        time_zones=plain("time_zone"),
        minutes_past=plain("minutes_past"),
        streets=plain("street"),
        streets_first=plain("street_first"),
        votes_to=score["votes_to"],
        runs_for=score["runs_for"],
        list_joiners=plain("list_joiner"),
        counted_alone=frozenset(plain("counted_alone")),
        extra=plain("extra"),
        ordinal_suffixes=plain("ordinal_suffix"),
        date_span_joiners=plain("date_span_joiner"),
    )


def _range(key: str) -> tuple[float, float]:
    """``"2 to 9"`` -> ``(2.0, 9.0)``."""
    low, _, high = key.partition(" to ")
    return float(low), float(high)


class VagueWords(NamedTuple):
    """The vague amounts of ``vague.txt``: surface (case-folded) -> the range it counts."""

    counts: dict[str, tuple[float, float]]  # a couple, several: before a scale word
    scales: tuple[str, ...]  # the scale words a count may come before
    plurals: dict[str, tuple[float, float]]  # hundreds (of), hundreds (of thousands)
    tens: dict[str, tuple[float, float]]  # tens (of thousands)


@cache
def vague_words() -> VagueWords:
    """The vague amounts of ``vague.txt``."""

    def ranges(section: str) -> dict[str, tuple[float, float]]:
        surfaces = _invert(_section("vague", section), folded=True)
        return {surface: _range(key) for surface, key in surfaces.items()}

    return VagueWords(ranges("count"), words("vague", "scale"), ranges("plural"), ranges("tens"))


@cache
def cue_words(section: str) -> tuple[str, ...]:
    """The cue words of ``[section]`` of ``cues.txt``, as written.

    >>> cue_words("negative")
    ('minus', 'negative')
    """
    return words("cues", section)
