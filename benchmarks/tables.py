"""Rows per second of the table integrations: ``python -m benchmarks.tables``.

Times, on the same rows (short news sentences from ``benchmarks/corpus/``,
repeated in a seeded shuffle to ``--rows``):

* ``parse_many`` in this process, and with ``--jobs`` worker processes;
* ``numclaims.to_arrow`` on the texts (parsing included), and on results
  already parsed (the cost of building the table alone);
* ``numclaims.spark.with_quantities`` on a local SparkSession
  (``local[--jobs]``), written to Spark's ``noop`` sink so every row is
  computed: once cold (the session's first job: Python workers start and
  build their patterns), then warm.

The runs take turns, ``--rounds`` times, so that a burst of load from other
processes falls on all of them alike; the table gives the best and the median
of each.  The machine's load average is printed with it: on a shared
machine, compare figures from the same run only.  Needs the arrow and spark extras
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
from typing import Any

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


def timed(work: Callable[[], object]) -> float:
    """The wall time of one call of ``work``."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def start_spark(rows: Sequence[str], jobs: int) -> tuple[Any, Any]:
    """A ``local[jobs]`` session and the rows as a cached DataFrame ``(id, text)``."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

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
    frame = spark.createDataFrame(list(enumerate(rows)), "id long, text string")
    frame = frame.repartition(jobs * 4).cache()
    frame.count()
    return spark, frame


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tables", description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000, help="sentences (default 20000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every run (default 3)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes and Spark cores")
    parser.add_argument("--no-spark", action="store_true", help="leave Spark out")
    args = parser.parse_args(argv)

    rows = news_rows(args.rows)
    parsed = list(parse_many(rows))
    quantities = sum(map(len, parsed))
    chars = sum(map(len, rows))
    print(f"{len(rows)} rows, {chars / len(rows):.0f} characters a row, {quantities} quantities")
    runs: dict[str, Callable[[], object]] = {
        "parse_many, in process": lambda: list(parse_many(rows)),
        f"parse_many, jobs={args.jobs}": lambda: list(parse_many(rows, jobs=args.jobs)),
        "to_arrow(texts)": lambda: to_arrow(rows),
        "to_arrow(parsed results): the table alone": lambda: to_arrow(parsed),
    }
    spark = None
    cold: list[float] = []
    if not args.no_spark:
        from numclaims.spark import with_quantities

        started = time.perf_counter()
        spark, frame = start_spark(rows, args.jobs)
        print(f"Spark session start and caching the rows: {time.perf_counter() - started:.1f} s")

        def spark_run() -> None:
            with_quantities(frame, "text").write.format("noop").mode("overwrite").save()

        cold.append(timed(spark_run))
        runs[f"Spark local[{args.jobs}] with_quantities, warm"] = spark_run
    times: dict[str, list[float]] = {name: [] for name in runs}
    try:
        for round_ in range(args.rounds):
            for name, work in runs.items():
                times[name].append(timed(work))
                print(f"round {round_ + 1}: {name}: {times[name][-1]:.2f} s", file=sys.stderr)
    finally:
        if spark is not None:
            spark.stop()
    if cold:
        times = {f"Spark local[{args.jobs}] with_quantities, cold": cold, **times}
    print("\n| what | best s | median s | rows/s (best) | rows/s (median) |")
    print("|---|---:|---:|---:|---:|")
    for name, seconds in times.items():
        best, middle = min(seconds), statistics.median(seconds)
        print(
            f"| {name} | {best:.2f} | {middle:.2f} "
            f"| {len(rows) / best:,.0f} | {len(rows) / middle:,.0f} |"
        )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\nload average (1, 5, 15 min): {load} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
