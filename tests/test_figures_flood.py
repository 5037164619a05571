"""A fictional flood told by three invented outlets in different conventions ("£25m" and "25 million pounds",
"three days" and "72-hour", "60%" and "60 percent", evacuated and forced from their homes, a compatible conflict,
a subset of the injured): every group comes out as one group with the right status, in the core and through
the API."""

from __future__ import annotations

import itertools

from fastapi.testclient import TestClient

from app.core.extract import extract_article
from app.core.figure_groups import FigureItem, PlacedFigure, assign_figure_groups, group_status_compatible
from app.core.figures import counted_key
from app.core.records import Figure

BODIES = [
    # 0: a British wire
    "KARVEN, Lirenia - Floods in the Ostrava valley have caused an estimated £25m of damage, the regional "
    "council said on Monday. Some 4,000 residents were evacuated. At least 12 people died and 40 were injured, "
    "six of them seriously. About 60% of the harvest was lost. The government declared three days of national "
    "mourning. More than 1,500 homes were flooded.",
    # 1: an American paper
    "The flooding in Lirenia's Ostrava valley killed 12 people and forced 4,000 from their homes, officials said. "
    "Damage is put at 25 million pounds. Forty people were hurt, including six who were seriously injured. "
    "Officials said 60 percent of the crop had been destroyed. A 72-hour national mourning period began on "
    "Tuesday. At least 1,524 houses were flooded, according to the interior ministry. A 42-year-old farmer "
    "was among the dead.",
    # 2: a broadcaster
    "Rescuers in Lirenia said the floods had killed 14 people and displaced about 4,000. The regional council "
    "estimates the damage at £25 million. Sixty per cent of the harvest has been lost, farmers' unions said.",
]

# Each expected group: (status, compatible, the text of each member as (outlet index, text)).
EXPECTED = [
    ("agree", True, {(0, "an estimated £25m"), (1, "25 million pounds"), (2, "£25 million")}),
    ("agree", True, {(0, "Some 4,000"), (1, "4,000"), (2, "about 4,000")}),
    ("conflict", False, {(0, "At least 12"), (1, "12"), (2, "14")}),
    ("agree", True, {(0, "40"), (1, "Forty")}),
    ("agree", True, {(0, "six"), (1, "six")}),
    ("agree", True, {(0, "About 60%"), (1, "60 percent"), (2, "Sixty per cent")}),
    ("agree", True, {(0, "three days"), (1, "72-hour")}),
    ("conflict", True, {(0, "More than 1,500"), (1, "At least 1,524")}),
]


def _item(key: int, article: int, figure: Figure) -> FigureItem:
    return FigureItem(
        key=key,
        article_key=article,
        value=figure.value,
        value_high=figure.value_high,
        unit=figure.unit,
        qualifier=figure.qualifier,
        counted_key=counted_key(figure.counted) if figure.counted else None,
        kind=figure.kind,
        text=figure.text,
        counted=figure.counted,
        context=figure.context,
    )


def _core_groups() -> dict[frozenset[tuple[int, str]], tuple[str, bool]]:
    placed: list[PlacedFigure] = []
    members: dict[int, list[FigureItem]] = {}
    new_keys = itertools.count()
    for article, body in enumerate(BODIES):
        items = [_item(len(placed) + i, article, f) for i, f in enumerate(extract_article(body).figures)]
        fresh: dict[int, int] = {}
        for item, key in zip(items, assign_figure_groups(items, placed), strict=True):
            if key < 0:
                key = fresh.setdefault(key, next(new_keys))
            members.setdefault(key, []).append(item)
            placed.append(PlacedFigure(item, key))
    return {
        frozenset((m.article_key, m.text) for m in group): group_status_compatible(group)
        for group in members.values()
    }


def test_every_group_of_the_flood_is_one_group_with_its_status() -> None:
    groups = _core_groups()
    for status, compatible, texts in EXPECTED:
        assert groups.get(frozenset(texts)) == (status, compatible), texts


def test_the_subset_and_the_age_stay_out_of_the_tolls() -> None:
    groups = _core_groups()
    six = next(g for g in groups if (0, "six") in g)
    assert (0, "40") not in six and (0, "At least 12") not in six
    age = next(g for g in groups if (1, "42-year-old") in g)
    assert groups[age] == ("single", False)


def test_the_api_gives_compatible_and_the_members_fields(client: TestClient, event_slug: str) -> None:
    for number, body in enumerate(BODIES):
        response = client.post(
            f"/api/events/{event_slug}/articles", json={"outlet": f"Outlet {number}", "text": body}
        )
        assert response.status_code == 201, response.text
    groups = client.get(f"/api/events/{event_slug}/figures").json()
    by_texts = {frozenset(m["text"] for m in g["members"]): g for g in groups}
    homes = by_texts[frozenset({"More than 1,500", "At least 1,524"})]
    assert (homes["status"], homes["compatible"]) == ("conflict", True)
    damage = by_texts[frozenset({"an estimated £25m", "25 million pounds", "£25 million"})]
    assert (damage["status"], damage["compatible"]) == ("agree", True)
    member = next(m for m in damage["members"] if m["text"] == "25 million pounds")
    assert (member["kind"], member["unit"], member["counted"], member["value"]) == (
        "money",
        "GBP",
        "damage",
        25e6,
    )
    assert {"source", "qualifier", "start", "end", "article_id", "outlet"} <= set(member)
    toll = by_texts[frozenset({"At least 12", "12", "14"})]
    assert (toll["status"], toll["compatible"]) == ("conflict", False)
