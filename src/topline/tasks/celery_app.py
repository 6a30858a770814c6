"""Scaled-out mode: Celery workers render tasks; only task ids cross the broker.

Configured for long CPU tasks: late acknowledgement (a task is acknowledged only when
done, so a worker killed mid-task has it redelivered), prefetch of one, hard/soft time
limits, a visibility timeout longer than any task (Redis), separate queues for
generation and callback delivery, and a beat schedule for the retention sweep, the
callback pump and re-queuing of stalled tasks. The database lease in
``execute`` keeps two workers from rendering the same task at once.
"""

from __future__ import annotations

import argparse
import logging
from functools import lru_cache

from celery import Celery, signals
from sqlalchemy.exc import DBAPIError

from ..settings import Settings
from . import callbacks, retention
from .context import get_context
from . import lifecycle
from .execute import LEASE_S, RetryLater, execute
from .warmup import warm_up

log = logging.getLogger(__name__)


def queue(name: str, settings: Settings) -> str:
    return f"{settings.queue_prefix}{name}"


def celery_app(settings: Settings) -> Celery:
    """The Celery app for these settings (one per broker and queue prefix)."""
    st = settings
    return _app_for(st.broker_url or "memory://", st.queue_prefix, st.task_time_limit_s)


@lru_cache(maxsize=8)
def _app_for(broker: str, prefix: str, limit: float) -> Celery:
    app = Celery("topline", broker=broker, include=[__name__], set_as_current=False)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,  # a killed child process's task goes back on the queue
        worker_prefetch_multiplier=1,
        task_time_limit=limit,
        task_soft_time_limit=max(1.0, limit - 60),
        task_ignore_result=True,
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": int(limit * 2)},  # Redis: longer than any task
        task_default_queue=f"{prefix}generate",
        task_routes={"topline.generate": {"queue": f"{prefix}generate"},
                     "topline.pump_callbacks": {"queue": f"{prefix}callbacks"},
                     "topline.sweep": {"queue": f"{prefix}callbacks"}},
        beat_schedule={
            # a backstop only: API processes pump callbacks continuously
            "pump-callbacks": {"task": "topline.pump_callbacks", "schedule": 15.0},
            "sweep": {"task": "topline.sweep", "schedule": 30.0},
        },
        worker_hijack_root_logger=False,
    )
    _register(app)
    return app


def _register(app: Celery) -> None:
    @app.task(name="topline.generate", bind=True, max_retries=None, shared=False)
    def generate(self, task_id: str) -> None:
        ctx = get_context()
        try:
            ran = execute(ctx, task_id)  # the API processes deliver the callbacks it records
            if ran is None:
                with ctx.db.session() as s:
                    busy = lifecycle.is_runnable(s, task_id)
            else:
                busy = False
        except (RetryLater, DBAPIError):  # the database went away: the task is not at fault, try again
            raise self.retry(countdown=LEASE_S) from None
        if busy:
            # Another worker holds the lease (or held it when it died): look again when it can have expired.
            raise self.retry(countdown=LEASE_S / 2)

    @app.task(name="topline.pump_callbacks", shared=False)
    def pump_callbacks() -> int:
        ctx = get_context()
        total = 0
        while (n := callbacks.pump(ctx)) and total < 100:
            total += n
        return total

    @app.task(name="topline.sweep", shared=False)
    def sweep() -> None:
        """Retention, plus re-queuing tasks whose message was lost (API crashed before publishing,
        broker restarted without persistence) and whose lease has run out."""
        ctx = get_context()
        if _sweep_due(ctx.settings):
            retention.sweep(ctx)
        with ctx.db.session() as s:
            stalled = lifecycle.touch_stalled(s, idle_s=120)
        for task_id in stalled:
            generate.apply_async((task_id,), queue=queue("generate", ctx.settings))

    app.topline_generate = generate  # type: ignore[attr-defined]


_last_retention = [0.0]


def _sweep_due(settings: Settings) -> bool:
    import time

    if time.time() - _last_retention[0] >= settings.sweep_interval_s:
        _last_retention[0] = time.time()
        return True
    return False


@signals.worker_process_init.connect
def _after_fork(**_kw) -> None:
    # Pooled database connections must not be shared across a fork.
    from .db import dispose_all

    dispose_all()


class CelerySubmitter:
    """What the API uses in Celery mode: publish the task id on the generate queue, and deliver
    callbacks from this process (I/O only), so they never queue behind long renders on workers."""

    def __init__(self, ctx) -> None:
        from .runner import EmbeddedRunner

        self.settings = ctx.settings
        self._pump = EmbeddedRunner(ctx, workers=0, sweep=False)

    def start(self) -> None:
        self._pump.start()

    def stop(self) -> None:
        self._pump.stop()

    def submit(self, task_id: str) -> None:
        celery_app(self.settings).topline_generate.apply_async((task_id,), queue=queue("generate", self.settings))


def worker(args: argparse.Namespace) -> int:
    ctx = get_context()  # the worker process's settings: its one way in
    app = celery_app(ctx.settings)
    queues = args.queues or f"{queue('generate', ctx.settings)},{queue('callbacks', ctx.settings)}"
    argv = ["worker", f"--queues={queues}", f"--concurrency={args.concurrency}", f"--loglevel={args.loglevel}",
            "--pool=prefork", "--without-gossip", "--without-mingle"]
    if args.hostname:
        argv.append(f"--hostname={args.hostname}")
    ctx.db.migrate()
    # Before the pool forks: the children inherit the compiled analysis, none compiles it alongside another.
    warm_up()
    app.worker_main(argv)
    return 0


def beat(args: argparse.Namespace) -> int:
    ctx = get_context()
    app = celery_app(ctx.settings)
    ctx.db.migrate()
    app.start(["beat", f"--loglevel={args.loglevel}", f"--schedule={args.schedule}"])
    return 0
