"""WAV and vocal removal: what upstream clients send and read, callbacks, credits and every error."""

from __future__ import annotations

import base64
import hashlib
import hmac

import numpy as np
import pytest

from tests.service.extras_support import make_finished_task, read_wav
from tests.service.live import CallbackReceiver, LiveService


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    with LiveService(tmp_path_factory.mktemp("extras"), TOPLINE_RATE_LIMIT_PER_MINUTE="1000",
                     TOPLINE_RECORD_INFO_PER_SECOND="100") as s:
        with CallbackReceiver() as cb:
            s.cb = cb
            yield s


@pytest.fixture
def key(svc):
    return svc.new_key(credits=100)


def post(svc, key, path, body):
    with svc.client(key["apiKey"]) as c:
        return c.post(path, json=body)


def get(svc, key, path, **params):
    with svc.client(key["apiKey"]) as c:
        return c.get(path, params=params)


def fetch(svc, url: str) -> bytes:
    with svc.client() as c:
        r = c.get(url)
        assert r.status_code == 200, url
        return r.content


def credits(svc, key) -> int:
    return get(svc, key, "/api/v1/chat/credit").json()["data"]


def callback_for(svc, task_id):
    import time

    deadline = time.time() + 20
    while time.time() < deadline:
        for c in list(svc.cb.calls):
            d = c["body"].get("data") or {}
            if d.get("task_id") == task_id or c["body"].get("task_id") == task_id:
                return c
        time.sleep(0.05)
    raise TimeoutError(f"no callback for {task_id}")


# --- WAV -----------------------------------------------------------------------------------------

def test_wav_success_record_info_and_callback(svc, key):
    src = make_finished_task(svc, key["accountId"])
    r = post(svc, key, "/api/v1/wav/generate", {"taskId": src["taskId"], "audioId": src["audioIds"][1],
                                                "callBackUrl": svc.cb.url})
    assert r.status_code == 200 and r.json()["code"] == 200
    tid = r.json()["data"]["taskId"]
    info = get(svc, key, "/api/v1/wav/record-info", taskId=tid).json()["data"]
    assert info["successFlag"] == "SUCCESS" and info["taskId"] == tid
    assert info["musicId"] == src["audioIds"][1] and info["musicIndex"] == 1
    assert info["errorCode"] is None and info["errorMessage"] is None and info["filesExpired"] is False
    assert isinstance(info["createTime"], int) and isinstance(info["completeTime"], int)
    assert info["callbackUrl"] == svc.cb.url
    wav = fetch(svc, info["response"]["audioWavUrl"])
    assert wav == svc.ctx.store.get(src["tracks"][1]["files"]["wav"])  # the master itself, at once
    call = callback_for(svc, tid)
    body = call["body"]
    assert body["code"] == 200 and body["data"]["audioWavUrl"] == info["response"]["audioWavUrl"]
    assert body["data"]["audio_wav_url"] == body["data"]["audioWavUrl"]
    # signed with the account's webhook key, kie's scheme
    h = call["headers"]
    expected = base64.b64encode(hmac.new(key["webhookKey"].encode(), f"{tid}.{h['X-Webhook-Timestamp']}".encode(),
                                         hashlib.sha256).digest()).decode()
    assert h["X-Webhook-Signature"] == expected
    assert h["X-Topline-Body-SHA256"] == hashlib.sha256(call["raw"]).hexdigest()
    assert credits(svc, key) == 100 - 1
    log = get(svc, key, "/api/v1/generate/callback-log", taskId=tid).json()["data"]
    assert [d["stage"] for d in log] == ["complete"]


def test_wav_default_track_and_repeat_is_free(svc, key):
    src = make_finished_task(svc, key["accountId"])
    body = {"taskId": src["taskId"], "callBackUrl": svc.cb.url}
    t1 = post(svc, key, "/api/v1/wav/generate", body).json()["data"]["taskId"]
    t2 = post(svc, key, "/api/v1/wav/generate", body | {"audioId": src["audioIds"][0]}).json()["data"]["taskId"]
    assert t1 == t2  # the same track again: the same task, charged once
    assert credits(svc, key) == 100 - 1
    info = get(svc, key, "/api/v1/wav/record-info", taskId=t1).json()["data"]
    assert info["musicId"] == src["audioIds"][0] and info["musicIndex"] == 0
    t3 = post(svc, key, "/api/v1/wav/generate", body | {"audioId": src["audioIds"][1]}).json()["data"]["taskId"]
    assert t3 != t1 and credits(svc, key) == 100 - 2


