"""``numclaims --claims``: one row per claim, as JSON Lines or a table.

A claim row is where the claim was found (``file``, ``line``, ``id``) and the
:class:`~numclaims.Claim` itself (``claim``: the quantity, its sentence,
source, source_via, hedge and time).  The file is under ``file`` rather than
``source``, the name of a quantity row's first field, because a claim has a
source of its own.  :func:`claim_row_schema` is the JSON schema of a row.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from numclaims.models import Claim, Options, Span

__all__ = ["ClaimJsonlWriter", "ClaimTableWriter", "claim_row_schema", "claim_writer", "claims_of"]

_COLUMNS = ("line", "claim", "source", "hedge", "time")
_MIN_WIDTHS = (4, 20, 16, 10, 12)


def claims_of(texts: Iterator[str], options: Options) -> Iterator[list[Claim]]:
    """The claims of each text, in order."""
    from numclaims import extract_claims

    return (extract_claims(text, options=options) for text in texts)


def claim_row_schema() -> dict[str, Any]:
    """The JSON schema of one ``--claims`` row: where it was found, then the claim."""
    schema = Claim.model_json_schema()
    definitions = schema.pop("$defs", {})
    return {
        "title": "ClaimRow",
        "description": "One claim found by numclaims --claims, and where.",
        "type": "object",
        "properties": {
            "file": {"type": "string", "description": "The file read, or <stdin>."},
            "line": {
                "anyOf": [{"type": "integer"}, {"type": "null"}],
                "description": "The line of the claim in a text file, or of the record.",
            },
            "id": {
                "anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}],
                "description": "The record's --id-field, if one was given.",
            },
            "claim": {"$ref": "#/$defs/Claim"},
        },
        "required": ["file", "line", "id", "claim"],
        "$defs": {**definitions, "Claim": schema},
    }


class ClaimJsonlWriter:
    """One JSON object per claim and line."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, source: str, line: int | None, ident: object, claim: Claim) -> None:
        record = {"file": source, "line": line, "id": ident, "claim": claim.model_dump(mode="json")}
        self._out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._out.flush()


def _text(span: Span | None) -> str:
    return "" if span is None else span.text


class ClaimTableWriter:
    """A readable table of claims (source and source_via as ``via / source``), then a count."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._widths = [max(len(h), w) for h, w in zip(_COLUMNS, _MIN_WIDTHS, strict=True)]
        self._count = 0

    def write(self, source: str, line: int | None, ident: object, claim: Claim) -> None:
        if self._count == 0:
            self._line(_COLUMNS)
            self._line(tuple("-" * w for w in self._widths))
        at = str(ident) if ident is not None else "" if line is None else str(line)
        who = _text(claim.source)
        if claim.source_via is not None:
            who = f"{claim.source_via.text} / {who}"
        row = (at, claim.quantity.text, who, _text(claim.hedge), _text(claim.time))
        self._widths = [max(w, len(cell)) for w, cell in zip(self._widths, row, strict=True)]
        self._line(row)
        self._count += 1

    def close(self) -> None:
        count = self._count
        self._out.write("no claims found\n" if not count else f"{count} claim{'s'[: count != 1]}\n")
        self._out.flush()

    def _line(self, cells: Sequence[str]) -> None:
        padded = [cell.ljust(w) for cell, w in zip(cells, self._widths, strict=True)]
        self._out.write("  ".join(padded).rstrip() + "\n")


def claim_writer(kind: str, out: TextIO) -> ClaimJsonlWriter | ClaimTableWriter:
    """The writer of ``--claims`` rows in ``kind`` (jsonl or table)."""
    return ClaimJsonlWriter(out) if kind == "jsonl" else ClaimTableWriter(out)
