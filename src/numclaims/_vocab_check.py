"""The checks a user's :class:`~numclaims.Vocabulary` passes when it is built.

Every entry is an :class:`Item` that knows where it was written (a file and
line, or the Python argument), so that each error names it.  Units are
resolved in pint (definitions in a registry of the vocabulary's own, so
that they never leak into the package's), currencies against the ISO 4217
table, and every surface against the others and against the package's own
vocabularies.  :func:`si_conversion` gives the SI rule of a unit that uses
the vocabulary's definitions (a rate such as ``smoot / second``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from numclaims.errors import VocabularyError

if TYPE_CHECKING:
    import pint

    from numclaims._lexicon import Currencies
    from numclaims._normalise import SIConversion
    from numclaims._vocabulary import UnitInfo, Vocabulary

__all__ = ["Item", "check", "file_items", "si_conversion"]

#: The sections of a vocabulary file, each the keyword argument of ``Vocabulary`` it fills.
SECTIONS = ("units", "definitions", "currencies", "scales", "idioms")


class Item(NamedTuple):
    """One surface (or definition, or idiom) of a vocabulary, and where it was written."""

    kind: str  # a name of SECTIONS
    surface: str
    meaning: object  # a pint unit, an ISO code, a multiplier; "" for a definition or an idiom
    path: str
    line: int | None

    def error(self, problem: str) -> VocabularyError:
        return VocabularyError(problem, path=self.path, line=self.line)


def file_items(text: str, name: str) -> tuple[list[Item], list[Item]]:
    """The items of vocabulary text in the data files' syntax: (surfaces, definitions)."""
    from numclaims._data import DataSyntaxError, parse, parse_lines

    try:
        parse(text, name)  # the whole syntax, including a key with no surface
        lines = parse_lines(text, name)
    except DataSyntaxError as error:
        raise VocabularyError(error.problem, path=name, line=error.line) from None
    items: list[Item] = []
    definitions: list[Item] = []
    for entry in lines:
        where = Item(entry.section, "", "", name, entry.line)
        if entry.section not in SECTIONS:
            raise where.error(f"unknown section [{entry.section}]; expected one of {SECTIONS}")
        if (entry.section == "idioms") != (not entry.key):
            shape = "one phrase a line" if entry.section == "idioms" else "'key = surface | ...'"
            raise where.error(f"[{entry.section}] takes {shape}")
        if entry.section == "definitions":
            if len(entry.surfaces) != 1:
                raise where.error("a definition is 'name = pint expression', with no '|'")
            definitions.append(where._replace(surface=f"{entry.key} = {entry.surfaces[0]}"))
            continue
        meaning: object = entry.key
        if entry.section == "scales":
            meaning = _multiplier(entry.key, where)
        items.extend(where._replace(surface=s, meaning=meaning) for s in entry.surfaces)
    return items, definitions


def _multiplier(key: str, where: Item) -> float:
    try:
        return float(key)
    except ValueError:
        raise where.error(f"a scale's key is its multiplier, a number, not {key!r}") from None


def check(
    items: list[Item], definitions: list[Item]
) -> tuple[
    tuple[tuple[str, str], ...],
    tuple[str, ...],
    tuple[tuple[str, str], ...],
    tuple[tuple[str, float], ...],
    tuple[str, ...],
    tuple[UnitInfo, ...],
]:
    """Check every item; return the state of a Vocabulary: units, definitions, ..., unit info."""
    _check_surfaces(items)
    units = tuple((item.surface, unit) for item, unit in _resolved_units(items, definitions))
    currencies = tuple((i.surface, _code(i)) for i in items if i.kind == "currencies")
    scales = tuple((i.surface, _scale(i)) for i in items if i.kind == "scales")
    idioms = tuple(i.surface for i in items if i.kind == "idioms")
    _check_against_package(units, currencies, scales, items)
    defined = tuple(d.surface for d in definitions)
    info = tuple(_unit_info(unit, defined) for unit in dict.fromkeys(u for _, u in units))
    return units, defined, currencies, scales, idioms, info