@pytest.mark.parametrize("case, code, fragment", [
    ("unknown", 404, "No task"),
    ("other-key", 404, "No task"),
    ("pending", 409, "no finished track yet"),
    ("first-only", 409, "not finished yet"),
    ("failed", 409, "failed"),
    ("expired", 410, "expired"),
    ("bad-audio", 404, "has no track"),
])
def test_wav_errors(svc, key, case, code, fragment):
    other = svc.new_key()
    body = {"callBackUrl": svc.cb.url}
    if case == "unknown":
        body["taskId"] = "0" * 32
    elif case == "other-key":
        body["taskId"] = make_finished_task(svc, other["accountId"])["taskId"]
    elif case == "pending":
        body["taskId"] = make_finished_task(svc, key["accountId"], status="TEXT_SUCCESS", tracks=0)["taskId"]
    elif case == "first-only":
        src = make_finished_task(svc, key["accountId"], status="FIRST_SUCCESS", tracks=1)
        from topline.pipeline import audio_id_for

        body |= {"taskId": src["taskId"], "audioId": audio_id_for(src["taskId"], 2)}
    elif case == "failed":
        body["taskId"] = make_finished_task(svc, key["accountId"], status="GENERATE_AUDIO_FAILED", tracks=0)["taskId"]
    elif case == "expired":
        body["taskId"] = make_finished_task(svc, key["accountId"], expired=True)["taskId"]
    elif case == "bad-audio":
        body |= {"taskId": make_finished_task(svc, key["accountId"])["taskId"], "audioId": "nope"}
    r = post(svc, key, "/api/v1/wav/generate", body)
    assert r.status_code == code and r.json()["code"] == code and r.json()["data"] is None
    assert fragment in r.json()["msg"], r.json()["msg"]
    assert credits(svc, key) == 100  # nothing charged


def test_audio_id_alone_finds_its_task(svc, key):
    src = make_finished_task(svc, key["accountId"])
    make_finished_task(svc, key["accountId"])  # another task of the same key
    tid = post(svc, key, "/api/v1/wav/generate", {"audioId": src["audioIds"][1], "callBackUrl": svc.cb.url}
               ).json()["data"]["taskId"]
    info = get(svc, key, "/api/v1/wav/record-info", taskId=tid).json()["data"]
    assert info["musicId"] == src["audioIds"][1] and info["musicIndex"] == 1
    r = post(svc, key, "/api/v1/vocal-removal/generate", {"audioId": "nope_%", "callBackUrl": svc.cb.url})
    assert r.status_code == 404 and "No track 'nope_%'" in r.json()["msg"]
    other = svc.new_key()  # another key's track is not found either
    r = post(svc, other, "/api/v1/wav/generate", {"audioId": src["audioIds"][0], "callBackUrl": svc.cb.url})
    assert r.status_code == 404


def test_wav_first_track_usable_before_the_task_ends(svc, key):
    src = make_finished_task(svc, key["accountId"], status="FIRST_SUCCESS", tracks=1)
    r = post(svc, key, "/api/v1/wav/generate", {"taskId": src["taskId"], "callBackUrl": svc.cb.url})
    assert r.status_code == 200


@pytest.mark.parametrize("body, fragment", [
    ({"callBackUrl": "https://x.test/cb"}, "taskId is required"),
    ({"taskId": "abc"}, "callBackUrl is required"),
    ({"taskId": "abc", "callBackUrl": "ftp://x"}, "callBackUrl: must be an http"),
    ({"taskId": 5, "callBackUrl": "https://x.test/cb"}, "taskId must be a string"),
])
def test_wav_validation(svc, key, body, fragment):
    r = post(svc, key, "/api/v1/wav/generate", body)
    assert r.status_code == 422 and fragment in r.json()["msg"], r.json()["msg"]


