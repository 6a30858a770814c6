"""The pipeline: stages in order, every deliverable, resumable, reproducible from the seed."""

from __future__ import annotations

import json

import pytest

from topline.errors import LyricsError, SensitiveWordError, UndecodableAudioError
from topline.music.style import resolve_controls
from topline.pipeline import TaskSpec, run_task
from topline.storage import LocalStorage
from tests.instrumentals import instrumental_wav

PROMPT = "[Verse]\nsummer rain on the window\n[Chorus]\nhold me now"
FILES = {"lyrics.txt", "lyrics.json", "analysis.json"} | {
    f"track-{k}.{e}" for k in (1, 2) for e in ("mp3", "wav", "vocals.wav", "instrumental.wav", "jpeg",
                                               "score.json", "mid", "lyrics.json", "json", "dry.flac", "master.json",
                                               "backing.flac")}  # pop: doubles and harmony on the chorus


def _spec(**kw):
    return TaskSpec(task_id="t", audio_key="in.wav", prompt=PROMPT,
                    controls=resolve_controls(title="Rain", style="pop", seed=21), **kw)


@pytest.fixture(scope="module")
def done(tmp_path_factory):
    store = LocalStorage(tmp_path_factory.mktemp("p"))
    store.put("in.wav", instrumental_wav(8.0))
    stages, steps = [], []
    result = run_task(_spec(), store=store, on_stage=lambda s, p: stages.append((s, p)),
                      on_step=lambda name, state: steps.append((name, state)))
    return store, stages, steps, result


def test_stages_and_steps_in_order(done):
    _, stages, steps, result = done
    assert [s for s, _ in stages] == ["text", "first", "complete"]
    assert stages[0][1] == {"lyrics": "[Verse]\nsummer rain on the window\n\n[Chorus]\nhold me now"} or \
        stages[0][1]["lyrics"].startswith("[Verse]\nsummer rain on the window")
    assert [t.variant for t in stages[1][1]["tracks"]] == [1] and [t.variant for t in stages[2][1]["tracks"]] == [1, 2]
    started = [n for n, st in steps if st == "start"]
    assert started == ["decode", "lyrics", "analyse", "compose 1", "sing 1", "produce 1", "compose 2", "sing 2",
                       "produce 2"]
    assert [t.variant for t in result.tracks] == [1, 2]


def test_every_deliverable_written(done):
    store, *_ = done
    names = {b.key.split("/")[-1] for b in store.list("tasks/t/")}
    assert names == FILES
    words = [w["word"].split("\n")[-1] for w in json.loads(store.get("tasks/t/track-1.lyrics.json"))]
    assert words == "summer rain on the window hold me now".split()
    assert store.get("tasks/t/track-1.mid")[:4] == b"MThd"


def test_each_track_names_its_singer(done):
    from topline.voice import VOICES

    store, _, _, result = done
    for k, t in zip((1, 2), result.tracks):
        meta = json.loads(store.get(f"tasks/t/track-{k}.json"))
        assert meta["voice"] == t.voice and meta["voice"] in VOICES
    assert result.tracks[0].voice == result.tracks[1].voice  # one singer per task


def test_resume_redoes_nothing_finished(done):
    store, *_ = done
    stages, steps = [], []
    run_task(_spec(), store=store, on_stage=lambda s, p: stages.append(s), on_step=lambda n, st: steps.append(n))
    assert stages == ["text", "first", "complete"] and steps == []


def test_resume_after_a_crash_in_the_last_stage(done):
    store, *_ = done
    before = store.get("tasks/t/track-2.mp3")
    store.delete("tasks/t/track-2.json")  # the marker is written last: as if the worker died while producing
    store.delete("tasks/t/track-2.mp3")
    steps = []
    run_task(_spec(), store=store, on_step=lambda n, st: steps.append(n) if st == "start" else None)
    assert steps == ["produce 2", "decode"]  # decoding happens lazily, inside produce
    assert store.get("tasks/t/track-2.mp3") == before  # the same seed renders the same bytes


def test_same_seed_same_song(done, tmp_path):
    store, *_ = done
    other = LocalStorage(tmp_path)
    other.put("in.wav", instrumental_wav(8.0))
    run_task(_spec(), store=other)
    for name in ("lyrics.json", "track-1.score.json", "track-2.score.json", "track-1.mp3", "track-2.dry.flac",
                 "track-2.vocals.wav"):
        assert other.get(f"tasks/t/{name}") == store.get(f"tasks/t/{name}"), name


def test_errors_are_typed(tmp_path):
    store = LocalStorage(tmp_path)
    store.put("in.wav", b"not audio at all")
    with pytest.raises(UndecodableAudioError):
        run_task(_spec(), store=store)
    store.put("in.wav", instrumental_wav(8.0))
    with pytest.raises(SensitiveWordError):
        run_task(_spec(), store=store, sensitive_words={"rain"})
    with pytest.raises(LyricsError):
        run_task(TaskSpec.build(task_id="e", audio_key="in.wav", prompt=" \n ", seed=1), store=store)
    assert list(store.list("tasks/")) == []  # nothing announced, nothing written


