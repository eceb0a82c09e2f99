"""One sentence read for claims: its clauses, sources, hedges and times, and who covers what."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from numclaims._claims.clauses import Clauses, clauses, opens
from numclaims._claims.hedges import find_hedges
from numclaims._claims.sources import Attribution, find_attributions
from numclaims._claims.times import TimeSpan, find_times
from numclaims.models import Claim, Quantity, Span

__all__ = ["Placed", "SentenceReading", "place", "read_sentence"]

T = TypeVar("T", bound=tuple[int, ...])

#: The most attributions, hedges and times one sentence is read for: past it, a
#: "sentence" is no sentence (a table, a list run together), and each quantity
#: would cost as many checks: the claim layer stays linear in the text.
_MAX_ITEMS = 64
#: A hedge longer than this is a conditional clause (``if …``), which is set off by its nature.
_LONGEST_WORD_HEDGE = len("are understood to")


@dataclass(frozen=True, slots=True)
class Placed(Generic[T]):
    """Hedges or times of a sentence, by the clause each stands in, and those that open it."""

    by_clause: Mapping[int, tuple[T, ...]]
    opening: tuple[T, ...]

    def covering(self, parts: Clauses, quantity: Quantity) -> tuple[T, ...]:
        """The items in the clause of ``quantity``, and those that open the sentence."""
        return self.by_clause.get(parts.clause(quantity.start), ()) + self.opening


def place(
    items: Sequence[T], text: str, parts: Clauses, adverbial: Callable[[T], bool]
) -> Placed[T]:
    """Sort ``items`` by clause; an ``adverbial`` item at the sentence's opening covers all.

    An item that opens the sentence covers every clause only as an adverbial:
    a time, a conditional, a hedge set off by a comma (``Reportedly,``), not
    ``An estimated`` before its number.
    """
    by_clause: dict[int, tuple[T, ...]] = {}
    opening: list[T] = []
    for item in items:
        clause = parts.clause(item[0])
        by_clause[clause] = (*by_clause.get(clause, ()), item)
        if adverbial(item) and opens(text, parts.start, item[0]):
            opening.append(item)
    return Placed(by_clause, tuple(opening))


@dataclass(frozen=True, slots=True)
class SentenceReading:
    """What one sentence says about the quantities it holds."""

    text: str
    start: int
    end: int
    parts: Clauses
    attributions: tuple[Attribution, ...]
    hedges: Placed[tuple[int, int]]
    times: Placed[TimeSpan]
    #: The spans built so far, one per place: claims of one sentence share them.
    made: dict[tuple[int, int], Span] = field(default_factory=dict)

    def _span_or_none(self, span: tuple[int, int] | None) -> Span | None:
        """The span of ``text`` at ``span``, if any."""
        return None if span is None else self._span(span)

    def _span(self, span: tuple[int, int]) -> Span:
        """The span of ``text`` at ``span``.

        Built without validation: it is the text at its own offsets by
        construction, and the input may hold a lone surrogate that a
        validated ``str`` field refuses.
        """
        made = self.made.get(span)
        if made is None:
            made = Span.model_construct(
                text=self.text[span[0] : span[1]], start=span[0], end=span[1]
            )
            self.made[span] = made
        return made

    def _nearest(
        self, items: Sequence[tuple[int, int]], quantity: Quantity
    ) -> tuple[int, int] | None:
        """The item nearest to ``quantity``, the earlier on a tie."""

        def distance(item: tuple[int, int]) -> int:
            return max(item[0] - quantity.end, quantity.start - item[1], 0)

        return min(items, key=distance, default=None)

    def hedge(self, quantity: Quantity) -> tuple[int, int] | None:
        """The hedge that covers ``quantity``: the nearest, a conditional only if no word does."""
        covering = self.hedges.covering(self.parts, quantity)
        words = [h for h in covering if h[1] - h[0] <= _LONGEST_WORD_HEDGE]
        return self._nearest(words or covering, quantity)

    def time(self, quantity: Quantity) -> tuple[int, int] | None:
        """The time that covers ``quantity``: the nearest; a base of comparison
        (``from a year earlier``) only for a change, and only if no other time does."""
        covering = [
            t
            for t in self.times.covering(self.parts, quantity)
            if (t.end <= quantity.start or t.start >= quantity.end)
            and (not t.base or quantity.change is not None)
        ]
        preferred = [t[:2] for t in covering if not t.base] or [t[:2] for t in covering]
        return self._nearest(preferred, quantity)

    def sources(self, quantity: Quantity) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """The source of ``quantity`` and the party that relays it.

        The source is the innermost party that covers it: the nearest whose
        verb comes before it, else the nearest after it (``…, the BBC
        reported``); a party never asserts a number it holds itself (``40% of
        voters said``).  The next party out relays it when no clause
        boundary stands between them.
        """
        covering = sorted(
            (
                a
                for a in self.attributions
                if a.scope[0] <= quantity.start < a.scope[1]
                and not (a.source[0] < quantity.end and quantity.start < a.source[1])
            ),
            key=lambda a: (a.anchor > quantity.start, abs(quantity.start - a.anchor), not a.cited),
        )
        if not covering:
            return None, None
        inner = covering[0]
        for outer in covering[1:]:
            low, high = sorted((inner.anchor, outer.anchor))
            if outer.source != inner.source and not self.parts.breaks_between(low, high):
                return inner.source, outer.source
        return inner.source, None

    def claim(self, quantity: Quantity) -> Claim:
        """The claim of ``quantity``."""
        source, via = self.sources(quantity)
        # Built without validation: the quantity is validated already, the sentence
        # holds it and a relay comes only with a source, by construction (a property
        # test revalidates every claim).
        return Claim.model_construct(
            quantity=quantity,
            sentence=self._span((self.start, self.end)),
            source=self._span_or_none(source),
            source_via=self._span_or_none(via),
            hedge=self._span_or_none(self.hedge(quantity)),
            time=self._span_or_none(self.time(quantity)),
        )


def read_sentence(
    text: str, start: int, end: int, quantities: Sequence[tuple[int, int]]
) -> SentenceReading:
    """Read the sentence ``text[start:end]``, which holds ``quantities``."""
    parts = clauses(text, start, end)
    all_times = [
        t
        for t in find_times(text, start, end)[:_MAX_ITEMS]
        if t.owned or not any(q0 <= t.start and t.end <= q1 for q0, q1 in quantities)
    ]
    attributions = find_attributions(text, (start, end), parts, [t[:2] for t in all_times])
    attributions = attributions[:_MAX_ITEMS]
    times = [t for t in all_times if not _dated_statement(t, attributions)]
    hedges = find_hedges(text, start, end)[:_MAX_ITEMS]
    return SentenceReading(
        text,
        start,
        end,
        parts,
        tuple(attributions),
        place(hedges, text, parts, lambda h: _set_off(text, h)),
        place(times, text, parts, lambda _: True),
    )


def _set_off(text: str, hedge: tuple[int, int]) -> bool:
    """Whether a hedge stands apart from any number: a comma after it, or a conditional."""
    after = text[hedge[1] : hedge[1] + 2].lstrip()
    return after.startswith(",") or hedge[1] - hedge[0] > _LONGEST_WORD_HEDGE


def _dated_statement(time: TimeSpan, attributions: Sequence[Attribution]) -> bool:
    """Whether ``time`` dates a statement (``said on Monday``) or stands inside a source."""
    return any(
        a.zone[0] <= time.start < a.zone[1] or a.source[0] <= time.start < a.source[1]
        for a in attributions
    )
