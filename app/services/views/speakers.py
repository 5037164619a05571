"""The speakers grid: quote counts per speaker and outlet; and its CSV."""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models import (
    Article,
    Event,
    Outlet,
    Quote,
    Speaker,
    Statement,
)
from app.services import queries


class SpeakerCell(BaseModel):
    outlet: str
    count: int
    level: int  # 0 (none) to 5 (the most quotes any cell has)


class SpeakerRow(BaseModel):
    name: str
    total: int
    outlet_count: int  # outlets that quote this speaker at all
    in_matrix: bool = False  # has statements: the overview's coverage matrix can be filtered to them
    cells: list[SpeakerCell]  # one per outlet, in the grid's outlet order


class SpeakersGrid(BaseModel):
    """Quote counts per speaker (rows) and outlet (columns): the speakers page, its JSON and its CSV."""

    outlets: list[str]
    speakers: list[SpeakerRow]
    max: int

    def csv_rows(self) -> list[list[object]]:
        out: list[list[object]] = [["speaker", *self.outlets, "total"]]
        for speaker in self.speakers:
            out.append([speaker.name, *(c.count for c in speaker.cells), speaker.total])
        return out


def speakers_grid(session: Session, event: Event, outlets: list[str]) -> SpeakersGrid:
    """Quote counts per speaker (rows) and outlet (columns), with a 0-5 heat level per cell."""
    rows = session.exec(
        select(Speaker.name, Outlet.name, func.count(col(Quote.id)))
        .select_from(Quote)
        .join(Article, col(Article.id) == col(Quote.article_id))
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .join(Speaker, col(Speaker.id) == col(Quote.speaker_id), isouter=True)
        .where(Article.event_id == event.id)
        .group_by(Speaker.name, Outlet.name)
    ).all()
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for speaker, outlet, count in rows:
        counts[speaker or queries.UNKNOWN_SPEAKER][outlet] = count
    # Who the coverage matrix can show: a speaker quoted only in fragments ("contained") has no statement.
    with_statements = {
        name or queries.UNKNOWN_SPEAKER
        for name in session.exec(
            select(Speaker.name)
            .select_from(Statement)
            .join(Speaker, col(Speaker.id) == col(Statement.speaker_id), isouter=True)
            .where(Statement.event_id == event.id)
            .distinct()
        ).all()
    }
    top = max((n for per in counts.values() for n in per.values()), default=0) or 1
    speakers = [
        SpeakerRow(
            name=name,
            total=sum(per_outlet.values()),
            outlet_count=sum(1 for n in per_outlet.values() if n),
            in_matrix=name in with_statements,
            cells=[
                SpeakerCell(
                    outlet=outlet,
                    count=per_outlet.get(outlet, 0),
                    level=0 if not per_outlet.get(outlet) else 1 + (4 * per_outlet[outlet]) // top,
                )
                for outlet in outlets
            ],
        )
        for name, per_outlet in counts.items()
    ]
    # The unknown speaker last: it is what the extractor could not attribute, not a person.
    speakers.sort(key=lambda s: (s.name == queries.UNKNOWN_SPEAKER, -s.total, s.name))
    return SpeakersGrid(outlets=outlets, speakers=speakers, max=top)