def test_a_description_is_written_after_the_analysis_to_the_planned_form(tmp_path):
    from topline.pipeline import run_compose

    store = LocalStorage(tmp_path)
    store.put("in.wav", instrumental_wav(16.0))
    steps = []
    spec = TaskSpec.build(task_id="d", audio_key="in.wav", prompt="a song about driving home after a night shift",
                          title="Night Shift", style="pop", seed=5)
    analysis, lyrics, scores = run_compose(spec, store=store, on_step=lambda n, st: steps.append(n) if st == "start" else None)
    assert steps == ["decode", "analyse", "lyrics", "harmony", "compose 1", "compose 2"]
    assert lyrics.written and store.exists("tasks/d/analysis.json") and store.exists("tasks/d/lyrics.json")
    assert all(s.notes for s in scores)
    for s in scores:  # written to the plan: never longer than the music
        assert not any(w.startswith("lyrics longer than the music") for w in s.warnings)


def test_a_description_with_a_blocked_word_leaves_nothing_behind(tmp_path):
    store = LocalStorage(tmp_path)
    store.put("in.wav", instrumental_wav(8.0))
    spec = TaskSpec.build(task_id="b", audio_key="in.wav", prompt="a song about the rain", seed=1)
    with pytest.raises(SensitiveWordError):
        run_task(spec, store=store, sensitive_words={"rain"})
    assert list(store.list("tasks/")) == []


def test_a_chorus_tag_alone_is_sung_again_and_shown_in_the_timestamped_lyrics(tmp_path):
    from topline.pipeline import run_compose

    store = LocalStorage(tmp_path)
    store.put("in.wav", instrumental_wav(16.0))
    prompt = "[Verse]\nsummer rain on the window\n[Chorus]\nhold me now\n[Verse]\nwinter sun\n[Chorus]"
    spec = TaskSpec.build(task_id="c", audio_key="in.wav", prompt=prompt, title="Rain", style="pop", seed=3)
    _, lyrics, scores = run_compose(spec, store=store)
    for k in (1, 2):
        words = [w["word"] for w in json.loads(store.get(f"tasks/c/track-{k}.lyrics.json"))]
        sung = [w.split("\n")[-1] for w in words]
        assert sung[:10] == "summer rain on the window hold me now winter sun".split()
        assert sung[10:13] == ["hold", "me", "now"]  # the chorus again, as asked
        assert words[5] == "[Chorus]\nhold" and words[10] == "[Chorus]\nhold"
        assert all(set(sung[i : i + 3]) <= {"hold", "me", "now"} for i in range(13, len(sung), 3))


def test_build_resolves_engine_controls_into_a_spec():
    spec = TaskSpec.build(task_id="t", audio_key="in.wav", prompt=PROMPT, title="Rain", style="pop", seed=21,
                          out_prefix="")
    assert spec == TaskSpec(task_id="t", audio_key="in.wav", prompt=PROMPT, out_prefix="",
                            controls=resolve_controls(title="Rain", style="pop", seed=21))
    assert spec.prefix == "" and TaskSpec.build(task_id="t", audio_key="", prompt="", seed=1).prefix == "tasks/t/"
    assert TaskSpec.from_json(json.loads(json.dumps(spec.to_json()))) == spec


def test_a_description_without_a_title_names_the_song_by_its_written_hook(tmp_path):
    store = LocalStorage(tmp_path)
    store.put("in.wav", instrumental_wav(8.0))
    spec = TaskSpec.build(task_id="h", audio_key="in.wav", prompt="a song about driving home after a night shift",
                          title="", style="pop", seed=0)
    result = run_task(spec, store=store)
    lyrics = json.loads(store.get("tasks/h/lyrics.json"))
    assert lyrics["title"] == "Driving Home"
    assert [t.title for t in result.tracks] == ["Driving Home", "Driving Home"]
    assert json.loads(store.get("tasks/h/track-1.json"))["title"] == "Driving Home"


def test_written_lyrics_are_announced_once_the_form_is_heard_before_the_harmony(tmp_path):
    from topline.audio import decode_audio
    from topline.music.analysis import analyse
    from topline.pipeline import SR

    store = LocalStorage(tmp_path)
    store.put("in.wav", instrumental_wav(16.0))
    events = []
    spec = TaskSpec.build(task_id="w", audio_key="in.wav", prompt="a song about driving home after a night shift",
                          title="Night Shift", style="pop", seed=5)
    run_task(spec, store=store, on_stage=lambda s, p: events.append(s),
             on_step=lambda n, st: events.append(n) if st == "start" else None)
    assert events[:6] == ["decode", "analyse", "lyrics", "text", "harmony", "compose 1"]
    # The stored analysis is the whole one, the same as in one pass.
    y, _ = decode_audio(instrumental_wav(16.0), sr=SR)
    assert json.loads(store.get("tasks/w/analysis.json")) == json.loads(json.dumps(analyse(y, sr=SR).to_json()))
