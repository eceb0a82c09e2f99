"""The throughput suite (``python -m benchmarks``): options, presets, report, and a quick run."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.throughput.cli import FULL, SECTIONS, baseline, parse_args, resolve, run
from benchmarks.throughput.report import markdown_table, render
from benchmarks.throughput.systems import Unavailable, load, unavailable_reason
from benchmarks.throughput.targets import TARGETS
from benchmarks.throughput.text import KB, MB

ROOT = Path(__file__).resolve().parents[2]


def test_unknown_system_unavailable() -> None:
    """A system that is not known or not installed is reported unavailable, not crashed on."""
    assert unavailable_reason("no-such-system") is not None
    with pytest.raises(Unavailable):
        load("no-such-system")


def test_quick_defaults_and_overrides() -> None:
    """--quick picks tiny sizes, and explicit options still win over them."""
    quick = resolve(parse_args(["--quick"]))
    assert quick.max_size <= 100 * KB
    assert quick.size <= 50 * KB
    chosen = resolve(parse_args(["--quick", "--max-mb", "0.02", "--rounds", "3"]))
    assert (chosen.max_size, chosen.rounds, chosen.repeats) == (20 * KB, 3, quick.repeats)
    full = resolve(parse_args([]))
    assert full == FULL
    assert (full.max_size, full.repeats, full.rounds, full.jobs) == (10 * MB, 5, 3, 2)
    assert full.systems == ("numclaims", "numclaims-claims", "quantulum3")


def test_a_run_of_no_section_reports_every_target_not_measured() -> None:
    """With every section skipped, the report holds its header and targets, none missed."""
    document = run(FULL, sections=(), progress=lambda _: None)
    assert [document[section] for section in SECTIONS] == [None] * len(SECTIONS)
    assert [target["met"] for target in document["targets"]] == [None] * len(TARGETS)
    report = render(document)
    assert report.startswith("# numclaims throughput")
    assert "## Side by side" not in report
    assert report.count("| not measured |") == len(TARGETS)


def _news_and_short(news: float, short: float) -> dict[str, object]:
    def kind(mb_per_s: float) -> dict[str, object]:
        sample = {"mb_per_s": mb_per_s, "cpu_mb_per_s": mb_per_s * 1.1}
        return {"systems": {"numclaims": {"full_sample": sample}}}

    return {"throughput": {"kinds": {"news": kind(news), "short": kind(short)}}}


def test_short_texts_target_compares_the_kinds_of_one_run() -> None:
    """Short texts are met at the news rate or above, missed below it, unmeasured without both."""
    [check] = [target for target in TARGETS if target.__name__ == "_short_texts"]
    met = check(_news_and_short(2.0, 2.0))
    assert (met["measured"], met["met"]) == (1.0, True)
    missed = check(_news_and_short(2.0, 1.5))
    assert (missed["measured"], missed["met"], missed["note"]) == (0.75, False, "CPU time: 0.75×")
    assert check({"throughput": {"kinds": {"news": {}}}})["met"] is None


def test_markdown_table_aligns_numbers_right() -> None:
    """Numeric columns are right-aligned and text columns left-aligned."""
    table = markdown_table(["kind", "KB/s"], [["news", "12.5"], ["sparse", "3.0"]])
    assert table.splitlines()[1] == "|--------|-----:|"
    assert table.splitlines()[2] == "| news   | 12.5 |"


@pytest.mark.slow
def test_quick_run_writes_json(tmp_path: Path) -> None:
    """A --quick numclaims-only run of python -m benchmarks succeeds and writes every section."""
    path = tmp_path / "bench.json"
    command = [
        sys.executable,
        "-m",
        "benchmarks",
        "--quick",
        "--systems",
        "numclaims",
        "--kinds",
        "news,sparse",
        "--rounds",
        "2",
        "--quiet",
        "--json",
        str(path),
    ]
    completed = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "## Targets" in completed.stdout
    document = json.loads(path.read_text(encoding="utf-8"))
    assert set(document) == {
        "schema",
        "meta",
        "throughput",
        "scaling",
        "startup",
        "parse_many",
        "targets",
    }
    assert document["meta"]["quick"] is True
    news = document["throughput"]["kinds"]["news"]
    ours = news["systems"]["numclaims"]
    assert ours["same_text"] is True
    assert ours["full_sample"]["kb_per_s"] > 0
    assert ours["full_sample"]["sentences_per_s"] > 0
    assert ours["peer_sample"]["bytes"] <= ours["full_sample"]["bytes"]
    assert ours["rounds"] == 2  # the peer sample once per round, its passes pooled
    assert ours["peer_sample"]["repeats"] == 2 * 2
    assert ours["full_sample"]["repeats"] == 2  # the quick run's 2 passes spread over 2 rounds
    assert set(document["throughput"]["kinds"]) == {"news", "sparse"}
    rows = document["scaling"]["rows"]
    assert [row["requested_bytes"] for row in rows] == [10 * KB, 50 * KB]
    assert all(row["peak_rss_bytes"] > 0 and row["mb_per_s"] > 0 for row in rows)
    assert [row["rounds"] for row in rows] == [2, 2]  # each size once per round
    assert rows[0]["repeats"] == 2 * 2  # the quick run's 2 passes, pooled over 2 rounds
    assert document["startup"]["import"]["median_seconds"] > 0
    assert document["startup"]["first_call"]["median_first_call_seconds"] > 0
    assert document["parse_many"]["same_results"] is True
    assert set(document["parse_many"]["runs"]) == {"1", "2"}
    assert document["parse_many"]["speedup"] > 0
    assert len(document["targets"]) == len(TARGETS)


def test_a_baseline_is_timed_from_its_own_copy_of_src() -> None:
    """``--baseline REV`` times numclaims as of REV, imported from that revision's unpacked src."""
    name, src = baseline("HEAD")
    assert name.startswith("numclaims@")
    assert (src / "numclaims" / "__init__.py").is_file()
    settings = dataclasses.replace(
        resolve(parse_args(["--quick", "--kinds", "news", "--systems", "numclaims"])),
        systems=("numclaims", name),
        baseline_src=str(src),
    )
    document = run(settings, ["throughput"], lambda _: None)
    systems = document["throughput"]["kinds"]["news"]["systems"]
    assert systems[name]["package_file"] == str(src / "numclaims" / "__init__.py")
    assert systems["numclaims"]["package_file"] != systems[name]["package_file"]
    assert systems[name]["same_text"] is True
    assert document["throughput"]["kinds"]["news"]["ratios"][name] > 0
    with pytest.raises(SystemExit, match="no-such-revision"):
        baseline("no-such-revision")


def test_the_warm_up_builds_what_parsing_builds_lazily() -> None:
    """After the warm-up sentence the pint registry exists, so no timed pass builds it."""
    code = (
        "from benchmarks.throughput.worker import WARMUP_SENTENCE; "
        "import numclaims; from numclaims import _normalise; "
        "numclaims.parse_quantities(WARMUP_SENTENCE); "
        "print(_normalise.registry.cache_info().currsize)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "1"
