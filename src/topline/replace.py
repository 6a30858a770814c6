"""Replace a section of a finished track: new lines composed into the bars of the span, sung by
the same voice through the same production chain, spliced in with cross-fades, and mastered
with the original master's settings, so that every sample outside the span stays as it was.

    snap the span to bar lines -> compose the new lines over that span's analysis -> splice
    the score and lyrics -> sing the new notes -> splice the dry take -> produce -> splice the
    stems (the re-produced take brought to the old take's level) -> master with the old settings
"""

from __future__ import annotations

import io
import json
import time
from dataclasses import dataclass, replace as dc_replace
from typing import Any, Iterable

import numpy as np
import soundfile as sf

from .audio import decode_audio
from .errors import ConflictError
from .music.compose import compose
from .music.controls import Controls
from .music.infill import crop_analysis, snap_span, splice_song
from .music.lyrics import make_lyrics
from .music.score_io import aligned_words, score_to_midi
from .music.types import Analysis, Lyrics, Score
from .pipeline import SR, TrackResult, audio_id_for
from .production import encode_mp3, encode_wav, produce
from .production.master import MasterSettings, apply_master, master_with_settings
from .production.splice import splice
from .storage import Storage
from .voice import sing

DRY_FADE_S = 0.03  # cross-fade of the dry takes at the span's ends
STEM_FADE_S = 0.05  # cross-fade of the stems (inside the span: outside, nothing changes)
LEVEL_MARGIN_S = 2.0  # the instrumental stems are compared this far from the span to match levels


@dataclass(frozen=True)
class ReplaceSpec:
    """What to replace: the source track's stored files and the request."""

    task_id: str  # the new task
    audio_key: str  # the instrumental as uploaded (the source task's input)
    analysis_key: str
    lyrics_key: str  # the source track's lyrics (``Lyrics`` JSON)
    track: dict[str, Any]  # the source track as stored (``TrackResult`` JSON)
    prompt: str
    start: float
    end: float

    @property
    def prefix(self) -> str:
        return f"tasks/{self.task_id}/"


def _read(store: Storage, key: str) -> np.ndarray:
    y, _ = sf.read(io.BytesIO(store.get(key)), dtype="float32", always_2d=True)
    return np.ascontiguousarray(y.T)


def _read_mono(store: Storage, key: str) -> np.ndarray:
    y, _ = sf.read(io.BytesIO(store.get(key)), dtype="float32")
    return y if y.ndim == 1 else y.mean(axis=1)


def _level(new: np.ndarray, old: np.ndarray, a: int, b: int) -> float:
    """The gain that brings ``new`` to ``old`` (least squares), away from the span's ducking."""
    m = int(LEVEL_MARGIN_S * SR)
    mask = np.ones(old.shape[-1], dtype=bool)
    mask[max(0, a - m):b + m] = False
    if mask.sum() < SR // 10:
        mask[:] = True
        mask[a:b] = False
    o, n = old[:, mask].astype(np.float64), new[:, : old.shape[-1]][:, mask].astype(np.float64)
    nn = float(np.sum(n * n))
    return float(np.sum(n * o) / nn) if nn > 0 else 1.0


