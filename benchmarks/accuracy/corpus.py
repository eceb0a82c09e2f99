"""Load and check the gold corpus under ``benchmarks/corpus``.

The corpus is a folder of JSON Lines files, one sentence a line::

    {"id": "...", "text": "...", "quantities": [{"text", "start", "end", "kind", "value",
     "low", "high", "unit", "bound", "entity", "per", "optional"}, ...]}

Field meanings follow :class:`numclaims.Quantity`: spans are code-point offsets
with ``text == sentence[start:end]``; a range has ``low``/``high`` and no
``value``; ``unit`` is None for numbers, an ISO 4217 code for money,
``percent``/``percentage_point``/``basis_point`` for percents and a pint unit
name for measures; a ratio and a multiple have none.  ``per`` (optional) is
what a rate of money is counted per: a pint unit or a count noun.
``optional: true`` marks a genuinely ambiguous gold item that the scorer
neither rewards nor punishes.  Each file's stem names its
domain (``traps`` holds sentences with no quantity at all).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.accuracy.units import parse_unit

__all__ = [
    "BOUNDS",
    "CORPUS_DIR",
    "ISO_4217_CODES",
    "KINDS",
    "PERCENT_UNITS",
    "GoldItem",
    "Sentence",
    "load_corpus",
    "parse_line",
    "validate",
]

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
"""The default corpus folder: ``benchmarks/corpus``, beside this package."""

KINDS = frozenset({"number", "money", "percent", "measure", "ratio", "multiple"})
"""The kinds a quantity can have."""

BOUNDS = frozenset({"exact", "approximate", "at_most", "at_least", "less_than", "more_than"})
"""The bounds a text can put on a value."""

PERCENT_UNITS = frozenset({"percent", "percentage_point", "basis_point"})
"""The units a percent can have."""

_ISO_4217_LIST_ONE = """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN
    BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
    CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK
    DJF DKK DOP DZD
    EGP ERN ETB EUR
    FJD FKP
    GBP GEL GHS GIP GMD GNF GTQ GYD
    HKD HNL HTG HUF
    IDR ILS INR IQD IRR ISK
    JMD JOD JPY
    KES KGS KHR KMF KPW KRW KWD KYD KZT
    LAK LBP LKR LRD LSL LYD
    MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN
    NAD NGN NIO NOK NPR NZD
    OMR
    PAB PEN PGK PHP PKR PLN PYG
    QAR
    RON RSD RUB RWF
    SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL
    THB TJS TMT TND TOP TRY TTD TWD TZS
    UAH UGX USD USN UYI UYU UYW UZS
    VED VES VND VUV
    WST
    XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA
    YER
    ZAR ZMW ZWG
"""

ISO_4217_CODES = frozenset(_ISO_4217_LIST_ONE.split())
"""The active alphabetic currency and funds codes of ISO 4217.

