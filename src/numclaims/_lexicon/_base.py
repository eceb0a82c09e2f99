"""What every table of the lexicon shares: reading a section, folding case, inverting a table."""

from __future__ import annotations

from collections.abc import Iterable

from numclaims._data import load

__all__ = ["fold", "folded_set", "invert", "lower_set", "read_section"]


def read_section(name: str, section: str) -> dict[str, tuple[str, ...]]:
    return {e.key: e.surfaces for e in load(name) if e.section == section}


def fold(surface: str) -> str:
    """Case-fold ``surface`` the way the regex engine compares it.

    ``str.casefold`` turns ``İ`` into ``i`` plus a combining dot, which the
    engine's case-insensitive matching ignores; so does this.

    >>> fold("THOUSAND"), fold("thouſand"), fold("mİles")
    ('thousand', 'thousand', 'miles')
    """
    return surface.casefold().replace("\u0307", "")


def invert(table: dict[str, tuple[str, ...]], *, folded: bool) -> dict[str, str]:
    """Map each surface (case-folded when ``folded``) to its key.

    Lookups fold the same way (``str.casefold``), so that any text the regex
    engine matches case-insensitively (``THOUSAND``, ``thouſand``) is found.
    """
    return {(fold(s) if folded else s): key for key, surfaces in table.items() for s in surfaces}


def folded_set(surfaces: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in surfaces)


def lower_set(surfaces: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in surfaces)
