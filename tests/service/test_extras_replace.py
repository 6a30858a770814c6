"""POST /api/v1/generate/replace-section: a real render re-sung in one span (record-info,
callback, timestamped lyrics, the samples outside the span), and every error path."""

from __future__ import annotations

import io
import json
import time

import numpy as np
import pytest
import soundfile as sf

from topline.tasks.models import Task
from tests.instrumentals import instrumental_wav
from tests.service.extras_support import make_finished_task
from tests.service.live import CallbackReceiver, LiveService

LYRICS = ("[Verse]\nWalking down the road tonight\nEvery window full of light\n"
          "[Chorus]\nHold on, hold on\nWe are going home\n"
          "[Verse]\nMorning comes across the river\nCarry me where rivers flow")
NEW = "Silver trains are calling\nNothing here is falling"


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    with LiveService(tmp_path_factory.mktemp("replace"), TOPLINE_RECORD_INFO_PER_SECOND="50",
                     TOPLINE_RATE_LIMIT_PER_MINUTE="1000") as s, CallbackReceiver() as rx:
        s.cb = rx
        key = s.new_key(credits=100)
        url = s.upload(key["apiKey"], instrumental_wav(20.0))
        with s.client(key["apiKey"]) as c:
            r = c.post("/api/v1/generate/add-vocals", json={
                "uploadUrl": url, "prompt": LYRICS, "title": "Home", "style": "pop", "negativeTags": "",
                "callBackUrl": rx.url, "vocalGender": "m", "seed": 5})
            task_id = r.json()["data"]["taskId"]
        s.src = {"key": key, "task_id": task_id, "info": s.wait_status(key["apiKey"], task_id, ("SUCCESS",), 400)}
        yield s


def _wav(c, url):
    y, _ = sf.read(io.BytesIO(c.get(url).content), dtype="float32", always_2d=True)
    return y.T


def _credits(c):
    return c.get("/api/v1/chat/credit").json()["data"]


def test_replace_a_section_of_a_rendered_track(svc):
    key, tid = svc.src["key"], svc.src["task_id"]
    track = svc.src["info"]["response"]["sunoData"][0]
    with svc.client(key["apiKey"]) as c:
        before = _credits(c)
        r = c.post("/api/v1/generate/replace-section", json={
            "taskId": tid, "audioId": track["id"], "prompt": NEW, "tags": "pop", "title": "Home",
            "infillStartS": 5.0, "infillEndS": 12.5, "callBackUrl": svc.cb.url})
        assert r.status_code == 200, r.text
        new_id = r.json()["data"]["taskId"]
        assert _credits(c) == before - 6
        info = svc.wait_status(key["apiKey"], new_id, ("SUCCESS", "GENERATE_AUDIO_FAILED"), 300)
        assert info["status"] == "SUCCESS", info["errorMessage"]
        assert info["type"] == "REPLACE_SECTION" and "Silver trains are calling" in info["lyrics"]
        new = info["response"]["sunoData"][0]
        a, b = info["replacedSection"]["infillStartS"], info["replacedSection"]["infillEndS"]  # snapped
        assert abs(a - 5.0) < 1.5 and abs(b - 12.5) < 1.5 and info["parentMusicId"] == track["id"]
        assert c.get(info["analysisUrl"]).status_code == 200
        sr = 44100
        i, j = int(round(a * sr)), int(round(b * sr))
        pre_old = _wav(c, track["vocalsUrl"]) + _wav(c, track["instrumentalUrl"])
        pre_new = _wav(c, new["vocalsUrl"]) + _wav(c, new["instrumentalUrl"])
        np.testing.assert_array_equal(pre_new[:, :i], pre_old[:, :i])
        np.testing.assert_array_equal(pre_new[:, j:], pre_old[:, j:])
        words = c.post("/api/v1/generate/get-timestamped-lyrics",
                       json={"taskId": new_id, "audioId": new["id"]}).json()["data"]["alignedWords"]
        inside = " ".join(w["word"].split("\n")[-1] for w in words if a - 1e-3 <= w["startS"] < b)
        assert "Silver trains are calling" in inside and "Nothing here is falling" in inside
        # the callback: a generation's "complete", with the new track
        deadline = time.time() + 30
        while not [x for x in svc.cb.calls if x["body"]["data"].get("task_id") == new_id]:
            assert time.time() < deadline
            time.sleep(0.1)
        cb = [x for x in svc.cb.calls if x["body"]["data"].get("task_id") == new_id][0]["body"]
        assert cb["code"] == 200 and cb["data"]["callbackType"] == "complete"
        assert cb["data"]["data"][0]["id"] == new["id"]
        listed = [x["taskId"] for x in c.get("/api/v1/generate/record-list").json()["data"]["records"]]
        assert new_id in listed and tid in listed  # the playground's history shows both songs
        # a replaced track can itself be the source of a WAV (and of another replace)
        w = c.post("/api/v1/wav/generate", json={"taskId": new_id, "audioId": new["id"], "callBackUrl": svc.cb.url})
        assert w.status_code == 200, w.text


