"""tasks.spec: the resolved task spec the workers run

Revision ID: 0003_task_spec
Revises: 0002_idempotency_keys

Tasks accepted before this revision stored only the request as received (``param``) and
the seed; each worker run parsed the request again.  This adds the ``spec`` column and
resolves every existing row's request into it, once, with the seed the row already has,
so old tasks (finished or still waiting) read the same way as new ones.  A row whose
request cannot be resolved keeps ``spec`` NULL; if it is still waiting, the worker fails
it with a clear message and refunds it.  (Rows that API processes of the older version write after
this migration, during a rolling upgrade, are resolved the same way by the worker that claims them.)
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_task_spec'
down_revision = '0002_idempotency_keys'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('spec', sa.Text(), nullable=True))
    _resolve_existing(op.get_bind())


def _resolve_existing(conn) -> None:
    import json

    tasks = sa.table('tasks', sa.column('id', sa.String), sa.column('param', sa.Text), sa.column('seed', sa.BigInteger),
                     sa.column('audio_key', sa.String), sa.column('spec', sa.Text))
    rows = conn.execute(sa.select(tasks.c.id, tasks.c.param, tasks.c.seed, tasks.c.audio_key)
                        .where(tasks.c.spec.is_(None))).all()
    if not rows:
        return
    from topline.service.spec import spec_of_stored_request

    for task_id, param, seed, audio_key in rows:
        spec = spec_of_stored_request(task_id, param, seed=seed, audio_key=audio_key)
        if spec is None:
            continue
        conn.execute(sa.update(tasks).where(tasks.c.id == task_id).values(spec=json.dumps(spec.to_json())))


def downgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_column('spec')
