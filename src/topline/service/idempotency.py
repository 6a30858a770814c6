"""``Idempotency-Key`` on add-vocals: a client that retries a submit (a timeout, a lost answer)
gets the task its first submit created, and is charged once.

The same key with the same request within :data:`WINDOW_S` answers the first task's id; the same
key with a different request is a 409. Keys are per account and kept in the database, so every
API process sees them; the unique (account, key) row also settles two submits racing each other.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ConflictError, ValidationError
from ..tasks.models import IdempotencyKey, now

WINDOW_S = 24 * 3600.0
HEADER = "Idempotency-Key"
_VALID = re.compile(r"[\x21-\x7e]{1,255}")  # visible ASCII, as header values carry it


def parse_header(value: str | None) -> str | None:
    """The key from the header, or None when absent; 422 when it is not 1-255 visible ASCII characters."""
    if value is None:
        return None
    key = value.strip()
    if not _VALID.fullmatch(key):
        raise ValidationError(f"{HEADER} must be 1 to 255 visible ASCII characters (a UUID, for example).",
                              field=HEADER)
    return key


def digest(param: dict[str, Any]) -> str:
    """The request's fingerprint: SHA-256 of its validated fields as canonical JSON."""
    return hashlib.sha256(json.dumps(param, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def first_task(s: Session, *, account_id: int, key: str, request_sha256: str) -> str | None:
    """The task an earlier submit with this key created (None if none within the window).

    Raises
    ------
    ConflictError
        The key was used with a different request within the window.
    """
    row = s.execute(select(IdempotencyKey).where(IdempotencyKey.account_id == account_id,
                                                 IdempotencyKey.key == key)).scalar_one_or_none()
    if row is None:
        return None
    if row.created_at < now() - WINDOW_S:
        s.delete(row)  # expired: the key may start over
        s.flush()
        return None
    if row.request_sha256 != request_sha256:
        raise ConflictError(f"{HEADER} {key!r} was already used with a different request in the last 24 hours "
                            f"(task {row.task_id}); send a new key for a new request.")
    return row.task_id


def remember(s: Session, *, account_id: int, key: str, request_sha256: str, task_id: str) -> None:
    """Record the key with the task it created, in the caller's transaction (the one that charges)."""
    s.add(IdempotencyKey(account_id=account_id, key=key, request_sha256=request_sha256, task_id=task_id))
    s.flush()


