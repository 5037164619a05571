"""Omissions per outlet: what one outlet left out that most others carried."""

from __future__ import annotations

from collections import Counter, defaultdict

from pydantic import BaseModel
from sqlmodel import Session, col, select

from app.models import (
    Event,
    Figure,
    FigureGroup,
)
from app.services import queries
from app.services.errors import BadInput
from app.services.views.common import consensus, event_outlets
from app.services.views.figure_values import group_title
from app.services.views.overview import overview_articles, overview_statements


class Omission(BaseModel):
    id: int
    text: str
    printed: str = ""  # a figure's value as most of the outlets that carried it printed it ("770 km")
    speaker: str | None = None
    carried_by: int  # how many other outlets carried it


class Omissions(BaseModel):
    """What one outlet left out that most other outlets carried."""

    outlet: str
    outlets: list[str]
    others: int
    statements: list[Omission]
    figures: list[Omission]
    speakers: list[Omission]


def omissions(session: Session, event: Event, outlet: str | None) -> Omissions:
    names = event_outlets(overview_articles(session, event))
    if not names:
        # The event exists and simply has nothing yet: an empty view (the page says so), not a 404.
        return Omissions(outlet="", outlets=[], others=0, statements=[], figures=[], speakers=[])
    chosen = outlet or names[0]
    if chosen not in names:
        raise BadInput(f"'outlet' must be an outlet of this event, not '{chosen[:60]}'.")
    others = len(names) - 1

    def most(count: int) -> bool:
        # "Most others": more than half of the other outlets (and at least two of them).
        return count >= 2 and count * 2 > others

    statements = []
    speaker_outlets: dict[str, set[str]] = defaultdict(set)
    for statement in overview_statements(session, event):
        carriers = set(statement["outlets"])
        speaker_outlets[statement["speaker"]] |= carriers
        if chosen not in carriers and most(len(carriers)):
            text = consensus(statement["members"])[0]["text"]
            statements.append(
                Omission(
                    id=statement["id"], text=text, speaker=statement["speaker"], carried_by=len(carriers)
                )
            )
    speakers = [
        Omission(id=0, text=name, carried_by=len(carriers))
        for name, carriers in speaker_outlets.items()
        if name != queries.UNKNOWN_SPEAKER and chosen not in carriers and most(len(carriers))
    ]
    assert event.id is not None
    outlet_of = queries.outlet_names(session, event.id)
    carried: dict[int, set[str]] = defaultdict(set)
    labels: dict[int, str] = {}
    printed: dict[int, Counter[str]] = defaultdict(Counter)
    for group_id, label, kind, unit, article_id, text in session.exec(
        select(
            FigureGroup.id,
            FigureGroup.label,
            FigureGroup.kind,
            FigureGroup.unit,
            Figure.article_id,
            Figure.text,
        )
        .join(Figure, col(Figure.group_id) == col(FigureGroup.id))
        .where(FigureGroup.event_id == event.id)
    ).all():
        # A source's figures are the reference, not an outlet's coverage.
        if outlet_of.get(article_id) in names:
            carried[group_id or 0].add(outlet_of[article_id])
            printed[group_id or 0][text] += 1
        labels[group_id or 0] = group_title(label, kind, unit)
    figures = [
        # "year" alone does not say what was left out: the value most of them printed does ("2009").
        Omission(
            id=group_id,
            text=labels[group_id],
            printed=min(printed[group_id].items(), key=lambda kv: (-kv[1], kv[0]))[0],
            carried_by=len(outlets),
        )
        for group_id, outlets in carried.items()
        if chosen not in outlets and most(len(outlets))
    ]
    return Omissions(
        outlet=chosen,
        outlets=names,
        others=others,
        statements=sorted(statements, key=lambda o: (-o.carried_by, o.id)),
        figures=sorted(figures, key=lambda o: (-o.carried_by, o.id)),
        speakers=sorted(speakers, key=lambda o: (-o.carried_by, o.text)),
    )
