"""Stage 7: SI values through one private, lazily built pint registry.

The registry is built the first time a measure needs it (never at import),
kept for the life of the process, and extended with the few units English
text uses that pint lacks.  Conversions are cached per unit, so a measure
costs one multiplication (plus an offset for °C and °F).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from numclaims.errors import UnitConversionError

if TYPE_CHECKING:
    import pint

    from numclaims.models import Quantity

__all__ = ["SIConversion", "convert", "convert_value", "registry", "si_conversion", "to_pint"]

#: Units English text uses that pint does not define.
_EXTRA_DEFINITIONS = ("ppb = 1e-9 = parts_per_billion",)


@cache
def registry() -> pint.UnitRegistry[float]:
    """numclaims' own pint registry, built on first use."""
    import pint

    units: pint.UnitRegistry[float] = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for definition in _EXTRA_DEFINITIONS:
        units.define(definition)
    return units


class SIConversion(NamedTuple):
    """``si = value * factor + offset``, in ``unit``."""

    factor: float
    offset: float
    unit: str


@cache
def si_conversion(unit: str) -> SIConversion:
    """How to turn a value in ``unit`` into SI base units (cached per unit)."""
    units = registry()
    zero = units.Quantity(0.0, unit).to_base_units()
    one = units.Quantity(1.0, unit).to_base_units()
    offset = float(zero.magnitude)
    return SIConversion(float(one.magnitude) - offset, offset, str(one.units))


def convert_value(value: float, unit: str, to: str) -> float:
    """Convert ``value`` from pint unit ``unit`` to pint unit ``to``.

    >>> convert_value(5, "foot", "inch")
    60.0
    """
    import pint

    try:
        return float(registry().Quantity(value, unit).to(to).magnitude)
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError) as error:
        raise UnitConversionError(f"cannot convert {unit} to {to}: {error}") from error


def to_pint(quantity: Quantity) -> pint.Quantity[float]:
    """The measure ``quantity`` as a pint Quantity (a range gives its midpoint)."""
    if quantity.kind != "measure" or quantity.unit is None:
        raise UnitConversionError(f"a {quantity.kind} quantity has no pint unit")
    return registry().Quantity(quantity.magnitude, quantity.unit)


def convert(quantity: Quantity, unit: str) -> float:
    """The value (or a range's midpoint) of a measure in ``unit``."""
    if quantity.kind != "measure" or quantity.unit is None:
        raise UnitConversionError(f"a {quantity.kind} quantity cannot be converted to {unit}")
    return convert_value(quantity.magnitude, quantity.unit, unit)
