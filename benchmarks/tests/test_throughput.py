"""Smoke tests of the throughput suite: deterministic texts, and a --quick run's JSON."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.throughput.cli import parse_args, resolve
from benchmarks.throughput.report import markdown_table
from benchmarks.throughput.systems import Unavailable, load, unavailable_reason
from benchmarks.throughput.text import (
    KB,
    KIND_DOMAINS,
    KINDS,
    MB,
    SPARSE_CHARS_PER_CLAIM,
    build_text,
    iter_paragraphs,
    iter_sentences,
    load_sentences,
    news_density,
)

ROOT = Path(__file__).resolve().parents[2]
LONGEST_SENTENCE = max(s.size for rows in load_sentences().values() for s in rows)


@pytest.mark.parametrize("kind", list(KINDS))
def test_text_is_deterministic(kind: str) -> None:
    """The same kind, size and seed give the same text; another seed gives another."""
    first, again = build_text(kind, 30 * KB), build_text(kind, 30 * KB)
    assert first.paragraphs == again.paragraphs
    assert first.digest == again.digest
    assert build_text(kind, 30 * KB, seed=7).digest != first.digest


@pytest.mark.parametrize(("kind", "size"), list(itertools.product(KINDS, [2 * KB, 100 * KB, MB])))
def test_text_has_the_requested_size(kind: str, size: int) -> None:
    """A text is at most its size in UTF-8 bytes, and short of it by less than a sentence."""
    bench = build_text(kind, size)
    assert bench.size == len(bench.text.encode("utf-8"))
    assert size - LONGEST_SENTENCE - 2 < bench.size <= size
    assert bench.sentences >= len(bench.paragraphs) > 0


def test_smaller_text_is_a_prefix() -> None:
    """A smaller text of a kind is the start of a larger one, so samples share their text."""
    small, large = build_text("news", 20 * KB), build_text("news", 200 * KB)
    assert small.paragraphs[:-1] == large.paragraphs[: len(small.paragraphs) - 1]
    assert large.paragraphs[len(small.paragraphs) - 1].startswith(small.paragraphs[-1])


def test_streamed_paragraphs_match_the_built_text() -> None:
    """iter_paragraphs yields exactly the paragraphs build_text holds."""
    streamed = [p.text for p in iter_paragraphs("sparse", 50 * KB)]
    assert tuple(streamed) == build_text("sparse", 50 * KB).paragraphs


@pytest.mark.parametrize("kind", list(KINDS))
def test_kind_draws_on_its_domains(kind: str) -> None:
    """Sentences with claims come from the kind's own files; the filler holds no claim."""
    sentences = list(itertools.islice(iter_sentences(kind), 2000))
    domains = {s.domain for s in sentences if s.claims}
    if kind == "sparse":
        assert set(KIND_DOMAINS[kind]) < domains  # plus single-claim sentences of other files
    else:
        assert domains == set(KIND_DOMAINS[kind])
    if kind == "dense":
        assert all(s.claims for s in sentences)


def test_news_has_the_density_of_the_sample_article() -> None:
    """Ordinary news copies the sample article: claims per character, and traps among filler."""
    density = news_density(load_sentences())
    assert 250 <= density.chars_per_claim <= 350  # 12 claims in ~3,700 characters
    assert 0.1 <= density.trap_share <= 0.3  # 2003, 2013, 2024 and 3rd among 23 claim-free
    sentences = list(itertools.islice(iter_sentences("news"), 5000))
    filler = [s for s in sentences if not s.claims]
    traps = sum(1 for s in filler if any(c.isdigit() for c in s.text))
    assert traps / len(filler) == pytest.approx(density.trap_share, abs=0.01)
    measured = build_text("news", 200 * KB).summary()["chars_per_claim"]
    assert isinstance(measured, float)
    assert measured == pytest.approx(density.chars_per_claim, rel=0.05)


def test_kinds_are_ordered_by_density() -> None:
    """Dense holds the most claims per character, sparse the fewest (~1 per 1,000)."""
    per_claim = {kind: build_text(kind, 200 * KB).summary()["chars_per_claim"] for kind in KINDS}
    dense, news, sparse = per_claim["dense"], per_claim["news"], per_claim["sparse"]
    assert isinstance(dense, float)
    assert isinstance(news, float)
    assert isinstance(sparse, float)
    assert dense < 60 < news < sparse
    assert sparse == pytest.approx(SPARSE_CHARS_PER_CLAIM, rel=0.05)
    sentences = list(itertools.islice(iter_sentences("sparse"), 3000))
    assert "traps" in {s.domain for s in sentences}
    assert any(s.claims == 0 and not any(c.isdigit() for c in s.text) for s in sentences)


def test_unknown_kind_rejected() -> None:
    """A kind the builder does not know raises ValueError."""
    with pytest.raises(ValueError, match="unknown kind"):
        build_text("poetry", KB)


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
    chosen = resolve(parse_args(["--quick", "--max-mb", "0.02", "--repeats", "3"]))
    assert (chosen.max_size, chosen.repeats) == (20 * KB, 3)
    full = resolve(parse_args([]))
    assert (full.max_size, full.repeats, full.jobs) == (10 * MB, 5, 2)


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
        "--startup-runs",
        "1",
        "--scaling-rounds",
        "2",
        "--ratio-rounds",
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
    assert len(document["targets"]) == 7


def test_stage_and_shortcut_tables(capsys: pytest.CaptureFixture[str]) -> None:
    """The stages tool prints one row per stage and one per shortcut, costs in ms per MB."""
    from benchmarks.throughput.stages import main
    from numclaims._shortcuts import SHORTCUTS

    assert main(["--kb", "3", "--repeats", "1", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    for label in ("triggers: where a number may start", "entity", "models: parse_quantities"):
        assert f"| {label}" in out
    for shortcut in SHORTCUTS:
        assert f"| {shortcut.name}" in out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "ms/MB" not in line]
    assert len(rows) == 9 + len(SHORTCUTS)


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
