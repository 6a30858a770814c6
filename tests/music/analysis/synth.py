"""Small signals made in the test: clicks, triads, bass, a song."""

from __future__ import annotations

import numpy as np

SR = 22050
NOTE = {"C": 0, "C#": 1, "D": 2, "D#": 3, "E": 4, "F": 5, "F#": 6, "G": 7, "G#": 8, "A": 9, "A#": 10, "B": 11}


def hz(midi: float) -> float:
    return 440.0 * 2 ** ((midi - 69) / 12)


def tone(midi: float, seconds: float, *, sr: int = SR, amp: float = 0.2, harmonics: int = 4, decay: float = 0.0):
    t = np.arange(int(seconds * sr)) / sr
    y = sum(amp / k * np.sin(2 * np.pi * hz(midi) * k * t) for k in range(1, harmonics + 1))
    env = np.minimum(1.0, t / 0.01) * np.minimum(1.0, (seconds - t) / 0.02)
    if decay:
        env = env * np.exp(-t / decay)
    return (y * env).astype(np.float32)


def click(sr: int = SR, amp: float = 1.0, freq: float = 1500.0, seconds: float = 0.03):
    t = np.arange(int(seconds * sr)) / sr
    return (amp * np.sin(2 * np.pi * freq * t) * np.exp(-t / 0.005)).astype(np.float32)


def click_track(bpm: float, seconds: float, *, accent_every: int = 0, offset: float = 0.5, sr: int = SR):
    """Clicks at ``bpm``; with ``accent_every`` each bar's first beat is a loud low thump."""
    y = np.zeros(int(seconds * sr), np.float32)
    times = np.arange(offset, seconds - 0.1, 60.0 / bpm)
    for i, t in enumerate(times):
        k = int(t * sr)
        down = accent_every and i % accent_every == 0
        c = click(sr, 1.0, 80.0, 0.12) if down else click(sr, 0.35)
        if down:
            c = c + click(sr, 0.5)
        y[k : k + c.size] += c[: y.size - k]
    return y, times


def triad(root: str, quality: str, octave: int = 4) -> list[int]:
    r = 12 * (octave + 1) + NOTE[root]
    return [r, r + (4 if quality == "maj" else 3), r + 7]


def song(
    chords: list[tuple[str, str]],
    *,
    bpm: float = 120.0,
    beats_per_chord: int = 4,
    beats_per_bar: int = 4,
    sr: int = SR,
    level: float = 1.0,
    drums: bool = True,
) -> tuple[np.ndarray, float]:
    """Pads + bass on each chord's root, drums on beats (kick on downbeats).

    Returns the signal and its beat period in seconds.
    """
    beat = 60.0 / bpm
    parts = []
    for root, quality in chords:
        span = beat * beats_per_chord
        pad = sum(tone(m, span, sr=sr, amp=0.08) for m in triad(root, quality))
        bass = tone(triad(root, quality, octave=2)[0], span, sr=sr, amp=0.25, harmonics=3, decay=0.6)
        parts.append(pad + bass)
    y = np.concatenate(parts)
    if drums:
        n_beats = int(round(y.size / sr / beat))
        rng = np.random.default_rng(1)
        for i in range(n_beats):
            k = int(i * beat * sr)
            if i % beats_per_bar == 0:
                hit = click(sr, 0.6, 60.0, 0.15)
            else:
                hit = (rng.normal(0, 0.15, int(0.04 * sr)) * np.exp(-np.arange(int(0.04 * sr)) / (0.008 * sr))).astype(np.float32)
            y[k : k + hit.size] += hit[: y.size - k]
    return (level * y).astype(np.float32), beat


def six_eight(
    chords: list[tuple[str, str]], *, dotted_bpm: float = 70.0, sr: int = SR, weak: float = 0.15
) -> tuple[np.ndarray, float]:
    """Bass per bar and arpeggiated eighths, accented on 1 and 4 of six (the others at ``weak``).

    Returns signal, bar length.
    """
    eighth = 60.0 / dotted_bpm / 3
    bar = 6 * eighth
    parts = []
    for root, quality in chords:
        notes = triad(root, quality)
        seg = np.zeros(int(bar * sr), np.float32)
        seg += tone(triad(root, quality, 2)[0], bar, sr=sr, amp=0.25, harmonics=3, decay=0.6)[: seg.size]
        for i in range(6):
            t = tone(notes[[0, 1, 2, 1, 2, 1][i]] + 12, eighth, sr=sr, amp=weak if i % 3 else 0.25, decay=0.15)
            k = int(i * eighth * sr)
            seg[k : k + t.size] += t[: seg.size - k]
        parts.append(seg)
    return np.concatenate(parts), bar


