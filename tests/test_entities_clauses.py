"""Entities read from the shape of the clause: relative clauses, fronted places, verbs of price.

Each row is a sentence, the text of one of its quantities, and the entity
expected for it (``None`` where the sentence names no thing).  Every rule has
rows of the near forms it must leave alone.  The sentences are written for
these tests in the shapes news, price lists and public-service reports use.
"""

from __future__ import annotations

import pytest

from numclaims import parse_quantities

# (sentence, quantity text, entity)
Row = tuple[str, str, str | None]

#: A relative clause that opens with its verb states the value of the noun before ``that``.
RELATIVE: list[Row] = [
    ("Fuel bills ate into a profit that fell 27% to $410 million.", "27%", "profit"),
    ("Fuel bills ate into a profit that fell 27% to $410 million.", "$410 million", "profit"),
    ("Drivers want 9% to make up for inflation that peaked at 11.1%.", "11.1%", "inflation"),
    ("The rover must survive nights that plunged to minus 170C.", "minus 170C", "nights"),
    ("Rents rose at the site, which has a pool that is 25 metres long.", "25 metres", "pool"),
    # a verb of doing, not of stating: how far the noun went, no thing
    ("Crews found a drone that flew 40 miles.", "40 miles", None),
    # a subject of its own after that: the clause's reading, not the noun before
    ("Officials said that exports rose 4% in May.", "4%", "exports"),
    # how often, not how many: no thing
    ("The deadline was extended three times.", "three", None),
    ("It set a deadline that was extended four times.", "four", None),
    ("The valve is checked 2 times during each shift.", "2", None),
]

#: A place or a time set before the subject without a comma is passed over.
FRONTED: list[Row] = [
    ("In Leeds the average rent was £1,120 a month.", "£1,120 a month", "average rent"),
    ("In March prices rose 3.1%.", "3.1%", "prices"),
    ("In 2023 the budget was £4.2m.", "£4.2m", "budget"),
    # after a comma the clause reads as before
    ("In Leeds, the average rent was £1,120 a month.", "£1,120 a month", "average rent"),
    # with and a noun at a value: the noun
    ("With rents at £1,120 a month, few can save.", "£1,120 a month", "rents"),
]

#: A verb of pricing that is also a noun is a verb after a noun or an adverb.
PRICING: list[Row] = [
    ("Kayaks rent for about $25 an hour.", "about $25 an hour", "Kayaks"),
    ("The Pro version sells for $799.", "$799", "Pro version"),
    ("A two-bed flat now rents for £1,450 a month.", "£1,450 a month", "flat"),
    ("Nurses on the ward start on £29,970.", "£29,970", "Nurses"),
    # a noun after a determiner, an adjective or a participle
    ("The median asking rent for a studio has fallen 4% to $1,390.", "4%", "median asking rent"),
    ("Rents for a studio rose 5% to £1,390.", "5%", "Rents"),
]

#: The subject of the sentence, for a clause that has none of its own.
SHARED: list[Row] = [
    ("The economy grew 0.6% in spring, after shrinking 0.1% in winter.", "0.1%", "economy"),
    # the passive of a verb of paying: who is paid
    ("Cabin crew will be paid £1,950 a month.", "£1,950 a month", "Cabin crew"),
    ("Junior doctors were paid £15.50 an hour.", "£15.50 an hour", "Junior doctors"),
    # but a fine, and the active voice, name no thing
    ("The club were fined £10,000.", "£10,000", None),
    ("The state borrowed £15bn.", "£15bn", None),
    # a word with an ampersand is one word of the phrase
    ("Only 58.4% of A&E patients were seen within four hours.", "58.4%", "A&E patients"),
]

ROWS = RELATIVE + FRONTED + PRICING + SHARED


def _entity(sentence: str, text: str) -> tuple[str | None, tuple[int, int] | None]:
    found = [q for q in parse_quantities(sentence) if q.text == text]
    assert len(found) == 1, [q.text for q in parse_quantities(sentence)]
    return found[0].entity, found[0].entity_span


@pytest.mark.parametrize(
    ("sentence", "text", "entity"), ROWS, ids=[f"{r[0]} [{r[1]}]" for r in ROWS]
)
def test_entity_and_span(sentence: str, text: str, entity: str | None) -> None:
    """The entity is the expected phrase as written, at its last place before the quantity."""
    if entity is None:
        assert _entity(sentence, text) == (None, None)
        return
    at = sentence.index(text)
    start = sentence.rfind(entity, 0, at)
    start = sentence.index(entity, at) if start < 0 else start
    assert _entity(sentence, text) == (entity, (start, start + len(entity)))
