"""Every bad input gets its documented code and a message that says what to fix; nothing is lost."""

from __future__ import annotations

import base64
import io
import time

import numpy as np
import pytest
import soundfile as sf

from tests.instrumentals import instrumental_wav
from tests.service.live import CallbackReceiver, LiveService


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    # No workers: these tests look at what the API accepts or refuses, not at rendering.
    with LiveService(tmp_path_factory.mktemp("err"), start_workers=False, TOPLINE_RATE_LIMIT_PER_MINUTE="1000") as s:
        key = s.new_key(credits=1000)
        s.key = key
        s.audio_url = s.upload(key["apiKey"], instrumental_wav(12.0))
        yield s


def body(svc, **over):
    b = {"uploadUrl": svc.audio_url, "prompt": "la la la\nla la", "title": "T", "style": "pop",
         "negativeTags": "", "callBackUrl": "https://example.com/callback"}
    b.update(over)
    return {k: v for k, v in b.items() if v is not ...}


def post(svc, payload, key=None):
    with svc.client(key or svc.key["apiKey"]) as c:
        return c.post("/api/v1/generate/add-vocals", json=payload)


@pytest.mark.parametrize("over, fragment", [
    ({"uploadUrl": ...}, "uploadUrl is required"),
    ({"prompt": ...}, "prompt is required"),
    ({"title": ...}, "title is required"),
    ({"style": ...}, "style is required"),
    ({"negativeTags": ...}, "negativeTags is required"),
    ({"callBackUrl": ...}, "callBackUrl is required"),
    ({"bogus": 1}, "bogus is not a field of this request"),
    ({"prompt": 42}, "prompt must be a string"),
    ({"prompt": "   "}, "prompt: must not be empty"),
    ({"prompt": "a" * 5001}, "prompt must be at most 5000 characters"),
    ({"title": "t" * 101}, "title must be at most 100 characters"),
    ({"style": "s" * 1001}, "style must be at most 1000 characters"),
    ({"negativeTags": "n" * 201}, "negativeTags must be at most 200 characters"),
    ({"styleWeight": 1.5}, "styleWeight must be at most 1"),
    ({"weirdnessConstraint": -0.1}, "weirdnessConstraint must be at least 0"),
    ({"audioWeight": 0.555}, "audioWeight must be a multiple of 0.01"),
    ({"styleWeight": "high"}, "styleWeight must be a number"),
    ({"vocalGender": "x"}, "vocalGender must be one of 'm' or 'f'"),
    ({"model": "V3"}, "model must be one of"),
    ({"uploadUrl": "ftp://x/y.mp3"}, "uploadUrl: must be an http:// or https:// URL"),
    ({"callBackUrl": "not a url"}, "callBackUrl: must be an http:// or https:// URL"),
])
def test_validation_names_the_field(svc, over, fragment):
    r = post(svc, body(svc, **over))
    assert r.status_code == 422
    j = r.json()
    assert j["code"] == 422 and j["data"] is None and fragment in j["msg"], j["msg"]