def test_wav_no_credits(svc):
    poor = svc.new_key(credits=0)
    src = make_finished_task(svc, poor["accountId"])
    r = post(svc, poor, "/api/v1/wav/generate", {"taskId": src["taskId"], "callBackUrl": svc.cb.url})
    assert r.status_code == 402 and "Insufficient credits" in r.json()["msg"]


def test_wav_needs_a_key(svc):
    with svc.client() as c:
        assert c.post("/api/v1/wav/generate", json={"taskId": "x", "callBackUrl": "https://x.test"}).status_code == 401
        assert c.get("/api/v1/wav/record-info", params={"taskId": "x"}).status_code == 401


def test_record_info_errors_and_kinds_stay_apart(svc, key):
    src = make_finished_task(svc, key["accountId"])
    tid = post(svc, key, "/api/v1/wav/generate", {"taskId": src["taskId"], "callBackUrl": svc.cb.url}
               ).json()["data"]["taskId"]
    assert get(svc, key, "/api/v1/wav/record-info", taskId="f" * 32).status_code == 404
    other = svc.new_key()
    assert get(svc, other, "/api/v1/wav/record-info", taskId=tid).status_code == 404  # another key's task
    r = get(svc, key, "/api/v1/wav/record-info", taskId=src["taskId"])  # an add-vocals id at the WAV endpoint
    assert r.status_code == 404 and "/api/v1/generate/record-info" in r.json()["msg"]
    r = get(svc, key, "/api/v1/generate/record-info", taskId=tid)
    assert r.status_code == 404 and "/api/v1/wav/record-info" in r.json()["msg"]
    listed = get(svc, key, "/api/v1/generate/record-list").json()["data"]["records"]
    assert tid not in [x["taskId"] for x in listed] and src["taskId"] in [x["taskId"] for x in listed]


def test_record_info_after_the_files_expired(svc, key):
    from topline.tasks.models import Task

    src = make_finished_task(svc, key["accountId"])
    tid = post(svc, key, "/api/v1/wav/generate", {"taskId": src["taskId"], "callBackUrl": svc.cb.url}
               ).json()["data"]["taskId"]
    with svc.ctx.db.session() as s:
        s.get(Task, src["taskId"]).files_expired = True
    info = get(svc, key, "/api/v1/wav/record-info", taskId=tid).json()["data"]
    assert info["filesExpired"] is True and info["response"] is None and "expired" in info["errorMessage"]
    assert info["successFlag"] == "SUCCESS"


# --- vocal removal -------------------------------------------------------------------------------

def test_separate_vocal_gives_the_stems_that_were_mixed(svc, key):
    src = make_finished_task(svc, key["accountId"])
    r = post(svc, key, "/api/v1/vocal-removal/generate", {"taskId": src["taskId"], "audioId": src["audioIds"][0],
                                                          "type": "separate_vocal", "callBackUrl": svc.cb.url})
    tid = r.json()["data"]["taskId"]
    info = get(svc, key, "/api/v1/vocal-removal/record-info", taskId=tid).json()["data"]
    resp = info["response"]
    files = src["tracks"][0]["files"]
    assert fetch(svc, resp["vocalUrl"]) == svc.ctx.store.get(files["vocals"])
    assert fetch(svc, resp["instrumentalUrl"]) == svc.ctx.store.get(files["instrumental"])
    assert fetch(svc, resp["originUrl"]) == svc.ctx.store.get(files["mp3"])
    assert resp["backingVocalsUrl"] is None and resp["drumsUrl"] is None
    assert [d["stem_type_group_name"] for d in resp["originData"]] == ["Vocals", "Instrumental"]
    assert info["successFlag"] == "SUCCESS" and info["musicId"] == src["audioIds"][0]
    body = callback_for(svc, tid)["body"]
    vri = body["data"]["vocal_removal_info"]
    assert body["code"] == 200 and vri["vocal_url"] == resp["vocalUrl"]
    assert vri["instrumental_url"] == resp["instrumentalUrl"] and vri["origin_url"] == resp["originUrl"]
    assert "drums_url" not in vri  # separate_vocal has the three URLs only
    assert credits(svc, key) == 100 - 1


