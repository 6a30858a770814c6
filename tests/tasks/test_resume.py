"""A task interrupted by a crash resumes after restart: nothing lost, nothing charged twice,
each callback stage sent once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx

from tests.instrumentals import instrumental_wav
from tests.service.live import BASE_ENV, CallbackReceiver
from tests.support import free_port, wait_for_port


def _serve(data_dir, port):
    env = {**os.environ, **BASE_ENV, "TOPLINE_DATA_DIR": str(data_dir), "TOPLINE_PORT": str(port),
           "TOPLINE_PUBLIC_URL": f"http://127.0.0.1:{port}"}
    proc = subprocess.Popen([sys.executable, "-m", "topline.cli", "serve"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    assert wait_for_port("127.0.0.1", port, timeout=60), proc.stderr.read().decode() if proc.poll() else "no port"
    return proc


def test_killed_server_resumes_the_task(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _serve(tmp_path, port)
    try:
        banner = b""
        deadline = time.time() + 10
        while b"webhook key" not in banner and time.time() < deadline:
            banner += proc.stderr.read1(4096)
        api_key = banner.split(b"first API key (shown once): ")[1].split()[0].decode()
        with CallbackReceiver() as rx:
            h = {"Authorization": f"Bearer {api_key}"}
            up = httpx.post(base + "/api/file-base64-upload", headers=h, json={
                "base64Data": __import__("base64").b64encode(instrumental_wav(12.0)).decode(), "uploadPath": "t"})
            r = httpx.post(base + "/api/v1/generate/add-vocals", headers=h, json={
                "uploadUrl": up.json()["data"]["downloadUrl"], "prompt": "[Verse]\nla la la la\nna na na na",
                "title": "R", "style": "pop", "negativeTags": "", "callBackUrl": rx.url, "seed": 4}, timeout=60)
            task_id = r.json()["data"]["taskId"]
            rx.wait_for("text", timeout=120)
            # kill the whole server mid-task, before the second variant exists
            files = tmp_path / "files" / "tasks" / task_id
            while not (files / "track-1.dry.flac").exists() and not (files / "track-2.json").exists():
                time.sleep(0.05)
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            assert not (files / "track-2.json").exists()
            proc = _serve(tmp_path, port)
            rx.wait_for("complete", timeout=180)
            time.sleep(1.0)
            info = httpx.get(base + "/api/v1/generate/record-info", headers=h, params={"taskId": task_id}).json()
            credit = httpx.get(base + "/api/v1/chat/credit", headers=h).json()["data"]
        assert info["data"]["status"] == "SUCCESS" and len(info["data"]["response"]["sunoData"]) == 2
        assert rx.stages().count("text") == 1 and rx.stages()[-1] == "complete"
        assert sorted(set(rx.stages())) == ["complete", "first", "text"]
        assert credit == 1000 - 12
        for t in info["data"]["response"]["sunoData"]:
            assert httpx.get(t["audioUrl"]).status_code == 200
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
