"""Match system output to gold quantities and compute precision, recall and F1.

Matching
    Within one sentence, every (gold, system) pair whose spans share at least
    one character is a candidate.  Candidates are taken greedily by the number
    of shared characters (largest first; ties go to the pair whose ends are
    closest, then to the earlier items), and a pair is kept only when neither
    side is already matched.  The result is one-to-one: each gold item and
    each system item is in at most one match.

Counting
    A system item matched to an *optional* gold item is neither rewarded nor
    punished, and an unmatched optional gold item is not a miss.  So for every
    metric, precision = TP / (system items not matched to an optional gold
    item) and recall = TP / (non-optional gold items); FP and FN are those
    denominators minus TP.  A matched pair that fails a metric is therefore
    both a false positive and a false negative for that metric.  An empty
    denominator gives 1.0 (nothing claimed is nothing wrong; nothing to find
    is nothing missed), so a perfect system scores 1.0 everywhere, traps
    included.

Metrics (TP = a matched, non-optional pair that also satisfies):
    detection       nothing more: any span overlap.
    value           equal values (relative tolerance 1e-6); a range needs both
                    ends equal, and a value never equals a range.
    value_unit      same kind, and: money the same ISO code, percent the same
                    unit string, number, ratio and multiple no unit on either
                    side (each with the value check above), and where the gold
                    money names its rate (``per``), the same ``per``;
                    measures are compared jointly in SI base units through
                    pint — same dimensionality and equal base magnitude — so
                    1000 meter equals 1 kilometer here even though the raw
                    values differ under ``value``.
    bound           equal bound; ``bound_accuracy`` is the share of matched
                    non-optional pairs whose bound is equal.
    entity_exact    only items where the gold or system has an entity count:
                    precision's denominator is system items with an entity,
                    recall's is gold items with one; TP needs both entities and
                    equality after stripping, collapsing spaces and casefolding.
    entity_partial  as entity_exact, but TP needs only the same head word: the
                    last word of each, casefolded, with one trailing "s" removed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.accuracy.corpus import GoldItem, Sentence
from benchmarks.accuracy.units import base_magnitude

__all__ = [
    "ERROR_TYPES",
    "FLOOR_KEYS",
    "METRICS",
    "REL_TOL",
    "Accuracy",
    "Counts",
    "Evaluation",
    "Pair",
    "Record",
    "Scores",
    "breakdown",
    "classify_errors",
    "domain_of",
    "entity_exact",
    "entity_partial",
    "evaluate",
    "floor_scores",
    "head_word",
    "kind_of",
    "match",
    "overlap",
    "pair_sentence",
    "record_from_gold",
    "score_pairs",
    "value_equal",
    "value_unit_equal",
]

REL_TOL = 1e-6
"""Relative tolerance for comparing values."""

METRICS = ("detection", "value", "value_unit", "bound", "entity_exact", "entity_partial")
"""The P/R/F1 metrics, in report order."""

ERROR_TYPES = (
    "missed",
    "spurious",
    "wrong value",
    "wrong unit",
    "wrong bound",
    "wrong entity",
)
"""The error groups of :func:`classify_errors`, in report order."""


@dataclass(frozen=True, slots=True)
class Record:
    """One quantity, gold or system, in the shape the scorer compares."""

    kind: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    bound: str = "exact"
    entity: str | None = None
    text: str = ""
    optional: bool = False
    per: str | None = None
    """What a rate of money is counted per (``barrel``, ``share``), or None."""
    range_as_value: bool = False
    """True when the system reported a range but it is scored as one value (quantulum3)."""

    @property
    def is_range(self) -> bool:
        """True when the record is a range (``low`` or ``high`` set)."""
        return self.low is not None or self.high is not None

    def describe(self) -> str:
        """A one-line summary for error listings."""
        if self.is_range:
            amount = f"{_number(self.low)}..{_number(self.high)}"
        else:
            amount = _number(self.value)
        parts = [f"{self.text!r}", self.kind, amount]
        if self.unit is not None:
            parts.append(self.unit)
        parts.append(f"bound={self.bound}")
        if self.entity is not None:
            parts.append(f"entity={self.entity!r}")
        return " ".join(parts)


def _number(value: float | None) -> str:
    """A compact rendering of a value for messages."""
    return "None" if value is None else f"{value:g}"


def record_from_gold(item: GoldItem) -> Record:
    """The scorer's record of a gold item."""
    return Record(
        kind=item.kind,
        start=item.start,
        end=item.end,
        value=item.value,
        low=item.low,
        high=item.high,
        unit=item.unit,
        bound=item.bound,
        entity=item.entity,
        text=item.text,
        optional=item.optional,
        per=item.per,
    )


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold item and the system item matched to it; either side may be missing."""

    sentence_id: str
    domain: str
    sentence: str
    gold: Record | None
    system: Record | None

    @property
    def counts_for_precision(self) -> bool:
        """True when the system side exists and is not matched to an optional gold item."""
        return self.system is not None and not (self.gold is not None and self.gold.optional)

    @property
    def counts_for_recall(self) -> bool:
        """True when the gold side exists and is not optional."""
        return self.gold is not None and not self.gold.optional

    @property
    def scored_match(self) -> bool:
        """True for a match to a non-optional gold item: the pairs that can be a TP."""
        return self.counts_for_recall and self.system is not None


def overlap(a: Record, b: Record) -> int:
    """The number of characters the spans of ``a`` and ``b`` share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(gold: Sequence[Record], system: Sequence[Record]) -> list[tuple[int | None, int | None]]:
    """Greedy maximum-overlap one-to-one matching of one sentence's items.

    Returns (gold index, system index) pairs: matches first, in gold order,
    then unmatched gold items ``(g, None)``, then unmatched system items
    ``(None, s)``.
    """
    candidates = sorted(
        (
            -overlap(g, s),
            abs(g.start - s.start) + abs(g.end - s.end),
            gi,
            si,
        )
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if overlap(g, s) > 0
    )
    gold_to_system: dict[int, int] = {}
    used_system: set[int] = set()
    for _, _, gi, si in candidates:
        if gi not in gold_to_system and si not in used_system:
            gold_to_system[gi] = si
            used_system.add(si)
    pairs: list[tuple[int | None, int | None]] = [
        (gi, gold_to_system[gi]) for gi in sorted(gold_to_system)
    ]
    pairs.extend((gi, None) for gi in range(len(gold)) if gi not in gold_to_system)
    pairs.extend((None, si) for si in range(len(system)) if si not in used_system)
    return pairs


