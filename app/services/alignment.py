"""Alignment use-cases: store one article's extraction and align it against its event, or rebuild an event.

Adding an article aligns only its own quote sentences and figures against what the event already holds
(the core's incremental functions); `realign_event` replays every article in id order through the very
same path, so a rebuild gives exactly what the incremental path stored.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, TextClause, delete, insert, text, update
from sqlmodel import Session, SQLModel, col, select

from app.core.align import (
    PlacedSentence,
    SentenceItem,
    aligned_fragment,
    assign_statements,
    index_terms,
    one_content_word,
    sentences_link,
    split_sentence_rows,
    text_key,
)
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

# Whether a speaker as named is a description, asked for every representative row of every add: the
# same few names over and over.
_is_description = lru_cache(maxsize=4_096)(is_description)

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
# Holders read per sketch value: enough to find the MAX_COPY_CANDIDATES closest among a story's first
# versions, and a bound on the lookup however often the story was republished.
HOLDERS_PER_SKETCH_VALUE = 24


def statement_rows(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The statements as the coverage matrix shows them: one row for the statements that print one
    outlet's sentence which another outlet split into neighbouring pieces (``app.core.align
    .split_sentence_rows``), so that one sentence is not two rows carrying the same outlets. Each member
    needs ``sentence_id``, ``article_id`` and ``start``; a merged row keeps the lowest statement id (its
    page shows one of the pieces' statements), the members of all, once each, in article order."""
    order: dict[int, list[tuple[int, int]]] = {}
    for statement in statements:
        for member in statement["members"]:
            order.setdefault(member["article_id"], []).append((member["start"], member["sentence_id"]))
    position = {
        sentence: (article, place)
        for article, sentences in order.items()
        for place, (_, sentence) in enumerate(sorted(set(sentences)))
    }
    by_id = {statement["id"]: statement for statement in statements}
    groups = split_sentence_rows(
        {key: [position[m["sentence_id"]] for m in statement["members"]] for key, statement in by_id.items()}
    )
    if not groups:
        return statements
    merged_away: set[int] = set()
    rows: dict[int, dict[str, Any]] = {}
    for group in groups:
        members = {m["sentence_id"]: m for key in group for m in by_id[key]["members"]}
        first = by_id[group[0]]
        rows[group[0]] = {
            **first,
            "members": sorted(members.values(), key=lambda m: (m["article_id"], m["start"])),
            "outlets": sorted({m["outlet"] for m in members.values()}),
        }
        merged_away.update(group[1:])
    return [rows.get(s["id"], s) for s in statements if s["id"] not in merged_away]


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
    """Insert quotes and their sentences; return the sentences to align (fragments are not aligned, but for
    a whole sentence of three words: `app.core.align.aligned_fragment`).

    Two bulk inserts that return the new ids in order: an ORM object per quote and per sentence was a
    fixed cost of every add as large as the alignment itself."""
    if not quotes:
        return []
    quote_ids = (
        session.execute(
            insert(Quote).returning(Quote.id, sort_by_parameter_order=True),
            [
                {
                    "article_id": article_id,
                    "speaker_id": speaker_id,
                    "speaker_mention": (record.speaker_mention or None) and record.speaker_mention[:300],
                    "speaker_as_named": (record.speaker or None) and record.speaker[:300],
                    "text": record.text,
                    "start": record.start,
                    "end": record.end,
                    "parts": [[p.start, p.end] for p in record.parts],
                    "fragment": record.fragment,
                    "position": position,
                }
                for position, (record, speaker_id) in enumerate(zip(quotes, speaker_ids, strict=True))
            ],
        )
        .scalars()
        .all()
    )
    rows: list[dict[str, object]] = []
    speakers: list[int | None] = []
    for quote_id, record, speaker_id in zip(quote_ids, quotes, speaker_ids, strict=True):
        if record.fragment and not aligned_fragment(record.text):
            continue  # a whole sentence of three words is aligned, words lifted from a sentence are not
        for sentence in record.sentences:
            rows.append(
                {
                    "quote_id": quote_id,
                    "article_id": article_id,
                    "event_id": event_id,
                    "text": sentence.text,
                    "text_hash": text_key(sentence.text),
                    "start": sentence.start,
                    "end": sentence.end,
                    "parts": [[p.start, p.end] for p in sentence.parts],
                }
            )
            # A description ("a police spokesman") is weak evidence for linking: another outlet may name
            # the person, so it aligns like an unknown speaker.
            speakers.append(None if record.speaker and _is_description(record.speaker) else speaker_id)
    if not rows:
        return []
    sentence_ids = (
        session.execute(insert(QuoteSentence).returning(QuoteSentence.id, sort_by_parameter_order=True), rows)
        .scalars()
        .all()
    )
    names = _speaker_names(session, {s for s in speakers if s is not None})
    return [
        SentenceItem(
            key=sentence_id,
            article_key=article_id,
            speaker=_speaker_token(speaker_id, names.get(speaker_id) if speaker_id is not None else None),
            text=str(row["text"]),
        )
        for sentence_id, row, speaker_id in zip(sentence_ids, rows, speakers, strict=True)
    ]


