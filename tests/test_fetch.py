"""Import by URL: the API (url alone) and the form's links fetch the page through one ingest flow. Private
and loopback addresses are refused unless FETCH_ALLOW_PRIVATE is set; every redirect hop is checked; the
answer must be HTML, within the size limit, reachable (else 502) and within five redirects."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.db import engine_for
from app.models import Article
from app.services import fetch
from app.services.errors import BadGateway, BadInput
from app.settings import settings
from tests.conftest import unique_title

PAGE = (
    b"<html><head><title>Ferry service resumes</title>"
    b'<meta property="article:published_time" content="2026-05-02"></head><body><article>'
    b"<h1>Ferry service resumes</h1>"
    b'<p>"The crossing is safe again," said harbour master Ida Holm on Saturday morning.</p>'
    b"<p>Some 1,200 passengers travelled on the first day, the operator said.</p>"
    b"</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass

    def send(
        self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/article":
            self.send(200, PAGE)
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            self.send(302, b"", Location="/article" if left == 0 else f"/hop/{left - 1}")
        elif path == "/pdf":
            self.send(200, b"%PDF-1.4", "application/pdf")
        elif path == "/missing":
            self.send(404, b"<html><body>gone</body></html>")
        elif path == "/endless":
            # No Content-Length: a body that keeps coming must stop at the limit.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(200):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/slow":
            time.sleep(2)
            self.send(200, PAGE)
        else:
            self.send(404, b"")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def allow_private(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "fetch_allow_private", True)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def new_event(client: TestClient) -> str:
    return client.post("/api/events", json={"title": unique_title("Fetch")}).json()["slug"]


def test_api_url_alone_fetches_the_page(
    sqlite_client: TestClient, sqlite_url: str, site: str, allow_private: None
) -> None:
    slug = new_event(sqlite_client)
    response = sqlite_client.post(
        f"/api/events/{slug}/articles", json={"outlet": "Port News", "url": site + "/hop/2"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["quotes"] == 1
    detail = sqlite_client.get(f"/api/events/{slug}/articles/{response.json()['id']}").json()
    assert detail["url"] == site + "/article"  # the page's address after redirects
    assert detail["title"] == "Ferry service resumes"
    assert "crossing is safe again" in detail["body"]
    with Session(engine_for(sqlite_url)) as session:
        article = session.get(Article, response.json()["id"])
        assert article is not None and article.fetched_at is not None


def test_form_links_use_the_same_ingest(sqlite_client: TestClient, site: str, allow_private: None) -> None:
    slug = new_event(sqlite_client)
    links = f"{site}/article\n\n{site}/pdf\n{site}/missing\n"
    response = sqlite_client.post(f"/events/{slug}/articles", data={"outlet": "Port News", "links": links})
    assert response.status_code == 201
    assert response.text.count("result-stored") == 1 and response.text.count("result-rejected") == 2
    assert "not an HTML page" in response.text and "answered 404" in response.text


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/pdf", 415, "not an HTML page"),
        ("/missing", 502, "answered 404"),
        ("/endless", 413, "larger than the limit"),
        ("/hop/6", 502, "redirected more than 5 times"),
    ],
)
def test_bad_pages_are_a_4xx_or_502_sentence(
    sqlite_client: TestClient, site: str, allow_private: None, path: str, status: int, words: str
) -> None:
    slug = new_event(sqlite_client)
    response = sqlite_client.post(
        f"/api/events/{slug}/articles", json={"outlet": "Port News", "url": site + path}
    )
    assert response.status_code == status, response.text
    assert words in response.json()["detail"]
    assert sqlite_client.get(f"/api/events/{slug}/articles").json() == []


def test_unreachable_and_slow_pages_are_a_502(
    sqlite_client: TestClient, site: str, allow_private: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    slug = new_event(sqlite_client)
    url = f"http://127.0.0.1:{closed_port()}/article"
    response = sqlite_client.post(f"/api/events/{slug}/articles", json={"outlet": "Port News", "url": url})
    assert response.status_code == 502 and "could not be reached" in response.json()["detail"]
    monkeypatch.setattr(settings, "fetch_timeout_seconds", 0.5)
    response = sqlite_client.post(
        f"/api/events/{slug}/articles", json={"outlet": "Port News", "url": site + "/slow"}
    )
    assert response.status_code == 502 and "did not answer" in response.json()["detail"]


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "[::1]", "10.1.2.3", "169.254.169.254", "192.168.0.9"]
)
def test_private_addresses_are_refused_without_the_setting(sqlite_client: TestClient, host: str) -> None:
    assert settings.fetch_allow_private is False
    slug = new_event(sqlite_client)
    response = sqlite_client.post(
        f"/api/events/{slug}/articles", json={"outlet": "Port News", "url": f"http://{host}:9/article"}
    )
    assert response.status_code == 422
    assert "private or local address" in response.json()["detail"]


def test_a_host_with_any_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS may answer with several addresses; one private among public ones is enough to refuse."""

    def resolve(host: str, port: int, **_: object) -> list[tuple]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in ("93.184.216.34", "127.0.0.1")
        ]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", resolve)
    with pytest.raises(BadInput, match="private or local"):
        fetch.check_public_host("http://mixed.example/", allow_private=False)
    fetch.check_public_host("http://mixed.example/", allow_private=True)


def test_every_redirect_hop_is_checked(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []
    original = fetch.check_public_host

    def spy(url: str, allow_private: bool, deadline: float | None = None) -> None:
        checked.append(url)
        original(url, allow_private=allow_private, deadline=deadline)

    monkeypatch.setattr(fetch, "check_public_host", spy)
    monkeypatch.setattr(fetch, "is_public", lambda address: True)  # the test site is on the loopback
    page = fetch.fetch_page(site + "/hop/3", allow_private=False)
    assert page.url == site + "/article"
    assert checked == [site + "/hop/3", site + "/hop/2", site + "/hop/1", site + "/hop/0", site + "/article"]


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x", "http://"]
)
def test_only_http_links_are_fetched(url: str) -> None:
    with pytest.raises(BadInput):
        fetch.fetch_page(url, allow_private=True)


def test_unknown_host_is_a_502() -> None:
    with pytest.raises(BadGateway, match="could not be found"):
        fetch.fetch_page("http://no-such-host.invalid/", allow_private=False)
