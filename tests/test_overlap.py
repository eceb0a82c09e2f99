"""Results never overlap: no two quantities claim the same character of the text."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from numclaims import Options, parse_quantities
from numclaims._pipeline import iter_atoms
from properties.strategies import grammar_text

# (text, [(quantity text, start, end, value, bound), ...]): a sign glued to
# the end of one quantity (its %, ½ or unit) is that quantity's bound
# (``3%+``: 3% or more), not the sign of the next number.
GLUED_SIGNS = [
    ("3%+.2", [("3%+", 0, 3, 3.0, "at_least"), (".2", 3, 5, 0.2, "exact")]),
    ("½+.3", [("½+", 0, 2, 0.5, "at_least"), (".3", 2, 4, 0.3, "exact")]),
    ("3%+.2€", [("3%+", 0, 3, 3.0, "at_least"), (".2€", 3, 6, 0.2, "exact")]),
    ("twenty%+.2km", [("twenty%+", 0, 8, 20.0, "at_least"), (".2km", 8, 12, 0.2, "exact")]),
    ("5°+.2", [("5°+", 0, 3, 5.0, "at_least"), (".2", 3, 5, 0.2, "exact")]),
    # not a bound before a digit (65+5), and no sign either, as after a letter (3km+5)
    ("3%+5", [("3%", 0, 2, 3.0, "exact"), ("5", 3, 4, 5.0, "exact")]),
]

# Signs that stand free stay signs (unchanged behaviour, pinned beside the fix).
FREE_SIGNS = [
    ("3% +.2", [("3%", 0, 2, 3.0, "exact"), ("+.2", 3, 6, 0.2, "exact")]),
    ("3%-.2", [("3%", 0, 2, 3.0, "exact"), ("-.2", 2, 5, -0.2, "exact")]),
    ("€+5", [("€+5", 0, 3, 5.0, "exact")]),
    ("65+ people", [("65+", 0, 3, 65.0, "at_least")]),
]


@pytest.mark.parametrize(("text", "expected"), GLUED_SIGNS + FREE_SIGNS)
def test_a_sign_belongs_to_one_quantity(text: str, expected: list[tuple[object, ...]]) -> None:
    """Each sign is claimed once: by the bound of the quantity before it, or by the next number."""
    found = parse_quantities(text, options=Options(entities=False))
    assert [(q.text, q.start, q.end, q.value, q.bound) for q in found] == expected


def _assert_disjoint(text: str) -> None:
    end = 0
    for atom in iter_atoms(text, Options(entities=False)):
        assert atom.start >= end, f"{text!r}: overlap at {atom.start} (previous ends at {end})"
        assert atom.start < atom.end, f"{text!r}: empty atom at {atom.start}"
        end = atom.end


@given(grammar_text())
@example("3%+.2")
@example("½+.3")
@example("3%+.2€")
@example("twenty%+.2km")
def test_grammar_text_never_overlaps(text: str) -> None:
    """No two results of any text made of the grammar's pieces share a character."""
    _assert_disjoint(text)


#: Pieces that end a quantity glued, and signs and numbers glued after them.
_GLUED_PIECES = st.sampled_from(
    ["3", ".2", "½", "twenty", "%", "°", "€", "£", "$", "km", "+", "-", "−", " ", "(", ")", "p"]
)


@given(st.lists(_GLUED_PIECES, max_size=12).map("".join))
def test_glued_signs_never_overlap(text: str) -> None:
    """Quantities glued to one another through a sign never share it."""
    _assert_disjoint(text)
