"""The entity reader: the thing each quantity counts or measures, with its span.

Each row is a sentence, the text of one of its quantities, and the entity
expected for it (``None`` where the sentence names no thing counted).  The
entity's span must index the sentence: it is where the entity first occurs.
"""

from __future__ import annotations

import pytest

from helpers import quantity_entity
from numclaims import parse_quantities

# (sentence, quantity text, entity)
Row = tuple[str, str, str | None]

AFTER_THE_NUMBER: list[Row] = [
    # a possessor is not the thing counted; a count after it is skipped
    ("Floods damaged 35% of the city's roads last spring.", "35%", "roads"),
    ("Only 4 of Chile's 16 regions reported a surplus.", "4", "regions"),
    # a word in -ing before a noun modifies it; before anything else it is a verb
    ("The app now has 4,500 paying subscribers.", "4,500", "paying subscribers"),
    ("She spent $300 fixing the roof.", "$300", None),
    # irregular past tenses end the phrase
    ("A 40-page dossier sent shockwaves through Whitehall.", "40", "dossier"),
    # a comparative between the number and a noun
    ("Smokers had a 30% higher risk of stroke.", "30%", "risk"),
    # two nouns joined by "and" before the head
    ("Norway gave NOK 2bn in civilian and medical aid.", "NOK 2bn", "civilian and medical aid"),
    # an acronym is no verb
    ("The 300 LED panels were fitted in May.", "300", "LED panels"),
    # "in ... terms" is a manner, not a thing
    ("Public spending rose to £12bn in real terms.", "£12bn", "Public spending"),
]

PAID_FOR: list[Row] = [
    ("The council set aside £4m for pothole repairs.", "£4m", "pothole repairs"),
    ("The vendor charged 350 HUF for a bread roll.", "350 HUF", "bread roll"),
    ("The stall asks NT$ 80 for a drink.", "NT$ 80", "drink"),
    ("The hotel quoted $240 a night for the suite.", "$240 a night", "suite"),
    ("We spent €120 on groceries this week.", "€120", "groceries"),
    ("The rally added $90bn to the bank's market value.", "$90bn", "market value"),
    # a time after the preposition names no thing: the subject is read instead
    ("The charity raised $2,000 for the quarter.", "$2,000", "charity"),
]

SUBJECTS: list[Row] = [
    # a name with a number in it
    ("The CAC 40 slipped 0.6% on Friday.", "0.6%", "CAC 40"),
    ("The S&P 500 closed at 5,102 on Tuesday.", "5,102", "S&P 500"),
    # but a hyphenated count is a quantity of its own: the phrase starts after it
    ("Spanish 10-year bond yields rose to 3.4%.", "3.4%", "bond yields"),
    ("The bank's tier 1 ratio stood at 14.2%.", "14.2%", "tier 1 ratio"),
    # a number glued to a comma does not hide the clause boundary
    ("Exports climbed 12% in 2022, and imports fell 3%.", "3%", "imports"),
    # words in -ing and comparatives that open the subject
    ("Operating profit rose 8% to £410m.", "8%", "Operating profit"),
    ("Short sellers lost $2bn on the stock.", "$2bn", "Short sellers"),
    ("The high jump bar was raised to 2.40 m.", "2.40 m", "high jump bar"),
    ("Food and energy prices rose 9% in May.", "9%", "Food and energy prices"),
    # "the number of X", "at an annual rate of"
    ("The number of nurses rose by 12,000 last year.", "12,000", "nurses"),
    ("Exports grew at an annual rate of 7%.", "7%", "Exports"),
    # a noun in -ed
    ("The scooter has a top speed of 25 km/h.", "25 km/h", "top speed"),
]

