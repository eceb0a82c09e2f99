"""The ISO 4217 currency codes, from a generated table checked in beside the vocabularies.

``data/generated/iso4217.txt`` holds one code a line.  ``make currency-codes``
writes it from pycountry (a dev dependency, never a runtime one), and
``tests/test_currency_codes.py`` checks that it is still what pycountry gives.
The table is read the first time a code is checked, never at import.
"""

from __future__ import annotations

from functools import cache

__all__ = ["TABLE", "is_currency_code", "iso_4217_codes", "table_source"]

TABLE = "data/generated/iso4217.txt"
"""The table's path inside the package."""


@cache
def iso_4217_codes() -> frozenset[str]:
    """Every ISO 4217 code of the table, upper case (read once, on first use).

    >>> {"USD", "EUR", "XAU"} <= iso_4217_codes()
    True
    """
    from importlib import resources

    text = resources.files("numclaims").joinpath(TABLE).read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_currency_code(code: str) -> bool:
    """True when ``code`` is an ISO 4217 code, exactly as written (upper case).

    >>> is_currency_code("CAD"), is_currency_code("XYZ"), is_currency_code("cad")
    (True, False, False)
    """
    return code in iso_4217_codes()


def table_source() -> str:
    """``data/generated/iso4217.txt`` as pycountry gives it today (``make currency-codes``)."""
    import pycountry

    codes = sorted({currency.alpha_3 for currency in pycountry.currencies})
    header = [
        "# ISO 4217 currency codes, one a line: the alpha_3 codes of pycountry.currencies,",
        "# which packages the ISO 4217 list of the Debian iso-codes project.",
        "# Written by `make currency-codes` (python -m numclaims._currency_codes); do not edit.",
        "# tests/test_currency_codes.py checks that it matches pycountry.",
    ]
    return "\n".join([*header, *codes]) + "\n"


if __name__ == "__main__":  # make currency-codes
    print(table_source(), end="")
