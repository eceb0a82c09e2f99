"""The patterns of what may follow a number, and the screen that picks which to try.

Stage 3 (``numclaims._units``) reads a scale, percent, currency or unit after
a number with anchored patterns compiled once from the vocabularies.  Most
numbers are followed by none of them (``5 people``): :func:`possible_tails`
looks at the token after the number and names the patterns with a surface
that starts so, from a table built from the very surfaces the patterns read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple, Protocol

import regex

from numclaims._atoms import Atom
from numclaims._lexicon import (
    UnitSense,
    cue_words,
    currencies,
    fold,
    per_units,
    percent_units,
    rate_point_units,
    relation_words,
    scale_words,
    unit_surfaces,
)
from numclaims._lexicon.money import WORD_END
from numclaims._text import KEEP_GIL, PHRASE_REACH, SPACE_CHARS, THIN_SPACES, group_numbers

if TYPE_CHECKING:
    from numclaims._lexicon import Currencies
    from numclaims._vocabulary import Vocabulary

__all__ = [
    "GAP_OR_HYPHEN",
    "TAIL_REACH",
    "TailMatch",
    "all_tails",
    "attempt",
    "cue_pattern",
    "matched_surface",
    "name_end",
    "possible_tails",
    "tail_patterns",
    "take",
    "unit_at",
]

#: How far a pattern anchored at a number may read ahead: a scale, percent,
#: currency or unit phrase and a rate after it (``square kilometres per hour``).
TAIL_REACH = PHRASE_REACH
#: What may stand between a number and what it counts: a space, or a thin
#: space of the kind that groups digits (``5\u202fkm``).
_GAP_CHARS = SPACE_CHARS + THIN_SPACES
_GAP = f"[{_GAP_CHARS}]"
#: The same, or a hyphen (``a 5-kilometre race``).
GAP_OR_HYPHEN = _GAP_CHARS + "-"


def _longest(words: Iterable[str]) -> int:
    return max(map(len, words))


def _shortest(words: Iterable[str]) -> int:
    return min(map(len, words))


#: Not ``a week earlier``, ``a day later``: a time, not a rate; but ``a year before tax``.
_NOT_A_TIME = rf"(?!{_GAP}+(?i:\L<not_rate>)\b(?!{_GAP}+(?i:\L<rate_after>)\b))"


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(regex.escape(word) for word in words)


@cache
def tail_patterns(vocabulary: Vocabulary | None = None) -> dict[str, regex.Pattern[str]]:
    """The tail patterns by name, built once (once per user ``vocabulary``)."""
    scales = scale_words(vocabulary)
    money = currencies(vocabulary)
    exact, _ = unit_surfaces(vocabulary)
    relations = relation_words()
    end = r"(?![\w])"
    # per, a, an, each or / before what a rate is counted per; or hyphens around
    # one of them, in a rate that describes a noun (the $41-a-share offer)
    rates = _alternatives(cue_words("rate"))
    rate_word = rf"(?:{_GAP}*(?:/|(?i:{rates}){_GAP}+){_GAP}*|-(?i:{rates})-)"
    per_times = _per_by_time()
    return {
        "scale_word": regex.compile(rf"(?:{_GAP}|-)?(?i:\L<w>){end}", w=list(scales.words)),
        "scale_suffix": regex.compile(rf"\L<w>{end}", w=list(scales.suffixes)),
        "money_suffix": regex.compile(rf"\L<w>{end}", w=list(scales.money_suffixes)),
        # 5%, 5 per cent, and before a noun 5-percent, 5-per-cent
        "percent": regex.compile(rf"(?:{_GAP}|-)?(?i:\L<w>)(?![\w])", w=list(percent_units())),
        # a run of letters that may be a code (5 USD, 30 MUSD): the reader looks it up
        "code_after": regex.compile(
            rf"{_GAP}?(?P<code>[A-Za-z]{{{_shortest(money.codes_after)},{_longest(money.codes_after)}}})"
            r"(?![A-Za-z])"
        ),
        # the gap before a name (5 Danish kroner): the reader finds the longest name after it
        "name_after": regex.compile(rf"{_GAP}+(?=\w)"),
        "scaled_name": regex.compile(rf"{_GAP}+(?i:\L<w>){end}", w=list(money.scaled_names)),
        "article_gap": regex.compile(rf"{_GAP}+(?i:of{_GAP}+)?(?i:an?)(?={_GAP})"),
        "of_gap": regex.compile(rf"{_GAP}+(?i:\L<w>)(?={_GAP})", w=list(cue_words("fraction_of"))),
        "minor": regex.compile(rf"(?:{_GAP}|-)?(?i:\L<w>){end}", w=list(money.minor)),
        # not the symbol of the next number (2 ₪9), nor the start of a word (5 Kshort)
        "symbol_after": regex.compile(
            rf"{_GAP}?\L<w>(?![\d]|(?<=\p{{L}})\p{{L}})", w=list(money.symbols_after)
        ),
        "unit": regex.compile(  # a foot or inch mark may come before digits: 5'10"
            rf"(?:{_GAP}|-)?\L<exact>(?:{end}|(?<=['\"])(?!\p{{L}}))", exact=list(exact)
        ),
        "slash_unit": regex.compile(rf"/\L<exact>{end}", exact=list(exact)),  # km/ms, nmol/L
        # after a unit of time, a word of [not_rate] makes it a time (a week earlier);
        # after any other, none does ($5.42 a bushel after the report)
        "rate": regex.compile(
            rf"{rate_word}(?:(?P<per>\L<times>){end}(?P<squared>{_GAP}+(?i:squared)\b|²)?"
            rf"{_NOT_A_TIME}|(?P<per>\L<others>){end})",
            times=per_times[0],
            others=per_times[1],
            not_rate=list(relations.not_rate),
            rate_after=list(relations.rate_after),
        ),
        "money_rate": regex.compile(
            rf"{rate_word}(?:(?P<per>\L<times>){end}{_NOT_A_TIME}"
            rf"|(?:(?P<per>\L<others>)|(?i:(?P<noun>\L<nouns>))){end})",
            times=per_times[0],
            others=per_times[1],
            nouns=list(relations.per_nouns),
            not_rate=list(relations.not_rate),
            rate_after=list(relations.rate_after),
        ),
        "plural_noun": regex.compile(
            rf"\ (?!(?:{_alternatives(cue_words('not_plural'))})\b)[a-z]+s\b"
        ),
    }


def _per_by_time() -> tuple[list[str], list[str]]:
    """The surfaces a rate divides by: those of units of time, and the others."""
    from numclaims._normalise import is_time

    times: list[str] = []
    others: list[str] = []
    for surface, unit in per_units().items():
        (times if is_time(unit) else others).append(surface)
    return times, others


class TailMatch(Protocol):
    """What a tail pattern matched: a ``regex`` match, or a unit word found by lookup."""

    def start(self) -> int: ...
    def end(self) -> int: ...
    def group(self) -> str: ...


class _Found(NamedTuple):
    """A unit word after a number, found by :func:`unit_at` (the gap before it included)."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.text


