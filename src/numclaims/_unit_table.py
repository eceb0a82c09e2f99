"""The generated unit table: every unit and prefix a text may use, written from pint's registry.

``data/unit_sources.txt`` names the pint units a text uses and the prefixes
each takes; ``data/unit_exclusions.txt`` the surfaces that would read too
much of ordinary English as a unit.  :func:`table_source` turns the two into
``data/generated/units.txt``, in the syntax of every vocabulary, one entry per
pint unit under a section named for its pint dimension.  ``make units``
writes it (with pint, a dev dependency) and ``tests/test_unit_table.py``
checks that the checked-in table is what the generator writes today.

At parse time nothing here runs: ``numclaims._lexicon.unit_surfaces`` reads
the table through ``numclaims._data`` on first use, after ``data/units.txt``,
whose hand-written surfaces and rules win.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from numclaims._data import load, words
from numclaims._lexicon.amounts import GENERATED_UNITS, is_folded_surface

if TYPE_CHECKING:
    import pint

__all__ = ["TABLE", "table_source"]

TABLE = GENERATED_UNITS
"""The table's name for ``numclaims._data.load`` (``data/generated/units.txt``)."""

#: How powers of a length are written: (pint power, symbol forms, name forms).
#: ``{s}`` is the symbol, ``{n}`` the singular name and ``{p}`` the plural.
_POWERS = (
    (
        "2",
        ("{s}²", "{s}2", "{s}^2", "sq {s}", "sq. {s}", "{s} squared"),
        ("square {n}", "square {p}", "{n} squared", "{p} squared"),
    ),
    (
        "3",
        ("{s}³", "{s}3", "{s}^3", "cu {s}", "cu. {s}", "{s} cubed"),
        ("cubic {n}", "cubic {p}", "{n} cubed", "{p} cubed"),
    ),
)


def table_source() -> str:
    """``data/generated/units.txt`` as pint's registry gives it today (``make units``)."""
    from numclaims._normalise import registry

    units = registry()
    taken, folded = _hand_written()
    excluded = frozenset(words("unit_exclusions", "exclude"))
    entries: dict[str, list[str]] = {}
    for key, surfaces in _candidates(units):
        kept = entries.setdefault(key, [])
        for surface in surfaces:
            if not (surface in taken or surface.lower() in folded or surface in kept):
                kept.append(surface)
    _add_case_variants(units, entries)
    kept_entries = {
        key: [s for s in surfaces if s not in excluded] for key, surfaces in entries.items()
    }
    return _render(units, {key: surfaces for key, surfaces in kept_entries.items() if surfaces})


def _hand_written() -> tuple[frozenset[str], frozenset[str]]:
    """The surfaces of ``data/units.txt``: as written, and those it reads in any case.

    A generated surface that is one of the first, or in lower case one of
    the second (``MPH``, which units.txt's ``mph`` already reads), is left
    to units.txt.
    """
    surfaces = {s for entry in load("units") if entry.section != "per" for s in entry.surfaces}
    return frozenset(surfaces), frozenset(s for s in surfaces if is_folded_surface(s))


def _candidates(units: pint.UnitRegistry[float]) -> Iterator[tuple[str, list[str]]]:
    """(pint unit, surfaces) for every unit and prefix of ``unit_sources.txt``."""
    plain = [(name, "") for name in words("unit_sources", "plain")]
    prefixed = [
        (e.key, prefix)
        for e in load("unit_sources")
        if e.section == "prefixed"
        for prefix in e.surfaces
    ]
    for name, prefix in plain + prefixed:
        key = str(units.Unit(prefix + name))
        yield key, list(_surfaces(units, name, prefix))
    for name in words("unit_sources", "powers"):
        yield from _powers(units, name)


