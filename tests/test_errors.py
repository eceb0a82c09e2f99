"""Typed errors for wrong arguments and options; silence on import and on every call."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import warnings

import pytest
from pydantic import ValidationError

import numclaims
from numclaims import (
    InputTooLongError,
    InputTypeError,
    NumclaimsError,
    Options,
    UnitConversionError,
    iter_quantities,
    parse_quantities,
)

WRONG_TEXTS = [
    pytest.param(None, "NoneType", id="None"),
    pytest.param(b"5 km", "bytes", id="bytes"),
    pytest.param(bytearray(b"5 km"), "bytearray", id="bytearray"),
    pytest.param(12, "int", id="int"),
    pytest.param(1.5, "float", id="float"),
    pytest.param(["a"], "list", id="list"),
    pytest.param(object(), "object", id="object"),
]


@pytest.mark.parametrize(("value", "type_name"), WRONG_TEXTS)
def test_wrong_text_type(value: object, type_name: str) -> None:
    """A text that is not a str raises InputTypeError, a TypeError naming the type."""
    with pytest.raises(InputTypeError) as caught:
        parse_quantities(value)  # type: ignore[arg-type]
    error = caught.value
    assert isinstance(error, TypeError)
    assert isinstance(error, NumclaimsError)
    assert type_name in str(error)
    if isinstance(value, bytes | bytearray):
        assert "decode" in str(error)
    else:
        assert "decode" not in str(error)


@pytest.mark.parametrize(("value", "type_name"), WRONG_TEXTS)
def test_iter_quantities_raises_at_the_call(value: object, type_name: str) -> None:
    """iter_quantities raises InputTypeError when called, before any iteration."""
    with pytest.raises(InputTypeError, match=type_name):
        iter_quantities(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "settings",
    [
        {"dollar": "XYZ"},
        {"dollar": "DOLLAR"},
        {"dollar": "US"},
        {"dollar": ""},
        {"gallon": "metric"},
        {"max_length": 0},
        {"max_length": -5},
        {"entities": "sometimes"},
        {"unknown_field": True},
    ],
)
def test_invalid_options(settings: dict[str, object]) -> None:
    """Invalid Options values and unknown fields raise pydantic's ValidationError."""
    with pytest.raises(ValidationError):
        Options(**settings)  # type: ignore[arg-type]


def test_options_are_frozen() -> None:
    """Options cannot be changed after validation, so no invalid state sneaks in later."""
    options = Options()
    with pytest.raises(ValidationError):
        options.dollar = "usd"  # type: ignore[misc]


@pytest.mark.parametrize("options", [{"dollar": "CAD"}, "CAD", 1, Options], ids=repr)
def test_options_of_the_wrong_type(options: object) -> None:
    """An options argument that is not an Options instance raises InputTypeError naming it."""
    with pytest.raises(InputTypeError, match="options") as caught:
        parse_quantities("5 km", options=options)  # type: ignore[arg-type]
    assert f"options must be Options, not {type(options).__name__}" in str(caught.value)
    with pytest.raises(InputTypeError):
        iter_quantities("5 km", options=options)  # type: ignore[arg-type]


def test_max_length() -> None:
    """Texts longer than max_length raise InputTooLongError at the call; shorter ones parse."""
    options = Options(max_length=10)
    assert [q.text for q in parse_quantities("It was 5km", options=options)] == ["5km"]
    with pytest.raises(InputTooLongError, match="11") as caught:
        parse_quantities("It was 5 km", options=options)
    assert isinstance(caught.value, NumclaimsError)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(InputTooLongError):
        iter_quantities("x" * 11, options=options)


@pytest.mark.parametrize("text", ["£5", "5%", "five", "between 2 and 3"])
def test_unit_conversion_of_a_non_measure(text: str) -> None:
    """to() and to_pint() on money, percents and numbers raise UnitConversionError."""
    (q,) = parse_quantities(text)
    assert q.kind != "measure"
    with pytest.raises(UnitConversionError):
        q.to("meter")
    with pytest.raises(UnitConversionError):
        q.to_pint()


@pytest.mark.parametrize("unit", ["kilogram", "no_such_unit"])
def test_unit_conversion_to_a_wrong_unit(unit: str) -> None:
    """Converting a measure to an incompatible or unknown unit raises UnitConversionError."""
    (q,) = parse_quantities("a 5 km walk")
    with pytest.raises(UnitConversionError) as caught:
        q.to(unit)
    assert isinstance(caught.value, NumclaimsError)
    assert isinstance(caught.value, ValueError)


SAMPLE = "Up to 647 tanks, £1.5bn, 5% and 10 km at 30 mph, (12), 1e309, ½½."


def test_calls_are_silent(capsys: pytest.CaptureFixture[str]) -> None:
    """Parsing prints nothing, adds no logging handlers and emits no warnings."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for q in parse_quantities(SAMPLE.replace("1e309", "1e9")):
            if q.kind == "measure":
                q.to_pint()
        list(iter_quantities("5 km", options=Options(gallon="imperial", dollar="CAD")))
        with pytest.raises(InputTypeError):
            parse_quantities(b"5 km")  # type: ignore[arg-type]
    assert (list(root.handlers), root.level) == (handlers, level)
    assert capsys.readouterr() == ("", "")


def test_import_and_first_call_are_silent() -> None:
    """A fresh interpreter imports numclaims and parses in silence: no output, logs or warnings."""
    script = textwrap.dedent(
        """
        import logging, warnings
        warnings.simplefilter("error")
        root = logging.getLogger()
        before = (list(root.handlers), root.level, dict(logging.root.manager.loggerDict))
        import numclaims
        found = numclaims.parse_quantities("Up to 5 km, £1.5bn, 40% and 3 gallons.")
        assert [q.kind for q in found] == ["measure", "money", "percent", "measure"], found
        found[0].to("mile")
        after = (list(root.handlers), root.level)
        assert after == before[:2], after
        for name, logger in logging.root.manager.loggerDict.items():
            if isinstance(logger, logging.Logger) and name not in before[2]:
                # A NullHandler (pint adds one) is the library convention for "no output".
                loud = [h for h in logger.handlers if not isinstance(h, logging.NullHandler)]
                assert not loud, (name, loud)
        """
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")


def test_every_error_derives_from_the_base() -> None:
    """Each public exception class is a NumclaimsError, and the type errors are TypeErrors."""
    for name in ("InputTooLongError", "InputTypeError", "UnitConversionError"):
        assert issubclass(getattr(numclaims, name), NumclaimsError)
    assert issubclass(InputTypeError, TypeError)
    assert issubclass(InputTooLongError, ValueError)
    assert issubclass(UnitConversionError, ValueError)
