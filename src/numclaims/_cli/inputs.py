"""Where the documents come from: files, folders and standard input, in four formats.

:func:`expand` turns the names on the command line into the files to read
(folders with ``-r``), and :func:`documents` reads them, in order, as a stream
of :class:`Document` and :class:`Problem` records: a problem (a missing file,
undecodable bytes, a malformed JSON line) is reported where it occurs and the
rest of the input is read on.

Formats: plain text (one document per file, read whole), JSON Lines and CSV
(one document per record, read a record at a time, so memory does not grow
with the file), and Parquet (a batch of rows at a time; needs pyarrow).  A
``.gz`` file is read through gzip and a ``.zst`` file through zstd.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, BinaryIO, TypeAlias

from numclaims._cli.decoding import DecodeError, codec_for, decode, is_wide

__all__ = [
    "FORMATS",
    "STDIN",
    "Document",
    "Problem",
    "Settings",
    "documents",
    "expand",
    "format_of",
]

STDIN = "<stdin>"
"""How rows and messages name standard input."""

FORMATS = ("text", "jsonl", "csv", "parquet")

_SUFFIXES = MappingProxyType(
    {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
)
_COMPRESSED = (".gz", ".zst", ".zstd")

_PARQUET_BATCH = 1024
"""Rows read from a Parquet file at a time."""

_CSV_FIELD_LIMIT = 2**31 - 1
"""The csv module refuses fields over 128 KiB by default; a document may be longer."""

Id: TypeAlias = str | int | None


@dataclass(frozen=True, slots=True)
class Document:
    """One text to parse, and where it came from."""

    source: str
    """The file name, or ``<stdin>``."""
    line: int | None
    """The line the record starts on (the row number in Parquet); None for a whole text file."""
    id: Id
    """The record's ``--id-field``, if one was asked for."""
    text: str
    position: int
    """Bytes of the input files read so far, as stored (compressed), for the progress bar."""


@dataclass(frozen=True, slots=True)
class Problem:
    """An input, or one record of it, that could not be read; the rest is read on."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Settings:
    """How to read the inputs: the options of the command that concern them."""

    format: str | None = None
    """One of FORMATS, or None: by each file's extension (text when it has none of them)."""
    field: str = "text"
    id_field: str | None = None
    encoding: str = "utf-8"
    errors: str = "strict"
    recursive: bool = False
    glob: str = "*"

    @classmethod
    def of(cls, args: argparse.Namespace) -> Settings:
        """The settings the command's parsed arguments ask for."""
        return cls(
            format=args.input_format,
            field=args.field,
            id_field=args.id_field,
            encoding=args.encoding,
            errors=args.encoding_errors,
            recursive=args.recursive,
            glob=args.glob,
        )


Item: TypeAlias = Document | Problem
Target: TypeAlias = Path | str | Problem
"""A file to read, ``-`` for standard input, or a name that is neither."""


def expand(names: Iterable[str], settings: Settings) -> Iterator[Target]:
    """The files to read, in order: each name, or a folder's matching files (with ``-r``)."""
    for name in names:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if not path.is_dir():
            yield path
        elif not settings.recursive:
            yield Problem(name, "is a folder; pass -r to read the files in it")
        else:
            found = (p for p in path.rglob("*") if p.is_file() and fnmatch(p.name, settings.glob))
            yield from sorted(found)


def format_of(path: Path) -> str:
    """The format a file's extension names, looking through ``.gz`` and ``.zst``.

    >>> format_of(Path("a.jsonl.gz")), format_of(Path("b.CSV")), format_of(Path("c.txt"))
    ('jsonl', 'csv', 'text')
    """
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if suffixes and suffixes[-1] in _COMPRESSED:
        suffixes.pop()
    return _SUFFIXES.get(suffixes[-1], "text") if suffixes else "text"


