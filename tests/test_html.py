"""The HTML view (numclaims.render_html, numclaims --html): one page, escaped, every claim marked.

The page is read back with the standard library's HTML parser: each claim
must be one ``<mark>`` whose text is the claim's text, in order, with the
text between marks exactly the text between claims; the JSON records the
card is filled from must describe the same claims.  The browser test
(tests/integrations/browser) checks what a reader sees.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from numclaims import InputTypeError, Options, Quantity, parse_quantities, render_html

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "seed_article.txt"


class _Page(HTMLParser):
    """What a test needs of a page: the text shown, the marks, the data, external references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []  # the characters inside #nc-text, marks included
        self.marks: list[dict[str, Any]] = []
        self.data = ""
        self.scripts: list[str] = []
        self.external: list[str] = []
        self.rows = 0
        self.links: list[str] = []
        self._in_text = 0
        self._mark: dict[str, Any] | None = None
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("src", "href"):
            value = attributes.get(name)
            if value and not value.startswith("#"):
                self.external.append(value)
        if tag == "a" and attributes.get("href", "").startswith("#"):
            self.links.append(str(attributes["href"]))
        if attributes.get("id") == "nc-text":
            self._in_text = 1
        elif self._in_text:
            self._in_text += 1
        if tag == "mark" and self._in_text:
            self._mark = {**attributes, "text": "", "offset": len("".join(self.text))}
        if tag == "script":
            self._script = attributes.get("id") or ""
        if tag == "tr":
            self.rows += 1

    def handle_endtag(self, tag: str) -> None:
        if self._in_text:
            self._in_text -= 1
        if tag == "mark" and self._mark is not None:
            self.marks.append(self._mark)
            self._mark = None
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            if self._script == "nc-data":
                self.data += data
            else:
                self.scripts.append(data)
        elif self._in_text:
            self.text.append(data)
            if self._mark is not None:
                self._mark["text"] += data


def read(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    return parsed


def assert_shows(text: str, found: list[Quantity], page: str) -> _Page:
    """The page shows ``text`` exactly, each of ``found`` as one mark at its place."""
    parsed = read(page)
    assert "".join(parsed.text) == text
    assert [m["text"] for m in parsed.marks] == [q.text for q in found]
    assert [m["offset"] for m in parsed.marks] == [q.start for q in found]
    assert [m["class"] for m in parsed.marks] == [f"nc nc-{q.kind}" for q in found]
    assert [m["tabindex"] for m in parsed.marks] == ["0"] * len(found)
    records = json.loads(parsed.data)
    assert [(r["text"], r["start"], r["end"], r["kind"]) for r in records] == [
        (q.text, q.start, q.end, q.kind) for q in found
    ]
    assert parsed.rows == len(found) + 1  # the header row, then one row a claim
    assert parsed.links == [f"#q{i}" for i in range(len(found))]
    assert parsed.external == []  # nothing fetched: the page works offline
    return parsed


def test_sample_article_page_shows_every_claim() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    found = parse_quantities(text)
    page = render_html(text, title="Ukraine war")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Ukraine war</title>" in page
    parsed = assert_shows(text, found, page)
    records = json.loads(parsed.data)
    first = records[[q.text for q in found].index("Up to 647")]
    assert (first["value"], first["bound"], first["entity"]) == (647, "at_most", "tanks")
    assert f"{len(found)} claims found" in page


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<script>alert(x)</script> cost $5", "&lt;script&gt;alert(x)&lt;/script&gt; cost "),
        ("A & B paid £3 </script><b>", "A &amp; B paid "),
        ('He said "5 km" & left', 'He said "'),
    ],
)
def test_text_is_escaped(text: str, shown: str) -> None:
    """Markup in the text is shown as text, never run or parsed as the page's own."""
    page = render_html(text)
    assert shown in page
    assert page.count("<script") == 2  # the page's data and its script, no other
    parsed = assert_shows(text, parse_quantities(text), page)
    assert "alert(x)" not in "".join(parsed.scripts)


def test_data_cannot_close_its_script() -> None:
    """A claim's entity holding ``</script>`` stays inside the JSON data."""
    text = "They sold 5 </script> boxes."
    quantity = parse_quantities("They sold 5 boxes.")[0].model_copy(update={"entity": "</script>"})
    page = render_html(text, [quantity])
    parsed = read(page)
    assert json.loads(parsed.data)[0]["entity"] == "</script>"


def test_lines_and_paragraphs_are_kept() -> None:
    text = "Headline: 5 km\n\nFirst paragraph, 10%.\nSecond line\r\nwith $3.\n"
    page = render_html(text)
    assert_shows(text, parse_quantities(text), page)
    assert "white-space:pre-wrap" in page


def test_claims_show_their_source_hedge_and_time() -> None:
    """A claim (anything with a ``quantity``) adds its context to the card's record."""
    text = "Officials said up to 30 people may have died last week."
    quantity = parse_quantities(text)[0]
    span = SimpleNamespace
    claim = SimpleNamespace(
        quantity=quantity,
        source=span(text="Officials", start=0, end=9),
        source_via=None,
        hedge=span(text="may", start=31, end=34),
        time=span(text="last week", start=44, end=53),
    )
    page = render_html(text, [claim])
    records = json.loads(read(page).data)
    assert records == [
        {
            "text": "up to 30",
            "start": 15,
            "end": 23,
            "kind": "number",
            "value": 30.0,
            "bound": "at_most",
            "qualifier": "up to",
            "entity": "people",
            "source": "Officials",
            "hedge": "may",
            "time": "last week",
        }
    ]


