"""Ratios, multiples, rates of money over any unit or count, and temperatures: exact results."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from numclaims import Options, Quantity, _relations, parse_quantities
from numclaims._relations import finder_words
from numclaims._scan import find_triggers
from numclaims._text import folded_whole


def _only(text: str, options: Options | None = None) -> Quantity:
    found = parse_quantities(text, options=options) if options else parse_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "numerator", "denominator"),
    [
        pytest.param(
            "Nearly 3 in 10 adults work from home.", "Nearly 3 in 10", 0.3, 3, 10, id="in"
        ),
        pytest.param(
            "It is a one-in-250 million chance.", "one-in-250 million", 4e-9, 1, 2.5e8, id="hyphens"
        ),
        pytest.param("She made 3 of 18 attempts.", "3 of 18", 3 / 18, 3, 18, id="of"),
        pytest.param(
            "Roughly two out of three shoppers pay by card.",
            "Roughly two out of three",
            2 / 3,
            2,
            3,
            id="out-of",
        ),
        pytest.param("The shortstop went 10-for-13.", "10-for-13", 10 / 13, 10, 13, id="for"),
        pytest.param("Jones had 18/43 shooting.", "18/43", 18 / 43, 18, 43, id="slash-shooting"),
    ],
)
def test_ratios(text: str, span: str, value: float, numerator: float, denominator: float) -> None:
    """A ratio's value is the share, and its parts are kept."""
    q = _only(text)
    assert (q.kind, q.text, q.unit) == ("ratio", span, None)
    assert q.value == pytest.approx(value)
    assert (q.numerator, q.denominator) == (numerator, denominator)
    assert text[q.start : q.end] == span


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The team won 2 in 2019.", id="a-year-after-in"),
        pytest.param("The score was 18/43 in the poll.", id="slash-without-shooting"),
        pytest.param("The stock has split 3 times since 2010.", id="times-without-comparison"),
        pytest.param("He was stopped 3 times last year.", id="times-before-last-year"),
        pytest.param("A double room costs extra.", id="double-adjective"),
    ],
)
def test_not_ratios_or_multiples(text: str) -> None:
    """A year after ``in``, a slash far from shooting, ``times`` of a count are no relations."""
    assert not [q for q in parse_quantities(text) if q.kind in ("ratio", "multiple")]


