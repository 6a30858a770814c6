"""The first API key of an empty database is created once, however many processes start together;
the data folder and the SQLite file are created private."""

from __future__ import annotations

import stat
import threading

import pytest

from topline.tasks import accounts
from topline.tasks.db import Database, dispose_all
from topline.tasks.models import ApiKey
from tests.support import PostgresDatabase


def _race(db: Database, n: int = 8) -> list:
    barrier = threading.Barrier(n)
    made, errors = [], []

    def start():
        barrier.wait()
        try:
            with db.session() as s:
                made.append(accounts.create_first_key(s, credits=100))
        except Exception as exc:  # noqa: BLE001 - any error is a failure of the test
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    return made


def _check_one_key(db: Database, made: list) -> None:
    keys = [k for k in made if k is not None]
    assert len(keys) == 1 and keys[0].api_key.startswith("tl_") and keys[0].credits == 100
    with db.session() as s:
        assert s.query(ApiKey).count() == 1
        assert accounts.create_first_key(s, credits=100) is None  # a later start creates none


def test_first_key_once_under_concurrency_sqlite(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'data' / 'topline.db'}")
    db.migrate()
    try:
        _check_one_key(db, _race(db))
    finally:
        dispose_all()


def test_first_key_once_under_concurrency_postgres():
    with PostgresDatabase() as pg:
        db = Database(pg.url)
        db.migrate()
        _check_one_key(db, _race(db))


def test_data_folder_and_database_file_are_private(tmp_path):
    data = tmp_path / "fresh" / "data"
    db = Database(f"sqlite:///{data / 'topline.db'}")
    try:
        db.migrate()
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
        for f in data.iterdir():  # the database and its WAL files
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    finally:
        dispose_all()


@pytest.mark.parametrize("sub", ["files", "deep/er/files"])
def test_local_store_root_is_created_private(tmp_path, sub):
    from topline.storage import LocalStorage

    store = LocalStorage(tmp_path / sub)
    store.put("tasks/t/a.txt", b"x")
    assert stat.S_IMODE((tmp_path / sub).stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / sub / "tasks" / "t" / "a.txt").stat().st_mode) == 0o600
