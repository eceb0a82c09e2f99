"""numclaims --claims: a row per claim, as JSON Lines or a table, and its JSON schema."""

from __future__ import annotations

import io
import json
from pathlib import Path

from cli.support import ROOT, rows, run_cli
from numclaims import Claim, extract_claims
from numclaims._cli.main import main

SAMPLE = ROOT / "examples" / "seed_article.txt"


def test_jsonl_rows_are_the_claims() -> None:
    """Each row is the file, line and id, then the very claim extract_claims returns."""
    found = rows(run_cli("--claims", str(SAMPLE)))
    expected = extract_claims(SAMPLE.read_text(encoding="utf-8"))
    assert [Claim.model_validate(r["claim"]) for r in found] == expected
    assert all(list(r) == ["file", "line", "id", "claim"] for r in found)
    assert found[6]["line"] == 45
    assert found[6]["claim"]["source"]["text"] == "NATO’s assessment"


def test_table_and_kinds() -> None:
    """The table shows source, hedge and time; --kinds keeps only those quantities."""
    out = io.StringIO()
    text = b"Sales rose 5% last year, the BBC reported that officials said. It cost $4.\n"
    assert (
        main(["--claims", "--format", "table", "-q", "--kinds", "percent"], out, io.BytesIO(text))
        == 0
    )
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["line", "claim", "source", "hedge", "time"]
    assert "5%" in lines[2]
    assert "last year" in lines[2]
    assert lines[-1] == "1 claim"


def test_output_file(tmp_path: Path) -> None:
    """--output writes the rows to the file, whole."""
    target = tmp_path / "claims.jsonl"
    result = run_cli("--claims", "-q", "--output", str(target), str(SAMPLE))
    assert result.returncode == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == 12


def test_schema_covers_claim_and_refuses_other_formats() -> None:
    """--claims --schema describes a claim row; CSV and --jobs are refused with status 2."""
    out = io.StringIO()
    assert main(["--claims", "--schema"], out) == 0
    schema = json.loads(out.getvalue())
    assert schema["required"] == ["file", "line", "id", "claim"]
    claim = schema["$defs"]["Claim"]
    assert {"quantity", "sentence", "source", "source_via", "hedge", "time"} <= set(
        claim["properties"]
    )
    assert "Span" in schema["$defs"]
    assert run_cli("--claims", "--format", "csv", str(SAMPLE)).returncode == 2
    assert run_cli("--claims", "--jobs", "2", str(SAMPLE)).returncode == 2
