"""Stage 9: SI values through one private, lazily built pint registry.

Every unit of the vocabulary (``data/units.txt`` and the table generated
from pint, ``data/generated/units.txt``) has its SI conversion in
``_si_table.py``, written from this registry by ``make si-table`` and checked
against it by the tests, so parsing never builds the registry for them.  The
registry is built the first time something else needs it (a rate such as
``kilometer / hour``, a composite ``5 ft 10 in``, :meth:`Quantity.to`),
never at import, and kept for the life of the process.  It is adjusted to
English text: it gains the few units pint lacks, and a ``decade`` is ten
years (pint's own is the logarithmic unit, a factor of ten).  Conversions are
cached per unit, so a measure costs one multiplication (plus an offset for °C
and °F).  A unit whose scale is not affine (decibels) has no SI value.
"""

from __future__ import annotations

import math
import sys
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from numclaims._data import load
from numclaims.errors import UnitConversionError

if TYPE_CHECKING:
    import pint

    from numclaims._vocabulary import Vocabulary
    from numclaims.models import Quantity

__all__ = [
    "EXTRA_DEFINITIONS",
    "SIConversion",
    "convert",
    "convert_range",
    "convert_raw",
    "convert_value",
    "is_time",
    "registry",
    "si_by_registry",
    "si_conversion",
    "si_table_source",
    "to_pint",
    "vocabulary_units",
]

#: Units English text uses that pint does not define, or defines otherwise.
EXTRA_DEFINITIONS = (
    "ppb = 1e-9 = parts_per_billion",
    "decade = 10 * year = _ = decades",  # pint's decade is a factor of ten
)


#: Units the stages derive from the vocabulary's: a difference of temperature
#: (``rose 3 °C``), in the SI table too, so that it needs no registry.
_DERIVED_UNITS = ("delta_degree_Celsius", "delta_degree_Fahrenheit")


@cache
def registry() -> pint.UnitRegistry[float]:
    """numclaims' own pint registry, built on first use."""
    from importlib import resources

    import pint

    # Empty at first, so that the definitions below replace pint's before
    # the registry builds its caches.
    units: pint.UnitRegistry[float] = pint.UnitRegistry(
        None, autoconvert_offset_to_baseunit=True, on_redefinition="ignore", system="mks"
    )
    units.load_definitions(str(resources.files("pint") / "default_en.txt"))
    for definition in EXTRA_DEFINITIONS:
        units.define(definition)
    return units


class SIConversion(NamedTuple):
    """``si = value * factor + offset``, in ``unit``."""

    factor: float
    offset: float
    unit: str


def si_conversion(unit: str, vocabulary: Vocabulary | None = None) -> SIConversion | None:
    """How to turn a value in ``unit`` into SI base units.

    None where no such rule exists: a logarithmic unit (``decibel``), or a
    unit pint cannot reduce (a rate of an offset unit it refuses).  The units
    of the vocabulary come from ``_si_table.py``; any other from the registry,
    or, given a user's ``vocabulary``, from its units and definitions.
    """
    table = _si_table()
    if unit in table:
        return table[unit]
    if vocabulary is not None:
        from numclaims import _vocab_check

        return _vocab_check.si_conversion(unit, vocabulary)
    return _si_by_pint(unit)


def is_time(unit: str) -> bool:
    """True for a unit whose SI unit is the second: ``hour``, ``year`` (a rate's time)."""
    conversion = si_conversion(unit)
    return conversion is not None and conversion.unit == _SECOND


#: The SI unit of every time.
_SECOND = "second"


@cache
def _si_table() -> dict[str, SIConversion | None]:
    """The SI conversion of every unit of the vocabulary (``_si_table.py``)."""
    from numclaims._si_table import SI_TABLE

    return {unit: None if row is None else SIConversion(*row) for unit, row in SI_TABLE.items()}


def vocabulary_units() -> tuple[str, ...]:
    """Every unit of the vocabulary: ``data/units.txt``, then the generated table."""
    from numclaims._unit_table import TABLE

    return tuple(dict.fromkeys(entry.key for name in ("units", TABLE) for entry in load(name)))


