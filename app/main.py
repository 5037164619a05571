"""The ASGI app: `uvicorn app.main:app`. Routers, static files, middleware and start-up migration."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app import __version__
from app.db import engine_for
from app.migrate import upgrade_database
from app.settings import PROJECT_ROOT, settings
from app.web import api, corrections, docs, pages, source_pages
from app.web.errors import install_error_handlers
from app.web.middleware import (
    AllowedHostsMiddleware,
    NulAddressMiddleware,
    RequestLimitMiddleware,
    SameOriginMiddleware,
    SecurityHeadersMiddleware,
)


def create_app(database_url: str | None = None, *, migrate: bool | None = None) -> FastAPI:
    url = database_url or settings.database_url
    engine = engine_for(url)
    should_migrate = settings.migrate_on_startup if migrate is None else migrate

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if should_migrate:
            upgrade_database(engine)
        yield

    app = FastAPI(
        title="Parallax",
        version=__version__,
        description="How different outlets covered one news event: quotes, speakers and figures aligned.",
        lifespan=lifespan,
        # FastAPI's own /docs and /redoc load from a CDN with an inline script, which the CSP blocks.
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = engine
    app.mount("/static", StaticFiles(directory=PROJECT_ROOT / "static"), name="static")
    app.include_router(api.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    app.include_router(source_pages.api_router)
    app.include_router(source_pages.router)
    app.include_router(corrections.router)
    install_error_handlers(app)
    # Outermost last: headers on every response, then the host and origin checks, then the size limit.
    app.add_middleware(RequestLimitMiddleware, max_bytes=settings.max_request_bytes)
    app.add_middleware(SameOriginMiddleware)
    app.add_middleware(NulAddressMiddleware)
    app.add_middleware(AllowedHostsMiddleware, allowed=settings.allowed_hosts)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


app = create_app()
