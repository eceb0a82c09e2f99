"""The same claim parses the same wherever it stands and whatever punctuation surrounds it."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from helpers import close
from numclaims import Quantity, parse_quantities
from properties.known_bugs import KNOWN_BAD_WRAPPERS, known_claim_bug
from properties.strategies import FILLERS_AFTER, FILLERS_BEFORE, Claim, claims

WRAPPERS = (
    ("", ""),
    ('"', '"'),
    ("\u201c", "\u201d"),
    ("\u2018", "\u2019"),
    ("'", "'"),
    ("(", ")"),
    ("[", "]"),
    ("", ","),
    ("", "."),
    ("", ";"),
    ("", ":"),
    ("", "!"),
    ("", "?"),
    (", ", ","),
    ("\u2014", "\u2014"),
    ("\n", "\n"),
    ("\t", "\t"),
    ("   ", "   "),
    ("\n\n", ".\n\n"),
    ("\u00a0", "\u00a0"),
    ("\u00ab", "\u00bb"),
    ("\u201e", "\u201c"),
    ("\u200b", "\u200b"),
)
"""(before, after) the claim."""

GLUE = (" ", ", ", ". ", ".\n", "\n", "\t", "  ", " - ", "; ")
"""How the words around the wrapped claim join it."""


def _same(q: Quantity, claim: Claim) -> bool:
    return (
        (q.kind, q.unit, q.bound) == (claim.kind, claim.unit, claim.bound)
        and close(q.value, claim.value)
        and close(q.low, claim.low)
        and close(q.high, claim.high)
    )


@st.composite
def embedded(draw: st.DrawFn) -> tuple[Claim, str, int]:
    """A claim in a random wrapper, after and before random words: (claim, text, start)."""
    claim = draw(claims())
    left, right = draw(st.sampled_from(WRAPPERS))
    if claim.kind == "number" and claim.text[:1].isdigit():
        assume((left, right) not in KNOWN_BAD_WRAPPERS)  # (12) -> -12, reported bug
    before = draw(st.sampled_from(("", *FILLERS_BEFORE)))
    after = draw(st.sampled_from(("", *FILLERS_AFTER)))
    head = before + (draw(st.sampled_from(GLUE)) if before else "") + left
    head = draw(st.sampled_from(("", " ", "\n", "  "))) + head
    tail = right + (draw(st.sampled_from(GLUE)) + after if after else "")
    assume(known_claim_bug(head, claim.text) is None)  # reported bugs, see known_bugs.py
    return claim, head + claim.text + tail, len(head)


@given(embedded())
def test_claim_parses_the_same_anywhere(case: tuple[Claim, str, int]) -> None:
    """A claim keeps its kind, value, unit and bound in any surroundings; its span shifts."""
    claim, text, start = case
    found = parse_quantities(text)
    assert [q.text for q in found] == [claim.text]
    q = found[0]
    assert (q.start, q.end) == (start, start + len(claim.text))
    assert _same(q, claim), q


@given(claims(), st.lists(st.sampled_from(WRAPPERS), min_size=2, max_size=5))
def test_repeated_claim_parses_the_same_each_time(claim: Claim, wrappers: list) -> None:
    """A claim written several times, wrapped differently, gives the same result each time."""
    if claim.kind == "number" and claim.text[:1].isdigit():
        wrappers = [w for w in wrappers if w not in KNOWN_BAD_WRAPPERS]
        assume(wrappers)
    pieces: list[str] = []
    starts: list[int] = []
    for left, right in wrappers:
        head = "".join(pieces) + ("the survey in \u0130zmir found " if pieces else "") + left
        starts.append(len(head))
        pieces = [head, claim.text, right, " officials noted."]
    assume(known_claim_bug("the survey in \u0130zmir", claim.text) is None)  # reported bugs
    found = parse_quantities("".join(pieces))
    assert [q.start for q in found] == starts
    for q in found:
        assert q.text == claim.text
        assert _same(q, claim), q