@pytest.mark.parametrize(
    ("text", "span", "value", "bound", "change"),
    [
        pytest.param("The chip runs 2x faster.", "2x", 2.0, "exact", None, id="x"),
        pytest.param("It is six times larger.", "six times", 6.0, "exact", None, id="times"),
        pytest.param(
            "It trades at 28 times forward earnings.", "28 times", 28.0, "exact", None, id="pe"
        ),
        pytest.param(
            "The bid values it at 11 times its earnings.", "11 times", 11.0, "exact", None, id="its"
        ),
        pytest.param("Sales doubled last year.", "doubled", 2.0, "exact", "increase", id="doubled"),
        pytest.param("Cases have quadrupled.", "quadrupled", 4.0, "exact", "increase", id="quad"),
        pytest.param("It halved its dividend.", "halved", 0.5, "exact", "decrease", id="halved"),
        pytest.param(
            "Exports rose fivefold.", "fivefold", 5.0, "exact", "increase", id="fold-word"
        ),
        pytest.param("Capacity grew 10-fold.", "10-fold", 10.0, "exact", "increase", id="fold"),
        pytest.param(
            "The price has more than doubled.",
            "more than doubled",
            2.0,
            "more_than",
            "increase",
            id="bound",
        ),
        pytest.param("It rained twice as much.", "twice", 2.0, "exact", None, id="twice-as"),
        pytest.param(
            "The new guns have double the range of the old ones.",
            "double",
            2.0,
            "exact",
            None,
            id="double-the",
        ),
        pytest.param(
            "Snowfall was nearly triple the average.",
            "nearly triple",
            3.0,
            "approximate",
            None,
            id="triple-the",
        ),
        pytest.param(
            "Output was roughly triple last year's total.",
            "roughly triple",
            3.0,
            "approximate",
            None,
            id="triple-last-years",
        ),
        pytest.param(
            "Cases are nearly four times last year's total.",
            "nearly four times",
            4.0,
            "approximate",
            None,
            id="times-last-years",
        ),
        pytest.param(
            "Leaks were 40 times what the firm said.",
            "40 times",
            40.0,
            "exact",
            None,
            id="times-what",
        ),
        pytest.param("The new SSD reads 2X faster.", "2X", 2.0, "exact", None, id="upper-x"),
        pytest.param("Rents are 3X higher here.", "3X", 3.0, "exact", None, id="upper-x-higher"),
        pytest.param(
            "Heat pump sales rose fivefold.", "fivefold", 5.0, "exact", "increase", id="rose-fold"
        ),
        pytest.param(
            "Costs grew 3 times faster than wages.",
            "3 times",
            3.0,
            "exact",
            "increase",
            id="grew-times",
        ),
    ],
)
def test_multiples(text: str, span: str, value: float, bound: str, change: str | None) -> None:
    """A multiple's value is the factor; a verb that multiplies states its direction.

    A factor is never the size of a change (``rose fivefold``): ``is_delta`` is False.
    """
    q = _only(text)
    assert (q.kind, q.text, q.value, q.unit, q.bound) == ("multiple", span, value, None, bound)
    assert (q.change, q.is_delta) == (change, False)
    assert (q.numerator, q.denominator) == (None, None)
    assert text[q.start : q.end] == span


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("The upgrade made it 2-3 times faster.", "2-3 times", 2.0, 3.0),
        ("Flash storage is 2-3x faster.", "2-3x", 2.0, 3.0),
        ("Demand could be two to three times higher.", "two to three times", 2.0, 3.0),
        ("The bill is 2 or 3 times larger.", "2 or 3 times", 2.0, 3.0),
        ("It is between four and five times bigger.", "between four and five times", 4.0, 5.0),
    ],
)
def test_ranges_of_multiples(text: str, span: str, low: float, high: float) -> None:
    """A range of factors is one multiple with its low and high factor and no value."""
    q = _only(text)
    assert (q.kind, q.text, q.value, q.low, q.high) == ("multiple", span, None, low, high)
    assert text[q.start : q.end] == span


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("She bought a Nexus 5X last year.", id="model-with-upper-x"),
        pytest.param("The 2X4 studs are in aisle 9.", id="lumber-size"),
    ],
)
def test_upper_x_without_a_comparison_is_no_multiple(text: str) -> None:
    """``X`` after a number is a factor only before a comparison word (``2X faster``)."""
    assert not [q for q in parse_quantities(text) if q.kind == "multiple"]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "per", "options"),
    [
        pytest.param(
            "The board raised the payout by a penny a share.",
            "a penny a share",
            0.01,
            "USD",
            "share",
            None,
            id="penny-a-share-is-a-cent",
        ),
        pytest.param(
            "The lender cut its dividend by a penny a share.",
            "a penny a share",
            0.01,
            "CAD",
            "share",
            Options(dollar="CAD"),
            id="penny-is-the-cent-of-options-dollar",
        ),
        pytest.param(
            "Petrol rose 2 pennies a litre as pence prices climbed.",
            "2 pennies a litre",
            0.02,
            "GBP",
            "liter",
            None,
            id="pennies-beside-pence",
        ),
        pytest.param(
            "Gas rose a cent a gallon.", "a cent a gallon", 0.01, "USD", "gallon", None, id="cent"
        ),
    ],
)
def test_a_coin_as_a_rate(
    text: str, span: str, value: float, unit: str, per: str, options: Options | None
) -> None:
    """``a penny a share`` is 0.01 of the cent of Options.dollar, or a penny beside sterling."""
    q = _only(text, options)
    assert (q.kind, q.text, q.unit, q.per) == ("money", span, unit, per)
    assert q.value == pytest.approx(value)


