"""Memory does not grow with the size of a JSON Lines input."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cli.support import environment

PEAK = textwrap.dedent(
    """
    import os, resource, sys
    from numclaims.__main__ import main
    with open(os.devnull, "w", encoding="utf-8") as out:
        status = main(sys.argv[1:], stdout=out)
    print(status, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """
)

FILLER = "Nothing here is counted, measured or priced, so this sentence costs little. " * 40


def _peak_mb(source: Path) -> float:
    result = subprocess.run(
        [sys.executable, "-c", PEAK, "-q", "--id-field", "id", str(source)],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=900,
        check=True,
    )
    status, peak = result.stdout.split()
    assert status == "0"
    return int(peak) / 1024  # ru_maxrss is in KiB on Linux


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB is Linux's")
def test_jsonl_memory_is_bounded(tmp_path: Path) -> None:
    """Reading 40 MB of JSON Lines peaks within 10 MB of reading 1 MB: a record at a time."""
    peaks = []
    for megabytes in (1, 40):
        source = tmp_path / f"{megabytes}.jsonl"
        line = json.dumps({"id": 0, "text": FILLER + "It cost £5."}) + "\n"
        with source.open("w", encoding="utf-8") as out:
            out.writelines(line for _ in range(megabytes * 1_000_000 // len(line)))
        peaks.append(_peak_mb(source))
    assert peaks[1] < peaks[0] + 10, peaks
