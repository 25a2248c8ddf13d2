"""claim text search: an FTS5 trigram index on SQLite, a pg_trgm index on PostgreSQL

`claims --search TEXT` finds claims containing TEXT anywhere: a trigram index answers that
without reading every claim. On SQLite the index is an external-content FTS5 table kept in step
with `claims` by triggers (a later migration that recreates `claims` must create them again);
on PostgreSQL a GIN index with pg_trgm serves ILIKE '%…%' (skipped, and searches scan, when
the server refuses to create the extension).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS claims_fts_update", "DROP TRIGGER IF EXISTS claims_fts_delete",
               "DROP TRIGGER IF EXISTS claims_fts_insert", "DROP TABLE IF EXISTS claims_fts"]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        savepoint = bind.begin_nested()
        try:
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            bind.exec_driver_sql("CREATE INDEX ix_claims_text_trgm ON claims USING gin (text gin_trgm_ops)")
            savepoint.commit()
        except Exception:  # no right to create the extension: searches scan, as before
            savepoint.rollback()


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_claims_text_trgm")
