"""Adapters that turn each system's output into the scorer's :class:`Record` shape.

Every adapter is a zero-argument builder returning an extractor
``(text) -> list[Record]``.  Builders import their system lazily, so a system
whose package is missing is reported as unavailable (:class:`Unavailable`)
instead of breaking the run.

numclaims maps field for field.  quantulum3 is mapped as honestly as its
output allows:

* span from ``q.span``, value from ``q.value``;
* a result with an ``uncertainty`` (quantulum3's ranges, "5-7 km", become a
  mean ± uncertainty) keeps ``value = mean`` and no ``low``/``high``, so it is
  scored as a single value and is wrong against a gold range;
* kind from the unit's entity: ``currency`` is money, with the unit's
  ``currency_code`` (or its name when it has none, e.g. ``cent``); the unit
  ``percentage`` is a percent in ``percent`` (``basis point`` and
  ``percentage point`` map to ``basis_point``/``percentage_point``); other
  ``dimensionless`` units are plain numbers; everything else is a measure,
  whose unit is turned into a pint unit name when pint can read quantulum3's
  unit name (or, checked against its entity's dimensionality, a symbol) and is
  kept as quantulum3's name otherwise;
* bound ``exact``, unless the surface itself starts with a bound word
  (quantulum3 reports no bounds, and none are invented);
* entity None (quantulum3 has no counted-noun entity).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from benchmarks.accuracy.score import Record
from benchmarks.accuracy.units import parse_unit

__all__ = [
    "QUANTULUM3_NOTE",
    "SYSTEMS",
    "Extractor",
    "System",
    "Unavailable",
    "bound_from_surface",
    "load_system",
    "numclaims_record",
    "quantulum3_record",
    "quantulum3_unit",
]

Extractor = Callable[[str], list[Record]]
"""A function from a text to the quantities a system finds in it."""

QUANTULUM3_NOTE = (
    "quantulum3 reports a range ('5-7 km', 'between 3 and 5 miles') as a mean with an "
    "uncertainty; such a result is mapped to value = mean with no low/high and scored as a "
    "single value, so it counts as a wrong value against a gold range (detection is unaffected). "
    "quantulum3 reports no bounds and no entities: its bound is 'exact' unless its surface "
    "starts with a bound word, and its entity is always None."
)
"""The note printed wherever quantulum3's numbers appear."""


class Unavailable(Exception):
    """A system cannot run here (its package is missing or incomplete)."""


@dataclass(frozen=True, slots=True)
class System:
    """A scored system: its name, the package it needs, and its extractor builder."""

    name: str
    package: str
    build: Callable[[], Extractor]


def _installed(package: str) -> bool:
    """True when ``package`` can be imported."""
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        return False


def load_system(system: System) -> Extractor:
    """The system's extractor; :class:`Unavailable` with the reason when it cannot run."""
    if not _installed(system.package):
        raise Unavailable(f"{system.name}: package {system.package!r} is not installed")
    return system.build()


# --- numclaims -------------------------------------------------------------------------------


def numclaims_record(dumped: Mapping[str, Any]) -> Record:
    """A record from one ``Quantity.model_dump()``."""
    return Record(
        kind=str(dumped["kind"]),
        start=int(dumped["start"]),
        end=int(dumped["end"]),
        value=dumped.get("value"),
        low=dumped.get("low"),
        high=dumped.get("high"),
        unit=dumped.get("unit"),
        bound=str(dumped.get("bound", "exact")),
        entity=dumped.get("entity"),
        text=str(dumped.get("text", "")),
        per=dumped.get("per"),
    )


def _build_numclaims() -> Extractor:
    """numclaims' ``parse_quantities`` as an extractor."""
    try:
        module = importlib.import_module("numclaims")
        parse = module.parse_quantities
    except (ImportError, AttributeError) as error:
        raise Unavailable(f"numclaims: cannot use parse_quantities ({error})") from error

    def extract(text: str) -> list[Record]:
        return [numclaims_record(quantity.model_dump()) for quantity in parse(text)]

    return extract


# --- quantulum3 ------------------------------------------------------------------------------

_BOUND_PREFIXES: tuple[tuple[str, str], ...] = (
    ("approximately", "approximate"),
    ("about", "approximate"),
    ("around", "approximate"),
    ("roughly", "approximate"),
    ("some", "approximate"),
    ("nearly", "approximate"),
    ("almost", "approximate"),
    ("~", "approximate"),
    ("c.", "approximate"),
    ("up to", "at_most"),
    ("at most", "at_most"),
    ("no more than", "at_most"),
    ("at least", "at_least"),
    ("no less than", "at_least"),
    ("less than", "less_than"),
    ("fewer than", "less_than"),
    ("under", "less_than"),
    ("below", "less_than"),
    ("more than", "more_than"),
    ("over", "more_than"),
    ("above", "more_than"),
    ("<=", "at_most"),
    (">=", "at_least"),
    ("<", "less_than"),
    (">", "more_than"),
)
"""Bound words a quantulum3 surface may start with, longest phrases first within a bound."""

_PERCENT_UNITS: Mapping[str, str] = MappingProxyType(
    {
        "percentage": "percent",
        "percent": "percent",
        "percentage point": "percentage_point",
        "basis point": "basis_point",
    }
)
"""quantulum3 unit names that are percents, and the numclaims unit each maps to."""


