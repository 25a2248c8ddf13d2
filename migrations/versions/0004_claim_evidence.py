"""claim evidence: the rule that decided each attribution, the key of the confidence calibration

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evidence', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_claims_confidence'), ['confidence'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_confidence'))
        batch_op.drop_column('evidence')
