"""The command's inputs: text, JSON Lines, CSV and Parquet; files, folders, stdin; gzip, zstd."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from cli.support import rows, run_cli, write_jsonl

RECORDS = [
    {"id": "a", "text": "Up to 647 tanks were lost."},
    {"id": "b", "text": "No numbers here."},
    {"id": 7, "text": "It cost £5m and 3 km of road."},
]
EXPECTED = [("a", "Up to 647"), (7, "£5m"), (7, "3 km")]


def found(result: object) -> list[tuple[object, str]]:
    """(id, text) of each row."""
    return [(r["id"], r["text"]) for r in rows(result)]  # type: ignore[arg-type]


def test_text_file_rows_name_the_file_and_the_claims_line(tmp_path: Path) -> None:
    """A text file is one document; each row names the file and the line of its claim."""
    source = tmp_path / "a.txt"
    source.write_text("Up to 647 tanks.\n\nIt cost £5.\n", encoding="utf-8")
    result = run_cli(str(source))
    assert result.returncode == 0
    assert [(r["source"], r["line"], r["text"]) for r in rows(result)] == [
        (str(source), 1, "Up to 647"),
        (str(source), 3, "£5"),
    ]


def test_stdin_is_read_with_a_dash() -> None:
    """``-`` reads standard input; its rows name ``<stdin>``."""
    result = run_cli("-", stdin=b"It cost $40k.")
    assert [(r["source"], r["value"]) for r in rows(result)] == [("<stdin>", 40000.0)]


def test_jsonl_ids_are_carried_to_every_row(tmp_path: Path) -> None:
    """Each JSON Lines record is a document; its --id-field and line come with each row."""
    source = write_jsonl(tmp_path / "r.jsonl", RECORDS)
    result = run_cli("--id-field", "id", str(source))
    assert result.returncode == 0, result.stderr
    assert found(result) == EXPECTED
    assert [r["line"] for r in rows(result)] == [1, 3, 3]


def test_jsonl_from_stdin_and_another_field(tmp_path: Path) -> None:
    """--jsonl reads stdin as records; --field names the field holding the text."""
    data = "".join(json.dumps({"body": r["text"]}) + "\n" for r in RECORDS).encode()
    result = run_cli("--jsonl", "--field", "body", "-", stdin=data)
    assert [r["text"] for r in rows(result)] == ["Up to 647", "£5m", "3 km"]


def test_csv_records_with_quoted_newlines(tmp_path: Path) -> None:
    """A CSV file is a record per row; a quoted newline stays in the text; ids carried."""
    source = tmp_path / "r.csv"
    source.write_text('id,text\na,"Up to 647\ntanks"\nb,It cost £5m.\n', encoding="utf-8")
    result = run_cli("--id-field", "id", str(source))
    assert result.returncode == 0, result.stderr
    assert [(r["id"], r["line"], r["text"]) for r in rows(result)] == [
        ("a", 2, "Up to 647"),
        ("b", 4, "£5m"),
    ]


def test_gzip_jsonl_is_read_by_extension(tmp_path: Path) -> None:
    """A .jsonl.gz file is decompressed with gzip and read as JSON Lines."""
    source = tmp_path / "r.jsonl.gz"
    source.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in RECORDS).encode()))
    result = run_cli("--id-field", "id", str(source))
    assert found(result) == EXPECTED


@pytest.mark.skipif(
    importlib.util.find_spec("zstandard") is None, reason="needs numclaims[zstd] (zstandard)"
)
def test_zstd_jsonl_is_read_by_extension(tmp_path: Path) -> None:
    """A .jsonl.zst file is decompressed with zstd and read as JSON Lines."""
    import zstandard

    data = "".join(json.dumps(r) + "\n" for r in RECORDS).encode()
    source = tmp_path / "r.jsonl.zst"
    source.write_bytes(zstandard.ZstdCompressor().compress(data))
    assert found(run_cli("--id-field", "id", str(source))) == EXPECTED


def test_zstd_without_the_extra_names_it(tmp_path: Path) -> None:
    """Without zstandard a .zst input is reported naming numclaims[zstd]; others still run."""
    (tmp_path / "r.jsonl.zst").write_bytes(b"\x28\xb5\x2f\xfd")
    (tmp_path / "ok.txt").write_text("It cost £5.", encoding="utf-8")
    script = (
        "import sys; sys.modules['zstandard'] = None; sys.modules['compression.zstd'] = None\n"
        "from numclaims.__main__ import main; sys.exit(main())"
    )
    import subprocess
    import sys

    from cli.support import environment

    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "r.jsonl.zst"), str(tmp_path / "ok.txt")],
        capture_output=True,
        env=environment(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "numclaims[zstd]" in result.stderr.decode()
    assert [r["text"] for r in rows(result)] == ["£5"]


def test_folders_need_r_and_glob_picks_the_files(tmp_path: Path) -> None:
    """-r reads a folder's files, in name order, down its subfolders; --glob filters names."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("It cost £2.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("It cost £1.", encoding="utf-8")
    (tmp_path / "c.md").write_text("It cost £3.", encoding="utf-8")
    result = run_cli("-r", "--glob", "*.txt", str(tmp_path))
    assert result.returncode == 0
    assert [r["text"] for r in rows(result)] == ["£2", "£1"]
    assert [r["text"] for r in rows(run_cli("-r", str(tmp_path)))] == ["£2", "£3", "£1"]


@pytest.mark.skipif(
    importlib.util.find_spec("pyarrow") is None, reason="needs numclaims[arrow] (pyarrow)"
)
def test_parquet_input_by_extension(tmp_path: Path) -> None:
    """A .parquet file is read a batch of rows at a time; row numbers and ids are carried."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "r.parquet"
    table = pa.table({"id": ["a", "b", "c"], "text": [r["text"] for r in RECORDS]})
    pq.write_table(table, source)
    result = run_cli("--id-field", "id", str(source))
    assert result.returncode == 0, result.stderr
    assert [(r["id"], r["line"], r["text"]) for r in rows(result)] == [
        ("a", 1, "Up to 647"),
        ("c", 3, "£5m"),
        ("c", 3, "3 km"),
    ]
