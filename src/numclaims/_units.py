"""Stage 3: what stands right after a number: scale, currency, percent, unit.

``read_tail`` looks at the text where the scanner's number ends and, with
anchored patterns compiled once, reads in this order:

1. a scale (``1.5 billion``, ``3bn``, ``40k``; ``m`` only after money);
2. a percent word (``%``, ``per cent``, ``percentage points``, ``bp``);
3. a currency after the number (``5,000 USD``, ``10 euros``, ``87p``);
4. a unit of measure (``64 km``, ``5 km/h``, ``5-kilometre``), with a rate
   (``barrels a day``, ``$5 per hour``).

Before matching, the token after the number is looked up in a table built
from the same vocabularies (``numclaims._tails``), and only the patterns
with a surface that starts with it are tried: none after ``5 people``, units
only after ``5 km``.

Ambiguous surfaces are settled here from the words around them (the cues of
``cues.txt``): ``m`` after money is a million and after a bare number a
metre, unless a plural noun follows (``5m users``); ``pounds`` is sterling
or mass by the words nearby; a bare ``degrees`` is a temperature near
``weather`` words, on the scale ``numclaims._temperature`` settles.  Ages
(``aged 40``) are read by ``numclaims._ages``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

import regex

from numclaims._ages import read_age
from numclaims._atoms import Atom
from numclaims._lexicon import (
    currencies,
    filter_words,
    fold,
    percent_units,
    unit_surfaces,
)
from numclaims._quotes import in_quotation
from numclaims._rates import read_rate
from numclaims._scales import (
    RESOLUTION_SUFFIX,
    is_resolution,
    read_scale,
    read_scale_word,
    scale_by,
)
from numclaims._senses import (
    currency_by_country,
    letter_unit_stands,
    penny_currency,
    pounds_of_mass,
    rate_points,
)
from numclaims._tails import (
    TAIL_REACH,
    TailMatch,
    attempt,
    cue_pattern,
    matched_surface,
    name_end,
    possible_tails,
    tail_patterns,
    take,
    unit_at,
    unit_sense,
)
from numclaims._temperature import bare_degrees
from numclaims._text import KEEP_GIL, SPACE_CHARS, ahead
from numclaims.models import Options

if TYPE_CHECKING:
    from numclaims._lexicon import Currencies
    from numclaims._vocabulary import Vocabulary

__all__ = ["read_age", "read_tail", "shared_prefix_taken"]

#: How far either side of an ambiguous unit the words that settle it are
#: looked for: about one clause (``pounds``: money or mass; ``degrees``).
_CLAUSE_REACH = 80


def read_tail(atom: Atom, text: str, options: Options, *, composite: bool = False) -> None:
    """Extend ``atom`` over the scale, currency, percent or unit after it.

    ``composite`` allows the small units that only follow a larger one
    (``in`` after ``5 ft 10``).
    """
    fraction = atom.form == "words" and atom.value is not None and atom.value < 1
    vocabulary = options.vocabulary
    possible = possible_tails(text, atom.end, vocabulary)
    if atom.form == "vague":
        _read_vague(atom, text, options, possible)
        return
    if atom.currency is None and not fraction and not possible:
        return
    end = atom.end
    read_scale(atom, text, possible, vocabulary)
    if atom.end != end:
        possible = possible_tails(text, atom.end, vocabulary)
    _read_kind(atom, text, options, composite, possible)
    if atom.kind == "number" and "rate_point" in possible:
        _read_rate_point(atom, text)  # a quarter-point cut
    if fraction and atom.kind == "number" and atom.value is not None and atom.value < 1:
        _read_fraction_of(atom, text, options)  # not after a scale: half a billion


def _read_rate_point(atom: Atom, text: str) -> None:
    """``a 0.25-point rate cut``: percentage points (:func:`numclaims._senses.rate_points`)."""
    found = rate_points(atom, text)
    if found is not None:
        atom.end, atom.unit = found
        atom.kind, atom.plain = "percent", False


def _read_vague(atom: Atom, text: str, options: Options, possible: frozenset[str]) -> None:
    """The money or percent after a vague amount, with ``of``: ``tens of millions of dollars``."""
    if possible or atom.currency is not None:
        _read_kind(atom, text, options, False, possible)
    if atom.kind != "number":
        return
    gap = ahead(tail_patterns()["of_gap"], text, atom.end, TAIL_REACH)
    if gap is None:
        return
    end = atom.end
    atom.end = gap.end()
    _read_kind(atom, text, options, False, possible_tails(text, atom.end))
    if atom.kind == "number":
        atom.end = end


def _read_fraction_of(atom: Atom, text: str, options: Options) -> None:
    """``half a cent``, ``half an hour``, ``a quarter of a mile``: a fraction of one unit."""
    gap = ahead(tail_patterns()["article_gap"], text, atom.end, TAIL_REACH)
    if gap is None:
        return
    end = atom.end
    atom.end = gap.end()
    _read_kind(atom, text, options, False, possible_tails(text, atom.end, options.vocabulary))
    if atom.kind == "number":
        atom.end = end


def _read_kind(
    atom: Atom, text: str, options: Options, composite: bool, possible: frozenset[str]
) -> None:
    if atom.currency is not None and atom.currency in currencies().by_country:
        _settle_before(atom, text)  # R 500, kr 45: by the country named nearby, or none
    if atom.currency is None:
        match = attempt("percent", possible, text, atom.end)
        if match is not None:
            atom.kind, atom.unit = "percent", percent_units()[fold(matched_surface(match))]
            take(atom, match)
            return
        _read_currency_after(atom, text, possible, options.vocabulary)
    if atom.currency is not None:
        atom.kind = "money"
        atom.unit = _dollar(atom.currency, options)
        read_rate(atom, text, money=True, vocabulary=options.vocabulary)
        return
    if atom.form != "vague" and "unit" in possible:
        _read_unit(atom, text, options, composite, "unit_symbol" in possible)


def shared_prefix_taken(atom: Atom, end: int) -> bool:
    """True where the previous number's tail, ending at ``end``, took the shared symbol
    before ``atom`` (``5 K 12``: kelvin, then a bare 12), which then stands without it.
    """
    if atom.currency is None or atom.num_start < end:
        return False
    if atom.currency not in currencies().by_country:
        return False
    atom.currency, atom.kind, atom.start = None, "number", atom.num_start
    return True


def _settle_before(atom: Atom, text: str) -> None:
    """A shared symbol before the number (``R 500``): its country's code, or no currency."""
    assert atom.currency is not None
    code = currency_by_country(atom.currency, currencies().by_country[atom.currency], atom, text)
    if code is None:
        atom.currency, atom.kind, atom.start = None, "number", atom.num_start
    else:
        atom.currency = code


