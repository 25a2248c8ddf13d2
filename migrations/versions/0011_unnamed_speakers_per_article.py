"""unnamed speakers per article: a speaker is unique by name, type and key

An unnamed source ("des sources", "on", "un témoin") is its article's own: two articles'
"des sources" are two sources. Their keys carry the article (claimtrack.identity.speaker_for's
scope), so the uniqueness that keeps concurrent ingests from storing a speaker twice moves from
(name, type) to (name, type, key). Every store that met the old constraint meets the new one.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.drop_constraint('uq_speakers_name_type', type_='unique')
        batch_op.create_unique_constraint('uq_speakers_name_type_key', ['name', 'type', 'key'])


def downgrade() -> None:
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.drop_constraint('uq_speakers_name_type_key', type_='unique')
        batch_op.create_unique_constraint('uq_speakers_name_type', ['name', 'type'])
