"""parse_many: the same results as parse_quantities, in order, streaming, in and out of process."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from numclaims import (
    InputTooLongError,
    InputTypeError,
    Options,
    Quantity,
    parse_many,
    parse_quantities,
)

CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus"
DOMAINS = ("news_war", "markets", "weather", "recipes", "traps", "product_specs")


def corpus_sentences(per_file: int = 20) -> list[str]:
    """The first ``per_file`` sentences of a few corpus files: real text with real claims."""
    sentences: list[str] = []
    for domain in DOMAINS:
        with (CORPUS / f"{domain}.jsonl").open(encoding="utf-8") as lines:
            for line in itertools.islice(lines, per_file):
                sentences.append(json.loads(line)["text"])
    return sentences


SENTENCES = corpus_sentences()


def counting(texts: Iterator[str], seen: list[int]) -> Iterator[str]:
    """Pass ``texts`` through, counting in ``seen[0]`` how many have been read."""
    for text in texts:
        seen[0] += 1
        yield text


def endless() -> Iterator[str]:
    """An unbounded stream of distinct sentences with claims in them."""
    for n in itertools.count():
        yield f"The ship loaded {n + 1} tonnes of grain and paid ${n + 2} million."


@pytest.mark.parametrize("jobs", [None, 1, 2])
def test_matches_parse_quantities(jobs: int | None) -> None:
    """Each result list equals parse_quantities on that sentence, in input order."""
    expected = [parse_quantities(sentence) for sentence in SENTENCES]
    assert sum(map(len, expected)) > 50
    assert list(parse_many(SENTENCES, jobs=jobs, chunksize=7)) == expected


def test_worker_results_are_quantities() -> None:
    """Results rebuilt from a worker are real Quantity models that re-validate unchanged."""
    found = [q for result in parse_many(SENTENCES, jobs=2, chunksize=16) for q in result]
    assert found
    for quantity in found:
        assert type(quantity) is Quantity
        assert Quantity.model_validate(quantity.model_dump()) == quantity


def test_options_reach_the_workers() -> None:
    """Options given to parse_many apply in the worker processes too."""
    texts = ["It costs $40.", "A 3 gallon tank."] * 4
    options = Options(dollar="CAD", gallon="imperial")
    expected = [parse_quantities(text, options=options) for text in texts]
    assert list(parse_many(texts, options=options, jobs=2, chunksize=3)) == expected
    assert expected[0][0].unit == "CAD"


@pytest.mark.parametrize("jobs", [None, 2])
def test_streams_an_unbounded_iterable(jobs: int | None) -> None:
    """Taking the first results of an endless generator returns, reading only a bounded prefix."""
    seen = [0]
    results = parse_many(counting(endless(), seen), jobs=jobs, chunksize=4)
    first = list(itertools.islice(results, 10))
    assert first == [parse_quantities(text) for text in itertools.islice(endless(), 10)]
    assert all(first)
    # jobs=2: at most 2 * jobs chunks in flight, plus the chunk being read.
    assert seen[0] <= 10 + (2 * 2 + 1) * 4
    results.close()


def test_lazy_until_iterated() -> None:
    """Calling parse_many reads nothing from the iterable until a result is asked for."""
    seen = [0]
    results = parse_many(counting(endless(), seen), jobs=2)
    assert seen[0] == 0
    assert next(results) == parse_quantities(next(endless()))
    results.close()


def test_order_kept_with_uneven_lengths() -> None:
    """Long and short texts interleaved come back in input order from the workers."""
    long_text = " ".join(SENTENCES)
    texts = [long_text if n % 4 == 0 else SENTENCES[n] for n in range(16)]
    expected = [parse_quantities(text) for text in texts]
    assert list(parse_many(texts, jobs=2, chunksize=1)) == expected


@pytest.mark.parametrize("jobs", [0, -1, -4])
def test_jobs_below_one_rejected(jobs: int) -> None:
    """jobs of zero or below raises ValueError at the call, before any iteration."""
    with pytest.raises(ValueError, match="jobs"):
        parse_many(endless(), jobs=jobs)


@pytest.mark.parametrize("jobs", ["2", 2.0, True])
def test_jobs_of_wrong_type_rejected(jobs: object) -> None:
    """jobs that is not an int (or None) raises TypeError at the call."""
    with pytest.raises(TypeError, match="jobs"):
        parse_many(SENTENCES, jobs=jobs)  # type: ignore[arg-type]


def test_chunksize_below_one_rejected() -> None:
    """chunksize of zero raises ValueError at the call."""
    with pytest.raises(ValueError, match="chunksize"):
        parse_many(SENTENCES, jobs=2, chunksize=0)


def test_options_of_wrong_type_rejected() -> None:
    """options that is not an Options raises InputTypeError at the call."""
    with pytest.raises(InputTypeError, match="options"):
        parse_many(SENTENCES, options={"dollar": "CAD"})  # type: ignore[arg-type]


@pytest.mark.parametrize(("jobs", "chunksize"), [(None, 64), (2, 1), (2, 3), (2, 64)])
def test_non_str_item_raises_when_reached(jobs: int | None, chunksize: int) -> None:
    """A bytes item raises InputTypeError after the results of every item before it."""
    texts: list[object] = ["5 km", "6 km", "7 km", b"8 km", "9 km"]
    received: list[list[Quantity]] = []
    with pytest.raises(InputTypeError, match="decode"):
        received.extend(parse_many(texts, jobs=jobs, chunksize=chunksize))  # type: ignore[arg-type]
    assert received == [parse_quantities(text) for text in ["5 km", "6 km", "7 km"]]


@pytest.mark.parametrize("jobs", [None, 2])
def test_per_text_error_raised_in_order(jobs: int | None) -> None:
    """A text over options.max_length raises InputTooLongError after the earlier results."""
    texts = ["5 km", "6 km", "a much longer text of 7 km", "8 km"]
    received: list[list[Quantity]] = []
    with pytest.raises(InputTooLongError):
        received.extend(parse_many(texts, options=Options(max_length=10), jobs=jobs, chunksize=4))
    assert len(received) == 2


def failing() -> Iterator[str]:
    """Two texts, then the iterable itself fails."""
    yield "5 km"
    yield "6 km"
    raise RuntimeError("source went away")


@pytest.mark.parametrize("jobs", [None, 2])
def test_iterable_error_raised_in_order(jobs: int | None) -> None:
    """An error raised by the iterable comes after the results of the texts before it."""
    received: list[list[Quantity]] = []
    with pytest.raises(RuntimeError, match="source went away"):
        received.extend(parse_many(failing(), jobs=jobs, chunksize=4))
    assert received == [parse_quantities("5 km"), parse_quantities("6 km")]


@pytest.mark.parametrize("jobs", [None, 2])
def test_empty_iterable(jobs: int | None) -> None:
    """An empty iterable yields nothing."""
    assert list(parse_many(iter(()), jobs=jobs)) == []


def test_empty_texts_give_empty_lists() -> None:
    """Empty and number-free texts each still get their own (empty) result list."""
    assert list(parse_many(["", "no numbers", ""], jobs=2)) == [[], [], []]


@pytest.mark.parametrize("jobs", [None, 2])
@pytest.mark.parametrize(
    ("texts", "hint"),
    [
        pytest.param("5 km and 6 km", "[text]", id="str"),
        pytest.param(b"5 km and 6 km", "decode", id="bytes"),
        pytest.param(bytearray(b"5 km"), "decode", id="bytearray"),
    ],
)
def test_one_text_instead_of_an_iterable_rejected(
    jobs: int | None, texts: object, hint: str
) -> None:
    """One str or bytes passed as ``texts`` raises InputTypeError at the call, not per character."""
    with pytest.raises(InputTypeError, match="iterable of str") as caught:
        parse_many(texts, jobs=jobs)  # type: ignore[arg-type]
    assert hint in str(caught.value)
    assert type(texts).__name__ in str(caught.value)


@pytest.mark.parametrize("jobs", [None, 2])
def test_no_iterable_rejected(jobs: int | None) -> None:
    """``texts`` that is not iterable at all raises InputTypeError at the call, naming its type."""
    with pytest.raises(InputTypeError, match="texts must be an iterable of str, not int"):
        parse_many(5, jobs=jobs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("jobs", "chunksize"), [(None, 64), (2, 1), (2, 2), (2, 64)])
def test_bad_item_error_names_its_index(jobs: int | None, chunksize: int) -> None:
    """The error for a non-str item names its position in the iterable."""
    texts: list[object] = ["5 km", "6 km", "7 km", 8, "9 km"]
    with pytest.raises(InputTypeError, match=r"^texts\[3\] must be str, not int$"):
        list(parse_many(texts, jobs=jobs, chunksize=chunksize))  # type: ignore[arg-type]


@pytest.mark.parametrize(("jobs", "chunksize"), [(None, 64), (2, 1), (2, 2)])
def test_too_long_item_error_names_its_index(jobs: int | None, chunksize: int) -> None:
    """The error for a text over options.max_length names its position in the iterable."""
    texts = ["5 km", "6 km", "7 km", "a much longer text of 8 km"]
    with pytest.raises(InputTooLongError, match=r"^texts\[3\] is 26 characters long"):
        list(parse_many(texts, options=Options(max_length=10), jobs=jobs, chunksize=chunksize))


ORPHAN_SCRIPT = textwrap.dedent(
    """
    import itertools, multiprocessing, sys, time
    from numclaims import parse_many

    multiprocessing.set_start_method(sys.argv[1])

    def slow():
        for n in itertools.count():
            time.sleep(0.01)
            yield f"The ship loaded {n + 1} tonnes of grain."

    results = parse_many(slow(), jobs=2, chunksize=1)
    next(results)
    deadline = time.monotonic() + 30
    while len(multiprocessing.active_children()) < 2 and time.monotonic() < deadline:
        next(results)
    print(*[child.pid for child in multiprocessing.active_children()], flush=True)
    for _ in results:
        pass
    """
)


def _running(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie waiting for its new parent to reap it."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and reparenting")
@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_workers_die_with_a_killed_parent(signum: int, method: str) -> None:
    """Killing only the parent of parse_many(jobs=2) ends its workers, and its pipes reach EOF.

    Under every start method: with ``forkserver`` the workers are children of
    the fork server, which lives on as long as they do.
    """
    parent = subprocess.Popen(
        [sys.executable, "-c", ORPHAN_SCRIPT, method],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: list[int] = []
    try:
        assert parent.stdout is not None
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2, parent.stderr.read() if parent.stderr else ""
        assert all(map(_running, workers))
        os.kill(parent.pid, signum)
        # The workers inherited the parent's stdout and stderr: communicate()
        # returns only once they are gone too.
        parent.communicate(timeout=10)
        deadline = time.monotonic() + 5
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid in workers if _running(pid)] == []
    finally:
        parent.kill()
        for pid in workers:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
