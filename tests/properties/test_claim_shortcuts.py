"""The claim layer's shortcuts change nothing: claims equal those of the long way round.

``extract_claims`` reads each text once as shipped and once with every
shortcut of ``numclaims._shortcuts.SHORTCUTS`` turned off (the sentence
finder then splits the whole text, as ``sentence_spans`` does), and wants the
very same claims; every claim, built without validation, also passes it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims import Claim, extract_claims
from numclaims._sentences import sentence_finder, sentence_spans
from numclaims._shortcuts import long_way_round, turned_off
from properties.strategies import Sentence, any_text, sentences

CLAIM_SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "claims"


def _claim_texts() -> list[str]:
    return [
        json.loads(line)["text"]
        for path in sorted(CLAIM_SETS.glob("*/*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def both_ways(text: str) -> tuple[list[Claim], list[Claim]]:
    fast = extract_claims(text)
    with long_way_round():
        slow = extract_claims(text)
    return fast, slow


def _valid(claims: list[Claim]) -> bool:
    return all(Claim(**dict(c)) == c for c in claims)  # the models' own checks, run


def test_the_claim_sets_read_the_same() -> None:
    """Every sentence of the claim sets, and all of them as one text, in paragraphs."""
    texts = _claim_texts()
    assert len(texts) >= 300
    for text in [*texts, "\n\n".join(texts), " ".join(texts)]:
        fast, slow = both_ways(text)
        assert fast == slow
        assert _valid(fast)


@given(st.lists(st.sampled_from(_claim_texts()), min_size=1, max_size=6), st.data())
def test_claim_sentences_joined_any_way_read_the_same(
    picked: list[str], data: st.DataObject
) -> None:
    joiners = data.draw(
        st.lists(
            st.sampled_from([" ", "\n", "\n\n", "  ", " \u201c", ".\n"]),
            min_size=len(picked),
            max_size=len(picked),
        )
    )
    text = "".join(p + j for p, j in zip(picked, joiners, strict=True))
    fast, slow = both_ways(text)
    assert fast == slow


@given(any_text())
def test_any_text_reads_the_same(text: str) -> None:
    fast, slow = both_ways(text)
    assert fast == slow
    assert _valid(fast)


@given(sentences())
def test_sentences_read_the_same(sentence: Sentence) -> None:
    fast, slow = both_ways(sentence.text)
    assert fast == slow


@given(st.text(alphabet=st.sampled_from(list('Ab. 1,\n"?!”Mr U.S')), max_size=60), st.data())
def test_the_finder_gives_the_sentences_of_sentence_spans(text: str, data: st.DataObject) -> None:
    """Asked about rising positions that are no space, both finders give the same sentence."""
    places = sorted(i for i, c in enumerate(text) if not c.isspace())
    asked = sorted(data.draw(st.lists(st.sampled_from(places), max_size=8))) if places else []
    fast = sentence_finder(text)
    with turned_off("sentence ends decided only around the quantities").off():
        slow = sentence_finder(text)
    for pos in asked:
        found = fast.around(pos)
        assert found == slow.around(pos)
        assert found in sentence_spans(text)
        assert found[0] <= pos < found[1]


@pytest.mark.parametrize("text", ["", "   ", "5", "No. 5. Mr. Smith paid $5.\n\nHe left 3."])
def test_small_texts_read_the_same(text: str) -> None:
    fast, slow = both_ways(text)
    assert fast == slow
