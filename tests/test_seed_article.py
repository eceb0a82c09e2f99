"""The sample article that started the project, as one exact golden test."""

from __future__ import annotations

from pathlib import Path

from numclaims import parse_quantities

ARTICLE = (Path(__file__).resolve().parent.parent / "examples" / "seed_article.txt").read_text(
    encoding="utf-8"
)

# (text, kind, value, low, high, unit, bound, entity)
EXPECTED = [
    ("100,000 to 200,000", "number", None, 1e5, 2e5, None, "exact", "conscripted soldiers"),
    ("a million", "number", 1e6, None, None, None, "exact", "people"),
    ("£1.5billion", "money", 1.5e9, None, None, "GBP", "exact", "yachts"),
    ("nine years", "measure", 9.0, None, None, "year", "exact", None),
    ("134,500", "number", 134500.0, None, None, None, "exact", "conscripts"),
    ("five weeks", "measure", 5.0, None, None, "week", "exact", None),
    ("between 7,000 and 15,000", "number", None, 7e3, 15e3, None, "exact", "Russian soldiers"),
    ("as high as 18,300", "number", 18300.0, None, None, None, "at_most", "figure"),
    ("Up to 647", "number", 647.0, None, None, None, "at_most", "tanks"),
    ("1,844", "number", 1844.0, None, None, None, "exact", "armoured combat vehicles"),
    ("330", "number", 330.0, None, None, None, "exact", "artillery systems"),
    ("Between 2,000 and 4,000", "number", None, 2e3, 4e3, None, "exact", "Ukrainian soldiers"),
]


def test_sample_article_claims_exactly() -> None:
    """Every claim of the sample article comes out exactly, and nothing else does."""
    found = [
        (q.text, q.kind, q.value, q.low, q.high, q.unit, q.bound, q.entity)
        for q in parse_quantities(ARTICLE)
    ]
    assert found == EXPECTED


def test_sample_article_spans_index_the_text() -> None:
    """Each claim's span is where its text stands in the article."""
    for quantity in parse_quantities(ARTICLE):
        assert ARTICLE[quantity.start : quantity.end] == quantity.text


def test_sample_article_changes() -> None:
    """The increments the article states are marked as deltas."""
    changes = {q.text: (q.change, q.is_delta) for q in parse_quantities(ARTICLE)}
    assert changes["134,500"] == ("increase", True)
    assert changes["100,000 to 200,000"] == ("increase", True)
    assert changes["a million"] == (None, False)


def test_sample_article_measures_normalise() -> None:
    """Durations carry SI values: nine years and five weeks in seconds."""
    measures = {q.text: q for q in parse_quantities(ARTICLE) if q.kind == "measure"}
    assert measures["five weeks"].si_value == 5 * 7 * 86400
    assert measures["five weeks"].si_unit == "second"
    assert measures["nine years"].to("day") == 9 * 365.25
