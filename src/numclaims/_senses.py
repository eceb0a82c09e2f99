"""Stage 3, the context rules: the sense of an ambiguous tail from the words around it.

A few surfaces after a bare number have two senses, and only the words
nearby tell which (their cues are data, in ``cues.txt``):

* ``m`` is a million, not metres, when a count follows or precedes it:
  ``35m of its devices``, ``120m monthly users``, ``a population of 69.2m``;
* ``pound`` is a mass, not sterling, when written with a fraction
  (``1/2 pound of chocolate``) or before ``of`` and a thing that is not
  money (``2 pounds of potatoes``);
* a one-letter symbol spaced from the number (``30 s``, ``20,000 h``,
  ``5 t of steel``) is a unit after plain digits that are no year, with no
  label word before them (``Part 2 s``) and nothing glued after it;
* ``penny`` is the cent of ``Options.dollar`` (``a penny a share``) unless
  sterling is written within about a clause (``£``, ``pence``): then a penny;
* ``a week`` after a quantity is no rate when a comparison follows it
  (``219,000 a week earlier``);
* ``point`` after a number and a hyphen is a percentage point when a
  change noun follows and a rate is spoken of (``a 0.25-point rate cut``,
  ``a quarter-point cut``), not an index's point (``a 500-point drop``);
* a currency surface several currencies share (``kroner``, ``kr``, ``R``)
  is the one whose country is named nearby (``500 kroner`` near ``Oslo``
  is NOK), else its default (``kroner``: DKK), else no currency.

Each rule runs only once its ambiguous surface has matched, so none costs
anything on the numbers that have no such tail.
"""

from __future__ import annotations

from functools import cache

import regex

from numclaims._atoms import Atom
from numclaims._data import words
from numclaims._lexicon import (
    change_words,
    country_defaults,
    country_words,
    cue_words,
    entity_words,
    label_words,
    rate_point_units,
    relation_words,
)
from numclaims._text import KEEP_GIL, PHRASE_REACH, SPACE, WORD_REACH, ahead, behind

__all__ = [
    "comparison_follows",
    "currency_by_country",
    "letter_unit_stands",
    "million_by_context",
    "penny_currency",
    "pounds_of_mass",
    "rate_points",
]


@cache
def _counted_after() -> regex.Pattern[str]:
    """``[ of its] devices``, ``[ monthly] users``: a plural noun counted in millions."""
    return regex.compile(
        rf"""
        (?: {SPACE}+ of {SPACE}+ (?i:\L<det>) )?   # of its, of the
        (?: {SPACE}+ (?i:\L<mod>) )?               # monthly
        {SPACE}+ (?!(?:\L<not_plural>)\b) [a-z]+s \b  # devices, users
        """,
        regex.VERBOSE,
        det=sorted(entity_words().closed_determiners),
        mod=list(cue_words("million_modifier")),
        not_plural=list(cue_words("not_plural")),
    )


@cache
def _count_before() -> regex.Pattern[str]:
    """``population of [about] ``: a noun whose amount is counted in millions."""
    return regex.compile(
        rf"""(?r)
        \b (?i:\L<nouns>)                     # population
        (?: {SPACE}+ (?i:of|at|to) )?         # of
        (?: {SPACE}+ [a-z]+ )?                # about
        {SPACE}+ $
        """,
        regex.VERBOSE,
        nouns=list(cue_words("million_before")),
    )


def million_by_context(atom: Atom, text: str, end: int) -> bool:
    """True where the ``m`` that ends at ``end`` counts millions of something.

    >>> from numclaims import parse_quantities
    >>> [q.value for q in parse_quantities("Apple sold 35m of its devices; the tower is 330m.")]
    [35000000.0, 330.0]
    """
    return (
        ahead(_counted_after(), text, end, PHRASE_REACH) is not None
        or behind(_count_before(), text, atom.start, PHRASE_REACH) is not None
    )


@cache
def _of_a_thing() -> regex.Pattern[str]:
    """`` of chocolate``: what a weight is of, unless a money word (`` of taxpayers' money``)."""
    money = [
        regex.escape(cue.removesuffix("*")) + ("" if cue.endswith("*") else r"\b")
        for cue in cue_words("money")
        if cue[0].isalpha()
    ]
    return regex.compile(rf"{SPACE}+of{SPACE}+(?!(?i:{'|'.join(money)}))[A-Za-z]")


def pounds_of_mass(atom: Atom, text: str, end: int) -> bool:
    """True where ``pound`` reads as a mass whatever the cues: ``1/2 pound``, ``2 pounds of flour``.

    A sum of sterling is never written with a fraction slash (``£0.50``), and
    ``pounds of`` a thing that is no money word weighs it.
    """
    number = text[atom.num_start : atom.num_end]
    if "/" in number or not number.isascii():
        return True  # 1/2 pound, ¾ pound
    return not atom.scaled and ahead(_of_a_thing(), text, end, WORD_REACH) is not None


@cache
def _comparison() -> regex.Pattern[str]:
    """The words of ``relations.txt``'s ``[not_rate]``: ``a week earlier`` is a time, no rate."""
    return regex.compile(rf"{SPACE}+(?i:\L<words>)\b", words=list(relation_words().not_rate))


def comparison_follows(text: str, pos: int) -> bool:
    """True where ``a week`` ending at ``pos`` is a time to compare with: ``a week earlier``."""
    return ahead(_comparison(), text, pos, WORD_REACH) is not None


#: How far either side of ``penny`` the words of sterling are looked for: about a clause.
_PENNY_REACH = 80


@cache
def _pennies() -> frozenset[str]:
    """The coins of ``[penny]`` in ``cues.txt``, as written."""
    return frozenset(cue_words("penny"))


