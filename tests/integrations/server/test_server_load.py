"""A bounded load test on 127.0.0.1: 2,000 requests from 16 concurrent clients, no error.

It prints p50 and p99 latency and requests per second; docs/server.md quotes a
run of it.  Run it alone with ``pytest -s -m slow tests/integrations/server``.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from server_harness import Server, start_server

from numclaims import parse_quantities

pytestmark = [pytest.mark.server, pytest.mark.slow]

REQUESTS = 2_000
CLIENTS = 16
ARTICLE = Path(__file__).resolve().parents[3] / "examples" / "seed_article.txt"


def paragraphs() -> list[str]:
    """The sample article's paragraphs: news text of 100-700 characters each."""
    text = ARTICLE.read_text(encoding="utf-8")
    return [part.strip() for part in text.split("\n\n") if part.strip()]


@pytest.fixture(scope="module")
def default_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with every default: limits, and one worker process per CPU."""
    running = start_server(tmp_path_factory.mktemp("load"))
    yield running
    running.stop()


async def one_client(
    url: str,
    texts: list[str],
    expected: dict[str, Any],
    first: int,
    count: int,
    latencies: list[float],
    failures: list[str],
) -> None:
    """Send ``count`` requests one after another, each text in turn, and check each answer."""
    async with httpx.AsyncClient(base_url=url, trust_env=False, timeout=60) as client:
        for number in range(first, first + count):
            text = texts[number % len(texts)]
            started = time.perf_counter()
            answer = await client.post("/v1/quantities", json={"text": text})
            latencies.append(time.perf_counter() - started)
            if answer.status_code != 200 or answer.json() != expected[text]:
                failures.append(f"request {number}: {answer.status_code} {answer.text[:200]}")


async def load(url: str, latencies: list[float], failures: list[str]) -> float:
    """Run the clients together; return the wall time."""
    texts = paragraphs()
    expected = {
        text: {"quantities": [q.model_dump(mode="json") for q in parse_quantities(text)]}
        for text in texts
    }
    share = REQUESTS // CLIENTS
    started = time.perf_counter()
    await asyncio.gather(
        *(
            one_client(url, texts, expected, i * share, share, latencies, failures)
            for i in range(CLIENTS)
        )
    )
    return time.perf_counter() - started


def test_2000_requests_from_16_clients(
    default_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every one of 2,000 requests from 16 concurrent clients is answered 200, correctly."""
    latencies: list[float] = []
    failures: list[str] = []
    wall = asyncio.run(asyncio.wait_for(load(default_server.url, latencies, failures), 600))
    assert failures == []
    assert len(latencies) == REQUESTS
    cuts = statistics.quantiles(latencies, n=100)
    p50, p99 = cuts[49] * 1000, cuts[98] * 1000
    with capsys.disabled():
        print(
            f"\nload: {REQUESTS} requests, {CLIENTS} clients, {wall:.1f} s: "
            f"{REQUESTS / wall:.0f} requests/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
            f"max {max(latencies) * 1000:.1f} ms"
        )
    assert p99 < 10_000  # a guard against hangs, not a performance claim
