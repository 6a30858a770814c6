"""Replace a section on a real pipeline render: outside the span every pre-master sample is the
old one, the master within 0.1 dB; inside it the new words are sung and timed in the lyrics."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
import soundfile as sf

from topline.music.types import Analysis
from topline.pipeline import TaskSpec, run_task
from topline.replace import STEM_FADE_S, ReplaceSpec, replace_section
from topline.storage import LocalStorage
from tests.instrumentals import instrumental_wav

PROMPT = ("[Verse]\nsummer rain on the window\nevery light is burning low\n"
          "[Chorus]\nhold me now and never go\nwe are dancing in the glow\n"
          "[Verse]\nmorning comes across the river\ncarry me where rivers flow")
NEW = "silver trains are calling\nnothing here is falling"


def _read(store, key):
    y, _ = sf.read(io.BytesIO(store.get(key)), dtype="float32", always_2d=True)
    return y.T


@pytest.fixture(scope="module")
def replaced(tmp_path_factory):
    store = LocalStorage(tmp_path_factory.mktemp("r"))
    store.put("in.wav", instrumental_wav(20.0))
    spec = TaskSpec.build(task_id="src", audio_key="in.wav", prompt=PROMPT, title="Rain", style="pop", seed=21)
    result = run_task(spec, store=store)
    track = result.tracks[0].to_json()
    rs = ReplaceSpec(task_id="new", audio_key="in.wav", analysis_key="tasks/src/analysis.json",
                     lyrics_key="tasks/src/lyrics.json", track=track, prompt=NEW, start=5.3, end=12.2)
    new, song, span = replace_section(rs, store=store, controls=spec.controls)
    return store, track, new, song, span


def test_span_snaps_to_bar_lines(replaced):
    store, _, _, _, (a, b) = replaced
    bars = Analysis.from_json(json.loads(store.get("tasks/src/analysis.json"))).downbeats
    assert min(abs(a - t) for t in bars) < 1e-9 and min(abs(b - t) for t in bars) < 1e-9
    assert abs(a - 5.3) < 1.3 and abs(b - 12.2) < 1.3


def test_outside_the_span_every_sample_is_the_old_one(replaced):
    store, old, new, _, (a, b) = replaced
    sr = 44100
    i, j = int(round(a * sr)), int(round(b * sr))
    pre_old = _read(store, old["files"]["vocals"]) + _read(store, old["files"]["instrumental"])
    pre_new = _read(store, new.files["vocals"]) + _read(store, new.files["instrumental"])
    assert pre_new.shape == pre_old.shape
    np.testing.assert_array_equal(pre_new[:, :i], pre_old[:, :i])
    np.testing.assert_array_equal(pre_new[:, j:], pre_old[:, j:])
    # inside, something new is sung
    assert np.max(np.abs(pre_new[:, i + int(STEM_FADE_S * sr):j - int(STEM_FADE_S * sr)]
                         - pre_old[:, i + int(STEM_FADE_S * sr):j - int(STEM_FADE_S * sr)])) > 1e-3
    # after mastering: within 0.1 dB away from the limiter's reach (0.1 s) around the span
    m_old, m_new = _read(store, old["files"]["wav"]), _read(store, new.files["wav"])
    reach = int(0.1 * sr)
    for sl in (slice(0, i - reach), slice(j + reach, None)):
        x, y = m_old[:, sl], m_new[:, sl]
        loud = np.abs(x) > 0.05
        ratio_db = 20 * np.log10(np.abs(y[loud]) / np.abs(x[loud]))
        assert np.max(np.abs(ratio_db)) < 0.1
        assert np.max(np.abs(x - y)) <= 2 / 32768


def test_new_words_are_sung_and_timed_in_the_span(replaced):
    store, old, new, song, (a, b) = replaced
    words = json.loads(store.get(new.files["lyrics"]))
    sung = [w for w in words if a - 1e-3 <= w["startS"] < b]
    text = " ".join(w["word"].split("\n")[-1] for w in sung).lower()
    assert "silver trains are calling" in text and "nothing here is falling" in text
    assert all(w["success"] for w in words)
    assert "silver trains are calling" in song.text()
    old_words = json.loads(store.get(old["files"]["lyrics"]))
    assert [w["word"] for w in old_words if w["endS"] <= a][:3] == [w["word"] for w in words if w["endS"] <= a][:3]
    assert new.voice and new.voice == old["voice"]  # the same singer
    score = json.loads(store.get(new.files["score"]))
    starts = [n["start"] for n in score["notes"]]
    assert starts == sorted(starts)