CLAUSES: list[Row] = [
    # a reporting verb with no clause after it is the verb of its own clause
    ("The retailer reported sales of £2.1bn, up 5% on last year.", "5%", "sales"),
    # a relative clause is about the noun before its comma
    ("The new bridge, which cost £90m, opened on Monday.", "£90m", "new bridge"),
    # a verb with no subject of its own shares the sentence's subject
    ("The blender has a glass jug, and costs £89.", "£89", "blender"),
    ("The wardrobe holds 40 shirts, is 2.1 m tall and weighs 70 kg.", "2.1 m", "wardrobe"),
    # a verb in -ing before a determiner takes an object
    ("Hospitals hired 300 nurses, lifting the total to 1,200.", "1,200", "total"),
]

MEASURES: list[Row] = [
    # temperatures are stated of the subject, but a setting is not
    ("Daytime highs of 31C are forecast for Madrid.", "31C", "Daytime highs"),
    ("Sea temperatures reached 29C in August.", "29C", "Sea temperatures"),
    ("Bake the loaf at 220C until golden.", "220C", None),
    # a duration takes its label, but no subject
    ("Cooking time: 45 minutes.", "45 minutes", "Cooking time"),
    ("Patients were followed for a median of 4.5 years.", "4.5 years", None),
    # a distance from somewhere names nothing
    ("The ship sank 40 miles off the coast.", "40 miles", None),
]

NO_ENTITY: list[Row] = [
    # a value restated for comparison leaves its noun out
    ("Turnout was 67%, compared with 72% in 2019.", "72%", None),
    ("Russia fires 9,000 shells a day, against 2,000 for Ukraine.", "2,000", None),
    ("Margins were 11%, down from 14% a year earlier.", "14%", None),
]

ROWS = AFTER_THE_NUMBER + PAID_FOR + SUBJECTS + CLAUSES + MEASURES + NO_ENTITY


@pytest.mark.parametrize(("sentence", "text", "entity"), ROWS, ids=[row[0] for row in ROWS])
def test_entity_and_span(sentence: str, text: str, entity: str | None) -> None:
    """The entity is the expected phrase as written, and its span indexes the sentence."""
    expected_span = None
    if entity is not None:
        start = sentence.index(entity)
        expected_span = (start, start + len(entity))
    assert quantity_entity(sentence, text) == (entity, expected_span)


FILLER = "Nothing here is counted at all, and the words simply go on. " * 150


@pytest.mark.parametrize(("sentence", "text", "entity"), ROWS[:8], ids=[row[0] for row in ROWS[:8]])
def test_entity_is_the_same_deep_in_a_long_text(
    sentence: str, text: str, entity: str | None
) -> None:
    """Words read for earlier quantities, thousands of characters back, change nothing."""
    long_text = sentence + " " + FILLER + sentence + " " + FILLER + sentence
    offsets = [0, len(sentence) + 1 + len(FILLER), 2 * (len(sentence) + 1 + len(FILLER))]
    found = [q for q in parse_quantities(long_text) if q.text == text]
    assert len(found) == 3
    for offset, quantity in zip(offsets, found, strict=True):
        assert quantity.entity == entity
        if entity is not None:
            start = offset + sentence.index(entity)
            assert quantity.entity_span == (start, start + len(entity))


def test_interleaved_readers_of_one_text_agree() -> None:
    """Two lazy readers of the same text, advanced in turn, see the same entities."""
    from numclaims import iter_quantities

    text = " ".join(row[0] for row in SUBJECTS)
    alone = [(q.text, q.entity, q.entity_span) for q in parse_quantities(text)]
    first, second = iter_quantities(text), iter_quantities(text)
    turns = [(next(first), next(second)) for _ in alone]
    assert [(a.text, a.entity, a.entity_span) for a, _ in turns] == alone
    assert [(b.text, b.entity, b.entity_span) for _, b in turns] == alone


#: The clause window of the last number (160 characters) starts inside "when":
#: reading from there gave the entity "hen".
MID_WORD = (
    "He continued: “Especially when we are talking about people who live in the North "
    "Caucasus or people who live in tiny villages and settlements Average full-time hours "
    "worked per week were 36.4, down from 37.2 before."
)


