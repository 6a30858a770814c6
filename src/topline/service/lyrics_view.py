"""The timestamped-lyrics answer: the score's word timings plus a waveform of the track."""

from __future__ import annotations

import json

import numpy as np

from ..audio import decode_audio
from ..errors import NotFoundError
from .. import storage_keys
from ..tasks.context import Context
from ..tasks.lifecycle import tracks_of
from ..tasks.models import Task

WAVEFORM_POINTS = 500


def waveform(data: bytes, *, points: int = WAVEFORM_POINTS) -> list[float]:
    """Peak level per slice of the track, 0..1, for drawing."""
    y, _ = decode_audio(data, sr=8000, min_duration=0.0)
    mono = np.abs(y).max(axis=0)
    edges = np.linspace(0, mono.size, points + 1).astype(int)
    peaks = np.array([mono[a:b].max() if b > a else 0.0 for a, b in zip(edges, edges[1:])])
    return [round(float(p), 4) for p in peaks]


def timestamped_lyrics(ctx: Context, task: Task, *, audio_id: str | None, index: int | None) -> dict:
    if task.files_expired:
        raise NotFoundError("The files of this task expired and were deleted; its timestamped lyrics with them.")
    tracks = tracks_of(task)
    if not tracks:
        raise NotFoundError("No track of this task is finished yet: wait for the 'first' callback.")
    if audio_id:
        match = [t for t in tracks if t["audioId"] == audio_id]
        if not match:
            raise NotFoundError(f"No track {audio_id!r} in task {task.id}: use an id from record-info.")
        track = match[0]
    else:
        track = tracks[min(max(index or 0, 0), len(tracks) - 1)]
    files = track["files"]
    words = json.loads(ctx.store.get(files["lyrics"]))
    wave_key = storage_keys.waveform_key(files["mp3"])
    if ctx.store.exists(wave_key):
        wave = json.loads(ctx.store.get(wave_key))
    else:  # computed once, then kept beside the track
        wave = waveform(ctx.store.get(files["mp3"]))
        ctx.store.put(wave_key, json.dumps(wave).encode())
    # The words are placed by the score that the voice sang, not recognised afterwards: no alignment error.
    return {"alignedWords": words, "waveformData": wave, "hootCer": 0.0, "isStreamed": False}
