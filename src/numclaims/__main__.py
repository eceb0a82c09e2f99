"""The ``numclaims`` command: print the numeric claims found in text files.

numclaims article.txt            # a readable table
numclaims --format jsonl a.txt   # one JSON object per quantity
cat a.txt | numclaims -          # read standard input
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from pydantic import ValidationError

from numclaims._api import iter_quantities
from numclaims.models import Options, Quantity

__all__ = ["main"]

_COLUMNS = ("span", "claim", "kind", "value", "unit", "bound", "entity")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="numclaims",
        description="Find the numeric claims in English text.",
    )
    parser.add_argument(
        "files", nargs="*", default=["-"], help="text files to read ('-' or none: standard input)"
    )
    parser.add_argument(
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="a readable table (default) or one JSON object per quantity",
    )
    parser.add_argument(
        "--dollar", default="USD", metavar="CODE", help="ISO 4217 code for a bare '$' (default USD)"
    )
    parser.add_argument("--no-entities", action="store_true", help="do not look for entities")
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the command; return its exit status."""
    out = stdout or sys.stdout
    args = _parser().parse_args(argv)
    try:
        options = Options(dollar=args.dollar, entities=not args.no_entities)
    except ValidationError as error:
        print(f"numclaims: invalid option: {error.errors()[0]['msg']}", file=sys.stderr)
        return 2
    status = 0
    for name in args.files:
        try:
            text = sys.stdin.read() if name == "-" else _read(name)
        except (OSError, UnicodeDecodeError) as error:
            print(f"numclaims: {name}: {error}", file=sys.stderr)
            status = 1
            continue
        quantities = iter_quantities(text, options=options)
        if args.format == "jsonl":
            for quantity in quantities:
                record = {"file": name, **quantity.model_dump(mode="json")}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            if len(args.files) > 1:
                out.write(f"== {name}\n")
            _write_table(quantities, out)
    return status


def _read(name: str) -> str:
    with open(name, encoding="utf-8") as handle:
        return handle.read()


def _row(q: Quantity) -> tuple[str, ...]:
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


def _write_table(quantities: Iterable[Quantity], out: TextIO) -> None:
    rows = [_row(q) for q in quantities]
    if not rows:
        out.write("no quantities found\n")
        return
    widths = [max(len(str(r[i])) for r in [_COLUMNS, *rows]) for i in range(len(_COLUMNS))]
    for row in [_COLUMNS, tuple("-" * w for w in widths), *rows]:
        out.write(
            "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        )
        out.write("\n")
    out.write(f"{len(rows)} quantities\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
