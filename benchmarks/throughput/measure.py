"""Run the measurements, each in fresh child processes, and reduce them to plain data.

Every function here starts workers (:mod:`benchmarks.throughput.worker`) or
bare interpreters, collects their raw timings, and returns JSON-ready dicts
with medians and rates.  Nothing is printed except progress, through the
``progress`` callback.
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

from benchmarks.throughput.systems import unavailable_reason, version
from benchmarks.throughput.text import KB, MB, build_text, human_size
from benchmarks.throughput.worker import RESULT_PREFIX, children_cpu

__all__ = [
    "ROOT",
    "Settings",
    "WorkerError",
    "importtime_by_package",
    "measure_first_call",
    "measure_import",
    "measure_parse_many",
    "measure_scaling",
    "measure_throughput",
    "rates",
    "run_worker",
    "scaling_sizes",
]

ROOT = Path(__file__).resolve().parents[2]
"""The repository root: workers run here so ``benchmarks`` is importable."""

IMPORT_SNIPPET = (
    "import time; s = time.perf_counter(); import numclaims; print(time.perf_counter() - s)"
)
"""What a fresh interpreter runs to time ``import numclaims`` (nothing else imported first)."""

STANDARD_SIZES = (10 * KB, 100 * KB, MB, 10 * MB)
"""The sizes of the scaling table, before ``--max-mb`` caps them."""

REFERENCE_SIZE = 100 * KB
"""The scaling size other sizes' time per MB is compared with."""

Progress = Callable[[str], None]


class WorkerError(RuntimeError):
    """A worker process failed; the message ends with its stderr."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What to measure and how much (the resolved command-line options)."""

    systems: tuple[str, ...]
    kinds: tuple[str, ...]
    size: int
    peer_size: int
    repeats: int
    peer_repeats: int
    max_size: int
    startup_runs: int
    jobs: int
    chunksize: int
    seed: int
    scaling_rounds: int = 1
    ratio_rounds: int = 1
    python: str = sys.executable


def _quiet(_: str) -> None:
    """Discard progress messages."""