def _dollar(code: str, options: Options) -> str:
    """Resolve a bare ``$`` and a symbol of the options' vocabulary; every other code stands."""
    if code == "$":
        return options.dollar
    if options.vocabulary is not None:
        return options.vocabulary.currencies.get(code, code)
    return code


def _read_currency_after(
    atom: Atom, text: str, possible: frozenset[str], vocabulary: Vocabulary | None
) -> None:
    """The currency written after the number, by the first reader that settles it."""
    patterns, money = tail_patterns(vocabulary), currencies(vocabulary)
    for name, reader in _CURRENCY_READERS:
        if name in possible:
            match = patterns[name].match(text, atom.end, atom.end + TAIL_REACH, KEEP_GIL)
            if match is not None and reader(atom, text, match, money) is not None:
                return


#: A reader of one kind of currency after a number, given what its pattern
#: matched: True when it took the currency, False when it settled that there
#: is none (``5 pounds`` of flour), None when the next reader may look.
_CurrencyReader = Callable[[Atom, str, regex.Match[str], "Currencies"], bool | None]


def _code_after(atom: Atom, text: str, match: regex.Match[str], money: Currencies) -> bool | None:
    """A code after the number (``5,000 USD``, ``5 usd``), with a glued scale (``30 MUSD``)."""
    surface = match.group("code")
    code = money.codes_after.get(surface)
    if code is None:
        return None
    factor = money.magnitudes.get(surface)
    if factor is not None:
        if atom.scaled or atom.value is None:
            return None
        scale_by(atom, factor, match.end())
    atom.currency = code
    take(atom, match)
    if not atom.scaled and atom.value is not None:
        read_scale_word(atom, text, possible_tails(text, atom.end), None)  # 75 USD million
    return True


