"""The links of one add are fetched a few at a time, not one after another (each within its own fetch
deadline); a bad link is its own outcome; resolver threads never keep the process alive at exit."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from app.services import fetch
from app.services.errors import BadGateway
from app.settings import settings
from tests.conftest import REPO, unique_title

DELAY = 0.6


class SlowSite(BaseHTTPRequestHandler):
    """Each page takes DELAY seconds; counts how many requests it serves at once."""

    active = 0
    most = 0
    lock = threading.Lock()

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        with SlowSite.lock:
            SlowSite.active += 1
            SlowSite.most = max(SlowSite.most, SlowSite.active)
        try:
            time.sleep(DELAY)
            if self.path.startswith("/missing"):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            n = self.path.rsplit("/", 1)[-1]
            body = (
                f"<html><head><title>Ferry report {n}</title></head><body><article><h1>Ferry report {n}</h1>"
                f'<p>"The crossing reopened on day {n}," said harbour master Ida Holm.</p>'
                f"<p>Some {n}00 passengers travelled, the operator said.</p></article></body></html>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        finally:
            with SlowSite.lock:
                SlowSite.active -= 1


@pytest.fixture
def slow_site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(settings, "fetch_allow_private", True)
    SlowSite.most = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_links_are_fetched_a_few_at_a_time(slow_site: str) -> None:
    urls = [f"{slow_site}/page/{n}" for n in range(1, 9)] + [f"{slow_site}/missing/1"]
    began = time.monotonic()
    pages = fetch.fetch_pages([*urls, urls[0]])  # a link given twice is fetched once
    seconds = time.monotonic() - began
    assert list(pages) == urls
    assert all(isinstance(pages[u], fetch.FetchedPage) for u in urls[:-1])
    assert "Ferry report 5" in pages[urls[4]].html  # type: ignore[union-attr]
    assert isinstance(pages[urls[-1]], BadGateway) and "answered 404" in str(pages[urls[-1]])
    # Nine links of 0.6 s each: 5.4 s one after another, three rounds of at most four at once.
    assert SlowSite.most == fetch.FETCH_CONCURRENCY
    assert seconds < 9 * DELAY / 2


def test_each_link_keeps_its_own_deadline(slow_site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Queued links start their fetch time when their turn comes: with a deadline of 1 s, twelve pages of
    0.6 s all arrive though the last starts well after the first one's second is up."""
    monkeypatch.setattr(settings, "fetch_timeout_seconds", 1.0)
    urls = [f"{slow_site}/page/{n}" for n in range(1, 13)]
    began = time.monotonic()
    pages = fetch.fetch_pages(urls)
    assert time.monotonic() - began > 1.0
    assert all(isinstance(page, fetch.FetchedPage) for page in pages.values())


def test_the_upload_form_fetches_its_links_together(sqlite_client: TestClient, slow_site: str) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Ferry")}).json()["slug"]
    links = [f"{slow_site}/page/{n}" for n in range(1, 7)] + [f"{slow_site}/missing/2"]
    began = time.monotonic()
    response = sqlite_client.post(
        f"/events/{slug}/articles",
        data={"outlet": "Harbour Times", "links": "\n".join(links)},
        headers={"HX-Request": "true"},
    )
    seconds = time.monotonic() - began
    assert response.status_code == 201, response.text
    stored = sqlite_client.get(f"/api/events/{slug}/articles").json()
    assert sorted(a["title"] for a in stored) == [f"Ferry report {n}" for n in range(1, 7)]
    assert "answered 404" in response.text  # the bad link reports its own fate
    assert seconds < 7 * DELAY - 1  # in turn they would take 4.2 s


def test_a_single_link_is_fetched_without_a_pool(slow_site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("one link needs no thread pool")

    monkeypatch.setattr(fetch, "ThreadPoolExecutor", no_pool)
    pages = fetch.fetch_pages([f"{slow_site}/page/3"])
    assert isinstance(pages[f"{slow_site}/page/3"], fetch.FetchedPage)


def test_resolver_threads_are_daemons() -> None:
    fetch.resolve("localhost", 80, deadline=time.monotonic() + 5)
    resolvers = [t for t in threading.enumerate() if t.name.startswith("parallax-dns")]
    assert resolvers and all(t.daemon for t in resolvers)


def test_a_stuck_look_up_does_not_keep_the_process_alive() -> None:
    """A look-up that never answers: the fetch gives up at its deadline, and the process then exits at once
    (the old executor's worker was joined at exit, holding the process as long as the resolver)."""
    script = (
        "import socket, time\n"
        "from app.services import fetch\n"
        "from app.services.errors import BadGateway\n"
        "socket.getaddrinfo = lambda *a, **k: time.sleep(60)\n"
        "try:\n"
        "    fetch.resolve('stuck.example', 80, deadline=time.monotonic() + 0.3)\n"
        "except BadGateway:\n"
        "    print('gave up')\n"
    )
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=30, env=None
    )
    assert done.stdout.strip() == "gave up", done.stderr
    assert time.monotonic() - began < 10
