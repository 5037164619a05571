"""The figure grouping service on invented figures: groups found through the key index, merged when a later
outlet shows two stored groups to be one quantity, and kept current by corrections."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, col, select

from app.core.figure_groups.assign import one_count_named_twice
from app.db import engine_for
from app.migrate import upgrade_database
from app.models import Figure, FigureGroup, FigureGroupKey
from app.services import events, ingest
from app.services.corrections import refresh_group
from app.services.figure_grouping import group_figures, group_keys, merge_bridged_groups

WORDS = ["alpha", "bravo", "charlie", "delta"]


def _article(session: Session, event: object, number: int) -> int:
    data = ingest.ArticleInput(
        outlet=f"Outlet {number}", content=f"A quiet report from the {WORDS[number]} desk on the harbour."
    )
    return ingest.ingest_article(session, event, data).id or 0  # type: ignore[arg-type]


def _figure(article_id: int, value: float, counted: str | None, context: str, start: int = 0) -> Figure:
    return Figure(
        article_id=article_id,
        text=f"{value:g}",
        start=start,
        end=start + 1,
        value=value,
        counted=counted,
        counted_key=counted.lower() if counted else None,
        kind="count",
        context=context,
    )


def _add(session: Session, event_id: int, article_id: int, *figures: Figure) -> list[Figure]:
    for figure in figures:
        session.add(figure)
    session.flush()
    group_figures(session, event_id, article_id, list(figures))
    session.commit()
    return list(figures)


def test_an_outlet_that_fits_two_stored_groups_merges_them(tmp_path: Path) -> None:
    engine = engine_for(f"sqlite:///{tmp_path / 'merge.db'}")
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, "Harbour")
        event_id = event.id or 0
        articles = [_article(session, event, n) for n in range(3)]
        # Two outlets name the two divers with too little in common for a small count: two groups.
        first = _add(session, event_id, articles[0], _figure(articles[0], 2, "divers", "boat jump harbour"))
        second = _add(session, event_id, articles[1], _figure(articles[1], 2, "divers", "barge crane"))
        assert first[0].group_id != second[0].group_id
        # A third tells the story with the words of both: the two groups were one quantity.
        third = _add(
            session, event_id, articles[2], _figure(articles[2], 2, "divers", "boat jump barge crane")
        )
        groups = session.exec(select(FigureGroup).where(FigureGroup.event_id == event_id)).all()
        assert len(groups) == 1
        assert {f.group_id for f in (*first, *second, *third)} == {groups[0].id}
        assert (groups[0].status, groups[0].article_count) == ("agree", 3)


def test_one_outlet_with_a_figure_in_each_group_never_merges_them(tmp_path: Path) -> None:
    engine = engine_for(f"sqlite:///{tmp_path / 'apart.db'}")
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, "Harbour")
        event_id = event.id or 0
        articles = [_article(session, event, n) for n in range(3)]
        _add(session, event_id, articles[0], _figure(articles[0], 2, "divers", "boat jump harbour"))
        # One outlet's two figures in different words are two things: two groups that must stay apart.
        _add(
            session,
            event_id,
            articles[1],
            _figure(articles[1], 2, "divers", "boat jump harbour", start=0),
            _figure(articles[1], 2, "divers", "barge crane", start=50),
        )
        before = session.exec(select(FigureGroup.id).where(FigureGroup.event_id == event_id)).all()
        _add(session, event_id, articles[2], _figure(articles[2], 2, "divers", "boat jump barge crane"))
        after = session.exec(select(FigureGroup.id).where(FigureGroup.event_id == event_id)).all()
        assert len(before) == len(after) == 2


def test_a_group_is_found_by_each_members_wording_and_its_keys_follow_corrections(tmp_path: Path) -> None:
    engine = engine_for(f"sqlite:///{tmp_path / 'keys.db'}")
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, "Harbour")
        event_id = event.id or 0
        articles = [_article(session, event, n) for n in range(3)]
        (founder,) = _add(
            session, event_id, articles[0], _figure(articles[0], 40, "boats sunk", "storm harbour")
        )
        # Joins by value and context in other words, which the group now also answers to.
        (member,) = _add(
            session, event_id, articles[1], _figure(articles[1], 40, "vessels sunk", "storm harbour")
        )
        assert member.group_id == founder.group_id
        (late,) = _add(session, event_id, articles[2], _figure(articles[2], 45, "vessels sunk", "quay"))
        assert late.group_id == founder.group_id
        group = session.get(FigureGroup, founder.group_id)
        assert group is not None and group.status == "conflict"
        # The founder dismissed: the group's keys are rebuilt from the members that remain.
        session.delete(founder)
        session.flush()
        refresh_group(session, group.id or 0)
        stored = set(
            session.exec(select(FigureGroupKey.hash).where(col(FigureGroupKey.group_id) == group.id)).all()
        )
        members = session.exec(select(Figure).where(Figure.group_id == group.id)).all()
        expected = group_keys(
            group.kind,
            group.unit,
            group.counted_key,
            group.value,
            group.value_high,
            [(m.kind, m.unit, m.counted_key) for m in members],
        )
        assert stored == set(expected)
        assert group.value == 40


def test_a_rounded_amount_finds_the_exact_one_through_its_band(tmp_path: Path) -> None:
    """No wording and no equal value is shared: only the band of near values offers the stored group."""
    engine = engine_for(f"sqlite:///{tmp_path / 'band.db'}")
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, "Harbour")
        event_id = event.id or 0
        articles = [_article(session, event, n) for n in range(2)]

        def dues(article_id: int, value: float, text: str, counted: str) -> Figure:
            figure = _figure(article_id, value, counted, "harbour paid dues")
            figure.kind, figure.unit, figure.text = "money", "USD", text
            return figure

        exact = _add(
            session, event_id, articles[0], dues(articles[0], 3_612_000, "$3,612,000", "harbour dues")
        )
        rounded = _add(
            session, event_id, articles[1], dues(articles[1], 3.6e6, "$3.6 million", "annual harbour dues")
        )
        assert rounded[0].group_id == exact[0].group_id
        group = session.get(FigureGroup, exact[0].group_id)
        assert group is not None and (group.status, group.compatible) == ("conflict", True)


def test_a_later_figure_meets_the_member_it_fits_not_only_the_founder(tmp_path: Path) -> None:
    """A group offers each of its members with its own value and words: a figure that repeats a later
    member's value in that member's words joins it, as it would had that member's outlet come first."""
    engine = engine_for(f"sqlite:///{tmp_path / 'members.db'}")
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, "Harbour")
        event_id = event.id or 0
        articles = [_article(session, event, n) for n in range(4)]
        (founder,) = _add(
            session, event_id, articles[0], _figure(articles[0], 40, "boats sunk", "storm harbour")
        )
        # One wording, another value: the same quantity, told otherwise (a conflict).
        (member,) = _add(
            session, event_id, articles[1], _figure(articles[1], 45, "boats sunk", "quay ferry pier")
        )
        assert member.group_id == founder.group_id
        # No counted noun: only the second member's value and words say what this 45 is.
        (late,) = _add(session, event_id, articles[2], _figure(articles[2], 45, None, "quay ferry pier"))
        assert late.group_id == founder.group_id
        # The same figure with words of neither member stays alone.
        (apart,) = _add(session, event_id, articles[3], _figure(articles[3], 45, None, "vote budget"))
        assert apart.group_id != founder.group_id


