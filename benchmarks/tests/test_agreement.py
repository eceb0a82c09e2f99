"""The blind set's second annotation of entities lines up with the gold (blind/agreement)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.accuracy.corpus import Sentence, load_corpus

BLIND = Path(__file__).resolve().parents[1] / "blind"


def test_second_annotation_holds_the_same_sentences_and_spans() -> None:
    """Only the entities differ: the same ids, texts, spans, kinds and values as the gold."""
    second = load_corpus(BLIND / "agreement")
    gold = {s.id: s for s in load_corpus(BLIND)}
    assert second
    for sentence in second:
        first = gold[sentence.id]
        assert sentence.text == first.text
        assert _spans(sentence) == _spans(first)


def _spans(sentence: Sentence) -> list[tuple[object, ...]]:
    return [(q.start, q.end, q.kind, q.value, q.unit, q.bound) for q in sentence.quantities]