Source: ISO 4217, *Codes for the representation of currencies*, List One
(current currency & funds code list, maintained by SIX on behalf of ISO), as
amended to 2025 — including XCG (Caribbean guilder) beside ANG for the
guilder's changeover, ZWG (Zimbabwe Gold) and SLE (new leone), and without
codes that had been withdrawn by then (HRK, SLL, ZWL, CUC).  The codes for
testing (XTS) and for "no currency" (XXX) are left out on purpose: neither
can be the unit of an amount written in a text.
"""


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold quantity of a sentence, as annotated."""

    text: str
    start: int
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    bound: str
    entity: str | None
    optional: bool = False
    per: str | None = None

    @property
    def is_range(self) -> bool:
        """True when the item is a range (``low`` or ``high`` set)."""
        return self.low is not None or self.high is not None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One annotated sentence, remembering the corpus file (domain) it came from."""

    id: str
    text: str
    quantities: tuple[GoldItem, ...]
    domain: str
    line: int = 0

    @property
    def where(self) -> str:
        """``domain.jsonl:line`` for messages."""
        return f"{self.domain}.jsonl:{self.line}"


def _number(raw: Mapping[str, Any], key: str) -> float | None:
    """``raw[key]`` as a float, None when absent or null; ValueError for non-numbers."""
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{key} must be a number or null, not {value!r}")
    return float(value)


def _string(raw: Mapping[str, Any], key: str, default: str | None = None) -> str | None:
    """``raw[key]`` as a string, ``default`` when absent or null; ValueError otherwise."""
    value = raw.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValueError(f"{key} must be a string or null, not {value!r}")
    return value


def _integer(raw: Mapping[str, Any], key: str) -> int:
    """``raw[key]`` as an int; ValueError when absent or not an integer."""
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key} must be an integer, not {value!r}")
    return value


def _gold_item(raw: Any) -> GoldItem:
    """Build a :class:`GoldItem` from one decoded ``quantities`` entry."""
    if not isinstance(raw, dict):
        raise ValueError(f"a quantity must be an object, not {raw!r}")
    optional = raw.get("optional", False)
    if not isinstance(optional, bool):
        raise ValueError(f"optional must be true or false, not {optional!r}")
    return GoldItem(
        text=_string(raw, "text", "") or "",
        start=_integer(raw, "start"),
        end=_integer(raw, "end"),
        kind=_string(raw, "kind", "") or "",
        value=_number(raw, "value"),
        low=_number(raw, "low"),
        high=_number(raw, "high"),
        unit=_string(raw, "unit"),
        bound=_string(raw, "bound", "exact") or "",
        entity=_string(raw, "entity"),
        optional=optional,
        per=_string(raw, "per"),
    )


def parse_line(line: str, domain: str, number: int = 0) -> Sentence:
    """Decode one JSON Lines record; ValueError naming the file and line when malformed."""
    where = f"{domain}.jsonl:{number}"
    try:
        raw = json.loads(line)
        if not isinstance(raw, dict):
            raise ValueError("a line must be a JSON object")
        quantities = raw.get("quantities", [])
        if not isinstance(quantities, list):
            raise ValueError("quantities must be a list")
        sentence_id = raw.get("id")
        text = raw.get("text")
        if not isinstance(sentence_id, str) or not sentence_id:
            raise ValueError(f"id must be a non-empty string, not {sentence_id!r}")
        if not isinstance(text, str):
            raise ValueError(f"text must be a string, not {text!r}")
        items = tuple(_gold_item(item) for item in quantities)
    except ValueError as error:  # json.JSONDecodeError is a ValueError
        raise ValueError(f"{where}: {error}") from error
    return Sentence(id=sentence_id, text=text, quantities=items, domain=domain, line=number)


def load_corpus(directory: str | Path | None = None) -> list[Sentence]:
    """Every sentence of every ``*.jsonl`` file in ``directory`` (default: ``CORPUS_DIR``).

    Files are read in name order and lines in file order; blank lines are
    skipped.  Raises FileNotFoundError when the folder does not exist and
    ValueError (naming file and line) for a malformed line.
    """
    folder = Path(directory) if directory is not None else CORPUS_DIR
    if not folder.is_dir():
        raise FileNotFoundError(f"no corpus folder at {folder}")
    sentences: list[Sentence] = []
    for path in sorted(folder.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if line.strip():
                sentences.append(parse_line(line, path.stem, number))
    return sentences


def _span_problems(sentence: Sentence, index: int, item: GoldItem) -> list[str]:
    """Problems with one item's span: bounds and text."""
    label = f"{sentence.where} {sentence.id} #{index}"
    if not 0 <= item.start < item.end <= len(sentence.text):
        return [f"{label}: span {item.start}-{item.end} is empty or outside the text"]
    actual = sentence.text[item.start : item.end]
    if actual != item.text:
        return [f"{label}: span text {item.text!r} != text[{item.start}:{item.end}] {actual!r}"]
    return []


