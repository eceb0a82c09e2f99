"""The accuracy scorer: matching, metrics, adapters, and numclaims against its CI floors."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from benchmarks.accuracy.__main__ import main
from benchmarks.accuracy.corpus import CORPUS_DIR, GoldItem, Sentence, load_corpus
from benchmarks.accuracy.peers import (
    SYSTEMS,
    System,
    Unavailable,
    bound_from_surface,
    load_system,
    numclaims_record,
    quantulum3_record,
)
from benchmarks.accuracy.report import Run, breakdown_table, json_document, metrics_table
from benchmarks.accuracy.score import (
    METRICS,
    Counts,
    Evaluation,
    Record,
    Scores,
    breakdown,
    classify_errors,
    domain_of,
    evaluate,
    floor_scores,
    head_word,
    kind_of,
    match,
    record_from_gold,
    score_pairs,
)

BENCHMARKS = Path(__file__).resolve().parent.parent
FLOOR_FILE = BENCHMARKS / "accuracy_floor.json"
HELDOUT_FLOOR_FILE = BENCHMARKS / "accuracy_floor_heldout.json"
HELDOUT_DIR = BENCHMARKS / "heldout"
BLIND_FLOOR_FILE = BENCHMARKS / "accuracy_floor_blind.json"
BLIND2_FLOOR_FILE = BENCHMARKS / "accuracy_floor_blind2.json"
BLIND3_FLOOR_FILE = BENCHMARKS / "accuracy_floor_blind3.json"
BLIND4_FLOOR_FILE = BENCHMARKS / "accuracy_floor_blind4.json"
BLIND5_FLOOR_FILE = BENCHMARKS / "accuracy_floor_blind5.json"
BLIND6_FLOOR_FILE = BENCHMARKS / "accuracy_floor_blind6.json"
BLIND7_FLOOR_FILE = BENCHMARKS / "accuracy_floor_blind7.json"
BLIND8_FLOOR_FILE = BENCHMARKS / "accuracy_floor_blind8.json"
BLIND_DIR = BENCHMARKS / "blind"


def _gold(text: str, start: int, **fields: Any) -> GoldItem:
    """A gold item spanning ``text`` from ``start``; kind number, value 1 by default."""
    values: dict[str, Any] = {
        "kind": "number",
        "value": 1.0,
        "low": None,
        "high": None,
        "unit": None,
        "bound": "exact",
        "entity": None,
        "optional": False,
    }
    values.update(fields)
    return GoldItem(text=text, start=start, end=start + len(text), **values)


def _system(item: GoldItem, **changes: Any) -> Record:
    """The record of a gold item as a system would report it, with ``changes``."""
    return replace(record_from_gold(item), optional=False, **changes)


def _score(
    text: str, gold: Sequence[GoldItem], system: Sequence[Record], domain: str = "unit"
) -> Scores:
    """Scores of ``system`` against ``gold`` on one sentence."""
    sentence = Sentence(id="s-1", text=text, quantities=tuple(gold), domain=domain)
    return evaluate([sentence], lambda _: list(system)).scores


def _pairs(text: str, gold: Sequence[GoldItem], system: Sequence[Record]) -> list[Any]:
    """The pairs of one sentence scored against ``system``."""
    sentence = Sentence(id="s-1", text=text, quantities=tuple(gold), domain="unit")
    return list(evaluate([sentence], lambda _: list(system)).pairs)


def _prf(counts: Counts) -> tuple[float, float, float]:
    """Precision, recall and F1, rounded for exact comparison."""
    return (round(counts.precision, 6), round(counts.recall, 6), round(counts.f1, 6))


def _self_extract(sentences: Sequence[Sentence]) -> Evaluation:
    """Every sentence scored against its own gold, as if a system had produced it."""
    outputs = iter([[_system(item) for item in s.quantities] for s in sentences])
    return evaluate(sentences, lambda _: next(outputs))  # evaluate() goes in corpus order


# --- numclaims on the corpus -----------------------------------------------------------------


#: Each scored corpus and the floors CI holds it to: the annotated corpus, the blind
#: development set (written by annotators who never saw the parser: benchmarks/blind),
#: each of its rounds with floors of its own, and the held-out set (measurement only:
#: see benchmarks/heldout/README.md).  A floor file whose ``_files`` key lists file
#: stems covers only those files of its folder.
FLOORS = {
    "corpus": (CORPUS_DIR, FLOOR_FILE),
    "blind": (BLIND_DIR, BLIND_FLOOR_FILE),
    "blind2": (BLIND_DIR, BLIND2_FLOOR_FILE),
    "blind3": (BLIND_DIR, BLIND3_FLOOR_FILE),
    "blind4": (BLIND_DIR, BLIND4_FLOOR_FILE),
    "blind5": (BLIND_DIR, BLIND5_FLOOR_FILE),
    "blind6": (BLIND_DIR, BLIND6_FLOOR_FILE),
    "blind7": (BLIND_DIR, BLIND7_FLOOR_FILE),
    "blind8": (BLIND_DIR, BLIND8_FLOOR_FILE),
    "heldout": (HELDOUT_DIR, HELDOUT_FLOOR_FILE),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_floor_file_is_well_formed(name: str) -> None:
    """A floor file explains itself and holds known metric names with scores in [0, 1]."""
    floors = json.loads(FLOORS[name][1].read_text(encoding="utf-8"))
    assert floors.pop("_comment")
    files = floors.pop("_files", None)
    assert files is None or {s.domain for s in load_corpus(FLOORS[name][0])} >= set(files)
    assert set(floors) <= set(floor_scores(score_pairs([])))
    assert {"bound_f1", "entity_exact_f1"} <= set(floors)
    assert all(0.0 <= value <= 1.0 for value in floors.values())


@pytest.mark.parametrize("name", list(FLOORS))
def test_numclaims_meets_accuracy_floors(name: str) -> None:
    """numclaims scores at least the floor of every metric of the corpus' floor file."""
    corpus, floor_file = FLOORS[name]
    floors = json.loads(floor_file.read_text(encoding="utf-8"))
    floors.pop("_comment", None)
    files = floors.pop("_files", None)
    sentences = [s for s in load_corpus(corpus) if files is None or s.domain in files]
    extract = load_system(SYSTEMS["numclaims"])
    evaluation = evaluate(sentences, extract)
    assert evaluation.crashes == ()
    scores = floor_scores(evaluation.scores)
    below = {name: (scores[name], floor) for name, floor in floors.items() if scores[name] < floor}
    assert below == {}, f"below floor (score, floor): {below}"


