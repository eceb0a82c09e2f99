"""The unit table generated from pint: up to date, selective, and read back as its own units."""

from __future__ import annotations

import math
from importlib import resources

import pytest

from helpers import assert_span, close, only
from numclaims import parse_quantities
from numclaims._data import load, words
from numclaims._lexicon import is_folded_surface
from numclaims._lexicon.amounts import GENERATED_UNITS
from numclaims._unit_table import plural, table_source

GENERATED = load(GENERATED_UNITS)


def test_table_is_what_the_generator_writes() -> None:
    """data/generated/units.txt is up to date: `make units` would write the very same text."""
    shipped = resources.files("numclaims").joinpath("data/generated/units.txt")
    assert shipped.read_text("utf-8") == table_source()


def test_the_table_adds_to_the_hand_written_vocabulary() -> None:
    """No generated surface repeats one of units.txt, in any case where units.txt folds it."""
    hand = {s for entry in load("units") if entry.section != "per" for s in entry.surfaces}
    hand_folded = {s.lower() for s in hand if is_folded_surface(s)}
    generated = {s for entry in GENERATED for s in entry.surfaces}
    assert generated & hand == set()
    assert {s for s in generated if s.lower() in hand_folded} == set()


def test_the_table_leaves_out_what_english_uses_otherwise() -> None:
    """No excluded surface, and no one-character symbol: units.txt rules each of those."""
    surfaces = {s for entry in GENERATED for s in entry.surfaces}
    assert surfaces & set(words("unit_exclusions", "exclude")) == set()
    assert {s for s in surfaces if len(s) == 1} == set()


@pytest.mark.parametrize(
    ("unit", "surfaces"),
    [
        ("teraelectron_volt", {"TeV", "teraelectronvolts", "TEV", "Tev", "tev"}),
        ("gigapascal", {"GPa", "gigapascals", "GPA", "Gpa", "gpa"}),
        ("gigahertz", {"GHZ", "Ghz", "ghz"}),  # GHz itself is in units.txt
        ("horsepower", {"HP"}),
        ("exabyte", {"EB", "exabytes"}),
        ("gigametric_ton", {"Gt", "gigatonne", "gigatonnes"}),
        ("kilometer ** 3", {"km^3", "km cubed", "cu km", "kilometers cubed"}),
        ("millimeter_Hg", {"mmHg"}),
        ("kip_per_square_inch", {"ksi"}),
        ("decimeter", {"dm", "decimetres"}),
    ],
)
def test_units_and_prefixes_are_written_the_ways_texts_write_them(
    unit: str, surfaces: set[str]
) -> None:
    """Symbols with prefixes, names and plurals, case variants, powers."""
    table = {entry.key: set(entry.surfaces) for entry in GENERATED}
    assert surfaces <= table[unit]


@pytest.mark.parametrize(
    "variant",
    [
        "mw",  # milliwatt and megawatt
        "Mw",
        "Mg",  # pint's megagram, not a milligram
        "MA",  # pint's megaampere, not a milliampere
        "mb",  # millibars in a forecast, megabytes on a disk
        "PA",  # Pennsylvania
        "VA",  # the 3 VA hospitals
        "FT",
    ],
)
def test_ambiguous_case_variants_are_left_out(variant: str) -> None:
    """A case variant another unit, pint or English reads otherwise is not in the table."""
    assert all(variant not in entry.surfaces for entry in GENERATED)


@pytest.mark.parametrize(
    ("singular", "expected"),
    [
        ("gigatonne", "gigatonnes"),
        ("kilohertz", "kilohertz"),
        ("foot", "feet"),
        ("inch", "inches"),
        ("millihenry", "millihenries"),
        ("kip per square inch", "kips per square inch"),
        ("inch Hg", "inch Hg"),
    ],
)
def test_plurals(singular: str, expected: str) -> None:
    assert plural(singular) == expected


def test_every_generated_surface_reads_back_as_its_unit() -> None:
    """Round trip: `7 <surface>` in a sentence is 7 of the table's unit, spanning both."""
    wrong = []
    for entry in GENERATED:
        for surface in entry.surfaces:
            text = f"It measured 7 {surface} in all."
            got = [(q.text, q.unit) for q in parse_quantities(text)]
            if got != [(f"7 {surface}", entry.key)]:
                wrong.append((surface, entry.key, got))
    assert wrong == []


