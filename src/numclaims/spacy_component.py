"""numclaims as a spaCy pipeline component: ``nlp.add_pipe("numclaims")``.

Needs the ``spacy`` extra (``pip install 'numclaims[spacy]'``).  The factory
is registered with spaCy through the ``spacy_factories`` entry point, so
spaCy finds it by name without any import::

    nlp = spacy.blank("en")
    nlp.add_pipe("numclaims", config={"options": {"dollar": "CAD"}})
    doc = nlp("Tickets cost $25 and the walk is 5 km/h.")
    doc.spans["numclaims"]          # one Span per quantity, label = kind
    doc.spans["numclaims"][0]._.quantity   # the Quantity model
    doc._.quantities                # every Quantity, in text order

Each span covers exactly the quantity (``span.text == quantity.text``).
Where a quantity starts or ends inside one of spaCy's tokens (``5 km/h.``
ends in the token ``h.`` on ``spacy.blank("en")``) the component splits that
token with the retokenizer; see :func:`cut_plan` and :func:`pieces` for where,
and ``docs/spacy.md`` for what the new tokens inherit.

The module is named ``spacy_component``, not ``spacy``: a module called
``spacy`` inside the package would shadow the real spaCy wherever
``src/numclaims`` itself lands on ``sys.path`` (a script run from there, some
test and doc tools), and ``from numclaims import spacy`` would read like the
real thing in user code and in tracebacks.

Importing this module without spaCy installed works (so that doc tools and the
doctests can read it) and registers nothing; with spaCy installed, importing
it registers the factory, which is what spaCy's entry point does.

The quantities are kept in ``doc.user_data`` as plain JSON-ready dicts under
``("._.", "numclaims_quantity", start_char, end_char)``, spaCy's own key
layout for span extensions: they survive ``Doc.to_bytes``, ``DocBin(...,
store_user_data=True)``, ``nlp.pipe(..., n_process=2)`` (which sends docs back
from its workers as bytes) and ``Doc.from_docs`` (which shifts such keys).
``Span._.quantity`` and ``Doc._.quantities`` are getters that build the
frozen models from them on each access.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError

from numclaims._api import parse_quantities
from numclaims._vocabulary import Vocabulary
from numclaims.models import Options, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "FACTORY",
    "VOCABULARY_FILE",
    "NumclaimsComponent",
    "make_numclaims",
    "register_extensions",
    "vocabulary_file",
]

FACTORY = "numclaims"
"""The name to give ``nlp.add_pipe``."""

DEFAULT_CONFIG: dict[str, Any] = {"options": {}, "spans_key": "numclaims", "claims": False}
"""The component's config, validated by spaCy: ``options`` holds
:class:`~numclaims.Options` fields; ``claims`` is reserved for claim context."""

_DATA = "numclaims_quantity"
"""The name in ``doc.user_data`` keys under which each quantity's dict is stored."""

_ATTACH = "dep"
"""The dependency label of a split-off piece in a parsed doc (spaCy's unclassified label)."""


class NumclaimsComponent:
    """Find the quantities of ``doc.text`` and set them as spans, one per quantity.

    Plain data (a name, an :class:`~numclaims.Options`, a key), so it pickles:
    ``nlp.pipe(texts, n_process=2)`` sends it to its worker processes.
    """

    def __init__(
        self, name: str = FACTORY, *, options: Options | None = None, spans_key: str = "numclaims"
    ) -> None:
        self.name = name
        self.options = options or Options()
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        """Split tokens where a quantity needs it, then set the spans and the extension data."""
        quantities = parse_quantities(doc.text, options=self.options)
        _align(doc, quantities)
        spans = []
        for quantity in quantities:
            span = doc.char_span(quantity.start, quantity.end, label=quantity.kind)
            if span is None:  # _align makes every offset a token boundary
                raise AssertionError(f"no span for {quantity.text!r} at {quantity.start}")
            spans.append(span)
        doc.spans[self.spans_key] = spans
        store = _user_data(doc)
        for key in [key for key in store if _is_ours(key)]:
            del store[key]
        for quantity in quantities:
            store[("._.", _DATA, quantity.start, quantity.end)] = quantity.model_dump(mode="json")
        return doc

    def __repr__(self) -> str:
        return f"NumclaimsComponent(name={self.name!r}, spans_key={self.spans_key!r})"


