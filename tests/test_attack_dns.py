"""Import by URL against a slow or stuck resolver (no network: `socket.getaddrinfo` is replaced by a fake).
The look-up is part of the fetch's time: a resolver that takes longer ends the fetch at its deadline with a
502 sentence, the request's thread is freed while the look-up goes on, a host asked for again and again
while stuck holds one resolver thread, and other hosts are still looked up meanwhile. Links that urlsplit
cannot read (an unclosed `[`, a port out of range) are a 422 sentence, never a 500."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from app.services import fetch, validation
from app.services.errors import BadGateway, BadInput
from app.settings import settings
from tests.conftest import unique_title

PAGE = b"<html><body><p>The ferry sailed again on Monday, the operator said.</p></body></html>"
REAL_GETADDRINFO = socket.getaddrinfo


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture(scope="module")
def site_port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()


class FakeResolver:
    """Answers `fast.example` at once with the loopback; `stuck.example` only once released (or after
    `delay` seconds for `slow.example`). Counts the look-ups each host got."""

    def __init__(self, delay: float = 5.0) -> None:
        self.delay = delay
        self.release = threading.Event()
        self.calls: dict[str, int] = {}
        self.lock = threading.Lock()

    def __call__(self, host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        with self.lock:
            self.calls[host] = self.calls.get(host, 0) + 1
        if host == "stuck.example":
            self.release.wait(timeout=30)
        elif host == "slow.example":
            time.sleep(self.delay)
        elif host != "fast.example":
            return REAL_GETADDRINFO(host, port, *args, **kwargs)  # type: ignore[arg-type]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]


@pytest.fixture
def resolver(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeResolver]:
    fake = FakeResolver()
    monkeypatch.setattr(fetch.socket, "getaddrinfo", fake)
    monkeypatch.setattr(settings, "fetch_timeout_seconds", 1.0)
    yield fake
    fake.release.set()  # the stuck look-ups end, so the resolver pool is free for the next test


def test_a_slow_resolver_ends_the_fetch_at_its_deadline(resolver: FakeResolver, site_port: int) -> None:
    began = time.monotonic()
    with pytest.raises(BadGateway, match=r"'slow\.example' of the link could not be looked up within 1 s"):
        fetch.fetch_page(f"http://slow.example:{site_port}/", allow_private=True)
    assert time.monotonic() - began < 2.5  # the fake resolver would take 5 s


def test_a_slow_second_look_up_counts_against_the_same_deadline(
    resolver: FakeResolver, site_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check's look-up answers at once, the connection's look-up (the one that guards against DNS
    rebinding) hangs: the fetch still ends on time, and the connection is never opened."""
    answers = iter([0.0, 5.0])

    def first_fast_then_slow(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        time.sleep(next(answers, 5.0))
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", first_fast_then_slow)
    began = time.monotonic()
    with pytest.raises(BadGateway, match="could not be looked up within"):
        fetch.fetch_page(f"http://rebind.example:{site_port}/", allow_private=True)
    assert time.monotonic() - began < 2.5


def test_a_prompt_resolver_still_fetches(resolver: FakeResolver, site_port: int) -> None:
    page = fetch.fetch_page(f"http://fast.example:{site_port}/", allow_private=True)
    assert "ferry sailed again" in page.html


def test_a_private_answer_is_still_refused_after_a_bounded_look_up(
    resolver: FakeResolver, site_port: int
) -> None:
    with pytest.raises(BadInput, match="private or local address"):
        fetch.fetch_page(f"http://fast.example:{site_port}/", allow_private=False)


def test_a_stuck_host_holds_one_resolver_thread_and_others_still_resolve(
    resolver: FakeResolver, site_port: int
) -> None:
    """Twenty fetches of a host whose resolver never answers all end at their deadline, share one look-up,
    and a fetch of another host made meanwhile succeeds."""
    url = f"http://stuck.example:{site_port}/"

    def attempt(_: int) -> str:
        try:
            fetch.fetch_page(url, allow_private=True)
        except BadGateway as exc:
            return str(exc)
        return "fetched"

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=20) as pool:
        stuck = pool.map(attempt, range(20))
        page = fetch.fetch_page(f"http://fast.example:{site_port}/", allow_private=True)
        outcomes = list(stuck)
    assert "ferry sailed again" in page.html
    assert all("could not be looked up" in outcome for outcome in outcomes)
    assert time.monotonic() - began < 4
    assert resolver.calls["stuck.example"] == 1


