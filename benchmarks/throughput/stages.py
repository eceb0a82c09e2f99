"""``python -m benchmarks.throughput.stages``: CPU cost of each stage, saving of each shortcut.

For one benchmark text (default: 1 MB of ordinary news), after a warm-up pass,
in CPU milliseconds per MB of text measured in this process: the pipeline is
run again and again with one more stage each time (triggers, scan, tails,
merge, bounds, filters, change, entity, the models), a stage's cost being the
growth over the run before it (best of ``--rounds`` passes each); then each
shortcut of the hot path (``numclaims._shortcuts.SHORTCUTS``) is turned off
in turn, in passes interleaved with passes with all on so that the machine's
drift hits both alike, and its saving is the difference of the best times.
No profiler adds overhead per call, so the numbers are the parser's own; the
machine's noise (a few ms per MB, about ±5 %) is the limit.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from benchmarks.throughput.report import markdown_table
from benchmarks.throughput.text import KB, KINDS, MB, build_text
from numclaims._shortcuts import SHORTCUTS

__all__ = ["main", "shortcut_savings", "stage_costs"]


def _drain(items: Iterable[object]) -> None:
    for _ in items:
        pass


def _stages(paragraphs: Sequence[str]) -> list[tuple[str, Callable[[], None]]]:
    """Each stage's label and a pass over the text that runs it and all before it."""
    from numclaims import Options, parse_quantities
    from numclaims._bounds import read_bound
    from numclaims._filters import non_quantity
    from numclaims._pipeline import _merged, _with_tails, iter_atoms
    from numclaims._scan import _triggers, scan

    bare, full = Options(entities=False), Options()

    def merged(text: str) -> Iterator[Any]:
        return _merged(_with_tails(scan(text), text, bare), text)

    def bounds(text: str) -> Iterator[Any]:
        floor = 0
        for atom in merged(text):
            read_bound(atom, text, floor)
            floor = atom.end
            yield atom

    def filters(text: str) -> Iterator[Any]:
        return (atom for atom in bounds(text) if non_quantity(atom, text) is None)

    readers: list[tuple[str, Callable[[str], Iterable[object]]]] = [
        ("triggers: where a number may start", _triggers),
        ("scan: the numbers", scan),
        ("tails: scale, currency, percent, unit", lambda t: _with_tails(scan(t), t, bare)),
        ("merge: ranges and composites", merged),
        ("bounds", bounds),
        ("filters: years, dates, names, idioms", filters),
        ("change", lambda t: iter_atoms(t, bare)),
        ("entity", lambda t: iter_atoms(t, full)),
        ("models: parse_quantities", parse_quantities),
    ]

    def run(reader: Callable[[str], Iterable[object]]) -> Callable[[], None]:
        def go() -> None:
            for paragraph in paragraphs:
                _drain(reader(paragraph))

        return go

    return [(label, run(reader)) for label, reader in readers]


def _cpu(run: Callable[[], None]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def stage_costs(paragraphs: Sequence[str], rounds: int = 4) -> list[tuple[str, float, float]]:
    """(stage, CPU seconds up to and including it, its own share) for one pass."""
    rows = []
    previous = 0.0
    for label, run in _stages(paragraphs):
        best = min(_cpu(run) for _ in range(rounds))
        rows.append((label, best, best - previous))
        previous = best
    return rows


def shortcut_savings(paragraphs: Sequence[str], rounds: int = 4) -> list[tuple[str, float, float]]:
    """(shortcut, best CPU seconds with all on, best with it off), interleaved passes."""
    from numclaims import parse_quantities

    def parse_all() -> None:
        for paragraph in paragraphs:
            parse_quantities(paragraph)

    rows = []
    for shortcut in SHORTCUTS:
        on, off = [], []
        for _ in range(rounds):
            on.append(_cpu(parse_all))
            with shortcut.off():
                off.append(_cpu(parse_all))
        rows.append((shortcut.name, min(on), min(off)))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print both tables."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.throughput.stages",
        description="CPU time per MB of each pipeline stage and of each hot-path shortcut.",
    )
    parser.add_argument("--kind", choices=list(KINDS), default="news", help="default: news")
    parser.add_argument("--kb", type=float, default=1000.0, help="text size in KB (default 1000)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=4,
        help="passes per stage, and on/off pairs per shortcut; the best counts (default 4)",
    )
    args = parser.parse_args(argv)
    bench = build_text(args.kind, round(args.kb * KB))
    from numclaims import parse_quantities

    for paragraph in bench.paragraphs:  # warm-up: patterns, pint conversions, caches
        parse_quantities(paragraph)
    per_mb = MB / max(bench.size, 1) * 1000  # seconds of this text -> ms per MB
    print(f"# numclaims stage costs: {args.kb:g} KB of {args.kind} (CPU ms per MB)\n")
    rows = stage_costs(bench.paragraphs, args.rounds)
    print(
        markdown_table(
            ["stage (each adds to the ones above)", "ms/MB so far", "ms/MB of its own"],
            [[label, f"{total * per_mb:.0f}", f"{own * per_mb:.0f}"] for label, total, own in rows],
        )
    )
    print()
    savings = shortcut_savings(bench.paragraphs, args.rounds)
    print(
        markdown_table(
            ["shortcut", "all on ms/MB", "this one off ms/MB", "saves ms/MB"],
            [
                [label, f"{on * per_mb:.0f}", f"{off * per_mb:.0f}", f"{(off - on) * per_mb:.0f}"]
                for label, on, off in savings
            ],
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
