"""Property-based API fuzzing with schemathesis: no 5xx, and every response matches the OpenAPI schema."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance
from sqlmodel import Session

from app.db import engine_for
from app.main import create_app
from app.migrate import upgrade_database
from app.services import events, ingest

# A private folder per run: several test runs may share the checkout.
DB = Path(tempfile.mkdtemp(prefix="parallax-fuzz-")) / "fuzz.db"


def build_app():  # type: ignore[no-untyped-def]
    DB.unlink(missing_ok=True)
    url = f"sqlite:///{DB}"
    engine = engine_for(url)
    upgrade_database(engine)
    # A known event with one article, so generated requests also reach the success paths.
    with Session(engine) as session:
        event = events.create_event(session, "Fuzz event")
        ingest.ingest_article(
            session,
            event,
            ingest.ArticleInput(
                outlet="Fuzz Wire", content='"We will rebuild the bridge," said Mayor Lena Ortiz.'
            ),
        )
    return create_app(url, migrate=False)


schema = schemathesis.openapi.from_asgi("/openapi.json", build_app())


@pytest.fixture(scope="module", autouse=True)
def _remove_database():  # type: ignore[no-untyped-def]
    yield
    DB.unlink(missing_ok=True)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_matches_its_schema(case: schemathesis.Case) -> None:
    # positive_data_acceptance is left out: some rules cannot be said in OpenAPI ("exactly one of text or
    # html", "not only whitespace"), so a schema-valid body may rightly get a 422 with a sentence.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
