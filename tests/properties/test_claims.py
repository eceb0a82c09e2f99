"""extract_claims never raises, keeps parse_quantities' quantities, and its spans index the text."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from numclaims import Claim, extract_claims, parse_quantities
from properties.strategies import any_text, grammar_text

#: Words of the claim readers, so that generated text exercises them.
_CONTEXT = st.sampled_from(
    (
        "said",
        ", the company said.",
        "according to",
        "could",
        "are thought to",
        "if",
        "last week",
        "in 2024",
        "so far",
        "since the invasion",
        "Mr.",
        "U.S.",
        "“",
        "”",
        ", who",
        "; ",
        " but ",
        "did not say",
        "told the BBC",
        ".\n",
    )
)

_CLAIM_TEXT = st.lists(st.one_of(_CONTEXT, grammar_text(max_tokens=4)), max_size=12).map(" ".join)


def _check(text: str, claims: list[Claim]) -> None:
    assert [c.quantity for c in claims] == parse_quantities(text)
    for claim in claims:
        spans = (claim.sentence, claim.source, claim.source_via, claim.hedge, claim.time)
        for span in spans:
            if span is not None:
                assert text[span.start : span.end] == span.text
                assert claim.sentence.start <= span.start
                assert span.end <= claim.sentence.end
        assert claim.source_via is None or claim.source is not None
        assert claim.source is None or not (
            claim.source.start < claim.quantity.end and claim.quantity.start < claim.source.end
        )


@given(_CLAIM_TEXT)
def test_claim_shaped_text(text: str) -> None:
    """On text made of numbers and the readers' words, every claim is well formed."""
    _check(text, extract_claims(text))


@given(any_text())
def test_any_text(text: str) -> None:
    """On any text, extract_claims returns one well-formed claim per quantity."""
    _check(text, extract_claims(text))


def test_long_sentences_stay_linear() -> None:
    """A 100 KB run-on of readers' words costs about ten times a 10 KB one, not a hundred."""
    unit = "Officials said 40 could die if 5 fled last week, according to the U.S. army, but "

    def cost(size: int) -> float:
        text = unit * (size // len(unit))
        began = time.perf_counter()
        extract_claims(text)
        return time.perf_counter() - began

    cost(10_000)
    small, large = cost(10_000), cost(100_000)
    assert large < 30 * small + 0.5
