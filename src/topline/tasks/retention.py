"""The retention sweep: generated files are deleted after ``file_retention_days``, uploads
after ``upload_retention_days``. The task rows stay, so record-info still answers and says
the files expired.
"""

from __future__ import annotations

import logging

from sqlalchemy import delete, select

from .. import storage_keys
from .context import Context
from .models import IdempotencyKey, Task, Upload, now

log = logging.getLogger(__name__)
DAY = 86400.0


def sweep(ctx: Context, *, at: float | None = None) -> dict[str, int]:
    """Delete what has expired as of ``at`` (default now); returns counts."""
    t = now() if at is None else at
    st = ctx.settings
    tasks = uploads = 0
    with ctx.db.session() as s:
        old = s.execute(select(Task.id).where(
            Task.files_expired.is_(False), Task.finished_at.is_not(None),
            Task.created_at < t - st.file_retention_days * DAY)).scalars().all()
    for task_id in old:
        ctx.store.delete_prefix(storage_keys.task_prefix(task_id))
        with ctx.db.session() as s:
            s.get(Task, task_id).files_expired = True
        tasks += 1
    with ctx.db.session() as s:
        expired = s.execute(select(Upload.id, Upload.key).where(
            Upload.deleted.is_(False), Upload.expires_at < t)).all()
    for upload_id, key in expired:
        ctx.store.delete(key)
        with ctx.db.session() as s:
            s.get(Upload, upload_id).deleted = True
        uploads += 1
    with ctx.db.session() as s:  # Idempotency-Key rows outlive their 24 h window by one sweep at most
        s.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < t - DAY))
    if tasks or uploads:
        log.info("retention sweep: %d tasks' files and %d uploads deleted", tasks, uploads)
    return {"tasks": tasks, "uploads": uploads}
