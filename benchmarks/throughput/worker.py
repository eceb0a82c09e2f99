"""The child process that times one thing: ``python -m benchmarks.throughput.worker``.

It reads one JSON task from stdin (its ``task`` field names one of
:data:`TASKS`: ``throughput``, ``scaling``, ``first_call``, ``parse_many``),
rebuilds its text from ``(kind, size, seed)``, parses it after a warm-up
sentence that builds everything lazy (patterns, pint registry), and writes
one line ``RESULT <json>`` to stdout: wall-clock (``perf_counter``) and CPU
(``process_time``) seconds of each pass, what was found, the peak RSS and the
text's SHA-256, so the parent can check that every system parsed the same
text.  A fresh worker per measurement keeps import state, caches and peak
memory from leaking between measurements, and a slow or crashing peer from
disturbing numclaims' numbers.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

__all__ = ["FIRST_SENTENCE", "RESULT_PREFIX", "WARMUP_SENTENCE", "children_cpu", "main", "peak_rss"]

RESULT_PREFIX = "RESULT "
"""The start of the one stdout line that carries the result (a system may print too)."""

FIRST_SENTENCE = "The new bridge is 1.2 km long."
"""The sentence of the first-call measurement: a measure, so its SI value is needed."""

SECOND_SENTENCE = "The lorry carried 12 tonnes of sand over 40 miles for $300."
"""A second sentence, to show the cost of a call once the patterns are built."""

RATE_SENTENCE = "The field pumps 40,000 barrels a day."
"""A rate outside numclaims' table of SI conversions: the pint registry is built for it."""

WARMUP_SENTENCE = (
    "Shares rose 5% to $40.2bn after 1,200 km of track, 3 kg of gold and 9 barrels a week."
)
"""Parsed once before any timing, so lazy set-up is not counted as throughput: the
patterns, and the pint registry that the rate (``barrels a week``) needs: a rate per day
is in the SI table, so it would not build the registry."""


