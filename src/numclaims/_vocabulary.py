"""``numclaims.Vocabulary``: units, currencies, scale words and idioms a user adds at run time.

A vocabulary is checked once, when it is built (:mod:`numclaims._vocab_check`
holds the checks), and is then an immutable value: hashable, comparable,
picklable, so one may be shared by threads, sent to worker processes
(``parse_many(jobs=N)``, Spark) and carried in :class:`~numclaims.Options`.
The stages build their tables and patterns for it once, cached on the
vocabulary itself as a key; without one (``Options()``) they use the
package's tables exactly as before.

Importing this module imports neither pint nor the pipeline: building a
vocabulary with units loads pint's registry, and nothing else does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from typing_extensions import TypedDict

from numclaims.errors import VocabularyError

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = ["UnitInfo", "Vocabulary", "VocabularySpec"]


class UnitInfo(NamedTuple):
    """What the stages need of one unit of a vocabulary, worked out when it is built."""

    unit: str  # pint's name for it, as pint prints it (km -> kilometer)
    dimension: str  # the section of units.txt with the same SI unit (length), or the SI unit
    si: tuple[float, float, str] | None  # (factor, offset, SI unit); None where pint has no rule


class VocabularySpec(TypedDict, total=False):
    """A vocabulary as JSON data: the keyword arguments of :class:`Vocabulary`.

    This is what ``Options(vocabulary={...})`` accepts and what the HTTP
    service's ``options`` and the spaCy component's config carry.
    """

    units: dict[str, str]
    definitions: list[str]
    currencies: dict[str, str]
    scales: dict[str, float]
    idioms: list[str]


class Vocabulary:
    """Words the parser reads besides the package's own, given when it is built.

    * ``units``: surface -> pint unit, an existing one (``"NM": "nautical_mile"``,
      ``"klicks": "km"``) or one that ``definitions`` define
      (``"smoots": "smoot"`` with ``"smoot = 1.7018 * meter"``).  A surface
      that is a lower-case word of three or more letters is read in any case,
      any other exactly as written, as for the package's units.
    * ``currencies``: surface -> ISO 4217 code.  A lower-case word (``dirhams``)
      is a name, read after a number in any case (``500 dirhams``); any other
      surface (``Dh``, ``₿``) a symbol, read as written before or after a
      number (``Dh500``, ``500 Dh``).
    * ``scales``: word -> multiplier, read after a number in any case
      (``"mio": 1e6`` reads ``5 Mio`` as 5,000,000).
    * ``idioms``: phrases in which no number is a quantity (``"Fortune 500"``),
      matched in any case.

    Raises :class:`~numclaims.VocabularyError` for an unknown pint unit, a
    definition pint refuses, a code that is no ISO 4217 code, a surface given
    twice or that the package reads otherwise, or a multiplier that is not a
    positive number.  A vocabulary is immutable: its mappings are read-only.
    """

    __slots__ = (
        "_currencies",
        "_definitions",
        "_hash",
        "_idioms",
        "_scales",
        "_unit_info",
        "_units",
    )

    _units: tuple[tuple[str, str], ...]
    _definitions: tuple[str, ...]
    _currencies: tuple[tuple[str, str], ...]
    _scales: tuple[tuple[str, float], ...]
    _idioms: tuple[str, ...]
    _unit_info: tuple[UnitInfo, ...]
    _hash: int

    def __init__(
        self,
        *,
        units: Mapping[str, str] | None = None,
        definitions: Iterable[str] = (),
        currencies: Mapping[str, str] | None = None,
        scales: Mapping[str, float] | None = None,
        idioms: Iterable[str] = (),
    ) -> None:
        from numclaims._vocab_check import Item, check

        items = [
            *(Item("units", s, u, f"units[{s!r}]", None) for s, u in _pairs(units, "units")),
            *(
                Item("currencies", s, c, f"currencies[{s!r}]", None)
                for s, c in _pairs(currencies, "currencies")
            ),
            *(Item("scales", s, m, f"scales[{s!r}]", None) for s, m in _pairs(scales, "scales")),
            *(
                Item("idioms", p, "", f"idioms[{i}]", None)
                for i, p in enumerate(_strings(idioms, "idioms"))
            ),
        ]
        defined = [
            Item("definitions", d, "", f"definitions[{i}]", None)
            for i, d in enumerate(_strings(definitions, "definitions"))
        ]
        self._set(*check(items, defined))

    @classmethod
    def from_file(cls, path: str | PathLike[str]) -> Vocabulary:
        """Read a vocabulary file, in the syntax of the package's own data files.

        Sections ``[units]`` (``pint unit = surface | surface``),
        ``[definitions]`` (``smoot = 1.7018 * meter``), ``[currencies]``
        (``ISO code = surface | ...``), ``[scales]`` (``multiplier = word | ...``)
        and ``[idioms]`` (one phrase a line).  Errors name the file and line.
        """
        text = Path(path).read_text("utf-8")
        return cls.from_text(text, name=str(path))

    @classmethod
    def from_text(cls, text: str, *, name: str = "<string>") -> Vocabulary:
        """:meth:`from_file` for text already read; errors name ``name`` and the line."""
        from numclaims._vocab_check import check, file_items

        vocabulary = cls.__new__(cls)
        vocabulary._set(*check(*file_items(text, name)))
        return vocabulary

    def _set(
        self,
        units: tuple[tuple[str, str], ...],
        definitions: tuple[str, ...],
        currencies: tuple[tuple[str, str], ...],
        scales: tuple[tuple[str, float], ...],
        idioms: tuple[str, ...],
        unit_info: tuple[UnitInfo, ...],
    ) -> None:
        state = (units, definitions, currencies, scales, idioms)
        for name, value in zip(
            ("_units", "_definitions", "_currencies", "_scales", "_idioms"), state, strict=True
        ):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_unit_info", unit_info)
        object.__setattr__(self, "_hash", hash(state))  # once: the stages' caches key on it

    @property
    def units(self) -> Mapping[str, str]:
        """Surface -> pint unit, as pint names it (``km`` given is ``kilometer`` here)."""
        return MappingProxyType(dict(self._units))

    @property
    def definitions(self) -> tuple[str, ...]:
        """The pint definitions of the new units, as given."""
        return self._definitions

    @property
    def currencies(self) -> Mapping[str, str]:
        """Surface -> ISO 4217 code."""
        return MappingProxyType(dict(self._currencies))

    @property
    def scales(self) -> Mapping[str, float]:
        """Scale word -> multiplier."""
        return MappingProxyType(dict(self._scales))

    @property
    def idioms(self) -> tuple[str, ...]:
        """Phrases in which no number is a quantity."""
        return self._idioms

    @property
    def unit_info(self) -> Mapping[str, UnitInfo]:
        """Each unit of :attr:`units` -> its dimension and SI conversion."""
        return MappingProxyType({info.unit: info for info in self._unit_info})

    def to_dict(self) -> VocabularySpec:
        """The vocabulary as JSON data: ``Vocabulary(**v.to_dict()) == v``."""
        return VocabularySpec(
            units=dict(self._units),
            definitions=list(self._definitions),
            currencies=dict(self._currencies),
            scales=dict(self._scales),
            idioms=list(self._idioms),
        )

    def _state(self) -> tuple[tuple[object, ...], ...]:
        return (self._units, self._definitions, self._currencies, self._scales, self._idioms)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Vocabulary):
            return NotImplemented
        return self is other or (self._hash == other._hash and self._state() == other._state())

    def __hash__(self) -> int:
        return self._hash

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Vocabulary is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Vocabulary is immutable; cannot delete {name!r}")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle the checked state; the copy is not checked again (no pint in the worker)."""
        return _restore, (*self._state(), self._unit_info)

    def __repr__(self) -> str:
        parts = [
            f"{name}={len(value)}"
            for name, value in zip(
                ("units", "definitions", "currencies", "scales", "idioms"),
                self._state(),
                strict=True,
            )
            if value
        ]
        return f"<Vocabulary {' '.join(parts) or 'empty'}>"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        """Accept a Vocabulary, or its JSON form (:class:`VocabularySpec`), in a Pydantic model."""
        from pydantic_core import core_schema

        spec = handler.generate_schema(VocabularySpec)
        from_spec = core_schema.no_info_after_validator_function(lambda data: cls(**data), spec)
        return core_schema.json_or_python_schema(
            json_schema=from_spec,
            python_schema=core_schema.no_info_wrap_validator_function(_instance_or_spec, from_spec),
            serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.to_dict()),
        )


def _instance_or_spec(value: object, from_spec: Any) -> Vocabulary:
    """A Vocabulary as it is; anything else validated as its JSON form (one error, not two)."""
    return value if isinstance(value, Vocabulary) else cast(Vocabulary, from_spec(value))


def _restore(*state: Any) -> Vocabulary:
    vocabulary = Vocabulary.__new__(Vocabulary)
    vocabulary._set(*state)
    return vocabulary


def _pairs(mapping: Mapping[str, Any] | None, argument: str) -> list[tuple[str, Any]]:
    """The items of ``mapping``, checked to be one (None for none)."""
    if mapping is None:
        return []
    if not isinstance(mapping, Mapping):
        raise VocabularyError(f"must be a mapping, not {type(mapping).__name__}", path=argument)
    return list(mapping.items())


def _strings(values: Iterable[str], argument: str) -> list[str]:
    """``values`` as a list; one ``str`` is an error, not a list of its characters."""
    if isinstance(values, str):
        raise VocabularyError(f"must be a list of str, not one str: [{values!r}]", path=argument)
    return list(values)
