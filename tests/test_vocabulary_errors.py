"""A wrong vocabulary fails when it is built, with a VocabularyError naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from numclaims import NumclaimsError, Options, Vocabulary, VocabularyError

#: vocabulary file text -> (line, the message after "path:line: ")
FILE_ERRORS = {
    "unknown pint unit": (
        "[units]\nfurlong = furlongs\nsmooot = smoots\n",
        3,
        "unknown pint unit 'smooot'",
    ),
    "bad ISO code": (
        "# zork money\n[currencies]\nXZK = zorkmids\n",
        3,
        "'XZK' is not an ISO 4217 currency code (upper case, as USD)",
    ),
    "lower-case ISO code": ("[currencies]\naed = dirhams\n", 2, "'aed' is not an ISO 4217"),
    "duplicate surface in the file": (
        "[units]\nfurlong = fur | furlongs\n[scales]\n1000 = grand | fur\n",
        4,
        "duplicate surface 'fur': already given at line 2",
    ),
    "duplicate surface on a continued line": (
        "[currencies]\nAED =\n    Dh\n    dirhams\n    Dh\n",
        5,
        "duplicate surface 'Dh': already given at line 3",
    ),
    "surface the package reads otherwise": (
        "[units]\nmile = m\n",
        2,
        "duplicate surface 'm': the package reads it as meter",
    ),
    "currency the package reads otherwise": (
        "[currencies]\nAUD = £\n",
        2,
        "duplicate surface '£': the package reads it as GBP",
    ),
    "scale the package reads otherwise": (
        "[scales]\n1000 = million\n",
        2,
        "duplicate surface 'million': the package reads it as 1e+06",
    ),
    "indented line with no key": (
        "[units]\n  smoots\n",
        2,
        "an indented line continues no 'key ='",
    ),
    "key with no surface": ("[units]\n\nsmoot =\n", 3, "'smoot =' has no surface"),
    "unknown section": ("[unit]\nsmoot = smoots\n", 2, "unknown section [unit]"),
    "entry outside a section": ("smoot = smoots\n", 1, "unknown section []"),
    "idiom with a key": ("[idioms]\nhigh = five\n", 2, "[idioms] takes one phrase a line"),
    "unit without a key": ("[units]\nsmoots\n", 2, "[units] takes 'key = surface | ...'"),
    "scale key not a number": (
        "[scales]\nlots = heaps\n",
        2,
        "a scale's key is its multiplier, a number, not 'lots'",
    ),
    "non-positive scale": (
        "[scales]\n0 = nil\n",
        2,
        "a multiplier must be a positive finite number, not 0.0",
    ),
    "surface starting with a digit": (
        "[units]\nmeter = 2m\n",
        2,
        "a surface may not start with a digit: '2m'",
    ),
    "definition pint refuses": (
        "[definitions]\nsmoot = 1.7018 * meterz\n[units]\nsmoot = smoots\n",
        2,
        "pint refuses the definition 'smoot = 1.7018 * meterz'",
    ),
    "definition of a pint unit": (
        "[definitions]\n\nmeter = 2 * foot\n",
        3,
        "'meter' is already a pint unit; define a new name",
    ),
    "definition with two sides": (
        "[definitions]\nsmoot = 1.7 * meter | 2 * meter\n",
        2,
        "a definition is 'name = pint expression', with no '|'",
    ),
}


@pytest.mark.parametrize(("text", "line", "message"), FILE_ERRORS.values(), ids=list(FILE_ERRORS))
def test_file_errors_name_the_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    """Each mistake in a vocabulary file raises VocabularyError at ``path:line``."""
    path = tmp_path / "words.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError) as raised:
        Vocabulary.from_file(path)
    error = raised.value
    assert (error.path, error.line) == (str(path), line)
    assert str(error).startswith(f"{path}:{line}: {message}")
    assert isinstance(error, NumclaimsError)
    assert isinstance(error, ValueError)


#: keyword arguments -> the message, which starts with the argument at fault
KEYWORD_ERRORS = {
    "unknown unit": ({"units": {"smoots": "smoot"}}, "units['smoots']: unknown pint unit 'smoot'"),
    "bad code": ({"currencies": {"Dh": "DHS"}}, "currencies['Dh']: 'DHS' is not an ISO 4217"),
    "negative scale": ({"scales": {"grand": -1000}}, "scales['grand']: a multiplier must be a"),
    "scale as text": (
        {"scales": {"grand": "1000"}},
        "scales['grand']: a multiplier must be a number",
    ),
    "bad definition": (
        {"definitions": ["smoot 1.7018 meter"], "units": {"smoots": "smoot"}},
        "definitions[0]: a definition is 'name = pint expression'",
    ),
    "idioms as one str": ({"idioms": "high five"}, "idioms: must be a list of str, not one str"),
    "units as a list": ({"units": ["smoots"]}, "units: must be a mapping, not list"),
    "empty idiom": ({"idioms": ["take five", " "]}, "idioms[1]: a surface must be a non-empty str"),
    "idiom twice": ({"idioms": ["Take five", "take five"]}, "idioms[1]: duplicate surface"),
    "one surface for two things": (
        {"units": {"grand": "kilometer"}, "scales": {"grand": 1000}},
        "scales['grand']: duplicate surface 'grand': already given at units['grand']",
    ),
}


@pytest.mark.parametrize(("kwargs", "message"), KEYWORD_ERRORS.values(), ids=list(KEYWORD_ERRORS))
def test_keyword_errors_name_the_argument(kwargs: dict[str, object], message: str) -> None:
    """A vocabulary built in Python names the argument at fault; there is no line."""
    with pytest.raises(VocabularyError) as raised:
        Vocabulary(**kwargs)  # type: ignore[arg-type]
    assert str(raised.value).startswith(message)
    assert raised.value.line is None


def test_options_report_a_bad_vocabulary_as_a_validation_error() -> None:
    """JSON options (the service, spaCy's config) get Pydantic's error, naming the field."""
    with pytest.raises(ValidationError) as raised:
        Options.model_validate({"vocabulary": {"currencies": {"Dh": "XYZ"}}})
    (error,) = raised.value.errors()
    assert error["loc"] == ("vocabulary",)
    assert "currencies['Dh']: 'XYZ' is not an ISO 4217 currency code" in error["msg"]
    with pytest.raises(ValidationError, match=r"vocabulary\.units"):
        Options.model_validate({"vocabulary": {"units": {"smoots": 5}}})
    with pytest.raises(ValidationError, match="extra"):
        Options.model_validate({"vocabulary": {"unit": {}}})


def test_an_error_pickles() -> None:
    """The error crosses process boundaries with its path and line (parse_many's workers)."""
    import pickle

    error = pickle.loads(pickle.dumps(VocabularyError("bad", path="v.txt", line=4)))
    assert (str(error), error.path, error.line) == ("v.txt:4: bad", "v.txt", 4)