def penny_currency(surface: str, code: str, atom: Atom, text: str) -> str:
    """The currency of a minor unit ``surface`` (keyed ``code``) after ``atom``.

    ``penny`` and ``pennies`` are ``$`` (the cent of ``Options.dollar``, which
    the units stage resolves) unless a word of sterling stands nearby: GBP.
    Every other minor unit keeps its ``code``.
    """
    if surface not in _pennies():
        return code
    start, end = max(0, atom.start - _PENNY_REACH), atom.end + _PENNY_REACH
    return "GBP" if _sterling().search(text, start, end, KEEP_GIL) else "$"


@cache
def _sterling() -> regex.Pattern[str]:
    from numclaims._tails import cue_pattern  # the tails import this module

    return cue_pattern("sterling")


#: How far either side of a shared currency surface the words of its country are
#: looked for: about a paragraph (a price list names its city once).
_COUNTRY_REACH = 300


def currency_by_country(surface: str, codes: tuple[str, ...], atom: Atom, text: str) -> str | None:
    """The code a shared currency ``surface`` stands for, of ``codes``, or None for none.

    The code whose country a word of ``[country]`` names nearest the number,
    within about a paragraph; where none does, the surface's default (``500
    kroner`` is DKK), else None (``R2-D2``).  A symbol glued to a word before
    it (``CAR 5``) is none.
    """
    if atom.start and text[atom.start - 1].isalpha() and text[atom.start] == surface[0]:
        return None
    words = country_words()
    best, distance = None, _COUNTRY_REACH * 2
    lo, hi = max(0, atom.start - _COUNTRY_REACH), atom.end + _COUNTRY_REACH
    for match in _country_pattern().finditer(text, lo, hi, False, KEEP_GIL):
        code = words[match.group()]
        away = atom.start - match.end() if match.end() <= atom.start else match.start() - atom.end
        if code in codes and away < distance:
            best, distance = code, away
    return best or country_defaults().get(surface)


@cache
def _country_pattern() -> regex.Pattern[str]:
    return regex.compile(r"\b(?:\L<words>)\b", words=list(country_words()))


#: The sections of units.txt whose one-letter symbols may stand spaced, by context.
_LETTER_SECTIONS = frozenset({"glued", "spaced"})
#: What may not follow a one-letter symbol spaced from its number: ``2 s'``, ``3 h-bridge``.
_GLUED_AFTER_LETTER = frozenset("'’-")
#: Plain four-digit numbers in this span are years (``the 1990 s``).
_YEARS = (1000.0, 2100.0)
_LABEL_BEFORE = regex.compile(rf"(?r)(?P<word>[A-Za-z]+\.?){SPACE}+$")


def letter_unit_stands(atom: Atom, text: str, end: int, surface: str, where: str) -> bool:
    """A one-letter unit ``surface`` of units.txt's [glued] or [spaced] (``where``), spaced
    from its number and ending at ``end``: ``30 s``, ``20,000 h``, ``5 t of steel``.

    Only after plain digits that are no year, where no label word stands
    before the number (``Part 2 s``, ``Fig. 3 h``) and nothing is glued
    after the symbol.
    """
    if len(surface) != 1 or where not in _LETTER_SECTIONS or atom.form != "digits":
        return False
    if atom.kind != "number" or atom.value is None or atom.scaled:
        return False
    after = text[end : end + 1]
    if after.isalnum() or after in _GLUED_AFTER_LETTER:
        return False
    number = text[atom.num_start : atom.num_end]
    if len(number) == 4 and number.isdigit() and _YEARS[0] <= atom.value <= _YEARS[1]:
        return False  # the 1990 s
    before = behind(_LABEL_BEFORE, text, atom.start, WORD_REACH)
    if before is None:
        return True
    word, labels = before.group("word").lower(), label_words()
    return word not in labels and word.rstrip(".") not in labels  # Fig. 3 h, Part 2 s


#: Room for a rate word after the change noun: `` in its main rate``.
_RATE_WORD_REACH = 32


@cache
def _rate_point() -> tuple[regex.Pattern[str], regex.Pattern[str], dict[str, str]]:
    """``-point [rate] cut``, a rate word in the phrase after it, and each surface's unit."""
    units = rate_point_units()
    rates = sorted(words("percent", "rate_word"), key=len, reverse=True)
    point = regex.compile(
        rf"""-(?P<point>(?i:\L<points>))
        {SPACE}+ (?:(?P<rate>(?i:\L<rates>)) {SPACE}+)?  # a rate cut
        (?P<noun>[A-Za-z]+) (?![\w-])                   # cut, hike, rise
        """,
        regex.VERBOSE,
        points=sorted(units, key=len, reverse=True),
        rates=rates,
    )
    rate_after = regex.compile(r"(?i)[^.;:!?]*?\b(?:\L<rates>)\b", rates=rates)
    return point, rate_after, units


def rate_points(atom: Atom, text: str) -> tuple[int, str] | None:
    """Where ``-point`` of ``a 0.25-point rate cut`` ends, and its unit; None for no rate point.

    Called only where the tail screen (``numclaims._tails.possible_tails``)
    saw a surface of ``[rate_point]`` after the number.
    """
    point, rate_after, units = _rate_point()
    match = ahead(point, text, atom.end, PHRASE_REACH)
    if match is None or match.group("noun").lower() not in change_words().nouns:
        return None
    small = atom.value is not None and atom.value <= 1  # a quarter-point cut: no index moves so
    if not (match.group("rate") or small or ahead(rate_after, text, match.end(), _RATE_WORD_REACH)):
        return None
    return match.end("point"), units[match.group("point").lower()]
