"""POST /api/v1/mp4/generate and its record-info: the lyric video of a finished track, its
callback, credits and every error path."""

from __future__ import annotations

import io
import json
import time

import av
import numpy as np
import pytest

from topline.production.video import FPS, LIT, NOW, _LYRIC_H, _LYRIC_TOP
from tests.service.extras_support import make_finished_task
from tests.service.live import CallbackReceiver, LiveService

WORDS = [{"word": "[Verse]\nhold", "success": True, "startS": 0.5, "endS": 1.0, "palign": 0},
         {"word": "me", "success": True, "startS": 1.0, "endS": 1.6, "palign": 0},
         {"word": "now", "success": True, "startS": 1.6, "endS": 2.4, "palign": 0}]


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    with LiveService(tmp_path_factory.mktemp("mp4"), TOPLINE_RATE_LIMIT_PER_MINUTE="1000",
                     TOPLINE_RECORD_INFO_PER_SECOND="100") as s, CallbackReceiver() as cb:
        s.cb = cb
        yield s


def _src(svc, account_id, **kw):
    src = make_finished_task(svc, account_id, **kw)
    for t in src["tracks"]:
        svc.ctx.store.put(t["files"]["lyrics"], json.dumps(WORDS).encode())
    return src


def _wait(c, tid, timeout=60):
    deadline = time.time() + timeout
    while (d := c.get("/api/v1/mp4/record-info", params={"taskId": tid}).json()["data"])["successFlag"] == "PENDING":
        assert time.time() < deadline
        time.sleep(0.2)
    return d


def test_mp4_success_record_info_callback(svc):
    key = svc.new_key(credits=10)
    src = _src(svc, key["accountId"])
    with svc.client(key["apiKey"]) as c:
        r = c.post("/api/v1/mp4/generate", json={"taskId": src["taskId"], "audioId": src["audioIds"][0],
                                                 "callBackUrl": svc.cb.url, "author": "DJ", "domainName": "x.test"})
        assert r.status_code == 200, r.text
        tid = r.json()["data"]["taskId"]
        d = _wait(c, tid)
        assert d["successFlag"] == "SUCCESS" and d["taskId"] == tid and d["audioId"] == src["audioIds"][0]
        data = c.get(d["response"]["videoUrl"]).content
        assert c.get("/api/v1/chat/credit").json()["data"] == 8
        again = c.post("/api/v1/mp4/generate", json={"taskId": src["taskId"], "audioId": src["audioIds"][0],
                                                     "callBackUrl": svc.cb.url, "author": "DJ",
                                                     "domainName": "x.test"})
        assert again.json()["data"]["taskId"] == tid and c.get("/api/v1/chat/credit").json()["data"] == 8
    with av.open(io.BytesIO(data)) as m:
        assert m.streams.video[0].codec_context.name in ("h264", "mpeg4")
        assert m.streams.audio[0].codec_context.name == "aac"
        frames = {round(float(f.pts * f.time_base) * FPS): f.to_ndarray(format="rgb24") for f in m.decode(video=0)}
    assert len(frames) == int(np.ceil(3.0 * FPS))  # the track lasts 3 s
    lyric = slice(_LYRIC_TOP, _LYRIC_TOP + _LYRIC_H)

    def near(img, colour):
        return int(np.all(np.abs(img.astype(int) - np.array(colour)) <= 40, axis=-1).sum())

    assert near(frames[int(0.25 * FPS)][lyric], NOW) == 0 and near(frames[int(0.25 * FPS)][lyric], LIT) == 0
    assert near(frames[int(1.3 * FPS)][lyric], NOW) > 30 and near(frames[int(1.3 * FPS)][lyric], LIT) > 30
    deadline = time.time() + 20
    while not (cbs := [x["body"] for x in svc.cb.calls if (x["body"].get("data") or {}).get("task_id") == tid]):
        assert time.time() < deadline
        time.sleep(0.1)
    assert cbs[0]["code"] == 200 and cbs[0]["data"]["video_url"] == d["response"]["videoUrl"]


