"""End to end through the API: an invented press conference (the source) and four reports whose quotes are
verbatim, trimmed, altered, spliced or invented; on SQLite, and on PostgreSQL when it is configured."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.demo import SOURCE_EVENT_FOLDER, DemoArticle, demo_articles
from app.services import events
from app.services.alignment import realign_event
from app.services.realign import realign_event_in_steps
from tests.conftest import unique_title

# Quote (by its first words) -> status, the start of the source passage, severe, speaker mismatch.
EXPECTED: dict[str, tuple[str, str | None, bool, bool]] = {
    "We will lower the reservoir by four": (
        "verbatim",
        "We will lower the reservoir by four metres",
        False,
        False,
    ),
    "I cannot rule anything out completely,": (
        "altered",
        "I cannot rule anything out completely",
        True,
        False,
    ),
    "We have asked the army to": ("not_found", None, False, False),
    "The dam is safe today. We": ("spliced", "The dam is safe today", False, False),
    "The dam is safe today, and": ("verbatim", "The dam is safe today, and nobody", False, False),
    "lower the reservoir by four metres": ("trimmed", "lower the reservoir by four metres", False, False),
    "I want to thank the inspection": ("altered", "I want to thank the inspection crew", False, False),
    "We have seen this kind of": ("verbatim", "We have seen this kind of damage", False, False),
    "The repairs will cost as much": ("altered", "The repairs may cost as much", True, False),
    "We will lower the reservoir by five": (
        "altered",
        "We will lower the reservoir by four metres",
        True,
        False,
    ),
    "An evacuation is not likely ...": ("spliced", "an evacuation is not likely", False, False),
    "The cracks are about forty centimetres": (
        "verbatim",
        "The cracks are about forty centimetres",
        False,
        True,
    ),
    "in the concrete of the spillway": ("trimmed", "in the concrete of the spillway", False, False),
    "This is the worst damage I": ("not_found", None, False, False),
    "The crew reported them on Saturday": ("verbatim", "The crew reported them on Saturday", False, False),
}


def _post(client: TestClient, slug: str, article: DemoArticle) -> int:
    response = client.post(
        f"/api/events/{slug}/articles",
        json={
            "outlet": article.outlet,
            "title": article.title,
            "text": article.text,
            "role": article.role,
            "published_at": article.published_at.isoformat(),
        },
    )
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _expected(quote: dict[str, Any]) -> tuple[str, str | None, bool, bool]:
    keys = [key for key in EXPECTED if quote["text"].startswith(key)]
    assert len(keys) == 1, f"no single expectation for {quote['text']!r}"
    return EXPECTED[keys[0]]


def _check_all(client: TestClient, slug: str, source_id: int) -> None:
    body = client.get(f"/api/events/{slug}/articles/{source_id}").json()["body"]
    quotes = client.get(f"/api/events/{slug}/quotes").json()
    assert len(quotes) == len(EXPECTED) + 1  # the Vale Post and the Ledger share one altered wording
    for quote in quotes:
        status, passage, severe, mismatch = _expected(quote)
        check = quote["source_check"]
        assert check["status"] == status, quote["text"]
        assert check["source_article_id"] == source_id
        assert check["severe"] is severe, quote["text"]
        assert check["speaker_mismatch"] is mismatch, quote["text"]
        if passage is None:
            assert check["source_start"] is None and check["source_end"] is None
        else:
            assert body[check["source_start"] : check["source_end"]].startswith(passage), quote["text"]


@pytest.mark.parametrize("source_first", [True, False], ids=["source-first", "reports-first"])
def test_every_planted_quote_gets_its_status_and_passage(client: TestClient, source_first: bool) -> None:
    slug = client.post("/api/events", json={"title": unique_title("Dam")}).json()["slug"]
    articles = demo_articles(SOURCE_EVENT_FOLDER)
    source = next(a for a in articles if a.role == "source")
    reports = [a for a in articles if a.role != "source"]
    if source_first:
        source_id = _post(client, slug, source)
        for report in reports:
            _post(client, slug, report)
    else:
        for report in reports:
            _post(client, slug, report)
        assert all(q["source_check"] is None for q in client.get(f"/api/events/{slug}/quotes").json())
        source_id = _post(client, slug, source)
    _check_all(client, slug, source_id)
    # The source is the reference, not a report: it stores no quotes of its own.
    assert client.get(f"/api/events/{slug}/articles/{source_id}").json()["quotes"] == []


def test_an_event_without_a_source_gives_null_checks(client: TestClient, event_slug: str) -> None:
    for report in demo_articles(SOURCE_EVENT_FOLDER)[1:]:
        _post(client, event_slug, report)
    quotes = client.get(f"/api/events/{event_slug}/quotes").json()
    assert quotes and all(q["source_check"] is None for q in quotes)


def test_realigning_the_event_checks_it_again_identically(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Dam")}).json()["slug"]
    ids = [_post(sqlite_client, slug, a) for a in demo_articles(SOURCE_EVENT_FOLDER)]
    before = sqlite_client.get(f"/api/events/{slug}/quotes").json()
    engine = sqlite_client.app.state.engine  # type: ignore[attr-defined]
    with Session(engine) as session:
        event = events.get_event(session, slug)
        realign_event(session, event.id or 0)
    after = sqlite_client.get(f"/api/events/{slug}/quotes").json()
    assert [(q["text"], q["source_check"]) for q in after] == [(q["text"], q["source_check"]) for q in before]
    with Session(engine) as session:
        # The CLI's rebuild in short write transactions replays the same path.
        realign_event_in_steps(session, events.get_event(session, slug).id or 0)
    after = sqlite_client.get(f"/api/events/{slug}/quotes").json()
    assert [(q["text"], q["source_check"]) for q in after] == [(q["text"], q["source_check"]) for q in before]
    _check_all(sqlite_client, slug, ids[0])


# A second event in other house styles: REPORTER labels, a "DR." title, a turn running over two paragraphs,
# a questioner's words, a month and a multiplier changed (altered, not severe).
SPILL = """TRANSCRIPT: Harbour Commission briefing on the Port Ellery oil spill
Tuesday, 9 September

