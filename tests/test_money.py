"""Money: symbols, ISO codes and names before or after, scales, minor units."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import assert_span, close, only
from numclaims import Options, parse_quantities

# (sentence, span, value, ISO code)
MONEY = [
    ("Oligarchs lost £1.5billion worth of yachts.", "£1.5billion", 1.5e9, "GBP"),
    ("The deal is worth $40k to him.", "$40k", 4e4, "USD"),
    ("The club paid €2.5m for the striker.", "€2.5m", 2.5e6, "EUR"),
    ("The club paid ¥300 for a ticket.", "¥300", 300.0, "JPY"),
    ("The ticket costs ₹500 in Delhi.", "₹500", 500.0, "INR"),
    ("The ticket costs ₽900 in Moscow.", "₽900", 900.0, "RUB"),
    ("The ticket costs ₴120 in Kyiv.", "₴120", 120.0, "UAH"),
    ("The loan was US$3bn.", "US$3bn", 3e9, "USD"),
    ("Shares closed at C$12.50 on Friday.", "C$12.50", 12.5, "CAD"),
    ("Shares closed at A$4.10 on Friday.", "A$4.10", 4.1, "AUD"),
    ("Shares closed at HK$88 on Friday.", "HK$88", 88.0, "HKD"),
    ("Shares closed at R$30 on Friday.", "R$30", 30.0, "BRL"),
    ("A thali costs Rs. 250 here.", "Rs. 250", 250.0, "INR"),
    ("The contract is worth USD 5,000 in all.", "USD 5,000", 5000.0, "USD"),
    ("The contract is worth 5,000 USD in all.", "5,000 USD", 5000.0, "USD"),
    ("The fine was GBP 27 million.", "GBP 27 million", 2.7e7, "GBP"),
    ("The bond raised EUR2.5bn.", "EUR2.5bn", 2.5e9, "EUR"),
    ("Net income was USD34.6 million.", "USD34.6 million", 3.46e7, "USD"),
    ("He was paid 40 dollars.", "40 dollars", 40.0, "USD"),
    ("The bill came to 10 pounds sterling.", "10 pounds sterling", 10.0, "GBP"),
    ("The fee is 20 euros.", "20 euros", 20.0, "EUR"),
    ("Pensions rose by 500 roubles.", "500 roubles", 500.0, "RUB"),
    ("Pensions rose by 500 rubles.", "500 rubles", 500.0, "RUB"),
    ("Wages are 8,000 hryvnias now.", "8,000 hryvnias", 8000.0, "UAH"),
    ("A coffee is 400 yen.", "400 yen", 400.0, "JPY"),
    ("He earns 3 crore rupees in salary.", "3 crore rupees", 3e7, "INR"),
    ("The watch costs 900 francs.", "900 francs", 900.0, "CHF"),
    ("A stamp costs 87p now.", "87p", 0.87, "GBP"),
    ("A stamp costs 24.5p now.", "24.5p", 0.245, "GBP"),
    ("A stamp costs 50 cents now.", "50 cents", 0.5, "USD"),
    ("The loss per share was $(0.12) in the quarter.", "$(0.12)", -0.12, "USD"),
    ("The fund lost -$5m in a day.", "-$5m", -5e6, "USD"),
    # Caught by mutation: "pounds" is money when money cues are as many as mass cues.
    ("He paid 5 pounds for the bag.", "5 pounds", 5.0, "GBP"),
    ("It came to 5 pounds.", "5 pounds", 5.0, "GBP"),
]


@pytest.mark.parametrize(("sentence", "span", "value", "code"), MONEY)
def test_money(sentence: str, span: str, value: float, code: str) -> None:
    """Money comes out with its ISO 4217 code, its scaled value and exact span."""
    quantity = only(sentence)
    assert quantity.kind == "money"
    assert quantity.unit == code
    assert close(quantity.value, value)
    assert_span(sentence, quantity, span)


def test_bare_dollar_follows_options() -> None:
    """A bare ``$`` is USD unless Options.dollar says otherwise."""
    sentence = "Tickets cost $25 in Toronto."
    assert only(sentence).unit == "USD"
    assert parse_quantities(sentence, options=Options(dollar="CAD"))[0].unit == "CAD"


def test_explicit_us_dollar_is_not_rebased() -> None:
    """``US$`` stays USD whatever Options.dollar says."""
    found = parse_quantities("It cost US$25.", options=Options(dollar="CAD"))
    assert found[0].unit == "USD"


@pytest.mark.parametrize(
    ("sentence", "span", "value", "code", "per"),
    [
        ("Cleaners earn $15 per hour.", "$15 per hour", 15.0, "USD", "hour"),
        ("Diesel costs £3 a litre.", "£3 a litre", 3.0, "GBP", "liter"),
        ("The deal is worth $40k a year to him.", "$40k a year", 4e4, "USD", "year"),
        ("Wages are 8,000 hryvnias a month.", "8,000 hryvnias a month", 8000.0, "UAH", "month"),
    ],
)
def test_money_rate_has_per_unit(
    sentence: str, span: str, value: float, code: str, per: str
) -> None:
    """``$5 per hour`` is money with ``per`` set to the pint unit."""
    quantity = only(sentence)
    assert (quantity.kind, quantity.unit, quantity.per) == ("money", code, per)
    assert close(quantity.value, value)
    assert_span(sentence, quantity, span)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [("The parcel weighs 12 pounds of flour.", "measure"), ("He sold it for 12 pounds.", "money")],
)
def test_pounds_are_read_from_context(sentence: str, kind: str) -> None:
    """``pounds`` is mass near weight words and money near price words."""
    assert only(sentence).kind == kind


def test_million_suffix_never_silently_wrong() -> None:
    """``m`` after a currency is million; ``m`` after a bare number is a metre."""
    assert close(only("The club paid £5m.").value, 5e6)
    quantity = only("The wall is 5m high.")
    assert (quantity.kind, quantity.unit, quantity.value) == ("measure", "meter", 5.0)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Revenue reached $2.05bn.", 2_050_000_000.0),
        ("The fund raised $4.1 million.", 4_100_000.0),
        ("About 4.1 million people voted.", 4_100_000.0),
        ("Orders were worth $1.15 trillion.", 1_150_000_000_000.0),
        ("The plan costs between $2.05 billion and $2.15 billion.", 2_050_000_000.0),
    ],
)
def test_a_scaled_value_is_the_written_number(sentence: str, value: float) -> None:
    """``$2.05bn`` is 2,050,000,000.0 exactly, not the binary product 2049999999.9999998."""
    quantity = parse_quantities(sentence)[0]
    assert (quantity.value if quantity.value is not None else quantity.low) == value


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999.99"), places=2),
    st.sampled_from([("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12)]),
)
def test_every_scaled_value_is_the_nearest_float(number: Decimal, scale: tuple[str, int]) -> None:
    """Whatever the digits, a number and a scale word give the float nearest their product."""
    word, exponent = scale
    found = parse_quantities(f"They counted {number} {word} birds.")
    assert [q.value for q in found] == [float(number.scaleb(exponent))]
