"""Alembic environment: the URL comes from the caller (topline.tasks.migrate), never from a file."""

from alembic import context
from sqlalchemy import pool

from topline.tasks.db import engine_for
from topline.tasks.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url")


def run_offline() -> None:
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    with engine_for(url).connect() as conn:
        if conn.dialect.name == "postgresql":
            # API processes and workers may start together: one migrates, the others wait.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7426151)")
        # batch mode lets later migrations alter tables on SQLite too
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        conn.commit()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