def test_the_store_checks_every_member_before_it_merges_bridged_groups(tmp_path: Path) -> None:
    """A bridge the core proposed from the members it was offered is merged only when no article has a
    figure in both groups, whichever members the core saw; a chain of bridges is checked on the union."""
    engine = engine_for(f"sqlite:///{tmp_path / 'store.db'}")
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, "Harbour")
        event_id = event.id or 0
        articles = [_article(session, event, n) for n in range(3)]
        (a,) = _add(session, event_id, articles[0], _figure(articles[0], 2, "divers", "boat jump harbour"))
        (b,) = _add(session, event_id, articles[1], _figure(articles[1], 2, "divers", "barge crane"))
        (c,) = _add(session, event_id, articles[2], _figure(articles[2], 7, "pilots", "tug tow"))
        # The first outlet also has a figure in the third group.
        late = _figure(articles[0], 7, "pilots", "tug tow", start=40)
        late.group_id = c.group_id
        session.add(late)
        session.commit()
        groups = [a.group_id or 0, b.group_id or 0, c.group_id or 0]
        assert len(set(groups)) == 3
        merge_bridged_groups(session, [(groups[0], groups[1]), (groups[1], groups[2])])
        session.commit()
        for figure in (a, b, c):
            session.refresh(figure)
        # The first two merge; the third shares an outlet with the first, so the union keeps it apart.
        assert a.group_id == b.group_id != c.group_id


