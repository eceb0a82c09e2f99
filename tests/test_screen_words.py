"""The screens before the bound, change and scanner patterns are built from the words they guard.

Each screen spares a pattern the numbers it cannot match, by a look at the
word next to the number; a word added to a data file must reach the screen
as it reaches the pattern, with no other edit.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numclaims
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
        "cues.txt",  # [negative]: the screen reads the letter before the space
        r"^(\[negative\]\n)",
        r"\1neg\n",
        "It fell to neg five degrees.",
        [["five degrees", None, False, "exact"]],
        [["neg five degrees", "decrease", False, "exact"]],
    ),
]

_CHILD = """
import json, sys
import numclaims
from numclaims import parse_quantities
assert numclaims.__file__.startswith(sys.argv[1]), numclaims.__file__
print(json.dumps([
    [[q.text, q.change, q.is_delta, q.bound] for q in parse_quantities(s)]
    for s in json.loads(sys.argv[2])
]))
"""


def _reading(sentence: str) -> list[list[object]]:
    return [[q.text, q.change, q.is_delta, q.bound] for q in parse_quantities(sentence)]


def test_the_sentences_read_as_shipped() -> None:
    """As shipped, each sentence reads as the table says (else the next test proves nothing)."""
    assert [_reading(sentence) for *_, sentence, _, _ in NEW_WORDS] == [
        shipped for *_, shipped, _ in NEW_WORDS
    ]


def test_a_word_added_to_a_list_reaches_its_screen(tmp_path: Path) -> None:
    """A copy of the package with one word more in each list reads each sentence anew."""
    copy = tmp_path / "numclaims"
    shutil.copytree(Path(numclaims.__file__).parent, copy)
    for name, where, edit, *_ in NEW_WORDS:
        data = copy / "data" / name
        text, count = re.subn(where, edit, data.read_text("utf-8"), count=1, flags=re.M)
        assert count == 1, where
        data.write_text(text, "utf-8")
    sentences = [sentence for *_, sentence, _, _ in NEW_WORDS]
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path), json.dumps(sentences)],
        env={"PYTHONPATH": str(tmp_path)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(result.stdout) == [added for *_, added in NEW_WORDS]