def test_many_stuck_hosts_do_not_hold_a_request_past_its_deadline(
    resolver: FakeResolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More different stuck hosts than resolver threads: the ones queued behind them end on time too."""
    hosts = [f"stuck{i}.example" for i in range(fetch.RESOLVER_THREADS * 2)]
    release = threading.Event()

    def hang(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        release.wait(timeout=30)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", hang)
    try:
        began = time.monotonic()
        with ThreadPoolExecutor(max_workers=len(hosts)) as pool:
            errors = list(pool.map(lambda h: _error_of(f"http://{h}/"), hosts))
        assert all("could not be looked up" in error for error in errors)
        assert time.monotonic() - began < 4
    finally:
        release.set()
    # The look-ups queued behind the stuck ones were dropped, not left to run later.
    assert not fetch._pending or all(f.running() or f.done() for f in fetch._pending.values())


def _error_of(url: str) -> str:
    try:
        fetch.fetch_page(url, allow_private=True)
    except BadGateway as exc:
        return str(exc)
    return "fetched"


def test_the_api_answers_a_slow_resolver_with_a_502_and_keeps_serving(
    sqlite_client: TestClient, resolver: FakeResolver
) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Dns")}).json()["slug"]
    outcome: dict[str, object] = {}

    def post() -> None:
        began = time.monotonic()
        response = sqlite_client.post(
            f"/api/events/{slug}/articles", json={"outlet": "Port News", "url": "http://stuck.example/a"}
        )
        outcome["status"], outcome["detail"] = response.status_code, response.json()["detail"]
        outcome["seconds"] = time.monotonic() - began

    poster = threading.Thread(target=post)
    poster.start()
    began = time.monotonic()
    assert sqlite_client.get("/").status_code == 200
    assert time.monotonic() - began < 5
    poster.join(timeout=30)
    assert outcome["status"] == 502 and "could not be looked up within" in str(outcome["detail"])
    assert float(outcome["seconds"]) < 5  # type: ignore[arg-type]
    assert sqlite_client.get(f"/api/events/{slug}/articles").json() == []


@pytest.mark.parametrize(
    "url", ["http://[::1/x", "http://host.example:99999/", "http://host.example:port/", "http://[zz]/a"]
)
def test_links_urlsplit_cannot_read_are_a_422(sqlite_client: TestClient, url: str) -> None:
    assert validation.safe_url(url) is None
    with pytest.raises(BadInput, match="not a valid address"):
        validation.check_url(url)
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Url")}).json()["slug"]
    text = '"The bridge will reopen," said the mayor, Ann Birch, on Monday.'
    for body in ({"outlet": "Port News", "url": url}, {"outlet": "Port News", "url": url, "text": text}):
        response = sqlite_client.post(f"/api/events/{slug}/articles", json=body)
        assert response.status_code == 422, response.text
        assert "not a valid address" in response.json()["detail"]


@pytest.mark.parametrize("origin", ["http://[::1", "http://[zz]", "http://testserver:99999"])
def test_an_origin_header_urlsplit_cannot_read_is_refused_not_a_500(
    sqlite_client: TestClient, origin: str
) -> None:
    response = sqlite_client.post(
        "/api/events", json={"title": unique_title("Origin")}, headers={"Origin": origin}
    )
    assert response.status_code == 403, response.text
