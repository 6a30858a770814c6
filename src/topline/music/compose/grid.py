"""The time grid the melody lives on: the analysis beats subdivided in 4, bars, and harmony per step.

Composition works in integer grid steps (16ths of the analysis beats, interpolated between the
actual beat times); only the final notes are turned back into seconds, so every onset and end
lands on the grid however the tempo drifts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..types import Analysis

SUB = 4  # grid steps per beat
PITCH_CLASSES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
MAJOR = (0, 2, 4, 5, 7, 9, 11)
NATURAL_MINOR = (0, 2, 3, 5, 7, 8, 10)


def pitch_class(name: str) -> int:
    """Pitch class of a note name such as ``"F#"``, ``"Bb"`` or ``"c"``."""
    name = name.strip()
    pc = PITCH_CLASSES[name[0].upper()]
    for ch in name[1:]:
        pc += 1 if ch == "#" else -1 if ch == "b" else 0
    return pc % 12


def parse_key(key: str) -> tuple[int, str]:
    """``"F# minor"`` -> ``(6, "minor")``; unknown text falls back to C major."""
    parts = (key or "").split()
    try:
        tonic = pitch_class(parts[0])
    except (IndexError, KeyError):
        return 0, "major"
    mode = "minor" if len(parts) > 1 and parts[1].lower().startswith("min") else "major"
    return tonic, mode


def scale_pcs(key: str) -> tuple[frozenset[int], int | None]:
    """The key's scale pitch classes and, in minor, the harmonic-minor leading tone (else None)."""
    tonic, mode = parse_key(key)
    steps = NATURAL_MINOR if mode == "minor" else MAJOR
    scale = frozenset((tonic + s) % 12 for s in steps)
    return scale, ((tonic + 11) % 12 if mode == "minor" else None)


# Intervals of the usual chord qualities (mir_eval shorthands); rarer ones go through mir_eval.
_QUALITIES = {
    "maj": (0, 4, 7), "min": (0, 3, 7), "dim": (0, 3, 6), "aug": (0, 4, 8), "sus2": (0, 2, 7), "sus4": (0, 5, 7),
    "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11), "min7": (0, 3, 7, 10), "dim7": (0, 3, 6, 9),
    "hdim7": (0, 3, 6, 10), "minmaj7": (0, 3, 7, 11), "maj6": (0, 4, 7, 9), "min6": (0, 3, 7, 9),
    "9": (0, 4, 7, 10, 2), "maj9": (0, 4, 7, 11, 2), "min9": (0, 3, 7, 10, 2), "5": (0, 7), "1": (0,),
}  # fmt: skip


@lru_cache(maxsize=512)
def chord_pcs(label: str) -> frozenset[int]:
    """Pitch classes of a ``mir_eval`` chord label (``"A:min7"``); empty for ``"N"``/``"X"``."""
    if label in ("N", "X", ""):
        return frozenset()
    root_s, _, qual = label.partition(":")
    qual = (qual or "maj").split("/")[0]
    try:
        root = pitch_class(root_s)
    except (KeyError, IndexError):
        return frozenset()
    if qual in _QUALITIES:
        return frozenset((root + i) % 12 for i in _QUALITIES[qual])
    try:  # extensions and omissions ("C:maj(9)", "G:(1,5)"): the reference parser
        import mir_eval.chord as mc

        root, bitmap, _ = mc.encode(label, reduce_extended_chords=True)
    except Exception:
        third = 3 if qual.startswith(("min", "dim", "hdim")) else 4
        return frozenset({root, (root + third) % 12, (root + 7) % 12})
    return frozenset((root + i) % 12 for i in range(12) if bitmap[i]) if root >= 0 else frozenset()


@dataclass(frozen=True)
class Grid:
    """16th-note grid of an analysis.

    Attributes
    ----------
    times : ndarray
        Time in seconds of every grid step, from the first step at or after 0 to the last at or
        before the duration.
    bars : ndarray of int
        Grid step of every bar start (downbeat), ascending.
    weight : ndarray of int
        Metrical weight of every step: 4 bar line, 3 half-bar, 2 beat, 1 eighth, 0 sixteenth.
    chord : list of frozenset
        Chord pitch classes sounding at every step.
    energy : ndarray
        Section energy at every step, rescaled to [0, 1] over the song.
    label : list of str
        Section label at every step.
    lead : ndarray of bool
        Whether the instrumental carries a lead melody at the step.
    beats_per_bar : int
    """

    times: np.ndarray
    bars: np.ndarray
    weight: np.ndarray
    chord: list
    energy: np.ndarray
    label: list
    lead: np.ndarray
    beats_per_bar: int
    duration: float

    @property
    def n(self) -> int:
        return int(self.times.size)

    def time(self, step: int) -> float:
        step = min(max(int(step), 0), self.n - 1)
        return float(self.times[step])


