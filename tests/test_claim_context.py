"""Claim context: extract_claims on the seed article and on tables of report-style sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from helpers import claim_context, span_text
from numclaims import (
    Claim,
    InputTypeError,
    Options,
    Span,
    extract_claims,
    iter_claims,
    parse_quantities,
)

ARTICLE = (Path(__file__).resolve().parent.parent / "examples" / "seed_article.txt").read_text(
    encoding="utf-8"
)

# quantity -> (source, hedge, time) as the issue that asked for claims lists them
SEED = {
    "100,000 to 200,000": (None, None, None),
    "a million": (None, "could", None),
    "£1.5billion": (None, None, None),
    "nine years": (None, None, None),
    "134,500": (None, None, "last week"),
    "five weeks": (None, None, None),
    "between 7,000 and 15,000": ("NATO’s assessment", "are thought to", "so far"),
    "as high as 18,300": ("Ukraine", "could", None),
    "Up to 647": (None, None, None),
    "1,844": (None, None, None),
    "330": (None, None, None),
    "Between 2,000 and 4,000": ("US estimates", "are believed to", "so far"),
}


def test_seed_article() -> None:
    """Each quantity of the seed article has exactly the source, hedge and time the issue lists."""
    claims = extract_claims(ARTICLE)
    assert [c.quantity for c in claims] == parse_quantities(ARTICLE)
    found = {
        c.quantity.text: (span_text(c.source), span_text(c.hedge), span_text(c.time))
        for c in claims
    }
    assert found == SEED
    assert all(c.source_via is None for c in claims)


def test_spans_index_the_text() -> None:
    """Every span of every claim is the text it names, and its sentence holds its quantity."""
    for claim in extract_claims(ARTICLE):
        for span in (claim.sentence, claim.source, claim.source_via, claim.hedge, claim.time):
            if span is not None:
                assert ARTICLE[span.start : span.end] == span.text
        assert claim.sentence.start <= claim.quantity.start < claim.sentence.end
    sentence = extract_claims(ARTICLE)[6].sentence.text
    assert sentence.startswith("According to NATO’s assessment")
    assert sentence.endswith("in the fighting so far.")


# (sentence, quantity, source, source_via, hedge, time)
TABLE = [
    # sources: before the verb, after it, after `according to`
    ("Sales rose 5% last year, the company said.", "5%", "the company", None, None, "last year"),
    (
        "Sales rose 5% in the first quarter, said Maria Lindqvist, the chief executive.",
        "5%",
        "Maria Lindqvist",
        None,
        None,
        "in the first quarter",
    ),
    (
        "Maria Lindqvist, the chief executive, said sales rose 5% in 2024.",
        "5%",
        "Maria Lindqvist",
        None,
        None,
        "in 2024",
    ),
    (
        "Analysts at Barclays expect revenue of $5bn by 2030.",
        "$5bn",
        "Analysts at Barclays",
        None,
        None,
        "by 2030",
    ),
    (
        "Data from the Census Bureau show that 12% of households were poor in 2023.",
        "12%",
        "Data from the Census Bureau",
        None,
        None,
        "in 2023",
    ),
    ("He said 40 people had died.", "40", "He", None, None, None),
    # nested attribution: the innermost party is the source
    (
        "The BBC reported that officials said 40 people had died since the invasion.",
        "40",
        "officials",
        "The BBC",
        None,
        "since the invasion",
    ),
    (
        "According to Reuters, police said 300 people were arrested on Saturday.",
        "300",
        "police",
        "Reuters",
        None,
        "on Saturday",
    ),
    # no source: denied, spoken to, an order
    (
        "The company did not say how many of its 4,000 staff would go.",
        "4,000",
        None,
        None,
        None,
        None,
    ),
    (
        "Officials told the BBC on Monday that 300 homes were destroyed last week.",
        "300",
        "Officials",
        None,
        None,
        "last week",
    ),
    ("Putin ordered 134,500 more conscripts to join the army.", "134,500", None, None, None, None),
    # the date of a statement is not the claim's time
    (
        "The IMF on Tuesday said growth could slow to 2.9% next year.",
        "2.9%",
        "The IMF",
        None,
        "could",
        "next year",
    ),
    (
        "The ministry said on Monday that 1,200 jobs would go.",
        "1,200",
        "The ministry",
        None,
        None,
        None,
    ),
    # hedges: bounds, will and would are none
    ("Up to 647 tanks have been destroyed.", "Up to 647", None, None, None, None),
    ("Prices will rise 4% in 2025.", "4%", None, None, None, "in 2025"),
    ("An estimated 5,000 people attended.", "An estimated 5,000", None, None, "An estimated", None),
    ("The deal is expected to cost $3bn.", "$3bn", None, None, "is expected to", None),
    ("About 200 were reportedly hurt.", "About 200", None, None, "reportedly", None),
    (
        "If the merger goes ahead, 1,200 jobs will be cut.",
        "1,200",
        None,
        None,
        "If the merger goes ahead",
        None,
    ),
    # scope: a hedge of another clause, an aside about the speaker
    ("Profits may fall, but 300 staff were hired.", "300", None, None, None, None),
    (
        "Mr Ortiz, who was jailed in 2003, said 40 were killed.",
        "40",
        "Mr Ortiz",
        None,
        None,
        None,
    ),
    # times
    ("Revenue was $94.9bn, up 6% from a year earlier.", "6%", None, None, None, "a year earlier"),
    ("Revenue was $94.9bn, up 6% from a year earlier.", "$94.9bn", None, None, None, None),
    ("The 2026 revenue target is $12bn.", "$12bn", None, None, None, "2026"),
    ("Prices rose 3% so far this year.", "3%", None, None, None, "so far this year"),
    ("On 5 March, 300 people marched.", "300", None, None, None, "On 5 March"),
    (
        "Profit was $2bn, up 9% from the same period last year.",
        "9%",
        None,
        None,
        None,
        "the same period last year",
    ),
    ("Profit was $2bn, up 9% from the same period last year.", "$2bn", None, None, None, None),
    ("Output fell to 37 gigawatts, the lowest since 1993.", "37 gigawatts", None, None, None, None),
    # a noun that is also a verb of saying heads its party; a party is never the number's own
    (
        "The report, published by a think tank, found that wages fell 2% since 2008.",
        "2%",
        "The report",
        None,
        None,
        "since 2008",
    ),
    (
        "Around 40% of voters said they would switch, the survey of 900 adults showed.",
        "Around 40%",
        "the survey of 900 adults",
        None,
        None,
        None,
    ),
    (
        "Around 40% of voters said they would switch, the survey of 900 adults showed.",
        "900",
        None,
        None,
        None,
        None,
    ),
    (
        "Studies show 50% of patients were 30% less likely to relapse.",
        "30%",
        "Studies",
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("sentence", "quantity", "source", "via", "hedge", "time"),
    TABLE,
    ids=[r[0][:48] for r in TABLE],
)
def test_claim_context(
    sentence: str,
    quantity: str,
    source: str | None,
    via: str | None,
    hedge: str | None,
    time: str | None,
) -> None:
    """The claim of ``quantity`` has exactly this source, relaying party, hedge and time."""
    assert claim_context(sentence, quantity) == (source, via, hedge, time)


def test_iter_claims_matches_extract_claims_and_checks_arguments() -> None:
    """iter_claims yields what extract_claims returns, and refuses a non-str at the call."""
    assert list(iter_claims(ARTICLE)) == extract_claims(ARTICLE)
    with pytest.raises(InputTypeError):
        iter_claims(b"bytes")  # type: ignore[arg-type]
    assert extract_claims("") == []
    assert extract_claims("No numbers here. None at all.") == []


def test_options_pass_through() -> None:
    """Options reach the quantities: a bare dollar is Canadian when asked."""
    (claim,) = extract_claims("It cost $5, the shop said.", options=Options(dollar="CAD"))
    assert claim.quantity.unit == "CAD"
    assert span_text(claim.source) == "the shop"


def test_models_validate() -> None:
    """A span is as long as its offsets; a claim's sentence holds its quantity; both are frozen."""
    with pytest.raises(ValidationError):
        Span(text="abc", start=0, end=2)
    claim = extract_claims("He said 40 died.")[0]
    with pytest.raises(ValidationError):
        Claim.model_validate(
            {**claim.model_dump(), "sentence": {"text": "x", "start": 90, "end": 91}}
        )
    with pytest.raises(ValidationError):
        claim.model_copy(update={}).__class__.model_validate(
            {
                **claim.model_dump(),
                "source": None,
                "source_via": {"text": "He", "start": 0, "end": 2},
            }
        )
    assert Claim.model_validate_json(claim.model_dump_json()) == claim
    with pytest.raises(ValidationError):
        claim.source = None  # type: ignore[misc]
