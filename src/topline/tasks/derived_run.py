"""Run a derived task that needs a worker (the MIDI transcription), as ``execute`` runs add-vocals."""

from __future__ import annotations

import json
import logging

from sqlalchemy.exc import DBAPIError

from ..errors import ToplineError
from . import extras
from .context import Context
from .derive import midi_result
from .models import Task

log = logging.getLogger(__name__)

FAILED_STATUS = {extras.MIDI: "GENERATE_MIDI_FAILED"}


def run_derived(ctx: Context, task_id: str) -> str:
    """Compute and record a pending derived task; returns the stage announced (complete|error).
    Database errors propagate (the task is retried); every other failure fails and refunds it."""
    with ctx.db.session() as s:
        task = s.get(Task, task_id)
        kind, param, source_id, account_id = task.kind, json.loads(task.param), task.source_task_id, task.account_id
    callback = _callback(ctx)

    try:
        if kind != extras.MIDI:
            raise ToplineError(f"Task {task_id} is of a kind ({kind}) no worker runs.")
        with ctx.db.session() as s:
            _, index, track = extras.source_track(s, account_id, source_id, param.get("audioId"))
        result = midi_result(ctx.store, prefix=f"tasks/{task_id}/", index=index, track=track)
        with ctx.db.session() as s:
            extras.finish(s, task_id, result, callback)
        return "complete"
    except DBAPIError:
        raise
    except Exception as exc:
        if isinstance(exc, ToplineError):
            log.info("derived task %s failed: %s", task_id, exc)
        else:
            log.exception("derived task %s crashed", task_id)
        fail_derived(ctx, task_id, exc)
        return "error"


def _callback(ctx: Context):
    # the callback's shape is the service's (API vocabulary lives in service/); built from this
    # process's settings, as the task layer's own callbacks are
    from ..service.extra_payloads import Links, midi_callback

    links = Links.of(ctx.settings, ctx.store)
    return lambda t: midi_callback(t, links)


def fail_derived(ctx: Context, task_id: str, exc: BaseException) -> None:
    with ctx.db.session() as s:
        kind = s.get(Task, task_id).kind
        extras.fail(s, task_id, exc, status=FAILED_STATUS.get(kind, "CREATE_TASK_FAILED"), callback=_callback(ctx))
