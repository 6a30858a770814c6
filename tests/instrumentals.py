"""Short instrumentals synthesised for end-to-end tests (pads, bass and drums)."""

from __future__ import annotations

import io
from functools import lru_cache

import soundfile as sf

from tests.music.analysis.synth import song

LOOP = [("C", "maj"), ("G", "maj"), ("A", "min"), ("F", "maj")]


@lru_cache(maxsize=8)
def instrumental_wav(seconds: float = 12.0, *, bpm: float = 120.0, fmt: str = "WAV") -> bytes:
    """A I-V-vi-IV loop in C major at ``bpm``, about ``seconds`` long, encoded as ``fmt``."""
    bars = max(1, round(seconds / (4 * 60.0 / bpm)))
    chords = [LOOP[i % 4] for i in range(bars)]
    y, _ = song(chords, bpm=bpm, sr=22050)
    buf = io.BytesIO()
    sf.write(buf, y, 22050, format=fmt)
    return buf.getvalue()
