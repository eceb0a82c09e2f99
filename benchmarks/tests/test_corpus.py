"""The gold corpus under benchmarks/corpus loads, validates and is big enough."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.accuracy.corpus import (
    ISO_4217_CODES,
    ISO_4217_HISTORIC_CODES,
    GoldItem,
    Sentence,
    load_corpus,
    parse_line,
    validate,
)

# TARGET: the corpus must reach at least this many sentences ...
TARGET_SENTENCES = 600
# TARGET: ... and at least this share of them must be traps (sentences with no quantity).
TARGET_TRAP_SHARE = 0.15

TEXT = "Prices rose 5% to $40 and the 3 km road cost about 2-3 million pounds."


def _item(**changes: object) -> GoldItem:
    """A valid gold item for TEXT ('5%'), with ``changes`` applied."""
    base = GoldItem(
        text="5%",
        start=12,
        end=14,
        kind="percent",
        value=5.0,
        low=None,
        high=None,
        unit="percent",
        bound="exact",
        entity="Prices",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _sentence(*items: GoldItem, sentence_id: str = "t-1", text: str = TEXT) -> Sentence:
    """A sentence of TEXT holding ``items``."""
    return Sentence(id=sentence_id, text=text, quantities=items, domain="unit")


def test_corpus_is_valid() -> None:
    """Every sentence of the shipped corpus passes validate()."""
    problems = validate(load_corpus())
    assert problems == [], "\n".join(problems[:50])


HELDOUT = Path(__file__).resolve().parent.parent / "heldout"


def test_heldout_corpus_is_valid() -> None:
    """Every annotation of the held-out set passes validation, and it holds 250+ sentences."""
    sentences = load_corpus(HELDOUT)
    assert validate(sentences) == []
    assert len(sentences) >= 250


BLIND = Path(__file__).resolve().parent.parent / "blind"


def test_blind_set_is_valid() -> None:
    """Every annotation of the blind development set passes validation; 15%+ are traps."""
    sentences = load_corpus(BLIND)
    assert validate(sentences) == []
    assert len(sentences) >= 250
    assert sum(not s.quantities for s in sentences) >= 0.15 * len(sentences)


def test_corpus_reaches_target_size() -> None:
    """TARGET: the corpus has at least 600 sentences."""
    sentences = load_corpus()
    assert len(sentences) >= TARGET_SENTENCES, (
        f"target: >= {TARGET_SENTENCES} sentences; the corpus has {len(sentences)}"
    )


def test_corpus_reaches_target_trap_share() -> None:
    """TARGET: traps (sentences with no quantity) are at least 15% of the corpus.

    A trap counts wherever it sits: in traps.jsonl, among the false positives
    of breadth_traps.jsonl, or in a domain file beside its claims.
    """
    sentences = load_corpus()
    traps = sum(not sentence.quantities for sentence in sentences)
    share = traps / len(sentences) if sentences else 0.0
    assert share >= TARGET_TRAP_SHARE, (
        f"target: traps >= {TARGET_TRAP_SHARE:.0%} of sentences; they are {traps} of "
        f"{len(sentences)} ({share:.1%})"
    )


def test_traps_hold_no_quantities() -> None:
    """Sentences in traps.jsonl have no gold quantities."""
    bad = [s.id for s in load_corpus() if s.domain == "traps" and s.quantities]
    assert bad == []


def test_valid_sentence_has_no_problems() -> None:
    """A hand-built sound sentence, with a range, money, a measure and a number, passes."""
    items = (
        _item(),
        _item(text="$40", start=18, end=21, kind="money", value=40.0, unit="USD", entity=None),
        _item(text="3 km", start=30, end=34, kind="measure", value=3.0, unit="kilometer"),
        _item(
            text="about 2-3 million pounds",
            start=45,
            end=69,
            kind="money",
            value=None,
            low=2e6,
            high=3e6,
            unit="GBP",
            bound="approximate",
            entity=None,
            optional=True,
        ),
    )
    assert validate([_sentence(*items)]) == []


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        pytest.param((_item(text="5 %"),), "span text", id="span-text-mismatch"),
        pytest.param((_item(start=60, end=80),), "outside the text", id="span-outside"),
        pytest.param(
            (
                _item(text="$40", start=18, end=21, kind="money", value=40.0, unit="USD"),
                _item(),
            ),
            "out of order",
            id="spans-out-of-order",
        ),
        pytest.param(
            (_item(), _item(text="% t", start=13, end=16)), "overlaps", id="spans-overlap"
        ),
        pytest.param((_item(kind="fraction"),), "unknown kind", id="unknown-kind"),
        pytest.param(
            (_item(kind="ratio", unit="percent"),), "a ratio has no unit", id="ratio-with-unit"
        ),
        pytest.param((_item(bound="roughly"),), "unknown bound", id="unknown-bound"),
        pytest.param((_item(low=4.0, high=6.0),), "value null", id="range-with-value"),
        pytest.param((_item(value=None, low=6.0, high=4.0),), "low 6.0 > high", id="low-gt-high"),
        pytest.param((_item(value=None, low=4.0),), "both low and high", id="half-range"),
        pytest.param((_item(value=None),), "needs a value", id="non-range-without-value"),
        pytest.param((_item(kind="number"),), "a number has no unit", id="number-with-unit"),
        pytest.param((_item(unit=None),), "needs a unit", id="percent-without-unit"),
        pytest.param((_item(unit="per_cent"),), "percent unit", id="unknown-percent-unit"),
        pytest.param(
            (_item(text="$40", start=18, end=21, kind="money", value=40.0, unit="US$"),),
            "ISO 4217",
            id="money-not-iso",
        ),
        pytest.param(
            (_item(text="$40", start=18, end=21, kind="money", value=40.0, unit="XXX"),),
            "ISO 4217",
            id="money-no-currency-code",
        ),
        pytest.param(
            (_item(text="3 km", start=30, end=34, kind="measure", value=3.0, unit="klicks"),),
            "does not parse in pint",
            id="measure-unit-not-pint",
        ),
        pytest.param((_item(entity="wages"),), "does not occur", id="entity-not-in-text"),
    ],
)
def test_validate_detects_each_problem(items: tuple[GoldItem, ...], expected: str) -> None:
    """Each kind of bad gold item is reported with a message naming the problem."""
    problems = validate([_sentence(*items)])
    assert any(expected in problem for problem in problems), problems


def test_validate_detects_duplicate_ids() -> None:
    """Two sentences with the same id are reported."""
    problems = validate([_sentence(_item()), _sentence(_item())])
    assert problems == ["duplicate id 't-1' (2 sentences)"]


def test_entity_check_ignores_case() -> None:
    """An entity differing from the text only in case occurs in it."""
    assert validate([_sentence(_item(entity="prices"))]) == []


def test_iso_codes_are_active_codes() -> None:
    """The ISO 4217 set holds common codes and no withdrawn or non-currency codes."""
    assert {"USD", "EUR", "GBP", "JPY", "INR", "CHF", "XAU"} <= ISO_4217_CODES
    assert not {"HRK", "DEM", "FRF", "XXX", "XTS"} & ISO_4217_CODES
    assert all(len(code) == 3 and code.isupper() for code in ISO_4217_CODES)


def test_historic_codes_are_withdrawn_codes() -> None:
    """Amounts in a withdrawn currency validate (DEM 38,000); codes of no money still do not."""
    assert {"DEM", "FRF", "ITL", "ESP", "HRK"} <= ISO_4217_HISTORIC_CODES
    assert not ISO_4217_HISTORIC_CODES & ISO_4217_CODES
    assert validate([_sentence(_item(kind="money", unit="DEM"))]) == []
    problem = "money unit 'XXX' is not an ISO 4217 code, active or historic"
    assert any(problem in p for p in validate([_sentence(_item(kind="money", unit="XXX"))]))


def test_load_corpus_remembers_file_stem(tmp_path: Path) -> None:
    """Sentences are read in file-name order and keep their file stem and line."""
    record = {"id": "a-1", "text": "No numbers here.", "quantities": []}
    (tmp_path / "traps.jsonl").write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    record = {"id": "b-1", "text": "It took 3 days.", "quantities": []}
    (tmp_path / "sport.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    sentences = load_corpus(tmp_path)
    assert [(s.id, s.domain, s.line) for s in sentences] == [
        ("b-1", "sport", 1),
        ("a-1", "traps", 1),
    ]


def test_load_corpus_missing_folder(tmp_path: Path) -> None:
    """A missing corpus folder raises FileNotFoundError."""
    with pytest.raises(FileNotFoundError):
        load_corpus(tmp_path / "nowhere")


def test_parse_line_rejects_malformed_records() -> None:
    """A malformed line raises ValueError naming its file and line."""
    with pytest.raises(ValueError, match=r"news\.jsonl:7"):
        parse_line('{"id": "x", "text": "t", "quantities": [{"start": "0"}]}', "news", 7)
    with pytest.raises(ValueError, match=r"news\.jsonl:8"):
        parse_line("not json", "news", 8)
