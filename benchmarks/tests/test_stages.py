"""The profiler of the hot path: one row per pipeline stage and one per shortcut."""

from __future__ import annotations

import pytest

from benchmarks.throughput.stages import main
from numclaims._shortcuts import SHORTCUTS


def test_stage_and_shortcut_tables(capsys: pytest.CaptureFixture[str]) -> None:
    """The stages tool prints one row per stage and one per shortcut, costs in ms per MB."""
    assert main(["--kb", "3", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    for label in ("triggers: where a number may start", "entity", "models: parse_quantities"):
        assert f"| {label}" in out
    for shortcut in SHORTCUTS:
        assert f"| {shortcut.name}" in out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "ms/MB" not in line]
    assert len(rows) == 9 + len(SHORTCUTS)