def test_gold_scores_perfectly_against_itself() -> None:
    """The corpus scored against its own gold gives 1.0 on every metric and breakdown."""
    pairs = _self_extract(load_corpus()).pairs
    groups = [score_pairs(pairs), *breakdown(pairs, kind_of).values()]
    groups.extend(breakdown(pairs, domain_of).values())
    for scores in groups:
        assert all(_prf(scores.metrics[m]) == (1.0, 1.0, 1.0) for m in METRICS), scores
        assert scores.bound_accuracy.value == 1.0
    assert all(not found for found in classify_errors(pairs).values())


# --- matching --------------------------------------------------------------------------------


def test_match_prefers_largest_overlap_one_to_one() -> None:
    """Each side is matched once, to the candidate sharing the most characters."""
    gold = [Record("number", 0, 10, 1.0), Record("number", 12, 20, 2.0)]
    system = [Record("number", 8, 14, 1.0), Record("number", 2, 9, 1.0)]
    # system 1 shares 7 chars with gold 0; system 0 shares 2 with gold 0 and 2 with gold 1.
    assert match(gold, system) == [(0, 1), (1, 0)]


def test_match_leaves_unmatched_items_on_their_own() -> None:
    """Items without any overlap come back alone: gold first, then system."""
    gold = [Record("number", 0, 3, 1.0)]
    system = [Record("number", 3, 5, 1.0)]
    assert match(gold, system) == [(0, None), (None, 0)]