def documents(targets: Iterable[Target], settings: Settings, stdin: BinaryIO) -> Iterator[Item]:
    """The documents of each target in turn, and a problem for each thing that went wrong."""
    done = 0  # bytes of the files already read, as stored
    for target in targets:
        if isinstance(target, Problem):
            yield target
        elif isinstance(target, str):
            yield from _read(stdin, stdin, STDIN, settings.format or "text", settings, done)
        else:
            yield from _read_file(target, settings, done)
            done += _size(target)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _read_file(path: Path, settings: Settings, done: int) -> Iterator[Item]:
    source = str(path)
    kind = settings.format or format_of(path)
    if kind == "parquet":
        yield from _parquet(path, settings, done)
        return
    try:
        raw = open(path, "rb")  # noqa: SIM115 -- closed below, after the stream on it
    except OSError as error:
        yield Problem(source, error.strerror or str(error))
        return
    with raw:
        try:
            stream = _decompressed(raw, path)
        except ImportError as error:
            yield Problem(source, str(error))
            return
        with stream:
            yield from _read(stream, raw, source, kind, settings, done)


def _decompressed(raw: BinaryIO, path: Path) -> BinaryIO:
    """``raw`` read through gzip or zstd, as its extension says."""
    suffix = path.suffix.lower()
    if suffix == ".gz":
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if suffix in (".zst", ".zstd"):
        return _zstd(raw)
    return io.BufferedReader(_Unclosed(raw))


class _Unclosed(io.RawIOBase):
    """A view of a file that leaves it open when closed (its owner closes it)."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self._raw.readinto(buffer)  # type: ignore[attr-defined, no-any-return]


def _zstd(raw: BinaryIO) -> BinaryIO:
    """``raw`` decompressed as zstd: the standard library's (3.14+), else ``zstandard``."""
    try:
        from compression import zstd  # type: ignore[import-not-found, unused-ignore]

        return zstd.ZstdFile(raw)  # type: ignore[no-any-return, unused-ignore]
    except ImportError:
        pass
    try:
        import zstandard  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise ImportError(
            "reading a .zst file needs the zstandard package: pip install 'numclaims[zstd]'"
        ) from None
    reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=False)
    return io.BufferedReader(reader)  # type: ignore[no-any-return, unused-ignore]


def _read(
    stream: BinaryIO, raw: IO[bytes], source: str, kind: str, settings: Settings, done: int
) -> Iterator[Item]:
    """The items of one input stream; a failure of the stream itself ends it as a problem."""
    reader = _READERS[kind]
    try:
        yield from reader(stream, lambda: done + _tell(raw), source, settings)
    except (OSError, EOFError, ValueError) as error:  # a truncated or corrupt archive
        yield Problem(source, f"cannot read on: {error}")
    except Exception as error:
        if type(error).__module__.split(".")[0] != "zstandard":
            raise
        yield Problem(source, f"cannot read on: {error}")


def _tell(raw: IO[bytes]) -> int:
    try:
        return raw.tell()
    except (OSError, ValueError):  # a pipe
        return 0


_Position: TypeAlias = Callable[[], int]


def _text(stream: BinaryIO, position: _Position, source: str, settings: Settings) -> Iterator[Item]:
    """A whole text file as one document."""
    data = stream.read()
    try:
        text = decode(data, settings.encoding, settings.errors)
    except DecodeError as error:
        yield Problem(source, str(error))
        return
    yield Document(source, None, None, text, position())


