"""Entity readings of the eighth blind round, each with the near forms it must leave alone.

Each row is a sentence, the text of one of its quantities, and the entity
expected for it (``None`` where the sentence names no thing).  The sentences
are written for these tests, in the shapes of business, science and local copy.
"""

from __future__ import annotations

import pytest

from helpers import entity_span_near, quantity_entity

# (sentence, quantity text, entity)
Row = tuple[str, str, str | None]

#: A change noun right after a value is the entity, not the noun after ``in``.
CHANGE_NOUNS: list[Row] = [
    ("Dunmore posts 38% jump in orders", "38%", "jump"),
    ("The grocer reported a 12% slide in half-year profit.", "12%", "slide"),
    ("Ministers confirmed a 3p cut in fuel duty.", "3p", "cut"),
    # no change noun: the noun after the value, as ever
    ("The grocer sold 12% more pies in March.", "12%", "pies"),
]

#: A share of a whole, as a subject, is the share; a number of things is the things.
SHARES: list[Row] = [
    ("The Greens' share of the vote rose to 14.2%.", "14.2%", "share"),
    ("The share of power from wind climbed to 31%.", "31%", "share"),
    ("The number of people in work rose by 210,000.", "210,000", "people"),
]

#: A word said of a thing (``underground``, ``further``) opens no phrase before a mark;
#: ``overrun`` is a participle.
PREDICATES: list[Row] = [
    ("The new tunnel lies 240 metres underground.", "240 metres", None),
    ("Trains will be cut by 20% and a further £2m saved.", "£2m", None),
    ("Costs on the line have overrun by 18%.", "18%", "Costs"),
    # before a noun it still opens one
    ("The line has 14 underground stations.", "14", "underground stations"),
]

#: A size with ``long``, ``wide`` or ``tall`` after it is the noun's before it, even
#: where a verb follows.
SIZES_BEFORE_VERBS: list[Row] = [
    ("A basking shark 7 metres long swam past the pier.", "7 metres", "basking shark"),
    ("A sinkhole 12 metres wide opened on the high street.", "12 metres", "sinkhole"),
    # across an object, a distance of nothing
    ("The herd moved 30 km across the plain.", "30 km", None),
]

#: A time a change verb or a statistic states of the subject; other times name nothing.
TIMES: list[Row] = [
    ("Average waits rose 6 minutes to 41 minutes in June.", "6 minutes", "Average waits"),
    ("Fire crews took an average of 9 minutes to arrive.", "9 minutes", "Fire crews"),
    ("Patients waited a median of 63 days for surgery.", "63 days", "Patients"),
    # how long something went on, or a time added to something else
    ("The hearing lasted 4 hours.", "4 hours", None),
    ("The talks ran for a total of 19 hours.", "19 hours", None),
    ("The closure has added up to 25 minutes to commutes.", "up to 25 minutes", None),
]

#: Verbs that state a rating of their subject, and who receives an amount.
RATINGS_AND_RECEIVERS: list[Row] = [
    ("The kettle draws 3 kW at full boil.", "3 kW", "kettle"),
    ("The rooftop array can generate up to 6.5 kW.", "up to 6.5 kW", "rooftop array"),
    ("Apprentices receive £7.55 an hour.", "£7.55 an hour", "Apprentices"),
    ("A tribunal awarded the nurse £48,000.", "£48,000", "nurse"),
    ("The scheme will save each household £210 a year.", "£210 a year", "household"),
    # a past action names nothing
    ("The farm produced 300 tonnes last year.", "300 tonnes", None),
]

#: Money moved by its agent names no thing; a noun after it still does.
MOVERS: list[Row] = [
    ("The clerk embezzled £410,000 over eight years.", "£410,000", None),
    ("Prosecutors said he siphoned $2.2 million from the fund.", "$2.2 million", None),
    ("Thieves stole £90,000 of copper cable.", "£90,000", "copper cable"),
]

#: A verb that is also a noun after a value an article opens is a noun.
ARTICLE_NOUNS: list[Row] = [
    ("Late returns incur a £15 charge per day.", "£15", "charge"),
    ("The airline took a $120m charge in May.", "$120m", "charge"),
]

#: A price after ``start from``, a label before a time and a colon, and a price per
#: unit right after a comma restating the amount before it.
PRICES_AND_LABELS: list[Row] = [
    ("Cabins on the ferry start from £59 a night.", "£59 a night", "Cabins"),
    ("Energy bill this month: £212.40, up again.", "£212.40", "Energy bill"),
    ("Step count today: 12,400", "12,400", "Step count"),
    (
        "A cottage in Wexcombe sold for £610,000, about £540 per square foot.",
        "about £540 per square foot",
        "cottage",
    ),
    # a restated value after a comma that is no price per unit keeps its own reading
    ("A cottage in Wexcombe sold for £610,000, up 4%.", "4%", "cottage"),
]