def test_split_stem_lead_backing_and_instrumental(svc, key):
    src = make_finished_task(svc, key["accountId"])
    tid = post(svc, key, "/api/v1/vocal-removal/generate", {"taskId": src["taskId"], "type": "split_stem",
                                                            "callBackUrl": svc.cb.url}).json()["data"]["taskId"]
    resp = get(svc, key, "/api/v1/vocal-removal/record-info", taskId=tid).json()["data"]["response"]
    lead = read_wav(fetch(svc, resp["vocalUrl"]))
    backing = read_wav(fetch(svc, resp["backingVocalsUrl"]))
    stems = src["stems"][1]
    assert np.max(np.abs(backing - stems["backing"])) <= 2.0 ** -23  # kept as 24-bit FLAC
    assert np.max(np.abs(lead + backing - stems["vocal"])) <= 1e-6  # lead + backing = the vocal stem
    half = lead.shape[1] // 2
    np.testing.assert_array_equal(lead[:, :half], stems["vocal"][:, :half])  # no backing there
    np.testing.assert_array_equal(read_wav(fetch(svc, resp["instrumentalUrl"])), stems["instrumental"])
    assert all(resp[f"{n}Url"] is None for n in ("drums", "bass", "guitar", "piano", "keyboard", "percussion",
                                                 "strings", "synth", "fx", "brass", "woodwinds"))
    assert [d["stem_type_group_name"] for d in resp["originData"]] == ["Lead Vocals", "Backing Vocals",
                                                                      "Instrumental"]
    vri = callback_for(svc, tid)["body"]["data"]["vocal_removal_info"]
    assert vri["vocal_url"] == resp["vocalUrl"] and vri["backing_vocals_url"] == resp["backingVocalsUrl"]
    assert vri["drums_url"] is None and vri["instrumental_url"] == resp["instrumentalUrl"]
    assert credits(svc, key) == 100 - 2
    # separate_vocal of the same track is another request (another task)
    t2 = post(svc, key, "/api/v1/vocal-removal/generate", {"taskId": src["taskId"], "type": "separate_vocal",
                                                           "callBackUrl": svc.cb.url}).json()["data"]["taskId"]
    assert t2 != tid


def test_split_stem_without_backing_voices(svc, key):
    src = make_finished_task(svc, key["accountId"], backing=False)
    tid = post(svc, key, "/api/v1/vocal-removal/generate", {"taskId": src["taskId"], "type": "split_stem",
                                                            "callBackUrl": svc.cb.url}).json()["data"]["taskId"]
    resp = get(svc, key, "/api/v1/vocal-removal/record-info", taskId=tid).json()["data"]["response"]
    assert resp["backingVocalsUrl"] is None
    assert fetch(svc, resp["vocalUrl"]) == svc.ctx.store.get(src["tracks"][0]["files"]["vocals"])


@pytest.mark.parametrize("case, code", [("unknown", 404), ("expired", 410), ("pending", 409), ("type", 422)])
def test_vocal_removal_errors(svc, key, case, code):
    body = {"callBackUrl": svc.cb.url, "type": "separate_vocal"}
    if case == "unknown":
        body["taskId"] = "0" * 32
    elif case == "expired":
        body["taskId"] = make_finished_task(svc, key["accountId"], expired=True)["taskId"]
    elif case == "pending":
        body["taskId"] = make_finished_task(svc, key["accountId"], status="PENDING", tracks=0)["taskId"]
    else:
        body |= {"taskId": make_finished_task(svc, key["accountId"])["taskId"], "type": "karaoke"}
    r = post(svc, key, "/api/v1/vocal-removal/generate", body)
    assert r.status_code == code and r.json()["code"] == code
    if case == "type":
        assert "type must be one of 'separate_vocal' or 'split_stem'" in r.json()["msg"], r.json()["msg"]
    assert credits(svc, key) == 100


