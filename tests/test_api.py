"""The public surface: exports, result models, JSON schema, options and laziness."""

from __future__ import annotations

import itertools
import json
import types

import pytest
from pydantic import ValidationError

import numclaims
from numclaims import Options, Quantity, iter_quantities, parse_quantities

TEXT = (
    "Up to 647 tanks and 1,844 vehicles were lost, costing £1.5billion, while prices "
    "rose 5% and the convoy moved at 5 km/h for between 2,000 and 4,000 km."
)


def test_public_names_are_sorted_and_exported() -> None:
    """__all__ is sorted and every name in it is importable from the package."""
    assert list(numclaims.__all__) == sorted(numclaims.__all__)
    for name in numclaims.__all__:
        assert getattr(numclaims, name) is not None


def test_results_in_order_and_non_overlapping() -> None:
    """Results come in order of appearance and never overlap."""
    found = parse_quantities(TEXT)
    assert [q.text for q in found] == [
        "Up to 647",
        "1,844",
        "£1.5billion",
        "5%",
        "5 km/h",
        "between 2,000 and 4,000 km",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_model_dump_has_the_documented_fields() -> None:
    """model_dump() carries every field the docs promise, with the documented meanings."""
    dumped = parse_quantities("It cost £1.5billion.")[0].model_dump()
    assert {
        "kind",
        "text",
        "start",
        "end",
        "value",
        "low",
        "high",
        "unit",
        "bound",
        "entity",
    } <= set(dumped)
    assert (dumped["kind"], dumped["value"], dumped["unit"], dumped["bound"]) == (
        "money",
        1.5e9,
        "GBP",
        "exact",
    )


def test_results_are_frozen() -> None:
    """A Quantity cannot be changed after it is made."""
    quantity = parse_quantities("It cost £5.")[0]
    with pytest.raises(ValidationError):
        quantity.value = 6.0  # type: ignore[misc]


def test_json_round_trip() -> None:
    """Every result survives model_dump_json and model_validate_json unchanged."""
    for quantity in parse_quantities(TEXT):
        assert Quantity.model_validate_json(quantity.model_dump_json()) == quantity
        assert Quantity.model_validate(quantity.model_dump()) == quantity


def test_json_schema_describes_the_fields() -> None:
    """Quantity.model_json_schema() is valid JSON with a description for every field."""
    schema = Quantity.model_json_schema()
    json.dumps(schema)
    assert schema["properties"]["kind"]["enum"] == [
        "number",
        "money",
        "percent",
        "measure",
        "ratio",
        "multiple",
    ]
    assert all("description" in field for field in schema["properties"].values())
    assert {"si_value", "si_low", "si_high", "si_unit"} <= set(schema["properties"])
    assert "None for ranges" in schema["properties"]["si_value"]["description"]


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "number", "text": "5", "start": 0, "end": 2, "value": 5.0},
        {"kind": "money", "text": "5", "start": 0, "end": 1, "value": 5.0},
        {"kind": "number", "text": "5", "start": 0, "end": 1, "value": None},
        {"kind": "number", "text": "5", "start": 0, "end": 1, "value": None, "low": 9, "high": 1},
        {"kind": "number", "text": "5", "start": 0, "end": 1, "value": float("inf")},
    ],
)
def test_inconsistent_quantities_are_rejected(fields: dict[str, object]) -> None:
    """The model refuses a wrong span length, a missing unit, no value, low > high, inf."""
    with pytest.raises(ValidationError):
        Quantity.model_validate(fields)


@pytest.mark.parametrize("field", ["unit", "qualifier", "entity", "per", "si_unit"])
def test_an_empty_name_is_rejected_by_field(field: str) -> None:
    """A name is None or non-empty: an empty string is an error that names its field."""
    fields = {"kind": "money", "text": "$5", "start": 0, "end": 2, "value": 5.0, "unit": "USD"}
    with pytest.raises(ValidationError) as caught:
        Quantity.model_validate({**fields, field: ""})
    assert [error["loc"] for error in caught.value.errors()] == [(field,)]
    assert Quantity.model_json_schema()["properties"][field]["anyOf"][0]["minLength"] == 1


def test_iter_quantities_is_lazy_and_equal() -> None:
    """iter_quantities returns an iterator that yields what parse_quantities returns."""
    results = iter_quantities(TEXT)
    assert isinstance(results, types.GeneratorType)
    assert list(results) == parse_quantities(TEXT)


def test_options_are_frozen_and_validated() -> None:
    """Options reject unknown fields and bad values, and cannot be changed."""
    options = Options(dollar="AUD")
    with pytest.raises(ValidationError):
        options.dollar = "USD"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Options(dollar="dollars")
    with pytest.raises(ValidationError):
        Options(colour="blue")  # type: ignore[call-arg]


def test_is_range_and_magnitude() -> None:
    """A range reports is_range and its midpoint as magnitude."""
    quantity = parse_quantities("between 2,000 and 4,000 troops")[0]
    assert quantity.is_range
    assert quantity.magnitude == 3000.0
    assert str(quantity) == "between 2,000 and 4,000"


def test_empty_and_number_free_text() -> None:
    """Text without numbers gives an empty list."""
    assert parse_quantities("") == []
    assert parse_quantities("No numbers here, only words.") == []
