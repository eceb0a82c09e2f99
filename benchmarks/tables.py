"""Rows per second of the table integrations: ``python -m benchmarks.tables``.

Times, on the same rows (short news sentences from ``benchmarks/corpus/``,
repeated in a seeded shuffle to ``--rows``):

* ``parse_many`` in this process, and with ``--jobs`` worker processes;
* ``numclaims.to_arrow`` on the texts (parsing included), and on results
  already parsed (the cost of building the table alone);
* ``numclaims.spark.with_quantities`` on a local SparkSession
  (``local[--jobs]``), written to Spark's ``noop`` sink so every row is
  computed: once cold (a fresh session: Python workers start and build their
  patterns) and then warm, ``--repeats`` times.

Each figure is the median of ``--repeats`` runs (one for the cold Spark run).
The machine's load average is printed with the table: on a shared machine,
compare figures from the same run only.  Needs the arrow and spark extras
(``make bench-tables`` installs them); ``--no-spark`` leaves Spark out.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from numclaims import parse_many, to_arrow

CORPUS = Path(__file__).resolve().parent / "corpus"
NEWS_FILES = (
    "news_politics",
    "news_war",
    "government_statistics",
    "science_health",
    "sport",
    "weather",
    "seed_article",
)
"""The corpus files the sentences come from: news, with the sample article's lines."""


def news_rows(count: int, seed: int = 2024) -> list[str]:
    """``count`` short news sentences: the corpus sentences in seeded shuffles, repeated."""
    sentences = [
        json.loads(line)["text"]
        for name in NEWS_FILES
        for line in (CORPUS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    shuffle = random.Random(f"tables-{seed}")
    rows: list[str] = []
    while len(rows) < count:
        shuffle.shuffle(sentences)
        rows.extend(sentences[: count - len(rows)])
    return rows


def median_seconds(work: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` calls of ``work``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def spark_seconds(rows: Sequence[str], jobs: int, repeats: int) -> tuple[float, float, float]:
    """Session start, then cold and warm (median) seconds of with_quantities over ``rows``."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    start = time.perf_counter()
    from pyspark.sql import SparkSession

    from numclaims.spark import with_quantities

    spark = (
        SparkSession.builder.master(f"local[{jobs}]")
        .appName("numclaims-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    frame = spark.createDataFrame(
        [(index, text) for index, text in enumerate(rows)], "id long, text string"
    )
    frame = frame.repartition(jobs * 4).cache()
    frame.count()
    started = time.perf_counter() - start

    def run() -> None:
        with_quantities(frame, "text").write.format("noop").mode("overwrite").save()

    try:
        cold = median_seconds(run, 1)
        warm = median_seconds(run, repeats)
    finally:
        spark.stop()
    return started, cold, warm


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tables", description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000, help="sentences (default 20000)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (default 3)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes and Spark cores")
    parser.add_argument("--no-spark", action="store_true", help="leave Spark out")
    args = parser.parse_args(argv)

    rows = news_rows(args.rows)
    parsed = list(parse_many(rows))
    quantities = sum(map(len, parsed))
    chars = sum(map(len, rows))
    print(f"{len(rows)} rows, {chars / len(rows):.0f} characters a row, {quantities} quantities")
    figures: list[tuple[str, float]] = [
        ("parse_many, in process", median_seconds(lambda: list(parse_many(rows)), args.repeats)),
        (
            f"parse_many, jobs={args.jobs}",
            median_seconds(lambda: list(parse_many(rows, jobs=args.jobs)), args.repeats),
        ),
        ("to_arrow(texts)", median_seconds(lambda: to_arrow(rows), args.repeats)),
        (
            "to_arrow(parsed results): the table alone",
            median_seconds(lambda: to_arrow(parsed), args.repeats),
        ),
    ]
    if not args.no_spark:
        started, cold, warm = spark_seconds(rows, args.jobs, args.repeats)
        figures += [
            (f"Spark local[{args.jobs}] with_quantities, cold", cold),
            (f"Spark local[{args.jobs}] with_quantities, warm", warm),
        ]
    print("\n| what | seconds | rows/s |\n|---|---:|---:|")
    for name, seconds in figures:
        print(f"| {name} | {seconds:.2f} | {len(rows) / seconds:,.0f} |")
    if not args.no_spark:
        print(f"\nSpark session start and caching the rows: {started:.1f} s")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"load average (1, 5, 15 min): {load} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
