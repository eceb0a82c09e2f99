"""The HTTP service through real HTTP on 127.0.0.1: answers, schema, and every refusal."""

from __future__ import annotations

import json
import signal
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from server_harness import HOST, Server, alive, children, start_server

from numclaims import Claim, Options, Quantity, extract_claims, parse_quantities
from numclaims.server import main

pytestmark = pytest.mark.server

ARTICLE = (Path(__file__).resolve().parents[3] / "examples" / "seed_article.txt").read_text(
    encoding="utf-8"
)


def as_json(text: str, options: Options | None = None) -> list[dict[str, Any]]:
    """What the service must answer for ``text``: the models' own JSON."""
    return [q.model_dump(mode="json") for q in parse_quantities(text, options=options)]


def test_health(server: Server) -> None:
    """GET /health answers ok with the version."""
    with server.client() as client:
        answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"


def test_one_text(server: Server) -> None:
    """{"text": ...} gives {"quantities": [...]}, the same as parse_quantities."""
    with server.client() as client:
        answer = client.post("/v1/quantities", json={"text": ARTICLE})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    found = answer.json()["quantities"]
    assert found == as_json(ARTICLE)
    assert all(ARTICLE[q["start"] : q["end"]] == q["text"] for q in found)


def test_batch_with_options(server: Server) -> None:
    """{"texts": [...], "options": {...}} gives {"results": [[...], ...]} in order."""
    texts = ["Tickets cost $25.", "No numbers here.", "Up to 9 km.", "£1.5billion"]
    options = {"dollar": "CAD", "entities": False}
    with server.client() as client:
        answer = client.post("/v1/quantities", json={"texts": texts, "options": options})
    assert answer.status_code == 200
    expected = [as_json(text, Options(**options)) for text in texts]  # type: ignore[arg-type]
    assert answer.json() == {"results": expected}
    assert expected[0][0]["unit"] == "CAD"


def test_empty_batch(server: Server) -> None:
    """An empty batch is an empty list of results."""
    with server.client() as client:
        answer = client.post("/v1/quantities", json={"texts": []})
    assert (answer.status_code, answer.json()) == (200, {"results": []})


def test_openapi_schema_is_the_models(server: Server) -> None:
    """/openapi.json describes Quantity with every field of the model, and the request."""
    with server.client() as client:
        schema = client.get("/openapi.json").json()
    models = schema["components"]["schemas"]
    assert set(models["Quantity"]["properties"]) == set(Quantity.model_fields)
    assert set(models["Options"]["properties"]) == set(Options.model_fields)
    assert set(models["QuantitiesRequest"]["properties"]) == {"text", "texts", "options"}
    assert models["QuantitiesResponse"]["properties"]["quantities"]["items"] == {
        "$ref": "#/components/schemas/Quantity"
    }
    post = schema["paths"]["/v1/quantities"]["post"]
    assert {"200", "408", "413", "422", "503", "504"} <= set(post["responses"])
    claims = schema["paths"]["/v1/claims"]["post"]
    assert {"200", "408", "413", "422", "503", "504"} <= set(claims["responses"])
    assert set(models["Claim"]["properties"]) == set(Claim.model_fields)
    assert set(models["Span"]["properties"]) == {"text", "start", "end"}


def test_claims(server: Server) -> None:
    """POST /v1/claims gives {"claims": [...]}, the same as extract_claims; a batch, results."""
    with server.client() as client:
        one = client.post("/v1/claims", json={"text": ARTICLE})
        batch = client.post("/v1/claims", json={"texts": ["It cost $5, the shop said.", "None."]})
    assert one.status_code == 200
    assert one.json()["claims"] == [c.model_dump(mode="json") for c in extract_claims(ARTICLE)]
    assert one.json()["claims"][6]["source"]["text"] == "NATO’s assessment"
    results = batch.json()["results"]
    assert [len(r) for r in results] == [1, 0]
    assert results[0][0]["source"] == {"text": "the shop", "start": 12, "end": 20}


# (id, body as sent, where the error is: the "loc" of the first error)
INVALID = [
    ("malformed-json", b'{"text": "a"', ["body", 12]),
    ("text-not-a-string", {"text": 5}, ["body", "text"]),
    ("texts-not-a-list", {"texts": "a"}, ["body", "texts"]),
    ("texts-item-not-a-string", {"texts": ["a", 3]}, ["body", "texts", 1]),
    ("both-text-and-texts", {"text": "a", "texts": ["b"]}, ["body"]),
    ("neither-text-nor-texts", {"options": {}}, ["body"]),
    ("unknown-field", {"text": "a", "txt": "b"}, ["body", "txt"]),
    ("bad-option-value", {"text": "a", "options": {"dollar": "XX"}}, ["body", "options", "dollar"]),
    ("unknown-option", {"text": "a", "options": {"dolar": "CAD"}}, ["body", "options", "dolar"]),
    ("options-not-an-object", {"text": "a", "options": 3}, ["body", "options"]),
    ("body-is-a-list", ["a"], ["body"]),
    ("body-is-null", None, ["body"]),
]


