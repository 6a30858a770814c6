"""What an attacker or a careless client tries: stored script, undeliverable callbacks, malformed
values, retried submits. Each gets a clear 4xx (never a 500) and nothing is charged for it."""

from __future__ import annotations

import base64
import io
import json
from urllib.parse import urlparse

import numpy as np
import pytest
import soundfile as sf

from tests.instrumentals import instrumental_wav
from tests.service.live import LiveService

SCRIPT = b"<html><body><script>fetch('/steal?k='+localStorage.getItem('toplineKey'))</script></body></html>"
ID3_THEN_HTML = b"ID3\x03\x00\x00\x00\x00\x00\x00" + SCRIPT  # sniffs as "MP3" by its first bytes alone


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    with LiveService(tmp_path_factory.mktemp("hard"), start_workers=False, TOPLINE_RATE_LIMIT_PER_MINUTE="1000",
                     TOPLINE_MAX_AUDIO_S="60") as s:
        s.key = s.new_key(credits=1000)
        s.wav = instrumental_wav(12.0)
        s.audio_url = s.upload(s.key["apiKey"], s.wav)
        yield s


def _body(svc, **over):
    b = {"uploadUrl": svc.audio_url, "prompt": "la la la\nla la", "title": "T", "style": "pop",
         "negativeTags": "", "callBackUrl": "https://example.com/callback"}
    b.update(over)
    return {k: v for k, v in b.items() if v is not ...}


def _post(svc, payload, key=None, headers=None, raw: bytes | None = None):
    with svc.client(key or svc.key["apiKey"]) as c:
        if raw is not None:
            return c.post("/api/v1/generate/add-vocals", content=raw,
                          headers={"Content-Type": "application/json", **(headers or {})})
        return c.post("/api/v1/generate/add-vocals", json=payload, headers=headers or {})


def _credits(svc, key):
    with svc.client(key) as c:
        return c.get("/api/v1/chat/credit").json()["data"]


def _wav(y: np.ndarray, sr: int) -> bytes:
    buf = io.BytesIO()
    sf.write(buf, y, sr, format="WAV")
    return buf.getvalue()


# --- stored script --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["evil.html", "evil.svg", "evil.xhtml"])
def test_script_disguised_as_mp3_is_not_stored(svc, name):
    with svc.client(svc.key["apiKey"]) as c:
        r1 = c.post("/api/file-stream-upload", files={"file": (name, ID3_THEN_HTML, "text/html")},
                    data={"uploadPath": "x", "fileName": name})
        r2 = c.post("/api/file-base64-upload", json={"base64Data": base64.b64encode(ID3_THEN_HTML).decode(),
                                                      "uploadPath": "x", "fileName": name})
    for r in (r1, r2):
        assert r.status_code == 422 and r.json()["code"] == 422, r.text
        assert "cannot be used for add-vocals" in r.json()["msg"] and "not audio we can decode" in r.json()["msg"]
    assert not [b.key for b in svc.ctx.store.list("uploads/") if not b.key.endswith(".wav")]


def test_a_stored_page_is_never_served_as_a_page(svc):
    # a file stored before uploads were decode-checked, under a name that claims HTML
    svc.ctx.store.put("uploads/old/x/evil.html", ID3_THEN_HTML)
    with svc.client() as c:
        r = c.get("/files/uploads/old/x/evil.html")
    assert r.status_code == 200 and r.content == ID3_THEN_HTML
    assert r.headers["content-type"] == "application/octet-stream"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-security-policy"].startswith("default-src 'none'; sandbox")
    assert r.headers["content-disposition"].startswith('attachment; filename="evil.html"')