def test_body_not_json(svc):
    with svc.client(svc.key["apiKey"]) as c:
        r = c.post("/api/v1/generate/add-vocals", content=b"{nope", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "not valid JSON" in r.json()["msg"]


def test_blank_negative_tags_accepted(svc):
    r = post(svc, body(svc, negativeTags=" "))
    assert r.status_code == 200 and len(r.json()["data"]["taskId"]) == 32


@pytest.mark.parametrize("auth, fragment", [
    (None, "Missing API key"),
    ("Bearer nope", "Invalid API key"),
    ("Token abc", "Malformed Authorization header"),
])
def test_auth(svc, auth, fragment):
    with svc.client() as c:
        r = c.post("/api/v1/generate/add-vocals", json=body(svc), headers={"Authorization": auth} if auth else {})
    assert r.status_code == 401 and r.json()["code"] == 401 and fragment in r.json()["msg"]


def test_revoked_key(svc):
    from topline.tasks import accounts

    k = svc.new_key()
    with svc.ctx.db.session() as s:
        assert accounts.revoke_key(s, k["apiKey"][:10]) == 1
    r = post(svc, body(svc), key=k["apiKey"])
    assert r.status_code == 401 and "revoked" in r.json()["msg"]


def test_no_credits_is_402_and_charges_nothing(svc):
    k = svc.new_key(credits=5)
    r = post(svc, body(svc), key=k["apiKey"])
    assert r.status_code == 402 and "Insufficient credits" in r.json()["msg"] and "balance is 5" in r.json()["msg"]
    with svc.client(k["apiKey"]) as c:
        assert c.get("/api/v1/chat/credit").json()["data"] == 5


def _upload_url(svc, data: bytes, name: str) -> str:
    # stored straight into the upload area (the upload endpoint itself refuses non-audio)
    key = f"uploads/raw/{name}"
    svc.ctx.store.put(key, data)
    return f"{svc.url}/files/{key}"


@pytest.mark.parametrize("make, fragment", [
    (lambda: b"<html><body>not audio</body></html>", "not audio"),
    (lambda: b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 20, "not audio we can decode"),
    (lambda: _wav(np.zeros(22050 * 8, np.float32)), "silent"),
    (lambda: _wav(0.3 * np.sin(np.arange(22050 * 2) * 0.05).astype(np.float32)), "upload at least 5 seconds"),
])
def test_bad_audio_is_451_and_charges_nothing(svc, make, fragment):
    k = svc.new_key(credits=100)
    url = _upload_url(svc, make(), f"bad-{time.time_ns()}.wav")
    r = post(svc, body(svc, uploadUrl=url), key=k["apiKey"])
    assert r.status_code == 451 and r.json()["code"] == 451, r.text
    assert fragment in r.json()["msg"], r.json()["msg"]
    with svc.client(k["apiKey"]) as c:
        assert c.get("/api/v1/chat/credit").json()["data"] == 100


def _wav(y: np.ndarray, sr: int = 22050) -> bytes:
    buf = io.BytesIO()
    sf.write(buf, y, sr, format="WAV")
    return buf.getvalue()


def test_too_long_audio_is_451(tmp_path):
    long = _wav(np.tile(0.2 * np.sin(np.arange(8000) * 0.07), 61).astype(np.float32), sr=8000)
    with LiveService(tmp_path, start_workers=False, TOPLINE_MAX_AUDIO_S="60") as s:
        k = s.new_key()
        url = _upload_url(s, long, "long.wav")
        with s.client(k["apiKey"]) as c:
            r = c.post("/api/v1/generate/add-vocals", json={
                "uploadUrl": url, "prompt": "la", "title": "", "style": "", "negativeTags": "",
                "callBackUrl": "https://example.com/cb"})
    assert r.status_code == 451 and r.json()["msg"] == "The audio is 1.0 minutes long; trim it to at most 1 minutes."


def test_private_address_refused_when_not_allowed(tmp_path):
    with LiveService(tmp_path, start_workers=False, TOPLINE_ALLOW_PRIVATE_URLS="0") as s:
        k = s.new_key()
        with s.client(k["apiKey"]) as c:
            r = c.post("/api/v1/generate/add-vocals", json={
                "uploadUrl": "http://10.1.2.3/beat.mp3", "prompt": "la", "title": "", "style": "",
                "negativeTags": "", "callBackUrl": "https://example.com/cb"})
            r2 = c.post("/api/file-url-upload", json={"fileUrl": "http://169.254.169.254/latest/meta-data"})
            credit = c.get("/api/v1/chat/credit").json()["data"]
    assert r.status_code == 451 and "private address (10.1.2.3)" in r.json()["msg"]
    assert r2.status_code == 451 and "fileUrl" in r2.json()["msg"]
    assert credit == 1000


def test_unreachable_upload_url(svc):
    r = post(svc, body(svc, uploadUrl="http://127.0.0.1:9/nothing.mp3"))
    assert r.status_code == 451 and "uploadUrl" in r.json()["msg"] and "refused the connection" in r.json()["msg"]


def test_missing_own_upload(svc):
    r = post(svc, body(svc, uploadUrl=f"{svc.url}/files/uploads/none/x.wav"))
    assert r.status_code == 451 and "does not exist or has expired" in r.json()["msg"]


def test_unknown_task_and_endpoint(svc):
    with svc.client(svc.key["apiKey"]) as c:
        r = c.get("/api/v1/generate/record-info", params={"taskId": "nope"})
        assert r.status_code == 404 and "No task 'nope'" in r.json()["msg"]
        r = c.get("/api/v1/generate/record-info")
        assert r.status_code == 422 and "taskId is required" in r.json()["msg"]
        r = c.get("/api/v1/nothing")
        assert r.status_code == 404 and r.json() == {"code": 404, "msg": "No such endpoint: GET /api/v1/nothing",
                                                     "data": None}


def test_other_accounts_task_is_not_found(svc):
    r = post(svc, body(svc))
    task_id = r.json()["data"]["taskId"]
    other = svc.new_key()
    with svc.client(other["apiKey"]) as c:
        assert c.get("/api/v1/generate/record-info", params={"taskId": task_id}).status_code == 404


def test_record_info_poll_limit_is_429_with_retry_after(svc):
    task_id = post(svc, body(svc)).json()["data"]["taskId"]
    with svc.client(svc.key["apiKey"]) as c:
        codes = [c.get("/api/v1/generate/record-info", params={"taskId": task_id}) for _ in range(6)]
    limited = [r for r in codes if r.status_code == 429]
    assert limited and "record-info queries per second" in limited[0].json()["msg"]
    assert int(limited[0].headers["Retry-After"]) >= 1


def test_rate_limit_per_key(tmp_path):
    with LiveService(tmp_path, start_workers=False, TOPLINE_RATE_LIMIT_PER_MINUTE="3") as s:
        k = s.new_key()
        with s.client(k["apiKey"]) as c:
            codes = [c.get("/api/v1/chat/credit").status_code for _ in range(5)]
            last = c.get("/api/v1/chat/credit")
    assert codes[:3] == [200, 200, 200] and 429 in codes[3:]
    assert last.status_code == 429 and "per minute per API key" in last.json()["msg"]
    assert int(last.headers["Retry-After"]) >= 1


def test_maintenance_mode_is_455(tmp_path):
    with LiveService(tmp_path, start_workers=False, TOPLINE_MAINTENANCE="1") as s:
        k = s.new_key()
        with s.client(k["apiKey"]) as c:
            r = c.post("/api/v1/generate/add-vocals", json={})
            credit = c.get("/api/v1/chat/credit")
    assert r.status_code == 455 and "maintenance" in r.json()["msg"]
    assert credit.status_code == 200


class TestUploads:
    def test_stream_upload_reply_shape(self, svc):
        with svc.client(svc.key["apiKey"]) as c:
            r = c.post("/api/file-stream-upload", files={"file": ("my beat.wav", instrumental_wav(12.0), "audio/wav")},
                       data={"uploadPath": "music/../x", "fileName": "song.wav"})
        j = r.json()
        assert r.status_code == 200 and j["success"] is True and j["msg"] == "File uploaded successfully"
        d = j["data"]
        assert d["fileName"] == "song.wav" and d["mimeType"] == "audio/wav" and d["fileSize"] == len(instrumental_wav(12.0))
        assert d["downloadUrl"] == d["fileUrl"] and "/music/x/song.wav" in d["downloadUrl"]
        assert d["expiresAt"] > d["uploadedAt"]

    def test_multipart_labelled_json_is_sniffed(self, svc):
        import httpx

        req = httpx.Request("POST", svc.url + "/api/file-stream-upload",
                            files={"file": ("a.wav", instrumental_wav(12.0), "audio/wav")}, data={"uploadPath": "p"})
        raw = req.read()
        with svc.client(svc.key["apiKey"]) as c:
            r = c.post("/api/file-stream-upload", content=raw, headers={"Content-Type": "application/json"})
        assert r.status_code == 200 and r.json()["data"]["fileName"] == "a.wav"

    def test_base64_and_data_url(self, svc):
        b64 = base64.b64encode(instrumental_wav(12.0)).decode()
        with svc.client(svc.key["apiKey"]) as c:
            r1 = c.post("/api/file-base64-upload", json={"base64Data": b64, "uploadPath": "b", "fileName": "x.wav"})
            r2 = c.post("/api/file-base64-upload", json={"base64Data": "data:audio/wav;base64," + b64, "uploadPath": "b"})
            r3 = c.post("/api/file-base64-upload", json={"base64Data": "@@notbase64@@", "uploadPath": "b"})
            r4 = c.post("/api/file-base64-upload", json={"base64Data": base64.b64encode(b"hello").decode()})
        assert r1.status_code == 200 and r2.status_code == 200
        assert r3.status_code == 422 and "base64Data is not valid base64" in r3.json()["msg"]
        assert r4.status_code == 422 and "not audio" in r4.json()["msg"]

    def test_url_upload_fetches(self, svc):
        with svc.client(svc.key["apiKey"]) as c:
            r = c.post("/api/file-url-upload", json={"fileUrl": svc.audio_url, "uploadPath": "u"})
            r404 = c.post("/api/file-url-upload", json={"fileUrl": svc.url + "/files/uploads/none/none.wav"})
        assert r.status_code == 200 and r.json()["data"]["fileSize"] == len(instrumental_wav(12.0))
        assert r404.status_code == 451 and "404" in r404.json()["msg"]

    def test_stream_upload_without_file(self, svc):
        with svc.client(svc.key["apiKey"]) as c:
            r = c.post("/api/file-stream-upload", data={"uploadPath": "x"},
                       files={"other": ("a.txt", b"x", "text/plain")})
        assert r.status_code == 422 and "file is required" in r.json()["msg"]


def test_receiver_down_slow_or_failing_never_changes_the_task(tmp_path):
    with LiveService(tmp_path, TOPLINE_CALLBACK_TIMEOUT_S="1") as s, CallbackReceiver(mode="slow", delay=2.5) as slow, \
            CallbackReceiver(mode="error") as failing:
        k = s.new_key()
        url = s.upload(k["apiKey"], instrumental_wav(12.0))
        ids = []
        with s.client(k["apiKey"]) as c:
            for cb in ("http://127.0.0.1:9/down", slow.url, failing.url):
                r = c.post("/api/v1/generate/add-vocals", json={
                    "uploadUrl": url, "prompt": "la la la", "title": "x", "style": "pop", "negativeTags": "",
                    "callBackUrl": cb, "seed": 1})
                ids.append(r.json()["data"]["taskId"])
        for task_id in ids:
            assert s.wait_status(k["apiKey"], task_id, ("SUCCESS",), timeout=300)["errorCode"] is None
        deadline = time.time() + 30
        while time.time() < deadline:
            with s.client(k["apiKey"]) as c:
                logs = [c.get("/api/v1/generate/callback-log", params={"taskId": t}).json()["data"] for t in ids]
            if all(d["state"] == "failed" for log in logs for d in log) and all(len(log) == 3 for log in logs):
                break
            time.sleep(0.5)
        down, slowlog, faillog = logs
        assert [d["stage"] for d in down] == ["text", "first", "complete"]
        assert all(d["state"] == "failed" and d["attempts"] == 3 for log in logs for d in log)
        assert "could not reach the receiver" in down[0]["log"][0]["error"]
        assert "did not answer within 1 s" in slowlog[0]["log"][0]["error"]
        assert faillog[0]["log"][0]["statusCode"] == 500 and "answered HTTP 500" in faillog[0]["log"][0]["error"]
        with s.client(k["apiKey"]) as c:
            statuses = [c.get("/api/v1/generate/record-info", params={"taskId": t}).json()["data"]["status"]
                        for t in ids]
        assert statuses == ["SUCCESS"] * 3


def test_task_accepted_when_the_broker_is_away(tmp_path):
    from topline.tasks.models import Task

    with LiveService(tmp_path, TOPLINE_BROKER_URL="amqp://guest:guest@127.0.0.1:1//") as s:
        k = s.new_key()
        url = s.upload(k["apiKey"], instrumental_wav(12.0))
        with s.client(k["apiKey"]) as c:
            t0 = time.time()
            r = c.post("/api/v1/generate/add-vocals", json={
                "uploadUrl": url, "prompt": "la", "title": "", "style": "", "negativeTags": "",
                "callBackUrl": "https://example.com/cb"})
            took = time.time() - t0
        assert r.status_code == 200 and took < 20
        with s.ctx.db.session() as db:
            assert db.get(Task, r.json()["data"]["taskId"]).status == "PENDING"  # kept; the sweep queues it


def test_upload_over_the_size_limit(tmp_path):
    with LiveService(tmp_path, start_workers=False, TOPLINE_MAX_UPLOAD_BYTES=str(200_000)) as s:
        k = s.new_key()
        big = instrumental_wav(12.0)  # about 0.5 MB
        with s.client(k["apiKey"]) as c:
            r = c.post("/api/file-stream-upload", files={"file": ("big.wav", big, "audio/wav")})
            def gen():
                yield b"--x\r\n"
                for _ in range(10):
                    yield b"\0" * 50_000
            r2 = c.post("/api/file-stream-upload", content=gen(),
                        headers={"Content-Type": "multipart/form-data; boundary=x"})
    # 413, like any body over the limit (451 is for a URL the server could not fetch)
    assert r.status_code == 413 and r.json() == {"code": 413, "data": None, "msg": (
        "The upload is larger than 0.191 MB; send a shorter or compressed file.")}
    assert r2.status_code == 413 and "upload is larger than" in r2.json()["msg"]


def test_oversized_json_body_is_refused(tmp_path):
    with LiveService(tmp_path, start_workers=False, TOPLINE_MAX_UPLOAD_BYTES=str(100_000)) as s:
        k = s.new_key()
        with s.client(k["apiKey"]) as c:
            r = c.post("/api/file-base64-upload", json={"base64Data": "A" * 3_000_000, "uploadPath": "x"})
            chunked = c.post("/api/file-base64-upload", headers={"Content-Type": "application/json"},
                             content=(b"A" * 100_000 for _ in range(30)))  # streamed, no length announced
    assert chunked.status_code == 413 and chunked.json()["code"] == 413
    assert r.status_code == 413 and r.json()["code"] == 413 and r.json()["data"] is None
    assert "uploads may be at most 0.0954 MB of audio" in r.json()["msg"]