def _name_after(atom: Atom, text: str, match: regex.Match[str], money: Currencies) -> bool | None:
    end = name_end(text, match.end(), money)
    if end < 0:
        return None
    name = fold(text[match.end() : end])
    if name in _names_of_mass() and (
        pounds_of_mass(atom, text, end) or not _pounds_are_money(text, atom.start, end)
    ):
        return False
    code: str | None = money.names[name]
    if code in money.by_country:  # 500 kroner: Danish or Norwegian, by the country named
        code = currency_by_country(name, money.by_country[name], atom, text)
        if code is None:
            return False
    atom.currency = code
    atom.end, atom.plain = end, False
    return True


def _scaled_name(atom: Atom, text: str, match: regex.Match[str], money: Currencies) -> bool | None:
    if not atom.scaled:
        return None
    atom.currency = money.scaled_names[fold(matched_surface(match))]
    take(atom, match)
    return True


#: The minor unit written as one letter (``87p``): glued, and not the ``p`` of ``pm``.
_PENCE = "p"


def _minor(atom: Atom, text: str, match: regex.Match[str], money: Currencies) -> bool | None:
    if atom.value is None or atom.scaled:
        return None
    surface = fold(matched_surface(match))
    if surface == _PENCE and (match.start() != atom.end or _clock_follows(text, match.end())):
        return False
    atom.currency = penny_currency(surface, money.minor[surface], atom, text)
    atom.value = round(atom.value / 100, 10)
    take(atom, match)
    return True


def _symbol_after(atom: Atom, text: str, match: regex.Match[str], money: Currencies) -> bool | None:
    surface = matched_surface(match)
    if surface == _DOLLAR and match.group() != surface:
        return False  # 10$, but not the $ of "5 $10"
    code: str | None = _DOLLAR if surface == _DOLLAR else money.symbols_after[surface]
    if code in money.by_country:  # 450 kr: by the country named nearby
        if text[match.end() : match.end() + 1].isalpha():
            return None  # kr of a longer word
        code = currency_by_country(surface, money.by_country[surface], atom, text)
        if code is None:
            return False
    atom.currency = code
    take(atom, match)
    return True


#: The bare dollar sign: after a number only glued to it (``10$``); Options.dollar says which.
_DOLLAR = "$"


#: The readers of a currency after a number, in order, by the tail pattern each reads.
_CURRENCY_READERS: tuple[tuple[str, _CurrencyReader], ...] = (
    ("code_after", _code_after),
    ("name_after", _name_after),
    ("scaled_name", _scaled_name),
    ("minor", _minor),
    ("symbol_after", _symbol_after),
)


def _clock_follows(text: str, pos: int) -> bool:
    """True for the ``m`` of ``pm`` or ``.m.`` of ``p.m.``: ``2.15pm``, ``4 p.m.`` are times."""
    rests = _clock_rests()
    return bool(rests) and text[pos : pos + len(rests[-1])].lower().startswith(rests)


@cache
def _clock_rests() -> tuple[str, ...]:
    """What follows the ``p`` of a time suffix (``m``, ``.m``), from the filters' time words,
    the longest last."""
    rests = {
        word[len(_PENCE) :].lower()
        for word in filter_words().time_suffixes
        if word.lower().startswith(_PENCE) and len(word) > len(_PENCE)
    }
    return tuple(sorted(rests, key=len))


@cache
def _names_of_mass() -> frozenset[str]:
    """Currency names that are also units of mass (``pounds``): settled by the words nearby."""
    exact, folded = unit_surfaces()
    return frozenset(name for name in currencies().names if name in folded or name in exact)


def _pounds_are_money(text: str, start: int, end: int) -> bool:
    """Decide ``pounds`` from the words within about one clause around it."""
    window = text[max(0, start - _CLAUSE_REACH) : end + _CLAUSE_REACH]
    money = cue_pattern("money").findall(window, None, None, False, KEEP_GIL)
    return len(money) >= len(cue_pattern("mass").findall(window, None, None, False, KEEP_GIL))


