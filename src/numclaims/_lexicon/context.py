"""The tables of the words that shape a claim's context: entity word classes, non-quantity words."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from numclaims._data import words
from numclaims._lexicon._base import lower_set, read_section
from numclaims._lexicon.phrases import change_words

__all__ = [
    "EntityWords",
    "FilterWords",
    "context_words",
    "entity_words",
    "filter_words",
    "idioms",
    "label_words",
    "month_words",
]


class EntityWords(NamedTuple):
    """Closed-class words that shape an entity noun phrase."""

    stop: frozenset[str]  # what ends an entity's noun phrase: [stop] and [entity_stop]
    closed: frozenset[str]  # the closed classes of [stop] alone, as the filters read them
    prepositions: frozenset[str]  # the prepositions of [stop] and [entity_stop]: during
    closed_determiners: frozenset[str]  # its determiners and pronouns alone, as _senses reads them
    skip: tuple[str, ...]
    not_entity: frozenset[str]
    verbs: frozenset[str]  # auxiliaries and verbs that are never nouns
    ambiguous_verbs: frozenset[str]  # verbs that are also plural nouns (costs, rises)
    ing_nouns: frozenset[str]
    determiners: frozenset[str]  # determiners and pronouns: what starts an object
    participles: frozenset[str]  # irregular past participles (paid, sold)
    object_starts: frozenset[str]  # words that open an object: up (to), about
    ly_adjectives: frozenset[str]  # -ly words inside a noun phrase: monthly wage
    ly_nouns: frozenset[str]  # nouns in -ly, no adverbs: oil supply
    directions: frozenset[str]  # adverbs that never open an entity: north, sideways
    modals: frozenset[str]  # a plain word after one is a verb: could fly
    list_trailers: frozenset[str]  # between a name in a list and its value: AMD up 3.4%
    statives: frozenset[str]  # state a size of the subject: stands 312 metres tall
    size_fillers: frozenset[str]  # between such a verb and the size: a record
    premodifiers: frozenset[str]  # size words and comparatives that may open one: Short sellers
    ordinals: frozenset[str]  # first, second: a phrase's first word after a determiner only
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
    away_before: frozenset[str]  # before a distance from somewhere: within 32,000 km of
    harmed: frozenset[str]  # after a count of people left unsaid: and 11 injured
    object_pronouns: frozenset[str]  # it, them: an object the clause does not name
    whole_openers: frozenset[str]  # of its last five games: before the count of a whole
    irregular_plurals: frozenset[str]  # people, children: plurals without an -s
    compound_heads: frozenset[str]  # net worth: a stop word that heads a noun after its first
    statistic_adjectives: frozenset[str]  # median, mean: before a noun, never a noun
    articles: frozenset[str]  # the, its: a word that may be a verb is a noun after one
    ending_nouns: frozenset[str]  # deal, total: nouns that end like an adjective
    temperature_settings: frozenset[str]  # before a temperature of nothing: roast at, feel like
    motions: frozenset[str]  # verbs of moving: advanced 5 km is how far, names nothing
    frequency: frozenset[str]  # after a count of how often: extended three times
    in_settings: frozenset[str]  # after `in` behind an amount, no thing: $200 in stores
    rate_settings: frozenset[str]  # after `in` behind a price per unit, no thing: in cash
    price_fronts: frozenset[str]  # opening a sentence before a price: At $1,299, the laptop
    group_fronts: frozenset[str]  # opening a sentence with a group: Of the 2,914 people surveyed,
    group_links: frozenset[str]  # for a group: $320 for adults and $160 for children
    group_joiners: frozenset[str]  # and, but: before a value repeated for another group
    group_adverbs: frozenset[str]  # only, just: between that joiner and the value
    mover_particles: frozenset[str]  # out, through: between a mover and its amount
    movers: frozenset[str]  # their subject moves an amount, and is not it: raised £600
    of_links: tuple[str, ...]  # what links a noun to the number after it: revenue of
    count_words: tuple[str, ...]  # number words that count a whole: 3 of the five boats
    age_markers: frozenset[str]  # between a person and their age: men aged 25
    clause_conjunctions: frozenset[str]  # part of a boundary after a comma: , and imports
    subordinators: frozenset[str]  # open a subordinate clause: while, that
    reporting_verbs: frozenset[str]  # report a clause: said (that)
    clause_joiners: frozenset[str]  # open a clause before a subject opener: after the river
    subject_openers: frozenset[str]  # the determiners that open that subject: the, its
    fronting: frozenset[str]  # a place or time before the subject: In London the rent
    relative_openers: frozenset[str]  # describe the noun before a comma: , which costs
    relative_asides: frozenset[str]  # open an aside after a subject: , which strips out
    participle_links: frozenset[str]  # after a participle that describes: , valued at
    copulas: frozenset[str]  # forms of be that share the subject: , is 2.1 m tall
    coordinators: frozenset[str]  # join a verb that shares the subject: , and costs
    verb_after: frozenset[str]  # a verb-or-noun after one is a verb: and costs
    appositive_changes: frozenset[str]  # a clause that states a change: , up 5%
    comparisons: frozenset[str]  # after a value that compares it: , about 50% more than
    qualifiers: frozenset[str]  # open a value set after its noun: bags over 23 kg
    plural_qualifiers: frozenset[str]  # of those, what qualifies only a plural: doses up to
    averages: frozenset[str]  # state a typical value of the subject, like a copula
    dimension_adjectives: frozenset[str]  # a path 22 miles long
    number_compounds: frozenset[str]  # one-off payment: kept in an entity
    poll_trailers: frozenset[str]  # between a name in a poll and its `on`: Greens ahead on 27%
    scale_nouns: frozenset[str]  # units of a scale, not the thing a restated change counts
    adjective_endings: tuple[str, ...]  # endings of adjectives: armoured, national
    nationality_endings: tuple[str, ...]  # endings of nationality adjectives: Russian
    singular_endings: tuple[str, ...]  # endings in -s of no plural: glass, bonus
    pronoun_wholes: frozenset[str]  # a whole after `of` that the value before stands for: of them
    buying_verbs: frozenset[str]  # their object before `for` is what an amount buys: buy X for
    forecasters: tuple[str, ...]  # who expects a value in a relative clause after it: analysts
    expectations: frozenset[str]  # what follows a forecaster there: had, expected
    change_objects: frozenset[str]  # after `dose cut`, make the change a verb: the, to
    poll_cues: frozenset[str]  # words of a poll: points beside a share are the subject's
    plan_nouns: frozenset[str]  # nouns before `to` and a value: its sales forecast to
    of_compounds: frozenset[str]  # nouns made with `of`: margin of error
    payer_verbs: frozenset[str]  # their object before an amount pays it: cost the airline
    participle_adjectives: frozenset[str]  # adjectives in -ed before a noun: adjusted earnings
    price_verbs: frozenset[str]  # a verb and the preposition of its price: sells for
    payee_verbs: frozenset[str]  # their object before an amount is who is paid: pays its staff
    payee_openers: frozenset[str]  # what opens that object: its, the, each
    received: frozenset[str]  # movers whose passive subject receives the amount: be paid
    predicates: frozenset[str]  # said of a thing, no noun before a mark or a stop: 62% complete
    label_times: frozenset[str]  # a time between a label and its colon: Grocery bill this week:
    extreme_nouns: frozenset[str]  # a day's extremes, nouns after a determiner: a low around 4C
    setting_verbs: frozenset[str]  # set a temperature before `to`: Set the thermostat to 19C


@cache
def entity_words() -> EntityWords:
    """The word classes of ``entity_words.txt``, case-folded, each built by name."""
    closed = read_section("entity_words", "stop")
    more = read_section("entity_words", "entity_stop")
    classes = {name: [*closed.get(name, []), *more.get(name, [])] for name in closed}
    verbs = lower_set(classes["auxiliary"]) | lower_set(classes["verb"])
    changes = frozenset(change_words().verbs)
    past = frozenset(w for w in changes if w.endswith("ed"))
    participles = frozenset(words("entity_words", "participle"))
    ambiguous = frozenset(words("entity_words", "ambiguous_verb")) | (
        changes - past - verbs - participles
    )
    purpose = read_section("entity_words", "purpose")
    groups = read_section("entity_words", "group_link")
    qualifiers = read_section("entity_words", "qualifier")
    return EntityWords(
        stop=frozenset(w.lower() for ws in classes.values() for w in ws),
        closed=frozenset(w.lower() for ws in closed.values() for w in ws),
        prepositions=lower_set(classes["preposition"]),
        closed_determiners=lower_set(closed["determiner"]) | lower_set(closed["pronoun"]),
        skip=words("entity_words", "skip"),
        not_entity=frozenset(words("entity_words", "not_entity")),
        verbs=verbs | past,
        ambiguous_verbs=ambiguous - {"up", "down"},
        ing_nouns=frozenset(words("entity_words", "ing_noun")),
        determiners=lower_set(classes["determiner"]) | lower_set(classes["pronoun"]),
        participles=participles,
        object_starts=_words("object_start"),
        ly_adjectives=_words("ly_adjective"),
        ly_nouns=_words("ly_noun"),
        directions=_words("direction"),
        modals=_words("modal"),
        list_trailers=_words("list_trailer"),
        statives=_words("stative") | _words("copula"),
        size_fillers=_words("size_filler"),
        premodifiers=lower_set(classes["comparative"])
        | lower_set(classes["gradable"])
        | lower_set(classes["premodifier"]),
        ordinals=lower_set(classes["ordinal"]),
        adverbs=lower_set(classes["adverb"]),
        auxiliaries=lower_set(classes["auxiliary"]),
        ed_nouns=_words("ed_noun"),
        restated=tuple(w.lower() for w in words("entity_words", "restated")),
        purpose=MappingProxyType(
            {k: lower_set(ws) for k, ws in purpose.items() if k != "not_after"}
        ),
        not_purpose=lower_set(purpose["not_after"]),
        not_linked=_words("not_linked"),
        manner=_words("manner"),
        quantity_nouns=_words("quantity_noun"),
        away=_words("away"),
        away_before=_words("away_before"),
        harmed=_words("harmed"),
        object_pronouns=_words("object_pronoun"),
        whole_openers=_words("whole_opener"),
        irregular_plurals=_words("irregular_plural"),
        compound_heads=_words("compound_head"),
        statistic_adjectives=_words("statistic_adjective"),
        articles=_words("article"),
        ending_nouns=_words("noun_with_adjective_ending"),
        temperature_settings=_words("temperature_setting"),
        motions=_words("motion"),
        frequency=_words("frequency"),
        in_settings=_words("in_setting"),
        rate_settings=_words("rate_setting"),
        price_fronts=_words("price_front"),
        group_fronts=_words("group_front"),
        group_links=lower_set(groups["link"]),
        group_joiners=lower_set(groups["joiner"]),
        group_adverbs=lower_set(groups["adverb"]),
        mover_particles=_words("mover_particle"),
        movers=_words("mover"),
        of_links=_ordered("of_link"),
        count_words=_ordered("count_word"),
        age_markers=_words("age_marker"),
        clause_conjunctions=_words("clause_conjunction"),
        subordinators=_words("subordinator"),
        reporting_verbs=_words("reporting_verb"),
        clause_joiners=_words("clause_joiner"),
        subject_openers=_words("subject_opener"),
        fronting=_words("fronting"),
        relative_openers=_words("relative_opener"),
        relative_asides=_words("relative_aside"),
        participle_links=_words("participle_link"),
        copulas=_words("copula"),
        coordinators=_words("coordinator"),
        verb_after=_words("verb_after"),
        appositive_changes=_words("appositive_change"),
        comparisons=_words("comparison"),
        qualifiers=lower_set(qualifiers["any"]) | lower_set(qualifiers["plural"]),
        plural_qualifiers=lower_set(qualifiers["plural"]),
        averages=_words("average"),
        dimension_adjectives=_words("dimension_adjective"),
        number_compounds=_words("number_compound"),
        poll_trailers=_words("poll_trailer"),
        scale_nouns=_words("scale_noun"),
        adjective_endings=_ordered("adjective_ending"),
        nationality_endings=_ordered("nationality_ending"),
        singular_endings=_ordered("singular_ending"),
        pronoun_wholes=_words("pronoun_whole"),
        buying_verbs=_words("buying_verb"),
        forecasters=tuple(f" {w.lower()}" for w in words("entity_words", "forecaster")),
        expectations=_words("expectation"),
        change_objects=_words("change_object"),
        poll_cues=_words("poll_cue"),
        plan_nouns=_words("plan_noun"),
        of_compounds=_words("of_compound"),
        payer_verbs=_words("payer_verb"),
        participle_adjectives=_words("participle_adjective"),
        price_verbs=_words("price_verb"),
        payee_verbs=_words("payee_verb"),
        payee_openers=_words("payee_opener"),
        received=_words("received"),
        predicates=_words("predicate"),
        label_times=_words("label_time"),
        extreme_nouns=_words("extreme_noun"),
        setting_verbs=_words("setting_verb"),
    )


def _words(section: str) -> frozenset[str]:
    """The plain list of a section of ``entity_words.txt``, lower-cased."""
    return lower_set(words("entity_words", section))


def _ordered(section: str) -> tuple[str, ...]:
    """The plain list of a section of ``entity_words.txt``, lower-cased, in file order."""
    return tuple(w.lower() for w in words("entity_words", section))


@cache
def label_words() -> frozenset[str]:
    """Words that make the number after them a name (``page 12``), case-folded."""
    return lower_set(words("non_quantities", "label"))


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
    return {k: frozenset(v) for k, v in read_section("non_quantities", "context").items()}


class FilterWords(NamedTuple):
    """The word lists of ``non_quantities.txt`` that the filters build patterns from, as written."""

    time_suffixes: tuple[str, ...]  # 9 am, 10 o'clock
    time_zones: tuple[str, ...]  # 9 GMT
    minutes_past: tuple[str, ...]  # half past 6
    streets: tuple[str, ...]  # 10 Downing Street
    streets_first: tuple[str, ...]  # 14 Rue de Rivoli
    votes_to: tuple[str, ...]  # 320 votes to 295
    runs_for: tuple[str, ...]  # 455 for 6
    vote_links: tuple[str, ...]  # a vote of 52 to 47
    vote_verbs: tuple[str, ...]  # voted 27 to 19
    list_joiners: tuple[str, ...]  # junctions 10 and 11
    counted_alone: frozenset[str]  # for a fortnight (pint unit names)
    extra: tuple[str, ...]  # an extra week
    time_ago: tuple[str, ...]  # a year ago, 3% more than a year earlier
    ordinal_suffixes: tuple[str, ...]  # 3rd May
    date_span_joiners: tuple[str, ...]  # 12 to 14 June
    street_directions: tuple[str, ...]  # 9 E 71st St
    model_after: frozenset[str]  # 787 Dreamliner, 13F filing
    hyphen_names: frozenset[str]  # a 3-pointer (lower-cased)
    version_after: frozenset[str]  # the 2.0 update (lower-cased)
    fuel_grades: Mapping[str, tuple[str, ...]]  # RON -> petrol, unleaded: RON 95 petrol


@cache
def filter_words() -> FilterWords:
    """The pattern words of ``non_quantities.txt``, each list by its section's name."""

    def plain(section: str) -> tuple[str, ...]:
        return words("non_quantities", section)

    score = read_section("non_quantities", "score")
    return FilterWords(
        time_suffixes=plain("time_suffix"),
        time_zones=plain("time_zone"),
        minutes_past=plain("minutes_past"),
        streets=plain("street"),
        streets_first=plain("street_first"),
        votes_to=score["votes_to"],
        runs_for=score["runs_for"],
        vote_links=score["vote_link"],
        vote_verbs=score["vote_verb"],
        list_joiners=plain("list_joiner"),
        counted_alone=frozenset(plain("counted_alone")),
        extra=plain("extra"),
        time_ago=plain("time_ago"),
        ordinal_suffixes=plain("ordinal_suffix"),
        date_span_joiners=plain("date_span_joiner"),
        street_directions=plain("street_direction"),
        model_after=frozenset(plain("model_after")),
        hyphen_names=lower_set(plain("hyphen_name")),
        version_after=lower_set(plain("version_after")),
        fuel_grades=MappingProxyType(read_section("non_quantities", "fuel_grade")),
    )
