"""``python -m benchmarks.accuracy``: precision, recall and F1 of each system on the corpus.

Run from the repository root.  Prints, for every available system on the same
corpus, a table of the metrics (see :mod:`benchmarks.accuracy.score`), the
TP/FP/FN counts, breakdowns by gold kind and by corpus file, and numclaims'
errors grouped by type.  ``--json PATH`` also writes every number as JSON
(``benchmarks/results/`` is git-ignored and a good place for it).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from benchmarks.accuracy.claims import report as claims_report
from benchmarks.accuracy.corpus import CORPUS_DIR, load_corpus, validate
from benchmarks.accuracy.peers import QUANTULUM3_NOTE, SYSTEMS, Unavailable, load_system
from benchmarks.accuracy.report import (
    Run,
    breakdown_table,
    corpus_summary,
    counts_table,
    crash_lines,
    error_section,
    json_document,
    metrics_table,
)
from benchmarks.accuracy.score import domain_of, evaluate, kind_of

MATCHING_NOTE = (
    "Matching: per sentence, greedy one-to-one by characters of span overlap (largest first). "
    "Optional gold items neither reward nor punish. Precision = TP / system items not matched "
    "to an optional gold item; recall = TP / non-optional gold items. value+unit compares "
    "measures in SI base units through pint (1000 m == 1 km); entity metrics count only items "
    "where gold or system has an entity."
)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.accuracy",
        description="Precision/recall/F1 of numclaims and its peers on the gold corpus.",
    )
    parser.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help=f"comma-separated systems to score (default: {','.join(SYSTEMS)})",
    )
    parser.add_argument("--json", metavar="PATH", help="also write every number to PATH as JSON")
    parser.add_argument(
        "--corpus", metavar="DIR", default=str(CORPUS_DIR), help="the corpus folder"
    )
    parser.add_argument(
        "--max-errors",
        metavar="N",
        type=int,
        default=15,
        help="numclaims errors listed per type (default: 15)",
    )
    return parser.parse_args(argv)


def _section(title: str) -> str:
    """A section heading."""
    return f"\n{title}\n{'=' * len(title)}"


def main(argv: Sequence[str] | None = None) -> int:
    """Score the chosen systems and print the report; 2 on a usage error."""
    args = parse_args(argv)
    names = [name.strip() for name in args.systems.split(",") if name.strip()]
    unknown = [name for name in names if name not in SYSTEMS]
    if unknown:
        print(
            f"unknown system(s): {', '.join(unknown)}; known: {', '.join(SYSTEMS)}", file=sys.stderr
        )
        return 2
    try:
        sentences = load_corpus(args.corpus)
    except (FileNotFoundError, ValueError) as error:
        print(f"cannot load the corpus: {error}", file=sys.stderr)
        return 2
    if not sentences:
        print(f"the corpus folder {args.corpus} holds no sentences", file=sys.stderr)
        return 2
    if args.max_errors < 0:
        print("--max-errors must not be negative", file=sys.stderr)
        return 2

    runs: list[Run] = []
    unavailable: dict[str, str] = {}
    for name in names:
        try:
            extract = load_system(SYSTEMS[name])
        except Unavailable as error:
            unavailable[name] = str(error)
            continue
        runs.append(Run(name, evaluate(sentences, extract)))

    summary = corpus_summary(sentences)
    print(f"corpus: {args.corpus}")
    print(
        f"  {summary['sentences']} sentences in {len(summary['files'])} files, "
        f"{summary['gold_items']} gold items (+{summary['optional_items']} optional)"
    )
    problems = validate(sentences)
    if problems:
        print(f"  warning: the corpus has {len(problems)} validation problem(s), e.g.")
        for problem in problems[:5]:
            print(f"    {problem}")
    for reason in unavailable.values():
        print(f"unavailable: {reason}")
    if not runs:
        print("no system could be scored")
        return 1

    notes = [MATCHING_NOTE]
    if any(run.name == "quantulum3" for run in runs):
        notes.append(QUANTULUM3_NOTE)

    print(_section("Scores"))
    print(metrics_table(runs))
    print(_section("Counts"))
    print(counts_table(runs))
    print()
    for note in notes:
        print(textwrap.fill(note, width=100, initial_indent="note: ", subsequent_indent="      "))
    for run in runs:
        if run.ranges_as_values:
            print(
                f"note: {run.ranges_as_values} {run.name} item(s) reported a range or ± "
                "uncertainty and were scored as one value (the mean)."
            )
        for line in crash_lines(run):
            print(line)

    print(_section("By gold kind (spurious items under the system's kind)"))
    print(breakdown_table("kind", runs, kind_of))
    print(_section("By corpus file"))
    print(breakdown_table("file", runs, domain_of))

    numclaims = next((run for run in runs if run.name == "numclaims"), None)
    print(_section("numclaims errors by type"))
    if numclaims is None:
        print("numclaims was not scored")
    else:
        print(error_section(numclaims.evaluation.pairs, args.max_errors))
        print(_section("Claim context: source, hedge and time F1 on benchmarks/claims"))
        print(claims_report())

    if args.json:
        document = json_document(args.corpus, sentences, runs, unavailable, notes)
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
