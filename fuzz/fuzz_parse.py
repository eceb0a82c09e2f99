#!/usr/bin/env python3
"""Atheris fuzz target: parse_quantities on arbitrary bytes, decoded as UTF-8.

Every input is decoded with ``errors="replace"`` and parsed.  A failure is:

* any exception from ``parse_quantities``;
* a result that breaks an invariant of ``tests/properties/checks.py`` (the
  same function the Hypothesis properties call): ``text == input[start:end]``,
  sorted and non-overlapping spans, finite values, ``low <= high``, an entity
  span that indexes the input, and a ``model_dump``/JSON round trip that gives
  the same ``Quantity``;
* one parse slower than ``NUMCLAIMS_FUZZ_SECONDS`` (default 1 s) for an input
  of at most 64 KB: the parser promises linear time.

Run it (atheris is the ``fuzz`` extra; see fuzz/README.md)::

    python fuzz/fuzz_parse.py -max_total_time=60

Every module of the package is imported, and so instrumented, before the
fuzzer starts: the parser's stages are otherwise imported lazily, on the first
parse, when atheris no longer instruments anything.

Added when not given: ``-dict=fuzz/numclaims.dict``,
``-artifact_prefix=fuzz/crashes/`` and the corpus directories.  The first
directory is where libFuzzer writes new inputs (``fuzz/corpus`` when none is
given, and put in front when the first one given is ``fuzz/seeds``); the
tracked seeds ``fuzz/seeds`` and the sentences of the annotated corpus
(``benchmarks/corpus/*.jsonl``, written one a file into the git-ignored
``fuzz/sentences`` at start) are read after it.  Given files instead of
directories (a crash to reproduce), nothing is added but the flags.

``NUMCLAIMS_FUZZ_KNOWN=skip`` ignores failures of the bug classes already
reported and pinned as strict xfails (tests/properties/known_bugs.py), so a
long run can look past them for new ones.  Without it (as in CI), an open
bug the fuzzer reaches fails the run.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pkgutil
import sys
import time
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = HERE / "seeds"
CORPUS = HERE / "corpus"
SENTENCES = HERE / "sentences"
CRASHES = HERE / "crashes"
DICTIONARY = HERE / "numclaims.dict"
GOLD = ROOT / "benchmarks" / "corpus"

MAX_TIMED_LENGTH = 64 * 1024
SECONDS = float(os.environ.get("NUMCLAIMS_FUZZ_SECONDS", "1.0"))
SKIP_KNOWN = os.environ.get("NUMCLAIMS_FUZZ_KNOWN") == "skip"


def _instrumented_modules() -> list[str]:
    """Import, under atheris' instrumentation, every module of numclaims but ``__main__``."""
    with atheris.instrument_imports(include=["numclaims"]):
        import numclaims

        names = sorted(
            name
            for _, name, _ in pkgutil.walk_packages(numclaims.__path__, "numclaims.")
            if not name.endswith("__main__")
        )
        for name in names:
            importlib.import_module(name)
    return ["numclaims", *names]


INSTRUMENTED = _instrumented_modules()

from numclaims import Quantity, parse_quantities  # noqa: E402  (imported, instrumented, above)

sys.path.insert(0, str(ROOT / "tests"))
from properties.checks import check_invariants  # noqa: E402
from properties.known_bugs import known_failure, known_overlap  # noqa: E402


class SlowInput(Exception):
    """One parse took longer than the bound for its size."""


def _no_overlap_is_excused(first: Quantity, second: Quantity) -> bool:
    """Without NUMCLAIMS_FUZZ_KNOWN=skip, every overlap is a failure, known or not."""
    del first, second
    return False


EXCUSED_OVERLAP = known_overlap if SKIP_KNOWN else _no_overlap_is_excused


def TestOneInput(data: bytes) -> None:
    """Parse one input; raise on any exception, broken invariant or slow parse."""
    text = data.decode("utf-8", errors="replace")
    start = time.perf_counter()
    try:
        found = parse_quantities(text)
    except Exception as error:
        if SKIP_KNOWN and known_failure(error) is not None:
            return
        raise
    elapsed = time.perf_counter() - start
    check_invariants(text, found, excused=EXCUSED_OVERLAP)
    if elapsed > SECONDS and len(text) <= MAX_TIMED_LENGTH:
        raise SlowInput(f"{elapsed:.2f} s for {len(text)} characters")


def write_sentence_seeds(directory: Path = SENTENCES) -> int:
    """Write each sentence of the annotated corpus into ``directory``, one a file; the count.

    Files are named by the hash of their text, so rewriting them is idempotent.
    """
    directory.mkdir(exist_ok=True)
    count = 0
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            data = json.loads(line)["text"].encode("utf-8")
            name = hashlib.sha1(data, usedforsecurity=False).hexdigest()
            seed = directory / name
            if not seed.exists():
                seed.write_bytes(data)
            count += 1
    return count


def _arguments(argv: list[str]) -> list[str]:
    """libFuzzer's arguments, with the dictionary, artifact prefix and seed corpora added."""
    flags = [a for a in argv[1:] if a.startswith("-")]
    paths = [a for a in argv[1:] if not a.startswith("-")]
    if not any(f.startswith("-artifact_prefix=") for f in flags):
        CRASHES.mkdir(exist_ok=True)
        flags.append(f"-artifact_prefix={CRASHES}/")
    if not any(f.startswith("-dict=") for f in flags):
        flags.append(f"-dict={DICTIONARY}")
    if any(Path(p).is_file() for p in paths):
        return [argv[0], *flags, *paths]  # inputs to run once, such as a crash to reproduce
    dirs = [Path(p).resolve() for p in paths] or [CORPUS]
    if dirs[0] == SEEDS:
        dirs.insert(0, CORPUS)  # never write new inputs into the tracked seeds
    dirs[0].mkdir(parents=True, exist_ok=True)
    write_sentence_seeds()
    dirs += [d for d in (SEEDS, SENTENCES) if d not in dirs]
    return [argv[0], *flags, *map(str, dirs)]


def _warm_up() -> None:
    """Build the lazy caches (patterns, lexicon, pint's registry) before any parse is timed."""
    parse_quantities("Warm up: up to 5 km, £1.5bn, 40%, between 2 and 3 ft 4 in.")
    parse_quantities("They pump 5 barrels a day for 9 hrs 20 mins.")  # builds pint's registry
    for seed in sorted(SENTENCES.glob("*")):
        parse_quantities(seed.read_text(encoding="utf-8"))


def main() -> None:
    """Warm the lazy caches, then hand over to libFuzzer."""
    arguments = _arguments(sys.argv)
    _warm_up()
    print(f"INFO: numclaims modules instrumented: {len(INSTRUMENTED)}", file=sys.stderr)
    atheris.Setup(arguments, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
