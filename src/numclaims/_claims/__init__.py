"""Claim context: who asserts each quantity, how sure, and when (``extract_claims``).

The claim layer runs only when asked: it reads the quantities that
:func:`~numclaims.iter_quantities` yields, unchanged, and adds to each the
sentence that holds it (:mod:`numclaims._sentences`) and what that sentence
says about it: a source (:mod:`.sources`), a hedge (:mod:`.hedges`) and a time
(:mod:`.times`), each within its scope (:mod:`.clauses`).  Each sentence is
read once, however many quantities it holds.
"""

from __future__ import annotations

from collections.abc import Iterator

from numclaims._api import iter_argument
from numclaims.models import Claim, Options, Quantity

__all__ = ["extract_claims", "iter_claims"]


def iter_claims(text: str, *, options: Options | None = None) -> Iterator[Claim]:
    """Yield one :class:`~numclaims.Claim` per quantity of ``text``, in order.

    The quantities are exactly those of :func:`~numclaims.iter_quantities`;
    argument errors are raised at the call, as there.

    >>> [str(c.hedge) for c in iter_claims("Up to 40 may have died. 5 were hurt.")]
    ['may', 'None']
    """
    quantities = iter_argument(text, options, "text")
    return _claims(text, quantities)


def extract_claims(text: str, *, options: Options | None = None) -> list[Claim]:
    """The claims of ``text``: each quantity with its sentence, source, hedge and time.

    >>> claim = extract_claims("Sales rose 5% last year, the company said.")[0]
    >>> claim.quantity.text, claim.source.text, claim.time.text
    ('5%', 'the company', 'last year')
    """
    return list(iter_claims(text, options=options))


def _claims(text: str, quantities: Iterator[Quantity]) -> Iterator[Claim]:
    """The claims of ``quantities``, read one sentence at a time."""
    # The readers and their patterns load on the first call, not at import.
    from numclaims._sentences import sentence_finder

    finder = sentence_finder(text)
    current = (0, len(text))
    group: list[Quantity] = []
    for quantity in quantities:
        sentence = finder.around(quantity.start)
        if sentence != current and group:
            yield from _sentence_claims(text, current, group)
            group = []
        current = sentence
        group.append(quantity)
    if group:
        yield from _sentence_claims(text, current, group)


def _sentence_claims(
    text: str, sentence: tuple[int, int], quantities: list[Quantity]
) -> Iterator[Claim]:
    """The claims of the quantities of one sentence (widened to hold any that runs past it)."""
    from numclaims._claims.reader import read_sentence

    start = min(sentence[0], quantities[0].start)
    end = max(sentence[1], max(q.end for q in quantities))
    spans = [(q.start, q.end) for q in quantities]
    reading = read_sentence(text, start, end, spans)
    for quantity in quantities:
        yield reading.claim(quantity)
