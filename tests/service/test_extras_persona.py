"""generate-persona, and add-vocals singing with a personaId (a Topline extension)."""

from __future__ import annotations

import json

import pytest

from tests.instrumentals import instrumental_wav
from tests.service.extras_support import make_finished_task
from tests.service.live import LiveService
from tests.service.test_extras_files import credits, post


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    # no workers: these tests look at what is accepted and stored, not at rendering
    with LiveService(tmp_path_factory.mktemp("persona"), start_workers=False,
                     TOPLINE_RATE_LIMIT_PER_MINUTE="1000") as s:
        yield s


@pytest.fixture
def key(svc):
    return svc.new_key(credits=100)


def persona(svc, key, src, **over):
    body = {"taskId": src["taskId"], "audioId": src["audioIds"][0], "name": "Night Singer",
            "description": "warm and breathy", "vocalStart": 0.0, "vocalEnd": 12.0} | over
    return post(svc, key, "/api/v1/generate/generate-persona", {k: v for k, v in body.items() if v is not ...})


def test_persona_from_a_track_and_add_vocals_with_it(svc, key):
    from topline.tasks import lifecycle
    from topline.tasks.models import Task

    src = make_finished_task(svc, key["accountId"], seconds=12.0)
    r = persona(svc, key, src, style="soul")
    assert r.status_code == 200
    d = r.json()["data"]
    assert len(d["personaId"]) == 32 and d["name"] == "Night Singer" and d["description"] == "warm and breathy"
    with svc.ctx.db.session() as s:
        src_controls = lifecycle.spec_for(s.get(Task, src["taskId"])).controls
    singer = d["singer"]
    assert singer["gender"] == src_controls.gender and 48 <= singer["low"] <= singer["high"] <= 80
    assert singer["vocal"]["vibrato_depth_cents"] == src_controls.profile.vibrato_depth_cents
    assert credits(svc, key) == 100  # free
    # the same track again: the same persona, renamed (upstream's behaviour)
    again = persona(svc, key, src, name="Renamed").json()["data"]
    assert again["personaId"] == d["personaId"] and again["name"] == "Renamed"

    url = svc.upload(key["apiKey"], instrumental_wav(12.0))
    other_gender = "m" if singer["gender"] == "f" else "f"
    r = post(svc, key, "/api/v1/generate/add-vocals", {
        "uploadUrl": url, "prompt": "la la la", "title": "T", "style": "electronic", "negativeTags": "",
        "callBackUrl": "https://example.com/cb", "vocalGender": other_gender, "personaId": d["personaId"]})
    assert r.status_code == 200, r.text
    tid = r.json()["data"]["taskId"]
    with svc.ctx.db.session() as s:
        task = s.get(Task, tid)
        assert json.loads(task.param)["personaId"] == d["personaId"]
        ctl = lifecycle.spec_for(task).controls  # what a (resumed) worker sings with
    from topline.music.compose.pitch import VOICE

    assert ctl.gender == singer["gender"] and ctl.register == round(singer["register"] - VOICE[ctl.gender][2], 2)
    assert ctl.profile.breathiness == singer["vocal"]["breathiness"]
    assert ctl.profile.family == "electronic"  # the request's own style otherwise
    assert singer["voice"] == "af_heart" and ctl.voice == "af_heart"  # the voice the track was sung with


@pytest.mark.parametrize("case, code, fragment", [
    ("unknown", 404, "No task"),
    ("other-key", 404, "No task"),
    ("pending", 409, "no finished track yet"),
    ("expired", 410, "expired"),
    ("short-window", 422, "10 to 30 seconds"),
    ("past-end", 422, "past the end"),
    ("no-name", 422, "name is required"),
])
def test_persona_errors(svc, key, case, code, fragment):
    src = make_finished_task(svc, key["accountId"], seconds=12.0)
    over = {}
    if case == "unknown":
        over["taskId"] = "0" * 32
    elif case == "other-key":
        over["taskId"] = make_finished_task(svc, svc.new_key()["accountId"])["taskId"]
        over["audioId"] = ...
    elif case == "pending":
        over |= {"taskId": make_finished_task(svc, key["accountId"], status="PENDING", tracks=0)["taskId"],
                 "audioId": ...}
    elif case == "expired":
        over |= {"taskId": make_finished_task(svc, key["accountId"], expired=True)["taskId"], "audioId": ...}
    elif case == "short-window":
        over["vocalEnd"] = 5.0
    elif case == "past-end":
        over |= {"vocalStart": 20.0, "vocalEnd": 40.0}
    else:
        over["name"] = ...
    r = persona(svc, key, src, **over)
    assert r.status_code == code and r.json()["code"] == code and fragment in r.json()["msg"], r.json()["msg"]


def test_add_vocals_with_an_unknown_or_foreign_persona(svc, key):
    other = svc.new_key()
    src = make_finished_task(svc, other["accountId"], seconds=12.0)
    foreign = persona(svc, other, src).json()["data"]["personaId"]
    url = svc.upload(key["apiKey"], instrumental_wav(12.0))
    for pid in ("f" * 32, foreign):
        r = post(svc, key, "/api/v1/generate/add-vocals", {
            "uploadUrl": url, "prompt": "la", "title": "T", "style": "pop", "negativeTags": "",
            "callBackUrl": "https://example.com/cb", "personaId": pid})
        assert r.status_code == 404 and "No persona" in r.json()["msg"]
    assert credits(svc, key) == 100
