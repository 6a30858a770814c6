"""Backing voices on choruses: double-tracked leads and a diatonic harmony a third above.

Both are derived from the processed lead, not re-sung: a double is the lead read through
a slowly wandering delay (a few ms of timing drift and ~10 cents of pitch drift, like a
second take); the harmony is the lead through a two-tap delay-line pitch shifter whose
interval follows the key, note by note.
"""

from __future__ import annotations

import hashlib

import numpy as np
from scipy import ndimage

from ..music.types import Score

CHORUS_KINDS = ("chorus", "hook")
_NAMES = {"C": 0, "C#": 1, "DB": 1, "D": 2, "D#": 3, "EB": 3, "E": 4, "F": 5, "F#": 6, "GB": 6, "G": 7,
          "G#": 8, "AB": 8, "A": 9, "A#": 10, "BB": 10, "B": 11}  # fmt: skip
_MAJOR = (0, 2, 4, 5, 7, 9, 11)
_MINOR = (0, 2, 3, 5, 7, 8, 10)


def chorus_mask(score: Score, *, n: int, sr: int, fade_s: float = 0.03, tail_s: float = 0.25) -> np.ndarray:
    """Per-sample weight in [0, 1]: 1 while a chorus (or hook) note sounds, with short fades.

    Each note's span runs on ``tail_s`` past its end (reverb-free decay of the sung vowel),
    and gaps shorter than half a second inside a chorus are filled so backing voices do
    not flutter in and out between words.
    """
    mask = np.zeros(n, dtype=np.float32)
    spans = sorted((nt.start, nt.end) for nt in score.notes if nt.section.lower() in CHORUS_KINDS)
    merged: list[list[float]] = []
    for a, b in spans:
        if merged and a - merged[-1][1] < 0.5:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    for a, b in merged:
        i, j = max(0, int((a - fade_s) * sr)), min(n, int((b + tail_s) * sr))
        if j > i:
            mask[i:j] = 1.0
    if merged:
        mask = ndimage.uniform_filter1d(mask, size=max(1, int(fade_s * sr)), mode="constant")
    return mask


def parse_key(key: str) -> tuple[int, tuple[int, ...]]:
    """``"C# minor"`` -> (1, minor scale); unknown text gives C major."""
    parts = (key or "").replace(":", " ").split()
    tonic = _NAMES.get(parts[0].upper(), 0) if parts else 0
    minor = len(parts) > 1 and parts[1].lower().startswith("min")
    return tonic, _MINOR if minor else _MAJOR


def third_above(midi: int, key: str) -> int:
    """Semitones up to the diatonic third above ``midi`` in ``key`` (3 or 4)."""
    tonic, scale = parse_key(key)
    pcs = {(tonic + s) % 12 for s in scale}
    for iv in (3, 4):  # in a diatonic scale exactly one of them lands on a scale note
        if (midi + iv) % 12 in pcs:
            return iv
    return 4 if (midi - tonic) % 12 in (0, 5, 7) else 3  # chromatic note: a plain major/minor third


def _seed_rng(seed: int, salt: str) -> np.random.Generator:
    h = hashlib.sha256(f"{seed}:{salt}".encode()).digest()
    return np.random.default_rng(int.from_bytes(h[:8], "little"))


def _read(x: np.ndarray, pos: np.ndarray, *, lo: int = 0) -> np.ndarray:
    """Linear-interpolated read of ``x`` at fractional positions (zeros outside).

    Only ``x[lo : ceil(max(pos)) + 2]`` is touched, so reading a short span of a long
    signal costs the span, not the signal.
    """
    hi = min(x.size, int(np.ceil(pos.max())) + 2) if pos.size else lo
    lo = max(0, min(lo, hi))
    seg = np.pad(x[lo:hi], 1)
    p = np.clip(pos - (lo - 1), 0.0, float(seg.size - 1))
    i = p.astype(np.int64)  # p >= 0, so truncation is floor
    f = (p - i).astype(np.float32)
    j = np.minimum(i + 1, seg.size - 1)
    return seg[i] + f * (seg[j] - seg[i])


def active_spans(mask: np.ndarray, *, pad: int) -> list[tuple[int, int]]:
    """Sample ranges where ``mask`` is non-zero, widened by ``pad`` (the effects' reach)."""
    nz = np.flatnonzero(mask > 0)
    if nz.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(nz) > 2 * pad)
    starts = np.r_[nz[0], nz[breaks + 1]]
    ends = np.r_[nz[breaks], nz[-1]] + 1
    return [(max(0, int(a) - pad), min(mask.size, int(b) + pad)) for a, b in zip(starts, ends)]


