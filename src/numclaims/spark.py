"""Quantities in Spark DataFrames, computed by a vectorised Arrow UDF.

Needs the ``spark`` extra (``pip install 'numclaims[spark]'``: PySpark 4.1 or
later, which runs on Java 17+), and numclaims installed wherever the Python
workers run.  Importing this module imports neither pyspark nor pyarrow.

The Spark type of a quantity is converted from the Arrow fields of
:mod:`numclaims.arrow`, which are derived from :class:`~numclaims.Quantity`,
so the DataFrame columns, the Arrow tables and the model always agree.  (The
field descriptions stay out of the Spark type: Spark checks a UDF's result
type including field metadata, and an Arrow batch carries none.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from numclaims._api import parse_quantities
from numclaims.arrow import _quantity_arrays, _quantity_fields, _require
from numclaims.errors import InputTypeError
from numclaims.models import Options, Quantity

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import Column, DataFrame
    from pyspark.sql.types import DataType, StructType

__all__ = ["explode_quantities", "quantity_type", "with_quantities"]

_ELEMENT = "element"
"""The name Spark gives the items of an array in Arrow."""


def _pyspark_types() -> Any:
    """The ``pyspark.sql.types`` module, or :class:`~numclaims.arrow.MissingExtraError`."""
    _require("pyspark", "spark")
    return _require("pyspark.sql.types", "spark")


def quantity_type() -> StructType:
    """The Spark ``StructType`` of one quantity: a field per :class:`~numclaims.Quantity` field."""
    pa = _require("pyarrow", "spark")
    return _spark_type(pa.struct(list(_quantity_fields())))


def _spark_type(arrow_type: pa.DataType) -> DataType:
    """The Spark type of an Arrow type that :mod:`numclaims.arrow` uses."""
    pa = _require("pyarrow", "spark")
    t = _pyspark_types()
    if pa.types.is_struct(arrow_type):
        return t.StructType(
            [
                t.StructField(field.name, _spark_type(field.type), nullable=field.nullable)
                for field in arrow_type.fields
            ]
        )
    if pa.types.is_list(arrow_type):
        item = arrow_type.value_field
        return t.ArrayType(_spark_type(item.type), containsNull=item.nullable)
    simple = {
        pa.float64(): t.DoubleType(),
        pa.int64(): t.LongType(),
        pa.bool_(): t.BooleanType(),
        pa.string(): t.StringType(),
    }
    if arrow_type in simple:
        return simple[arrow_type]
    raise TypeError(f"numclaims.spark has no Spark type for the Arrow type {arrow_type}")


def with_quantities(
    df: DataFrame,
    text_col: str | Column,
    out_col: str = "quantities",
    *,
    options: Options | None = None,
) -> DataFrame:
    """``df`` with a column ``out_col``: the quantities of ``text_col``, as an array of structs.

    Each struct holds the fields of one :class:`~numclaims.Quantity` (see
    :func:`quantity_type`).  A null or empty text gives an empty array.  The
    parsing runs in Spark's Python workers, a batch of rows at a time, with
    ``options`` for every text.  An existing ``out_col`` is replaced.

    Raises :class:`~numclaims.InputTypeError` when ``text_col`` is not a string
    column, and :class:`~numclaims.arrow.MissingExtraError` without pyspark.
    """
    types = _pyspark_types()
    if options is not None and not isinstance(options, Options):
        raise InputTypeError.for_value(options, "options")
    column = df.select(text_col).schema.fields[0]
    if not isinstance(column.dataType, types.StringType):
        kind = column.dataType.simpleString()
        raise InputTypeError(f"text column {column.name!r} must be a string column, not {kind}")
    return df.withColumn(out_col, _quantities_udf(options)(text_col))


def explode_quantities(
    df: DataFrame,
    text_col: str | Column,
    out_col: str = "quantity",
    *,
    options: Options | None = None,
) -> DataFrame:
    """One row per quantity of ``text_col``: the row's columns and a struct column ``out_col``.

    Rows whose text has no quantity (or is null) give no row; use
    :func:`with_quantities` and ``explode_outer`` to keep them.  Select
    ``f"{out_col}.*"`` for one column per field.  An existing ``out_col`` is
    replaced.
    """
    hidden = "__numclaims_quantities"
    found = with_quantities(df, text_col, hidden, options=options)
    functions = _require("pyspark.sql.functions", "spark")
    return found.withColumn(out_col, functions.explode(hidden)).drop(hidden)


def _quantities_udf(options: Options | None) -> Any:
    """The scalar Arrow UDF that maps a batch of texts to a batch of quantity lists."""
    pa = _require("pyarrow", "spark")
    functions = _require("pyspark.sql.functions", "spark")
    element = pa.field(_ELEMENT, pa.struct(list(_quantity_fields())), nullable=False)
    # Spark reads a UDF's kind from its type hints; a function without hints is
    # the scalar kind (one Arrow array in, one out), which is what this is.
    parse = lambda texts: _quantity_lists(texts, options)  # noqa: E731
    parse.__name__ = parse.__qualname__ = "numclaims_quantities"
    return functions.arrow_udf(parse, _spark_type(pa.list_(element)))


def _quantity_lists(texts: pa.Array, options: Options | None = None) -> pa.Array:
    """For an Arrow array of texts, the Arrow list array of their quantities.

    A null or empty text gives an empty list.  This is what the UDF of
    :func:`with_quantities` runs on each batch.
    """
    pa = _require("pyarrow", "spark")
    found: list[Quantity] = []
    offsets = [0]
    for text in texts.to_pylist():
        if text:
            found.extend(parse_quantities(text, options=options))
        offsets.append(len(found))
    fields = list(_quantity_fields())
    element = pa.field(_ELEMENT, pa.struct(fields), nullable=False)
    values = pa.StructArray.from_arrays(_quantity_arrays(found), fields=fields)
    return pa.ListArray.from_arrays(
        pa.array(offsets, type=pa.int32()), values, type=pa.list_(element)
    )
