"""The bodies of numclaims' HTTP service, and the work each request runs in a worker.

Plain Pydantic and the public API only, so that :mod:`numclaims.server`
imports FastAPI lazily and the workers import nothing of the server.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from numclaims._api import parse_quantities
from numclaims._claims import extract_claims
from numclaims.models import Claim, Options, Quantity

__all__ = [
    "BatchResponse",
    "ClaimsBatchResponse",
    "ClaimsResponse",
    "QuantitiesRequest",
    "QuantitiesResponse",
    "respond",
    "respond_claims",
]


class QuantitiesRequest(BaseModel):
    """One text (``text``) or a batch (``texts``): exactly one of the two."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str | None = Field(default=None, description="The text to parse.")
    texts: list[str] | None = Field(
        default=None, description="Texts to parse, each on its own; results in the same order."
    )
    options: Options = Field(default_factory=Options, description="numclaims' options.")

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if (self.text is None) == (self.texts is None):
            raise ValueError("give exactly one of 'text' (a string) and 'texts' (a list)")
        return self


class QuantitiesResponse(BaseModel):
    """The quantities of one text, in order of appearance."""

    quantities: list[Quantity]


class BatchResponse(BaseModel):
    """One list of quantities per text of the batch, in the order of the texts."""

    results: list[list[Quantity]]


class ClaimsResponse(BaseModel):
    """The claims of one text: each quantity with its sentence, source, hedge and time."""

    claims: list[Claim]


class ClaimsBatchResponse(BaseModel):
    """One list of claims per text of the batch, in the order of the texts."""

    results: list[list[Claim]]


def respond(texts: Sequence[str], options: Options, batch: bool) -> bytes:
    """The ``/v1/quantities`` response body for ``texts`` (runs in a worker)."""
    found = [parse_quantities(text, options=options) for text in texts]
    if batch:
        return BatchResponse(results=found).model_dump_json().encode()
    return QuantitiesResponse(quantities=found[0]).model_dump_json().encode()


def respond_claims(texts: Sequence[str], options: Options, batch: bool) -> bytes:
    """The ``/v1/claims`` response body for ``texts`` (runs in a worker)."""
    found = [extract_claims(text, options=options) for text in texts]
    if batch:
        return ClaimsBatchResponse(results=found).model_dump_json().encode()
    return ClaimsResponse(claims=found[0]).model_dump_json().encode()
