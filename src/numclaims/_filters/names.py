"""Numbers that name things: ``A380``, ``page 12``, ``Boeing 737``, ``BBC Two``, ``pages 4-6``."""

from __future__ import annotations

from functools import cache

import regex

from numclaims._filters.around import bare, plural_noun_after, sentence_starts, word_before
from numclaims._lexicon import (
    context_words,
    cue_words,
    entity_words,
    filter_words,
    label_words,
    month_words,
    relation_words,
)
from numclaims._scan import Atom
from numclaims._temperature import hottest_weather, temperature_context
from numclaims._text import KEEP_GIL, SPACE, SPACE_CHARS, behind, trie

__all__ = [
    "is_capitalised_name",
    "is_fuel_grade",
    "is_glued_to_name",
    "is_labelled",
    "is_listed_label",
    "is_model_name",
    "is_thread_number",
]

#: Marks that glue a number to the name before it: ``x_5``, ``@5``, ``5/a``.
_GLUE_BEFORE = "_@/\\"
#: Marks that glue a number to what follows it: ``5_a``, ``5@x``.
_GLUE_AFTER = "_@"
_APOSTROPHES = "'’"
_POSSESSIVES = tuple(mark + "s" for mark in _APOSTROPHES)
#: Room for a label, its number and a joiner: ``junctions 10 and``.
_LABELLED_PAIR_REACH = 40


def is_glued_to_name(atom: Atom, text: str) -> bool:
    """``A380``, ``F-16``, ``COVID-19``, ``5G``, ``3rd``, ``1990s``, ``v2.1``, ``a 3-pointer``.

    A currency symbol glued to the word before opens an amount all the same:
    ``lost£1.5billion``, ``profits of$2bn``.
    """
    before = text[atom.start - 1] if atom.start else " "
    if atom.currency is not None and not text[atom.start].isalnum():
        before = " "  # the symbol, not the word before it, opens the quantity
    elif before == "/" and atom.unit in relation_words().readings:
        before = " "  # the second of two readings: the 90 mmHg of 140/90 mmHg
    glued = None if before == " " else _glued_before(atom, text, before)  # " ": the commonest
    if glued is None and atom.low is not None:
        glued = _capitalised_second(atom, text)
    return _glued_after(atom, text) if glued is None else glued


def _glued_before(atom: Atom, text: str, before: str) -> bool | None:
    """True where ``before`` glues the number to a name, None where it tells nothing.

    After a hyphen, the character before it decides alone: ``F-16`` is a
    name, ``2012-13`` is not (nor is any number after a hyphenated digit).
    """
    if before.isalpha() or before in _GLUE_BEFORE or (before.isdigit() and atom.form == "digits"):
        return True
    if (
        before == "("
        and text[atom.start - 2 : atom.start - 1] + text[atom.end : atom.end + 1] == "))"
    ):
        return True  # the (3) of 501(c)(3): a subsection
    if before != "-" or atom.form == "words":
        return None
    name = text[atom.start - 2 : atom.start - 1] if atom.start >= 2 else ""
    return not name.isdigit() if name.isalnum() else None


#: Digits, a hyphen and a capitalised word: ``7-Eleven``.
_DIGITS_HYPHEN_CAPITAL = regex.compile(r"\d+-[A-Z]")


def _capitalised_second(atom: Atom, text: str) -> bool | None:
    """``7-Eleven``: a range whose second half is a number word with a capital is a name."""
    match = _DIGITS_HYPHEN_CAPITAL.match(text, atom.start, atom.end, KEEP_GIL)
    return True if match is not None else None


def _glued_after(atom: Atom, text: str) -> bool:
    """``5G``, ``3rd``, ``5_a``, and the ``1990's`` of a count written with digits.

    Also a stock's number before its exchange (``2238.HK``) and a section of
    a code before its letter in brackets (``401(k)``, ``501(c)(3)``).
    """
    after = text[atom.end] if atom.end < len(text) else " "
    if after.isalnum() or after in _GLUE_AFTER:
        return True
    if after == "-":
        return _hyphen_name(text, atom.end + 1)
    if after in _CODE_MARKS:
        return _code_after(atom, text)
    return (
        after in _APOSTROPHES and text[atom.end + 1 : atom.end + 2] == "s" and atom.kind == "number"
    )


#: The marks after which a letter may make a run of digits a code: ``2238.HK``, ``401(k)``.
_CODE_MARKS = ".("
#: A section's letter in brackets: ``(k)`` of ``401(k)``, and no word after it.
_SECTION_LETTER = regex.compile(r"\([a-z]\)(?!\w)")


