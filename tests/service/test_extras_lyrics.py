"""POST /api/v1/lyrics and its record-info: two titled lyrics from a description, by Topline's writer."""

from __future__ import annotations

import pytest

from tests.service.live import CallbackReceiver, LiveService
from tests.service.test_extras_files import callback_for, credits, get, post


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    d = tmp_path_factory.mktemp("lyrics")
    words = d / "blocked.txt"
    words.write_text("# test list\nforbidden fruit\n")
    with LiveService(d, TOPLINE_RATE_LIMIT_PER_MINUTE="1000", TOPLINE_RECORD_INFO_PER_SECOND="100",
                     TOPLINE_SENSITIVE_WORDS_FILE=str(words)) as s:
        with CallbackReceiver() as cb:
            s.cb = cb
            yield s


@pytest.fixture
def key(svc):
    return svc.new_key(credits=10)


def test_two_titled_variants_record_info_and_callback(svc, key):
    r = post(svc, key, "/api/v1/lyrics", {"prompt": "a country song about leaving a small town",
                                          "callBackUrl": svc.cb.url, "seed": 11})
    assert r.status_code == 200
    tid = r.json()["data"]["taskId"]
    info = get(svc, key, "/api/v1/lyrics/record-info", taskId=tid).json()["data"]
    assert info["status"] == "SUCCESS" and info["type"] == "LYRICS" and info["errorCode"] is None
    data = info["response"]["data"]
    assert len(data) == 2 and data == info["response"]["lyricsData"]
    for v in data:
        assert v["status"] == "complete" and v["errorMessage"] == ""
        assert "[Verse 1]" in v["text"] and "[Chorus]" in v["text"]
        assert v["title"] and v["title"][0].isupper() and len(v["title"].split()) <= 7
        chorus = v["text"].split("[Chorus]\n", 1)[1].splitlines()[0]
        words = lambda t: " ".join("".join(c for c in t.lower() if c.isalnum() or c in " '").split())  # noqa: E731
        assert words(v["title"]) in words(chorus)  # the hook is the title
        assert v["title"].split()[-1].lower() not in ("the", "a", "of", "into", "like")
    assert data[0]["text"] != data[1]["text"]
    body = callback_for(svc, tid)["body"]
    assert body["code"] == 200 and body["msg"] == "All generated successfully."
    assert body["data"]["callbackType"] == "complete" and body["data"]["taskId"] == tid
    assert body["data"]["data"] == data and body["data"]["lyricsData"] == data
    assert credits(svc, key) == 10 - 1
    # the same seed writes the same lyrics
    again = post(svc, key, "/api/v1/lyrics", {"prompt": "a country song about leaving a small town",
                                              "callBackUrl": svc.cb.url, "seed": 11}).json()["data"]["taskId"]
    assert get(svc, key, "/api/v1/lyrics/record-info", taskId=again).json()["data"]["response"]["data"] == data


@pytest.mark.parametrize("body, code, fragment", [
    ({"prompt": "x" * 201}, 422, "prompt must be at most 200 characters"),
    ({"prompt": "  "}, 422, "prompt: must not be empty"),
    ({}, 422, "prompt is required"),
    ({"prompt": "a song", "callBackUrl": None}, 422, "callBackUrl"),
    ({"prompt": "a song about the Forbidden  Fruit"}, 400, "blocked word"),
])
def test_lyrics_errors(svc, key, body, code, fragment):
    payload = {"callBackUrl": svc.cb.url} | body
    payload = {k: v for k, v in payload.items() if v is not None}
    r = post(svc, key, "/api/v1/lyrics", payload)
    assert r.status_code == code and r.json()["code"] == code and fragment in r.json()["msg"], r.json()["msg"]
    assert credits(svc, key) == 10


def test_lyrics_record_info_errors(svc, key):
    tid = post(svc, key, "/api/v1/lyrics", {"prompt": "rain", "callBackUrl": svc.cb.url}).json()["data"]["taskId"]
    assert get(svc, key, "/api/v1/lyrics/record-info", taskId="0" * 32).status_code == 404
    assert get(svc, svc.new_key(), "/api/v1/lyrics/record-info", taskId=tid).status_code == 404
    r = get(svc, key, "/api/v1/wav/record-info", taskId=tid)
    assert r.status_code == 404 and "/api/v1/lyrics/record-info" in r.json()["msg"]


def test_lyrics_no_credits(svc):
    poor = svc.new_key(credits=0)
    r = post(svc, poor, "/api/v1/lyrics", {"prompt": "rain", "callBackUrl": svc.cb.url})
    assert r.status_code == 402