def peak_rss() -> int | None:
    """This process's peak resident set size in bytes (None where ``resource`` is missing)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Unix
        return None
    peak = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return peak if sys.platform == "darwin" else peak * 1024


def _throughput(task: Mapping[str, Any]) -> dict[str, Any]:
    """Time one system over the samples of one kind."""
    from benchmarks.throughput.systems import load, version
    from benchmarks.throughput.text import build_text

    system = str(task["system"])
    start = time.perf_counter()
    parse = load(system)
    load_seconds = time.perf_counter() - start
    start = time.perf_counter()
    parse(WARMUP_SENTENCE)
    first_seconds = time.perf_counter() - start
    samples = []
    for sample in task["samples"]:
        bench = build_text(str(task["kind"]), int(sample["size"]), seed=int(task["seed"]))
        if bench.paragraphs:
            parse(bench.paragraphs[0])
        seconds, cpu_seconds = [], []
        found = 0
        for _ in range(int(sample["repeats"])):
            found = 0
            start, cpu = time.perf_counter(), time.process_time()
            for paragraph in bench.paragraphs:
                found += parse(paragraph)
            seconds.append(time.perf_counter() - start)
            cpu_seconds.append(time.process_time() - cpu)
        samples.append(
            {**bench.summary(), "seconds": seconds, "cpu_seconds": cpu_seconds, "found": found}
        )
    return {
        "system": system,
        "version": version(system),
        "load_seconds": load_seconds,
        "first_call_seconds": first_seconds,
        "samples": samples,
        "peak_rss_bytes": peak_rss(),
        "package_file": _package_file(system),
    }


def _package_file(system: str) -> str | None:
    """Where the system's package was imported from (a baseline's copy, or the checkout)."""
    from benchmarks.throughput.systems import SYSTEMS

    module = sys.modules.get(SYSTEMS.get(system, "numclaims"))
    return getattr(module, "__file__", None)


def _scaling(task: Mapping[str, Any]) -> dict[str, Any]:
    """Stream one numclaims text of the given size; parse times and peak RSS."""
    import hashlib

    from benchmarks.throughput.text import iter_paragraphs
    from numclaims import iter_quantities, parse_quantities

    parse_quantities(WARMUP_SENTENCE)
    baseline = peak_rss()
    kind, size, seed = str(task["kind"]), int(task["size"]), int(task["seed"])
    seconds: list[float] = []
    cpu_seconds: list[float] = []
    found = sentences = paragraphs = size_bytes = 0
    digest = hashlib.sha256()
    for repeat in range(int(task["repeats"])):
        found = 0
        parse_seconds = parse_cpu = 0.0
        for paragraph in iter_paragraphs(kind, size, seed=seed):
            start, cpu = time.perf_counter(), time.process_time()
            for _ in iter_quantities(paragraph.text):
                found += 1
            parse_seconds += time.perf_counter() - start
            parse_cpu += time.process_time() - cpu
            if repeat == 0:
                encoded = paragraph.text.encode("utf-8")
                if paragraphs:
                    digest.update(b"\n\n")
                    size_bytes += 2
                digest.update(encoded)
                size_bytes += len(encoded)
                paragraphs += 1
                sentences += paragraph.sentences
        seconds.append(parse_seconds)
        cpu_seconds.append(parse_cpu)
    return {
        "kind": kind,
        "requested_bytes": size,
        "bytes": size_bytes,
        "paragraphs": paragraphs,
        "sentences": sentences,
        "sha256": digest.hexdigest(),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "found": found,
        "baseline_rss_bytes": baseline,
        "peak_rss_bytes": peak_rss(),
    }


def _first_call(task: Mapping[str, Any]) -> dict[str, Any]:
    """Import numclaims, then time its first and second calls."""
    start = time.perf_counter()
    import numclaims

    import_seconds = time.perf_counter() - start
    start = time.perf_counter()
    first = numclaims.parse_quantities(FIRST_SENTENCE)
    first_seconds = time.perf_counter() - start
    start = time.perf_counter()
    numclaims.parse_quantities(SECOND_SENTENCE)
    second_seconds = time.perf_counter() - start
    start = time.perf_counter()
    numclaims.parse_quantities(RATE_SENTENCE)
    rate_seconds = time.perf_counter() - start
    return {
        "import_seconds": import_seconds,
        "first_call_seconds": first_seconds,
        "second_call_seconds": second_seconds,
        "rate_call_seconds": rate_seconds,
        "first_found": [q.text for q in first],
    }


def _parse_many(task: Mapping[str, Any]) -> dict[str, Any]:
    """Time ``parse_many`` over the paragraphs of one text."""
    from benchmarks.throughput.text import build_text
    from numclaims import parse_many, parse_quantities

    parse_quantities(WARMUP_SENTENCE)
    bench = build_text(str(task["kind"]), int(task["size"]), seed=int(task["seed"]))
    jobs = int(task["jobs"])
    seconds, cpu_seconds, worker_cpu_seconds = [], [], []
    found = 0
    for _ in range(int(task.get("repeats", 1))):
        start, cpu, workers = time.perf_counter(), time.process_time(), children_cpu()
        found = sum(
            len(result)
            for result in parse_many(bench.paragraphs, jobs=jobs, chunksize=int(task["chunksize"]))
        )
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu)
        worker_cpu_seconds.append(children_cpu() - workers)
    return {
        **bench.summary(),
        "jobs": jobs,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "worker_cpu_seconds": worker_cpu_seconds,
        "found": found,
    }


def children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children, 0 without ``resource``."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Unix
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return float(usage.ru_utime + usage.ru_stime)


TASKS: Mapping[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = MappingProxyType(
    {
        "throughput": _throughput,
        "scaling": _scaling,
        "first_call": _first_call,
        "parse_many": _parse_many,
    }
)
"""Every task a worker can run, by name."""


def main() -> int:
    """Run the task read from stdin; print its result line."""
    task = json.loads(sys.stdin.read())
    result = TASKS[str(task["task"])](task)
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
