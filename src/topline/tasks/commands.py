"""``topline worker`` and ``topline beat`` (Celery is imported only when they run)."""

from __future__ import annotations

import argparse


def _need_broker(command: str) -> None:
    from ..errors import ToplineError
    from ..settings import get_settings

    if not get_settings().broker_url:
        raise ToplineError(f"topline {command} needs a message broker: set TOPLINE_BROKER_URL (for example "
                           "redis://localhost:6379/0) to the one the API uses; without a broker, topline serve "
                           "renders tasks itself and no worker is needed.")


def _worker(args: argparse.Namespace) -> int:
    _need_broker("worker")
    from .celery_app import worker

    return worker(args)


def _beat(args: argparse.Namespace) -> int:
    _need_broker("beat")
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
