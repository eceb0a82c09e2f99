"""Plural unit names parse to the unit a person means, checked against a hand-written table.

The table (tests/properties/unit_names.py) is independent of units.txt, the
file the parser reads: a name mapped to the wrong unit there (``kilometres``
read as miles) fails here, and in the round-trip properties that draw from it.
"""

from __future__ import annotations

from functools import cache

import pint
import pytest

from helpers import close, only
from properties.unit_names import DIMENSIONALITY, PLURAL_NAMES, plural_names
from properties.vocab import plural_names_listed

NAMES = plural_names()

#: Units whose pint definition is not what text means, with the reason.
NOT_AS_IN_PINT = {
    "decade": "pint's decade is a logarithmic factor of ten; text means ten years "
    "(test_measures.py::test_a_decade_is_ten_years)",
}


@cache
def _registry() -> pint.UnitRegistry:
    return pint.UnitRegistry()


def test_the_table_lists_every_plural_name_of_units_txt() -> None:
    """Each plural name of units.txt's round-trip sections has a hand-written unit, and no more."""
    listed = set(plural_names_listed())
    written = {(name, dimension) for name, _, dimension in NAMES}
    assert listed - written == set(), "plural names in units.txt without an expected unit"
    assert written - listed == set(), "expected units for names units.txt does not list"


@pytest.mark.parametrize(("name", "unit", "dimension"), NAMES, ids=[n[0] for n in NAMES])
def test_plural_name_parses_to_its_unit(name: str, unit: str, dimension: str) -> None:
    """``12 <name>`` is one measure of 12 in the hand-written unit, spanning both words."""
    sentence = f"They reported 12 {name} in all."
    quantity = only(sentence)
    assert (quantity.kind, quantity.unit, quantity.text) == ("measure", unit, f"12 {name}")
    assert close(quantity.value, 12.0)


@pytest.mark.parametrize("dimension", sorted(PLURAL_NAMES))
def test_units_have_their_dimension_in_pint(dimension: str) -> None:
    """pint gives each hand-written unit the dimension it is listed under."""
    ureg = _registry()
    wanted = ureg.get_dimensionality(DIMENSIONALITY[dimension])
    for unit in sorted(set(PLURAL_NAMES[dimension].values()) - set(NOT_AS_IN_PINT)):
        assert ureg.parse_units(unit).dimensionality == wanted, unit
