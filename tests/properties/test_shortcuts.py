"""The hot path's shortcuts change nothing: results equal those of the long way round.

A shortcut skips work that cannot change the result: the scanner reads bare
digit runs and lone number words without the master pattern, the tails
stage tries only the patterns that can start at the next token, and every
other stage looks at a character or a word before running a pattern that
could not match there (the date marks, the word that ends a bound phrase or
a change verb, a range connector, a clause boundary word, ...).

Every shortcut is listed, with the switch that turns it off, in the
library's one table (``numclaims._shortcuts.SHORTCUTS``).  Each property
parses the same text twice, once as shipped and once with every shortcut
turned off, and wants the very same quantities.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims import Options, Quantity, _scan, _text, parse_quantities
from numclaims._shortcuts import SHORTCUTS, long_way_round
from properties.strategies import Sentence, any_text, grammar_text, sentences

NO_ENTITIES = Options(entities=False)


Exactly = tuple[Quantity, str, set[str]]


def both_ways(text: str, options: Options | None = None) -> tuple[list[Exactly], list[Exactly]]:
    fast = parse_quantities(text, options=options)
    with long_way_round():
        slow = parse_quantities(text, options=options)
    return _exactly(fast), _exactly(slow)


def _exactly(quantities: list[Quantity]) -> list[Exactly]:
    """Each quantity with its repr, which tells a float from an int (``5.0``, ``5``) and
    keeps the fields' order, and the fields it was given: equal models are not enough."""
    return [(q, repr(q), q.model_fields_set) for q in quantities]


def test_the_switch_reaches_the_shortcuts() -> None:
    """Turning the shortcuts off really takes the long way (else the properties prove nothing)."""
    calls: list[str] = []
    master, prefixes = _scan._patterns(None)

    class Spy:
        def match(self, *args: object) -> object:
            calls.append("master")
            return master.match(*args)  # type: ignore[call-overload]

    with mock.patch.object(_scan, "_patterns", return_value=(Spy(), prefixes)):
        parse_quantities("In 2003 some 40 people came, one by car.")
        fast_calls = len(calls)
        with long_way_round():
            parse_quantities("In 2003 some 40 people came, one by car.")
    assert fast_calls == 0
    assert len(calls) == 3


def test_every_switch_names_a_real_shortcut() -> None:
    """Each switch patches a name that exists (mock.patch.object fails on a missing one)."""
    assert len(SHORTCUTS) >= 12
    for shortcut in SHORTCUTS:
        with shortcut.off():
            parse_quantities("About 5 km in 2003, one of the two.")


#: Texts made for the shortcuts of the scan, tails and bounds: glued signs, lone
#: fraction words, ages, phrases after a number, range connectors in any case.
SHORTCUT_CASES = [
    "COVID-19 cases, an F-16 and a 6-3, 6-2 win; ISBN 978-0-14-3103",
    "Up 5+ and x-5 or 3.2.1 and v1.5e-3x",
    "half of the votes, a third, two thirds, half an hour, half a million, one-half",
    "5 million people, million, trillion. Half. HALF of 3 quarters",
    "The striker, 19, has scored; aged 40 and who is 58; Ronaldo, now 39, and Ages 12",
    "in 2003 the 5 and 40 of the 12 was 30",
    "10 or more, 20 and over, 5 - 10, 5 to 10, between 2 and 4, 3 TO 4, 7 Thru 9, 1 \u2013 2",
    "50 \u017f 5 odd, 40 +, 12 or \u017fo, 3\u00a0and\u00a04, from 10 to 20 km",
    # digits grouped or with decimals, read on past their trigger, and those left to the pattern
    "5,000 fans, 91.3%, 1,000,000.5 km, 12,345.67, 2.15pm and 1.5-kilometre",
    "1,23,456 and 2,15 and 1234,567 and 1,000,00 and 1.2.3 and 1,000.x and 3.5e6",
    "1,000 1/2 and 2.5 ½ and 1,000 x 10^3 and .5 and 5.000,5 and 1,000:30 and 7,500,",
    # a hyphen after a lone number word: a number word after it, or none
    "one-off, half-staff, twenty-one, one-sixish, third-party, four-Hundred, one-\u017fix",
    "one-2, one-, two-a-side, a one-bedroom flat, three-quarters, nine-and-a-half",
    # a currency symbol before digits: alone, with a space, or with more that the pattern reads
    "€180 to €690, £ 682, A$30m, $916 billion, £1,500.50 and US$5 or R$ 3",
    "-$5, $(0.12), $-5, $.5, € 1 000, $\u2009 5, X$5, kr 45, Rs. 500 and $5,00,000",
    # a symbol after the number that only starts a word (hypothesis found it)
    "0 0 Kshort ton, 500 Ksh, 300 Kshs",
]


