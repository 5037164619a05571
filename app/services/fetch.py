"""Import by URL: fetch one public web page for ingest, refusing what a server should not fetch for a user.

Every hop of the fetch (the link and each redirect, at most five) is checked before it is requested: http(s)
only, and every address its host resolves to must be public unless `FETCH_ALLOW_PRIVATE=1` (so a link cannot
make the server read its own loopback, the LAN or a cloud metadata address). The answer must be HTML and
within the size limit; it is read in chunks so an endless body stops at the limit.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from app.services import validation
from app.services.errors import BadGateway, BadInput, TooLarge, UnsupportedMedia
from app.settings import settings

MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "Parallax/1 (article import; +https://github.com/)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # the address the page was finally read from (after redirects)
    html: str
    fetched_at: datetime


def check_public_host(url: str, *, allow_private: bool) -> None:
    """Refuse a host that resolves to any loopback, private, link-local or otherwise non-public address."""
    host = urlsplit(url).hostname
    if not host:
        raise BadInput(f"The link '{url[:80]}' has no host name.")
    port = urlsplit(url).port or (443 if url.lower().startswith("https") else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise BadGateway(f"The host '{host}' of the link could not be found.") from exc
    if allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise BadInput(
                f"The link points at a private or local address ({address}); only public web pages are "
                "fetched (set FETCH_ALLOW_PRIVATE=1 to allow them)."
            )


def fetch_page(url: str, *, allow_private: bool | None = None) -> FetchedPage:
    """GET an HTML page, following at most five redirects, each hop checked like the first."""
    allow = settings.fetch_allow_private if allow_private is None else allow_private
    current = validation.check_url(url, "link")
    if current is None:
        raise BadInput("The link is empty.")
    timeout = httpx.Timeout(settings.fetch_timeout_seconds)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"}
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False, trust_env=False) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            check_public_host(current, allow_private=allow)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        current = validation.check_url(urljoin(current, location), "redirect") or ""
                        continue
                    return _read_page(current, response)
            except httpx.TimeoutException as exc:
                raise BadGateway(
                    f"The page at {current[:80]} did not answer within {settings.fetch_timeout_seconds:g} s."
                ) from exc
            except httpx.HTTPError as exc:
                raise BadGateway(
                    f"The page at {current[:80]} could not be reached ({type(exc).__name__})."
                ) from exc
    raise BadGateway(f"The link redirected more than {MAX_REDIRECTS} times; give the page's final address.")


def _read_page(url: str, response: httpx.Response) -> FetchedPage:
    if response.status_code >= 400:
        raise BadGateway(f"The page at {url[:80]} answered {response.status_code}; it was not imported.")
    media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type not in HTML_TYPES:
        raise UnsupportedMedia(f"The link is not an HTML page (it is '{media_type or 'unknown'}').")
    limit = settings.max_request_bytes
    too_big = TooLarge(f"The page is larger than the limit of {limit // (1024 * 1024)} MB.")
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    body = b"".join(chunks)
    encoding = response.charset_encoding or "utf-8"
    try:
        html = body.decode(encoding, errors="replace")
    except LookupError:
        html = body.decode("utf-8", errors="replace")
    return FetchedPage(url=url, html=html, fetched_at=datetime.now(UTC))
