"""The number grammar across its forms: every quantity of a sentence, exactly.

Each row gives all the quantities of a sentence: span, kind, value (or low
and high for a range), unit, bound and, where written, the uncertainty, so a
quantity split, joined, valued or bounded differently fails.  Rows are
grouped by the part of the grammar they pin (issue 13, "The number grammar,
complete"); the sentences are the project's own.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import close
from numclaims import parse_quantities


class Expected(NamedTuple):
    """One quantity as it must come out."""

    text: str
    kind: str
    value: float | tuple[float, float]  # a value, or (low, high) for a range
    unit: str | None = None
    bound: str = "exact"
    uncertainty: float | None = None


Row = tuple[str, list[Expected]]

DIGITS_AND_WORDS: dict[str, Row] = {
    "digits-hundred": (
        "The county planted 3 hundred oak saplings.",
        [Expected("3 hundred", "number", 300.0)],
    ),
    "digits-hundred-million": (
        "The bond programme is worth 4 hundred million.",
        [Expected("4 hundred million", "number", 4e8)],
    ),
    "digits-hundred-thousand-unit": (
        "The brewery produced 5 hundred thousand litres of cider.",
        [Expected("5 hundred thousand litres", "measure", 5e5, "liter")],
    ),
    "digits-hundred-money": (
        "The charity raised 6 hundred pounds at the sale.",
        [Expected("6 hundred pounds", "money", 600.0, "GBP")],
    ),
    "digits-dozens": ("She baked 3 dozens of cookies.", [Expected("3 dozens", "number", 36.0)]),
}

WORDS: dict[str, Row] = {
    "a-quarter-million": (
        "The club counts a quarter million members.",
        [Expected("a quarter million", "number", 2.5e5)],
    ),
    "a-quarter-of-a-million": (
        "A quarter of a million fans lined the route.",
        [Expected("A quarter of a million", "number", 2.5e5)],
    ),
    "three-quarters-of-a-million": (
        "Three quarters of a million households have no broadband.",
        [Expected("Three quarters of a million", "number", 7.5e5)],
    ),
    "hundred-and-three-quarters": (
        "She ran one hundred and three quarters miles.",
        [Expected("one hundred and three quarters miles", "measure", 100.75, "mile")],
    ),
    "one-hundred-dozen": (
        "The caterer ordered one hundred dozen eggs.",
        [Expected("one hundred dozen", "number", 1200.0)],
    ),
    "point-decimals": (
        "The gauge settled at two hundred point zero three.",
        [Expected("two hundred point zero three", "number", 200.03)],
    ),
    "point-then-scale": (
        "The fund paid out one point two billion.",
        [Expected("one point two billion", "number", 1.2e9)],
    ),
    "point-then-no-digit": (
        "At one point the crowd left.",  # "point" joins only a digit word after it
        [],
    ),
    "negative-word": (
        "The score dropped to negative one.",
        [Expected("negative one", "number", -1.0)],
    ),
    "minus-words-percent": (
        "Real wages grew by minus five percent.",
        [Expected("minus five percent", "percent", -5.0, "percent")],
    ),
    "minus-hyphen-digits": (
        "The lander recorded minus-130 degrees Fahrenheit.",
        [Expected("minus-130 degrees Fahrenheit", "measure", -130.0, "degree_Fahrenheit")],
    ),
    "several-hundred-thousand": (
        "Several hundred thousand people marched.",
        [Expected("Several hundred thousand", "number", (3e5, 9e5), bound="approximate")],
    ),
    "several-thousand-hundred-stops": (
        "Several thousand hundred people marched.",
        [Expected("Several thousand", "number", (3000.0, 9000.0), bound="approximate")],
    ),
    "tens-of-millions-of-dollars": (
        "It cost tens of millions of dollars.",
        [
            Expected(
                "tens of millions of dollars", "money", (1e7, 9.9e7), "USD", bound="approximate"
            )
        ],
    ),
    "thousands-of-people-stay-numbers": (
        "Thousands of people came.",
        [Expected("Thousands", "number", (2000.0, 9000.0), bound="approximate")],
    ),
}

NOTATION: dict[str, Row] = {
    "superscript-exponent": (
        "The Sun has a mass of 1.99×10³⁰ kg.",
        [Expected("1.99×10³⁰ kg", "measure", 1.99e30, "kilogram")],
    ),
    "superscript-negative-exponent": (
        "The mass was 1.99×10⁻³⁰ kg.",
        [Expected("1.99×10⁻³⁰ kg", "measure", 1.99e-30, "kilogram")],
    ),
    "lost-superscript-minus-sign": (
        "An electron weighs 9.11×10−31 kg.",
        [Expected("9.11×10−31 kg", "measure", 9.11e-31, "kilogram")],
    ),
    "capital-x": ("The culture held 3X10^6 cells.", [Expected("3X10^6", "number", 3e6)]),
    "spaced-superscript": (
        "A wavelength of 6.5 × 10⁻⁷ m.",
        [Expected("6.5 × 10⁻⁷ m", "measure", 6.5e-7, "meter")],
    ),
    "power": ("The factor is 1.1^23.", [Expected("1.1^23", "number", 1.1**23)]),
    "power-of-ten": ("It held 10^6 cells.", [Expected("10^6", "number", 1e6)]),
    "fraction-slash": (
        "The shim is 1⁄32 inch too thin.",
        [Expected("1⁄32 inch", "measure", 1 / 32, "inch")],
    ),
    "fraction-slash-mixed": ("Mix 2 1⁄2 cups.", [Expected("2 1⁄2 cups", "measure", 2.5, "cup")]),
    "lakh-with-decimals": (
        "The bill came to ₹1,23,456.78 after taxes.",
        [Expected("₹1,23,456.78", "money", 123456.78, "INR")],
    ),
    "narrow-no-break-groups": (
        "The reservoir holds 1\u202f250\u202f000 cubic metres.",
        [Expected("1\u202f250\u202f000 cubic metres", "measure", 1.25e6, "meter ** 3")],
    ),
}

UNCERTAINTY: dict[str, Row] = {
    "plus-minus-sign": (
        "The rods measured 5.2 ± 0.3 mm.",
        [Expected("5.2 ± 0.3 mm", "measure", 5.2, "millimeter", uncertainty=0.3)],
    ),
    "plus-slash-minus": (
        "The mean age was 34.5 +/- 6.1 years.",
        [Expected("34.5 +/- 6.1 years", "measure", 34.5, "year", uncertainty=6.1)],
    ),
    "glued-minus-is-no-sign": (
        "It weighed 5 +/-2 kg.",
        [Expected("5 +/-2 kg", "measure", 5.0, "kilogram", uncertainty=2.0)],
    ),
    "unspaced": (
        "The cell delivered 0.75±0.05 volts.",
        [Expected("0.75±0.05 volts", "measure", 0.75, "volt", uncertainty=0.05)],
    ),
    "percent-both-ends": (
        "Turnout was 61% ± 2% in the poll.",
        [Expected("61% ± 2%", "percent", 61.0, "percent", uncertainty=2.0)],
    ),
    "different-units-stay-apart": (
        "It was 5 kg ± 2 mm.",
        [
            Expected("5 kg", "measure", 5.0, "kilogram"),
            Expected("2 mm", "measure", 2.0, "millimeter"),
        ],
    ),
}

SHARED: dict[str, Row] = {
    "words-share-a-scale": (
        "Four to five thousand people attended.",
        [Expected("Four to five thousand", "number", (4000.0, 5000.0))],
    ),
    "words-own-scale-kept": (
        "Estimates are from four hundred to five thousand.",
        [Expected("from four hundred to five thousand", "number", (400.0, 5000.0))],
    ),
    "suspended-hyphens": (
        "The yard builds 8- to 16-meter blades.",
        [Expected("8- to 16-meter", "measure", (8.0, 16.0), "meter")],
    ),
    "suspended-hyphens-after-a-change-verb": (
        "Airlines are cutting five- to six-hour flights.",
        [Expected("five- to six-hour", "measure", (5.0, 6.0), "hour")],
    ),
    "or-money": (
        "A bottle costs eight or nine euros.",
        [Expected("eight or nine euros", "money", (8.0, 9.0), "EUR")],
    ),
    "or-years": (
        "The repairs will take three or four years.",
        [Expected("three or four years", "measure", (3.0, 4.0), "year")],
    ),
    "or-shares-a-word-scale": (
        "The herd grew to five or six hundred animals.",
        [Expected("five or six hundred", "number", (500.0, 600.0))],
    ),
    "or-tens": (
        "Tickets sell for 40 or 50 dollars.",
        [Expected("40 or 50 dollars", "money", (40.0, 50.0), "USD")],
    ),
    "or-two-settings": (
        "The magnet is 1.5 or 3 tesla.",
        [Expected("1.5", "number", 1.5), Expected("3 tesla", "measure", 3.0, "tesla")],
    ),
    "or-after-money-stays-two": (
        "Tickets were £5 or 10 pounds.",
        [Expected("£5", "money", 5.0, "GBP"), Expected("10 pounds", "money", 10.0, "GBP")],
    ),
    "or-far-apart-stays-two": (
        "It takes 5 or 20 minutes.",
        [Expected("5", "number", 5.0), Expected("20 minutes", "measure", 20.0, "minute")],
    ),
    "descending-negatives": (
        "Lows will be from -18 °C to -34 °C.",
        [Expected("from -18 °C to -34 °C", "measure", (-34.0, -18.0), "degree_Celsius")],
    ),
    "between-articles": (
        "Between a hundred and a thousand species could vanish.",
        [Expected("Between a hundred and a thousand", "number", (100.0, 1000.0))],
    ),
}

DURATIONS: dict[str, Row] = {
    "hours-and-minutes-glued": (
        "Soak the beans for 2h 30m first.",
        [Expected("2h 30m", "measure", 150.0, "minute")],
    ),
    "metres-after-no-hour": (
        "A 2h drive and 30m of road.",
        [Expected("2h", "measure", 2.0, "hour"), Expected("30m", "measure", 30.0, "meter")],
    ),
    "three-parts-with-commas-and-and": (
        "The flight lasted two hours, five minutes, and six seconds.",
        [Expected("two hours, five minutes, and six seconds", "measure", 7506.0, "second")],
    ),
    "race-time": (
        "She won the marathon in 2:07:30, a record.",
        [Expected("2:07:30", "measure", 7650.0, "second")],
    ),
    "race-time-in-brackets": (
        "He finished (4:20:47) behind them.",
        [Expected("4:20:47", "measure", 15647.0, "second")],
    ),
    "race-time-minutes-and-tenths": (
        "Her winning time of 4:12.6 was a meeting record.",
        [Expected("4:12.6", "measure", 252.6, "second")],
    ),
    "race-time-minutes-and-hundredths": (
        "He clocked 1:44.91 in the heat.",
        [Expected("1:44.91", "measure", 104.91, "second")],
    ),
    "race-time-minutes-and-seconds-after-in": (
        "Ran 10 km this morning in 52:14, a personal best.",
        [
            Expected("10 km", "measure", 10.0, "kilometer"),
            Expected("52:14", "measure", 3134.0, "second"),
        ],
    ),
    "race-time-minutes-and-seconds-after-time-of": (
        "Her winning time of 27:41 was a course record.",
        [Expected("27:41", "measure", 1661.0, "second")],
    ),
    "race-time-minutes-and-seconds-after-clocked": (
        "Okafor clocked 13:05 in the 5,000 metres.",
        [
            Expected("13:05", "measure", 785.0, "second"),
            Expected("5,000 metres", "measure", 5000.0, "meter"),
        ],
    ),
    "clock-time-after-in-with-pm-stays-out": ("The show airs in the 10:30 pm slot.", []),
    "clock-time-minutes-and-seconds-elsewhere-stays-out": ("The bus left at 10:15 on Monday.", []),
    "clock-time-stays-out": ("The meeting starts at 2:55 in the hall.", []),
    "clock-time-with-seconds-and-pm-stays-out": ("The train leaves at 10:15:30 pm.", []),
}

BOUNDS: dict[str, Row] = {
    "less-than-or-equal-to": (
        "Loads less than or equal to 40 tonnes are allowed.",
        [Expected("less than or equal to 40 tonnes", "measure", 40.0, "metric_ton", "at_most")],
    ),
    "greater-than-or-equal-to": (
        "Speeds greater than or equal to 120 km/h are fined.",
        [
            Expected(
                "greater than or equal to 120 km/h",
                "measure",
                120.0,
                "kilometer / hour",
                "at_least",
            )
        ],
    ),
    "sub-money": (
        "The brand chases the sub-$300 market.",
        [Expected("sub-$300", "money", 300.0, "USD", "less_than")],
    ),
    "sub-number": (
        "He wants a sub-300 finish.",
        [Expected("sub-300", "number", 300.0, bound="less_than")],
    ),
    "under-the-age-of": (
        "Children under the age of 5 travel free.",
        [Expected("under the age of 5", "measure", 5.0, "year", "less_than")],
    ),
    "near": (
        "The index closed near 53 on Friday.",
        [Expected("near 53", "number", 53.0, bound="approximate")],
    ),
    "plus-after": (
        "The band played 400-plus shows.",
        [Expected("400-plus", "number", 400.0, bound="at_least")],
    ),
    "plus-vat-is-no-bound": ("It costs £400 plus VAT.", [Expected("£400", "money", 400.0, "GBP")]),
    "as-far-as": (
        "The route runs as far as 30 miles out.",
        [Expected("as far as 30 miles", "measure", 30.0, "mile", "at_most")],
    ),
    "as-close-as": (
        "The storm came as close as 15 km.",
        [Expected("as close as 15 km", "measure", 15.0, "kilometer", "at_most")],
    ),
    "exceeds-after-a-label-word": (
        "Demand for the part exceeds 5,000 units.",
        [Expected("exceeds 5,000", "number", 5000.0, bound="more_than")],
    ),
}


def _check(sentence: str, expected: list[Expected]) -> None:
    found = parse_quantities(sentence)
    assert [q.text for q in found] == [e.text for e in expected], sentence
    for quantity, wanted in zip(found, expected, strict=True):
        assert sentence[quantity.start : quantity.end] == wanted.text
        assert (quantity.kind, quantity.unit, quantity.bound) == (
            wanted.kind,
            wanted.unit,
            wanted.bound,
        ), quantity.text
        assert close(quantity.uncertainty, wanted.uncertainty), quantity.text
        if isinstance(wanted.value, tuple):
            assert quantity.value is None, quantity.text
            assert close(quantity.low, wanted.value[0]), (quantity.text, quantity.low)
            assert close(quantity.high, wanted.value[1]), (quantity.text, quantity.high)
        else:
            assert close(quantity.value, wanted.value), (quantity.text, quantity.value)
            assert (quantity.low, quantity.high) == (None, None), quantity.text


def _rows(*tables: dict[str, Row]) -> list[object]:
    return [pytest.param(*row, id=name) for table in tables for name, row in table.items()]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    _rows(DIGITS_AND_WORDS, WORDS, NOTATION, UNCERTAINTY, SHARED, DURATIONS, BOUNDS),
)
def test_grammar(sentence: str, expected: list[Expected]) -> None:
    """Every quantity of the sentence, with its exact span, value, unit and bound, and no other."""
    _check(sentence, expected)


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


@given(
    mantissa=st.integers(min_value=100, max_value=999),
    power=st.integers(min_value=-40, max_value=40),
)
def test_superscript_exponent_round_trips(mantissa: int, power: int) -> None:
    """``m.mm×10ⁿ kg`` written with superscripts reads as m.mm × 10ⁿ kilograms."""
    written = f"{mantissa / 100:.2f}×10{str(power).translate(_SUPERSCRIPTS)}"
    found = parse_quantities(f"The sample weighed {written} kg.")
    assert [q.text for q in found] == [f"{written} kg"]
    assert close(found[0].value, float(f"{mantissa / 100:.2f}e{power}"))


@given(
    hours=st.integers(min_value=0, max_value=23),
    minutes=st.integers(min_value=0, max_value=59),
    seconds=st.integers(min_value=0, max_value=59),
)
def test_race_time_round_trips(hours: int, minutes: int, seconds: int) -> None:
    """``h:mm:ss`` after ``in`` is a duration of that many seconds."""
    written = f"{hours}:{minutes:02d}:{seconds:02d}"
    found = parse_quantities(f"She finished in {written} on Sunday.")
    assert [(q.text, q.unit) for q in found] == [(written, "second")]
    assert close(found[0].value, hours * 3600.0 + minutes * 60.0 + seconds)


@given(
    minutes=st.integers(min_value=0, max_value=59),
    seconds=st.integers(min_value=0, max_value=59),
    tenths=st.integers(min_value=0, max_value=99),
)
def test_race_time_with_a_fraction_round_trips(minutes: int, seconds: int, tenths: int) -> None:
    """``m:ss.f`` is a duration: a clock time never has a fraction of a second."""
    written = f"{minutes}:{seconds:02d}.{tenths}"
    found = parse_quantities(f"She won in {written} on Sunday.")
    assert [(q.text, q.unit) for q in found] == [(written, "second")]
    assert close(found[0].value, minutes * 60.0 + float(f"{seconds}.{tenths}"))


@given(
    value=st.integers(min_value=1, max_value=99_999),
    error=st.integers(min_value=1, max_value=999),
    sign=st.sampled_from(["±", "+/-", " ± ", " +/- "]),
)
def test_uncertainty_round_trips(value: int, error: int, sign: str) -> None:
    """``v ± e mm`` is one measure of v mm with uncertainty e, whatever the spacing."""
    written = f"{value}{sign}{error} mm"
    found = parse_quantities(f"The part measured {written} across.")
    assert [q.text for q in found] == [written]
    assert (found[0].value, found[0].uncertainty, found[0].unit) == (value, error, "millimeter")


@given(count=st.integers(min_value=1, max_value=9), scale=st.sampled_from(["hundred", "dozen"]))
def test_digit_before_a_small_scale_word(count: int, scale: str) -> None:
    """``3 hundred``, ``3 dozen``: the digit times the word's value."""
    found = parse_quantities(f"They sold {count} {scale} crates.")
    assert [q.text for q in found] == [f"{count} {scale}"]
    assert close(found[0].value, count * {"hundred": 100.0, "dozen": 12.0}[scale])
