"""End to end over real HTTP: upload, add-vocals, callbacks in order with verifiable signatures,
record-info, timestamped lyrics, file ranges, credits and the delivery log."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import httpx
import pytest

from tests.instrumentals import instrumental_wav
from tests.service.live import CallbackReceiver, LiveService

LYRICS = "[Verse]\nHello my friend, it's 24/7\nSing it to the end\n[Chorus]\nOh we go home\n(go home)"


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    """One real task run to completion; the tests below inspect what it left."""
    with LiveService(tmp_path_factory.mktemp("svc")) as svc, CallbackReceiver() as rx:
        key = svc.new_key(credits=100)
        url = svc.upload(key["apiKey"], instrumental_wav(12.0))
        with svc.client(key["apiKey"]) as c:
            r = c.post("/api/v1/generate/add-vocals", json={
                "uploadUrl": url, "prompt": LYRICS, "title": "Home", "style": "indie pop", "negativeTags": " ",
                "callBackUrl": rx.url, "vocalGender": "f", "styleWeight": 0.6, "weirdnessConstraint": 0.2,
                "audioWeight": 0.7, "model": "V5", "seed": 11})
            assert r.status_code == 200, r.text
            task_id = r.json()["data"]["taskId"]
            rx.wait_for("complete", timeout=300)
            info = svc.wait_status(key["apiKey"], task_id, ("SUCCESS",))
        yield {"svc": svc, "rx": rx, "key": key, "task_id": task_id, "info": info}


def test_accept_reply_and_stages_in_order(finished):
    assert finished["rx"].stages() == ["text", "first", "complete"]
    assert len(finished["task_id"]) == 32


def test_callback_bodies_have_the_documented_shapes(finished):
    rx, task_id = finished["rx"], finished["task_id"]
    text, first, complete = (c["body"] for c in rx.calls)
    assert text == {"code": 200, "msg": "Text generation completed.",
                    "data": {"callbackType": "text", "task_id": task_id, "data": []}}
    assert first["data"]["callbackType"] == "first" and len(first["data"]["data"]) == 1
    assert complete["msg"] == "All generated successfully."
    tracks = complete["data"]["data"]
    assert len(tracks) == 2 and tracks[0]["id"] != tracks[1]["id"]
    for t in tracks:
        assert {"id", "audio_url", "source_audio_url", "stream_audio_url", "source_stream_audio_url", "image_url",
                "source_image_url", "prompt", "model_name", "title", "tags", "createTime", "duration"} <= set(t)
        assert isinstance(t["createTime"], int) and t["createTime"] > 1_700_000_000_000
        assert t["title"] == "Home" and t["tags"] == "indie pop" and t["model_name"] == "chirp-v5"
        assert t["prompt"].startswith("[Verse]\nHello my friend, it's 24/7")
        assert 11.0 <= t["duration"] <= 13.0


def test_signature_and_body_hash_verify(finished):
    key = finished["key"]["webhookKey"]
    ids = set()
    for call in finished["rx"].calls:
        h = {k.lower(): v for k, v in call["headers"].items()}
        ts = h["x-webhook-timestamp"]
        expected = base64.b64encode(hmac.new(key.encode(), f"{finished['task_id']}.{ts}".encode(),
                                             hashlib.sha256).digest()).decode()
        assert h["x-webhook-signature"] == expected
        assert h["x-topline-body-sha256"] == hashlib.sha256(call["raw"]).hexdigest()
        ids.add(h["x-topline-delivery-id"])
    assert len(ids) == 3


def test_record_info_agrees_with_callbacks(finished):
    info = finished["info"]
    assert info["status"] == "SUCCESS" and info["type"] == "ADD_VOCALS" and info["operationType"] == "add_vocals"
    assert info["errorCode"] is None and info["errorMessage"] is None
    param = json.loads(info["param"])
    assert param["title"] == "Home" and param["negativeTags"] == " " and param["seed"] == 11
    cb = finished["rx"].calls[-1]["body"]["data"]["data"]
    suno = info["response"]["sunoData"]
    assert [t["id"] for t in suno] == [t["id"] for t in cb]
    assert [t["audioUrl"] for t in suno] == [t["audio_url"] for t in cb]
    for t in suno:
        for k in ("wavUrl", "vocalsUrl", "instrumentalUrl", "midiUrl", "scoreUrl", "lyricsUrl"):
            assert t[k].startswith(finished["svc"].url + "/files/tasks/")


def test_files_serve_with_ranges(finished):
    svc, info = finished["svc"], finished["info"]
    url = info["response"]["sunoData"][0]["audioUrl"]
    with httpx.Client() as c:
        whole = c.get(url)
        assert whole.status_code == 200 and whole.headers["content-type"] == "audio/mpeg"
        part = c.get(url, headers={"Range": "bytes=100-199"})
        assert part.status_code == 206 and part.content == whole.content[100:200]
        assert part.headers["content-range"] == f"bytes 100-199/{len(whole.content)}"
        tail = c.get(url, headers={"Range": "bytes=-10"})
        assert tail.content == whole.content[-10:]
        bad = c.get(url, headers={"Range": f"bytes={len(whole.content) + 5}-"})
        assert bad.status_code == 416
        img = c.get(info["response"]["sunoData"][0]["imageUrl"])
        assert img.content[:3] == b"\xff\xd8\xff"
        assert c.get(f"{svc.url}/files/tasks/{finished['task_id']}/input.wav").status_code == 404
        assert c.get(f"{svc.url}/files/../../etc/passwd").status_code == 404


def test_timestamped_lyrics_are_every_word_in_order(finished):
    svc, key, info = finished["svc"], finished["key"], finished["info"]
    audio_id = info["response"]["sunoData"][1]["id"]
    with svc.client(key["apiKey"]) as c:
        r = c.post("/api/v1/generate/get-timestamped-lyrics", json={"taskId": finished["task_id"], "audioId": audio_id})
    data = r.json()["data"]
    words = [w["word"].split("\n")[-1] for w in data["alignedWords"]]
    assert words == "Hello my friend, it's 24/7 Sing it to the end Oh we go home go home".split()
    starts = [w["startS"] for w in data["alignedWords"]]
    assert starts == sorted(starts) and all(w["endS"] > w["startS"] for w in data["alignedWords"])
    assert data["alignedWords"][0]["word"].startswith("[Verse]\n")
    assert len(data["waveformData"]) == 500 and max(data["waveformData"]) <= 1.0
    assert data["hootCer"] == 0.0 and data["isStreamed"] is False


def test_credits_charged_once_and_delivery_log(finished):
    svc, key = finished["svc"], finished["key"]
    with svc.client(key["apiKey"]) as c:
        assert c.get("/api/v1/chat/credit").json() == {"code": 200, "msg": "success", "data": 88}
        assert c.get("/api/v1/generate/credit").json()["data"] == 88
        log = c.get("/api/v1/generate/callback-log", params={"taskId": finished["task_id"]}).json()["data"]
        history = c.get("/api/v1/generate/record-list").json()["data"]
    assert [d["stage"] for d in log] == ["text", "first", "complete"]
    assert all(d["state"] == "delivered" and d["log"][0]["statusCode"] == 200 for d in log)
    assert history["total"] == 1 and history["records"][0]["taskId"] == finished["task_id"]


def test_get_with_json_content_type_and_empty_body(finished):
    svc, key = finished["svc"], finished["key"]
    with svc.client(key["apiKey"]) as c:
        r = c.get("/api/v1/generate/record-info", params={"taskId": finished["task_id"]},
                  headers={"Content-Type": "application/json"})
    assert r.status_code == 200 and r.json()["data"]["status"] == "SUCCESS"


def test_health_metrics_and_openapi(finished):
    svc = finished["svc"]
    with httpx.Client(base_url=svc.url) as c:
        health = c.get("/health").json()
        metrics = c.get("/metrics").text
        spec = c.get("/openapi.json").json()
    assert health["data"]["status"] == "ok" and health["data"]["mode"] == "embedded"
    assert 'topline_tasks{status="SUCCESS"} 1.0' in metrics
    assert 'topline_callback_deliveries{state="delivered"} 3.0' in metrics
    assert "topline_http_requests_total" in metrics
    assert {"/api/v1/generate/add-vocals", "/api/v1/generate/record-info", "/api/file-stream-upload"} <= set(spec["paths"])