def pair_sentence(sentence: Sentence, system: Sequence[Record]) -> list[Pair]:
    """The matched and unmatched pairs of one sentence."""
    gold = [record_from_gold(item) for item in sentence.quantities]
    return [
        Pair(
            sentence_id=sentence.id,
            domain=sentence.domain,
            sentence=sentence.text,
            gold=None if gi is None else gold[gi],
            system=None if si is None else system[si],
        )
        for gi, si in match(gold, system)
    ]


def _close(a: float | None, b: float | None) -> bool:
    """Both present and equal within :data:`REL_TOL`."""
    return a is not None and b is not None and math.isclose(a, b, rel_tol=REL_TOL)


def value_equal(gold: Record, system: Record) -> bool:
    """Equal values: both ranges with equal ends, or both single values that are equal."""
    if gold.is_range or system.is_range:
        return (
            gold.is_range
            and system.is_range
            and _close(gold.low, system.low)
            and _close(gold.high, system.high)
        )
    return _close(gold.value, system.value)


def _amounts(record: Record) -> tuple[float | None, ...]:
    """The numbers a record states: (low, high) for a range, else (value,)."""
    return (record.low, record.high) if record.is_range else (record.value,)


def _measure_equal(gold: Record, system: Record, gold_unit: str, system_unit: str) -> bool:
    """Measures equal in SI base units: same dimensionality and magnitude, end by end."""
    if gold.is_range != system.is_range:
        return False
    for g, s in zip(_amounts(gold), _amounts(system), strict=True):
        if g is None or s is None:
            return False
        gold_base = base_magnitude(g, gold_unit)
        system_base = base_magnitude(s, system_unit)
        if gold_base is None or system_base is None:
            # A unit pint cannot read can only be compared as written.
            if not (gold_unit == system_unit and _close(g, s)):
                return False
        elif gold_base[1] != system_base[1] or not _close(gold_base[0], system_base[0]):
            return False
    return True


