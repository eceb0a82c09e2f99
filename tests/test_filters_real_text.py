"""Forms of real text that are no quantities, each beside a near form that is one.

Each row is a family the filters (stage 6) or the merge (stage 4) recognise:
the sentence, and exactly the quantities it gives, by their text.
"""

from __future__ import annotations

import pytest

from numclaims import parse_quantities

#: (family, sentence, the texts of its quantities).
ROWS = [
    # A range after a label word names labels: stages, case numbers, chapters.
    ("label range", "Most tumours were found at stage 1 or 2 in the trial.", []),
    ("label range", "The lender filed under case No. 24-11873 last week.", []),
    ("label range", "Read chapters 3-5 before the seminar.", []),
    ("label range", "Grade 3-4 pupils sat the test in 12 halls.", ["12"]),
    ("label range kept", "Recovery takes 3-5 days at stage 2 clinics.", ["3-5 days"]),
    ("label range kept", "Between 10 and 20 patients relapse at stage 3.", ["Between 10 and 20"]),
    # The short number of a public service, a clause after a word of calling.
    ("service line", "To report a stolen bike, ring the police on 101 during the day.", []),
    ("service line", "If someone collapses in an emergency, 999, then start CPR.", []),
    ("service line", "Dial 911 or text 988, and help is free for 24 hours.", ["24 hours"]),
    ("service line kept", "The charity answered 999 calls last winter.", ["999"]),
    ("service line kept", "Police arrested 101 people after the match.", ["101"]),
    ("service line kept", "The helpline got 111 messages in 3 days.", ["111", "3 days"]),
    # A stock's number before its exchange, a code's section before its letter.
    ("ticker", "Tencent (0700.HK) and Sony (6758.T) led the rally.", []),
    ("ticker", "Shares of the carmaker, 1211.HK, fell 4% on Friday.", ["4%"]),
    ("ticker kept", "Turnover reached 2238. HK traders were cautious.", ["2238"]),
    ("ticker kept", "Output grew 6.5 points.", ["6.5"]),
    ("section", "Workers may pay into a 401(k) or a 403(b) from day one.", []),
    ("section", "The trust is a 501(c)(3) group with 40 staff.", ["40"]),
    ("section kept", "It holds 401 (about 12%) of the seats.", ["401", "about 12%"]),
    # Both sides of a stated vote, joined by `to` or a dash.
    ("vote", "The measure cleared the Senate by a vote of 61 to 38 on Tuesday.", []),
    ("vote", "The final vote in the chamber was 214-209, with 3 abstaining.", ["3"]),
    ("vote kept", "The votes of 12 members were lost in the post.", ["12"]),
    ("vote kept", "Turnout in the vote was 67%.", ["67%"]),
    # A number word inside a compound that names a thing: idioms.
    ("idiom", "Ferry prices over half-term rose 12% this year.", ["12%"]),
    ("idiom", "Zero-hours contracts now cover 900,000 people.", ["900,000"]),
    ("idiom", "The side led 2-1 at half-time in front of 40,000 fans.", ["40,000"]),
    ("idiom kept", "He slept zero hours and walked half a mile.", ["zero hours", "half a mile"]),
    ("idiom kept", "It is a half-hour walk to the station.", ["a half-hour"]),
    # A product line's or a standard's generation, even before a plural noun.
    ("product", "Galaxy 24 owners and Pixel 9 users get the patch first.", []),
    ("product", "The dock has two Thunderbolt 5 ports and Wi-Fi 7 support.", ["two"]),
    ("product", "Formula 1 teams meet in Paris for round 4 of the talks.", []),
    ("product kept", "Pixel buyers got 8 months of updates on a 4 GB card.", ["8 months", "4 GB"]),
    ("product kept", "Britain sent Ukraine 14 tanks and 8 people to train crews.", ["14", "8"]),
    ("label kept", "Shares stand 4% higher; they stand 2 metres apart.", ["4%", "2 metres"]),
    # The sets of a match after a word of a contest: scores, not ranges.
    ("set scores", "She won the final 7-5, 4-6, 6-3 in Rome.", []),
    ("set scores", "He beat Alcaraz 3-6, 6-4, 2-6, 7-6, 6-2.", []),
    ("set scores kept", "They won 3-1 and ordered 2-3 kegs.", ["2-3"]),
    ("set scores kept", "Nights of 2-4, 5-8 and 9-12 degrees", ["2-4", "5-8", "9-12 degrees"]),
]


@pytest.mark.parametrize(
    ("family", "sentence", "expected"),
    ROWS,
    ids=[f"{family}-{i}" for i, (family, *_) in enumerate(ROWS)],
)
def test_real_text_forms(family: str, sentence: str, expected: list[str]) -> None:
    """Each sentence gives exactly the quantities listed, by their text."""
    assert [q.text for q in parse_quantities(sentence)] == expected