def test_a_window_never_reads_a_word_from_its_middle() -> None:
    """Alone, after another text, or read in turn with one: whole words only, same result."""
    from numclaims import iter_quantities

    alone = [(q.text, q.entity) for q in parse_quantities(MID_WORD)]
    assert alone == [("36.4", None), ("37.2", None)]
    parse_quantities("Prices rose 5% in May.")
    assert [(q.text, q.entity) for q in parse_quantities(MID_WORD)] == alone
    ours, other = iter_quantities(MID_WORD), iter_quantities("Sales rose 5%. Costs fell 2%.")
    turns = []
    for quantity in ours:
        turns.append((quantity.text, quantity.entity))
        next(other, None)
    assert turns == alone


def test_nothing_holds_the_text_once_it_is_parsed() -> None:
    """Once a text is parsed, no reader keeps a reference to it: its context went with it."""
    import sys

    text = "".join([MID_WORD, " ", FILLER])  # a new string, referenced here alone
    held = sys.getrefcount(text)
    assert parse_quantities(text)
    assert sys.getrefcount(text) == held


def _entities_of(text: str) -> list[tuple[str, str | None, tuple[int, int] | None]]:
    return [(q.text, q.entity, q.entity_span) for q in parse_quantities(text)]


#: Eight different texts, long enough for the token index to forget and start afresh.
TEXTS = [
    " ".join(row[0] for row in ROWS[k:] + ROWS[:k]) + " " + FILLER[: 400 * k] + MID_WORD
    for k in range(0, 8 * 5, 5)
]


def test_threads_parse_as_one_thread_does() -> None:
    """Eight threads, each parsing its own text at the same time, find what one thread finds."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    alone = [_entities_of(text) for text in TEXTS]
    start = Barrier(len(TEXTS))

    def parse(text: str) -> list[list[tuple[str, str | None, tuple[int, int] | None]]]:
        start.wait()
        return [_entities_of(text) for _ in range(3)]

    with ThreadPoolExecutor(max_workers=len(TEXTS)) as pool:
        together = list(pool.map(parse, TEXTS))
    assert together == [[found] * 3 for found in alone]


def test_interleaved_readers_of_two_texts_agree() -> None:
    """Two lazy readers of different texts, advanced in turn on one thread, find what each
    finds alone: each text's tokens travel with its own reader."""
    from numclaims import iter_quantities

    first, second = TEXTS[0], TEXTS[3]
    alone = (_entities_of(first), _entities_of(second))
    readers = (iter_quantities(first), iter_quantities(second))
    found: tuple[list[object], list[object]] = ([], [])
    for turn in range(max(map(len, alone)) * 2):
        quantity = next(readers[turn % 2], None)
        if quantity is not None:
            found[turn % 2].append((quantity.text, quantity.entity, quantity.entity_span))
    assert found == alone


def test_the_entity_stage_keeps_no_mutable_state() -> None:
    """No module of the entity stage holds a list, dict or set that a text could change."""
    import importlib
    import inspect
    import pkgutil

    from numclaims import _entities

    modules = [_entities] + [
        importlib.import_module(f"numclaims._entities.{info.name}")
        for info in pkgutil.iter_modules(_entities.__path__)
    ]
    mutable = [
        f"{module.__name__}.{name}"
        for module in modules
        for name, value in vars(module).items()
        if isinstance(value, list | dict | set | bytearray) and not name.startswith("__")
    ]
    assert mutable == []
    # caches: tables built once from the word lists (no arguments), and one memo of
    # a pure function of three words, which no text can change
    cached = {
        name: value
        for module in modules
        for name, value in vars(module).items()
        if hasattr(value, "cache_parameters")
    }
    memos = {name for name, f in cached.items() if f.cache_parameters()["maxsize"] is not None}
    assert memos == {"is_verb"}
    tables = [f for name, f in cached.items() if name not in memos]
    assert tables
    assert [f for f in tables if inspect.signature(f).parameters] == []


def test_subject_openers_are_determiners() -> None:
    """The words that open a subject after a clause joiner are some of the determiners."""
    from numclaims._lexicon import entity_words

    words = entity_words()
    assert words.subject_openers < words.determiners