@pytest.mark.parametrize("case, code, fragment", [
    ("unknown", 404, "No task"),
    ("other-key", 404, "No task"),
    ("pending", 409, "no finished track yet"),
    ("expired", 410, "expired"),
    ("too-short", 422, "6 to 60 s"),
    ("too-long", 422, "6 to 60 s"),
    ("over-half", 422, "more than half"),
    ("reversed", 422, "greater than"),
    ("past-end", 422, "past the end"),
    ("no-take", 409, "rendered before"),
    ("empty-prompt", 422, "prompt"),
])
def test_replace_errors(svc, case, code, fragment):
    key, other = svc.new_key(credits=50), svc.new_key()
    body = {"prompt": NEW, "infillStartS": 2.0, "infillEndS": 10.0, "callBackUrl": svc.cb.url}
    seconds = 30.0
    if case == "unknown":
        body["taskId"] = "0" * 32
    elif case == "other-key":
        body["taskId"] = make_finished_task(svc, other["accountId"], seconds=seconds)["taskId"]
    elif case == "pending":
        body["taskId"] = make_finished_task(svc, key["accountId"], status="TEXT_SUCCESS", tracks=0)["taskId"]
    elif case == "expired":
        body["taskId"] = make_finished_task(svc, key["accountId"], expired=True, seconds=seconds)["taskId"]
    else:
        body["taskId"] = make_finished_task(svc, key["accountId"], seconds=seconds)["taskId"]
        body |= {"too-short": {"infillEndS": 7.9}, "too-long": {"infillStartS": 0.0, "infillEndS": 61.0},
                 "over-half": {"infillStartS": 0.0, "infillEndS": 16.0}, "reversed": {"infillEndS": 1.0},
                 "past-end": {"infillStartS": 25.0, "infillEndS": 31.0}, "no-take": {},
                 "empty-prompt": {"prompt": "  "}}[case]
    with svc.client(key["apiKey"]) as c:
        r = c.post("/api/v1/generate/replace-section", json=body)
        assert r.status_code == code and r.json()["code"] == code, r.text
        assert fragment in r.json()["msg"], r.json()["msg"]
        assert _credits(c) == 50  # nothing charged


def test_replace_record_info_of_another_key_is_unknown(svc):
    key = svc.src["key"]
    with svc.client(key["apiKey"]) as c:
        r = c.post("/api/v1/generate/replace-section", json={
            "taskId": svc.src["task_id"], "prompt": NEW, "infillStartS": 4.0, "infillEndS": 10.0,
            "callBackUrl": svc.cb.url})
        tid = r.json()["data"]["taskId"]
    with svc.client(svc.new_key()["apiKey"]) as c:
        r = c.get("/api/v1/generate/record-info", params={"taskId": tid})
        assert r.status_code == 404
    with svc.client(key["apiKey"]) as c:
        r = c.get("/api/v1/wav/record-info", params={"taskId": tid})
        assert r.status_code == 404 and "/api/v1/generate/record-info" in r.json()["msg"]


