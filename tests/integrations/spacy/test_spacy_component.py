"""The "numclaims" spaCy component: found by name, configured and validated by spaCy,
results in ``doc.spans``, ``Span._.quantity`` and ``Doc._.quantities``."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
import spacy
from confection import ConfigValidationError
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from numclaims import Options, Quantity, parse_quantities
from numclaims.spacy_component import NumclaimsComponent, register_extensions

pytestmark = pytest.mark.spacy

TEXT = "Prices rose 5% to $40k. The convoy moved at 5 km/h. Up to 647 tanks were lost."
TEXTS = [
    TEXT,
    "It cost €400m. It was 44C.",
    "No numbers here.",
    "between 7,000 and 15,000 Russian soldiers",
    "They lost £1.5billion worth of yachts.",
]


def run(code: str, *args: str, cwd: Path | None = None) -> str:
    """Run ``code`` in a fresh interpreter and return what it printed."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_registered_through_the_entry_point() -> None:
    """The installed package advertises the factory, and a fresh spaCy finds it by name
    without numclaims being imported first."""
    found = entry_points(group="spacy_factories", name="numclaims")
    assert [ep.value for ep in found] == ["numclaims.spacy_component:make_numclaims"]
    printed = run(
        """
        import sys, spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("numclaims")
        doc = nlp("It cost $5 and 3 km.")
        print([s.text for s in doc.spans["numclaims"]])
        """
    )
    assert printed == "['$5', '3 km']"


def test_import_numclaims_loads_no_extra() -> None:
    """``import numclaims`` imports neither spaCy nor the server's FastAPI, Starlette, uvicorn."""
    printed = run(
        """
        import sys, numclaims, numclaims.server
        heavy = {"spacy", "thinc", "fastapi", "starlette", "uvicorn", "httpx"}
        print(sorted(heavy & {name.split(".")[0] for name in sys.modules}))
        """
    )
    assert printed == "[]"


def test_results_in_spans_and_extensions(nlp: Language) -> None:
    """Spans labelled by kind, ``Span._.quantity`` the model, ``Doc._.quantities`` the list."""
    doc = nlp(TEXT)
    expected = parse_quantities(TEXT)
    spans = doc.spans["numclaims"]
    assert [(s.text, s.label_) for s in spans] == [(q.text, q.kind) for q in expected]
    assert [s._.quantity for s in spans] == expected
    assert all(isinstance(s._.quantity, Quantity) for s in spans)
    assert doc._.quantities == expected
    assert doc[0:1]._.quantity is None  # a span that is no quantity


def test_config_options_reach_the_parser() -> None:
    """``options`` is a dict of Options fields; ``spans_key`` names the span group."""
    nlp = spacy.blank("en")
    nlp.add_pipe("numclaims", config={"options": {"dollar": "CAD"}, "spans_key": "q"})
    doc = nlp("Tickets cost $25.")
    assert doc.spans["q"][0]._.quantity.unit == "CAD"
    assert "numclaims" not in doc.spans
    assert nlp.get_pipe("numclaims").options == Options(dollar="CAD")
    assert nlp.config["components"]["numclaims"]["options"] == {"dollar": "CAD"}


BAD_CONFIGS = [
    ("bad-option-value", {"options": {"dollar": "XX"}}, "numclaims -> options -> dollar"),
    ("unknown-option", {"options": {"dolar": "CAD"}}, "numclaims -> options -> dolar"),
    ("option-wrong-type", {"options": {"entities": "maybe"}}, "numclaims -> options -> entities"),
    ("options-not-a-dict", {"options": 3}, "numclaims -> options"),
    ("spans-key-not-a-string", {"spans_key": 5}, "numclaims -> spans_key"),
    ("spans-key-empty", {"spans_key": ""}, "numclaims -> spans_key"),
    ("claims-reserved", {"claims": True}, "numclaims -> claims"),
    ("unknown-setting", {"span_key": "x"}, "numclaims -> span_key"),
]


@pytest.mark.parametrize(
    ("config", "where"), [c[1:] for c in BAD_CONFIGS], ids=[c[0] for c in BAD_CONFIGS]
)
def test_bad_config_is_spacys_config_error(config: dict[str, Any], where: str) -> None:
    """An invalid setting raises spaCy's ConfigValidationError naming the field."""
    with pytest.raises(ConfigValidationError) as caught:
        spacy.blank("en").add_pipe("numclaims", config=config)
    assert where in str(caught.value)