def test_retention_sweeps_derived_files_and_record_info_says_so(svc, key):
    import time as _time

    from topline.tasks import retention

    src = make_finished_task(svc, key["accountId"])
    tid = post(svc, key, "/api/v1/vocal-removal/generate", {"taskId": src["taskId"], "type": "split_stem",
                                                            "callBackUrl": svc.cb.url}).json()["data"]["taskId"]
    lead_key = f"tasks/{tid}/lead-vocal.wav"
    assert svc.ctx.store.exists(lead_key)
    retention.sweep(svc.ctx, at=_time.time() + 15 * 86400)
    assert not svc.ctx.store.exists(lead_key) and not svc.ctx.store.exists(src["tracks"][0]["files"]["vocals"])
    info = get(svc, key, "/api/v1/vocal-removal/record-info", taskId=tid).json()["data"]
    assert info["filesExpired"] is True and info["response"] is None and "expired" in info["errorMessage"]
    r = post(svc, key, "/api/v1/vocal-removal/generate", {"taskId": src["taskId"], "type": "split_stem",
                                                          "callBackUrl": svc.cb.url})
    assert r.status_code == 410  # the source is gone: no new task from it


def test_no_malformed_request_to_the_derived_endpoints_gets_a_500(svc, key):
    src = make_finished_task(svc, key["accountId"])
    cb = {"callBackUrl": svc.cb.url}
    ok_track = {"taskId": src["taskId"], **cb}
    weird_urls = ["http://[::1", "http://exa mple.com/x", "http://%00/x", "http:///x", "http://xn--/x",
                  "https://example.com:0/x", "http://" + "a" * 3000 + ".com/x"]
    bodies = [[], None, "x", 1, {"taskId": 1, **cb}, {"taskId": "\x00", **cb}, {"taskId": "x" * 10000, **cb},
              {"audioId": "\x00" * 50, **cb}, {"audioId": "%_\\", **cb}, {**ok_track, "audioId": ["a"]},
              {**ok_track, "type": ["split_stem"]}, {**ok_track, "type": None}]
    bodies += [{**ok_track, "callBackUrl": u} for u in weird_urls]
    cases = [("POST", p, {"json": b}) for p in ("/api/v1/wav/generate", "/api/v1/vocal-removal/generate",
                                                 "/api/v1/midi/generate") for b in bodies]
    for b in ([], {"prompt": "\x00", **cb}, {"prompt": 1, **cb}, {"prompt": "rain", "seed": -1, **cb},
              {"prompt": "rain", "seed": 2**63, **cb}, {"prompt": "rain", "seed": 1.5, **cb},
              {"prompt": "rain", "callBackUrl": "http://%00/x"}):
        cases.append(("POST", "/api/v1/lyrics", {"json": b}))
    persona = {"taskId": src["taskId"], "name": "x"}
    for b in ({**persona, "vocalStart": "x"}, {**persona, "vocalStart": -1}, {**persona, "vocalEnd": 1e308},
              {**persona, "name": ""}, {**persona, "name": "\x00" * 300}, {**persona, "audioId": {"a": 1}}, []):
        cases.append(("POST", "/api/v1/generate/generate-persona", {"json": b}))
    for raw in (b"[" * 100_000, b'{"a":' * 50_000, b"\xff\xfe", b'{"prompt": "\\ud800", "callBackUrl": "https://x.test"}',
                b'{"taskId": "a", "name": "n", "vocalStart": NaN}', b'{"taskId": "a", "name": "n", "vocalEnd": 1e999}'):
        for p in ("/api/v1/wav/generate", "/api/v1/lyrics", "/api/v1/generate/generate-persona"):
            cases.append(("POST", p, {"content": raw, "headers": {"Content-Type": "application/json"}}))
    for p in ("/api/v1/wav/record-info", "/api/v1/vocal-removal/record-info", "/api/v1/midi/record-info",
              "/api/v1/lyrics/record-info"):
        for q in ({"taskId": "../x"}, {"taskId": "\x00"}, {"taskId": "x" * 10000}, {}):
            cases.append(("GET", p, {"params": q}))
        cases.append(("GET", p + "?taskId=%ff%fe", {}))
    bad = []
    with svc.client(key["apiKey"]) as c:
        for method, path, kw in cases:
            r = c.request(method, path, **kw)
            if r.status_code >= 500 or (r.status_code != 200 and not r.json().get("msg")):
                bad.append((method, path, str(kw)[:100], r.status_code, r.text[:160]))
    assert bad == []
