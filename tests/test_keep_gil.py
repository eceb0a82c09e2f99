"""Every ``regex`` call of ``parse_quantities`` keeps the GIL (``_text.KEEP_GIL``).

The ``regex`` module lets go of the GIL around a match of a ``str`` and takes
it back after, unless the call's ``concurrent`` argument is False; for the
short, bounded matches of the pipeline that lock traffic costs about a third
of the call.  ``KEEP_GIL`` is passed by position (by keyword it would cost
nearly as much again in argument parsing), and where that position is
depends on the method.  This test parses the corpus with a profiler that
notes every ``regex`` pattern method the package calls, then reads each
calling line's source: the call must pass ``KEEP_GIL`` at the place of
``concurrent``.  A new call without it, or with it one place off (``False``
as ``overlapped`` or ``endpos``), fails here.
"""

from __future__ import annotations

import ast
import json
import sys
from functools import cache
from pathlib import Path
from types import FrameType

import regex

from numclaims import Options, parse_quantities
from numclaims._shortcuts import long_way_round

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "numclaims"
#: The place of ``concurrent`` among each method's positional arguments.
CONCURRENT_AT = {
    "match": 3,  # (string, pos, endpos, concurrent)
    "search": 3,
    "fullmatch": 3,
    "finditer": 4,  # (string, pos, endpos, overlapped, concurrent)
    "findall": 4,
    "sub": 6,  # (repl, string, count, flags, pos, endpos, concurrent)
    "subn": 6,
    "split": 2,  # (string, maxsplit, concurrent)
    "splititer": 2,
}
PATTERN = type(regex.compile(""))


def _texts() -> list[str]:
    """The corpus sentences, one at a time and joined in paragraphs of five."""
    sentences = [
        json.loads(line)["text"]
        for path in sorted((ROOT / "benchmarks" / "corpus").glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return sentences + paragraphs


def _calls(texts: list[str], options: Options | None = None) -> set[tuple[str, int, str]]:
    """The (file, line, method) of every regex pattern method the package calls."""
    for text in texts:  # warm up: the patterns and tables built on first use are left out
        parse_quantities(text, options=options)
    seen: set[tuple[str, int, str]] = set()

    def note(frame: FrameType, event: str, arg: object) -> None:
        if event == "c_call" and type(getattr(arg, "__self__", None)) is PATTERN:
            seen.add((frame.f_code.co_filename, frame.f_lineno, arg.__name__))  # type: ignore[attr-defined]

    sys.setprofile(note)
    try:
        for text in texts:
            parse_quantities(text, options=options)
    finally:
        sys.setprofile(None)
    return {call for call in seen if Path(call[0]).is_relative_to(PACKAGE)}


@cache
def _tree(filename: str) -> ast.Module:
    return ast.parse(Path(filename).read_text("utf-8"))


def _keeps_the_gil(filename: str, line: int, method: str) -> bool:
    """Whether the innermost ``.method(...)`` call spanning ``line`` passes KEEP_GIL in place."""
    calls = [
        node
        for node in ast.walk(_tree(filename))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
        and node.lineno <= line <= (node.end_lineno or node.lineno)
    ]
    if not calls:
        return False
    call = min(calls, key=lambda node: (node.end_lineno or node.lineno) - node.lineno)
    at = CONCURRENT_AT[method]
    return len(call.args) > at and ast.unparse(call.args[at]) == "KEEP_GIL"


def _without(calls: set[tuple[str, int, str]]) -> list[str]:
    return sorted(
        f"{Path(file).relative_to(PACKAGE)}:{line} .{method}()"
        for file, line, method in calls
        if not _keeps_the_gil(file, line, method)
    )


def test_every_regex_call_of_the_pipeline_keeps_the_gil() -> None:
    calls = _calls(_texts())
    assert len(calls) > 25  # the profiler saw the pipeline's calls
    assert _without(calls) == []


def test_the_long_way_round_keeps_the_gil_too() -> None:
    """With every shortcut off, the patterns the screens spare run: they keep it as well."""
    texts = _texts()[::4]
    with long_way_round():
        calls = _calls(texts) | _calls(texts, Options(entities=False))
    assert _without(calls) == []


def test_the_check_finds_a_call_that_lets_go(tmp_path: Path) -> None:
    """The source check fails a call without KEEP_GIL and one with it out of place."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "a = P.match(text, 0, 9, KEEP_GIL)\n"
        "b = P.match(text, 0, 9)\n"
        "c = P.finditer(text, 0, 9, KEEP_GIL)\n"
        "d = P.finditer(\n    text, 0, 9, False, KEEP_GIL\n)\n",
        "utf-8",
    )
    probes = ((1, "match"), (2, "match"), (3, "finditer"), (5, "finditer"))
    assert [_keeps_the_gil(str(probe), line, m) for line, m in probes] == [True, False, False, True]
