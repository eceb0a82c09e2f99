"""The report of a throughput run: its JSON document rendered as text with Markdown tables.

:func:`render` prints a header (date, machine, versions, load average), then
each measured section with a sentence on how it was measured and its table,
then the targets beside the measured numbers.  Numeric columns are
right-aligned, so a run's output can be pasted into docs/performance.md as
it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from benchmarks.throughput.systems import BASELINE
from benchmarks.throughput.text import KB, KINDS, MiB, human_size

__all__ = [
    "markdown_table",
    "parse_many_table",
    "peer_table",
    "render",
    "scaling_table",
    "startup_table",
    "targets_table",
    "text_table",
    "throughput_table",
]

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
                _num(full["cpu_kb_per_s"]),
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
                row.append(
                    "–" if ratio is None else f"{ratio:,.2f}×" if ratio < 10 else f"{ratio:,.1f}×"
                )
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
            _num(row["cpu_seconds_per_mb"], 2),
            f"{row['relative_cpu_time_per_mb']:.2f}",
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
    """Import time, its split by package, and the first three calls."""
    imported, first = startup["import"], startup["first_call"]
    rows = [
        [
            "import numclaims (fresh interpreter)",
            _num(1000 * imported["median_seconds"]),
            str(imported["runs"]),
        ]
    ]
    rows += [
        [f"  of which {package} (self time, one -X importtime run)", _num(1000 * seconds), "1"]
        for package, seconds in imported["by_package_seconds"].items()
    ]
    calls = (
        ("first parse_quantities call (after import)", "median_first_call_seconds", 1),
        ("second call (the patterns built)", "median_second_call_seconds", 2),
        ("third call, the first with a rate (pint registry built)", "median_rate_call_seconds", 2),
    )
    rows += [
        [label, _num(1000 * first[field], digits), str(first["runs"])]
        for label, field, digits in calls
    ]
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


def targets_table(rows: Sequence[Mapping[str, Any]]) -> str:
    """The targets beside the measured numbers (reported, not enforced)."""
    verdicts = {True: "met", False: "MISSED", None: "not measured"}
    table = []
    for row in rows:
        value = row["measured"]
        shown = "–" if value is None else f"{value:,.2f} {row['unit']}"
        table.append([row["target"], row["goal"], shown, verdicts[row["met"]], row["note"]])
    return markdown_table(["target", "goal", "measured", "verdict", "note"], table)


Lines = list[str]


def _header(meta: Mapping[str, Any]) -> Lines:
    """The title, where and when the run happened, and what the load average says."""
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
    return out


def _peer_notes(throughput: Mapping[str, Any], settings: Mapping[str, Any]) -> Lines:
    """Which systems could not run or failed, and how the side-by-side sample was measured."""
    systems = throughput["systems"]
    out = [
        f"{name} is unavailable: {info['unavailable']}."
        for name, info in systems.items()
        if not info["available"]
    ]
    available = [name for name, info in systems.items() if info["available"]]
    slow = [name for name in available if name != "numclaims" and not name.startswith(BASELINE)]
    if len(available) > 1:
        out.append(
            (
                f"{', '.join(slow)} {'is' if len(slow) == 1 else 'are'} slow, so every system "
                if slow
                else "Every system "
            )
            + f"here parses the first {settings['peer_bytes'] / KB:g} KB of each text (the "
            f"same text; per-KB numbers). The systems take turns, each in a fresh process, "
            f"over {settings['rounds']} round(s), so that a slow spell of the "
            f"machine touches each of them: peers {settings['peer_repeats']} time(s) and "
            f"numclaims {settings['repeats']} times per round, medians over the passes of all "
            "rounds. The ratio is numclaims' KB/s over the peer's, both measured in this run."
        )
    out += [
        f"{name} is numclaims as of commit {name[len(BASELINE) :]}, parsed as often as "
        "numclaims: the ratio beside it is this checkout's speed over that commit's."
        for name in available
        if name.startswith(BASELINE)
    ]
    out += [
        f"{name} failed on {kind}: {failure}"
        for kind, entry in throughput["kinds"].items()
        for name, failure in entry.get("failures", {}).items()
    ]
    return out


def _throughput_section(document: Mapping[str, Any]) -> Lines:
    """The texts, numclaims alone on each, and every system side by side on the same sample."""
    throughput, settings = document["throughput"], document["meta"]["settings"]
    return [
        "",
        "## Benchmark texts (seed {})".format(settings["seed"]),
        "",
        text_table(throughput),
        "",
        "## numclaims throughput, single process",
        "",
        "Each paragraph parsed with parse_quantities, in a fresh process each round, "
        "after a warm-up; the median of the passes of every round (the repeats column).",
        "",
        throughput_table(throughput),
        "",
        "## Side by side on the same sample",
        "",
        *_peer_notes(throughput, settings),
        "",
        peer_table(throughput),
    ]


def _scaling_section(document: Mapping[str, Any]) -> Lines:
    """numclaims streaming growing sizes: time per MB and peak memory."""
    return [
        "",
        "## Scaling: numclaims streaming ordinary news",
        "",
        f"One fresh process per size in each of {document['meta']['settings']['rounds']} "
        "round(s) over all sizes (interleaved, so that a slow spell of the machine "
        "touches every size); times are medians over the passes of all rounds. "
        "iter_quantities runs over each paragraph as it is built, so the text is never "
        "held whole. Peak RSS is the process's ru_maxrss (interpreter, numclaims and its "
        "patterns included; the largest of the rounds); 'RSS before' is after import "
        "and warm-up.",
        "",
        scaling_table(document["scaling"]),
    ]


def _startup_section(document: Mapping[str, Any]) -> Lines:
    """Import and the first calls in fresh processes."""
    startup = document["startup"]
    return [
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


def _parse_many_section(document: Mapping[str, Any]) -> Lines:
    """parse_many with one job and with several."""
    parse_many = document["parse_many"]
    same = "identical" if parse_many["same_results"] else "DIFFERENT"
    return [
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


_SECTIONS = (
    ("throughput", _throughput_section),
    ("scaling", _scaling_section),
    ("startup", _startup_section),
    ("parse_many", _parse_many_section),
)
"""Each section of the document with its renderer, in the order of the report."""


def render(document: Mapping[str, Any]) -> str:
    """The report of a run, as text with Markdown tables (sections not measured left out)."""
    out = _header(document["meta"])
    for key, section in _SECTIONS:
        if document.get(key) is not None:
            out += section(document)
    out += [
        "",
        "## Targets (reported, not enforced)",
        "",
        targets_table(document["targets"]),
        "",
        f"Total wall time {document['meta']['wall_seconds']} s.",
    ]
    return "\n".join(out)
