"""Quantities as Arrow tables: one row per quantity, one typed column per model field.

Needs the ``arrow`` extra (``pip install 'numclaims[arrow]'``).  Importing this
module does not import pyarrow; the first call that needs it does, and raises
:class:`MissingExtraError` when it is not installed.

The schema is derived from :class:`~numclaims.Quantity`'s fields and their
annotations, in field order, so a field added to the model becomes a column
without a change here (and an annotation this module cannot map fails loudly
instead of being dropped):

=====================================  ===========================================
annotation                             Arrow type
=====================================  ===========================================
``float`` (``Annotated`` or not)       ``float64``
``int``                                ``int64``
``bool``                               ``bool``
``str``, a ``Literal`` of strings      ``string``
``tuple[int, int]`` (an offset pair)   ``struct<start: int64, end: int64>``
``X | None``                           the type of ``X``, nullable
=====================================  ===========================================

Every other column is declared not nullable.  Each field's description is kept
in the Arrow field's metadata under ``description``.  The table starts with
the column ``doc``: the index of the document in the input, or its id.
"""

from __future__ import annotations

import importlib
import types
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from numclaims._api import parse_quantities
from numclaims.errors import InputTypeError, NumclaimsError
from numclaims.models import Options, Quantity

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "DOC_COLUMN",
    "IdsLengthError",
    "MissingExtraError",
    "schema",
    "to_arrow",
]

DOC_COLUMN = "doc"
"""The first column: the document's index in the input, or its id from ``ids``."""

SPAN_FIELDS = ("start", "end")
"""The struct fields of an offset pair (``tuple[int, int]``, such as ``entity_span``)."""


class MissingExtraError(NumclaimsError, ImportError):
    """An optional integration was used without the package it needs."""

    @classmethod
    def for_module(cls, module: str, extra: str) -> MissingExtraError:
        """The error for a missing ``module``, naming the extra that installs it."""
        return cls(
            f"{module} is not installed; numclaims' {extra} integration needs it: "
            f"pip install 'numclaims[{extra}]'"
        )


class IdsLengthError(NumclaimsError, ValueError):
    """``ids`` does not hold exactly one id per input document."""


def _require(module: str, extra: str) -> types.ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError.for_module(module, extra) from error


def _pyarrow() -> Any:
    """The pyarrow module, or :class:`MissingExtraError`."""
    return _require("pyarrow", "arrow")


def schema(doc_type: pa.DataType | None = None) -> pa.Schema:
    """The schema of :func:`to_arrow`'s tables: ``doc``, then one column per Quantity field.

    ``doc_type`` is the type of the ``doc`` column: ``int64`` (a document's
    index) unless given.
    """
    pa = _pyarrow()
    doc = pa.field(DOC_COLUMN, pa.int64() if doc_type is None else doc_type)
    return pa.schema([doc, *_quantity_fields()])


def _quantity_fields() -> tuple[pa.Field, ...]:
    """One Arrow field per :class:`~numclaims.Quantity` field, in the model's order."""
    return _fields_of(Quantity)


@cache
def _fields_of(model: type[BaseModel]) -> tuple[pa.Field, ...]:
    """One Arrow field per field of the Pydantic ``model``, typed from its annotation.

    Raises ``TypeError`` for an annotation with no Arrow type in the table above,
    or for a field named like the ``doc`` column.
    """
    pa = _pyarrow()
    fields = []
    for name, info in model.model_fields.items():
        if name == DOC_COLUMN:
            raise TypeError(f"{model.__name__}.{name} clashes with the {DOC_COLUMN!r} column")
        arrow_type, nullable = _arrow_type(pa, info.annotation)
        metadata = {"description": info.description} if info.description else None
        fields.append(pa.field(name, arrow_type, nullable=nullable, metadata=metadata))
    return tuple(fields)


_NONE_TYPES = (types.NoneType,)
_UNIONS = (Union, types.UnionType)
_SCALARS: Mapping[type, str] = types.MappingProxyType(
    {bool: "bool_", int: "int64", float: "float64", str: "string"}
)
"""Python type -> the name of the pyarrow factory of its Arrow type."""