def _check_surfaces(items: Iterable[Item]) -> None:
    """Each surface is a non-empty str with no space around it, given once."""
    from numclaims._lexicon import fold

    seen: dict[tuple[bool, str], Item] = {}
    for item in items:
        surface = item.surface
        if not isinstance(surface, str) or not surface.strip():
            raise item.error(f"a surface must be a non-empty str, not {surface!r}")
        if surface != surface.strip() or "\n" in surface:
            raise item.error(f"a surface may not start or end with a space: {surface!r}")
        if item.kind != "idioms" and surface[0].isdecimal():
            raise item.error(f"a surface may not start with a digit: {surface!r}")
        key = (item.kind == "idioms", fold(surface) if item.kind == "idioms" else surface)
        first = seen.setdefault(key, item)
        if first is not item:
            at = first.path if first.line is None else f"line {first.line}"
            raise item.error(f"duplicate surface {surface!r}: already given at {at}")


def _resolved_units(items: list[Item], definitions: list[Item]) -> list[tuple[Item, str]]:
    """Each unit item and pint's name for its unit; errors for what pint does not know."""
    unit_items = [item for item in items if item.kind == "units"]
    if not unit_items and not definitions:
        return []
    import pint

    units = _registry(tuple(d.surface for d in definitions), definitions)
    resolved = []
    for item in unit_items:
        if not isinstance(item.meaning, str):
            raise item.error(f"a unit must be a str naming a pint unit, not {item.meaning!r}")
        try:
            resolved.append((item, str(units.Unit(item.meaning))))
        except (pint.errors.PintError, ValueError, AttributeError, TypeError):
            raise item.error(f"unknown pint unit {item.meaning!r}") from None
    return resolved


def _registry(
    defined: tuple[str, ...], items: list[Item] | None = None
) -> pint.UnitRegistry[float]:
    """The package's registry when nothing is defined; else one of its own with the definitions."""
    from numclaims._normalise import registry

    if not defined:
        return registry()
    try:
        return _defining_registry(defined)
    except _DefinitionError as error:
        item = (items or [])[error.index] if items else None
        if item is None:
            raise VocabularyError(error.problem, path=f"definitions[{error.index}]") from None
        raise item.error(error.problem) from None


class _DefinitionError(Exception):
    """The definition ``defined[index]`` is refused: ``problem`` says why."""

    def __init__(self, index: int, problem: str) -> None:
        super().__init__(problem)
        self.index = index
        self.problem = problem


@cache
def _defining_registry(defined: tuple[str, ...]) -> pint.UnitRegistry[float]:
    """The package's units and ``defined``, in a registry of their own: once per definitions.

    Built as ``numclaims._normalise.registry`` is, so that the vocabulary's
    units convert exactly as the package's do, and kept apart from it, so
    that one vocabulary's units never reach another's results.
    """
    from importlib import resources

    import pint

    from numclaims._normalise import EXTRA_DEFINITIONS, registry

    base = registry()
    units: pint.UnitRegistry[float] = pint.UnitRegistry(
        None, autoconvert_offset_to_baseunit=True, on_redefinition="ignore", system="mks"
    )
    units.load_definitions(str(resources.files("pint") / "default_en.txt"))
    for definition in EXTRA_DEFINITIONS:
        units.define(definition)
    for index, definition in enumerate(defined):
        name = definition.partition("=")[0].strip()
        if not name or not name.isidentifier():
            raise _DefinitionError(
                index, f"a definition is 'name = pint expression': {definition!r}"
            )
        if name in base:
            raise _DefinitionError(index, f"{name!r} is already a pint unit; define a new name")
        try:
            units.define(definition)
            units.Quantity(1.0, name).to_base_units()  # resolves every unit it names
        except (pint.errors.PintError, ValueError, TypeError, AttributeError, SyntaxError) as error:
            raise _DefinitionError(
                index, f"pint refuses the definition {definition!r}: {error}"
            ) from None
    return units


