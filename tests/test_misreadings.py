"""Misreadings seen in the blind development set, each beside near forms that stay quantities.

Families: a colon pair (a score ``3:2``, a diet ``16:8``, an aspect ratio
``16:9``); a tally after ``voted`` or with a side in words (``voted 27 to
19``, ``38 votes to nine``); a post's number in a thread (``Thread 1/12``); a multiple verb's
-ing form named as an event (``the bitcoin halving``); a version after a
name (``Basel 3.1``, ``firmware 2.01``); a label, a number and its letter
(``Gate 22C``, ``Launch Complex 39B``); a range of points after ``by``
(``by 50 to 75 basis points``); points of a rate (``a 0.25-point rate cut``).
"""

from __future__ import annotations

import pytest

from numclaims import parse_quantities

#: (family, sentence, [(span, kind, value or (low, high), unit)]): exactly what is found.
ROWS = [
    # A colon pair names a pairing; no quantity.
    ("colon pair", "She swears by 16:8 intermittent fasting.", []),
    (
        "colon pair",
        "The 5:2 diet limits calories on two days.",
        [("two days", "measure", 2.0, "day")],
    ),
    ("colon pair", "The TV has a 16:9 screen and 4 HDMI ports.", [("4", "number", 4.0, None)]),
    ("colon pair", "Shoot in a 3:2 aspect ratio.", []),
    ("colon pair", "The score was 3:2 at half-time.", []),
    ("colon pair", "City won 3:2 after extra time.", []),
    (
        "colon pair kept",
        "The train left at 14:30 with 200 people.",
        [("200", "number", 200.0, None)],
    ),
    (
        "colon pair kept",
        "Arrests so far: 16: nine in the north.",
        [
            ("16", "number", 16.0, None),
            ("nine", "number", 9.0, None),
        ],
    ),
    # A tally after a verb of voting, or with its other side in words.
    ("tally", "Councillors voted 27 to 19 against the motion on item 7.", []),
    ("tally", "The plan was approved by 38 votes to nine on Tuesday.", []),
    ("tally kept", "Residents voted 3 times on the plan.", [("3", "number", 3.0, None)]),
    (
        "tally kept",
        "The board voted 5 to 10 new members onto the panel.",
        [
            ("5 to 10", "number", (5.0, 10.0), None),
        ],
    ),
    ("tally kept", "About 62% voted to leave.", [("About 62%", "percent", 62.0, "percent")]),
    # A thread's post number; a fraction of something stays one.
    ("thread", "Thread 1/12: why the budget matters.", []),
    ("thread", "Thread 🧵 3/8: what the rule changes", []),
    ("thread kept", "They spent 1/12 of the budget on travel.", [("1/12", "number", 1 / 12, None)]),
    # The -ing form of a multiple verb named as an event.
    ("event", "Miners are bracing for the bitcoin halving next April.", []),
    ("event", "Bitcoin's next halving is expected in 2028.", []),
    (
        "event",
        "The doubling time of the virus is three days.",
        [("three days", "measure", 3.0, "day")],
    ),
    (
        "event kept",
        "The plan aims at halving the waiting list.",
        [("halving", "multiple", 0.5, None)],
    ),
    (
        "event kept",
        "The halving of the tax will cost £2bn.",
        [
            ("halving", "multiple", 0.5, None),
            ("£2bn", "money", 2e9, "GBP"),
        ],
    ),
    ("event kept", "Analysts expect a doubling in prices.", [("doubling", "multiple", 2.0, None)]),
    (
        "event kept",
        "A plan that is halving costs won support.",
        [("halving", "multiple", 0.5, None)],
    ),
    ("event kept", "Waiting lists have halved since March.", [("halved", "multiple", 0.5, None)]),
    # A version after a name or a label word.
    ("version", "Banks must meet the Basel 3.1 rules.", []),
    ("version", "Install firmware 2.01 before the trip.", []),
    ("version", "The bug was fixed in iOS 17.4 last week.", []),
    (
        "version kept",
        "The firmware update cut power use 20%.",
        [("20%", "percent", 20.0, "percent")],
    ),
    # A label word, a number and its letter.
    ("lettered label", "Passengers for Lisbon should go to Gate 22C.", []),
    ("lettered label", "The rocket lifted off from Launch Complex 39B.", []),
    ("lettered label", "Crews rolled the booster to Pad 39A.", []),
    ("lettered label", "The vote was held in Room 4B.", []),
    (
        "lettered label kept",
        "The pool was heated to 22C.",
        [("22C", "measure", 22.0, "degree_Celsius")],
    ),
    ("lettered label kept", "Revenue hit 39B in 2024.", [("39B", "number", 39e9, None)]),
    # A close pair in points after `by` is one range.
    (
        "points range",
        "The bank may cut rates by 50 to 75 basis points.",
        [
            ("50 to 75 basis points", "percent", (50.0, 75.0), "basis_point"),
        ],
    ),
    (
        "points range",
        "Rates may rise by 2 to 3 percentage points.",
        [
            ("2 to 3 percentage points", "percent", (2.0, 3.0), "percentage_point"),
        ],
    ),
    (
        "points range",
        "They may cut by between 50 and 75 basis points.",
        [
            ("between 50 and 75 basis points", "percent", (50.0, 75.0), "basis_point"),
        ],
    ),
    (
        "points range kept",
        "The spread widened by 5 to 52 basis points.",
        [
            ("5", "number", 5.0, None),
            ("52 basis points", "percent", 52.0, "basis_point"),
        ],
    ),
    (
        "points range kept",
        "Shares rose by 5% to 7%.",
        [
            ("5%", "percent", 5.0, "percent"),
            ("7%", "percent", 7.0, "percent"),
        ],
    ),
    # Points of a rate are percentage points; an index's points are not.
    (
        "rate point",
        "Economists expect a 0.25-point rate cut in June.",
        [
            ("0.25-point", "percent", 0.25, "percentage_point"),
        ],
    ),
    (
        "rate point",
        "Markets priced in a quarter-point cut.",
        [
            ("a quarter-point", "percent", 0.25, "percentage_point"),
        ],
    ),
    (
        "rate point",
        "The bank announced a half-point rise in its main rate.",
        [
            ("a half-point", "percent", 0.5, "percentage_point"),
        ],
    ),
    (
        "rate point",
        "The bank made a 2-point cut in its main rate.",
        [
            ("2-point", "percent", 2.0, "percentage_point"),
        ],
    ),
    ("rate point kept", "The Dow suffered a 500-point drop.", [("500", "number", 500.0, None)]),
    ("rate point kept", "Labour holds a 10-point lead.", [("10", "number", 10.0, None)]),
    ("rate point kept", "He scored a 3-point basket.", [("3", "number", 3.0, None)]),
]


def _found(sentence: str) -> list[tuple[str, str, object, str | None]]:
    """Each quantity as (span, kind, value or (low, high), unit)."""
    return [
        (q.text, q.kind, q.value if q.value is not None else (q.low, q.high), q.unit)
        for q in parse_quantities(sentence)
    ]


@pytest.mark.parametrize(
    ("family", "sentence", "expected"),
    ROWS,
    ids=[f"{family}-{i}" for i, (family, *_) in enumerate(ROWS)],
)
def test_misreadings(
    family: str, sentence: str, expected: list[tuple[str, str, object, str | None]]
) -> None:
    """Each sentence gives exactly these quantities: span, kind, value and unit."""
    assert _found(sentence) == [
        (span, kind, value if isinstance(value, tuple) else pytest.approx(value), unit)
        for span, kind, value, unit in expected
    ]
