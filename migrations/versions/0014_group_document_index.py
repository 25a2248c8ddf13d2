"""group-document index: a group that gains claims is updated without rereading its members

Grouping recounted every group it touched from all its members. An article repeating one
quotation in every paragraph, stored in pieces, made each piece reread a group as long as the
article so far (claimtrack.provenance.grouping). A group that only gains claims is now updated
from its stored figures; whether a new member's document was already in the group is one
look-up of at most a few rows through this index on (group_id, document_id), which also serves
every look-up by group alone, so it replaces the index on group_id.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_group_document', ['group_id', 'document_id'], unique=False)
        batch_op.drop_index('ix_claims_group_id')


def downgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_group_id', ['group_id'], unique=False)
        batch_op.drop_index('ix_claims_group_document')