def test_match_ties_go_to_closest_ends() -> None:
    """Between equal overlaps, the pair whose ends are closest wins."""
    gold = [Record("number", 0, 4, 1.0), Record("number", 2, 5, 1.0)]
    system = [Record("number", 2, 4, 1.0)]
    assert match(gold, system) == [(1, 0), (0, None)]


# --- metrics on tiny cases -------------------------------------------------------------------

TEXT = "Officials said 40 soldiers died and 3 km of road was lost."
SOLDIERS = _gold("40", 15, value=40.0, entity="soldiers")
ROAD = _gold("3 km", 36, kind="measure", value=3.0, unit="kilometer")


def test_perfect_output_scores_one() -> None:
    """A system reproducing the gold scores 1.0 everywhere."""
    scores = _score(TEXT, [SOLDIERS, ROAD], [_system(SOLDIERS), _system(ROAD)])
    assert all(_prf(scores.metrics[m]) == (1.0, 1.0, 1.0) for m in METRICS)


def test_one_miss() -> None:
    """One of two gold items missed: P 1, R 0.5, F1 2/3."""
    scores = _score(TEXT, [SOLDIERS, ROAD], [_system(SOLDIERS)])
    assert scores.metrics["detection"] == Counts(tp=1, fp=0, fn=1)
    assert _prf(scores.metrics["value_unit"]) == (1.0, 0.5, 0.666667)


def test_one_spurious() -> None:
    """One extra system item: P 0.5, R 1, F1 2/3."""
    extra = Record("number", 0, 9, 7.0, text="Officials")
    scores = _score(TEXT, [SOLDIERS], [_system(SOLDIERS), extra])
    assert scores.metrics["detection"] == Counts(tp=1, fp=1, fn=0)
    assert _prf(scores.metrics["value"]) == (0.5, 1.0, 0.666667)


def test_value_against_range_is_wrong() -> None:
    """A single value matched to a gold range is detected but its value is wrong."""
    gold = _gold("3-5 km", 0, kind="measure", value=None, low=3.0, high=5.0, unit="kilometer")
    scores = _score("3-5 km", [gold], [_system(gold, value=4.0, low=None, high=None)])
    assert _prf(scores.metrics["detection"]) == (1.0, 1.0, 1.0)
    assert scores.metrics["value"] == Counts(tp=0, fp=1, fn=1)
    assert _prf(scores.metrics["value_unit"]) == (0.0, 0.0, 0.0)


def test_range_needs_both_ends() -> None:
    """A range is right only when low and high both match."""
    gold = _gold("3-5", 0, value=None, low=3.0, high=5.0)
    assert _score("3-5", [gold], [_system(gold)]).metrics["value"].tp == 1
    assert _score("3-5", [gold], [_system(gold, high=6.0)]).metrics["value"].tp == 0


def test_values_compare_with_relative_tolerance() -> None:
    """Values within a relative 1e-6 are equal; further apart they are not."""
    gold = _gold("2.5bn", 0, value=2.5e9)
    assert _score("2.5bn", [gold], [_system(gold, value=2.5e9 + 1)]).metrics["value"].tp == 1
    assert _score("2.5bn", [gold], [_system(gold, value=2.5e9 * 1.01)]).metrics["value"].tp == 0


def test_measures_compare_through_pint() -> None:
    """1000 meter is the same measure as 1 kilometer for value+unit, not for raw value."""
    gold = _gold("1 km", 0, kind="measure", value=1.0, unit="kilometer")
    scores = _score("1 km", [gold], [_system(gold, value=1000.0, unit="meter")])
    assert _prf(scores.metrics["value_unit"]) == (1.0, 1.0, 1.0)
    assert _prf(scores.metrics["value"]) == (0.0, 0.0, 0.0)


def test_measures_need_the_same_dimensionality() -> None:
    """Equal base magnitudes of different dimensions are not the same measure."""
    gold = _gold("1 m", 0, kind="measure", value=1.0, unit="meter")
    scores = _score("1 m", [gold], [_system(gold, unit="second")])
    assert scores.metrics["value_unit"].tp == 0


