"""numclaims.to_arrow: one typed row per quantity, its schema derived from the model."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integrations.tables.conftest import need
from numclaims import (
    InputTypeError,
    NumclaimsError,
    Options,
    Quantity,
    parse_many,
    parse_quantities,
    to_arrow,
)
from numclaims.arrow import DOC_COLUMN, IdsLengthError, _fields_of, schema

pa = need("pyarrow", "'numclaims[arrow]'")

DOCS = Path(__file__).resolve().parents[3] / "docs"

NEWS = [
    "Up to 647 tanks and £1.5billion worth of yachts were lost.",
    "No figures were given at the briefing.",
    "The convoy moved at 5 km/h.",
    "between 7,000 and 15,000 Russian soldiers",
    "Cleaners earn $15 per hour.",
]
"""Five short news sentences: a bound and money, none, a measure, a range, a rate.

The convoy's speed names no thing: how fast the subject went (the corpus conventions).
"""

EXPECTED = [
    {"doc": 0, "kind": "number", "text": "Up to 647", "start": 0, "end": 9, "value": 647.0,
     "low": None, "high": None, "unit": None, "bound": "at_most", "qualifier": "Up to",
     "entity": "tanks", "entity_span": {"start": 10, "end": 15}, "per": None, "si_unit": None},
    {"doc": 0, "kind": "money", "text": "£1.5billion", "start": 20, "end": 31,
     "value": 1_500_000_000.0, "unit": "GBP", "bound": "exact", "qualifier": None,
     "entity": "yachts", "entity_span": {"start": 41, "end": 47}, "is_delta": False},
    {"doc": 2, "kind": "measure", "text": "5 km/h", "start": 20, "end": 26, "value": 5.0,
     "unit": "kilometer / hour", "entity": None, "entity_span": None,
     "si_value": 1.3888888888888888, "si_unit": "meter / second"},
    {"doc": 3, "kind": "number", "text": "between 7,000 and 15,000", "start": 0, "end": 24,
     "value": None, "low": 7000.0, "high": 15000.0, "unit": None, "bound": "exact",
     "entity": "Russian soldiers", "entity_span": {"start": 25, "end": 41}, "si_value": None},
    {"doc": 4, "kind": "money", "text": "$15 per hour", "start": 14, "end": 26, "value": 15.0,
     "unit": "USD", "per": "hour", "entity": "Cleaners", "change": None, "is_delta": False},
]  # fmt: skip
"""The rows of NEWS, column by column; columns left out are checked by the round trip."""


def subset(row: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    """The columns of ``row`` that ``expected`` names."""
    return {name: row[name] for name in expected}


def as_model_json(row: dict[str, Any]) -> dict[str, Any]:
    """A table row (less ``doc``) in the shape of ``Quantity.model_dump(mode="json")``."""
    data = {name: value for name, value in row.items() if name != DOC_COLUMN}
    span = data["entity_span"]
    data["entity_span"] = None if span is None else [span["start"], span["end"]]
    return data


# ------------------------------------------------------------------------- the schema


def test_every_model_field_is_a_column() -> None:
    """The schema is ``doc`` then every Quantity field, in the model's order."""
    assert schema().names == [DOC_COLUMN, *Quantity.model_fields]


def test_column_types_follow_the_annotations() -> None:
    """float -> float64, int -> int64, bool -> bool, str/Literal -> string; Optional is nullable."""
    fields = {field.name: field for field in schema()}
    expected = {
        "doc": (pa.int64(), True),
        "kind": (pa.string(), False),
        "text": (pa.string(), False),
        "start": (pa.int64(), False),
        "value": (pa.float64(), True),
        "unit": (pa.string(), True),
        "bound": (pa.string(), False),
        "change": (pa.string(), True),
        "is_delta": (pa.bool_(), False),
        "per": (pa.string(), True),
        "si_value": (pa.float64(), True),
    }
    assert {name: (fields[name].type, fields[name].nullable) for name in expected} == expected
    span = fields["entity_span"]
    assert span.nullable
    assert span.type == pa.struct(
        [pa.field("start", pa.int64(), nullable=False), pa.field("end", pa.int64(), nullable=False)]
    )


def test_descriptions_are_kept_as_field_metadata() -> None:
    """Each column carries its model field's description."""
    field = schema().field("unit")
    assert field.metadata[b"description"].decode() == Quantity.model_fields["unit"].description


