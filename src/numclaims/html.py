"""One self-contained HTML page that shows every claim numclaims found in a text.

>>> from numclaims import render_html
>>> page = render_html("Prices rose 5% to $40k.", title="Prices")
>>> page.startswith("<!DOCTYPE html>"), page.count('<mark class="nc nc-money" id=')
(True, 1)

The page needs nothing but itself: no stylesheet, script or font is fetched,
so it opens offline and can be mailed or archived.  The text keeps its line
breaks and paragraphs (``white-space: pre-wrap``) and is escaped, so a text
holding ``<script>`` shows it as text.  Each claim is a ``<mark>`` coloured by
its kind, with an underline style of its own so that the kind never rests on
colour alone, and focusable from the keyboard.  Hovering or focusing it fills
one card with its value, unit, SI value, range ends, bound, change and
entity, and for a claim its source, hedge and time; the card is filled from
one JSON record per claim, not built for every claim, so that a 1 MB article
with thousands of claims loads at once.  Below the text, a table of all
claims, sortable by any column, links each row to its highlight.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import Any, get_args

from numclaims.errors import InputTypeError
from numclaims.models import Kind, Quantity

__all__ = ["render_html"]

#: Each kind's colour (the Okabe-Ito palette, told apart by colour-blind
#: readers) and underline style (told apart without colour at all).
_STYLES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "number": ("#0072B2", "solid"),
        "money": ("#009E73", "double"),
        "percent": ("#D55E00", "dashed"),
        "measure": ("#CC79A7", "dotted"),
    }
)
#: The styles of kinds past these four, in turn.
_SPARE_STYLES = (("#E69F00", "wavy"), ("#56B4E9", "solid"), ("#F0E442", "dashed"))

#: What a card shows of a quantity, by field, in order; a field that is None is left out.
_CARD_FIELDS = (
    "kind",
    "value",
    "low",
    "high",
    "unit",
    "per",
    "si_value",
    "si_low",
    "si_high",
    "si_unit",
    "bound",
    "qualifier",
    "change",
    "entity",
)
#: What a card shows of a claim besides its quantity.
_CLAIM_FIELDS = ("source", "source_via", "hedge", "time")
#: The columns of the summary table: a field of the card, or the claim's text.
_TABLE_COLUMNS = ("text", "kind", "value", "unit", "bound", "entity")


def render_html(
    text: str, results: Iterable[object] | None = None, *, title: str | None = None
) -> str:
    """The page that shows ``text`` with its claims highlighted, as one HTML string.

    ``results`` are the quantities (:class:`~numclaims.Quantity`) or the
    claims (anything with a ``quantity`` attribute, such as what
    ``extract_claims`` returns) found in ``text``; None reads the claims of
    ``text`` with the default options.  Each must index ``text`` exactly
    (``text[start:end] == quantity.text``) and none may overlap another:
    :class:`~numclaims.InputTypeError` or ``ValueError`` says which does not.
    """
    if not isinstance(text, str):
        raise InputTypeError.for_value(text, "text")
    if title is not None and not isinstance(title, str):
        raise InputTypeError.for_value(title, "title", "str or None")
    records = _records(text, _results(text, results))
    return _page(text, records, title or "numclaims")


def _results(text: str, results: Iterable[object] | None) -> list[object]:
    if results is None:
        from numclaims._claims import extract_claims

        return list(extract_claims(text))
    if isinstance(results, str | bytes):
        raise InputTypeError.for_value(results, "results", "an iterable of quantities or claims")
    return list(results)


def _records(text: str, results: Sequence[object]) -> list[dict[str, Any]]:
    """One plain record per result, in text order, after checking its span.

    An error names the result by its place in ``results``, as given.
    """
    checked = [(_quantity_of(result, index), index, result) for index, result in enumerate(results)]
    records = []
    end = 0
    for quantity, index, result in sorted(checked, key=lambda item: item[0].start):
        if text[quantity.start : quantity.end] != quantity.text:
            raise ValueError(
                f"results[{index}] {quantity.text!r} is not text[{quantity.start}:{quantity.end}]"
            )
        if quantity.start < end:
            raise ValueError(f"results[{index}] {quantity.text!r} overlaps the claim before it")
        end = quantity.end
        records.append(_record(result, quantity))
    return records


def _quantity_of(result: object, index: int) -> Quantity:
    quantity = result if isinstance(result, Quantity) else getattr(result, "quantity", result)
    if not isinstance(quantity, Quantity):
        raise InputTypeError.for_value(result, f"results[{index}]", "a Quantity or a claim")
    return quantity


def _record(result: object, quantity: Quantity) -> dict[str, Any]:
    """What the card and the table show of one result: plain JSON values."""
    record: dict[str, Any] = {"text": quantity.text, "start": quantity.start, "end": quantity.end}
    for field in _CARD_FIELDS:
        value = getattr(quantity, field)
        if value is not None and not (field == "bound" and value == "exact"):
            record[field] = value
    if quantity.is_delta:
        record["is_delta"] = "yes"
    if result is not quantity:
        for field in _CLAIM_FIELDS:
            span = getattr(result, field, None)
            if span is not None:
                record[field] = getattr(span, "text", str(span))
    return record


def _kinds(records: Sequence[Mapping[str, Any]]) -> dict[str, tuple[str, str]]:
    """The style of every kind the models know, and of any other kind present."""
    known = list(get_args(Kind))
    kinds = known + sorted({r["kind"] for r in records} - set(known))
    spare = iter(_SPARE_STYLES * (len(kinds) // len(_SPARE_STYLES) + 1))
    return {kind: _STYLES.get(kind) or next(spare) for kind in kinds}


def _css_name(kind: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in kind)


def _marked(text: str, records: Sequence[Mapping[str, Any]]) -> str:
    """``text`` escaped, each claim in its ``<mark>``."""
    parts, at = [], 0
    for index, record in enumerate(records):
        start, end = record["start"], record["end"]
        parts.append(html.escape(text[at:start], quote=False))
        kind = _css_name(record["kind"])
        parts.append(
            f'<mark class="nc nc-{kind}" id="q{index}" data-i="{index}" tabindex="0" '
            f'aria-describedby="nc-card">{html.escape(text[start:end], quote=False)}</mark>'
        )
        at = end
    parts.append(html.escape(text[at:], quote=False))
    return "".join(parts)


def _table(records: Sequence[Mapping[str, Any]]) -> str:
    """The summary table: a row per claim, each linked to its highlight."""
    head = "".join(
        f'<th scope="col"><button type="button" data-col="{n}">{html.escape(c)}</button></th>'
        for n, c in enumerate(("#", *_TABLE_COLUMNS))
    )
    rows = []
    for index, record in enumerate(records):
        cells = [f'<td data-sort="{index}">{index + 1}</td>']
        for column in _TABLE_COLUMNS:
            value = record.get(column)
            if column == "value" and value is None and "low" in record:  # a range: its ends
                low, high = record["low"], record["high"]
                cells.append(f'<td data-sort="{low!r}">{_shown(low)}–{_shown(high)}</td>')
                continue
            if isinstance(value, int | float):
                cells.append(f'<td data-sort="{value!r}">{_shown(value)}</td>')
                continue
            shown = "" if value is None else html.escape(str(value))
            if column == "text":
                shown = f'<a href="#q{index}">{shown}</a>'
            cells.append(f'<td data-sort="{html.escape(str(value or "").lower())}">{shown}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table id="nc-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _shown(value: object) -> str:
    """A value as the page shows it: ``1500000000`` as ``1,500,000,000``."""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) < 1e16 else f"{value:,.6g}"
    return str(value)


def _legend(kinds: Mapping[str, tuple[str, str]], records: Sequence[Mapping[str, Any]]) -> str:
    counts = dict.fromkeys(kinds, 0)
    for record in records:
        counts[record["kind"]] += 1
    items = "".join(
        f'<li><mark class="nc nc-{_css_name(kind)}">{html.escape(kind)}</mark> '
        f"{count} · {style} underline</li>"
        for kind, (_, style) in kinds.items()
        for count in (counts[kind],)
    )
    return f'<ul id="nc-legend" aria-label="Kinds of claim">{items}</ul>'


def _css(kinds: Mapping[str, tuple[str, str]]) -> str:
    rules = "".join(
        f".nc-{_css_name(kind)}{{background:{colour}26;text-decoration:underline {style} "
        f"{colour};text-decoration-thickness:2px;text-underline-offset:3px}}"
        for kind, (colour, style) in kinds.items()
    )
    return _asset("html_view.css") + rules


def _asset(name: str) -> str:
    return resources.files("numclaims").joinpath("data", "view", name).read_text("utf-8")


def _page(text: str, records: list[dict[str, Any]], title: str) -> str:
    kinds = _kinds(records)
    # No "</" may close the script element early: JSON allows the slash escaped.
    data = json.dumps(records, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    noun = "claim" if len(records) == 1 else "claims"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_css(kinds)}</style></head>"
        f"<body><header><h1>{html.escape(title)}</h1>"
        f'<p id="nc-count">{len(records)} {noun} found by numclaims.</p>'
        f"{_legend(kinds, records)}</header>"
        f'<main><div id="nc-text">{_marked(text, records)}</div>'
        '<div id="nc-card" role="tooltip" hidden></div>'
        f"<h2>All claims</h2>{_table(records)}</main>"
        f'<script type="application/json" id="nc-data">{data}</script>'
        f"<script>{_asset('html_view.js')}</script></body></html>\n"
    )
