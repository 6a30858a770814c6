"""A scaled-out cluster on this machine: API in-process, Celery workers and beat as processes,
PostgreSQL, a real broker and an S3 server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

from tests.service.live import LiveService
from tests.support import PostgresDatabase, S3Server, need_service, port_open


class Cluster:
    def __init__(self, tmp: Path, *, broker: str, workers: int = 2) -> None:
        self.tmp, self.broker, self.n_workers = tmp, broker, workers
        self.procs: dict[str, subprocess.Popen] = {}
        self._stack = ExitStack()

    def __enter__(self) -> "Cluster":
        host, port = ("127.0.0.1", 5672) if self.broker.startswith("amqp") else ("127.0.0.1", 6379)
        if not port_open(host, port):
            need_service(f"message broker at {host}:{port}")
        self.pg = self._stack.enter_context(PostgresDatabase())
        self.s3 = self._stack.enter_context(S3Server())
        bucket = self.s3.make_bucket(f"topline-{uuid.uuid4().hex[:8]}")
        self.env = {
            "TOPLINE_DATABASE_URL": self.pg.url, "TOPLINE_BROKER_URL": self.broker,
            "TOPLINE_QUEUE_PREFIX": f"t{uuid.uuid4().hex[:8]}-", "TOPLINE_STORAGE_URL": f"s3://{bucket}/cluster",
            "TOPLINE_S3_ENDPOINT_URL": self.s3.endpoint, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
        self.api = self._stack.enter_context(LiveService(self.tmp / "api", **self.env))
        for i in range(self.n_workers):
            self.start_worker(f"w{i}")
        self.procs["beat"] = self._spawn(["beat", "--schedule", str(self.tmp / "beat-schedule"),
                                          "--loglevel", "warning"], "beat")
        return self

    def _spawn(self, args: list[str], name: str) -> subprocess.Popen:
        env = {**os.environ, **self.api.env, **self.env, "OMP_NUM_THREADS": "1"}
        log = open(self.tmp / f"{name}.log", "ab")
        return subprocess.Popen([sys.executable, "-m", "topline.cli", *args], env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)

    def start_worker(self, name: str) -> None:
        self.procs[name] = self._spawn(["worker", "--concurrency", "1", "--hostname", f"{name}@%h",
                                        "--loglevel", "info"], name)

    def kill(self, name: str) -> None:
        """SIGKILL a worker and every process it started (no chance to clean up or acknowledge)."""
        p = self.procs.pop(name)
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()

    def workers(self) -> list[str]:
        return [n for n in self.procs if n != "beat"]

    def __exit__(self, *exc: object) -> None:
        for p in self.procs.values():
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()
        self._stack.close()


def wait_all(cluster: Cluster, api_key: str, task_ids: list[str], timeout: float) -> dict[str, dict]:
    deadline = time.time() + timeout
    done: dict[str, dict] = {}
    with cluster.api.client(api_key) as c:
        while time.time() < deadline and len(done) < len(task_ids):
            for t in task_ids:
                if t in done:
                    continue
                r = c.get("/api/v1/generate/record-info", params={"taskId": t})
                if r.status_code == 200 and r.json()["data"]["status"] in ("SUCCESS", "GENERATE_AUDIO_FAILED"):
                    done[t] = r.json()["data"]
            time.sleep(1.0)
    return done
