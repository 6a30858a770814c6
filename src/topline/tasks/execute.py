"""Run one task through the pipeline, recording each stage as it finishes.

The same function serves the embedded runner and Celery workers. It holds a lease on
the task row (renewed by a heartbeat) so two workers never render the same task, and
a task whose worker died is taken over once the lease runs out.
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy.exc import DBAPIError

from ..errors import SpecMissingError, ToplineError
from ..pipeline import run_task
from . import lifecycle
from .context import Context

log = logging.getLogger(__name__)

LEASE_S = 30.0  # a dead worker's task is free again after this long
HEARTBEAT_S = 5.0


class RetryLater(Exception):
    """The infrastructure failed under a task (database gone, connection dropped): not the
    task's fault, so it is not failed; it runs again once the database answers."""


class _Heartbeat(threading.Thread):
    def __init__(self, ctx: Context, task_id: str) -> None:
        super().__init__(daemon=True, name=f"lease-{task_id[:8]}")
        self.ctx, self.task_id, self.stop = ctx, task_id, threading.Event()

    def run(self) -> None:
        while not self.stop.wait(HEARTBEAT_S):
            try:
                with self.ctx.db.session() as s:
                    lifecycle.renew(s, self.task_id, lease_s=LEASE_S)
            except Exception:  # a database hiccup: try again next beat
                log.warning("lease renewal failed for %s", self.task_id, exc_info=True)


def execute(ctx: Context, task_id: str | None = None, *, on_stage_recorded=None) -> str | None:
    """Claim and run a task (``task_id`` or the oldest waiting one); returns its id, or None.

    ``on_stage_recorded(task_id, stage)`` is called after each stage is committed
    (the embedded runner uses it to wake its callback pump at once).
    """
    with ctx.db.session() as s:
        task = lifecycle.claim(s, task_id, lease_s=LEASE_S)
        if task is None:
            return None
        task_id, attempts = task.id, task.attempts
        derived = (task.kind or "add_vocals") != "add_vocals"  # a MIDI transcription (tasks/extras.py)
        spec, unrunnable = None, None
        if not derived:
            try:
                spec = lifecycle.spec_for(task, resolve_stored_request=ctx.payloads.spec_of_stored_request)
            except SpecMissingError as exc:
                spec, unrunnable = None, exc
    notify = on_stage_recorded or (lambda tid, stage: None)
    if attempts > lifecycle.MAX_ATTEMPTS and derived:
        from .derived_run import fail_derived

        fail_derived(ctx, task_id, ToplineError(
            f"The task stopped its worker {attempts - 1} times; your credits were refunded."))
        notify(task_id, "error")
        return task_id
    if attempts > lifecycle.MAX_ATTEMPTS:
        unrunnable = ToplineError(
            f"Generation failed: the task stopped its worker {attempts - 1} times; your credits were refunded.")
    if unrunnable is not None:
        _fail(ctx, task_id, unrunnable)
        notify(task_id, "error")
        return task_id

    beat = _Heartbeat(ctx, task_id)
    beat.start()

    def on_stage(stage: str, payload: dict) -> None:
        with ctx.db.session() as s:
            lifecycle.record_stage(s, task_id, stage, callback_body=ctx.payloads.callback_body,
                                   lyrics=payload.get("lyrics"), tracks=payload.get("tracks"))
        notify(task_id, stage)

    try:
        started = time.perf_counter()
        if derived:
            from .derived_run import run_derived

            notify(task_id, run_derived(ctx, task_id))
            return task_id
        run_task(spec, store=ctx.store, on_stage=on_stage, sensitive_words=ctx.sensitive_words)
        log.info("task %s done in %.1f s", task_id, time.perf_counter() - started)
    except DBAPIError as exc:
        log.warning("task %s interrupted by a database error; it will be resumed: %s", task_id, exc)
        raise RetryLater(task_id) from exc
    except ToplineError as exc:
        log.info("task %s failed: %s", task_id, exc)
        _fail(ctx, task_id, exc)
        notify(task_id, "error")
    except Exception as exc:  # a bug: the user gets a clean failure and a refund, the log the traceback
        log.exception("task %s crashed", task_id)
        _fail(ctx, task_id, exc)
        notify(task_id, "error")
    finally:
        beat.stop.set()
        try:
            with ctx.db.session() as s:
                lifecycle.release(s, task_id)
        except DBAPIError:  # the lease simply runs out instead
            log.warning("could not release the lease of %s", task_id)
    return task_id


def _fail(ctx: Context, task_id: str, exc: BaseException) -> None:
    with ctx.db.session() as s:
        lifecycle.fail(s, task_id, exc, callback_body=ctx.payloads.callback_body)
