"""Where the rows go: a table, JSON Lines, CSV or Parquet, to stdout or a file.

Every format writes the same row per quantity: where it was found (``source``,
``line``, ``id``), then every field of :class:`~numclaims.Quantity`, in the
model's order.  :func:`row_schema` is the JSON schema of a row.  Each writer
writes a row as it is given one (Parquet: a row group per few thousand rows),
so memory does not grow with the output, and :func:`atomic` makes a file
appear under its name only once it is complete.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol, TextIO, TypeVar

from numclaims.models import Quantity

__all__ = [
    "OUTPUT_FORMATS",
    "ROW_PREFIX",
    "RowWriter",
    "TableWriter",
    "Writer",
    "atomic",
    "format_for",
    "row_schema",
    "text_writer",
]

OUTPUT_FORMATS = ("table", "jsonl", "csv", "parquet")

ROW_PREFIX = ("source", "line", "id")
"""The fields before the quantity's: the file (or ``<stdin>``), the line, the record's id."""

_PARQUET_ROWS = 8192
"""Rows held before they are written to a Parquet file as one batch."""

_STYLES = MappingProxyType(
    {
        "number": "cyan",
        "money": "green",
        "percent": "magenta",
        "measure": "yellow",
        "ratio": "blue",
        "multiple": "red",
    }
)
"""The colour of each kind in a table on a terminal."""


class Writer(Protocol):
    """Something rows are written to, one at a time."""

    def write(self, source: str, line: int | None, ident: object, quantity: Quantity) -> None:
        """Write the row of one quantity."""

    def close(self) -> None:
        """Write what is held back (a count, a last batch) and release the output."""


_Row_contra = TypeVar("_Row_contra", contravariant=True)


class RowWriter(Protocol[_Row_contra]):
    """A writer of rows of one kind: quantities (a :class:`Writer`) or claims."""

    def write(self, source: str, line: int | None, ident: object, row: _Row_contra, /) -> None:
        """Write one row."""


def format_for(path: str | None, is_terminal: bool) -> str:
    """The output format when ``--format`` is not given: by the file's extension, else
    a table on a terminal and JSON Lines anywhere else.

    >>> format_for("out.parquet", True), format_for(None, True), format_for(None, False)
    ('parquet', 'table', 'jsonl')
    """
    if path is not None:
        suffix = Path(path).suffix.lower().lstrip(".")
        return suffix if suffix in ("csv", "parquet", "jsonl") else "jsonl"
    return "table" if is_terminal else "jsonl"


def row_schema() -> dict[str, Any]:
    """The JSON schema of one row: where it was found, then the quantity's fields."""
    schema = Quantity.model_json_schema()
    where = {
        "source": {"type": "string", "description": "The file read, or <stdin>."},
        "line": {
            "anyOf": [{"type": "integer"}, {"type": "null"}],
            "description": "The line of the claim in a text file, of the record in JSON "
            "Lines or CSV, or the row number in Parquet.",
        },
        "id": {
            "anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}],
            "description": "The record's --id-field, if one was given (a string in Parquet).",
        },
    }
    schema["title"] = "Row"
    schema["description"] = "One quantity found by the numclaims command, and where."
    schema["properties"] = {**where, **schema["properties"]}
    schema["required"] = [*ROW_PREFIX, *schema.get("required", [])]
    return schema


def _record(source: str, line: int | None, ident: object, quantity: Quantity) -> dict[str, Any]:
    return {"source": source, "line": line, "id": ident, **quantity.model_dump(mode="json")}


class JsonlWriter:
    """One JSON object per row and line."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, source: str, line: int | None, ident: object, quantity: Quantity) -> None:
        record = _record(source, line, ident, quantity)
        self._out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._out.flush()


class CsvWriter:
    """A header, then one CSV record per row; None is empty, an offset pair is JSON."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._csv = csv.writer(out, lineterminator="\n")
        self._csv.writerow([*ROW_PREFIX, *Quantity.model_fields])

    def write(self, source: str, line: int | None, ident: object, quantity: Quantity) -> None:
        record = _record(source, line, ident, quantity)
        self._csv.writerow([_csv_cell(value) for value in record.values()])

    def close(self) -> None:
        self._out.flush()


