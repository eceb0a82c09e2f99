"""The scanner's patterns, built from the vocabularies: the master pattern and the prefix.

The master pattern (``numclaims._scan`` tries it at each trigger) has six
alternatives, named groups that ``numclaims._atoms`` builds an atom from:
``vague``, ``words``, ``clock``, ``digits``, ``article`` and ``vulgar_only``.  The
prefix pattern reads backwards from a run of digits to the currency, sign or
bracket that may stand before it.  The pieces both share (what a sign is,
what may not stand before one, what groups digits) are named here once, and
the scanner's screens are computed from them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

import regex

from numclaims._lexicon import (
    bound_phrases,
    cue_words,
    currencies,
    filter_words,
    number_words,
    percent_units,
    scale_words,
    spaced_codes,
    unit_surfaces,
    vague_words,
)
from numclaims._text import SPACE, SPACE_CHARS, THIN_SPACES, trie

if TYPE_CHECKING:
    from numclaims._vocabulary import Vocabulary

__all__ = [
    "ARTICLE_BEFORE",
    "BEFORE_NO_SIGN",
    "COMMA_GROUPED",
    "CONTINUES",
    "CURRENCY_GAP",
    "DECIMAL",
    "FRACTION_SLASH",
    "NEGATIVE_GAP",
    "NEGATIVE_REACH",
    "SIGN_CHARS",
    "SUPER_DIGITS",
    "SUPER_SIGNS",
    "VULGAR",
    "article_may_end",
    "master_pattern",
    "negative_before",
    "negative_may_end",
    "number_word_list",
    "prefix_pattern",
    "vague_trigger_words",
]

VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
#: Superscript digits and signs of an exponent: ``10⁻³⁰``.
SUPER_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPER_SIGNS = "⁻⁺"
#: The fraction slash of ``1⁄32``.
FRACTION_SLASH = "\u2044"

#: The signs of a number: ``-5``, ``+4``, ``−3``.
SIGN_CHARS = "-+\u2212"
#: What a sign may not follow (a lookbehind of the master pattern): a word
#: character, a full stop, a comma or a closing bracket: ``COVID-19``, ``3.2.1``.
BEFORE_NO_SIGN = r"\w.,)"
#: Characters that group the digits of a number besides a plain space (``1 000``).
_DIGIT_GROUPERS = "\u00a0" + THIN_SPACES
#: Two of the mantissas of the ``digits`` alternative, named so that the scanner's
#: fast path (``numclaims._plain``) reads them from here: digits grouped by commas,
#: maybe with decimals (``2,000``, ``1,000,000.5``), and digits with or without
#: decimals (``2000``, ``1.5``).
COMMA_GROUPED = r"\d{1,3}(?:,\d{3})++(?:\.\d++)?"
DECIMAL = r"\d++(?:\.\d++)?"
#: The space that may stand between a currency and its digits (``£ 682``).
CURRENCY_GAP = " \u00a0"


def _escaped(chars: str) -> str:
    """``chars`` as escapes, for a character class of a verbose pattern."""
    return "".join(f"\\u{ord(char):04x}" for char in chars)


_MASTER = r"""
(?P<vague>(?i:
    \b(?P<vcount>VAGUE_COUNT)\s+(?P<vscale>\L<vscale>)\b       # a couple hundred
    (?:\s+(?P<vscale2>\L<vscale>)\b)?                          # several hundred thousand
  | \b(?P<vtens>\L<vtens>)\s+of\s+(?P<vof>\L<vof>)\b           # tens of thousands
  | \b(?P<vplural>\L<vplural>)(?=\s+of\b)                      # hundreds of
))
| (?P<words>(?i:
    \b(?P<wneg>\L<negative>[\ -])?                            # minus five, negative one
    (?:an?\s+)?\L<numword>                                    # (a) first word
    (?:(?:\s+(?:and|\L<wjoin>)\s+(?:an?\s+)?|\s+an?\s+|\s+|-)\L<numword>)*+  # more words
    \b
))
| (?P<clock>(?<![\d:.,])                                     # a race or record time
    (?P<race>(?<=(?i:\b\L<racecue>)\ ))?                      # in 52:14: minutes and seconds
    (?P<first>\d{1,2}):(?P<second>[0-5]\d)                   # 2:07 of 2:07:30; 4:12 of 4:12.6
    (?::(?P<third>[0-5]\d(?:\.\d{1,2})?)|(?P<fraction>\.\d{1,2})|(?(race)|(?!)))  # :30, .6
    (?![\d:]|\.\d|\ ?(?i:[ap]\.?m\b))                         # not 10:15:30 pm
  )