def test_a_penny_beside_a_pound_sign_is_sterling() -> None:
    """A word of sterling in the clause makes ``penny`` GBP; the ``£`` amount stays GBP."""
    found = parse_quantities("Duty fell by a penny a litre, saving drivers £2 a month.")
    assert [(q.text, q.value, q.unit, q.per) for q in found] == [
        ("a penny a litre", 0.01, "GBP", "liter"),
        ("£2 a month", 2.0, "GBP", "month"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("He would not pay a penny more.", id="no-rate"),
        pytest.param("A penny for your thoughts.", id="idiom"),
    ],
)
def test_a_coin_alone_is_no_claim(text: str) -> None:
    """``a penny`` with no rate, bound or change word is no claim."""
    assert parse_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "per"),
    [
        ("Brent settled at $58.24 per barrel.", "$58.24 per barrel", 58.24, "USD", "oil_barrel"),
        ("WTI traded at $82.40 a barrel.", "$82.40 a barrel", 82.4, "USD", "oil_barrel"),
        (
            "It leases for $21.25 per square foot.",
            "$21.25 per square foot",
            21.25,
            "USD",
            "foot ** 2",
        ),
        ("The dividend is 35 cents per share.", "35 cents per share", 0.35, "USD", "share"),
        ("Tickets cost £45 a head.", "£45 a head", 45.0, "GBP", "person"),
        ("Income was $5,000 per capita.", "$5,000 per capita", 5000.0, "USD", "person"),
        (
            "Fees average £189 per person per month.",
            "£189 per person per month",
            189.0,
            "GBP",
            "person / month",
        ),
        ("Gold rose to $2,310 an ounce.", "$2,310 an ounce", 2310.0, "USD", "ounce"),
        ("Silver fell to $28.61 a troy ounce.", "$28.61 a troy ounce", 28.61, "USD", "troy_ounce"),
        ("Saffron sells for $9 per gram.", "$9 per gram", 9.0, "USD", "gram"),
        (
            "Power cost €95 per megawatt hour.",
            "€95 per megawatt hour",
            95.0,
            "EUR",
            "megawatt_hour",
        ),
        ("Diesel was $3.89 a week earlier.", "$3.89", 3.89, "USD", None),
        # but a time word before tax or deductions keeps the rate
        (
            "The post pays about £31,200 a year before tax.",
            "about £31,200 a year",
            31200.0,
            "GBP",
            "year",
        ),
        (
            "The flat lets at £1,150 per calendar month.",
            "£1,150 per calendar month",
            1150.0,
            "GBP",
            "month",
        ),
        ("Shares were $15.05 a day later.", "$15.05", 15.05, "USD", None),
        # after any unit or thing but one of time, before or after keeps the rate
        ("Gold hit $2,918 an ounce before easing.", "$2,918 an ounce", 2918.0, "USD", "ounce"),
        # hyphens around a, an or per: a rate that describes the noun after it
        ("The $41-a-share offer lapsed.", "$41-a-share", 41.0, "USD", "share"),
        ("It was a $10-an-hour job.", "$10-an-hour", 10.0, "USD", "hour"),
        (
            "It paid NOK 7.50 per share after profit rose.",
            "NOK 7.50 per share",
            7.5,
            "NOK",
            "share",
        ),
    ],
)
def test_money_rates(text: str, span: str, value: float, unit: str, per: str | None) -> None:
    """Money counted per a unit or a thing holds it in ``per``; a time after ``a`` is no rate."""
    q = _only(text)
    assert (q.kind, q.text, q.value, q.unit, q.per) == ("money", span, value, unit, per)


def test_a_range_of_money_keeps_its_rate() -> None:
    """``between $48,000 and $90,000 a year``: both ends, and the rate."""
    q = _only("The role pays between $48,000 and $90,000 a year.")
    assert (q.low, q.high, q.unit, q.per) == (48000.0, 90000.0, "USD", "year")
    assert q.text == "between $48,000 and $90,000 a year"


