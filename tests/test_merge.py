"""Stage 4, merge: composite measures and ranges (numclaims._merge, data/merge.txt)."""

from __future__ import annotations

import pytest

from helpers import assert_span, close, only
from numclaims import Options, parse_quantities
from numclaims._data import load
from numclaims._lexicon import merge_words
from numclaims._pipeline import _may_join, _with_tails
from numclaims._scan import scan

# (sentence, span, low, high, unit)
RANGES = [
    ("Between 2,000 and 4,000 soldiers died.", "Between 2,000 and 4,000", 2e3, 4e3, None),
    ("Forecasts range from 3% to 6% this year.", "from 3% to 6%", 3.0, 6.0, "percent"),
    ("Officials said 7,000 to 15,000 troops died.", "7,000 to 15,000", 7e3, 15e3, None),
    ("It may take 100,000-200,000 people.", "100,000-200,000", 1e5, 2e5, None),
    ("It will build 2,000–4,000 homes.", "2,000–4,000", 2e3, 4e3, None),
    ("The deal is worth $5-10 million.", "$5-10 million", 5e6, 1e7, "USD"),
    ("The queue was 5 to 10 km long.", "5 to 10 km", 5.0, 10.0, "kilometer"),
    ("It costs between £3bn and £4bn.", "between £3bn and £4bn", 3e9, 4e9, "GBP"),
    ("Margins are 20-30% now.", "20-30%", 20.0, 30.0, "percent"),
    ("It targets adults aged 18-34.", "18-34", 18.0, 34.0, "year"),
    ("It drew a couple hundred fans.", "a couple hundred", 200.0, 300.0, None),
    ("It drew tens of thousands of fans.", "tens of thousands", 1e4, 9.9e4, None),
]


@pytest.mark.parametrize(
    ("sentence", "span", "low", "high", "unit"), RANGES, ids=[r[1] for r in RANGES]
)
def test_range(sentence: str, span: str, low: float, high: float, unit: str | None) -> None:
    """A range has value None, both ends with the shared scale and unit, and the full span."""
    quantity = only(sentence)
    assert quantity.value is None
    assert close(quantity.low, low)
    assert close(quantity.high, high)
    assert quantity.unit == unit
    assert_span(sentence, quantity, span)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Prices were cut from 20% to 5%.", [("20%", "decrease"), ("5%", "decrease")]),
        ("Arsenal won 3-2 at home.", []),
        ("The Senate voted 69-30 to pass it.", []),
        ("The 2012-13 budget was late.", []),
        ("The conference runs from 12 to 14 June.", []),
    ],
)
def test_not_a_range(sentence: str, expected: list[tuple[str, str]]) -> None:
    """Changes, scores, fiscal years and date spans are not ranges."""
    assert [(q.text, q.change) for q in parse_quantities(sentence)] == expected


# (sentence, span, low, high): a connector of each part merge.txt names
CONNECTORS = [
    ("Children aged 6 through 11 qualify.", "6 through 11", 6.0, 11.0),
    ("Rooms 2 thru 4 are shut.", "2 thru 4", 2.0, 4.0),
    ("The ratio is 2 to 4.", "2 to 4", 2.0, 4.0),
    ("It costs between 2 and 4 dollars.", "between 2 and 4 dollars", 2.0, 4.0),
]


@pytest.mark.parametrize(
    ("sentence", "span", "low", "high"), CONNECTORS, ids=[c[1] for c in CONNECTORS]
)
def test_every_connector_joins_a_range(sentence: str, span: str, low: float, high: float) -> None:
    """``through``/``thru``, ``to``, and ``and`` after ``between`` join the two ends."""
    quantity = only(sentence)
    assert (quantity.value, quantity.low, quantity.high) == (None, low, high)
    assert_span(sentence, quantity, span)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We saw 20 and 40 birds.", ["20", "40"]),
        ("Prices rose by 5 cents to 52 cents.", ["5 cents", "52 cents"]),
        ("Call (555) 123-4567 now.", []),
        ("A 5-4 majority upheld it.", []),
        ("They won 3-2 at home.", []),
        ("The 1939-1945 war ended.", []),
    ],
)
def test_pairs_that_are_no_range(sentence: str, expected: list[str]) -> None:
    """``and`` without ``between``, a change then a level, a phone number, tallies, two years."""
    assert [q.text for q in parse_quantities(sentence)] == expected


# (sentence, span, value, unit)
COMPOSITES = [
    ("He is 5 ft 10 in tall.", "5 ft 10 in", 70.0, "inch"),
    ("He is 5 ft, 10 in tall.", "5 ft, 10 in", 70.0, "inch"),
    ("He is 5 ft and 10 in tall.", "5 ft and 10 in", 70.0, "inch"),
    ("It weighs 11 stone 4 pounds.", "11 stone 4 pounds", 158.0, "pound"),
    ("It lasted 2 years 3 months.", "2 years 3 months", 27.0, "month"),
]


@pytest.mark.parametrize(
    ("sentence", "span", "value", "unit"), COMPOSITES, ids=[c[1] for c in COMPOSITES]
)
def test_composite(sentence: str, span: str, value: float, unit: str) -> None:
    """A larger unit then the smaller one merge.txt pairs with it make one measure."""
    quantity = only(sentence)
    assert close(quantity.value, value)
    assert quantity.unit == unit
    assert_span(sentence, quantity, span)


def test_composite_units_are_units_of_the_vocabulary() -> None:
    """Every unit of a composite pair is a unit key of units.txt (the tails stage reads it)."""
    units = {entry.key for entry in load("units")}
    pairs = merge_words().composites
    assert set(pairs) | set(pairs.values()) <= units


def test_connector_and_opener_parts_are_the_ones_the_rules_name() -> None:
    """The keys of [connector] and [opener] are the parts _merge's rules test for."""
    words = merge_words()
    assert set(words.connectors.values()) == {"dash", "to", "through", "and", "or"}
    assert set(words.openers.values()) == {"between", "from"}


# (sentence, the two numbers' texts, whether stage 4 may join them): the gap screen
GAPS = [
    ("The fee rose from 3 to 4 euros.", ("3", "4 euros"), True),
    ("Scores were 5.2 ± 0.3 mm apart.", ("5.2", "0.3 mm"), True),
    ("A value of 34.5 +/-6.1 years.", ("34.5", "-6.1 years"), True),
    ("Some 3 out of 10 voters agreed.", ("3", "10"), True),
    ("He was 5 ft , and 10 in tall.", ("5 ft", "10 in"), True),
    ("It was 2 — 3 cm wide.", ("2", "3 cm"), True),
    ("It was 5 ft long, then 10 in the rain.", ("5 ft", "10"), False),
    ("The 43 players met 12 fans.", ("43", "12"), False),
    ("In 2019 the firm hired 300 staff.", ("2019", "300"), False),
]


@pytest.mark.parametrize(("sentence", "texts", "joins"), GAPS, ids=[g[0] for g in GAPS])
def test_the_gap_screen_lets_through_every_gap_a_merge_joins(
    sentence: str, texts: tuple[str, str], joins: bool
) -> None:
    """``_pipeline._may_join`` rules a pair out only where its gap is no connector or link."""
    first, second = list(_with_tails(scan(sentence), sentence, Options()))[:2]
    assert (sentence[first.start : first.end], sentence[second.start : second.end]) == texts
    assert _may_join(first, second, sentence) is joins
