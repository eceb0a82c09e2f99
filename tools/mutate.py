"""Mutation testing of the stages, one module at a time (``make mutate``).

    python tools/mutate.py _numbers _units        # these stages
    python tools/mutate.py --max-children 1 _numbers
    python tools/mutate.py --list                  # what it can run, and with which tests

For each stage, the sources, tests and benchmarks are copied into
``build/mutate/<stage>/`` (git-ignored) with a ``[tool.mutmut]`` section that
mutates only ``src/numclaims/<stage>.py`` (or the package ``<stage>/``) and
selects the fast tests of
:data:`FAST_TESTS` (the stage's tables, the whole-result rows and the corpus;
no Hypothesis property, timing or fuzzing test, whose results vary from run to
run).  mutmut (the ``mutate`` extra) first runs those tests once to learn which
of them reach each function, then runs only those against each mutant.  The
script prints, per stage, the mutants killed, survived, timed out and not
reached by any test, the kill rate, and the wall time, and writes the same as
JSON to ``build/mutate/summary.json``.  ``mutmut results`` and ``mutmut show
<name>`` in a stage's folder tell which mutants survived and how.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "mutate"
MUTMUT = Path(sys.executable).with_name("mutmut")

#: Tests that exercise every stage through the public API, fast and deterministic.
COMMON_TESTS = (
    "tests/test_numbers.py",
    "tests/test_money.py",
    "tests/test_measures.py",
    "tests/test_percent.py",
    "tests/test_non_quantities.py",
    "tests/test_exact_results.py",
    "tests/test_number_grammar.py",
    "tests/test_unit_names.py",
    "benchmarks/tests/test_corpus.py",
    "tests/test_seed_article.py",
)

#: The fast tests of each stage: the common ones, plus the stage's own modules.
FAST_TESTS: dict[str, tuple[str, ...]] = {
    "_scan": (*COMMON_TESTS, "tests/test_overlap.py"),
    "_master": (*COMMON_TESTS, "tests/test_overlap.py"),
    "_atoms": COMMON_TESTS,
    "_numbers": (*COMMON_TESTS, "tests/test_docs.py"),
    "_tails": (*COMMON_TESTS, "tests/test_overlap.py"),
    "_units": (*COMMON_TESTS, "tests/test_normalise.py", "tests/test_rates.py"),
    "_ages": (*COMMON_TESTS, "tests/test_entities.py"),
    "_merge": (*COMMON_TESTS, "tests/test_merge.py"),
    "_bounds": (*COMMON_TESTS, "tests/test_bounds.py", "tests/test_claims.py"),
    "_changes": (*COMMON_TESTS, "tests/test_changes.py"),
    "_filters": (*COMMON_TESTS, "tests/test_filters_data.py"),
    "_entities": (*COMMON_TESTS, "tests/test_entities.py"),
    "_lexicon": (*COMMON_TESTS, "tests/test_data.py", "tests/test_docs.py"),
    "_normalise": (*COMMON_TESTS, "tests/test_normalise.py", "tests/test_docs.py"),
    "_pipeline": (*COMMON_TESTS, "tests/test_pipeline.py"),
}

#: What a stage's copy needs besides the stage's tests.
COPIED = ("src", "tests", "benchmarks", "examples", "docs", "README.md", "pyproject.toml")


def _sources(stage: str) -> list[str]:
    """mutmut's glob for a stage: its module, or every module of its package."""
    if (ROOT / "src" / "numclaims" / stage).is_dir():
        return [f"src/numclaims/{stage}/*"]
    return [f"src/numclaims/{stage}.py"]


def _config(stage: str) -> str:
    """The ``[tool.mutmut]`` section for ``stage``."""
    tests = [t for t in FAST_TESTS[stage] if (ROOT / t).exists()]
    return "\n".join(
        [
            "",
            "[tool.mutmut]",
            'source_paths = ["src/"]',
            f"only_mutate = {json.dumps(_sources(stage))}",
            f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
            'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x"]',
            'also_copy = ["benchmarks/", "examples/", "docs/", "README.md"]',
            "",
        ]
    )


def _prepare(stage: str) -> Path:
    """A fresh copy of the project for ``stage``, with its mutmut configuration."""
    where = BUILD / stage
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", "results")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, where / name)
    with (where / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write(_config(stage))
    return where


def _stats(where: Path) -> dict[str, int]:
    """mutmut's counts for the run in ``where``."""
    subprocess.run([str(MUTMUT), "export-cicd-stats"], cwd=where, check=True, capture_output=True)
    stats = json.loads((where / "mutants" / "mutmut-cicd-stats.json").read_text("utf-8"))
    return {key: int(value) for key, value in stats.items()}


def run_stage(stage: str, max_children: int) -> dict[str, float]:
    """Mutate ``stage``, run its fast tests against each mutant, and return the counts."""
    where = _prepare(stage)
    start = time.perf_counter()
    env = {**os.environ, "HYPOTHESIS_PROFILE": "dev", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [str(MUTMUT), "run", f"--max-children={max_children}"]
    log = where / "mutmut.log"
    with log.open("w", encoding="utf-8") as out:
        subprocess.run(command, cwd=where, env=env, stdout=out, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    stats = _stats(where)
    tried = stats["killed"] + stats["survived"] + stats["timeout"] + stats["suspicious"]
    killed = stats["killed"] + stats["timeout"]  # a mutant that hangs the tests is caught
    return {
        **stats,
        "kill_rate": round(killed / tried, 4) if tried else 0.0,
        "seconds": round(seconds, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the stages named on the command line; 2 on a usage error."""
    parser = argparse.ArgumentParser(prog="python tools/mutate.py", description=__doc__)
    parser.add_argument("stages", nargs="*", help="stage modules, e.g. _numbers _units")
    parser.add_argument(
        "--max-children", type=int, default=2, help="mutants tested at once (default 2)"
    )
    parser.add_argument("--list", action="store_true", help="list the stages and their tests")
    args = parser.parse_args(argv)
    if args.list or not args.stages:
        for stage, tests in FAST_TESTS.items():
            print(f"{stage:11} {' '.join(tests)}")
        return 0 if args.list else 2
    unknown = [s for s in args.stages if s not in FAST_TESTS]
    if unknown:
        print(f"unknown stage(s): {', '.join(unknown)}; see --list", file=sys.stderr)
        return 2
    if not MUTMUT.exists():
        print("mutmut is not installed: pip install -e '.[mutate]'", file=sys.stderr)
        return 2
    summary: dict[str, dict[str, float]] = {}
    for stage in args.stages:
        summary[stage] = found = run_stage(stage, args.max_children)
        print(
            f"{stage:11} killed {found['killed']:4.0f}  survived {found['survived']:4.0f}  "
            f"timeout {found['timeout']:3.0f}  no tests {found['no_tests']:3.0f}  "
            f"kill rate {found['kill_rate']:.1%}  ({found['seconds']:.0f} s)",
            flush=True,
        )
    BUILD.mkdir(parents=True, exist_ok=True)
    (BUILD / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
