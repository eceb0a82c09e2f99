"""The claim-context scorer, the annotated claim sets, and numclaims against their CI floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.accuracy.claims import (
    CLAIMS_DIR,
    FIELDS,
    GoldClaim,
    GoldSentence,
    evaluate_claims,
    load_claims,
    numclaims_extract,
    parse_sentence,
    report,
)

FLOOR_FILE = Path(__file__).resolve().parent.parent / "accuracy_floor_claims.json"
SETS = ("tuning", "heldout")


def test_sets_are_large_enough_and_well_formed() -> None:
    """At least 200 annotated sentences in all, ids unique, about a fifth held out."""
    tuning, heldout = (load_claims(CLAIMS_DIR / part) for part in SETS)
    assert len(tuning) + len(heldout) >= 200
    assert 0.15 <= len(heldout) / (len(tuning) + len(heldout)) <= 0.3
    ids = [s.id for s in tuning + heldout]
    assert len(ids) == len(set(ids))
    for sentence in tuning + heldout:
        assert sentence.claims
        for claim in sentence.claims:
            assert claim.fields["source_via"] is None or claim.fields["source"] is not None


def test_spans_resolve_nearest_to_the_quantity() -> None:
    """A field's text is found at the occurrence nearest its quantity; a missing one fails."""
    line = json.dumps(
        {
            "id": "x-1",
            "text": "In 2020 it was 5; in 2021 it was 7, in 2021.",
            "claims": [
                {
                    "quantity": "7",
                    "source": None,
                    "source_via": None,
                    "hedge": None,
                    "time": "in 2021",
                },
            ],
        }
    )
    (claim,) = parse_sentence(line).claims
    assert claim.quantity == (33, 34)
    assert claim.fields["time"] == (36, 43)
    with pytest.raises(ValueError, match="not in"):
        parse_sentence(line.replace('"time": "in 2021"', '"time": "in 2022"'))


def test_scoring_counts_exact_and_partial() -> None:
    """A same span is exact; an overlapping one partial; a wrong one is a FP and a FN."""
    gold = GoldSentence(
        "t-1",
        "Sales rose 5% last year, the company said.",
        (
            GoldClaim(
                (11, 13), {"source": (24, 35), "source_via": None, "hedge": None, "time": (14, 23)}
            ),
        ),
    )
    system = [
        ((11, 13), {"source": (28, 35), "source_via": None, "hedge": (0, 5), "time": (14, 23)})
    ]
    scores = evaluate_claims([gold], lambda _: system).scores()
    assert scores["time_exact_f1"] == 1.0
    assert scores["source_exact_f1"] == 0.0
    assert scores["source_partial_f1"] == 1.0
    assert scores["hedge_exact_f1"] == 0.0
    assert scores["source_via_exact_f1"] == 1.0  # nothing said, nothing found
    missed = evaluate_claims([gold], lambda _: [])
    assert missed.unmatched == 1
    assert missed.scores()["time_exact_f1"] == 0.0


@pytest.mark.parametrize("part", SETS)
def test_numclaims_meets_claim_floors(part: str) -> None:
    """numclaims scores at least every floor of the set, and the issue's targets (exact F1)."""
    floors = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))[part]
    scores = evaluate_claims(load_claims(CLAIMS_DIR / part), numclaims_extract).scores()
    assert set(floors) <= set(scores)
    below = {name: (scores[name], floor) for name, floor in floors.items() if scores[name] < floor}
    assert below == {}, f"below floor (score, floor): {below}"
    assert scores["source_exact_f1"] >= 0.90
    assert scores["hedge_exact_f1"] >= 0.90
    assert scores["time_exact_f1"] >= 0.85


def test_report_names_every_field_and_both_sets() -> None:
    """The report printed by make accuracy has a column per field and a row per set."""
    text = report()
    for name in FIELDS:
        assert f"{name} exact" in text
    assert "tuning" in text
    assert "heldout" in text
