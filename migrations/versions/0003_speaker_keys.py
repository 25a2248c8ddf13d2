"""speaker keys: one speaker for transliterated variants of a name

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


# Frozen here as claimtrack.identity.speaker_key was when this migration was written: a migration
# that called live code would change meaning whenever that code changes.
_LEADING = re.compile(r"^(?:le|la|les|l['’]|m\.|mme|mr|dr|me)\s*", re.IGNORECASE)
_PARTICLE = re.compile(r"\b(?:al|el|ad|as|ash)-")


def speaker_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.lower().replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    previous = None
    while previous != text:  # "M. le ministre" loses both
        previous, text = text, _LEADING.sub("", text.strip())
    text = _PARTICLE.sub("", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"([a-z])\1+", r"\1", text)  # doubled letters vary across transliterations
    return " ".join(text.split())


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
