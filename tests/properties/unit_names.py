"""Plural unit names and the pint unit each must parse to, written by hand.

The round-trip properties take their expected units from here, not from
``src/numclaims/data/units.txt``: a table read from the file the parser reads
would expect whatever the file says, so a wrong line there (``kilometres`` as
a mile) would round-trip perfectly.  tests/test_unit_names.py checks that this
table and units.txt list the same plural names, that each name parses to its
unit here, and that pint gives each unit the dimension it is listed under.
"""

from __future__ import annotations

#: {dimension: {plural name: pint unit}}.
PLURAL_NAMES: dict[str, dict[str, str]] = {
    "length": {
        "centimeters": "centimeter",
        "centimetres": "centimeter",
        "feet": "foot",
        "inches": "inch",
        "kilometers": "kilometer",
        "kilometres": "kilometer",
        "klicks": "kilometer",
        "light years": "light_year",
        "light-years": "light_year",
        "meters": "meter",
        "metres": "meter",
        "micrometers": "micrometer",
        "micrometres": "micrometer",
        "microns": "micrometer",
        "miles": "mile",
        "millimeters": "millimeter",
        "millimetres": "millimeter",
        "mtrs": "meter",
        "nanometers": "nanometer",
        "nanometres": "nanometer",
        "nautical miles": "nautical_mile",
        "yards": "yard",
    },
    "mass": {
        "grammes": "gram",
        "grams": "gram",
        "kilogrammes": "kilogram",
        "kilograms": "kilogram",
        "kilos": "kilogram",
        "long tons": "long_ton",
        "metric tonnes": "metric_ton",
        "metric tons": "metric_ton",
        "micrograms": "microgram",
        "milligrammes": "milligram",
        "milligrams": "milligram",
        "ounces": "ounce",
        "short tons": "ton",
        "stones": "stone",
        "tonnes": "metric_ton",
        "tons": "ton",
    },
    "time": {
        "centuries": "century",
        "days": "day",
        "decades": "decade",
        "fortnights": "fortnight",
        "hours": "hour",
        "microseconds": "microsecond",
        "milliseconds": "millisecond",
        "mins": "minute",
        "minutes": "minute",
        "months": "month",
        "nanoseconds": "nanosecond",
        "seconds": "second",
        "secs": "second",
        "weeks": "week",
        "years": "year",
    },
    "speed": {
        "knots": "knot",
    },
    "area": {
        "acres": "acre",
        "hectares": "hectare",
        "square centimeters": "centimeter ** 2",
        "square centimetres": "centimeter ** 2",
        "square feet": "foot ** 2",
        "square inches": "inch ** 2",
        "square kilometers": "kilometer ** 2",
        "square kilometres": "kilometer ** 2",
        "square meters": "meter ** 2",
        "square metres": "meter ** 2",
        "square miles": "mile ** 2",
    },
    "volume": {
        "barrels": "oil_barrel",
        "bbls": "oil_barrel",
        "centiliters": "centiliter",
        "centilitres": "centiliter",
        "cubic feet": "foot ** 3",
        "cubic kilometers": "kilometer ** 3",
        "cubic kilometres": "kilometer ** 3",
        "cubic meters": "meter ** 3",
        "cubic metres": "meter ** 3",
        "cups": "cup",
        "fluid ounces": "fluid_ounce",
        "gallons": "gallon",
        "hectoliters": "hectoliter",
        "hectolitres": "hectoliter",
        "imperial gallons": "imperial_gallon",
        "imperial pints": "imperial_pint",
        "liters": "liter",
        "litres": "liter",
        "milliliters": "milliliter",
        "millilitres": "milliliter",
        "pints": "pint",
        "tablespoons": "tablespoon",
        "teaspoons": "teaspoon",
    },
}

#: pint's dimensionality of each dimension above.
DIMENSIONALITY: dict[str, str] = {
    "length": "[length]",
    "mass": "[mass]",
    "time": "[time]",
    "speed": "[length] / [time]",
    "area": "[length] ** 2",
    "volume": "[length] ** 3",
}


def plural_names() -> tuple[tuple[str, str, str], ...]:
    """(plural name, pint unit, dimension), sorted by name."""
    return tuple(
        sorted(
            (name, unit, dimension)
            for dimension, names in PLURAL_NAMES.items()
            for name, unit in names.items()
        )
    )
