"""Spans are exactly the quantities: tokens are split where needed, and nothing else moves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from numclaims import parse_quantities
from numclaims.spacy_component import NumclaimsComponent

pytestmark = pytest.mark.spacy

ARTICLE = Path(__file__).resolve().parents[3] / "examples" / "seed_article.txt"
BLANK = spacy.blank("en")


def needs_split(text: str, focus: str) -> bool:
    """Whether spaCy's blank English tokenizer alone leaves ``focus`` off token boundaries."""
    doc = BLANK.make_doc(text)
    start = text.index(focus)
    return doc.char_span(start, start + len(focus)) is None


def assert_exact_spans(doc: Doc, text: str, key: str = "numclaims") -> None:
    """The text is unchanged and each quantity has a span of exactly its text and kind."""
    assert doc.text == text
    quantities = parse_quantities(text)
    spans = list(doc.spans[key])
    assert [(s.text, s.label_) for s in spans] == [(q.text, q.kind) for q in quantities]
    assert [(s.start_char, s.end_char) for s in spans] == [(q.start, q.end) for q in quantities]


# (id, text, the quantity the row is about, whether spaCy's tokens alone miss it)
CASES = [
    # The families named in the integrations issue.
    ("unit-then-period", "It moved at 5 km/h.", "5 km/h", True),
    ("glued-unit-then-period", "It was 44C.", "44C", True),
    ("glued-unit", "It weighs 10kg.", "10kg", False),
    ("glued-currency-scale", "They lost £1.5billion.", "£1.5billion", False),
    ("glued-currency-code", "They raised EUR2.5bn.", "EUR2.5bn", False),
    ("glued-currency-then-period", "It cost €400m.", "€400m", True),
    ("hyphenated-unit", "a 5-km walk", "5-km", False),
    ("range-percent", "Prices rose 5-10%.", "5-10%", False),
    ("range-money", "It costs $5-10 million.", "$5-10 million", False),
    # Found by running the annotated corpus (benchmarks/) through spacy.blank("en").
    ("corpus-scale-then-period", "He earns £2.4m.", "£2.4m", True),
    ("corpus-sign-glued", "a margin of error of ±3 percentage points", "3 percentage points", True),
    ("corpus-trailing-hyphen", "in 55-, 65- and 77-inch sizes", "65", True),
    ("corpus-superscript-unit", "levels of 5 µg/m³.", "5 µg/m³", True),
    ("corpus-bound-and-rate", "at just over 20 km/h.", "just over 20 km/h", True),
    ("corpus-bound-glued-unit", "temperatures above 20C.", "above 20C", True),
    ("corpus-gram-then-period", "Add around 10g.", "around 10g", True),
    # New: other glue the tokenizer leaves whole.
    ("percent-per-year", "It grew 12%/yr.", "12%", True),
    ("money-per-hour", "It cost $5.50/h.", "$5.50/h", True),
    ("tonne-then-period", "The crane lifts 3t.", "3t", True),
    ("fahrenheit-then-period", "It was 98.6F.", "98.6F", True),
]


