"""speaker keys: one speaker for transliterated variants of a name

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

from claimtrack.identity import speaker_key

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key', sa.String(length=500), nullable=True))
    speakers = sa.table('speakers', sa.column('id', sa.Integer), sa.column('name', sa.String),
                        sa.column('key', sa.String))
    connection = op.get_bind()
    for speaker_id, name in connection.execute(sa.select(speakers.c.id, speakers.c.name)).all():
        connection.execute(speakers.update().where(speakers.c.id == speaker_id).values(key=speaker_key(name)))
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.alter_column('key', existing_type=sa.String(length=500), nullable=False)
        batch_op.create_index(batch_op.f('ix_speakers_key'), ['key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speakers_key'))
        batch_op.drop_column('key')
