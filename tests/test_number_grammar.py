"""The grammar of written numbers, row by row: where a number ends and what it is worth.

Every row gives all the numbers of a sentence, each as (text, value) or
(text, (low, high)) for a vague amount, so a number split, joined or valued
differently fails.  Most rows were added to kill mutants of ``_numbers`` that
survived ``make mutate`` (docs/robustness.md): rules of the number-word
grammar, vague amounts, fractions and exponents that no test pinned.
"""

from __future__ import annotations

import pytest

from helpers import close
from numclaims import parse_quantities

Found = tuple[str, float | tuple[float, float]]

WORD_NUMBERS: dict[str, tuple[str, list[Found]]] = {
    "thousands-then-hundreds": (
        "It has two thousand five hundred rooms.",
        [("two thousand five hundred", 2500.0)],
    ),
    "millions-then-thousands": (
        "It has one million two hundred thousand rooms.",
        [("one million two hundred thousand", 1.2e6)],
    ),
    "millions-then-small-thousands": (
        "It has two million three thousand rooms.",
        [("two million three thousand", 2003000.0)],
    ),
    "a-thousand-million": ("It has a thousand million rooms.", [("a thousand million", 1e9)]),
    "hundred-thousand": (
        "It has a hundred thousand rooms.",
        [("a hundred thousand", 1e5)],
    ),
    "hyphen-then-thousand": ("It has twenty-one thousand rooms.", [("twenty-one thousand", 21e3)]),
    "hundred-and-units": ("It has a hundred and five rooms.", [("a hundred and five", 105.0)]),
    "an-hundred": ("It has an hundred rooms.", [("an hundred", 100.0)]),
    "hundred-and-tens": (
        "It has three hundred and twenty-one rooms.",
        [("three hundred and twenty-one", 321.0)],
    ),
    "hundred-and-one": ("It is one hundred and one.", [("one hundred and one", 101.0)]),
    "tens-space-units": ("It has twenty one rooms.", [("twenty one", 21.0)]),
    "tens-then-ten-are-two": ("It has twenty ten rooms.", [("twenty", 20.0), ("ten", 10.0)]),
    "hundred-hundred-stops": ("It has nine hundred hundred rooms.", [("nine hundred", 900.0)]),
    "dozen-hundred-stops": ("It has two dozen hundred.", [("two dozen", 24.0)]),
    "five-dozen": ("They sold five dozen eggs.", [("five dozen", 60.0)]),
    "hundred-then-tens": ("It has a hundred twenty rooms.", [("a hundred twenty", 120.0)]),
    "hundred-then-units": ("It has three hundred five rooms.", [("three hundred five", 305.0)]),
    "thousand-then-tens": ("It has two thousand twenty rooms.", [("two thousand twenty", 2020.0)]),
    "thousand-and-units": (
        "It has two thousand and five rooms.",
        [("two thousand and five", 2005.0)],
    ),
    "tens-then-million": ("It has twenty million rooms.", [("twenty million", 2e7)]),
    "and-then-no-number": ("It has a hundred and more rooms.", [("a hundred", 100.0)]),
    "and-a-then-no-fraction": ("He is twelve and a bit.", [("twelve", 12.0)]),
    "article-after-a-number": ("It has a million a year.", [("a million", 1e6)]),
    "article-after-tens": ("It has twenty a day.", [("twenty", 20.0)]),
    "and-between-numbers-splits": (
        "It took twelve and four hours.",
        [("twelve", 12.0), ("four hours", 4.0)],
    ),
}

FRACTION_WORDS: dict[str, tuple[str, list[Found]]] = {
    "units-and-a-half": ("It took twelve and a half hours.", [("twelve and a half hours", 12.5)]),
    "hyphenated-and-a-half": (
        "It has twenty-one and a half rooms.",
        [("twenty-one and a half", 21.5)],
    ),
    "tens-and-a-half": ("It took twenty and a half hours.", [("twenty and a half hours", 20.5)]),
    "half-a-million": ("It has half a million rooms.", [("half a million", 5e5)]),
    "a-half-million": ("It has a half million rooms.", [("a half million", 5e5)]),
    "half-an-hour": ("It took half an hour.", [("half an hour", 0.5)]),
    "one-half": ("It took one half of the rooms.", [("one half", 0.5)]),
    "one-third": ("It took one third of the rooms.", [("one third", 1 / 3)]),
    "two-thirds": ("It took two thirds of the rooms.", [("two thirds", 2 / 3)]),
    "three-halves": ("It took three halves of the cake.", [("three halves", 1.5)]),
    "tens-thirds": ("It has ninety thirds.", [("ninety thirds", 30.0)]),
    "tens-halves": ("It has twenty halves.", [("twenty halves", 10.0)]),
    "one-thirds-disagree": ("It took one thirds of the rooms.", [("one", 1.0)]),
    "two-third-disagree": ("It took two third of the rooms.", [("two", 2.0)]),
}

