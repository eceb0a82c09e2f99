"""The time budget (504) and the bound on parses in flight (503), on a server that allows
one parse at a time and gives each 0.3 s."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from server_harness import Server, start_server, workers

pytestmark = pytest.mark.server

DENSE = "It rose 5% to $40k and 3 km. " * 2000
"""58,000 characters and 6,000 quantities: seconds of parsing, far over 0.3 s."""


def wait_until_free(server: Server, seconds: float = 120) -> float:
    """Poll with a small text until the server parses again; return how long that took."""
    started = time.monotonic()
    with server.client() as client:
        while True:
            answer = client.post("/v1/quantities", json={"text": "It cost $5."})
            if answer.status_code == 200:
                return time.monotonic() - started
            assert answer.status_code == 503, answer.text
            assert time.monotonic() - started < seconds, "the server stayed busy"
            time.sleep(0.05)


def test_over_the_time_budget_is_504(slow_server: Server) -> None:
    """A parse that takes longer than the budget is answered 504, with the budget named."""
    wait_until_free(slow_server)
    with slow_server.client() as client:
        started = time.monotonic()
        answer = client.post("/v1/quantities", json={"text": DENSE})
        waited = time.monotonic() - started
    assert answer.status_code == 504
    assert answer.json()["detail"] == "the parse took longer than the time budget of 0.3 s"
    assert waited < 5  # answered at the budget, not when the parse ended


def test_saturated_is_503_then_recovers(slow_server: Server) -> None:
    """While a timed-out parse still runs it keeps the only slot: the next request is refused
    at once with 503 and Retry-After, and once the parse ends the server answers again."""
    wait_until_free(slow_server)
    with slow_server.client() as client:
        assert client.post("/v1/quantities", json={"text": DENSE}).status_code == 504
        started = time.monotonic()
        refused = client.post("/v1/quantities", json={"text": "It cost $5."})
        waited = time.monotonic() - started
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == "1"
    assert refused.json()["detail"] == (
        "busy: the limit of parses in flight (max_pending=1) is reached; try again shortly"
    )
    assert waited < 1  # refused, not queued
    assert wait_until_free(slow_server) > 0


def test_event_loop_stays_free_during_a_parse(slow_server: Server) -> None:
    """While a long parse runs in the worker, /health still answers at once."""
    wait_until_free(slow_server)
    with slow_server.client() as client:
        assert client.post("/v1/quantities", json={"text": DENSE}).status_code == 504
        started = time.monotonic()
        assert client.get("/health").status_code == 200
        assert time.monotonic() - started < 1


def test_a_dead_worker_is_503_then_replaced(tmp_path: Path) -> None:
    """A worker process killed from outside makes the next request a 503; the pool is
    replaced and the requests after it are answered again."""
    running = start_server(tmp_path, "--workers", "1")
    try:
        (worker,) = workers(running.process.pid)
        os.kill(worker, signal.SIGKILL)
        time.sleep(0.5)
        statuses = []
        with running.client() as client:
            for _ in range(40):
                statuses.append(client.post("/v1/quantities", json={"text": "$5"}).status_code)
                if statuses[-1] == 200:
                    break
                time.sleep(0.25)
        assert statuses[0] == 503
        assert statuses[-1] == 200
        assert set(statuses) <= {200, 503}
        assert workers(running.process.pid) - {worker}
    finally:
        running.stop()
