"""What the scanner hands on: the :class:`Atom` record, built from a master-pattern match.

Each alternative of the master pattern (``numclaims._scan``) has its builder
here, chosen by the name of the group that matched: ``digits``, ``words``,
``clock``, ``vague``, ``vulgar_only`` and ``article``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from functools import cache
from operator import attrgetter
from types import MappingProxyType
from typing import Literal

import regex

from numclaims._lexicon import currencies, fold, merge_words
from numclaims._numbers import (
    digits_value,
    fraction_value,
    scale_value,
    vague_range,
    vulgar_value,
    words_value,
)
from numclaims._text import KEEP_GIL, group_numbers
from numclaims.models import Bound, Kind

__all__ = ["Atom", "Form", "atoms_of", "currency_code"]

#: How a number is written: ``2,000``; ``forty-two``; ``a couple hundred``;
#: ``3/4`` or ``½``; the ``a`` of ``a week``.
Form = Literal["digits", "words", "vague", "fraction", "article"]


@dataclass(slots=True)
class Atom:
    """A number found by the scanner, enriched by the later stages.

    Internal and mutable: stages fill in what they learn; only the pipeline's
    last step turns an atom into a public :class:`~numclaims.Quantity`.
    """

    start: int
    end: int
    value: float | None
    form: Form
    num_start: int  # where the number itself starts (after any currency)
    num_end: int  # where the number itself ends (before any scale or unit)
    plain: bool = False  # an integer written with digits only: could be a year or an ID
    currency: str | None = None
    kind: Kind = "number"
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    scale: float = 1.0  # the multiplier of a scale word or suffix (1e6 for "10 million")
    bound: Bound = "exact"
    qualifier: str | None = None
    per: str | None = None
    dimension: str | None = None
    entity: str | None = None
    entity_span: tuple[int, int] | None = None
    change: str | None = None
    is_delta: bool = False
    uncertainty: float | None = None  # the 0.3 of 5.2 ± 0.3 mm
    numerator: float | None = None  # a ratio's parts: 3 and 10 of "3 in 10"
    denominator: float | None = None

    @property
    def scaled(self) -> bool:
        """True when a scale word or suffix multiplied the number."""
        return self.scale != 1.0

    @property
    def is_range(self) -> bool:
        """True when the atom stands for a range."""
        return self.low is not None

    @property
    def in_points(self) -> bool:
        """True for percentage or basis points: the unit of a change, seldom of a level.

        A spread is a level in points, but ``widened by 5 to 52 basis points``
        leaves its ends far apart; ``cut by 50 to 75 basis points`` is a range.
        """
        return self.kind == "percent" and self.unit != "percent"

    def copy(self) -> Atom:
        """A shallow copy, as ``dataclasses.replace(atom)`` makes, but without its introspection."""
        return Atom(*_FIELD_VALUES(self))


#: Every field's value, in the order ``Atom`` takes them.
_FIELD_VALUES = attrgetter(*(field.name for field in fields(Atom)))


def atoms_of(match: regex.Match[str]) -> Iterator[Atom]:
    """The atoms of one master-pattern match, by the alternative that matched."""
    group = match.lastgroup
    assert group is not None
    return _BUILDERS[group](match)


def _digits_atoms(match: regex.Match[str]) -> Iterator[Atom]:
    atom = _digits_atom(match)
    if atom is not None:
        yield atom


#: The groups of the ``digits`` alternative that its atom is built from.
_DIGIT_GROUPS = ("mantissa", "sign", "exp", "den", "vulgar", "fnum", "fden", "paren", "neg", "cur")


@cache
def _digit_groups(pattern: regex.Pattern[str]) -> tuple[int, ...]:
    """The numbers of the groups of :data:`_DIGIT_GROUPS` in ``pattern`` (looked up once)."""
    n = group_numbers(pattern)
    return tuple(n[name] for name in _DIGIT_GROUPS)


def _digits_atom(match: regex.Match[str]) -> Atom | None:
    # one call for all the groups (groupdict() would build every group of the pattern)
    numbers = _digit_groups(match.re)
    mantissa, sign, exp, den, vulgar, fnum, fden, paren, neg, cur = match.group(*numbers)
    sign = sign or ""
    value = digits_value(("-" if sign[:1].isalpha() else sign) + mantissa, exp)
    if value is None:
        return None
    read = _with_fraction(value, mantissa, exp, den, vulgar, fnum, fden)
    if read is None:
        return None
    value, form = read
    if paren or neg:
        value = -abs(value)
    end = match.end()
    atom = Atom(
        start=match.start(),
        end=end,
        value=value,
        form=form,
        num_start=match.start(numbers[1] if sign else numbers[0]),  # sign, mantissa
        num_end=end - (1 if paren else 0),
        plain=not sign and mantissa.isdigit() and end == match.end(numbers[0]),
    )
    if cur:
        atom.currency = currency_code(cur)
        atom.kind = "money"
    return atom


def _with_fraction(
    value: float,
    mantissa: str,
    exp: str | None,
    den: str | None,
    vulgar: str | None,
    fnum: str | None,
    fden: str | None,
) -> tuple[float, Form] | None:
    """The value and form of digits with the fraction written with them, or None for no number.

    ``3/4`` is a fraction (not ``1.5/2`` nor ``1,000/3``); ``3½`` and
    ``2 1/2`` add theirs to the whole number, away from zero.
    """
    if den:
        if not mantissa.isdigit() or exp:
            return None  # 1.5/2 and 1,000/3 are no fractions
        fraction = fraction_value(mantissa, den)
        if fraction is None:
            return None
        return (-fraction if value < 0 else fraction), "fraction"
    if vulgar:
        return value + (-1 if value < 0 else 1) * vulgar_value(vulgar), "digits"
    if fnum and fden:
        fraction = fraction_value(fnum, fden)
        if fraction is None:
            return None
        return value + (-1 if value < 0 else 1) * fraction, "digits"
    return value, "digits"


def currency_code(surface: str) -> str:
    """The ISO code of a currency written before a number; a bare ``$`` stays ``$``.

    So does a surface of a user's vocabulary, which the package does not
    know: the units stage resolves it, and ``$``, through the options.
    """
    money = currencies()
    if surface == "$":
        return surface  # resolved through Options.dollar by the units stage
    return money.codes.get(surface) or money.symbols.get(surface, surface)


#: A word of a run of number words (``forty``, ``two`` of ``forty-two``).
_ASCII_WORD = regex.compile(r"[A-Za-z]+")
#: Words between two numbers of one run that belong to neither (``two and four``); an
#: article may start the next (``a hundred and a thousand``).
_BETWEEN_NUMBERS = frozenset({"and"})


def _word_atoms(match: regex.Match[str]) -> Iterator[Atom]:
    """Split a run of number words into the numbers it holds (``two and four``)."""
    found = _ASCII_WORD.finditer(match.group(), None, None, False, KEEP_GIL)
    tokens = [(m.group().lower(), m.start(), m.end()) for m in found]
    base, negative = match.start(), match.group(group_numbers(match.re)["wneg"])
    if negative:
        tokens = tokens[1:]  # minus five: the sign goes to the first number
    cut = _range_and(match, tokens)  # between four hundred and five thousand: two ends
    i = 0
    while i < len(tokens):
        result = words_value(
            [t for t, _, _ in tokens[i : cut if cut is not None and i < cut else None]]
        )
        if result is None:
            i += 1
            continue
        first, last = tokens[i], tokens[i + result.used - 1]
        start = base if negative and i == 0 else base + first[1]
        yield Atom(
            start=start,
            end=base + last[2],
            value=-result.value if start == base and negative else result.value,
            form="words",
            num_start=start,
            num_end=base + last[2],
        )
        i += result.used
        while i < len(tokens) and tokens[i][0] in _BETWEEN_NUMBERS:
            i += 1


def _range_and(match: regex.Match[str], tokens: list[tuple[str, int, int]]) -> int | None:
    """Where the ``and`` of a range falls in a run of words after ``between``, or None.

    ``between four hundred and five thousand`` is 400 to 5,000, not 405,000:
    after ``between``, a run with one ``and`` and no other ``and`` after it
    holds both ends where each side reads whole and the first is the smaller.
    """
    ands = [k for k, (word, _, _) in enumerate(tokens) if word in _BETWEEN_NUMBERS]
    if len(ands) != 1 or not _between_before(match.string, match.start()):
        return None
    if _AND_AFTER.match(match.string, match.end(), match.end() + _AND_REACH, KEEP_GIL) is not None:
        return None  # between four hundred and five thousand and ...: the and is later
    cut, words = ands[0], [word for word, _, _ in tokens]
    low, high = words_value(words[:cut]), words_value(words[cut + 1 :])
    if low is None or high is None or low.used != cut or high.used != len(words) - cut - 1:
        return None
    return cut if low.value < high.value else None


#: ``and`` after a run of words, and how far it may stand.
_AND_AFTER = regex.compile(r"\s+and\b", regex.IGNORECASE)
_AND_REACH = 8
#: Room before a run of words for the opener ``between`` and its spaces.
_OPENER_REACH = 16


def _between_before(text: str, pos: int) -> bool:
    """True where the opener ``between`` (merge.txt) ends just before ``pos``."""
    before = text[max(0, pos - _OPENER_REACH) : pos].rstrip().lower()
    openers = merge_words().openers
    return any(
        before.endswith(word)
        and openers[word] == "between"
        and not before[: -len(word)][-1:].isalpha()
        for word in openers
    )


#: Seconds in an hour and in a minute, for a race time (``2:07:30``).
_HOUR, _MINUTE = 3600.0, 60.0


def _clock_atoms(match: regex.Match[str]) -> Iterator[Atom]:
    """A race or record time, ``2:07:30``, ``4:12.6`` or ``in 52:14``: a duration in seconds.

    A clock time has two parts and no fraction of a second (``14:30``); two
    parts are minutes and seconds only after a word of ``[race_time]``.
    """
    first, second, third, fraction = match.group("first", "second", "third", "fraction")
    if third is None:  # minutes, seconds and maybe a fraction: 4:12.6, in 52:14
        value = int(first) * _MINUTE + float(second + (fraction or ""))
    else:  # hours, minutes, seconds: 2:07:30
        value = int(first) * _HOUR + int(second) * _MINUTE + float(third)
    atom = Atom(match.start(), match.end(), value, "digits", match.start(), match.end())
    atom.kind, atom.unit, atom.dimension = "measure", "second", "time"
    yield atom


def _vague_atoms(match: regex.Match[str]) -> Iterator[Atom]:
    count, scale, tens, of, plural = match.group("vcount", "vscale", "vtens", "vof", "vplural")
    end = match.end()
    if scale:
        scale2 = match.group("vscale2")
        if scale2 and scale_value(fold(scale2)) <= scale_value(fold(scale)):
            scale2, end = None, match.end("vscale")  # several thousand hundred: the first alone
        low, high = vague_range(
            " ".join(fold(count).split()), fold(scale), None if scale2 is None else fold(scale2)
        )
    elif tens:
        low, high = vague_range(fold(tens), fold(tens), fold(of))
    else:
        low, high = vague_range(fold(plural), fold(plural))
    yield Atom(
        start=match.start(),
        end=end,
        value=None,
        form="vague",
        num_start=match.start(),
        num_end=end,
        low=low,
        high=high,
        bound="approximate",
    )


def _vulgar_atoms(match: regex.Match[str]) -> Iterator[Atom]:
    atom = Atom(
        start=match.start(),
        end=match.end(),
        value=vulgar_value(match.group()[-1]),
        form="fraction",
        num_start=match.end() - 1,
        num_end=match.end(),
    )
    if match.group("cur2"):
        atom.currency = currency_code(match.group("cur2"))
        atom.kind = "money"
    yield atom


def _article_atoms(match: regex.Match[str]) -> Iterator[Atom]:
    yield Atom(match.start(), match.end(), 1.0, "article", match.start(), match.end())


#: The builder of each alternative of the master pattern, by its group name.
_BUILDERS: Mapping[str, Callable[[regex.Match[str]], Iterator[Atom]]] = MappingProxyType(
    {
        "digits": _digits_atoms,
        "words": _word_atoms,
        "clock": _clock_atoms,
        "vague": _vague_atoms,
        "vulgar_only": _vulgar_atoms,
        "article": _article_atoms,
    }
)
