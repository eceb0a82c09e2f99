"""What the stages agree on about text: what a space is, and how far a rule may look.

Every rule looks a bounded distance either side of a number, so the whole
pipeline stays linear in the length of the text.  The windows are named here
by what they must hold, and read through :func:`behind` (a reverse pattern,
``(?r)``, anchored at a position) and :func:`ahead` (a forward pattern).

>>> import regex
>>> WORD = regex.compile(r"(?r)(\\w+)" + SPACE + "+")
>>> behind(WORD, "rose by 5%", 8, WORD_REACH).group(1)
'by'
>>> ahead(regex.compile(SPACE + r"*(\\w+)"), "5 km away", 1, WORD_REACH).group(1)
'km'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Final

import regex

__all__ = [
    "FOLD_WINDOW",
    "KEEP_GIL",
    "PHRASE_REACH",
    "SPACE",
    "SPACES",
    "SPACE_CHARS",
    "THIN_SPACES",
    "WORD_REACH",
    "ahead",
    "ascii_folded",
    "behind",
    "folded_whole",
    "group_numbers",
    "trie",
]

#: The characters that separate the words of a phrase: space and no-break space.
#: Tabs and newlines end a phrase; thin and narrow spaces only group digits.
SPACE_CHARS: Final = " \u00a0"
#: The same, as a regex character class for patterns.
SPACE: Final = r"[\ \u00a0]"
#: The same, as a tuple for ``str.startswith`` / ``str.endswith``.
SPACES: Final = tuple(SPACE_CHARS)

#: The thin and narrow no-break spaces: they group digits (``1\u202f000``) and
#: may stand between a number and its unit (``5\u202fkm``), never between words.
THIN_SPACES: Final = "\u202f\u2009"

#: Enough for one word and the spaces around it.
WORD_REACH: Final = 40
#: Enough for a phrase of a few words (``as many as``, ``more than half of the``).
PHRASE_REACH: Final = 64

#: Characters of a text lowered (folded) at a time by a stage that reads it
#: case-blind: ``str.lower`` of text beyond Latin-1 takes 12 bytes a
#: character while it works, so a whole 5 MB text would cost 60 MB; a window
#: at a time keeps memory bounded however long the text.
FOLD_WINDOW: Final = 1 << 12


#: The ``concurrent`` argument of a ``regex`` match, passed by position: False keeps
#: the GIL.  By default the module lets go of the GIL around every match of a
#: ``str`` and takes it back after, which costs a bounded match of a few
#: characters more than the matching itself (about 1,600 instructions a call,
#: a third of a short match); no other thread gets any work done in that time.
KEEP_GIL: Final = False


#: Replacements that keep ``str.lower`` from moving or making an ASCII letter:
#: ``İ`` lowers to two characters and the kelvin sign to ``k``; the stand-ins
#: are letters outside ASCII that lower to themselves.  An underscore, a word
#: character to ``\b``, becomes a space, as it is no letter or digit to a trigger.
_FOLD_SAFE = str.maketrans({"\u0130": "\u0131", "\u212a": "\u0138", "_": " "})


def ascii_folded(text: str) -> str:
    """``text`` with its ASCII letters lowered and each character where it was."""
    if "_" in text or (not text.isascii() and ("\u0130" in text or "\u212a" in text)):
        text = text.translate(_FOLD_SAFE)
    return text.lower()


def folded_whole(text: str) -> str | None:
    """``text`` folded as the scanner folds a window (a space, then the text with its ASCII
    letters lowered), where it is one window; None for a longer text.  Folded once, it
    serves the scanner and the relation finder's screen alike."""
    return " " + ascii_folded(text) if len(text) <= FOLD_WINDOW else None


def behind(pattern: regex.Pattern[str], text: str, pos: int, reach: int) -> regex.Match[str] | None:
    """Match the reverse ``pattern`` so that it ends at ``pos``, reading at most ``reach`` back."""
    return pattern.match(text, pos - reach if pos > reach else 0, pos, KEEP_GIL)


def ahead(pattern: regex.Pattern[str], text: str, pos: int, reach: int) -> regex.Match[str] | None:
    """Match ``pattern`` from ``pos``, reading at most ``reach`` characters on."""
    return pattern.match(text, pos, pos + reach, KEEP_GIL)


@cache
def group_numbers(pattern: regex.Pattern[str]) -> Mapping[str, int]:
    """The number of each named group of ``pattern``, to read its matches' groups by.

    The ``regex`` module reads a group some 300 ns faster by number than by
    name: it first tries a name as a number, which raises an error and clears
    it.  The readers of hot patterns look the numbers up once per match.
    """
    return MappingProxyType(dict(pattern.groupindex))


def trie(words: Iterable[str]) -> str:
    """A pattern for ``words`` as a tree of shared prefixes: ``t(?:en|wo)``.

    >>> trie(["ten", "two", "t"])
    't(?:(?:en|wo))?'

    The stdlib engine tries the alternatives of a flat ``ten|two|...`` one
    by one at every word; nested by prefix, it tests each letter once.
    """
    branches: dict[str, list[str]] = {}
    whole = False
    for word in sorted(set(words)):
        if word:
            branches.setdefault(word[0], []).append(word[1:])
        else:
            whole = True
    parts = [re.escape(first) + trie(rest) for first, rest in branches.items()]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if whole else body
