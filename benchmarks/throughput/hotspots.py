"""``python -m benchmarks.throughput.hotspots``: where numclaims spends its time.

Runs :mod:`cProfile` over ``parse_quantities`` on each paragraph of a
benchmark text (default: 1 MB of ordinary news), after a warm-up so set-up
is not counted, and prints four Markdown tables: the functions with the most
own time (``tottime``), the cumulative time of each pipeline stage, the
numclaims functions whose regex calls cost most, and the own time summed by
module.  Shares are of the
profiled total; cProfile's overhead inflates many small calls, so read the
shares as a ranking, not as exact costs.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.throughput.report import markdown_table
from benchmarks.throughput.text import DEFAULT_SEED, KB, KINDS, build_text

__all__ = ["STAGES", "by_function", "by_module", "by_stage", "main", "profile", "regex_callers"]


def _where(filename: str, line: int, name: str) -> tuple[str, str]:
    """A readable function label and its module label."""
    path = Path(filename)
    parts = path.parts
    if "numclaims" in parts:
        module = "numclaims/" + "/".join(parts[parts.index("numclaims") + 1 :])
    elif "site-packages" in parts:
        module = "/".join(parts[parts.index("site-packages") + 1 :][:2])
    elif filename.startswith(("~", "<")):
        module = "(builtins)"
    else:
        module = path.name
    label = f"{name} ({module}:{line})" if module != "(builtins)" else name
    return label, module


def profile(kind: str, size: int, seed: int = DEFAULT_SEED) -> pstats.Stats:
    """Profile numclaims parsing the paragraphs of the ``kind`` text of ``size`` bytes."""
    from numclaims import parse_quantities

    bench = build_text(kind, size, seed=seed)
    parse_quantities(bench.paragraphs[0])  # warm-up: patterns and registry built
    profiler = cProfile.Profile()
    profiler.enable()
    for paragraph in bench.paragraphs:
        parse_quantities(paragraph)
    profiler.disable()
    return pstats.Stats(profiler)


def _rows(stats: pstats.Stats) -> list[tuple[str, str, int, float, float]]:
    """(label, module, calls, own seconds, cumulative seconds) of every profiled function."""
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), (_, calls, tottime, cumtime, _) in raw.items():
        label, module = _where(filename, line, name)
        rows.append((label, module, int(calls), float(tottime), float(cumtime)))
    return rows


def by_function(stats: pstats.Stats, top: int) -> list[dict[str, Any]]:
    """The ``top`` functions by own time, with their share of the total."""
    rows = _rows(stats)
    total = sum(row[3] for row in rows) or 1.0
    ranked = sorted(rows, key=lambda row: row[3], reverse=True)[:top]
    return [
        {
            "function": label,
            "calls": calls,
            "own_seconds": own,
            "own_share": own / total,
            "cumulative_seconds": cumulative,
            "cumulative_share": cumulative / total,
        }
        for label, _, calls, own, cumulative in ranked
    ]


def by_module(stats: pstats.Stats, top: int) -> list[dict[str, Any]]:
    """Own time summed by module (numclaims files, third-party packages, builtins)."""
    totals: dict[str, float] = {}
    for _, module, _, own, _ in _rows(stats):
        totals[module] = totals.get(module, 0.0) + own
    grand = sum(totals.values()) or 1.0
    ranked = sorted(totals.items(), key=lambda item: item[1], reverse=True)[:top]
    return [{"module": m, "own_seconds": s, "own_share": s / grand} for m, s in ranked]


STAGES: tuple[tuple[str, str, str], ...] = (
    ("1 scan: find the numbers", "_scan.py", "scan"),
    ("3 tails: scale, unit, currency", "_units.py", "read_tail"),
    ("3 tails: ages", "_ages.py", "read_age"),
    ("4 merge: composites", "_bounds.py", "merge_composite"),
    ("4 merge: ranges", "_bounds.py", "merge_range"),
    ("5 bounds", "_bounds.py", "read_bound"),
    ("6 filters", "_filters.py", "non_quantity"),
    ("7 claims: change", "_bounds.py", "read_change"),
    ("7 claims: entity", "_entities.py", "read_entity"),
    ("8 results: Quantity models", "_pipeline.py", "to_quantity"),
)
"""(label, file, function) of each pipeline stage's entry point, as in docs/architecture.md."""