def test_offset_temperatures_compare_in_kelvin() -> None:
    """0 degree Celsius equals 273.15 kelvin."""
    gold = _gold("0C", 0, kind="measure", value=0.0, unit="degree_Celsius")
    scores = _score("0C", [gold], [_system(gold, value=273.15, unit="kelvin")])
    assert scores.metrics["value_unit"].tp == 1


def test_money_compares_by_iso_code() -> None:
    """Money with the right value but another currency code has the wrong unit."""
    gold = _gold("$5", 0, kind="money", value=5.0, unit="USD")
    wrong = _score("$5", [gold], [_system(gold, unit="CAD")])
    assert wrong.metrics["value"].tp == 1
    assert wrong.metrics["value_unit"] == Counts(tp=0, fp=1, fn=1)
    assert _score("$5", [gold], [_system(gold)]).metrics["value_unit"].tp == 1


def test_kind_must_match_for_unit() -> None:
    """A plain number found where the gold has money has the wrong unit."""
    gold = _gold("$5", 0, kind="money", value=5.0, unit="USD")
    scores = _score("$5", [gold], [_system(gold, kind="number", unit=None)])
    assert scores.metrics["value_unit"].tp == 0


def test_percent_units_compare_as_strings() -> None:
    """Percentage points are not percent."""
    gold = _gold("2pp", 0, kind="percent", value=2.0, unit="percentage_point")
    assert _score("2pp", [gold], [_system(gold, unit="percent")]).metrics["value_unit"].tp == 0


def test_bound_metric_and_accuracy() -> None:
    """Bound P/R/F1 counts equal bounds; bound accuracy is over matched pairs."""
    first = _gold("over 40", 0, value=40.0, bound="more_than")
    second = _gold("50", 8, value=50.0)
    third = _gold("60", 11, value=60.0)
    system = [_system(first, bound="exact"), _system(second)]
    scores = _score("over 40 50 60", [first, second, third], system)
    assert scores.metrics["bound"] == Counts(tp=1, fp=1, fn=2)
    assert (scores.bound_accuracy.correct, scores.bound_accuracy.total) == (1, 2)


def test_optional_gold_is_neutral() -> None:
    """Matching an optional item is not rewarded, missing it is not punished."""
    optional = _gold("a few", 0, value=3.0, optional=True)
    found = _score("a few", [optional], [_system(optional)])
    missed = _score("a few", [optional], [])
    for scores in (found, missed):
        assert scores.metrics["detection"] == Counts()
        assert _prf(scores.metrics["detection"]) == (1.0, 1.0, 1.0)


def test_optional_match_leaves_precision_denominator() -> None:
    """A system item matched to an optional gold item is excluded from precision."""
    optional = _gold("a few", 0, value=3.0, optional=True)
    real = _gold("40", 6, value=40.0)
    scores = _score("a few 40", [optional, real], [_system(optional, value=9.0)])
    assert scores.metrics["detection"] == Counts(tp=0, fp=0, fn=1)


def test_trap_sentence_with_spurious_item() -> None:
    """On a sentence with no gold, any system item is a false positive."""
    scores = _score("No numbers.", [], [Record("number", 0, 2, 1.0)], domain="traps")
    assert _prf(scores.metrics["detection"]) == (0.0, 1.0, 0.0)


def test_entity_exact_and_partial() -> None:
    """'Russian soldiers' vs 'soldier' is a partial but not an exact entity match."""
    gold = _gold("40", 0, value=40.0, entity="Russian soldiers")
    scores = _score("40 Russian soldiers", [gold], [_system(gold, entity="soldier")])
    assert scores.metrics["entity_exact"] == Counts(tp=0, fp=1, fn=1)
    assert _prf(scores.metrics["entity_partial"]) == (1.0, 1.0, 1.0)
    assert _score("x", [gold], [_system(gold, entity=" RUSSIAN  soldiers ")]).metrics[
        "entity_exact"
    ] == Counts(tp=1)