def test_upload_served_as_its_verified_type(svc):
    with svc.client(svc.key["apiKey"]) as c:
        up = c.post("/api/file-stream-upload", files={"file": ("my beat (final).HTML", svc.wav, "text/html")},
                    data={"uploadPath": "a b/c"}).json()["data"]
        r = c.get(up["downloadUrl"])
    assert up["fileName"] == "my_beat_final.wav" and up["mimeType"] == "audio/wav"
    assert " " not in up["downloadUrl"] and up["downloadUrl"].endswith("/a_b/c/my_beat_final.wav")
    assert r.status_code == 200 and r.headers["content-type"] == "audio/wav" and r.content == svc.wav
    assert r.headers["x-content-type-options"] == "nosniff" and "sandbox" in r.headers["content-security-policy"]
    assert r.headers["content-disposition"].startswith('inline; filename="my_beat_final.wav"')


def test_upload_named_input_is_served(svc):
    with svc.client(svc.key["apiKey"]) as c:
        up = c.post("/api/file-stream-upload", files={"file": ("input.mp3", svc.wav, "audio/mpeg")}).json()["data"]
        r = c.get(up["downloadUrl"])
    assert up["fileName"] == "input.wav"  # the extension of what the bytes are
    assert r.status_code == 200 and r.content == svc.wav


def test_playground_has_a_content_security_policy(svc):
    with svc.client() as c:
        page, script = c.get("/"), c.get("/static/app.js")
    for r in (page, script):
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


# --- bad input, never a 500 ----------------------------------------------------------------------

def test_overlong_file_name_is_404(svc):
    folder = urlparse(svc.audio_url).path.rsplit("/", 1)[0]  # an existing folder: the name itself is too long
    with svc.client() as c:
        r = c.get(f"{folder}/{'a' * 300}.wav")
        r2 = c.get(f"/files/uploads/{'b' * 300}/x.wav")
    assert r.status_code == 404 and r.json()["code"] == 404
    assert r2.status_code == 404


def test_huge_record_list_page_is_422(svc):
    with svc.client(svc.key["apiKey"]) as c:
        r = c.get("/api/v1/generate/record-list", params={"page": "99999999999999999999"})
    assert r.status_code == 422 and r.json()["msg"] == "page must be at most 1000000"


def test_own_upload_url_with_dot_dot_is_4xx(svc):
    before = _credits(svc, svc.key["apiKey"])
    r = _post(svc, _body(svc, uploadUrl=f"{svc.url}/files/uploads/../x"))
    assert r.status_code == 451 and "uploadUrl is not a valid file link of this server" in r.json()["msg"]
    assert _credits(svc, svc.key["apiKey"]) == before


def test_too_long_upload_refused_at_upload(svc):
    long = _wav(np.tile(0.2 * np.sin(np.arange(8000) * 0.07), 61).astype(np.float32), sr=8000)  # 61 s > 60 s
    with svc.client(svc.key["apiKey"]) as c:
        r = c.post("/api/file-stream-upload", files={"file": ("long.wav", long, "audio/wav")})
    assert r.status_code == 422
    assert r.json()["msg"] == ("The uploaded file cannot be used for add-vocals: The audio is 1.0 minutes long; "
                               "trim it to at most 1 minutes.")


def test_lyrics_with_nothing_to_sing_refused_before_charging(svc):
    k = svc.new_key(credits=100)
    r = _post(svc, _body(svc, prompt="[Verse]\n[Chorus]\n!!!"), key=k["apiKey"])
    assert r.status_code == 422 and r.json()["msg"].startswith("prompt: The lyrics contain no words to sing")
    assert _credits(svc, k["apiKey"]) == 100


@pytest.mark.parametrize("over, message", [
    ({"styleWeight": True}, "styleWeight must be a number, not the boolean true"),
    ({"styleWeight": "0.5"}, "styleWeight must be a number, not the string '0.5' (send numbers without quotes)"),
    ({"audioWeight": "high"}, "audioWeight must be a number, not the string 'high'"),
    ({"seed": "7"}, "seed must be an integer, not the string '7' (send numbers without quotes)"),
    ({"seed": True}, "seed must be an integer, not the boolean true"),
    ({"seed": 7.5}, "seed must be an integer, not the number 7.5"),
    ({"prompt": 42}, "prompt must be a string, not the number 42"),
])
def test_strict_types_name_the_type(svc, over, message):
    r = _post(svc, _body(svc, **over))
    assert r.status_code == 422 and r.json()["msg"] == message


