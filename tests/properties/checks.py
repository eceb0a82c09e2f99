"""The invariants every result list must satisfy, for any input."""

from __future__ import annotations

import math
from collections.abc import Callable

from numclaims import Quantity, iter_quantities, parse_quantities
from properties.known_bugs import known_overlap


def check_invariants(
    text: str,
    found: list[Quantity],
    *,
    excused: Callable[[Quantity, Quantity], bool] = known_overlap,
) -> None:
    """Spans index ``text``; results sorted, disjoint, finite, and round-trip through pydantic.

    An overlap of two results fails unless ``excused(first, second)``: by
    default only the exact signature of an open, reported bug
    (``known_bugs.known_overlap``).  The fuzz target in CI excuses none.
    """
    previous: Quantity | None = None
    for q in found:
        assert 0 <= q.start <= q.end <= len(text), q
        assert q.start < q.end, f"empty span {q}"
        assert q.text == text[q.start : q.end], q
        if previous is not None:
            assert previous.start <= q.start, f"unsorted: {previous.text!r} then {q.text!r}"
            if not excused(previous, q):
                assert previous.end <= q.start, f"overlap: {previous.text!r} and {q.text!r}"
        previous = q
        for name in ("value", "low", "high", "si_value", "si_low", "si_high"):
            number = getattr(q, name)
            assert number is None or math.isfinite(number), (name, q)
        if q.low is not None or q.high is not None:
            assert q.low is not None, q
            assert q.high is not None, q
            assert q.low <= q.high, q
            assert q.value is None, q
        else:
            assert q.value is not None, q
        if q.entity_span is not None:
            start, end = q.entity_span
            assert 0 <= start <= end <= len(text), q
            assert text[start:end] == q.entity, q
        assert Quantity.model_validate(q.model_dump()) == q
        assert Quantity.model_validate_json(q.model_dump_json()) == q


def parse_both(text: str) -> list[Quantity]:
    """``parse_quantities(text)``, checked equal to the lazy ``iter_quantities(text)``."""
    found = parse_quantities(text)
    assert list(iter_quantities(text)) == found
    return found
