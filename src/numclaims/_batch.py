"""Batch parsing: :func:`parse_many` over any iterable of texts, in-process or in workers.

``parse_many`` yields one result list per text, in input order, and streams:
it never materialises the iterable, so an unbounded generator of texts runs
in bounded memory.  With ``jobs > 1`` the texts go to a
:class:`concurrent.futures.ProcessPoolExecutor` in chunks of ``chunksize``,
and at most ``2 * jobs`` chunks are in flight at any time.  The workers die
with the process that started them, even when it is killed (see
:func:`_die_with_parent`).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeAlias

from numclaims._api import checked_options, iter_argument
from numclaims.errors import InputTypeError
from numclaims.models import Options, Quantity

if TYPE_CHECKING:  # concurrent.futures is imported only when workers are asked for
    from concurrent.futures import Future

__all__ = ["parse_many"]

_CHUNKS_PER_WORKER = 2
"""How many chunks each worker may have queued: one running, one waiting."""

_PARENT_POLL_SECONDS = 0.2
"""How often a worker checks that its parent still lives: the longest it outlives it."""

_ChunkResult: TypeAlias = tuple[list[list[Quantity]], BaseException | None]
"""A chunk's results: the lists for the texts parsed, and the error that stopped it, if any."""


def parse_many(
    texts: Iterable[str],
    *,
    options: Options | None = None,
    jobs: int | None = None,
    chunksize: int = 64,
) -> Iterator[list[Quantity]]:
    """Yield ``parse_quantities(text, options=options)`` for each text, in input order.

    ``texts`` may be any iterable, including an unbounded generator: it is
    read lazily, a chunk at a time, so memory stays bounded.

    ``jobs=None`` or ``1`` parses in this process.  ``jobs=N`` with ``N > 1``
    parses in ``N`` worker processes (a :class:`~concurrent.futures.ProcessPoolExecutor`
    using the platform's default start method), sending ``chunksize`` texts
    per task and keeping at most ``2 * N`` chunks in flight; the results are
    the same, and still come back in input order.  Workers pay off for many
    texts or long ones (about 1.7 times as fast with 2 jobs on two free CPUs):
    starting them costs tens of milliseconds, and a worker that does not
    inherit numclaims' built patterns (the ``spawn`` and ``forkserver`` start
    methods) builds them once.  There is no "all CPUs" shorthand such as
    ``jobs=-1``; pass ``os.cpu_count()`` for that.

    Argument errors are raised at the call: :class:`ValueError` when ``jobs``
    is zero or negative or ``chunksize`` is below 1, ``TypeError`` when either
    is not an ``int``, and :class:`~numclaims.InputTypeError` when ``options``
    is not an :class:`~numclaims.Options`.  ``texts`` that is a single text (a
    ``str``, ``bytes`` or ``bytearray``, which would otherwise be iterated
    character by character) or no iterable at all raises
    :class:`~numclaims.InputTypeError` at the call too; wrap one text in a
    list, ``[text]``.  An item that is not a ``str`` raises
    :class:`~numclaims.InputTypeError` when it is reached, after the results
    of every item before it have been yielded; its message names the item's
    position (``texts[3] must be str, not bytes``).  Any other error for one
    text (such as :class:`~numclaims.InputTooLongError`, whose message names
    the position too), or from the iterable itself, is raised the same way, in
    order.  Leaving the loop early (``break``, or closing the generator) shuts
    the workers down; if the calling process is killed instead, its workers
    notice within a fraction of a second and exit too.

    >>> for found in parse_many(["Up to 647 tanks", "No numbers here.", "a 5 km walk"]):
    ...     print([q.text for q in found])
    ['Up to 647']
    []
    ['5 km']
    """
    workers = _checked_jobs(jobs)
    if isinstance(chunksize, bool) or not isinstance(chunksize, int):
        raise TypeError(f"chunksize must be int, not {type(chunksize).__name__}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    options = checked_options(options)
    iterator = _iterate(texts)
    if workers == 1:
        return _in_process(iterator, options)
    return _in_workers(iterator, options, workers, chunksize)


def _checked_jobs(jobs: object) -> int:
    """The number of processes ``jobs`` asks for; raise for anything but None or an int >= 1."""
    if jobs is None:
        return 1
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be int or None, not {type(jobs).__name__}")
    if jobs < 1:
        raise ValueError(f"jobs must be None or at least 1, not {jobs}")
    return jobs


def _iterate(texts: Iterable[object]) -> Iterator[object]:
    """An iterator over ``texts``; InputTypeError for one text or for no iterable at all."""
    if isinstance(texts, str):
        raise InputTypeError(
            "texts must be an iterable of str, not one str (it would be read one character "
            "at a time); pass [text], or call parse_quantities(text)"
        )
    if isinstance(texts, bytes | bytearray | memoryview):
        raise InputTypeError(
            f"texts must be an iterable of str, not {type(texts).__name__} (it would be read "
            "one byte at a time); decode it and pass [text], e.g. [data.decode('utf-8')]"
        )
    try:
        return iter(texts)
    except TypeError:
        raise InputTypeError.for_value(texts, "texts", "an iterable of str") from None


def _parse(text: object, index: int, options: Options) -> list[Quantity]:
    """The quantities of ``texts[index]``; its errors name it by that position."""
    argument = f"texts[{index}]"
    if not isinstance(text, str):
        raise InputTypeError.for_value(text, argument)
    return list(iter_argument(text, options, argument))


def _in_process(texts: Iterator[object], options: Options) -> Iterator[list[Quantity]]:
    """Parse each text here, as it is reached."""
    for index, text in enumerate(texts):
        yield _parse(text, index, options)


def _in_workers(
    texts: Iterator[object], options: Options, jobs: int, chunksize: int
) -> Iterator[list[Quantity]]:
    """Parse chunks of texts in ``jobs`` worker processes, yielding results in order.

    A chunk is cut short before an item that is not a ``str``; that item's
    error is raised once every result before it has been yielded.
    """
    from concurrent.futures import ProcessPoolExecutor  # ~50 ms to import: only when needed

    pending: deque[Future[_ChunkResult]] = deque()
    stop: BaseException | None = None
    read = 0  # how many items of ``texts`` have been read: the index of the next one
    executor = ProcessPoolExecutor(
        max_workers=jobs, initializer=_die_with_parent, initargs=(_PARENT_POLL_SECONDS,)
    )
    try:
        while stop is None:
            chunk, stop = _next_chunk(texts, chunksize, read)
            if chunk:
                pending.append(executor.submit(_parse_chunk, read, chunk, options))
                read += len(chunk)
            elif stop is None:
                break
            while pending and (stop is not None or len(pending) >= _CHUNKS_PER_WORKER * jobs):
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())
        if stop is not None:
            raise stop
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


