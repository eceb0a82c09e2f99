"""The one place that knows the order of the stages.

``iter_atoms`` streams a text through the stages, holding at most one
number of look-ahead, so memory stays bounded however long the text:

1. scan (``_scan``): triggers and the master pattern find each number;
2. values (``_numbers``): the scanner reads the value of each;
3. tails (``_units``): scale, currency, percent or unit after it;
4. merge (``_merge``): composite measures, ratios and ranges join neighbours;
   ``_relations`` joins ratios (``3 in 10``) and reads multiples (``2x``, ``doubled``);
5. bounds (``_bounds``): ``up to``, ``more than``, ``or more``;
6. filters (``_filters``): years, dates, times, names, IDs are dropped;
7. changes (``_changes``): the change stated (``rose 5%``);
8. entities (``_entities``): the thing counted;
9. results (``_normalise``): SI values, and the public models built here.

Each stage module's docstring opens with its number; docs/architecture.md
has the map, with what each stage fills in on the ``Atom``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from numclaims._bounds import read_bound
from numclaims._changes import read_change
from numclaims._entities import TextContext, read_entity
from numclaims._filters import non_quantity
from numclaims._lexicon import merge_words, relation_words
from numclaims._merge import composite_allowed, merge_composite, merge_range, merge_uncertainty
from numclaims._normalise import convert_raw, si_conversion
from numclaims._relations import merge_ratio, with_relations
from numclaims._scan import Atom, find_triggers, scan
from numclaims._temperature import read_difference
from numclaims._text import SPACE_CHARS, folded_whole
from numclaims._units import read_age, read_tail, shared_prefix_taken
from numclaims.models import Options, Quantity

if TYPE_CHECKING:
    from numclaims._vocabulary import Vocabulary

__all__ = ["iter_atoms", "to_quantity"]


def iter_atoms(text: str, options: Options) -> Iterator[Atom]:
    """Yield the quantities of ``text`` as internal atoms, in order."""
    previous: Atom | None = None
    floor = 0  # where the last quantity, kept or not, ends
    context: TextContext | None = None  # what the entity reader keeps of this text, and only of it
    vocabulary = options.vocabulary
    folded = folded_whole(text)  # lowered once for the scanner and the relation finder
    triggers, relation = find_triggers(text, folded)  # relation: where its first word stands
    tailed = _with_tails(scan(text, vocabulary, triggers), text, options)
    atoms = with_relations(_merged(tailed, text), text, folded, relation)
    following = next(atoms, None)  # one more atom of look-ahead
    while following is not None:
        atom, following = following, next(atoms, None)
        read_bound(atom, text, floor)
        if atom.kind == "number" and _bound_glued_after(atom, text):
            atom = _tail_after_bound(atom, text, options, following)
        floor = atom.end
        if non_quantity(atom, text, vocabulary) is not None:
            continue
        read_change(atom, text, previous)
        read_difference(atom, text, options)
        if options.entities:
            if context is None:
                context = TextContext(text)
            read_entity(atom, context)
        previous = atom
        yield atom


def _tail_after_bound(atom: Atom, text: str, options: Options, following: Atom | None) -> Atom:
    """``100-plus years``: the unit after a glued bound, unless it runs into the next number.

    In ``3+€.2`` the ``€`` is the next amount's currency: a tail read past the
    bound would claim it twice, so the atom keeps the end it had.
    """
    trial = atom.copy()
    read_tail(trial, text, options)
    return trial if following is None or trial.end <= following.start else atom


def _bound_glued_after(atom: Atom, text: str) -> bool:
    """True where a bound glued to the number ends the atom: ``100-plus``, ``65+``."""
    qualifier = atom.qualifier
    return (
        qualifier is not None
        and not qualifier[0].isalnum()
        and not any(char in SPACE_CHARS for char in qualifier)
        and text.endswith(qualifier, atom.start, atom.end)
    )


def _with_tails(atoms: Iterable[Atom], text: str, options: Options) -> Iterator[Atom]:
    previous: Atom | None = None
    for atom in atoms:
        if (
            previous is not None
            and atom.start < previous.end
            and not shared_prefix_taken(atom, previous.end)
        ):
            continue  # inside the tail of the previous number (half *an* hour)
        read_tail(atom, text, options, composite=composite_allowed(previous, atom, text))
        read_age(atom, text)
        previous = atom
        yield atom


def _merged(atoms: Iterable[Atom], text: str) -> Iterator[Atom]:
    pending: Atom | None = None
    for atom in atoms:
        if pending is not None:
            joined = (
                (
                    merge_composite(pending, atom, text, convert_raw)
                    or merge_uncertainty(pending, atom, text)
                    or merge_ratio(pending, atom, text)
                    or merge_range(pending, atom, text)
                )
                if _may_join(pending, atom, text)
                else None
            )
            if joined is not None:
                pending = joined
                continue
            yield pending
        pending = atom
    if pending is not None:
        yield pending


#: The kinds of the first number of a composite (``5 ft 10 in``, ``3 dollars 50 cents``).
_COMPOSITE_KINDS = frozenset({"measure", "money"})


def _may_join(first: Atom, second: Atom, text: str) -> bool:
    """False where no merge of stage 4 can join ``first`` and ``second`` (a screen).

    Every merge wants the gap between the two, without its spaces, to be one
    of a few words: a range's connector (``to``), a ratio's (``in``, ``out
    of``, up to the second's digits), an uncertainty's ``±`` (or the start of
    one that the second number's sign ends: ``+/-6.1``), or after a measure or
    an amount, a composite's links (``,``, ``and``).  Most gaps are a run of
    words that is none of them.
    """
    if second.num_start != second.start and _joins(
        text[first.end : second.num_start].strip(SPACE_CHARS)
    ):
        return True
    gap = text[first.end : second.start].strip(SPACE_CHARS)
    if first.kind in _COMPOSITE_KINDS and _links_only(gap):
        return True
    return _joins(gap)


def _joins(gap: str) -> bool:
    """True where ``gap`` (spaces stripped) may be a connector, a ratio's word or a ``±``.

    Outside ASCII, any gap no longer than the longest of them: case folding
    never makes a text longer than what it matches.
    """
    gaps, longest = _joining_gaps()
    return gap.lower() in gaps if gap.isascii() else len(gap) <= longest


@cache
def _joining_gaps() -> tuple[frozenset[str], int]:
    """The gaps, lower-cased, that a range, ratio or uncertainty joins across; the longest."""
    words = merge_words()
    signs = {surface[:cut] for surface in words.plus_minus for cut in range(len(surface) + 1)}
    gaps = frozenset(gap.lower() for gap in {*words.connectors, *relation_words().ratio, *signs})
    return gaps, max(map(len, gaps))


def _links_only(gap: str) -> bool:
    """True where ``gap`` (spaces stripped) may be the links of a composite: ``and``, ``,``."""
    return _link_run().fullmatch(gap.lower()) is not None


@cache
def _link_run() -> re.Pattern[str]:
    """Spaces and the links of a composite, any number, in any case (a screen)."""
    links = "|".join(re.escape(link.lower()) for link in merge_words().composite_links)
    return re.compile(f"(?:{links}|[{SPACE_CHARS}])*")


def to_quantity(atom: Atom, text: str, vocabulary: Vocabulary | None = None) -> Quantity:
    """Build the public model for ``atom`` (whose unit may be one of a user's ``vocabulary``)."""
    si_value, si_low, si_high, si_unit = _si_fields(atom, vocabulary)
    # the fields in the model's order, as validation would keep them
    return _build(
        {
            "kind": atom.kind,
            "text": text[atom.start : atom.end],
            "start": atom.start,
            "end": atom.end,
            "value": atom.value,
            "low": atom.low,
            "high": atom.high,
            "uncertainty": atom.uncertainty,
            "unit": atom.unit,
            "bound": atom.bound,
            "qualifier": atom.qualifier,
            "entity": atom.entity,
            "entity_span": atom.entity_span,
            "change": atom.change,
            "is_delta": atom.is_delta,
            "per": atom.per,
            "si_value": si_value,
            "si_low": si_low,
            "si_high": si_high,
            "si_unit": si_unit,
            "numerator": atom.numerator,
            "denominator": atom.denominator,
        }
    )


def _built(fields: dict[str, object]) -> Quantity:
    """The model of ``fields``, not validated again (a shortcut: :data:`_validate` checks them).

    The stages fill in an atom with the model's own types (floats, never
    ints; a tuple span) and consistent values, so validation would change
    nothing; it would only cost a pass over every field and the model's checks.
    """
    quantity: Quantity = _new(Quantity)
    _set(quantity, "__dict__", fields)
    _set(quantity, "__pydantic_fields_set__", set(fields))
    _set(quantity, "__pydantic_extra__", None)
    _set(quantity, "__pydantic_private__", None)
    return quantity


_new = object.__new__
_set = object.__setattr__
#: Quantity.model_validate without its wrapper: the long way round of :func:`_built`.
_validate: Callable[[dict[str, object]], Quantity] = Quantity.__pydantic_validator__.validate_python
_build: Callable[[dict[str, object]], Quantity] = _built


_NO_SI: tuple[None, None, None, None] = (None, None, None, None)


def _si_fields(
    atom: Atom, vocabulary: Vocabulary | None
) -> tuple[float | None, float | None, float | None, str | None]:
    """``(si_value, si_low, si_high, si_unit)`` of a measure; all None where there are none.

    A single value gives ``si_value``, a range ``si_low`` and ``si_high``, so
    that a range is never collapsed to one end or its midpoint.  All are None
    for a unit with no affine SI rule (decibels) and for a value whose SI value
    is past the range of a float (1e300 light years in metres): infinity is
    no value.
    """
    if atom.kind != "measure" or not atom.unit:
        return _NO_SI
    conversion = si_conversion(atom.unit, vocabulary)
    if conversion is None:
        return _NO_SI
    factor, offset, unit = conversion
    if atom.value is not None:
        si_value = atom.value * factor + offset
        return (si_value, None, None, unit) if math.isfinite(si_value) else _NO_SI
    assert atom.low is not None and atom.high is not None
    si_low, si_high = atom.low * factor + offset, atom.high * factor + offset
    if math.isfinite(si_low) and math.isfinite(si_high):
        return None, si_low, si_high, unit
    return _NO_SI
