"""The entity readers' token index reads the tokens its pattern finds, wherever it starts.

The index (``numclaims._entities.tokens``) reads a token together with the
spaces before it, in one match, and adds up the lengths of the matches to
know where each token starts and ends; a text with a ``_`` (the one word
character no token opens with) is searched token by token instead.  Either
way, the tokens must be those that ``_INDEX_TOKEN`` finds, with the same spans.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from numclaims._entities.tokens import _INDEX_TOKEN, TokenIndex

#: Words, numbers, marks, spaces of every kind, ``_``, and characters that are
#: word characters but no letter or digit (``½``, ``²``) or marks (``é`` spelt with one).
PIECES = st.sampled_from(
    [
        "U.S.", "e.g.", "S&P", "rock'n'roll", "o’clock", "well-known", "2.5bn", "1,844",
        "10-year", "½", "x²", "e\u0301", "Zürich", "_", "__init", "a_b", "(", ")", ",", ".",
        "%", "$", "£", "—", " ", "  ", "\u00a0", "\u202f", "\n", "\t", "word", "A",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _end(window: tuple[int, int]) -> int:
    return window[0]


def _expected(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _INDEX_TOKEN.finditer(text, lo, hi)]


@given(TEXTS, st.data())
def test_the_index_reads_the_tokens_of_its_pattern(text: str, data: st.DataObject) -> None:
    """From any point to any later one, the index reads what the pattern finds, spans and all."""
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    index = TokenIndex(text)
    index.base = index.reached = lo
    last = index._read(hi)
    read = [tuple(token) for token in index.tokens] + ([tuple(last)] if last else [])
    assert read == _expected(text, lo, hi)


@given(
    st.lists(st.lists(PIECES, min_size=1, max_size=5).map("".join), max_size=40).map(" ".join),
    st.lists(st.tuples(st.integers(0, 400), st.sampled_from([10, 40, 60, 160])), max_size=8),
)
def test_windows_are_the_texts_own_tokens(text: str, asked: list[tuple[int, int]]) -> None:
    """Windows asked for in order, each narrow or wide, hold the tokens a read from the start gives.

    The windows end where a quantity would start, at a space (or the end of
    the text), as a quantity's windows do; a wider window after a narrower
    one for the same end reads the words before the index's start.  The
    words are joined by spaces, so that a window always finds one near its
    start (far from any, only the first token read may be cut).
    """
    ends = [i for i in range(len(text) + 1) if i == len(text) or text[i].isspace()]
    index = TokenIndex(text)
    for end, width in sorted(((ends[pick % len(ends)], width) for pick, width in asked), key=_end):
        lo = max(0, end - width)
        read = _expected(text, 0, end)
        expected = [token for token in read if token[1] >= lo]
        if read and read[-1][1] < lo and read[-1][2] == end < len(text):
            expected.append(read[-1])  # the last word, which may run on, is always read again
        assert [tuple(token) for token in index.window(lo, end)] == expected
