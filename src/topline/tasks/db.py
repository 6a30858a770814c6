"""Engine and sessions for the task database (SQLite in WAL mode by default, PostgreSQL at scale)."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..storage import private_dir

_lock = threading.Lock()
_engines: dict[str, Engine] = {}


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the API read while a worker writes; busy_timeout waits out a writer instead of failing.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _private_sqlite_file(path: Path) -> None:
    """The data folder (0700) and an empty database file (0600) readable by the owner only; SQLite
    gives its WAL and shared-memory files the database file's permissions."""
    private_dir(path.parent)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass


def engine_for(url: str) -> Engine:
    """One shared engine per database URL (pools are per process)."""
    with _lock:
        eng = _engines.get(url)
        if eng is None:
            if url.startswith("sqlite"):
                path = url.split("///", 1)[-1]
                if path and path != ":memory:":
                    _private_sqlite_file(Path(path))
                eng = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
                event.listen(eng, "connect", _sqlite_pragmas)
            else:
                eng = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)
            _engines[url] = eng
        return eng


def dispose_all() -> None:
    """Close every pooled connection (after fork, and in tests)."""
    with _lock:
        for eng in _engines.values():
            eng.dispose()
        _engines.clear()


class Database:
    """Sessions on one database."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = engine_for(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed on success, rolled back on any error."""
        s = self._factory()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision."""
        from .migrate import upgrade

        upgrade(self.url)