# (sentence, span, value, pint unit, SI value, SI unit), grouped by what they show
GENERATED_MEASURES = [
    # a prefix on any unit of the sources
    (
        "The collider ran at 13.6 TeV.",
        "13.6 TeV",
        13.6,
        "teraelectron_volt",
        2.17896e-06,
        "kilogram * meter ** 2 / second ** 2",
    ),
    (
        "Its yield strength is 1.2 GPa.",
        "1.2 GPa",
        1.2,
        "gigapascal",
        1.2e9,
        "kilogram / meter / second ** 2",
    ),
    (
        "The bar is rated at 174 ksi.",
        "174 ksi",
        174.0,
        "kip_per_square_inch",
        1.19968777e9,
        "kilogram / meter / second ** 2",
    ),
    ("Patients received 60 Gy in all.", "60 Gy", 60.0, "gray", 60.0, "meter ** 2 / second ** 2"),
    ("The archive holds 2 EB of data.", "2 EB", 2.0, "exabyte", 1.6e19, "bit"),
    (
        "The unit is rated at 12,000 BTU.",
        "12,000 BTU",
        12000.0,
        "british_thermal_unit",
        12660672.0,
        "kilogram * meter ** 2 / second ** 2",
    ),
    ("The plate is 2 dm wide.", "2 dm", 2.0, "decimeter", 0.2, "meter"),
    (
        "Emissions hit 37 gigatonnes last year.",
        "37 gigatonnes",
        37.0,
        "gigametric_ton",
        3.7e13,
        "kilogram",
    ),
    (
        "The farm made 500 MWh in May.",
        "500 MWh",
        500.0,
        "megawatt_hour",
        1.8e12,
        "kilogram * meter ** 2 / second ** 2",
    ),
    ("Each capsule holds 500 ng of it.", "500 ng", 500.0, "nanogram", 5e-10, "kilogram"),
    # written by hand beside the table: mm Hg, lb-ft, m.p.h., bpd
    (
        "It read 120 mm Hg at rest.",
        "120 mm Hg",
        120.0,
        "millimeter_Hg",
        15998.6865,
        "kilogram / meter / second ** 2",
    ),
    (
        "It read 120 mmHg at rest.",
        "120 mmHg",
        120.0,
        "millimeter_Hg",
        15998.6865,
        "kilogram / meter / second ** 2",
    ),
    (
        "The V8 makes 410 lb-ft of torque.",
        "410 lb-ft",
        410.0,
        "foot_pound",
        555.885359,
        "kilogram * meter ** 2 / second ** 2",
    ),
    (
        "Gusts reached 90 m.p.h. inland.",
        "90 m.p.h.",
        90.0,
        "mile / hour",
        40.2336,
        "meter / second",
    ),
    (
        "Output fell by 2 million bpd.",
        "2 million bpd",
        2e6,
        "oil_barrel / day",
        3.68026146,
        "meter ** 3 / second",
    ),
    # case variants, where no other unit is written so
    ("The radio uses the 2.4 GHZ band.", "2.4 GHZ", 2.4, "gigahertz", 2.4e9, "1 / second"),
    ("The chip runs at 3.2 Ghz today.", "3.2 Ghz", 3.2, "gigahertz", 3.2e9, "1 / second"),
    (
        "The motor makes 150 HP at sea.",
        "150 HP",
        150.0,
        "horsepower",
        111854.981,
        "kilogram * meter ** 2 / second ** 3",
    ),
    # powers
    ("The lake holds 18 km^3 of water.", "18 km^3", 18.0, "kilometer ** 3", 1.8e10, "meter ** 3"),
    (
        "The glacier lost 12 km cubed of ice.",
        "12 km cubed",
        12.0,
        "kilometer ** 3",
        1.2e10,
        "meter ** 3",
    ),
    ("Flats of 50 m2 sold first.", "50 m2", 50.0, "meter ** 2", 50.0, "meter ** 2"),
    ("The pipe is 80 cm^2 across.", "80 cm^2", 80.0, "centimeter ** 2", 0.008, "meter ** 2"),
    # a unit over any other
    (
        "The pulse moved at 3 km/ms.",
        "3 km/ms",
        3.0,
        "kilometer / millisecond",
        3e6,
        "meter / second",
    ),
    (
        "The panel receives 1,000 J/m^2 a second.",
        "1,000 J/m^2",
        1000.0,
        "joule / meter ** 2",
        1000.0,
        "kilogram / second ** 2",
    ),
    (
        "Levels under 50 nmol/L are low.",
        "under 50 nmol/L",
        50.0,
        "nanomole / liter",
        5e-05,
        "mole / meter ** 3",
    ),
    # foot and inch marks
    ("Seas built to 30' off the cape.", "30'", 30.0, "foot", 9.144, "meter"),
    ('It has a 10" screen.', '10"', 10.0, "inch", 0.254, "meter"),
    ('Leave a 1/8" gap.', '1/8"', 0.125, "inch", 0.003175, "meter"),
    ("He is 5'10\" tall.", "5'10\"", 70.0, "inch", 1.778, "meter"),
]


@pytest.mark.parametrize(
    ("sentence", "span", "value", "unit", "si_value", "si_unit"),
    GENERATED_MEASURES,
    ids=[m[1] for m in GENERATED_MEASURES],
)
def test_generated_measure(
    sentence: str, span: str, value: float, unit: str, si_value: float, si_unit: str
) -> None:
    """Each measure gives its pint unit, value, SI value and exact span."""
    quantity = only(sentence)
    assert (quantity.kind, quantity.unit, quantity.text) == ("measure", unit, span)
    assert close(quantity.value, value)
    assert quantity.si_value is not None
    assert math.isclose(quantity.si_value, si_value, rel_tol=1e-6)
    assert quantity.si_unit == si_unit
    assert_span(sentence, quantity, span)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # marks that close a quotation
        ('They made the "top 10" list.', [("10", None)]),
        ("They made the 'top 10' list.", [("10", None)]),
        ('He said "1" and left.', [("1", None)]),
        ('They said "between two and three" then.', [("between two and three", None)]),
        ('The "top 10" list of 12" pizzas.', [("10", None), ('12"', "inch")]),
        # one-letter symbols and capitals that read English, not units
        ("The index gained 2 in early trading.", [("2", None)]),
        ("Crews sent 10 VA vehicles.", [("10", None)]),
        ("The firm won 3 PA contracts.", [("3", None)]),
        ("A 5 A grade is rare.", [("5", None)]),
        ("She holds 3 B shares.", [("3", None)]),
    ],
)
def test_what_the_table_does_not_read(
    sentence: str, expected: list[tuple[str, str | None]]
) -> None:
    """Quotes, English words and excluded capitals stay numbers, not units."""
    assert [(q.text, q.unit) for q in parse_quantities(sentence)] == expected
