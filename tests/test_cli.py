"""The numclaims command line."""

from __future__ import annotations

import codecs
import io
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import numclaims._api as api
from cli.support import environment
from numclaims import Quantity
from numclaims.__main__ import EXIT_BROKEN_PIPE, main

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "seed_article.txt"


def test_table_lists_the_sample_claims() -> None:
    """The default table shows each claim of the sample article with its values."""
    out = io.StringIO()
    assert main(["--format", "table", str(SAMPLE)], stdout=out) == 0
    table = out.getvalue()
    assert "£1.5billion" in table
    assert "1,500,000,000" in table
    assert "Ukrainian soldiers" in table
    assert table.rstrip().endswith("\n12 quantities")


def test_jsonl_output_is_one_object_per_quantity(tmp_path: Path) -> None:
    """--format jsonl writes one JSON object per claim, naming its source file."""
    source = tmp_path / "a.txt"
    source.write_text("Up to 647 tanks and £5m.", encoding="utf-8")
    out = io.StringIO()
    assert main(["--format", "jsonl", str(source)], stdout=out) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["text"], r["source"]) for r in records] == [
        ("Up to 647", str(source)),
        ("£5m", str(source)),
    ]


def test_reads_standard_input() -> None:
    """With no file the command reads standard input."""
    result = subprocess.run(
        [sys.executable, "-m", "numclaims", "--format", "jsonl"],
        env=environment(),
        input="It cost $40k.",
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["value"] == 40000.0


def test_missing_file_is_reported_not_raised(capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be read prints an error and sets exit status 1."""
    assert main(["/no/such/file.txt"], stdout=io.StringIO()) == 1
    assert "no/such/file.txt" in capsys.readouterr().err


def test_bad_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid --dollar code is refused with exit status 2."""
    assert main(["--dollar", "dollars", str(SAMPLE)], stdout=io.StringIO()) == 2
    assert "invalid option" in capsys.readouterr().err


def run_cli(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``numclaims`` in a fresh interpreter on real bytes; capture its bytes out and err."""
    return subprocess.run(
        [sys.executable, "-m", "numclaims", "--quiet", *args],
        input=stdin,
        capture_output=True,
        env=environment(env),
        timeout=120,
        check=False,
    )


def texts_of(result: subprocess.CompletedProcess[bytes]) -> list[tuple[str, float | None]]:
    """(text, value) of each JSON line the command printed."""
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    return [(r["text"], r["value"]) for r in records]


SENTENCE = "Up to 647 tanks and £5 were lost."
EXPECTED = [("Up to 647", 647.0), ("£5", 5.0)]

DECODED = [
    pytest.param(SENTENCE.encode("utf-16"), (), id="utf-16-bom"),
    pytest.param(codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), (), id="utf-16-be-bom"),
    pytest.param(SENTENCE.encode("utf-32"), (), id="utf-32-bom"),
    pytest.param(SENTENCE.encode("utf-8-sig"), (), id="utf-8-bom"),
    pytest.param(SENTENCE.encode("utf-8"), (), id="utf-8"),
    pytest.param(SENTENCE.encode("latin-1"), ("--encoding", "latin-1"), id="latin-1-named"),
    pytest.param(SENTENCE.encode("utf-16-le"), ("--encoding", "utf-16-le"), id="utf-16-le-named"),
    pytest.param(SENTENCE.encode("utf-16"), ("--encoding", "latin-1"), id="bom-beats-encoding"),
]


@pytest.mark.parametrize(("data", "options"), DECODED)
def test_stdin_and_files_decode_alike(
    data: bytes, options: tuple[str, ...], tmp_path: Path
) -> None:
    """The same bytes on standard input and in a file give the same, right claims."""
    source = tmp_path / "input.txt"
    source.write_bytes(data)
    piped = run_cli("--format", "jsonl", *options, "-", stdin=data)
    read = run_cli("--format", "jsonl", *options, str(source))
    assert (piped.returncode, piped.stderr) == (0, b"")
    assert (read.returncode, read.stderr) == (0, b"")
    assert texts_of(piped) == texts_of(read) == EXPECTED


MISDECODED = [
    pytest.param(
        "£5 a head".encode("latin-1"), "cannot decode byte 0xa3 at offset 0", id="latin-1"
    ),
    pytest.param(
        "It cost 5 €.".encode("cp1252"), "cannot decode byte 0x80 at offset 10", id="cp1252"
    ),
    pytest.param(
        "Up to 647 tanks".encode("utf-16-le"), "NUL byte at offset 1", id="utf-16-le-no-bom"
    ),
    pytest.param(
        "Up to 647 tanks".encode("utf-16-be"), "NUL byte at offset 0", id="utf-16-be-no-bom"
    ),
    pytest.param(
        codecs.BOM_UTF16_LE + b"\x00\xd8", "cannot decode byte 0x00 at offset 2", id="bad-utf-16"
    ),
]


@pytest.mark.parametrize(("data", "message"), MISDECODED)
def test_undecodable_input_is_refused(data: bytes, message: str, tmp_path: Path) -> None:
    """Bytes that are not text in the encoding give exit 1 and a message naming the source,
    the byte offset and --encoding; never numbers read from the wrong characters."""
    source = tmp_path / "input.txt"
    source.write_bytes(data)
    for name, stdin in (("-", data), (str(source), b"")):
        result = run_cli("--format", "jsonl", name, stdin=stdin)
        assert (result.returncode, result.stdout) == (1, b"")
        error = result.stderr.decode()
        shown = "<stdin>" if name == "-" else name
        assert error.startswith(f"numclaims: {shown}: {message}"), error
        assert "--encoding" in error
        assert "Traceback" not in error


@pytest.mark.parametrize("encoding", ["no-such-codec", "base64"])
def test_unknown_encoding_exits_2(encoding: str) -> None:
    """An --encoding Python does not know as a text encoding is an invalid option (exit 2)."""
    result = run_cli("--encoding", encoding, "-", stdin=b"5 km")
    assert result.returncode == 2
    assert b"invalid option" in result.stderr


@pytest.mark.parametrize("output", ["table", "jsonl"])
def test_output_is_utf8_whatever_the_locale(output: str, tmp_path: Path) -> None:
    """With PYTHONIOENCODING=ascii the command still prints £ and – as UTF-8, exit 0."""
    source = tmp_path / "prices.txt"
    source.write_text("It cost £5, then between 2 and 3 km.", encoding="utf-8")
    for args, stdin in ((["-"], source.read_bytes()), ([str(source)], b"")):
        result = run_cli("--format", output, *args, stdin=stdin, env={"PYTHONIOENCODING": "ascii"})
        assert (result.returncode, result.stderr) == (0, b"")
        shown = result.stdout.decode("utf-8")
        assert "£5" in shown
        assert "2 – 3" in shown or '"low": 2.0' in shown


@pytest.mark.parametrize("output", ["table", "jsonl"])
def test_closed_pipe_exits_quietly(output: str, tmp_path: Path) -> None:
    """A reader that stops early (``| head -1``) ends the command with 141 and no traceback."""
    source = tmp_path / "big.txt"
    source.write_text("It cost £5 to walk 3 km.\n" * 20_000, encoding="utf-8")
    command = subprocess.Popen(
        [sys.executable, "-m", "numclaims", "-q", "--format", output, str(source)],
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert command.stdout is not None
    assert command.stderr is not None
    try:
        assert command.stdout.readline()
        command.stdout.close()
        assert command.wait(timeout=120) == EXIT_BROKEN_PIPE
        assert command.stderr.read() == b""
    finally:
        command.kill()
        command.stderr.close()


def test_count_is_singular_for_one(tmp_path: Path) -> None:
    """One claim is counted as '1 quantity', not '1 quantities'."""
    out = io.StringIO()
    source = tmp_path / "one.txt"
    source.write_text("It cost £5.", encoding="utf-8")
    assert main(["--format", "table", str(source)], stdout=out) == 0
    assert out.getvalue().endswith("\n1 quantity\n")


def test_table_rows_are_written_as_they_are_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The table writes each row before the next claim is looked for: it holds no rows back."""
    found = [0]
    real = api.iter_quantities

    def counted(text: str, **kwargs: object) -> Iterator[Quantity]:
        for quantity in real(text, **kwargs):  # type: ignore[arg-type]
            found[0] += 1
            yield quantity

    class Recorder(io.StringIO):
        """Remembers how many claims had been found when each row was written."""

        seen: list[tuple[int, str]]

        def write(self, text: str) -> int:
            self.seen.append((found[0], text))
            return super().write(text)

    monkeypatch.setattr(api, "iter_quantities", counted)
    source = tmp_path / "many.txt"
    source.write_text("It cost £5 to walk 3 km.\n" * 50, encoding="utf-8")
    out = Recorder()
    out.seen = []
    assert main(["--format", "table", str(source)], stdout=out) == 0
    header, rule, *rows, count = [(n, text) for n, text in out.seen if text != "\n"]
    assert header[1].startswith("line")
    assert set(rule[1].strip()) == {"-", " "}
    # The n-th row is written once n claims are found, before the next one is.
    assert [n for n, _ in rows] == list(range(1, 101))
    assert count == (100, "100 quantities\n")


PEAK_SCRIPT = textwrap.dedent(
    """
    import os, resource, sys
    from numclaims.__main__ import main
    with open(os.devnull, "w", encoding="utf-8") as out:
        status = main(sys.argv[1:], stdout=out)
    print(status, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX")
def test_table_memory_does_not_grow_with_the_claims(tmp_path: Path) -> None:
    """On 1 MB holding 50,000 claims the table's peak memory stays within 5 MB of jsonl's.

    Holding every row before printing, as the table once did, took 15 MB more here.
    """
    source = tmp_path / "dense.txt"
    line = "Up to 647 tanks and £1.5bn of yachts; 5 km/h for between 2,000 and 4,000 km.\n"
    source.write_text(line * (1_000_000 // len(line)), encoding="utf-8")
    peaks = {}
    for output in ("jsonl", "table"):
        result = subprocess.run(
            [sys.executable, "-c", PEAK_SCRIPT, "--format", output, str(source)],
            env=environment(),
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        status, peak = result.stdout.split()
        assert status == "0"
        peaks[output] = int(peak) / 1024  # ru_maxrss is in KiB on Linux
    assert peaks["table"] < peaks["jsonl"] + 5, peaks