def by_stage(stats: pstats.Stats) -> list[dict[str, Any]]:
    """The cumulative time of each pipeline stage's entry point (stages not found are left out).

    ``scan`` is a generator: its time is what it spends each time it is resumed,
    which is the scanning work itself.
    """
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    grand: float = stats.total_tt or 1.0  # type: ignore[attr-defined]
    found = []
    for label, filename, function in STAGES:
        for (path, _, name), (_, calls, _, cumulative, _) in raw.items():
            if name == function and path.endswith(f"numclaims/{filename}"):
                found.append(
                    {
                        "stage": label,
                        "function": function,
                        "calls": int(calls),
                        "cumulative_seconds": float(cumulative),
                        "cumulative_share": float(cumulative) / grand,
                    }
                )
                break
    return found


_REGEX_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub")
"""The pattern methods whose callers :func:`regex_callers` reports."""


def regex_callers(stats: pstats.Stats, top: int) -> list[dict[str, Any]]:
    """The functions that spend the most time inside regex pattern methods.

    cProfile books a pattern's matching time to the C method (``match`` of
    ``_regex.Pattern``), not to the numclaims function that called it; this
    gives that time back to the callers.
    """
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    grand: float = stats.total_tt or 1.0  # type: ignore[attr-defined]
    totals: dict[str, list[float]] = {}
    for (filename, _, name), (_, _, _, _, callers) in raw.items():
        if not filename.startswith("~") or "Pattern" not in name:
            continue
        if not any(f"'{method}'" in name for method in _REGEX_METHODS):
            continue
        for (caller_file, caller_line, caller_name), timing in callers.items():
            label, _ = _where(caller_file, caller_line, caller_name)
            entry = totals.setdefault(label, [0.0, 0.0])
            entry[0] += timing[1]  # calls
            entry[1] += timing[2]  # time inside the pattern method
    ranked = sorted(totals.items(), key=lambda item: item[1][1], reverse=True)[:top]
    return [
        {"caller": label, "calls": int(calls), "seconds": seconds, "share": seconds / grand}
        for label, (calls, seconds) in ranked
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Profile and print the hot spots."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.throughput.hotspots",
        description="cProfile numclaims over a benchmark text and list its hot spots.",
    )
    parser.add_argument("--kind", choices=list(KINDS), default="news")
    parser.add_argument("--kb", type=float, default=1000.0, help="text size in KB (default 1000)")
    parser.add_argument("--top", type=int, default=20, help="functions to list (default 20)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    stats = profile(args.kind, round(args.kb * KB), args.seed)
    total: float = stats.total_tt  # type: ignore[attr-defined]
    print(f"# numclaims hot spots: {args.kb:g} KB of {args.kind}, {total:.2f} s under cProfile\n")
    functions = by_function(stats, args.top)
    print(
        markdown_table(
            ["function", "calls", "own s", "own %", "cumulative %"],
            [
                [
                    f["function"],
                    f"{f['calls']:,}",
                    f"{f['own_seconds']:.2f}",
                    f"{100 * f['own_share']:.1f}",
                    f"{100 * f['cumulative_share']:.1f}",
                ]
                for f in functions
            ],
        )
    )
    print()
    stages = by_stage(stats)
    print(
        markdown_table(
            ["pipeline stage", "entry point", "calls", "cumulative s", "% of total"],
            [
                [
                    st["stage"],
                    st["function"],
                    f"{st['calls']:,}",
                    f"{st['cumulative_seconds']:.2f}",
                    f"{100 * st['cumulative_share']:.1f}",
                ]
                for st in stages
            ],
        )
    )
    print()
    callers = regex_callers(stats, 12)
    print(
        markdown_table(
            ["regex matching called from", "calls", "s in regex", "% of total"],
            [
                [c["caller"], f"{c['calls']:,}", f"{c['seconds']:.2f}", f"{100 * c['share']:.1f}"]
                for c in callers
            ],
        )
    )
    print()
    modules = by_module(stats, 12)
    print(
        markdown_table(
            ["module", "own s", "own %"],
            [
                [m["module"], f"{m['own_seconds']:.2f}", f"{100 * m['own_share']:.1f}"]
                for m in modules
            ],
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
