#!/usr/bin/env python3
"""Atheris fuzz target: parse_quantities on arbitrary bytes, decoded as UTF-8.

Every input is decoded with ``errors="replace"`` and parsed.  A failure is:

* any exception from ``parse_quantities``;
* a result that breaks a span invariant: ``text == input[start:end]``, spans
  inside the input, sorted and non-overlapping, finite values, ``low <= high``;
* one parse slower than ``NUMCLAIMS_FUZZ_SECONDS`` (default 1 s) for an input
  of at most 64 KB: the parser promises linear time.

Run it (atheris is the ``fuzz`` extra; see fuzz/README.md)::

    python fuzz/fuzz_parse.py -max_total_time=60 fuzz/corpus fuzz/seeds

Defaults added when not given: the corpus directories ``fuzz/corpus`` (new
inputs are written there; git-ignored) and ``fuzz/seeds`` (read only),
``-dict=fuzz/numclaims.dict`` and ``-artifact_prefix=fuzz/crashes/``.  When the
first corpus directory given is ``fuzz/seeds``, ``fuzz/corpus`` is put before
it, so that libFuzzer never writes into the tracked seeds.

``NUMCLAIMS_FUZZ_KNOWN=skip`` ignores failures of the bug classes already
reported and pinned as strict xfails (tests/properties/known_bugs.py), so a
long run can look past them for new ones.
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["numclaims"]):
    import numclaims
    from numclaims import parse_quantities

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
CORPUS = HERE / "corpus"
CRASHES = HERE / "crashes"
DICTIONARY = HERE / "numclaims.dict"

MAX_TIMED_LENGTH = 64 * 1024
SECONDS = float(os.environ.get("NUMCLAIMS_FUZZ_SECONDS", "1.0"))


class SlowInput(Exception):
    """One parse took longer than the bound for its size."""


class BrokenInvariant(AssertionError):
    """A result broke a span or value invariant."""


def _known_failure() -> tuple[Callable[..., object], Callable[..., bool]] | None:
    """known_bugs.known_failure when NUMCLAIMS_FUZZ_KNOWN=skip, else None."""
    if os.environ.get("NUMCLAIMS_FUZZ_KNOWN") != "skip":
        return None
    sys.path.insert(0, str(HERE.parent / "tests"))
    from properties.known_bugs import known_failure, known_overlap

    return known_failure, known_overlap


KNOWN = _known_failure()


def check(text: str, found: list[numclaims.Quantity]) -> None:
    """Raise BrokenInvariant unless ``found`` is a valid result list for ``text``."""
    previous = None
    for q in found:
        if not (0 <= q.start < q.end <= len(text)) or text[q.start : q.end] != q.text:
            raise BrokenInvariant(f"span {q.start}:{q.end} {q.text!r} does not index the input")
        overlap = previous is not None and q.start < previous.end
        if overlap and (KNOWN is None or not KNOWN[1](previous, q)):
            raise BrokenInvariant(f"{previous.text!r} overlaps {q.text!r}")
        for number in (q.value, q.low, q.high, q.si_value, q.si_low, q.si_high):
            if number is not None and not math.isfinite(number):
                raise BrokenInvariant(f"non-finite number in {q!r}")
        if (q.low is None) != (q.high is None) or (q.low is not None and q.low > q.high):
            raise BrokenInvariant(f"bad range in {q!r}")
        previous = q


def TestOneInput(data: bytes) -> None:
    """Parse one input; raise on any exception, broken invariant or slow parse."""
    text = data.decode("utf-8", errors="replace")
    start = time.perf_counter()
    try:
        found = parse_quantities(text)
    except Exception as error:
        if KNOWN is not None and KNOWN[0](error) is not None:
            return
        raise
    elapsed = time.perf_counter() - start
    check(text, found)
    if elapsed > SECONDS and len(text) <= MAX_TIMED_LENGTH:
        raise SlowInput(f"{elapsed:.2f} s for {len(text)} characters")


def _arguments(argv: list[str]) -> list[str]:
    flags = [a for a in argv[1:] if a.startswith("-")]
    dirs = [a for a in argv[1:] if not a.startswith("-")]
    if not any(f.startswith("-artifact_prefix=") for f in flags):
        CRASHES.mkdir(exist_ok=True)
        flags.append(f"-artifact_prefix={CRASHES}/")
    if not any(f.startswith("-dict=") for f in flags) and DICTIONARY.exists():
        flags.append(f"-dict={DICTIONARY}")
    if not dirs:
        dirs = [str(CORPUS), str(SEEDS)]
    elif Path(dirs[0]).resolve() == SEEDS and not any(f.startswith("-runs=") for f in flags):
        dirs.insert(0, str(CORPUS))  # never write new inputs into the tracked seeds
    for directory in dirs:
        if Path(directory).resolve() == CORPUS:
            CORPUS.mkdir(exist_ok=True)
    return [argv[0], *flags, *dirs]


def main() -> None:
    """Warm the lazy caches, then hand over to libFuzzer."""
    parse_quantities("Warm up: up to 5 km, £1.5bn, 40%, between 2 and 3 ft 4 in.")
    atheris.Setup(_arguments(sys.argv), TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
