"""Ratios and multiples rendered into sentences parse back to their value and parts."""

from __future__ import annotations

from hypothesis import given, note
from hypothesis import strategies as st

from helpers import close
from numclaims import Quantity, parse_quantities
from properties.strategies import spell

#: What a ratio counts, and what follows it (``3 in 10 adults smoke``).
_COUNTED = ("adults", "patients", "voters", "homes", "firms")
_AFTER = ("smoke.", "said no.", "were affected.", "have one.")
#: What a multiple compares (``3x faster``, ``12 times larger than``).
_COMPARISONS = ("faster", "larger", "higher", "more expensive", "as likely")


def _one(text: str) -> Quantity:
    found = parse_quantities(text)
    note(f"found: {[q.model_dump(include={'text', 'kind', 'value'}) for q in found]}")
    assert len(found) == 1, (text, [q.text for q in found])
    return found[0]


def _written(n: int, spelled: bool) -> str:
    """``n`` in digits, or in words where it has a spelling here (2-99)."""
    return spell(n) if spelled and 2 <= n <= 99 else str(n)


@st.composite
def _ratios(draw: st.DrawFn) -> tuple[str, str, int, int, int]:
    """A sentence with ``N in M`` (N < M), the ratio's text, where it starts, and N and M."""
    denominator = draw(st.integers(2, 999))
    numerator = draw(st.integers(1, denominator - 1))
    spelled = draw(st.booleans())
    ratio = f"{_written(numerator, spelled)} in {_written(denominator, spelled)}"
    opening = draw(st.sampled_from(("Nationally, ", "In the survey, ", "")))
    counted, after = draw(st.sampled_from(_COUNTED)), draw(st.sampled_from(_AFTER))
    text = f"{opening}{ratio} {counted} {after}"
    if not opening:
        text = text[0].upper() + text[1:]
    start = len(opening)
    return text, text[start : start + len(ratio)], start, numerator, denominator


@given(_ratios())
def test_n_in_m_round_trips(case: tuple[str, str, int, int, int]) -> None:
    """``N in M`` with N < M is one ratio: value N/M, numerator N, denominator M, its own span."""
    text, written, start, numerator, denominator = case
    q = _one(text)
    assert (q.kind, q.start, q.text) == ("ratio", start, written)
    assert (q.numerator, q.denominator) == (numerator, denominator)
    assert close(q.value, numerator / denominator)
    assert (q.low, q.high, q.unit) == (None, None, None)


#: Factors of a multiple: whole numbers and one-decimal ones (``2.5x``).
_FACTORS = st.one_of(
    st.integers(2, 99).map(lambda n: (str(n), float(n), n)),
    st.tuples(st.integers(1, 20), st.integers(1, 9)).map(
        lambda p: (f"{p[0]}.{p[1]}", float(f"{p[0]}.{p[1]}"), None)
    ),
)


@st.composite
def _multiples(draw: st.DrawFn) -> tuple[str, str, float]:
    """A sentence with a factor written ``Nx``, ``NX`` or ``N times``; the factor's text, value."""
    digits, value, whole = draw(_FACTORS)
    form = draw(st.sampled_from(("x", "X", " times", " times (words)")))
    if form == " times (words)":
        factor = f"{spell(whole)} times" if whole is not None else f"{digits} times"
    else:
        factor = digits + form
    comparison = draw(st.sampled_from(_COMPARISONS))
    subject = draw(st.sampled_from(("The new chip is", "Demand was", "The risk is now")))
    return f"{subject} {factor} {comparison} than before.", factor, value


@given(_multiples())
def test_factor_round_trips(case: tuple[str, str, float]) -> None:
    """``Nx``, ``NX`` and ``N times`` before a comparison are one multiple whose value is N."""
    text, factor, value = case
    q = _one(text)
    assert (q.kind, q.text, q.start) == ("multiple", factor, text.index(factor))
    assert close(q.value, value)
    assert (q.low, q.high, q.unit, q.is_delta) == (None, None, None, False)
