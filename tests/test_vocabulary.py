"""numclaims.Vocabulary: what a user's units, currencies, scale words and idioms read in text."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

from numclaims import Options, Vocabulary, parse_many, parse_quantities

SAILING = Vocabulary(
    units={
        "smoot": "smoot",
        "smoots": "smoot",
        "NM": "nautical_mile",
        "furlongs": "furlong",
        "dBA": "decibel",
        "tsubo": "tsubo",
        "hands": "hand",
        "klicks": "km",  # the package reads klicks as kilometres too: the same meaning is no clash
    },
    definitions=["smoot = 1.7018 * meter", "tsubo = 3.305785 * meter ** 2"],
    currencies={"Dh": "AED", "Dhs": "AED", "dirham": "AED", "dirhams": "AED"},
    scales={"grand": 1000, "mio": 1e6},
    idioms=["hang ten", "take five", "a million miles away", "seven seas", "Ocean's 11"],
)
WITH = Options(vocabulary=SAILING)

#: sentence -> (text, kind, value, unit, si_value, si_unit) of each quantity, with the vocabulary.
MEASURES = {
    "The Harvard Bridge is 364.4 smoots long, give or take an ear.": [
        ("364.4 smoots", "measure", 364.4, "smoot", 364.4 * 1.7018, "meter"),
    ],
    "Students repainted the 10-smoot marks after the storm.": [
        ("10-smoot", "measure", 10.0, "smoot", 17.018, "meter"),
    ],
    "The current pushed the raft along at 2 smoots per second.": [
        ("2 smoots per second", "measure", 2.0, "smoot / second", 3.4036, "meter / second"),
    ],
    "The yacht logged 212 NM in the first day of the race.": [
        ("212 NM", "measure", 212.0, "nautical_mile", 392624.0, "meter"),
    ],
    "The flat is 25 tsubo, small even for Tokyo.": [
        ("25 tsubo", "measure", 25.0, "tsubo", 25 * 3.305785, "meter ** 2"),
    ],
    "The mare stands 16 hands high.": [
        ("16 hands", "measure", 16.0, "hand", 1.6256, "meter"),
    ],
    "The patrol walked 12 klicks before dawn.": [
        ("12 klicks", "measure", 12.0, "kilometer", 12000.0, "meter"),
    ],
    # pint has no affine rule for decibels: no SI value, as for the package's dB
    "Leq readings topped 85 dBA near the runway.": [
        ("85 dBA", "measure", 85.0, "decibel", None, None),
    ],
}

MONEY_AND_SCALES = {
    "Rents in Dubai Marina rose to Dh8,500 a month.": [
        ("Dh8,500 a month", "money", 8500.0, "AED", None, None),
    ],
    "A taxi to the airport costs about 120 dirhams.": [
        ("about 120 dirhams", "money", 120.0, "AED", None, None),
    ],
    "Fines start at 500 Dhs for a first offence.": [
        ("500 Dhs", "money", 500.0, "AED", None, None),
    ],
    "A DIRHAMS sign? No: 40 DIRHAMS, in capitals, still reads.": [
        ("40 DIRHAMS", "money", 40.0, "AED", None, None),
    ],
    "He paid 20 grand for the car and $5 grand for repairs.": [
        ("20 grand", "number", 20000.0, None, None, None),
        ("$5 grand", "money", 5000.0, "USD", None, None),
    ],
    "The club spent 1.5 mio on the stand and 3 Mio euros on wages.": [
        ("1.5 mio", "number", 1500000.0, None, None, None),
        ("3 Mio euros", "money", 3000000.0, "EUR", None, None),
    ],
}

IDIOMS = {
    "She learnt to hang ten after 3 lessons.": [("3", "number", 3.0, None, None, None)],
    "Take five, then run 2 more laps.": [("2", "number", 2.0, None, None, None)],
    "It felt a million miles away from the 12 boxes.": [("12", "number", 12.0, None, None, None)],
    "The seven seas held 12 ships.": [("12", "number", 12.0, None, None, None)],
    "Dinner for 2 after Ocean's 11 cost $9.": [
        ("2", "number", 2.0, None, None, None),
        ("$9", "money", 9.0, "USD", None, None),
    ],
}


def _found(text: str, options: Options | None = None) -> list[tuple[object, ...]]:
    return [
        (q.text, q.kind, q.value, q.unit, q.si_value, q.si_unit)
        for q in parse_quantities(text, options=options)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [*MEASURES.items(), *MONEY_AND_SCALES.items(), *IDIOMS.items()],
    ids=lambda value: value[:40] if isinstance(value, str) else None,
)
def test_sentences_with_the_vocabulary(text: str, expected: list[tuple[object, ...]]) -> None:
    """Each sentence gives exactly these quantities, spans and SI values with the vocabulary."""
    found = parse_quantities(text, options=WITH)
    assert [(q.text, q.kind, q.value, q.unit, q.si_unit) for q in found] == [
        (t, kind, value, unit, si_unit) for t, kind, value, unit, _, si_unit in expected
    ]
    for quantity, (written, *_, si_value, _) in zip(found, expected, strict=True):
        assert (quantity.start, quantity.end) == (
            text.index(written),
            text.index(written) + len(written),
        )
        assert quantity.si_value == (
            None if si_value is None else pytest.approx(si_value, rel=1e-12)
        )


@pytest.mark.parametrize(
    "text",
    [t for t in [*MEASURES, *MONEY_AND_SCALES, *IDIOMS] if "klicks" not in t and "dBA" not in t],
    ids=lambda text: text[:40],
)
def test_the_package_alone_reads_them_otherwise(text: str) -> None:
    """Without the vocabulary the same sentences read differently: the vocabulary made each one."""
    assert _found(text) != _found(text, WITH)


def test_a_range_of_custom_units_has_si_ends() -> None:
    """``between 8 and 10 furlongs`` keeps its ends, in furlongs and in metres."""
    (q,) = parse_quantities("The course runs between 8 and 10 furlongs.", options=WITH)
    assert (q.text, q.value, q.low, q.high, q.unit) == (
        "between 8 and 10 furlongs",
        None,
        8.0,
        10.0,
        "furlong",
    )
    furlong = 660 * 1200 / 3937  # pint's furlong: 660 US survey feet, in metres
    assert (q.si_low, q.si_high, q.si_unit) == (
        pytest.approx(8 * furlong, rel=1e-12),
        pytest.approx(10 * furlong, rel=1e-12),
        "meter",
    )


def test_a_custom_unit_reads_with_its_dimension() -> None:
    """``unit_info`` gives each unit's pint name, dimension and SI rule."""
    info = SAILING.unit_info
    assert info["smoot"] == ("smoot", "length", (1.7018, 0.0, "meter"))
    assert info["tsubo"].dimension == "area"
    assert info["decibel"].si is None
    assert SAILING.units["klicks"] == "kilometer"  # pint's name, as the package's units carry


