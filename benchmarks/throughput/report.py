"""Tables and targets for a throughput run (plain strings and plain data, standard library only).

Tables are Markdown, so a run's output can be pasted into docs/performance.md
as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from benchmarks.throughput.text import KB, KINDS, MB, human_size

__all__ = [
    "markdown_table",
    "parse_many_table",
    "peer_table",
    "scaling_table",
    "startup_table",
    "targets",
    "targets_table",
    "text_table",
    "throughput_table",
]

MiB = 1024 * 1024
"""Memory is reported in MiB (RSS is a binary quantity; text sizes stay decimal)."""


_NUMERIC = re.compile(r"–|[-+]?\d[\d,]*(?:\.\d+)?(?: ?[^\d\s,]+)*")
"""A number with an optional unit (``1,234.5``, ``18.9×``, ``10 MB``, ``7.2 % off``) or a dash."""


def _numeric(cell: str) -> bool:
    """True for a cell that holds a number (or the dash of a missing one)."""
    return _NUMERIC.fullmatch(cell) is not None


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table, columns padded; numeric columns right-aligned, the rest left.

    The first column holds labels and is always left-aligned.
    """
    columns = list(zip(headers, *rows, strict=False))
    widths = [max(len(str(cell)) for cell in column) for column in columns]
    right = [
        index > 0 and bool(rows) and all(_numeric(str(cell)) for cell in column[1:])
        for index, column in enumerate(columns)
    ]

    def line(cells: Sequence[str]) -> str:
        padded = [
            str(cell).rjust(width) if flush else str(cell).ljust(width)
            for cell, width, flush in zip(cells, widths, right, strict=True)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = "|".join(
        "-" * (width + 1) + ":" if flush else "-" * (width + 2)
        for width, flush in zip(widths, right, strict=True)
    )
    return "\n".join([line(headers), f"|{rule}|", *(line(row) for row in rows)])


def _num(value: float | None, digits: int = 1) -> str:
    """A number with thousands separators, or an en dash for a missing one."""
    return "–" if value is None else f"{value:,.{digits}f}"


def _mib(size: int | None) -> str:
    """A byte count in MiB."""
    return "–" if size is None else f"{size / MiB:.1f}"


def text_table(throughput: Mapping[str, Any]) -> str:
    """The benchmark texts: size, sentences, gold claims and density of each kind."""
    rows = []
    for kind, entry in throughput["kinds"].items():
        text = entry["text"]
        rows.append(
            [
                kind,
                f"{text['bytes']:,}",
                f"{text['paragraphs']:,}",
                f"{text['sentences']:,}",
                f"{text['gold_claims']:,}",
                _num(text["chars_per_claim"]),
                KINDS[kind],
            ]
        )
    return markdown_table(
        ["kind", "bytes", "paragraphs", "sentences", "gold claims", "chars/claim", "made of"],
        rows,
    )


def throughput_table(throughput: Mapping[str, Any]) -> str:
    """numclaims on the full sample of each kind."""
    rows = []
    for kind, entry in throughput["kinds"].items():
        ours = entry["systems"].get("numclaims")
        if ours is None:
            continue
        full = ours["full_sample"]
        rows.append(
            [
                kind,
                human_size(full["requested_bytes"]),
                _num(full["kb_per_s"]),
                _num(full["mb_per_s"], 3),
                _num(full["sentences_per_s"], 0),
                _num(full["median_seconds"], 3),
                _num(full.get("cpu_kb_per_s")),
                str(full["repeats"]),
                f"{full['found']:,}",
            ]
        )
    return markdown_table(
        ["kind", "text", "KB/s", "MB/s", "sentences/s", "median s", "CPU KB/s", "repeats", "found"],
        rows,
    )


def peer_table(throughput: Mapping[str, Any]) -> str:
    """Every system on the same peer sample of each kind, per KB, and numclaims' ratio."""
    systems = [name for name, info in throughput["systems"].items() if info["available"]]
    peers = [name for name in throughput["systems"] if name != "numclaims"]
    headers = ["kind", "sample"]
    for name in systems:
        headers += [f"{name} KB/s", f"{name} ms/KB", f"{name} sent./s"]
    for peer in peers:
        headers += [f"ratio vs {peer}", "ratio (CPU)"]
    rows = []
    for kind, entry in throughput["kinds"].items():
        row = [kind, human_size(entry["peer_text"]["requested_bytes"])]
        for name in systems:
            measured = entry["systems"].get(name)
            if measured is None:  # the system failed on this kind
                row += ["–", "–", "–"]
                continue
            sample = measured["peer_sample"]
            row += [
                _num(sample["kb_per_s"]),
                _num(sample["ms_per_kb"], 3),
                _num(sample["sentences_per_s"], 0),
            ]
        for peer in peers:
            for ratios in (entry["ratios"], entry.get("cpu_ratios", {})):
                ratio = ratios.get(peer)
                row.append("–" if ratio is None else f"{ratio:,.1f}×")
        rows.append(row)
    return markdown_table(headers, rows)


def scaling_table(scaling: Mapping[str, Any]) -> str:
    """numclaims streaming texts of growing size: time, rate, time per MB, peak memory."""
    rows = [
        [
            human_size(row["requested_bytes"]),
            _num(row["median_seconds"], 3),
            _num(row["mb_per_s"], 3),
            _num(row["seconds_per_mb"], 2),
            f"{row['relative_time_per_mb']:.2f}",
            _num(row.get("cpu_seconds_per_mb"), 2),
            f"{row.get('relative_cpu_time_per_mb', float('nan')):.2f}",
            _mib(row["peak_rss_bytes"]),
            _mib(row["baseline_rss_bytes"]),
            str(row["repeats"]),
        ]
        for row in scaling["rows"]
    ]
    reference = human_size(scaling["reference_bytes"])
    return markdown_table(
        [
            "text",
            "time s",
            "MB/s",
            "s per MB",
            f"per MB vs {reference}",
            "CPU s per MB",
            f"CPU per MB vs {reference}",
            "peak RSS MiB",
            "RSS before MiB",
            "repeats",
        ],
        rows,
    )


def startup_table(startup: Mapping[str, Any]) -> str:
    """Import time, its split by package, and the first and second call."""
    rows = []
    imported = startup.get("import")
    if imported is not None:
        rows.append(
            [
                "import numclaims (fresh interpreter)",
                _num(1000 * imported["median_seconds"]),
                str(imported["runs"]),
            ]
        )
        for package, seconds in imported["by_package_seconds"].items():
            rows.append(
                [
                    f"  of which {package} (self time, one -X importtime run)",
                    _num(1000 * seconds),
                    "1",
                ]
            )
    first = startup.get("first_call")
    if first is not None:
        rows.append(
            [
                "first parse_quantities call (after import)",
                _num(1000 * first["median_first_call_seconds"]),
                str(first["runs"]),
            ]
        )
        rows.append(
            [
                "second call (the patterns built)",
                _num(1000 * first["median_second_call_seconds"], 2),
                str(first["runs"]),
            ]
        )
        if "median_rate_call_seconds" in first:
            rows.append(
                [
                    "third call, the first with a rate (pint registry built)",
                    _num(1000 * first["median_rate_call_seconds"], 2),
                    str(first["runs"]),
                ]
            )
    return markdown_table(["start-up", "median ms", "runs"], rows)


def parse_many_table(parse_many: Mapping[str, Any]) -> str:
    """parse_many with one job and with several: time, rate, speed-up."""
    one = parse_many["runs"]["1"]
    rows = [
        [
            str(run["jobs"]),
            human_size(run["requested_bytes"]),
            _num(run["median_seconds"], 2),
            _num(run["mb_per_s"], 3),
            f"{one['median_seconds'] / run['median_seconds']:.2f}×",
            _num(run.get("caller_cpu_seconds"), 2),
            _num(run.get("worker_cpu_seconds"), 2),
            _num(run.get("others_cpus"), 2),
        ]
        for run in parse_many["runs"].values()
    ]
    return markdown_table(
        [
            "jobs",
            "text",
            "time s",
            "MB/s",
            "speed-up",
            "caller CPU s",
            "workers CPU s",
            "CPUs busy with other work",
        ],
        rows,
    )


def _dig(document: Mapping[str, Any], *path: str) -> Any:
    """``document[path[0]][path[1]]...``, or None when any step is missing."""
    node: Any = document
    for key in path:
        if not isinstance(node, Mapping) or node.get(key) is None:
            return None
        node = node[key]
    return node


def _target(
    name: str, goal: str, value: float | None, unit: str, met: bool | None, note: str = ""
) -> dict[str, Any]:
    return {"target": name, "goal": goal, "measured": value, "unit": unit, "met": met, "note": note}


def targets(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The performance targets, each with its measured value and whether it is met.

    Verdicts use wall-clock time, as the targets do; the notes give the
    CPU-time figure where there is one.  ``met`` is None when the run did not
    measure the target (a section skipped, a peer unavailable, or the largest
    size below 10 MB).
    """
    news = ("throughput", "kinds", "news")
    found: list[dict[str, Any]] = []

    ratio = _dig(document, *news, "ratios", "quantulum3")
    cpu_ratio = _dig(document, *news, "cpu_ratios", "quantulum3")
    found.append(
        _target(
            "numclaims ÷ quantulum3, ordinary news",
            "≥ 100×",
            ratio,
            "×",
            None if ratio is None else ratio >= 100,
            "" if cpu_ratio is None else f"CPU time: {cpu_ratio:,.1f}×",
        )
    )

    full = _dig(document, *news, "systems", "numclaims", "full_sample") or {}
    rate, cpu_rate = full.get("mb_per_s"), full.get("cpu_mb_per_s")
    found.append(
        _target(
            "single process, ordinary news",
            "≥ 2 MB/s",
            rate,
            "MB/s",
            None if rate is None else rate >= 2,
            "" if cpu_rate is None else f"CPU time: {cpu_rate:.3f} MB/s",
        )
    )

    imported = _dig(document, "startup", "import", "median_seconds")
    ms = None if imported is None else 1000 * imported
    found.append(
        _target("import numclaims", "≤ 150 ms", ms, "ms", None if ms is None else ms <= 150)
    )
    first = _dig(document, "startup", "first_call", "median_first_call_seconds")
    ms = None if first is None else 1000 * first
    found.append(
        _target(
            "first parse_quantities call", "≤ 300 ms", ms, "ms", None if ms is None else ms <= 300
        )
    )

    rows = _dig(document, "scaling", "rows") or []
    largest = rows[-1] if rows else None
    big_enough = largest is not None and largest["requested_bytes"] >= 10 * MB
    peak = None if largest is None else largest["peak_rss_bytes"]
    found.append(
        _target(
            "peak RSS streaming 10 MB",
            "≤ 100 MiB",
            None if peak is None else peak / MiB,
            "MiB",
            None if peak is None or not big_enough else peak <= 100 * MiB,
            "" if largest is None else f"largest size {human_size(largest['requested_bytes'])}",
        )
    )
    compared = [r for r in rows if r["requested_bytes"] >= 100 * KB]
    worst = max((abs(r["relative_time_per_mb"] - 1) for r in compared), default=None)
    worst_cpu = max(
        (abs(r.get("relative_cpu_time_per_mb", 1.0) - 1) for r in compared), default=None
    )
    found.append(
        _target(
            "time per MB, 100 KB to 10 MB",
            "within 20 %",
            None if worst is None else 100 * worst,
            "% off",
            None if worst is None or not big_enough else worst <= 0.2,
            "" if worst_cpu is None else f"CPU time: {100 * worst_cpu:.1f} % off",
        )
    )

    speedup = _dig(document, "parse_many", "speedup")
    jobs = _dig(document, "parse_many", "jobs")
    cpus = _dig(document, "parse_many", "cpu_count")
    others = _dig(document, "parse_many", "runs", str(jobs), "others_cpus")
    found.append(
        _target(
            "parse_many, 2 jobs vs 1",
            "≥ 1.7×",
            speedup,
            "×",
            None if speedup is None or jobs != 2 else speedup >= 1.7,
            _cpu_note(cpus, others),
        )
    )
    return found


def _cpu_note(cpus: int | None, others: float | None) -> str:
    """How many CPUs there were and how many other work kept busy during the run."""
    note = "" if cpus is None else f"{cpus} CPUs"
    if others is not None:
        note += f"{', ' if note else ''}{others:.2f} busy with other work meanwhile"
    return note


def targets_table(rows: Sequence[Mapping[str, Any]]) -> str:
    """The targets beside the measured numbers (reported, not enforced)."""
    verdicts = {True: "met", False: "MISSED", None: "not measured"}
    table = []
    for row in rows:
        value = row["measured"]
        shown = "–" if value is None else f"{value:,.2f} {row['unit']}"
        table.append([row["target"], row["goal"], shown, verdicts[row["met"]], row["note"]])
    return markdown_table(["target", "goal", "measured", "verdict", "note"], table)
