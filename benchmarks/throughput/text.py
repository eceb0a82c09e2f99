"""Benchmark texts built offline, deterministically, from the project's own corpus sentences.

Each kind (:data:`KINDS`) is an endless, seeded shuffle of corpus sentences
with their gold claim counts, cut into paragraphs of 3 to 7 sentences: *dense*
puts markets, finance and economy sentences back to back (a claim every ~44
characters); *news* dilutes news sentences with claim-free ones to the claim
density of the sample article (real news copy, a claim every ~300 characters),
with its share of digits that are not claims among the filler; *sparse*
dilutes them to ~1 claim per 1,000 characters; *short* is the news stream
with every sentence parsed on its own, as titles and posts of an archive
are: the same text as *news*, so that the two rates differ only by what a
call costs.  The same ``(kind, size,
seed)`` gives the same text on every machine, a smaller size gives a prefix
of a larger one, and a text of ``size`` UTF-8 bytes (sentences joined by a
space, paragraphs by a blank line) falls short of it by less than a sentence;
the filler repeats, which is harmless since numclaims caches no results.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

__all__ = [
    "CORPUS_DIR",
    "DEFAULT_SEED",
    "KB",
    "KINDS",
    "KIND_DOMAINS",
    "MB",
    "SAMPLE_ARTICLE",
    "SPARSE_CHARS_PER_CLAIM",
    "BenchText",
    "Density",
    "MiB",
    "Paragraph",
    "Sentence",
    "build_text",
    "human_size",
    "iter_paragraphs",
    "iter_sentences",
    "load_sentences",
    "news_density",
]

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
"""The annotated corpus the sentences come from."""

KB = 1000
"""Bytes in a KB: sizes and rates are decimal (1 KB = 1000 bytes of UTF-8)."""

MB = 1000 * KB
"""Bytes in an MB."""

MiB = 1024 * 1024
"""Bytes in a MiB: memory is reported in MiB (RSS is a binary quantity; text sizes stay decimal)."""

DEFAULT_SEED = 2024
"""The seed of every shuffle (recorded in the JSON of every run)."""

SPARSE_CHARS_PER_CLAIM = 1000
"""The dilution of the ``sparse`` kind: characters of text per gold claim."""

SAMPLE_ARTICLE = "seed_article"
"""The corpus file of real news copy whose density the ``news`` kind copies."""

NEWS_DOMAINS = (
    "news_politics",
    "news_war",
    "government_statistics",
    "science_health",
    "sport",
    "weather",
)

KIND_DOMAINS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "dense": ("markets", "finance_earnings", "economy"),
        "news": NEWS_DOMAINS,
        "sparse": NEWS_DOMAINS,
        "short": NEWS_DOMAINS,
    }
)
"""The corpus files each kind takes its sentences with claims from.

