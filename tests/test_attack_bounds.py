"""Work bounds found by the outside attack (issue 11): counted, never timed.

- an article is held to the per-article limits of quotes and figures, so text made of nothing but figures
  cannot fill the tables while holding the event's write lock;
- attribution tries a bounded number of verbs per quotation, however many verbs its window holds.
"""

from __future__ import annotations

import pytest
from sqlmodel import Session, func, select

from app.core.quotes import attribution
from app.core.quotes.assemble import extract_quotes
from app.db import engine_for
from app.migrate import upgrade_database
from app.models import Figure, Quote
from app.services import events
from app.services.ingest import ArticleInput, ingest_article, prepare_article
from app.settings import settings


def test_an_article_keeps_at_most_the_limits_of_quotes_and_figures(
    monkeypatch: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    monkeypatch.setattr(settings, "max_figures_per_article", 7)
    monkeypatch.setattr(settings, "max_quotes_per_article", 3)
    body = "Officials counted " + ", ".join(f"{n} boats" for n in range(10, 40)) + ". "
    body += " ".join(f'"Line {n} holds," said Ann Lee.' for n in range(8))
    prepared = prepare_article(ArticleInput(outlet="Harbour Post", content=body))
    assert len(prepared.extraction.figures) == 7
    assert len(prepared.extraction.quotes) == 3
    # The first ones in body order are kept.
    assert prepared.extraction.figures[0].start < prepared.extraction.figures[-1].start

    engine = engine_for(sqlite_url)
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, "Harbour count bounds")
        article = ingest_article(session, event, ArticleInput(outlet="Harbour Post", content=body))
        figures = session.exec(select(func.count()).where(Figure.article_id == article.id)).one()
        quotes = session.exec(select(func.count()).where(Quote.article_id == article.id)).one()
    assert (figures, quotes) == (7, 3)


def count_mentions_tried(monkeypatch: pytest.MonkeyPatch, body: str) -> tuple[int, int]:
    calls = 0
    original = attribution._clean_mention

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return original(text)

    monkeypatch.setattr(attribution, "_clean_mention", counting)
    quotes = extract_quotes(body)
    monkeypatch.setattr(attribution, "_clean_mention", original)
    return calls, len(quotes)


@pytest.mark.parametrize("unit", ['said "a" ', "told “b” ", 'added "c," said '])
def test_attribution_tries_a_bounded_number_of_verbs_per_quote(
    monkeypatch: pytest.MonkeyPatch, unit: str
) -> None:
    # Every word in the look-back window is an attribution verb: without a bound each quotation would try
    # them all (about 30 per 300-character window).
    small_calls, small_quotes = count_mentions_tried(monkeypatch, "Start " + unit * 60)
    large_calls, large_quotes = count_mentions_tried(monkeypatch, "Start " + unit * 480)
    assert small_quotes > 20 and large_quotes > 8 * 20
    bound = 3 * 8  # a few verbs each for the look-back, the next sentence and the sentence subject
    assert large_calls <= bound * large_quotes
    assert large_calls <= 10 * max(small_calls, 1)
