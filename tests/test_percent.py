"""Percentages, percentage points and basis points."""

from __future__ import annotations

import pytest

from helpers import assert_span, close, only

PERCENTS = [
    ("Inflation hit 12.5% in May.", "12.5%", 12.5, "percent"),
    ("Inflation hit 12.5 % in May.", "12.5 %", 12.5, "percent"),
    ("Inflation hit 12.5 per cent in May.", "12.5 per cent", 12.5, "percent"),
    ("Inflation hit 12.5 percent in May.", "12.5 percent", 12.5, "percent"),
    ("Inflation hit 4pc in May.", "4pc", 4.0, "percent"),
    ("The gap narrowed by 2 percentage points.", "2 percentage points", 2.0, "percentage_point"),
    ("The gap narrowed by 2pp.", "2pp", 2.0, "percentage_point"),
    ("The bank cut rates by 25 basis points.", "25 basis points", 25.0, "basis_point"),
    ("The bank cut rates by 25bp.", "25bp", 25.0, "basis_point"),
    ("The bank cut rates by 25 bps.", "25 bps", 25.0, "basis_point"),
]


@pytest.mark.parametrize(("sentence", "span", "value", "unit"), PERCENTS)
def test_percent(sentence: str, span: str, value: float, unit: str) -> None:
    """Each percent form gives kind percent, its unit and the exact span."""
    quantity = only(sentence)
    assert (quantity.kind, quantity.unit) == ("percent", unit)
    assert close(quantity.value, value)
    assert_span(sentence, quantity, span)
