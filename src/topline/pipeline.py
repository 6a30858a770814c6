"""The one function that turns a request into deliverables, stage by stage.

Stages, in order, each idempotent: a stage whose outputs are already in the store
is not redone, so a task interrupted by a crash (or redelivered to another worker)
resumes where it stopped.  Every output is written atomically, and each stage's
marker object is written last, so "marker present" means "stage finished".

    given lyrics:  decode -> lyrics ("text") -> analyse -> variant 1: compose, sing, produce ("first")
    a description: decode -> hear the form -> plan it -> lyrics ("text") -> hear the harmony -> variant 1 ...
                                                         -> variant 2: compose, sing, produce ("complete")

Given lyrics do not need the analysis (they are parsed, and the composer fits them to the song), so
their ``text`` stage is announced within a second or two.  Lyrics written from a description are
written to the planned vocal form of the instrumental (``plan_form``: how many sections, lines and
syllables the song holds), so the analysis's first pass comes first (``hear_form``: beats, bars,
sections, lead regions); its second pass (``hear_harmony``: key, chords, loudness), which the form
does not read, follows the ``text`` stage.  The analysis is stored only once the lyrics are accepted,
so a rejected prompt leaves nothing behind.
"""

from __future__ import annotations

import io
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import numpy as np
import soundfile as sf

from .audio import decode_audio
from .music.analysis import analyse, hear_form, hear_harmony
from .music.compose import compose, plan_form
from .music.controls import Controls
from .music.lyrics import is_lyrics, make_lyrics
from .music.score_io import aligned_words, score_to_midi
from .music.style import resolve_controls
from .music.types import Analysis, Lyrics, Score
from .production import cover_image, encode_mp3, encode_wav, produce
from . import storage_keys
from .storage import Storage
from .voice import sing, song_voice

SR = 44100
VARIANTS = (1, 2)
STAGE_EVENTS = ("text", "first", "complete")

StageCallback = Callable[[str, dict[str, Any]], None]
StepCallback = Callable[[str, str], None]  # (step name, "start" | "done")


@dataclass(frozen=True)
class TaskSpec:
    """A task fully resolved, as the pipeline needs it: no API vocabulary, nothing left to parse.

    The service builds one from a validated request (``topline.service.spec``), once, when the
    task is accepted; the task row stores it (``to_json``) and every run of the task, first or
    resumed, reads it back (``from_json``), so the seed, gender, register and style profile of a
    task never change after it was accepted.
    """

    task_id: str
    audio_key: str  # storage key of the instrumental as received
    prompt: str  # lyrics with section tags, or a description of the song
    controls: Controls  # seed, gender, register, style profile (negative tags applied), preset
    wav: bool = True  # also publish the mastered WAV
    out_prefix: str | None = None  # where deliverables go; default ``tasks/<task_id>/``

    @classmethod
    def build(cls, *, task_id: str, audio_key: str, prompt: str, seed: int, wav: bool = True,
              out_prefix: str | None = None, **controls: Any) -> "TaskSpec":
        """A spec from engine-level controls (the arguments of ``music.style.resolve_controls``: title,
        style, negative_tags, vocal_gender, style_weight, weirdness, audio_weight, model), for code that
        drives the pipeline directly (benchmarks, tests). API requests go through ``service.spec``."""
        return cls(task_id=task_id, audio_key=audio_key, prompt=prompt, wav=wav, out_prefix=out_prefix,
                   controls=resolve_controls(seed=seed, **controls))

    @property
    def seed(self) -> int:
        return self.controls.seed

    @property
    def prefix(self) -> str:
        return storage_keys.task_prefix(self.task_id) if self.out_prefix is None else self.out_prefix

    def to_json(self) -> dict[str, Any]:
        return {"version": 1, "task_id": self.task_id, "audio_key": self.audio_key, "prompt": self.prompt,
                "controls": self.controls.to_json(), "wav": self.wav, "out_prefix": self.out_prefix}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "TaskSpec":
        return cls(task_id=d["task_id"], audio_key=d["audio_key"], prompt=d["prompt"],
                   controls=Controls.from_json(d["controls"]), wav=bool(d.get("wav", True)),
                   out_prefix=d.get("out_prefix"))