COMMISSIONER RAFAEL OSEI: Thank you for coming. At six o'clock this morning a tanker, the Marisol, lost about 300 tonnes of fuel oil after striking the breakwater. The harbour is closed to all traffic until further notice.

Our first priority is the wildlife. We have volunteers on every beach from here to Calder Point, and we expect that number to double by the weekend.

REPORTER: Who is going to pay for the clean-up?

COMMISSIONER RAFAEL OSEI: The owners of the Marisol will pay. That is not negotiable. We will not let the people of Port Ellery carry the cost of someone else's mistake.

REPORTER: Is the drinking water safe?

DR. HANNA LUND: Yes. The town's water comes from the reservoir in the hills, and it is nowhere near the spill. There is no risk to drinking water at all.

REPORTER: How long will the harbour stay closed?

COMMISSIONER RAFAEL OSEI: I would be surprised if it reopened before October. It could be longer. We will know more after the divers report on Thursday.
"""
SPILL_REPORTS = {
    "Ellery Gazette": """The harbour in Port Ellery was closed on Tuesday after a tanker spilled fuel oil near the breakwater.

"The harbour is closed to all traffic until further notice," Harbour Commissioner Rafael Osei said at a briefing.

Osei said volunteers were working "on every beach from here to Calder Point".

"The owners of the Marisol will pay. That is not negotiable," he said.

Dr Hanna Lund, the town's medical officer, said: "There is no risk to drinking water at all."
""",
    "Coastline News": """A tanker lost about 300 tonnes of fuel oil off Port Ellery.

"At six o'clock this morning a tanker, the Marisol, lost about 500 tonnes of fuel oil after striking the breakwater," Commissioner Rafael Osei told reporters.

"I would be surprised if it reopened before November," Osei said of the harbour.

"We will let the people of Port Ellery carry the cost," the commissioner said, according to a recording.

"Our first priority is the wildlife, and we expect that number to double by the weekend," Osei said.
""",
    "The Northern Post": """Port Ellery's harbour will stay shut for weeks, officials warned.

"It will be longer," Commissioner Rafael Osei said. "We will know more after the divers report on Thursday."

"The owners of the Marisol will pay ... We will not let the people of Port Ellery carry the cost of someone else's mistake," Osei said.

"We have never seen a spill of this size," Osei added.

"The town's water comes from the reservoir in the hills," Osei said.
""",
    "Daily Wire": """Officials in Port Ellery said the harbour was closed after an oil spill on Tuesday.

"Our first priority is the wildlife," said Commissioner Rafael Osei.

"We have volunteers on every beach, and we expect that number to triple by the weekend," he said.

Asked who would pay, Osei said: "The owners of the Marisol will pay. That is negotiable."

"The tanker's captain has been arrested," a spokesman for the commission said.
""",
}
SPILL_EXPECTED: dict[str, tuple[str, bool, bool]] = {
    "The harbour is closed to all": ("verbatim", False, False),
    "on every beach from here to": ("trimmed", False, False),
    "The owners of the Marisol will pay. That is not": ("verbatim", False, False),
    "There is no risk to drinking": ("verbatim", False, False),
    "At six o'clock this morning": ("altered", True, False),
    "I would be surprised if it": ("altered", False, False),
    "We will let the people of": ("altered", True, False),
    "Our first priority is the wildlife,": ("spliced", False, False),
    "It will be longer": ("altered", True, False),
    "We will know more after the": ("verbatim", False, False),
    "The owners of the Marisol will pay ...": ("spliced", False, False),
    "We have never seen a spill": ("not_found", False, False),
    "The town's water comes from the": ("trimmed", False, True),
    "Our first priority is the wildlife": ("verbatim", False, False),
    "We have volunteers on every beach,": ("altered", False, False),
    "The owners of the Marisol will pay. That is negotiable": ("altered", True, False),
    "The tanker's captain has been arrested": ("not_found", False, False),
}


def test_a_second_event_in_other_house_styles(client: TestClient) -> None:
    slug = client.post("/api/events", json={"title": unique_title("Spill")}).json()["slug"]
    for outlet, text in SPILL_REPORTS.items():
        assert (
            client.post(f"/api/events/{slug}/articles", json={"outlet": outlet, "text": text}).status_code
            == 201
        )
    source = client.post(
        f"/api/events/{slug}/articles", json={"outlet": "Harbour Commission", "text": SPILL, "role": "source"}
    )
    assert source.status_code == 201
    quotes = client.get(f"/api/events/{slug}/quotes").json()
    assert len(quotes) == len(SPILL_EXPECTED)
    for quote in quotes:
        # The longest matching key: "Our first priority is the wildlife," before its shorter sibling.
        key = max((k for k in SPILL_EXPECTED if quote["text"].startswith(k)), key=len)
        status, severe, mismatch = SPILL_EXPECTED[key]
        check = quote["source_check"]
        assert (check["status"], check["severe"], check["speaker_mismatch"]) == (status, severe, mismatch), (
            quote["text"]
        )
        if status != "not_found":
            passage = SPILL[check["source_start"] : check["source_end"]]
            assert passage.split()[0].strip(".,").casefold() in quote["text"].casefold(), (
                passage,
                quote["text"],
            )