VAGUE_AMOUNTS: dict[str, tuple[str, list[Found]]] = {
    "a-couple-hundred": ("It has a couple hundred rooms.", [("a couple hundred", (200.0, 300.0))]),
    "a-couple-thousand": (
        "It has a couple thousand rooms.",
        [("a couple thousand", (2000.0, 3000.0))],
    ),
    "a-few-hundred": ("It has a few hundred rooms.", [("a few hundred", (300.0, 900.0))]),
    "a-few-thousand": ("It has a few thousand rooms.", [("a few thousand", (3000.0, 9000.0))]),
    "several-million": ("It has several million rooms.", [("several million", (3e6, 9e6))]),
    "hundreds-of": ("It has hundreds of rooms.", [("hundreds", (200.0, 900.0))]),
    "thousands-of": ("It has thousands of rooms.", [("thousands", (2000.0, 9000.0))]),
    "millions-of": ("It has millions of rooms.", [("millions", (2e6, 9e6))]),
    "dozens-of": ("It has dozens of rooms.", [("dozens", (24.0, 108.0))]),
    "tens-of-thousands": (
        "It has tens of thousands of rooms.",
        [("tens of thousands", (10000.0, 99000.0))],
    ),
    "hundreds-of-thousands": (
        "It has hundreds of thousands of rooms.",
        [("hundreds of thousands", (2e5, 9e5))],
    ),
}

DIGIT_FORMS: dict[str, tuple[str, list[Found]]] = {
    "quarter": ("Add 1/4 of the stock.", [("1/4", 0.25)]),
    "whole-is-no-fraction": ("Add 4/4 of the stock.", []),
    "zero-is-no-fraction": ("Add 0/4 of the stock.", []),
    "odd-denominator-is-no-fraction": ("Add 3/7 of the stock.", []),
    "largest-exponent": ("The estimate was 1e308 grains.", [("1e308", 1e308)]),
    "smallest-exponent": ("The estimate was 1e-308 grains.", [("1e-308", 1e-308)]),
    "exponent-past-a-float": ("The estimate was 1e309 grains.", []),
    "mantissa-past-a-float": ("The estimate was 9.9e308 grains.", []),
    "capital-e": ("The estimate was 2E6 grains.", [("2E6", 2e6)]),
    "times-sign": ("The estimate was 3×10^6 grains.", [("3×10^6", 3e6)]),
    "spaced-x": ("The estimate was 3 x 10^6 grains.", [("3 x 10^6", 3e6)]),
}

# Once strict xfails (the comment says how each was misread), read right since.
ONCE_WRONG: dict[str, tuple[str, list[Found]]] = {
    "a-million-and-a-half": (  # read as 1,000,000.5
        "It has a million and a half rooms.",
        [("a million and a half", 1.5e6)],
    ),
    "a-dozen-and-a-half": (  # read as 12.5
        "It has a dozen and a half eggs.",
        [("a dozen and a half", 18.0)],
    ),
    "several-hundred-thousand": (  # read as "several hundred", 300-900
        "It has several hundred thousand rooms.",
        [("several hundred thousand", (3e5, 9e5))],
    ),
    "between-a-hundred-and-a-thousand": (  # read as "a hundred" alone
        "It has between a hundred and a thousand rooms.",
        [("between a hundred and a thousand", (100.0, 1000.0))],
    ),
    "a-hundred-and-a-thousand": (  # "a thousand" is lost
        "It has a hundred and a thousand rooms.",
        [("a hundred", 100.0), ("a thousand", 1000.0)],
    ),
    "one-and-two-thirds": (  # read as "two thirds cups"
        "Add one and two thirds cups.",
        [("one and two thirds cups", 5 / 3)],
    ),
    "a-few-dozen": ("It has a few dozen rooms.", [("a few dozen", (36.0, 108.0))]),  # missed
    "several-dozen": ("It has several dozen rooms.", [("several dozen", (36.0, 108.0))]),  # missed
}


def _check(sentence: str, expected: list[Found]) -> None:
    found = parse_quantities(sentence)
    assert [q.text for q in found] == [text for text, _ in expected], sentence
    for quantity, (text, value) in zip(found, expected, strict=True):
        assert sentence[quantity.start : quantity.end] == text
        if isinstance(value, tuple):
            assert quantity.value is None, text
            assert close(quantity.low, value[0]), (text, quantity.low)
            assert close(quantity.high, value[1]), (text, quantity.high)
        else:
            assert close(quantity.value, value), (text, quantity.value)


def _rows(*tables: dict[str, tuple[str, list[Found]]]) -> list[object]:
    return [pytest.param(*row, id=name) for table in tables for name, row in table.items()]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    _rows(WORD_NUMBERS, FRACTION_WORDS, VAGUE_AMOUNTS, DIGIT_FORMS, ONCE_WRONG),
)
def test_number_grammar(sentence: str, expected: list[Found]) -> None:
    """Each number of the sentence ends where it should and has its value."""
    _check(sentence, expected)
