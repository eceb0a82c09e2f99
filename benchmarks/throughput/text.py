"""Benchmark texts built offline, deterministically, from the project's own corpus sentences.

Three kinds of text, each an endless, seeded shuffle of corpus sentences
grouped into paragraphs of 3 to 7 sentences:

* ``dense``: markets, finance_earnings and economy sentences (a claim every
  ~45 characters);
* ``news``: ordinary news, from news_politics, news_war,
  government_statistics, science_health, sport and weather (a claim every
  ~50 characters);
* ``sparse``: prose with about one claim per 400 characters.  Carrier
  sentences (all the ordinary news sentences plus every corpus sentence with
  a single claim) are diluted with claim-free filler that alternates between
  a trap sentence (years, dates, IDs, scores: digits but no claim) and a
  sentence with no digit at all; the filler pools are small, so they repeat.

For a given corpus, the same ``(kind, size, seed)`` gives the same text on every machine
(the shuffles use :class:`random.Random` seeded with a string), and a smaller
size gives a prefix of a larger one.  Sizes are UTF-8 bytes of the joined
text (sentences joined by a space, paragraphs by a blank line); a text never
exceeds its size and falls short of it by less than one sentence.  Claims are
counted from the corpus' gold annotations.
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
    "SPARSE_CHARS_PER_CLAIM",
    "BenchText",
    "Paragraph",
    "Sentence",
    "build_text",
    "human_size",
    "iter_paragraphs",
    "iter_sentences",
    "load_sentences",
]

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
"""The annotated corpus the sentences come from."""

KB = 1000
"""Bytes in a KB: sizes and rates are decimal (1 KB = 1000 bytes of UTF-8)."""

MB = 1000 * KB
"""Bytes in an MB."""

DEFAULT_SEED = 2024
"""The seed of every shuffle unless ``--seed`` says otherwise."""

SPARSE_CHARS_PER_CLAIM = 400
"""The dilution of the ``sparse`` kind: characters of text per gold claim."""

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
        "sparse": (*NEWS_DOMAINS, "traps"),
    }
)
"""The corpus files each kind draws on (``sparse`` also takes single-claim sentences of all)."""

KINDS: Mapping[str, str] = MappingProxyType(
    {
        "dense": "markets, finance and economy sentences",
        "news": "ordinary news: politics, war, statistics, health, sport, weather",
        "sparse": f"news and single-claim sentences diluted with trap and digit-free "
        f"sentences to ~1 claim per {SPARSE_CHARS_PER_CLAIM} characters",
    }
)
"""The kinds of benchmark text, with a one-line description of each."""

_PARAGRAPH_SENTENCES = (3, 7)
"""Fewest and most sentences in a paragraph."""

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


def _sparse(corpus: Mapping[str, tuple[Sentence, ...]], rng: random.Random) -> Iterator[Sentence]:
    """Carrier sentences, each followed by claim-free filler up to the target dilution."""
    news = _pool(corpus, NEWS_DOMAINS)
    single = [
        s
        for domain, rows in corpus.items()
        if domain not in NEWS_DOMAINS
        for s in rows
        if s.claims == 1
    ]
    claim_free = [s for rows in corpus.values() for s in rows if s.claims == 0]
    traps = [s for s in claim_free if s.domain == "traps"]
    digit_free = [s for s in claim_free if not _DIGIT.search(s.text)]
    carriers = _rounds(news + single, rng)
    fillers = (
        s for pair in zip(_rounds(traps, rng), _rounds(digit_free, rng), strict=False) for s in pair
    )
    balance = 0  # characters still owed to reach SPARSE_CHARS_PER_CLAIM per claim
    for carrier in carriers:
        yield carrier
        balance += SPARSE_CHARS_PER_CLAIM * carrier.claims - len(carrier.text) - 1
        while balance > 0:
            filler = next(fillers)
            yield filler
            balance -= len(filler.text) + 1


def iter_sentences(
    kind: str, *, seed: int = DEFAULT_SEED, corpus_dir: Path = CORPUS_DIR
) -> Iterator[Sentence]:
    """The endless, seeded sentence stream of ``kind``, before it is cut into paragraphs."""
    corpus = load_sentences(corpus_dir)
    rng = random.Random(f"numclaims-throughput:{kind}:{seed}:sentences")
    if kind == "sparse":
        return _sparse(corpus, rng)
    if kind in KIND_DOMAINS:
        return _rounds(_pool(corpus, KIND_DOMAINS[kind]), rng)
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
        wanted = rng.randint(*_PARAGRAPH_SENTENCES)
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