@pytest.mark.parametrize(
    ("text", "span", "unit", "si_value"),
    [
        ("It was 41 degrees celsius.", "41 degrees celsius", "degree_Celsius", 314.15),
        ("It was 104 DEGREES FAHRENHEIT.", "104 DEGREES FAHRENHEIT", "degree_Fahrenheit", 313.15),
        (
            "Keep the pool at 28 degrees centigrade.",
            "28 degrees centigrade",
            "degree_Celsius",
            301.15,
        ),
        ("Store below 8 deg C.", "below 8 deg C", "degree_Celsius", 281.15),
        ("Bake at 350 degrees F.", "350 degrees F", "degree_Fahrenheit", 449.8167),
        ("Preheat to 400° and bake.", "400°", "degree_Fahrenheit", 477.5944),
        ("Preheat the oven to 200 degrees.", "200 degrees", "degree_Celsius", 473.15),
        ("Expect a high of 95 degrees today.", "95 degrees", "degree_Fahrenheit", 308.15),
        ("He had a fever of 102 degrees.", "102 degrees", "degree_Fahrenheit", 312.0389),
        ("Temperatures will reach 12 degrees.", "12 degrees", "degree_Celsius", 285.15),
        ("The ramp is at an angle of 15 degrees.", "15 degrees", "degree", 0.2618),
    ],
)
def test_temperature_levels(text: str, span: str, unit: str, si_value: float) -> None:
    """Scales spelled any way and case; a bare degree by its context."""
    q = _only(text)
    assert (q.kind, q.text, q.unit) == ("measure", span, unit)
    assert q.si_value == pytest.approx(si_value, abs=1e-4)


def test_options_degrees_sets_the_scale_of_bare_degrees() -> None:
    """Where the value does not settle it, ``Options.degrees`` does."""
    text = "Temperatures will reach 12 degrees."
    assert _only(text, Options(degrees="fahrenheit")).unit == "degree_Fahrenheit"
    assert _only("Preheat to 400°.", Options(degrees="celsius")).unit == "degree_Fahrenheit"


@pytest.mark.parametrize(
    ("text", "span", "unit", "si"),
    [
        ("The water rose 5 °C in a day.", "5 °C", "delta_degree_Celsius", 5.0),
        ("Temperatures rose 3 degrees.", "3 degrees", "delta_degree_Celsius", 3.0),
        ("It will be 5C warmer than today.", "5C", "delta_degree_Celsius", 5.0),
        ("It could be 10 degrees below normal.", "10 degrees", "delta_degree_Celsius", 10.0),
        (
            "They fell 15 degrees Fahrenheit.",
            "15 degrees Fahrenheit",
            "delta_degree_Fahrenheit",
            8.3333,
        ),
        ("It was 1.6C above the pre-industrial average.", "1.6C", "delta_degree_Celsius", 1.6),
        ("A 2C rise would bleach the reef.", "2C", "delta_degree_Celsius", 2.0),
        ("It beat the national record by 0.7C.", "0.7C", "delta_degree_Celsius", 0.7),
    ],
)
def test_temperature_differences(text: str, span: str, unit: str, si: float) -> None:
    """A change or difference of temperature is in delta units: SI 5 K, not 278.15 K."""
    q = _only(text)
    assert (q.kind, q.text, q.unit) == ("measure", span, unit)
    assert q.si_value == pytest.approx(si, abs=1e-4)


def test_a_level_after_a_change_is_no_difference() -> None:
    """``rose to 5 °C`` is the new level."""
    q = _only("The water rose to 5 °C.")
    assert (q.unit, q.si_value) == ("degree_Celsius", 278.15)


@pytest.mark.parametrize(
    ("text", "span", "unit", "si", "is_delta"),
    [
        ("Highs could climb as high as 41C.", "as high as 41C", "degree_Celsius", 314.15, False),
        (
            "Lows may fall as low as minus 8C.",
            "as low as minus 8C",
            "degree_Celsius",
            265.15,
            False,
        ),
        # as much as: the size of the change
        (
            "It rose as much as 4 degrees.",
            "as much as 4 degrees",
            "delta_degree_Celsius",
            4.0,
            True,
        ),
    ],
)
def test_a_level_a_bound_reaches_is_no_difference(
    text: str, span: str, unit: str, si: float, is_delta: bool
) -> None:
    """``climb as high as 41C`` is the level reached; ``rose as much as 4 degrees``, a change."""
    q = _only(text)
    assert (q.text, q.unit, q.is_delta) == (span, unit, is_delta)
    assert q.si_value == pytest.approx(si)