def _environment() -> dict[str, str]:
    """The workers' environment: this one, with the repository root on PYTHONPATH."""
    env = dict(os.environ)
    paths = [str(ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop("PYTHONSTARTUP", None)
    return env


def run_worker(task: Mapping[str, Any], *, python: str = sys.executable) -> dict[str, Any]:
    """Run one task in a fresh ``python -m benchmarks.throughput.worker``; its result."""
    completed = subprocess.run(
        [python, "-m", "benchmarks.throughput.worker"],
        input=json.dumps(dict(task)),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_environment(),
        check=False,
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


def _sample_rates(sample: Mapping[str, Any]) -> dict[str, Any]:
    """The rates of one worker sample, with what was found and the text's digest."""
    return {
        **rates(
            int(sample["bytes"]), int(sample["sentences"]), sample["seconds"], sample["cpu_seconds"]
        ),
        "requested_bytes": sample["requested_bytes"],
        "found": sample["found"],
        "sha256": sample["sha256"],
    }


def measure_throughput(settings: Settings, progress: Progress = _quiet) -> dict[str, Any]:
    """Each system on each kind, in its own process; peers on the smaller peer sample.

    numclaims parses the full sample (in the first round) and the peer sample
    (a prefix of it); every other system parses only the peer sample.  The
    systems take turns over ``ratio_rounds`` rounds, so that a slow spell of
    the machine touches each of them rather than one; a system's rate on the
    peer sample is the median over its passes of every round.  The ratio of
    numclaims to each peer compares those rates, measured in this run.
    """
    systems: dict[str, Any] = {}
    kinds: dict[str, Any] = {}
    peers = [name for name in settings.systems if name != "numclaims"]
    for name in settings.systems:
        reason = unavailable_reason(name)
        systems[name] = {"version": version(name), "available": reason is None}
        if reason is not None:
            systems[name]["unavailable"] = reason
    for kind in settings.kinds:
        entry: dict[str, Any] = {
            "text": build_text(kind, settings.size, seed=settings.seed).summary(),
            "peer_text": build_text(kind, settings.peer_size, seed=settings.seed).summary(),
            "systems": {},
        }
        runs: dict[str, list[dict[str, Any]]] = {}
        for round_number in range(1, settings.ratio_rounds + 1):
            for name in settings.systems:
                if not systems[name]["available"] or name in entry.get("failures", {}):
                    continue
                samples = [{"size": settings.peer_size, "repeats": settings.peer_repeats}]
                if name == "numclaims":
                    samples = [{"size": settings.peer_size, "repeats": settings.repeats}]
                    if round_number == 1:
                        samples.insert(0, {"size": settings.size, "repeats": settings.repeats})
                progress(
                    f"throughput: {name} on {kind} ({', '.join(_sizes(samples))}; "
                    f"round {round_number} of {settings.ratio_rounds})"
                )
                task = {
                    "task": "throughput",
                    "system": name,
                    "kind": kind,
                    "seed": settings.seed,
                    "samples": samples,
                }
                try:
                    runs.setdefault(name, []).append(run_worker(task, python=settings.python))
                except WorkerError as error:
                    if name == "numclaims":
                        raise
                    entry.setdefault("failures", {})[name] = str(error)
                    runs.pop(name, None)
                    progress(f"throughput: {name} failed on {kind}; its column stays empty")
        for name, results in runs.items():
            entry["systems"][name] = _throughput_record(name, results, entry)
        entry["ratios"] = _ratios(entry["systems"], peers, "kb_per_s")
        entry["cpu_ratios"] = _ratios(entry["systems"], peers, "cpu_kb_per_s")
        kinds[kind] = entry
    return {"systems": systems, "kinds": kinds}


def _pooled(runs: Sequence[Mapping[str, Any]], field: str) -> list[float]:
    """The timings ``field`` of every round's run, in one list (a median over all passes)."""
    return [seconds for run in runs for seconds in run[field]]


def _throughput_record(
    name: str, results: Sequence[Mapping[str, Any]], entry: Mapping[str, Any]
) -> dict[str, Any]:
    """One system's rates on one kind: its peer-sample passes of every round pooled."""
    peer_samples = [result["samples"][-1] for result in results]
    pooled = {
        **peer_samples[0],
        "seconds": _pooled(peer_samples, "seconds"),
        "cpu_seconds": _pooled(peer_samples, "cpu_seconds"),
    }
    record: dict[str, Any] = {
        "rounds": len(results),
        "first_call_seconds": results[0]["first_call_seconds"],
        "load_seconds": results[0]["load_seconds"],
        "peak_rss_bytes": max(result["peak_rss_bytes"] for result in results),
        "peer_sample": _sample_rates(pooled),
        "same_text": all(s["sha256"] == entry["peer_text"]["sha256"] for s in peer_samples),
    }
    if name == "numclaims":
        full = results[0]["samples"][0]
        record["full_sample"] = _sample_rates(full)
        record["same_text"] = record["same_text"] and full["sha256"] == entry["text"]["sha256"]
    return record


def _sizes(samples: Sequence[Mapping[str, Any]]) -> list[str]:
    """Human sizes of worker samples, for progress lines."""
    return [f"{human_size(int(s['size']))} x{s['repeats']}" for s in samples]


def _ratios(systems: Mapping[str, Any], peers: Sequence[str], rate: str) -> dict[str, float | None]:
    """numclaims' ``rate`` over each peer's, both on the peer sample (None if one is missing)."""
    ratios: dict[str, float | None] = {}
    ours = systems.get("numclaims")
    for peer in peers:
        theirs = systems.get(peer)
        if ours is None or theirs is None:
            ratios[peer] = None
            continue
        mine, peer_rate = ours["peer_sample"].get(rate), theirs["peer_sample"].get(rate)
        ratios[peer] = mine / peer_rate if mine and peer_rate else None
    return ratios


def scaling_sizes(max_size: int) -> list[int]:
    """The standard sizes below ``max_size``, then ``max_size`` itself."""
    return [size for size in STANDARD_SIZES if size < max_size] + [max_size]


def _scaling_repeats(size: int, repeats: int) -> int:
    """Repeat small sizes (noisy) up to ``repeats``; keep the total near 2 MB; at least once."""
    return max(1, min(repeats, (2 * MB) // max(size, 1)))


def measure_scaling(settings: Settings, progress: Progress = _quiet) -> dict[str, Any]:
    """numclaims streaming ordinary news of growing size, one fresh process per size and round.

    The rounds go over every size in turn, so that a slow spell of the machine
    (they last minutes here) touches every size rather than one; a size's
    median is over its passes of every round.
    """
    sizes = scaling_sizes(settings.max_size)
    runs: dict[int, list[dict[str, Any]]] = {size: [] for size in sizes}
    for round_number in range(1, settings.scaling_rounds + 1):
        for size in sizes:
            repeats = _scaling_repeats(size, settings.repeats)
            progress(
                f"scaling: numclaims streaming {human_size(size)} of news x{repeats}"
                f" (round {round_number} of {settings.scaling_rounds})"
            )
            task = {
                "task": "scaling",
                "kind": "news",
                "size": size,
                "seed": settings.seed,
                "repeats": repeats,
            }
            runs[size].append(run_worker(task, python=settings.python))
    rows = []
    for size in sizes:
        results = runs[size]
        row = {
            **rates(
                int(results[0]["bytes"]),
                int(results[0]["sentences"]),
                _pooled(results, "seconds"),
                _pooled(results, "cpu_seconds"),
            ),
            "requested_bytes": size,
            "rounds": len(results),
            "found": results[0]["found"],
            "peak_rss_bytes": max(result["peak_rss_bytes"] for result in results),
            "baseline_rss_bytes": max(result["baseline_rss_bytes"] for result in results),
        }
        row["seconds_per_mb"] = row["median_seconds"] / (row["bytes"] / MB)
        row["cpu_seconds_per_mb"] = row["median_cpu_seconds"] / (row["bytes"] / MB)
        rows.append(row)
    reference = next((r for r in rows if r["requested_bytes"] == REFERENCE_SIZE), rows[0])
    for row in rows:
        row["relative_time_per_mb"] = row["seconds_per_mb"] / reference["seconds_per_mb"]
        row["relative_cpu_time_per_mb"] = (
            row["cpu_seconds_per_mb"] / reference["cpu_seconds_per_mb"]
        )
    return {"kind": "news", "reference_bytes": reference["requested_bytes"], "rows": rows}


def measure_import(settings: Settings, progress: Progress = _quiet) -> dict[str, Any]:
    """``import numclaims`` in fresh interpreters: the median, and the time by package."""
    progress(f"start-up: import numclaims x{settings.startup_runs}")
    seconds = []
    for _ in range(settings.startup_runs):
        completed = subprocess.run(
            [settings.python, "-c", IMPORT_SNIPPET],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=_environment(),
            check=True,
        )
        seconds.append(float(completed.stdout.strip().splitlines()[-1]))
    completed = subprocess.run(
        [settings.python, "-X", "importtime", "-c", "import numclaims"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_environment(),
        check=True,
    )
    return {
        "runs": len(seconds),
        "seconds": seconds,
        "median_seconds": statistics.median(seconds),
        "by_package_seconds": importtime_by_package(completed.stderr),
    }


def importtime_by_package(stderr: str, top: int = 8) -> dict[str, float]:
    """Self import time summed by top-level package, from ``-X importtime`` output; the largest.

    numclaims' own modules are kept apart from the packages it imports, and
    the rest beyond ``top`` are summed as ``(other)``.
    """
    totals: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line[len("import time:") :].split("|")
        try:
            self_us = int(parts[0].strip())
        except ValueError:  # the header line
            continue
        package = parts[2].strip().split(".")[0]
        totals[package] = totals.get(package, 0.0) + self_us / 1e6
    ranked = sorted(totals.items(), key=lambda item: item[1], reverse=True)
    shown = dict(ranked[:top])
    rest = sum(value for _, value in ranked[top:])
    if rest:
        shown["(other)"] = rest
    return shown


def measure_first_call(settings: Settings, progress: Progress = _quiet) -> dict[str, Any]:
    """The first ``parse_quantities`` call in fresh processes (median over runs)."""
    progress(f"start-up: first parse_quantities call x{settings.startup_runs}")
    results = [
        run_worker({"task": "first_call"}, python=settings.python)
        for _ in range(settings.startup_runs)
    ]

    def median(field: str) -> float:
        return statistics.median(float(r[field]) for r in results)

    return {
        "runs": len(results),
        "sentence_found": results[0]["first_found"],
        "first_call_seconds": [r["first_call_seconds"] for r in results],
        "median_first_call_seconds": median("first_call_seconds"),
        "median_second_call_seconds": median("second_call_seconds"),
        "median_rate_call_seconds": median("rate_call_seconds"),
        "median_import_seconds": median("import_seconds"),
    }


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


def _others_cpu(task: Mapping[str, Any], python: str) -> tuple[dict[str, Any], float | None]:
    """Run ``task``; also how many CPUs other processes kept busy meanwhile, on average.

    Machine-wide busy time (Linux ``/proc/stat``) minus the worker's own CPU
    time, over the worker's wall time; None where ``/proc/stat`` is missing.
    A value near 1 on a 2-CPU machine means only one CPU was free.
    """
    busy, ours, start = _machine_busy_seconds(), children_cpu(), time.perf_counter()
    result = run_worker(task, python=python)
    busy_after, ours_after = _machine_busy_seconds(), children_cpu()
    wall = time.perf_counter() - start
    if busy is None or busy_after is None or wall <= 0:
        return result, None
    return result, max(0.0, (busy_after - busy) - (ours_after - ours)) / wall


def measure_parse_many(settings: Settings, progress: Progress = _quiet) -> dict[str, Any]:
    """``parse_many`` with 1 job and with ``settings.jobs`` on the largest size; the speed-up."""
    runs: dict[str, Any] = {}
    for jobs in sorted({1, settings.jobs}):
        progress(f"parse_many: jobs={jobs} on {human_size(settings.max_size)} of news")
        result, others = _others_cpu(
            {
                "task": "parse_many",
                "kind": "news",
                "size": settings.max_size,
                "seed": settings.seed,
                "jobs": jobs,
                "chunksize": settings.chunksize,
            },
            python=settings.python,
        )
        runs[str(jobs)] = {
            **rates(int(result["bytes"]), int(result["sentences"]), result["seconds"]),
            "caller_cpu_seconds": statistics.median(result["cpu_seconds"]),
            "worker_cpu_seconds": statistics.median(result["worker_cpu_seconds"]),
            "jobs": jobs,
            "others_cpus": others,
            "requested_bytes": settings.max_size,
            "found": result["found"],
            "sha256": result["sha256"],
        }
    one, many = runs["1"], runs[str(settings.jobs)]
    return {
        "kind": "news",
        "chunksize": settings.chunksize,
        "cpu_count": os.cpu_count(),
        "runs": runs,
        "jobs": settings.jobs,
        "speedup": one["median_seconds"] / many["median_seconds"],
        "same_results": one["found"] == many["found"] and one["sha256"] == many["sha256"],
    }