def _value_problems(item: GoldItem) -> list[str]:
    """Problems with an item's value or range."""
    problems: list[str] = []
    numbers = [n for n in (item.value, item.low, item.high) if n is not None]
    if any(not math.isfinite(n) for n in numbers):
        problems.append("value, low and high must be finite")
    if item.is_range:
        if item.low is None or item.high is None:
            problems.append("a range needs both low and high")
        elif item.low > item.high:
            problems.append(f"range low {item.low} > high {item.high}")
        if item.value is not None:
            problems.append("a range must have value null")
    elif item.value is None:
        problems.append("a non-range needs a value")
    return problems


#: The kinds with no unit: a plain number, a ratio (3 in 10) and a multiple (six times).
_UNITLESS = frozenset({"number", "ratio", "multiple"})


def _unit_problems(item: GoldItem) -> list[str]:
    """Problems with an item's kind and unit."""
    if item.kind not in KINDS:
        return [f"unknown kind {item.kind!r}"]
    if item.kind in _UNITLESS:
        return [] if item.unit is None else [f"a {item.kind} has no unit, got {item.unit!r}"]
    if item.unit is None:
        return [f"a {item.kind} needs a unit"]
    if item.kind == "money" and item.unit not in ISO_4217_CODES:
        return [f"money unit {item.unit!r} is not an active ISO 4217 code"]
    if item.kind == "percent" and item.unit not in PERCENT_UNITS:
        return [f"percent unit {item.unit!r} is not one of {sorted(PERCENT_UNITS)}"]
    if item.kind == "measure" and parse_unit(item.unit) is None:
        return [f"measure unit {item.unit!r} does not parse in pint"]
    return []


def _item_problems(sentence: Sentence, index: int, item: GoldItem) -> list[str]:
    """Every problem with one gold item, each prefixed with where it is."""
    label = f"{sentence.where} {sentence.id} #{index}"
    found = _span_problems(sentence, index, item)
    details = [*_value_problems(item), *_unit_problems(item)]
    if item.bound not in BOUNDS:
        details.append(f"unknown bound {item.bound!r}")
    if item.entity is not None and (
        not item.entity.strip() or item.entity.casefold() not in sentence.text.casefold()
    ):
        details.append(f"entity {item.entity!r} does not occur in the text")
    return found + [f"{label}: {detail}" for detail in details]


def _order_problems(sentence: Sentence) -> list[str]:
    """Spans that are out of order or overlap the previous item."""
    problems: list[str] = []
    for index in range(1, len(sentence.quantities)):
        before, item = sentence.quantities[index - 1], sentence.quantities[index]
        if item.start < before.end:
            problems.append(
                f"{sentence.where} {sentence.id} #{index}: span {item.start}-{item.end} is out "
                f"of order with or overlaps the previous span {before.start}-{before.end}"
            )
    return problems


def _duplicate_ids(sentences: Iterable[Sentence]) -> list[str]:
    """One problem per id used by more than one sentence."""
    counts = Counter(sentence.id for sentence in sentences)
    return [f"duplicate id {key!r} ({n} sentences)" for key, n in counts.items() if n > 1]


def validate(sentences: Sequence[Sentence]) -> list[str]:
    """Human-readable problems with the corpus; an empty list means it is sound.

    Checks: span text matches ``text[start:end]``; spans in order and not
    overlapping; known kind and bound; a range has no value and low <= high; a
    non-range has a value; a number has no unit and other kinds have one;
    money units are active ISO 4217 codes; percent units are known; measure
    units parse in pint; an entity occurs in the text (ignoring case); ids
    are unique.
    """
    problems: list[str] = []
    for sentence in sentences:
        for index, item in enumerate(sentence.quantities):
            problems.extend(_item_problems(sentence, index, item))
        problems.extend(_order_problems(sentence))
    problems.extend(_duplicate_ids(sentences))
    return problems
