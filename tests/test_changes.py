"""Stage 7, changes: the change a clause states about a quantity (numclaims._changes)."""

from __future__ import annotations

import pytest

from helpers import only
from numclaims import parse_quantities

# (sentence, span, change, is_delta)
CHANGES = [
    ("Sales rose 5% last year.", "5%", "increase", True),
    ("Sales rose by 5% last year.", "5%", "increase", True),
    ("Sales rose to 5% last year.", "5%", "increase", False),
    ("Shares jumped 3% on Friday.", "3%", "increase", True),
    ("Costs fell 2% on Friday.", "2%", "decrease", True),
    ("Output plunged 7% in May.", "7%", "decrease", True),
    ("Shares were up 4% at noon.", "4%", "increase", True),
    ("Putin ordered 134,500 more conscripts.", "134,500", "increase", True),
    ("An additional 500 troops arrived.", "500", "increase", True),
    ("It reported a 5% rise in prices.", "5%", "increase", True),
    ("He could call up a million people.", "a million", None, False),
]


@pytest.mark.parametrize(
    ("sentence", "span", "change", "is_delta"), CHANGES, ids=[c[0] for c in CHANGES]
)
def test_change(sentence: str, span: str, change: str | None, is_delta: bool) -> None:
    """Change verbs and nouns set the direction; ``to`` makes a level, not a delta."""
    quantity = only(sentence)
    assert (quantity.text, quantity.change, quantity.is_delta) == (span, change, is_delta)


# (sentence, [(span, change, is_delta)])
MORE_CHANGES = [
    ("Sales rose by nearly 5% in May.", [("nearly 5%", "increase", True)]),
    ("A further 200 jobs went.", [("200", "increase", True)]),
    ("We sold 5 more cars.", [("5", "increase", True)]),
    ("We sold 5 more than last year.", [("5", None, False)]),
    ("The lift went up 5 floors.", [("5", None, False)]),
    (
        "Prices fell from 20% to 5%.",
        [("20%", "decrease", False), ("5%", "decrease", False)],
    ),
    ("The figure was revised from 0.1% to 0.2%.", [("0.1%", None, False), ("0.2%", None, False)]),
]


@pytest.mark.parametrize(("sentence", "expected"), MORE_CHANGES, ids=[c[0] for c in MORE_CHANGES])
def test_the_words_around_a_change(
    sentence: str, expected: list[tuple[str, str | None, bool]]
) -> None:
    """Fillers, words before the number, comparisons, rates-only verbs, a change carried on."""
    found = [(q.text, q.change, q.is_delta) for q in parse_quantities(sentence)]
    assert found == expected


# (sentence, change): a word before the number, read within its pattern's reach
WORDS_BEFORE = [
    ("They sent (additional 500 troops).", "increase"),
    ("They sent another\u00a0500 troops.", "increase"),
    ("They sent overwhelmingextra 500 troops.", None),  # no word boundary before 'extra'
    ("They sent an additional       500 troops.", None),  # too far back for the pattern
    ("They sent extra. 500 troops.", None),
]


@pytest.mark.parametrize(("sentence", "change"), WORDS_BEFORE, ids=[c[0] for c in WORDS_BEFORE])
def test_word_before_within_reach(sentence: str, change: str | None) -> None:
    """The word before a number is read once for the verbs and the words before a change alike."""
    quantity = only(sentence)
    assert (quantity.text, quantity.change, quantity.is_delta) == (
        "500",
        change,
        change is not None,
    )
