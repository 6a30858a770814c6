"""add-vocals, record-info, record-list, timestamped lyrics, callback log, credits."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ... import storage_keys
from ...errors import NotFoundError
from ...music.persona import Singer, with_singer
from ...tasks import accounts, callbacks, extras, lifecycle
from ...tasks.models import Account, Task
from .. import idempotency, intake, metrics
from ..deps import CurrentAccount, State, not_in_maintenance
from ..envelope import ok
from ..lyrics_view import timestamped_lyrics
from ..payloads import delivery_log
from ..schemas import AddVocalsRequest, TimestampedLyricsRequest
from ..spec import task_spec

router = APIRouter(prefix="/api/v1")


@router.post("/generate/add-vocals", dependencies=[Depends(not_in_maintenance)])
def add_vocals(body: AddVocalsRequest, account: CurrentAccount, state: State,
               idempotency_key: Annotated[str | None, Header(
                   alias=idempotency.HEADER, description="Optional: the same key and request within 24 h "
                   "answer the first task (charged once); the same key with another request is a 409.")] = None,
               ) -> dict:
    """Accept a task: fetch and check the instrumental, charge, queue. Returns ``{"taskId"}``."""
    ctx = state.ctx
    param = body.model_dump(exclude_none=True)
    idem_key = idempotency.parse_header(idempotency_key)
    request_sha = idempotency.digest(param)
    if idem_key is not None:
        with ctx.db.session() as s:
            first = idempotency.first_task(s, account_id=account.id, key=idem_key, request_sha256=request_sha)
        if first is not None:
            return ok({"taskId": first})
    task_id = uuid.uuid4().hex
    intake.check_prompt(body.prompt)  # lyrics with nothing to sing: 422, not a failed task
    intake.check_callback_url(body.callBackUrl, ctx)  # a callback that could never arrive: 422
    with ctx.db.session() as s:  # fail fast on credits (and an unknown persona) before downloading anything
        singer = extras.persona_singer(s, account.id, body.personaId) if body.personaId else None
        accounts.require_credits(s, account.id, ctx.settings.credits_per_task)
    data, fmt = intake.obtain(body.uploadUrl, ctx, field="uploadUrl")
    intake.check_audio(data, ctx)
    # The one resolution of the request: seed (drawn here when the request has none), gender, register,
    # style profile with the negative tags applied. The task row stores it; workers run it as is.
    spec = task_spec(body, task_id=task_id, audio_key=storage_keys.task_input(task_id, fmt))
    if singer is not None:  # Topline: sung by a persona (its gender, voice, register and vocal style)
        spec = dataclasses.replace(spec, controls=with_singer(spec.controls, Singer.from_json(singer)))
    ctx.store.put(spec.audio_key, data)
    try:
        with ctx.db.session() as s:
            lifecycle.accept(s, account=s.get(Account, account.id), spec=spec, param=param,
                             callback_url=body.callBackUrl, cost=ctx.settings.credits_per_task)
            if idem_key is not None:
                idempotency.remember(s, account_id=account.id, key=idem_key, request_sha256=request_sha,
                                     task_id=task_id)
    except IntegrityError:
        ctx.store.delete(spec.audio_key)
        if idem_key is None:
            raise
        # the same key was stored by a submit racing this one: answer as if this one came second
        with ctx.db.session() as s:
            first = idempotency.first_task(s, account_id=account.id, key=idem_key, request_sha256=request_sha)
        if first is None:
            raise
        return ok({"taskId": first})
    except BaseException:
        ctx.store.delete(spec.audio_key)  # nothing accepted: leave nothing behind
        raise
    metrics.TASKS_ACCEPTED.inc()
    state.queue(task_id)
    return ok({"taskId": task_id})


def _own_task(state: State, account: Account, task_id: str) -> Task:
    with state.ctx.db.session() as s:
        return extras.own_task(s, account.id, task_id, kind=extras.SONGS)


@router.get("/generate/record-info")
def get_record_info(account: CurrentAccount, state: State,
                    taskId: Annotated[str, Query(min_length=1)]) -> dict:
    task = _own_task(state, account, taskId)  # first: another key must not spend this task's tokens
    state.record_info.take(f"task:{taskId}", what=f"at most {state.ctx.settings.record_info_per_second:g} "
                           "record-info queries per second per task")
    return ok(state.payloads.record_info(task))


@router.get("/generate/record-list")
def record_list(account: CurrentAccount, state: State, page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                pageSize: Annotated[int, Query(ge=1, le=100)] = 20) -> dict:
    """Topline: the caller's tasks, newest first (the playground's history)."""
    with state.ctx.db.session() as s:
        mine = (Task.account_id == account.id, Task.kind.in_(extras.SONGS))
        total = s.execute(select(func.count()).select_from(Task).where(*mine)).scalar_one()
        rows = s.execute(select(Task).where(*mine).order_by(Task.created_at.desc())
                         .offset((page - 1) * pageSize).limit(pageSize)).scalars().all()
    return ok({"total": total, "page": page, "pageSize": pageSize, "records": [state.payloads.record_info(t) for t in rows]})


@router.get("/generate/callback-log")
def callback_log(account: CurrentAccount, state: State, taskId: Annotated[str, Query(min_length=1)]) -> dict:
    """Topline: every callback delivery of a task (of any kind) and each attempt's outcome."""
    with state.ctx.db.session() as s:
        task = s.get(Task, taskId)
        if task is None or task.account_id != account.id:
            raise NotFoundError(f"No task {taskId!r} for this API key: check the taskId.")
    return ok(delivery_log(callbacks.deliveries_of(state.ctx, taskId)))


@router.post("/generate/get-timestamped-lyrics")
def get_timestamped_lyrics(body: TimestampedLyricsRequest, account: CurrentAccount, state: State) -> dict:
    task = _own_task(state, account, body.taskId)
    return ok(timestamped_lyrics(state.ctx, task, audio_id=body.audioId, index=body.musicIndex))


@router.get("/chat/credit")
@router.get("/generate/credit")
def credit(account: CurrentAccount, state: State) -> dict:
    with state.ctx.db.session() as s:
        return ok(s.get(Account, account.id).credits)