@cache
def _ticker_after() -> tuple[regex.Pattern[str], frozenset[str]]:
    """An exchange's code after a dot (``.HK``), and the first letters of the codes (a screen)."""
    codes = context_words()["ticker_suffix"]
    pattern = regex.compile(rf"\.(?:{trie(sorted(codes))})(?!\w)")
    return pattern, frozenset(code[0] for code in codes)


def _code_after(atom: Atom, text: str) -> bool:
    """``2238.HK``, ``401(k)``: a run of digits glued to an exchange's code or a section letter."""
    end = atom.end
    if atom.form != "digits" or not atom.plain:
        return False
    if text[end] == "(":
        return _SECTION_LETTER.match(text, end, end + 4, KEEP_GIL) is not None
    pattern, initials = _ticker_after()
    if text[end + 1 : end + 2] not in initials:
        return False  # the screen: the first letter of a code after the dot
    return pattern.match(text, end, end + 6, KEEP_GIL) is not None


#: The word after a hyphen: ``pointer`` in ``3-pointer``.
_WORD_AT = regex.compile(r"[A-Za-z]+")
#: Room for the longest word after a hyphen that names a thing, and one letter more.
_HYPHEN_NAME_REACH = 16
_SPACE_SET = frozenset(SPACE_CHARS)
#: Room for the longest model word after a number (``Dreamliners``), and one letter more.
_MODEL_WORD_REACH = 16


def _hyphen_name(text: str, pos: int) -> bool:
    """True where a word that makes the number a name follows its hyphen: ``3-pointer``."""
    match = _WORD_AT.match(text, pos, pos + _HYPHEN_NAME_REACH, KEEP_GIL)
    return match is not None and match.group().lower() in filter_words().hyphen_names


def is_labelled(atom: Atom, text: str) -> bool:
    """``page 12``, ``Route 66``, ``No. 10``, ``#48213``, ``Jordan wore 23``, ``call 101``.

    A range after a label names two labels, or one written with a dash:
    ``stage 1 or 2``, ``case No. 25-10482``, ``chapters 3-5``.
    """
    if atom.is_range:
        return _labelled_range(atom, text)
    if not bare(atom) or atom.form == "vague":
        return False
    if atom.qualifier is not None and text.startswith(atom.qualifier, atom.start):
        return False  # the part exceeds 5,000: a bound phrase stands between label and number
    if atom.start and text[atom.start - 1] == "#":
        return True
    before = word_before(atom, text)
    lower = before.lower()
    if lower in context_words()["name_before"]:
        return not plural_noun_after(atom, text)  # wore 23, call 101; but wore 2 hats
    return lower in label_words() or _is_model_name(atom, text, before)


def _lettered_label(atom: Atom, text: str) -> bool:
    """``Gate 22C``, ``Launch Complex 39B``, ``Room 4B``: a label, a number and its letter.

    One capital letter glued to a number read as a unit or a scale (``C``
    degrees, ``B`` billions) names a place in a row of labels when a label
    word stands before the number: ``heated to 22C`` stays a temperature.
    """
    if atom.form != "digits" or atom.is_range or atom.end - atom.num_end != 1:
        return False
    letter = text[atom.num_end]
    if not ("A" <= letter <= "Z") or text[atom.end : atom.end + 1].isalnum():
        return False
    return word_before(atom, text).lower() in label_words()


#: Room for a word of ``thread_before``, a mark and spaces before a fraction: ``Thread 🧵 ``.
_THREAD_REACH = 16


@cache
def _thread_before() -> regex.Pattern[str]:
    """A word of ``thread_before`` and no letter or digit between it and the number."""
    words = sorted(context_words()["thread_before"], key=len, reverse=True)
    return regex.compile(r"(?ri)(?<!\w)(?:\L<words>)[^\w]*$", words=words)


def is_thread_number(atom: Atom, text: str) -> bool:
    """``Thread 1/12:``, ``🧵 3/8``: a post's place in a thread, not a share of anything."""
    if atom.form != "fraction" or not bare(atom):
        return False
    return behind(_thread_before(), text, atom.start, _THREAD_REACH) is not None


def _labelled_range(atom: Atom, text: str) -> bool:
    """``stage 1 or 2``, ``No. 25-10482``: a plain range of digits right after a label word."""
    if atom.kind != "number" or atom.scaled or atom.form != "digits" or atom.bound != "exact":
        return False
    return word_before(atom, text).lower() in label_words()