def test_results_in_any_order_are_shown_in_text_order() -> None:
    text = "Sales rose 5% to $40k in 3 days."
    found = parse_quantities(text)
    assert_shows(text, found, render_html(text, list(reversed(found))))


def test_no_claim_gives_a_page_with_an_empty_table() -> None:
    page = render_html("Nothing to see here.")
    assert_shows("Nothing to see here.", [], page)
    assert "0 claims found" in page


@pytest.mark.parametrize(
    ("results", "error", "message"),
    [
        ("5 km", InputTypeError, "results"),
        ([5], InputTypeError, r"results\[0\]"),
        ([Quantity(kind="number", text="6", start=0, end=1, value=6.0)], ValueError, "not text"),
    ],
)
def test_bad_results_are_refused(results: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        render_html("5 km", results)  # type: ignore[arg-type]


def test_overlapping_results_are_refused() -> None:
    text = "It is 5 km long."
    q = parse_quantities(text)[0]
    inner = Quantity(kind="number", text="5", start=6, end=7, value=5.0)
    with pytest.raises(ValueError, match="overlaps"):
        render_html(text, [q, inner])


def test_wrong_text_type_is_refused() -> None:
    with pytest.raises(InputTypeError):
        render_html(b"5 km")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        render_html("5 km", title=5)  # type: ignore[arg-type]


def test_every_kind_has_its_own_underline_style() -> None:
    """Kinds differ by underline style as well as colour: colour-blind readers tell them apart."""
    page = render_html("5 people paid $3 for 10% of 2 km.")
    styles = {
        kind: page.split(f".nc-{kind}{{", 1)[1].split("text-decoration:underline ", 1)[1].split()[0]
        for kind in ("number", "money", "percent", "measure")
    }
    assert len(set(styles.values())) == 4


def test_renders_in_linear_time() -> None:
    """300 KB of dense claims (23,000) renders in about ten times the time of 30 KB.

    The browser test loads the page of a 1 MB article.
    """
    unit = "Prices rose 5% to $40k and 1.2 km of road cost £3m. "
    claims = parse_quantities(unit)
    timings = []
    for size in (30_000, 300_000):
        copies = size // len(unit)
        found = [
            q.model_copy(update={"start": q.start + i * len(unit), "end": q.end + i * len(unit)})
            for i in range(copies)
            for q in claims
        ]
        start = time.process_time()
        page = render_html(unit * copies, found)
        timings.append(time.process_time() - start)
    assert page.count('tabindex="0"') == len(found)  # a focusable mark per claim
    assert timings[1] <= 20 * timings[0] + 0.05


def test_command_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    done = subprocess.run(
        [sys.executable, "-m", "numclaims", "--html", str(out), str(SAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = SAMPLE.read_text(encoding="utf-8")
    found = parse_quantities(text)
    assert_shows(text, found, out.read_text(encoding="utf-8"))
    assert f"{len(found)} claims shown in {out}" in done.stderr
    assert "<title>seed_article.txt</title>" in out.read_text(encoding="utf-8")


def test_command_html_honours_kinds_and_options(tmp_path: Path) -> None:
    source = tmp_path / "prices.txt"
    source.write_text("Prices rose 5% to $40k for 3 people.", encoding="utf-8")
    out = tmp_path / "view.html"
    done = subprocess.run(
        [sys.executable, "-m", "numclaims", "--html", str(out), "--kinds", "money",
         "--dollar", "CAD", str(source)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    found = parse_quantities(source.read_text(), options=Options(dollar="CAD"))
    money = [q for q in found if q.kind == "money"]
    parsed = assert_shows(source.read_text(), money, out.read_text(encoding="utf-8"))
    assert json.loads(parsed.data)[0]["unit"] == "CAD"


@pytest.mark.parametrize(
    ("files", "status", "message"),
    [
        (["a.txt", "b.txt"], 2, "--html shows one text; the inputs hold 2"),
        (["missing.txt"], 1, "missing.txt"),
    ],
)
def test_command_html_needs_one_readable_text(
    tmp_path: Path, files: list[str], status: int, message: str
) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("5 km", encoding="utf-8")
    out = tmp_path / "view.html"
    done = subprocess.run(
        [sys.executable, "-m", "numclaims", "--html", str(out), *files],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == status
    assert message in done.stderr
    assert not out.exists()


def test_an_error_names_the_result_by_its_place_as_given() -> None:
    """Results are shown in text order, but a bad one is named by where the caller put it."""
    text = "It is 5 km and 7 kg."
    good = parse_quantities(text)[1]
    stray = Quantity(kind="number", text="9", start=0, end=1, value=9.0)
    with pytest.raises(ValueError, match=r"^results\[1\] '9' is not text\[0:1\]$"):
        render_html(text, [good, stray])
