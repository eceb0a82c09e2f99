"""Claim context, second round: counting verbs, figures put at a number, relays,
quotations, passive agents, clauses after `since`, `mid-2022`, periods with names."""

from __future__ import annotations

import pytest

from helpers import claim_context, span_text
from numclaims import extract_claims

# (sentence, quantity, source, source_via, hedge, time)
SOURCES = [
    # verbs of counting, before their object only
    ("Officials had counted 640 graves by Friday.", "640", "Officials", None, None, "by Friday"),
    (
        "Inspectors have logged more than 90 breaches.",
        "more than 90",
        "Inspectors",
        None,
        None,
        None,
    ),
    ("Readings recorded at the coast hit 41C on Monday.", "41C", None, None, None, "on Monday"),
    ("The coalition recorded 14 attacks in May.", "14", "The coalition", None, None, "in May"),
    # a figure put at a number
    ("Organisers put the turnout at 80,000.", "80,000", "Organisers", None, None, None),
    (
        "The ministry puts the shortfall as high as $4bn.",
        "as high as $4bn",
        "The ministry",
        None,
        None,
        None,
    ),
    ("Officials would not put a number on the 3 sites.", "3", None, None, None, None),
    ("He put 40 chairs in the hall.", "40", None, None, None, None),
    # relays: citing, quoting
    (
        "Prices rose 8%, the paper reported, citing traders.",
        "8%",
        "traders",
        "the paper",
        None,
        None,
    ),
    (
        "AFP, quoting a police source, said 12 were held.",
        "12",
        "a police source",
        "AFP",
        None,
        None,
    ),
    ("Tass quoted Mr Ivanov as saying 300 had left.", "300", "Mr Ivanov", "Tass", None, None),
    (
        "The mayor was quoted by local radio as saying 70 homes flooded.",
        "70",
        "The mayor",
        "local radio",
        None,
        None,
    ),
    # passive agents: a verb of estimating or counting, then `by`
    (
        "The cost was estimated at £90m by the council.",
        "£90m",
        "the council",
        None,
        "was estimated",
        None,
    ),
    (
        "Some 500 cases were confirmed by the lab last week.",
        "Some 500",
        "the lab",
        None,
        None,
        "last week",
    ),
    ("About 300 letters were received by the office.", "About 300", None, None, None, None),
    # the statement's date, in an opening manner phrase
    (
        "In a statement on Friday, the firm put its losses at $3m.",
        "$3m",
        "the firm",
        None,
        None,
        None,
    ),
    (
        "Exports fell 4%, based on figures from the customs office.",
        "4%",
        "figures from the customs office",
        None,
        None,
        None,
    ),
]

TIMES = [
    ("Fares have risen 30% since the line opened in 2019.", "30%", "since the line opened in 2019"),
    ("Output is up 6% since it reopened.", "6%", "since it reopened"),
    ("Costs are up 9% since the war began and wages rose 2%.", "9%", "since the war began"),
    ("The stock is the highest since the war began at 40.", "40", None),
    (
        "He scored 12 tries in his first Six Nations season.",
        "12",
        "in his first Six Nations season",
    ),
    ("The firm made $2m in its first full year.", "$2m", "in its first full year"),
    ("The side won 20 games in the 2022 season.", "20", "in the 2022 season"),
    ("Rates should reach 3% by mid-2026.", "3%", "by mid-2026"),
    ("Sales fell 2% in the year to mid-2024.", "2%", "in the year to mid-2024"),
    ("Prices jumped 7% in early March.", "7%", "in early March"),
    ("The line runs 40 trains a day from late May.", "40", "from late May"),
    ("Its 2027 sales goal is $5bn.", "$5bn", "2027"),
    ("Apple's 2024 revenue was $391bn.", "$391bn", "2024"),
    ("All 2024 tickets cost $40.", "$40", None),
    ("Revenue was $4bn in fiscal 2024.", "$4bn", "in fiscal 2024"),
    ("The fiscal plan costs $4bn.", "$4bn", None),
]


@pytest.mark.parametrize(
    ("sentence", "quantity", "source", "via", "hedge", "time"),
    SOURCES,
    ids=[r[0][:48] for r in SOURCES],
)
def test_sources(
    sentence: str,
    quantity: str,
    source: str | None,
    via: str | None,
    hedge: str | None,
    time: str | None,
) -> None:
    """The claim of ``quantity`` has exactly this source, relaying party, hedge and time."""
    assert claim_context(sentence, quantity) == (source, via, hedge, time)


@pytest.mark.parametrize(("sentence", "quantity", "time"), TIMES, ids=[r[0][:48] for r in TIMES])
def test_times(sentence: str, quantity: str, time: str | None) -> None:
    """The claim of ``quantity`` holds for exactly this time."""
    claim = next(c for c in extract_claims(sentence) if c.quantity.text == quantity)
    assert span_text(claim.time) == time


def test_a_year_reported_as_a_count_dates_the_others_not_itself() -> None:
    """`Its 2024 deliveries`: the quantities report 2024, which gets no time of its own."""
    claims = extract_claims("Its 2024 deliveries fell 6% to 410,000 cars.")
    assert [(c.quantity.text, span_text(c.time)) for c in claims] == [
        ("2024", None),
        ("6%", "2024"),
        ("410,000", "2024"),
    ]
