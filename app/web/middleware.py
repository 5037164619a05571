"""ASGI middleware: the request size limit, the same-origin check for forms, security headers."""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

# Only the app's own scripts and styles; no inline script, no frames, forms post to the app only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'self'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


async def _send_sentence(scope: Scope, send: Send, status: int, message: str) -> None:
    """Answer with JSON for the API and a small page otherwise (the app's templates may not be reached)."""
    path = scope.get("path", "")
    if path.startswith("/api/"):
        body = json.dumps({"detail": message}).encode()
        content_type = b"application/json"
    else:
        body = (
            "<!doctype html><html lang=en><meta charset=utf-8><title>Parallax: error</title>"
            f"<main><h1>{status}</h1><p>{escape(message)}</p><p><a href='/'>Back to events</a></p></main></html>"
        ).encode()
        content_type = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestLimitMiddleware:
    """Refuse bodies over `max_bytes` with a 413 and a sentence, whether announced or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"The request is too large: the limit is {self.max_bytes // (1024 * 1024)} MB."
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_large = int(declared) > self.max_bytes
            except ValueError:
                await _send_sentence(scope, send, 400, "The Content-Length header is not a number.")
                return
            if too_large:
                await _send_sentence(scope, send, 413, message)
                return

        if declared is not None or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        # A streamed body of unknown length: read it here, up to the limit, then replay it to the app.
        # (Raising from inside the app's receive would be caught by the body parser as a parse error.)
        chunks: list[bytes] = []
        size = 0
        while True:
            incoming = await receive()
            if incoming["type"] != "http.request":
                break
            chunks.append(incoming.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                await _send_sentence(scope, send, 413, message)
                return
            if not incoming.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SameOriginMiddleware:
    """CSRF defence: a state-changing request from another site's page is refused.

    Browsers send `Origin` (and `Sec-Fetch-Site`) on cross-site form posts and fetches; scripts and
    the CLI send neither, so API clients keep working.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in UNSAFE_METHODS:
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            host = headers.get("host", "")
            origin = headers.get("origin")
            fetch_site = headers.get("sec-fetch-site")
            cross_site = fetch_site == "cross-site"
            # `Origin: null` comes from sandboxed frames, data: pages and some redirects: never our own page.
            if origin is not None and (origin.strip().lower() == "null" or _netloc(origin) != host):
                cross_site = True
            if cross_site:
                await _send_sentence(
                    scope, send, 403, "Requests from other sites are refused (same-origin check)."
                )
                return
        await self.app(scope, receive, send)


def _netloc(origin: str) -> str | None:
    """The host:port an Origin header names; None for one urlsplit cannot read (`http://[::1`), which is
    then no match for our host (a header is the client's to choose, never a 500)."""
    try:
        return urlsplit(origin).netloc
    except ValueError:
        return None


# Names a local instance always answers to; "testserver" is the host of Starlette's test client.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "testserver")


def host_name(host_header: str) -> str:
    """'Example.org:8000' -> 'example.org'; '[::1]:8000' -> '::1'."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class AllowedHostsMiddleware:
    """DNS-rebinding defence: answer only requests whose Host is one of the allowed names.

    A page on another site whose DNS name is re-pointed at 127.0.0.1 reaches a local instance with its own
    name in `Host`; refusing unknown names keeps it out. `ALLOWED_HOSTS` adds names ("*" allows any, for a
    deployment behind a proxy that checks the host itself); subdomains are written `.example.org`.
    """

    def __init__(self, app: ASGIApp, allowed: str = "") -> None:
        self.app = app
        extra = [name.strip().lower() for name in allowed.split(",") if name.strip()]
        self.any_host = "*" in extra
        self.names = {host_name(name) for name in (*LOCAL_HOSTS, *extra) if not name.startswith(".")}
        self.suffixes = tuple(name for name in extra if name.startswith("."))

    def allows(self, host_header: str) -> bool:
        name = host_name(host_header)
        return (
            self.any_host
            or name in self.names
            or (bool(self.suffixes) and ("." + name).endswith(self.suffixes))
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = next(
                (v.decode("latin-1") for k, v in scope.get("headers", []) if k.lower() == b"host"), None
            )
            if host is not None and not self.allows(host):
                await _send_sentence(
                    scope,
                    send,
                    400,
                    "This server does not answer to that host name (set ALLOWED_HOSTS to add it).",
                )
                return
        await self.app(scope, receive, send)


class NulAddressMiddleware:
    """No address holds a NUL byte, and PostgreSQL refuses one in any query: a 422 sentence, not a 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (
            "\x00" in scope.get("path", "") or b"%00" in scope.get("query_string", b"")
        ):
            await _send_sentence(scope, send, 422, "The address contains a NUL byte.")
            return
        await self.app(scope, receive, send)


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)