def value_unit_equal(gold: Record, system: Record) -> bool:
    """Value and unit both right; measures are compared through pint in base units."""
    if gold.kind != system.kind:
        return False
    if gold.kind == "measure" and gold.unit is not None and system.unit is not None:
        return _measure_equal(gold, system, gold.unit, system.unit)
    if gold.per is not None and gold.per != system.per:
        return False
    return gold.unit == system.unit and value_equal(gold, system)


def _normal_entity(entity: str) -> str:
    """An entity stripped, with runs of whitespace collapsed, casefolded."""
    return " ".join(entity.split()).casefold()


def head_word(entity: str) -> str:
    """The last word of ``entity``, casefolded, with one trailing "s" removed."""
    words: list[str] = re.findall(r"\w+", entity.casefold())
    if not words:
        return ""
    word = words[-1]
    return word[:-1] if len(word) > 1 and word.endswith("s") else word


def entity_exact(gold: Record, system: Record) -> bool:
    """Both have an entity and they are equal after normalising space and case."""
    return (
        gold.entity is not None
        and system.entity is not None
        and _normal_entity(gold.entity) == _normal_entity(system.entity)
    )


def entity_partial(gold: Record, system: Record) -> bool:
    """Both have an entity and they share a head word (see :func:`head_word`)."""
    if gold.entity is None or system.entity is None:
        return False
    head = head_word(gold.entity)
    return bool(head) and head == head_word(system.entity)


def _detected(gold: Record, system: Record) -> bool:
    """Every match is a detection."""
    return True


def _bound_equal(gold: Record, system: Record) -> bool:
    """Equal bounds."""
    return gold.bound == system.bound


_CHECKS: Mapping[str, Callable[[Record, Record], bool]] = {
    "detection": _detected,
    "value": value_equal,
    "value_unit": value_unit_equal,
    "bound": _bound_equal,
    "entity_exact": entity_exact,
    "entity_partial": entity_partial,
}


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives of one metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was claimed."""
        claimed = self.tp + self.fp
        return self.tp / claimed if claimed else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when there was nothing to find."""
        expected = self.tp + self.fn
        return self.tp / expected if expected else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        """The counts and the three ratios, for JSON."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Correct out of total; 1.0 when the total is zero."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """correct / total, or 1.0 for an empty total."""
        return self.correct / self.total if self.total else 1.0

    def as_dict(self) -> dict[str, float]:
        """The counts and the ratio, for JSON."""
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass(frozen=True, slots=True)
class Scores:
    """Every metric over one set of pairs."""

    metrics: Mapping[str, Counts]
    bound_accuracy: Accuracy
    gold: int
    system: int

    def as_dict(self) -> dict[str, Any]:
        """All numbers, for JSON."""
        return {
            "gold_items": self.gold,
            "system_items": self.system,
            **{name: counts.as_dict() for name, counts in self.metrics.items()},
            "bound_accuracy": self.bound_accuracy.as_dict(),
        }


def _true_positives(pairs: Sequence[Pair], check: Callable[[Record, Record], bool]) -> int:
    """How many scored matches pass ``check``."""
    return sum(
        1
        for pair in pairs
        if pair.scored_match
        and pair.gold is not None
        and pair.system is not None
        and check(pair.gold, pair.system)
    )


def _counts(pairs: Sequence[Pair], check: Callable[[Record, Record], bool]) -> Counts:
    """Counts for a span-level metric."""
    claimed = sum(pair.counts_for_precision for pair in pairs)
    expected = sum(pair.counts_for_recall for pair in pairs)
    tp = _true_positives(pairs, check)
    return Counts(tp=tp, fp=claimed - tp, fn=expected - tp)


def _entity_counts(pairs: Sequence[Pair], check: Callable[[Record, Record], bool]) -> Counts:
    """Counts for an entity metric: only items whose gold or system side has an entity."""
    claimed = sum(
        1
        for pair in pairs
        if pair.counts_for_precision and pair.system is not None and pair.system.entity is not None
    )
    expected = sum(
        1
        for pair in pairs
        if pair.counts_for_recall and pair.gold is not None and pair.gold.entity is not None
    )
    tp = _true_positives(pairs, check)
    return Counts(tp=tp, fp=claimed - tp, fn=expected - tp)


def score_pairs(pairs: Iterable[Pair]) -> Scores:
    """Every metric, with bound accuracy over the matched non-optional pairs."""
    pairs = list(pairs)
    metrics = {
        name: (_entity_counts if name.startswith("entity") else _counts)(pairs, _CHECKS[name])
        for name in METRICS
    }
    matched = [pair for pair in pairs if pair.scored_match]
    bound = Accuracy(correct=metrics["bound"].tp, total=len(matched))
    return Scores(
        metrics=metrics,
        bound_accuracy=bound,
        gold=sum(pair.counts_for_recall for pair in pairs),
        system=sum(pair.system is not None for pair in pairs),
    )


def kind_of(pair: Pair) -> str:
    """The kind a pair is filed under: the gold kind, or the system's for a spurious item."""
    if pair.gold is not None:
        return pair.gold.kind
    assert pair.system is not None
    return pair.system.kind


