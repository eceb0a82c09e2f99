"""Assertions shared by the table tests."""

from __future__ import annotations

import math

from numclaims import Quantity, parse_quantities


def only(sentence: str) -> Quantity:
    """The single quantity of ``sentence``; fail if there is not exactly one."""
    found = parse_quantities(sentence)
    assert len(found) == 1, f"expected one quantity in {sentence!r}, got {[q.text for q in found]}"
    return found[0]


def assert_span(sentence: str, quantity: Quantity, span: str) -> None:
    """``quantity`` covers the first occurrence of ``span`` in ``sentence``, exactly."""
    start = sentence.index(span)
    assert (quantity.text, quantity.start, quantity.end) == (span, start, start + len(span))


def close(a: float | None, b: float | None) -> bool:
    """Float equality to 1e-9 relative, with None equal only to None."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