@pytest.mark.parametrize("case, code, fragment", [
    ("unknown", 404, "No task"),
    ("other-key", 404, "No task"),
    ("pending", 409, "no finished track yet"),
    ("failed", 409, "failed"),
    ("expired", 410, "expired"),
    ("bad-audio", 404, "has no track"),
    ("long-author", 422, "author"),
])
def test_mp4_errors(svc, case, code, fragment):
    key, other = svc.new_key(credits=10), svc.new_key()
    body = {"callBackUrl": svc.cb.url}
    if case == "unknown":
        body["taskId"] = "0" * 32
    elif case == "other-key":
        body["taskId"] = _src(svc, other["accountId"])["taskId"]
    elif case == "pending":
        body["taskId"] = make_finished_task(svc, key["accountId"], status="TEXT_SUCCESS", tracks=0)["taskId"]
    elif case == "failed":
        body["taskId"] = make_finished_task(svc, key["accountId"], status="GENERATE_AUDIO_FAILED", tracks=0)["taskId"]
    elif case == "expired":
        body["taskId"] = _src(svc, key["accountId"], expired=True)["taskId"]
    elif case == "bad-audio":
        body |= {"taskId": _src(svc, key["accountId"])["taskId"], "audioId": "nope"}
    elif case == "long-author":
        body |= {"taskId": _src(svc, key["accountId"])["taskId"], "author": "a" * 51}
    with svc.client(key["apiKey"]) as c:
        r = c.post("/api/v1/mp4/generate", json=body)
        assert r.status_code == code and r.json()["code"] == code, r.text
        assert fragment in r.json()["msg"], r.json()["msg"]
        assert c.get("/api/v1/chat/credit").json()["data"] == 10


def test_mp4_record_info_errors_and_expiry(svc):
    key = svc.new_key(credits=10)
    src = _src(svc, key["accountId"])
    with svc.client(key["apiKey"]) as c:
        tid = c.post("/api/v1/mp4/generate", json={"taskId": src["taskId"], "callBackUrl": svc.cb.url}
                     ).json()["data"]["taskId"]
        _wait(c, tid)
        assert c.get("/api/v1/mp4/record-info", params={"taskId": "0" * 32}).status_code == 404
        r = c.get("/api/v1/wav/record-info", params={"taskId": tid})
        assert r.status_code == 404 and "/api/v1/mp4/record-info" in r.json()["msg"]
    with svc.client(svc.new_key()["apiKey"]) as c:
        assert c.get("/api/v1/mp4/record-info", params={"taskId": tid}).status_code == 404
    from topline.tasks.models import Task

    with svc.ctx.db.session() as s:
        s.get(Task, src["taskId"]).files_expired = True
    with svc.client(key["apiKey"]) as c:
        d = c.get("/api/v1/mp4/record-info", params={"taskId": tid}).json()["data"]
        assert d["filesExpired"] is True and d["response"] is None and "expired" in d["errorMessage"]


def test_a_video_that_fails_is_refunded_with_an_error_callback(svc):
    key = svc.new_key(credits=10)
    src = _src(svc, key["accountId"], tracks=1)
    files = src["tracks"][0]["files"]
    svc.ctx.store.delete(files["wav"])  # the audio is gone: the worker cannot render
    svc.ctx.store.delete(files["mp3"])
    with svc.client(key["apiKey"]) as c:
        tid = c.post("/api/v1/mp4/generate", json={"taskId": src["taskId"], "callBackUrl": svc.cb.url}
                     ).json()["data"]["taskId"]
        d = _wait(c, tid)
        assert d["successFlag"] == "GENERATE_MP4_FAILED" and d["errorCode"] == 531 and d["response"] is None
        assert c.get("/api/v1/chat/credit").json()["data"] == 10
    deadline = time.time() + 20
    while not (cbs := [x["body"] for x in svc.cb.calls if (x["body"].get("data") or {}).get("task_id") == tid]):
        assert time.time() < deadline
        time.sleep(0.1)
    assert cbs[0]["code"] == 531 and cbs[0]["data"]["video_url"] is None