def domain_of(pair: Pair) -> str:
    """The corpus file (domain) a pair comes from."""
    return pair.domain


def breakdown(pairs: Iterable[Pair], key: Callable[[Pair], str]) -> dict[str, Scores]:
    """Scores for each group of pairs that ``key`` gives, in sorted key order."""
    groups: dict[str, list[Pair]] = {}
    for pair in pairs:
        groups.setdefault(key(pair), []).append(pair)
    return {name: score_pairs(groups[name]) for name in sorted(groups)}


def classify_errors(pairs: Iterable[Pair]) -> dict[str, list[Pair]]:
    """The error pairs of each type in :data:`ERROR_TYPES`, each aligned with one metric.

    missed: a non-optional gold item with no match; spurious: a system item
    with no match; wrong value: a scored match failing ``value``; wrong unit:
    the value is right but ``value_unit`` fails; wrong bound: bounds differ;
    wrong entity: the gold or system has an entity and they are not equal.
    """
    errors: dict[str, list[Pair]] = {name: [] for name in ERROR_TYPES}
    for pair in pairs:
        gold, system = pair.gold, pair.system
        if system is None:
            if pair.counts_for_recall:
                errors["missed"].append(pair)
            continue
        if gold is None:
            errors["spurious"].append(pair)
            continue
        if gold.optional:
            continue
        if not value_equal(gold, system):
            errors["wrong value"].append(pair)
        elif not value_unit_equal(gold, system):
            errors["wrong unit"].append(pair)
        if gold.bound != system.bound:
            errors["wrong bound"].append(pair)
        if (gold.entity is not None or system.entity is not None) and not entity_exact(
            gold, system
        ):
            errors["wrong entity"].append(pair)
    return errors


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One system's pairs over a corpus, with the sentences it crashed on."""

    pairs: tuple[Pair, ...]
    crashes: tuple[tuple[str, str], ...] = field(default=())

    @property
    def scores(self) -> Scores:
        """The overall scores."""
        return score_pairs(self.pairs)


def evaluate(
    sentences: Iterable[Sentence], extract: Callable[[str], Sequence[Record]]
) -> Evaluation:
    """Run ``extract`` on every sentence and pair its output with the gold.

    An exception from ``extract`` is recorded as (sentence id, message) and
    that sentence counts as having no system output.
    """
    pairs: list[Pair] = []
    crashes: list[tuple[str, str]] = []
    for sentence in sentences:
        try:
            system = list(extract(sentence.text))
        except Exception as error:  # a peer crashing on one sentence must not stop the run
            crashes.append((sentence.id, f"{type(error).__name__}: {error}"))
            system = []
        pairs.extend(pair_sentence(sentence, system))
    return Evaluation(pairs=tuple(pairs), crashes=tuple(crashes))


FLOOR_KEYS: Mapping[str, Callable[[Scores], float]] = {
    "detection_f1": lambda s: s.metrics["detection"].f1,
    "value_f1": lambda s: s.metrics["value"].f1,
    "value_unit_f1": lambda s: s.metrics["value_unit"].f1,
    "bound_f1": lambda s: s.metrics["bound"].f1,
    "bound_accuracy": lambda s: s.bound_accuracy.value,
    "entity_exact_f1": lambda s: s.metrics["entity_exact"].f1,
    "entity_partial_f1": lambda s: s.metrics["entity_partial"].f1,
}
"""The names ``accuracy_floor.json`` may use, and how each is read from :class:`Scores`."""


def floor_scores(scores: Scores) -> dict[str, float]:
    """The headline numbers under the names ``accuracy_floor.json`` uses."""
    return {name: read(scores) for name, read in FLOOR_KEYS.items()}