def _speaker_names(session: Session, speaker_ids: set[int]) -> dict[int, str]:
    if not speaker_ids:
        return {}
    rows = session.exec(select(Speaker.id, Speaker.name).where(col(Speaker.id).in_(sorted(speaker_ids))))
    return {speaker_id: name for speaker_id, name in rows if speaker_id is not None}


def _speaker_token(speaker_id: int | None, name: str | None) -> str | None:
    # The core compares speakers by their canonical name, unique in the event (one Speaker row per name),
    # and reads from it whether the speaker is a body ("Acme"), which speaks through people that another
    # outlet may name. The bench's adapter passes the same canonical names.
    if speaker_id is None:
        return None
    return name if name else f"speaker {speaker_id}"


def placed_sentences(
    session: Session,
    event_id: int,
    exclude_article: int,
    new: Sequence[SentenceItem] = (),
    candidates_of: dict[int, frozenset[int]] | None = None,
    copies_of: dict[int, frozenset[int]] | None = None,
) -> list[PlacedSentence]:
    """Each candidate statement's first REPRESENTATIVES members: what the new sentences are compared with.

    Members of a statement are pairwise the same sentence, so its founding members stand for all of
    them. Candidates come from the whole event through the token index (StatementToken): only statements
    whose representatives share enough content words with some new sentence (the core's `index_terms`,
    exact for its prefilter), so one more article's cost follows what it may link to, not the event's
    size. Every speaker's statements are candidates: the text decides.
    """
    candidates = _candidate_statements(session, event_id, new, candidates_of, copies_of)
    if candidates is not None and not candidates:
        return []
    # The candidates are the event's already: no join through the event's statements, which would let
    # the planner read all of them.
    scope = (
        f"m.statement_id IN ({', '.join(str(int(c)) for c in candidates)})"
        if candidates is not None
        else "m.statement_id IN (SELECT id FROM statement WHERE event_id = :event)"
    )
    rows = session.execute(
        text(
            "SELECT qs.id, qs.article_id, qs.text, q.speaker_id, q.speaker_as_named, m.statement_id, sp.name"
            " FROM statement_member m JOIN quote_sentence qs ON qs.id = m.sentence_id"
            " JOIN quote q ON q.id = qs.quote_id LEFT JOIN speaker sp ON sp.id = q.speaker_id"
            f" WHERE m.rank < :reps AND qs.article_id != :article AND {scope}"
        ),
        {"reps": REPRESENTATIVES, "article": exclude_article, "event": event_id},
    ).all()
    items: dict[int, SentenceItem] = {}
    statements: dict[int, set[int]] = {}
    for sentence_id, article_id, sentence_text, speaker_id, as_named, statement_id, name in rows:
        if as_named and _is_description(as_named):
            speaker_id = None  # weak evidence, as in store_quotes
        items.setdefault(
            sentence_id,
            SentenceItem(sentence_id, article_id, _speaker_token(speaker_id, name), sentence_text),
        )
        statements.setdefault(sentence_id, set()).add(statement_id)
    return [PlacedSentence(items[k], frozenset(statements[k])) for k in sorted(items)]