def _is_model_name(atom: Atom, text: str, before: str) -> bool:
    """``Boeing 737``, ``iOS 17.4``, ``S&P 500``, ``FTSE 250``: a name, then its number."""
    if atom.form != "digits" or atom.bound != "exact" or not _may_name(before):
        return False
    if _step(atom, text, before):
        return False  # Whisk 3 large eggs: a step of a recipe, not the Galaxy Z Fold 6
    if not _reads_as_code(text[atom.num_start : atom.num_end]):
        return False  # 1,844 and 3.14159 are amounts, not names
    if sum(map(str.isupper, before)) > 1 or not before[0].isupper():
        return True  # acronyms and mixed case name things: FTSE 250 companies, iPhone 15
    if before in context_words()["model_before"]:
        return True  # a product line's generation: Pixel 8 users, Thunderbolt 4 ports
    return not plural_noun_after(atom, text)  # "gave Ukraine 50 tanks" counts tanks


#: How far before a number the verb of a step may start (``Whisk 3``): a word's length.
_STEP_REACH = 40


def _step(atom: Atom, text: str, before: str) -> bool:
    """True for a verb of ``step_verb`` that opens the sentence before the number."""
    if before.lower() not in context_words()["step_verb"]:
        return False
    return sentence_starts(text, text.rfind(before, max(0, atom.start - _STEP_REACH), atom.start))


def _may_name(before: str) -> bool:
    """A word that may name a product: two letters or more, a capital, and no verb,
    possessive or function word (``India's 36 subdivisions``, ``Serves 4``, ``In 5``)."""
    if len(before) < 2 or before.endswith(_POSSESSIVES) or not any(map(str.isupper, before)):
        return False
    lower, words = before.lower(), entity_words()
    return not (lower in words.verbs or lower in words.ambiguous_verbs or lower in words.closed)


def _reads_as_code(number: str) -> bool:
    """A number written as a name would be: no thousands comma, at most two decimals."""
    return "," not in number and len(number.partition(".")[2]) <= 2


def is_capitalised_name(atom: Atom, text: str) -> bool:
    """``Six Nations``, ``BBC Two``, ``Formula One``: a capitalised number word mid-sentence."""
    if atom.form != "words" or not text[atom.start : atom.start + 1].isupper():
        return False
    return not sentence_starts(text, atom.start)


@cache
def _labelled_pair_before() -> regex.Pattern[str]:
    """``junctions 10 and``: a label, its number and a joiner, before a number."""
    joiners = filter_words().list_joiners
    return regex.compile(
        rf"""(?r)
        \b (?P<label>[A-Za-z.\#]+) {SPACE}+ \d+  # a label and its number
        {SPACE}* (?:{trie(joiners)}) {SPACE}* $  # and a joiner
        """,
        regex.VERBOSE,
    )


def is_listed_label(atom: Atom, text: str) -> bool:
    """``junctions 10 and 11``, ``pages 4-6``: the second number of a labelled pair."""
    match = behind(_labelled_pair_before(), text, atom.start, _LABELLED_PAIR_REACH)
    if match is None:
        return False
    label = match.group("label")
    return label.lower() in label_words() or label in month_words()  # between Dec. 22 and 24


@cache
def _model_initials() -> frozenset[str]:
    """Screen: the first letters of the words that make the number before them a model name."""
    return frozenset(word[0] for word in filter_words().model_after)