def _code(item: Item) -> str:
    from numclaims._currency_codes import is_currency_code

    code = item.meaning
    if not isinstance(code, str) or not is_currency_code(code):
        raise item.error(f"{code!r} is not an ISO 4217 currency code (upper case, as USD)")
    return code


def _scale(item: Item) -> float:
    value = item.meaning
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise item.error(f"a multiplier must be a number, not {value!r}")
    if not (math.isfinite(value) and value > 0):
        raise item.error(f"a multiplier must be a positive finite number, not {value!r}")
    return float(value)


def _check_against_package(
    units: tuple[tuple[str, str], ...],
    currencies: tuple[tuple[str, str], ...],
    scales: tuple[tuple[str, float], ...],
    items: list[Item],
) -> None:
    """A surface the package already reads is an error unless it means the same there."""
    from numclaims._lexicon import currencies as package_currencies
    from numclaims._lexicon import fold, is_folded_surface, scale_words, unit_surfaces

    by_surface = {(item.kind, item.surface): item for item in items}
    exact, folded = unit_surfaces()
    for surface, unit in units:
        sense = exact.get(surface) or folded.get(
            fold(surface) if is_folded_surface(surface) else surface
        )
        if sense is not None and sense.unit != unit:
            raise by_surface["units", surface].error(
                f"duplicate surface {surface!r}: the package reads it as {sense.unit}"
            )
    money = package_currencies()
    for surface, code in currencies:
        for table in _code_tables(money):
            known = table.get(surface) or table.get(fold(surface))
            if known is not None and known != code:
                raise by_surface["currencies", surface].error(
                    f"duplicate surface {surface!r}: the package reads it as {known}"
                )
    known_scales = scale_words()
    for surface, multiplier in scales:
        factor = known_scales.words.get(fold(surface))
        if factor is not None and factor != multiplier:
            raise by_surface["scales", surface].error(
                f"duplicate surface {surface!r}: the package reads it as {factor:g}"
            )


def _code_tables(money: Currencies) -> tuple[dict[str, str], ...]:
    """The tables of ``money`` that map a surface to a code (not the multipliers)."""
    return (
        money.symbols,
        money.codes,
        money.names,
        money.minor,
        money.scaled_names,
        money.symbols_after,
        money.codes_after,
    )


def _unit_info(unit: str, defined: tuple[str, ...]) -> UnitInfo:
    """The dimension and SI rule of ``unit``, as the package's units have theirs."""
    from numclaims._normalise import si_by_registry
    from numclaims._vocabulary import UnitInfo

    conversion = si_by_registry(_registry(defined), unit)
    si = None if conversion is None else (conversion.factor, conversion.offset, conversion.unit)
    dimension = "" if conversion is None else _dimensions().get(conversion.unit, conversion.unit)
    return UnitInfo(unit, dimension, si)


@cache
def _dimensions() -> dict[str, str]:
    """SI unit -> the first section of units.txt whose units have it (``meter`` -> ``length``)."""
    from numclaims._data import load
    from numclaims._normalise import si_conversion as package_si

    found: dict[str, str] = {}
    for entry in load("units"):
        conversion = package_si(entry.key)
        if conversion is not None and entry.section not in ("glued", "spaced", "composite", "per"):
            found.setdefault(conversion.unit, entry.section)
    return found


@cache
def si_conversion(unit: str, vocabulary: Vocabulary) -> SIConversion | None:
    """The SI rule of ``unit``, a unit or a rate of the vocabulary's units (cached per both)."""
    from numclaims._normalise import SIConversion, si_by_registry

    info = vocabulary.unit_info.get(unit)
    if info is not None:
        return None if info.si is None else SIConversion(*info.si)
    return si_by_registry(_registry(vocabulary.definitions), unit)