def _candidate_statements(
    session: Session,
    event_id: int,
    new: Sequence[SentenceItem],
    candidates_of: dict[int, frozenset[int]] | None = None,
    copies_of: dict[int, frozenset[int]] | None = None,
) -> list[int] | None:
    """The statements the new sentences may link to; None when every statement is a candidate (a new
    sentence of function words only, or none given).

    A sentence printed word for word before, by the same speaker, links to exactly what its first copy
    links to: its candidates are that copy's statements, one indexed lookup (most sentences of a wire
    story are such copies). Any other sentence goes through the token index: the statements whose
    representatives share enough of its content words, the CANDIDATES_PER_SENTENCE sharing most.
    ``candidates_of``, when given, receives each sentence's own candidates (none for a sentence that may
    link to any statement), and ``copies_of`` the statements of each copy's first copy (which the copy
    joins without a comparison)."""
    if not new:
        return None
    per_sentence: dict[int, set[int]] = {}
    copy_articles: dict[int, int] = {}
    rest = _copies(session, event_id, new, per_sentence, copy_articles)
    if copies_of is not None:
        copies_of.update({key: frozenset(found) for key, found in per_sentence.items()})
    # A copy links to what its first copy links to, except the other sentences of that copy's own article,
    # which the first copy was never compared with ("Nothing happened." beside "X lied, nothing happened."
    # in one article): the statements of those it links to are its candidates too.
    beside = _sentences_of_articles(session, set(copy_articles.values()))
    items = {item.key: item for item in new}
    for key, article_id in copy_articles.items():
        per_sentence[key] |= {
            statement
            for statement, sentence in beside.get(article_id, [])
            if statement not in per_sentence[key] and sentences_link(items[key], sentence)
        }
    parts: list[str] = []
    for number, item in enumerate(rest):
        terms, share = index_terms(item.text)
        if share == 0:
            return None
        # Integers computed here, never user text: written into the SQL as literals. A statement with a
        # representative of one content word carries the ONE_WORD mark, which counts as the second word
        # it needs: one shared word is enough to link to such a representative.
        marked = [*(term_hash(t) for t in sorted(terms)), *([ONE_WORD] if share == 2 else [])]
        hashes = ", ".join(str(int(h)) for h in marked)
        parts.append(
            f"SELECT {int(item.key)}, statement_id FROM (SELECT statement_id FROM statement_token WHERE event_id = :event"
            f" AND hash IN ({hashes}) GROUP BY statement_id HAVING COUNT(*) >= {int(share)}"
            f" ORDER BY COUNT(*) DESC, statement_id LIMIT {CANDIDATES_PER_SENTENCE}) AS candidates_{number}"
        )
    if parts:
        # One statement for every sentence: an expression tree per sentence cost more to build than the
        # lookups themselves.
        union = " UNION ALL ".join(parts)
        for key, statement_id in session.execute(text(union), {"event": event_id}):
            per_sentence.setdefault(key, set()).add(statement_id)
    if candidates_of is not None:
        candidates_of.update({key: frozenset(found) for key, found in per_sentence.items()})
    if copies_of is None:
        return sorted({s for found in per_sentence.values() for s in found})
    # A copy joins its copy's statements without a comparison, so they need not be loaded, unless another
    # sentence may be compared with one: as its candidate, or as a second copy of this article in it.
    load = {s for key, found in per_sentence.items() for s in found - copies_of.get(key, frozenset())}
    seen: set[int] = set()
    for found in copies_of.values():
        load |= found & seen
        seen |= found
    return sorted(load)


def _sentences_of_articles(
    session: Session, article_ids: set[int]
) -> dict[int, list[tuple[int, SentenceItem]]]:
    """Each article's aligned sentences, as (statement id, sentence), once per statement they are in."""
    if not article_ids:
        return {}
    listed = ", ".join(str(int(a)) for a in sorted(article_ids))
    found: dict[int, list[tuple[int, SentenceItem]]] = {}
    for article_id, statement_id, sentence_id, sentence_text, speaker_id, as_named, name in session.execute(
        text(
            "SELECT qs.article_id, sm.statement_id, qs.id, qs.text, q.speaker_id, q.speaker_as_named, sp.name"
            " FROM quote_sentence qs JOIN quote q ON q.id = qs.quote_id LEFT JOIN speaker sp ON sp.id = q.speaker_id"
            f" JOIN statement_member sm ON sm.sentence_id = qs.id WHERE qs.article_id IN ({listed})"
        )
    ):
        if as_named and _is_description(as_named):
            speaker_id = None  # weak evidence, as in store_quotes
        sentence = SentenceItem(sentence_id, article_id, _speaker_token(speaker_id, name), sentence_text)
        found.setdefault(article_id, []).append((statement_id, sentence))
    return found


