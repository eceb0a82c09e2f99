"""The hot path's shortcuts change nothing: results equal those of the long way round.

The shortcuts below skip work that cannot change the result (docs/performance.md):

* the scanner reads a bare run of digits (``2003``, ``5 people``) and a lone
  number word (``one of the``, ``two people``) without the master pattern,
  does not try it at all at a time unit with no ``a`` before it (``year``),
  and skips the currency-and-sign prefix pattern where no prefix can end;
* the tails stage tries only the patterns with a surface that starts with the
  token after the number (none for ``people``, units only for ``km``), and
  none after a digit or punctuation;
* the bounds and changes stages skip the patterns of phrases before a number
  when the word before it ends none (``in 2003``, ``sold 40``);
* the idiom rule looks for an idiom as plain case-folded text before it runs
  its word-boundary pattern;
* the filters skip the rules that only ever fire on a plain count when the
  atom is money, a percentage or a measure.

Each property parses the same text twice, once as shipped and once with the
shortcuts turned off, and wants the very same quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from unittest import mock

from hypothesis import given

from numclaims import Options, Quantity, _bounds, _filters, _scan, _units, parse_quantities
from properties.strategies import Sentence, any_text, grammar_text, sentences

NO_ENTITIES = Options(entities=False)


class _Everything(frozenset[str]):
    """A set that holds every token: the tails stage then runs all its patterns."""

    def __contains__(self, item: object) -> bool:
        return True


@contextmanager
def long_way_round() -> Iterator[None]:
    """Turn off the shortcuts for the duration of the block."""
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(_scan, "_plain_digits", return_value=None))
        stack.enter_context(mock.patch.object(_scan, "_single_word", return_value=None))
        stack.enter_context(mock.patch.object(_scan, "_article_only", return_value=frozenset()))
        stack.enter_context(mock.patch.object(_scan, "_prefix_may_end", return_value=True))
        stack.enter_context(mock.patch.object(_units, "_possible", return_value=_units._ALL))
        stack.enter_context(mock.patch.object(_bounds, "_ends", return_value=_Everything()))
        stack.enter_context(mock.patch.object(_bounds, "_verb_ends", return_value=_Everything()))
        every_rule = tuple(_filters.RULES.items())
        stack.enter_context(mock.patch.object(_filters, "_ANY_KIND_RULES", every_rule))
        anything = re.compile("")
        stack.enter_context(mock.patch.object(_filters, "_idiom_screen", return_value=anything))
        yield


def both_ways(text: str, options: Options | None = None) -> tuple[list[Quantity], list[Quantity]]:
    fast = parse_quantities(text, options=options)
    with long_way_round():
        slow = parse_quantities(text, options=options)
    return fast, slow


def test_the_switch_reaches_the_shortcuts() -> None:
    """Turning the shortcuts off really takes the long way (else the properties prove nothing)."""
    calls: list[str] = []
    master = _scan.master_pattern()

    class Spy:
        def match(self, *args: object) -> object:
            calls.append("master")
            return master.match(*args)  # type: ignore[call-overload]

    with mock.patch.object(_scan, "master_pattern", return_value=Spy()):
        parse_quantities("In 2003 some 40 people came, one by car.")
        fast_calls = len(calls)
        with long_way_round():
            parse_quantities("In 2003 some 40 people came, one by car.")
    assert fast_calls == 0
    assert len(calls) == 3


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