def unit_at(
    text: str,
    pos: int,
    *,
    slash: bool = False,
    vocabulary: Vocabulary | None = None,
    symbols: bool = True,
) -> TailMatch | None:
    """The longest unit surface at ``pos`` (after ``/`` where ``slash``), or None.

    ``symbols`` False spares the pattern of symbols where none can start
    (``possible_tails`` holds no ``unit_symbol``).

    Symbols keep their case and are read by one pattern (``MW``, ``mW``);
    words match in any case and are looked up: the run of up to as many
    words as the longest unit word has, then shorter, in the folded table
    (``lb-ft`` after ``lb``, ``km cubed`` after ``km``).  A lookup spares
    the case-blind pattern of some thousand words that the vocabulary would
    otherwise compile.
    """
    patterns = tail_patterns(vocabulary)
    pattern = patterns["slash_unit" if slash else "unit"]
    symbol = pattern.match(text, pos, pos + TAIL_REACH, KEEP_GIL) if symbols else None
    word = _unit_word(text, pos, slash, vocabulary)
    if word is not None and (symbol is None or word.end() > symbol.end()):
        return word
    return symbol


def _unit_word(text: str, pos: int, slash: bool, vocabulary: Vocabulary | None) -> _Found | None:
    run = _word_runs(vocabulary)[slash].match(text, pos, pos + TAIL_REACH, KEEP_GIL)
    if run is None:
        return None
    _, folded = unit_surfaces(vocabulary)
    words = group_numbers(run.re)["words"]
    first = run.start(words)
    ends = [first + join.start() for join in _JOIN.finditer(run.group(words))]
    for end in reversed([*ends, run.end()]):
        after = text[end : end + 1]
        if after.isalnum() or after == "_":
            continue
        words_there = fold(text[first:end])
        if words_there in folded or _as_compound(words_there) in folded:
            return _Found(run.start(), end, text[run.start() : end])
    return None