def _csv_cell(value: object) -> object:
    """How one value is written in CSV.

    >>> [_csv_cell(v) for v in (None, True, [3, 9], 2.5)]
    ['', 'true', '[3, 9]', 2.5]
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value)
    return value


_COLUMNS = ("line", "span", "claim", "kind", "value", "unit", "bound", "entity")
_MIN_WIDTHS = (4, 11, 20, 7, 15, 16, 11, 0)
"""Starting column widths, wide enough for most claims; a wider cell widens its column."""
_KIND_COLUMN = _COLUMNS.index("kind")


class TableWriter:
    """A readable table, written a row at a time, then the count of quantities.

    Each column starts at a width that fits most claims and widens for good
    when a cell needs more, so a long claim shifts the rows after it, never
    the rows already written.  The first column is the claim's line, or the
    record's id.  With ``headings``, a line ``== source`` starts each input's
    rows.  With ``colour`` (a terminal), rich colours each kind.
    """

    def __init__(self, out: TextIO, *, headings: bool = False, colour: bool = False) -> None:
        self._out = out
        self._headings = headings
        self._widths = [max(len(h), least) for h, least in zip(_COLUMNS, _MIN_WIDTHS, strict=True)]
        self._count = 0
        self._source: str | None = None
        self._console = _console(out) if colour else None

    def write(self, source: str, line: int | None, ident: object, quantity: Quantity) -> None:
        if self._count == 0:
            self._line(_COLUMNS, "bold")
            self._line(tuple("-" * w for w in self._widths))
        if self._headings and source != self._source:
            self._out.write(f"== {source}\n")
            self._source = source
        at = str(ident) if ident is not None else "" if line is None else str(line)
        row = (at, *_cells(quantity))
        self._widths = [max(w, len(cell)) for w, cell in zip(self._widths, row, strict=True)]
        self._line(row, _STYLES.get(quantity.kind))
        self._count += 1

    def close(self) -> None:
        if self._count == 0:
            self._out.write("no quantities found\n")
        else:
            self._out.write(f"{self._count} {'quantity' if self._count == 1 else 'quantities'}\n")
        self._out.flush()

    def _line(self, cells: Sequence[str], style: str | None = None) -> None:
        padded = [cell.ljust(w) for cell, w in zip(cells, self._widths, strict=True)]
        if self._console is None or style is None:
            self._out.write("  ".join(padded).rstrip() + "\n")
            return
        from rich.text import Text

        line = Text()
        for index, cell in enumerate(padded):
            styled = index == _KIND_COLUMN or style == "bold"
            if index:
                line.append("  ")
            line.append(cell, style if styled else None)
        line.rstrip()
        self._console.print(line)


def _console(out: TextIO) -> Any:
    """A rich console on ``out``, or None when rich is not installed (plain table)."""
    try:
        from rich.console import Console
    except ImportError:
        return None
    return Console(file=out, highlight=False, soft_wrap=True)


def _cells(q: Quantity) -> tuple[str, ...]:
    value = f"{q.low:,.12g} – {q.high:,.12g}" if q.is_range else f"{q.value:,.12g}"
    return (
        f"{q.start}-{q.end}",
        q.text,
        q.kind,
        value,
        (q.unit or "") if q.per is None else f"{q.unit} per {q.per}",
        q.bound,
        q.entity or "",
    )


class ParquetWriter:
    """Rows in a Parquet file with numclaims' Arrow schema, after ``source, line, id``.

    ``id`` is a string column whatever the input's ids are, so that every
    batch has the same schema.
    """

    def __init__(self, path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from numclaims import arrow

        where = [
            pa.field("source", pa.string(), nullable=False),
            pa.field("line", pa.int64()),
            pa.field("id", pa.string()),
        ]
        self._schema = pa.schema([*where, *arrow.schema().remove(0)])
        self._writer = pq.ParquetWriter(str(path), self._schema)
        self._where: list[tuple[str, int | None, str | None]] = []
        self._found: list[Quantity] = []

    def write(self, source: str, line: int | None, ident: object, quantity: Quantity) -> None:
        self._where.append((source, line, None if ident is None else str(ident)))
        self._found.append(quantity)
        if len(self._found) >= _PARQUET_ROWS:
            self._flush()

    def close(self) -> None:
        self._flush()
        self._writer.close()

    def _flush(self) -> None:
        import pyarrow as pa

        from numclaims import arrow

        if not self._found:
            return
        columns = [list(column) for column in zip(*self._where, strict=True)]
        arrays = [pa.array(c, type=f.type) for c, f in zip(columns, self._schema, strict=False)]
        arrays += arrow._quantity_arrays(self._found)
        self._writer.write_batch(pa.record_batch(arrays, schema=self._schema))
        self._where, self._found = [], []


def text_writer(kind: str, out: TextIO, *, headings: bool, colour: bool) -> Writer:
    """The writer of a text format (table, jsonl or csv) on ``out``."""
    if kind == "jsonl":
        return JsonlWriter(out)
    if kind == "csv":
        return CsvWriter(out)
    return TableWriter(out, headings=headings, colour=colour)


@contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed to it when the block ends without error.

    On any error, Ctrl-C included, the temporary file is removed and ``path``
    is left as it was: a reader never sees half a file.
    """
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        mask = os.umask(0)
        os.umask(mask)
        temporary.chmod(0o666 & ~mask)  # mkstemp makes it private; give it a new file's mode
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