@dataclass
class TrackResult:
    """One finished variant: its id, duration and the storage keys of its files."""

    variant: int
    audio_id: str
    duration: float
    title: str
    tags: str
    create_time_ms: int
    files: dict[str, str] = field(default_factory=dict)  # kind -> storage key
    warnings: list[str] = field(default_factory=list)
    voice: str = ""  # the singer (topline.voice.VOICES), e.g. "af_heart"

    def to_json(self) -> dict[str, Any]:
        return {
            "variant": self.variant,
            "audioId": self.audio_id,
            "duration": self.duration,
            "title": self.title,
            "tags": self.tags,
            "createTime": self.create_time_ms,
            "files": self.files,
            "warnings": self.warnings,
            "voice": self.voice,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "TrackResult":
        return cls(
            variant=int(d["variant"]),
            audio_id=str(d["audioId"]),
            duration=float(d["duration"]),
            title=str(d["title"]),
            tags=str(d["tags"]),
            create_time_ms=int(d["createTime"]),
            files=dict(d["files"]),
            warnings=list(d.get("warnings", [])),
            voice=str(d.get("voice", "")),
        )


@dataclass
class TaskResult:
    lyrics_text: str
    tracks: list[TrackResult]


def audio_id_for(task_id: str, variant: int) -> str:
    """A stable id for a variant, so a resumed task hands out the same ids."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"topline:{task_id}:{variant}").hex


class _Run:
    """State of one run of the pipeline over one task (decoded audio, loaded stages)."""

    def __init__(self, spec: TaskSpec, store: Storage, on_stage: StageCallback | None,
                 on_step: StepCallback | None, sensitive_words: Iterable[str], audio: bytes | None) -> None:
        self.spec = spec
        self._audio_bytes = audio
        self.store = store
        self.on_stage = on_stage or (lambda stage, payload: None)
        self.on_step = on_step or (lambda step, state: None)
        self.sensitive_words = tuple(sensitive_words)
        self.controls = spec.controls
        self._audio: np.ndarray | None = None

    def key(self, name: str) -> str:
        return self.spec.prefix + name

    def step(self, name: str, fn: Callable[[], Any]) -> Any:
        self.on_step(name, "start")
        out = fn()
        self.on_step(name, "done")
        return out

    # -- inputs -----------------------------------------------------------------------------
    @property
    def audio(self) -> np.ndarray:
        if self._audio is None:
            data = self._audio_bytes if self._audio_bytes is not None else self.store.get(self.spec.audio_key)
            self._audio, _ = self.step("decode", lambda: decode_audio(data, sr=SR))
        return self._audio

    # -- stages -----------------------------------------------------------------------------
    def lyrics(self, analysis: Analysis | None = None) -> Lyrics:
        key = self.key(storage_keys.LYRICS_JSON)
        if self.store.exists(key):
            return Lyrics.from_json(json.loads(self.store.get(key)))
        self.audio  # decoding validates the upload before any work is announced
        form = None
        if analysis is not None:  # a description: write to the planned form of the song
            form = plan_form(analysis, profile=self.controls.profile, seed=self.controls.seed, variant=1)
        lyrics = self.step(
            "lyrics",
            lambda: make_lyrics(self.spec.prompt, controls=self.controls, sensitive_words=self.sensitive_words,
                                duration=self.audio.shape[-1] / SR, form=form),
        )
        self.store.put(self.key(storage_keys.LYRICS_TXT), lyrics.text().encode())
        self.store.put(key, json.dumps(lyrics.to_json()).encode())
        return lyrics

    def analysis(self) -> Analysis:
        key = self.key(storage_keys.ANALYSIS)
        if self.store.exists(key):
            return Analysis.from_json(json.loads(self.store.get(key)))
        analysis = self.step("analyse", lambda: analyse(self.audio, sr=SR))
        self.keep_analysis(analysis)
        return analysis

    def keep_analysis(self, analysis: Analysis) -> None:
        key = self.key(storage_keys.ANALYSIS)
        if not self.store.exists(key):
            self.store.put(key, json.dumps(analysis.to_json()).encode())

    def lyrics_and_analysis(self, announce: Callable[[Lyrics], None]) -> tuple[Lyrics, Analysis]:
        """Given lyrics first (announced at once), then the analysis; a description after the analysis's
        first pass (the form), written to the planned form and announced before the second (the harmony)."""
        if is_lyrics(self.spec.prompt) or self.store.exists(self.key(storage_keys.LYRICS_JSON)):
            lyrics = self.lyrics()
            announce(lyrics)
            return lyrics, self.analysis()
        self.audio  # decode first: a bad upload fails before any work
        if self.store.exists(self.key(storage_keys.ANALYSIS)):
            analysis = self.analysis()
            lyrics = self.lyrics(analysis)
            announce(lyrics)
            return lyrics, analysis
        heard = self.step("analyse", lambda: hear_form(self.audio, sr=SR))
        lyrics = self.lyrics(heard.form)  # the form reads no harmony: the same plan as from the whole analysis
        announce(lyrics)
        analysis = self.step("harmony", lambda: hear_harmony(heard))
        self.keep_analysis(analysis)
        return lyrics, analysis

    def score(self, k: int, analysis: Analysis, lyrics: Lyrics) -> Score:
        key = self.key(storage_keys.track_file("score", k))
        if self.store.exists(key):
            return Score.from_json(json.loads(self.store.get(key)))
        score = self.step(f"compose {k}", lambda: compose(analysis, lyrics, controls=self.controls, variant=k))
        self.store.put(self.key(storage_keys.track_file("midi", k)), score_to_midi(score))
        self.store.put(self.key(storage_keys.track_file("lyrics", k)),
                       json.dumps(aligned_words(score, lyrics)).encode())
        stored = json.dumps(score.to_json())
        self.store.put(key, stored.encode())  # last: the score is finished
        # Continue from what was stored (rounded times), so a resumed task renders the very same bytes.
        return Score.from_json(json.loads(stored))

    def variant(self, k: int, analysis: Analysis, lyrics: Lyrics) -> TrackResult:
        marker = self.key(storage_keys.track_file("marker", k))
        if self.store.exists(marker):
            return TrackResult.from_json(json.loads(self.store.get(marker)))
        score = self.score(k, analysis, lyrics)

        dry_key = self.key(storage_keys.track_file("dry", k))
        if self.store.exists(dry_key):
            vocal, _ = sf.read(io.BytesIO(self.store.get(dry_key)), dtype="float32")
        else:
            vocal = self.step(f"sing {k}", lambda: sing(score, controls=self.controls, sr=SR))
            buf = io.BytesIO()
            sf.write(buf, vocal, SR, format="FLAC", subtype="PCM_24")
            self.store.put(dry_key, buf.getvalue())
            # Mix what was stored (24-bit), so a resumed task renders the very same bytes.
            vocal, _ = sf.read(io.BytesIO(buf.getvalue()), dtype="float32")

        def render() -> TrackResult:
            prod = produce(self.audio, vocal, sr=SR, score=score, controls=self.controls)
            title = self.controls.title or lyrics.title or "Untitled"
            files = {kind: storage_keys.track_file(kind, k)
                     for kind in ("mp3", "vocals", "instrumental", "image", "score", "midi", "lyrics")}
            self.store.put(self.key(files["mp3"]), encode_mp3(prod.mix, sr=SR, title=title))
            self.store.put(self.key(files["vocals"]), encode_wav(prod.vocal_stem, sr=SR, subtype="FLOAT"))
            self.store.put(self.key(files["instrumental"]), encode_wav(prod.instrumental_stem, sr=SR, subtype="FLOAT"))
            if prod.backing_stem is not None:  # the backing voices' part of the vocal stem, for split_stem
                name, data = _backing_file(prod.backing_stem, k)
                files["backing_vocals"] = name
                self.store.put(self.key(name), data)
            if prod.master_settings is not None:  # replace-section re-masters a span with these
                files["master"] = storage_keys.track_file("master", k)
                self.store.put(self.key(files["master"]), json.dumps(prod.master_settings.to_json()).encode())
            files["dry"] = storage_keys.track_file("dry", k)  # already stored: the sung take, for replace-section
            if self.spec.wav:
                files["wav"] = storage_keys.track_file("wav", k)
                self.store.put(self.key(files["wav"]), encode_wav(prod.mix, sr=SR))
            self.store.put(
                self.key(files["image"]),
                cover_image(title=title, style=self.controls.style, seed=self.controls.seed + k),
            )
            return TrackResult(
                variant=k,
                audio_id=audio_id_for(self.spec.task_id, k),
                duration=round(prod.mix.shape[-1] / SR, 2),
                title=title,
                tags=self.controls.style,
                create_time_ms=int(time.time() * 1000),
                files={kind: self.key(name) for kind, name in files.items()},
                warnings=list(score.warnings),
                voice=song_voice(score, self.controls).name,
            )

        track = self.step(f"produce {k}", render)
        self.store.put(marker, json.dumps(track.to_json()).encode())  # last: the stage is finished
        return track


def _backing_file(backing: np.ndarray, k: int) -> tuple[str, bytes]:
    """The backing stem as 24-bit FLAC (silent outside the choruses, so it packs small; its
    quantisation is under 1e-7), or as a float WAV should it ever reach full scale."""
    if float(np.max(np.abs(backing))) < 1.0:
        buf = io.BytesIO()
        sf.write(buf, np.ascontiguousarray(backing.T), SR, format="FLAC", subtype="PCM_24")
        return f"track-{k}.backing.flac", buf.getvalue()
    return f"track-{k}.backing.wav", encode_wav(backing, sr=SR, subtype="FLOAT")


def run_task(
    spec: TaskSpec,
    *,
    store: Storage,
    on_stage: StageCallback | None = None,
    on_step: StepCallback | None = None,
    sensitive_words: Iterable[str] = (),
    audio: bytes | None = None,
) -> TaskResult:
    """Run (or resume) a task and return its deliverables.

    Parameters
    ----------
    spec : TaskSpec
        The request; ``spec.audio_key`` must already be in ``store``.
    store : Storage
        Where inputs are read and deliverables written, under ``tasks/<task_id>/``.
    on_stage : callable, optional
        ``on_stage(stage, payload)`` for ``"text"`` (payload ``{"lyrics"}``), ``"first"``
        and ``"complete"`` (payload ``{"tracks": [TrackResult, ...]}``).  Called again for
        a stage found finished when resuming: callers de-duplicate by stage name.
    on_step : callable, optional
        ``on_step(step, "start" | "done")`` for progress displays.
    sensitive_words : iterable of str
        A prompt containing one of these fails with ``SensitiveWordError``.
    audio : bytes, optional
        The instrumental itself, instead of reading ``spec.audio_key`` from the store.

    Raises
    ------
    ToplineError
        A subclass saying precisely what went wrong (bad audio, rejected lyrics, ...).
    """
    run = _Run(spec, store, on_stage, on_step, sensitive_words, audio)
    lyrics, analysis = run.lyrics_and_analysis(lambda ly: run.on_stage("text", {"lyrics": ly.text()}))
    tracks: list[TrackResult] = []
    for k in VARIANTS:
        tracks.append(run.variant(k, analysis, lyrics))
        run.on_stage("first" if k == 1 else "complete", {"tracks": list(tracks)})
    return TaskResult(lyrics_text=lyrics.text(), tracks=tracks)


def run_compose(
    spec: TaskSpec,
    *,
    store: Storage,
    on_step: StepCallback | None = None,
    sensitive_words: Iterable[str] = (),
    audio: bytes | None = None,
) -> tuple[Analysis, Lyrics, list[Score]]:
    """The musician's half of a task: analysis, lyrics and both scores, no audio rendered."""
    run = _Run(spec, store, None, on_step, sensitive_words, audio)
    lyrics, analysis = run.lyrics_and_analysis(lambda ly: None)
    return analysis, lyrics, [run.score(k, analysis, lyrics) for k in VARIANTS]


def load_sensitive_words(path: str | None) -> frozenset[str]:
    """The configured sensitive-word list: one word or phrase per line, ``#`` comments."""
    if not path:
        return frozenset()
    with open(path, encoding="utf-8") as fh:
        return frozenset(
            line.strip().lower() for line in fh if line.strip() and not line.lstrip().startswith("#")
        )