def test_a_new_model_field_becomes_a_column() -> None:
    """A field added to the model (a margin of error, say) is a column, with no change here."""

    class Wider(Quantity):
        margin: float | None = None
        tally: int = 0

    fields = {field.name: field for field in _fields_of(Wider)}
    assert list(fields) == [*Quantity.model_fields, "margin", "tally"]
    assert (fields["margin"].type, fields["margin"].nullable) == (pa.float64(), True)
    assert (fields["tally"].type, fields["tally"].nullable) == (pa.int64(), False)


def test_an_unknown_annotation_fails_loudly() -> None:
    """A field whose annotation has no Arrow type raises, naming it, instead of vanishing."""

    class Odd(Quantity):
        tags: dict[str, int] | None = None

    with pytest.raises(TypeError, match=r"no Arrow type for the annotation dict\[str, int\]"):
        _fields_of(Odd)


def test_doc_type_is_chosen_by_the_caller() -> None:
    """schema(doc_type) types only the doc column."""
    assert schema(pa.string()).field(DOC_COLUMN).type == pa.string()
    assert schema(pa.string()).remove(0) == schema().remove(0)


# ------------------------------------------------------------------------- the rows


def test_rows_of_news_sentences() -> None:
    """Each quantity is one row with its document index and its values, nulls where None."""
    rows = to_arrow(NEWS).to_pylist()
    assert [subset(row, expected) for row, expected in zip(rows, EXPECTED, strict=True)] == EXPECTED


def test_null_counts() -> None:
    """Nulls are real Arrow nulls: a range has no value, plain numbers no unit."""
    table = to_arrow(NEWS)
    assert table.num_rows == 5
    assert table.column("value").null_count == 1
    assert table.column("low").null_count == 4
    assert table.column("unit").null_count == 2
    assert table.column("per").to_pylist() == [None, None, None, None, "hour"]
    assert table.column("is_delta").null_count == 0


def test_rows_round_trip_to_the_models() -> None:
    """Every row equals its Quantity's JSON, and validates back into an equal Quantity."""
    table = to_arrow(NEWS)
    quantities = [q for text in NEWS for q in parse_quantities(text)]
    rows = table.to_pylist()
    assert len(rows) == len(quantities)
    for row, quantity in zip(rows, quantities, strict=True):
        assert as_model_json(row) == json.loads(quantity.model_dump_json())
        assert Quantity.model_validate(as_model_json(row)) == quantity


@pytest.mark.parametrize(
    "documents",
    [pytest.param([], id="no-documents"), pytest.param(["No figures here."], id="no-quantities")],
)
def test_empty_input_gives_the_full_schema(documents: list[str]) -> None:
    """No documents, or none with a quantity, give an empty table with every column."""
    table = to_arrow(documents)
    assert table.num_rows == 0
    assert table.schema == schema()


def test_options_apply_to_texts() -> None:
    """options reach the parser: a bare $ is Canadian here."""
    table = to_arrow(["Tickets cost $25."], options=Options(dollar="CAD"))
    assert table.column("unit").to_pylist() == ["CAD"]


def test_already_parsed_results_give_the_same_table() -> None:
    """Result lists (from parse_many, say) and texts, even mixed, give the same table."""
    from_texts = to_arrow(NEWS)
    assert to_arrow(parse_many(NEWS)).equals(from_texts)
    mixed = [parse_quantities(text) if i % 2 else text for i, text in enumerate(NEWS)]
    assert to_arrow(mixed).equals(from_texts)


# ------------------------------------------------------------------------- ids


def test_ids_are_carried_through() -> None:
    """The doc column holds each quantity's document id, typed as pyarrow infers."""
    ids = ["reuters-1", "reuters-2", "ap-7", "bbc-3", "ft-9"]
    table = to_arrow(NEWS, ids=ids)
    assert table.schema.field(DOC_COLUMN).type == pa.string()
    assert table.column(DOC_COLUMN).to_pylist() == [
        "reuters-1",
        "reuters-1",
        "ap-7",
        "bbc-3",
        "ft-9",
    ]
    numbered = to_arrow(NEWS, ids=range(100, 105))
    assert numbered.column(DOC_COLUMN).to_pylist() == [100, 100, 102, 103, 104]


