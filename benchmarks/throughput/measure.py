"""The four sections of a run, each measured in fresh child processes and reduced to plain data.

Throughput: each system parses the same texts paragraph by paragraph, taking
turns over the rounds; scaling: numclaims streams growing sizes of ordinary
news, the sizes interleaved over the rounds; start-up: ``import numclaims``
and the first calls in fresh interpreters; parse_many: one job against
several on the largest text.  Every function starts its children through
:mod:`benchmarks.throughput.runner` and returns a JSON-ready dict of raw
timings, medians and rates; nothing is printed except progress lines.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from benchmarks.throughput.runner import (
    Progress,
    Settings,
    WorkerError,
    pooled,
    quiet,
    rates,
    run_python,
    run_worker,
    with_others_cpu,
)
from benchmarks.throughput.systems import BASELINE, unavailable_reason, version
from benchmarks.throughput.text import KB, MB, build_text, human_size

__all__ = [
    "importtime_by_package",
    "measure_first_call",
    "measure_import",
    "measure_parse_many",
    "measure_scaling",
    "measure_throughput",
    "scaling_sizes",
]

IMPORT_SNIPPET = (
    "import time; s = time.perf_counter(); import numclaims; print(time.perf_counter() - s)"
)
"""What a fresh interpreter runs to time ``import numclaims`` (nothing else imported first)."""

STANDARD_SIZES = (10 * KB, 100 * KB, MB, 10 * MB)
"""The sizes of the scaling table, before ``--max-mb`` caps them."""

REFERENCE_SIZE = 100 * KB
"""The scaling size other sizes' time per MB is compared with."""


def measure_throughput(settings: Settings, progress: Progress = quiet) -> dict[str, Any]:
    """Each system on each kind, in its own process; peers on the smaller peer sample.

    numclaims parses the full sample and the peer sample (a prefix of it);
    every other system parses only the peer sample.  The rounds are the outer
    loop: in each one, every kind is parsed by every system in turn, so that a
    slow spell of the machine (they last minutes here) touches every kind and
    every system rather than one.  A rate is the median over the passes of
    every round; the ratio of numclaims to each peer compares those rates,
    measured in this run, and so does the ratio of one kind to another.
    """
    systems = {name: _availability(name) for name in settings.systems}
    available = [name for name in settings.systems if systems[name]["available"]]
    peers = [name for name in settings.systems if name != "numclaims"]
    kinds: dict[str, Any] = {
        kind: {
            "text": build_text(kind, settings.size, seed=settings.seed).summary(),
            "peer_text": build_text(kind, settings.peer_size, seed=settings.seed).summary(),
            "systems": {},
        }
        for kind in settings.kinds
    }
    runs = _take_turns(available, settings, kinds, progress)
    for kind, entry in kinds.items():
        for name, results in runs[kind].items():
            entry["systems"][name] = _throughput_record(name, results, entry)
        entry["ratios"] = _ratios(entry["systems"], peers, "kb_per_s")
        entry["cpu_ratios"] = _ratios(entry["systems"], peers, "cpu_kb_per_s")
    return {"systems": systems, "kinds": kinds}


def _availability(name: str) -> dict[str, Any]:
    """A system's version and whether it can run here (with the reason when it cannot)."""
    reason = unavailable_reason(name)
    found: dict[str, Any] = {"version": version(name), "available": reason is None}
    if reason is not None:
        found["unavailable"] = reason
    return found


