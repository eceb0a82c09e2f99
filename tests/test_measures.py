"""Physical measures: pint units, SI values, composites, rates and ambiguity."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from helpers import assert_span, close, only
from numclaims import UnitConversionError, parse_quantities

# (sentence, span, value, pint unit, SI value, SI unit)
MEASURES = [
    # length and speed
    ("The convoy stretched for 64 km.", "64 km", 64.0, "kilometer", 64000.0, "meter"),
    ("The convoy moved at 5 km/h.", "5 km/h", 5.0, "kilometer / hour", 5 / 3.6, "meter / second"),
    ("Cars pass at 60 mph.", "60 mph", 60.0, "mile / hour", 26.8224, "meter / second"),
    ("Trains run at 100 kph.", "100 kph", 100.0, "kilometer / hour", 100 / 3.6, "meter / second"),
    (
        "It flew at 40 miles an hour.",
        "40 miles an hour",
        40.0,
        "mile / hour",
        17.8816,
        "meter / second",
    ),
    (
        "It moved at 20 km per hour.",
        "20 km per hour",
        20.0,
        "kilometer / hour",
        20 / 3.6,
        "meter / second",
    ),
    ("The wall is 3 ft. thick.", "3 ft.", 3.0, "foot", 0.9144, "meter"),
    ("He is 5 ft 10 in tall.", "5 ft 10 in", 70.0, "inch", 1.778, "meter"),
    ("They ran a 5-kilometre race.", "5-kilometre", 5.0, "kilometer", 5000.0, "meter"),
    # a unit of several words written as one hyphenated adjective before its noun
    (
        "The agent listed a 2,400-square-foot house with a pool.",
        "2,400-square-foot",
        2400.0,
        "foot ** 2",
        222.967296,
        "meter ** 2",
    ),
    (
        "They rent a 30-square-metre flat.",
        "30-square-metre",
        30.0,
        "meter ** 2",
        30.0,
        "meter ** 2",
    ),
    ("Hire a 6-cubic-yard skip.", "6-cubic-yard", 6.0, "yard ** 3", 4.587329, "meter ** 3"),
    (
        "It will build a 1.1 million-square-foot warehouse.",
        "1.1 million-square-foot",
        1.1e6,
        "foot ** 2",
        102193.344,
        "meter ** 2",
    ),
    ("The 75-sq-m flat sold.", "75-sq-m", 75.0, "meter ** 2", 75.0, "meter ** 2"),
    # a concentration per decilitre or cubic metre
    (
        "Her LDL was 130 milligrams per deciliter.",
        "130 milligrams per deciliter",
        130.0,
        "milligram / deciliter",
        1.3,
        "kilogram / meter ** 3",
    ),
    (
        "Ozone passed 180 micrograms per cubic metre.",
        "180 micrograms per cubic metre",
        180.0,
        "microgram / meter ** 3",
        1.8e-07,
        "kilogram / meter ** 3",
    ),
    # a written fraction before a hyphenated unit
    ("Cut it into 1/2-inch cubes.", "1/2-inch", 0.5, "inch", 0.0127, "meter"),
    ("Use 3/4-inch plywood for the base.", "3/4-inch", 0.75, "inch", 0.01905, "meter"),
    (
        "Gravity pulls at 9.8 metres per second squared.",
        "9.8 metres per second squared",
        9.8,
        "meter / second ** 2",
        9.8,
        "meter / second ** 2",
    ),
    # mass
    ("The parcel weighs 180 lbs.", "180 lbs", 180.0, "pound", 81.646623, "kilogram"),
    ("The boxer weighed in at 16st 2lb.", "16st 2lb", 226.0, "pound", 102.5118, "kilogram"),
    ("The ship carried 40 tonnes.", "40 tonnes", 40.0, "metric_ton", 40000.0, "kilogram"),
    # temperature (offset units)
    ("It was 30C in the shade.", "30C", 30.0, "degree_Celsius", 303.15, "kelvin"),
    ("It fell to -5 F at night.", "-5 F", -5.0, "degree_Fahrenheit", 252.594444, "kelvin"),
    ("Bake at 180°C until golden.", "180°C", 180.0, "degree_Celsius", 453.15, "kelvin"),
    ("The sample was cooled to 4 K.", "4 K", 4.0, "kelvin", 4.0, "kelvin"),
    # time
    ("He was jailed for nine years.", "nine years", 9.0, "year", 9 * 31557600.0, "second"),
    ("The talks lasted 48 hours.", "48 hours", 48.0, "hour", 172800.0, "second"),
    ("The tour lasted a fortnight.", "a fortnight", 1.0, "fortnight", 1209600.0, "second"),
    ("It took 1 hour 30 minutes.", "1 hour 30 minutes", 90.0, "minute", 5400.0, "second"),
    (
        "The lease ran 2 years and 6 months.",
        "2 years and 6 months",
        30.0,
        "month",
        2.5 * 31557600.0,
        "second",
    ),
    ("A 10-minute walk away.", "10-minute", 10.0, "minute", 600.0, "second"),
    # data, energy, power
    ("The drive holds 2 TB.", "2 TB", 2.0, "terabyte", 1.6e13, "bit"),
    ("The line gives 100 Mbps.", "100 Mbps", 100.0, "megabit / second", 1e8, "bit / second"),
    (
        "The home used 5 kWh.",
        "5 kWh",
        5.0,
        "kilowatt_hour",
        1.8e7,
        "kilogram * meter ** 2 / second ** 2",
    ),
    ("The farm makes 3 MW.", "3 MW", 3.0, "megawatt", 3e6, "kilogram * meter ** 2 / second ** 3"),
    (
        "The engine makes 300 hp.",
        "300 hp",
        300.0,
        "horsepower",
        223709.96,
        "kilogram * meter ** 2 / second ** 3",
    ),
    # area and volume
    ("The flat is 85 m².", "85 m²", 85.0, "meter ** 2", 85.0, "meter ** 2"),
    ("The flat is 85 m2.", "85 m2", 85.0, "meter ** 2", 85.0, "meter ** 2"),
    ("The fire burned 500 sq km.", "500 sq km", 500.0, "kilometer ** 2", 5e8, "meter ** 2"),
    ("The farm covers 40 acres.", "40 acres", 40.0, "acre", 161874.904395, "meter ** 2"),
    ("The farm covers 12 hectares.", "12 hectares", 12.0, "hectare", 120000.0, "meter ** 2"),
    ("The tank holds 3 cubic metres.", "3 cubic metres", 3.0, "meter ** 3", 3.0, "meter ** 3"),
    ("The tank holds 10 gallons.", "10 gallons", 10.0, "gallon", 0.0378541, "meter ** 3"),
    (
        "The tank holds 10 imperial gallons.",
        "10 imperial gallons",
        10.0,
        "imperial_gallon",
        0.0454609,
        "meter ** 3",
    ),
    (
        "Output rose by 2 million barrels a day.",
        "2 million barrels a day",
        2e6,
        "oil_barrel / day",
        3.6802615,
        "meter ** 3 / second",
    ),
    # concentration and others
    (
        "Her glucose was 126 mg/dL today.",
        "126 mg/dL",
        126.0,
        "milligram / deciliter",
        1.26,
        "kilogram / meter ** 3",
    ),
    (
        "Smog hit 35 µg/m³ today.",
        "35 µg/m³",
        35.0,
        "microgram / meter ** 3",
        3.5e-8,
        "kilogram / meter ** 3",
    ),
    ("CO2 passed 420 ppm.", "420 ppm", 420.0, "ppm", 4.2e-4, "dimensionless"),
    (
        "A meal of 2,000 calories.",
        "2,000 calories",
        2000.0,
        "kilocalorie",
        8.368e6,
        "kilogram * meter ** 2 / second ** 2",
    ),
    # Caught by mutation: a unit name mapped to the wrong unit, and "pounds" lost in weight.
    ("They walked 12 kilometres.", "12 kilometres", 12.0, "kilometer", 12000.0, "meter"),
    ("She lost 5 pounds in a month.", "5 pounds", 5.0, "pound", 2.26796185, "kilogram"),
]


@pytest.mark.parametrize(
    ("sentence", "span", "value", "unit", "si_value", "si_unit"),
    MEASURES,
    ids=[m[1] for m in MEASURES],
)
def test_measure(
    sentence: str, span: str, value: float, unit: str, si_value: float, si_unit: str
) -> None:
    """Each measure gives its pint unit, value, SI value and exact span."""
    quantity = only(sentence)
    assert (quantity.kind, quantity.unit) == ("measure", unit)
    assert close(quantity.value, value)
    assert quantity.si_value is not None
    assert math.isclose(quantity.si_value, si_value, rel_tol=1e-6)
    assert quantity.si_unit == si_unit
    assert_span(sentence, quantity, span)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He was jailed in 2003 after the trial.", []),
        ("The show starts at 2pm sharp.", []),
        ("A mix of 5 things.", [("5", "number", None)]),
        ("The tower is 5m high.", [("5m", "measure", "meter")]),
        ("The club paid £5m for him.", [("£5m", "money", "GBP")]),
        ("The app has 5m users.", [("5m", "number", None)]),
        ("The 10K runners set off.", [("10K", "number", None)]),
        ("Denmark sent 19 F-16 jets.", [("19", "number", None)]),
        ("It was his 21st birthday.", []),
        ("Add 50g of butter.", [("50g", "measure", "gram")]),
        ("It gets 52 mpg.", [("52 mpg", "measure", "mile / gallon")]),
    ],
)
def test_unit_ambiguity(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    """Single letters and short words are units only where a measure is plausible."""
    assert [(q.text, q.kind, q.unit) for q in parse_quantities(sentence)] == expected


def test_imperial_gallons_option() -> None:
    """Options.gallon makes a bare gallon imperial; 'US gallons' stays US."""
    from numclaims import Options

    imperial = Options(gallon="imperial")
    assert parse_quantities("It holds 10 gallons.", options=imperial)[0].unit == "imperial_gallon"
    assert parse_quantities("It holds 10 US gallons.", options=imperial)[0].unit == "gallon"


def test_ranges_of_measures_share_the_unit() -> None:
    """``5 to 10 km`` is one range in kilometres; its SI ends are si_low and si_high."""
    quantity = only("The queue stretched 5 to 10 km.")
    assert (quantity.low, quantity.high, quantity.unit) == (5.0, 10.0, "kilometer")
    assert (quantity.si_value, quantity.si_low, quantity.si_high) == (None, 5000.0, 10000.0)
    assert quantity.si_unit == "meter"


def test_to_and_to_pint() -> None:
    """A measure converts with to() and becomes a pint quantity with to_pint()."""
    quantity = only("The convoy moved at 5 km/h.")
    assert math.isclose(quantity.to("meter / second"), 5 / 3.6)
    assert str(quantity.to_pint().units) == "kilometer / hour"
    with pytest.raises(UnitConversionError):
        quantity.to("kilogram")
    with pytest.raises(UnitConversionError):
        only("It cost £5.").to_pint()


def test_import_does_not_build_the_registry() -> None:
    """Importing numclaims does not import pint; nor do money and the vocabulary's units.

    Their SI values come from numclaims' table; a rate the table lacks builds
    the registry.
    """
    code = (
        "import sys, numclaims; "
        "assert 'pint' not in sys.modules, 'pint imported'; "
        "numclaims.parse_quantities('It cost $5.'); "
        "assert 'pint' not in sys.modules, 'pint imported for money'; "
        "numclaims.parse_quantities('It is 5 km and 40 tonnes, at 20 °C and 300 km/h.'); "
        "assert 'pint' not in sys.modules, 'pint imported for units of the table'; "
        "numclaims.parse_quantities('They pump 5 barrels a week.'); "
        "assert 'pint' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_unit_text_keeps_the_number() -> None:
    """Text that is no unit leaves a plain number, never an error."""
    quantity = only("They own 12 zorblats.")
    assert (quantity.kind, quantity.value, quantity.unit, quantity.entity) == (
        "number",
        12.0,
        None,
        "zorblats",
    )


def test_a_decade_is_ten_years() -> None:
    """pint's ``decade`` is a logarithmic factor of ten; in text it is ten years."""
    quantity = only("Wages have stagnated for three decades.")
    assert (quantity.text, quantity.unit, quantity.value) == ("three decades", "decade", 3.0)
    assert quantity.si_unit == "second"
    assert quantity.si_value is not None
    assert math.isclose(quantity.si_value, 30 * 365.25 * 86400)
    assert math.isclose(quantity.to("year"), 30.0)
    # a rate of decades once crashed the SI conversion (pint's delta_decade)
    rate = only("It logged 25,000 decade a day.")
    assert (rate.unit, rate.si_unit) == ("decade / day", "dimensionless")


def test_decibels_have_no_si_value() -> None:
    """A logarithmic unit has no linear SI scale: 85 dB is no multiple of 1 dB."""
    quantity = only("Traffic noise reached 85 dB at the junction.")
    assert (quantity.text, quantity.unit, quantity.value) == ("85 dB", "decibel", 85.0)
    assert (quantity.si_value, quantity.si_unit) == (None, None)


def test_every_unit_as_a_rate_of_every_time_unit_parses() -> None:
    """Each unit per each ``per`` unit parses without error, with an SI value or None.

    Fuzzing found ``decade a day`` crashing the SI conversion; this walks all
    119 units x 39 ``per`` surfaces, both ways of writing a rate.
    """
    from numclaims._lexicon import per_units, unit_surfaces

    exact, folded = unit_surfaces()
    first: dict[str, str] = {}
    for surface, sense in [*exact.items(), *folded.items()]:
        first.setdefault(sense.unit, surface)
    for surface in first.values():
        for per in sorted(set(per_units())):
            text = f"It logged 25,000 {surface} a {per} and 3 {surface} per {per}."
            for quantity in parse_quantities(text):
                assert quantity.si_value is None or math.isfinite(quantity.si_value)
