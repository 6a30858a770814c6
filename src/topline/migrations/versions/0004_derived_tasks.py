"""derived tasks (wav, vocal removal, midi, lyrics) and personas

Revision ID: 0004_derived_tasks
Revises: 0003_task_spec
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_derived_tasks'
down_revision = '0003_task_spec'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), server_default='add_vocals', nullable=False))
        batch_op.add_column(sa.Column('source_task_id', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('result', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_tasks_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_tasks_source_task_id'), ['source_task_id'], unique=False)
    op.create_table('personas',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('source_task_id', sa.String(length=32), nullable=False),
    sa.Column('audio_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('style', sa.String(length=1000), nullable=False),
    sa.Column('singer', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('personas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_personas_account_id'), ['account_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('personas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_personas_account_id'))
    op.drop_table('personas')
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tasks_source_task_id'))
        batch_op.drop_index(batch_op.f('ix_tasks_kind'))
        batch_op.drop_column('result')
        batch_op.drop_column('source_task_id')
        batch_op.drop_column('kind')
