"""Import by URL: fetch one public web page for ingest, refusing what a server should not fetch for a user.

Every hop of the fetch (the link and each redirect, at most five) is checked before it is requested: http(s)
only, and every address its host resolves to must be public unless `FETCH_ALLOW_PRIVATE=1` (so a link cannot
make the server read its own loopback, the LAN or a cloud metadata address). The connection itself goes to an
address checked when it is opened (a host whose DNS answer changes between the check and the request reaches
no private address either), and an IPv6 address that carries an IPv4 one (mapped, 6to4, NAT64) is judged by
the IPv4 address. The answer must be HTML and within the size limit; it is read in chunks (a compressed body
is inflated a chunk at a time) so an endless or explosive body stops at the limit, and the whole fetch, every
look-up, hop and byte, ends within `FETCH_TIMEOUT_SECONDS` however slowly the far side (or its DNS) answers.
"""

from __future__ import annotations

import functools
import ipaddress
import queue
import socket
import ssl
import threading
import time
import typing
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from app.services import validation
from app.services.errors import BadGateway, BadInput, TooLarge, UnsupportedMedia
from app.settings import settings

T = typing.TypeVar("T")

MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "Parallax/1 (article import; +https://github.com/)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # the address the page was finally read from (after redirects)
    html: str
    fetched_at: datetime


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A global unicast address; an IPv6 address that carries an IPv4 one (mapped, 6to4, NAT64, the old
    IPv4-compatible form) is public only when that IPv4 address is."""
    if address.is_multicast or not address.is_global:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is None and (address in _NAT64 or address in _IPV4_COMPATIBLE):
            inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if inner is not None:
            return is_public(inner)
    return True


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


class DaemonPool:
    """A fixed number of daemon worker threads, started as work arrives, taking calls from one queue.

    ThreadPoolExecutor's workers are joined when the interpreter exits, so one look-up stuck in a resolver
    that never answers would keep a stopped server's process alive; these threads are daemons and die with
    it (a look-up holds no state worth finishing)."""

    def __init__(self, workers: int, name: str) -> None:
        self.workers = workers
        self.name = name
        self._queue: queue.SimpleQueue[
            tuple[Future[typing.Any], Callable[..., typing.Any], tuple[typing.Any, ...]]
        ]
        self._queue = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., T], *args: typing.Any) -> Future[T]:
        future: Future[T] = Future()
        self._queue.put((future, fn, args))
        with self._lock:
            if len(self._threads) < self.workers:
                thread = threading.Thread(
                    target=self._work, name=f"{self.name}-{len(self._threads)}", daemon=True
                )
                self._threads.append(thread)
                thread.start()
        return future

    def _work(self) -> None:
        while True:
            future, fn, args = self._queue.get()
            if not future.set_running_or_notify_cancel():
                continue  # cancelled while queued
            try:
                result = fn(*args)
            except BaseException as exc:  # handed to the waiting caller, as an executor does
                future.set_exception(exc)
            else:
                future.set_result(result)


# getaddrinfo cannot be cancelled and has no timeout of its own (a slow resolver takes as long as it likes), so
# every look-up runs in this small pool and the fetch waits for it only as long as its deadline leaves. A
# resolver that never answers holds at most these threads; the requests waiting on them still end on time.
RESOLVER_THREADS = 16
_resolver = DaemonPool(RESOLVER_THREADS, "parallax-dns")
# The links of one add (at most MAX_FILES_PER_UPLOAD) are fetched this many at a time: a few slow sites no
# longer cost the sum of their times, and one add cannot open twenty connections at once.
FETCH_CONCURRENCY = 4
# Look-ups in flight by (host, port): a second fetch of a host still being looked up waits on the same answer
# instead of taking another thread (so one slow host asked for again and again holds a single thread).
_pending: dict[tuple[str, int], Future[list[tuple[typing.Any, ...]]]] = {}
_pending_lock = threading.Lock()


def _lookup(host: str, port: int) -> list[tuple[typing.Any, ...]]:
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    finally:
        with _pending_lock:
            _pending.pop((host, port), None)


def resolve(host: str, port: int, *, deadline: float) -> list[tuple[typing.Any, ...]]:
    """``socket.getaddrinfo`` for a stream to ``host``, given up (BadGateway) at ``deadline`` (monotonic)."""
    key = (host, port)
    with _pending_lock:
        future = _pending.get(key)
        if future is None or future.cancelled():
            # Entered under the lock, so _lookup's removal (which takes it too) always comes after this.
            future = _pending[key] = _resolver.submit(_lookup, host, port)
    try:
        return future.result(timeout=max(0.0, deadline - time.monotonic()))
    except (FutureTimeout, CancelledError) as exc:
        with _pending_lock:
            # A look-up still queued behind stuck ones is dropped, so a flood of them cannot pile up.
            if future.cancel() and _pending.get(key) is future:
                del _pending[key]
        raise BadGateway(
            f"The host '{host[:80]}' of the link could not be looked up within "
            f"{settings.fetch_timeout_seconds:g} s."
        ) from exc


def public_addresses(
    host: str, port: int, *, allow_private: bool, deadline: float | None = None
) -> list[str]:
    """The addresses ``host`` resolves to, refused (BadInput) when any of them is not public; the look-up
    ends by ``deadline`` (monotonic; a whole fetch's time from now when not given)."""
    if deadline is None:
        deadline = time.monotonic() + settings.fetch_timeout_seconds
    try:
        infos = resolve(host, port, deadline=deadline)
    except (OSError, UnicodeError, ValueError) as exc:  # gaierror, an over-long IDNA label, an odd character
        raise BadGateway(f"The host '{host[:80]}' of the link could not be found.") from exc
    addresses = [str(info[4][0]) for info in infos]
    if allow_private:
        return addresses
    for text in addresses:
        address = ipaddress.ip_address(text.split("%", 1)[0])
        if not is_public(address):
            raise BadInput(
                f"The link points at a private or local address ({address}); only public web pages are "
                "fetched (set FETCH_ALLOW_PRIVATE=1 to allow them)."
            )
    return addresses


def check_public_host(url: str, *, allow_private: bool, deadline: float | None = None) -> None:
    """Refuse a host that resolves to any loopback, private, link-local or otherwise non-public address."""
    host = urlsplit(url).hostname
    if not host:
        raise BadInput(f"The link '{url[:80]}' has no host name.")
    port = urlsplit(url).port or (443 if url.lower().startswith("https") else 80)
    public_addresses(host, port, allow_private=allow_private, deadline=deadline)


class _CheckedBackend(httpcore.SyncBackend):
    """Opens connections only to addresses checked at that moment, and holds every connect, read and write
    to what is left of the fetch's time (a read timeout alone restarts with each byte a slow server drips)."""

    def __init__(self, *, allow_private: bool, deadline: float) -> None:
        self.allow_private = allow_private
        self.deadline = deadline

    def within(self, timeout: float | None) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the fetch ran out of time")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        address = public_addresses(host, port, allow_private=self.allow_private, deadline=self.deadline)[0]
        stream = super().connect_tcp(address, port, self.within(timeout), local_address, socket_options)
        return _DeadlineStream(stream, self)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, backend: _CheckedBackend) -> None:
        self.stream = stream
        self.backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, self.backend.within(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, self.backend.within(timeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(
        self, ssl_context: typing.Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        secure = self.stream.start_tls(ssl_context, server_hostname, self.backend.within(timeout))
        return _DeadlineStream(secure, self.backend)

    def get_extra_info(self, info: str) -> typing.Any:
        return self.stream.get_extra_info(info)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One TLS context for every fetch: building one reads the whole CA bundle (tens of milliseconds of CPU
    under the GIL), which many imports at once would otherwise spend out of their fetch time."""
    return httpx.create_ssl_context(trust_env=False)


class _CheckedTransport(httpx.HTTPTransport):
    """httpx's transport over the checked backend (its pool is the one place httpx takes a backend)."""

    def __init__(self, backend: _CheckedBackend) -> None:
        super().__init__(verify=_ssl_context(), trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=_ssl_context(), network_backend=backend)


def fetch_page(url: str, *, allow_private: bool | None = None) -> FetchedPage:
    """GET an HTML page, following at most five redirects, each hop checked like the first."""
    allow = settings.fetch_allow_private if allow_private is None else allow_private
    current = validation.check_url(url, "link")
    if current is None:
        raise BadInput("The link is empty.")
    timeout = httpx.Timeout(settings.fetch_timeout_seconds)
    deadline = time.monotonic() + settings.fetch_timeout_seconds
    backend = _CheckedBackend(allow_private=allow, deadline=deadline)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml",
        "Accept-Encoding": "gzip, deflate",
    }
    with httpx.Client(
        timeout=timeout,
        headers=headers,
        follow_redirects=False,
        trust_env=False,
        transport=_CheckedTransport(backend),
    ) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            check_public_host(current, allow_private=allow, deadline=deadline)
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


def fetch_pages(urls: Sequence[str]) -> dict[str, FetchedPage | Exception]:
    """Fetch several links at once, `FETCH_CONCURRENCY` at a time: each link's page, or the error that says
    why it was not read. Every fetch keeps its own all-in deadline (`FETCH_TIMEOUT_SECONDS` from its start),
    so twenty links take about as long as the slowest few in turn, not the sum of all twenty."""
    wanted = list(dict.fromkeys(urls))  # a link given twice is fetched once

    def one(url: str) -> FetchedPage | Exception:
        try:
            return fetch_page(url)
        except Exception as exc:  # each link's own outcome: a bad one never stops the others
            return exc

    if len(wanted) <= 1:
        return {url: one(url) for url in wanted}
    with ThreadPoolExecutor(
        max_workers=min(FETCH_CONCURRENCY, len(wanted)), thread_name_prefix="parallax-fetch"
    ) as pool:
        return dict(zip(wanted, pool.map(one, wanted), strict=True))


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
    for chunk in _body(response):
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


# How much a compressed body is inflated at a time: a small gzip body can unpack to gigabytes, so it is never
# inflated in one go (httpx's own decoder inflates each chunk it reads whole).
_INFLATE_STEP = 64 * 1024


def _body(response: httpx.Response) -> Iterator[bytes]:
    """The body's bytes as sent, inflated a step at a time when it came gzip- or deflate-compressed."""
    coding = response.headers.get("content-encoding", "").strip().lower()
    if coding in ("", "identity"):
        yield from response.iter_raw()
        return
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise UnsupportedMedia(f"The page came compressed as '{coding[:40]}', which Parallax does not read.")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # a gzip or a zlib header, whichever the body has
    try:
        for raw in response.iter_raw():
            data = raw
            while data:
                yield inflater.decompress(data, _INFLATE_STEP)
                data = inflater.unconsumed_tail
        yield inflater.flush()
    except zlib.error as exc:
        raise BadGateway("The page's compressed body could not be read; it was not imported.") from exc