def _jsonl(
    stream: BinaryIO, position: _Position, source: str, settings: Settings
) -> Iterator[Item]:
    """One document per JSON line, read a line at a time; blank lines are skipped."""
    for number, line in _lines(stream, source, settings):
        if isinstance(line, Problem):
            yield line
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(source, f"not valid JSON ({error.msg}, column {error.colno})", number)
            continue
        yield _record(record, source, number, settings, position())


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of ``stream``, left unread: enough for a byte-order mark."""
    peek = getattr(stream, "peek", None)
    return b"" if peek is None else bytes(peek(4)[:4])


def _lines(
    stream: BinaryIO, source: str, settings: Settings
) -> Iterator[tuple[int, str | Problem]]:
    """Each line of ``stream``, decoded on its own, so one bad line spoils only itself."""
    codec, mark = codec_for(_head(stream), settings.encoding)
    if is_wide(codec):  # a newline byte may be half a character: decode the stream instead
        text = io.TextIOWrapper(stream, codec, settings.errors, newline=None)
        if mark:
            text.read(1)
        try:
            yield from enumerate(text, 1)
        except UnicodeDecodeError as error:
            yield 0, Problem(source, f"cannot decode as {codec} ({error.reason})")
        return
    offset = 0
    for number, data in enumerate(stream, 1):
        skip = mark if number == 1 else 0
        try:
            yield number, decode(data[skip:], codec, settings.errors, skip=offset + skip)
        except DecodeError as error:
            yield number, Problem(source, str(error), number)
        offset += len(data)


def _record(record: object, source: str, line: int, settings: Settings, position: int) -> Item:
    """The document of one JSON, CSV or Parquet record, or why it has none."""
    if not isinstance(record, dict):
        return Problem(source, f"the record is {_json_type(record)}, not an object", line)
    text = record.get(settings.field)
    if text is None or not isinstance(text, str):
        state = "no field" if settings.field not in record else f"{_json_type(text)} in field"
        return Problem(source, f"{state} {settings.field!r}; it should be a string", line)
    ident: Id = None
    if settings.id_field is not None:
        value = record.get(settings.id_field)
        if value is None or isinstance(value, bool) or not isinstance(value, str | int):
            state = "no" if value is None else f"{_json_type(value)} in"
            return Problem(source, f"{state} id field {settings.id_field!r}", line)
        ident = value
    return Document(source, line, ident, text, position)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _csv(stream: BinaryIO, position: _Position, source: str, settings: Settings) -> Iterator[Item]:
    """One document per CSV record (a header row names the fields); quoted newlines allowed."""
    codec, _ = codec_for(_head(stream), settings.encoding)
    if codec == "utf-8":
        codec = "utf-8-sig"
    text = io.TextIOWrapper(stream, codec, settings.errors, newline="")
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.DictReader(text)
    line = 1
    try:
        for row in reader:
            yield _record(row, source, line + 1, settings, position())
            line = reader.line_num
    except UnicodeDecodeError as error:
        message = f"cannot decode as {codec} ({error.reason}); pass --encoding, or "
        yield Problem(source, message + "--encoding-errors replace to read on", line + 1)
    except csv.Error as error:
        yield Problem(source, f"not valid CSV: {error}", reader.line_num)


def _parquet(path: Path, settings: Settings, done: int) -> Iterator[Item]:
    """One document per row of a Parquet file, a batch of rows at a time."""
    import pyarrow.parquet as pq  # checked by the command before any input is read

    source = str(path)
    columns = [settings.field, *([settings.id_field] if settings.id_field else [])]
    try:
        parquet = pq.ParquetFile(path)
        missing = [name for name in columns if name not in parquet.schema_arrow.names]
        if missing:
            yield Problem(source, f"no column {missing[0]!r}")
            return
        row = 0
        for batch in parquet.iter_batches(batch_size=_PARQUET_BATCH, columns=columns):
            for record in batch.to_pylist():
                row += 1
                yield _record(record, source, row, settings, done)
    except OSError as error:
        yield Problem(source, error.strerror or str(error))
    except Exception as error:  # pyarrow's ArrowInvalid for a file that is no Parquet
        if type(error).__module__.split(".")[0] != "pyarrow":
            raise
        yield Problem(source, f"not a Parquet file: {error}")


_READERS = MappingProxyType({"text": _text, "jsonl": _jsonl, "csv": _csv})
