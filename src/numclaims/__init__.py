"""numclaims: find the numeric claims in English text.

>>> from numclaims import parse_quantities
>>> [(q.kind, q.value, q.unit) for q in parse_quantities("Prices rose 5% to $40k.")]
[('percent', 5.0, 'percent'), ('money', 40000.0, 'USD')]
"""

from types import MappingProxyType
from typing import TYPE_CHECKING

from numclaims._api import iter_quantities, parse_quantities
from numclaims._batch import parse_many
from numclaims._claims import extract_claims, iter_claims
from numclaims._vocabulary import Vocabulary
from numclaims.errors import (
    InputTooLongError,
    InputTypeError,
    NumclaimsError,
    UnitConversionError,
    VocabularyError,
)
from numclaims.models import Bound, Change, Claim, Kind, Options, Quantity, Span

if TYPE_CHECKING:  # at run time, module __getattr__ below imports these on first use
    from numclaims.arrow import to_arrow
    from numclaims.html import render_html

__all__ = [
    "Bound",
    "Change",
    "Claim",
    "InputTooLongError",
    "InputTypeError",
    "Kind",
    "NumclaimsError",
    "Options",
    "Quantity",
    "Span",
    "UnitConversionError",
    "Vocabulary",
    "VocabularyError",
    "extract_claims",
    "iter_claims",
    "iter_quantities",
    "parse_many",
    "parse_quantities",
    "render_html",
    "to_arrow",
]

__version__ = "0.1.0.dev0"

_LAZY = MappingProxyType({"render_html": "numclaims.html", "to_arrow": "numclaims.arrow"})
"""Public names of the optional integrations, and the module each is imported from on first use.

Those modules import their extra (pyarrow, pyspark) only when called, so
``import numclaims`` stays light and ``from numclaims import *`` works without them;
the HTML view needs no extra, but only a caller who renders pays for its import.
"""


def __getattr__(name: str) -> object:
    """Import an integration's public name (such as ``to_arrow``) when it is first used."""
    if name not in _LAZY:
        raise AttributeError(f"module 'numclaims' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
