"""The derived endpoints on a task the real pipeline rendered: the stems are the mix's, the MIDI's
sung melody is the score's, the WAV is the master."""

from __future__ import annotations

import io
import json
import time

import numpy as np
import pytest
import soundfile as sf

from tests.instrumentals import instrumental_wav
from tests.service.live import CallbackReceiver, LiveService

LYRICS = "[Verse]\nWalking down the road tonight\nEvery window full of light\n[Chorus]\nHold on, hold on\nWe are going home"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    with LiveService(tmp_path_factory.mktemp("e2e"), TOPLINE_RECORD_INFO_PER_SECOND="50") as svc, \
            CallbackReceiver() as rx:
        key = svc.new_key(credits=100)
        url = svc.upload(key["apiKey"], instrumental_wav(12.0))
        with svc.client(key["apiKey"]) as c:
            r = c.post("/api/v1/generate/add-vocals", json={
                "uploadUrl": url, "prompt": LYRICS, "title": "Home", "style": "pop", "negativeTags": "",
                "callBackUrl": rx.url, "vocalGender": "m", "seed": 5})
            task_id = r.json()["data"]["taskId"]
        info = svc.wait_status(key["apiKey"], task_id, ("SUCCESS",), timeout=400)
        yield {"svc": svc, "key": key, "task_id": task_id, "info": info, "c": svc.client(key["apiKey"])}


def _wav(c, url):
    y, sr = sf.read(io.BytesIO(c.get(url).content), dtype="float32", always_2d=True)
    return y.T


def test_stems_and_wav_of_a_rendered_track(rendered):
    c, tid, track = rendered["c"], rendered["task_id"], rendered["info"]["response"]["sunoData"][0]
    wav = c.post("/api/v1/wav/generate", json={"taskId": tid, "audioId": track["id"], "callBackUrl": "https://x.test/cb"})
    w = c.get("/api/v1/wav/record-info", params={"taskId": wav.json()["data"]["taskId"]}).json()["data"]
    assert c.get(w["response"]["audioWavUrl"]).content == c.get(track["wavUrl"]).content
    sep = c.post("/api/v1/vocal-removal/generate", json={"taskId": tid, "audioId": track["id"],
                                                         "type": "split_stem", "callBackUrl": "https://x.test/cb"})
    r = c.get("/api/v1/vocal-removal/record-info", params={"taskId": sep.json()["data"]["taskId"]}).json()["data"]
    resp = r["response"]
    lead, backing = _wav(c, resp["vocalUrl"]), _wav(c, resp["backingVocalsUrl"])
    vocal, inst = _wav(c, track["vocalsUrl"]), _wav(c, resp["instrumentalUrl"])
    assert np.max(np.abs(lead + backing - vocal)) <= 1e-6
    assert np.sqrt(np.mean(backing ** 2)) > 1e-4 and np.mean(lead ** 2) > np.mean(backing ** 2)
    np.testing.assert_array_equal(inst, _wav(c, track["instrumentalUrl"]))


def test_midi_of_a_rendered_track(rendered):
    c, tid, track = rendered["c"], rendered["task_id"], rendered["info"]["response"]["sunoData"][0]
    m = c.post("/api/v1/midi/generate", json={"taskId": tid, "audioId": track["id"], "callBackUrl": "https://x.test/cb"})
    mid = m.json()["data"]["taskId"]
    deadline = time.time() + 120
    while (d := c.get("/api/v1/midi/record-info", params={"taskId": mid}).json()["data"])["successFlag"] == 0:
        assert time.time() < deadline
        time.sleep(0.5)
    assert d["successFlag"] == 1
    score = json.loads(c.get(track["scoreUrl"]).content)
    sung = d["midiData"]["instruments"][0]["notes"]
    assert [(n["pitch"], n["start"], n["end"]) for n in sung] == [(x["midi"], x["start"], x["end"])
                                                                  for x in score["notes"]]
    assert len(d["midiData"]["instruments"][1]["notes"]) > 5  # the chords and bass of the instrumental
