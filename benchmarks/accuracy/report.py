"""Plain-text tables and the JSON document of an accuracy run (standard library only).

Everything here returns strings or plain data; printing is left to ``__main__``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.accuracy.corpus import Sentence
from benchmarks.accuracy.score import (
    ERROR_TYPES,
    METRICS,
    Evaluation,
    Pair,
    Record,
    Scores,
    breakdown,
    classify_errors,
    domain_of,
    entity_partial,
    floor_scores,
    kind_of,
)

__all__ = [
    "METRIC_LABELS",
    "Run",
    "breakdown_table",
    "corpus_summary",
    "counts_table",
    "crash_lines",
    "error_section",
    "grouped_table",
    "json_document",
    "metrics_table",
]

METRIC_LABELS: Mapping[str, str] = {
    "detection": "detection",
    "value": "value",
    "value_unit": "value + unit",
    "bound": "bound",
    "entity_exact": "entity (exact)",
    "entity_partial": "entity (partial)",
}
"""How each metric is named in the tables."""


@dataclass(frozen=True, slots=True)
class Run:
    """One system's evaluation on the corpus."""

    name: str
    evaluation: Evaluation

    @property
    def scores(self) -> Scores:
        """The overall scores."""
        return self.evaluation.scores

    @property
    def ranges_as_values(self) -> int:
        """How many system items were reported as a spread but scored as one value."""
        return sum(
            1
            for pair in self.evaluation.pairs
            if pair.system is not None and pair.system.range_as_value
        )


def _ratio(value: float) -> str:
    """A ratio with three decimals."""
    return f"{value:.3f}"


def grouped_table(
    label: str,
    groups: Sequence[tuple[str, Sequence[str]]],
    rows: Sequence[tuple[str, Sequence[str]]],
) -> str:
    """A right-aligned table whose columns are grouped under names (one group per system).

    ``groups`` is (group name, column headers); each row is (row label, cells)
    with one cell per column of every group, in order.
    """
    headers = [column for _, columns in groups for column in columns]
    widths = [len(header) for header in headers]
    for _, cells in rows:
        widths = [max(width, len(cell)) for width, cell in zip(widths, cells, strict=True)]
    # Widen the last column of a group whose name is wider than its columns.
    position = 0
    for name, columns in groups:
        span = slice(position, position + len(columns))
        inner = sum(widths[span]) + 2 * (len(columns) - 1)
        if len(name) > inner:
            widths[position + len(columns) - 1] += len(name) - inner
        position += len(columns)
    label_width = max([len(label)] + [len(row_label) for row_label, _ in rows])
    separator = " | "

    def line(first: str, cells: Sequence[str]) -> str:
        parts: list[str] = []
        position = 0
        for _, columns in groups:
            chunk = cells[position : position + len(columns)]
            parts.append(
                "  ".join(cell.rjust(widths[position + i]) for i, cell in enumerate(chunk))
            )
            position += len(columns)
        return first.ljust(label_width) + separator + separator.join(parts)

    group_line_parts: list[str] = []
    position = 0
    for name, columns in groups:
        inner = sum(widths[position : position + len(columns)]) + 2 * (len(columns) - 1)
        group_line_parts.append(name.center(inner))
        position += len(columns)
    group_line = " " * label_width + separator + separator.join(group_line_parts)
    header_line = line(label, headers)
    rule = "-" * len(header_line)
    body = [line(row_label, cells) for row_label, cells in rows]
    return "\n".join([group_line.rstrip(), header_line, rule, *body])


def metrics_table(runs: Sequence[Run]) -> str:
    """Rows = metrics, columns = systems, each with precision, recall and F1."""
    groups = [(run.name, ("P", "R", "F1")) for run in runs]
    rows: list[tuple[str, Sequence[str]]] = []
    for metric in METRICS:
        cells: list[str] = []
        for run in runs:
            counts = run.scores.metrics[metric]
            cells.extend([_ratio(counts.precision), _ratio(counts.recall), _ratio(counts.f1)])
        rows.append((METRIC_LABELS[metric], cells))
    accuracy_cells: list[str] = []
    for run in runs:
        accuracy = run.scores.bound_accuracy
        accuracy_cells.extend(["", f"n={accuracy.total}", _ratio(accuracy.value)])
    rows.append(("bound accuracy", accuracy_cells))
    footnote = (
        "bound accuracy: share of matched non-optional items whose bound is equal "
        "(n = matched items)"
    )
    return grouped_table("metric", groups, rows) + "\n" + footnote


def counts_table(runs: Sequence[Run]) -> str:
    """Rows = metrics, columns = systems, each with TP, FP and FN."""
    groups = [(run.name, ("TP", "FP", "FN")) for run in runs]
    rows: list[tuple[str, Sequence[str]]] = []
    for metric in METRICS:
        cells: list[str] = []
        for run in runs:
            counts = run.scores.metrics[metric]
            cells.extend([str(counts.tp), str(counts.fp), str(counts.fn)])
        rows.append((METRIC_LABELS[metric], cells))
    return grouped_table("metric", groups, rows)


