"""The filters' words are data: each list in ``non_quantities.txt`` is documented and honoured."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from helpers import read_with_edited_data
from numclaims import parse_quantities
from numclaims._data import load
from numclaims._lexicon import filter_words

#: (section, the line added to it, a sentence, its quantities as shipped, and with the line).
NEW_WORDS = [
    ("time_zone", "JST", "He left at 9 JST.", ["9"], []),
    ("time_suffix", "Uhr", "The shop opens at 9 Uhr.", ["9"], []),
    ("street", "Mews", "She lives at 4 Belgrave Mews.", ["4"], []),
    ("street_first", "Rua", "The café is at 12 Rua Augusta.", ["12"], []),
    ("score", "votes_to = ballots", "It passed by 320 ballots to 295.", ["320", "295"], []),
    ("score", "vote_link = at", "The vote at 52 to 47 was close.", ["52", "47"], []),
    ("list_joiner", "plus", "Read pages 4 plus 6.", ["6"], []),
    ("counted_alone", "week", "It lasted a week.", [], ["a week"]),
]


def _vocabulary() -> str:
    return resources.files("numclaims").joinpath("data/non_quantities.txt").read_text("utf-8")


def test_the_header_documents_every_section() -> None:
    """Each section of non_quantities.txt is named in the comment that opens the file."""
    text = _vocabulary()
    header = text[: text.index("\n[")]
    sections = {entry.section for entry in load("non_quantities")}
    assert {s for s in sections if f"# [{s}]" not in header} == set()


def test_every_pattern_list_has_words() -> None:
    """No list the filters build a pattern from is empty."""
    assert all(filter_words())


@pytest.mark.parametrize(("section", "line", "sentence", "shipped", "added"), NEW_WORDS)
def test_the_new_words_are_not_listed_yet(
    section: str, line: str, sentence: str, shipped: list[str], added: list[str]
) -> None:
    """As shipped, each sentence below reads as it did (else the next test proves nothing)."""
    word = line.rpartition("=")[2].strip()
    assert word not in {
        s for e in load("non_quantities") if e.section == section for s in e.surfaces
    }
    assert [q.text for q in parse_quantities(sentence)] == shipped


def test_a_word_added_to_a_list_is_honoured_without_touching_the_code(tmp_path: Path) -> None:
    """A copy of the package with one word more in each list reads each sentence anew.

    Only the data file changes: every pattern, window and screen is built from its list.
    """
    edits = [
        ("non_quantities.txt", rf"^\[{section}\]\n", f"[{section}]\n{line}\n")
        for section, line, *_ in NEW_WORDS
    ]
    sentences = [sentence for _, _, sentence, *_ in NEW_WORDS]
    found = read_with_edited_data(tmp_path, edits, "q.text", sentences)
    assert found == [added for *_, added in NEW_WORDS]