def test_two_vocabularies_do_not_mix() -> None:
    """Each call reads only its own vocabulary's words; none leaks into the default."""
    dirhams = Vocabulary(currencies={"Dh": "AED"})
    moroccan = Vocabulary(currencies={"Dh": "MAD"})
    text = "Lunch was Dh45 and 3 smoots away."
    assert _found(text, Options(vocabulary=dirhams))[0][:4] == ("Dh45", "money", 45.0, "AED")
    assert _found(text, Options(vocabulary=moroccan))[0][:4] == ("Dh45", "money", 45.0, "MAD")
    # the package alone takes Dh45 for a name (glued to letters) and smoots for no unit
    assert _found(text) == [("3", "number", 3.0, None, None, None)]


def test_from_file_reads_the_data_file_syntax(tmp_path: pytest.TempPathFactory) -> None:
    """A file with the package's data syntax gives the same vocabulary as the keywords."""
    path = tmp_path / "newsroom.txt"  # type: ignore[operator]
    path.write_text(
        "# Our newsroom's words\n"
        "[definitions]\n"
        "smoot = 1.7018 * meter\n"
        "[units]\n"
        "smoot = smoot | smoots   # the MIT unit\n"
        "nautical_mile =\n"
        "    NM\n"
        "[currencies]\n"
        "AED = Dh | dirhams\n"
        "[scales]\n"
        "1000 = grand\n"
        "[idioms]\n"
        "hang ten\n",
        encoding="utf-8",
    )
    expected = Vocabulary(
        units={"smoot": "smoot", "smoots": "smoot", "NM": "nautical_mile"},
        definitions=["smoot = 1.7018 * meter"],
        currencies={"Dh": "AED", "dirhams": "AED"},
        scales={"grand": 1000.0},
        idioms=["hang ten"],
    )
    assert Vocabulary.from_file(path) == expected
    assert hash(Vocabulary.from_file(str(path))) == hash(expected)


