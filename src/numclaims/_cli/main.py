"""The ``numclaims`` command: options, the run from inputs to rows, progress and summary.

Exit status: 0 on success; 1 if any input, or any record of one, could not be
read (each is reported on stderr and the rest is processed; ``--fail-fast``
stops at the first); 2 for invalid options; 130 on Ctrl-C and 143 on SIGTERM,
leaving no partial ``--output`` file and no worker process; 141 (128 +
SIGPIPE) when the reader of the output goes away (``numclaims big.txt | head
-1``), without a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO, NoReturn, TextIO, TypeVar, get_args

from pydantic import ValidationError

from numclaims._cli import claims, inputs, outputs, page
from numclaims._cli.progress import Progress
from numclaims.models import Kind, Options, Quantity

__all__ = ["EXIT_BROKEN_PIPE", "main"]

EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: the status a shell gives a program ended by a closed pipe."""

EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class _Stop(Exception):
    """--fail-fast: the first problem ends the run (once the rows before it are written)."""


class _Terminated(BaseException):
    """SIGTERM arrived: unwind as Ctrl-C does, removing any partial output."""


def _parser() -> argparse.ArgumentParser:
    from numclaims import __version__

    parser = argparse.ArgumentParser(
        prog="numclaims",
        description="Find the numeric claims in English text: files, folders (-r), "
        "standard input ('-'); plain text, JSON Lines, CSV or Parquet, optionally .gz or .zst.",
    )
    parser.add_argument("files", nargs="*", default=["-"], help="inputs ('-' or none: stdin)")
    parser.add_argument("--version", action="version", version=f"numclaims {__version__}")
    read = parser.add_argument_group("inputs")
    formats = read.add_mutually_exclusive_group()
    for name in ("jsonl", "csv", "parquet"):
        formats.add_argument(
            f"--{name}",
            dest="input_format",
            action="store_const",
            const=name,
            help=f"read every input as {name} (default: by extension; .{name} is {name})",
        )
    read.add_argument(
        "--text",
        dest="input_format",
        action="store_const",
        const="text",
        help="read every input as one plain text document",
    )
    read.add_argument("--field", default="text", help="the record field holding the text")
    read.add_argument("--id-field", metavar="FIELD", help="a record field carried to each row")
    read.add_argument("-r", "--recursive", action="store_true", help="read folders' files")
    read.add_argument("--glob", default="*", help="with -r, the file names to read (e.g. '*.txt')")
    read.add_argument("--encoding", default="utf-8", help="input encoding (a byte-order mark wins)")
    read.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help="'replace' reads undecodable bytes as U+FFFD instead of refusing",
    )
    write = parser.add_argument_group("outputs")
    write.add_argument(
        "--format",
        choices=outputs.OUTPUT_FORMATS,
        help="default: table on a terminal, else jsonl (--output: by extension)",
    )
    write.add_argument("-o", "--output", metavar="PATH", help="write here, atomically")
    write.add_argument("--kinds", help="only these kinds, comma-separated (money,percent)")
    write.add_argument("--schema", action="store_true", help="print a row's JSON schema; exit")
    write.add_argument(
        "--claims",
        action="store_true",
        help="a row per claim: the quantity with its sentence, source, hedge and time "
        "(JSON Lines or a table)",
    )
    write.add_argument(
        "--html", metavar="PATH", help="write one text's claims as a self-contained HTML page"
    )
    run = parser.add_argument_group("parsing and running")
    run.add_argument("--dollar", default="USD", metavar="CODE", help="ISO 4217 code for '$'")
    run.add_argument(
        "--degrees",
        choices=("celsius", "fahrenheit"),
        default="celsius",
        help="the scale of bare degrees when the value does not settle it (default celsius)",
    )
    run.add_argument(
        "--gallon",
        choices=("us", "imperial"),
        default="us",
        help="what a bare 'gallon' is (default us)",
    )
    run.add_argument("--no-entities", action="store_true", help="do not look for entities")
    run.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    run.add_argument("--fail-fast", action="store_true", help="stop at the first bad input")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary line")
    return parser


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    """Run the command; return its exit status.

    ``stdout`` and ``stdin`` replace the process's streams (for tests and
    embedding); by default output goes to ``sys.stdout``, switched to UTF-8.
    ``numclaims serve ...`` starts the HTTP service (``numclaims[server]``).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["serve"]:  # the HTTP service; server.py imports its extra lazily
        from numclaims.server import main as serve

        return serve(arguments[1:])
    args = _parser().parse_args(arguments)
    if args.schema:
        schema = claims.claim_row_schema() if args.claims else outputs.row_schema()
        (stdout or _utf8_stdout()).write(json.dumps(schema, indent=2) + "\n")
        return 0
    out = stdout if stdout is not None else _utf8_stdout()
    try:
        options, kinds = _checked(args, _is_terminal(out))
    except ValueError as error:
        print(f"numclaims: invalid option: {error}", file=sys.stderr)
        return 2
    if args.html is not None:
        return page.write(args, options, kinds, stdin or _stdin())
    previous = _on_sigterm()
    try:
        status = _run(args, options, kinds, out, stdin)
        out.flush()  # a closed pipe shows here, inside the try, not at exit
    except BrokenPipeError:
        if stdout is None:
            _discard_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except _Terminated:
        return EXIT_TERMINATED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return status


def _checked(args: argparse.Namespace, terminal: bool) -> tuple[Options, frozenset[str] | None]:
    """The parsing options and the kinds to keep; ValueError names a bad option."""
    try:
        options = Options(
            dollar=args.dollar,
            degrees=args.degrees,
            gallon=args.gallon,
            entities=not args.no_entities,
        )
    except ValidationError as error:
        raise ValueError(error.errors()[0]["msg"]) from None
    try:  # not b"": decoding no bytes looks no codec up
        b"-".decode(args.encoding, "ignore")
    except LookupError as error:  # unknown, or no text encoding (base64)
        raise ValueError(str(error)) from None
    if args.jobs < 1:
        raise ValueError(f"--jobs must be at least 1, not {args.jobs}")
    kinds = _kinds(args.kinds)
    args.format = args.format or outputs.format_for(args.output, terminal)
    if "parquet" in (args.format, args.input_format) or _names_parquet(args.files):
        _require_pyarrow()
    if args.format == "parquet" and args.output is None:
        raise ValueError("Parquet is written to a file: pass --output PATH")
    if args.claims and (args.format not in ("jsonl", "table") or args.jobs > 1):
        raise ValueError("--claims writes JSON Lines or a table, in one process (no --jobs)")
    return options, kinds


def _kinds(chosen: str | None) -> frozenset[str] | None:
    """The kinds ``--kinds`` keeps (None: all); ValueError for an unknown or empty list."""
    if chosen is None:
        return None
    kinds = frozenset(k.strip() for k in chosen.split(",") if k.strip())
    unknown = sorted(kinds - set(get_args(Kind)))
    if unknown or not kinds:
        raise ValueError(f"--kinds takes {', '.join(get_args(Kind))}, not {chosen!r}")
    return kinds


def _names_parquet(names: Iterable[str]) -> bool:
    return any(inputs.format_of(Path(name)) == "parquet" for name in names)


def _require_pyarrow() -> None:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ValueError(
            "Parquet needs pyarrow, which is not installed: pip install 'numclaims[arrow]'"
        ) from None


def _run(
    args: argparse.Namespace,
    options: Options,
    kinds: frozenset[str] | None,
    out: TextIO,
    stdin: BinaryIO | None,
) -> int:
    settings = inputs.Settings.of(args)
    targets = list(inputs.expand(args.files, settings))
    total = sum(_size(t) for t in targets) if "-" not in targets else None
    show = not (args.quiet or args.no_progress) and _is_terminal(sys.stderr)
    run = _Run(Progress(sys.stderr, total, enabled=show), fail_fast=args.fail_fast)
    with ExitStack() as stack:
        items = inputs.documents(targets, settings, stdin or _stdin())
        if args.claims:
            run.write_claims(items, _claim_writer(args, out, stack), options, kinds)
        else:
            writer = _writer(args, out, stack, headings=len(targets) > 1)
            run.write(items, writer, options, kinds, args.jobs)
            writer.close()
    if not args.quiet:
        run.summary()
    return 1 if run.errors else 0


def _size(target: inputs.Target) -> int:
    try:
        return target.stat().st_size if isinstance(target, Path) else 0
    except OSError:
        return 0


def _claim_writer(
    args: argparse.Namespace, out: TextIO, stack: ExitStack
) -> claims.ClaimJsonlWriter | claims.ClaimTableWriter:
    """The ``--claims`` writer for ``--format``, on ``out`` or on ``--output``."""
    if args.output is not None:
        path = stack.enter_context(outputs.atomic(Path(args.output)))
        out = stack.enter_context(path.open("w", encoding="utf-8", newline="\n"))
    return claims.claim_writer(args.format, out)


def _writer(
    args: argparse.Namespace, out: TextIO, stack: ExitStack, *, headings: bool
) -> outputs.Writer:
    """The writer for ``--format``, on ``out`` or on a temporary file renamed to ``--output``."""
    if args.output is not None:
        path = stack.enter_context(outputs.atomic(Path(args.output)))
        if args.format == "parquet":
            return outputs.ParquetWriter(path)
        out = stack.enter_context(path.open("w", encoding="utf-8", newline="\n"))
        return outputs.text_writer(args.format, out, headings=headings, colour=False)
    colour = args.format == "table" and _is_terminal(out)
    return outputs.text_writer(args.format, out, headings=headings, colour=colour)


class _Run:
    """One run's counts, and the loop that takes documents through the parser to a writer."""

    def __init__(self, progress: Progress, *, fail_fast: bool) -> None:
        self.progress = progress
        self.fail_fast = fail_fast
        self.records = self.quantities = self.errors = 0
        self.started = time.perf_counter()

    def write(
        self,
        items: Iterable[inputs.Item],
        writer: outputs.Writer,
        options: Options,
        kinds: frozenset[str] | None,
        jobs: int,
    ) -> None:
        """Parse each document and write its rows, in input order; report each problem."""
        self._write(items, lambda texts: _parsed(texts, options, jobs), _itself, writer, kinds)

    def write_claims(
        self,
        items: Iterable[inputs.Item],
        writer: claims.ClaimJsonlWriter | claims.ClaimTableWriter,
        options: Options,
        kinds: frozenset[str] | None,
    ) -> None:
        """Read each document for claims and write their rows, in input order."""
        parse = partial(claims.claims_of, options=options)
        self._write(items, parse, attrgetter("quantity"), writer, kinds)
        writer.close()

    def _write(
        self,
        items: Iterable[inputs.Item],
        parse: Callable[[Iterator[str]], Iterable[Iterable[_Row]]],
        quantity_of: Callable[[_Row], Quantity],
        writer: outputs.RowWriter[_Row],
        kinds: frozenset[str] | None,
    ) -> None:
        """Write each document's rows (quantities or claims, ``quantity_of`` their quantity)."""
        waiting: deque[inputs.Document] = deque()  # read, and not yet written: at most a few chunks
        try:
            for found in parse(self._texts(items, waiting)):
                document = waiting.popleft()
                for line, quantity, row in _located(document, found, quantity_of):
                    if kinds is None or quantity.kind in kinds:
                        writer.write(document.source, line, document.id, row)
                        self.quantities += 1
                self.records += 1
                self.progress.update(document.position, self.records)
        except _Stop:
            pass
        finally:
            self.progress.close()

    def _texts(
        self, items: Iterable[inputs.Item], waiting: deque[inputs.Document]
    ) -> Iterator[str]:
        for item in items:
            if isinstance(item, inputs.Problem):
                self.progress.clear()
                print(f"numclaims: {item}", file=sys.stderr)
                self.errors += 1
                if self.fail_fast:
                    raise _Stop
                continue
            waiting.append(item)
            yield item.text

    def summary(self) -> None:
        seconds = time.perf_counter() - self.started
        print(
            f"numclaims: {self.records:,} {_plural(self.records, 'record')}, "
            f"{self.quantities:,} {_plural(self.quantities, 'quantity', 'quantities')}, "
            f"{self.errors:,} {_plural(self.errors, 'error')} in {seconds:.2f} s",
            file=sys.stderr,
        )


