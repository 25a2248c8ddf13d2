"""claim groups: the same claim across documents, the buckets that find candidates, aliases by name

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'claim_groups',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('first_claim_id', sa.Integer(), nullable=True),
        sa.Column('first_seen', sa.Date(), nullable=True),
        sa.Column('claims', sa.Integer(), nullable=False),
        sa.Column('documents', sa.Integer(), nullable=False),
        sa.Column('speakers_differ', sa.Boolean(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_groups')),
    )
    op.create_table(
        'claim_buckets',
        sa.Column('bucket', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('claim_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_buckets_claim_id_claims'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('bucket', 'claim_id', name=op.f('pk_claim_buckets')),
    )
    with op.batch_alter_table('claim_buckets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_buckets_claim_id'), ['claim_id'], unique=False)
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_claims_group_id'), ['group_id'], unique=False)
    # a name a reviewer merged into a speaker is looked up by that name at every later ingest
    with op.batch_alter_table('speaker_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speaker_aliases_alias'), ['alias'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('speaker_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speaker_aliases_alias'))
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_group_id'))
        batch_op.drop_column('group_id')
    with op.batch_alter_table('claim_buckets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_buckets_claim_id'))
    op.drop_table('claim_buckets')
    op.drop_table('claim_groups')
