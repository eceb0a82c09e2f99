"""The currencies of CLDR: codes, English names and symbols, as a generated table.

``data/generated/currencies.txt`` is written by ``make currencies`` from the
Unicode CLDR data that babel packages (a dev dependency, never a runtime
one), in the syntax of every vocabulary file (:mod:`numclaims._data`), and
``tests/test_currency_table.py`` checks that it is still what babel gives.
:func:`numclaims._lexicon.currencies` joins it with the hand-written
``data/currencies.txt``, which wins wherever both name a surface, and says
which of the generated surfaces are read where (codes that are English
words, symbols of more than one currency).

Which currencies: every CLDR currency that was legal tender somewhere since
:data:`SINCE` (so the Spanish peseta and the German mark, not the Argentine
peso of 1881), and every current ISO 4217 code, except the codes of no
territory's money (gold, test codes, bond units).
"""

from __future__ import annotations

import datetime
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["SINCE", "TABLE", "table_source"]

TABLE = "data/generated/currencies.txt"
"""The table's path inside the package."""

SINCE = datetime.date(1960, 1, 1)
"""A currency tender somewhere on or after this day is listed (historic ones too)."""

_HEADER = """\
# Currencies of the Unicode CLDR (English names, symbols of every locale),
# packaged by babel {version}.  Written by `make currencies`
# (python -m numclaims._currency_table); do not edit: add or override a
# surface in data/currencies.txt, which wins over this table.
# tests/test_currency_table.py checks that it matches babel.
# Syntax: numclaims/_data.py.
# [code]         every code listed: tender somewhere since {since}, or on the current
#                ISO 4217 list (but no X code of gold, tests or bond units).
# [historic]     codes tender somewhere since {since}, but nowhere today.
# [name]         CODE = its English names, singular and plural, without the
#                dates CLDR gives historic ones (Spanish peseta | Spanish pesetas);
#                a name of several currencies goes to the one of highest rank.
# [name_word]    CODE = the last word of its names, where no other currency of the
#                same rank (tender today, then tender since {since} in the most
#                territories, then the rest) ends so: pesetas, zloty.
# [symbol]       CODE = its symbols in any locale, one currency's only (R$, Rp, Ft).
# [symbol_after] CODE = those some locale writes after the number (Ft, zł, 5 $US).
# [ambiguous]    symbol or name word = every currency it may stand for: read only
#                where data/currencies.txt says which one it means (a bare `$` is
#                Options.dollar).  A single letter (R, K, Q) is listed here too.
"""


def _babel() -> Any:
    import babel
    import babel.numbers

    return babel


def _tender() -> dict[str, tuple[set[str], bool]]:
    """Code -> (the territories where it was tender since SINCE, tender today)."""
    from babel.core import get_global

    found: dict[str, tuple[set[str], bool]] = {}
    for territory, entries in get_global("territory_currencies").items():
        for code, _start, end, tender in entries:
            if not tender or (end is not None and datetime.date(*end) < SINCE):
                continue
            territories, today = found.setdefault(code, (set(), False))
            territories.add(territory)
            found[code] = (territories, today or end is None)
    return found


def _codes(tender: dict[str, tuple[set[str], bool]]) -> list[str]:
    """The codes listed: tender since SINCE, or current ISO 4217 but not an X code of no money."""
    from numclaims._currency_codes import iso_4217_codes

    listed = set(_babel().numbers.list_currencies())
    iso = {code for code in iso_4217_codes() if not code.startswith("X")}
    return sorted(code for code in listed if code in tender or code in iso)


def _undated(name: str) -> str:
    """``Argentine peso (1881–1970)`` -> ``Argentine peso``."""
    return name.split(" (", 1)[0].strip()


def _names(code: str) -> list[str]:
    """The English singular and plural of ``code`` (``Danish krone``, ``Danish kroner``)."""
    from babel.numbers import get_currency_name

    seen: dict[str, str] = {}
    for count in (1, 2):
        name = _undated(get_currency_name(code, count=count, locale="en"))
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


def _rank(code: str, tender: dict[str, tuple[set[str], bool]]) -> tuple[int, int]:
    """Current tender first, then historic tender by its number of territories, then the rest."""
    if code not in tender:
        return (0, 0)
    territories, today = tender[code]
    return (2 if today else 1, len(territories))


def _winner(
    codes: Iterable[str], tender: dict[str, tuple[set[str], bool]], *, lone: bool
) -> str | None:
    """The one code of the highest rank, or None on a tie.

    A code of no territory's money (a fund, a unit of account) wins only
    alone, and only where ``lone`` allows it (its full names, not its last word).
    """
    ranked = sorted(codes, key=lambda code: _rank(code, tender), reverse=True)
    best = _rank(ranked[0], tender)
    if len(ranked) == 1:
        return ranked[0] if lone or best[0] else None
    second = _rank(ranked[1], tender)
    if best[0] > second[0] or (best[0] == 1 and best[1] > second[1]):
        return ranked[0]
    return None


