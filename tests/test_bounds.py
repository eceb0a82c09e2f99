"""Stage 5, bounds: the bound phrase before or after a quantity (numclaims._bounds)."""

from __future__ import annotations

import pytest

from helpers import assert_span
from numclaims import parse_quantities

# (sentence, span, bound, qualifier)
BOUNDS = [
    ("Up to 647 tanks were lost.", "Up to 647", "at_most", "Up to"),
    ("It could be as high as 18,300.", "as high as 18,300", "at_most", "as high as"),
    ("As many as 40 died.", "As many as 40", "at_most", "As many as"),
    ("It takes no more than 6 days.", "no more than 6 days", "at_most", "no more than"),
    ("It allows a maximum of 7 guests.", "a maximum of 7", "at_most", "a maximum of"),
    ("Keep it ≤ 8 today.", "≤ 8", "at_most", "≤"),
    ("At least 5 people came.", "At least 5", "at_least", "At least"),
    ("No fewer than 6 ships sailed.", "No fewer than 6", "at_least", "No fewer than"),
    ("Fares start as little as $2.", "as little as $2", "at_least", "as little as"),
    ("Rates fell as low as 3%.", "as low as 3%", "at_least", "as low as"),
    ("Groups of 10 or more pay less.", "10 or more", "at_least", "or more"),
    ("Anyone aged 65+ is eligible.", "65+", "at_least", "+"),
    ("More than 40 people came.", "More than 40", "more_than", "More than"),
    ("Over 50 people came.", "Over 50", "more_than", "Over"),
    ("Turnout was above 60%.", "above 60%", "more_than", "above"),
    ("It costs upwards of £80.", "upwards of £80", "more_than", "upwards of"),
    ("Bills in excess of $90 bounced.", "in excess of $90", "more_than", "in excess of"),
    ("Less than 40 people came.", "Less than 40", "less_than", "Less than"),
    ("Under 50 people came.", "Under 50", "less_than", "Under"),
    ("Fewer than 70 people came.", "Fewer than 70", "less_than", "Fewer than"),
    ("About 40 people came.", "About 40", "approximate", "About"),
    ("Around 50 people came.", "Around 50", "approximate", "Around"),
    ("Roughly 60 people came.", "Roughly 60", "approximate", "Roughly"),
    ("Nearly 80 people came.", "Nearly 80", "approximate", "Nearly"),
    ("Some 100 people came.", "Some 100", "approximate", "Some"),
    ("The wall dates from c. 120 AD onwards, or circa 110 tiles.", "c. 120", "approximate", "c."),
    ("The rig holds ~130 litres.", "~130 litres", "approximate", "~"),
    ("An estimated 140 people came.", "An estimated 140", "approximate", "An estimated"),
]


@pytest.mark.parametrize(
    ("sentence", "span", "bound", "qualifier"), BOUNDS, ids=[b[1] for b in BOUNDS]
)
def test_bound(sentence: str, span: str, bound: str, qualifier: str) -> None:
    """A bound phrase sets bound and qualifier and is part of the span."""
    quantity = parse_quantities(sentence)[0]
    assert (quantity.bound, quantity.qualifier) == (bound, qualifier)
    assert_span(sentence, quantity, span)


@pytest.mark.parametrize(
    ("sentence", "span", "bound"),
    [
        ("He invested over 20 years in the firm.", "20 years", "exact"),
        ("He lived there for over 20 years.", "over 20 years", "more_than"),
        ("You can buy it at most supermarkets.", None, None),
        # within never sets a bound: the corpus README's convention
        ("Shops within 5 km qualify.", "5 km", "exact"),
        ("Use the vial within 28 days of opening.", "28 days", "exact"),
    ],
)
def test_bound_words_that_are_not_bounds(
    sentence: str, span: str | None, bound: str | None
) -> None:
    """``over 20 years`` across time and ``at most supermarkets`` are not bounds."""
    found = parse_quantities(sentence)
    assert [(q.text, q.bound) for q in found] == ([(span, bound)] if span else [])


@pytest.mark.parametrize(
    ("sentence", "span", "bound"),
    [
        ("It took under 3 hours.", "under 3 hours", "less_than"),
        ("He spent over 3 hours there.", "over 3 hours", "more_than"),
        ("He worked over 3 hours.", "3 hours", "exact"),
    ],
)
def test_over_and_under_a_duration(sentence: str, span: str, bound: str) -> None:
    """``over``/``under`` bound a duration only after a word of bounds.txt's [bounds_time]."""
    assert [(q.text, q.bound) for q in parse_quantities(sentence)] == [(span, bound)]


@pytest.mark.parametrize(
    ("sentence", "span", "qualifier"),
    [
        ("It holds up to a maximum of 5 people.", "up to a maximum of 5", "up to a maximum of"),
        ("It is just over 5 km.", "just over 5 km", "just over"),
        ("Buy 10 or more.", "10 or more", "or more"),
    ],
)
def test_longest_phrase_wins(sentence: str, span: str, qualifier: str) -> None:
    """Where phrases end alike (``a maximum of``, ``up to a maximum of``), the longest is read."""
    quantity = parse_quantities(sentence)[0]
    assert quantity.qualifier == qualifier
    assert_span(sentence, quantity, span)


def test_a_phrase_matches_with_single_spaces_only() -> None:
    """A phrase matches as written in bounds.txt, one space between its words."""
    assert [(q.text, q.bound) for q in parse_quantities("Up  to 647 tanks.")] == [("647", "exact")]
