"""How the app is served (`parallax serve`, `make run`, the container): uvicorn with timeouts, so no client can
hold a connection, or a stop of the server, for as long as it likes.

uvicorn bounds the idle time between two requests of a connection (keep-alive) but not the time a request
takes to arrive: a slow-loris client sending its headers a byte a second keeps its connection (and a file
descriptor) forever, and enough of them exhaust the server. The protocol here gives each request's headers
`REQUEST_HEADER_TIMEOUT_SECONDS` from its first byte (or from the connection's opening) and its body
`REQUEST_BODY_TIMEOUT_SECONDS` after the headers; a request that misses either is answered 408 (headers) or
cut off (body: the app sees the client leave). A stop waits at most `GRACEFUL_SHUTDOWN_SECONDS` for requests
still open.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from app.settings import settings

KEEP_ALIVE_SECONDS = 5
GRACEFUL_SHUTDOWN_SECONDS = 10
TIMEOUT_ANSWER = b"The request took too long to arrive; the connection is closed."


class _RequestDeadline:
    """A mixin for uvicorn's HTTP protocols: a deadline for each request's headers, then for its body.

    Both protocols set `self.cycle` to a new request cycle once a request's headers are parsed, and clear the
    cycle's `more_body` once its body is in: the deadline follows those two moments."""

    cycle: Any
    transport: asyncio.Transport

    def connection_made(self, transport: asyncio.Transport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._timer: asyncio.TimerHandle | None = None
        self._waiting_for = ""  # "headers" | "body" | "" (nothing to wait for)
        self._timed_cycle: Any = None
        self._arm("headers")

    def data_received(self, data: bytes) -> None:
        if self._timer is None and (self.cycle is None or self.cycle.response_complete):
            self._arm("headers")  # the first bytes of the next request on a kept-alive connection
        before = self.cycle
        super().data_received(data)  # type: ignore[misc]
        cycle = self.cycle
        if cycle is not None and cycle is not before and cycle is not self._timed_cycle:
            self._timed_cycle = cycle  # this request's headers are in
            if cycle.more_body:
                self._arm("body")
            else:
                self._disarm()
        elif self._waiting_for == "body" and cycle is self._timed_cycle and not cycle.more_body:
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)  # type: ignore[misc]

    def _arm(self, stage: str) -> None:
        self._disarm()
        seconds = (
            settings.request_header_timeout_seconds
            if stage == "headers"
            else settings.request_body_timeout_seconds
        )
        self._waiting_for = stage
        self._timer = asyncio.get_running_loop().call_later(seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = None
        self._waiting_for = ""

    def _too_slow(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        if self._waiting_for == "headers":
            # No response has begun: say why before closing. (Mid-body the app may be answering already.)
            self.transport.write(
                b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
                b"connection: close\r\ncontent-length: %d\r\n\r\n%s" % (len(TIMEOUT_ANSWER), TIMEOUT_ANSWER)
            )
        self._waiting_for = ""
        self.transport.close()


class H11WithDeadlines(_RequestDeadline, H11Protocol):
    pass


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class HttpToolsWithDeadlines(_RequestDeadline, HttpToolsProtocol):
        pass

    PROTOCOL: type[asyncio.Protocol] = HttpToolsWithDeadlines  # uvicorn's own choice when httptools is in
except ImportError:  # uvicorn without its "standard" extras
    PROTOCOL = H11WithDeadlines


def uvicorn_options() -> dict[str, Any]:
    """The keyword arguments every start of the app passes to uvicorn (besides host, port and workers)."""
    return {
        "http": PROTOCOL,
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_SECONDS,
    }


def serve(host: str, port: int, *, workers: int = 1, reload: bool = False) -> None:
    import uvicorn

    uvicorn.run("app.main:app", host=host, port=port, workers=workers, reload=reload, **uvicorn_options())
