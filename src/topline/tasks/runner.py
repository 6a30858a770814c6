"""The embedded runner: a bounded pool of worker threads inside the API process, plus the
callback pump and the retention sweeper. In Celery mode the API process keeps only the
callback pump (``workers=0, sweep=False``), so callbacks never wait behind rendering.

CPU-heavy stages run in these threads, never on the event loop (numpy, onnxruntime and
WORLD release the GIL for their inner loops). On start, tasks left unfinished by a crash
are picked up again: the database is the queue.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor


from . import callbacks, retention
from .context import Context
from .execute import RetryLater, execute

log = logging.getLogger(__name__)


class EmbeddedRunner:
    def __init__(self, ctx: Context, *, workers: int, sweep: bool = True, poll_s: float = 2.0,
                 pump_s: float = 0.5) -> None:
        self.ctx = ctx
        self.workers = max(0, workers)
        self.sweep = sweep
        self.poll_s, self.pump_s = poll_s, pump_s
        self._wake = threading.Event()
        self._wake_pump = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self) -> None:
        for i in range(self.workers):
            self._spawn(self._work_loop, f"topline-worker-{i}")
        self._spawn(self._pump_loop, "topline-callbacks")
        if self.sweep:
            self._spawn(self._sweep_loop, "topline-sweeper")

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._wake_pump.set()
        for t in self._threads:
            t.join(timeout)

    def submit(self, task_id: str) -> None:
        """A new task is in the database: wake a worker."""
        self._wake.set()

    def _spawn(self, target, name: str) -> None:
        t = threading.Thread(target=target, name=name, daemon=True)
        t.start()
        self._threads.append(t)

    # -- loops --------------------------------------------------------------------------------
    def _work_loop(self) -> None:
        while not self._stop.is_set():
            try:
                ran = execute(self.ctx, on_stage_recorded=lambda tid, stage: self._wake_pump.set())
            except RetryLater:
                ran = None  # claimed again once its lease runs out
            except Exception:
                log.exception("worker loop error")
                ran = None
            if ran is None:
                self._wake.wait(self.poll_s)
                self._wake.clear()

    def _pump_loop(self) -> None:
        # several deliveries at once, so one slow receiver does not hold up everyone else's callbacks
        with ThreadPoolExecutor(4, thread_name_prefix="topline-deliver") as pool:
            while not self._stop.is_set():
                try:
                    ids = callbacks.claim_due(self.ctx, limit=8)
                    for did in ids:
                        pool.submit(self._deliver, did)
                except Exception:
                    log.exception("callback pump error")
                    ids = []
                if not ids:
                    self._wake_pump.wait(self.pump_s)
                    self._wake_pump.clear()

    def _deliver(self, delivery_id: str) -> None:
        try:
            callbacks.deliver(self.ctx, delivery_id)
        except Exception:
            log.exception("callback delivery %s failed", delivery_id)
        self._wake_pump.set()  # the next stage of that task may now be due

    def _sweep_loop(self) -> None:
        while not self._stop.is_set():
            try:
                retention.sweep(self.ctx)
            except Exception:
                log.exception("retention sweep error")
            self._stop.wait(self.ctx.settings.sweep_interval_s)
