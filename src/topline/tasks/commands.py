"""``topline worker`` and ``topline beat`` (Celery is imported only when they run)."""

from __future__ import annotations

import argparse


def _worker(args: argparse.Namespace) -> int:
    from .celery_app import worker

    return worker(args)


def _beat(args: argparse.Namespace) -> int:
    from .celery_app import beat

    return beat(args)


def add_worker_commands(sub: argparse._SubParsersAction) -> None:
    w = sub.add_parser("worker", help="a Celery worker (scaled-out mode; needs TOPLINE_BROKER_URL)")
    w.add_argument("--queues", default=None, help="comma-separated (default: generate,callbacks)")
    w.add_argument("--concurrency", type=int, default=1, help="tasks at once (one per core)")
    w.add_argument("--loglevel", default="info")
    w.add_argument("--hostname", default=None)
    w.set_defaults(func=_worker)
    b = sub.add_parser("beat", help="the Celery beat scheduler (run exactly one)")
    b.add_argument("--loglevel", default="info")
    b.add_argument("--schedule", default="celerybeat-schedule", help="where beat keeps its state")
    b.set_defaults(func=_beat)
