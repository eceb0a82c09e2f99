"""Bad input never loses good output: each problem is reported, the rest is written, exit 1."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from cli.support import command, environment, errors, rows, run_cli, write_jsonl

GOOD = {"id": "good", "text": "It cost £5."}


def test_missing_file_and_folder_without_r(tmp_path: Path) -> None:
    """A missing file and a folder without -r are reported; the good file is still read."""
    good = tmp_path / "good.txt"
    good.write_text("It cost £5.", encoding="utf-8")
    result = run_cli(str(tmp_path / "missing.txt"), str(tmp_path), str(good))
    assert result.returncode == 1
    assert errors(result) == [
        f"numclaims: {tmp_path / 'missing.txt'}: No such file or directory",
        f"numclaims: {tmp_path}: is a folder; pass -r to read the files in it",
    ]
    assert [r["text"] for r in rows(result)] == ["£5"]
    assert "1 record, 1 quantity, 2 errors in" in result.stderr.decode()


BAD_LINES = [
    pytest.param(
        b'{"id": "x", "text": "5 km\n', "not valid JSON (Invalid control character", id="json"
    ),
    pytest.param(b'{"id": "x"}\n', "no field 'text'; it should be a string", id="no-field"),
    pytest.param(b'{"id": "x", "text": 5}\n', "a number in field 'text'", id="not-a-string"),
    pytest.param(b'["5 km"]\n', "the record is an array, not an object", id="not-an-object"),
    pytest.param(b'{"text": "5 km"}\n', "no id field 'id'", id="no-id"),
    pytest.param(
        b'{"id": "x", "text": "\xa3 5"}\n',
        "cannot decode byte 0xa3 at offset 64 as utf-8",
        id="invalid-utf-8",
    ),
]


@pytest.mark.parametrize(("bad", "message"), BAD_LINES)
def test_bad_record_is_reported_with_file_and_line(
    bad: bytes, message: str, tmp_path: Path
) -> None:
    """A bad JSON line is reported as file:line; the records around it are written; exit 1."""
    source = tmp_path / "r.jsonl"
    good = (json.dumps(GOOD) + "\n").encode()
    source.write_bytes(good + bad + good)  # byte offsets count from the file start
    result = run_cli("--id-field", "id", str(source))
    assert result.returncode == 1
    [reported] = errors(result)
    assert reported.startswith(f"numclaims: {source}:2: {message}"), reported
    assert [(r["id"], r["line"]) for r in rows(result)] == [("good", 1), ("good", 3)]


def test_encoding_errors_replace_reads_on(tmp_path: Path) -> None:
    """--encoding-errors replace reads undecodable bytes as U+FFFD, with no error."""
    source = tmp_path / "r.jsonl"
    source.write_bytes(b'{"text": "\xa3 5 and \xff 6 km"}\n')
    assert run_cli(str(source)).returncode == 1
    result = run_cli("--encoding-errors", "replace", str(source))
    assert result.returncode == 0
    assert [r["text"] for r in rows(result)] == ["5", "6 km"]


def test_fail_fast_stops_at_the_first_problem(tmp_path: Path) -> None:
    """--fail-fast writes the rows before the first problem, then stops with exit 1."""
    source = write_jsonl(tmp_path / "r.jsonl", [GOOD, {"id": "bad"}, GOOD, {"id": "bad"}])
    for jobs in ("1", "2"):
        result = run_cli("--fail-fast", "--jobs", jobs, "--id-field", "id", str(source))
        assert result.returncode == 1
        assert len(errors(result)) == 1
        assert [r["line"] for r in rows(result)] == [1]
    assert len(errors(run_cli("--id-field", "id", str(source)))) == 2


def _children(pid: int) -> set[int]:
    """The pids of the children of ``pid`` (Linux: /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _interruptible() -> None:
    """In the child: Ctrl-C as in a terminal, even where the suite runs as a background job.

    A shell without job control starts background jobs with SIGINT ignored, and
    a child inherits that; Python then keeps it ignored, and the run would finish.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize(
    ("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["ctrl-c", "term"]
)
def test_interrupt_leaves_no_output_file_and_no_worker(
    sig: signal.Signals, status: int, tmp_path: Path
) -> None:
    """Ctrl-C (or SIGTERM) mid-run: exit 130 (143), no --output file, no temporary, no worker."""
    source = write_jsonl(tmp_path / "r.jsonl", [GOOD] * 200_000)
    target = tmp_path / "out" / "rows.jsonl"
    target.parent.mkdir()
    process = subprocess.Popen(
        command("--jobs", "2", "-o", str(target), str(source)),
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_interruptible,
    )
    try:
        deadline = time.monotonic() + 60
        while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = _children(process.pid)
        assert len(workers) >= 2
        time.sleep(1)
        assert list(target.parent.iterdir())  # the temporary file is being written
        process.send_signal(sig)
        assert process.wait(timeout=60) == status
        assert list(target.parent.iterdir()) == []
        deadline = time.monotonic() + 5
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, workers))
        assert process.stderr is not None
        assert b"Traceback" not in process.stderr.read()
    finally:
        process.kill()
        process.wait()
        if process.stderr is not None:
            process.stderr.close()
