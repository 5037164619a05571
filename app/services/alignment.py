"""Alignment use-cases: store one article's extraction and align it against its event, or rebuild an event.

Adding an article aligns only its own quote sentences and figures against what the event already holds
(the core's incremental functions); `realign_event` replays every article in id order through the very
same path, so a rebuild gives exactly what the incremental path stored.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import delete, func, insert, update
from sqlmodel import Session, col, select

from app.core.align import PlacedSentence, SentenceItem, assign_statements, index_terms
from app.core.extract import extract_article
from app.core.records import Extraction
from app.core.records import Quote as QuoteRecord
from app.core.similarity import near_copies
from app.core.sketch import text_sketch
from app.core.speakers import better_display_name, canonical_speaker, display_name, is_description
from app.models import (
    Article,
    ArticleSimilarity,
    ArticleSketch,
    Figure,
    FigureGroup,
    Quote,
    QuoteSentence,
    Speaker,
    Statement,
    StatementMember,
    StatementToken,
)
from app.services import source_checks
from app.services.figure_grouping import group_figures, store_figures
from app.services.locks import lock_event

# Near-copy pairs below this share are not stored: the overview only reports real copies.
MIN_STORED_SHARE = 0.3
# How many founding members of each statement a new sentence is compared with (see placed_sentences).
REPRESENTATIVES = 8
# The statements one new sentence is compared with at most: those sharing the most content words with it.
# Versions of one sentence share nearly all their words, so the right statements rank first; the cap
# keeps an add's cost flat when a much-reprinted sentence has split into many overlapping statements.
CANDIDATES_PER_SENTENCE = 12
# Share of sketch values another article must share before the full text comparison runs. A 60% copy
# shares about half of its sketch; 0.15 leaves a wide margin for heavily edited copies.
SKETCH_CANDIDATE_SHARE = 0.15
# The closest candidates only: a wire story republished fifty times need not be compared fifty times.
MAX_COPY_CANDIDATES = 12


def add_article(session: Session, event_id: int, article: Article, extraction: Extraction) -> None:
    """Store the extraction of a freshly inserted article and align it with the event (caller holds the lock).

    Every path that stores or replays an article comes through here, so its quotes are also checked against
    the event's source (and a source, which stores no quotes, re-checks the event's reports)."""
    assert article.id is not None
    extraction = source_checks.stored_extraction(extraction, article.role)
    speaker_ids = resolve_speakers(session, event_id, extraction.quotes)
    new_sentences = store_quotes(session, event_id, article.id, extraction.quotes, speaker_ids)
    align_sentences(session, event_id, article.id, new_sentences)
    new_figures = store_figures(session, article.id, extraction)
    group_figures(session, event_id, article.id, new_figures)
    record_near_copies(session, event_id, article)
    source_checks.after_store(session, event_id, article)


def resolve_speakers(session: Session, event_id: int, quotes: Sequence[QuoteRecord]) -> list[int | None]:
    """One canonical Speaker row per person in the event, whatever each outlet calls them."""
    speakers = {s.name: s for s in session.exec(select(Speaker).where(Speaker.event_id == event_id)).all()}
    result: list[int | None] = []
    for quote in quotes:
        if not quote.speaker:
            result.append(None)
            continue
        named = display_name(quote.speaker)
        match = canonical_speaker(named, list(speakers))
        if match is None:
            speaker = Speaker(event_id=event_id, name=named[:300])
            session.add(speaker)
            session.flush()
            speakers[speaker.name] = speaker
        else:
            speaker = speakers[match]
            better = better_display_name(speaker.name, named)[:300]
            if better != speaker.name and better not in speakers:
                del speakers[speaker.name]
                speaker.name = better
                session.add(speaker)
                speakers[better] = speaker
        result.append(speaker.id)
    return result


def store_quotes(
    session: Session,
    event_id: int,
    article_id: int,
    quotes: Sequence[QuoteRecord],
    speaker_ids: Sequence[int | None],
) -> list[SentenceItem]:
    """Insert quotes and their sentences; return the sentences to align (fragments are not aligned)."""
    rows: list[Quote] = []
    for position, (record, speaker_id) in enumerate(zip(quotes, speaker_ids, strict=True)):
        quote = Quote(
            article_id=article_id,
            speaker_id=speaker_id,
            speaker_mention=(record.speaker_mention or None) and record.speaker_mention[:300],
            speaker_as_named=(record.speaker or None) and record.speaker[:300],
            text=record.text,
            start=record.start,
            end=record.end,
            parts=[[p.start, p.end] for p in record.parts],
            fragment=record.fragment,
            position=position,
        )
        session.add(quote)
        rows.append(quote)
    session.flush()  # one flush gives every quote its id
    pending: list[tuple[QuoteSentence, int | None]] = []
    for quote, record, speaker_id in zip(rows, quotes, speaker_ids, strict=True):
        if record.fragment:
            continue
        for sentence in record.sentences:
            row = QuoteSentence(
                quote_id=quote.id or 0,
                article_id=article_id,
                event_id=event_id,
                text=sentence.text,
                start=sentence.start,
                end=sentence.end,
                parts=[[p.start, p.end] for p in sentence.parts],
            )
            session.add(row)
            # A description ("a police spokesman") is weak evidence for linking: another outlet may name
            # the person, so it aligns like an unknown speaker.
            pending.append((row, None if record.speaker and is_description(record.speaker) else speaker_id))
    session.flush()
    return [
        SentenceItem(
            key=row.id or 0, article_key=article_id, speaker=_speaker_token(speaker_id), text=row.text
        )
        for row, speaker_id in pending
    ]


def _speaker_token(speaker_id: int | None) -> str | None:
    # The core compares speakers by key; the event's Speaker id is that key, already canonical.
    return f"speaker {speaker_id}" if speaker_id is not None else None


def placed_sentences(
    session: Session, event_id: int, exclude_article: int, new: Sequence[SentenceItem] = ()
) -> list[PlacedSentence]:
    """Each candidate statement's first REPRESENTATIVES members: what the new sentences are compared with.

    Members of a statement are pairwise the same sentence, so its founding members stand for all of
    them. Candidates come from the whole event through the token index (StatementToken): only statements
    whose representatives share enough content words with some new sentence (the core's `index_terms`,
    exact for its prefilter), so one more article's cost follows what it may link to, not the event's
    size. Every speaker's statements are candidates: the text decides.
    """
    query = (
        select(
            QuoteSentence.id,
            QuoteSentence.article_id,
            QuoteSentence.text,
            Quote.speaker_id,
            Quote.speaker_as_named,
            StatementMember.statement_id,
        )
        .join(StatementMember, col(StatementMember.sentence_id) == col(QuoteSentence.id))
        .join(Quote, col(Quote.id) == col(QuoteSentence.quote_id))
        .where(StatementMember.rank < REPRESENTATIVES, QuoteSentence.article_id != exclude_article)
    )
    candidates = _candidate_statements(session, event_id, new)
    if candidates is not None:
        # The candidates are the event's already: no join through the event's statements, which would let
        # the planner read all of them.
        query = query.where(col(StatementMember.statement_id).in_(candidates))
    else:
        query = query.join(Statement, col(Statement.id) == col(StatementMember.statement_id)).where(
            Statement.event_id == event_id
        )
    rows = session.exec(query).all()
    items: dict[int, SentenceItem] = {}
    statements: dict[int, set[int]] = {}
    for sentence_id, article_id, text, speaker_id, as_named, statement_id in rows:
        if as_named and is_description(as_named):
            speaker_id = None  # weak evidence, as in store_quotes
        items.setdefault(sentence_id, SentenceItem(sentence_id, article_id, _speaker_token(speaker_id), text))
        statements.setdefault(sentence_id, set()).add(statement_id)
    return [PlacedSentence(items[k], frozenset(statements[k])) for k in sorted(items)]


def _candidate_statements(session: Session, event_id: int, new: Sequence[SentenceItem]) -> list[int] | None:
    """The statements each new sentence may link to, through the token index: those whose representatives
    share enough of its content words, the CANDIDATES_PER_SENTENCE sharing most; None when every statement
    is a candidate (a new sentence of function words only, or none given)."""
    if not new:
        return None
    found: set[int] = set()
    for item in new:
        terms, share = index_terms(item.text)
        if share == 0:
            return None
        shared = func.count(col(StatementToken.hash))
        found.update(
            session.exec(
                select(StatementToken.statement_id)
                .where(
                    StatementToken.event_id == event_id,
                    col(StatementToken.hash).in_(sorted(term_hash(t) for t in terms)),
                )
                .group_by(col(StatementToken.statement_id))
                .having(shared >= share)
                .order_by(shared.desc(), col(StatementToken.statement_id))
                .limit(CANDIDATES_PER_SENTENCE)
            ).all()
        )
    return sorted(found)


def term_hash(term: str) -> int:
    """A stable signed 64-bit hash of one content word (Python's own hash changes between processes)."""
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def index_statements(session: Session, event_id: int, added: dict[int, list[tuple[int, str]]]) -> None:
    """Add the content words of new representative members to the token index: ``added`` maps a
    statement id to its new members as (rank, text)."""
    wanted: dict[int, set[int]] = {}
    for statement_id, members in added.items():
        hashes = {
            term_hash(t) for rank, text in members if rank < REPRESENTATIVES for t in index_terms(text)[0]
        }
        if hashes:
            wanted[statement_id] = hashes
    if not wanted:
        return
    for statement_id, hash_value in session.exec(
        select(StatementToken.statement_id, StatementToken.hash).where(
            col(StatementToken.statement_id).in_(sorted(wanted))
        )
    ).all():
        wanted[statement_id].discard(hash_value)
    rows = [
        {"statement_id": statement_id, "hash": hash_value, "event_id": event_id}
        for statement_id, hashes in wanted.items()
        for hash_value in sorted(hashes)
    ]
    if rows:
        session.execute(insert(StatementToken), rows)


def align_sentences(session: Session, event_id: int, article_id: int, new: list[SentenceItem]) -> None:
    if not new:
        return
    result = assign_statements(
        new, placed_sentences(session, event_id, article_id, new), representatives=REPRESENTATIVES
    )
    real: dict[int, int] = {}
    made: dict[int, Statement] = {}
    for key in sorted((k for k in result.added if k < 0), reverse=True):  # -1, -2, ... in creation order
        statement = Statement(event_id=event_id)
        session.add(statement)
        session.flush()
        real[key] = statement.id or 0
        made[key] = statement
    existing_keys = [k for k in result.added if k >= 0]
    # The next rank of each statement that gains members: one past its highest, read from the
    # (statement_id, rank) index per statement, so the cost does not grow with a statement's size (a
    # count would read every member of a much-reprinted sentence). Corrections number merged members the
    # same way.
    next_rank: dict[int, int] = {}
    if existing_keys:
        top = (
            select(func.max(StatementMember.rank))
            .where(StatementMember.statement_id == Statement.id)
            .correlate(Statement)
            .scalar_subquery()
        )
        next_rank = {
            statement_id or 0: 0 if highest is None else highest + 1
            for statement_id, highest in session.exec(
                select(Statement.id, top).where(col(Statement.id).in_(existing_keys))
            ).all()
        }
    # Texts of every sentence that becomes a representative: the new ones, and stored ones a new statement
    # takes in (the long sentence that holds a new half).
    texts = {item.key: item.text for item in new}
    stored = sorted({sid for members in result.added.values() for sid in members} - set(texts))
    if stored:
        texts.update(
            session.exec(
                select(QuoteSentence.id, QuoteSentence.text).where(col(QuoteSentence.id).in_(stored))
            ).all()
        )
    indexed: dict[int, list[tuple[int, str]]] = {}
    members: list[dict[str, int]] = []
    for key, sentence_keys in result.added.items():
        statement_id = real.get(key, key)
        for rank, sentence_id in enumerate(sorted(sentence_keys), start=next_rank.get(statement_id, 0)):
            members.append({"statement_id": statement_id, "sentence_id": sentence_id, "rank": rank})
            if rank < REPRESENTATIVES:
                indexed.setdefault(statement_id, []).append((rank, texts[sentence_id]))
    # One bulk insert: a sentence joins several overlapping statements, so an add writes dozens of
    # member rows, and an ORM object per row was the largest cost of an add in a large event.
    if members:
        session.execute(insert(StatementMember), members)
    index_statements(session, event_id, indexed)
    if real:
        # A statement's speaker: the one most of its members name (set once, when the statement is made).
        named: dict[int, list[int]] = {}
        for statement_id, speaker_id in session.exec(
            select(StatementMember.statement_id, Quote.speaker_id)
            .join(QuoteSentence, col(QuoteSentence.id) == col(StatementMember.sentence_id))
            .join(Quote, col(Quote.id) == col(QuoteSentence.quote_id))
            .where(col(StatementMember.statement_id).in_(sorted(real.values())))
            .order_by(col(StatementMember.statement_id), col(StatementMember.rank))
        ).all():
            if speaker_id is not None:
                named.setdefault(statement_id, []).append(speaker_id)
        for key, statement in made.items():
            if speakers := named.get(real[key]):
                statement.speaker_id = Counter(speakers).most_common(1)[0][0]
                session.add(statement)


def record_near_copies(session: Session, event_id: int, article: Article) -> None:
    """Store the article's sketch, then compare it in full only with articles sharing much of it."""
    sketch = text_sketch(article.body)
    candidates: list[int] = []
    if sketch:
        needed = max(1, int(len(sketch) * SKETCH_CANDIDATE_SHARE))
        shared_count = func.count().label("shared")
        candidates = [
            other_id
            for other_id, shared in session.exec(
                select(ArticleSketch.article_id, shared_count)
                .where(ArticleSketch.event_id == event_id, col(ArticleSketch.hash).in_(sketch))
                .group_by(ArticleSketch.article_id)
                .order_by(shared_count.desc(), ArticleSketch.article_id)
                .limit(MAX_COPY_CANDIDATES)
            ).all()
            if shared >= needed and other_id != article.id
        ]
    for value in sketch:
        session.add(ArticleSketch(article_id=article.id or 0, hash=value, event_id=event_id))
    if candidates:
        others = session.exec(select(Article.id, Article.body).where(col(Article.id).in_(candidates))).all()
        for copy in near_copies(article.body, [(other_id or 0, body) for other_id, body in others]):
            if copy.share_new >= MIN_STORED_SHARE:
                session.add(
                    ArticleSimilarity(article_id=article.id or 0, other_id=copy.other, share=copy.share_new)
                )
            if copy.share_other >= MIN_STORED_SHARE:
                session.add(
                    ArticleSimilarity(article_id=copy.other, other_id=article.id or 0, share=copy.share_other)
                )
    session.flush()


def realign_event(session: Session, event_id: int) -> int:
    """Re-extract and re-align a whole event from scratch, in article id order; returns the article count."""
    lock_event(session, event_id)
    article_ids = clear_event_alignment(session, event_id)
    for article_id in article_ids:
        article = session.get(Article, article_id)
        assert article is not None
        add_article(session, event_id, article, extract_article(article.body))
    reapply_corrections(session, event_id)
    session.commit()
    return len(article_ids)


def reapply_corrections(session: Session, event_id: int) -> None:
    """The journalist's corrections outlive the machine's new answer: replayed after every rebuild.
    (Imported here: corrections is a service of its own that alignment does not otherwise need.)"""
    from app.services.corrections import reapply

    reapply(session, event_id)


def clear_event_alignment(session: Session, event_id: int) -> list[int]:
    """Delete everything extracted from and aligned across the event's articles (caller holds the lock);
    returns the article ids in id order, ready to be replayed through `add_article`."""
    article_ids = list(session.exec(select(Article.id).where(Article.event_id == event_id)).all())
    sentence_ids = select(QuoteSentence.id).where(QuoteSentence.event_id == event_id)
    session.execute(delete(StatementMember).where(col(StatementMember.sentence_id).in_(sentence_ids)))
    session.execute(delete(StatementToken).where(StatementToken.event_id == event_id))
    session.execute(delete(Statement).where(Statement.event_id == event_id))
    session.execute(delete(QuoteSentence).where(QuoteSentence.event_id == event_id))
    session.execute(delete(Quote).where(col(Quote.article_id).in_(article_ids)))
    session.execute(update(Figure).where(col(Figure.article_id).in_(article_ids)).values(group_id=None))
    session.execute(delete(Figure).where(col(Figure.article_id).in_(article_ids)))
    session.execute(delete(FigureGroup).where(FigureGroup.event_id == event_id))
    session.execute(delete(ArticleSimilarity).where(col(ArticleSimilarity.article_id).in_(article_ids)))
    session.execute(delete(ArticleSketch).where(ArticleSketch.event_id == event_id))
    session.execute(delete(Speaker).where(Speaker.event_id == event_id))
    session.flush()
    return sorted(a for a in article_ids if a is not None)
