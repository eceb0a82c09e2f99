"""Prove that a change of code changes no result: compare two checkouts' output, byte for byte.

    python tools/same_output.py                 # this work tree against HEAD
    python tools/same_output.py --base v0.1     # ... against any git revision
    python tools/same_output.py --random 2000   # fewer random texts, for a quick look
    python tools/same_output.py --claims        # extract_claims instead of parse_quantities

Both sides parse the very same texts, taken from this work tree: every
sentence of the annotated corpus and of the held-out slice, the benchmark
texts (news, dense, sparse; paragraph by paragraph), the sample article, and
seeded random texts built from the grammar's tokens (the fuzzing dictionary),
corpus words and odd characters.  Each text is parsed with entities on and
off; the result is each quantity's JSON.  The base revision is checked out
into a temporary git worktree and run with the same interpreter, so only the
code differs.  Exit status 0 when every output is identical, 1 otherwise
(with the first differences shown).

With ``--claims`` each text is read by ``extract_claims`` instead (the
claim sets of ``benchmarks/claims`` are added to the texts), and the result
is each claim's JSON.

A refactor that keeps this script quiet is a refactor; a change that wants
different results is a feature, with its own tests.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_KINDS = ("news", "dense", "sparse")
BENCH_SIZE = 150_000  # bytes of each benchmark text
ODD = [
    "\u00a0",
    "\u2009",
    "\u202f",
    "\u2013",
    "\u2014",
    "\u2212",
    "\u00bd",
    "\u00bc",
    "\u00b0",
    "\u00a3",
    "\u20ac",
    "\u00a5",
    "\u00d7",
    "\u2019",
    "\u201c",
    "\n",
    "\t",
    "\u017f",
    "\u0130",
    "\u0663",
    "\ufe0f",
    "\U0001f600",
    "..",
    ",,",
    "  ",
]


def _dictionary_tokens() -> list[str]:
    """The fuzzing dictionary's tokens (libFuzzer syntax: one quoted string a line)."""
    tokens = []
    for line in (ROOT / "fuzz" / "numclaims.dict").read_text("utf-8").splitlines():
        line = line.strip()
        if line.startswith('"') and line.endswith('"'):
            raw = ast.literal_eval("b" + line)
            tokens.append(raw.decode("utf-8", "replace"))
    return tokens


def _corpus_texts() -> Iterator[tuple[str, str]]:
    for folder in ("corpus", "heldout"):
        for path in sorted((ROOT / "benchmarks" / folder).glob("*.jsonl")):
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    yield f"{folder}/{record['id']}", record["text"]


def _claim_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "benchmarks" / "claims").glob("*/*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield f"claims/{path.parent.name}/{record['id']}", record["text"]


def _bench_texts() -> Iterator[tuple[str, str]]:
    sys.path.insert(0, str(ROOT))
    from benchmarks.throughput.text import build_text

    for kind in BENCH_KINDS:
        for number, paragraph in enumerate(build_text(kind, BENCH_SIZE).paragraphs):
            yield f"bench/{kind}/{number}", paragraph


def _random_texts(count: int, words: list[str]) -> Iterator[tuple[str, str]]:
    rng = random.Random("numclaims same-output")
    tokens = _dictionary_tokens()
    digits = ["0", "1", "2", "5", "7", "9", "12", "300", "1,000", "2.5", ".5", "1e3", "19"]
    for number in range(count):
        parts = []
        for _ in range(rng.randint(1, 24)):
            pool = rng.choice((tokens, tokens, digits, words, ODD))
            parts.append(rng.choice(pool))
            if rng.random() < 0.6:
                parts.append(" ")
        yield f"random/{number}", "".join(parts)


def collect(random_count: int, claims: bool = False) -> list[tuple[str, str]]:
    """Every text both sides parse, with a readable id."""
    texts = list(_corpus_texts())
    if claims:
        texts += list(_claim_texts())
    words = sorted({word for _, text in texts for word in text.split()})
    texts += [("seed_article", (ROOT / "examples" / "seed_article.txt").read_text("utf-8"))]
    texts += list(_bench_texts())
    texts += list(_random_texts(random_count, words))
    return texts


# The child: run with one checkout's src/ first on sys.path.  It reads the
# texts as JSON lines on stdin and writes one JSON line of results for each.
CHILD = """
import json, os, sys
from numclaims import Options, parse_quantities
settings = [Options(), Options(entities=False)]
drop = set(filter(None, os.environ.get("SAME_OUTPUT_DROP", "").split(",")))
for line in sys.stdin:
    text = json.loads(line)
    out = [
        [{k: v for k, v in q.model_dump(mode="json").items() if k not in drop}
         for q in parse_quantities(text, options=o)]
        for o in settings
    ]
    sys.stdout.write(json.dumps(out, sort_keys=True) + "\\n")
"""

# The child for --claims: each claim's JSON, entities on and off.
CHILD_CLAIMS = """
import json, os, sys
from numclaims import Options, extract_claims
settings = [Options(), Options(entities=False)]
for line in sys.stdin:
    text = json.loads(line)
    out = [[c.model_dump(mode="json") for c in extract_claims(text, options=o)] for o in settings]
    sys.stdout.write(json.dumps(out, sort_keys=True) + "\\n")
"""


def run_side(src: Path, texts_file: Path, drop: str = "", child: str = CHILD) -> list[str]:
    """The output of the checkout whose package sits in ``src``, one line per text."""
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "PYTHONDONTWRITEBYTECODE": "1",
        "SAME_OUTPUT_DROP": drop,
    }
    with texts_file.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-c", child], stdin=stdin, capture_output=True, env=env, check=False
        )
    if done.returncode != 0:
        raise SystemExit(f"{src}: the parser failed:\n{done.stderr.decode()[-3000:]}")
    return done.stdout.decode("utf-8").splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD", help="git revision to compare with (HEAD)")
    parser.add_argument("--random", type=int, default=20_000, help="random texts (20,000)")
    parser.add_argument("--show", type=int, default=5, help="differences to print (5)")
    parser.add_argument(
        "--drop",
        default="",
        help="model fields to leave out on both sides, comma-separated (fields one side lacks)",
    )
    parser.add_argument("--claims", action="store_true", help="compare extract_claims")
    args = parser.parse_args(argv)

    texts = collect(args.random, args.claims)
    child = CHILD_CLAIMS if args.claims else CHILD
    with tempfile.TemporaryDirectory(prefix="numclaims-same-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "worktree",
                "add",
                "--detach",
                "--quiet",
                str(base),
                args.base,
            ],
            check=True,
        )
        try:
            texts_file = Path(tmp) / "texts.jsonl"
            texts_file.write_text("".join(json.dumps(t) + "\n" for _, t in texts), "utf-8")
            old = run_side(base / "src", texts_file, args.drop, child)
            new = run_side(ROOT / "src", texts_file, args.drop, child)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True
            )
    differ = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    print(
        f"{len(texts):,} texts, entities on and off, {args.base} vs the work tree: "
        f"{len(differ):,} differ"
    )
    for i in differ[: args.show]:
        print(
            f"\n{texts[i][0]}: {texts[i][1][:200]!r}\n  {args.base}: {old[i][:600]}\n"
            f"  now: {new[i][:600]}"
        )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