def replace_section(spec: ReplaceSpec, *, store: Storage, controls: Controls,
                    sensitive_words: Iterable[str] = ()) -> tuple[TrackResult, Lyrics, tuple[float, float]]:
    """Render the track with ``spec.prompt`` sung in ``[spec.start, spec.end)`` (snapped to bars).

    Returns
    -------
    (TrackResult, Lyrics, (start, end))
        The new track (files under ``spec.prefix``), the whole song's lyrics now, the snapped span.

    Raises
    ------
    ToplineError
        Rejected lyrics (``LyricsError``, ``SensitiveWordError``), a track without the stored
        files a re-render needs (``ConflictError``), a failed render.
    """
    track, files = spec.track, spec.track["files"]
    for need in ("dry", "vocals", "instrumental", "score"):
        if need not in files:
            raise ConflictError(f"Track {track['audioId']} was rendered without its {need} file kept; "
                                "sections can be replaced only in tracks rendered by this version.")
    analysis = Analysis.from_json(json.loads(store.get(spec.analysis_key)))
    lyrics = Lyrics.from_json(json.loads(store.get(spec.lyrics_key)))
    score = Score.from_json(json.loads(store.get(files["score"])))
    duration = float(track["duration"])
    start, end = snap_span(analysis.downbeats, spec.start, spec.end, duration=min(duration, analysis.duration))

    new_lyrics = make_lyrics(spec.prompt, controls=controls, sensitive_words=sensitive_words, duration=end - start)
    new_score = compose(crop_analysis(analysis, start, end), new_lyrics, controls=controls,
                        variant=int(track.get("variant", 1)))
    merged, song = splice_song(score, lyrics, new_score, new_lyrics, start=start, end=end)
    # Continue from stored (rounded) times, as the pipeline does.
    merged = Score.from_json(json.loads(json.dumps(merged.to_json())))

    old_vocal, old_inst = _read(store, files["vocals"]), _read(store, files["instrumental"])
    n = old_vocal.shape[-1]
    a, b = int(round(start * SR)), min(n, int(round(end * SR)))
    sung = dc_replace(merged, notes=[x for x in merged.notes if start - 1e-6 <= x.start < end])
    new_dry = sing(sung, controls=controls, sr=SR)
    old_dry = _read_mono(store, files["dry"])
    old_dry = np.pad(old_dry, (0, max(0, n - old_dry.size)))  # the take ends with its last note
    dry = splice(old_dry[None, :], new_dry[None, :], a, b, fade=int(DRY_FADE_S * SR))[0]
    buf = io.BytesIO()
    sf.write(buf, dry, SR, format="FLAC", subtype="PCM_24")
    dry_bytes = buf.getvalue()
    dry, _ = sf.read(io.BytesIO(dry_bytes), dtype="float32")  # what is stored, as the pipeline does

    instrumental, _ = decode_audio(store.get(spec.audio_key), sr=SR)
    prod = produce(instrumental, dry, sr=SR, score=merged, controls=controls)
    scale = _level(prod.instrumental_stem, old_inst, a, b)
    fade = int(STEM_FADE_S * SR)
    vocal = splice(old_vocal, prod.vocal_stem, a, b, fade=fade, scale=scale)
    inst = splice(old_inst, prod.instrumental_stem, a, b, fade=fade, scale=scale)
    old_backing = _read(store, files["backing_vocals"]) if files.get("backing_vocals") else None
    backing = None
    if old_backing is not None or prod.backing_stem is not None:
        base = old_backing if old_backing is not None else np.zeros_like(old_vocal)
        fresh = prod.backing_stem if prod.backing_stem is not None else np.zeros_like(old_vocal)
        backing = splice(base, fresh, a, b, fade=fade, scale=scale)
    premaster = vocal + inst  # outside the span: the old stems, so the old pre-master, exactly

    if files.get("master"):
        settings = MasterSettings.from_json(json.loads(store.get(files["master"])))
    else:  # a track rendered before the settings were kept: found again from its pre-master
        settings = master_with_settings(old_vocal + old_inst, sr=SR)[1]
    mix = apply_master(premaster, settings, sr=SR)
    if not np.all(np.isfinite(mix)):
        raise ConflictError("The re-rendered section produced invalid samples.")

    k = 1
    p = spec.prefix
    title = track.get("title") or "Untitled"
    out = {"mp3": f"{p}track-{k}.mp3", "wav": f"{p}track-{k}.wav", "vocals": f"{p}track-{k}.vocals.wav",
           "instrumental": f"{p}track-{k}.instrumental.wav", "image": f"{p}track-{k}.jpeg",
           "score": f"{p}track-{k}.score.json", "midi": f"{p}track-{k}.mid", "lyrics": f"{p}track-{k}.lyrics.json",
           "dry": f"{p}track-{k}.dry.flac", "master": f"{p}track-{k}.master.json",
           "lyrics_doc": f"{p}lyrics.json", "analysis": spec.analysis_key}
    store.put(out["dry"], dry_bytes)
    store.put(out["mp3"], encode_mp3(mix, sr=SR, title=title))
    store.put(out["wav"], encode_wav(mix, sr=SR))
    store.put(out["vocals"], encode_wav(vocal, sr=SR, subtype="FLOAT"))
    store.put(out["instrumental"], encode_wav(inst, sr=SR, subtype="FLOAT"))
    if backing is not None:
        out["backing_vocals"] = f"{p}track-{k}.backing.wav"
        store.put(out["backing_vocals"], encode_wav(backing, sr=SR, subtype="FLOAT"))
    store.put(out["image"], store.get(files["image"]))
    store.put(out["score"], json.dumps(merged.to_json()).encode())
    store.put(out["midi"], score_to_midi(merged))
    store.put(out["lyrics"], json.dumps(aligned_words(merged, song)).encode())
    store.put(out["lyrics_doc"], json.dumps(song.to_json()).encode())
    store.put(out["master"], json.dumps(settings.to_json()).encode())
    result = TrackResult(variant=int(track.get("variant", 1)), audio_id=audio_id_for(spec.task_id, k),
                         duration=round(mix.shape[-1] / SR, 2), title=title, tags=track.get("tags", ""),
                         create_time_ms=int(time.time() * 1000), files=out, warnings=list(new_score.warnings),
                         voice=str(track.get("voice") or ""))
    return result, song, (start, end)
