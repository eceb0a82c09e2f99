"""numclaims over HTTP: a small FastAPI app, served by uvicorn.

Needs the ``server`` extra (``pip install 'numclaims[server]'``)::

    python -m numclaims.server --host 127.0.0.1 --port 8000

``POST /v1/quantities`` takes ``{"text": ..., "options": {...}}`` and answers
``{"quantities": [...]}``, or takes ``{"texts": [...]}`` and answers
``{"results": [[...], ...]}``; ``POST /v1/claims`` takes the same bodies and
answers ``{"claims": [...]}`` (or ``{"results": [[...], ...]}``), each claim a
quantity with its sentence, source, hedge and time; ``GET /health`` answers
``{"status": "ok"}``.
The request and response schemas in ``/openapi.json`` are the Pydantic
models themselves.

Every limit is a field of :class:`Settings` (and a command-line flag), so
that abuse costs a client an error, never the server its life:

* the body: at most ``max_body_bytes``, checked against ``Content-Length``
  before anything is read and counted again while reading (413), and sent
  within ``body_timeout`` seconds (408);
* the texts: at most ``max_text_chars`` code points each and ``max_batch``
  of them (413); malformed JSON or a field of the wrong type is a 422 that
  names the field;
* the work: parses run in ``workers`` processes (``0``: one thread of the
  server's process), off the event loop.  At most ``max_pending`` parses are
  in flight (running or waiting for a worker); one more is refused at once
  with 503, not queued.  A request whose parse is not done within
  ``timeout`` seconds gets 504.  A parse that already started cannot be
  stopped: it runs to its end in its worker and keeps its slot until then,
  so timed-out work still counts against ``max_pending``.

Importing this module does not import FastAPI, Starlette or uvicorn: the
models and :class:`Settings` are plain Pydantic, the app is built by
:func:`create_app`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping, Sequence
from concurrent.futures import Executor, Future
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from numclaims import __version__
from numclaims._claims import extract_claims
from numclaims._service import (
    BatchResponse,
    ClaimsBatchResponse,
    ClaimsResponse,
    QuantitiesRequest,
    QuantitiesResponse,
    respond,
    respond_claims,
)
from numclaims.models import Options

if TYPE_CHECKING:
    from fastapi import FastAPI
    from starlette.responses import Response

__all__ = [
    "BatchResponse",
    "ClaimsBatchResponse",
    "ClaimsResponse",
    "QuantitiesRequest",
    "QuantitiesResponse",
    "Settings",
    "create_app",
    "main",
]

_Scope = MutableMapping[str, Any]
_Message = MutableMapping[str, Any]
_Receive = Callable[[], Awaitable[_Message]]
_Send = Callable[[_Message], Awaitable[None]]
_App = Callable[[_Scope, _Receive, _Send], Awaitable[None]]


class Settings(BaseModel):
    """The server's limits, each with a safe default.

    >>> Settings().max_body_bytes, Settings(workers=0).workers
    (1048576, 0)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_body_bytes: int = Field(
        default=1_048_576, gt=0, description="Largest request body, in bytes (413 above)."
    )
    body_timeout: float = Field(
        default=10.0, gt=0, description="Seconds a client has to send the whole body (408)."
    )
    max_text_chars: int = Field(
        default=100_000, gt=0, description="Longest text, in code points (413 above)."
    )
    max_batch: int = Field(default=64, gt=0, description="Most texts in one request (413 above).")
    timeout: float = Field(
        default=10.0,
        gt=0,
        description="Seconds for a request's parse, waiting for a worker included (504 after).",
    )
    max_pending: int = Field(
        default=32,
        gt=0,
        description="Most parses in flight, running or waiting for a worker (503 above).",
    )
    workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=0,
        description="Parsing processes; 0 parses in one thread of the server's process.",
    )
    max_connections: int = Field(
        default=256,
        gt=0,
        description="Most open connections and tasks before uvicorn answers 503.",
    )


