"""The extras stay optional: nothing heavy at import, a clear error when one is missing."""

from __future__ import annotations

import subprocess
import sys

import pytest

import numclaims
from numclaims import NumclaimsError
from numclaims.arrow import MissingExtraError

HEAVY = ("pyarrow", "pyspark", "pandas", "polars", "numpy", "py4j")


def test_import_numclaims_imports_no_extra() -> None:
    """Importing numclaims and numclaims.spark, and reading numclaims.to_arrow, load none."""
    code = (
        "import sys, numclaims, numclaims.spark; numclaims.to_arrow; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(sys.argv[1:])))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, *HEAVY], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "[]"


def test_to_arrow_is_a_lazy_attribute() -> None:
    """numclaims.to_arrow is numclaims.arrow.to_arrow, listed by dir() and __all__."""
    from numclaims.arrow import to_arrow

    assert numclaims.to_arrow is to_arrow
    assert "to_arrow" in dir(numclaims)
    assert "to_arrow" in numclaims.__all__


def test_unknown_attribute_is_an_attribute_error() -> None:
    """Other missing names still raise AttributeError (so hasattr works)."""
    assert not hasattr(numclaims, "to_parquet")


def test_to_arrow_without_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyarrow, to_arrow raises an ImportError that says what to install."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'numclaims\[arrow\]'") as caught:
        numclaims.to_arrow(["It cost $5."])
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, NumclaimsError)


def test_spark_without_pyspark(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyspark, numclaims.spark raises an ImportError that says what to install."""
    from numclaims.spark import quantity_type, with_quantities

    monkeypatch.setitem(sys.modules, "pyspark", None)
    for call in (lambda: with_quantities(object(), "text"), quantity_type):  # type: ignore[arg-type]
        with pytest.raises(MissingExtraError, match=r"pip install 'numclaims\[spark\]'"):
            call()
