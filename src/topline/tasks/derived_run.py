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

FAILED_STATUS = {extras.MIDI: "GENERATE_MIDI_FAILED", extras.REPLACE: "GENERATE_AUDIO_FAILED",
                 extras.MP4: "GENERATE_MP4_FAILED"}


def run_derived(ctx: Context, task_id: str) -> str:
    """Compute and record a pending derived task; returns the stage announced (complete|error).
    Database errors propagate (the task is retried); every other failure fails and refunds it."""
    with ctx.db.session() as s:
        task = s.get(Task, task_id)
        kind, param, source_id, account_id = task.kind, json.loads(task.param), task.source_task_id, task.account_id
    callback = _callback(ctx, kind)

    try:
        if kind == extras.REPLACE:
            result = _replace(ctx, task_id, account_id, source_id, param)
        elif kind == extras.MP4:
            from .derive import mp4_result

            with ctx.db.session() as s:
                _, index, track = extras.source_track(s, account_id, source_id, param.get("audioId"))
            result = mp4_result(ctx.store, prefix=f"tasks/{task_id}/", index=index, track=track,
                                author=param.get("author", ""), domain=param.get("domainName", ""))
        elif kind == extras.MIDI:
            with ctx.db.session() as s:
                _, index, track = extras.source_track(s, account_id, source_id, param.get("audioId"))
            result = midi_result(ctx.store, prefix=f"tasks/{task_id}/", index=index, track=track)
        else:
            raise ToplineError(f"Task {task_id} is of a kind ({kind}) no worker runs.")
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


def _callback(ctx: Context, kind: str):
    # the callback's shape is the service's (API vocabulary lives in service/); built from this
    # process's settings, as the task layer's own callbacks are
    from ..service.extra_payloads import Links, midi_callback, mp4_callback

    if kind == extras.REPLACE:  # upstream answers a replaced section as a generation
        return lambda t: ctx.payloads.callback_body(t, "error" if t.status != "SUCCESS" else "complete")
    links = Links.of(ctx.settings, ctx.store)
    if kind == extras.MP4:
        return lambda t: mp4_callback(t, links)
    return lambda t: midi_callback(t, links)


def root_of(s, task: Task) -> Task:
    """The add-vocals task a song descends from (a replace-section task's source, and so on)."""
    seen = 0
    while task.kind == extras.REPLACE and task.source_task_id and seen < 100:
        task = s.get(Task, task.source_task_id)
        seen += 1
    return task


def _replace(ctx: Context, task_id: str, account_id: int, source_id: str, param: dict) -> dict:
    from ..replace import ReplaceSpec, replace_section
    from .lifecycle import spec_for

    with ctx.db.session() as s:
        src, index, track = extras.source_track(s, account_id, source_id, param.get("audioId"))
        root = root_of(s, src)
        controls = spec_for(root, resolve_stored_request=ctx.payloads.spec_of_stored_request).controls
        files = track["files"]
        spec = ReplaceSpec(task_id=task_id, audio_key=root.audio_key,
                           analysis_key=files.get("analysis", f"tasks/{root.id}/analysis.json"),
                           lyrics_key=files.get("lyrics_doc", f"tasks/{root.id}/lyrics.json"), track=track,
                           prompt=param["prompt"], start=float(param["infillStartS"]), end=float(param["infillEndS"]))
    new, song, (start, end) = replace_section(spec, store=ctx.store, controls=controls,
                                              sensitive_words=ctx.sensitive_words)
    out = new.to_json() | {"replacedAudioId": track["audioId"],
                           "span": [round(start, 4), round(end, 4)]}
    return {"tracks": [out], "lyrics": song.text(), "span": [round(start, 4), round(end, 4)]}


def fail_derived(ctx: Context, task_id: str, exc: BaseException) -> None:
    with ctx.db.session() as s:
        kind = s.get(Task, task_id).kind
        extras.fail(s, task_id, exc, status=FAILED_STATUS.get(kind, "CREATE_TASK_FAILED"), callback=_callback(ctx, kind))