def double(lead: np.ndarray, *, sr: int, seed: int, base_ms: float, depth_ms: float = 1.5,
           span: tuple[int, int] | None = None) -> np.ndarray:
    """A second "take" of ``lead``: a delay of ``base_ms`` wandering by ``depth_ms`` (two slow sines).

    With ``span=(a, b)`` only samples ``a:b`` are rendered (the rest of the output is zero).
    """
    a, b = span if span is not None else (0, lead.size)
    out = np.zeros(lead.size, dtype=np.float32)
    out[a:b] = double_span(lead, sr=sr, seed=seed, base_ms=base_ms, depth_ms=depth_ms, span=(a, b))
    return out


def double_span(lead: np.ndarray, *, sr: int, seed: int, base_ms: float, depth_ms: float = 1.5,
                span: tuple[int, int]) -> np.ndarray:
    """``double(...)[a:b]`` for ``span=(a, b)``, without a song-length array per span."""
    a, b = span
    rng = _seed_rng(seed, f"double{base_ms}")
    rates = rng.uniform(0.25, 0.9, size=2)
    phases = rng.uniform(0, 2 * np.pi, size=2)
    t = np.arange(a, b, dtype=np.float64)
    wander = 0.6 * np.sin((2 * np.pi * rates[0] / sr * t + phases[0]).astype(np.float32))
    wander += 0.4 * np.sin((2 * np.pi * rates[1] / sr * t + phases[1]).astype(np.float32))
    delay = (base_ms + depth_ms * wander) * np.float32(1e-3 * sr)
    return _read(lead, t - delay, lo=int(a - (base_ms + depth_ms) * 1e-3 * sr) - 2)


def pitch_shift(x: np.ndarray, semitones: np.ndarray, *, sr: int, window_ms: float = 40.0,
                span: tuple[int, int] | None = None) -> np.ndarray:
    """Two-tap delay-line pitch shifter with a per-sample interval (semitones, may vary).

    Each tap reads ``x`` through a delay that drifts at rate ``1 - ratio`` and wraps every
    ``window_ms``; the taps are half a cycle apart and cross-faded with sin^2/cos^2 windows,
    which sum to one, so each wrap happens while its tap is silent.  With ``span=(a, b)``
    only samples ``a:b`` are rendered.
    """
    a, b = span if span is not None else (0, x.size)
    out = np.zeros(x.size, dtype=np.float32)
    out[a:b] = _shift_span(x, semitones[a:b], sr=sr, window_ms=window_ms, a=a)
    return out


def _shift_span(x: np.ndarray, semis: np.ndarray, *, sr: int, window_ms: float, a: int) -> np.ndarray:
    """``pitch_shift`` of samples ``a : a + semis.size``, given their intervals ``semis``."""
    b = a + semis.size
    w = window_ms * 1e-3 * sr
    # The rate in float32 (exp2, not a float64 power); its running sum in float64, which
    # keeps the phase exact over a long span.
    drift = np.float32(1.0) - np.exp2(np.asarray(semis, dtype=np.float32) / np.float32(12.0))
    phase = np.cumsum(drift, dtype=np.float64)
    phase /= w
    out = np.zeros(b - a, dtype=np.float32)
    t = np.arange(a, b, dtype=np.float64)
    for off in (0.0, 0.5):
        ph = np.mod(phase + off, 1.0)
        fade = np.sin(np.float32(np.pi) * ph.astype(np.float32))
        fade *= fade
        out += _read(x, t - (1.0 + w * ph), lo=int(a - w) - 2) * fade
    return out


def harmony_line(lead: np.ndarray, score: Score, *, sr: int, spans: list[tuple[int, int]] | None = None) -> np.ndarray:
    """The lead shifted to the diatonic third above, on chorus notes (silent elsewhere is up to the mask)."""
    n = lead.size
    steps = np.full(n, np.nan, dtype=np.float32)
    for nt in score.notes:
        if nt.section.lower() in CHORUS_KINDS:
            a, b = max(0, int(nt.start * sr)), min(n, int(nt.end * sr))
            steps[a:b] = third_above(int(nt.midi), score.key)
    # Hold each interval until the next note, then glide over ~20 ms (no clicks in the shifter).
    out = np.zeros(n, dtype=np.float32)
    for a, b in spans if spans is not None else [(0, n)]:
        st = steps[a:b]
        have = ~np.isnan(st)
        if not have.any():
            continue
        idx = np.maximum.accumulate(np.where(have, np.arange(b - a), 0))
        idx[: np.argmax(have)] = np.argmax(have)
        semis = ndimage.uniform_filter1d(st[idx], size=max(1, int(0.02 * sr)), mode="nearest")
        out[a:b] += _shift_span(lead, semis, sr=sr, window_ms=40.0, a=a)
    return out