def _next_chunk(
    texts: Iterator[object], size: int, first: int
) -> tuple[list[str], BaseException | None]:
    """Up to ``size`` texts from ``texts[first]`` on, and the error that ended them early.

    The error is an :class:`InputTypeError` naming the position of an item
    that is not a ``str``, or whatever reading ``texts`` itself raised.
    """
    chunk: list[str] = []
    try:
        for item in islice(texts, size):
            if not isinstance(item, str):
                return chunk, InputTypeError.for_value(item, f"texts[{first + len(chunk)}]")
            chunk.append(item)
    except Exception as error:  # the caller's iterable failed: raise it in order, like jobs=1
        return chunk, error
    return chunk, None


def _results(future: Future[_ChunkResult]) -> Iterator[list[Quantity]]:
    """The result lists of one finished chunk; then its error, if a text failed."""
    found, error = future.result()
    yield from found
    if error is not None:
        raise error


def _parse_chunk(first: int, texts: list[str], options: Options) -> _ChunkResult:
    """Parse ``texts`` (``texts[first]`` on) in a worker; stop at the first error and return it."""
    found: list[list[Quantity]] = []
    try:
        for index, text in enumerate(texts, first):
            found.append(_parse(text, index, options))
    except Exception as error:  # returned, not raised, so earlier results still reach the caller
        return found, error
    return found, None


def _die_with_parent(interval: float) -> None:
    """In a worker: end this process as soon as the process that started the pool is gone.

    A parent killed by a signal (SIGTERM, SIGKILL) runs no clean-up, so
    without this its workers would live on, waiting for work that never
    comes and holding the parent's stdout and stderr open, so that whoever
    reads them waits for ever.  A daemon thread watches two signs, checking
    each at least every ``interval`` seconds, and exits at the first:

    * the parent pid changes: the worker has been reparented (to init or a
      subreaper).  Portable, and the one sign that holds for ``fork`` workers,
      whose parent sentinel (below) is also held open by their siblings.
    * multiprocessing's parent sentinel, a pipe whose other end only the
      starting process holds, reaches end of file.  The one sign that holds
      for ``forkserver`` workers, whose parent is the fork server: it lives on
      for as long as they do, so their parent pid never changes.

    Linux's ``PR_SET_PDEATHSIG`` is not used: it fires when the *thread* that
    forked the worker ends, and the pool starts workers from whichever thread
    happens to submit work.
    """
    import multiprocessing
    import threading
    import time
    from multiprocessing.connection import wait

    parent = os.getppid()
    starter = multiprocessing.parent_process()
    sentinel = None if starter is None else starter.sentinel

    def watch() -> None:
        nonlocal sentinel
        while os.getppid() == parent:
            if sentinel is None:
                time.sleep(interval)
                continue
            try:
                if wait([sentinel], timeout=interval):
                    break
            except (OSError, ValueError):  # closed under us: the pid alone, from now on
                sentinel = None
        os._exit(1)  # no clean-up to run: the results have nobody to go to

    threading.Thread(target=watch, name="numclaims-parent-watch", daemon=True).start()
