"""Whether a number stands inside a quotation: the foot and inch marks of a keyboard.

``30'`` and ``10"`` are feet and inches, but in ``the "top 10" list`` the
mark closes a quotation.  Stage 3 (``numclaims._units``) asks
:func:`in_quotation` before it reads a mark of ``units.txt``'s ``[mark]``
section as a unit.
"""

from __future__ import annotations

from functools import cache

import regex

from numclaims._text import KEEP_GIL

__all__ = ["in_quotation"]

#: How far before a number an opening quote mark is looked for: about a sentence.
_QUOTE_REACH = 200


@cache
def _quote_marks(mark: str) -> regex.Pattern[str]:
    """``mark`` opening a quotation (after a space, before a word) or closing one."""
    m = regex.escape(mark)
    return regex.compile(
        rf"(?P<opens>(?:^|(?<=[\s(\[“‘])){m}(?=\S))|(?P<closes>(?<=\S){m}(?=[\s,.;:!?)\]]|$))"
    )


def in_quotation(text: str, start: int, mark: str) -> bool:
    """True where the number at ``start`` stands in a quotation that ``mark`` would close.

    The quotation marks of the line before it, within about a sentence, are
    read in order: the last one opened a quotation (``the "top 10" list``).
    A mark that closes none, as an inch mark does (``a 10" screen and a 1/8"
    gap``), or a closing mark whose opening lies beyond the window, changes
    nothing.
    """
    line_start = text.rfind("\n", max(0, start - _QUOTE_REACH), start) + 1
    window = text[max(line_start, start - _QUOTE_REACH) : start + 1]  # "1: opens before a 1
    quoted = False
    for match in _quote_marks(mark).finditer(window, None, None, False, KEEP_GIL):
        quoted = match.group("opens") is not None
    return quoted
