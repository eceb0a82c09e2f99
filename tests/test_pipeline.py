"""The stage map: one numbering in _pipeline, the stage modules and docs/architecture.md."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from numclaims import _pipeline

ROOT = Path(__file__).resolve().parent.parent

#: ``4. merge (``_merge``): ...`` -> (4, "merge", "_merge"): the first module named is the stage's.
_STAGE_LINE = re.compile(r"^(\d+)\. (\w+)(?: \(``(_\w+)``\))?", re.MULTILINE)


def _stages() -> list[tuple[int, str, str]]:
    """(number, name, module) of each stage in _pipeline's docstring; module "" if none is named."""
    doc = _pipeline.__doc__ or ""
    return [(int(n), name, module) for n, name, module in _STAGE_LINE.findall(doc)]


def _module_cases() -> list[object]:
    """One case per stage module."""
    return [pytest.param(number, module, id=module) for number, _, module in _stages() if module]


def test_the_stages_are_numbered_in_order() -> None:
    """_pipeline lists the stages 1, 2, 3 … in order, each with a name."""
    numbers = [number for number, _, _ in _stages()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 9


@pytest.mark.parametrize(("number", "module"), _module_cases())
def test_each_stage_module_says_its_number(number: int, module: str) -> None:
    """A stage module's docstring opens with ``Stage N:``, N as in _pipeline's list."""
    doc = importlib.import_module(f"numclaims.{module}").__doc__ or ""
    assert doc.startswith(f"Stage {number}: ")


def test_the_architecture_page_has_the_same_map() -> None:
    """docs/architecture.md's stage table has the stages, names and modules of _pipeline's list."""
    page = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    rows = re.findall(r"^\| (\d+) (\w+) \| `(_\w+)/?`", page, re.MULTILINE)  # a package ends in /
    expected = [(number, name, module) for number, name, module in _stages() if module]
    assert [(int(n), name, module) for n, name, module in rows] == expected
