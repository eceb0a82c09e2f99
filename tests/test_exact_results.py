"""Whole results for sentences whose misreading a reader would notice.

Each row gives every quantity of a sentence: its text, start, kind, value (or
low and high for a range) and unit, so that a quantity too many, too few or
read differently fails.  Rows are grouped by where they come from.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from helpers import close
from numclaims import parse_quantities


class Expected(NamedTuple):
    """One quantity as it must come out."""

    text: str
    start: int
    kind: str
    value: float | tuple[float, float]  # a value, or (low, high) for a range
    unit: str | None = None
    bound: str = "exact"


Row = tuple[str, list[Expected]]

# Single-rule mutations of the parser that once passed every test (the
# mutation run of the reliability issue); each row fails under its mutation.
CAUGHT_BY_MUTATION: dict[str, Row] = {
    "lakh-grouping": (
        "The flat sold for 1,39,990 rupees, and 12,34,56,789 people live there.",
        [
            Expected("1,39,990 rupees", 18, "money", 139990.0, "INR"),
            Expected("12,34,56,789", 39, "number", 123456789.0),
        ],
    ),
    "and-between-counts-is-no-range": (
        "They counted 40 and 50 tanks.",
        [Expected("40", 13, "number", 40.0), Expected("50", 20, "number", 50.0)],
    ),
    "between-and-is-a-range": (
        "They counted between 40 and 50 tanks.",
        [Expected("between 40 and 50", 13, "number", (40.0, 50.0))],
    ),
    "kilometres-are-kilometres": (
        "The convoy was 64 kilometres long, 40 miles from the city.",
        [
            Expected("64 kilometres", 15, "measure", 64.0, "kilometer"),
            Expected("40 miles", 35, "measure", 40.0, "mile"),
        ],
    ),
    "negative-word": (
        "The index fell to negative 3 from minus 2.5.",
        [Expected("negative 3", 18, "number", -3.0), Expected("minus 2.5", 34, "number", -2.5)],
    ),
    "pounds-after-a-pound-sign": (
        "Tickets were £5 or 10 pounds at the door.",
        [Expected("£5", 13, "money", 5.0, "GBP"), Expected("10 pounds", 19, "money", 10.0, "GBP")],
    ),
    "pounds-in-weight-after-money": (
        "A ticket was £5, and the bag weighed 12 pounds.",
        [
            Expected("£5", 13, "money", 5.0, "GBP"),
            Expected("12 pounds", 37, "measure", 12.0, "pound"),
        ],
    ),
    "pounds-lost-are-mass": (
        "She lost 5 pounds in a month.",
        [Expected("5 pounds", 9, "measure", 5.0, "pound")],
    ),
    "pounds-paid-are-money": (
        "He paid 5 pounds for the bag.",
        [Expected("5 pounds", 8, "money", 5.0, "GBP")],
    ),
    "pounds-without-cues-are-money": (
        "It came to 5 pounds.",
        [Expected("5 pounds", 11, "money", 5.0, "GBP")],
    ),
}

# Mutants of _units that survived make mutate (docs/robustness.md): what follows a number.
CAUGHT_BY_MUTMUT: dict[str, Row] = {
    "screen-resolutions-are-no-numbers": (
        "It sells a 4K television, an 8K screen, a 2K monitor and a 5K display.",
        [],
    ),
    "other-k-are-thousands": (
        "He earns 3K a month and ran a 4k race.",
        [Expected("3K", 9, "number", 3000.0), Expected("4k", 30, "number", 4000.0)],
    ),
    "k-after-a-currency": (
        "He earns £4K a month.",
        [Expected("£4K a month", 9, "money", 4000.0, "GBP")],
    ),
    "m-before-a-currency-name": (
        "The fund raised 5m dollars, or 4m euros.",
        [
            Expected("5m dollars", 16, "money", 5e6, "USD"),
            Expected("4m euros", 31, "money", 4e6, "EUR"),
        ],
    ),
    "number-word-hyphen-unit": (
        "It is a five-kilometre walk.",
        [Expected("five-kilometre", 8, "measure", 5.0, "kilometer")],
    ),
    "stone-but-not-an-ordinal": (
        "He weighs 11st and came 21st.",
        [Expected("11st", 10, "measure", 11.0, "stone")],
    ),
    "scale-words-chained": (
        "The debt is 1.5 thousand million.",
        [Expected("1.5 thousand million", 12, "number", 1.5e9)],
    ),
    "digits-hundred-million": (  # once a strict xfail: read as "2"
        "The debt is 2 hundred million.",
        [Expected("2 hundred million", 12, "number", 2e8)],
    ),
    "fraction-of-a-unit": (
        "Add half a cup of milk and a third of a mile.",
        [
            Expected("half a cup", 4, "measure", 0.5, "cup"),
            Expected("a third of a mile", 27, "measure", 1 / 3, "mile"),
        ],
    ),
    "part-of-a-unit-before-it": (  # a third month is an ordinal; these are parts
        "It took a half hour to drive a quarter mile of track cut an eighth inch deep.",
        [
            Expected("a half hour", 8, "measure", 0.5, "hour"),
            Expected("a quarter mile", 29, "measure", 0.25, "mile"),
            Expected("an eighth inch", 57, "measure", 0.125, "inch"),
        ],
    ),
    "a-cooking-word-keeps-a-hot-temperature": (  # once a model name like 777F
        "Set the air fryer to 200C and cook the wings.",
        [Expected("200C", 21, "measure", 200.0, "degree_Celsius")],
    ),
    "a-step-verb-is-no-product-name": (  # once read as a model name, "Whisk 3"
        "Whisk 3 large eggs with the sugar.",
        [Expected("3", 6, "number", 3.0)],
    ),
    "hyphenated-percent-before-a-noun": (
        "A 5-percent rise and a 2-per-cent fall.",
        [
            Expected("5-percent", 2, "percent", 5.0, "percent"),
            Expected("2-per-cent", 23, "percent", 2.0, "percent"),
        ],
    ),
    "pounds-of-food-bought": (
        "He bought 5 pounds of sugar.",  # "pounds of" a thing that is no money word weighs it
        [Expected("5 pounds", 10, "measure", 5.0, "pound")],
    ),
    "pounds-of-meat-sold": (
        "They sold 40 pounds of beef.",  # "sold" is a money cue, "pounds of beef" weighs
        [Expected("40 pounds", 10, "measure", 40.0, "pound")],
    ),
}

# Once strict xfails of KNOWN_WRONG, and the neighbours of each fix.
FIXED_KNOWN_WRONG: dict[str, Row] = {
    "two-hyphenated-durations-are-no-range": (
        "The spread between two-year and 10-year yields widened.",  # once one range 2..10
        [
            Expected("two-year", 19, "measure", 2.0, "year"),
            Expected("10-year", 32, "measure", 10.0, "year"),
        ],
    ),
    "two-hyphenated-terms-of-bonds": (
        "Traders watch the gap between 5-year and 30-year bonds.",
        [
            Expected("5-year", 30, "measure", 5.0, "year"),
            Expected("30-year", 41, "measure", 30.0, "year"),
        ],
    ),
    "a-range-of-years-written-once-stays-one": (
        "The bonds mature between 2 and 10 years from now.",
        [Expected("between 2 and 10 years", 17, "measure", (2.0, 10.0), "year")],
    ),
    "model-name-without-a-model-word": (
        "The carrier retired its last 777F in March.",  # once read as 777 degrees Fahrenheit
        [],
    ),
    "variant-letter-kept-where-weather-could-reach": (
        "Phoenix reached 118F on Sunday, and the kiln runs at 1200C.",
        [
            Expected("118F", 16, "measure", 118.0, "degree_Fahrenheit"),
            Expected("1200C", 53, "measure", 1200.0, "degree_Celsius"),
        ],
    ),
    "variant-letter-kept-after-a-word-of-value": (
        "Steam leaves the well at 310C; the hull reaches 127C (260F) in sun.",
        [
            Expected("310C", 25, "measure", 310.0, "degree_Celsius"),
            Expected("127C", 48, "measure", 127.0, "degree_Celsius"),
            Expected("260F", 54, "measure", 260.0, "degree_Fahrenheit"),
        ],
    ),
    "variant-letter-kept-in-an-oven": (
        "Roast the joint at 425F for 20 minutes.",
        [
            Expected("425F", 19, "measure", 425.0, "degree_Fahrenheit"),
            Expected("20 minutes", 28, "measure", 20.0, "minute"),
        ],
    ),
    "space-group-before-a-variant-letter": (
        "The airline ordered 20 777F freighters and 30 787 Dreamliners.",
        [Expected("20", 20, "number", 20.0), Expected("30", 43, "number", 30.0)],
    ),
    "space-group-still-groups": (
        "The town has 12 500 residents and 1 843 homes.",
        [Expected("12 500", 13, "number", 12500.0), Expected("1 843", 34, "number", 1843.0)],
    ),
    "range-after-a-change-verb": (
        "The storm dropped 10 to 15 centimetres of rain.",  # once a change, then 15 cm
        [Expected("10 to 15 centimetres", 18, "measure", (10.0, 15.0), "centimeter")],
    ),
    "change-then-level-when-far-apart": (
        "Shares fell 5 to 95 cents.",  # a spread this wide is a change and the level it reached
        [Expected("5", 12, "number", 5.0), Expected("95 cents", 17, "money", 0.95, "USD")],
    ),
    "change-by-then-level": (
        "The toll rose by 2 to 6 dollars.",  # "by" says the first is the change
        [Expected("2", 17, "number", 2.0), Expected("6 dollars", 22, "money", 6.0, "USD")],
    ),
    "plus-bound-then-unit": (  # "years old" ends the span, as "100 years old" does
        "The building is 100-plus years old.",
        [Expected("100-plus years old", 16, "measure", 100.0, "year", "at_least")],
    ),
    "plus-sign-bound-then-unit": (
        "Applicants need 20+ years of experience and 300+ stores.",
        [
            Expected("20+ years", 16, "measure", 20.0, "year", "at_least"),
            Expected("300+", 44, "number", 300.0, None, "at_least"),
        ],
    ),
    "plus-bound-then-scale-and-currency": (
        "It was a 400-plus million dollar deal.",
        [Expected("400-plus million dollar", 9, "money", 4e8, "USD", "at_least")],
    ),
}

# One-letter symbols spaced from the number (units.txt [glued] and [spaced]), and
# where they are letters, not units.
SPACED_LETTERS: dict[str, Row] = {
    "seconds-spaced": (
        "The shutter stays open for 30 s in night mode.",
        [Expected("30 s", 27, "measure", 30.0, "second")],
    ),
    "hours-spaced-grouped": (
        "The LED panel is rated for 50,000 h of use.",
        [Expected("50,000 h", 27, "measure", 50000.0, "hour")],
    ),
    "tonnes-spaced-before-of": (
        "The crane lifts 5 t of steel at a time.",
        [Expected("5 t", 16, "measure", 5.0, "metric_ton")],
    ),
    "litres-and-grams-spaced": (
        "Mix 2 l of water with 500 g flour.",
        [
            Expected("2 l", 4, "measure", 2.0, "liter"),
            Expected("500 g", 22, "measure", 500.0, "gram"),
        ],
    ),
    "label-before-a-letter": (
        "See Fig. 3 h and Part 2 s of the report.",
        [],
    ),
    "year-before-an-s": (
        "Sales peaked in the 1990 s, the report says.",
        [],
    ),
    "glued-s-is-a-plural": (
        "She is in her 30s and owns 5s.",
        [],
    ),
    "apostrophe-after-the-letter": (
        "Our 4 t's are stitched by hand.",
        [Expected("4", 4, "number", 4.0)],
    ),
    "five-a-day-and-plan-b": (
        "Eat 5 a day, says Plan B.",
        [],
    ),
}

# A run of number words after ``between`` that holds both ends of the range.
WORD_RANGES: dict[str, Row] = {
    "between-hundreds-and-thousands": (
        "Between four hundred and five thousand people came.",
        [Expected("Between four hundred and five thousand", 0, "number", (400.0, 5000.0))],
    ),
    "one-number-without-between": (
        "They counted four hundred and five thousand votes.",
        [Expected("four hundred and five thousand", 13, "number", 405000.0)],
    ),
    "both-ends-with-and": (
        "It holds between one hundred and five and one hundred and ten seats.",
        [
            Expected(
                "between one hundred and five and one hundred and ten",
                9,
                "number",
                (105.0, 110.0),
            )
        ],
    ),
    "the-and-after-the-run": (
        "It cost between four hundred and five thousand and 500,000 pesos.",
        [
            Expected(
                "between four hundred and five thousand and 500,000 pesos",
                8,
                "money",
                (405000.0, 500000.0),
                "MXN",
            )
        ],
    ),
}

# Wrong today, reported: strict xfails, so each announces itself when fixed.
KNOWN_WRONG: dict[str, Row] = {
    "a-suspended-hyphen-after-between": (
        "The loans run between 5- and 10-year terms.",  # read as 5 and 10 years apart
        [Expected("between 5- and 10-year", 14, "measure", (5.0, 10.0), "year")],
    ),
}


def _check(sentence: str, expected: list[Expected]) -> None:
    found = parse_quantities(sentence)
    assert [(q.text, q.start, q.end) for q in found] == [
        (e.text, e.start, e.start + len(e.text)) for e in expected
    ]
    for quantity, wanted in zip(found, expected, strict=True):
        assert sentence[quantity.start : quantity.end] == wanted.text
        assert (quantity.kind, quantity.unit) == (wanted.kind, wanted.unit), quantity.text
        assert quantity.bound == wanted.bound, quantity.text
        if isinstance(wanted.value, tuple):
            assert quantity.value is None, quantity.text
            assert close(quantity.low, wanted.value[0]), quantity.text
            assert close(quantity.high, wanted.value[1]), quantity.text
        else:
            assert close(quantity.value, wanted.value), quantity.text
            assert (quantity.low, quantity.high) == (None, None), quantity.text


@pytest.mark.parametrize(
    ("sentence", "expected"), CAUGHT_BY_MUTATION.values(), ids=list(CAUGHT_BY_MUTATION)
)
def test_caught_by_mutation(sentence: str, expected: list[Expected]) -> None:
    """Every quantity of the sentence, with its exact span, value and unit, and no other."""
    _check(sentence, expected)


@pytest.mark.parametrize(
    ("sentence", "expected"), CAUGHT_BY_MUTMUT.values(), ids=list(CAUGHT_BY_MUTMUT)
)
def test_caught_by_mutmut(sentence: str, expected: list[Expected]) -> None:
    """Every quantity of the sentence, with its exact span, value and unit, and no other."""
    _check(sentence, expected)


@pytest.mark.parametrize(
    ("sentence", "expected"), FIXED_KNOWN_WRONG.values(), ids=list(FIXED_KNOWN_WRONG)
)
def test_fixed_known_wrong(sentence: str, expected: list[Expected]) -> None:
    """Every quantity of the sentence, with its exact span, value, unit and bound, and no other."""
    _check(sentence, expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [*SPACED_LETTERS.values(), *WORD_RANGES.values()],
    ids=[*SPACED_LETTERS, *WORD_RANGES],
)
def test_spaced_letters_and_word_ranges(sentence: str, expected: list[Expected]) -> None:
    """Every quantity of the sentence, with its exact span, value, unit and bound, and no other."""
    _check(sentence, expected)


@pytest.mark.xfail(strict=True, reason="BUG: misread today (see the comment of each row)")
@pytest.mark.parametrize(("sentence", "expected"), KNOWN_WRONG.values(), ids=list(KNOWN_WRONG))
def test_known_wrong(sentence: str, expected: list[Expected]) -> None:
    """What the sentence means; the parser reads it otherwise today."""
    _check(sentence, expected)
