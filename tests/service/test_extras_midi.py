"""POST /api/v1/midi/generate and its record-info: the sung melody from the score, the instrumental
transcribed, run in a worker; callbacks, credits, refunds and every error."""

from __future__ import annotations

import io
import time

import mido
import pytest

from tests.production.signals import score
from tests.service.extras_support import PLAYED, make_finished_task
from tests.service.live import CallbackReceiver, LiveService
from tests.service.test_extras_files import callback_for, credits, fetch, get, post


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    with LiveService(tmp_path_factory.mktemp("midi"), TOPLINE_RATE_LIMIT_PER_MINUTE="1000",
                     TOPLINE_RECORD_INFO_PER_SECOND="100") as s:
        with CallbackReceiver() as cb:
            s.cb = cb
            yield s


@pytest.fixture
def key(svc):
    return svc.new_key(credits=20)


def wait_midi(svc, key, tid, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        info = get(svc, key, "/api/v1/midi/record-info", taskId=tid).json()["data"]
        if info["successFlag"] != 0:
            return info
        time.sleep(0.2)
    raise TimeoutError(tid)


def test_midi_success(svc, key):
    src = make_finished_task(svc, key["accountId"], seconds=4.0)
    r = post(svc, key, "/api/v1/midi/generate", {"taskId": src["taskId"], "audioId": src["audioIds"][0],
                                                 "callBackUrl": svc.cb.url})
    assert r.status_code == 200
    tid = r.json()["data"]["taskId"]
    info = wait_midi(svc, key, tid)
    assert info["successFlag"] == 1 and info["errorCode"] is None and info["audioId"] == src["audioIds"][0]
    assert info["recordTaskId"] == -1 and isinstance(info["completeTime"], int)
    data = info["midiData"]
    assert data["state"] == "complete" and [i["name"] for i in data["instruments"]] == ["Lead Vocal", "Instrumental"]
    sung = data["instruments"][0]["notes"]
    want = score(4.0, chorus_from=2.0).notes
    assert [(n["pitch"], n["start"], n["end"]) for n in sung] == [(x.midi, round(x.start, 4), round(x.end, 4))
                                                                  for x in want]
    assert all(n["velocity"] == round(90 / 127, 4) for n in sung)
    played = [n for n in data["instruments"][1]["notes"] if n["velocity"] >= 0.5]
    assert sorted(n["pitch"] for n in played) == sorted(p for p, _, _ in PLAYED)
    for n in played:
        _, a, b = next(x for x in PLAYED if x[0] == n["pitch"])
        assert abs(n["start"] - a) <= 0.05 and 0 < n["velocity"] <= 1
    mid = mido.MidiFile(file=io.BytesIO(fetch(svc, info["midiUrl"])))
    names = [next(m.name for m in t if m.type == "track_name") for t in mid.tracks]
    assert names == ["Lead Vocal", "Instrumental"]
    assert sum(1 for m in mid.tracks[0] if m.type == "note_on") == len(sung)
    body = callback_for(svc, tid)["body"]
    assert body["code"] == 200 and body["task_id"] == tid and body["data"]["task_id"] == tid
    assert body["data"]["state"] == "complete" and body["data"]["instruments"] == data["instruments"]
    assert credits(svc, key) == 20 - 2
    again = post(svc, key, "/api/v1/midi/generate", {"taskId": src["taskId"], "callBackUrl": svc.cb.url})
    assert again.json()["data"]["taskId"] == tid and credits(svc, key) == 20 - 2


def test_midi_from_a_vocal_removal_task(svc, key):
    src = make_finished_task(svc, key["accountId"])
    vr = post(svc, key, "/api/v1/vocal-removal/generate", {"taskId": src["taskId"], "audioId": src["audioIds"][1],
                                                           "type": "split_stem", "callBackUrl": svc.cb.url})
    tid = post(svc, key, "/api/v1/midi/generate", {"taskId": vr.json()["data"]["taskId"],
                                                   "callBackUrl": svc.cb.url}).json()["data"]["taskId"]
    info = wait_midi(svc, key, tid)
    assert info["successFlag"] == 1 and info["audioId"] == src["audioIds"][1]


def test_midi_failure_in_the_worker_is_refunded(svc, key):
    src = make_finished_task(svc, key["accountId"])
    svc.ctx.store.delete(src["tracks"][0]["files"]["score"])
    tid = post(svc, key, "/api/v1/midi/generate", {"taskId": src["taskId"], "callBackUrl": svc.cb.url}
               ).json()["data"]["taskId"]
    info = wait_midi(svc, key, tid)
    assert info["successFlag"] == 3 and info["errorCode"] == 531 and info["midiData"] is None
    assert "does not exist" in info["errorMessage"]
    body = callback_for(svc, tid)["body"]
    assert body["code"] == 531 and body["task_id"] == tid and body["data"]["state"] == "failed"
    assert credits(svc, key) == 20  # refunded


@pytest.mark.parametrize("case, code", [("unknown", 404), ("other-key", 404), ("pending", 409), ("expired", 410)])
def test_midi_errors(svc, key, case, code):
    body = {"callBackUrl": svc.cb.url}
    if case == "unknown":
        body["taskId"] = "0" * 32
    elif case == "other-key":
        body["taskId"] = make_finished_task(svc, svc.new_key()["accountId"])["taskId"]
    elif case == "pending":
        body["taskId"] = make_finished_task(svc, key["accountId"], status="PENDING", tracks=0)["taskId"]
    else:
        body["taskId"] = make_finished_task(svc, key["accountId"], expired=True)["taskId"]
    r = post(svc, key, "/api/v1/midi/generate", body)
    assert r.status_code == code and r.json()["code"] == code
    assert credits(svc, key) == 20


def test_midi_record_info_errors(svc, key):
    assert get(svc, key, "/api/v1/midi/record-info", taskId="0" * 32).status_code == 404
    r = get(svc, key, "/api/v1/midi/record-info")
    assert r.status_code == 422 and "taskId is required" in r.json()["msg"]
