"""Synthetic inputs for production tests: a sung-like tone vocal, a chord + noise bed, a score."""

from __future__ import annotations

import numpy as np

from topline.music.style import resolve_controls
from topline.music.types import Note, Score

SR = 44100


def instrumental(seconds: float, *, channels: int = 2, sr: int = SR, seed: int = 0) -> np.ndarray:
    """A C major chord with a pulsing kick-like thump and a little noise, at about -18 LUFS."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * sr)) / sr
    chord = sum(np.sin(2 * np.pi * f * t) for f in (130.81, 164.81, 196.0, 261.63)) / 4
    kick = np.sin(2 * np.pi * 55 * t) * np.exp(-((t % 0.5) * 12))
    chans = [0.25 * chord + 0.3 * kick + 0.02 * rng.standard_normal(t.size) for _ in range(channels)]
    return np.stack(chans).astype(np.float32)


def score(seconds: float, *, chorus_from: float | None = None, tempo: float = 120.0) -> Score:
    """Half-second notes with short gaps; notes from ``chorus_from`` on are in a chorus."""
    notes, t, i = [], 0.25, 0
    while t + 0.45 < seconds:
        sec = "chorus" if chorus_from is not None and t >= chorus_from else "verse"
        notes.append(Note(start=t, end=t + 0.4, midi=(60, 62, 64, 67)[i % 4], syllable="la", phonemes=("L", "AA1"),
                          word_index=i, line_index=i // 8, section=sec))
        t += 0.5
        i += 1
    return Score(variant=1, gender="f", seed=1, notes=notes, tempo=tempo, key="C major")


def vocal(sc: Score, *, sr: int = SR, length: int | None = None) -> np.ndarray:
    """A harmonic tone per note (vowel-ish), with a short attack/release, silent between notes."""
    n = length if length is not None else int((sc.notes[-1].end + 0.5) * sr)
    y = np.zeros(n, dtype=np.float64)
    for nt in sc.notes:
        a, b = int(nt.start * sr), min(n, int(nt.end * sr))
        if b <= a:
            continue
        t = np.arange(b - a) / sr
        f0 = 440.0 * 2 ** ((nt.midi - 69) / 12)
        tone = sum(np.sin(2 * np.pi * k * f0 * t) / k for k in range(1, 8))
        env = np.minimum(1.0, np.minimum(t / 0.02, (t[-1] - t) / 0.03 + 1e-9))
        y[a:b] += 0.2 * tone * env
    return y.astype(np.float32)


def controls(style: str = "pop", negative_tags: str = "", seed: int = 3):
    return resolve_controls(style=style, negative_tags=negative_tags, style_weight=1.0, seed=seed)
