"""Stage 3: what stands right after a number: scale, currency, percent, unit.

``read_tail`` looks at the text where the scanner's number ends and, with
anchored patterns compiled once, reads in this order:

1. a scale (``1.5 billion``, ``3bn``, ``40k``; ``m`` only after money);
2. a percent word (``%``, ``per cent``, ``percentage points``, ``bp``);
3. a currency after the number (``5,000 USD``, ``10 euros``, ``87p``);
4. a unit of measure (``64 km``, ``5 km/h``, ``5-kilometre``), with a rate
   (``barrels a day``, ``$5 per hour``).

Before matching, the token after the number is looked up in a table built
from the same vocabularies (``_starts``), and only the patterns with a
surface that starts with it are tried: none after ``5 people``, units only
after ``5 km``.

Ambiguous surfaces are settled here from the words around them: ``m`` after
money is a million and after a bare number a metre, unless a plural noun
follows (``5m users``); ``pounds`` is sterling or mass by the words nearby.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import regex

from numclaims._lexicon import (
    currencies,
    fold,
    per_units,
    percent_units,
    scale_words,
    unit_surfaces,
)
from numclaims._scan import Atom
from numclaims.models import Options

#: How far a pattern anchored at a number may read ahead. A bound keeps every
#: match cheap: without an end position the regex engine may scan to the end
#: of a long text before deciding.
_AHEAD = 64

__all__ = ["read_age", "read_tail"]

_SPACE = r"[\ \u00a0\u202f\u2009]"
#: Currency symbols that may follow the number (``5€``).
_SYMBOLS_AFTER = ("€", "£", "₽", "₴", "¥", "₹")


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    scales = scale_words()
    money = currencies()
    exact, folded = unit_surfaces()
    end = r"(?![\w])"
    return {
        "scale_word": regex.compile(rf"(?:{_SPACE}|-)?(?i:\L<w>){end}", w=list(scales.words)),
        "scale_suffix": regex.compile(rf"\L<w>{end}", w=list(scales.suffixes)),
        "money_suffix": regex.compile(rf"\L<w>{end}", w=list(scales.money_suffixes)),
        "percent": regex.compile(rf"{_SPACE}?(?i:\L<w>)(?![\w])", w=list(percent_units())),
        "code_after": regex.compile(rf"{_SPACE}?\L<w>(?![A-Za-z])", w=list(money.codes)),
        "name_after": regex.compile(rf"{_SPACE}+(?i:\L<w>){end}", w=list(money.names)),
        "scaled_name": regex.compile(rf"{_SPACE}+(?i:\L<w>){end}", w=list(money.scaled_names)),
        "article_gap": regex.compile(rf"{_SPACE}+(?i:of{_SPACE}+)?(?i:an?)(?={_SPACE})"),
        "minor": regex.compile(rf"{_SPACE}?(?i:\L<w>){end}", w=list(money.minor)),
        "symbol_after": regex.compile(rf"{_SPACE}?\L<w>", w=list(_SYMBOLS_AFTER)),
        "unit": regex.compile(
            rf"(?:{_SPACE}|-)?(?:\L<exact>|(?i:\L<folded>)){end}",
            exact=list(exact),
            folded=list(folded),
        ),
        "rate": regex.compile(
            rf"{_SPACE}*(?:/|(?i:per|an?|each){_SPACE}+){_SPACE}*(?P<per>\L<per>){end}"
            rf"(?P<squared>{_SPACE}+(?i:squared)\b|²)?",
            per=list(per_units()),
        ),
        "plural_noun": regex.compile(r"\ (?!(?:is|was|has|as|its|this|us|thus|plus)\b)[a-z]+s\b"),
    }


def read_tail(atom: Atom, text: str, options: Options, *, composite: bool = False) -> None:
    """Extend ``atom`` over the scale, currency, percent or unit after it.

    ``composite`` allows the small units that only follow a larger one
    (``in`` after ``5 ft 10``).
    """
    fraction = atom.form == "words" and atom.value is not None and atom.value < 1
    possible = _possible(text, atom.end)
    if atom.currency is None and not fraction and not possible:
        return
    if atom.form == "vague":
        _read_kind(atom, text, options, composite, possible)
        return
    end = atom.end
    _read_scale(atom, text, possible)
    if atom.end != end:
        possible = _possible(text, atom.end)
    _read_kind(atom, text, options, composite, possible)
    if fraction and atom.kind == "number" and atom.value is not None and atom.value < 1:
        _read_fraction_of(atom, text, options)  # not after a scale: half a billion


def _possible(text: str, pos: int) -> frozenset[str]:
    """The tail patterns that may match at ``pos``: none after a digit or punctuation.

    Every tail starts, after at most a space or a hyphen, with a letter or a
    symbol; a digit, punctuation or the end of the text rules all of them
    out.  Otherwise the first token there is looked up in ``_starts()``:
    ``people`` in ``5 people`` starts no surface, ``km`` in ``5 km/h`` starts
    only units.  One look and one lookup instead of a dozen failed matches.
    """
    nxt = text[pos : pos + 1]
    if nxt in _SEPARATORS:
        nxt = text[pos + 1 : pos + 2]
    if not nxt or nxt.isdigit() or nxt in _NO_TAIL:
        return _NONE
    token = _first_token(text, pos)
    if not token.isascii():
        return _ALL  # a symbol or letter outside ASCII: the patterns decide
    return _starts().get(token, _NONE)


_SEPARATORS = frozenset(" \u00a0\u202f\u2009-")
_NO_TAIL = frozenset(",;:!?()[]{}\"'“”‘’\n\t\r")
#: The separators of ``_SEPARATORS``, then the run of ASCII letters of ``_first_token``.
_TOKEN_AT = re.compile("[ \u00a0\u202f\u2009-]*+([A-Za-z]*+)")
#: The tail patterns read only where ``_possible`` allows them.
_ALL = frozenset(
    {
        "scale_word",
        "scale_suffix",
        "money_suffix",
        "percent",
        "code_after",
        "name_after",
        "scaled_name",
        "minor",
        "symbol_after",
        "unit",
    }
)
_NONE: frozenset[str] = frozenset()


def _first_token(text: str, pos: int) -> str:
    """The token after ``pos`` and any spaces or hyphens: ``"km"`` in ``5 km/h``.

    A run of ASCII letters, lower-cased, or else the single character there
    (``""`` at the end).  A character outside ASCII, a symbol such as ``€``
    or a letter such as ``ſ`` that a case-insensitive pattern could still
    read, or glued to the end of the run, comes back by itself: callers take
    a non-ASCII token as "cannot tell" and run the patterns.
    """
    match = _TOKEN_AT.match(text, pos, pos + _AHEAD)
    assert match is not None  # every part of the pattern may match nothing
    start, stop = match.span(1)
    if start == stop:
        return text[start : start + 1]
    if stop < len(text) and text[stop].isalpha() and not text[stop].isascii():
        return text[stop]
    return match.group(1).lower()


@cache
def _starts() -> dict[str, frozenset[str]]:
    """The first token of each tail surface -> the patterns with a surface that starts so.

    ``per`` -> ``percent`` (``per cent``); ``m`` -> ``money_suffix`` and
    ``unit``; ``km`` -> ``unit`` (``km/h``).
    """
    scales, money = scale_words(), currencies()
    exact, folded = unit_surfaces()
    surfaces: dict[str, Iterable[str]] = {
        "scale_word": scales.words,
        "scale_suffix": scales.suffixes,
        "money_suffix": scales.money_suffixes,
        "percent": percent_units(),
        "code_after": money.codes,
        "name_after": money.names,
        "scaled_name": money.scaled_names,
        "minor": money.minor,
        "symbol_after": _SYMBOLS_AFTER,
        "unit": [*exact, *folded],
    }
    assert surfaces.keys() == _ALL
    starts: dict[str, set[str]] = {}
    for name, words in surfaces.items():
        for surface in words:
            starts.setdefault(_first_token(surface, 0), set()).add(name)
    return {token: frozenset(names) for token, names in starts.items()}


def _try(name: str, possible: frozenset[str], text: str, pos: int) -> regex.Match[str] | None:
    """Match tail pattern ``name`` at ``pos`` if ``possible`` allows it."""
    return _patterns()[name].match(text, pos, pos + _AHEAD) if name in possible else None


def _read_fraction_of(atom: Atom, text: str, options: Options) -> None:
    """``half a cent``, ``half an hour``, ``a quarter of a mile``: a fraction of one unit."""
    gap = _patterns()["article_gap"].match(text, atom.end, atom.end + _AHEAD)
    if gap is None:
        return
    end = atom.end
    atom.end = gap.end()
    _read_kind(atom, text, options, False, _possible(text, atom.end))
    if atom.kind == "number":
        atom.end = end


def _read_scale(atom: Atom, text: str, possible: frozenset[str]) -> None:
    p = _patterns()
    scales = scale_words()
    pos = atom.end
    match = _try("scale_word", possible, text, pos)
    if (
        match
        and fold(match.group().lstrip(" -\u00a0\u202f\u2009")) == "dozen"
        and atom.form == "words"
    ):
        match = None  # "two dozen" is already read as words
    if match is not None:
        word = fold(match.group().lstrip(" -\u00a0\u202f\u2009"))
        _scale(atom, scales.words[word], match.end())
        chained = p["scale_word"].match(text, atom.end, atom.end + _AHEAD)  # 10 lakh crore
        if chained is not None:
            word = fold(chained.group().lstrip(" -\u00a0\u202f\u2009"))
            if scales.words[word] >= 1000:
                _scale(atom, atom.scale * scales.words[word], chained.end(), rescale=True)
        return
    if atom.form != "digits":
        return
    match = _try("scale_suffix", possible, text, pos)
    if match is not None and not _resolution(atom, match.group()):
        _scale(atom, scales.suffixes[match.group()], match.end())
        return
    match = _try("money_suffix", possible, text, pos)
    if match is not None and (atom.currency or _money_follows(text, match.end())):
        _scale(atom, scales.money_suffixes[match.group()], match.end())
        return
    if match is not None and match.group() == "m" and _plural_noun_follows(text, match.end()):
        _scale(atom, 1e6, match.end())  # 5m users


def _scale(atom: Atom, factor: float, end: int, *, rescale: bool = False) -> None:
    assert atom.value is not None
    atom.value = atom.value / atom.scale * factor if rescale else atom.value * factor
    atom.scale = factor
    atom.end = end
    atom.plain = False


def _resolution(atom: Atom, suffix: str) -> bool:
    """``4K`` and ``8K`` name screen resolutions, not four thousand."""
    return suffix == "K" and atom.currency is None and atom.value in (2.0, 4.0, 5.0, 8.0)


def _money_follows(text: str, pos: int) -> bool:
    p = _patterns()
    return bool(
        p["code_after"].match(text, pos, pos + _AHEAD)
        or p["name_after"].match(text, pos, pos + _AHEAD)
    )


def _plural_noun_follows(text: str, pos: int) -> bool:
    return bool(_patterns()["plural_noun"].match(text, pos, pos + _AHEAD))


def _read_kind(
    atom: Atom, text: str, options: Options, composite: bool, possible: frozenset[str]
) -> None:
    pos = atom.end
    if atom.currency is None:
        match = _try("percent", possible, text, pos)
        if match is not None:
            surface = fold(match.group().lstrip(" \u00a0\u202f\u2009"))
            atom.kind, atom.unit = "percent", percent_units()[surface]
            _take(atom, match)
            return
        _read_currency_after(atom, text, possible)
    if atom.currency is not None:
        atom.kind = "money"
        atom.unit = _dollar(atom.currency, options)
        _read_rate(atom, text, money=True)
        return
    if atom.form != "vague" and "unit" in possible:
        _read_unit(atom, text, options, composite)


def _dollar(code: str, options: Options) -> str:
    """Resolve a bare ``$`` through the options; every other code stands."""
    return options.dollar if code == "$" else code


def _read_currency_after(atom: Atom, text: str, possible: frozenset[str]) -> bool:
    money = currencies()
    pos = atom.end
    match = _try("code_after", possible, text, pos)
    if match is not None:
        atom.currency = money.codes[match.group().lstrip(" \u00a0\u202f\u2009")]
        _take(atom, match)
        return True
    match = _try("name_after", possible, text, pos)
    if match is not None:
        name = fold(match.group().lstrip(" \u00a0\u202f\u2009"))
        if name in ("pound", "pounds") and not _pounds_are_money(text, atom.start, match.end()):
            return False
        atom.currency = money.names[name]
        _take(atom, match)
        return True
    match = _try("scaled_name", possible, text, pos)
    if match is not None and atom.scaled:
        atom.currency = money.scaled_names[fold(match.group().lstrip(" \u00a0\u202f\u2009"))]
        _take(atom, match)
        return True
    match = _try("minor", possible, text, pos)
    if match is not None and atom.value is not None and not atom.scaled:
        surface = fold(match.group().lstrip(" \u00a0\u202f\u2009"))
        if surface == "p" and (match.start() != pos or _clock_follows(text, match.end())):
            return False
        atom.currency = money.minor[surface]
        atom.value = round(atom.value / 100, 10)
        _take(atom, match)
        return True
    match = _try("symbol_after", possible, text, pos)
    if match is not None:
        atom.currency = money.symbols[match.group().lstrip(" \u00a0\u202f\u2009")]
        _take(atom, match)
        return True
    return False


def _clock_follows(text: str, pos: int) -> bool:
    """True for the ``m`` of ``pm``: ``2.15pm`` is a time, not pence."""
    return text[pos : pos + 1].lower() == "m"


_MASS_CUES = regex.compile(
    r"(?i)\b(?:weigh\w*|weight|heavy|heavier|lighter|lb|lbs|kg|kilos?|ounces?|lose|lost|"
    r"gain(?:ed)?|fat|bag|sack|flour|sugar|butter|meat|beef|fish|baby|born|tow\w*|payload|"
    r"carr(?:y|ies|ied)|capacity|lift\w*|load)\b"
)
_MONEY_CUES = regex.compile(
    r"(?i)(?:£|\bsterling\b|\b(?:cost\w*|paid|pay(?:s|ing|ments?|outs?)?|price\w*|worth|spen[dt]\w*|fund\w*|"
    r"budget|salar\w*|wages?|fined?|bills?|raised|sold|bought|earn\w*|tax\w*|donat\w*|"
    r"million|billion|bn|prize|won|win|deal|fee|fees|rent|bonus|profit\w*|revenue|loan)\b)"
)


def _pounds_are_money(text: str, start: int, end: int) -> bool:
    """Decide ``pounds`` from the words within about one clause around it."""
    window = text[max(0, start - 80) : end + 80]
    return len(_MONEY_CUES.findall(window)) >= len(_MASS_CUES.findall(window))


def _read_unit(atom: Atom, text: str, options: Options, composite: bool) -> None:
    p = _patterns()
    exact, folded = unit_surfaces()
    match = p["unit"].match(text, atom.end, atom.end + _AHEAD)
    if match is None:
        return
    surface = match.group().lstrip(" -\u00a0\u202f\u2009")
    sense = exact.get(surface) or folded[fold(surface)]
    glued = match.start() == match.end() - len(surface)
    if sense.where == "glued" and not glued:
        return
    if sense.where == "composite" and not composite:
        return
    if match.group().startswith("-") and not _hyphen_ok(atom, text):
        return
    if len(surface) == 1 and text[match.end() : match.end() + 1] == "-":
        return  # 19 F-16 jets
    if surface == "K" and glued and _resolution(atom, surface):
        return  # 4K is a screen resolution
    if surface == "st" and _ordinal_st(text[atom.num_start : atom.num_end]):
        return  # 21st is an ordinal, 16st is stone
    unit = sense.unit
    if unit == "gallon" and options.gallon == "imperial" and not surface.startswith("US"):
        unit = "imperial_gallon"
    if unit == "degree" and _TEMPERATURE_CUES.search(text, max(0, atom.start - 80), atom.end + 40):
        unit, sense = "degree_Celsius", sense._replace(dimension="temperature")
    atom.kind, atom.unit, atom.dimension = "measure", unit, sense.dimension
    _take(atom, match)
    bare = surface[:-1]
    if (
        surface.endswith(".")
        and _sentence_ends(text, match.end())
        and (bare in exact or fold(bare) in folded)
    ):
        atom.end -= 1  # "weighs 180 lbs." ends a sentence; the dot is not the unit's
    _read_rate(atom, text, money=False)
    old = _OLD.match(text, atom.end, atom.end + _AHEAD)
    if old is not None and unit == "year":
        atom.end = old.end()  # a 10-year-old boy


_TEMPERATURE_CUES = regex.compile(
    r"(?i)\b(?:temperatures?|lows?|highs?|warm\w*|cold\w*|heat\w*|hot\w*|cool\w*|"
    r"freez\w*|frost\w*|forecast\w*|weather|thermometer|fever|oven|mercury|degrees?\ (?:C|F)\b)"
)


_OLD = regex.compile(r"-old\b|[\ \u00a0]old\b")
_SENTENCE_END = regex.compile(r"\s*(?:$|[\"”’')]?\s*[A-Z\n])")


def _sentence_ends(text: str, pos: int) -> bool:
    """True where the text after ``pos`` starts a new sentence (or ends)."""
    return _SENTENCE_END.match(text, pos, pos + _AHEAD) is not None


def _ordinal_st(number: str) -> bool:
    """True when ``st`` after ``number`` is the ordinal suffix (1st, 21st, but 11th)."""
    return number.endswith("1") and not number.endswith("11")


def _hyphen_ok(atom: Atom, text: str) -> bool:
    """``a 5-kilometre race`` is a unit; ``COVID-19``-like names never reach here."""
    return atom.form in ("digits", "words")


def _read_rate(atom: Atom, text: str, *, money: bool) -> None:
    match = _patterns()["rate"].match(text, atom.end, atom.end + _AHEAD)
    if match is None:
        return
    per = per_units()[match.group("per")]
    if per == atom.unit:
        return
    if match.group("squared"):
        per = f"{per} ** 2"  # metres per second squared
    if money:
        atom.per = per
    else:
        atom.unit = f"{atom.unit} / {per}"
    _take(atom, match)


def _take(atom: Atom, match: regex.Match[str]) -> None:
    atom.end = match.end()
    atom.plain = False


_AGE_BEFORE = regex.compile(
    r"(?r)(?:\b(?i:aged|ages?|age\ of|who\ (?:is|was|turned|turns))"
    r"|\b[A-Z][\w'’.]*,(?:[\ \u00a0](?i:now|aged))?)[\ \u00a0]+"
)

#: How the pattern before an age ends: a space after ``aged``, ``age``, ``ages``,
#: ``of``, ``is``, ``was``, ``turned``, ``turns``, ``now`` or a comma (any case), or
#: after more spaces.  ``ſ`` reads as ``s`` case-insensitively; no other character
#: outside ASCII reads as one of these letters.
_AGE_GAP = frozenset(" \u00a0")
_AGE_ENDS = frozenset("dDeEfFsSwW,\u017f \u00a0")


def read_age(atom: Atom, text: str) -> None:
    """Make a bare count an age in years: ``aged 40``, ``who is 58``, ``Ronaldo, now 39,``."""
    if atom.kind != "number" or atom.scaled or atom.value is None or not 0 < atom.value < 130:
        return
    start = atom.start
    if start < 2 or text[start - 1] not in _AGE_GAP or text[start - 2] not in _AGE_ENDS:
        return  # the pattern ends with a space after one of _AGE_ENDS: "in 2003" has none
    match = _AGE_BEFORE.match(text, max(0, atom.start - 40), atom.start)
    if match is None or match.end() != atom.start:
        return
    appositive = match.group().rstrip().endswith(",") or match.group()[:1].isupper()
    if appositive and text[atom.end : atom.end + 1] not in (",", ".", ")", ";"):
        return  # an appositive age closes with punctuation: "The striker, 19, has"
    atom.kind, atom.unit, atom.dimension = "measure", "year", "age"
