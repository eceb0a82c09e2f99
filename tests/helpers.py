"""Assertions shared by the table tests."""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numclaims
from numclaims import Quantity, Span, extract_claims, parse_quantities


def only(sentence: str) -> Quantity:
    """The single quantity of ``sentence``; fail if there is not exactly one."""
    found = parse_quantities(sentence)
    assert len(found) == 1, f"expected one quantity in {sentence!r}, got {[q.text for q in found]}"
    return found[0]


def assert_span(sentence: str, quantity: Quantity, span: str) -> None:
    """``quantity`` covers the first occurrence of ``span`` in ``sentence``, exactly."""
    start = sentence.index(span)
    assert (quantity.text, quantity.start, quantity.end) == (span, start, start + len(span))


def quantity_entity(sentence: str, text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The entity and its span of the one quantity of ``sentence`` written ``text``."""
    found = [q for q in parse_quantities(sentence) if q.text == text]
    assert len(found) == 1, [q.text for q in parse_quantities(sentence)]
    return found[0].entity, found[0].entity_span


def entity_span_near(sentence: str, text: str, entity: str | None) -> tuple[int, int] | None:
    """Where ``entity`` last occurs before the quantity ``text``, else first after it."""
    if entity is None:
        return None
    at = sentence.index(text)
    start = sentence.rfind(entity, 0, at)
    start = sentence.index(entity, at) if start < 0 else start
    return start, start + len(entity)


def close(a: float | None, b: float | None) -> bool:
    """Float equality to 1e-9 relative, with None equal only to None."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def span_text(span: Span | None) -> str | None:
    """The words of a claim's span, or None where the claim has none."""
    return None if span is None else span.text


def claim_context(sentence: str, quantity: str) -> tuple[str | None, ...]:
    """The source, relaying party, hedge and time of the claim of ``quantity`` in ``sentence``."""
    claim = next(c for c in extract_claims(sentence) if c.quantity.text == quantity)
    return tuple(map(span_text, (claim.source, claim.source_via, claim.hedge, claim.time)))


_CHILD = """
import json, sys
import numclaims
from numclaims import parse_quantities
assert numclaims.__file__.startswith(sys.argv[1]), numclaims.__file__
print(json.dumps([[{reading} for q in parse_quantities(s)] for s in json.loads(sys.argv[2])]))
"""


def read_with_edited_data(
    tmp_path: Path, edits: Sequence[tuple[str, str, str]], reading: str, sentences: list[str]
) -> list[list[object]]:
    """How a copy of the package whose data files are edited reads ``sentences``.

    Each edit ``(data file, pattern, replacement)`` must match exactly once
    (multiline); the copy runs in a fresh interpreter, which gives for each
    sentence the list of ``reading`` (an expression of the quantity ``q``).
    """
    copy = tmp_path / "numclaims"
    shutil.copytree(Path(numclaims.__file__).parent, copy)
    for name, where, edit in edits:
        data = copy / "data" / name
        text, count = re.subn(where, edit, data.read_text("utf-8"), flags=re.M)
        assert count == 1, where
        data.write_text(text, "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD.format(reading=reading),
            str(tmp_path),
            json.dumps(sentences),
        ],
        env={"PYTHONPATH": str(tmp_path)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    readings: list[list[object]] = json.loads(result.stdout)
    return readings