def test_immutable_and_hashable() -> None:
    """A vocabulary cannot be changed after it is built, and works as a dict key."""
    with pytest.raises(AttributeError, match="immutable"):
        SAILING._units = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        SAILING.units["furlong"] = "furlong"  # type: ignore[index]
    assert {SAILING: 1}[Vocabulary(**SAILING.to_dict())] == 1
    assert hash(WITH) == hash(Options(vocabulary=Vocabulary(**SAILING.to_dict())))


def test_pickles_and_serialises() -> None:
    """Pickle and JSON round trips give the same vocabulary and the same results."""
    copy = pickle.loads(pickle.dumps(WITH))
    assert copy == WITH
    assert copy.vocabulary is not SAILING
    assert copy.vocabulary.unit_info == SAILING.unit_info
    assert Options.model_validate_json(WITH.model_dump_json()) == WITH
    text = "The bridge is 364.4 smoots and lunch was Dh45."
    assert _found(text, copy) == _found(text, WITH)


def test_options_take_the_json_form() -> None:
    """``Options(vocabulary={...})``, as the service and the spaCy config carry it."""
    options = Options.model_validate(
        {"vocabulary": {"currencies": {"Dh": "AED"}, "idioms": ["take five"]}}
    )
    assert options.vocabulary == Vocabulary(currencies={"Dh": "AED"}, idioms=["take five"])
    assert _found("Dh45", options) == [("Dh45", "money", 45.0, "AED", None, None)]


def test_threads_share_vocabularies() -> None:
    """Threads parsing with different vocabularies, and none, each get their own results."""
    texts = [*MEASURES, *MONEY_AND_SCALES, *IDIOMS] * 4
    dirhams = Options(vocabulary=Vocabulary(currencies={"Dh": "AED"}))
    jobs = [(text, options) for text in texts for options in (WITH, dirhams, None)]
    expected = [_found(text, options) for text, options in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(lambda job: _found(*job), jobs)) == expected


def test_parse_many_in_workers() -> None:
    """``parse_many(jobs=2)`` sends the vocabulary to its workers and gets the same results."""
    texts = [*MEASURES, *MONEY_AND_SCALES, *IDIOMS]
    alone = list(parse_many(texts, options=WITH))
    assert list(parse_many(texts, options=WITH, jobs=2, chunksize=3)) == alone
    assert alone[0][0].unit == "smoot"


def test_spawned_worker_builds_its_tables() -> None:
    """A worker started fresh (``spawn``) reads the vocabulary it was sent, unchecked again."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    text = "The bridge is 364.4 smoots; rent is Dh8,500 a month."
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        found = pool.submit(parse_quantities, text, options=WITH).result()
    assert found == parse_quantities(text, options=WITH)
    assert [q.unit for q in found] == ["smoot", "AED"]
