"""The public result and option models.

A :class:`Quantity` is one numeric claim found in a text: what kind of
quantity it is, where it stands (``text == source[start:end]``), its value or
range, its unit, the bound the text puts on it, and the thing it counts.
Results are frozen Pydantic v2 models, so they serialise with
``model_dump()`` / ``model_dump_json()`` and validate back unchanged.

A range is never collapsed to one number: it has ``value=None`` and its ends
in ``low``/``high``, and a range of measures has its SI ends in
``si_low``/``si_high`` (``si_value`` is None).  :meth:`Quantity.to` converts a
single value and refuses a range; :meth:`Quantity.to_range` converts a
range's ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from numclaims._currency_codes import is_currency_code
from numclaims._vocabulary import Vocabulary

if TYPE_CHECKING:
    import pint

__all__ = ["UNITLESS_KINDS", "Bound", "Change", "Claim", "Kind", "Options", "Quantity", "Span"]

Kind = Literal["number", "money", "percent", "measure", "ratio", "multiple"]
"""What a quantity is: a plain count or number, an amount of money, a
percentage (or percentage points, basis points), a physical measure, a
ratio of two counts (``3 in 10``: value 0.3, its parts in ``numerator`` and
``denominator``), or a multiple (``six times larger``, ``doubled``: the
factor)."""

#: The kinds with no unit: a plain number, and the relations ratio and multiple.
UNITLESS_KINDS = frozenset({"number", "ratio", "multiple"})

Bound = Literal["exact", "approximate", "at_most", "at_least", "less_than", "more_than"]
"""How the text bounds the stated value: ``up to 647`` is ``at_most``,
``more than 40`` is ``more_than``, ``about 40`` is ``approximate``."""

Change = Literal["increase", "decrease"]
"""The direction of a change the clause states (``rose 5%``, ``fell to 3%``)."""

_Finite = Annotated[float, Field(allow_inf_nan=False)]
#: A name that is never empty (``None`` says that there is none).
_Name = Annotated[str, Field(min_length=1)]


class Quantity(BaseModel):
    """One numeric claim found in a text, with its exact character span.

    For a measure, the SI fields give the same quantity in SI base units,
    computed as :meth:`to` and :meth:`to_range` would compute it:
    ``q.to(q.si_unit) == q.si_value`` for a single value, and
    ``q.to_range(q.si_unit) == (q.si_low, q.si_high)`` for a range.  They are
    all None for a unit with no affine SI scale (decibels: 85 dB is no
    multiple of 1 dB), and for a value whose SI value is past the largest
    float (``1e308 km`` is 1e311 metres): a float cannot hold it, and
    infinity would be no value at all.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Kind = Field(description="number, money, percent or measure.")
    text: str = Field(description="The claim as written: source[start:end].")
    start: int = Field(ge=0, description="Start offset in the input, in code points.")
    end: int = Field(ge=0, description="End offset (exclusive) in the input, in code points.")
    value: _Finite | None = Field(
        description="The stated value with scale applied (£1.5billion -> 1.5e9); None for ranges."
    )
    low: _Finite | None = Field(default=None, description="A range's lower end.")
    high: _Finite | None = Field(default=None, description="A range's upper end.")
    uncertainty: _Finite | None = Field(
        default=None,
        ge=0,
        description="The uncertainty written with the value, in its unit: the 0.3 of "
        "'5.2 ± 0.3 mm' or '5.2 +/- 0.3 mm'; None when none is written.",
    )
    unit: _Name | None = Field(
        default=None,
        description=(
            "None for plain numbers; an ISO 4217 code for money; 'percent', "
            "'percentage_point' or 'basis_point' for percents; a pint unit name for measures."
        ),
    )
    bound: Bound = Field(default="exact", description="The bound the text puts on the value.")
    qualifier: _Name | None = Field(
        default=None, description="The bound or approximation phrase as written ('as high as')."
    )
    entity: _Name | None = Field(default=None, description="The thing counted or measured.")
    entity_span: tuple[int, int] | None = Field(
        default=None, description="Offsets of the entity in the input."
    )
    change: Change | None = Field(
        default=None, description="The direction of change the clause states, if any."
    )
    is_delta: bool = Field(
        default=False,
        description="True when the value is the size of a change (rose 5%), not a level.",
    )
    per: _Name | None = Field(
        default=None,
        description="For rates of money: what the amount is counted per, a pint unit "
        "($58.24 per barrel -> 'barrel', $21.25 per square foot -> 'foot ** 2') or a count "
        "noun in the singular (a penny a share -> 'share', per capita -> 'person'); two "
        "joined by ' / ' (£189 per person per month -> 'person / month').",
    )
    si_value: _Finite | None = Field(
        default=None,
        description="For a measure that is not a range: the value in SI base units (si_unit). "
        "None for ranges, for a unit with no affine SI scale (decibels), and for a value "
        "whose SI value is past the range of a float (1e308 km).",
    )
    si_low: _Finite | None = Field(
        default=None,
        description="For a range of measures: its lower end in SI base units (si_unit); "
        "None as si_value is None otherwise.",
    )
    si_high: _Finite | None = Field(
        default=None,
        description="For a range of measures: its upper end in SI base units (si_unit); "
        "None as si_value is None otherwise.",
    )
    si_unit: _Name | None = Field(
        default=None,
        description="For measures: the SI base unit of si_value, or of si_low and si_high; "
        "None when they are None.",
    )
    numerator: _Finite | None = Field(
        default=None,
        description="For a ratio: its first part as written (3 of '3 in 10'); value is "
        "numerator / denominator.",
    )
    denominator: _Finite | None = Field(
        default=None,
        description="For a ratio: its second part as written (10 of '3 in 10'; 2.5e8 of "
        "'one-in-250 million').",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        self._consistent_span()
        self._consistent_values()
        if self.kind in UNITLESS_KINDS and self.unit is not None:
            raise ValueError(f"a {self.kind} has no unit")
        if self.kind not in UNITLESS_KINDS and self.unit is None:
            raise ValueError(f"a {self.kind} quantity needs a unit")
        self._consistent_parts()
        if self.si_unit is not None or self.si_value is not None or self.si_low is not None:
            self._consistent_si()
        elif self.si_high is not None:
            raise ValueError("an SI range needs both si_low and si_high")
        return self

    def _consistent_span(self) -> None:
        """The span: in order, and as long as the text it holds."""
        if self.end < self.start:
            raise ValueError("end must not be before start")
        if self.end - self.start != len(self.text):
            raise ValueError("text must be exactly end - start characters long")

    def _consistent_values(self) -> None:
        """A value, or a range's two ends in order, never both."""
        if (self.low is None) != (self.high is None):
            raise ValueError("a range needs both low and high")
        if self.low is not None and self.high is not None:
            if self.value is not None:
                raise ValueError("a range has value=None")
            if self.low > self.high:
                raise ValueError("a range needs low <= high")
        elif self.value is None:
            raise ValueError("a quantity that is not a range needs a value")

    def _consistent_parts(self) -> None:
        """A ratio's parts: both or neither, on a ratio only, a denominator that is not 0."""
        if (self.numerator is None) != (self.denominator is None):
            raise ValueError("a ratio needs both numerator and denominator")
        if self.numerator is not None and self.kind != "ratio":
            raise ValueError("only a ratio has a numerator and a denominator")
        if self.denominator == 0:
            raise ValueError("a ratio's denominator is not 0")

    def _consistent_si(self) -> None:
        """SI fields: all None, or the SI unit with a value or (for a range) both ends."""
        if (self.si_low is None) != (self.si_high is None):
            raise ValueError("an SI range needs both si_low and si_high")
        has_si = self.si_value is not None or self.si_low is not None
        if has_si != (self.si_unit is not None):
            raise ValueError("si_unit is set exactly when si_value or si_low/si_high are")
        if has_si and self.kind != "measure":
            raise ValueError("only a measure has SI values")
        if self.si_value is not None and self.is_range:
            raise ValueError("a range has si_value=None and its ends in si_low/si_high")
        if self.si_low is not None and self.si_high is not None:
            if not self.is_range:
                raise ValueError("si_low/si_high are for ranges; a single value has si_value")
            if self.si_low > self.si_high:
                raise ValueError("an SI range needs si_low <= si_high")

    @property
    def is_range(self) -> bool:
        """True when the claim is a range (``low`` and ``high`` set, ``value`` None)."""
        return self.low is not None

    @property
    def magnitude(self) -> float:
        """The value, or a range's midpoint, for code that needs one number."""
        if self.value is not None:
            return self.value
        assert self.low is not None and self.high is not None
        return (self.low + self.high) / 2

    def to_pint(self) -> pint.Quantity[float]:
        """This measure as a ``pint.Quantity`` on numclaims' own registry.

        Raises :class:`~numclaims.UnitConversionError` for a quantity that is
        not a measure, and for a range, which is no single quantity (use
        :meth:`to_range`).
        """
        from numclaims._normalise import to_pint

        return to_pint(self)

    def to(self, unit: str) -> float:
        """The value of this measure converted to ``unit``.

        Raises :class:`~numclaims.UnitConversionError` for a quantity that is
        not a measure, for a unit pint does not know or of another dimension,
        for a result past the largest float (never ``inf``), and for a range,
        whose ends :meth:`to_range` converts: a range is not its midpoint.

        >>> from numclaims import parse_quantities
        >>> round(parse_quantities("a 5 km walk")[0].to("mile"), 3)
        3.107
        """
        from numclaims._normalise import convert

        return convert(self, unit)

    def to_range(self, unit: str) -> tuple[float, float]:
        """The ends ``(low, high)`` of this range of measures, converted to ``unit``.

        Raises :class:`~numclaims.UnitConversionError` as :meth:`to` does, and
        for a quantity that is not a range (use :meth:`to`).

        >>> from numclaims import parse_quantities
        >>> parse_quantities("between 2 and 4 km")[0].to_range("meter")
        (2000.0, 4000.0)
        """
        from numclaims._normalise import convert_range

        return convert_range(self, unit)

    def __str__(self) -> str:
        return self.text


class Options(BaseModel):
    """Settings for one call of :func:`~numclaims.parse_quantities`.

    Invalid settings raise Pydantic's ``ValidationError``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    dollar: str = Field(
        default="USD",
        description="ISO 4217 code for a bare '$' (e.g. 'CAD' for Canadian text), in any case; "
        "kept in upper case.",
    )
    gallon: Literal["us", "imperial"] = Field(
        default="us", description="What a bare 'gallon' means; 'imperial gallons' always wins."
    )
    degrees: Literal["celsius", "fahrenheit"] = Field(
        default="celsius",
        description="The scale of a temperature in bare degrees ('a high of 12 degrees', "
        "'preheat to 200°') where the value does not settle it: a weather reading of 95 "
        "degrees or an oven at 400° is Fahrenheit whatever this says.",
    )
    entities: bool = Field(default=True, description="Find the thing each quantity counts.")
    max_length: int | None = Field(
        default=None,
        gt=0,
        description="Refuse texts longer than this many code points (None: no limit).",
    )
    vocabulary: Vocabulary | None = Field(
        default=None,
        description="Units, currencies, scale words and idioms to read besides the package's "
        "own: a numclaims.Vocabulary, or its JSON form (units, definitions, currencies, "
        "scales, idioms).",
    )

    @field_validator("dollar")
    @classmethod
    def _iso_code(cls, value: str) -> str:
        code = value.upper()
        if not (code.isascii() and is_currency_code(code)):
            raise ValueError(f"{value!r} is not an ISO 4217 currency code")
        return code


class Span(BaseModel):
    """A stretch of the input as written: ``text == source[start:end]``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1, description="The words as written: source[start:end].")
    start: int = Field(ge=0, description="Start offset in the input, in code points.")
    end: int = Field(ge=0, description="End offset (exclusive) in the input, in code points.")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.end - self.start != len(self.text):
            raise ValueError("text must be exactly end - start characters long")
        return self

    def __str__(self) -> str:
        return self.text


