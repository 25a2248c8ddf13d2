"""claim search folds case and accents: a folded copy of each claim's text, indexed

`--search etats-unis` found 2 claims where `--search États-Unis` found 18: neither SQLite's
trigram tokenizer (at the versions we meet) nor PostgreSQL without `unaccent` folds accents. Each
claim gains `text_folded`, its text case-folded with accents and ligatures undone (the function
is frozen below, as claimtrack.folding.fold_for_search was when this migration was written), and
the trigram indexes of migration 0007 move onto it: the FTS5 table and its triggers on SQLite,
the pg_trgm GIN index on PostgreSQL (skipped, as in 0007, when the server refuses pg_trgm).

On SQLite the whole migration is one transaction (env.py), so an interrupted upgrade leaves
the store at 0011.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_LETTERS = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
                          "’": "'", "ʼ": "'", "‘": "'"})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _index_statements(column: str) -> list[str]:
    return [
        f"CREATE VIRTUAL TABLE claims_fts USING fts5({column}, content='claims', content_rowid='id',"
        " tokenize='trigram')",
        f"CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
        f"INSERT INTO claims_fts(rowid, {column}) VALUES (new.id, new.{column}); END",
        f"CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN "
        f"INSERT INTO claims_fts(claims_fts, rowid, {column}) VALUES ('delete', old.id, old.{column}); END",
        f"CREATE TRIGGER claims_fts_update AFTER UPDATE OF {column} ON claims BEGIN "
        f"INSERT INTO claims_fts(claims_fts, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
        f"INSERT INTO claims_fts(rowid, {column}) VALUES (new.id, new.{column}); END",
        "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
    ]


_DROP_INDEX = ["DROP TRIGGER IF EXISTS claims_fts_update", "DROP TRIGGER IF EXISTS claims_fts_delete",
               "DROP TRIGGER IF EXISTS claims_fts_insert", "DROP TABLE IF EXISTS claims_fts"]

CHUNK = 5000


def _fill_folded_copies(bind) -> None:
    """Every stored claim's folded text, a chunk of ids at a time (memory stays flat on a large store)."""
    last = 0
    while True:
        rows = bind.execute(sa.text("SELECT id, text FROM claims WHERE id > :last ORDER BY id LIMIT :n"),
                            {"last": last, "n": CHUNK}).all()
        if not rows:
            return
        bind.execute(sa.text("UPDATE claims SET text_folded = :folded WHERE id = :id"),
                     [{"id": claim_id, "folded": _fold(text or "")} for claim_id, text in rows])
        last = rows[-1][0]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in _DROP_INDEX:  # the old index follows `text`; its triggers would fire on every update
            op.execute(statement)
    op.add_column('claims', sa.Column('text_folded', sa.Text(), nullable=True))
    _fill_folded_copies(bind)
    if bind.dialect.name == "sqlite":
        for statement in _index_statements("text_folded"):
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_claims_text_trgm")
        savepoint = bind.begin_nested()
        try:
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            bind.exec_driver_sql("CREATE INDEX ix_claims_text_folded_trgm ON claims USING gin "
                                 "(text_folded gin_trgm_ops)")
            savepoint.commit()
        except Exception:  # no right to create the extension: searches scan, as before 0007
            savepoint.rollback()


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in _DROP_INDEX:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_claims_text_folded_trgm")
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_column('text_folded')
    if bind.dialect.name == "sqlite":
        for statement in _index_statements("text"):
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        savepoint = bind.begin_nested()
        try:
            bind.exec_driver_sql("CREATE INDEX ix_claims_text_trgm ON claims USING gin (text gin_trgm_ops)")
            savepoint.commit()
        except Exception:
            savepoint.rollback()
