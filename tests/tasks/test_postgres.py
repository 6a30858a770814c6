"""The same migrations and lifecycle on PostgreSQL."""

from __future__ import annotations

import threading

from sqlalchemy import inspect

from topline.tasks import accounts, lifecycle
from topline.tasks.db import Database
from topline.tasks.models import Account, Task
from tests.support import PostgresDatabase
from tests.tasks.specs import BODY, spec


def test_migrations_and_concurrent_claims_on_postgres():
    with PostgresDatabase() as pg:
        db = Database(pg.url)
        threads = [threading.Thread(target=db.migrate) for _ in range(3)]  # several processes start together
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        tables = set(inspect(db.engine).get_table_names())
        assert {"accounts", "api_keys", "ledger", "tasks", "deliveries", "delivery_attempts", "uploads",
                "alembic_version"} <= tables
        with db.session() as s:
            key = accounts.create_key(s, credits=24)
            for i in range(2):
                lifecycle.accept(s, account=s.get(Account, key.account_id), spec=spec(f"t{i}", seed=i), param={},
                                 callback_url="http://cb", cost=12)
        claimed: list[str] = []
        lock = threading.Lock()

        def grab():
            with db.session() as s:
                t = lifecycle.claim(s, None, lease_s=30)
                if t is not None:
                    with lock:
                        claimed.append(t.id)

        workers = [threading.Thread(target=grab) for _ in range(6)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        assert len(claimed) == len(set(claimed)) and len(claimed) <= 2
        with db.session() as s:
            assert s.get(Account, key.account_id).credits == 0
            lifecycle.fail(s, "t0", RuntimeError("x"), callback_body=BODY)
            lifecycle.fail(s, "t0", RuntimeError("x"), callback_body=BODY)
        with db.session() as s:
            assert s.get(Account, key.account_id).credits == 12
            assert s.get(Task, "t0").status == "GENERATE_AUDIO_FAILED"
