"""A slow client cannot hold the server: a request's headers must arrive within
REQUEST_HEADER_TIMEOUT_SECONDS (else a 408 and the connection closes), its body within
REQUEST_BODY_TIMEOUT_SECONDS; a prompt client, kept alive between requests, is never cut. `parallax serve`
starts uvicorn with these timeouts."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from app import cli
from app.main import create_app
from app.settings import settings
from app.web import server as app_server
from tests.conftest import _free_port


@pytest.fixture
def served(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, int]]:
    monkeypatch.setattr(settings, "request_header_timeout_seconds", 1.0)
    monkeypatch.setattr(settings, "request_body_timeout_seconds", 1.5)
    port = _free_port()
    config = uvicorn.Config(
        create_app(sqlite_url, migrate=True),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        **app_server.uvicorn_options(),
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield "127.0.0.1", port
    server.should_exit = True
    thread.join(timeout=15)


def drip(address: tuple[str, int], head: bytes, byte: bytes, seconds: float = 6.0) -> tuple[float, bytes]:
    """Send `head`, then one `byte` every 0.25 s; how long until the server closed, and what it said."""
    with socket.create_connection(address, timeout=seconds) as sock:
        sock.settimeout(0.25)
        sock.sendall(head)
        began = time.monotonic()
        answer = b""
        while time.monotonic() - began < seconds:
            try:
                sock.sendall(byte)
            except OSError:
                break
            try:
                chunk = sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                break
            if not chunk:
                break
            answer += chunk
        return time.monotonic() - began, answer


def test_headers_sent_a_byte_at_a_time_are_cut_off_with_a_408(served: tuple[str, int]) -> None:
    seconds, answer = drip(served, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", b"a")
    assert seconds < 3
    assert answer.startswith(b"HTTP/1.1 408 ") and b"took too long" in answer


def test_a_connection_that_sends_nothing_is_closed(served: tuple[str, int]) -> None:
    seconds, answer = drip(served, b"", b"")
    assert seconds < 3 and answer.startswith(b"HTTP/1.1 408 ")


def test_a_body_sent_a_byte_at_a_time_is_cut_off(served: tuple[str, int]) -> None:
    head = (
        b"POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 5000\r\n\r\n{"
    )
    seconds, _ = drip(served, head, b" ")
    assert seconds < 4


def test_a_prompt_client_is_served_and_kept_alive(served: tuple[str, int]) -> None:
    host, port = served
    with httpx.Client(base_url=f"http://{host}:{port}") as client:
        for _ in range(3):
            assert client.get("/api/events").status_code == 200
            time.sleep(1.2)  # idle longer than the header deadline: keep-alive, not a slow request
        created = client.post("/api/events", json={"title": "Timeouts " + str(time.time())})
        assert created.status_code == 201


def test_parallax_serve_starts_uvicorn_with_the_timeouts(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    # `serve` adds the host it listens on to the allowed hosts: put them back after the test.
    monkeypatch.setattr(settings, "allowed_hosts", settings.allowed_hosts)
    monkeypatch.setenv("ALLOWED_HOSTS", settings.allowed_hosts)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    assert cli.main(["serve", "--port", "8999"]) == 0
    (call,) = calls
    assert call["app"] == "app.main:app" and call["port"] == 8999
    assert call["http"] is app_server.PROTOCOL
    assert call["timeout_keep_alive"] == app_server.KEEP_ALIVE_SECONDS
    assert call["timeout_graceful_shutdown"] == app_server.GRACEFUL_SHUTDOWN_SECONDS
