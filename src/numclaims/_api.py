"""The public functions: parse_quantities and iter_quantities."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from numclaims.errors import InputTooLongError, InputTypeError
from numclaims.models import Options, Quantity

if TYPE_CHECKING:
    from numclaims._scan import Atom
    from numclaims._vocabulary import Vocabulary

__all__ = ["iter_quantities", "parse_quantities"]

_DEFAULT_OPTIONS = Options()


def iter_quantities(text: str, *, options: Options | None = None) -> Iterator[Quantity]:
    """Yield the quantities of ``text`` one at a time, in order of appearance.

    The same results as :func:`parse_quantities`, produced lazily: memory
    stays bounded however long the text.  Argument errors are raised at the
    call, before the first result is requested.

    >>> [q.text for q in iter_quantities("Up to 647 tanks and 1,844 vehicles")]
    ['Up to 647', '1,844']
    """
    return iter_argument(text, options, "text")


def parse_quantities(text: str, *, options: Options | None = None) -> list[Quantity]:
    """Find the numeric claims in ``text``.

    Returns one frozen :class:`~numclaims.Quantity` per claim, in order of
    appearance and never overlapping, each with its exact span:
    ``text[q.start:q.end] == q.text``.

    Raises :class:`~numclaims.InputTypeError` (a ``TypeError``) when ``text``
    is not a ``str``, and :class:`~numclaims.InputTooLongError` when it is
    longer than ``options.max_length``.

    >>> q = parse_quantities("Russian oligarchs have lost £1.5billion worth of yachts.")[0]
    >>> q.kind, q.value, q.unit, q.text, q.start, q.end, q.entity
    ('money', 1500000000.0, 'GBP', '£1.5billion', 28, 39, 'yachts')
    """
    checked = _checked(text, options, "text")
    iter_atoms, to_quantity = _stages()
    vocabulary = checked.vocabulary
    return [to_quantity(atom, text, vocabulary) for atom in iter_atoms(text, checked)]


def iter_argument(text: str, options: Options | None, argument: str) -> Iterator[Quantity]:
    """:func:`iter_quantities`, its errors naming the text ``argument`` (``texts[3]``)."""
    checked = _checked(text, options, argument)
    iter_atoms, to_quantity = _stages()
    vocabulary = checked.vocabulary
    return (to_quantity(atom, text, vocabulary) for atom in iter_atoms(text, checked))


@cache
def _stages() -> tuple[
    Callable[[str, Options], Iterator[Atom]], Callable[[Atom, str, Vocabulary | None], Quantity]
]:
    """The pipeline's two entry points, imported on the first call, not at import.

    Importing numclaims stays cheap for code that never parses; an import
    statement run on every call would cost a short text as much as scanning it.
    """
    from numclaims._pipeline import iter_atoms, to_quantity

    return iter_atoms, to_quantity


def checked_options(options: object) -> Options:
    """``options``, or the defaults for None; InputTypeError for anything but an Options."""
    if options is None:
        return _DEFAULT_OPTIONS
    if not isinstance(options, Options):
        raise InputTypeError.for_value(options, "options", "Options")
    return options


def _checked(text: object, options: Options | None, argument: str) -> Options:
    if not isinstance(text, str):
        raise InputTypeError.for_value(text, argument)
    checked = checked_options(options)
    if checked.max_length is not None and len(text) > checked.max_length:
        raise InputTooLongError(
            f"{argument} is {len(text)} characters long; options.max_length is {checked.max_length}"
        )
    return checked
