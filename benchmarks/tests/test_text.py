"""The benchmark texts: deterministic, of the requested size, with the density of their kind."""

from __future__ import annotations

import itertools

import pytest

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
    assert per_claim["short"] == pytest.approx(per_claim["news"], rel=0.05)
    dense, news, sparse = per_claim["dense"], per_claim["news"], per_claim["sparse"]
    assert isinstance(dense, float)
    assert isinstance(news, float)
    assert isinstance(sparse, float)
    assert dense < 60 < news < sparse
    assert sparse == pytest.approx(SPARSE_CHARS_PER_CLAIM, rel=0.05)
    sentences = list(itertools.islice(iter_sentences("sparse"), 3000))
    assert "traps" in {s.domain for s in sentences}
    assert any(s.claims == 0 and not any(c.isdigit() for c in s.text) for s in sentences)


def test_short_is_news_one_sentence_per_call() -> None:
    """Short texts are the news sentences, in the same order, each a call of its own."""
    news, short = build_text("news", 100 * KB), build_text("short", 100 * KB)
    assert short.sentences == len(short.paragraphs)
    assert " ".join(short.paragraphs[:200]) in news.text.replace("\n\n", " ")
    assert short.summary()["chars_per_claim"] == pytest.approx(
        news.summary()["chars_per_claim"], rel=0.05
    )


def test_unknown_kind_rejected() -> None:
    """A kind the builder does not know raises ValueError."""
    with pytest.raises(ValueError, match="unknown kind"):
        build_text("poetry", KB)