def test_a_range_of_differences() -> None:
    """``2 to 3 degrees above average``: both ends in delta units."""
    q = _only("Seas are running 2 to 3 degrees above average.")
    assert (q.unit, q.si_low, q.si_high) == ("delta_degree_Celsius", 2.0, 3.0)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "ratio", "value": 0.3, "unit": "percent"}, "a ratio has no unit"),
        ({"kind": "ratio", "value": 0.3, "numerator": 3.0}, "both numerator and denominator"),
        ({"kind": "number", "value": 3.0, "numerator": 3.0, "denominator": 10.0}, "only a ratio"),
        ({"kind": "ratio", "value": 0.0, "numerator": 3.0, "denominator": 0.0}, "not 0"),
    ],
)
def test_the_model_checks_a_ratio(fields: dict[str, object], message: str) -> None:
    """A ratio has no unit, both parts or neither, and a denominator that is not 0."""
    with pytest.raises(ValidationError, match=message):
        Quantity(text="3 in 10", start=0, end=7, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("offset", [4090, 4093, 4095, 4096, 4097])
def test_a_relation_across_a_lowered_window_is_found(offset: int) -> None:
    """The screen lowers 4,096 characters at a time; a verb across two windows still counts."""
    text = "x " * (offset // 2) + "y" * (offset % 2) + " Sales doubled last year." + " z" * 3000
    found = [q for q in parse_quantities(text) if q.kind == "multiple"]
    assert [(q.text, q.value) for q in found] == [("doubled", 2.0)]


_RELATION_PIECES = st.sampled_from(
    [
        "tenfold ",
        "seventeenfold",
        "Redoubled ",
        "doubled",
        "twice as big",
        "12/40 shooting",
        "1/2",
        "İ",
        "x",
        " ",
        "fold",
        "seven",
        "7",
        "/",
        "km/h",
        "TWICE AS LARGE",
        "_",
        "\u00e9",
        "Halving",
    ]
)


@given(st.lists(_RELATION_PIECES, max_size=12).map("".join))
def test_the_relation_finder_started_at_its_first_anchor_finds_the_same(text: str) -> None:
    """Started where :func:`_relation_start` says, the finder matches what it matches from 0."""
    start = _relations._relation_start(text)
    whole = [m.span() for m in _relations._finder().finditer(text)]
    assert (start is None and not whole) or [
        m.span() for m in _relations._finder().finditer(text, start or 0)
    ] == whole


@given(st.lists(_RELATION_PIECES, max_size=12).map("".join))
def test_the_relation_finder_started_at_the_scanners_word_finds_the_same(text: str) -> None:
    """Started where the scanner's pass over words puts the first finder word (or the
    digits before a ``/``), the finder matches what it matches from 0."""
    folded = folded_whole(text)
    start = _relations._relation_start(text, folded, find_triggers(text, folded)[1])
    whole = [m.span() for m in _relations._finder().finditer(text)]
    assert (start is None and not whole) or [
        m.span() for m in _relations._finder().finditer(text, start or 0)
    ] == whole


@pytest.mark.parametrize(
    ("text", "word", "start"),
    [
        ("Profits DOUBLED, then halved.", 8, 8),
        ("It grew twofold in two years.", 8, 8),
        ("Costs rose; sales redoubled.", 18, 18),
        ("They won 12/40 shots, twice as many.", 22, 8),  # 3 digits before the '/'
        ("Manifold folders, refolded twice_over.", 27, 27),  # '_' is folded to a space
        ("\u00e9twice as big", 1, 1),  # a letter outside ASCII is no word character
        ("No relation at all, one of five.", 32, None),
        ("At 50 km/h, and/or 7/ 8, then 3/4 of it.", 40, 28),  # digits either side
        ("Open 24/7.", 10, 4),
    ],
)
def test_the_scanner_tells_where_the_first_finder_word_stands(
    text: str, word: int, start: int | None
) -> None:
    """The pass over words reports the first relation word, which is no trigger."""
    folded = folded_whole(text)
    triggers, found = find_triggers(text, folded)
    assert found == word
    assert all(
        kind != "word" or text[pos:end].lower() not in finder_words() for pos, end, kind in triggers
    )
    assert _relations._relation_start(text, folded, found) == start


def test_the_reach_before_an_anchor_covers_the_longest_fold_word() -> None:
    """``seventeenfold`` holds its anchor ``fold`` nine letters in."""
    assert _relations._anchor_reach() >= len("seventeen")
    assert _relations._relation_start("It grew seventeenfold.") == len("It grew ")
