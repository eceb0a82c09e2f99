"""The systems timed, each as a function ``(text) -> number of quantities found``.

Adapters import their package only when loaded, inside the worker process
that times them, so one system's import never warms up another's run.
quantulum3 warns at import that its optional classifier is missing; the
adapter silences that warning (and any other quantulum3 warning) so it does
not flood the output.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import warnings
from collections.abc import Callable, Mapping
from types import MappingProxyType

__all__ = [
    "BASELINE",
    "SYSTEMS",
    "Parser",
    "Unavailable",
    "load",
    "unavailable_reason",
    "version",
]

Parser = Callable[[str], int]
"""Parse one text; return how many quantities were found (the results themselves are built)."""

SYSTEMS: Mapping[str, str] = MappingProxyType(
    {
        "numclaims": "numclaims",
        "numclaims-claims": "numclaims",
        "quantulum3": "quantulum3",
    }
)
"""Every system the suite knows, mapped to the package it needs.  ``numclaims-claims`` is
numclaims' ``extract_claims`` (each quantity with its source, hedge and time), timed beside
``parse_quantities`` so that the cost of the claim layer shows."""


BASELINE = "numclaims@"
"""The prefix of a baseline system: ``numclaims@REV`` is numclaims' ``parse_quantities`` as
of git revision ``REV``, imported in its worker from a copy of that revision's ``src``
(``--baseline``), so that a change's speed is compared with its base in the same run."""


def _system(name: str) -> str:
    """The system ``name`` is timed as: a baseline is numclaims."""
    return "numclaims" if name.startswith(BASELINE) and len(name) > len(BASELINE) else name


class Unavailable(Exception):
    """A system cannot run here (its package is missing or broken)."""


def unavailable_reason(name: str) -> str | None:
    """Why ``name`` cannot run in this interpreter, or None when its package is installed."""
    if _system(name) not in SYSTEMS:
        return f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}"
    package = SYSTEMS[_system(name)]
    try:
        found = importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        return f"package {package!r} is not installed (pip install -e '.[bench]')"
    return None


def version(name: str) -> str | None:
    """The installed version of the system's package, if any (a baseline's: its revision)."""
    if _system(name) != name:
        return name[len(BASELINE) :]
    try:
        return importlib.metadata.version(SYSTEMS[_system(name)])
    except (KeyError, importlib.metadata.PackageNotFoundError):
        return None


def _numclaims() -> Parser:
    """numclaims' ``parse_quantities``."""
    from numclaims import parse_quantities

    def parse(text: str) -> int:
        return len(parse_quantities(text))

    return parse


def _numclaims_claims() -> Parser:
    """numclaims' ``extract_claims``: quantities with their sentences, sources, hedges, times."""
    from numclaims import extract_claims

    def parse(text: str) -> int:
        return len(extract_claims(text))

    return parse


def _quantulum3() -> Parser:
    """quantulum3's ``parser.parse``, with its warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser = importlib.import_module("quantulum3.parser")
    parse_text = parser.parse

    def parse(text: str) -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return len(parse_text(text))

    return parse


_BUILDERS: Mapping[str, Callable[[], Parser]] = MappingProxyType(
    {"numclaims": _numclaims, "numclaims-claims": _numclaims_claims, "quantulum3": _quantulum3}
)


def load(name: str) -> Parser:
    """The parser of system ``name``; :class:`Unavailable` with the reason when it cannot run."""
    reason = unavailable_reason(name)
    if reason is not None:
        raise Unavailable(f"{name}: {reason}")
    try:
        return _BUILDERS[_system(name)]()
    except ImportError as error:
        raise Unavailable(f"{name}: import failed ({error})") from error
