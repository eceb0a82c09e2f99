"""The code stays small enough to read: short modules, simple functions, one table of shortcuts."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from radon.complexity import cc_visit

SOURCE = Path(__file__).resolve().parent.parent / "src" / "numclaims"
MODULES = sorted(SOURCE.rglob("*.py"))
#: Longest module, in lines; past it a module is doing more than one stage's work.
MAX_LINES = 450
#: Highest cyclomatic complexity (radon's count: branches and boolean operators) of a function.
MAX_COMPLEXITY = 15


def _name(path: Path) -> str:
    return str(path.relative_to(SOURCE))


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_modules_are_short(path: Path) -> None:
    """No module of the package is longer than MAX_LINES."""
    assert len(path.read_text("utf-8").splitlines()) <= MAX_LINES


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_functions_are_simple(path: Path) -> None:
    """No function or method is more complex than MAX_COMPLEXITY."""
    blocks = cc_visit(path.read_text("utf-8"))
    assert [(b.name, b.complexity) for b in blocks if b.complexity > MAX_COMPLEXITY] == []


def test_every_shortcut_patches_a_real_attribute() -> None:
    """Each row of the shortcut table names a module attribute that exists."""
    import importlib

    from numclaims._shortcuts import SHORTCUTS

    missing = [
        (shortcut.name, module, attribute)
        for shortcut in SHORTCUTS
        for module, attribute, _ in shortcut.patches
        if not hasattr(importlib.import_module(f"numclaims.{module}"), attribute)
    ]
    assert missing == []
    assert len({shortcut.name for shortcut in SHORTCUTS}) == len(SHORTCUTS)


#: Modules whose module-level dicts are handed to a framework that wants a dict.
_HANDED_TO_OTHERS = {"spacy_component.py"}  # DEFAULT_CONFIG, copied by spaCy's registry


def test_no_module_level_mutable_state_in_the_pipeline() -> None:
    """No module binds a list, dict or set that code could mutate (tables are frozen)."""
    mutable = ast.List | ast.Dict | ast.Set | ast.ListComp | ast.DictComp | ast.SetComp
    found = [
        f"{_name(path)}:{node.lineno}"
        for path in MODULES
        for node in ast.parse(path.read_text("utf-8")).body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and isinstance(node.value, mutable)
        and ast.unparse(node).split()[0] != "__all__"
        and path.name not in _HANDED_TO_OTHERS
    ]
    assert found == []