def _arrow_type(pa: Any, annotation: Any) -> tuple[pa.DataType, bool]:
    """The Arrow type of one field annotation, and whether the column is nullable."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _arrow_type(pa, get_args(annotation)[0])
    if origin in _UNIONS:
        members = [arg for arg in get_args(annotation) if arg not in _NONE_TYPES]
        if len(members) == 1:
            return _arrow_type(pa, members[0])[0], True
    elif origin is Literal:
        if all(isinstance(value, str) for value in get_args(annotation)):
            return pa.string(), False
    elif origin is tuple:
        if get_args(annotation) == (int, int):
            offsets = [pa.field(name, pa.int64(), nullable=False) for name in SPAN_FIELDS]
            return pa.struct(offsets), False
    elif annotation in _SCALARS:
        return getattr(pa, _SCALARS[annotation])(), False
    raise TypeError(f"numclaims.arrow has no Arrow type for the annotation {annotation!r}")


def _quantity_arrays(quantities: Sequence[Quantity]) -> list[pa.Array]:
    """One Arrow array per Quantity field over ``quantities``, typed as the schema says."""
    pa = _pyarrow()
    return [
        pa.array([getattr(q, field.name) for q in quantities], type=field.type)
        for field in _quantity_fields()
    ]


def to_arrow(
    texts_or_results: Iterable[str | Sequence[Quantity]],
    *,
    ids: Iterable[object] | None = None,
    options: Options | None = None,
) -> pa.Table:
    """One Arrow table row per quantity found in the documents, in input order.

    ``texts_or_results`` is an iterable of documents: texts, parsed here with
    :func:`~numclaims.parse_quantities` and ``options``, or result lists that
    were already parsed (for example by :func:`~numclaims.parse_many` with
    worker processes), or a mix of both.  It is read once, lazily.

    The ``doc`` column holds each quantity's document index (0, 1, …) or,
    when ``ids`` is given, that document's id.  ``ids`` holds exactly one id
    per document (:class:`IdsLengthError` otherwise) and the column's type is
    the one pyarrow infers from them; pass a ``pyarrow.Array`` to choose it.
    A document with no quantity gives no row, and no documents give an empty
    table with the full :func:`schema`.

    Raises :class:`MissingExtraError` (an ``ImportError``) without pyarrow,
    :class:`~numclaims.InputTypeError` for a single ``str`` in place of an
    iterable or for an item that is neither a text nor a list of quantities,
    and whatever :func:`~numclaims.parse_quantities` raises for a text.
    """
    pa = _pyarrow()
    if isinstance(texts_or_results, str | bytes):
        raise InputTypeError(
            f"texts_or_results must be an iterable of documents, not one "
            f"{type(texts_or_results).__name__}; wrap a single text in a list"
        )
    id_array = None if ids is None else _id_array(pa, ids)
    found: list[Quantity] = []
    docs: list[int] = []
    count = 0
    for index, item in enumerate(texts_or_results):
        if id_array is not None and index >= len(id_array):
            raise IdsLengthError(f"ids has {len(id_array)} items, but there are more documents")
        results = _results(item, options, index)
        found.extend(results)
        docs.extend([index] * len(results))
        count = index + 1
    if id_array is not None and len(id_array) != count:
        raise IdsLengthError(f"ids has {len(id_array)} items for {count} documents")
    doc = pa.array(docs, type=pa.int64())
    if id_array is not None:
        doc = id_array.take(doc)
    table_schema = schema(doc.type)
    return pa.Table.from_arrays([doc, *_quantity_arrays(found)], schema=table_schema)


def _id_array(pa: Any, ids: Iterable[object]) -> Any:
    """``ids`` as one Arrow array (kept as it is when it already is one)."""
    if isinstance(ids, pa.ChunkedArray):
        return ids.combine_chunks()
    if isinstance(ids, pa.Array):
        return ids
    if isinstance(ids, str | bytes):
        raise InputTypeError(f"ids must be an iterable of ids, not one {type(ids).__name__}")
    return pa.array(list(ids))


def _results(item: object, options: Options | None, index: int) -> list[Quantity]:
    """The quantities of one document: ``item`` parsed, or ``item`` itself when already parsed."""
    if isinstance(item, str):
        return parse_quantities(item, options=options)
    if isinstance(item, list | tuple) and all(isinstance(q, Quantity) for q in item):
        return list(item)
    raise InputTypeError(
        f"document {index} must be a str or a list of Quantity, not {type(item).__name__}"
    )
