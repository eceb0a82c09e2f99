"""Parser bugs the properties found, reported to the lead, and excluded until fixed.

Each open bug has a minimal failing example pinned as a strict ``xfail``
regression test in ``tests/test_adversarial.py`` (named below).  The
properties ``reject()`` or skip an example only when its failure matches one
of these signatures exactly, so every other input is still checked, and a new
kind of failure still fails the property.  When the parser is fixed, the
regression test XPASSes (strict): delete its ``xfail`` and its entry here.

Fixed so far (their regression tests are plain tests now): a decimal before a
fraction bar (``1.5/2``), exponents past the float range (``1e309``), values
and SI values past the float range (``1e308 thousand``, ``1e308 km``), a range
before a composite unit (``1-2 ft 3 in``), ``thouſand``, ``İstanbul``
shifting later number words, and a ``+`` read by two quantities (``3%+.2``,
tests/test_overlap.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from hypothesis import note, reject

from numclaims import Quantity

T = TypeVar("T")


def known_failure(error: BaseException) -> str | None:
    """The name of the open bug class ``error`` belongs to, or None for a new failure.

    No bug class is open: every one the properties found is fixed and pinned by
    a ``test_regression_*`` test in tests/test_adversarial.py.  A new one goes
    here, with a strict-xfail ``test_bug_*`` test, until it is fixed.
    """
    del error
    return None


def known_overlap(first: Quantity, second: Quantity) -> bool:
    """Whether the overlap of ``first`` and ``second`` is an open, reported bug (none is).

    An open one would be matched here by its exact signature, as the ``+`` of
    ``3%+.2`` read by both quantities was until it was fixed: the two share one
    character, a ``+`` ending the first and starting the second.
    """
    del first, second
    return False


def known_claim_bug(before: str, claim: str) -> str | None:
    """The open bug a rendered claim (after the text ``before`` it) runs into (none is)."""
    del before, claim
    return None


#: Wrappers that change a claim's meaning through an open bug (none is open).
KNOWN_BAD_WRAPPERS: frozenset[tuple[str, str]] = frozenset()


def or_reject(parse: Callable[[], T]) -> T:
    """Run ``parse``; reject the example when it fails by an open, reported bug."""
    try:
        return parse()
    except Exception as error:
        bug = known_failure(error)
        if bug is None:
            raise
        note(f"known bug: {bug}")
        reject()
