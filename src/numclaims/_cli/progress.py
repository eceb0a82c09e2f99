"""A progress line on stderr: how far through the input, MB/s and records/s.

Drawn only on a terminal, only for inputs over a few megabytes (a small run
ends before it would be read), and at most a few times a second.
"""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]

_MIN_BYTES = 4_000_000
"""Inputs smaller than this (4 MB) show no progress."""

_INTERVAL = 0.2
"""Seconds between two redraws."""

_BAR = 24
"""Characters in the bar."""

_MB = 1_000_000


class Progress:
    """The progress of one run over ``total`` bytes of input (None: unknown, as for stdin)."""

    def __init__(self, stream: TextIO, total: int | None, *, enabled: bool) -> None:
        self._stream = stream
        self._total = total
        self._enabled = enabled and (total is None or total >= _MIN_BYTES)
        self._started = time.perf_counter()
        self._drawn = 0.0
        self._shown = False

    def update(self, position: int, records: int) -> None:
        """Redraw, if it is time: ``position`` bytes read, ``records`` records written."""
        if not self._enabled:
            return
        now = time.perf_counter()
        if now - self._drawn < _INTERVAL or (self._total is None and position < _MIN_BYTES):
            return
        self._drawn = now
        self._stream.write("\r" + self.line(position, records, now - self._started) + "\x1b[K")
        self._stream.flush()
        self._shown = True

    def line(self, position: int, records: int, seconds: float) -> str:
        """The text of the progress line.

        >>> import io
        >>> Progress(io.StringIO(), 10 * _MB, enabled=True).line(5 * _MB, 1000, 2.0)
        '[############............]  50%  5.0/10.0 MB  2.5 MB/s  500 records/s'
        """
        rate = f"{position / _MB / seconds:.1f} MB/s  {records / seconds:,.0f} records/s"
        if self._total is None:
            return f"{position / _MB:.1f} MB  {rate}"
        done = min(position / self._total, 1.0) if self._total else 1.0
        bar = "#" * round(done * _BAR)
        return (
            f"[{bar.ljust(_BAR, '.')}] {done:4.0%}  "
            f"{position / _MB:.1f}/{self._total / _MB:.1f} MB  {rate}"
        )

    def clear(self) -> None:
        """Erase the line, so that a message can be printed in its place."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False

    def close(self) -> None:
        """Erase the line at the end of the run."""
        self.clear()
