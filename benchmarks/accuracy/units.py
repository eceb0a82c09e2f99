"""The pint unit registry the scorer compares measures with.

numclaims' own registry (``numclaims._normalise.registry()``) is preferred, so
that any unit numclaims defines also parses here; when that module is missing
(numclaims is being written) a plain ``pint.UnitRegistry()`` stands in.  Either
is built once, on first use.
"""

from __future__ import annotations

import importlib
import math
from functools import cache
from typing import Any

__all__ = ["base_magnitude", "parse_unit", "registry"]


@cache
def registry() -> Any:
    """numclaims' pint registry if it has one, else a default ``pint.UnitRegistry``."""
    try:
        normalise = importlib.import_module("numclaims._normalise")
        numclaims_registry = normalise.registry
    except (ImportError, AttributeError):
        import pint

        return pint.UnitRegistry()
    return numclaims_registry()


@cache
def parse_unit(name: str) -> Any | None:
    """The pint unit ``name`` denotes, or None when pint cannot parse it as a unit."""
    if not name.strip():
        return None
    try:
        parsed = registry().parse_units(name)
    except Exception:  # pint raises many unrelated types for bad input
        return None
    return parsed


def base_magnitude(value: float, unit: str) -> tuple[float, str] | None:
    """``value unit`` in SI base units as (magnitude, dimensionality), or None if impossible.

    Offset units such as degree Celsius are handled because the quantity is
    built with ``Quantity(value, unit)`` rather than by multiplication.
    """
    parsed = parse_unit(unit)
    if parsed is None:
        return None
    try:
        base = registry().Quantity(value, parsed).to_base_units()
    except Exception:  # offset-unit and dimensionality errors come in several types
        return None
    magnitude = float(base.magnitude)
    if not math.isfinite(magnitude):
        return None
    return magnitude, str(base.dimensionality)
