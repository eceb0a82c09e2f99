"""How each measurement runs: in a fresh child process, its timings reduced to medians and rates.

:func:`run_worker` hands one JSON task to ``python -m benchmarks.throughput.worker``
(from the repository root, with the root on ``PYTHONPATH``) and reads back its
one result line; :func:`rates` turns the wall-clock and CPU seconds of
repeated passes over a text into the median and the rates it gives (KB/s,
MB/s, ms/KB, sentences/s); :func:`with_others_cpu` also says how many CPUs
other processes kept busy meanwhile (Linux ``/proc/stat``).  :class:`Settings`
says what a run measures and how many times.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.throughput.text import DEFAULT_SEED, KB, MB
from benchmarks.throughput.worker import RESULT_PREFIX, children_cpu

__all__ = [
    "ROOT",
    "Progress",
    "Settings",
    "WorkerError",
    "pooled",
    "quiet",
    "rates",
    "run_python",
    "run_worker",
    "with_others_cpu",
]

ROOT = Path(__file__).resolve().parents[2]
"""The repository root: children run here, so ``benchmarks`` is importable."""

Progress = Callable[[str], None]
"""Where progress lines go (stderr, unless ``--quiet``)."""


def quiet(_: str) -> None:
    """Discard progress lines."""


class WorkerError(RuntimeError):
    """A worker process failed; the message ends with its stderr."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run measures and how many times (presets and options in :mod:`.cli`)."""

    systems: tuple[str, ...]
    kinds: tuple[str, ...]
    size: int
    """numclaims' text per kind, in bytes."""
    peer_size: int
    """The prefix every system parses, for the side-by-side ratio."""
    repeats: int
    """numclaims' passes over a text per process."""
    peer_repeats: int
    """Each peer's passes over its sample per process."""
    max_size: int
    """The largest scaling size, also the text of the parse_many run."""
    startup_runs: int
    """Fresh processes for the import and first-call medians."""
    rounds: int
    """Rounds of turns on each peer sample, and over all the scaling sizes."""
    jobs: int
    """parse_many workers, compared with 1 job."""
    chunksize: int = 64
    seed: int = DEFAULT_SEED
    baseline_src: str | None = None
    """The ``src`` directory a ``numclaims@REV`` baseline system imports numclaims from."""


def _environment(first: Sequence[str] = ()) -> dict[str, str]:
    """The children's environment: this one, with the repository root on PYTHONPATH.

    ``first`` goes before everything else on the path: a baseline's ``src``, so
    that its worker imports that revision of numclaims rather than this one.
    """
    env = dict(os.environ)
    paths = [*first, str(ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop("PYTHONSTARTUP", None)
    return env


def run_python(
    *arguments: str, stdin: str | None = None, path_first: Sequence[str] = ()
) -> subprocess.CompletedProcess[str]:
    """Run this interpreter with ``arguments`` in a fresh process, from the repository root."""
    return subprocess.run(
        [sys.executable, *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_environment(path_first),
        check=False,
    )


def run_worker(task: Mapping[str, Any], path_first: Sequence[str] = ()) -> dict[str, Any]:
    """Run one task in a fresh ``python -m benchmarks.throughput.worker``; its result.

    ``path_first``: directories put first on the worker's ``PYTHONPATH``.
    """
    completed = run_python(
        "-m", "benchmarks.throughput.worker", stdin=json.dumps(dict(task)), path_first=path_first
    )
    lines = [ln for ln in completed.stdout.splitlines() if ln.startswith(RESULT_PREFIX)]
    if completed.returncode != 0 or not lines:
        tail = "\n".join(completed.stderr.strip().splitlines()[-15:])
        raise WorkerError(
            f"worker for task {task.get('task')!r} exited with {completed.returncode}:\n{tail}"
        )
    result: dict[str, Any] = json.loads(lines[-1][len(RESULT_PREFIX) :])
    return result


def rates(
    size: int,
    sentences: int,
    seconds: Sequence[float],
    cpu_seconds: Sequence[float] | None = None,
) -> dict[str, Any]:
    """Median wall time and the rates it gives for a text of ``size`` bytes and ``sentences``.

    With ``cpu_seconds`` (the process's CPU time of the same passes), also the
    CPU-time rates: on a machine shared with other work they move less than
    wall-clock rates, because time spent waiting for a CPU is not counted.
    """
    median = statistics.median(seconds)
    found: dict[str, Any] = {
        "bytes": size,
        "sentences": sentences,
        "repeats": len(seconds),
        "seconds": list(seconds),
        "median_seconds": median,
        "kb_per_s": size / KB / median if median else None,
        "mb_per_s": size / MB / median if median else None,
        "ms_per_kb": 1000 * median / (size / KB) if size else None,
        "sentences_per_s": sentences / median if median else None,
    }
    if cpu_seconds:
        cpu = statistics.median(cpu_seconds)
        found["cpu_seconds"] = list(cpu_seconds)
        found["median_cpu_seconds"] = cpu
        found["cpu_kb_per_s"] = size / KB / cpu if cpu else None
        found["cpu_mb_per_s"] = size / MB / cpu if cpu else None
    return found


def pooled(runs: Sequence[Mapping[str, Any]], field: str) -> list[float]:
    """The timings ``field`` of every round's run, in one list (a median over all passes)."""
    return [seconds for run in runs for seconds in run[field]]


def _machine_busy_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux ``/proc/stat``), or None."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = stat.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu":
        return None
    user, nice, system, _idle, _iowait, irq, softirq = (int(f) for f in fields[1:8])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def with_others_cpu(task: Mapping[str, Any]) -> tuple[dict[str, Any], float | None]:
    """Run ``task``; also how many CPUs other processes kept busy meanwhile, on average.

    Machine-wide busy time minus the worker's own CPU time, over the worker's
    wall time; None where ``/proc/stat`` is missing.  A value near 1 on a
    2-CPU machine means only one CPU was free.
    """
    busy, ours, start = _machine_busy_seconds(), children_cpu(), time.perf_counter()
    result = run_worker(task)
    busy_after, ours_after = _machine_busy_seconds(), children_cpu()
    wall = time.perf_counter() - start
    if busy is None or busy_after is None or wall <= 0:
        return result, None
    return result, max(0.0, (busy_after - busy) - (ours_after - ours)) / wall
