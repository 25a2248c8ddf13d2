"""confidence order index: `claims --sort confidence --limit 50` reads 50 index entries

The claims are listed least sure first and, among equal confidences, in document order; an
index on confidence alone left SQLite to sort every claim.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_confidence'))
        batch_op.create_index('ix_claims_confidence_order', ['confidence', 'document_id', 'start'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_confidence_order')
        batch_op.create_index(batch_op.f('ix_claims_confidence'), ['confidence'], unique=False)