def _length(article_id: int, text: str, mm: float, start: int) -> Figure:
    return Figure(
        article_id=article_id,
        text=text,
        start=start,
        end=start + len(text),
        value=mm,
        unit="mm",
        counted="balloon drifted",
        counted_key="balloon drifted",
        kind="measure",
        context="balloon drift field land",
    )


def test_a_bracketed_conversion_joins_its_figure_and_never_makes_a_conflict(tmp_path: Path) -> None:
    engine = engine_for(f"sqlite:///{tmp_path / 'convert.db'}")
    upgrade_database(engine)
    km, mile = 1_000_000.0, 1_609_344.0
    with Session(engine) as session:
        event = events.create_event(session, "Balloon")
        event_id = event.id or 0
        articles = [_article(session, event, n) for n in range(3)]
        first = _add(session, event_id, articles[0], _length(articles[0], "2,400 km", 2400 * km, 10))
        # "drifted 2,400 km (1,490 miles)": the conversion starts two characters after its figure.
        second = _add(
            session,
            event_id,
            articles[1],
            _length(articles[1], "2,400 km", 2400 * km, 10),
            _length(articles[1], "1,490 miles", 1490 * mile, 20),
        )
        assert {f.group_id for f in (*first, *second)} == {first[0].group_id}
        group = session.get(FigureGroup, first[0].group_id)
        assert group is not None and (group.status, group.compatible) == ("agree", True)
        # An outlet printing the miles alone differs in print, within the rounding: a compatible conflict.
        third = _add(session, event_id, articles[2], _length(articles[2], "1,490 miles", 1490 * mile, 10))
        assert third[0].group_id == group.id
        session.refresh(group)
        assert (group.status, group.compatible) == ("conflict", True)


def test_a_year_off_by_one_reaches_the_stored_group_of_the_other(tmp_path: Path) -> None:
    engine = engine_for(f"sqlite:///{tmp_path / 'years.db'}")
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, "Harbour")
        event_id = event.id or 0
        articles = [_article(session, event, n) for n in range(2)]

        def year(article_id: int, value: float) -> Figure:
            figure = _figure(article_id, value, None, "caucus harbour led parti quint")
            figure.kind = "year"
            return figure

        first = _add(session, event_id, articles[0], year(articles[0], 2002))
        second = _add(session, event_id, articles[1], year(articles[1], 2003))
        assert first[0].group_id == second[0].group_id is not None


def _two_groups_of_one_outlet(
    session: Session, event_id: int, article: int, counted: list[str | None]
) -> list[int]:
    """One outlet's two equal counts, stored in two groups of their own; their group ids."""
    stored = [
        _add(session, event_id, article, _figure(article, 12, word, context, start=n * 50))[0]
        for n, (word, context) in enumerate(zip(counted, ["boat jump harbour", "barge crane"], strict=True))
    ]
    return [f.group_id or 0 for f in stored]


def test_a_bridge_merges_one_outlets_count_named_twice_in_other_words(tmp_path: Path) -> None:
    engine = engine_for(f"sqlite:///{tmp_path / 'named.db'}")
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, "Harbour")
        event_id = event.id or 0
        article = _article(session, event, 0)
        groups = _two_groups_of_one_outlet(session, event_id, article, ["divers", "crew members"])
        assert groups[0] != groups[1]
        merge_bridged_groups(session, [(groups[0], groups[1])])
        session.commit()
        left = session.exec(select(FigureGroup).where(FigureGroup.event_id == event_id)).all()
        assert len(left) == 1


def test_a_bridge_never_merges_one_outlets_bare_count_told_again(tmp_path: Path) -> None:
    engine = engine_for(f"sqlite:///{tmp_path / 'bare.db'}")
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, "Harbour")
        event_id = event.id or 0
        article = _article(session, event, 0)
        # A number that names nothing it counts, told again: often a second mention of another thing.
        groups = _two_groups_of_one_outlet(session, event_id, article, ["divers", None])
        assert groups[0] != groups[1]
        merge_bridged_groups(session, [(groups[0], groups[1])])
        session.commit()
        assert session.get(FigureGroup, groups[1]) is not None


def test_one_outlets_count_in_the_same_words_twice_stays_two() -> None:
    # The same counted words kept apart by their context are two things; other words may be one count.
    divers = ((("count", "", 12.0, None), "", True, "diver"),)
    crew = ((("count", "", 12.0, None), "", True, "crew member"),)
    assert not one_count_named_twice({7: list(divers)}, {7: list(divers)})
    assert one_count_named_twice({7: list(divers)}, {7: list(crew)})
    assert not one_count_named_twice({7: list(divers) * 2}, {7: list(crew)})
