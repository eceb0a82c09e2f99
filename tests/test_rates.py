"""Every unit as a rate of every ``per`` unit: the rate's unit, and its SI value against pint.

Fuzzing once found ``decade a day`` crashing the SI conversion.  This walks
each unit of units.txt (its first surface) times each ``per`` surface, written
both ways (``25,000 km a day``, ``3 km per day``), and checks each result
against a pint registry built here, not numclaims' own: the SI value is the
value converted to base units, and the SI unit pint's name for them.
"""

from __future__ import annotations

import math
from functools import cache

import pint
import pytest

from numclaims import parse_quantities
from properties.vocab import sections

#: Meanings text gives units that pint defines otherwise or not at all, written
#: here independently of numclaims' _normalise (docs/vocabularies.md).
TEXT_MEANINGS = (
    "decade = 10 * year",  # pint's decade is a logarithmic factor of ten
    "ppb = 1e-9",  # parts per billion
)


@cache
def _registry() -> pint.UnitRegistry:
    units = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, on_redefinition="ignore")
    for definition in TEXT_MEANINGS:
        units.define(definition)
    return units


@cache
def _in_base_units(unit: str) -> tuple[float, float, str] | None:
    """(SI of 0, SI of 1, SI unit) of ``unit`` by pint, or None where pint cannot say."""
    units = _registry()
    try:
        zero, one = (units.Quantity(x, unit).to_base_units() for x in (0.0, 1.0))
    except (pint.errors.PintError, pint.errors.OffsetUnitCalculusError):
        return None
    return float(zero.magnitude), float(one.magnitude), str(one.units)


def _units_and_pers() -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(pint unit, its first surface) of every unit, and {per surface: pint unit}."""
    table = sections("units")
    pers = {surface: unit for unit, surfaces in table["per"].items() for surface in surfaces}
    first: dict[str, str] = {}
    for section, entries in table.items():
        if section != "per":
            for unit, surfaces in entries.items():
                first.setdefault(unit, surfaces[0])
    return sorted(first.items()), pers


UNITS, PERS = _units_and_pers()


@pytest.mark.parametrize(("unit", "surface"), UNITS, ids=[u for u, _ in UNITS])
def test_rate_of_every_per_unit_has_pints_si_value(unit: str, surface: str) -> None:
    """``25,000 <unit> a <per>`` and ``3 <unit> per <per>``: two rates, SI values as pint's.

    A unit per itself (``3 km per km``) is no rate and is left out.
    """
    for per, per_unit in sorted(PERS.items()):
        if per_unit == unit:
            continue  # "3 km per km" is no rate
        text = f"It logged 25,000 {surface} a {per} and 3 {surface} per {per}."
        found = parse_quantities(text)
        assert [(q.kind, q.value, q.unit) for q in found] == [
            ("measure", 25000.0, f"{unit} / {per_unit}"),
            ("measure", 3.0, f"{unit} / {per_unit}"),
        ], text
        for q in found:
            assert q.value is not None
            assert q.unit is not None
            expected = _in_base_units(q.unit)
            if expected is None:
                assert (q.si_value, q.si_unit) == (None, None), text
                continue
            zero, one, si_unit = expected
            assert q.si_value is not None, text
            assert math.isclose(q.si_value, zero + q.value * (one - zero), rel_tol=1e-9), text
            assert q.si_unit == si_unit, text
