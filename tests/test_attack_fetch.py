"""Import by URL against a hostile far side, found by the session's second outside attack: a server that drips
its page a few bytes at a time (each read within the read timeout, the whole fetch without end), a gzip body
that unpacks to hundreds of megabytes, a host whose DNS answer turns private between the check and the
request, IPv6 addresses that carry a private IPv4 one. Every one is refused or bounded."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from app.services import fetch
from app.services.errors import BadGateway, BadInput, TooLarge
from app.settings import settings

PAGE = b"<html><body><p>The ferry sailed again on Monday, the operator said.</p></body></html>"


def gzipped(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


def bomb(megabytes: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"a" * (1024 * 1024)
    return (
        packer.compress(b"<p>") + b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()
    )


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/drip":
            # Every read gets a few bytes well within the read timeout; the page never ends.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>a</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
            return
        body = {"/gzip": gzipped(PAGE), "/bomb": bomb(64), "/broken": b"\x1f\x8b not gzip at all"}[self.path]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_page_dripped_slowly_ends_at_the_fetch_s_time(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten seconds of bytes, each well within the read timeout: the fetch as a whole ends at its time."""
    monkeypatch.setattr(settings, "fetch_timeout_seconds", 1.0)
    with pytest.raises(BadGateway, match="did not answer within 1 s"):
        fetch.fetch_page(site + "/drip", allow_private=True)


def test_a_gzip_page_is_read(site: str) -> None:
    page = fetch.fetch_page(site + "/gzip", allow_private=True)
    assert "The ferry sailed again" in page.html


def test_a_gzip_bomb_is_inflated_a_step_at_a_time_and_refused(site: str) -> None:
    with pytest.raises(TooLarge, match="larger than the limit"):
        fetch.fetch_page(site + "/bomb", allow_private=True)
    # The body is never inflated a whole network chunk at once (64 KB of gzip is 64 MB of page).
    response = httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(bomb(16)))
    sizes = [len(chunk) for chunk in fetch._body(response)]
    assert sum(sizes) == 16 * 1024 * 1024 + 3
    assert max(sizes) <= fetch._INFLATE_STEP


def test_a_broken_gzip_body_is_a_502(site: str) -> None:
    with pytest.raises(BadGateway, match="compressed body"):
        fetch.fetch_page(site + "/broken", allow_private=True)


def test_a_host_that_turns_private_after_the_check_is_not_reached(
    site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the first answer is public, the one the connection would use is the loopback."""
    port = int(site.rsplit(":", 1)[1])
    answers = iter(["93.184.216.34"] + ["127.0.0.1"] * 10)

    def resolve(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", resolve)
    with pytest.raises(BadInput, match="private or local address"):
        fetch.fetch_page(f"http://rebind.example:{port}/gzip", allow_private=False)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("::ffff:127.0.0.1", False),
        ("::ffff:169.254.169.254", False),
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 of the cloud metadata address
        ("64:ff9b::7f00:1", False),
        ("2002:7f00:1::", False),  # 6to4 of the loopback
        ("2002:0a00:0001::", False),
        ("::7f00:1", False),  # the old IPv4-compatible form
        ("fd00::1", False),
        ("93.184.216.34", True),
        ("64:ff9b::5db8:d822", True),
        ("2606:4700:4700::1111", True),
    ],
)
def test_ipv6_addresses_carrying_ipv4_are_judged_by_it(address: str, public: bool) -> None:
    assert fetch.is_public(ipaddress.ip_address(address)) is public
