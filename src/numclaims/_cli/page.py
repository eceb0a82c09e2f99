"""``numclaims --html PATH``: the page of one text's claims (see :mod:`numclaims.html`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import BinaryIO

from numclaims._cli import inputs, outputs
from numclaims.models import Options

__all__ = ["write"]


def write(
    args: argparse.Namespace,
    options: Options,
    kinds: frozenset[str] | None,
    stdin: BinaryIO,
) -> int:
    """``--html PATH``: the page of the one text's claims, written atomically."""
    from numclaims._claims import extract_claims
    from numclaims.html import render_html

    settings = inputs.Settings.of(args)
    items = list(inputs.documents(inputs.expand(args.files, settings), settings, stdin))
    problems = [item for item in items if isinstance(item, inputs.Problem)]
    for problem in problems:
        print(f"numclaims: {problem}", file=sys.stderr)
    texts = [item for item in items if isinstance(item, inputs.Document)]
    if problems:
        return 1
    if len(texts) != 1:
        print(f"numclaims: --html shows one text; the inputs hold {len(texts)}", file=sys.stderr)
        return 2
    document = texts[0]
    found = [
        claim
        for claim in extract_claims(document.text, options=options)
        if kinds is None or claim.quantity.kind in kinds
    ]
    page = render_html(document.text, found, title=Path(document.source).name)
    with outputs.atomic(Path(args.html)) as path:
        path.write_text(page, encoding="utf-8")
    if not args.quiet:
        print(f"numclaims: {len(found)} claims shown in {args.html}", file=sys.stderr)
    return 0