def _copies(
    session: Session,
    event_id: int,
    new: Sequence[SentenceItem],
    found: dict[int, set[int]],
    articles: dict[int, int],
) -> list[SentenceItem]:
    """Add to ``found`` the statements of each new sentence's first earlier copy (same exact text, same
    speaker, another article) and to ``articles`` that copy's article; return the sentences that have no
    such copy."""
    keys = {item.key: text_key(item.text) for item in new}
    distinct = sorted(set(keys.values()))
    firsts = ", ".join(
        f"(SELECT id FROM quote_sentence WHERE event_id = :event AND text_hash = {int(h)}"
        " AND article_id != :article ORDER BY id LIMIT 1)"
        for h in distinct
    )
    rows = session.execute(
        text(
            "SELECT qs.text_hash, qs.text, q.speaker_id, q.speaker_as_named, sm.statement_id, qs.article_id,"
            " sp.name FROM quote_sentence qs JOIN quote q ON q.id = qs.quote_id"
            " LEFT JOIN speaker sp ON sp.id = q.speaker_id"
            f" JOIN statement_member sm ON sm.sentence_id = qs.id WHERE qs.id IN ({firsts})"
        ),
        {"event": event_id, "article": new[0].article_key},
    ).all()
    copies: dict[int, tuple[str, str | None, set[int], int]] = {}
    for text_hash, copy_text, speaker_id, as_named, statement_id, article_id, name in rows:
        if as_named and _is_description(as_named):
            speaker_id = None  # weak evidence, as in store_quotes
        copy = copies.setdefault(text_hash, (copy_text, _speaker_token(speaker_id, name), set(), article_id))
        copy[2].add(statement_id)
    rest: list[SentenceItem] = []
    for item in new:
        copy = copies.get(keys[item.key])
        if copy is None or copy[0] != item.text or copy[1] != item.speaker:
            rest.append(item)
        else:
            found[item.key] = set(copy[2])
            articles[item.key] = copy[3]
    return rest


def term_hash(term: str) -> int:
    """A stable signed 64-bit hash of one content word (Python's own hash changes between processes)."""
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


# The token of a statement that has a representative of one content word (no word holds a NUL character).
ONE_WORD = term_hash("\x00one content word")


def index_statements(session: Session, event_id: int, added: dict[int, list[tuple[int, str]]]) -> None:
    """Add the content words of new representative members to the token index: ``added`` maps a
    statement id to its new members as (rank, text)."""
    wanted: dict[int, set[int]] = {}
    for statement_id, members in added.items():
        hashes = {
            term_hash(t) for rank, text in members if rank < REPRESENTATIVES for t in index_terms(text)[0]
        }
        if any(rank < REPRESENTATIVES and one_content_word(text) for rank, text in members):
            hashes.add(ONE_WORD)
        if hashes:
            wanted[statement_id] = hashes
    if not wanted:
        return
    listed = ", ".join(str(int(k)) for k in sorted(wanted))
    for statement_id, hash_value in session.execute(
        text(f"SELECT statement_id, hash FROM statement_token WHERE statement_id IN ({listed})")
    ).all():
        wanted[statement_id].discard(hash_value)
    rows = [
        {"statement_id": statement_id, "hash": hash_value, "event_id": event_id}
        for statement_id, hashes in wanted.items()
        for hash_value in sorted(hashes)
    ]
    if rows:
        _insert_rows(session, StatementToken, rows)


