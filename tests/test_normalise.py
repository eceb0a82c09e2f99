"""SI values: the table in _si_table.py is the registry's own answer, and spares building it."""

from __future__ import annotations

from importlib import resources

import pytest
from pydantic import ValidationError

from numclaims import Quantity, UnitConversionError, parse_quantities
from numclaims._data import load
from numclaims._lexicon.amounts import GENERATED_UNITS
from numclaims._normalise import (
    SIConversion,
    _si_by_pint,
    _si_table,
    si_conversion,
    si_table_source,
)
from numclaims._temperature import DELTA_UNITS


def test_si_table_is_what_the_registry_writes() -> None:
    """_si_table.py is up to date: `make si-table` would write the very same text."""
    shipped = resources.files("numclaims").joinpath("_si_table.py").read_text("utf-8")
    assert shipped == si_table_source()


def test_every_unit_of_the_vocabulary_has_its_registry_conversion() -> None:
    """Hand-written and generated units, and the delta units of temperature, have pint's SI."""
    units = {entry.key for name in ("units", GENERATED_UNITS) for entry in load(name)}
    units |= set(DELTA_UNITS.values())
    table = _si_table()
    assert set(table) == units
    assert {u: table[u] for u in units if table[u] != _si_by_pint(u)} == {}


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("kilometer", SIConversion(1000.0, 0.0, "meter")),
        ("degree_Celsius", SIConversion(1.0, 273.15, "kelvin")),
        ("delta_degree_Celsius", SIConversion(1.0, 0.0, "kelvin")),  # rose 3 °C: 3 K
        ("decade", SIConversion(315576000.0, 0.0, "second")),  # ten years, not a factor of ten
        ("decibel", None),  # logarithmic: no SI value
    ],
)
def test_table_conversions(unit: str, expected: SIConversion | None) -> None:
    assert si_conversion(unit) == expected


def test_a_rate_outside_the_table_comes_from_the_registry() -> None:
    assert "oil_barrel / week" not in _si_table()
    conversion = si_conversion("oil_barrel / week")
    assert conversion is not None
    assert conversion.unit == "meter ** 3 / second"
    assert conversion.factor == pytest.approx(0.158987294928 / 604800)


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


def test_a_range_has_si_ends_not_an_si_value() -> None:
    """A range of measures has its SI ends in si_low/si_high; si_value is None, not the low end."""
    (q,) = parse_quantities("The lake is between 2 and 4 km wide.")
    assert (q.low, q.high, q.unit) == (2.0, 4.0, "kilometer")
    assert (q.si_value, q.si_low, q.si_high, q.si_unit) == (None, 2000.0, 4000.0, "meter")
    assert q.to_range("meter") == (2000.0, 4000.0)
    assert q.to_range("kilometer") == (2.0, 4.0)


def test_to_refuses_a_range() -> None:
    """to() and to_pint() of a range raise UnitConversionError naming to_range(); no midpoint."""
    (q,) = parse_quantities("between 2 and 4 km")
    with pytest.raises(UnitConversionError, match=r"range.*to_range\('meter'\)"):
        q.to("meter")
    with pytest.raises(UnitConversionError, match="to_range"):
        q.to_pint()


def test_to_range_refuses_a_single_value() -> None:
    """to_range() of a quantity that is not a range raises UnitConversionError pointing at to()."""
    (q,) = parse_quantities("a 5 km walk")
    with pytest.raises(UnitConversionError, match=r"not a range.*to\('meter'\)"):
        q.to_range("meter")
    (money,) = parse_quantities("between $2 and $4")
    with pytest.raises(UnitConversionError, match="money"):
        money.to_range("meter")


def test_range_of_temperatures_converts_each_end() -> None:
    """An offset unit converts each end of a range on its own (°C to kelvin adds 273.15)."""
    (q,) = parse_quantities("It will be 20-25 °C tomorrow.")
    assert q.si_unit == "kelvin"
    assert (q.si_low, q.si_high) == (pytest.approx(293.15), pytest.approx(298.15))
    assert q.to_range("degree_Fahrenheit") == (pytest.approx(68.0), pytest.approx(77.0))


def test_an_si_value_past_the_largest_float_is_none() -> None:
    """1e308 km is 1e311 m, past the largest float: no SI fields, and to('meter') raises."""
    (q,) = parse_quantities("1e308 km")
    assert (q.value, q.unit) == (1e308, "kilometer")
    assert (q.si_value, q.si_low, q.si_high, q.si_unit) == (None, None, None, None)
    assert q.to("kilometer") == 1e308
    with pytest.raises(UnitConversionError, match="past the largest float"):
        q.to("meter")
    (r,) = parse_quantities("between 1 and 1e308 km")
    assert (r.si_low, r.si_high, r.si_unit) == (None, None, None)
    with pytest.raises(UnitConversionError, match="past the largest float"):
        r.to_range("meter")


MEASURE = {"kind": "measure", "text": "5", "start": 0, "end": 1, "unit": "kilometer"}
RANGE = {**MEASURE, "value": None, "low": 2.0, "high": 4.0}


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({**RANGE, "si_value": 2000.0, "si_unit": "meter"}, id="si_value-of-range"),
        pytest.param({**RANGE, "si_low": 2000.0, "si_unit": "meter"}, id="si_low-alone"),
        pytest.param(
            {**RANGE, "si_low": 4000.0, "si_high": 2000.0, "si_unit": "meter"}, id="si_low>si_high"
        ),
        pytest.param({**RANGE, "si_low": 2000.0, "si_high": 4000.0}, id="no-si_unit"),
        pytest.param({**MEASURE, "value": 5.0, "si_unit": "meter"}, id="si_unit-alone"),
        pytest.param(
            {**MEASURE, "value": 5.0, "si_low": 1.0, "si_high": 2.0, "si_unit": "meter"},
            id="si-ends-of-a-single-value",
        ),
        pytest.param(
            {
                **MEASURE,
                "kind": "money",
                "unit": "USD",
                "value": 5.0,
                "si_value": 5.0,
                "si_unit": "m",
            },
            id="si-of-money",
        ),
    ],
)
def test_inconsistent_si_fields_are_rejected(fields: dict[str, object]) -> None:
    """The model refuses SI fields that do not match the value or range they stand for."""
    with pytest.raises(ValidationError):
        Quantity.model_validate(fields)


def test_consistent_si_fields_are_accepted() -> None:
    """The valid shapes the rejected ones above are variations of: SI ends, an SI value, none."""
    Quantity.model_validate({**RANGE, "si_low": 2000.0, "si_high": 4000.0, "si_unit": "meter"})
    Quantity.model_validate({**MEASURE, "value": 5.0, "si_value": 5000.0, "si_unit": "meter"})
    Quantity.model_validate({**MEASURE, "value": 5.0})
