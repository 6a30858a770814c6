"""Files are deleted after their retention period; the task still answers and says so."""

from __future__ import annotations

import httpx

from topline.pipeline import TrackResult
from topline.tasks import accounts, lifecycle, retention
from topline.tasks.models import Account, Upload, now
from tests.service.live import LiveService
from tests.tasks.specs import BODY, spec


def test_sweep_deletes_expired_files_and_uploads(tmp_path):
    with LiveService(tmp_path, start_workers=False) as svc:
        ctx = svc.ctx
        key = svc.new_key()
        with ctx.db.session() as s:
            lifecycle.accept(s, account=s.get(Account, key["accountId"]), spec=spec("old", audio_key="tasks/old/input.wav"),
                             param={"prompt": "x"}, callback_url="http://cb", cost=12)
            track = TrackResult(variant=1, audio_id="a1", duration=1.0, title="T", tags="", create_time_ms=1,
                                files={"mp3": "tasks/old/track-1.mp3", "image": "tasks/old/track-1.jpeg"})
            lifecycle.record_stage(s, "old", "complete", callback_body=BODY, tracks=[track])
            s.add(Upload(id="u1", account_id=key["accountId"], key="uploads/u1/a.wav", file_name="a.wav", size=3,
                         mime_type="audio/wav", expires_at=now() + 3 * 86400))
        for k in ("tasks/old/input.wav", "tasks/old/track-1.mp3", "tasks/old/track-1.jpeg", "uploads/u1/a.wav"):
            ctx.store.put(k, b"abc")
        assert retention.sweep(ctx) == {"tasks": 0, "uploads": 0}
        assert retention.sweep(ctx, at=now() + 3.5 * 86400) == {"tasks": 0, "uploads": 1}
        assert not ctx.store.exists("uploads/u1/a.wav") and ctx.store.exists("tasks/old/track-1.mp3")
        assert retention.sweep(ctx, at=now() + 14.5 * 86400) == {"tasks": 1, "uploads": 0}
        assert list(ctx.store.list("tasks/old/")) == []
        with svc.client(key["apiKey"]) as c:
            info = c.get("/api/v1/generate/record-info", params={"taskId": "old"}).json()["data"]
            lyr = c.post("/api/v1/generate/get-timestamped-lyrics", json={"taskId": "old", "audioId": "a1"})
        assert info["status"] == "SUCCESS" and info["filesExpired"] is True
        assert info["response"]["sunoData"] == [] and "expired" in info["errorMessage"]
        assert lyr.status_code == 404 and "expired" in lyr.json()["msg"]
        r = httpx.get(f"{svc.url}/files/tasks/old/track-1.mp3")
        assert r.status_code == 404 and "kept 14 days" in r.json()["msg"]
        assert retention.sweep(ctx, at=now() + 30 * 86400) == {"tasks": 0, "uploads": 0}


def test_unfinished_tasks_are_kept(tmp_path):
    with LiveService(tmp_path, start_workers=False) as svc:
        key = svc.new_key()
        with svc.ctx.db.session() as s:
            lifecycle.accept(s, account=s.get(Account, key["accountId"]), spec=spec("run", audio_key="tasks/run/input.wav"),
                             param={}, callback_url="http://cb", cost=12)
        svc.ctx.store.put("tasks/run/input.wav", b"x")
        assert retention.sweep(svc.ctx, at=now() + 20 * 86400) == {"tasks": 0, "uploads": 0}
        assert svc.ctx.store.exists("tasks/run/input.wav")