def _after_model_hyphen(text: str, start: int) -> bool:
    """True where a digit and a hyphen stand right before ``start``: the ``747-`` of ``747-8F``."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isdigit()


def is_model_name(atom: Atom, text: str) -> bool:
    """``787 Dreamliner``, ``737 MAX``, ``13F filing``, ``777F freighters``, ``747-8F``, ``10-K``;
    after a label word, ``Gate 22C`` and ``Launch Complex 39B`` (:func:`_lettered_label`).

    A measure counts here only when its unit is one capital letter glued to
    the number or after a hyphen (``F``, ``K``): the letter names a variant.
    """
    if atom.kind == "number":  # the commonest: a plain run of digits, or nothing
        if not atom.plain or atom.form != "digits":
            return atom.form == "digits" and (
                _version_before_word(atom, text)
                or (atom.end - atom.num_end == 1 and _lettered_label(atom, text))
            )
    elif not _variant_letter(atom, text):
        return False
    elif _lettered_label(atom, text):
        return True  # Gate 22C: a label's number and its letter
    elif text[atom.num_end] == "-" or _after_model_hyphen(text, atom.num_start):
        return True  # a 10-K report, the 747-8F: a form or a variant of a model
    elif _variant_not_a_temperature(atom, text):
        return True  # its last 777F: three digits and a scale letter, and no word of heat
    return _model_word_after(text, atom.end)


def _variant_not_a_temperature(atom: Atom, text: str) -> bool:
    """``777F`` with no word of temperature about it: the letter names a variant, not a scale.

    Only a whole number hotter than any weather counts (``118F`` and ``38.4C``
    stay temperatures), and any cue of weather, cooking or the body keeps it one.
    """
    number = text[atom.num_start : atom.num_end]
    if atom.dimension != "temperature" or not number.isdigit() or atom.unit is None:
        return False
    if atom.value is None or atom.value <= hottest_weather(atom.unit):
        return False
    if word_before(atom, text).lower() in _scale_before():
        return False  # water at 320C, reaches 127C: a value's word, not a name's
    if _RESTATED_SCALE.match(text, atom.end, atom.end + _RESTATED_SCALE_REACH, KEEP_GIL):
        return False  # 127C (260F): restated on the other scale
    if _RESTATING_SCALE.search(
        text, max(0, atom.start - _RESTATED_SCALE_REACH), atom.start, KEEP_GIL
    ):
        return False  # the (260F) of 127C (260F)
    return temperature_context(atom, text) is None


@cache
def _scale_before() -> frozenset[str]:
    """The words of ``[scale_before]`` in ``cues.txt``, lower-cased."""
    return frozenset(word.lower() for word in cue_words("scale_before"))


#: A temperature restated on another scale in brackets: `` (260F)``.
_RESTATED_SCALE = regex.compile(r" ?\(\d[\d.,]*\s?°?[CF]\)")
_RESTATED_SCALE_REACH = 12
#: The temperature before such a bracket: ``127C (``.
_RESTATING_SCALE = regex.compile(r"\d\s?°?[CF] ?\($")


def _variant_letter(atom: Atom, text: str) -> bool:
    """A measure whose unit is one capital letter, glued or after a hyphen: ``777F``, ``10-K``."""
    if atom.kind != "measure" or atom.form != "digits" or atom.scaled or atom.is_range:
        return False
    letter = text[atom.num_end : atom.end]
    return len(letter.lstrip("-")) == 1 and letter[-1].isupper()


def _model_word_after(text: str, end: int) -> bool:
    """True where one space and a model word follow ``end``: `` Dreamliner``, `` filing``."""
    after = end + 1
    if text[end:after] not in _SPACE_SET or text[after : after + 1] not in _model_initials():
        return False  # the screen: a space, and the first letter of a model word
    match = _WORD_AT.match(text, after, after + _MODEL_WORD_REACH, KEEP_GIL)
    return (
        match is not None
        and match.group() in filter_words().model_after
        and not text[match.end() : match.end() + 1].isalnum()
    )


def _version_before_word(atom: Atom, text: str) -> bool:
    """``the 2.0 update``, ``a 4.1 release``: a number with a decimal point names a version."""
    end = atom.end
    if atom.scaled or text[end : end + 1] not in _SPACE_SET:
        return False
    if "." not in text[atom.num_start : atom.num_end]:
        return False
    match = _WORD_AT.match(text, end + 1, end + 1 + _MODEL_WORD_REACH, KEEP_GIL)
    return (
        match is not None
        and match.group().lower() in filter_words().version_after
        and not text[match.end() : match.end() + 1].isalnum()
    )


#: How far either side of a code before a number a word of fuel is looked for: a clause.
_FUEL_REACH = 40
#: The octane ratings a pump sells (research octane numbers, whole).
_OCTANES = (80, 110)


def is_fuel_grade(atom: Atom, text: str) -> bool:
    """``RON 95 unleaded``, ``RON 98 petrol``: an octane rating, not an amount of Romanian lei.

    Only a code of ``[fuel_grade]`` written before a whole number that an
    octane rating may be, with one of its words of fuel within about a
    clause either side: ``RON 7 a litre of petrol`` is a price.
    """
    if atom.kind != "money" or atom.currency not in filter_words().fuel_grades:
        return False
    if text[atom.start : atom.num_start].strip(SPACE_CHARS) != atom.currency:
        return False
    number = text[atom.num_start : atom.num_end]
    if atom.scaled or not number.isdigit() or not _OCTANES[0] <= int(number) <= _OCTANES[1]:
        return False  # RON 7 a litre of petrol is a price
    start, end = max(0, atom.start - _FUEL_REACH), atom.end + _FUEL_REACH
    return _fuel_words(atom.currency).search(text, start, end, KEEP_GIL) is not None


@cache
def _fuel_words(code: str) -> regex.Pattern[str]:
    """The words of fuel that make ``code`` before a number a grade: ``petrol``, ``octane``."""
    return regex.compile(r"(?i)\b(?:\L<words>)\b", words=list(filter_words().fuel_grades[code]))
