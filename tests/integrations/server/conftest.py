"""The HTTP service's fixtures: real servers (``python -m numclaims.server``) on 127.0.0.1.

Each server runs in a subprocess on a free port of the loopback interface and
is stopped with SIGTERM at the end (see ``server_harness.py``).

Locally a missing ``server`` extra skips these tests and says what to install.
With ``NUMCLAIMS_REQUIRE_EXTRAS=1`` (``make test-server``, and so CI) it fails
them instead, and a run in which any of them skipped fails as a whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

REQUIRE = os.environ.get("NUMCLAIMS_REQUIRE_EXTRAS") == "1"
"""Whether a missing extra or a skipped test fails the run (set by CI)."""

try:
    import fastapi  # noqa: F401  (only checks that the extra is there)
    import httpx  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as missing:
    message = f"{missing.name} is not installed: pip install 'numclaims[server]'"
    if REQUIRE:
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=True)

from server_harness import Server, start_server  # noqa: E402  (needs httpx, checked above)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with the default limits and one worker process."""
    running = start_server(tmp_path_factory.mktemp("server"), "--workers", "1")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def tight_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Small limits, so that each one is easy to hit; parses in a thread (``--workers 0``)."""
    running = start_server(
        tmp_path_factory.mktemp("tight"),
        "--workers", "0",
        "--max-body-bytes", "2000",
        "--max-text-chars", "300",
        "--max-batch", "3",
        "--body-timeout", "1",
    )  # fmt: skip
    yield running
    running.stop()


@pytest.fixture(scope="session")
def slow_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One worker, one parse in flight at most, and a time budget of 0.3 s."""
    running = start_server(
        tmp_path_factory.mktemp("slow"),
        "--workers", "1",
        "--max-pending", "1",
        "--timeout", "0.3",
        "--max-text-chars", "1000000",
        "--max-body-bytes", "2000000",
    )  # fmt: skip
    yield running
    running.stop()
