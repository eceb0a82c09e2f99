"""Start and stop ``python -m numclaims.server`` on 127.0.0.1, and look at its processes.

Shared by the server tests and their conftest (a module of its own, since
several ``conftest`` modules are imported under that one name).  Clients never
use proxies from the environment (``trust_env=False``): every request goes to
127.0.0.1.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

HOST = "127.0.0.1"


def free_port() -> int:
    """A port nothing listens on at 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def children(pid: int) -> set[int]:
    """The process ids of ``pid``'s children (Linux ``/proc``)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text()
        found.update(int(child) for child in text.split())
    return found


def workers(pid: int) -> set[int]:
    """The parsing worker processes among ``pid``'s children (multiprocessing's spawned ones)."""
    found = set()
    for child in children(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.add(child)
        except FileNotFoundError:
            continue
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie, finished but not reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@dataclass
class Server:
    """A running ``numclaims.server`` subprocess and its address."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def client(self) -> httpx.Client:
        """An HTTP client for this server that ignores proxy settings."""
        return httpx.Client(base_url=self.url, trust_env=False, timeout=60)

    def stop(self) -> int:
        """SIGTERM the server, wait for it, and return its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.process.returncode


def start_server(tmp: Path, *flags: str) -> Server:
    """Start ``python -m numclaims.server`` with ``flags`` and wait until /health answers."""
    port = free_port()
    log = tmp / f"server-{port}.log"
    command = [sys.executable, "-m", "numclaims.server", "--host", HOST, "--port", str(port)]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*command, "--log-level", "warning", *flags], stdout=sink, stderr=subprocess.STDOUT
        )
    server = Server(process, f"http://{HOST}:{port}", log)
    deadline = time.monotonic() + 90
    with httpx.Client(base_url=server.url, trust_env=False, timeout=5) as client:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited: {log.read_text()}")
            try:
                if client.get("/health").status_code == 200:
                    return server
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                server.stop()
                raise RuntimeError(f"the server did not answer within 90 s: {log.read_text()}")
            time.sleep(0.1)
