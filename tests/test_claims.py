"""Claims: the thing counted (ranges, bounds and changes: test_merge, test_bounds, test_changes)."""

from __future__ import annotations

import pytest

from helpers import only
from numclaims import parse_quantities

# (sentence, span, entity)
ENTITIES = [
    ("Up to 647 tanks have been destroyed.", "Up to 647", "tanks"),
    ("It lost 1,844 armoured combat vehicles and more.", "1,844", "armoured combat vehicles"),
    ("Putin ordered 134,500 more conscripts to join.", "134,500", "conscripts"),
    ("They lost £1.5billion worth of yachts.", "£1.5billion", "yachts"),
    (
        "Between 7,000 and 15,000 Russian soldiers died.",
        "Between 7,000 and 15,000",
        "Russian soldiers",
    ),
    ("They wrote a 400-page report.", "400", "report"),
    ("The death toll rose to 40 on Monday.", "40", "death toll"),
    ("Apple reported revenue of $94.9bn.", "$94.9bn", "revenue"),
    ("House prices in London fell 3% last year.", "3%", "House prices"),
    ("The ECB cut its deposit rate by 25bp.", "25bp", "deposit rate"),
    ("Spotify added 3 million paid subscribers.", "3 million", "paid subscribers"),
    ("Squeeze the juice of half a lemon.", "half", "lemon"),
    ("It reported a 5% rise in prices.", "5%", "rise"),
    ("EV maker Varro posts 41% jump in deliveries", "41%", "jump"),
    ("There is a 70% chance of thunderstorms.", "70%", "thunderstorms"),
    ("The phone's 5,000mAh battery supports fast charging.", "5,000mAh", "battery"),
    ("Men aged 25 to 60 must register.", "25 to 60", "Men"),
    ("The ambassador, who is 58, has served.", "58", "ambassador"),
]


@pytest.mark.parametrize(("sentence", "span", "entity"), ENTITIES, ids=[e[0] for e in ENTITIES])
def test_entity(sentence: str, span: str, entity: str) -> None:
    """The thing counted is a short noun phrase as written, with its own span."""
    quantity = only(sentence)
    assert (quantity.text, quantity.entity) == (span, entity)
    assert quantity.entity_span is not None
    start, end = quantity.entity_span
    assert sentence[start:end] == entity


def test_entity_can_be_switched_off() -> None:
    """Options(entities=False) leaves every entity None."""
    from numclaims import Options

    found = parse_quantities("Up to 647 tanks.", options=Options(entities=False))
    assert [(q.text, q.entity, q.entity_span) for q in found] == [("Up to 647", None, None)]
