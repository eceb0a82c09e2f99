"""Numbers that reach someone or somewhere: phone numbers, IDs, postcodes, street numbers."""

from __future__ import annotations

from functools import cache

import regex

from numclaims._filters.around import MARKED_DIGIT_REACH, plural_noun_after
from numclaims._lexicon import context_words, filter_words
from numclaims._scan import Atom
from numclaims._text import SPACE, ahead, behind, trie

__all__ = ["area_code_before", "is_address", "is_phone_or_id"]

#: The marks between the digit groups of a phone number: ``020 7946 0958``, ``555-123-4567``.
_GROUP_MARKS = " .-"
_GROUP_MARK = "[" + regex.escape(_GROUP_MARKS) + "]"
_PHONE_AFTER = regex.compile(
    rf"""
    (?: {_GROUP_MARK} \(? \d{{2,4}} \)? ){{2,}} (?![\d,])  # two groups more: -123-4567
    | \) {_GROUP_MARK}? \d{{3}} {_GROUP_MARK} \d{{4}}       # (555) 123-4567, after the area code
    """,
    regex.VERBOSE,
)
_GROUP_BEFORE = regex.compile(rf"(?r)\d{_GROUP_MARK}")
_GROUP_AFTER = regex.compile(rf"{_GROUP_MARK}\d{{2,4}}(?![\d,])")
_ZERO_GROUP_BEFORE = regex.compile(rf"(?r)\b0\d{{2,5}}{_GROUP_MARK}$")  # 07700 900461
#: A trunk prefix, no part of a word or a number before it, and at most one group after it:
#: ``0800 123 4567``, ``01632 960 001`` (but not the ``000`` of ``1,000 12 12``).
_TRUNK_BEFORE = regex.compile(
    rf"(?r)(?<![\w.,])0\d{{2,5}}{_GROUP_MARK}(?:\d{{2,4}}{_GROUP_MARK})?$"
)
_AREA_CODE_BEFORE = regex.compile(rf"(?r)\(\d{{2,5}}\){SPACE}?$")  # (555) 123-4567
_POSTCODE_BEFORE = regex.compile(rf"(?r)(?:\b[A-Z]{{2}}|\b[A-Z][a-z]+,){SPACE}$")  # CA 94105
#: Room for the groups after the first: ``-123-4567``, `` 20 7946 0958``.
_PHONE_REST_REACH = 24
#: Room for a trunk prefix or an area code before the number: ``07700 ``, ``(555) ``.
_PREFIX_REACH = 8
#: Room for a trunk prefix and a group before the number: ``0800 123 ``.
_TRUNK_REACH = 13
#: Room for a mark, a group and the character after it: `` 0958.``.
_GROUP_REACH = 6
#: Room for a state or a town, a comma and a space: ``Springfield, ``.
_POSTCODE_PLACE_REACH = 24
#: Room for one to three capitalised words and a street word: `` Downing Street``.
_STREET_REACH = 60


def is_phone_or_id(atom: Atom, text: str) -> bool:
    """Phone numbers, numbers with leading zeros, long digit IDs, postcodes."""
    if atom.kind != "number" or atom.scaled or atom.form != "digits":
        return False
    digits = text[atom.num_start : atom.num_end].lstrip("+-(")
    return (
        _leading_zero(digits)
        or _phone_groups_after(text, atom.end)
        or area_code_before(text, atom.start)
        or (atom.plain and _plain_id(atom, text, len(digits)))
        or (" " in digits and digits.replace(" ", "").isdigit() and _after_trunk(text, atom.start))
        or (digits in context_words()["service_line"] and _service_line(atom, text))
    )


#: How far before a service number a word of calling is looked for: a clause.
_SERVICE_REACH = 32


@cache
def _service_before() -> regex.Pattern[str]:
    """A word of ``service_before`` anywhere in the clause before a number, in any case."""
    return regex.compile(
        r"(?r)\b(?i:\L<words>)\b[^.;:!?]*$", words=sorted(context_words()["service_before"])
    )


def _service_line(atom: Atom, text: str) -> bool:
    """``call police on 101``, ``in an emergency, 999``: a service's number, no count of 999."""
    if not atom.plain or plural_noun_after(atom, text):
        return False  # 999 people, 111 cases
    return behind(_service_before(), text, atom.start, _SERVICE_REACH) is not None


def _leading_zero(digits: str) -> bool:
    """``007``, ``0800``: a zero before another digit is written for a code, not an amount."""
    return digits[:1] == "0" and digits[1:2].isdigit()


def _plain_id(atom: Atom, text: str, length: int) -> bool:
    """A run of digits alone that is an ID: eight digits or more, a group of a phone, a postcode."""
    return (
        length >= 8
        or _phone_group(text, atom.start, atom.end)
        or (
            length == 5
            and behind(_POSTCODE_BEFORE, text, atom.start, _POSTCODE_PLACE_REACH) is not None
        )
    )


def _after_trunk(text: str, start: int) -> bool:
    """``01632 960 001``: groups read as one spaced number after a trunk prefix."""
    return behind(_TRUNK_BEFORE, text, start, _TRUNK_REACH) is not None


def _phone_groups_after(text: str, end: int) -> bool:
    """``555-123-4567``, ``(555) 123-4567``: groups of digits follow."""
    return ahead(_PHONE_AFTER, text, end, _PHONE_REST_REACH) is not None


def area_code_before(text: str, start: int) -> bool:
    """True where an area code in brackets ends at ``start``: ``(555) 123-4567``."""
    return behind(_AREA_CODE_BEFORE, text, start, _PREFIX_REACH) is not None


def _phone_group(text: str, start: int, end: int) -> bool:
    """``07700 900461``, ``020 7946 0958``: a group after a trunk prefix, or between groups."""
    if behind(_GROUP_BEFORE, text, start, MARKED_DIGIT_REACH) is None:
        return False
    return (
        behind(_ZERO_GROUP_BEFORE, text, start, _PREFIX_REACH) is not None
        or _after_trunk(text, start)
        or ahead(_GROUP_AFTER, text, end, _GROUP_REACH) is not None
    )


@cache
def _street_after() -> regex.Pattern[str]:
    """A street after its number: `` Downing Street``, `` E 71st St``, `` Rue de Rivoli``."""
    words = filter_words()
    return regex.compile(
        rf"""
        (?: {SPACE} (?:{trie(words.street_directions)}) \.? (?={SPACE}) )?  # a compass point: E
        (?: {SPACE} (?: [A-Z][a-z]+ | \d+(?:{trie(words.ordinal_suffixes)}) ) ){{1,3}}  # 71st
        {SPACE} (?:{trie(words.streets)}) \b                                # Downing Street
        | {SPACE} (?:{trie(words.streets_first)}) \b                         # Rue de Rivoli
        """,
        regex.VERBOSE,
    )


#: The kinds a street number may have been read as: a count, or a measure when
#: a compass point after it reads as a unit (``24 W 12th Street``: watts).
_ADDRESS_KINDS = frozenset({"number", "measure"})


def is_address(atom: Atom, text: str) -> bool:
    """``10 Downing Street``, ``221B Baker Street``, ``9 E 71st St``, ``14 Rue de Rivoli``."""
    if atom.kind not in _ADDRESS_KINDS or atom.form != "digits" or atom.is_range:
        return False
    end = atom.num_end + 1 if text[atom.num_end : atom.num_end + 1].isalpha() else atom.num_end
    return ahead(_street_after(), text, end, _STREET_REACH) is not None
