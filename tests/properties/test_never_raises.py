"""parse_quantities never raises on any str, whatever the characters or options.

Arbitrary Unicode, grammar-shaped text and number soup are parsed by the
properties of test_invariants.py, which check every result as well; here the
options and the trap characters, each with what they must and must not change.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from numclaims import Options, Quantity, parse_quantities
from properties.checks import check_invariants, parse_both
from properties.known_bugs import or_reject
from properties.strategies import TRAPS, grammar_text

OPTIONS = st.builds(
    Options,
    dollar=st.sampled_from(("USD", "CAD", "AUD", "HKD", "XXX")),
    gallon=st.sampled_from(("us", "imperial")),
    entities=st.booleans(),
)

#: A US gallon in a unit name, which Options(gallon="imperial") makes imperial.
_US_GALLON = re.compile(r"(?<![\w])gallon\b")

#: The fields no option may change: where each quantity is and what it says.
_READING = ("kind", "text", "start", "end", "value", "low", "high", "bound", "change")


def _reading(found: list[Quantity]) -> list[tuple[object, ...]]:
    return [tuple(getattr(q, name) for name in _READING) for q in found]


@given(grammar_text(max_tokens=12), OPTIONS)
def test_any_options(text: str, options: Options) -> None:
    """Options change units and entities only: spans, values and bounds stay; all invariants hold.

    ``dollar`` and ``gallon`` only rename a unit (``$`` and ``gallon``), and
    ``entities=False`` leaves every entity out.
    """
    found = or_reject(lambda: parse_quantities(text, options=options))
    check_invariants(text, found)
    default = or_reject(lambda: parse_quantities(text))
    assert _reading(found) == _reading(default)
    for mine, usual in zip(found, default, strict=True):
        renamed = {usual.unit}
        if usual.unit == "USD":
            renamed.add(options.dollar)
        if usual.unit and options.gallon == "imperial":
            renamed.add(_US_GALLON.sub("imperial_gallon", usual.unit))
        assert mine.unit in renamed, (usual.unit, mine.unit)
        if not options.entities:
            assert (mine.entity, mine.entity_span) == (None, None)


@given(st.lists(st.sampled_from(TRAPS), max_size=20).map("".join), grammar_text(max_tokens=8))
def test_traps_around_claims(traps: str, text: str) -> None:
    """Control, bidi, zero-width, combining and foreign-digit characters around claims parse.

    Every result keeps every invariant, and the lazy and eager APIs agree.
    """
    for joined in (traps + text, text + traps, traps.join(text.split(" "))):
        check_invariants(joined, or_reject(lambda joined=joined: parse_both(joined)))
