"""The examples in the README and in docstrings run and print what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import numclaims

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(numclaims.__path__, "numclaims.")
    if not name.endswith("__main__")
)


def test_readme_examples() -> None:
    """Every example in README.md runs and prints exactly what it shows."""
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name: str) -> None:
    """Each module's docstring examples pass."""
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
