"""Tasks derived from a finished add-vocals task (WAV, stems, MIDI) or standing alone (lyrics).

They live in the ``tasks`` table with their own ``kind``, so they share the credit ledger,
the callback outbox (signed, ordered, logged), retention and the lease machinery. Those
that only point at files the source task already rendered are finished when accepted;
the MIDI transcription runs in a worker like an add-vocals task.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ConflictError, FilesExpiredError, NotFoundError, ToplineError
from . import accounts
from .lifecycle import FAILED, _queue
from .models import Persona, Task, now

log = logging.getLogger(__name__)

ADD_VOCALS = "add_vocals"
WAV, VOCAL_REMOVAL, MIDI, LYRICS = "wav", "vocal_removal", "midi", "lyrics"
KINDS = (WAV, VOCAL_REMOVAL, MIDI, LYRICS)

# Credits each request costs (add-vocals costs ``Settings.credits_per_task``).
COSTS = {WAV: 1, "separate_vocal": 1, "split_stem": 2, MIDI: 2, LYRICS: 1}

# The record-info endpoint of each kind, for the message when a taskId is asked at the wrong one.
RECORD_INFO = {ADD_VOCALS: "/api/v1/generate/record-info", WAV: "/api/v1/wav/record-info",
               VOCAL_REMOVAL: "/api/v1/vocal-removal/record-info", MIDI: "/api/v1/midi/record-info",
               LYRICS: "/api/v1/lyrics/record-info"}


def kind_of(task: Task) -> str:
    return task.kind or ADD_VOCALS


def own_task(s: Session, account_id: int, task_id: str, *, kind: str) -> Task:
    """The caller's task of ``kind``; another key's task is as unknown as a missing one."""
    task = s.get(Task, task_id)
    if task is None or task.account_id != account_id:
        raise NotFoundError(f"No task {task_id!r} for this API key: check the taskId.")
    if kind_of(task) != kind:
        raise NotFoundError(f"Task {task_id!r} is a {kind_of(task)} task, not a {kind} task: "
                            f"ask {RECORD_INFO[kind_of(task)]} about it.")
    return task


def task_of_track(s: Session, account_id: int, audio_id: str) -> str:
    """The add-vocals task of this key that holds track ``audio_id`` (404 when none does)."""
    like = audio_id.replace("\\", "").replace("%", "").replace("_", "\\_")
    for tid, tracks in s.execute(select(Task.id, Task.tracks).where(
            Task.account_id == account_id, Task.kind == ADD_VOCALS,
            Task.tracks.like(f'%"{like}"%', escape="\\"))).all():
        if any(t["audioId"] == audio_id for t in json.loads(tracks or "[]")):
            return tid
    raise NotFoundError(f"No track {audio_id!r} for this API key: check the audioId "
                        "(response.sunoData[].id of record-info).")


def source_track(s: Session, account_id: int, task_id: str | None, audio_id: str | None) -> tuple[Task, int, dict]:
    """The finished track (index, stored track) of an add-vocals task this key owns.

    ``audio_id`` None takes the first track; ``task_id`` None finds the task holding
    ``audio_id``. Raises 404 (unknown task or track, or another key's task), 409 (failed,
    or the track is not rendered yet) or 410 (files expired).
    """
    if not task_id:
        task_id = task_of_track(s, account_id, audio_id or "")
    task = s.get(Task, task_id)
    if task is None or task.account_id != account_id:
        raise NotFoundError(f"No task {task_id!r} for this API key: check the taskId.")
    if kind_of(task) != ADD_VOCALS:
        raise NotFoundError(f"Task {task_id!r} is a {kind_of(task)} task: give the taskId of an add-vocals task.")
    if task.files_expired:
        raise FilesExpiredError(f"The files of task {task_id} expired and were deleted by the retention sweep; "
                                "generate the track again.")
    if task.status in FAILED:
        raise ConflictError(f"Task {task_id} failed ({task.status}): it has no track to work from.")
    tracks = json.loads(task.tracks) if task.tracks else []
    if audio_id:
        for i, t in enumerate(tracks):
            if t["audioId"] == audio_id:
                return task, i, t
        if task.status != "SUCCESS":
            raise ConflictError(f"Track {audio_id!r} of task {task_id} is not finished yet ({task.status}); "
                                "try again once record-info says SUCCESS.")
        raise NotFoundError(f"Task {task_id} has no track {audio_id!r}: use an id from its record-info "
                            "(response.sunoData[].id).")
    if not tracks:
        raise ConflictError(f"Task {task_id} has no finished track yet ({task.status}); try again once "
                            "record-info says SUCCESS.")
    return task, 0, tracks[0]


def existing(s: Session, account_id: int, kind: str, source_task_id: str | None, same: dict[str, Any]) -> Task | None:
    """A live task of ``kind`` this key already made from the same source with the same ``same``
    request fields: asking twice returns it again, and charges once."""
    if source_task_id is None:
        return None
    rows = s.execute(select(Task).where(Task.account_id == account_id, Task.kind == kind,
                                        Task.source_task_id == source_task_id, Task.files_expired.is_(False))
                     .order_by(Task.created_at)).scalars().all()
    for t in rows:
        p = json.loads(t.param)
        if t.status not in FAILED and all(p.get(k) == v for k, v in same.items()):
            return t
    return None


def accept(s: Session, *, account_id: int, task_id: str, kind: str, param: dict[str, Any], callback_url: str,
           cost: int, source_task_id: str | None = None, result: dict[str, Any] | None = None,
           callback: Callable[[Task], dict[str, Any]] | None = None) -> Task:
    """Record and charge a derived task: finished at once when ``result`` is given (its
    ``callback`` queued in the same transaction), else pending for a worker."""
    if cost:
        accounts.charge(s, account_id, task_id, cost)
    t = now()
    task = Task(id=task_id, account_id=account_id, kind=kind, status="PENDING" if result is None else "SUCCESS",
                param=json.dumps(param), seed=0, audio_key="", callback_url=callback_url,
                source_task_id=source_task_id, result=None if result is None else json.dumps(result),
                created_at=t, updated_at=t, finished_at=None if result is None else t)
    s.add(task)
    s.flush()
    if result is not None and callback is not None:
        _queue(s, task, "complete", 3, callback(task))
    return task


def finish(s: Session, task_id: str, result: dict[str, Any], callback) -> Task:
    """A worker finished a pending derived task: store the result and queue its callback.
    ``callback(task)`` builds the body from the updated row."""
    task = s.get(Task, task_id, with_for_update=True)
    if task is None:
        raise LookupError(task_id)
    if task.status != "PENDING":
        return task
    task.result = json.dumps(result)
    task.status = "SUCCESS"
    task.finished_at = task.updated_at = now()
    task.lease_until = None
    _queue(s, task, "complete", 3, callback(task))
    return task


def fail(s: Session, task_id: str, error: BaseException, *, status: str, callback) -> Task:
    """A derived task failed in its worker: refund it, record why, queue the error callback."""
    task = s.get(Task, task_id, with_for_update=True)
    if task is None:
        raise LookupError(task_id)
    if task.status != "PENDING":
        return task
    if isinstance(error, ToplineError):
        message = error.message
    else:
        message = "The task failed because of an unexpected internal error; your credits were refunded."
    refunded = accounts.refund(s, task.account_id, task.id)
    task.status = status
    task.error_code = 531 if refunded else 501
    task.error_message = message
    task.finished_at = task.updated_at = now()
    task.lease_until = None
    _queue(s, task, "error", 9, callback(task))
    return task


def source_expired(s: Session, task: Task) -> bool:
    """A derived task's files are gone when its own or its source's were swept."""
    if task.files_expired:
        return True
    if task.source_task_id:
        src = s.get(Task, task.source_task_id)
        return src is None or bool(src.files_expired)
    return False


def persona_singer(s: Session, account_id: int, persona_id: str) -> dict[str, Any]:
    """The singer (JSON) of one of this key's personas."""
    p = s.get(Persona, persona_id)
    if p is None or p.account_id != account_id:
        raise NotFoundError(f"No persona {persona_id!r} for this API key: create one with "
                            "/api/v1/generate/generate-persona and pass its personaId.")
    return json.loads(p.singer)


def save_persona(s: Session, *, account_id: int, source_task_id: str, audio_id: str, name: str, description: str,
                 style: str, singer: dict[str, Any]) -> Persona:
    """A new persona, or (as upstream does) the track's existing one with the new name, description
    and style: one persona per track."""
    import uuid

    p = s.execute(select(Persona).where(Persona.account_id == account_id, Persona.source_task_id == source_task_id,
                                        Persona.audio_id == audio_id)).scalar_one_or_none()
    if p is None:
        p = Persona(id=uuid.uuid4().hex, account_id=account_id, source_task_id=source_task_id, audio_id=audio_id,
                    singer=json.dumps(singer), created_at=now())
        s.add(p)
    p.name, p.description, p.style = name, description, style
    s.flush()
    return p
