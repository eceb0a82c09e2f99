"""The sentence splitter: abbreviations, decimals, initials, quotes and headlines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims._sentences import sentence_spans

# (text, the sentences it holds)
SPLITS = [
    ("Sales rose 5%. Profit fell.", ["Sales rose 5%.", "Profit fell."]),
    ("Mr Smith said so. Mrs. Jones agreed.", ["Mr Smith said so.", "Mrs. Jones agreed."]),
    (
        "Dr. Ng and Gen. Milley spoke. Then they left.",
        ["Dr. Ng and Gen. Milley spoke.", "Then they left."],
    ),
    ("The U.S. economy grew 2.5% last year.", ["The U.S. economy grew 2.5% last year."]),
    ("Troops left the U.S. The base closed.", ["Troops left the U.S.", "The base closed."]),
    ("It opened on Jan. 5 at No. 10 Downing St.", ["It opened on Jan. 5 at No. 10 Downing St."]),
    (
        "Inflation was 3.2 per cent. It fell to 2.9.",
        ["Inflation was 3.2 per cent.", "It fell to 2.9."],
    ),
    ("J. K. Rowling sold 500 million books.", ["J. K. Rowling sold 500 million books."]),
    (
        "The plan has a Plan B. The costs are £3bn.",
        ["The plan has a Plan B.", "The costs are £3bn."],
    ),
    (
        "He said: “It will cost £2bn.” The bill passed.",
        ["He said: “It will cost £2bn.”", "The bill passed."],
    ),
    ("“Why 40?” she asked. Nobody knew.", ["“Why 40?” she asked.", "Nobody knew."]),
    (
        "Fuel, food, etc. are dearer. Wages are not.",
        ["Fuel, food, etc. are dearer.", "Wages are not."],
    ),
    ("Arsenal vs. Chelsea drew 2-2.", ["Arsenal vs. Chelsea drew 2-2."]),
    (
        "Markets slump as oil hits $90\n\nShares fell 3% on Monday.",
        ["Markets slump as oil hits $90", "Shares fell 3% on Monday."],
    ),
    ("Headline one\nHeadline two\n", ["Headline one", "Headline two"]),
    ("The rate rose\nsharply to 5%.", ["The rate rose\nsharply to 5%."]),
    ("Wait... Then 3 more came!", ["Wait...", "Then 3 more came!"]),
    ("Shares of Apple Inc. rose 2%.", ["Shares of Apple Inc. rose 2%."]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS, ids=[s[0][:40] for s in SPLITS])
def test_sentences(text: str, expected: list[str]) -> None:
    """Each text splits into exactly the expected sentences."""
    assert [text[start:end] for start, end in sentence_spans(text)] == expected


@given(st.text(alphabet=st.sampled_from(list("aA. \n?!”“'5,Mr"))))
def test_spans_are_ordered_and_trimmed(text: str) -> None:
    """Spans are in order, never empty, without outer spaces, and lose no visible character."""
    last = 0
    for start, end in sentence_spans(text):
        assert last <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        last = end
    kept = "".join(text[start:end] for start, end in sentence_spans(text))
    assert "".join(kept.split()) == "".join(text.split())


def test_linear_time() -> None:
    """A long text of candidate stops splits in one pass: 200 KB well under a second."""
    import time

    text = "Mr. U.S. No. a. " * 12_500
    began = time.perf_counter()
    sentence_spans(text)
    assert time.perf_counter() - began < 2.0