def si_table_source() -> str:
    """``_si_table.py`` as the registry gives it today (``make si-table`` writes it)."""
    lines = [
        '"""SI conversions of the units of the vocabulary: ``si = value * factor + offset``.',
        "",
        "Written from numclaims' pint registry by ``make si-table``; do not edit.",
        "``tests/test_normalise.py`` checks that the registry still gives every entry.",
        '"""',
        "",
        "from collections.abc import Mapping",
        "from types import MappingProxyType",
        "",
        "#: unit -> (factor, offset, SI unit), or None where no affine rule exists (decibels).",
        "SI_TABLE: Mapping[str, tuple[float, float, str] | None] = MappingProxyType({",
    ]
    for unit in dict.fromkeys([*vocabulary_units(), *_DERIVED_UNITS]):
        conversion = _si_by_pint(unit)
        row = "None" if conversion is None else repr(tuple(conversion)).replace("'", '"')
        lines.append(f'    "{unit}": {row},')
    return "\n".join([*lines, "})"]) + "\n"


@cache
def _si_by_pint(unit: str) -> SIConversion | None:
    """``si_conversion`` computed by the registry (cached per unit)."""
    return si_by_registry(registry(), unit)


def si_by_registry(units: pint.UnitRegistry[float], unit: str) -> SIConversion | None:
    """``si_conversion`` of ``unit`` as the registry ``units`` computes it."""
    import pint

    try:
        zero, one, ten = (units.Quantity(x, unit).to_base_units() for x in (0.0, 1.0, 10.0))
    except pint.errors.PintError:
        return None
    offset = float(zero.magnitude)
    factor = float(one.magnitude) - offset
    if not math.isclose(float(ten.magnitude), offset + 10 * factor, rel_tol=1e-9, abs_tol=1e-12):
        return None  # not affine: 85 dB is no multiple of 1 dB
    return SIConversion(factor, offset, str(one.units))


def convert_value(value: float, unit: str, to: str) -> float:
    """Convert ``value`` from pint unit ``unit`` to pint unit ``to``.

    Raises :class:`UnitConversionError` for a unit pint does not know, units
    of different dimensions, and a result past the range of a float.

    >>> convert_value(5, "foot", "inch")
    60.0
    >>> convert_value(1e308, "kilometer", "meter")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    numclaims.errors.UnitConversionError: 1e+308 kilometer in meter is past the largest float ...
    """
    result = convert_raw(value, unit, to)
    if not math.isfinite(result):
        raise UnitConversionError(
            f"{value!r} {unit} in {to} is past the largest float ({sys.float_info.max:.4g})"
        )
    return result


def convert_raw(value: float, unit: str, to: str) -> float:
    """:func:`convert_value`, but a result past the range of a float is ``inf``.

    For the pipeline, whose filters drop a quantity that is not finite
    (``1e308 ft 10 in``) rather than raise in the middle of a text.

    >>> convert_raw(1e308, "kilometer", "meter")
    inf
    """
    import pint

    try:
        return float(registry().Quantity(value, unit).to(to).magnitude)
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError) as error:
        raise UnitConversionError(f"cannot convert {unit} to {to}: {error}") from error
    except OverflowError:
        return math.copysign(math.inf, value)


def _measure_unit(quantity: Quantity, to: str) -> str:
    """The pint unit of ``quantity``; UnitConversionError if it is not a measure."""
    if quantity.kind != "measure" or quantity.unit is None:
        raise UnitConversionError(f"a {quantity.kind} quantity cannot be converted to {to}")
    return quantity.unit


def to_pint(quantity: Quantity) -> pint.Quantity[float]:
    """The measure ``quantity`` as a pint Quantity; a range has none."""
    if quantity.kind != "measure" or quantity.unit is None:
        raise UnitConversionError(f"a {quantity.kind} quantity has no pint unit")
    if quantity.value is None:
        raise UnitConversionError(
            f"{quantity.text!r} is a range, not one pint quantity: use to_range(unit) for its ends"
        )
    return registry().Quantity(quantity.value, quantity.unit)


def convert(quantity: Quantity, unit: str) -> float:
    """The value of a measure that is not a range, in ``unit``."""
    own = _measure_unit(quantity, unit)
    if quantity.value is None:
        raise UnitConversionError(
            f"{quantity.text!r} is a range, not one value: use to_range({unit!r}) for its ends"
        )
    return convert_value(quantity.value, own, unit)


def convert_range(quantity: Quantity, unit: str) -> tuple[float, float]:
    """The ends of a range of measures, in ``unit``."""
    own = _measure_unit(quantity, unit)
    if quantity.low is None or quantity.high is None:
        raise UnitConversionError(
            f"{quantity.text!r} is not a range: use to({unit!r}) for its value"
        )
    return convert_value(quantity.low, own, unit), convert_value(quantity.high, own, unit)


if __name__ == "__main__":  # make si-table
    print(si_table_source(), end="")
