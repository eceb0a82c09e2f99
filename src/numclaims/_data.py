"""Load the vocabularies under ``numclaims/data``.

Every vocabulary is a small text file in one format, so that adding a word
is a one-line diff::

    # a comment runs to the end of the line
    [section]                 # groups the entries below it (optional)
    key = surface | surface   # an entry: what the surfaces mean, and how English writes it
    key =                     # the same entry, one surface per indented line
        surface
        surface
    surface                   # a plain list: a section of surfaces with no key

Keys are what a surface means (an ISO code, a pint unit, a multiplier, a
bound); surfaces are how English writes it.  A key given twice in a section
adds to the same entry.  Blank lines and comments are ignored; surfaces keep
their inner spaces.  Files are read once, on first use, and cached.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import NamedTuple

__all__ = ["DataSyntaxError", "Entry", "load", "parse", "parse_lines", "words"]


class DataSyntaxError(ValueError):
    """A line of vocabulary text breaks the syntax; ``line`` and ``problem`` say where and how."""

    def __init__(self, name: str, line: int, problem: str) -> None:
        super().__init__(f"{name}.txt:{line}: {problem}")
        self.line = line
        self.problem = problem


class Entry(NamedTuple):
    """One entry of a vocabulary file: a key and its surfaces (key ``""`` for a plain list)."""

    section: str
    key: str
    surfaces: tuple[str, ...]
    line: int


@cache
def load(name: str) -> tuple[Entry, ...]:
    """The entries of ``data/<name>.txt``, in file order."""
    text = resources.files("numclaims").joinpath(f"data/{name}.txt").read_text("utf-8")
    return tuple(parse(text, name))


def words(name: str, section: str) -> tuple[str, ...]:
    """The plain list that makes up ``[section]`` of ``data/<name>.txt``.

    >>> words("entity_words", "manner")
    ('pace', 'rate', 'clip')
    """
    for entry in load(name):
        if entry.section == section and not entry.key:
            return entry.surfaces
    raise KeyError(f"{name}.txt has no plain list [{section}]")


def _surfaces(rest: str) -> list[str]:
    return [s.strip() for s in rest.split("|") if s.strip()]


def parse(text: str, name: str = "<string>") -> list[Entry]:
    """Parse vocabulary text; raise ``ValueError`` naming the line on bad syntax.

    >>> parse("[money]\\nGBP = £ | quid  # sterling\\nGBP =\\n  pound sterling")
    [Entry(section='money', key='GBP', surfaces=('£', 'quid', 'pound sterling'), line=2)]
    >>> parse("[stop]\\nthe\\na")
    [Entry(section='stop', key='', surfaces=('the', 'a'), line=2)]
    """
    entries: dict[tuple[str, str], Entry] = {}
    for line in parse_lines(text, name):
        old = entries.get((line.section, line.key))
        if old is None:
            entries[line.section, line.key] = line
        else:
            entries[line.section, line.key] = old._replace(surfaces=old.surfaces + line.surfaces)
    for entry in entries.values():
        if not entry.surfaces:
            raise DataSyntaxError(name, entry.line, f"'{entry.key} =' has no surface")
    return list(entries.values())


def parse_lines(text: str, name: str = "<string>") -> list[Entry]:
    """The entries of vocabulary text one source line at a time, each with its own line.

    :func:`parse` joins those of one key; this keeps where each surface was
    written, for the errors of a user's vocabulary (``numclaims.Vocabulary``).

    >>> [(e.key, e.surfaces, e.line) for e in parse_lines("GBP = £\\nGBP =\\n  quid")]
    [('GBP', ('£',), 1), ('GBP', (), 2), ('GBP', ('quid',), 3)]
    """
    lines: list[Entry] = []
    section = ""
    current: str | None = None  # the key an indented line continues
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if raw[:1].isspace():
            if current is None:
                raise DataSyntaxError(name, number, "an indented line continues no 'key ='")
            lines.append(Entry(section, current, tuple(_surfaces(line)), number))
        elif line.startswith("[") and line.endswith("]"):
            section, current = line[1:-1].strip(), None
        elif " = " in line or line.endswith(" ="):
            key, _, rest = line.partition("=")
            key = key.strip()
            current = key if not rest.strip() else None
            lines.append(Entry(section, key, tuple(_surfaces(rest)), number))
        else:
            current = None
            lines.append(Entry(section, "", tuple(_surfaces(line)), number))
    return lines
