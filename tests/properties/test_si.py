"""SI fields agree with conversion: ``q.to(q.si_unit) == q.si_value``, and a range's ends too."""

from __future__ import annotations

import math
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims import Quantity, UnitConversionError, parse_quantities
from numclaims._normalise import si_conversion
from properties.known_bugs import or_reject
from properties.strategies import Sentence, grammar_text, number_soup, numbers, sentences
from properties.vocab import sections


def _agrees(converted: float, si: float) -> bool:
    # The SI fields come from a table of factors and offsets, to() from pint
    # itself: the two may differ in the last bits (offsets such as 273.15 K).
    return math.isclose(converted, si, rel_tol=1e-9, abs_tol=1e-9)


def check_si(q: Quantity) -> None:
    """The SI fields of ``q`` are what to()/to_range() give in its SI unit; never inf."""
    if q.si_unit is None:
        assert (q.si_value, q.si_low, q.si_high) == (None, None, None), q
    if q.kind != "measure" or q.unit is None:
        assert q.si_unit is None, q
        return
    if q.is_range:
        assert q.si_value is None, q
        with pytest.raises(UnitConversionError, match="to_range"):
            q.to(q.unit)
        with pytest.raises(UnitConversionError, match="to_range"):
            q.to_pint()
        if q.si_unit is not None:
            assert q.si_low is not None, q
            assert q.si_high is not None, q
            low, high = q.to_range(q.si_unit)
            assert _agrees(low, q.si_low), (low, q)
            assert _agrees(high, q.si_high), (high, q)
        return
    assert (q.si_low, q.si_high) == (None, None), q
    with pytest.raises(UnitConversionError, match="not a range"):
        q.to_range(q.unit)
    if q.si_unit is not None:
        assert q.si_value is not None, q
        converted = q.to(q.si_unit)
        assert _agrees(converted, q.si_value), (converted, q)
        return
    conversion = si_conversion(q.unit)
    if conversion is not None:
        # An SI unit exists, so no SI value means the value does not fit a float.
        with pytest.raises(UnitConversionError, match="largest float"):
            q.to(conversion.unit)


def _check_all(text: str) -> None:
    for q in or_reject(lambda: parse_quantities(text)):
        check_si(q)


@given(sentences())
def test_si_fields_of_rendered_claims(sentence: Sentence) -> None:
    """Every rendered claim (ranges of measures included) has SI fields that to() agrees with."""
    _check_all(sentence.text)


@given(grammar_text())
def test_si_fields_of_grammar_text(text: str) -> None:
    """Quantities in grammar-shaped text have SI fields that to() and to_range() agree with."""
    _check_all(text)


@given(number_soup())
def test_si_fields_of_number_soup(text: str) -> None:
    """Numbers glued from fragments (ranges, exponents, composites) keep the SI agreement."""
    _check_all(text)


@cache
def _unit_surfaces() -> tuple[str, ...]:
    """Every surface of every unit of units.txt, rates and glued forms left out."""
    return tuple(
        sorted(
            surface
            for section, units in sections("units").items()
            if section not in ("per", "glued", "composite")
            for names in units.values()
            for surface in names
        )
    )


RANGE_FORMS = ("{a} to {b} {unit}", "between {a} and {b} {unit}", "{a}-{b} {unit}")


@st.composite
def measure_texts(draw: st.DrawFn) -> str:
    """A number or a range before any unit surface of the vocabulary, now and then negative."""
    unit = draw(st.sampled_from(_unit_surfaces()))
    a, b = (n.text for n in draw(st.tuples(*[numbers("int", "decimal", "grouped")] * 2)))
    sign = draw(st.sampled_from(("", "", "-", "minus ")))
    if draw(st.booleans()):
        return f"It was {sign}{a} {unit} that day."
    form = draw(st.sampled_from(RANGE_FORMS))
    return "It was " + form.format(a=a, b=b, unit=unit) + " that day."


@given(measure_texts())
def test_si_fields_of_measures(text: str) -> None:
    """Measures and ranges of measures in every unit of the vocabulary keep the SI agreement."""
    _check_all(text)


@given(
    mantissa=st.integers(1, 9),
    exponent=st.integers(290, 308),
    surface=st.sampled_from(_unit_surfaces()),
    ranged=st.booleans(),
)
def test_huge_measures_never_convert_to_inf(
    mantissa: int, exponent: int, surface: str, ranged: bool
) -> None:
    """Near the largest float, SI fields are set only when finite, and to() raises, never inf."""
    number = f"{mantissa}e{exponent}"
    text = f"It measured between 1 and {number} {surface}." if ranged else f"{number} {surface}"
    _check_all(text)