def unit_sense(surface: str, vocabulary: Vocabulary | None = None) -> UnitSense:
    """The sense of a unit surface that ``unit_at`` found (its case first, then folded)."""
    exact, folded = unit_surfaces(vocabulary)
    words = fold(surface)
    return exact.get(surface) or folded.get(words) or folded[_as_compound(words)]


def _as_compound(words: str) -> str:
    """A unit name of several words written as one hyphenated adjective, with its spaces back.

    ``2,400-square-foot house`` and ``a 5-cubic-metre skip`` write ``square
    foot`` and ``cubic metre`` with hyphens, the way a size before a noun is
    written; the table holds them with spaces.
    """
    return words.replace("-", " ") if "-" in words else words


#: What joins the words of one unit name: ``square feet``, ``kilowatt-hour``.
_WORD_JOINS = " -"
_JOIN = re.compile(f"[{_WORD_JOINS}]")


@cache
def _word_runs(vocabulary: Vocabulary | None) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The run of words a unit word may be, after a gap (0) or after ``/`` (1).

    As many words as the longest word of the vocabulary has (``kips per
    square inch``): computed from the folded surfaces.
    """
    _, folded = unit_surfaces(vocabulary)
    joins = max(sum(c in _WORD_JOINS for c in surface) for surface in folded)
    words = rf"(?P<words>[^\W\d_]+(?:[{_WORD_JOINS}][^\W\d_]+){{0,{joins}}})"
    return regex.compile(rf"(?:{_GAP}|-)?{words}"), regex.compile(rf"/{words}")


def possible_tails(text: str, pos: int, vocabulary: Vocabulary | None = None) -> frozenset[str]:
    """The tail patterns that may match at ``pos``: none after a digit or punctuation.

    Every tail starts, after at most a space or a hyphen, with a letter or a
    symbol; a digit, punctuation that starts no surface, or the end of the
    text rules all of them out.  Otherwise the first token there is looked up
    in ``_starts()``: ``people`` in ``5 people`` starts no surface, ``km`` in
    ``5 km/h`` starts only units.  One look and one lookup instead of a dozen
    failed matches.
    """
    nxt = text[pos : pos + 1]
    if nxt in _SEPARATORS:
        nxt = text[pos + 1 : pos + 2]
    if not nxt or nxt.isdigit():
        return _NONE
    starts = _starts(vocabulary)
    if nxt in _PUNCTUATION and nxt not in starts:
        return _NONE  # punctuation that starts no surface: "5, the"
    token = _first_token(text, pos)
    if not token.isascii():
        return all_tails()  # a symbol or letter outside ASCII: the patterns decide
    return starts.get(token, _NONE)


_SEPARATORS = frozenset(GAP_OR_HYPHEN)
#: Punctuation and line ends that often follow a number: the screen rules out
#: every tail after one that starts no surface (``_starts`` decides).
_PUNCTUATION = ",;:!?()[]{}\"'“”‘’\n\t\r"
#: The separators of ``_SEPARATORS``, then the run of ASCII letters of ``_first_token``.
_TOKEN_AT = re.compile(f"[{GAP_OR_HYPHEN}]*+([A-Za-z]*+)")
_NONE: frozenset[str] = frozenset()


def _first_token(text: str, pos: int) -> str:
    """The token after ``pos`` and any spaces or hyphens: ``"km"`` in ``5 km/h``.

    A run of ASCII letters, lower-cased, or else the single character there
    (``""`` at the end).  A character outside ASCII, a symbol such as ``€``
    or a letter such as ``ſ`` that a case-insensitive pattern could still
    read, or glued to the end of the run, comes back by itself: callers take
    a non-ASCII token as "cannot tell" and run the patterns.
    """
    match = _TOKEN_AT.match(text, pos, pos + TAIL_REACH)
    assert match is not None  # every part of the pattern may match nothing
    start, stop = match.span(1)
    if start == stop:
        return text[start : start + 1]
    if stop < len(text) and text[stop].isalpha() and not text[stop].isascii():
        return text[stop]
    return match.group(1).lower()


@cache
def _tail_surfaces(vocabulary: Vocabulary | None = None) -> dict[str, Iterable[str]]:
    """The tail patterns that ``possible_tails`` screens -> the surfaces each reads."""
    scales, money = scale_words(vocabulary), currencies(vocabulary)
    exact, folded = unit_surfaces(vocabulary)
    return {
        "scale_word": scales.words,
        "scale_suffix": scales.suffixes,
        "money_suffix": scales.money_suffixes,
        "percent": percent_units(),
        "code_after": money.codes_after,
        "name_after": money.names,
        "scaled_name": money.scaled_names,
        "minor": money.minor,
        "symbol_after": money.symbols_after,
        "unit": [*exact, *folded],
        "unit_symbol": exact,  # the symbols alone: their pattern is spared before a unit word
        "rate_point": rate_point_units(),  # a 0.25-point rate cut: read by _senses
    }


@cache
def all_tails() -> frozenset[str]:
    """Every tail pattern that ``possible_tails`` screens."""
    return frozenset(_tail_surfaces())


@cache
def _starts(vocabulary: Vocabulary | None = None) -> dict[str, frozenset[str]]:
    """The first token of each tail surface -> the patterns with a surface that starts so.

    ``per`` -> ``percent`` (``per cent``); ``m`` -> ``money_suffix`` and
    ``unit``; ``km`` -> ``unit`` (``km/h``).
    """
    starts: dict[str, set[str]] = {}
    for name, surfaces in _tail_surfaces(vocabulary).items():
        for surface in surfaces:
            starts.setdefault(_first_token(surface, 0), set()).add(name)
    return {token: frozenset(names) for token, names in starts.items()}


def attempt(
    name: str,
    possible: frozenset[str],
    text: str,
    pos: int,
    vocabulary: Vocabulary | None = None,
) -> regex.Match[str] | None:
    """Match tail pattern ``name`` at ``pos`` if ``possible`` allows it."""
    if name not in possible:
        return None
    return tail_patterns(vocabulary)[name].match(text, pos, pos + TAIL_REACH, KEEP_GIL)  # ahead()


def name_end(text: str, start: int, money: Currencies) -> int:
    """Where the longest currency name that starts at ``start`` ends.

    -1 where none does.  A surface ends at the end of a word, as a pattern
    ending in a look-ahead for no word character would read it: ``5 Danish kroner,`` holds
    ``Danish kroner``; ``5 dollarsworth`` holds no name.  A dictionary
    lookup at each word end replaces a pattern of hundreds of names, which
    would cost more to compile than the whole first parse.  The lookups
    stop at the first run of words that starts no name (``5 new cases``
    stops at ``new cases``).
    """
    stop = min(len(text), start + TAIL_REACH)
    found = -1
    for match in WORD_END.finditer(text, start, stop, False, KEEP_GIL):
        end = match.end()
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            continue  # the word goes on past the window
        words = fold(text[start:end])
        if words not in money.name_starts:
            break
        if words in money.names:
            found = end
    return found


def matched_surface(match: TailMatch) -> str:
    """What a tail pattern matched, without the space or hyphen before it."""
    return match.group().lstrip(GAP_OR_HYPHEN)


def take(atom: Atom, match: TailMatch) -> None:
    """Extend ``atom`` over a tail pattern's match."""
    atom.end = match.end()
    atom.plain = False


@cache
def cue_pattern(section: str) -> regex.Pattern[str]:
    """A pattern for the cue words of ``[section]`` of ``cues.txt`` (``weigh*``: weighs, weight)."""
    symbols = [regex.escape(cue) for cue in cue_words(section) if not cue[0].isalnum()]
    words = [
        regex.escape(cue.removesuffix("*")) + (r"\w*" if cue.endswith("*") else "")
        for cue in cue_words(section)
        if cue[0].isalnum()
    ]
    return regex.compile("(?i)(?:" + "|".join([*symbols, rf"\b(?:{'|'.join(words)})\b"]) + ")")
