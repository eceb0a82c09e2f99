"""What is not a quantity is not reported: years, dates, times, names, IDs."""

from __future__ import annotations

import pytest

from numclaims import parse_quantities

NOT_QUANTITIES = [
    ("year", "He was jailed in 2003 after the trial."),
    ("year", "The 2024 election changed little."),
    ("year", "He was released in 2013 and has since been active."),
    ("fiscal year", "The 2012-13 budget was late."),
    ("decade", "Prices rose through the 1990s."),
    ("date", "The vote is on March 5."),
    ("date", "The vote is on 5 March."),
    ("date", "The form is dated 5/3/2024."),
    ("date", "The form is dated 2024-03-05."),
    ("time", "The train left at 2.15pm."),
    ("time", "The train left at 14:30."),
    ("time", "The train left at 9 a.m. sharp."),
    ("time zone", "The results are due at 9 IST on Friday."),
    ("ordinal", "This may include adverts from us and 3rd parties."),
    ("ordinal", "It was the first of many."),
    ("version", "Upgrade to v2.1 today."),
    ("version", "Upgrade to version 2.1 today."),
    ("version", "Release 1.2.3 fixed it."),
    ("model", "She bought an iPhone 15 yesterday."),
    ("model", "The COVID-19 pandemic hit trade."),
    ("model", "Pilots flew the F-16 again."),
    ("model", "Airbus stopped making the A380 jets."),
    ("model", "The deal covers 5G masts."),
    ("phone", "Call 555-123-4567 for details."),
    ("phone", "Call +44 20 7946 0958 for details."),
    ("phone", "Call 020 7946 0958 for details."),
    ("phone", "Call (555) 123-4567 for details."),
    ("phone", "Text 07700 900461 for details."),
    ("ID", "Your order #48213 has shipped."),
    ("label", "See page 12 for details."),
    ("label", "Read section 3 first."),
    ("label", "He lives at No. 10 now."),
    ("label", "They drove down Route 66 last summer."),
    ("label", "Boarding for the island ferry starts at berth 2 at noon."),
    ("label", "The harbour cruise leaves from pier 39 every hour."),
    ("always", "The shop is open 24/7 now."),
    ("score", "Arsenal sealed a 3-2 win."),
    ("vote", "The Senate voted 69-30 to pass it."),
    ("idiom", "It is not as high as one would like to see it be."),
    ("idiom", "A number of them were captured."),
    ("idiom", "One of the divisions was attacked."),
    ("idiom", "It was a one-off payment."),
    ("ordinal", "The bank held rates for a sixth straight meeting."),
    ("label", "Tram stop 14 reopens on Saturday."),
    ("label", "Nurses on band 5 were balloted."),
    ("label", "The Class 800 trains arrive in May."),
    ("ordinal", "She is running for a third term."),
    ("ordinal", "The jobless rate held steady for a third month."),
    ("ordinal", "Crowds gathered for a fifth day of protests."),
    ("idiom", "The centre is a one-stop shop for advice."),
    ("idiom", "Buy one get one free on all sandals this week."),
    ("idiom", "The buy-one-get-one offer on pies ends on Sunday."),
    ("address", "The meeting is at 10 Downing Street."),
    ("label", "The nurse on ward 12 said the reading was normal."),
    ("label", "The firm's office is at Unit 4B in the harbour."),
    ("model", "Listen to the show on 98.4 FM tonight."),
]


@pytest.mark.parametrize(
    ("what", "sentence"),
    NOT_QUANTITIES,
    ids=[f"{w}-{i}" for i, (w, _) in enumerate(NOT_QUANTITIES)],
)
def test_not_a_quantity(what: str, sentence: str) -> None:
    """Sentences that hold only names, dates and idioms give no quantity."""
    assert [q.text for q in parse_quantities(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("In 2003 about 2000 people fled.", "about 2000"),
        ("There were 2000 protesters outside.", "2000"),
        ("Seoul has 5G in 2,000 towns.", "2,000"),
        ("Around 40 people attended on March 5.", "Around 40"),
        ("The buy-one-get-one deal ends Sunday; pies are $9.99.", "$9.99"),
        ("The new berth is 40 metres long.", "40 metres"),
    ],
)
def test_quantities_next_to_traps_survive(sentence: str, span: str) -> None:
    """A real quantity beside a trap is still found, and only it."""
    assert [q.text for q in parse_quantities(sentence)] == [span]