def _readable(symbol: str) -> bool:
    """A symbol English text may hold: Latin letters, currency signs, ``.``, ``/``, spaces."""
    for char in symbol:
        category = unicodedata.category(char)
        if category == "Sc" or char in "./ \u00a0\u202f":
            continue
        if not (category.startswith("L") and "LATIN" in unicodedata.name(char, "")):
            return False
    return any(not char.isspace() for char in symbol)


def _symbols(codes: set[str]) -> dict[str, dict[str, set[str]]]:
    """Symbol -> code -> where some locale writes it (``before``, ``after``)."""
    from babel import Locale, localedata

    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for identifier in localedata.locale_identifiers():
        locale = Locale.parse(identifier)
        pattern = locale.currency_formats["standard"].pattern
        place = "before" if pattern.index("¤") < pattern.index("0") else "after"
        for code, symbol in locale.currency_symbols.items():
            if code in codes and symbol != code and _readable(symbol):
                found[symbol][code].add(place)
    return found


def _ambiguous(symbol: str, codes: dict[str, set[str]]) -> bool:
    return len(codes) > 1 or (len(symbol) == 1 and symbol.isalpha())


def _section(title: str, rows: Iterable[tuple[str, Iterable[str]]]) -> Iterator[str]:
    yield ""
    yield f"[{title}]"
    for key, surfaces in rows:
        yield f"{key} = {' | '.join(surfaces)}"


def _plain(title: str, codes: list[str]) -> Iterator[str]:
    """A plain list, twelve codes a line."""
    yield ""
    yield f"[{title}]"
    for i in range(0, len(codes), 12):
        yield " | ".join(codes[i : i + 12])


def _owners(names: dict[str, list[str]], *, heads: bool) -> dict[str, set[str]]:
    """Each name (or the last word of each name, ``heads``) -> the codes it names."""
    owners: dict[str, set[str]] = defaultdict(set)
    for code, surfaces in names.items():
        for name in surfaces:
            owners[name.split()[-1].casefold() if heads else name].add(code)
    return owners


class _Tables:
    """What the table says of each code, built up section by section."""

    def __init__(self, tender: dict[str, tuple[set[str], bool]]) -> None:
        self.tender = tender
        self.ambiguous: dict[str, list[str]] = {}

    def settle(
        self, owners: dict[str, set[str]], skip: set[str], *, lone: bool
    ) -> dict[str, list[str]]:
        """Code -> the surfaces it alone owns (by rank); the others go to ``ambiguous``."""
        won: dict[str, list[str]] = defaultdict(list)
        for surface, codes in sorted(owners.items()):
            if surface in skip:
                continue
            winner = _winner(codes, self.tender, lone=lone)
            if winner is None:
                self.ambiguous[surface] = sorted(codes)
            else:
                won[winner].append(surface)
        return won


def table_source() -> str:
    """``data/generated/currencies.txt`` as babel's CLDR gives it today (``make currencies``)."""
    tender = _tender()
    codes = _codes(tender)
    tables = _Tables(tender)
    names = {code: _names(code) for code in codes}
    named = tables.settle(_owners(names, heads=False), set(), lone=True)
    full = {name.casefold() for surfaces in names.values() for name in surfaces}
    words = tables.settle(_owners(names, heads=True), full, lone=False)
    before: dict[str, list[str]] = defaultdict(list)
    after: dict[str, list[str]] = defaultdict(list)
    for symbol, owners in sorted(_symbols(set(codes)).items()):
        if symbol in codes:
            continue  # ILS for the old shekel: a code, never a symbol
        if _ambiguous(symbol, owners):
            tables.ambiguous[symbol] = sorted(owners)
            continue
        ((code, places),) = owners.items()
        before[code].append(symbol)
        if "after" in places:
            after[code].append(symbol)
    historic = [code for code in codes if code in tender and not tender[code][1]]
    version = _babel().__version__
    lines = [_HEADER.format(version=version, since=SINCE.isoformat()).rstrip("\n")]
    lines += _plain("code", codes)
    lines += _plain("historic", historic)
    lines += _section("name", sorted(named.items()))
    lines += _section("name_word", sorted(words.items()))
    lines += _section("symbol", sorted(before.items()))
    lines += _section("symbol_after", sorted(after.items()))
    lines += _section("ambiguous", sorted(tables.ambiguous.items()))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # make currencies
    print(table_source(), end="")
