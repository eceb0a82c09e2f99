"""numclaims.spark against a real local SparkSession (``local[2]``, shared by the module).

Starting Spark takes a while: the DataFrames are small and each test runs as
few jobs as it can.  ``pytest -m spark`` runs these alone.
"""

from __future__ import annotations

from typing import Any

import pytest

from integrations.tables.conftest import need
from numclaims import InputTypeError, Options, Quantity, parse_quantities
from numclaims.spark import (
    _quantity_lists,
    explode_quantities,
    quantity_type,
    with_quantities,
)

pytestmark = pytest.mark.spark

need("pyspark", "'numclaims[spark]'")
pa = need("pyarrow", "'numclaims[spark]'")

ROWS = [
    (1, "Up to 647 tanks and £1.5billion worth of yachts were lost.", "war"),
    (2, None, "empty"),
    (3, "", "empty"),
    (4, "No figures were given at the briefing.", "politics"),
    (5, "between 7,000 and 15,000 Russian soldiers", "war"),
    (6, "Prices rose 5% to $40k.", "economy"),
]
"""(id, text, section): sentences with quantities, a null text, an empty one, one with none."""


def as_row(quantity: Quantity) -> dict[str, Any]:
    """A Quantity as the dict a Spark struct gives back (``entity_span`` a struct too)."""
    data = quantity.model_dump()
    span = data["entity_span"]
    data["entity_span"] = None if span is None else dict(zip(("start", "end"), span, strict=True))
    return data


@pytest.fixture(scope="module")
def frame(spark: Any) -> Any:
    """The ROWS as a DataFrame (over two partitions: local[2]'s default parallelism)."""
    return spark.createDataFrame(ROWS, "id long, text string, section string")


def test_quantity_type_is_the_arrow_schema() -> None:
    """The Spark struct has one field per model field, typed as the Arrow columns."""
    from pyspark.sql import types as t

    struct = quantity_type()
    assert struct.fieldNames() == list(Quantity.model_fields)
    assert struct["value"] == t.StructField("value", t.DoubleType(), nullable=True)
    assert struct["start"] == t.StructField("start", t.LongType(), nullable=False)
    assert struct["is_delta"] == t.StructField("is_delta", t.BooleanType(), nullable=False)
    assert struct["kind"] == t.StructField("kind", t.StringType(), nullable=False)
    span = t.StructType(
        [t.StructField("start", t.LongType(), False), t.StructField("end", t.LongType(), False)]
    )
    assert struct["entity_span"] == t.StructField("entity_span", span, nullable=True)


def test_with_quantities(frame: Any) -> None:
    """Each row gets the array of its quantities, equal to parse_quantities; null and "" get []."""
    from pyspark.sql import types as t

    result = with_quantities(frame, "text")
    assert result.columns == ["id", "text", "section", "quantities"]
    assert result.schema["quantities"].dataType == t.ArrayType(quantity_type(), containsNull=False)
    got = {
        row["id"]: [q.asDict(recursive=True) for q in row["quantities"]] for row in result.collect()
    }
    expected = {id_: [as_row(q) for q in parse_quantities(text or "")] for id_, text, _ in ROWS}
    assert got == expected
    assert got[2] == got[3] == got[4] == []
    assert [q["text"] for q in got[1]] == ["Up to 647", "£1.5billion"]


def test_explode_quantities(frame: Any) -> None:
    """One row per quantity, with the input's columns and a struct to flatten with .*."""
    result = explode_quantities(frame, "text").select("id", "section", "quantity.*")
    assert result.columns == ["id", "section", *Quantity.model_fields]
    rows = sorted(
        (row["id"], row["text"], row["value"], row["low"], row["unit"], row["section"])
        for row in result.collect()
    )
    assert rows == [
        (1, "Up to 647", 647.0, None, None, "war"),
        (1, "£1.5billion", 1_500_000_000.0, None, "GBP", "war"),
        (5, "between 7,000 and 15,000", None, 7000.0, None, "war"),
        (6, "$40k", 40000.0, None, "USD", "economy"),
        (6, "5%", 5.0, None, "percent", "economy"),
    ]
    assert explode_quantities(frame, "text", "section").columns == ["id", "text", "section"]


def test_options_reach_the_workers(spark: Any) -> None:
    """Options travel with the UDF: a bare $ is Canadian here, also for a Column argument."""
    from pyspark.sql import functions

    frame = spark.createDataFrame([("Tickets cost $25.",)], "body string")
    result = explode_quantities(frame, functions.col("body"), "q", options=Options(dollar="CAD"))
    assert [row["q"]["unit"] for row in result.collect()] == ["CAD"]


def test_a_column_that_is_not_text_is_refused(frame: Any) -> None:
    """A non-string column raises InputTypeError when the plan is built, before any job."""
    with pytest.raises(InputTypeError, match="'id' must be a string column, not bigint"):
        with_quantities(frame, "id")


def test_quantity_lists_on_one_arrow_batch() -> None:
    """The UDF's batch function: nulls and "" give empty lists, offsets line up."""
    texts = pa.array(["It cost $5 and $6.", None, "", "Up to 9 km."], type=pa.large_string())
    lists = _quantity_lists(texts)
    assert lists.value_lengths().to_pylist() == [2, 0, 0, 1]
    assert lists.flatten().field("text").to_pylist() == ["$5", "$6", "Up to 9 km"]
