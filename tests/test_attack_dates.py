"""Dates found in a page's HTML keep their time and offset, stored as UTC (issue 11, dates of every form).

The dates lie in the past: a page dated after today is not trusted by the date finder (htmldate).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.services.ingest import ArticleInput, prepare_article

BODY = "<p>Workers reopened the harbour bridge after a week of repairs, the port authority said.</p>"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ('<meta property="article:published_time" content="2021-05-06">', datetime(2021, 5, 6, tzinfo=UTC)),
        (
            '<meta property="article:published_time" content="2021-05-06T07:45:00">',
            datetime(2021, 5, 6, 7, 45, tzinfo=UTC),
        ),
        (
            '<meta itemprop="datePublished" content="2021-05-06T07:45:00+02:00">',
            datetime(2021, 5, 6, 5, 45, tzinfo=UTC),
        ),
        ('<meta name="date" content="2021-05-06 07:45">', datetime(2021, 5, 6, 7, 45, tzinfo=UTC)),
    ],
)
def test_html_meta_dates_keep_their_time(tag: str, expected: datetime) -> None:
    page = f"<html><head>{tag}<title>Bridge</title></head><body>{BODY}</body></html>"
    prepared = prepare_article(ArticleInput(outlet="Harbour Post", content=page, source_format="html"))
    assert prepared.published_at == expected