def test_claims_error_says_why() -> None:
    """``claims = true`` is refused until claim context exists, and the error says so."""
    with pytest.raises(ConfigValidationError, match="claim context is not available yet"):
        spacy.blank("en").add_pipe("numclaims", config={"claims": True})


def test_pipeline_saves_and_loads(nlp: Language, tmp_path: Path) -> None:
    """``nlp.to_disk`` then ``spacy.load`` rebuilds the component from its config."""
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["numclaims"]
    assert loaded(TEXT)._.quantities == parse_quantities(TEXT)


def test_docs_keep_their_quantities_as_bytes(nlp: Language) -> None:
    """``Doc.to_bytes`` and ``DocBin(store_user_data=True)`` keep the spans and quantities."""
    doc = nlp(TEXT)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.quantities == doc._.quantities
    assert [s._.quantity for s in again.spans["numclaims"]] == doc._.quantities
    box = DocBin(store_user_data=True)
    box.add(doc)
    (back,) = DocBin().from_bytes(box.to_bytes()).get_docs(nlp.vocab)
    assert back._.quantities == doc._.quantities


def test_joined_docs_shift_the_quantities(nlp: Language) -> None:
    """After ``Doc.from_docs`` each quantity's offsets index the joined text."""
    first, second = nlp("It cost $5."), nlp("Up to 9 km.")
    joined = Doc.from_docs([first, second])
    for span in joined.spans["numclaims"]:
        quantity = span._.quantity
        assert quantity is not None
        assert joined.text[quantity.start : quantity.end] == quantity.text == span.text
    assert [q.text for q in joined._.quantities] == ["$5", "Up to 9 km"]


def test_running_twice_replaces_the_results(nlp: Language) -> None:
    """A second run over the same doc leaves one set of quantities, not two."""
    doc = nlp(TEXT)
    nlp.get_pipe("numclaims")(doc)
    assert doc._.quantities == parse_quantities(TEXT)


def test_component_pickles() -> None:
    """The component pickles and the copy gives the same results."""
    component = NumclaimsComponent("numclaims", options=Options(dollar="AUD"), spans_key="k")
    copy = pickle.loads(pickle.dumps(component))
    assert (copy.name, copy.options, copy.spans_key) == ("numclaims", Options(dollar="AUD"), "k")
    doc = copy(spacy.blank("en")("It cost $5."))
    assert doc.spans["k"][0]._.quantity.unit == "AUD"


def test_extensions_clash_is_an_error() -> None:
    """If another library owns ``Span._.quantity``, registering ours says so."""
    existing = Span.get_extension("quantity")
    Span.remove_extension("quantity")
    Span.set_extension("quantity", default=None)
    try:
        with pytest.raises(ValueError, match=r"Span\._\.quantity is already registered"):
            register_extensions()
    finally:
        Span.remove_extension("quantity")
        if existing is not None:
            Span.set_extension("quantity", getter=existing[2])


@Language.component("numclaims_test_read_back")
def read_back(doc: Doc) -> Doc:
    """Read the extensions inside the process that runs the pipeline (a worker, under
    ``n_process=2``) and record whether they answered."""
    spans = doc.spans["numclaims"]
    ok = all(s._.quantity is not None and s._.quantity.text == s.text for s in spans)
    doc.cats["read_back"] = float(ok and len(doc._.quantities) == len(spans))
    return doc


def test_n_process_2(nlp: Language) -> None:
    """``nlp.pipe(texts, n_process=2)`` gives the same results; the extensions work inside the
    workers (a later component reads them there) and on the docs they send back."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("numclaims")
    pipeline.add_pipe("numclaims_test_read_back")
    docs = list(pipeline.pipe(TEXTS * 4, n_process=2, batch_size=3))
    assert [doc._.quantities for doc in docs] == [parse_quantities(t) for t in TEXTS * 4]
    assert all(doc.cats["read_back"] == 1.0 for doc in docs)


SPAWN_SCRIPT = """
import json, multiprocessing, sys
import spacy
from spacy.language import Language