def test_nan_is_not_a_number(svc):
    raw = json.dumps(_body(svc, styleWeight=float("nan"))).encode()
    assert b"NaN" in raw
    r = _post(svc, None, raw=raw)
    assert r.status_code == 422 and r.json()["msg"] == "styleWeight must be a finite number, not NaN (not a number)"


def test_record_info_limit_is_not_spent_by_another_key(svc):
    task = _post(svc, _body(svc)).json()["data"]["taskId"]
    other = svc.new_key()
    with svc.client(other["apiKey"]) as c:
        assert {c.get("/api/v1/generate/record-info", params={"taskId": task}).status_code
                for _ in range(8)} == {404}
    with svc.client(svc.key["apiKey"]) as c:
        r = c.get("/api/v1/generate/record-info", params={"taskId": task})
    assert r.status_code == 200 and r.json()["data"]["taskId"] == task


# --- callBackUrl checked at accept -----------------------------------------------------------------

@pytest.fixture(scope="module")
def public_only(tmp_path_factory):
    with LiveService(tmp_path_factory.mktemp("pub"), start_workers=False, TOPLINE_ALLOW_PRIVATE_URLS="0") as s:
        s.key = s.new_key(credits=100)
        s.audio_url = s.upload(s.key["apiKey"], instrumental_wav(12.0))  # our own link: no fetch
        yield s


@pytest.mark.parametrize("url, kind", [
    ("http://127.0.0.1:9/cb", "a loopback address (127.0.0.1)"),
    ("http://localhost/cb", "a loopback address"),
    ("https://10.1.2.3/cb", "a private address (10.1.2.3)"),
    ("http://169.254.169.254/latest", "the cloud metadata address"),
    ("http://[::ffff:127.0.0.1]/cb", "a loopback address"),
])
def test_undeliverable_callback_url_is_422_and_free(public_only, url, kind):
    r = _post(public_only, _body(public_only, callBackUrl=url))
    assert r.status_code == 422 and r.json()["code"] == 422
    msg = r.json()["msg"]
    assert msg.startswith("callBackUrl resolves to") and kind in msg and "callbacks could never be delivered" in msg
    assert _credits(public_only, public_only.key["apiKey"]) == 100


def test_malformed_callback_url_is_422(public_only):
    r = _post(public_only, _body(public_only, callBackUrl="http://example.com:99999/cb"))
    assert r.status_code == 422 and "callBackUrl" in r.json()["msg"]


# --- Idempotency-Key ------------------------------------------------------------------------------

def test_idempotency_key_answers_the_first_task_and_charges_once(svc):
    k = svc.new_key(credits=100)
    h = {"Idempotency-Key": "order-42"}
    first = _post(svc, _body(svc, seed=3), key=k["apiKey"], headers=h)
    again = _post(svc, _body(svc, seed=3), key=k["apiKey"], headers=h)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert _credits(svc, k["apiKey"]) == 100 - svc.ctx.settings.credits_per_task
    other = _post(svc, _body(svc, seed=4), key=k["apiKey"], headers=h)
    assert other.status_code == 409 and other.json()["code"] == 409
    assert "Idempotency-Key 'order-42' was already used with a different request" in other.json()["msg"]
    # keys are per account: another key's "order-42" is its own
    k2 = svc.new_key(credits=100)
    mine = _post(svc, _body(svc, seed=3), key=k2["apiKey"], headers=h)
    assert mine.status_code == 200 and mine.json()["data"]["taskId"] != first.json()["data"]["taskId"]
    # without the header, the same request is a new task
    assert _post(svc, _body(svc, seed=3), key=k["apiKey"]).json()["data"]["taskId"] != first.json()["data"]["taskId"]


