"""Score the claim context (source, source_via, hedge, time) on ``benchmarks/claims``.

Each file of ``benchmarks/claims/tuning`` and ``benchmarks/claims/heldout`` is
JSON Lines, one sentence a line::

    {"id": "...", "text": "...", "claims": [{"quantity": "5%", "source": "the company",
     "source_via": null, "hedge": null, "time": "last year"}, ...]}

Spans are given as text: a quantity at its first occurrence in the sentence
(the next one for a second claim with the same text), every other field at the
occurrence nearest to its quantity.  A gold claim is matched to the system
claim whose quantity overlaps it most.  For each field, a system span equal to
the gold span is a true positive (exact); one that overlaps it is one for the
partial score.  Any other system span is a false positive, any gold span not
found a false negative: a wrong span counts as both.  ``python -m
benchmarks.accuracy.claims`` prints the scores of both sets.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "CLAIMS_DIR",
    "FIELDS",
    "ClaimScores",
    "GoldClaim",
    "GoldSentence",
    "evaluate_claims",
    "load_claims",
    "main",
]

CLAIMS_DIR = Path(__file__).resolve().parent.parent / "claims"
"""The annotated claim sets: ``tuning`` (rules may be tuned on it) and ``heldout`` (never)."""

FIELDS = ("source", "source_via", "hedge", "time")
"""The context fields scored, in report order."""

Span = tuple[int, int]
#: What a system returns for a sentence: per claim, its quantity span and each field's span.
SystemClaim = tuple[Span, dict[str, Span | None]]


@dataclass(frozen=True)
class GoldClaim:
    """One annotated claim: its quantity's span and each field's span (None: not said)."""

    quantity: Span
    fields: dict[str, Span | None]


@dataclass(frozen=True)
class GoldSentence:
    """One annotated sentence."""

    id: str
    text: str
    claims: tuple[GoldClaim, ...]


def _nearest(text: str, needle: str, anchor: Span) -> Span:
    """The occurrence of ``needle`` in ``text`` nearest to ``anchor``; ValueError if none."""
    best: Span | None = None
    start = text.find(needle)
    while start >= 0:
        span = (start, start + len(needle))
        distance = max(span[0] - anchor[1], anchor[0] - span[1], 0)
        if best is None or distance < max(best[0] - anchor[1], anchor[0] - best[1], 0):
            best = span
        start = text.find(needle, start + 1)
    if best is None:
        raise ValueError(f"{needle!r} is not in {text!r}")
    return best


def parse_sentence(line: str) -> GoldSentence:
    """One JSON line of a claim set; ValueError when a span's text is not in the sentence."""
    record = json.loads(line)
    text = record["text"]
    claims = []
    searched = 0
    for claim in record["claims"]:
        start = text.find(claim["quantity"], searched)
        if start < 0:
            raise ValueError(f"{record['id']}: quantity {claim['quantity']!r} not in the text")
        quantity = (start, start + len(claim["quantity"]))
        searched = start + 1
        spans = {
            name: None if claim[name] is None else _nearest(text, claim[name], quantity)
            for name in FIELDS
        }
        claims.append(GoldClaim(quantity, spans))
    return GoldSentence(record["id"], text, tuple(claims))


