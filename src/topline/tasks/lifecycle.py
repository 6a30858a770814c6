"""A task's life in the database: accepted, stages recorded, failed, claimed by a worker.

Every change that announces something (a stage, a failure) writes the task row and
queues the callback in the outbox in the same transaction, so what ``record-info``
says and what callbacks say can never disagree.  The callback's shape is the API's
business: the caller passes ``callback_body`` (the service's ``Payloads.callback_body``).
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any, Callable

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..errors import SensitiveWordError, SpecMissingError, ToplineError
from ..pipeline import TaskSpec, TrackResult
from . import accounts
from .models import Account, Delivery, Task, now

log = logging.getLogger(__name__)

# Stage -> (status it moves the task to, delivery order)
STAGES = {"text": ("TEXT_SUCCESS", 1), "first": ("FIRST_SUCCESS", 2), "complete": ("SUCCESS", 3)}
_ORDER = ["PENDING", "TEXT_SUCCESS", "FIRST_SUCCESS", "SUCCESS"]
RUNNABLE = ("PENDING", "TEXT_SUCCESS", "FIRST_SUCCESS")
FAILED = ("CREATE_TASK_FAILED", "GENERATE_AUDIO_FAILED", "SENSITIVE_WORD_ERROR")
MAX_ATTEMPTS = 3  # a task that crashed its worker this many times fails (and is refunded)


CallbackBody = Callable[[Task, str], dict[str, Any]]  # (task row, stage) -> the body POSTed for it


def accept(s: Session, *, account: Account, spec: TaskSpec, param: dict[str, Any], callback_url: str,
           cost: int) -> Task:
    """Record a new task and charge for it, in the caller's transaction.

    ``spec`` is the resolved task the workers will run (stored as is); ``param`` is the request as
    received, kept only to be shown back (record-info's ``param``).
    """
    accounts.charge(s, account.id, spec.task_id, cost)
    task = Task(id=spec.task_id, account_id=account.id, status="PENDING", param=json.dumps(param),
                spec=json.dumps(spec.to_json()), seed=spec.seed, audio_key=spec.audio_key,
                callback_url=callback_url)
    s.add(task)
    s.flush()
    return task


def spec_for(task: Task, *, resolve_stored_request: Callable[[Task], TaskSpec | None] | None = None) -> TaskSpec:
    """A stored task as the pipeline runs it: the spec resolved at accept (so resumes match).

    A row an older version stored with only its request is resolved once by ``resolve_stored_request``
    (the service's) and the spec kept on the row, in the caller's transaction.
    """
    if not task.spec and resolve_stored_request is not None:
        spec = resolve_stored_request(task)
        if spec is not None:
            task.spec = json.dumps(spec.to_json())
    if not task.spec:
        raise SpecMissingError("Generation failed: this task was accepted by an older version of Topline and its "
                          "request could not be resolved; your credits were refunded. Submit it again.")
    return TaskSpec.from_json(json.loads(task.spec))


def tracks_of(task: Task) -> list[dict[str, Any]]:
    """The finished variants of a task (``TrackResult.to_json`` each)."""
    return json.loads(task.tracks) if task.tracks else []


def _queue(s: Session, task: Task, stage: str, seq: int, body: dict) -> None:
    try:
        with s.begin_nested():
            s.add(Delivery(id=uuid.uuid4().hex, task_id=task.id, account_id=task.account_id, stage=stage,
                           seq=seq, url=task.callback_url, body=json.dumps(body)))
            s.flush()
    except IntegrityError:
        pass  # this stage was queued before (a resumed task re-announces it): send it once


def record_stage(s: Session, task_id: str, stage: str, *, callback_body: CallbackBody, lyrics: str | None = None,
                 tracks: list[TrackResult] | None = None) -> Task:
    """Move a task forward to ``stage`` and queue that stage's callback (once)."""
    status, seq = STAGES[stage]
    task = s.get(Task, task_id, with_for_update=True)
    if task is None:
        raise LookupError(task_id)
    if task.status in FAILED:
        return task
    if lyrics is not None:
        task.lyrics = lyrics
    if tracks is not None:
        task.tracks = json.dumps([t.to_json() for t in tracks])
    if _ORDER.index(status) > _ORDER.index(task.status):
        task.status = status
    task.updated_at = now()
    if stage == "complete":
        task.finished_at = task.finished_at or now()
        task.lease_until = None
    _queue(s, task, stage, seq, callback_body(task, stage))
    return task


def fail(s: Session, task_id: str, error: BaseException, *, callback_body: CallbackBody) -> Task:
    """Mark a task failed with a precise reason, refund it and queue the error callback."""
    task = s.get(Task, task_id, with_for_update=True)
    if task is None:
        raise LookupError(task_id)
    if task.status in FAILED or task.status == "SUCCESS":
        return task
    if isinstance(error, ToplineError):
        message = error.message
        code = error.callback_code
    else:
        message = "Generation failed because of an unexpected internal error; your credits were refunded."
        code = 501
    if isinstance(error, SensitiveWordError):
        task.status = "SENSITIVE_WORD_ERROR"
    else:
        task.status = "GENERATE_AUDIO_FAILED"
    refunded = accounts.refund(s, task.account_id, task.id)
    if refunded and code not in (400,):
        code = 531  # kie: "failed, credits refunded"
    task.error_code = code
    task.error_message = message
    task.finished_at = now()
    task.lease_until = None
    task.updated_at = now()
    _queue(s, task, "error", 9, callback_body(task, "error"))
    return task


def _lease_free(t: float):
    return or_(Task.lease_until.is_(None), Task.lease_until < t)


def claim(s: Session, task_id: str | None, *, lease_s: float) -> Task | None:
    """Take the lease on a runnable task (``task_id``, or the oldest waiting one); None if taken."""
    t = now()
    free = _lease_free(t)
    if task_id is None:
        task_id = s.execute(
            select(Task.id).where(Task.status.in_(RUNNABLE), free).order_by(Task.created_at).limit(1)
        ).scalar_one_or_none()
        if task_id is None:
            return None
    res = s.execute(
        update(Task).where(Task.id == task_id, Task.status.in_(RUNNABLE), free)
        .values(lease_until=t + lease_s, attempts=Task.attempts + 1, updated_at=t)
    )
    if res.rowcount != 1:
        return None
    task = s.get(Task, task_id)
    if task is not None and task.queue_s is None:
        task.queue_s = t - task.created_at
    return task


def is_runnable(s: Session, task_id: str) -> bool:
    """The task still has work to do (whoever holds its lease)."""
    return s.execute(select(Task.id).where(Task.id == task_id, Task.status.in_(RUNNABLE))).first() is not None


def touch_stalled(s: Session, *, idle_s: float) -> list[str]:
    """Runnable tasks nobody holds and nobody touched for ``idle_s``; marks them touched now, so a
    caller that re-queues them does not queue them again on its next pass."""
    t = now()
    ids = list(s.execute(select(Task.id).where(
        Task.status.in_(RUNNABLE), _lease_free(t), Task.updated_at < t - idle_s)).scalars())
    if ids:
        s.execute(update(Task).where(Task.id.in_(ids)).values(updated_at=t))
    return ids


def renew(s: Session, task_id: str, *, lease_s: float) -> None:
    s.execute(update(Task).where(Task.id == task_id, Task.status.in_(RUNNABLE)).values(lease_until=now() + lease_s))


def release(s: Session, task_id: str) -> None:
    s.execute(update(Task).where(Task.id == task_id).values(lease_until=None))