@Language.component("read_back")
def read_back(doc):
    spans = doc.spans["numclaims"]
    ok = all(s._.quantity is not None and s._.quantity.text == s.text for s in spans)
    doc.cats["read_back"] = float(ok and len(doc._.quantities) == len(spans))
    return doc

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    texts = json.loads(sys.argv[1])
    nlp = spacy.blank("en")
    nlp.add_pipe("numclaims", config={"options": {"dollar": "CAD"}})
    nlp.add_pipe("read_back")
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    print(json.dumps([[q.model_dump(mode="json") for q in d._.quantities] for d in docs]))
    print(json.dumps([d.cats["read_back"] for d in docs]))
"""


def test_n_process_2_with_spawn(tmp_path: Path) -> None:
    """Under the ``spawn`` start method the workers get the component and the extensions by
    pickling, not by inheriting memory: results, and the read-back inside them, still hold."""
    script = tmp_path / "spawned.py"
    script.write_text(SPAWN_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), json.dumps(TEXTS)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    found, read_back = (json.loads(line) for line in done.stdout.splitlines())
    options = Options(dollar="CAD")
    assert found == [
        [q.model_dump(mode="json") for q in parse_quantities(t, options=options)] for t in TEXTS
    ]
    assert read_back == [1.0] * len(TEXTS)


class _SpanMarkup(HTMLParser):
    """The tokens displaCy's span style draws as highlighted, grouped into spans, with labels.

    A highlighted token is an inline-block ``<span>``; the first token of each span holds a
    nested element with the label's text.
    """

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[tuple[str, list[str]]] = []  # (label, token texts)
        self._depth = 0
        self._token_depth: int | None = None
        self._token_text: list[str] = []
        self._label: list[str] | None = None
        self._label_depth: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._depth += 1
        style = dict(attrs).get("style") or ""
        if tag == "span" and "display: inline-block" in style:
            self._token_depth, self._token_text = self._depth, []
        elif tag == "span" and "z-index: 10" in style:  # the label tag
            self._label, self._label_depth = [], self._depth

    def handle_endtag(self, tag: str) -> None:
        if self._label is not None and self._depth == self._label_depth:
            self.spans.append(("".join(self._label).strip(), []))
            self._label = None
        elif self._token_depth == self._depth:
            token = "".join(self._token_text).strip()
            self.spans[-1][1].append(token)
            self._token_depth = None
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self._label.append(data)
        elif self._token_depth is not None and self._depth == self._token_depth:
            self._token_text.append(data)


def test_displacy_renders_every_quantity(nlp: Language) -> None:
    """displaCy's span style shows each quantity's tokens under its kind label."""
    text = "Prices rose 5% to $40k. The convoy moved at 5 km/h. Up to 647 tanks were lost."
    doc = nlp(text)
    html = displacy.render(doc, style="span", options={"spans_key": "numclaims"})
    markup = _SpanMarkup()
    markup.feed(html)
    expected = [(q.kind, q.text.replace(" ", "")) for q in parse_quantities(text)]
    assert [(label, "".join(tokens)) for label, tokens in markup.spans] == expected
    for quantity in parse_quantities(text):
        assert quantity.kind in html


def test_vocabulary_in_the_config_as_data_or_a_file(tmp_path: Path) -> None:
    """A vocabulary reaches the component as JSON options, or as a file through ``@misc``."""
    text = "Rent rose to Dh8,500 a month; the bridge is 364.4 smoots."
    path = tmp_path / "newsroom.txt"
    path.write_text(
        "[definitions]\nsmoot = 1.7018 * meter\n[units]\nsmoot = smoots\n[currencies]\nAED = Dh\n",
        encoding="utf-8",
    )
    as_data = spacy.blank("en")
    as_data.add_pipe(
        "numclaims",
        config={"options": {"vocabulary": {"currencies": {"Dh": "AED"}}}},
    )
    doc = as_data(text)
    assert [(s.text, s._.quantity.unit) for s in doc.spans["numclaims"]] == [
        ("Dh8,500 a month", "AED"),
        ("364.4", None),
    ]
    from_file = spacy.blank("en")
    from_file.add_pipe(
        "numclaims",
        config={
            "options": {"vocabulary": {"@misc": "numclaims.vocabulary_file.v1", "path": str(path)}}
        },
    )
    doc = from_file(text)
    assert [(s.text, s._.quantity.unit) for s in doc.spans["numclaims"]] == [
        ("Dh8,500 a month", "AED"),
        ("364.4 smoots", "smoot"),
    ]