@pytest.mark.parametrize(("body", "loc"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_invalid_request_is_422_naming_the_field(server: Server, body: Any, loc: list[Any]) -> None:
    """Malformed JSON or a value of the wrong type or shape is a 422 whose error names where."""
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    with server.client() as client:
        answer = client.post(
            "/v1/quantities", content=content, headers={"content-type": "application/json"}
        )
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == loc


def test_both_or_neither_names_the_fields(server: Server) -> None:
    """The error for both or neither of text and texts names both."""
    with server.client() as client:
        answer = client.post("/v1/quantities", json={"options": {}})
    assert "exactly one of 'text'" in answer.json()["detail"][0]["msg"]


def post_raw(server: Server, content: bytes | Iterator[bytes]) -> tuple[int, str]:
    with server.client() as client:
        answer = client.post(
            "/v1/quantities", content=content, headers={"content-type": "application/json"}
        )
    return answer.status_code, answer.json()["detail"]


def test_body_over_the_limit_by_content_length(tight_server: Server) -> None:
    """A Content-Length over the limit is refused (413) before the body is read."""
    body = json.dumps({"text": "a" * 2500}).encode()
    assert post_raw(tight_server, body) == (
        413,
        "the request body is larger than the limit of 2000 bytes",
    )


def test_body_over_the_limit_while_reading(tight_server: Server) -> None:
    """A chunked body (no Content-Length) is counted as it arrives and refused (413)."""
    body = json.dumps({"text": "a" * 2500}).encode()
    chunks = iter([body[:1000], body[1000:2000], body[2000:]])
    status, detail = post_raw(tight_server, chunks)
    assert (status, detail) == (413, "the request body is larger than the limit of 2000 bytes")


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"text": "a" * 301}, "the text is 301 characters long; the limit is 300"),
        ({"texts": ["a", "b" * 301]}, "text 1 is 301 characters long; the limit is 300"),
        ({"texts": ["a"] * 4}, "the batch has 4 texts; the limit is 3"),
        (
            {"text": "a" * 50, "options": {"max_length": 20}},
            "the text is 50 characters long; the limit is 20",
        ),
    ],
    ids=["text", "text-in-batch", "batch", "request-max-length"],
)
def test_text_or_batch_over_the_limit(tight_server: Server, body: Any, detail: str) -> None:
    """A text or a batch over its limit is a 413 that says which and by how much."""
    with tight_server.client() as client:
        answer = client.post("/v1/quantities", json=body)
    assert (answer.status_code, answer.json()["detail"]) == (413, detail)


def read_response(connection: socket.socket) -> str:
    """One HTTP response, read until its Content-Length is in (headers and body may arrive
    in separate packets)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += connection.recv(4096) or b"\r\n\r\n"
    head, _, body = data.partition(b"\r\n\r\n")
    lengths = [line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")]
    length = int(lengths[0].split(b":")[1]) if lengths else 0
    while len(body) < length:
        chunk = connection.recv(4096)
        if not chunk:
            break
        body += chunk
    return (head + b"\r\n\r\n" + body).decode()


def test_slow_body_is_408(tight_server: Server) -> None:
    """A body that does not arrive within the body timeout (1 s here) is a 408."""
    port = int(tight_server.url.rsplit(":", 1)[1])
    head = (
        "POST /v1/quantities HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        "Content-Length: 100\r\n\r\n"
    )
    started = time.monotonic()
    with socket.create_connection((HOST, port), timeout=20) as connection:
        connection.sendall(head.encode() + b'{"text": ')
        reply = read_response(connection)
    waited = time.monotonic() - started
    assert reply.startswith("HTTP/1.1 408")
    assert "the body did not arrive within 1 s" in reply
    assert 0.9 < waited < 15


def test_threads_mode_answers(tight_server: Server) -> None:
    """With --workers 0 (a thread, no processes) the answers are the same."""
    with tight_server.client() as client:
        answer = client.post("/v1/quantities", json={"text": "Up to 647 tanks"})
    assert answer.json() == {"quantities": as_json("Up to 647 tanks")}


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)  # what JSON can carry
    | st.text(max_size=20)
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["text", "texts", "options", "dollar", "entities", "max_length", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@given(body=_JSON)
def test_no_body_gives_a_server_error(tight_server: Server, body: Any) -> None:
    """Whatever JSON arrives, the answer is 200, 413 or 422, never a 5xx."""
    with tight_server.client() as client:
        answer = client.post("/v1/quantities", json=body)
    assert answer.status_code in {200, 413, 422}, answer.text


@given(content=st.binary(max_size=200))
def test_no_bytes_give_a_server_error(tight_server: Server, content: bytes) -> None:
    """Whatever bytes arrive as JSON, the answer is a 4xx or 200, never a 5xx."""
    with tight_server.client() as client:
        answer = client.post(
            "/v1/quantities", content=content, headers={"content-type": "application/json"}
        )
    assert answer.status_code < 500, answer.text


def test_stop_leaves_no_process(tmp_path: Path) -> None:
    """SIGTERM stops the server and every worker process it started.

    uvicorn shuts down gracefully, then raises the signal again, so the status
    is that of a SIGTERM (it was 0 before uvicorn 0.29).
    """
    running = start_server(tmp_path, "--workers", "2")
    with running.client() as client:
        assert client.post("/v1/quantities", json={"text": "It cost $5."}).status_code == 200
    workers = children(running.process.pid)
    assert len(workers) >= 2
    assert running.stop() in {0, -signal.SIGTERM}
    deadline = time.monotonic() + 20
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)]


def test_command_refuses_a_bad_limit(capsys: pytest.CaptureFixture[str]) -> None:
    """A limit out of range is exit status 2 and a message naming the flag."""
    assert main(["--max-batch", "0"]) == 2
    assert "--max-batch: Input should be greater than 0" in capsys.readouterr().err


def test_command_without_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without uvicorn installed the command says what to install, with status 2."""
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert main([]) == 2
    assert "pip install 'numclaims[server]'" in capsys.readouterr().err