def test_ids_as_a_typed_arrow_array() -> None:
    """A pyarrow array of ids keeps its type, even with no row to show it."""
    ids = pa.array([7], type=pa.int32())
    assert to_arrow(["No figures."], ids=ids).schema.field(DOC_COLUMN).type == pa.int32()
    assert to_arrow(["5 km"], ids=ids).column(DOC_COLUMN).to_pylist() == [7]


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        pytest.param(["a", "b"], "ids has 2 items, but there are more documents", id="too-few"),
        pytest.param(list("abcdef"), "ids has 6 items for 5 documents", id="too-many"),
    ],
)
def test_ids_of_the_wrong_length(ids: list[str], message: str) -> None:
    """One id per document, or IdsLengthError: a NumclaimsError and a ValueError."""
    with pytest.raises(IdsLengthError, match=message) as caught:
        to_arrow(NEWS, ids=ids)
    assert isinstance(caught.value, NumclaimsError)
    assert isinstance(caught.value, ValueError)


def test_too_few_ids_stop_reading_early() -> None:
    """With too few ids, an endless input is not read to its end."""

    def endless() -> Any:
        while True:
            yield "It cost $5."

    with pytest.raises(IdsLengthError):
        to_arrow(endless(), ids=[1, 2, 3])


# ------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("documents", "message"),
    [
        pytest.param("It cost $5.", "not one str; wrap a single text", id="one-text"),
        pytest.param([b"It cost $5."], "document 0 must be a str or a list", id="bytes"),
        pytest.param(
            ["ok", 5], "document 1 must be a str or a list of Quantity, not int", id="int"
        ),
        pytest.param([["$5"]], "document 0 must be a str or a list of Quantity", id="list-of-str"),
    ],
)
def test_bad_documents_raise_input_type_error(documents: Any, message: str) -> None:
    """A single text, or a document that is neither a text nor a result list, is refused."""
    with pytest.raises(InputTypeError, match=message):
        to_arrow(documents)


# ------------------------------------------------------------------------- other libraries


def test_to_pandas() -> None:
    """.to_pandas() gives numpy dtypes for numbers, NaN for null floats, None for null strings."""
    need("pandas", "'numclaims[spark]' (or pandas)")
    frame = to_arrow(NEWS, ids=list("abcde")).to_pandas()
    assert list(frame.columns) == schema().names
    assert str(frame["value"].dtype) == "float64"
    assert str(frame["start"].dtype) == "int64"
    assert str(frame["is_delta"].dtype) == "bool"
    assert frame["doc"].tolist() == ["a", "a", "c", "d", "e"]
    assert frame["unit"].tolist() == [None, "GBP", "kilometer / hour", None, "USD"]
    assert frame["value"].isna().tolist() == [False, False, False, True, False]
    assert frame.loc[3, "entity_span"] == {"start": 25, "end": 41}


def test_polars_from_arrow() -> None:
    """polars.from_arrow() reads the table with the same columns and types."""
    pl = need("polars", "polars")
    frame = pl.from_arrow(to_arrow(NEWS))
    assert frame.columns == schema().names
    assert frame.schema["value"] == pl.Float64
    assert frame.schema["is_delta"] == pl.Boolean
    assert frame.schema["entity_span"] == pl.Struct({"start": pl.Int64, "end": pl.Int64})
    assert frame["text"].to_list() == [row["text"] for row in EXPECTED]


def test_docs_examples() -> None:
    """The examples in docs/tables.md run and print what they show."""
    need("pandas", "'numclaims[spark]' (or pandas)")
    result = doctest.testfile(str(DOCS / "tables.md"), module_relative=False)
    assert result.attempted > 0
    assert result.failed == 0


# ------------------------------------------------------------------------- property

WORDS = st.sampled_from(
    ["up to", "5", "1,200", "km", "$3bn", "tanks", "rose", "between", "and", "20%", "-", " ", "."]
)


@given(st.lists(st.lists(WORDS, max_size=8).map(" ".join), max_size=5))
def test_rows_are_the_parsed_quantities(texts: list[str]) -> None:
    """For any texts, the rows are exactly parse_many's results, flattened in order."""
    rows = to_arrow(texts).to_pylist()
    expected = [
        (index, json.loads(q.model_dump_json()))
        for index, found in enumerate(parse_many(texts))
        for q in found
    ]
    assert [(row[DOC_COLUMN], as_model_json(row)) for row in rows] == expected