def load_claims(folder: Path | str) -> list[GoldSentence]:
    """Every sentence of the ``*.jsonl`` files of ``folder``, file by file in name order."""
    sentences = []
    for path in sorted(Path(folder).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sentences.append(parse_sentence(line))
    return sentences


@dataclass
class FieldCounts:
    """True positives, false positives and false negatives of one field, exact and partial."""

    exact: list[int] = field(default_factory=lambda: [0, 0, 0])
    partial: list[int] = field(default_factory=lambda: [0, 0, 0])

    def add(self, gold: Span | None, system: Span | None) -> None:
        """Count one claim's field."""
        for counts, hit in ((self.exact, gold == system), (self.partial, _overlap(gold, system))):
            if gold is not None and system is not None and hit:
                counts[0] += 1
                continue
            counts[1] += system is not None
            counts[2] += gold is not None


def _overlap(first: Span | None, second: Span | None) -> bool:
    return (
        first is not None and second is not None and first[0] < second[1] and second[0] < first[1]
    )


def _f1(counts: Sequence[int]) -> float:
    tp, fp, fn = counts
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


@dataclass
class ClaimScores:
    """The counts of every field, and the gold claims whose quantity no system claim matched."""

    fields: dict[str, FieldCounts] = field(
        default_factory=lambda: {f: FieldCounts() for f in FIELDS}
    )
    unmatched: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        """``<field>_exact_f1`` and ``<field>_partial_f1`` for every field."""
        result = {}
        for name, counts in self.fields.items():
            result[f"{name}_exact_f1"] = round(_f1(counts.exact), 4)
            result[f"{name}_partial_f1"] = round(_f1(counts.partial), 4)
        return result


def evaluate_claims(
    sentences: Iterable[GoldSentence], extract: Callable[[str], list[SystemClaim]]
) -> ClaimScores:
    """Match each gold claim to a system claim by quantity overlap and count every field."""
    scores = ClaimScores()
    for sentence in sentences:
        found = extract(sentence.text)
        for gold in sentence.claims:
            scores.claims += 1
            overlaps = [
                (min(q[1], gold.quantity[1]) - max(q[0], gold.quantity[0]), spans)
                for q, spans in found
                if _overlap(q, gold.quantity)
            ]
            system = max(overlaps, key=lambda o: o[0])[1] if overlaps else dict.fromkeys(FIELDS)
            scores.unmatched += not overlaps
            for name in FIELDS:
                scores.fields[name].add(gold.fields[name], system[name])
                if gold.fields[name] != system[name]:
                    scores.errors.append(_error(sentence, gold, name, system[name]))
    return scores


def _error(sentence: GoldSentence, gold: GoldClaim, name: str, system: Span | None) -> str:
    def show(span: Span | None) -> str:
        return "-" if span is None else repr(sentence.text[span[0] : span[1]])

    quantity = sentence.text[gold.quantity[0] : gold.quantity[1]]
    return (
        f"{sentence.id} {quantity!r} {name}: gold {show(gold.fields[name])} system {show(system)}"
    )


def numclaims_extract(text: str) -> list[SystemClaim]:
    """numclaims' claims of ``text`` as the scorer reads them."""
    from numclaims import extract_claims

    def span(value: object) -> Span | None:
        return None if value is None else (value.start, value.end)  # type: ignore[attr-defined]

    return [
        ((c.quantity.start, c.quantity.end), {name: span(getattr(c, name)) for name in FIELDS})
        for c in extract_claims(text)
    ]


def table(results: dict[str, ClaimScores]) -> str:
    """One row per claim set: exact and partial F1 of each field."""
    header = ["set", "claims"] + [f"{f} {kind}" for f in FIELDS for kind in ("exact", "partial")]
    rows = [header]
    for name, result in results.items():
        scores = result.scores()
        rows.append(
            [name, str(result.claims)]
            + [f"{scores[f'{f}_{kind}_f1']:.3f}" for f in FIELDS for kind in ("exact", "partial")]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in rows
    )


def report(folder: Path = CLAIMS_DIR, max_errors: int = 0) -> str:
    """The claim-context section of the accuracy report: both sets, and tuning errors."""
    results = {
        part: evaluate_claims(load_claims(folder / part), numclaims_extract)
        for part in ("tuning", "heldout")
    }
    lines = [table(results)]
    lines.append(
        "note: F1 of each context field over gold claims (matched by quantity overlap); "
        "exact = same span, partial = overlapping span. heldout is never tuned on."
    )
    errors = results["tuning"].errors[:max_errors]
    if errors:
        lines.append("tuning errors:")
        lines.extend(f"  {e}" for e in errors)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the claim-context scores; ``--errors N`` lists the first N tuning-set errors."""
    args = list(sys.argv[1:] if argv is None else argv)
    max_errors = int(args[args.index("--errors") + 1]) if "--errors" in args else 0
    print(report(CLAIMS_DIR, max_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
