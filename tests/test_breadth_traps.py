"""False positives seen on real text: each is no quantity, and a real claim beside one survives.

The families of issue 13's "Not quantities": clock times with ``p.m.``, day
ranges after a month, fiscal years, street numbers with a compass point,
model and form names, shirt numbers, ``half-staff``, ``third-party``,
``3-pointer``, ``a week earlier``; phone numbers, software versions
(``the 2.0 update``) and octane grades (``RON 95``); a blood-pressure
reading (``140/90 mmHg``: two measures; ``120/80`` with no unit: none); and
the tails read by context: ``m`` as a million or a metre, ``pounds`` as
money or mass, a currency glued to a word.
"""

from __future__ import annotations

import pytest

from numclaims import parse_quantities

NOT_QUANTITIES = [
    ("clock", "The suspect was arrested at 2:55 p.m. on Friday."),
    ("clock", "Doors open at 4 p.m. and close at 11 P.M."),
    ("clock", "The 12:05 p.m. train was cancelled."),
    ("day range", "The conference runs Sept. 20-24 at the centre."),
    ("day range", "Schools will close March 3–5 for the holiday."),
    ("day range", "Strikes are planned for Jan. 9 to 11."),
    ("day range", "The summit is set for 20-22 April."),
    ("day list", "Flights were cancelled between Dec. 22 and 24."),
    ("fiscal year", "The budget plan covers 2022-23 to 2025-26."),
    ("fiscal year", "Enrolment in the 2023–24 school year was flat."),
    ("fiscal year", "The 1999/2000 season was his last."),
    ("address", "The gallery moved to 9 E 71st St last year."),
    ("address", "The embassy is at 24 W 12th Street."),
    ("address", "A fire broke out on the 400 block of Main Street."),
    ("address", "The campus at 1 Infinite Loop is closed."),
    ("model", "The airline flew a 787 Dreamliner on the route."),
    ("model", "The 737 MAX returned to service."),
    ("model", "The fund's latest 13F filing was late."),
    ("model", "Boeing showed off its 777F freighters."),
    ("model", "The 747-8F is the last of its line."),
    ("form", "The firm filed its 10-K report."),
    ("model", "Her husband owns a Model 3."),
    ("jersey", "Jordan wore 23 for most of his career."),
    ("jersey", "The guard, wearing 24, was fouled."),
    ("jersey", "He has worn 7 since joining."),
    ("phone line", "Residents can call 311 or visit the ward office."),
    ("phone line", "For advice, dial 111 at any hour."),
    ("idiom", "Flags will fly at half-staff on Friday."),
    ("idiom", "Flags were lowered to half-mast."),
    ("idiom", "She installed a third-party app."),
    ("idiom", "The pair shared a high-five after the goal."),
    ("idiom", "Players traded high fives at the final whistle."),
    ("idiom", "She was in seventh heaven after the result."),
    ("name", "He sank a 3-pointer at the buzzer."),
    ("name", "She bought water at a 7-Eleven near the station."),
    ("phone", "Call 0800 123 4567 to book a visit."),
    ("phone", "The office is on 01632 960 001 until noon."),
    ("phone", "The helpline is +44 20 7946 0958 or (555) 123-4567."),
    ("version", "After the 2.0 update the app kept crashing."),
    ("version", "The 4.1 release fixes the login bug."),
    ("version", "Version 2.0 is out, and iOS 17.2 too."),
    ("fuel grade", "Fill the tank with RON 95 unleaded before the trip."),
    ("fuel grade", "The sports car needs RON 98 petrol."),
    ("fuel grade", "Pumps sell RON 100 and RON95 fuel."),
    ("reading without a unit", "Her reading of 120/80 was normal for her age."),
]


@pytest.mark.parametrize(
    ("what", "sentence"),
    NOT_QUANTITIES,
    ids=[f"{w}-{i}" for i, (w, _) in enumerate(NOT_QUANTITIES)],
)
def test_not_a_quantity(what: str, sentence: str) -> None:
    """Each sentence holds only a trap: no quantity at all."""
    assert [q.text for q in parse_quantities(sentence)] == []


