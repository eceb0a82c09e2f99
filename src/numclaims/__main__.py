"""The ``numclaims`` command: print the numeric claims found in text files.

numclaims article.txt            # a readable table
numclaims --format jsonl a.txt   # one JSON object per quantity
cat a.txt | numclaims -          # read standard input

Every input, file or standard input, is read as bytes and decoded by one
function, :func:`decode`: a byte-order mark picks UTF-8, UTF-16 or UTF-32,
otherwise ``--encoding`` (UTF-8 by default) applies, strictly.  Output is
always UTF-8, whatever the locale.  The table is written a row at a time, as
the claims are found.

Exit status: 0 on success; 1 if an input could not be read or decoded; 2 for
invalid options; 130 on Ctrl-C; 141 (128 + SIGPIPE, what a shell reports for
a program ended by a closed pipe) when the reader of the output goes away, as
in ``numclaims big.txt | head -1``, without a traceback.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import BinaryIO, TextIO

from pydantic import ValidationError

from numclaims._api import iter_quantities
from numclaims.errors import NumclaimsError
from numclaims.models import Options, Quantity

__all__ = ["decode", "main"]

STDIN = "<stdin>"
"""How messages name standard input."""

EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: the status a shell gives a program ended by a closed pipe."""

_COLUMNS = ("span", "claim", "kind", "value", "unit", "bound", "entity")

_MIN_WIDTHS = (11, 20, 7, 15, 16, 11, 0)
"""Starting column widths, wide enough for most claims; a wider cell widens its column."""

#: Byte-order marks and the codec each selects, longest first: the UTF-32-LE
#: mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(NumclaimsError, ValueError):
    """An input's bytes are not text in the encoding it is read with; the message says why."""


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
        "--encoding",
        default="utf-8",
        help="the encoding of the inputs (default utf-8); a UTF-8, UTF-16 or UTF-32 "
        "byte-order mark overrides it",
    )
    parser.add_argument(
        "--dollar", default="USD", metavar="CODE", help="ISO 4217 code for a bare '$' (default USD)"
    )
    parser.add_argument("--no-entities", action="store_true", help="do not look for entities")
    return parser


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    """Run the command; return its exit status.

    ``stdout`` and ``stdin`` replace the process's streams (for tests and
    embedding); by default output goes to ``sys.stdout``, switched to UTF-8.
    """
    args = _parser().parse_args(argv)
    try:
        options = Options(dollar=args.dollar, entities=not args.no_entities)
    except ValidationError as error:
        return _invalid(error.errors()[0]["msg"])
    try:  # not b"": decoding no bytes looks no codec up
        b"-".decode(args.encoding, "ignore")
    except LookupError as error:  # unknown, or no text encoding (base64)
        return _invalid(str(error))
    out = stdout if stdout is not None else _utf8_stdout()
    try:
        status = _run(args, options, out, stdin)
        out.flush()  # a closed pipe shows here, inside the try, not at exit
    except BrokenPipeError:
        if stdout is None:
            _discard_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return 130
    return status


def _invalid(message: str) -> int:
    print(f"numclaims: invalid option: {message}", file=sys.stderr)
    return 2


def _run(args: argparse.Namespace, options: Options, out: TextIO, stdin: BinaryIO | None) -> int:
    status = 0
    for name in args.files:
        source = STDIN if name == "-" else name
        try:
            text = decode(_read(name, stdin), source, args.encoding)
        except OSError as error:
            print(f"numclaims: {source}: {error.strerror or error}", file=sys.stderr)
            status = 1
            continue
        except DecodeError as error:
            print(f"numclaims: {source}: {error}", file=sys.stderr)
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


def _read(name: str, stdin: BinaryIO | None) -> bytes:
    """The bytes of file ``name``, or of standard input for ``-``."""
    if name != "-":
        with open(name, "rb") as handle:
            return handle.read()
    if stdin is None:
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:  # closed, or replaced by a text-only stream
            raise OSError("standard input cannot be read as bytes")
    return stdin.read()


def decode(data: bytes, source: str, encoding: str = "utf-8") -> str:
    """The text of the bytes ``data`` read from ``source`` (a file name, or ``<stdin>``).

    A byte-order mark decides the encoding and is dropped: UTF-8, UTF-16 or
    UTF-32, little- or big-endian.  Without one, ``encoding`` applies.
    Decoding is strict, so the wrong encoding is an error rather than wrong
    numbers: :class:`DecodeError` names ``source`` and the byte offset, and
    suggests ``--encoding``.  A NUL byte in text read with an encoding of
    single-byte code units (UTF-8, Latin-1 ...) is refused the same way: it
    is what UTF-16 or UTF-32 without a byte-order mark looks like, and read
    as UTF-8 such text would yield each digit as a separate number.
    """
    codec, skip = encoding, 0
    for bom, name in _BOMS:
        if data.startswith(bom):
            codec, skip = name, len(bom)
            break
    wide = codecs.lookup(codec).name.startswith(("utf-16", "utf-32"))
    nul = -1 if wide else data.find(b"\x00", skip)
    if nul >= 0:
        raise DecodeError(
            f"NUL byte at offset {nul}, so this is no {codec} text; if it is UTF-16 or UTF-32 "
            "without a byte-order mark, pass --encoding utf-16-le (or utf-16-be, utf-32-le, "
            "utf-32-be)"
        )
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as error:
        offset = skip + error.start
        raise DecodeError(
            f"cannot decode byte 0x{data[offset]:02x} at offset {offset} as {codec} "
            f"({error.reason}); if the text is in another encoding, pass it with --encoding, "
            "e.g. --encoding latin-1"
        ) from None


def _utf8_stdout() -> TextIO:
    """``sys.stdout``, switched to UTF-8 whatever the locale says (``£`` in ASCII fails)."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        # surrogateescape writes back the undecodable bytes of a file name as they were.
        sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape")
    return sys.stdout


def _discard_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file descriptor behind stdout
        pass


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
    """Write one row per quantity as it comes, then the count; nothing is held back.

    Each column starts at a width that fits most claims and widens for good
    when a cell needs more, so a long claim shifts the rows after it, never
    the rows already written.
    """
    widths = [max(len(header), least) for header, least in zip(_COLUMNS, _MIN_WIDTHS, strict=True)]
    count = 0
    for quantity in quantities:
        row = _row(quantity)
        if count == 0:
            _write_row(_COLUMNS, widths, out)
            _write_row(tuple("-" * w for w in widths), widths, out)
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
        _write_row(row, widths, out)
        count += 1
    if count == 0:
        out.write("no quantities found\n")
    else:
        out.write(f"{count} {'quantity' if count == 1 else 'quantities'}\n")


def _write_row(cells: Sequence[str], widths: Sequence[int], out: TextIO) -> None:
    out.write("  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip())
    out.write("\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
