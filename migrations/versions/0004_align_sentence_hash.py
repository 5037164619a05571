"""sentence text hash and a sketch index with the article id: one-lookup candidates for statements and
near copies, whatever the event's size

Revision ID: 0004_align
Revises: 0003_source
Create Date: 2026-12-02 02:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_align"
down_revision: str | None = "0003_source"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("quote_sentence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text_hash", sa.BigInteger(), nullable=True))
        batch_op.create_index("ix_quote_sentence_event_text_hash", ["event_id", "text_hash"], unique=False)
    with op.batch_alter_table("article_sketch", schema=None) as batch_op:
        batch_op.drop_index("ix_article_sketch_event_hash")
        batch_op.create_index(
            "ix_article_sketch_event_hash_article", ["event_id", "hash", "article_id"], unique=False
        )
    _hash_existing()


def _hash_existing() -> None:
    from app.core.align import text_key

    connection = op.get_bind()
    table = sa.table("quote_sentence", sa.column("id"), sa.column("text"), sa.column("text_hash"))
    rows = connection.execute(sa.select(table.c.id, table.c.text)).all()
    for sentence_id, text in rows:
        connection.execute(table.update().where(table.c.id == sentence_id).values(text_hash=text_key(text)))


def downgrade() -> None:
    with op.batch_alter_table("article_sketch", schema=None) as batch_op:
        batch_op.drop_index("ix_article_sketch_event_hash_article")
        batch_op.create_index("ix_article_sketch_event_hash", ["event_id", "hash"], unique=False)
    with op.batch_alter_table("quote_sentence", schema=None) as batch_op:
        batch_op.drop_index("ix_quote_sentence_event_text_hash")
        batch_op.drop_column("text_hash")