| (?P<digits>
    (?P<neg>(?<![\w.,\-\u2212])[-\u2212](?=[^\d\s\-\u2212+.(]))?  # minus before a currency
    (?:(?P<cur>(?<![A-Za-z])(?:\L<curcode>|\L<spaced>(?=[CURRENCY_GAP]))(?![A-Za-z])|\L<cursym>)
       [CURRENCY_GAP]?                                        # currency before the number
       (?P<paren>\((?=\.?\d))?                                # accounting negative $(0.12)
    )?
    (?P<sign>(?<![BEFORE_NO_SIGN])(?:THE_SIGN|(?i:\L<negative>)[\ -])(?=\.?\d))?  # sign
    (?<![\d.,])                                               # not inside another number
    (?P<mantissa>
        \d{1,2},(?:\d{2},)++\d{3}(?:\.\d++)?(?![\d,])          # 1,39,990  1,23,456.78 (lakh)
      | COMMA_GROUPED                                         # 2,000  1,000,000.5
      | \d{1,3}(?:[GROUPERS]\d{3})++(?!\d)                    # 1 000 (no-break, thin)
      | \d{1,3}(?:\ \d{3})++(?![\d\-])                        # 1 843  1 000 000 (spaces)
          (?![A-Z](?![A-Za-z])|\ \L<modelword>\b)             # not 20 777F, 30 787 Dreamliners
      | DECIMAL                                               # 2000  1.5
      | \.\d++                                                # .5
    )
    (?P<exp>
        [eE][-+]?\d{1,3}(?![\w])                              # 1.5e6
      | \ ?[xX×]\ ?10(?:\^[-+\u2212]?\d{1,3}                  # 3x10^6  3X10^-6
                     | [SUPER_SIGNS]?[SUPER_DIGITS]{1,3}       # 1.99×10³⁰  10⁻³⁰
                     | \u2212\d{1,3})(?![\d\w])              # 9.11×10−31 (a lost superscript)
      | \^[-+\u2212]?\d{1,2}(?![\d\w]|\.\d)                  # 1.1^23: a power
    )?
    (?:
        [/\u2044](?P<den>\d{1,3})(?![\d/])                   # 3/4  1⁄32 (fraction slash)
      | \ ?(?P<vulgar>[VULGAR])                               # 3½  3 ½
      | \ (?P<fnum>\d{1,2})[/\u2044](?P<fden>\d{1,3})(?![\d/])  # 2 1/2
    )?
    (?(paren)\))
  )
| (?P<article>\b(?i:an?)(?=SPACE+(?i:\L<timeunit>)\b))         # (up to) a week
| (?P<vulgar_only>
    (?:(?P<cur2>\L<cursym>)\ ?)?(?<![\d\w])[VULGAR]           # ½  £½
  )
"""
_MASTER = (
    _MASTER.replace("COMMA_GROUPED", COMMA_GROUPED)
    .replace("CURRENCY_GAP", _escaped(CURRENCY_GAP))
    .replace("DECIMAL", DECIMAL)
    .replace("SUPER_SIGNS", SUPER_SIGNS)
    .replace("SUPER_DIGITS", SUPER_DIGITS)
    .replace("VULGAR", VULGAR)
    .replace("BEFORE_NO_SIGN", BEFORE_NO_SIGN)
    .replace("GROUPERS", _escaped(_DIGIT_GROUPERS))
    .replace("SPACE", SPACE)
)
#: Characters that may continue the digits of a number (grouping, decimals,
#: exponents, fractions: the pieces of the ``digits`` alternative after the
#: first digits; the colon of a ``clock`` time); after anything else a run of
#: digits is the whole number.
CONTINUES = frozenset(",.:" + _DIGIT_GROUPERS + "eExX×/^" + FRACTION_SLASH + VULGAR)


def _spaced(surface: str) -> str:
    """A pattern for a surface of words where any run of whitespace parts them."""
    return r"\s+".join(regex.escape(word) for word in surface.split())


@cache
def master_pattern(vocabulary: Vocabulary | None = None) -> regex.Pattern[str]:
    """The master pattern, compiled once on first use (once per user ``vocabulary``)."""
    money, vague = currencies(vocabulary), vague_words()
    spaced = spaced_codes()  # COP 5,000 but not COP28, RON 4.2 but not RON95
    counts = sorted(vague.counts, key=lambda surface: -len(surface.split()))  # a couple of first
    plurals = list(vague.plurals)
    below_thousand = [word for word in plurals if _counts_another(word)]
    return regex.compile(
        _MASTER.replace("VAGUE_COUNT", "|".join(map(_spaced, counts))).replace(
            "THE_SIGN", _sign(vocabulary)
        ),
        regex.VERBOSE,
        vscale=list(vague.scales),
        vtens=[*vague.tens, *below_thousand],
        vof=[word for word in plurals if not _counts_another(word)],
        vplural=plurals,
        numword=list(number_word_list()),
        wjoin=[*cue_words("decimal_point"), *cue_words("fraction_of")],
        curcode=[code for code in money.codes if code not in spaced],
        spaced=[code for code in money.codes if code in spaced] or ["\uffff"],
        cursym=list(money.symbols),
        negative=list(cue_words("negative")),
        timeunit=list(cue_words("article_unit")),
        racecue=list(cue_words("race_time")),
        modelword=list(filter_words().model_after),
    )


def _sign(vocabulary: Vocabulary | None) -> str:
    """The pattern of a sign before digits: ``-5``, ``+4``, ``−3``; not the ``+`` of ``3%+``.

    A sign that is also a bound after a number (``65+``: 65 or more) is left
    to the quantity before it where it is glued to that quantity's end (see
    :func:`quantity_ends`): in ``3%+.2`` the ``+`` is the bound of ``3%``,
    and the next number is ``.2``.  A character is never claimed twice.
    """
    bounds = set(bound_phrases().after)
    free = "".join(char for char in SIGN_CHARS if char not in bounds)
    claimed = "".join(char for char in SIGN_CHARS if char in bounds)
    parts = [f"[{_escaped(free)}]"] if free else []
    if claimed:
        parts.append(f"(?<![{_escaped(quantity_ends(vocabulary))}])[{_escaped(claimed)}]")
    return "(?:" + "|".join(parts) + ")"


@cache
def quantity_ends(vocabulary: Vocabulary | None = None) -> str:
    """The characters outside words that may end a quantity: ``%``, ``½``, ``°``, ``³``, ``¢``.

    The last characters of the surfaces written after a number (units,
    percent, currencies after it) and the vulgar fractions; not those that
    may also end a currency written before one (``€`` of ``€+5``), nor word
    characters, full stops, commas and closing brackets, after which no
    sign is read at all.
    """
    exact, folded = unit_surfaces(vocabulary)
    money, scales = currencies(vocabulary), scale_words(vocabulary)
    after = [
        *(surface for surface, sense in exact.items() if sense.where != "mark"),  # quotes
        *folded,
        *percent_units(),
        *money.names,
        *money.minor,
        *money.symbols_after,
        *money.scaled_names,
        *scales.words,
        *scales.suffixes,
    ]
    before = {surface[-1] for surface in [*money.codes, *money.symbols]}
    ends = {surface[-1] for surface in after} | set(VULGAR)
    glued = regex.compile(f"[{BEFORE_NO_SIGN}]")
    return "".join(sorted(c for c in ends - before if not glued.match(c)))


def _counts_another(plural: str) -> bool:
    """A plural scale below a thousand counts another after ``of``: ``hundreds of thousands``."""
    return number_words().multipliers[plural.removesuffix("s")] < 1000


@cache
def number_word_list() -> tuple[str, ...]:
    """Every number word: units, tens, multipliers and fractions (``\\L<numword>``)."""
    vocab = number_words()
    return (*vocab.units, *vocab.tens, *vocab.multipliers, *vocab.fractions)


#: The shape of an ISO 4217 code, which the prefix pattern reads without a list.
_ISO_SHAPE = re.compile("[A-Z]{3}")


@cache
def prefix_pattern(vocabulary: Vocabulary | None = None) -> regex.Pattern[str]:
    """What may stand right before the digits of a number: a currency, a sign, a bracket.

    Any run of three capitals stands for the ISO codes (``USD``): the master
    pattern, tried from each start this finds, reads only the codes, and a
    list of some three hundred codes read backwards costs more to compile
    than the rest of the first parse.  A code of another shape (a user's
    ``Dh``) is listed.
    """
    money = currencies(vocabulary)
    others = [regex.escape(code) for code in money.codes if not _ISO_SHAPE.fullmatch(code)]
    codes = "|".join(["[A-Z]{3}", *sorted(others, key=len, reverse=True)])
    return regex.compile(
        r"(?r)(?:(?<![\w.,\-\u2212])[-\u2212](?=\S))?"
        rf"(?:(?:(?<![A-Za-z])(?:{codes})|\L<cursym>){SPACE}?\(?)?"
        rf"(?:(?i:\L<negative>)[\ -]|[{re.escape(SIGN_CHARS)}])?\.?",
        cursym=list(money.symbols),
        negative=list(cue_words("negative")),
    )


#: The articles of ``a couple``, ``a million``, ``a week``, read before a number word.
_ARTICLES = ("a", "an")
ARTICLE_BEFORE = regex.compile(rf"(?r)\b(?i:{trie(_ARTICLES)}){SPACE}+")
#: What stands between ``minus``/``negative`` and the number word it makes negative.
NEGATIVE_GAP = frozenset(" -")
#: How far back ``negative `` is looked for before a number word.
NEGATIVE_REACH = 10


@cache
def negative_before() -> regex.Pattern[str]:
    """``minus ``, ``negative-`` right before a number word (``cues.txt`` [negative])."""
    return regex.compile(r"(?r)\b(?i:\L<negative>)[\ -]", negative=list(cue_words("negative")))


def _last_letters(words: tuple[str, ...]) -> frozenset[str]:
    """The last characters of ``words`` in either case: what a screen looks for."""
    return frozenset(case(word[-1]) for word in words for case in (str.lower, str.upper))


_ARTICLE_ENDS = _last_letters(_ARTICLES)


@cache
def _negative_ends() -> frozenset[str]:
    return _last_letters(cue_words("negative"))


def article_may_end(text: str, pos: int) -> bool:
    """A screen before ``ARTICLE_BEFORE``: spaces end at ``pos``, after an article's last letter."""
    start = pos
    while start and text[start - 1] in _SPACES:
        start -= 1
    last = text[start - 1 : start] if start and start != pos else ""
    return last in _ARTICLE_ENDS or not last.isascii()


def negative_may_end(text: str, pos: int) -> bool:
    """A screen before ``negative_before``: a space or hyphen at ``pos - 1``, after the last
    letter of ``minus`` or ``negative`` (or a character outside ASCII: ``minuſ``)."""
    if not pos or text[pos - 1] not in NEGATIVE_GAP:
        return False
    last = text[pos - 2 : pos - 1] if pos >= 2 else ""
    return last in _negative_ends() or not last.isascii()


_SPACES = frozenset(SPACE_CHARS)


@cache
def vague_trigger_words() -> frozenset[str]:
    """The words the scanner finds a vague amount by: the longest of each (``couple``)."""
    vague = vague_words()
    counts = {max(surface.split(), key=len) for surface in vague.counts}
    return frozenset({*counts, *vague.tens, *vague.plurals})
