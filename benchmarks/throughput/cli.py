"""``python -m benchmarks`` (``make bench``): numclaims' throughput, and its ratio to quantulum3.

Run from the repository root.  Four sections, each measured in fresh child
processes (:mod:`benchmarks.throughput.measure`): throughput of every system
on the same deterministic texts (dense, ordinary news, sparse prose), with
numclaims' ratio to each peer measured side by side in this run; scaling of
numclaims streaming 10 KB to 10 MB; start-up (import and first calls); and
``parse_many`` with one job and several.  Sizes and repeats come from one of
two presets (:data:`FULL`, or :data:`QUICK` for a smoke run of seconds); the
report is Markdown (:func:`benchmarks.throughput.report.render`) with the
targets beside the numbers, and ``--json PATH`` also writes every raw timing.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import io
import json
import os
import platform
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.throughput.measure import (
    measure_first_call,
    measure_import,
    measure_parse_many,
    measure_scaling,
    measure_throughput,
)
from benchmarks.throughput.report import render
from benchmarks.throughput.runner import ROOT, Progress, Settings
from benchmarks.throughput.systems import BASELINE, SYSTEMS, version
from benchmarks.throughput.targets import targets
from benchmarks.throughput.text import KB, KINDS, MB

__all__ = ["FULL", "QUICK", "SECTIONS", "main", "parse_args", "resolve", "run"]

SECTIONS = ("throughput", "scaling", "startup", "parse_many")
"""The parts of a run, in the order they are measured and printed."""

SCHEMA = "numclaims-throughput/2"
"""The ``schema`` field of the JSON document (2: one ``rounds`` setting for turns and scaling)."""

FULL = Settings(
    systems=tuple(SYSTEMS),
    kinds=tuple(KINDS),
    size=MB,
    peer_size=30 * KB,
    repeats=5,
    peer_repeats=3,
    max_size=10 * MB,
    startup_runs=7,
    rounds=3,
    jobs=2,
)
"""What ``make bench`` measures (a few minutes)."""

QUICK = dataclasses.replace(
    FULL,
    size=20 * KB,
    peer_size=5 * KB,
    repeats=2,
    peer_repeats=1,
    max_size=50 * KB,
    startup_runs=2,
    rounds=1,
)
"""What ``--quick`` measures: tiny sizes and few repeats, a smoke run of seconds."""


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
    """The command-line options (the preset fills in what they leave out: :func:`resolve`)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Throughput of numclaims against quantulum3, scaling, start-up and "
        "parse_many; every measurement in a fresh process.",
    )
    parser.add_argument(
        "--systems",
        type=_names(tuple(SYSTEMS)),
        help=f"comma-separated systems (default: {','.join(SYSTEMS)})",
    )
    parser.add_argument(
        "--kinds",
        type=_names(tuple(KINDS)),
        help=f"comma-separated text kinds (default: {','.join(KINDS)})",
    )
    parser.add_argument(
        "--only",
        type=_names(SECTIONS),
        default=SECTIONS,
        help=f"comma-separated sections to run (default: {','.join(SECTIONS)})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny sizes and few repeats: a smoke run of well under a minute",
    )
    parser.add_argument(
        "--rounds",
        type=_positive(int),
        metavar="N",
        help="rounds in which the systems take turns on each sample and the scaling sizes "
        f"are measured in turn (default {FULL.rounds}, quick {QUICK.rounds})",
    )
    parser.add_argument(
        "--max-mb",
        type=_positive(float),
        metavar="MB",
        help="largest scaling size, also the parse_many text "
        f"(default {FULL.max_size / MB:g}, quick {QUICK.max_size / MB:g})",
    )
    parser.add_argument(
        "--jobs",
        type=_positive(int),
        metavar="N",
        help=f"parse_many workers, compared with 1 job (default {FULL.jobs})",
    )
    parser.add_argument(
        "--baseline",
        metavar="REV",
        help="also time numclaims as of git revision REV (a commit, branch or tag) beside "
        "this checkout, taking turns on the same texts: the ratio says how much faster or "
        "slower the working tree is than REV, measured in this run",
    )
    parser.add_argument(
        "--json", metavar="PATH", type=Path, help="also write every number to PATH as JSON"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    return parser.parse_args(argv)


def resolve(args: argparse.Namespace) -> Settings:
    """The settings of a run: the quick or full preset, with the options given."""
    given = {
        "systems": args.systems,
        "kinds": args.kinds,
        "rounds": args.rounds,
        "max_size": None if args.max_mb is None else round(args.max_mb * MB),
        "jobs": args.jobs,
    }
    preset = QUICK if args.quick else FULL
    return dataclasses.replace(preset, **{k: v for k, v in given.items() if v is not None})


BASELINES = ROOT / "benchmarks" / "results" / "baselines"
"""Where ``--baseline`` unpacks the ``src`` of a revision (git-ignored, reused across runs)."""


def baseline(revision: str) -> tuple[str, Path]:
    """The system name and ``src`` directory of numclaims as of git ``revision``.

    The revision's ``src`` is unpacked from ``git archive`` once, under
    :data:`BASELINES`, and reused by later runs; :class:`SystemExit` with git's
    message when the revision is unknown.
    """
    found = subprocess.run(
        ["git", "rev-parse", "--short=10", "--verify", f"{revision}^{{commit}}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if found.returncode != 0:
        raise SystemExit(f"--baseline {revision}: {found.stderr.strip() or 'unknown revision'}")
    commit = found.stdout.strip()
    target = BASELINES / commit
    if not (target / "src" / "numclaims").is_dir():
        archive = subprocess.run(
            ["git", "archive", "--format=tar", commit, "src"],
            capture_output=True,
            cwd=ROOT,
            check=True,
        )
        partial = BASELINES / f"{commit}.partial"
        partial.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(partial, filter="data")
        partial.rename(target)
    return f"{BASELINE}{commit}", target / "src"


def _load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages (None where the OS does not say)."""
    try:
        return [round(load, 2) for load in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def _meta(settings: Settings, quick: bool) -> dict[str, Any]:
    """Where and when the run happened, and what it was set to measure."""
    chosen = dataclasses.asdict(settings)
    for name, in_bytes in (
        ("size", "size_bytes"),
        ("peer_size", "peer_bytes"),
        ("max_size", "max_bytes"),
    ):
        chosen[in_bytes] = chosen.pop(name)
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
        "settings": {**chosen, "systems": list(settings.systems), "kinds": list(settings.kinds)},
    }


def _measure_startup(settings: Settings, progress: Progress) -> dict[str, Any]:
    """``import numclaims`` and the first calls, in fresh processes."""
    return {
        "import": measure_import(settings, progress),
        "first_call": measure_first_call(settings, progress),
    }


def run(
    settings: Settings,
    sections: Sequence[str],
    progress: Progress,
    *,
    quick: bool = False,
) -> dict[str, Any]:
    """Measure the chosen sections; the JSON document (targets included)."""
    started = time.perf_counter()
    measures: dict[str, Callable[[Settings, Progress], Any]] = {
        "throughput": measure_throughput,
        "scaling": measure_scaling,
        "startup": _measure_startup,
        "parse_many": measure_parse_many,
    }
    document: dict[str, Any] = {"schema": SCHEMA, "meta": _meta(settings, quick)}
    for section in SECTIONS:
        document[section] = measures[section](settings, progress) if section in sections else None
    document["targets"] = targets(document)
    document["meta"]["wall_seconds"] = round(time.perf_counter() - started, 1)
    document["meta"]["load_average_at_end"] = _load_average()
    return document


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its report; 0 on success."""
    args = parse_args(argv)

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"… {message}", file=sys.stderr, flush=True)

    settings = resolve(args)
    if args.baseline is not None:
        name, src = baseline(args.baseline)
        settings = dataclasses.replace(
            settings, systems=(*settings.systems, name), baseline_src=str(src)
        )
    document = run(settings, args.only, progress, quick=args.quick)
    print(render(document))
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        print(f"\nJSON written to {args.json}")
    return 0