@pytest.mark.parametrize(
    ("text", "focus", "split"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_spans_equal_quantities(nlp: Language, text: str, focus: str, split: bool) -> None:
    """Every quantity's span text is its text, whether or not a token had to be split."""
    assert needs_split(text, focus) is split
    doc = nlp(text)
    assert_exact_spans(doc, text)
    assert focus in [span.text for span in doc.spans["numclaims"]]


def test_sample_article(nlp: Language) -> None:
    """On the sample article every quantity's span text equals its text."""
    text = ARTICLE.read_text(encoding="utf-8")
    doc = nlp(text)
    assert_exact_spans(doc, text)
    assert [span._.quantity for span in doc.spans["numclaims"]] == parse_quantities(text)


def test_a_split_token_keeps_its_whitespace(nlp: Language) -> None:
    """The pieces of ``h.`` are ``h`` and ``.``, and only the last keeps the space after it."""
    doc = nlp("at 5 km/h. Then")
    assert [(t.text, t.whitespace_) for t in doc][4:] == [("h", ""), (".", " "), ("Then", "")]


def annotations(doc: Doc) -> dict[str, Any]:
    """What other components set, by character offsets (which splitting must not change)."""
    return {
        "ents": [(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents],
        "sents": [(s.start_char, s.end_char) for s in doc.sents],
        "marks": [(s.start_char, s.end_char, s.text, s.label_) for s in doc.spans["marks"]],
    }


def before_numclaims(pipeline: Language, text: str) -> Doc:
    """``text`` through every component of ``pipeline`` but numclaims."""
    with pipeline.select_pipes(disable=["numclaims"]):
        return pipeline(text)


TEXT_WITH_ENTITIES = (
    "The Met Office said it hit 44C. Winds ran at 5 km/h. The repair cost €400m. "
    "Nothing else happened."
)


def test_entities_sentences_and_span_groups_survive(busy_nlp: Language) -> None:
    """Entities (text and label), sentences and another component's span group are unchanged
    after numclaims splits tokens inside them."""
    expected = annotations(before_numclaims(busy_nlp, TEXT_WITH_ENTITIES))
    assert {e[2] for e in expected["ents"]} == {"Met Office", "44C.", "km/h.", "€400m."}
    doc = busy_nlp(TEXT_WITH_ENTITIES)
    assert len(doc) > len(BLANK.make_doc(TEXT_WITH_ENTITIES))  # tokens were split
    assert annotations(doc) == expected
    assert_exact_spans(doc, TEXT_WITH_ENTITIES)


def test_split_pieces_inherit_the_entity(busy_nlp: Language) -> None:
    """Both pieces of an entity token carry its type; the later piece is inside (I), not B."""
    doc = busy_nlp("It hit 44C.")
    pieces = [(t.text, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc[2:]]
    assert pieces == [("44C", "B", "TEMP", False), (".", "I", "TEMP", False)]


def test_parsed_doc_keeps_a_valid_tree() -> None:
    """In a parsed doc the head piece keeps the head and label, the others attach to it, and
    the result is still one tree per sentence that survives serialisation."""
    words = ["He", "ran", "at", "5", "km/h.", "Then", "he", "stopped", "."]
    heads = [1, 1, 1, 4, 2, 7, 7, 7, 7]
    deps = ["nsubj", "ROOT", "prep", "nummod", "pobj", "advmod", "nsubj", "ROOT", "punct"]
    doc = Doc(BLANK.vocab, words=words, heads=heads, deps=deps)
    NumclaimsComponent()(doc)
    assert [s.text for s in doc.spans["numclaims"]] == ["5 km/h"]
    pieces = [(t.text, t.head.text, t.dep_) for t in doc[4:6]]
    assert pieces == [("km/h", "at", "pobj"), (".", "km/h", "dep")]
    for token in doc:  # every token reaches its sentence's root without a cycle
        seen = {token.i}
        while token.head.i != token.i:
            token = token.head
            assert token.i not in seen
            seen.add(token.i)
        assert token.dep_ == "ROOT"
    assert [s.text for s in doc.sents] == ["He ran at 5 km/h.", "Then he stopped ."]
    again = Doc(BLANK.vocab).from_bytes(doc.to_bytes())
    assert [(t.text, t.head.i, t.dep_) for t in again] == [(t.text, t.head.i, t.dep_) for t in doc]


# Pieces that make spaCy's tokens and numclaims' spans disagree: numbers, glued units and
# currencies, trailing punctuation, signs and ranges, joined with or without spaces.
_PIECES = st.sampled_from(
    [
        "5", "10", "2.4", "1,000", "44", "98.6", "km", "km/h", "h", "m", "g", "t", "C", "F",
        "%", "bn", "m.", "h.", "£", "$", "€", "US$", "EUR", "±", "-", "/", ".", ",", "'",
        '"', "(", ")", "up to", "about", "It", "rose", "cost", "Met Office", "per cent",
    ]
)  # fmt: skip
_GLUE = st.sampled_from(["", "", " ", " ", "  ", "\n", "\u00a0"])


@st.composite
def glued_texts(draw: st.DrawFn) -> str:
    """Texts of 1-12 pieces, each followed by glue."""
    parts = draw(st.lists(st.tuples(_PIECES, _GLUE), min_size=1, max_size=12))
    return "".join(piece + glue for piece, glue in parts)


@given(text=glued_texts())
def test_any_glue_gives_exact_spans_and_keeps_annotations(busy_nlp: Language, text: str) -> None:
    """Whatever the glue, spans equal the quantities and other annotations do not move."""
    expected = annotations(before_numclaims(busy_nlp, text))
    doc = busy_nlp(text)
    assert_exact_spans(doc, text)
    assert annotations(doc) == expected