def _read_unit(
    atom: Atom, text: str, options: Options, composite: bool, symbols: bool = True
) -> None:
    vocabulary = options.vocabulary
    match = unit_at(text, atom.end, vocabulary=vocabulary, symbols=symbols)
    if match is None:
        return
    surface = matched_surface(match)
    sense = unit_sense(surface, vocabulary)
    if not _unit_stands(atom, text, match, surface, sense.where, composite):
        return
    unit, dimension = sense.unit, sense.dimension
    if unit == "gallon" and options.gallon == "imperial" and not surface.startswith("US"):
        unit = "imperial_gallon"
    if unit == "degree":
        scale = bare_degrees(atom, text, options)
        if scale is not None:
            unit, dimension = scale, "temperature"
    atom.kind, atom.unit, atom.dimension = "measure", unit, dimension
    take(atom, match)
    if _full_stop_is_the_sentences(text, match.end(), surface, vocabulary):
        atom.end -= 1  # "weighs 180 lbs." ends a sentence; the dot is not the unit's
    read_rate(atom, text, money=False, vocabulary=vocabulary)
    old = _OLD.match(text, atom.end, atom.end + TAIL_REACH, KEEP_GIL) if unit == "year" else None
    if old is not None:
        atom.end = old.end()  # a 10-year-old boy


def _unit_stands(
    atom: Atom, text: str, match: TailMatch, surface: str, where: str, composite: bool
) -> bool:
    """False where a unit surface after the number is no unit of it."""
    glued = match.start() == match.end() - len(surface)
    if not _may_stand(where, glued=glued, composite=composite) and (
        glued or not letter_unit_stands(atom, text, match.end(), surface, where)
    ):
        return False  # 24h anywhere; 24 h and 30 s only under the rule of _senses
    if match.group().startswith("-") and not _hyphen_ok(atom):
        return False
    if len(surface) == 1 and text[match.end() : match.end() + 1] == "-":
        return False  # 19 F-16 jets
    if surface == RESOLUTION_SUFFIX and glued and is_resolution(atom, surface):
        return False  # 4K is a screen resolution
    if where == "mark" and not _mark_stands(atom, text, surface):
        return False  # the "top 10" list: the mark closes a quotation
    return not (surface == _STONE_OR_ORDINAL and _ordinal_st(text[atom.num_start : atom.num_end]))


def _mark_stands(atom: Atom, text: str, mark: str) -> bool:
    """A foot or inch mark follows digits (``30'``, ``1/8"``) outside a quotation it closes."""
    after_digit = text[atom.num_end - 1 : atom.num_end].isdigit()  # not "two and three"
    return after_digit and not in_quotation(text, atom.start, mark)


def _may_stand(where: str, *, glued: bool, composite: bool) -> bool:
    """Whether a unit of ``units.txt``'s ``where`` (any, glued, composite, mark) stands here."""
    if where in ("glued", "mark"):
        return glued  # 24h; 24 h only by context
    if where == "spaced":
        return False  # 30 s: only by context
    return composite if where == "composite" else True  # the in of 5 ft 10 in


#: Glued after a number, stone (16st) or an ordinal (21st).
_STONE_OR_ORDINAL = "st"


def _full_stop_is_the_sentences(
    text: str, pos: int, surface: str, vocabulary: Vocabulary | None
) -> bool:
    """True where a unit's full stop (``lbs.``) ends the sentence too: the unit reads without it."""
    if not surface.endswith(".") or not _sentence_ends(text, pos):
        return False
    exact, folded = unit_surfaces(vocabulary)
    bare = surface[:-1]
    return bare in exact or fold(bare) in folded


_OLD = regex.compile(rf"-old\b|[{SPACE_CHARS}]old\b")
_SENTENCE_END = regex.compile(r"\s*(?:$|[\"”’')]?\s*[A-Z\n])")


def _sentence_ends(text: str, pos: int) -> bool:
    """True where the text after ``pos`` starts a new sentence (or ends)."""
    return ahead(_SENTENCE_END, text, pos, TAIL_REACH) is not None


def _ordinal_st(number: str) -> bool:
    """True when ``st`` after ``number`` is the ordinal suffix (1st, 21st, but 11th)."""
    return number.endswith("1") and not number.endswith("11")


def _hyphen_ok(atom: Atom) -> bool:
    """``a 5-kilometre race``, ``a 3/4-inch board``; ``COVID-19``-like names never reach here."""
    return atom.form in ("digits", "words", "fraction")