def test_a_render_that_fails_is_refunded_with_an_error_callback(svc):
    key = svc.new_key(credits=50)
    src = make_finished_task(svc, key["accountId"], seconds=30.0, tracks=1)
    with svc.ctx.db.session() as s:  # claims a sung take the store does not hold: the worker fails
        t = s.get(Task, src["taskId"])
        tracks = json.loads(t.tracks)
        tracks[0]["files"]["dry"] = f"tasks/{src['taskId']}/track-1.dry.flac"
        t.tracks = json.dumps(tracks)
    with svc.client(key["apiKey"]) as c:
        r = c.post("/api/v1/generate/replace-section", json={
            "taskId": src["taskId"], "prompt": NEW, "infillStartS": 3.0, "infillEndS": 10.0,
            "callBackUrl": svc.cb.url})
        assert r.status_code == 200, r.text
        tid = r.json()["data"]["taskId"]
        info = svc.wait_status(key["apiKey"], tid, ("GENERATE_AUDIO_FAILED", "SUCCESS"), 60)
        assert info["status"] == "GENERATE_AUDIO_FAILED" and info["errorCode"] == 531
        assert _credits(c) == 50
    deadline = time.time() + 20
    while not (cbs := [x["body"] for x in svc.cb.calls if x["body"]["data"].get("task_id") == tid]):
        assert time.time() < deadline
        time.sleep(0.1)
    assert cbs[0]["code"] == 531 and cbs[0]["data"]["callbackType"] == "error"


def test_no_malformed_request_gets_a_500(svc):
    key = svc.new_key(credits=50)
    src = make_finished_task(svc, key["accountId"], seconds=30.0)
    ok_body = {"taskId": src["taskId"], "prompt": NEW, "infillStartS": 2.0, "infillEndS": 10.0,
               "callBackUrl": svc.cb.url}
    bodies = [[], None, "x", 1, {**ok_body, "infillStartS": "x"}, {**ok_body, "infillStartS": -1},
              {**ok_body, "infillEndS": 1e308}, {**ok_body, "prompt": 1}, {**ok_body, "prompt": "\x00"},
              {**ok_body, "prompt": "x" * 5000}, {**ok_body, "taskId": "\x00"}, {**ok_body, "audioId": ["a"]},
              {**ok_body, "callBackUrl": "http://%00/x"}, {**ok_body, "title": 5}, {**ok_body, "prompt": "[Verse]\n..."}]
    raws = [b'{"taskId": "a", "prompt": "x", "infillStartS": NaN, "infillEndS": 9, "callBackUrl": "https://x.test"}',
            b'{"taskId": "a", "prompt": "x", "infillStartS": 1, "infillEndS": 1e999, "callBackUrl": "https://x.test"}',
            b"[" * 100_000, b"\xff\xfe"]
    mp4 = {"taskId": src["taskId"], "callBackUrl": svc.cb.url}
    mp4_bodies = [[], {**mp4, "author": 1}, {**mp4, "domainName": "x" * 51}, {**mp4, "taskId": "x" * 10000}]
    with svc.client(key["apiKey"]) as c:
        for b in bodies:
            r = c.post("/api/v1/generate/replace-section", json=b)
            assert 400 <= r.status_code < 500 and r.json()["code"] == r.status_code, (b, r.text)
        for raw in raws:
            r = c.post("/api/v1/generate/replace-section", content=raw, headers={"Content-Type": "application/json"})
            assert 400 <= r.status_code < 500, (raw[:40], r.text)
        for b in mp4_bodies:
            r = c.post("/api/v1/mp4/generate", json=b)
            assert 400 <= r.status_code < 500 and r.json()["code"] == r.status_code, (b, r.text)
        for q in ({}, {"taskId": ""}, {"taskId": "\x00"}, {"taskId": "x" * 5000}):
            assert 400 <= c.get("/api/v1/mp4/record-info", params=q).status_code < 500
        assert _credits(c) == 50