#: A plural noun before ``from`` and a price is what the price is of; a verb's,
#: an adverb's or a unit's ``from`` gives a value compared, with no thing.
PRICED_FROM: list[Row] = [
    ("The ferry runs daily, with cabins from £64 per person.", "£64 per person", "cabins"),
    ("Fares from €49 one way go on sale today.", "€49", "Fares"),
    ("Sales fell to 4.1 billion francs from 4.6 billion francs.", "4.6 billion francs", None),
]

#: A bare count after a verb of doing, past a count with its noun, counts that noun.
REPEATED_COUNTS: list[Row] = [
    ("The chain will open 30 stores and close 12 next year.", "12", None),
    ("Police arrested 14 men and charged 9 on Sunday.", "9", None),
    # a value restated after "or", or a count in the next sentence, is read as ever
    ("The bakery sold 40 million pies, or roughly 110,000 a day.", "roughly 110,000", "pies"),
    # after a form of be, a change, a size verb or a preposition: read as ever
    ("The club sold 3,200 tickets and the attendance was 41,000.", "41,000", "attendance"),
    ("Crews recruited 900 staff, short of a target of 1,000.", "1,000", "target"),
    ("The index gained 310 points to close above 9,000.", "above 9,000", "index"),
]

#: One plain noun between a change verb and its value is its object; an adverb is not.
CHANGED_OBJECTS: list[Row] = [
    ("The brewer lifted revenue 3% to £610m.", "3%", "revenue"),
    ("Prices fell sharply 5% in May.", "5%", "Prices"),
    # another and anywhere are no nouns
    ("Delivery adds another £3 to the bill.", "£3", "Delivery"),
]

#: A distance after ``was from`` is measured from somewhere, and names nothing.
FROM_SOMEWHERE: list[Row] = [
    ("His winning kick was from 48 metres out.", "48 metres", None),
]

#: A value given for comparison after ``up from`` or a change verb and ``from`` names
#: nothing, unless ``to`` and the value it went to follow (then it is the change).
COMPARED_FROM: list[Row] = [
    ("Season tickets now cost £540, up from £495 under the old deal.", "£495", None),
    ("Growth hit 2.1% in spring, slowing from 2.9% in the winter.", "2.9%", None),
    ("Inflation eased to 3.1% in the year to May from 3.4%.", "3.4%", None),
    ("Parking fines will go up from £60 to £90.", "£60", "Parking fines"),
    ("The shares have fallen from $81 to just under $30.", "$81", "shares"),
]

#: A value restated in other terms after ``, or`` takes the entity of the one before,
#: except index points and a share of a whole.
RESTATED_OR: list[Row] = [
    (
        "The blaze has grown to 52,000 acres, or about 81 square miles.",
        "about 81 square miles",
        "blaze",
    ),
    ("The FTSE 100 fell 96 points, or 1.2%, on Monday.", "1.2%", "FTSE 100"),
    ("Its wage bill rose to £210m, or 74% of revenue.", "74%", "revenue"),
]

#: Verbs that rate their subject, and a day's extremes before a temperature.
MORE_RATINGS: list[Row] = [
    ("The pot provides 180 kcal.", "180 kcal", "pot"),
    ("The summit hut sits 3,120 metres above sea level.", "3,120 metres", "summit hut"),
    ("Skies clear tonight, with a low around 2C.", "around 2C", "low"),
    # a record after its modifier is a noun: the pair is the phrase
    ("She lowered the course record by 0.4 seconds.", "0.4 seconds", None),
    ("The 38-year satellite record shows the decline.", "38-year", "satellite record"),
]

#: How fast the subject went, with or without ``at``, and a temperature set ``to``,
#: name nothing; after a modal a speed is what the subject can do.
MOTIONS_AND_SETTINGS: list[Row] = [
    ("The lorry was doing 68 mph in a 50 mph zone.", "68 mph", None),
    ("Buses can travel 60 mph on the new road.", "60 mph", "Buses"),
    ("Set the thermostat to 18C overnight.", "18C", None),
    ("The heatwave pushed the mercury to 38.4C.", "38.4C", "mercury"),
    # an adverb of place after a value names nothing
    ("Poverty fell to 11%, compared with 9.8% statewide.", "9.8%", None),
]

ROWS = (
    CHANGE_NOUNS
    + SHARES
    + PREDICATES
    + SIZES_BEFORE_VERBS
    + TIMES
    + RATINGS_AND_RECEIVERS
    + MOVERS
    + ARTICLE_NOUNS
    + PRICES_AND_LABELS
    + PRICED_FROM
    + REPEATED_COUNTS
    + CHANGED_OBJECTS
    + FROM_SOMEWHERE
    + COMPARED_FROM
    + RESTATED_OR
    + MORE_RATINGS
    + MOTIONS_AND_SETTINGS
)


@pytest.mark.parametrize(
    ("sentence", "text", "entity"), ROWS, ids=[f"{r[0]} [{r[1]}]" for r in ROWS]
)
def test_entity_and_span(sentence: str, text: str, entity: str | None) -> None:
    """The entity is the expected phrase as written, and its span indexes the sentence."""
    assert quantity_entity(sentence, text) == (entity, entity_span_near(sentence, text, entity))
