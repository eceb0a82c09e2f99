"""The generated ISO 4217 table: true to pycountry, shipped in the wheel, read only when needed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest
from pydantic import ValidationError

from numclaims import Options
from numclaims._currency_codes import TABLE, iso_4217_codes, table_source
from numclaims._data import load

ROOT = Path(__file__).resolve().parent.parent


def test_table_is_what_pycountry_gives() -> None:
    """iso4217.txt is up to date: `make currency-codes` would write the very same text."""
    shipped = resources.files("numclaims").joinpath(TABLE).read_text("utf-8")
    assert shipped == table_source()


def test_table_is_sorted_upper_case_codes() -> None:
    """Every line after the header is one three-letter upper-case code, sorted, none twice."""
    lines = resources.files("numclaims").joinpath(TABLE).read_text("utf-8").splitlines()
    codes = [line for line in lines if not line.startswith("#")]
    assert codes == sorted(set(codes))
    assert all(len(code) == 3 and code.isascii() and code.isupper() for code in codes)
    assert set(codes) == iso_4217_codes()
    assert {"USD", "EUR", "GBP", "JPY", "CHF", "XAU"} <= iso_4217_codes()


def test_every_currency_of_the_vocabulary_is_in_the_table() -> None:
    """Each written code of currencies.txt is an ISO 4217 code of the generated table."""
    written = {e.key for e in load("currencies") if e.section == "code"}
    assert written - iso_4217_codes() == set()


@pytest.mark.parametrize(("given", "kept"), [("CAD", "CAD"), ("cad", "CAD"), ("Usd", "USD")])
def test_dollar_accepts_any_case(given: str, kept: str) -> None:
    """Options.dollar takes an ISO code in any case and keeps it in upper case."""
    assert Options(dollar=given).dollar == kept


@pytest.mark.parametrize("code", ["XYZ", "ABC", "DEM", "usdollar", "U$D", "ＵＳＤ", ""])
def test_dollar_refuses_what_is_no_iso_code(code: str) -> None:
    """Three letters are not enough: a code must be on the ISO 4217 list."""
    with pytest.raises(ValidationError, match="ISO 4217"):
        Options(dollar=code)


def test_the_table_is_read_on_first_use_only() -> None:
    """Importing numclaims and parsing with the default options never read the table."""
    code = (
        "import numclaims; from numclaims._currency_codes import iso_4217_codes as codes; "
        "numclaims.parse_quantities('It cost $5.'); "
        "assert codes.cache_info().currsize == 0, 'read at import'; "
        "numclaims.Options(dollar='cad'); "
        "assert codes.cache_info().currsize == 1"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


@pytest.mark.slow
def test_the_wheel_ships_the_table(tmp_path: Path) -> None:
    """A wheel built from the tree holds data/generated/iso4217.txt beside the vocabularies."""
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), ROOT],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("numclaims-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert f"numclaims/{TABLE}" in names
    assert "numclaims/data/currencies.txt" in names