@pytest.mark.parametrize("text", SHORTCUT_CASES)
@pytest.mark.parametrize("entities", [False, True])
def test_shortcut_cases_parse_the_same(text: str, entities: bool) -> None:
    fast, slow = both_ways(text, Options(entities=entities))
    assert fast == slow


@given(grammar_text())
def test_grammar_text_parses_the_same(text: str) -> None:
    fast, slow = both_ways(text, NO_ENTITIES)
    assert fast == slow


@given(any_text())
def test_any_text_parses_the_same(text: str) -> None:
    fast, slow = both_ways(text, NO_ENTITIES)
    assert fast == slow


@given(sentences())
def test_sentences_parse_the_same(sentence: Sentence) -> None:
    fast, slow = both_ways(sentence.text)
    assert fast == slow


def _triggers_by_definition(text: str) -> list[tuple[int, int, str]]:
    """Where a number may start, by the plain definition: one case-blind pattern, no folding."""
    words = _text.trie(_scan._trigger_words())
    pattern = re.compile(
        f"([0-9]+)|([{_scan._VULGAR}])|(?<![A-Za-z0-9])(?:{words})(?![A-Za-z0-9])",
        re.IGNORECASE | re.ASCII,
    )
    found = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if match.lastindex == 1:
            found.append((start, end, "digits"))
        elif match.lastindex == 2:
            found.append((start, end, "vulgar"))
        elif not (start and text[start - 1].isalnum()) and not text[end : end + 1].isalnum():
            found.append((start, end, "word"))
    return found


#: Text made to trip the trigger finder: case, underscores, letters that lower
#: to ASCII or to two characters, fractions glued to digits, words glued to words.
_TRIGGER_PIECES = st.sampled_from(
    [
        "One",
        "TWO",
        "tWeLvE",
        "half",
        "dozen",
        "week",
        "a",
        "_",
        "\u0130",
        "\u212a",
        "\u212aM",
        "\u0131",
        "é",
        "½",
        "¾",
        "5",
        "2003",
        "½5",
        "x",
        "-",
        " ",
        "  ",
        ".",
        ",",
        "\n",
        "ſ",
    ]
)


@given(st.lists(_TRIGGER_PIECES, max_size=20).map("".join))
def test_triggers_equal_their_definition(text: str) -> None:
    assert [tuple(t) for t in _scan._triggers(text)] == _triggers_by_definition(text)


@given(any_text())
def test_triggers_of_any_text_equal_their_definition(text: str) -> None:
    assert [tuple(t) for t in _scan._triggers(text)] == _triggers_by_definition(text)


@given(
    st.lists(_TRIGGER_PIECES, max_size=30).map("".join),
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=0, max_value=3),
)
def test_triggers_do_not_depend_on_the_folding_window(text: str, window: int, spare: int) -> None:
    """Folded a few characters at a time, words and digit runs across window ends stay whole.

    A window stretches over a word or number at its end by at most the
    longest trigger word (plus ``spare``): a longer run holds no whole word.
    """
    stretch = max(map(len, _scan._trigger_words())) + spare
    with (
        mock.patch.object(_scan, "FOLD_WINDOW", window),
        mock.patch.object(_scan, "_STRETCH", stretch),
    ):
        found = [tuple(t) for t in _scan._triggers(text)]
    assert found == _triggers_by_definition(text)


def test_a_window_stretches_over_the_longest_trigger_word() -> None:
    assert max(map(len, _scan._trigger_words())) <= _scan._STRETCH


def test_a_digit_run_longer_than_a_window_is_one_trigger() -> None:
    text = "x " + "7" * 40_000 + " one"
    assert [tuple(t) for t in _scan._triggers(text)] == [
        (2, 40_002, "digits"),
        (40_003, 40_006, "word"),
    ]


def test_triggers_keep_offsets_past_letters_that_lower_to_two() -> None:
    text = "\u0130\u0130 one \u212am, TWO_THREE four½7"
    assert [tuple(t) for t in _scan._triggers(text)] == [
        (3, 6, "word"),  # after two İ, each of which lowers to two characters
        (11, 14, "word"),  # an underscore ends a word
        (15, 20, "word"),
        (25, 26, "vulgar"),  # "four" is glued to the fraction: no trigger
        (26, 27, "digits"),
    ]
