"""Load the vocabularies under ``numclaims/data``.

Every vocabulary is a small text file in one format::

    # a comment runs to the end of the line
    [section]                         # optional; groups entries
    key = surface | surface | ...     # one entry

Keys are what a surface means (an ISO code, a pint unit, a multiplier, a
bound); surfaces are how English writes it.  Blank lines and comments are
ignored; surfaces keep their inner spaces.  Files are read once, on first
use, and cached.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import NamedTuple

__all__ = ["Entry", "load"]


class Entry(NamedTuple):
    """One ``key = surface | ...`` line of a vocabulary file."""

    section: str
    key: str
    surfaces: tuple[str, ...]
    line: int


@cache
def load(name: str) -> tuple[Entry, ...]:
    """The entries of ``data/<name>.txt``, in file order."""
    text = resources.files("numclaims").joinpath(f"data/{name}.txt").read_text("utf-8")
    return tuple(parse(text, name))


def parse(text: str, name: str = "<string>") -> list[Entry]:
    """Parse vocabulary text; raise ``ValueError`` naming the line on bad syntax.

    >>> parse("[money]\\nGBP = £ | quid  # sterling")
    [Entry(section='money', key='GBP', surfaces=('£', 'quid'), line=2)]
    """
    entries: list[Entry] = []
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        key, sep, rest = line.partition("=")
        surfaces = tuple(s.strip() for s in rest.split("|") if s.strip())
        if not sep or not key.strip() or not surfaces:
            raise ValueError(f"{name}.txt:{number}: expected 'key = surface | ...', got {raw!r}")
        entries.append(Entry(section, key.strip(), surfaces, number))
    return entries
