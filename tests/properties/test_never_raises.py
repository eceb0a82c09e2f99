"""parse_quantities never raises on any str, whatever the characters or options."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from numclaims import Options, Quantity, parse_quantities
from properties.known_bugs import or_reject
from properties.strategies import TRAPS, any_text, grammar_text, number_soup

OPTIONS = st.builds(
    Options,
    dollar=st.sampled_from(("USD", "CAD", "AUD", "HKD", "XXX")),
    gallon=st.sampled_from(("us", "imperial")),
    entities=st.booleans(),
)


def parse_or_reject(text: str, options: Options | None = None) -> list[Quantity]:
    """Parse ``text``; reject the example when it fails by a reported bug (known_bugs.py)."""
    return or_reject(lambda: parse_quantities(text, options=options))


@given(any_text())
def test_any_unicode_text(text: str) -> None:
    """Any string of any Unicode category, surrogates and controls included, parses."""
    assert isinstance(parse_or_reject(text), list)


@given(grammar_text())
def test_grammar_shaped_text(text: str) -> None:
    """Random glue of digits, separators, currencies, units, number and bound words parses."""
    assert isinstance(parse_or_reject(text), list)


@given(number_soup())
def test_number_soup(text: str) -> None:
    """Numbers glued from fragments (exponents, fractions, scales, units, ranges) parse."""
    assert isinstance(parse_or_reject(text), list)


@given(grammar_text(max_tokens=12), OPTIONS)
def test_any_options(text: str, options: Options) -> None:
    """Every valid Options value parses grammar-shaped text without raising."""
    assert isinstance(parse_or_reject(text, options), list)


@given(st.lists(st.sampled_from(TRAPS), max_size=20).map("".join), grammar_text(max_tokens=8))
def test_traps_around_claims(traps: str, text: str) -> None:
    """Control, bidi, zero-width, combining and foreign-digit characters around claims parse."""
    for joined in (traps + text, text + traps, traps.join(text.split(" "))):
        assert isinstance(parse_or_reject(joined), list)
