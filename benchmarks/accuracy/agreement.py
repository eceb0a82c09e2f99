"""Entity agreement between two annotations of the same sentences.

    python -m benchmarks.accuracy.agreement benchmarks/blind benchmarks/blind/agreement

Each folder holds JSON Lines in the corpus format (benchmarks/corpus/README.md)
with the same sentences and quantity spans; the second folder's entities are
scored against the first's as a system's would be, with the scorer's exact and
partial (same head word) entity F1.  Only the files both folders hold are read.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from benchmarks.accuracy.corpus import load_corpus
from benchmarks.accuracy.score import evaluate, record_from_gold


def main(first: Path, second: Path) -> None:
    shared = {path.name for path in second.glob("*.jsonl")}
    gold = [s for s in load_corpus(first) if f"{s.domain}.jsonl" in shared]
    other = {(s.id, q.start, q.end): q.entity for s in load_corpus(second) for q in s.quantities}
    readings = iter(
        [
            [
                replace(record_from_gold(q), optional=False, entity=other[(s.id, q.start, q.end)])
                for q in s.quantities
            ]
            for s in gold
        ]
    )
    scores = evaluate(gold, lambda _: next(readings)).scores
    print(f"{len(gold)} sentences, {sum(len(s.quantities) for s in gold)} quantities")
    for metric in ("entity_exact", "entity_partial"):
        counts = scores.metrics[metric]
        print(f"{metric}: P {counts.precision:.3f} R {counts.recall:.3f} F1 {counts.f1:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