#: (sentence, [(span, kind, value, unit)]): the real claims beside a trap, exactly.
BESIDE_TRAPS = [
    (
        "Trading was halted at 10:42 a.m. after shares fell 14%.",
        [("14%", "percent", 14.0, "percent")],
    ),
    ("By 4 p.m. the pound had slipped 0.6%.", [("0.6%", "percent", 0.6, "percent")]),
    ("Early voting takes place Nov. 1-4 in 12 counties.", [("12", "number", 12.0, None)]),
    ("The clinic at 45 N Main St treats about 60 patients.", [("about 60", "number", 60.0, None)]),
    ("IndiGo has more than 900 A320neo jets on order.", [("more than 900", "number", 900.0, None)]),
    ("The rookie was wearing 11 when he hit 4 home runs.", [("4", "number", 4.0, None)]),
    ("He wore 2 hats.", [("2", "number", 2.0, None)]),
    ("The defence will call 5 witnesses.", [("5", "number", 5.0, None)]),
    ("She made five 3-pointers.", [("five", "number", 5.0, None)]),
    ("Flags flew at half-staff over 12 buildings.", [("over 12", "number", 12.0, None)]),
    ("He high-fived 30 fans on the way out.", [("30", "number", 30.0, None)]),
    (
        "Claims rose to 231,000 from 219,000 a week earlier.",
        [("231,000", "number", 231000.0, None), ("219,000", "number", 219000.0, None)],
    ),
    (
        "Output was 2 million barrels, from 3 million barrels a week earlier.",
        [
            ("2 million barrels", "measure", 2e6, "oil_barrel"),
            ("3 million barrels", "measure", 3e6, "oil_barrel"),
        ],
    ),
    ("Output was 3 barrels a day.", [("3 barrels a day", "measure", 3.0, "oil_barrel / day")]),
    # one- and a word that counts one thing
    ("They rent a one-bedroom flat.", [("one", "number", 1.0, None)]),
    ("A one-storey extension needs no permit.", [("one", "number", 1.0, None)]),
    # a year earlier, a decade ago: a point in time, even after a comparison's bound
    (
        "The port handled 4.2 million boxes, 6% more than a year earlier.",
        [("4.2 million", "number", 4.2e6, None), ("6%", "percent", 6.0, "percent")],
    ),
    (
        "Deaths rose to 310, twice the toll recorded a decade ago.",
        [("310", "number", 310.0, None), ("twice", "multiple", 2.0, None)],
    ),
    ("The wait lasted more than a year.", [("more than a year", "measure", 1.0, "year")]),
    ("Apple shipped 35m of its devices.", [("35m", "number", 35e6, None)]),
    ("The UK has a population of 69.2m.", [("69.2m", "number", 69.2e6, None)]),
    ("The city has a population of about 8.3m.", [("about 8.3m", "number", 8.3e6, None)]),
    ("The app now has 120m monthly users.", [("120m", "number", 120e6, None)]),
    ("The tower is 330m tall.", [("330m", "measure", 330.0, "meter")]),
    ("The last 100m of the track is flat.", [("100m", "measure", 100.0, "meter")]),
    ("I want to drop 25 pounds.", [("25 pounds", "measure", 25.0, "pound")]),
    ("Melt 1/2 pound of chocolate.", [("1/2 pound", "measure", 0.5, "pound")]),
    ("Add 2 pounds of potatoes.", [("2 pounds", "measure", 2.0, "pound")]),
    ("Tickets cost 25 pounds each.", [("25 pounds", "money", 25.0, "GBP")]),
    ("He paid 40 pounds of taxpayers' money.", [("40 pounds", "money", 40.0, "GBP")]),
    ("The company lost£1.5billion last year.", [("£1.5billion", "money", 1.5e9, "GBP")]),
    ("Profits of$2.1bn were reported.", [("$2.1bn", "money", 2.1e9, "USD")]),
    ("Temperatures hit 95F at 3 p.m.", [("95F", "measure", 95.0, "degree_Fahrenheit")]),
    ("The race is a 5-km run.", [("5-km", "measure", 5.0, "kilometer")]),
    ("The 2008 Games cost about $40 billion.", [("about $40 billion", "money", 4e10, "USD")]),
    ("Apple shipped iOS 17.2 with 40 fixes.", [("40", "number", 40.0, None)]),
    ("The 2.0 update cut load times by 2.5 seconds.", [("2.5 seconds", "measure", 2.5, "second")]),
    ("Petrol costs RON 7 a litre in Cluj.", [("RON 7 a litre", "money", 7.0, "RON")]),
    ("The fine was RON 500 near a petrol station.", [("RON 500", "money", 500.0, "RON")]),
    ("Call 0800 123 4567 for 3 free tickets.", [("3", "number", 3.0, None)]),
    (
        "Her blood pressure was 140/90 mm Hg at the first visit.",
        [
            ("140", "measure", 140.0, "millimeter_Hg"),
            ("90 mm Hg", "measure", 90.0, "millimeter_Hg"),
        ],
    ),
    (
        "The nurse recorded 118/76 mmHg after 5 minutes.",
        [
            ("118", "measure", 118.0, "millimeter_Hg"),
            ("76 mmHg", "measure", 76.0, "millimeter_Hg"),
            ("5 minutes", "measure", 5.0, "minute"),
        ],
    ),
    ("The target is 120 mmHg.", [("120 mmHg", "measure", 120.0, "millimeter_Hg")]),
    (
        "The spread between two-year and 10-year yields widened.",
        [("two-year", "measure", 2.0, "year"), ("10-year", "measure", 10.0, "year")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), BESIDE_TRAPS, ids=[s for s, _ in BESIDE_TRAPS])
def test_claims_beside_traps(
    sentence: str, expected: list[tuple[str, str, float, str | None]]
) -> None:
    """The claims are found with their exact span, kind, value and unit, and nothing else."""
    found = [(q.text, q.kind, q.value, q.unit) for q in parse_quantities(sentence)]
    assert found == [
        (span, kind, pytest.approx(value), unit) for span, kind, value, unit in expected
    ]


def test_pence_still_read() -> None:
    """``87p`` is still pence: only the ``p`` of a time suffix (``p.m.``, ``pm``) is not."""
    found = [(q.text, q.value, q.unit) for q in parse_quantities("A stamp costs 87p, at 5pm.")]
    assert found == [("87p", 0.87, "GBP")]