class _Slots:
    """The count of parses in flight, bounded by a semaphore.

    A slot is taken before a parse is submitted and given back by the
    parse's future when it is done (finished, failed or cancelled), whatever
    the request that asked for it has answered by then.  Futures call back
    from the executor's threads, hence a thread-safe semaphore.
    """

    def __init__(self, size: int) -> None:
        self._free = threading.BoundedSemaphore(size)

    def take(self) -> bool:
        """Take a slot if one is free; never wait."""
        return self._free.acquire(blocking=False)

    def give_back(self, _: object = None) -> None:
        self._free.release()


def _start_worker() -> None:
    """Each worker process: leave Ctrl-C to the server, and build the patterns now."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    extract_claims("Warm up: 5 km/h and $3bn, up 2%, the bank said last week.")


def _executor(workers: int) -> Executor:
    if workers == 0:
        from concurrent.futures import ThreadPoolExecutor

        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="numclaims-parse")
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the server process has an event loop and threads to not copy
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)


class _Pool:
    """The executor, replaced if a worker process dies (its futures then fail)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = _executor(workers)

    def warm(self) -> None:
        """Start every worker now rather than on the first requests."""
        if self.workers:
            for future in [self.executor.submit(abs, 0) for _ in range(self.workers)]:
                future.result()

    def replace(self, broken: Executor) -> None:
        if self.executor is broken:
            self.executor = _executor(self.workers)
            broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers: the queued parses are dropped, running ones finish first.

        Waiting matters: idle spawned workers left behind by ``wait=False``
        outlive the server.
        """
        self.executor.shutdown(wait=True, cancel_futures=True)


def _error(status: int, message: str) -> Exception:
    from fastapi import HTTPException

    # a 503 is temporary by definition: say when to come back
    headers = {"Retry-After": "1"} if status == 503 else None
    return HTTPException(status_code=status, detail=message, headers=headers)


class _BodyLimit:
    """ASGI middleware: refuse a body over ``limit`` bytes (413), or one sent too slowly (408).

    ``Content-Length`` is checked before the app runs; the bytes are counted
    again as they arrive, which also covers chunked bodies and lying headers.
    """

    def __init__(self, app: _App, limit: int, timeout: float) -> None:
        self.app = app
        self.limit = limit
        self.timeout = timeout

    async def __call__(self, scope: _Scope, receive: _Receive, send: _Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            from starlette.responses import JSONResponse

            response = JSONResponse({"detail": self._too_large()}, status_code=413)
            await response(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        received = 0
        complete = False

        async def limited() -> _Message:
            nonlocal received, complete
            if complete:  # the body is in: later calls wait for a disconnect, unbounded
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), deadline - loop.time())
            except TimeoutError:
                raise _error(408, f"the body did not arrive within {self.timeout:g} s") from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _error(413, self._too_large())
                complete = not message.get("more_body", False)
            return message

        await self.app(scope, limited, send)

    def _too_large(self) -> str:
        return f"the request body is larger than the limit of {self.limit} bytes"


def _content_length(scope: _Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else None
    return None


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI app, with the limits of ``settings`` (defaults: :class:`Settings`)."""
    from fastapi import FastAPI
    from starlette.responses import Response

    limits = settings or Settings()
    slots = _Slots(limits.max_pending)
    pools: list[_Pool] = []

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        pool = _Pool(limits.workers)
        await asyncio.to_thread(pool.warm)
        pools.append(pool)
        try:
            yield
        finally:
            await asyncio.to_thread(pool.close)

    app = FastAPI(
        title="numclaims",
        version=__version__,
        summary="Find the numeric claims in English text.",
        lifespan=lifespan,
    )

    async def quantities(body: QuantitiesRequest) -> Response:
        """Find the quantities of one text (``text``) or of each text of a batch (``texts``)."""
        return await run(body, respond)

    async def claims(body: QuantitiesRequest) -> Response:
        """Find the claims (each quantity with its source, hedge and time) of ``text``/``texts``."""
        return await run(body, respond_claims)

    async def run(body: QuantitiesRequest, work: Callable[..., bytes]) -> Response:
        """Run ``work`` on the request's texts in a worker, within the limits."""
        batch = body.texts is not None
        texts = body.texts if body.texts is not None else [body.text or ""]
        _check_sizes(texts, body.options, limits)
        if not slots.take():
            raise _error(
                503,
                f"busy: the limit of parses in flight (max_pending={limits.max_pending}) is "
                "reached; try again shortly",
            )
        pool = pools[0]
        executor = pool.executor
        try:
            future: Future[bytes] = executor.submit(work, texts, body.options, batch)
        except RuntimeError:  # a broken or shut-down pool refuses new work
            slots.give_back()
            pool.replace(executor)
            raise _error(503, "the parsing workers are restarting; try again shortly") from None
        future.add_done_callback(slots.give_back)
        try:
            payload = await asyncio.wait_for(asyncio.wrap_future(future), limits.timeout)
        except TimeoutError:
            raise _error(
                504, f"the parse took longer than the time budget of {limits.timeout:g} s"
            ) from None
        except Exception as error:
            from concurrent.futures import BrokenExecutor

            if not isinstance(error, BrokenExecutor):
                raise
            pool.replace(executor)
            raise _error(503, "a parsing worker stopped; try again shortly") from None
        return Response(payload, media_type="application/json")

    errors: dict[int | str, dict[str, Any]] = {
        408: {"description": "The body did not arrive within the body timeout."},
        413: {"description": "The body, a text or the batch is over its limit."},
        503: {"description": "Too many parses in flight, or a worker restarting."},
        504: {"description": "The parse did not finish within the time budget."},
    }

    async def health() -> dict[str, str]:
        """Liveness: the server answers and its workers have started."""
        return {"status": "ok", "version": __version__}

    app.add_api_route(
        "/v1/quantities",
        quantities,
        methods=["POST"],
        response_model=QuantitiesResponse | BatchResponse,
        summary="Find quantities",
        responses=errors,
    )
    app.add_api_route(
        "/v1/claims",
        claims,
        methods=["POST"],
        response_model=ClaimsResponse | ClaimsBatchResponse,
        summary="Find claims: quantities with their source, hedge and time",
        responses=errors,
    )
    app.add_api_route("/health", health, methods=["GET"], summary="Liveness")
    app.add_middleware(_BodyLimit, limit=limits.max_body_bytes, timeout=limits.body_timeout)
    return app