def make_numclaims(
    nlp: object, name: str, options: dict[str, Any], spans_key: str, claims: bool
) -> NumclaimsComponent:
    """Build the component from its config (spaCy calls this for ``nlp.add_pipe("numclaims")``).

    spaCy checks the types of the arguments; this checks what they hold and
    raises spaCy's ``ConfigValidationError``, naming the field, for an invalid
    ``options`` field, an empty ``spans_key`` or ``claims=True``.

    Every annotation here must resolve from this module's globals, where
    spaCy is not imported: spaCy's config validation skips a factory whose
    hints do not resolve.  ``nlp`` (unused) is therefore ``object``.
    """
    from confection import ConfigValidationError

    config = {"options": options, "spans_key": spans_key, "claims": claims}
    errors: list[dict[str, Any]] = []
    try:
        checked = Options.model_validate(options)
    except ValidationError as error:
        errors.extend(
            {"loc": ["options", *map(str, item["loc"])], "msg": item["msg"]}
            for item in error.errors()
        )
    if not spans_key:
        errors.append({"loc": ["spans_key"], "msg": "must be a non-empty string"})
    if claims:
        errors.append(
            {
                "loc": ["claims"],
                "msg": "claim context is not available yet; leave claims = false",
            }
        )
    if errors:
        raise ConfigValidationError(
            config=config, errors=errors, title=f"Config error for '{FACTORY}'", parent=name
        )
    register_extensions()
    return NumclaimsComponent(name, options=checked, spans_key=spans_key)


def register_extensions() -> None:
    """Register ``Span._.quantity`` and ``Doc._.quantities`` (the component does it for you).

    Call it before reading quantities from docs that were saved by a pipeline
    with the component (``DocBin``, ``Doc.from_bytes``) in a process that has
    not built one.  Raises ``ValueError`` when another library already owns
    either name.
    """
    from spacy.tokens import Doc, Span

    _register(Span, "quantity", _span_quantity)
    _register(Doc, "quantities", _doc_quantities)


def _register(cls: type[Span] | type[Doc], name: str, getter: Callable[[Any], Any]) -> None:
    """Add the extension ``name`` with ``getter``, unless it is already numclaims' own."""
    existing = cls.get_extension(name)
    if existing is not None:
        _, _, current, _ = existing
        if getattr(current, "__module__", None) == __name__:
            return
        raise ValueError(f"{cls.__name__}._.{name} is already registered by another library")
    cls.set_extension(name, getter=getter)


def _span_quantity(span: Span) -> Quantity | None:
    """``Span._.quantity``: the quantity this span covers, or None."""
    data = _user_data(span.doc).get(("._.", _DATA, span.start_char, span.end_char))
    return None if data is None else _model(data, span.start_char)


def _doc_quantities(doc: Doc) -> list[Quantity]:
    """``Doc._.quantities``: every quantity the component found, in text order."""
    found = sorted((k[2], k[3], data) for k, data in _user_data(doc).items() if _is_ours(k))
    return [_model(data, start) for start, _, data in found]


def _user_data(doc: Doc) -> dict[Any, Any]:
    """``doc.user_data``, whose keys spaCy's stubs call ``str`` though spaCy's own are tuples."""
    return cast("dict[Any, Any]", doc.user_data)


def _is_ours(key: object) -> bool:
    return isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[1] == _DATA


def _model(data: Mapping[str, Any], start: int) -> Quantity:
    """The stored dict as a Quantity whose offsets start at ``start``.

    ``Doc.from_docs`` moves the key but not the offsets inside the dict.
    """
    shift = start - data["start"]
    if shift:
        entity_span = data.get("entity_span")
        data = {
            **data,
            "start": data["start"] + shift,
            "end": data["end"] + shift,
            "entity_span": None if entity_span is None else [o + shift for o in entity_span],
        }
    return Quantity.model_validate(data)


# --- alignment: where tokens must be cut, and how ------------------------------------------


def cut_plan(
    token_starts: Sequence[int], token_ends: Sequence[int], offsets: Iterable[int]
) -> dict[int, list[int]]:
    """Which tokens must be cut, and where: token index -> sorted offsets strictly inside it.

    ``token_starts`` and ``token_ends`` are the tokens' character offsets in
    text order; an offset at a token's edge, or between tokens, needs no cut.

    The tokens ``ab``, ``cd`` and ``efg`` of ``"ab cdefg"``: only ``efg`` has offsets inside.

    >>> cut_plan([0, 3, 5], [2, 5, 8], [0, 2, 6, 7, 5])
    {2: [6, 7]}
    """
    plan: dict[int, set[int]] = {}
    for offset in offsets:
        index = bisect.bisect_right(token_starts, offset) - 1
        if index >= 0 and token_starts[index] < offset < token_ends[index]:
            plan.setdefault(index, set()).add(offset)
    return {index: sorted(cuts) for index, cuts in sorted(plan.items())}