def bound_from_surface(surface: str) -> str:
    """The bound a surface's leading words state, else ``exact``."""
    lowered = surface.casefold().lstrip()
    for prefix, bound in _BOUND_PREFIXES:
        if not lowered.startswith(prefix):
            continue
        rest = lowered[len(prefix) :]
        if not prefix[-1].isalpha() or not rest or not rest[0].isalpha():
            return bound
    return "exact"


_PINT_SPELLINGS: Mapping[str, str] = MappingProxyType(
    {
        "degree fahrenheit": "degree_Fahrenheit",
        "degree rankine": "degree_Rankine",
        "degree angle": "degree",
        "minute of arc": "arcminute",
        "second of arc": "arcsecond",
        "pound-mass": "pound",
        "light-year": "light_year",
        "millimeter of mercury": "millimeter_Hg",
        "inch of mercury": "inch_Hg",
        "centimeter of water": "centimeter_H2O",
        "inch of water": "inch_H2O",
        "kilogram-force": "kilogram_force",
        "pound-force": "pound_force",
        "atomic mass unit": "unified_atomic_mass_unit",
    }
)
"""quantulum3 unit names that pint spells differently (pint cannot guess these)."""

_ENTITY_REFERENCE: Mapping[str, str] = MappingProxyType(
    {
        "length": "meter",
        "mass": "gram",
        "volume": "liter",
        "area": "meter ** 2",
        "temperature": "kelvin",
        "time": "second",
        "speed": "meter / second",
        "acceleration": "meter / second ** 2",
        "pressure": "pascal",
        "energy": "joule",
        "power": "watt",
        "force": "newton",
        "frequency": "hertz",
        "current": "ampere",
        "charge": "coulomb",
        "electric potential": "volt",
        "density": "kilogram / meter ** 3",
        "volumetric flow": "meter ** 3 / second",
        "mass flow": "kilogram / second",
        "data storage": "bit",
        "data transfer rate": "bit / second",
        "angle": "radian",
    }
)
"""A pint unit of each common quantulum3 entity, to check a conversion's dimensionality."""


def _dimensionality(unit_name: str) -> str | None:
    """The pint dimensionality of ``unit_name``, or None when pint cannot read it."""
    unit = parse_unit(unit_name)
    return None if unit is None else str(unit.dimensionality)


def _pint_name(candidate: str, entity: str) -> str | None:
    """pint's canonical name for a quantulum3 unit name or symbol, if pint reads it.

    ``kilometre per hour`` -> ``kilometer / hour``, ``ampere-hour`` ->
    ``ampere * hour``.  When quantulum3's entity is one of
    :data:`_ENTITY_REFERENCE`, a reading of another dimensionality is refused.
    """
    plain = candidate.strip()
    spelled = _PINT_SPELLINGS.get(plain, plain)
    spelled = re.sub(r"\s+per\s+", " / ", spelled)
    expected = _dimensionality(_ENTITY_REFERENCE[entity]) if entity in _ENTITY_REFERENCE else None
    attempts = (spelled, spelled.replace("-", " * "), spelled.replace(" ", "_"))
    for attempt in attempts:
        unit = parse_unit(attempt)
        if unit is not None and expected in (None, str(unit.dimensionality)):
            return str(unit)
    return None


def quantulum3_unit(unit: Any) -> str:
    """A pint unit name for quantulum3's ``unit``, or its own name when pint cannot read it.

    The name is tried first; quantulum3's symbols only when its entity has a
    known dimensionality to check them against (symbols such as ``K`` or
    ``bp`` mean different units to pint).
    """
    name = str(unit.name)
    entity = str(unit.entity.name)
    found = _pint_name(name, entity)
    if found is None and entity in _ENTITY_REFERENCE:
        for symbol in getattr(unit, "symbols", None) or []:
            found = _pint_name(str(symbol), entity)
            if found is not None:
                break
    return found or name


def quantulum3_record(quantity: Any, text: str) -> Record:
    """The record of one quantulum3 ``Quantity`` found in ``text``."""
    start, end = (int(n) for n in quantity.span)
    surface = str(quantity.surface if quantity.surface is not None else text[start:end])
    unit = quantity.unit
    entity_name = str(unit.entity.name)
    unit_name = str(unit.name)
    kind: str
    unit_out: str | None
    if entity_name == "currency":
        kind, unit_out = "money", str(getattr(unit, "currency_code", None) or unit_name)
    elif unit_name in _PERCENT_UNITS:
        kind, unit_out = "percent", _PERCENT_UNITS[unit_name]
    elif entity_name == "dimensionless":
        kind, unit_out = "number", None
    else:
        kind, unit_out = "measure", quantulum3_unit(unit)
    return Record(
        kind=kind,
        start=start,
        end=end,
        value=float(quantity.value),
        unit=unit_out,
        bound=bound_from_surface(surface),
        entity=None,
        text=text[start:end],
        range_as_value=quantity.uncertainty is not None,
    )


def _build_quantulum3() -> Extractor:
    """quantulum3's parser as an extractor, with its missing-classifier warning silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser = importlib.import_module("quantulum3.parser")

    def extract(text: str) -> list[Record]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        return [quantulum3_record(quantity, text) for quantity in found]

    return extract


SYSTEMS: Mapping[str, System] = MappingProxyType(
    {
        "numclaims": System("numclaims", "numclaims", _build_numclaims),
        "quantulum3": System("quantulum3", "quantulum3", _build_quantulum3),
    }
)
"""Every system the accuracy suite knows, by name."""
