"""Stage 3, ages: a bare count that the words before it make an age in years (numclaims._ages)."""

from __future__ import annotations

import pytest

from numclaims import parse_quantities

# (sentence, span, kind, unit, bound, entity)
AGES = [
    ("Men aged 25 must register.", "25", "measure", "year", "exact", "Men"),
    # a range after "aged between", and a person before "were aged", past its owner
    (
        "The victims, aged between 70 and 88, lost £9,000.",
        "between 70 and 88",
        "measure",
        "year",
        "exact",
        "victims",
    ),
    (
        "The study's volunteers were aged 18 to 40.",
        "18 to 40",
        "measure",
        "year",
        "exact",
        "volunteers",
    ),
    ("The ambassador, who is 58, has served.", "58", "measure", "year", "exact", "ambassador"),
    ("Ronaldo, now 39, scored twice.", "39", "measure", "year", "exact", "Ronaldo"),
    ("Her husband, 71, was at home.", "71", "measure", "year", "exact", "husband"),
    # two words after the determiner: an adjective and the person
    ("The former treasurer, 61, was jailed.", "61", "measure", "year", "exact", "former treasurer"),
    ("A retired postman, 78, raised £2,000.", "78", "measure", "year", "exact", "retired postman"),
    # a name after words in lower case: the name alone
    (
        "Independent candidate Rosa Delacroix, 71, won.",
        "71",
        "measure",
        "year",
        "exact",
        "Rosa Delacroix",
    ),
    (
        "Magistrates banned Kirsty Nolan, 33, from driving.",
        "33",
        "measure",
        "year",
        "exact",
        "Kirsty Nolan",
    ),
    # every age of a list after aged; a comma and a joiner after one age end it
    ("Three men, aged 19, 22 and 24, were held.", "24", "measure", "year", "exact", "men"),
    ("Children aged 5 and 11 were hurt.", "11", "measure", "year", "exact", "Children"),
    ("The man, aged 40, and 3 others left.", "3", "number", None, "exact", "others"),
    # an owner's word opens the aside inside a sentence too
    ("A woman died and her husband, 84, was hurt.", "84", "measure", "year", "exact", "husband"),
    ("In the last year, 12, of the clubs closed.", "12", "number", None, "exact", None),
    ("In the end, 36 people voted.", "36", "number", None, "exact", "people"),
    # a determiner inside a sentence opens no aside of an age (hypothesis found it)
    ("In the survey, 12, were unsure.", "12", "number", None, "exact", None),
    (
        "Children under the age of 5 ride free.",
        "under the age of 5",
        "measure",
        "year",
        "less_than",
        "Children",
    ),
    # people counted by age: a group, then over or under
    ("Children under 5 travel free.", "under 5", "measure", "year", "less_than", "Children"),
    ("Half of adults over 65 had the jab.", "over 65", "measure", "year", "more_than", "adults"),
    (
        "One in four people over 75 lives alone.",
        "over 75",
        "measure",
        "year",
        "more_than",
        "people",
    ),
    (
        "Only 31% of voters under 35 turned out.",
        "under 35",
        "measure",
        "year",
        "less_than",
        "voters",
    ),
    # but a count after over or under, or a group with a unit, is no age
    ("He sold over 65 cars.", "over 65", "number", None, "more_than", "cars"),
    (
        "Workers over 50 hours a week are at risk.",
        "50 hours a week",
        "measure",
        "hour / week",
        "exact",
        None,
    ),
    (
        "Adults under 90 kg need a lower dose.",
        "under 90 kg",
        "measure",
        "kilogram",
        "less_than",
        "Adults",
    ),
]


@pytest.mark.parametrize(("sentence", "span", "kind", "unit", "bound", "entity"), AGES)
def test_age(
    sentence: str, span: str, kind: str, unit: str | None, bound: str, entity: str | None
) -> None:
    """The span, kind, unit, bound and entity of the quantity in ``sentence``."""
    (quantity,) = [q for q in parse_quantities(sentence) if q.text == span]
    assert (quantity.kind, quantity.unit, quantity.bound, quantity.entity) == (
        kind,
        unit,
        bound,
        entity,
    )