def pieces(text: str, start: int, cuts: Sequence[int]) -> list[str]:
    """``text`` (a token starting at offset ``start``) cut at the offsets ``cuts``.

    >>> pieces("h.", 24, [25])
    ['h', '.']
    >>> pieces("x£5bn.", 0, [1, 5])
    ['x', '£5bn', '.']
    """
    bounds = [0, *(cut - start for cut in cuts), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def head_piece(parts: Sequence[str]) -> int:
    """The piece that keeps the token's head and dependency label: the first with a letter
    or digit (punctuation attaches to the word beside it), else the first.

    >>> head_piece([".", "m", "."]), head_piece(["£", "5"]), head_piece(["-", "."])
    (1, 1, 0)
    """
    return next((i for i, part in enumerate(parts) if any(c.isalnum() for c in part)), 0)


def _align(doc: Doc, quantities: Sequence[Quantity]) -> None:
    """Split the tokens that a quantity starts or ends inside of; ``doc.text`` is unchanged.

    What a split keeps: the entity (type, KB id and IOB: spaCy makes the later
    pieces ``I``), the tag, part of speech and morphology, and the sentence
    starts (no piece after the first starts a sentence).  In a parsed doc the
    head piece keeps the token's head and label and the others attach to it
    as ``dep``; in a doc without a parse every piece is its own head, as
    before.  Span groups set by other components are rebuilt on the new
    tokens from their character offsets, since the retokenizer leaves them
    pointing at the old token indices.
    """
    starts = [token.idx for token in doc]
    ends = [token.idx + len(token.text) for token in doc]
    plan = cut_plan(starts, ends, (o for q in quantities for o in (q.start, q.end)))
    if not plan:
        return
    parsed = doc.has_annotation("DEP")
    sentences = doc.has_annotation("SENT_START")
    groups = {
        key: (group.attrs, [(s.start_char, s.end_char, s.label, s.kb_id, s.id) for s in group])
        for key, group in doc.spans.items()
    }
    later_pieces: list[int] = []  # character offsets of the pieces after each token's first
    with doc.retokenize() as retokenizer:
        for index, cuts in plan.items():
            token = doc[index]
            parts = pieces(token.text, token.idx, cuts)
            heads, attrs = _split_args(token, parts, parsed)
            retokenizer.split(token, parts, heads=heads, attrs=attrs)
            later_pieces.extend(cuts)
    if sentences and not parsed:  # a parse sets the sentence starts from its tree itself
        at = {token.idx: token for token in doc}
        for offset in later_pieces:
            at[offset].is_sent_start = False
    _rebuild_span_groups(doc, groups)


def _split_args(
    token: Token, parts: Sequence[str], parsed: bool
) -> tuple[list[Any], dict[str | int, list[Any]]]:
    """The heads and attributes for splitting ``token`` into ``parts``.

    The retokenizer fills the later pieces from whichever token last stood in
    their slots, so every attribute that matters is given for every piece.
    """
    count = len(parts)
    main = head_piece(parts)
    if parsed:
        head = token.head if token.head.i != token.i else (token, main)
        heads: list[Any] = [head if i == main else (token, main) for i in range(count)]
        deps: list[Any] = [token.dep if i == main else _ATTACH for i in range(count)]
    else:
        heads = [(token, i) for i in range(count)]
        deps = [0] * count
    attrs: dict[str | int, list[Any]] = {
        "DEP": deps,
        "TAG": [token.tag] * count,
        "POS": [token.pos] * count,
        "MORPH": [str(token.morph)] * count,
        "ENT_TYPE": [token.ent_type] * count,
        "ENT_KB_ID": [token.ent_kb_id] * count,
        "ENT_ID": [token.ent_id] * count,
    }
    return heads, attrs


def _rebuild_span_groups(
    doc: Doc, groups: Mapping[str, tuple[dict[str, Any], list[tuple[int, int, int, int, int]]]]
) -> None:
    """Put back every span group on the split tokens, at the same character offsets."""
    from spacy.tokens import Span, SpanGroup

    starts = {token.idx: token.i for token in doc}
    ends = {token.idx + len(token.text): token.i + 1 for token in doc}
    for key, (attrs, spans) in groups.items():
        rebuilt = []
        for start_char, end_char, label, kb_id, span_id in spans:
            start = starts[start_char] if start_char in starts else ends[start_char]
            end = ends[end_char] if end_char in ends else starts[end_char]
            rebuilt.append(Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id))
        doc.spans[key] = SpanGroup(doc, name=key, attrs=attrs, spans=rebuilt)


VOCABULARY_FILE = "numclaims.vocabulary_file.v1"
"""The registered function that reads a :class:`~numclaims.Vocabulary` file in a spaCy config::

    [components.numclaims.options.vocabulary]
    @misc = "numclaims.vocabulary_file.v1"
    path = "newsroom.txt"
"""


def vocabulary_file(path: str) -> Vocabulary:
    """``Vocabulary.from_file(path)``: ``@misc = "numclaims.vocabulary_file.v1"`` in a config."""
    return Vocabulary.from_file(path)


def _register_factory() -> None:
    from spacy.language import Language
    from spacy.util import registry

    registry.misc.register(VOCABULARY_FILE, func=vocabulary_file)

    Language.factory(
        FACTORY,
        default_config=DEFAULT_CONFIG,
        assigns=["doc.spans", "span._.quantity", "doc._.quantities"],
        retokenizes=True,
        func=make_numclaims,
    )


try:
    _register_factory()
except ModuleNotFoundError as missing:  # no spaCy here: nothing to register with
    if missing.name != "spacy":
        raise
