"""``python -m benchmarks.throughput.hotspots``: where numclaims spends its time.

Runs :mod:`cProfile` over ``parse_quantities`` on each paragraph of a
benchmark text (default: 1 MB of ordinary news), after a warm-up so set-up
is not counted, and prints two Markdown tables: the functions with the most
own time (``tottime``) and the own time summed by module.  Shares are of the
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

__all__ = ["by_function", "by_module", "main", "profile"]


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