def swell_track(bpm: float, seconds: float, *, attack: float, sr: int = SR, offset: float = 0.5):
    """Block chords (C F G D) with bass, one per beat, each rising linearly over ``attack`` s.

    Returns the signal and the true note-on times.
    """
    period = 60.0 / bpm
    y = np.zeros(int(seconds * sr), np.float32)
    times = np.arange(offset, seconds - 1.0, period)
    t = np.arange(int(period * 0.95 * sr)) / sr
    env = np.minimum(1.0, t / attack) * np.minimum(1.0, (t[-1] - t) / 0.02)
    for i, start in enumerate(times):
        root = (60, 65, 67, 62)[(i // 4) % 4]
        notes = [(root, 0.1), (root + 4, 0.1), (root + 7, 0.1), (root - 24, 0.2)]
        chord = sum(a / k * np.sin(2 * np.pi * hz(m) * k * t) for m, a in notes for k in range(1, 5))
        k = int(start * sr)
        seg = (chord * env).astype(np.float32)
        y[k : k + seg.size] += seg[: y.size - k]
    return y, times


def backbeat(
    chords: list[tuple[str, str]], *, bpm: float = 80.0, sr: int = SR, hats_per_beat: int = 2, stabs: bool = False
) -> tuple[np.ndarray, float]:
    """A slow band groove: one chord per bar, bass and kick on 1 and 3, snare on 2 and 4,
    closed hi-hats ``hats_per_beat`` times a beat (double time over the pulse); with ``stabs``
    the chord is struck with each hi-hat instead of held.

    Returns the signal and its beat period in seconds.
    """
    beat = 60.0 / bpm
    bar = 4 * beat
    rng = np.random.default_rng(2)
    parts = []
    for root, quality in chords:
        if stabs:
            seg = np.zeros(int(bar * sr), np.float32)
            for h in range(4 * hats_per_beat):
                k = int(h * beat / hats_per_beat * sr)
                st = sum(tone(m, beat / hats_per_beat * 0.8, sr=sr, amp=0.07, decay=0.1) for m in triad(root, quality))
                seg[k : k + st.size] += st[: seg.size - k]
        else:
            seg = sum(tone(m, bar, sr=sr, amp=0.05) for m in triad(root, quality))
        for b in range(4):
            k = int(b * beat * sr)
            if b % 2 == 0:
                bass = tone(triad(root, quality, 2)[0], beat * 0.9, sr=sr, amp=0.3, harmonics=3, decay=0.3)
                kick = click(sr, 0.8, 60.0, 0.15)
                seg[k : k + bass.size] += bass[: seg.size - k]
                seg[k : k + kick.size] += kick[: seg.size - k]
            else:
                n = int(0.12 * sr)
                snare = (rng.normal(0, 0.3, n) * np.exp(-np.arange(n) / (0.03 * sr))).astype(np.float32)
                seg[k : k + n] += snare[: seg.size - k]
        for h in range(4 * hats_per_beat):
            k = int(h * beat / hats_per_beat * sr)
            n = int(0.03 * sr)
            hat = (np.diff(rng.normal(0, 0.12, n + 1)) * np.exp(-np.arange(n) / (0.006 * sr))).astype(np.float32)
            seg[k : k + n] += hat[: seg.size - k]
        parts.append(seg.astype(np.float32))
    return np.concatenate(parts), beat


def legato_track(bpm: float, seconds: float, *, fade: float = 0.15, sr: int = SR, offset: float = 0.5):
    """Bowed-style chorale: a new chord (C F G D Am ...) every beat, each swelling in over ``fade``
    s while the previous one fades out (equal power), so the overall level stays flat at the changes.

    Returns the signal and the true note-on times.
    """
    period = 60.0 / bpm
    y = np.zeros(int(seconds * sr), np.float32)
    times = np.arange(offset, seconds - 1.0, period)
    t = np.arange(int((period + fade) * sr)) / sr
    # Equal-power crossfade: the summed level stays flat through each change.
    env = np.sin(np.pi / 2 * np.minimum(1.0, t / fade)) * np.sin(np.pi / 2 * np.clip((period + fade - t) / fade, 0.0, 1.0))
    roots = (60, 65, 67, 62, 69, 64, 65, 67)
    for i, start in enumerate(times):
        root = roots[i % len(roots)]
        third = 3 if root in (62, 64, 69) else 4
        notes = [(root, 0.1), (root + third, 0.1), (root + 7, 0.1), (root - 24, 0.2)]
        chord = sum(a / k * np.sin(2 * np.pi * hz(m) * k * t) for m, a in notes for k in range(1, 5))
        k = int(start * sr)
        seg = (chord * env).astype(np.float32)
        y[k : k + seg.size] += seg[: y.size - k]
    return y, times


def jig(
    chords: list[tuple[str, str]], *, dotted_bpm: float = 70.0, sr: int = SR, lilt: bool = False
) -> tuple[np.ndarray, float]:
    """A jig as a pianist plays it: running eighths in the right hand (a turn on the chord
    tones), the left hand striking the chord with its bass on each dotted quarter; with
    ``lilt`` every other bar's tune goes quarter-eighth (long-short) instead.

    Returns signal, bar length (two dotted quarters).
    """
    eighth = 60.0 / dotted_bpm / 3
    bar = 6 * eighth
    parts = []
    for root, quality in chords:
        notes = triad(root, quality, octave=5)
        seg = np.zeros(int(bar * sr), np.float32)
        for half in range(2):
            k = int(3 * half * eighth * sr)
            left = sum(tone(m, 3 * eighth, sr=sr, amp=0.07, decay=0.5) for m in triad(root, quality, octave=3))
            left = left + tone(triad(root, quality, 2)[0], 3 * eighth, sr=sr, amp=0.2, harmonics=3, decay=0.5)
            seg[k : k + left.size] += left[: seg.size - k]
        for i, step in enumerate((0, 2, 1, 2, 0, 2)):
            if lilt and len(parts) % 2 and i in (1, 4):
                continue  # the note before sounds on as a quarter
            t = tone(notes[step] + (2 if i in (1, 4) else 0), eighth * 1.5, sr=sr, amp=0.12, decay=0.12)
            k = int(i * eighth * sr)
            seg[k : k + t.size] += t[: seg.size - k]
        parts.append(seg)
    return np.concatenate(parts), bar