def _take_turns(
    systems: Sequence[str],
    settings: Settings,
    kinds: dict[str, dict[str, Any]],
    progress: Progress,
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Every round's run of each system on each kind; a peer that fails is noted and dropped."""
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {kind: {} for kind in kinds}
    for round_number in range(1, settings.rounds + 1):
        for kind, entry in kinds.items():
            failures: dict[str, str] = entry.setdefault("failures", {})
            for name in (name for name in systems if name not in failures):
                samples = _samples(name, settings)
                progress(
                    f"throughput: {name} on {kind} ({', '.join(_sizes(samples))}; "
                    f"round {round_number} of {settings.rounds})"
                )
                task = {"task": "throughput", "system": name, "kind": kind, "seed": settings.seed}
                try:
                    runs[kind].setdefault(name, []).append(
                        run_worker({**task, "samples": samples}, _path_first(name, settings))
                    )
                except WorkerError as error:
                    if name == "numclaims":
                        raise
                    failures[name] = str(error)
                    runs[kind].pop(name, None)
                    progress(f"throughput: {name} failed on {kind}; its column stays empty")
    for entry in kinds.values():
        if not entry["failures"]:
            del entry["failures"]
    return runs


def _path_first(name: str, settings: Settings) -> list[str]:
    """What goes first on the worker's path: a baseline's copy of ``src``, else nothing."""
    if not name.startswith(BASELINE):
        return []
    if settings.baseline_src is None:
        raise ValueError(f"{name}: a baseline system needs Settings.baseline_src")
    return [settings.baseline_src]


def _samples(name: str, settings: Settings) -> list[dict[str, int]]:
    """What one system parses in one round: the peer sample, after numclaims' full one.

    numclaims' passes over the full sample are spread over the rounds (their
    number divided by the rounds, rounded up), so that taking turns costs
    about as much time as parsing it all in one round.
    """
    if name.startswith(BASELINE):
        return [{"size": settings.peer_size, "repeats": settings.repeats}]
    if name != "numclaims":
        return [{"size": settings.peer_size, "repeats": settings.peer_repeats}]
    return [
        {"size": settings.size, "repeats": -(-settings.repeats // settings.rounds)},
        {"size": settings.peer_size, "repeats": settings.repeats},
    ]


def _sizes(samples: Sequence[Mapping[str, Any]]) -> list[str]:
    """Human sizes of worker samples, for progress lines."""
    return [f"{human_size(int(s['size']))} x{s['repeats']}" for s in samples]


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


def _throughput_record(
    name: str, results: Sequence[Mapping[str, Any]], entry: Mapping[str, Any]
) -> dict[str, Any]:
    """One system's rates on one kind: its passes over each sample pooled over every round."""
    peer_rates, peer_same = _pooled_sample(results, -1, entry["peer_text"])
    record: dict[str, Any] = {
        "rounds": len(results),
        "first_call_seconds": results[0]["first_call_seconds"],
        "load_seconds": results[0]["load_seconds"],
        "peak_rss_bytes": max(result["peak_rss_bytes"] for result in results),
        "package_file": results[0].get("package_file"),
        "peer_sample": peer_rates,
        "same_text": peer_same,
    }
    if name == "numclaims":
        record["full_sample"], full_same = _pooled_sample(results, 0, entry["text"])
        record["same_text"] = peer_same and full_same
    return record


def _pooled_sample(
    results: Sequence[Mapping[str, Any]], index: int, text: Mapping[str, Any]
) -> tuple[dict[str, Any], bool]:
    """Sample ``index``'s rates over the passes of every round; whether each parsed ``text``."""
    samples = [result["samples"][index] for result in results]
    joined = {
        **samples[0],
        "seconds": pooled(samples, "seconds"),
        "cpu_seconds": pooled(samples, "cpu_seconds"),
    }
    return _sample_rates(joined), all(s["sha256"] == text["sha256"] for s in samples)


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


def measure_scaling(settings: Settings, progress: Progress = quiet) -> dict[str, Any]:
    """numclaims streaming ordinary news of growing size, one fresh process per size and round.

    The rounds go over every size in turn, so that a slow spell of the machine
    (they last minutes here) touches every size rather than one; a size's
    median is over its passes of every round.
    """
    sizes = scaling_sizes(settings.max_size)
    runs: dict[int, list[dict[str, Any]]] = {size: [] for size in sizes}
    for round_number in range(1, settings.rounds + 1):
        for size in sizes:
            repeats = _scaling_repeats(size, settings.repeats)
            progress(
                f"scaling: numclaims streaming {human_size(size)} of news x{repeats}"
                f" (round {round_number} of {settings.rounds})"
            )
            task = {
                "task": "scaling",
                "kind": "news",
                "size": size,
                "seed": settings.seed,
                "repeats": repeats,
            }
            runs[size].append(run_worker(task))
    rows = [_scaling_row(size, runs[size]) for size in sizes]
    reference = next((r for r in rows if r["requested_bytes"] == REFERENCE_SIZE), rows[0])
    for row in rows:
        row["relative_time_per_mb"] = row["seconds_per_mb"] / reference["seconds_per_mb"]
        row["relative_cpu_time_per_mb"] = (
            row["cpu_seconds_per_mb"] / reference["cpu_seconds_per_mb"]
        )
    return {"kind": "news", "reference_bytes": reference["requested_bytes"], "rows": rows}


def _scaling_row(size: int, results: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One scaling size: the passes of every round pooled, the largest peak RSS."""
    row = {
        **rates(
            int(results[0]["bytes"]),
            int(results[0]["sentences"]),
            pooled(results, "seconds"),
            pooled(results, "cpu_seconds"),
        ),
        "requested_bytes": size,
        "rounds": len(results),
        "found": results[0]["found"],
        "peak_rss_bytes": max(result["peak_rss_bytes"] for result in results),
        "package_file": results[0].get("package_file"),
        "baseline_rss_bytes": max(result["baseline_rss_bytes"] for result in results),
    }
    row["seconds_per_mb"] = row["median_seconds"] / (row["bytes"] / MB)
    row["cpu_seconds_per_mb"] = row["median_cpu_seconds"] / (row["bytes"] / MB)
    return row


def measure_import(settings: Settings, progress: Progress = quiet) -> dict[str, Any]:
    """``import numclaims`` in fresh interpreters: the median, and the time by package."""
    progress(f"start-up: import numclaims x{settings.startup_runs}")
    seconds = []
    for _ in range(settings.startup_runs):
        completed = run_python("-c", IMPORT_SNIPPET)
        completed.check_returncode()
        seconds.append(float(completed.stdout.strip().splitlines()[-1]))
    completed = run_python("-X", "importtime", "-c", "import numclaims")
    completed.check_returncode()
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


def measure_first_call(settings: Settings, progress: Progress = quiet) -> dict[str, Any]:
    """The first ``parse_quantities`` calls in fresh processes (medians over runs)."""
    progress(f"start-up: first parse_quantities call x{settings.startup_runs}")
    results = [run_worker({"task": "first_call"}) for _ in range(settings.startup_runs)]

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


def measure_parse_many(settings: Settings, progress: Progress = quiet) -> dict[str, Any]:
    """``parse_many`` with 1 job and with ``settings.jobs`` on the largest size; the speed-up."""
    runs: dict[str, Any] = {}
    for jobs in sorted({1, settings.jobs}):
        progress(f"parse_many: jobs={jobs} on {human_size(settings.max_size)} of news")
        result, others = with_others_cpu(
            {
                "task": "parse_many",
                "kind": "news",
                "size": settings.max_size,
                "seed": settings.seed,
                "jobs": jobs,
                "chunksize": settings.chunksize,
            }
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