_BREAKDOWN_COLUMNS: tuple[tuple[str, Callable[[Scores], str]], ...] = (
    ("det F1", lambda s: _ratio(s.metrics["detection"].f1)),
    ("val F1", lambda s: _ratio(s.metrics["value"].f1)),
    ("v+u F1", lambda s: _ratio(s.metrics["value_unit"].f1)),
    ("bound acc", lambda s: _ratio(s.bound_accuracy.value)),
    ("ent F1", lambda s: _ratio(s.metrics["entity_partial"].f1)),
    ("spurious", lambda s: str(s.metrics["detection"].fp)),
)
"""The columns of a breakdown table for each system: headline F1s (ent F1 is the
partial match), bound accuracy, and the count of spurious items (detection FP)."""


def breakdown_table(label: str, runs: Sequence[Run], key: Callable[[Pair], str]) -> str:
    """One row per group (kind or file), the headline numbers of each system side by side."""
    by_system = [breakdown(run.evaluation.pairs, key) for run in runs]
    names = sorted({name for per_group in by_system for name in per_group})
    groups = [("gold", ("items",))] + [
        (run.name, tuple(title for title, _ in _BREAKDOWN_COLUMNS)) for run in runs
    ]
    rows: list[tuple[str, Sequence[str]]] = []
    for name in names:
        gold = max(per_group[name].gold for per_group in by_system if name in per_group)
        cells = [str(gold)]
        for per_group in by_system:
            scores = per_group.get(name)
            cells.extend("-" if scores is None else show(scores) for _, show in _BREAKDOWN_COLUMNS)
        rows.append((name, cells))
    return grouped_table(label, groups, rows)


def _shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _side(record: Record | None) -> str:
    """A record's summary, or a dash when absent."""
    return "-" if record is None else record.describe()


def error_section(pairs: Sequence[Pair], max_errors: int, width: int = 100) -> str:
    """The errors grouped by type, at most ``max_errors`` listed per group."""
    errors = classify_errors(pairs)
    blocks: list[str] = []
    for error_type in ERROR_TYPES:
        found = errors[error_type]
        lines = [f"{error_type} ({len(found)})"]
        for pair in found[:max_errors]:
            lines.append(f"  [{pair.sentence_id}] {_shorten(pair.sentence, width)}")
            gold_note = _side(pair.gold)
            system_note = _side(pair.system)
            if (
                error_type == "wrong entity"
                and pair.gold is not None
                and pair.system is not None
                and entity_partial(pair.gold, pair.system)
            ):
                system_note += "  (head word matches)"
            lines.append(f"      gold:   {gold_note}")
            lines.append(f"      system: {system_note}")
        if len(found) > max_errors:
            lines.append(f"  … {len(found) - max_errors} more")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def crash_lines(run: Run, limit: int = 5) -> list[str]:
    """Lines naming the sentences a system raised on, if any."""
    crashes = run.evaluation.crashes
    if not crashes:
        return []
    lines = [f"{run.name} raised on {len(crashes)} sentence(s) (scored as finding nothing):"]
    lines.extend(f"  [{sentence_id}] {message}" for sentence_id, message in crashes[:limit])
    return lines


def corpus_summary(sentences: Sequence[Sentence]) -> dict[str, Any]:
    """Sentence and gold-item counts, overall and per file."""
    files: dict[str, dict[str, int]] = {}
    for sentence in sentences:
        entry = files.setdefault(
            sentence.domain, {"sentences": 0, "gold_items": 0, "optional_items": 0}
        )
        entry["sentences"] += 1
        entry["gold_items"] += sum(not item.optional for item in sentence.quantities)
        entry["optional_items"] += sum(item.optional for item in sentence.quantities)
    return {
        "sentences": len(sentences),
        "gold_items": sum(entry["gold_items"] for entry in files.values()),
        "optional_items": sum(entry["optional_items"] for entry in files.values()),
        "files": dict(sorted(files.items())),
    }


def _run_document(run: Run) -> dict[str, Any]:
    """All numbers of one system's run."""
    scores = run.scores
    errors = classify_errors(run.evaluation.pairs)
    return {
        "available": True,
        "overall": scores.as_dict(),
        "headline": floor_scores(scores),
        "by_kind": {k: v.as_dict() for k, v in breakdown(run.evaluation.pairs, kind_of).items()},
        "by_file": {k: v.as_dict() for k, v in breakdown(run.evaluation.pairs, domain_of).items()},
        "error_counts": {name: len(errors[name]) for name in ERROR_TYPES},
        "crashes": [list(crash) for crash in run.evaluation.crashes],
        "ranges_scored_as_values": run.ranges_as_values,
    }


def json_document(
    corpus_dir: str,
    sentences: Sequence[Sentence],
    runs: Sequence[Run],
    unavailable: Mapping[str, str],
    notes: Sequence[str],
) -> dict[str, Any]:
    """Every number of the run, ready for ``json.dump``."""
    systems: dict[str, Any] = {run.name: _run_document(run) for run in runs}
    for name, reason in unavailable.items():
        systems[name] = {"available": False, "reason": reason}
    return {
        "corpus": {"directory": corpus_dir, **corpus_summary(sentences)},
        "systems": systems,
        "notes": list(notes),
    }