def align_sentences(session: Session, event_id: int, article_id: int, new: list[SentenceItem]) -> None:
    if not new:
        return
    candidates: dict[int, frozenset[int]] = {}
    copies: dict[int, frozenset[int]] = {}
    placed = placed_sentences(session, event_id, article_id, new, candidates, copies)
    # No per-sentence candidates when every statement was one (a sentence of function words only). A
    # sentence printed word for word before joins its copy's statements without a comparison.
    result = assign_statements(
        new, placed, representatives=REPRESENTATIVES, candidates=candidates or None, copies=copies or None
    )
    fresh = sorted((k for k in result.added if k < 0), reverse=True)  # -1, -2, ... in creation order
    real: dict[int, int] = {}
    if fresh:
        made = session.execute(
            insert(Statement).returning(Statement.id, sort_by_parameter_order=True),
            [{"event_id": event_id} for _ in fresh],
        )
        real = dict(zip(fresh, made.scalars().all(), strict=True))
    existing_keys = sorted(k for k in result.added if k >= 0)
    # The next rank of each statement that gains members: one past its highest, read from the
    # (statement_id, rank) index per statement, so the cost does not grow with a statement's size (a
    # count would read every member of a much-reprinted sentence). Corrections number merged members the
    # same way.
    next_rank: dict[int, int] = {}
    if existing_keys:
        listed = ", ".join(str(int(k)) for k in existing_keys)
        next_rank = {
            statement_id: 0 if highest is None else highest + 1
            for statement_id, highest in session.execute(
                text(
                    "SELECT s.id, (SELECT MAX(m.rank) FROM statement_member m WHERE m.statement_id = s.id)"
                    f" FROM statement s WHERE s.id IN ({listed})"
                )
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
        _insert_rows(session, StatementMember, members)
    index_statements(session, event_id, indexed)
    if real:
        set_statement_speakers(session, sorted(real.values()))


def set_statement_speakers(session: Session, statement_ids: list[int]) -> None:
    """A new statement's speaker: the one most of its members name (set once, when it is made)."""
    listed = ", ".join(str(int(k)) for k in statement_ids)
    named: dict[int, list[int]] = {}
    for statement_id, speaker_id in session.execute(
        text(
            "SELECT m.statement_id, q.speaker_id FROM statement_member m"
            " JOIN quote_sentence qs ON qs.id = m.sentence_id JOIN quote q ON q.id = qs.quote_id"
            f" WHERE m.statement_id IN ({listed}) ORDER BY m.statement_id, m.rank"
        )
    ).all():
        if speaker_id is not None:
            named.setdefault(statement_id, []).append(speaker_id)
    if named:
        session.execute(
            update(Statement),
            [
                {"id": statement_id, "speaker_id": Counter(speakers).most_common(1)[0][0]}
                for statement_id, speakers in sorted(named.items())
            ],
        )


def record_near_copies(session: Session, event_id: int, article: Article) -> None:
    """Store the article's sketch, then compare it in full only with articles sharing much of it."""
    sketch = text_sketch(article.body)
    candidates: list[int] = []
    if sketch:
        needed = max(1, int(len(sketch) * SKETCH_CANDIDATE_SHARE))
        candidates = [
            other_id
            for other_id, count in _closest_holders(session, event_id, sketch)
            if count >= needed and other_id != article.id
        ]
        _insert_rows(
            session,
            ArticleSketch,
            [{"article_id": article.id or 0, "hash": value, "event_id": event_id} for value in sketch],
        )
    if not candidates:
        return
    others = session.exec(select(Article.id, Article.body).where(col(Article.id).in_(candidates))).all()
    pairs: list[dict[str, object]] = []
    for copy in near_copies(article.body, [(other_id or 0, body) for other_id, body in others]):
        if copy.share_new >= MIN_STORED_SHARE:
            pairs.append({"article_id": article.id or 0, "other_id": copy.other, "share": copy.share_new})
        if copy.share_other >= MIN_STORED_SHARE:
            pairs.append({"article_id": copy.other, "other_id": article.id or 0, "share": copy.share_other})
    if pairs:
        _insert_rows(session, ArticleSimilarity, pairs)


def _closest_holders(session: Session, event_id: int, sketch: Sequence[int]) -> list[tuple[int, int]]:
    """The MAX_COPY_CANDIDATES articles sharing most sketch values, as (article id, values shared),
    counted over the first HOLDERS_PER_SKETCH_VALUE holders of each value.

    Each value's holders are read from the (event, value, article) index and cut, so the lookup costs
    the same in an event of a thousand wire copies as in one of ten: a new copy is compared with the
    story's earliest versions, which is what the near-copy list needs."""
    rows = session.execute(
        _closest_holders_query(len(sketch)),
        {
            "event": event_id,
            "limit": HOLDERS_PER_SKETCH_VALUE,
            "top": MAX_COPY_CANDIDATES,
            **{f"h{i}": value for i, value in enumerate(sketch)},
        },
    )
    return [(article_id, shared) for article_id, shared in rows]


@lru_cache(maxsize=64)
def _closest_holders_query(count: int) -> TextClause:
    # Plain SQL, built once per sketch size: the same union as an expression tree cost more to build on
    # every add than the lookup itself.
    part = (
        "SELECT article_id FROM (SELECT article_id FROM article_sketch WHERE event_id = :event"
        " AND hash = :h{i} ORDER BY article_id LIMIT :limit) AS holders_{i}"
    )
    union = " UNION ALL ".join(part.format(i=i) for i in range(count))
    return text(
        f"SELECT article_id, COUNT(*) AS shared FROM ({union}) AS holders"
        " GROUP BY article_id ORDER BY shared DESC, article_id LIMIT :top"
    )


def _insert_rows(session: Session, model: type[SQLModel], rows: Sequence[Mapping[str, object]]) -> None:
    """Insert plain rows through the table, one executemany: the ORM's bulk path still builds a command
    per row, a fixed cost of every add (dozens of member, token and sketch rows each time)."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    session.execute(table.insert(), list(rows))


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
