"""The numclaims command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from numclaims.__main__ import main

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "seed_article.txt"


def test_table_lists_the_sample_claims() -> None:
    """The default table shows each claim of the sample article with its values."""
    out = io.StringIO()
    assert main([str(SAMPLE)], stdout=out) == 0
    table = out.getvalue()
    assert "£1.5billion" in table
    assert "1,500,000,000" in table
    assert "Ukrainian soldiers" in table
    assert table.rstrip().endswith("12 quantities")


def test_jsonl_output_is_one_object_per_quantity(tmp_path: Path) -> None:
    """--format jsonl writes one JSON object per claim, naming its file."""
    source = tmp_path / "a.txt"
    source.write_text("Up to 647 tanks and £5m.", encoding="utf-8")
    out = io.StringIO()
    assert main(["--format", "jsonl", str(source)], stdout=out) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["text"], r["file"]) for r in records] == [
        ("Up to 647", str(source)),
        ("£5m", str(source)),
    ]


def test_reads_standard_input() -> None:
    """With no file the command reads standard input."""
    result = subprocess.run(
        [sys.executable, "-m", "numclaims", "--format", "jsonl"],
        input="It cost $40k.",
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["value"] == 40000.0


def test_missing_file_is_reported_not_raised(capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be read prints an error and sets exit status 1."""
    assert main(["/no/such/file.txt"], stdout=io.StringIO()) == 1
    assert "no/such/file.txt" in capsys.readouterr().err


def test_bad_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid --dollar code is refused with exit status 2."""
    assert main(["--dollar", "dollars", str(SAMPLE)], stdout=io.StringIO()) == 2
    assert "invalid option" in capsys.readouterr().err
