"""The screens before the bound, change and scanner patterns are built from the words they guard.

Each screen spares a pattern the numbers it cannot match, by a look at the
word next to the number; a word added to a data file must reach the screen
as it reaches the pattern, with no other edit.
"""

from __future__ import annotations

from pathlib import Path

from helpers import read_with_edited_data
from numclaims import parse_quantities

#: (data file, where the word goes, the edit, a sentence, its reading as shipped, with the word).
NEW_WORDS = [
    (
        "changes.txt",  # [more_before]: the screen reads the last word before the number
        r"^(\[more_before\]\nincrease = [^\n]*)$",
        r"\1 | bonus",
        "They hired a bonus 500 staff.",
        [["500", None, False, "exact"]],
        [["500", "increase", True, "exact"]],
    ),
    (
        "changes.txt",  # [noun]: the screen reads the letters after the number
        r"^(\[noun\]\nincrease =\n)",
        r"\1    upswing\n",
        "Sales saw a 5% upswing last year.",
        [["5%", None, False, "exact"]],
        [["5%", "increase", True, "exact"]],
    ),
    (
        "bounds.txt",  # [after]: the screen reads the letters after the gap
        r"^(\[after\]\n(?:.*\n)*?at_most =\n)",
        r"\1    tops\n",
        "It weighs 10 kg tops.",
        [["10 kg", None, False, "exact"]],
        [["10 kg tops", None, False, "at_most"]],
    ),
    (
        "bounds.txt",  # [before]: the screen reads the last characters before the number
        r"^(\[before\]\nat_most =\n)",
        r"\1    tops out at\n",
        "The rent tops out at 900 pounds.",
        [["900 pounds", None, False, "exact"]],
        [["tops out at 900 pounds", None, False, "at_most"]],
    ),
    (
        "cues.txt",  # [negative]: the screen reads the letter before the space
        r"^(\[negative\]\n)",
        r"\1neg\n",
        "It fell to neg five degrees.",
        [["five degrees", None, False, "exact"]],
        [["neg five degrees", "decrease", False, "exact"]],
    ),
]

#: What is compared of each quantity ``q`` in the copy of the package, as :func:`_reading` does.
READING = "[q.text, q.change, q.is_delta, q.bound]"


def _reading(sentence: str) -> list[list[object]]:
    return [[q.text, q.change, q.is_delta, q.bound] for q in parse_quantities(sentence)]


def test_the_sentences_read_as_shipped() -> None:
    """As shipped, each sentence reads as the table says (else the next test proves nothing)."""
    assert [_reading(sentence) for *_, sentence, _, _ in NEW_WORDS] == [
        shipped for *_, shipped, _ in NEW_WORDS
    ]


def test_a_word_added_to_a_list_reaches_its_screen(tmp_path: Path) -> None:
    """A copy of the package with one word more in each list reads each sentence anew."""
    edits = [(name, where, edit) for name, where, edit, *_ in NEW_WORDS]
    sentences = [sentence for *_, sentence, _, _ in NEW_WORDS]
    found = read_with_edited_data(tmp_path, edits, READING, sentences)
    assert found == [added for *_, added in NEW_WORDS]
