"""Running the command in a fresh interpreter, on this tree's sources, and reading its rows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a command run: this tree's ``src`` first on the path."""
    path = os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, **(extra or {})}


def command(*args: str) -> list[str]:
    """The argv of ``python -m numclaims`` with ``args``."""
    return [sys.executable, "-m", "numclaims", *args]


def run_cli(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    """Run ``numclaims`` on real bytes; capture its bytes out and err."""
    return subprocess.run(
        command(*args),
        input=stdin,
        capture_output=True,
        env=environment(env),
        timeout=timeout,
        check=False,
    )


def rows(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, Any]]:
    """The JSON Lines rows the command printed."""
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def errors(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    """The lines of stderr that report a problem (not the summary line)."""
    lines = result.stderr.decode("utf-8").splitlines()
    return [line for line in lines if " errors in " not in line and " error in " not in line]


def write_jsonl(path: Path, records: list[object]) -> Path:
    """Write ``records`` one JSON value per line; return ``path``."""
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