def _plural(count: int, one: str, many: str | None = None) -> str:
    return one if count == 1 else many or f"{one}s"


def _parsed(texts: Iterator[str], options: Options, jobs: int) -> Iterator[Iterable[Quantity]]:
    """The quantities of each text, in order: streamed in this process, or from workers."""
    if jobs == 1:
        from numclaims._api import iter_quantities

        return (iter_quantities(text, options=options) for text in texts)
    from numclaims._batch import parse_many

    return parse_many(texts, options=options, jobs=jobs)


_Row = TypeVar("_Row")


def _itself(quantity: Quantity) -> Quantity:
    return quantity


def _located(
    document: inputs.Document, rows: Iterable[_Row], quantity_of: Callable[[_Row], Quantity]
) -> Iterator[tuple[int | None, Quantity, _Row]]:
    """Each row with its quantity and line: the record's, or in a text file the claim's own.

    Rows are read one at a time, as they are found: none is held back.
    """
    line, seen = 1, 0
    for row in rows:
        quantity = quantity_of(row)
        if document.line is not None:
            yield document.line, quantity, row
            continue
        line += document.text.count("\n", seen, quantity.start)
        seen = quantity.start
        yield line, quantity, row


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except ValueError:  # closed
        return False


def _stdin() -> BinaryIO:
    stdin = getattr(sys.stdin, "buffer", None)
    if stdin is None:  # closed, or replaced by a text-only stream
        return io.BytesIO()
    return stdin  # type: ignore[no-any-return]


def _on_sigterm() -> Any:
    """Turn SIGTERM into an exception, so that a partial output file is removed."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def terminate(signum: int, frame: object) -> NoReturn:
        raise _Terminated

    return signal.signal(signal.SIGTERM, terminate)


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
