"""Claims: ranges, bounds, approximations, changes and the thing counted."""

from __future__ import annotations

import pytest

from helpers import assert_span, close, only
from numclaims import parse_quantities

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


# (sentence, span, bound, qualifier)
BOUNDS = [
    ("Up to 647 tanks were lost.", "Up to 647", "at_most", "Up to"),
    ("It could be as high as 18,300.", "as high as 18,300", "at_most", "as high as"),
    ("As many as 40 died.", "As many as 40", "at_most", "As many as"),
    ("It takes no more than 6 days.", "no more than 6 days", "at_most", "no more than"),
    ("It allows a maximum of 7 guests.", "a maximum of 7", "at_most", "a maximum of"),
    ("Shops within 5 km qualify.", "within 5 km", "at_most", "within"),
    ("Keep it ≤ 8 today.", "≤ 8", "at_most", "≤"),
    ("At least 5 people came.", "At least 5", "at_least", "At least"),
    ("No fewer than 6 ships sailed.", "No fewer than 6", "at_least", "No fewer than"),
    ("Fares start as little as $2.", "as little as $2", "at_least", "as little as"),
    ("Rates fell as low as 3%.", "as low as 3%", "at_least", "as low as"),
    ("Groups of 10 or more pay less.", "10 or more", "at_least", "or more"),
    ("Anyone aged 65+ is eligible.", "65+", "at_least", "+"),
    ("More than 40 people came.", "More than 40", "more_than", "More than"),
    ("Over 50 people came.", "Over 50", "more_than", "Over"),
    ("Turnout was above 60%.", "above 60%", "more_than", "above"),
    ("It costs upwards of £80.", "upwards of £80", "more_than", "upwards of"),
    ("Bills in excess of $90 bounced.", "in excess of $90", "more_than", "in excess of"),
    ("Less than 40 people came.", "Less than 40", "less_than", "Less than"),
    ("Under 50 people came.", "Under 50", "less_than", "Under"),
    ("Fewer than 70 people came.", "Fewer than 70", "less_than", "Fewer than"),
    ("About 40 people came.", "About 40", "approximate", "About"),
    ("Around 50 people came.", "Around 50", "approximate", "Around"),
    ("Roughly 60 people came.", "Roughly 60", "approximate", "Roughly"),
    ("Nearly 80 people came.", "Nearly 80", "approximate", "Nearly"),
    ("Some 100 people came.", "Some 100", "approximate", "Some"),
    ("The wall dates from c. 120 AD onwards, or circa 110 tiles.", "c. 120", "approximate", "c."),
    ("The rig holds ~130 litres.", "~130 litres", "approximate", "~"),
    ("An estimated 140 people came.", "An estimated 140", "approximate", "An estimated"),
]


@pytest.mark.parametrize(
    ("sentence", "span", "bound", "qualifier"), BOUNDS, ids=[b[1] for b in BOUNDS]
)
def test_bound(sentence: str, span: str, bound: str, qualifier: str) -> None:
    """A bound phrase sets bound and qualifier and is part of the span."""
    quantity = parse_quantities(sentence)[0]
    assert (quantity.bound, quantity.qualifier) == (bound, qualifier)
    assert_span(sentence, quantity, span)


@pytest.mark.parametrize(
    ("sentence", "span", "bound"),
    [
        ("He invested over 20 years in the firm.", "20 years", "exact"),
        ("He lived there for over 20 years.", "over 20 years", "more_than"),
        ("You can buy it at most supermarkets.", None, None),
    ],
)
def test_bound_words_that_are_not_bounds(
    sentence: str, span: str | None, bound: str | None
) -> None:
    """``over 20 years`` across time and ``at most supermarkets`` are not bounds."""
    found = parse_quantities(sentence)
    assert [(q.text, q.bound) for q in found] == ([(span, bound)] if span else [])


# (sentence, span, change, is_delta)
CHANGES = [
    ("Sales rose 5% last year.", "5%", "increase", True),
    ("Sales rose by 5% last year.", "5%", "increase", True),
    ("Sales rose to 5% last year.", "5%", "increase", False),
    ("Shares jumped 3% on Friday.", "3%", "increase", True),
    ("Costs fell 2% on Friday.", "2%", "decrease", True),
    ("Output plunged 7% in May.", "7%", "decrease", True),
    ("Shares were up 4% at noon.", "4%", "increase", True),
    ("Putin ordered 134,500 more conscripts.", "134,500", "increase", True),
    ("An additional 500 troops arrived.", "500", "increase", True),
    ("It reported a 5% rise in prices.", "5%", "increase", True),
    ("He could call up a million people.", "a million", None, False),
]


@pytest.mark.parametrize(
    ("sentence", "span", "change", "is_delta"), CHANGES, ids=[c[0] for c in CHANGES]
)
def test_change(sentence: str, span: str, change: str | None, is_delta: bool) -> None:
    """Change verbs and nouns set the direction; ``to`` makes a level, not a delta."""
    quantity = only(sentence)
    assert (quantity.text, quantity.change, quantity.is_delta) == (span, change, is_delta)


# (sentence, span, entity)
ENTITIES = [
    ("Up to 647 tanks have been destroyed.", "Up to 647", "tanks"),
    ("It lost 1,844 armoured combat vehicles and more.", "1,844", "armoured combat vehicles"),
    ("Putin ordered 134,500 more conscripts to join.", "134,500", "conscripts"),
    ("They lost £1.5billion worth of yachts.", "£1.5billion", "yachts"),
    (
        "Between 7,000 and 15,000 Russian soldiers died.",
        "Between 7,000 and 15,000",
        "Russian soldiers",
    ),
    ("They wrote a 400-page report.", "400", "report"),
    ("The death toll rose to 40 on Monday.", "40", "death toll"),
    ("Apple reported revenue of $94.9bn.", "$94.9bn", "revenue"),
    ("House prices in London fell 3% last year.", "3%", "House prices"),
    ("The ECB cut its deposit rate by 25bp.", "25bp", "deposit rate"),
    ("Spotify added 3 million paid subscribers.", "3 million", "paid subscribers"),
    ("Squeeze the juice of half a lemon.", "half", "lemon"),
    ("It reported a 5% rise in prices.", "5%", "prices"),
    ("There is a 70% chance of thunderstorms.", "70%", "thunderstorms"),
    ("The phone's 5,000mAh battery supports fast charging.", "5,000mAh", "battery"),
    ("Men aged 25 to 60 must register.", "25 to 60", "Men"),
    ("The ambassador, who is 58, has served.", "58", "ambassador"),
]


@pytest.mark.parametrize(("sentence", "span", "entity"), ENTITIES, ids=[e[0] for e in ENTITIES])
def test_entity(sentence: str, span: str, entity: str) -> None:
    """The thing counted is a short noun phrase as written, with its own span."""
    quantity = only(sentence)
    assert (quantity.text, quantity.entity) == (span, entity)
    assert quantity.entity_span is not None
    start, end = quantity.entity_span
    assert sentence[start:end] == entity


def test_entity_can_be_switched_off() -> None:
    """Options(entities=False) leaves every entity None."""
    from numclaims import Options

    found = parse_quantities("Up to 647 tanks.", options=Options(entities=False))
    assert [(q.text, q.entity, q.entity_span) for q in found] == [("Up to 647", None, None)]