def _surfaces(units: pint.UnitRegistry[float], name: str, prefix: str) -> Iterator[str]:
    """The symbols and names of ``name`` with ``prefix`` (``GeV``, ``gigaelectronvolts``).

    A name with an underscore takes no prefix (``gigaelectron volt``; pint's
    alias ``electronvolt`` gives ``gigaelectronvolt``); an alias that is the
    name's plural (``feet``) is no second name.
    """
    definition = units._units[name]
    for sym in _symbols(definition.symbol, definition.aliases):
        for head in _prefix_symbols(units, prefix):
            if len(head + sym) > 1:
                yield head + sym  # one letter alone is a word of English: units.txt rules it
    for word in _names(name, definition.aliases):
        if not prefix or "_" not in word:
            yield from _name_forms(prefix + word)


def _prefix_symbols(units: pint.UnitRegistry[float], prefix: str) -> list[str]:
    """How ``prefix`` is written before a symbol: ``G``; ``µ`` and the Greek ``μ``."""
    if not prefix:
        return [""]
    head = units._prefixes[prefix]
    return [head.symbol, *(a for a in head.aliases if not a.isascii())]


def _symbols(symbol: str | None, aliases: Iterable[str]) -> list[str]:
    """pint's symbol and the aliases that are symbols (``BTU``), not words or names."""
    symbols = [symbol or "", *(a for a in aliases if not _is_word(a))]
    return list(dict.fromkeys(s for s in symbols if s and "_" not in s))


def _names(name: str, aliases: Iterable[str]) -> list[str]:
    """``name`` and the aliases that are other names of it: not its plural, not skipped."""
    skipped = frozenset(words("unit_exclusions", "alias"))
    others = [a for a in aliases if _is_word(a) and "_" not in a and a != plural(name)]
    return [n for n in (name, *others) if n not in skipped]


def _is_word(alias: str) -> bool:
    letters = alias.replace("_", "")
    return len(letters) >= 3 and letters.isalpha() and letters.islower() and letters.isascii()


def _name_forms(name: str) -> Iterator[str]:
    """``watt_hour`` -> watt hour, watt hours, watt-hour, watt-hours (a rate: no hyphens)."""
    singular = name.replace("_", " ")
    forms = (singular, plural(singular))
    yield from forms
    if "_" in name and " per " not in singular:
        yield from (form.replace(" ", "-") for form in forms)


def plural(name: str) -> str:
    """The plural of a unit name: of its last word, or of the word before ``per``.

    >>> plural("gigatonne"), plural("foot pound"), plural("pound force per square inch")
    ('gigatonnes', 'foot pounds', 'pounds force per square inch')
    >>> plural("inch"), plural("century"), plural("kilohertz")
    ('inches', 'centuries', 'kilohertz')
    """
    before, per, after = name.partition(" per ")
    if per:
        first, *rest = before.split(" ")
        return " ".join([plural(first), *rest]) + per + after
    head, _, last = name.rpartition(" ")
    if not last.islower():
        return name  # inch Hg: the last word is a symbol
    return (head + " " if head else "") + _plural_word(last)


def _plural_word(word: str) -> str:
    irregular = {e.key: e.surfaces[0] for e in load("unit_sources") if e.section == "plural"}
    for singular, many in irregular.items():
        if word.endswith(singular):
            return word[: len(word) - len(singular)] + many
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _powers(units: pint.UnitRegistry[float], name: str) -> Iterator[tuple[str, list[str]]]:
    """The squares and cubes of length ``name`` (``km²``, ``cubic kilometres``)."""
    definition = units._units.get(name)
    if definition is None:  # a prefixed unit (kilometer): its symbol is the prefix's and base's
        prefix, base, _ = units.parse_unit_name(name)[0]
        definition = units._units[base]
        symbol = units._prefixes[prefix].symbol + definition.symbol
        names = [prefix + n for n in _names(base, definition.aliases)]
    else:
        symbol, names = definition.symbol, _names(name, definition.aliases)
    for power, symbol_forms, name_forms in _POWERS:
        surfaces = [form.format(s=symbol) for form in symbol_forms]
        for word in names:
            word = word.replace("_", " ")
            surfaces += [form.format(n=word, p=plural(word)) for form in name_forms]
        yield f"{units.Unit(name)} ** {power}", surfaces


