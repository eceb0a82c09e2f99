"""Numbers in every everyday written form: exact values and exact spans."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import assert_span, close, only
from numclaims._numbers import times

# (sentence, span, value) — each sentence holds exactly one quantity.
DIGITS = [
    ("The army lost 2,000 vehicles.", "2,000", 2000.0),
    ("Putin ordered 134,500 conscripts.", "134,500", 134500.0),
    ("The fund holds 1,000,000 shares.", "1,000,000", 1e6),
    ("The city has 1 000 000 residents.", "1 000 000", 1e6),
    ("The town has 12\u00a0500 residents.", "12\u00a0500", 12500.0),
    ("The town has 12\u202f500 residents.", "12\u202f500", 12500.0),
    ("The dose was 1.5 tablets.", "1.5", 1.5),
    ("Only .5 of the sample remained.", ".5", 0.5),
    ("The index moved -3 points on the day.", "-3", -3.0),
    ("The index moved \u22123 points on the day.", "\u22123", -3.0),
    ("Sentiment moved +4 overall.", "+4", 4.0),
    ("The cell holds 1.5e6 molecules.", "1.5e6", 1.5e6),
    ("The sample held 3x10^6 cells.", "3x10^6", 3e6),
    ("Add 3/4 of the stock.", "3/4", 0.75),
    ("Add 1/2 of the stock.", "1/2", 0.5),
    ("Add ½ of the stock.", "½", 0.5),
    ("It took 3 ½ hours of talks, he said of the 3½ talks.", "3 ½ hours", 3.5),
    ("Stir in 2 1/2 cups of flour.", "2 1/2 cups", 2.5),
    # Caught by mutation: a misread Indian (lakh) grouping and a dropped "negative".
    ("The scheme reached 1,39,990 homes.", "1,39,990", 139990.0),
    ("The dial read negative 3 at dawn.", "negative 3", -3.0),
]

WORDS = [
    ("The exiled oligarch served nine terms.", "nine", 9.0),
    ("Some twenty-five ships sailed.", "Some twenty-five", 25.0),
    ("It has one hundred and forty-two rooms.", "one hundred and forty-two", 142.0),
    ("He could call up a million people.", "a million", 1e6),
    ("She bought a dozen eggs.", "a dozen", 12.0),
    ("She bought two dozen eggs.", "two dozen", 24.0),
    ("Nearly half of voters agreed.", "Nearly half", 0.5),
    ("A third of voters agreed.", "A third", 1 / 3),
    ("Three quarters of voters agreed.", "Three quarters", 0.75),
    ("The city counts one and a half million residents.", "one and a half million", 1.5e6),
    ("The city counts five hundred thousand residents.", "five hundred thousand", 5e5),
]

SCALES = [
    ("The city has 1.2 million residents.", "1.2 million", 1.2e6),
    ("The debt is 3 trillion yuan in total, or 3 trillion.", "3 trillion yuan", 3e12),
    ("The app has 3bn users.", "3bn", 3e9),
    ("The app has 10K users.", "10K", 1e4),
    ("The app has 40k users.", "40k", 4e4),
    ("The app has 2MM users.", "2MM", 2e6),
    ("The app has 5m users.", "5m", 5e6),
    ("The census counted 5 lakh people.", "5 lakh", 5e5),
    ("The census counted 3 crore people.", "3 crore", 3e7),
    ("The debt stands at 1.2tn overall.", "1.2tn", 1.2e12),
]


@pytest.mark.parametrize(("sentence", "span", "value"), DIGITS + WORDS + SCALES)
def test_number_forms(sentence: str, span: str, value: float) -> None:
    """Each written form gives its exact value and the span that carries it."""
    found = [q for q in __import__("numclaims").parse_quantities(sentence) if q.text == span]
    assert found, f"{span!r} not found in {sentence!r}"
    quantity = found[0]
    assert close(quantity.value, value)
    assert_span(sentence, quantity, span)


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("between two and four people", [(2.0, 4.0)]),
        ("two or three people", [(2.0, 3.0)]),
        ("a half-hour show", [0.5]),
        ("They counted 40 and 50 tanks.", [40.0, 50.0]),  # caught by mutation: not a range
    ],
)
def test_word_runs_split_where_numbers_end(sentence: str, values: list[object]) -> None:
    """A run of number words splits into the numbers it holds."""
    from numclaims import parse_quantities

    got: list[object] = [
        (q.low, q.high) if q.is_range else q.value for q in parse_quantities(sentence)
    ]
    assert got == values


def test_plain_number_has_no_unit() -> None:
    """A plain count is kind number with unit None."""
    quantity = only("Rescuers found 17 survivors.")
    assert (quantity.kind, quantity.unit, quantity.value) == ("number", None, 17.0)


# (text, [(quantity text, value)]): a number longer than the scanner's window
# is read whole, or not at all when its value is past the range of a float;
# never as a value for the part of it that fits in the window.
LONG_NUMBERS = [
    ("1" + ",000" * 60 + " tanks", [("1" + ",000" * 60, 1e180)]),
    ("1" + ",000" * 102 + " tanks", [("1" + ",000" * 102, 1e306)]),
    ("1" + ",000" * 103 + " tanks", []),
    ("1" + ",000" * 250_000 + " tanks", []),
    ("1," + "00," * 70 + "000 tanks", [("1," + "00," * 70 + "000", 1e143)]),
    ("1" + " 000" * 60 + " tanks", [("1" + " 000" * 60, 1e180)]),
    ("$1" + "0" * 300 + " spent", [("$1" + "0" * 300, 1e300)]),
    ("$1" + "0" * 400 + " spent", []),
    ("0." + "0" * 299 + "5 tanks", [("0." + "0" * 299 + "5", 5e-300)]),
    ("x " + "1 " * 200, [("1", 1.0)] * 200),
]


@pytest.mark.parametrize(("text", "expected"), LONG_NUMBERS, ids=range(len(LONG_NUMBERS)))
def test_long_numbers_are_read_whole_or_not_at_all(
    text: str, expected: list[tuple[str, float]]
) -> None:
    """A number longer than the scanner's window keeps its whole span and value, or is dropped."""
    from numclaims import Options, parse_quantities

    found = parse_quantities(text, options=Options(entities=False))
    assert [(q.text, q.value) for q in found] == expected


@pytest.mark.slow
def test_a_long_grouped_number_is_read_in_linear_time() -> None:
    """Twice the groups take about twice the time, not four times."""
    import time

    from numclaims import Options, parse_quantities

    def cost(groups: int) -> float:
        text = "1" + ",000" * groups + " tanks"
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            parse_quantities(text, options=Options(entities=False))
            best = min(best, time.process_time() - start)
        return best

    small, large = cost(250_000), cost(500_000)
    assert large < 3.0 * small + 0.05, (small, large)


@given(
    st.floats(min_value=0, allow_nan=False, allow_infinity=False),
    st.integers(min_value=-3, max_value=15),
)
def test_times_is_the_decimal_product_of_the_written_digits(value: float, exponent: int) -> None:
    """``times(v, 10**k)`` is the float nearest the decimal ``repr(v)`` shifted by ``k``."""
    assert times(value, 10.0**exponent) == float(Decimal(repr(value)).scaleb(exponent))


def test_times_of_another_factor_is_the_plain_product() -> None:
    assert times(1.5, 12.0) == 18.0
    assert times(0.1, 3.0) == 0.1 * 3.0
