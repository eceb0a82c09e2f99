"""Values that name no thing, and the near forms that still name one.

The corpus conventions give no entity to a distance or a time from
somewhere (``within 32,000 km of Earth``), to how far or how fast the
subject went (``advanced 5 km``, ``travels at 28,000 km/h``), to how fast a
car gathers speed (``0-60mph``) or to a temperature that is a setting or a
feeling (``kept between 2C and 8C``, ``feel like minus 20C``), nor to a
value repeated for another group (``$320 for adults and $160 for
children``).  Each row is
a sentence, the text of one of its quantities and the entity expected for
it; the sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from helpers import entity_span_near, quantity_entity

# (sentence, quantity text, entity)
Row = tuple[str, str, str | None]

#: A length or a time after ``within`` is one from somewhere: no thing.
WITHIN: list[Row] = [
    ("The asteroid will pass within 32,000 kilometres of Earth.", "32,000 kilometres", None),
    ("The probe could fly within 6 million km of the Sun.", "6 million km", None),
    ("The bridge was reopened within 48 hours of the crash.", "48 hours", None),
    ("Fill each jar to within 1cm of the rim.", "1cm", None),
    ("The comet may pass as near as 40 million km to Mars.", "40 million km", None),
    # a length of a thing, and a distance after the number, read as before
    ("The storm dumped 30 cm of snow on the city.", "30 cm", "snow"),
    ("The asteroid will pass 2.5 million miles from Earth.", "2.5 million miles", None),
    ("The dam rises 150 metres above the valley.", "150 metres", "dam"),
]

#: How far or how fast the subject went names no thing; what it can do does.
MOTION: list[Row] = [
    ("Troops advanced nearly 5 kilometres along the front.", "nearly 5 kilometres", None),
    ("The glacier has retreated 1.4 kilometres since 2005.", "1.4 kilometres", None),
    ("The ISS travels at roughly 28,000 km/h.", "roughly 28,000 km/h", None),
    ("The sedan sprints from 0-60mph in 3.1 seconds.", "from 0-60mph", None),
    ("The hatchback goes from 0 to 60 mph in 6.9 seconds.", "from 0 to 60 mph", None),
    # after a modal: what the subject can do
    (
        "The probe will travel roughly 2.9 billion kilometres.",
        "roughly 2.9 billion kilometres",
        "probe",
    ),
    ("Cars can now travel at 70 mph on the new road.", "70 mph", "Cars"),
    # a share after a verb of moving is still a change of the subject
    ("Shares advanced 2% to $41.", "2%", "Shares"),
    # a change of a level is the subject's
    ("Sea levels have risen 21 cm since 1900.", "21 cm", "Sea levels"),
    ("Speeds of 20 to 30 mph are common on the bypass.", "20 to 30 mph", "Speeds"),
]

#: A temperature right after a word of setting or feeling is no reading of a thing.
SETTINGS: list[Row] = [
    ("The vaccine must be kept between 2C and 8C.", "between 2C and 8C", None),
    ("Wind chills could make it feel like minus 20C by dawn.", "minus 20C", None),
    ("Roast the lamb at 220C for 40 minutes.", "220C", None),
    ("Samples are stored at minus 80C.", "minus 80C", None),
    # a reading of a subject keeps it
    ("Temperatures hit 34C in Seville on Sunday.", "34C", "Temperatures"),
    ("Highs will reach 97F across the valley on Friday.", "97F", "Highs"),
]

#: A verb of spending gives the thing an amount of money is for, not a duration.
SPENT: list[Row] = [
    ("The team spent three hours on the puzzle.", "three hours", None),
    ("The family spent $3,000 on repairs.", "$3,000", "repairs"),
]

#: A second value given for another group repeats the first without its noun.
REPEATED: list[Row] = [
    ("A rail pass costs $320 for adults and $160 for children.", "$160", None),
    ("A rail pass costs $320 for adults and $160 for children.", "$320", "rail pass"),
    ("Prices start at 14,990 roubles in Russia and ¥128,800 in Japan.", "¥128,800", None),
    ("Uptake reached 81% among people over 75 but only 34% among adults under 25.", "34%", None),
    # no group after the second value: the list reads as before
    ("Tesla jumped 8.5% and Starbucks gained 3.5%.", "3.5%", "Starbucks"),
]

#: A count followed by what befell the people it counts leaves them unsaid.
HARMED: list[Row] = [
    ("The shooting left three people dead and 11 injured.", "11", None),
    ("The shooting left three people dead and 11 injured.", "three", "people"),
    ("The crash left 12 dead.", "12", None),
    # a reporting verb is no part of the subject
    ("The court heard the defendant earned £80,000 a year.", "£80,000 a year", "defendant"),
]

#: Cash burned through is moved by its subject, who is no thing it counts.
BURNED: list[Row] = [
    ("The app burns through roughly €2m a month.", "roughly €2m a month", None),
    ("The startup burned through $50m last year.", "$50m", None),
    ("The firm paid out £2m in dividends.", "£2m", "dividends"),
]

ROWS = WITHIN + MOTION + SETTINGS + SPENT + REPEATED + HARMED + BURNED


@pytest.mark.parametrize(
    ("sentence", "text", "entity"), ROWS, ids=[f"{r[0]} [{r[1]}]" for r in ROWS]
)
def test_entity_and_span(sentence: str, text: str, entity: str | None) -> None:
    """The entity is the expected phrase as written (``None``: the value names no thing)."""
    assert quantity_entity(sentence, text) == (entity, entity_span_near(sentence, text, entity))
