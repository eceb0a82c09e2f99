"""The one place that knows the order of the stages.

``iter_atoms`` streams a text through the stages, holding at most one
number of look-ahead, so memory stays bounded however long the text:

1. scan (``_scan``): the master pattern finds each number;
2. tails (``_units``): scale, currency, percent or unit after it;
3. merge (``_bounds``): composite measures and ranges join neighbours;
4. bounds (``_bounds``): ``up to``, ``more than``, ``or more``;
5. filters (``_filters``): years, dates, times, names, IDs are dropped;
6. claims (``_bounds``, ``_entities``): the change stated, the thing counted;
7. results: SI values (``_normalise``) and the public models.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

from numclaims._bounds import (
    composite_allowed,
    merge_composite,
    merge_range,
    read_bound,
    read_change,
)
from numclaims._entities import TextContext, read_entity
from numclaims._filters import non_quantity
from numclaims._normalise import convert_value, si_conversion
from numclaims._scan import Atom, scan
from numclaims._units import read_age, read_tail
from numclaims.models import Options, Quantity

__all__ = ["iter_atoms", "to_quantity"]


def iter_atoms(text: str, options: Options) -> Iterator[Atom]:
    """Yield the quantities of ``text`` as internal atoms, in order."""
    previous: Atom | None = None
    floor = 0  # where the last quantity, kept or not, ends
    context = TextContext(text)  # what the entity reader keeps of this text, and only of it
    for atom in _merged(_with_tails(scan(text), text, options), text):
        read_bound(atom, text, floor)
        floor = atom.end
        if non_quantity(atom, text) is not None:
            continue
        read_change(atom, text, previous)
        if options.entities:
            read_entity(atom, context)
        previous = atom
        yield atom


def _with_tails(atoms: Iterable[Atom], text: str, options: Options) -> Iterator[Atom]:
    previous: Atom | None = None
    for atom in atoms:
        if previous is not None and atom.start < previous.end:
            continue  # inside the tail of the previous number (half *an* hour)
        read_tail(atom, text, options, composite=composite_allowed(previous, atom, text))
        read_age(atom, text)
        previous = atom
        yield atom


def _merged(atoms: Iterable[Atom], text: str) -> Iterator[Atom]:
    pending: Atom | None = None
    for atom in atoms:
        if pending is not None:
            joined = merge_composite(pending, atom, text, convert_value) or merge_range(
                pending, atom, text
            )
            if joined is not None:
                pending = joined
                continue
            yield pending
        pending = atom
    if pending is not None:
        yield pending


def to_quantity(atom: Atom, text: str) -> Quantity:
    """Build the public model for ``atom``."""
    si_value = si_unit = None
    conversion = si_conversion(atom.unit) if atom.kind == "measure" and atom.unit else None
    if conversion is not None:
        magnitude = atom.value if atom.value is not None else (atom.low or 0.0)
        si_value = magnitude * conversion.factor + conversion.offset
        si_unit = conversion.unit
        if not math.isfinite(si_value):  # 1e300 light years overflows in metres
            si_value = si_unit = None
    return Quantity(
        kind=atom.kind,
        text=text[atom.start : atom.end],
        start=atom.start,
        end=atom.end,
        value=atom.value,
        low=atom.low,
        high=atom.high,
        unit=atom.unit,
        bound=atom.bound,
        qualifier=atom.qualifier,
        entity=atom.entity,
        entity_span=atom.entity_span,
        change=atom.change,
        is_delta=atom.is_delta,
        per=atom.per,
        si_value=si_value,
        si_unit=si_unit,
    )