def _beat_times(analysis: Analysis) -> np.ndarray:
    beats = np.asarray(sorted(t for t in analysis.beats if 0.0 <= t <= analysis.duration), dtype=float)
    period = 60.0 / analysis.tempo if analysis.tempo > 0 else 0.5
    if beats.size >= 2:
        period = float(np.median(np.diff(beats)))
    if beats.size == 0:
        beats = np.array([0.0])
    # Extend with the median period to cover the whole song (analysis may miss the edges).
    head = beats[0] - period * np.arange(int(beats[0] / period) + 1, 0, -1)
    tail = beats[-1] + period * np.arange(1, int((analysis.duration - beats[-1]) / period) + 2)
    return np.concatenate([head[head >= -period], beats, tail])


def make_grid(analysis: Analysis) -> Grid:
    """Build the 16th grid, bars, metrical weights and per-step harmony/section data."""
    beats = _beat_times(analysis)
    frac = np.arange(SUB) / SUB
    steps = (beats[:-1, None] + np.diff(beats)[:, None] * frac[None, :]).ravel()
    steps = np.append(steps, beats[-1])
    keep = (steps >= -1e-6) & (steps <= analysis.duration + 1e-6)
    times = np.clip(steps[keep], 0.0, analysis.duration)
    beat_step = {}  # beat time -> grid step (beats are every SUB-th step of the unclipped grid)
    first = int(np.argmax(keep))
    for i, b in enumerate(beats):
        s = i * SUB - first
        if 0 <= s < times.size:
            beat_step[i] = s
    bpb = analysis.beats_per_bar
    beat_idx = np.array(sorted(beat_step))
    beat_t = beats[beat_idx] if beat_idx.size else np.array([0.0])
    # Bars: each downbeat snapped to its nearest beat; without downbeats, every bpb beats.
    down = []
    for d in analysis.downbeats:
        if beat_idx.size:
            j = int(np.argmin(np.abs(beat_t - d)))
            if abs(beat_t[j] - d) < 0.25 * (60.0 / max(analysis.tempo, 1.0)) + 0.05:
                down.append(beat_step[int(beat_idx[j])])
    down = sorted(set(down))
    if len(down) < 2:
        anchor = down[0] if down else (beat_step[int(beat_idx[0])] if beat_idx.size else 0)
        down = list(range(anchor % (bpb * SUB), times.size, bpb * SUB))
    else:
        # Fill bars before the first and after the last downbeat with the usual bar length.
        bar_len = int(np.median(np.diff(down)))
        pre = list(range(down[0] - bar_len, -1, -bar_len))[::-1]
        post = list(range(down[-1] + bar_len, times.size, bar_len))
        down = pre + down + post
    bars = np.asarray(down, dtype=int)

    n = times.size
    weight = np.zeros(n, dtype=int)
    unclipped = np.arange(n) + first
    weight[unclipped % 2 == 0] = 1
    weight[unclipped % SUB == 0] = 2
    for k, b in enumerate(bars):
        nxt = bars[k + 1] if k + 1 < bars.size else b + bpb * SUB
        half = b + (nxt - b) // 2
        if bpb % 2 == 0 and 0 <= half < n and (half - b) % SUB == 0:
            weight[half] = 3
        if 0 <= b < n:
            weight[b] = 4

    chord = [frozenset()] * n
    for s, e, lab in analysis.chords:
        pcs = chord_pcs(lab)
        i0, i1 = np.searchsorted(times, [s - 1e-6, e - 1e-6])
        for i in range(int(i0), int(i1)):
            chord[i] = pcs
    energy = np.zeros(n)
    label = ["verse"] * n
    if analysis.sections:
        en = np.array([sec[3] for sec in analysis.sections], dtype=float)
        lo, hi = float(en.min()), float(en.max())
        for (s, e, lab, en_i) in analysis.sections:
            i0, i1 = np.searchsorted(times, [s - 1e-6, e - 1e-6])
            energy[i0:i1] = (en_i - lo) / (hi - lo) if hi > lo + 1e-9 else 0.5
            for i in range(int(i0), int(i1)):
                label[i] = lab
        last = analysis.sections[-1]
        i_end = int(np.searchsorted(times, last[1] - 1e-6))
        label[i_end:] = [last[2]] * (n - i_end)
    lead = np.zeros(n, dtype=bool)
    for s, e in analysis.lead_regions:
        lead[(times >= s) & (times < e)] = True
    return Grid(
        times=times, bars=bars, weight=weight, chord=chord, energy=energy, label=label, lead=lead,
        beats_per_bar=bpb, duration=float(analysis.duration),
    )  # fmt: skip
