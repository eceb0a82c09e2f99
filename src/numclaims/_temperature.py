"""Temperatures: the scale of bare degrees, and differences of temperature.

Two decisions the unit alone does not make, both from the words of
``cues.txt``:

* :func:`bare_degrees` (stage 3): a bare ``degrees`` or ``°`` is a
  temperature near words of weather, cooking or the body, and otherwise an
  angle.  Its scale is ``Options.degrees`` unless the value rules Celsius
  out: no oven reaches 260 °C (``preheat to 400°``), no body 45 °C (``a fever
  of 102 degrees``) and no weather 60 °C (``a high of 95 degrees``).
* :func:`read_difference` (after stage 7): a temperature that is the size of
  a change (``rose 3 degrees``, ``a 2C rise``) or a difference from another
  (``5C warmer``, ``10 degrees below normal``) is in pint's delta units
  (``delta_degree_Celsius``), so its SI value is 3 K, not 276.15 K.
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType

import regex

from numclaims._atoms import Atom
from numclaims._bounds import last_word
from numclaims._lexicon import cue_words
from numclaims._tails import TAIL_REACH, cue_pattern
from numclaims._text import KEEP_GIL, SPACE, WORD_REACH, ahead
from numclaims.models import Options

__all__ = [
    "DELTA_UNITS",
    "bare_degrees",
    "hottest_weather",
    "read_difference",
    "temperature_context",
]

#: How far either side of a bare ``degrees`` the words that settle it are looked for.
_CLAUSE_REACH = 80

#: The highest value in Celsius each context admits; past it the scale is Fahrenheit.
_CELSIUS_CEILING = MappingProxyType({"oven": 260.0, "body": 45.0, "temperature": 60.0})

#: The scale of ``Options.degrees``.
_SCALES = MappingProxyType({"celsius": "degree_Celsius", "fahrenheit": "degree_Fahrenheit"})

#: A temperature scale -> its unit of difference.
DELTA_UNITS = MappingProxyType(
    {
        "degree_Celsius": "delta_degree_Celsius",
        "degree_Fahrenheit": "delta_degree_Fahrenheit",
    }
)


def bare_degrees(atom: Atom, text: str, options: Options) -> str | None:
    """The temperature unit of a bare ``degrees`` or ``°`` after ``atom``, or None for an angle."""
    context = temperature_context(atom, text)
    if context is None:
        return None
    value = atom.value if atom.value is not None else atom.high
    if value is not None and value > _CELSIUS_CEILING[context]:
        return "degree_Fahrenheit"
    return _SCALES[options.degrees]


def temperature_context(atom: Atom, text: str) -> str | None:
    """The kind of words of temperature around ``atom`` (``oven``, ``body``, ``temperature``),
    or None where there are none within about a clause."""
    start, end = max(0, atom.start - _CLAUSE_REACH), atom.end + WORD_REACH
    return next(
        (
            c
            for c in ("oven", "body", "temperature")
            if cue_pattern(c).search(text, start, end, KEEP_GIL)
        ),
        None,
    )


def hottest_weather(unit: str) -> float:
    """The highest value weather reaches on the scale of ``unit`` (60 °C, 140 °F)."""
    ceiling = _CELSIUS_CEILING["temperature"]
    return ceiling * 9 / 5 + 32 if unit == "degree_Fahrenheit" else ceiling


def read_difference(atom: Atom, text: str, options: Options) -> None:
    """Put a temperature that is a change or a difference into pint's delta units."""
    if atom.kind != "measure" or atom.unit not in _TEMPERATURE_OR_ANGLE:
        return
    changed = (atom.is_delta and atom.change is not None) or _by_before(text, atom.start)
    if not changed and ahead(_difference_after(), text, atom.end, _DIFFERENCE_REACH) is None:
        return
    if atom.unit == "degree":  # rose 3 degrees: an angle does not rise
        atom.unit = _SCALES[options.degrees]
        atom.dimension = "temperature"
    atom.unit = DELTA_UNITS[atom.unit]


def _by_before(text: str, start: int) -> bool:
    """True for a word of ``[difference_before]`` right before: ``beat the record by 0.9C``."""
    return last_word(text, start, max(0, start - _BY_REACH)) in _differences_before()


@cache
def _differences_before() -> frozenset[str]:
    """The words of ``[difference_before]``, lower-cased."""
    return frozenset(word.lower() for word in cue_words("difference_before"))


#: Room for the longest word of ``[difference_before]`` and the spaces around it.
_BY_REACH = 8
_TEMPERATURE_OR_ANGLE = frozenset({*DELTA_UNITS, "degree"})
#: Enough for ``above the pre-industrial average``.
_DIFFERENCE_REACH = TAIL_REACH + WORD_REACH


@cache
def _difference_after() -> regex.Pattern[str]:
    """``warmer``, ``higher than``, ``below normal``, ``above the pre-industrial average``."""
    return regex.compile(
        rf"""
        {SPACE}+
        (?i:
            (?:\L<warmer>)\b                      # 5C warmer, 0.6C higher than
          | (?:above|below)                       # 10 degrees below normal
            (?:{SPACE}+[\w-]+){{0,2}}?            # the (long-term)
            {SPACE}+(?:\L<reference>)\b           # average
        )
        """,
        regex.VERBOSE,
        warmer=list(cue_words("warmer")),
        reference=list(cue_words("reference")),
    )
