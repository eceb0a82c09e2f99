"""Every speed-up of the hot path, by name, in one table, each with its off switch.

A shortcut only skips work that cannot change a result: a fast path that
reads a plain digit run without the master pattern, or a *screen*, a cheap
look at a character or a word that rules a pattern out before it runs.  A
screen is always computed from the words or the pattern it guards (never
typed beside them), and every shortcut is listed in :data:`SHORTCUTS` with
the value that takes the long way round.  ``tests/properties/test_shortcuts.py``
parses the same texts with all shortcuts on and all off (:func:`long_way_round`)
and wants identical results; ``make bench`` measures what each one saves.

The switches patch module attributes for the duration of a ``with`` block:
they are for tests and measurements, not for concurrent use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any
from unittest import mock

__all__ = ["SHORTCUTS", "Shortcut", "long_way_round", "turned_off"]


class Everything(frozenset[str]):
    """A set that holds everything: a screen that rules nothing out."""

    def __contains__(self, item: object) -> bool:
        return True


def _never(*_: object) -> None:
    return None


def _always(*_: object) -> bool:
    return True


def _from_the_start(*_: object) -> int:
    return 0


def _all_tails(*_: object) -> frozenset[str]:
    from numclaims import _tails

    return _tails.all_tails()


def _every_rule() -> object:
    from numclaims import _filters

    rules = tuple(_filters.RULES.items())
    return lambda *_: rules


@dataclass(frozen=True, slots=True)
class Shortcut:
    """One speed-up: what it does, and the module attributes that turn it off."""

    name: str
    #: ``(module, attribute, off)``: while the shortcut is off, ``module.attribute``
    #: is ``off`` (or, when ``off`` is a :class:`Factory`, what it returns).
    patches: tuple[tuple[str, str, Any], ...]

    @contextmanager
    def off(self) -> Iterator[None]:
        """Take the long way round for this shortcut alone."""
        with ExitStack() as stack:
            for module, attribute, value in self.patches:
                target = importlib.import_module(f"numclaims.{module}")
                if isinstance(value, Factory):
                    value = value.make()
                stack.enter_context(mock.patch.object(target, attribute, value))
            yield


@dataclass(frozen=True, slots=True)
class Factory:
    """An off value that can only be built once its module is loaded."""

    make: Callable[[], object]


def _one(name: str, module: str, attribute: str, off: Any) -> Shortcut:
    return Shortcut(name, ((module, attribute, off),))


SHORTCUTS: tuple[Shortcut, ...] = (
    # _relations
    _one(
        "relation finder only from the first of its anchor words",
        "_relations",
        "_relation_start",
        _from_the_start,
    ),
    _one(
        "relation finder from its first word, found by the scanner's pass over words",
        "_relations",
        "_WORD_FROM_SCAN",
        False,
    ),
    _one(
        "factor pattern only after x, -fold or a spaced t", "_relations", "_may_be_factor", _always
    ),
    # _pipeline (stage 4): merges screened by the gap, computed from merge.txt and relations.txt
    Shortcut(
        "merges tried only across a gap that joins",
        (
            ("_pipeline", "_joins", _always),
            ("_pipeline", "_links_only", _always),
        ),
    ),
    _one(
        "public models built without validating the fields again",
        "_pipeline",
        "_build",
        Factory(lambda: importlib.import_module("numclaims._pipeline")._validate),
    ),
    # _scan, _units, _ages
    _one("bare digit runs without the master pattern", "_scan", "_plain_digits", _never),
    _one("grouped and decimal digits without the master pattern", "_plain", "grouped", _never),
    _one("digits after a currency symbol without the master pattern", "_scan", "_priced", _never),
    _one("lone number words without the master pattern", "_scan", "_single_word", _never),
    _one("time units tried only after a/an", "_scan", "_article_only", lambda: frozenset()),
    _one(
        "a/an before a number word only after spaces and its last letter",
        "_scan",
        "article_may_end",
        _always,
    ),
    _one(
        "minus before a number word only after its last letter",
        "_scan",
        "negative_may_end",
        _always,
    ),
    _one("currency/sign prefix only where one can end", "_scan", "_prefix_may_end", _always),
    _one("no prefix for a sign glued to a word (COVID-19)", "_scan", "_GLUED", frozenset()),
    _one("tail patterns chosen by the next token", "_units", "possible_tails", _all_tails),
    Shortcut(
        "age pattern only after a space and an age word's end",
        (("_ages", "_AGE_GAP", Everything()), ("_ages", "_age_ends", lambda: Everything())),
    ),
    _one(
        "filter rules skipped for the kinds and forms they never fire on",
        "_filters",
        "_rules_for",
        Factory(_every_rule),
    ),
    # _merge, _bounds, _changes (stages 4, 5, 7): screens computed from merge.txt,
    # bounds.txt and changes.txt
    _one("range gap pattern only around a connector", "_merge", "_connectors", Everything),
    _one("bound phrases only after characters that end one", "_bounds", "_may_end_before", _always),
    _one("phrases after a number only where one can start", "_bounds", "_after_may_start", _always),
    _one("change verbs only after a word that ends one", "_changes", "_verb_ends", Everything),
    _one(
        "change words after a number only where one can start",
        "_changes",
        "_word_may_follow",
        _always,
    ),
    _one(
        "words before a change only after a word that ends one",
        "_changes",
        "_more_before_ends",
        Everything,
    ),
    # _filters: each screen is built from the constant or the word list its pattern is built from
    _one("digit dates only beside a date mark", "_filters.dates", "_DATE_MARK_SET", Everything()),
    _one("fiscal years only after their mark", "_filters.dates", "_FISCAL_MARK_SET", Everything()),
    _one(
        "model names only before a model word's first letter",
        "_filters.names",
        "_model_initials",
        lambda: Everything(),
    ),
    # _entities
    _one("words after a quantity read only after a space", "_entities.after", "_WORD_OPENS", ("",)),
    _one(
        "clause boundaries looked for only at a boundary word",
        "_entities.boundaries",
        "_clause_boundaries",
        Everything,
    ),
    _one("labels read only where a colon stands", "_entities.phrases", "_LABEL_MARK", ""),
    _one(
        "restated phrases tried one by one only where one ends",
        "_entities.stated",
        "_restated_endings",
        lambda: ("",),
    ),
    # _sentences (the claim layer): ends decided only next to the quantities
    _one("sentence ends decided only around the quantities", "_sentences", "_ONLY_AROUND", False),
    Shortcut(
        "verb guesses remembered by word and neighbours",
        tuple(
            (
                module,
                "is_verb",  # the memo, in each module that calls it, by the function it remembers
                Factory(
                    lambda: importlib.import_module("numclaims._entities.words").verb_by_neighbours
                ),
            )
            for module in (
                "_entities.words",
                "_entities.phrases",
                "_entities.boundaries",
                "_entities.lists",
            )
        ),
    ),
)
"""Each shortcut of the hot path, by what it does.  Add a new one here, or it is untested."""


def turned_off(name: str) -> Shortcut:
    """The shortcut called ``name`` (for measuring what it saves)."""
    for shortcut in SHORTCUTS:
        if shortcut.name == name:
            return shortcut
    raise KeyError(name)


@contextmanager
def long_way_round() -> Iterator[None]:
    """Turn off every shortcut for the duration of the block."""
    with ExitStack() as stack:
        for shortcut in SHORTCUTS:
            stack.enter_context(shortcut.off())
        yield