def test_idempotency_key_expires_after_24_hours(svc):
    from topline.tasks.models import IdempotencyKey

    k = svc.new_key(credits=100)
    h = {"Idempotency-Key": "daily"}
    first = _post(svc, _body(svc), key=k["apiKey"], headers=h).json()["data"]["taskId"]
    with svc.ctx.db.session() as s:
        s.query(IdempotencyKey).filter_by(key="daily", account_id=k["accountId"]).one().created_at -= 86401
    later = _post(svc, _body(svc), key=k["apiKey"], headers=h)
    assert later.status_code == 200 and later.json()["data"]["taskId"] != first


@pytest.mark.parametrize("value", [b"x" * 256, "caf\u00e9".encode(), b"two words"])
def test_bad_idempotency_key_is_422(svc, value):
    r = _post(svc, _body(svc), headers={"Idempotency-Key": value})
    assert r.status_code == 422 and "Idempotency-Key must be 1 to 255 visible ASCII characters" in r.json()["msg"]


def test_idempotency_key_holds_when_submits_race(svc):
    from concurrent.futures import ThreadPoolExecutor

    k = svc.new_key(credits=100)
    h = {"Idempotency-Key": "race-1"}
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: _post(svc, _body(svc, seed=11), key=k["apiKey"], headers=h), range(4)))
    assert [r.status_code for r in answers] == [200] * 4
    assert len({r.json()["data"]["taskId"] for r in answers}) == 1
    assert _credits(svc, k["apiKey"]) == 100 - svc.ctx.settings.credits_per_task
    # the submits that lost the race kept nothing: every stored instrumental belongs to a task
    ids = _task_ids(svc)
    assert all(b.key.split("/")[1] in ids for b in svc.ctx.store.list("tasks/") if "/input." in b.key)


def _task_ids(svc) -> set[str]:
    from topline.tasks.models import Task

    with svc.ctx.db.session() as s:
        return {t for (t,) in s.query(Task.id).all()}


def test_huge_upload_path_and_name_are_cut_to_size(svc):
    with svc.client(svc.key["apiKey"]) as c:
        r = c.post("/api/file-stream-upload", files={"file": ("n" * 3000 + ".wav", svc.wav, "audio/wav")},
                   data={"uploadPath": "/".join(["p" * 5000] * 8)})
    assert r.status_code == 200, r.text
    key = r.json()["data"]["filePath"]
    parts = key.split("/")
    assert parts[2:7] == ["p" * 40] * 5 and parts[-1] == "n" * 100 + ".wav" and len(key) < 400


def test_overlong_callback_url_is_422(svc):
    r = _post(svc, _body(svc, callBackUrl="https://example.com/" + "c" * 2000))
    assert r.status_code == 422 and r.json()["msg"] == "callBackUrl must be at most 2000 characters"


# --- a sweep of malformed requests: a clear 4xx each, never a 500 ----------------------------------

_ADD = "/api/v1/generate/add-vocals"


