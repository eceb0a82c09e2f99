"""The generated CLDR currency table: true to babel, joined with the hand words, read lazily."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from numclaims._currency_codes import iso_4217_codes
from numclaims._currency_table import TABLE
from numclaims._data import load
from numclaims._lexicon import currencies, generated_codes
from numclaims._lexicon.money import GENERATED


def test_table_is_what_babel_gives() -> None:
    """currencies.txt is up to date: `make currencies` would write the very same text."""
    pytest.importorskip(
        "babel", reason="babel (the dev extra) writes the table; CI installs it, so it runs there"
    )
    from numclaims._currency_table import table_source

    shipped = resources.files("numclaims").joinpath(TABLE).read_text("utf-8")
    assert shipped == table_source()


def test_every_current_code_is_in_the_table() -> None:
    """Every current ISO 4217 code of money (not gold, tests or bond units) is listed."""
    money = {code for code in iso_4217_codes() if not code.startswith("X")}
    assert money <= generated_codes()
    assert {"DEM", "ESP", "FIM", "FRF", "ITL"} <= generated_codes()  # historic, since 1960
    assert not {"XAU", "XTS", "XXX"} & generated_codes()


def test_every_key_is_a_listed_code() -> None:
    """Each key of every section is a code of the table's [code] list."""
    codes = generated_codes()
    keyed = {e.key for e in load(GENERATED) if e.key and e.section != "ambiguous"}
    assert keyed <= codes
    ambiguous = {s for e in load(GENERATED) if e.section == "ambiguous" for s in e.surfaces}
    assert ambiguous <= codes


def test_ambiguous_symbols_are_recorded() -> None:
    """A symbol of several currencies is recorded with all of them, and read as nothing else."""
    ambiguous = {e.key: set(e.surfaces) for e in load(GENERATED) if e.section == "ambiguous"}
    assert {"USD", "CAD", "AUD", "MXN"} <= ambiguous["$"]
    assert {"SEK", "NOK", "DKK"} <= ambiguous["kr"]
    assert {"GBP", "EGP"} <= ambiguous["pounds"]
    generated = {s for e in load(GENERATED) if e.section == "symbol" for s in e.surfaces}
    assert not set(ambiguous) & generated


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("$", "USD"),  # the hand vocabulary settles the ambiguous $ (then Options.dollar)
        ("£", "GBP"),
        ("C$", "CAD"),  # CLDR: CAD and NIO; English news means CAD
        ("R$", "BRL"),
        ("Rp", "IDR"),
        ("RM", "MYR"),
        ("₡", "CRC"),
        ("$US", "USD"),
        ("NZ$", "NZD"),
        ("RMB", "CNY"),
    ],
)
def test_symbols_before_a_number(surface: str, code: str) -> None:
    """Generated and hand symbols both read; the hand one wins."""
    assert currencies().symbols[surface] == code


@pytest.mark.parametrize("surface", ["Le", "FC", "UP", "KM", "Ft"])
def test_symbols_that_are_words_units_or_ambiguous_are_not_read(surface: str) -> None:
    """A symbol that is an English word, a unit, one letter or several currencies' is no symbol."""
    money = currencies()
    assert surface not in money.symbols
    assert surface not in money.symbols_after


@pytest.mark.parametrize(
    ("surface", "codes", "before", "after"),
    [
        ("kr", ("DKK", "NOK", "SEK"), True, True),
        ("R", ("ZAR",), True, False),
        ("K", ("ZMW", "PGK"), True, False),
        ("kroner", ("DKK", "NOK"), False, False),
    ],
)
def test_shared_surfaces_are_read_only_by_country(
    surface: str, codes: tuple[str, ...], before: bool, after: bool
) -> None:
    """A surface several currencies share stands for itself until the words around settle it."""
    money = currencies()
    assert money.by_country[surface] == codes
    assert (money.symbols.get(surface), money.symbols_after.get(surface)) == (
        surface if before else None,
        surface if after else None,
    )
    assert money.names.get(surface) == (None if before else surface)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("danish kroner", "DKK"),
        ("danish crowns", "DKK"),
        ("pesetas", "ESP"),
        ("markka", "FIM"),
        ("zloty", "PLN"),
        ("rand", "ZAR"),
        ("renminbi", "CNY"),
        ("yuan", "CNY"),
        ("dollars", "USD"),
        ("francs", "CHF"),
        ("german marks", "DEM"),
        ("us dollars", "USD"),
    ],
)
def test_names(name: str, code: str) -> None:
    """English names, plurals and their last words where they name one currency."""
    assert currencies().names[name] == code


@pytest.mark.parametrize("word", ["marks", "real", "drams", "gold", "dinars", "cup"])
def test_names_that_are_words_or_ambiguous_are_not_read(word: str) -> None:
    """Last words that are English words, or of several currencies, are no names alone.

    (``kroner``, shared too, is read by the country named nearby: [by_country].)
    """
    assert word not in currencies().names


@pytest.mark.parametrize(
    ("surface", "code", "before"),
    [
        ("USD", "USD", True),
        ("usd", "USD", False),
        ("Usd", "USD", False),
        ("TRY", "TRY", True),
        ("DEM", "DEM", True),
        ("MUSD", "USD", False),
        ("kEUR", "EUR", False),
    ],
)
def test_codes(surface: str, code: str, before: bool) -> None:
    """Upper-case codes read on both sides; other cases and magnitude codes only after."""
    money = currencies()
    assert money.codes_after[surface] == code
    assert (surface in money.codes) is before


@pytest.mark.parametrize("surface", ["TOP", "ALL", "CUP", "MOP", "BOB", "MVP", "try", "pen", "dem"])
def test_codes_that_are_words_are_not_read(surface: str) -> None:
    """Codes that are English words: never (TOP 10), or only in upper case (5 try)."""
    money = currencies()
    assert surface not in money.codes
    assert surface not in money.codes_after


def test_the_tables_are_read_on_first_parse_only() -> None:
    """Importing numclaims reads neither currency file; the first parse reads both."""
    code = (
        "import numclaims; from numclaims._lexicon import currencies; "
        "assert currencies.cache_info().currsize == 0, 'read at import'; "
        "numclaims.parse_quantities('It cost 5 Danish kroner.'); "
        "assert currencies.cache_info().currsize >= 1"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
