"""SI values: the table in _si_table.py is the registry's own answer, and spares building it."""

from __future__ import annotations

from importlib import resources

import pytest

from numclaims import parse_quantities
from numclaims._data import load
from numclaims._normalise import (
    SIConversion,
    _si_by_pint,
    _si_table,
    si_conversion,
    si_table_source,
)


def test_si_table_is_what_the_registry_writes() -> None:
    """_si_table.py is up to date: `make si-table` would write the very same text."""
    shipped = resources.files("numclaims").joinpath("_si_table.py").read_text("utf-8")
    assert shipped == si_table_source()


def test_every_unit_of_the_vocabulary_has_its_registry_conversion() -> None:
    units = {entry.key for entry in load("units")}
    table = _si_table()
    assert set(table) == units
    assert {u: table[u] for u in units if table[u] != _si_by_pint(u)} == {}


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("kilometer", SIConversion(1000.0, 0.0, "meter")),
        ("degree_Celsius", SIConversion(1.0, 273.15, "kelvin")),
        ("decade", SIConversion(315576000.0, 0.0, "second")),  # ten years, not a factor of ten
        ("decibel", None),  # logarithmic: no SI value
    ],
)
def test_table_conversions(unit: str, expected: SIConversion | None) -> None:
    assert si_conversion(unit) == expected


def test_a_rate_outside_the_table_comes_from_the_registry() -> None:
    assert "oil_barrel / day" not in _si_table()
    conversion = si_conversion("oil_barrel / day")
    assert conversion is not None
    assert conversion.unit == "meter ** 3 / second"
    assert conversion.factor == pytest.approx(0.158987294928 / 86400)


@pytest.mark.parametrize(
    ("sentence", "si_value", "si_unit"),
    [
        ("The new bridge is 1.2 km long.", 1200.0, "meter"),
        ("It was 20 °C at noon.", 293.15, "kelvin"),
        ("The engine runs at 85 dB.", None, None),
        ("Trains reach 300 km/h.", 300 * 1000 / 3600, "meter / second"),
        ("They pump 5 million barrels a day.", 5e6 * 0.158987294928 / 86400, "meter ** 3 / second"),
    ],
)
def test_si_values_in_sentences(sentence: str, si_value: float | None, si_unit: str | None) -> None:
    (quantity,) = parse_quantities(sentence)
    assert quantity.si_unit == si_unit
    assert quantity.si_value == (None if si_value is None else pytest.approx(si_value))