def _check_sizes(texts: Sequence[str], options: Options, limits: Settings) -> None:
    """Raise 413 for a batch or a text over its limit (the stricter of the server's and the
    request's ``options.max_length``)."""
    if len(texts) > limits.max_batch:
        raise _error(413, f"the batch has {len(texts)} texts; the limit is {limits.max_batch}")
    limit = limits.max_text_chars
    if options.max_length is not None:
        limit = min(limit, options.max_length)
    for index, text in enumerate(texts):
        if len(text) > limit:
            which = "the text" if len(texts) == 1 else f"text {index}"
            raise _error(413, f"{which} is {len(text)} characters long; the limit is {limit}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="numclaims serve",
        description="Serve numclaims over HTTP: POST /v1/quantities, GET /health.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to bind (default 8000)")
    parser.add_argument(
        "--log-level",
        default="info",
        choices=("critical", "error", "warning", "info", "debug"),
        help="uvicorn's log level (default info)",
    )
    for name, field in Settings.model_fields.items():
        default = field.get_default(call_default_factory=True)
        parser.add_argument(
            "--" + name.replace("_", "-"),
            type=type(default),
            default=None,
            metavar=type(default).__name__.upper(),
            help=f"{field.description} (default {default})",
        )
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    given = {name: getattr(args, name) for name in Settings.model_fields}
    return Settings(**{name: value for name, value in given.items() if value is not None})


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server until it is stopped (Ctrl-C or SIGTERM); return the exit status."""
    args = _parser().parse_args(argv)
    try:
        settings = _settings(args)
    except ValidationError as error:
        for item in error.errors():
            flag = "--" + str(item["loc"][0]).replace("_", "-")
            print(f"numclaims serve: {flag}: {item['msg']}", file=sys.stderr)
        return 2
    try:
        import fastapi  # noqa: F401  (create_app needs it)
        import uvicorn
    except ImportError as missing:
        print(
            f"numclaims serve: {missing.name} is not installed: pip install 'numclaims[server]'",
            file=sys.stderr,
        )
        return 2
    uvicorn.run(
        create_app(settings),
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        limit_concurrency=settings.max_connections,
        timeout_keep_alive=5,
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
