"""The atheris target reaches the parser: it instruments every stage and uses its seeds.

Before this test, the target instrumented only the modules imported at the top
of the package; the stages, imported lazily on the first parse, ran
uninstrumented and libFuzzer saw 22 edges.  These tests run the target in a
subprocess and read libFuzzer's own report.  They need atheris, the ``fuzz``
extra (``make fuzz`` and ``make fuzz-ci`` install it).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip(
    "atheris", reason="atheris is not installed: pip install -e '.[fuzz]' (or make fuzz-ci)"
)

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "fuzz" / "fuzz_parse.py"

#: Edges the seeds alone reach were ~1,490 when this was written (22 before the
#: stages were instrumented); a drop below this means the stages went dark.
MIN_EDGES = 1000


def _run(
    tmp_path: Path, *arguments: str, known: str = "", seconds: str = "1", timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run the fuzz target in ``tmp_path`` with ``arguments``.

    ``known`` is NUMCLAIMS_FUZZ_KNOWN, ``seconds`` NUMCLAIMS_FUZZ_SECONDS.
    """
    command = [sys.executable, str(TARGET), f"-artifact_prefix={tmp_path}/", *arguments]
    env = {**os.environ, "NUMCLAIMS_FUZZ_KNOWN": known, "NUMCLAIMS_FUZZ_SECONDS": seconds}
    return subprocess.run(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # libFuzzer's report and Python's traceback, in order
        text=True,
        timeout=timeout,
        cwd=tmp_path,
        env=env,
        check=False,
    )


@pytest.fixture(scope="module")
def short_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """A 1,500-run fuzz session into an empty output corpus, seeded as CI seeds it.

    Open bugs are skipped (NUMCLAIMS_FUZZ_KNOWN=skip) so that this run does not
    depend on whether the mutator happens to reach one.
    """
    tmp_path = tmp_path_factory.mktemp("fuzz")
    return _run(tmp_path, "-runs=1500", "-seed=1", str(tmp_path / "corpus"), known="skip")


def test_short_run_passes(short_run: subprocess.CompletedProcess[str]) -> None:
    """1,500 runs from the seeds break no invariant (the run's own exit status)."""
    assert short_run.returncode == 0, short_run.stdout[-3000:]


def test_coverage_reaches_the_stages(short_run: subprocess.CompletedProcess[str]) -> None:
    """libFuzzer's final ``cov:`` figure is in the thousands: the stages are instrumented."""
    edges = [int(n) for n in re.findall(r"\bcov: (\d+)", short_run.stdout)]
    assert edges, short_run.stdout[-3000:]
    assert edges[-1] >= MIN_EDGES, f"only {edges[-1]} edges covered"
    assert "numclaims modules instrumented:" in short_run.stdout


def test_every_stage_is_instrumented(short_run: subprocess.CompletedProcess[str]) -> None:
    """atheris names each stage module it instruments, the lazily imported ones included."""
    instrumented = set(re.findall(r"INFO: Instrumenting (numclaims\S*)", short_run.stdout))
    modules = (ROOT / "src" / "numclaims").glob("_*.py")
    stages = {f"numclaims.{p.stem}" for p in modules if not p.stem.startswith("__")}
    assert len(stages) >= 10
    assert stages <= instrumented


def test_dictionary_and_seeds_are_passed(short_run: subprocess.CompletedProcess[str]) -> None:
    """The grammar dictionary is loaded, and the tracked seeds and corpus sentences are read."""
    entries = re.search(r"Dictionary: (\d+) entries", short_run.stdout)
    assert entries, short_run.stdout[-3000:]
    assert int(entries.group(1)) > 500
    found = {
        Path(where).name: int(count)
        for count, where in re.findall(r"INFO:\s+(\d+) files found in (\S+)", short_run.stdout)
    }
    sentences = sum(
        1
        for path in (ROOT / "benchmarks" / "corpus").glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["text"]
    )
    assert found["seeds"] >= 9
    assert 0.95 * sentences <= found["sentences"] <= sentences  # equal texts share a file


def test_a_failure_fails_the_run(tmp_path: Path) -> None:
    """A failing input makes the target exit non-zero with its reason (so CI sees it).

    With no open bug to feed it, the time bound is set to zero: every parse is
    then "slow", the failure the target raises for a parse over the bound.
    """
    sample = tmp_path / "sample.txt"
    sample.write_text("Up to 647 tanks and £1.5bn.", encoding="utf-8")
    failed = _run(tmp_path, str(sample), timeout=120, seconds="0")
    assert failed.returncode != 0
    assert "SlowInput" in failed.stdout
    passed = _run(tmp_path, str(sample), timeout=120)
    assert passed.returncode == 0, passed.stdout[-3000:]
