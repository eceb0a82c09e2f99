"""The performance targets, each checked against the numbers of a run (reported, not enforced).

Each target is one small function that reads its measured value out of the
run's JSON document and compares it with the goal, by wall-clock time as the
targets are stated; the note gives the CPU-time figure where there is one.
``met`` is None when the run did not measure the target: a section skipped,
a peer unavailable, or a largest size below 10 MB.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from benchmarks.throughput.text import KB, MB, MiB, human_size

__all__ = ["TARGETS", "targets"]

Document = Mapping[str, Any]
Target = dict[str, Any]

_NEWS = ("throughput", "kinds", "news")


def _dig(document: Document, *path: str) -> Any:
    """``document[path[0]][path[1]]...``, or None when any step is missing."""
    node: Any = document
    for key in path:
        if not isinstance(node, Mapping) or node.get(key) is None:
            return None
        node = node[key]
    return node


def _target(
    name: str, goal: str, value: float | None, unit: str, met: bool | None, note: str = ""
) -> Target:
    return {"target": name, "goal": goal, "measured": value, "unit": unit, "met": met, "note": note}


def _ratio(document: Document) -> Target:
    """numclaims at least 100 times quantulum3's speed on ordinary news, in the same run."""
    ratio = _dig(document, *_NEWS, "ratios", "quantulum3")
    cpu_ratio = _dig(document, *_NEWS, "cpu_ratios", "quantulum3")
    return _target(
        "numclaims ÷ quantulum3, ordinary news",
        "≥ 100×",
        ratio,
        "×",
        None if ratio is None else ratio >= 100,
        "" if cpu_ratio is None else f"CPU time: {cpu_ratio:,.1f}×",
    )


def _single_process(document: Document) -> Target:
    """At least 2 MB/s of ordinary news in one process."""
    full = _dig(document, *_NEWS, "systems", "numclaims", "full_sample") or {}
    rate, cpu_rate = full.get("mb_per_s"), full.get("cpu_mb_per_s")
    return _target(
        "single process, ordinary news",
        "≥ 2 MB/s",
        rate,
        "MB/s",
        None if rate is None else rate >= 2,
        "" if cpu_rate is None else f"CPU time: {cpu_rate:.3f} MB/s",
    )


def _short_texts(document: Document) -> Target:
    """Short texts, one call each, at least as many MB/s as the same bytes of ordinary news."""
    kinds = _dig(document, "throughput", "kinds") or {}
    short, news = (
        _dig(kinds, kind, "systems", "numclaims", "full_sample") or {} for kind in ("short", "news")
    )
    ratio = cpu_ratio = None
    if short.get("mb_per_s") and news.get("mb_per_s"):
        ratio = short["mb_per_s"] / news["mb_per_s"]
        if short.get("cpu_mb_per_s") and news.get("cpu_mb_per_s"):
            cpu_ratio = short["cpu_mb_per_s"] / news["cpu_mb_per_s"]
    return _target(
        "short texts ÷ ordinary news, MB/s",
        "≥ 1.0×",
        ratio,
        "×",
        None if ratio is None else ratio >= 1,
        "" if cpu_ratio is None else f"CPU time: {cpu_ratio:.2f}×",
    )


def _import(document: Document) -> Target:
    """``import numclaims`` within 150 ms."""
    seconds = _dig(document, "startup", "import", "median_seconds")
    ms = None if seconds is None else 1000 * seconds
    return _target("import numclaims", "≤ 150 ms", ms, "ms", None if ms is None else ms <= 150)


def _first_call(document: Document) -> Target:
    """The first ``parse_quantities`` call within 300 ms."""
    seconds = _dig(document, "startup", "first_call", "median_first_call_seconds")
    ms = None if seconds is None else 1000 * seconds
    return _target(
        "first parse_quantities call", "≤ 300 ms", ms, "ms", None if ms is None else ms <= 300
    )


def _scaling_rows(document: Document) -> tuple[list[Mapping[str, Any]], bool]:
    """The scaling rows, and whether the largest reached 10 MB (the targets' size)."""
    rows = _dig(document, "scaling", "rows") or []
    return rows, bool(rows) and rows[-1]["requested_bytes"] >= 10 * MB


def _peak_rss(document: Document) -> Target:
    """Streaming 10 MB within 100 MiB of peak memory, the interpreter included."""
    rows, big_enough = _scaling_rows(document)
    largest = rows[-1] if rows else None
    peak = None if largest is None else largest["peak_rss_bytes"]
    return _target(
        "peak RSS streaming 10 MB",
        "≤ 100 MiB",
        None if peak is None else peak / MiB,
        "MiB",
        None if peak is None or not big_enough else peak <= 100 * MiB,
        "" if largest is None else f"largest size {human_size(largest['requested_bytes'])}",
    )


def _linear(document: Document) -> Target:
    """Time per MB within 20 % of the 100 KB case for every size up to 10 MB."""
    rows, big_enough = _scaling_rows(document)
    compared = [r for r in rows if r["requested_bytes"] >= 100 * KB]
    worst = max((abs(r["relative_time_per_mb"] - 1) for r in compared), default=None)
    worst_cpu = max((abs(r["relative_cpu_time_per_mb"] - 1) for r in compared), default=None)
    return _target(
        "time per MB, 100 KB to 10 MB",
        "within 20 %",
        None if worst is None else 100 * worst,
        "% off",
        None if worst is None or not big_enough else worst <= 0.2,
        "" if worst_cpu is None else f"CPU time: {100 * worst_cpu:.1f} % off",
    )


def _parse_many(document: Document) -> Target:
    """parse_many with 2 jobs at least 1.7 times as fast as with 1."""
    speedup = _dig(document, "parse_many", "speedup")
    jobs = _dig(document, "parse_many", "jobs")
    cpus = _dig(document, "parse_many", "cpu_count")
    others = _dig(document, "parse_many", "runs", str(jobs), "others_cpus")
    note = "" if cpus is None else f"{cpus} CPUs"
    if others is not None:
        note += f"{', ' if note else ''}{others:.2f} busy with other work meanwhile"
    return _target(
        "parse_many, 2 jobs vs 1",
        "≥ 1.7×",
        speedup,
        "×",
        None if speedup is None or jobs != 2 else speedup >= 1.7,
        note,
    )


TARGETS: tuple[Callable[[Document], Target], ...] = (
    _ratio,
    _single_process,
    _short_texts,
    _import,
    _first_call,
    _peak_rss,
    _linear,
    _parse_many,
)
"""Every target, in the order of the report."""


def targets(document: Document) -> list[Target]:
    """Each target with its goal, its measured value and whether it is met (None: not measured)."""
    return [check(document) for check in TARGETS]