def test_entity_counts_only_items_with_an_entity() -> None:
    """Entity metrics ignore items where neither side has an entity."""
    with_entity = _gold("40", 0, value=40.0, entity="troops")
    without = _gold("50", 3, value=50.0)
    system = [_system(with_entity, entity=None), _system(without, entity="tanks")]
    scores = _score("40 50", [with_entity, without], system)
    assert scores.metrics["entity_exact"] == Counts(tp=0, fp=1, fn=1)
    plain = _score("50", [without], [_system(without)])
    assert plain.metrics["entity_partial"] == Counts()


def test_head_word() -> None:
    """The head word is the last word, casefolded, with one plural 's' removed."""
    assert head_word("Russian Soldiers") == "soldier"
    assert head_word("barrels of oil") == "oil"
    assert head_word("  ") == ""


def test_classify_errors_groups_each_type() -> None:
    """Missed, spurious, wrong value, unit, bound and entity are each reported."""
    a = _gold("$5", 0, kind="money", value=5.0, unit="USD", entity="fee")
    b = _gold("6", 3, value=6.0)
    c = _gold("about 7", 5, value=7.0, bound="approximate")
    d = _gold("8", 13, value=8.0)
    system = [
        _system(a, unit="EUR", entity="fees charged"),
        _system(b, value=60.0),
        _system(c, bound="exact"),
        Record("number", 15, 17, 9.0),
    ]
    errors = classify_errors(_pairs("$5 6 about 7 8 99", [a, b, c, d], system))
    summary = {name: len(found) for name, found in errors.items()}
    assert summary == {
        "missed": 1,
        "spurious": 1,
        "wrong value": 1,
        "wrong unit": 1,
        "wrong bound": 1,
        "wrong entity": 1,
    }


def test_crashing_system_counts_as_finding_nothing() -> None:
    """An exception from a system is recorded and the sentence scored as empty."""

    def explode(text: str) -> list[Record]:
        raise RuntimeError(text)

    sentence = Sentence(id="s-1", text="40", quantities=(_gold("40", 0),), domain="unit")
    evaluation = evaluate([sentence], explode)
    assert evaluation.crashes == (("s-1", "RuntimeError: 40"),)
    assert evaluation.scores.metrics["detection"] == Counts(fn=1)


# --- adapters (no quantulum3 needed) ---------------------------------------------------------


def _fake_quantulum(
    span: tuple[int, int],
    value: float,
    unit_name: str,
    entity: str,
    *,
    surface: str | None = None,
    uncertainty: float | None = None,
    currency_code: str | None = None,
) -> Any:
    """An object shaped like a quantulum3 Quantity."""
    unit = SimpleNamespace(
        name=unit_name,
        entity=SimpleNamespace(name=entity),
        currency_code=currency_code,
        dimensions=[],
        symbols=[],
    )
    return SimpleNamespace(
        span=span, value=value, unit=unit, surface=surface, uncertainty=uncertainty
    )


def test_quantulum3_mapping() -> None:
    """quantulum3 currency, percentage, dimensionless and measures map to our kinds and units."""
    text = "$5 and 7% of 12 cost 5-7 km per hour"
    money = quantulum3_record(
        _fake_quantulum((0, 2), 5.0, "dollar", "currency", currency_code="USD"), text
    )
    percent = quantulum3_record(_fake_quantulum((7, 9), 7.0, "percentage", "dimensionless"), text)
    number = quantulum3_record(
        _fake_quantulum((13, 15), 12.0, "dimensionless", "dimensionless"), text
    )
    speed = quantulum3_record(
        _fake_quantulum((21, 36), 6.0, "kilometre per hour", "speed", uncertainty=1.0), text
    )
    assert (money.kind, money.unit, money.text) == ("money", "USD", "$5")
    assert (percent.kind, percent.unit) == ("percent", "percent")
    assert (number.kind, number.unit, number.entity) == ("number", None, None)
    assert (speed.kind, speed.unit, speed.value, speed.low) == (
        "measure",
        "kilometer / hour",
        6.0,
        None,
    )
    assert speed.range_as_value
    assert {r.bound for r in (money, percent, number, speed)} == {"exact"}


