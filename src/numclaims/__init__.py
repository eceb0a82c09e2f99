"""numclaims: find the numeric claims in English text.

>>> from numclaims import parse_quantities
>>> [(q.kind, q.value, q.unit) for q in parse_quantities("Prices rose 5% to $40k.")]
[('percent', 5.0, 'percent'), ('money', 40000.0, 'USD')]
"""

from numclaims._api import iter_quantities, parse_quantities
from numclaims._batch import parse_many
from numclaims.errors import (
    InputTooLongError,
    InputTypeError,
    NumclaimsError,
    UnitConversionError,
)
from numclaims.models import Bound, Change, Kind, Options, Quantity

__all__ = [
    "Bound",
    "Change",
    "InputTooLongError",
    "InputTypeError",
    "Kind",
    "NumclaimsError",
    "Options",
    "Quantity",
    "UnitConversionError",
    "iter_quantities",
    "parse_many",
    "parse_quantities",
]

__version__ = "0.1.0.dev0"