``sparse`` also takes every single-claim sentence of the other files, and the
diluted kinds take their claim-free filler from every file.
"""

KINDS: Mapping[str, str] = MappingProxyType(
    {
        "dense": "markets, finance and economy sentences, back to back",
        "news": "ordinary news: politics, war, statistics, health, sport and weather "
        "sentences diluted to the claim density of the sample article",
        "sparse": f"news and single-claim sentences diluted with trap and digit-free "
        f"sentences to ~1 claim per {SPARSE_CHARS_PER_CLAIM} characters",
        "short": "the news sentences one call each, as the titles and posts of an archive",
    }
)
"""The kinds of benchmark text, with a one-line description of each."""

_PARAGRAPH_SENTENCES = (3, 7)
"""Fewest and most sentences in a paragraph."""

_ONE_PER_CALL = frozenset({"short"})
"""The kinds whose every sentence is a paragraph of its own: one call each."""

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One corpus sentence with its gold claim count."""

    text: str
    claims: int
    domain: str

    @property
    def size(self) -> int:
        """Its length in UTF-8 bytes."""
        return len(self.text.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One benchmark paragraph: its text, how many sentences and gold claims it holds."""

    text: str
    sentences: int
    claims: int


@dataclass(frozen=True, slots=True)
class BenchText:
    """A whole benchmark text, as the paragraphs the systems parse one by one."""

    kind: str
    requested: int
    seed: int
    paragraphs: tuple[str, ...]
    sentences: int
    claims: int

    @property
    def text(self) -> str:
        """The text in one piece: paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def size(self) -> int:
        """Its length in UTF-8 bytes, separators included."""
        return text_size(self.paragraphs)

    @property
    def digest(self) -> str:
        """SHA-256 of the joined text, to check that two processes parsed the same one."""
        return text_digest(self.paragraphs)

    def summary(self) -> dict[str, object]:
        """Plain data about the text (not the text itself), for reports and JSON."""
        size = self.size
        chars = sum(map(len, self.paragraphs)) + 2 * max(len(self.paragraphs) - 1, 0)
        return {
            "kind": self.kind,
            "requested_bytes": self.requested,
            "bytes": size,
            "characters": chars,
            "paragraphs": len(self.paragraphs),
            "sentences": self.sentences,
            "gold_claims": self.claims,
            "chars_per_claim": round(chars / self.claims, 1) if self.claims else None,
            "seed": self.seed,
            "sha256": self.digest,
        }


def human_size(size: int) -> str:
    """A byte count as decimal KB or MB: ``10 KB``, ``1 MB``."""
    return f"{size / MB:g} MB" if size >= MB else f"{size / KB:g} KB"


def text_size(paragraphs: Sequence[str]) -> int:
    """UTF-8 bytes of ``paragraphs`` joined by blank lines."""
    return sum(len(p.encode("utf-8")) for p in paragraphs) + 2 * max(len(paragraphs) - 1, 0)


def text_digest(paragraphs: Iterable[str]) -> str:
    """SHA-256 of ``paragraphs`` joined by blank lines, computed without joining them."""
    digest = hashlib.sha256()
    for index, paragraph in enumerate(paragraphs):
        if index:
            digest.update(b"\n\n")
        digest.update(paragraph.encode("utf-8"))
    return digest.hexdigest()


@cache
def load_sentences(corpus_dir: Path = CORPUS_DIR) -> Mapping[str, tuple[Sentence, ...]]:
    """Every corpus sentence, by file stem, in file order."""
    found: dict[str, tuple[Sentence, ...]] = {}
    for path in sorted(corpus_dir.glob("*.jsonl")):
        rows = []
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    rows.append(Sentence(str(record["text"]), len(record["quantities"]), path.stem))
        found[path.stem] = tuple(rows)
    if not found:
        raise FileNotFoundError(f"no corpus files (*.jsonl) in {corpus_dir}")
    return MappingProxyType(found)


def _rounds(pool: Sequence[Sentence], rng: random.Random) -> Iterator[Sentence]:
    """``pool`` over and over, reshuffled before each pass."""
    if not pool:
        raise ValueError("an empty sentence pool cannot fill a text")
    order = list(pool)
    while True:
        rng.shuffle(order)
        yield from order


def _pool(corpus: Mapping[str, tuple[Sentence, ...]], domains: Iterable[str]) -> list[Sentence]:
    """The sentences of ``domains``, in a fixed order."""
    return [sentence for domain in domains for sentence in corpus[domain]]


@dataclass(frozen=True, slots=True)
class Density:
    """How a diluted kind mixes carrier sentences with claim-free filler."""

    chars_per_claim: float
    """Characters of text (a space after each sentence included) per gold claim."""
    trap_share: float
    """The share of filler sentences that hold digits (a trap: years, dates, IDs)."""


def news_density(corpus: Mapping[str, tuple[Sentence, ...]]) -> Density:
    """The density of the sample article: characters per claim, share of digit-bearing filler."""
    article = corpus[SAMPLE_ARTICLE]
    claims = sum(s.claims for s in article)
    filler = [s for s in article if s.claims == 0]
    if not claims or not filler:
        raise ValueError(f"{SAMPLE_ARTICLE} needs sentences with and without claims")
    chars = sum(len(s.text) + 1 for s in article)
    with_digits = sum(1 for s in filler if _DIGIT.search(s.text))
    return Density(chars / claims, with_digits / len(filler))


def _diluted(
    carriers: Sequence[Sentence],
    corpus: Mapping[str, tuple[Sentence, ...]],
    density: Density,
    rng: random.Random,
) -> Iterator[Sentence]:
    """Carrier sentences, each followed by claim-free filler up to ``density``.

    Filler sentences are traps (digits but no claim) in the proportion
    ``density.trap_share`` and digit-free sentences otherwise, chosen by a
    running balance rather than at random, so the share is exact.
    """
    claim_free = [s for rows in corpus.values() for s in rows if s.claims == 0]
    traps = _rounds([s for s in claim_free if _DIGIT.search(s.text)], rng)
    digit_free = _rounds([s for s in claim_free if not _DIGIT.search(s.text)], rng)
    owed = 0.0  # characters still owed to reach the density
    trap_debt = 0.0  # traps owed to reach the trap share
    for carrier in _rounds(carriers, rng):
        yield carrier
        owed += density.chars_per_claim * carrier.claims - len(carrier.text) - 1
        while owed > 0:
            trap_debt += density.trap_share
            if trap_debt >= 1:
                trap_debt -= 1
                filler = next(traps)
            else:
                filler = next(digit_free)
            yield filler
            owed -= len(filler.text) + 1


def iter_sentences(
    kind: str, *, seed: int = DEFAULT_SEED, corpus_dir: Path = CORPUS_DIR
) -> Iterator[Sentence]:
    """The endless, seeded sentence stream of ``kind``, before it is cut into paragraphs."""
    corpus = load_sentences(corpus_dir)
    stream = "news" if kind == "short" else kind  # the same sentences, cut otherwise
    rng = random.Random(f"numclaims-throughput:{stream}:{seed}:sentences")
    if kind == "dense":
        return _rounds(_pool(corpus, KIND_DOMAINS[kind]), rng)
    if kind in ("news", "short"):
        return _diluted(_pool(corpus, NEWS_DOMAINS), corpus, news_density(corpus), rng)
    if kind == "sparse":
        single = [
            s
            for domain, rows in corpus.items()
            if domain not in NEWS_DOMAINS
            for s in rows
            if s.claims == 1
        ]
        sparse = Density(SPARSE_CHARS_PER_CLAIM, trap_share=0.5)
        return _diluted(_pool(corpus, NEWS_DOMAINS) + single, corpus, sparse, rng)
    raise ValueError(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")


def iter_paragraphs(
    kind: str, size: int, *, seed: int = DEFAULT_SEED, corpus_dir: Path = CORPUS_DIR
) -> Iterator[Paragraph]:
    """The paragraphs of the ``kind`` text of at most ``size`` UTF-8 bytes, built lazily.

    Nothing but the current paragraph is held, so a 10 MB text streams in a
    few kilobytes of memory.
    """
    if size < 0:
        raise ValueError(f"size must be >= 0, not {size}")
    stream = iter_sentences(kind, seed=seed, corpus_dir=corpus_dir)
    rng = random.Random(f"numclaims-throughput:{kind}:{seed}:paragraphs")
    used = 0
    while True:
        wanted = 1 if kind in _ONE_PER_CALL else rng.randint(*_PARAGRAPH_SENTENCES)
        texts: list[str] = []
        claims = 0
        separator = 2 if used else 0  # the blank line before every paragraph but the first
        while len(texts) < wanted:
            sentence = next(stream)
            cost = sentence.size + (1 if texts else separator)
            if used + cost > size:
                if texts:
                    yield Paragraph(" ".join(texts), len(texts), claims)
                return
            texts.append(sentence.text)
            claims += sentence.claims
            used += cost
        yield Paragraph(" ".join(texts), len(texts), claims)


def build_text(
    kind: str, size: int, *, seed: int = DEFAULT_SEED, corpus_dir: Path = CORPUS_DIR
) -> BenchText:
    """The whole ``kind`` text of at most ``size`` UTF-8 bytes (see :func:`iter_paragraphs`)."""
    paragraphs: list[str] = []
    sentences = claims = 0
    for paragraph in iter_paragraphs(kind, size, seed=seed, corpus_dir=corpus_dir):
        paragraphs.append(paragraph.text)
        sentences += paragraph.sentences
        claims += paragraph.claims
    return BenchText(kind, size, seed, tuple(paragraphs), sentences, claims)