def test_quantulum3_unit_pint_cannot_read_is_kept() -> None:
    """A quantulum3 unit pint cannot read stays as quantulum3 named it."""
    odd = quantulum3_record(_fake_quantulum((0, 1), 1.0, "flibber gram", "unknown"), "1")
    assert (odd.kind, odd.unit) == ("measure", "flibber gram")


def test_bound_from_surface() -> None:
    """Only a bound word at the start of the surface gives a bound."""
    assert bound_from_surface("about 5 km") == "approximate"
    assert bound_from_surface("over 40") == "more_than"
    assert bound_from_surface("up to 647") == "at_most"
    assert bound_from_surface("overall 5") == "exact"
    assert bound_from_surface("5 km") == "exact"


def test_numclaims_record_from_model_dump() -> None:
    """A numclaims model_dump() maps field for field."""
    dumped = {
        "kind": "measure",
        "text": "3-5 km",
        "start": 0,
        "end": 6,
        "value": None,
        "low": 3.0,
        "high": 5.0,
        "unit": "kilometer",
        "bound": "at_most",
        "entity": "road",
        "entity_span": (7, 11),
        "qualifier": None,
    }
    record = numclaims_record(dumped)
    assert record == Record(
        "measure", 0, 6, None, 3.0, 5.0, "kilometer", "at_most", "road", "3-5 km"
    )


def test_numclaims_record_from_real_model() -> None:
    """A real numclaims Quantity's model_dump() maps onto the record shape."""
    from numclaims.models import Quantity

    quantity = Quantity(
        kind="money",
        text="over $5bn",
        start=3,
        end=12,
        value=5e9,
        unit="USD",
        bound="more_than",
        entity="deal",
        entity_span=(13, 17),
    )
    assert numclaims_record(quantity.model_dump()) == Record(
        "money", 3, 12, 5e9, None, None, "USD", "more_than", "deal", "over $5bn"
    )


def test_numclaims_adapter_calls_parse_quantities(monkeypatch: pytest.MonkeyPatch) -> None:
    """The numclaims extractor turns parse_quantities() results into records."""
    fake = ModuleType("numclaims")
    found = SimpleNamespace(
        model_dump=lambda: {"kind": "number", "text": "40", "start": 0, "end": 2, "value": 40.0}
    )
    fake.parse_quantities = lambda text: [found]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "numclaims", fake)
    extract = SYSTEMS["numclaims"].build()
    assert extract("40") == [Record("number", 0, 2, 40.0, text="40")]


def test_numclaims_without_parser_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    """A numclaims without parse_quantities is reported unavailable, not crashed on."""
    monkeypatch.setitem(sys.modules, "numclaims", ModuleType("numclaims"))
    with pytest.raises(Unavailable, match="parse_quantities"):
        SYSTEMS["numclaims"].build()


def test_missing_package_is_unavailable() -> None:
    """A system whose package is not installed raises Unavailable instead of crashing."""
    ghost = System("ghost", "no_such_package_for_numclaims", lambda: lambda text: [])
    with pytest.raises(Unavailable, match="not installed"):
        load_system(ghost)


# --- report and CLI --------------------------------------------------------------------------


def test_report_tables_and_json() -> None:
    """The tables name every metric and system, and the JSON holds the headline numbers."""
    sentence = Sentence(
        id="s-1", text="40", quantities=(_gold("40", 0, value=40.0),), domain="news"
    )
    run = Run("fake", evaluate([sentence], lambda _: [Record("number", 0, 2, 1.0)]))
    table = metrics_table([run])
    assert "fake" in table
    assert "value + unit" in table
    assert "entity (partial)" in table
    assert "news" in breakdown_table("file", [run], domain_of)
    document = json_document("corpus", [sentence], [run], {"ghost": "missing"}, ["note"])
    json.dumps(document)
    assert document["systems"]["fake"]["headline"]["detection_f1"] == 1.0
    assert document["systems"]["fake"]["headline"]["value_f1"] == 0.0
    assert document["systems"]["ghost"] == {"available": False, "reason": "missing"}


def test_cli_rejects_unknown_system(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --systems name is a usage error (exit 2)."""
    assert main(["--systems", "nonesuch"]) == 2
    assert "unknown system" in capsys.readouterr().err
