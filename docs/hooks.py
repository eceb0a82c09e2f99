"""mkdocs hooks: the parts of the docs site generated from the code and the data at build time.

A page asks for a generated part with an HTML comment, which GitHub and any
Markdown viewer leave unseen, and which this hook replaces when the site is
built (``make docs``), so that no table can drift from what it describes:

* ``<!-- numclaims:fields Quantity -->``: a table of the model's fields, their
  types, defaults and descriptions;
* ``<!-- numclaims:schema Quantity -->``: the model's JSON schema;
* ``<!-- numclaims:vocabularies -->``: every vocabulary file of the package,
  with its header comment and a table of its entries, by section;
* ``<!-- numclaims:include CHANGELOG.md -->``: a file of the repository's
  root, whose links are then fixed as the page's own are.

Links are also made to work on the site as they do on GitHub: a link into
``docs/`` from a file included from the repository's root (the changelog,
the contributing guide) loses its ``docs/``, and a link out of ``docs/`` to a
file of the repository becomes that file's path in code.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from pydantic import BaseModel

_MARKER = re.compile(r"<!-- numclaims:(?P<what>[a-z-]+)(?: (?P<arg>[\w.]+))? -->")
_INCLUDE = re.compile(r"<!-- numclaims:include (?P<path>[\w.-]+) -->")
_ROOT = Path(__file__).resolve().parent.parent
_INTO_DOCS = re.compile(r"\]\(docs/")
_OUT_OF_DOCS = re.compile(r"\[(?P<text>[^\]]+)\]\(\.\./(?P<path>[^)#\s]+)\)")


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Fill in the generated parts of a page, and fix its links for the site."""
    markdown = _INCLUDE.sub(lambda m: (_ROOT / m["path"]).read_text(encoding="utf-8"), markdown)
    markdown = _MARKER.sub(_generated, markdown)
    markdown = _INTO_DOCS.sub("](", markdown)
    return _OUT_OF_DOCS.sub(r"\g<text> (`\g<path>` in the repository)", markdown)


def _generated(match: re.Match[str]) -> str:
    makers: dict[str, Callable[[str], str]] = {
        "fields": _fields,
        "schema": _schema,
        "vocabularies": lambda _: _vocabularies(),
    }
    what = match["what"]
    if what not in makers:
        raise ValueError(f"unknown generated part {what!r} in {match[0]}")
    return makers[what](match["arg"] or "")


def _model(name: str) -> type[BaseModel]:
    model = getattr(importlib.import_module("numclaims"), name)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise TypeError(f"numclaims.{name} is not a model")
    return model


def _type_name(annotation: object) -> str:
    text = str(annotation).replace("typing.", "").replace("NoneType", "None")
    text = re.sub(r"Annotated\[(\w+), .*?\]\]", r"\1", text)
    return re.sub(r"<class '(\w+)'>", r"\1", text)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _fields(name: str) -> str:
    model = _model(name)
    rows = ["| field | type | default | meaning |", "|---|---|---|---|"]
    for field, info in model.model_fields.items():
        default = "required" if info.is_required() else f"`{info.default!r}`"
        rows.append(
            f"| `{field}` | `{_cell(_type_name(info.annotation))}` | {_cell(default)} "
            f"| {_cell(info.description or '')} |"
        )
    return "\n".join(rows)


def _schema(name: str) -> str:
    schema = json.dumps(_model(name).model_json_schema(), indent=2, ensure_ascii=False)
    return f"```json\n{schema}\n```"


def _vocabularies() -> str:
    from numclaims import _data

    folder = resources.files("numclaims").joinpath("data")
    generated = folder.joinpath("generated")
    files = [(p.name, p) for p in folder.iterdir()]
    files += [(f"generated/{p.name}", p) for p in generated.iterdir()]
    parts = []
    for name, path in sorted(files):
        if not name.endswith(".txt"):
            continue
        stem = name.removesuffix(".txt")
        header = _header(path.read_text("utf-8"))
        parts.append(f"## `{name}`\n\n```text\n{header}\n```\n\n{_entries(_data.load(stem))}")
    return "\n\n".join(parts)


def _header(text: str) -> str:
    """The file's opening comment, as a paragraph."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return "\n".join(lines).strip() or "(no description)"


def _entries(entries: tuple[Any, ...]) -> str:
    if not entries:
        return "(no entries)"
    rows = ["| section | key | surfaces |", "|---|---|---|"]
    for entry in entries:
        surfaces = ", ".join(f"`{s}`" if "`" not in s else s for s in entry.surfaces)
        key = f"`{entry.key}`" if entry.key else "(list)"
        rows.append(f"| {entry.section or ''} | {_cell(key)} | {_cell(surfaces)} |")
    return "\n".join(rows)


class _DoctestBlocks(Preprocessor):
    """Fence each doctest example of a docstring (``>>>`` lines and their output) as code.

    Markdown would read ``>>>`` as nested quotes and ``['a', 'b']`` after a
    line ending in ``]`` as a link; the API reference shows them as the
    Python session they are.
    """

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fenced = False
        in_example = False
        for line in lines:
            stripped = line.strip()
            if stripped.startswith("```"):
                fenced = not fenced
            if not fenced and not in_example and stripped.startswith(">>>"):
                out += ["", "```pycon"]
                in_example = True
            elif in_example and not stripped:
                out += ["```", ""]
                in_example = False
            out.append(line.strip() if in_example else line)
        if in_example:
            out.append("```")
        return out


class _DoctestExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_DoctestBlocks(md), "numclaims_doctest", 30)


def on_config(config: Any, **_: Any) -> Any:
    """Fence the doctest examples of the API reference's docstrings."""
    config.markdown_extensions.append(_DoctestExtension())
    return config