class Claim(BaseModel):
    """A quantity with the context that makes it a claim: who says it, how sure, and when.

    Every context field is None when the text does not say it; none is a guess.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    quantity: Quantity = Field(description="The quantity, exactly as parse_quantities returns it.")
    sentence: Span = Field(description="The sentence that holds the quantity.")
    source: Span | None = Field(
        default=None,
        description="Who asserts the number: the minimal noun phrase as written "
        "(NATO's assessment, Analysts at Barclays); in a nested attribution, the innermost party.",
    )
    source_via: Span | None = Field(
        default=None,
        description="The party that relays the source's claim (The BBC reported that officials "
        "said ...): the outer source of a nested attribution.",
    )
    hedge: Span | None = Field(
        default=None,
        description="The words that weaken certainty (could, are thought to, reportedly, an if "
        "clause); bounds such as 'up to' are no hedge.",
    )
    time: Span | None = Field(
        default=None,
        description="The time the claim holds for, with its preposition (last week, in 2024, "
        "so far this year); never the date a statement was made.",
    )

    @model_validator(mode="after")
    def _inside_sentence(self) -> Self:
        q = self.quantity
        if not (self.sentence.start <= q.start and q.end <= self.sentence.end):
            raise ValueError("the sentence must hold the quantity")
        if self.source_via is not None and self.source is None:
            raise ValueError("a claim relayed by source_via needs a source")
        return self

    def __str__(self) -> str:
        return self.quantity.text
