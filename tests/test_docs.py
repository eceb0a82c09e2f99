"""The examples in the README and in docstrings run and print what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import numclaims

ROOT = Path(__file__).resolve().parent.parent
MODULES = [
    "numclaims",  # the package's own docstring; walk_packages lists only what is under it
    *sorted(
        name
        for _, name, _ in pkgutil.walk_packages(numclaims.__path__, "numclaims.")
        if not name.endswith("__main__")
    ),
]


#: Pages whose examples need an extra, run by that extra's integration tests instead.
TESTED_WITH_THEIR_EXTRA = {
    "docs/tables.md": "tests/integrations/tables/test_arrow.py::test_docs_examples",
}
DOCUMENTS = [
    name
    for name in ["README.md", *sorted(f"docs/{page.name}" for page in (ROOT / "docs").glob("*.md"))]
    if name not in TESTED_WITH_THEIR_EXTRA
]
WITH_EXAMPLES = {
    "README.md",
    "docs/getting-started.md",
    "docs/html.md",
    "docs/model.md",
    "docs/usage.md",
    "docs/vocabulary.md",
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_examples(name: str) -> None:
    """Every ``>>>`` example in README.md and docs/ runs and prints exactly what it shows."""
    result = doctest.testfile(str(ROOT / name), module_relative=False)
    assert result.failed == 0
    assert (result.attempted > 0) == (name in WITH_EXAMPLES)


def _examples(name: str) -> int:
    """How many docstring examples module ``name`` holds, as doctest finds them."""
    finder = doctest.DocTestFinder()
    return sum(len(test.examples) for test in finder.find(importlib.import_module(name)))


#: The modules that hold docstring examples (a module without any is not tested).
MODULES_WITH_EXAMPLES = [name for name in MODULES if _examples(name)]


def test_the_package_has_doctests() -> None:
    """The package's docstrings hold examples: the number stage and the public API at least."""
    assert {"numclaims", "numclaims._numbers"} <= set(MODULES_WITH_EXAMPLES)


@pytest.mark.parametrize("name", MODULES_WITH_EXAMPLES)
def test_module_doctests(name: str) -> None:
    """Each module's docstring examples all run and pass."""
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted == _examples(name) > 0
    assert result.failed == 0
