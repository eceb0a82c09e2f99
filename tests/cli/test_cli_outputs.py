"""The command's outputs: JSON Lines, table, CSV, Parquet; --output, --kinds, --schema, --jobs."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest

from cli.support import ROOT, rows, run_cli, write_jsonl
from numclaims import Quantity, __version__

SAMPLE = ROOT / "examples" / "seed_article.txt"
HAS_PYARROW = importlib.util.find_spec("pyarrow") is not None


def test_piped_output_is_jsonl_with_every_model_field() -> None:
    """In a pipe the default is JSON Lines; each row has source, line, id and every field."""
    result = run_cli(str(SAMPLE))
    found = rows(result)
    assert len(found) == 12
    assert all(list(r) == ["source", "line", "id", *Quantity.model_fields] for r in found)
    assert Quantity.model_validate({k: found[0][k] for k in Quantity.model_fields})


def test_table_and_summary() -> None:
    """--format table is readable and counts; the summary on stderr counts records and errors."""
    result = run_cli("--format", "table", str(SAMPLE))
    table = result.stdout.decode()
    assert table.splitlines()[0].split() == [
        "line", "span", "claim", "kind", "value", "unit", "bound", "entity",
    ]  # fmt: skip
    assert "£1.5billion" in table
    assert table.endswith("12 quantities\n")
    assert "1 record, 12 quantities, 0 errors in" in result.stderr.decode()


def test_csv_output_round_trips(tmp_path: Path) -> None:
    """--format csv writes a header and one record per quantity, same values as JSON Lines."""
    as_csv = list(
        csv.DictReader(io.StringIO(run_cli("--format", "csv", str(SAMPLE)).stdout.decode()))
    )
    as_json = rows(run_cli(str(SAMPLE)))
    assert [r["text"] for r in as_csv] == [r["text"] for r in as_json]
    assert [float(r["start"]) for r in as_csv] == [r["start"] for r in as_json]


def test_output_file_format_by_extension_and_no_leftovers(tmp_path: Path) -> None:
    """--output x.csv writes CSV there, nothing on stdout, and no temporary file remains."""
    target = tmp_path / "rows.csv"
    result = run_cli("-o", str(target), str(SAMPLE))
    assert (result.returncode, result.stdout) == (0, b"")
    assert target.read_text(encoding="utf-8").startswith("source,line,id,kind,text,")
    assert [p.name for p in tmp_path.iterdir()] == ["rows.csv"]


def test_kinds_filters_the_rows() -> None:
    """--kinds money,percent keeps only those kinds; an unknown kind is an invalid option."""
    kinds = {r["kind"] for r in rows(run_cli("--kinds", "money,percent", str(SAMPLE)))}
    assert kinds == {"money"}
    assert run_cli("--kinds", "cash", str(SAMPLE)).returncode == 2


def test_schema_and_version() -> None:
    """--schema prints a row's JSON schema; --version names the version."""
    schema = json.loads(run_cli("--schema").stdout)
    assert list(schema["properties"])[:4] == ["source", "line", "id", "kind"]
    assert run_cli("--version").stdout.decode().strip() == f"numclaims {__version__}"


def test_dollar_and_no_entities() -> None:
    """--dollar names the currency of '$'; --no-entities leaves entity empty."""
    found = rows(run_cli("--dollar", "cad", "--no-entities", "-", stdin=b"It cost $5 for 9 cars."))
    assert [(r["unit"], r["entity"]) for r in found] == [("CAD", None), (None, None)]


WEATHER_AND_FUEL = b"A high of 12 degrees is forecast, and the tank holds 10 gallons."


@pytest.mark.parametrize(
    ("flags", "units"),
    [
        ((), ["degree_Celsius", "gallon"]),
        (("--degrees", "fahrenheit"), ["degree_Fahrenheit", "gallon"]),
        (("--gallon", "imperial"), ["degree_Celsius", "imperial_gallon"]),
        (
            ("--degrees", "fahrenheit", "--gallon", "imperial"),
            ["degree_Fahrenheit", "imperial_gallon"],
        ),
    ],
)
def test_degrees_and_gallon(flags: tuple[str, ...], units: list[str]) -> None:
    """--degrees and --gallon set Options.degrees and Options.gallon: the scale and the gallon."""
    found = rows(run_cli(*flags, "-", stdin=WEATHER_AND_FUEL))
    assert [(r["text"], r["value"], r["unit"]) for r in found] == [
        ("12 degrees", 12.0, units[0]),
        ("10 gallons", 10.0, units[1]),
    ]


@pytest.mark.parametrize("flag", ["--degrees", "--gallon"])
def test_degrees_and_gallon_refuse_other_values(flag: str) -> None:
    """A value outside the choices is an invalid option: exit status 2, nothing on stdout."""
    result = run_cli(flag, "kelvin", "-", stdin=WEATHER_AND_FUEL)
    assert (result.returncode, result.stdout) == (2, b"")


def test_jobs_2_keeps_input_order(tmp_path: Path) -> None:
    """--jobs 2 writes exactly the rows of --jobs 1, in the same order."""
    corpus = sorted((ROOT / "benchmarks" / "corpus").glob("*.jsonl"))[:4]
    one = run_cli("--id-field", "id", *map(str, corpus))
    two = run_cli("--jobs", "2", "--id-field", "id", *map(str, corpus))
    assert (one.returncode, two.returncode) == (0, 0)
    assert len(rows(one)) > 100
    assert rows(one) == rows(two)


@pytest.mark.skipif(not HAS_PYARROW, reason="needs numclaims[arrow] (pyarrow) for Parquet")
def test_parquet_output(tmp_path: Path) -> None:
    """--format parquet (or a .parquet --output) writes the rows with the Arrow schema."""
    import pyarrow.parquet as pq

    source = write_jsonl(tmp_path / "r.jsonl", [{"id": 5, "text": "It cost £5 and 3 km."}])
    target = tmp_path / "rows.parquet"
    result = run_cli("--id-field", "id", "-o", str(target), str(source))
    assert result.returncode == 0, result.stderr
    table = pq.read_table(target)
    assert table.column_names == ["source", "line", "id", *Quantity.model_fields]
    assert table.column("id").to_pylist() == ["5", "5"]
    assert table.column("text").to_pylist() == ["£5", "3 km"]


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path) -> None:
    """Without pyarrow, Parquet in or out is an invalid option naming numclaims[arrow]."""
    import subprocess
    import sys

    from cli.support import environment

    script = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None\n"
        "from numclaims.__main__ import main; sys.exit(main())"
    )
    target = str(tmp_path / "x.parquet")
    for args in (["-o", target, str(SAMPLE)], ["--parquet", str(SAMPLE)]):
        result = subprocess.run(
            [sys.executable, "-c", script, *args],
            capture_output=True,
            env=environment(),
            timeout=60,
            check=False,
        )
        assert result.returncode == 2
        assert "numclaims[arrow]" in result.stderr.decode()
    assert not list(tmp_path.iterdir())


def test_serve_is_the_http_service_command() -> None:
    """`numclaims serve` hands its arguments to the HTTP service's own command line."""
    done = run_cli("serve", "--help")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert out.startswith("usage: numclaims serve")
    assert "--max-body-bytes" in out
