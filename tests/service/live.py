"""A real Topline server on loopback (uvicorn in a thread) and a real callback receiver."""

from __future__ import annotations

import json
import os
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import httpx
import uvicorn

from tests.support import free_port

BASE_ENV = {
    "TOPLINE_ALLOW_PRIVATE_URLS": "1",
    "TOPLINE_CALLBACK_BACKOFF_BASE_S": "0.2",
    "TOPLINE_CALLBACK_TIMEOUT_S": "2",
    "TOPLINE_CALLBACK_MAX_ATTEMPTS": "3",
    "TOPLINE_WORKERS": "1",
}


@contextmanager
def settings_env(**env: str) -> Iterator[None]:
    """Set TOPLINE_* variables for the duration, and make get_settings() read them."""
    from topline.settings import get_settings
    from topline.tasks.context import reset_context

    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    get_settings.cache_clear()
    reset_context()
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        get_settings.cache_clear()
        reset_context()


class LiveService:
    """``with LiveService(tmp_path) as svc:`` serves on ``svc.url`` until the block ends."""

    def __init__(self, data_dir: Path, *, start_workers: bool = True, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**BASE_ENV, "TOPLINE_DATA_DIR": str(data_dir), "TOPLINE_PUBLIC_URL": self.url,
                    "TOPLINE_PORT": str(self.port), **env}
        self.start_workers = start_workers

    def __enter__(self) -> "LiveService":
        from topline.service.app import create_app
        from topline.settings import get_settings

        self._env = settings_env(**self.env)
        self._env.__enter__()
        self.app = create_app(get_settings(), start_workers=self.start_workers)
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        self.ctx = self.app.state.topline.ctx
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(15)
        from topline.tasks.db import dispose_all

        dispose_all()
        self._env.__exit__(*exc)

    def new_key(self, credits: int = 1000) -> dict:
        from topline.service.payloads import new_key
        from topline.tasks import accounts

        with self.ctx.db.session() as s:
            return new_key(accounts.create_key(s, credits=credits))

    def client(self, api_key: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)

    def upload(self, api_key: str, data: bytes, name: str = "beat.wav") -> str:
        """Upload audio through the API; returns its downloadUrl."""
        with self.client(api_key) as c:
            r = c.post("/api/file-stream-upload", files={"file": (name, data, "audio/wav")},
                       data={"uploadPath": "tests"})
            r.raise_for_status()
            return r.json()["data"]["downloadUrl"]

    def wait_status(self, api_key: str, task_id: str, statuses: tuple[str, ...], timeout: float = 240) -> dict:
        deadline = time.time() + timeout
        with self.client(api_key) as c:
            while time.time() < deadline:
                r = c.get("/api/v1/generate/record-info", params={"taskId": task_id})
                if r.status_code == 200 and r.json()["data"]["status"] in statuses:
                    return r.json()["data"]
                time.sleep(0.4)
        raise TimeoutError(f"task {task_id} did not reach {statuses}")


class CallbackReceiver:
    """Records every POST; ``mode`` is "ok", "error" (HTTP 500) or "slow" (answers after ``delay``)."""

    def __init__(self, mode: str = "ok", delay: float = 0.0) -> None:
        self.mode, self.delay = mode, delay
        self.calls: list[dict] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.lock:
                    receiver.calls.append({"headers": dict(self.headers), "raw": body,
                                           "body": json.loads(body), "at": time.time()})
                if receiver.mode == "slow":
                    time.sleep(receiver.delay)
                status = 500 if receiver.mode == "error" else 200
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except OSError:
                    pass  # the sender gave up waiting (the slow-receiver case)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/callback"

    def __enter__(self) -> "CallbackReceiver":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def stages(self) -> list[str]:
        with self.lock:
            return [c["body"]["data"]["callbackType"] for c in self.calls]

    def wait_for(self, stage: str, timeout: float = 240) -> dict:
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                for c in self.calls:
                    if c["body"]["data"]["callbackType"] == stage:
                        return c
            time.sleep(0.1)
        raise TimeoutError(f"no {stage!r} callback; got {self.stages()}")