def _add_case_variants(units: pint.UnitRegistry[float], entries: dict[str, list[str]]) -> None:
    """Add the case variants of every symbol where they are unambiguous.

    ``GHz`` -> ``GHZ``, ``Ghz``, ``ghz``; ``hp`` -> ``HP``.  A variant is
    left out where another unit of the vocabulary is written the same in any
    case (``mw``: milliwatt and megawatt), where pint reads it as another unit
    (``Mg`` is a megagram, not a milligram).  The exclusions apply after: a
    variant of an excluded symbol may stand (``AU``, not ``au``).  Words
    need none: they match in any case.
    """
    written = _written(entries)
    owners: dict[str, set[str]] = {}
    for key, surface in written:
        owners.setdefault(surface.lower(), set()).add(key)
    every = {surface for _, surface in written}
    folded = {surface for surface in every if is_folded_surface(surface)}
    for key, symbol in written:
        if not _has_case(symbol) or len(owners[symbol.lower()]) > 1:
            continue
        for variant in sorted(_variants(symbol)):
            if _unknown(variant, every, folded) and _pint_agrees(units, variant, key):
                entries.setdefault(key, []).append(variant)
                every.add(variant)


def _written(entries: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(unit, surface) for every surface of units.txt, then of the generated entries."""
    hand = [(e.key, s) for e in load("units") if e.section != "per" for s in e.surfaces]
    return [*hand, *((key, s) for key, surfaces in entries.items() for s in surfaces)]


def _unknown(variant: str, every: set[str], folded: set[str]) -> bool:
    """True where no surface is written ``variant``, or reads it in any case."""
    return variant not in every and variant.lower() not in folded


def _pint_agrees(units: pint.UnitRegistry[float], variant: str, key: str) -> bool:
    """False where pint reads ``variant`` as a unit other than ``key``."""
    import pint

    try:
        return str(units.Unit(variant)) == key
    except (pint.errors.PintError, AttributeError, TypeError, ValueError):
        return True  # pint knows no such unit: the variant is ours alone


def _has_case(surface: str) -> bool:
    """A symbol of two or more ASCII letters, which no case-blind rule matches."""
    plain = surface.isascii() and surface.isalpha()
    return len(surface) >= 2 and plain and not is_folded_surface(surface)


def _variants(symbol: str) -> set[str]:
    """Upper case (``HZ``, ``HP``); for three letters or more, lower and capitalised too."""
    variants = {symbol.upper()}
    if len(symbol) >= 3:
        variants |= {symbol.lower(), symbol[:1].upper() + symbol[1:].lower()}
    return variants - {symbol}


#: The longest line of the table; an entry longer than this lists one surface a line.
_LINE = 100


def _render(units: pint.UnitRegistry[float], entries: dict[str, list[str]]) -> str:
    sections: dict[str, list[str]] = {}
    for key, surfaces in entries.items():
        line = f"{key} = " + " | ".join(surfaces)
        if len(line) > _LINE:  # one surface an indented line: a change is a one-line diff
            line = "\n    ".join([f"{key} =", *surfaces])
        sections.setdefault(_dimension(units, key), []).append(line)
    lines = [
        "# Units of measure generated from pint's registry: pint unit = how a text writes it.",
        "# Written by `make units` (python -m numclaims._unit_table) from unit_sources.txt",
        "# and unit_exclusions.txt; do not edit.  tests/test_unit_table.py checks it.",
    ]
    for section in sorted(sections):
        lines += ["", f"[{section}]", *sections[section]]
    return "\n".join(lines) + "\n"


def _dimension(units: pint.UnitRegistry[float], key: str) -> str:
    """The name pint gives the dimension of ``key`` (``energy``), or its formula."""
    dimensionality = units.get_dimensionality(key)
    if not dimensionality:
        return "dimensionless"
    for name in units._dimensions:
        if name != "[]" and units.get_dimensionality(name) == dimensionality:
            return name.strip("[]")
    return str(dimensionality).replace("[", "").replace("]", "") or "dimensionless"


if __name__ == "__main__":  # make units
    print(table_source(), end="")
