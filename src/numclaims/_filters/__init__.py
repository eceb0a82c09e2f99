"""Stage 6: drop the numbers that are names, not quantities.

Each rule is a small predicate over an atom and the text around it that
says whether the number is not a quantity: a year, a fiscal year, a date,
a time, an ordinal, a version or model name, a grade of fuel, a phone number, an ID, a
label (``page 12``), a street or shirt number, or an idiom (``one of the``).
The rules only ever look a bounded distance either side of the atom, so the stage is linear.  They
live by family (:mod:`.dates`, :mod:`.names`, :mod:`.contacts`,
:mod:`.counts`); :data:`RULES` orders them all, here.  Their words are data
(``data/non_quantities.txt``), and every pattern and screen is built from them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from numclaims._filters.contacts import area_code_before, is_address, is_phone_or_id
from numclaims._filters.counts import (
    in_user_idiom,
    is_bare_article,
    is_event_noun,
    is_idiom,
    is_score,
    is_unrepresentable,
)
from numclaims._filters.dates import (
    is_date,
    is_date_span,
    is_day_range,
    is_fiscal_year,
    is_time,
    is_year,
    month_follows,
)
from numclaims._filters.names import (
    is_capitalised_name,
    is_fuel_grade,
    is_glued_to_name,
    is_labelled,
    is_listed_label,
    is_model_name,
    is_thread_number,
)
from numclaims._scan import Atom

if TYPE_CHECKING:
    from numclaims._vocabulary import Vocabulary

__all__ = ["RULES", "area_code_before", "month_follows", "non_quantity"]

Rule = Callable[[Atom, str], bool]

RULES: Mapping[str, Rule] = MappingProxyType(
    {
        "unrepresentable": is_unrepresentable,
        "article": is_bare_article,
        "capitalised_name": is_capitalised_name,
        "idiom": is_idiom,
        "year": is_year,
        "name": is_glued_to_name,
        "label": is_labelled,
        "date": is_date,
        "time": is_time,
        "day_range": is_day_range,
        "phone_or_id": is_phone_or_id,
        "fiscal_year": is_fiscal_year,
        "model_name": is_model_name,
        "date_span": is_date_span,
        "score": is_score,
        "address": is_address,
        "listed_label": is_listed_label,
        "fuel_grade": is_fuel_grade,
        "event_noun": is_event_noun,
        "thread_number": is_thread_number,
    }
)
"""Every rule, by the name of what it recognises, in the order they run.

Any rule that fires drops the number, and none changes the atom, so the
order decides only which reason is given and how soon: the rules that cost
least for each number they drop come first (measured on news copy: a
capitalised number word is a quick look, an idiom drops most number words,
a year most runs of digits), after the guard against values no float holds.
"""

#: What each rule can fire on, where it cannot fire on every atom: the kinds
#: (``None``: any) and the forms (``None``: any).  Each is what the rule's own
#: first test says: ``is_date`` looks at a plain count written in digits only.
#: The atoms of other kinds and forms skip the rule (:func:`_rules_for`).
_FIRES_ON: Mapping[str, tuple[frozenset[str] | None, frozenset[str] | None]] = MappingProxyType(
    {
        "article": (None, frozenset({"article"})),
        "idiom": (frozenset({"number", "measure"}), frozenset({"words", "article"})),
        "capitalised_name": (None, frozenset({"words"})),
        "year": (frozenset({"number"}), None),
        "date": (frozenset({"number"}), frozenset({"digits"})),
        "label": (frozenset({"number"}), None),
        "time": (frozenset({"number"}), None),
        "phone_or_id": (frozenset({"number"}), frozenset({"digits"})),
        "score": (frozenset({"number"}), None),
        "address": (frozenset({"number", "measure"}), frozenset({"digits"})),
        "date_span": (frozenset({"number"}), None),
        "fiscal_year": (frozenset({"number"}), None),
        "day_range": (frozenset({"number"}), None),
        "model_name": (frozenset({"number", "measure"}), frozenset({"digits"})),
        "fuel_grade": (frozenset({"money"}), frozenset({"digits"})),
        "event_noun": (frozenset({"multiple"}), frozenset({"words"})),
        "thread_number": (frozenset({"number"}), frozenset({"fraction"})),
    }
)


@cache
def _rules_for(kind: str, form: str) -> tuple[tuple[str, Rule], ...]:
    """The rules, in order, that can fire on an atom of ``kind`` and ``form`` (a screen)."""
    return tuple(
        (name, rule)
        for name, rule in RULES.items()
        if all(
            allowed is None or value in allowed
            for value, allowed in zip((kind, form), _FIRES_ON.get(name, (None, None)), strict=True)
        )
    )


def non_quantity(atom: Atom, text: str, vocabulary: Vocabulary | None = None) -> str | None:
    """The name of the first rule that says ``atom`` is not a quantity, or None.

    A user's ``vocabulary`` adds its idioms: a number inside one of them, of
    any kind or form, is none (``idiom``).
    """
    for name, rule in _rules_for(atom.kind, atom.form):
        if rule(atom, text):
            return name
    if vocabulary is not None and vocabulary.idioms and in_user_idiom(atom, text, vocabulary):
        return "idiom"
    return None
