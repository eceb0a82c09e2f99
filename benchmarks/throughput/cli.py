"""``python -m benchmarks``: how fast numclaims is, and how much faster than quantulum3.

Run from the repository root.  Sections (``--only`` picks some):

* ``throughput``: each system, in its own fresh process, parses the same
  deterministic text of each kind (dense, ordinary news, sparse prose)
  paragraph by paragraph; medians over ``--repeats`` passes give KB/s and
  sentences/s.  quantulum3 is slow, so it is timed on a ``--peer-kb`` prefix
  of the same text, and numclaims is timed on that prefix too: the ratio
  compares the two on identical text, measured in the same run.
* ``scaling``: numclaims streams 10 KB, 100 KB, 1 MB and 10 MB of ordinary
  news (capped by ``--max-mb``) through ``iter_quantities``, one fresh
  process per size: time, MB/s, time per MB against the 100 KB case, and the
  process's peak RSS.
* ``startup``: ``import numclaims`` in a fresh interpreter, and the first
  ``parse_quantities`` call on a sentence with a measure; medians of
  ``--startup-runs`` runs.
* ``parse_many``: ``parse_many`` over the paragraphs of the largest text
  with 1 job and with ``--jobs``; the speed-up.

Everything is printed as Markdown tables, with the performance targets beside
the measured numbers (reported, not enforced); ``--json PATH`` also writes
every raw timing (``benchmarks/results/`` is git-ignored and a good place).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.throughput.measure import (
    Settings,
    measure_first_call,
    measure_import,
    measure_parse_many,
    measure_scaling,
    measure_throughput,
)
from benchmarks.throughput.report import (
    parse_many_table,
    peer_table,
    scaling_table,
    startup_table,
    targets,
    targets_table,
    text_table,
    throughput_table,
)
from benchmarks.throughput.systems import SYSTEMS, version
from benchmarks.throughput.text import DEFAULT_SEED, KB, KINDS, MB

__all__ = ["SECTIONS", "main", "parse_args", "resolve", "run"]

SECTIONS = ("throughput", "scaling", "startup", "parse_many")
"""The parts of a run, in the order they are measured and printed."""

SCHEMA = "numclaims-throughput/1"
"""The ``schema`` field of the JSON document."""

FULL = {
    "size_kb": 1000.0,
    "peer_kb": 30.0,
    "repeats": 5,
    "peer_repeats": 3,
    "max_mb": 10.0,
    "startup_runs": 7,
    "scaling_rounds": 3,
    "ratio_rounds": 3,
}
"""Defaults of a full run."""

QUICK = {
    "size_kb": 20.0,
    "peer_kb": 5.0,
    "repeats": 2,
    "peer_repeats": 1,
    "max_mb": 0.05,
    "startup_runs": 2,
    "scaling_rounds": 1,
    "ratio_rounds": 1,
}
"""Defaults under ``--quick``: tiny sizes, a few seconds in all (for tests and smoke runs)."""


def _names(choices: Sequence[str]) -> Callable[[str], tuple[str, ...]]:
    """An argparse type for a comma-separated subset of ``choices``."""

    def parse(value: str) -> tuple[str, ...]:
        names = tuple(name.strip() for name in value.split(",") if name.strip())
        unknown = [name for name in names if name not in choices]
        if unknown or not names:
            raise argparse.ArgumentTypeError(
                f"expected a comma-separated list of {', '.join(choices)}; got {value!r}"
            )
        return names

    return parse


def _positive(kind: type[int] | type[float]) -> Callable[[str], Any]:
    """An argparse type for a positive int or float."""

    def parse(value: str) -> int | float:
        number = kind(value)
        if number <= 0:
            raise argparse.ArgumentTypeError(f"must be positive, not {value}")
        return number

    return parse


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command-line options (size and repeat defaults are filled in by :func:`resolve`)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Throughput of numclaims against quantulum3, scaling, start-up and "
        "parse_many; every measurement in a fresh process.",
    )
    full, quick = FULL, QUICK
    parser.add_argument(
        "--systems",
        type=_names(tuple(SYSTEMS)),
        default=tuple(SYSTEMS),
        help=f"comma-separated systems (default: {','.join(SYSTEMS)})",
    )
    parser.add_argument(
        "--kinds",
        type=_names(tuple(KINDS)),
        default=tuple(KINDS),
        help=f"comma-separated text kinds (default: {','.join(KINDS)})",
    )
    parser.add_argument(
        "--only",
        type=_names(SECTIONS),
        default=SECTIONS,
        help=f"comma-separated sections to run (default: {','.join(SECTIONS)})",
    )
    parser.add_argument(
        "--size-kb",
        type=_positive(float),
        metavar="KB",
        help=f"numclaims' text per kind (default {full['size_kb']:g}, quick {quick['size_kb']:g})",
    )
    parser.add_argument(
        "--peer-kb",
        type=_positive(float),
        metavar="KB",
        help="the smaller sample every system parses, for the ratio "
        f"(default {full['peer_kb']:g}, quick {quick['peer_kb']:g})",
    )
    parser.add_argument(
        "--repeats",
        type=_positive(int),
        metavar="N",
        help=f"numclaims passes per measurement; the median is reported "
        f"(default {full['repeats']}, quick {quick['repeats']})",
    )
    parser.add_argument(
        "--peer-repeats",
        type=_positive(int),
        metavar="N",
        help=f"passes of each peer over its sample (default "
        f"{full['peer_repeats']}, quick {quick['peer_repeats']})",
    )
    parser.add_argument(
        "--max-mb",
        type=_positive(float),
        metavar="MB",
        help="largest scaling size, also the parse_many text "
        f"(default {full['max_mb']:g}, quick {quick['max_mb']:g})",
    )
    parser.add_argument(
        "--ratio-rounds",
        type=_positive(int),
        metavar="N",
        help="rounds in which the systems take turns on each peer sample, so that a slow "
        "spell of the machine touches each of them "
        f"(default {full['ratio_rounds']}, quick {quick['ratio_rounds']})",
    )
    parser.add_argument(
        "--scaling-rounds",
        type=_positive(int),
        metavar="N",
        help="rounds over all scaling sizes, interleaved so that a slow spell of the machine "
        f"touches every size (default {full['scaling_rounds']}, quick {quick['scaling_rounds']})",
    )
    parser.add_argument(
        "--startup-runs",
        type=_positive(int),
        metavar="N",
        help=f"fresh processes for the import and first-call medians "
        f"(default {full['startup_runs']}, quick {quick['startup_runs']})",
    )
    parser.add_argument(
        "--jobs",
        type=_positive(int),
        default=2,
        metavar="N",
        help="workers of the parse_many run compared with 1 job (default 2)",
    )
    parser.add_argument(
        "--chunksize",
        type=_positive(int),
        default=64,
        metavar="N",
        help="parse_many chunksize (default 64 paragraphs)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"seed of the text shuffles (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny sizes and few repeats: a smoke run of a few seconds",
    )
    parser.add_argument(
        "--json", metavar="PATH", type=Path, help="also write every number to PATH as JSON"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    return parser.parse_args(argv)


def resolve(args: argparse.Namespace) -> Settings:
    """The settings of a run: explicit options, else the quick or full defaults."""
    defaults = QUICK if args.quick else FULL

    def pick(name: str) -> Any:
        value = getattr(args, name)
        return defaults[name] if value is None else value

    return Settings(
        systems=tuple(args.systems),
        kinds=tuple(args.kinds),
        size=round(pick("size_kb") * KB),
        peer_size=round(min(pick("peer_kb"), pick("size_kb")) * KB),
        repeats=int(pick("repeats")),
        peer_repeats=int(pick("peer_repeats")),
        max_size=round(pick("max_mb") * MB),
        startup_runs=int(pick("startup_runs")),
        scaling_rounds=int(pick("scaling_rounds")),
        ratio_rounds=int(pick("ratio_rounds")),
        jobs=int(args.jobs),
        chunksize=int(args.chunksize),
        seed=int(args.seed),
    )


def _meta(settings: Settings, quick: bool) -> dict[str, Any]:
    """Where and when the run happened."""
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_count": os.cpu_count(),
        "load_average_at_start": _load_average(),
        "versions": {name: version(name) for name in SYSTEMS},
        "units": "1 KB = 1000 bytes and 1 MB = 10^6 bytes of UTF-8 text; memory in MiB",
        "quick": quick,
        "settings": {
            "systems": list(settings.systems),
            "kinds": list(settings.kinds),
            "size_bytes": settings.size,
            "peer_bytes": settings.peer_size,
            "repeats": settings.repeats,
            "peer_repeats": settings.peer_repeats,
            "max_bytes": settings.max_size,
            "startup_runs": settings.startup_runs,
            "scaling_rounds": settings.scaling_rounds,
            "ratio_rounds": settings.ratio_rounds,
            "jobs": settings.jobs,
            "chunksize": settings.chunksize,
            "seed": settings.seed,
        },
    }


def _load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages (None where the OS does not say)."""
    try:
        return [round(load, 2) for load in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def run(
    settings: Settings, sections: Sequence[str], progress: Callable[[str], None]
) -> dict[str, Any]:
    """Measure the chosen sections; the JSON document (targets included)."""
    started = time.perf_counter()
    document: dict[str, Any] = {"schema": SCHEMA, "meta": _meta(settings, False)}
    document["throughput"] = (
        measure_throughput(settings, progress) if "throughput" in sections else None
    )
    document["scaling"] = measure_scaling(settings, progress) if "scaling" in sections else None
    document["startup"] = (
        {
            "import": measure_import(settings, progress),
            "first_call": measure_first_call(settings, progress),
        }
        if "startup" in sections
        else None
    )
    document["parse_many"] = (
        measure_parse_many(settings, progress) if "parse_many" in sections else None
    )
    document["targets"] = targets(document)
    document["meta"]["wall_seconds"] = round(time.perf_counter() - started, 1)
    document["meta"]["load_average_at_end"] = _load_average()
    return document


def render(document: dict[str, Any]) -> str:
    """The report of a run, as text with Markdown tables."""
    meta = document["meta"]
    settings = meta["settings"]
    out = [
        "# numclaims throughput",
        "",
        f"{meta['date']} · Python {meta['python']} · {meta['platform']} · "
        f"{meta['cpu_count']} CPUs · numclaims {meta['versions'].get('numclaims')} · "
        f"quantulum3 {meta['versions'].get('quantulum3') or 'not installed'}",
        f"Units: {meta['units']}.  Every measurement ran in a fresh process; times are medians.",
    ]
    load = meta.get("load_average_at_start")
    if load is not None:
        end = meta.get("load_average_at_end") or [float("nan")]
        note = f"Load average (1 min): {load[0]:.2f} at start, {end[0]:.2f} at end."
        if max(load[0], end[0]) >= 0.5:
            note += (
                " Other processes were using the CPUs: absolute rates are pessimistic, and the "
                "ratios, measured side by side in this run, are the more robust numbers."
            )
        out.append(note)
    throughput = document.get("throughput")
    if throughput is not None:
        out += [
            "",
            "## Benchmark texts (seed {})".format(settings["seed"]),
            "",
            text_table(throughput),
        ]
        out += [
            "",
            "## numclaims throughput, single process",
            "",
            f"Each paragraph parsed with parse_quantities; median of "
            f"{settings['repeats']} passes after a warm-up.",
            "",
            throughput_table(throughput),
        ]
        out += ["", "## Side by side on the same sample", ""]
        for name, info in throughput["systems"].items():
            if not info["available"]:
                out.append(f"{name} is unavailable: {info['unavailable']}.")
        peers = [n for n, i in throughput["systems"].items() if n != "numclaims" and i["available"]]
        if peers:
            out.append(
                f"{', '.join(peers)} {'is' if len(peers) == 1 else 'are'} slow, so every system "
                f"here parses the first {settings['peer_bytes'] / KB:g} KB of each text (the "
                f"same text; per-KB numbers). The systems take turns, each in a fresh process, "
                f"over {settings.get('ratio_rounds', 1)} round(s), so that a slow spell of the "
                f"machine touches each of them: peers {settings['peer_repeats']} time(s) and "
                f"numclaims {settings['repeats']} times per round, medians over the passes of all "
                "rounds. The ratio is numclaims' KB/s over the peer's, both measured in this run."
            )
        for kind, entry in throughput["kinds"].items():
            for name, failure in entry.get("failures", {}).items():
                out.append(f"{name} failed on {kind}: {failure}")
        out += ["", peer_table(throughput)]
    scaling = document.get("scaling")
    if scaling is not None:
        out += [
            "",
            "## Scaling: numclaims streaming ordinary news",
            "",
            f"One fresh process per size in each of {settings.get('scaling_rounds', 1)} "
            "round(s) over all sizes (interleaved, so that a slow spell of the machine "
            "touches every size); times are medians over the passes of all rounds. "
            "iter_quantities runs over each paragraph as it is built, so the text is never "
            "held whole. Peak RSS is the process's ru_maxrss (interpreter, numclaims and its "
            "patterns included; the largest of the rounds); 'RSS before' is after import "
            "and warm-up.",
            "",
            scaling_table(scaling),
        ]
    startup = document.get("startup")
    if startup is not None:
        out += [
            "",
            "## Start-up",
            "",
            f"Import: `python -c 'import numclaims'` timed around the import statement. "
            f"First call: parse_quantities({startup['first_call']['sentence_found']!r} "
            "sentence) in a fresh process just after import: the patterns are built "
            "here (SI values of plain units come from numclaims' table; the pint "
            "registry is built by the first rate, timed as the third call).",
            "",
            startup_table(startup),
        ]
    parse_many = document.get("parse_many")
    if parse_many is not None:
        same = "identical" if parse_many["same_results"] else "DIFFERENT"
        out += [
            "",
            "## parse_many",
            "",
            f"The paragraphs of the largest news text; chunksize {parse_many['chunksize']}, "
            f"{parse_many['cpu_count']} CPUs, pool start-up included; results {same} across "
            "job counts. The last column is machine-wide busy time (/proc/stat) minus this "
            "measurement's own, per second of it: the CPUs other work took from the workers.",
            "",
            parse_many_table(parse_many),
        ]
    out += [
        "",
        "## Targets (reported, not enforced)",
        "",
        targets_table(document["targets"]),
        "",
        f"Total wall time {meta['wall_seconds']} s.",
    ]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its report; 0 on success."""
    args = parse_args(argv)
    settings = resolve(args)

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"… {message}", file=sys.stderr, flush=True)

    document = run(settings, args.only, progress)
    document["meta"]["quick"] = bool(args.quick)
    print(render(document))
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        print(f"\nJSON written to {args.json}")
    return 0