def _malformed(svc, task_id: str) -> list[tuple[str, str, dict]]:
    ok = _body(svc)
    weird = ["http://[::1", "http://exa mple.com/x", "http://%00/x", "http:///x", "http://a:b@/x", "http://\u0000x/",
             "http://" + "a" * 300 + ".com/x", "https://example.com:0/x", "http://xn--/x", "http://1.2.3.4.5/x"]
    cases: list[tuple[str, str, dict]] = []
    for body in ([], None, "x", 1, {"uploadUrl": 1}, {**ok, "prompt": "\x00"}, {**ok, "seed": -1},
                 {**ok, "seed": 2**63}, {**ok, "title": "\U0001F3B5" * 100}, {**ok, "negativeTags": None},
                 {**ok, "vocalGender": ["m"]}, {**ok, "model": {"x": 1}}):
        cases.append(("POST", _ADD, {"json": body}))
    for url in weird:
        cases.append(("POST", _ADD, {"json": {**ok, "uploadUrl": url}}))
        cases.append(("POST", _ADD, {"json": {**ok, "callBackUrl": url}}))
        cases.append(("POST", "/api/file-url-upload", {"json": {"fileUrl": url}}))
    for q in ({"taskId": "../x"}, {"taskId": "\x00"}, {"taskId": "x" * 10000}):
        cases.append(("GET", "/api/v1/generate/record-info", {"params": q}))
        cases.append(("GET", "/api/v1/generate/callback-log", {"params": q}))
    for q in ({"page": "-1"}, {"pageSize": "0"}, {"page": "abc"}, {"pageSize": "1e3"}):
        cases.append(("GET", "/api/v1/generate/record-list", {"params": q}))
    for body in ({"taskId": 1}, {"taskId": task_id, "musicIndex": 99999999999999999999},
                 {"taskId": task_id, "musicIndex": -1}, {"taskId": task_id, "audioId": "\x00" * 50}, []):
        cases.append(("POST", "/api/v1/generate/get-timestamped-lyrics", {"json": body}))
    for body in ({"base64Data": "data:,"}, {"base64Data": "data:audio/wav;base64"}, {"base64Data": ""},
                 {"base64Data": base64.b64encode(svc.wav).decode(), "fileName": "\x00", "uploadPath": "\x00/../.."}):
        cases.append(("POST", "/api/file-base64-upload", {"json": body}))
    for path in ("/files/%00", "/files/tasks/..%2f..%2fetc/passwd", "/files/uploads/a/b/%ff", "/files/" + "x/" * 600,
                 "/files/uploads//x/y.wav"):
        cases.append(("GET", path, {}))
    for content, ctype in ((b"--\r\n", "application/json"), (b"x", "multipart/form-data"),
                           (b"--b\r\ngarbage", "multipart/form-data; boundary=b"), (b"", "multipart/form-data; boundary=b"),
                           (b"--" + b"b" * 5000 + b"\r\n", "application/json")):
        cases.append(("POST", "/api/file-stream-upload", {"content": content, "headers": {"Content-Type": ctype}}))
    for raw in (b"[" * 100_000, b'{"a":' * 50_000, b"\xff\xfe", b'{"prompt": "\\ud800"}', b"1e999999"):
        cases.append(("POST", _ADD, {"content": raw, "headers": {"Content-Type": "application/json"}}))
        cases.append(("POST", "/api/file-base64-upload", {"content": raw, "headers": {"Content-Type": "application/json"}}))
    cases.append(("POST", _ADD, {"content": json.dumps(ok).encode(), "headers": {"Content-Type": "text/plain"}}))
    for auth in ("Bearer", "Bearer " + "a" * 10000, "bearer x y", "Basic dXNlcjpwYXNz"):
        cases.append(("GET", "/api/v1/chat/credit", {"headers": {"Authorization": auth}}))
    cases.append(("GET", "/api/v1/generate/record-info?taskId=%ff%fe", {}))
    folder = urlparse(svc.audio_url).path
    for rng in ("bytes=99999999999999999999-", "bytes=5-1", "bytes=-0", "bytes=0-99999999999999999999", "chars=1-2"):
        cases.append(("GET", folder, {"headers": {"Range": rng}}))
    return cases


def test_no_malformed_request_gets_a_500(svc):
    task_id = _post(svc, _body(svc)).json()["data"]["taskId"]
    bad = []
    with svc.client(svc.key["apiKey"]) as c:
        for method, path, kw in _malformed(svc, task_id):
            r = c.request(method, path, **kw)
            if r.status_code >= 500 or (r.headers.get("content-type", "").startswith("application/json")
                                        and r.status_code != 200 and not r.json().get("msg")):
                bad.append((method, path[:60], str(kw)[:80], r.status_code, r.text[:120]))
    assert bad == []
