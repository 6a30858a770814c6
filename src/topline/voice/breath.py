"""An audible inhale before a phrase, where a singer would take one.

``breath_slot`` says whether a gap between phrases is long enough to breathe in and where the
breath goes; ``breath`` makes it: noise shaped like an open-mouth inhale (a broad band around
the first two formants of a relaxed vowel, little above 5 kHz, nothing above 8 kHz), swelling
and fading from and to exact silence so a phrase's edges never click, with its loudest 50 ms
``BREATH_DB`` (22-28 dB) under the phrase's level.
"""

from __future__ import annotations

import numpy as np
from scipy.signal import butter, sosfilt

from topline.errors import VoiceError

#: Loudest 50 ms of a breath relative to the phrase's RMS (dB), at breathiness 0; a breathier
#: style breathes up to ``BREATHY_DB`` louder.  A produced vocal's breaths sit 20-30 dB down.
BREATH_DB = -28.0
BREATHY_DB = 6.0
#: A singer breathes in a gap of at least this long (s); a shorter one is a catch breath, unheard.
MIN_GAP_S = 0.35
#: Longest breath (s).
MAX_BREATH_S = 0.45
#: Shortest breath worth placing (s).
MIN_BREATH_S = 0.18
#: The breath ends this long before the phrase's first sound (the mouth closes to the consonant).
LEAD_S = 0.05
#: And starts at least this long after the previous phrase's end (its release and reverb).
RELEASE_S = 0.10

_PEAK_WINDOW_S = 0.05


def breath_slot(prev_end: float | None, next_start: float, *, min_gap_s: float = MIN_GAP_S,
                max_s: float = MAX_BREATH_S) -> tuple[float, float] | None:
    """Where a breath goes before a phrase, if a singer would take one there.

    Parameters
    ----------
    prev_end : float or None
        End (s) of the previous phrase's last sound; None before the first phrase (the song's
        start counts as the previous end: time 0).
    next_start : float
        Start (s) of the phrase's first sound (its first consonant, not its note start).
    min_gap_s : float
        Shortest gap a singer breathes audibly in.
    max_s : float
        Longest breath.

    Returns
    -------
    (start, length) or None
        Seconds; None when the gap is too short, or leaves less than ``MIN_BREATH_S`` once the
        release and the lead-in are kept clear.
    """
    prev = 0.0 if prev_end is None else float(prev_end)
    gap = float(next_start) - prev
    if gap < min_gap_s:
        return None
    length = min(float(max_s), gap - LEAD_S - RELEASE_S)
    if length < MIN_BREATH_S:
        return None
    return float(next_start) - LEAD_S - length, length


def _envelope(n: int) -> np.ndarray:
    """A swell over the first 60 % and a fade over the last 40 %, both raised-cosine, 0 at both ends."""
    t = (np.arange(n) + 0.5) / n
    rise = np.sin(0.5 * np.pi * np.clip(t / 0.6, 0.0, 1.0)) ** 2
    fall = np.cos(0.5 * np.pi * np.clip((t - 0.6) / 0.4, 0.0, 1.0)) ** 2
    env = rise * fall
    env[0] = env[-1] = 0.0
    return env


def breath(length_s: float, *, sr: int, level: float, breathiness: float = 0.3, seed: int = 0) -> np.ndarray:
    """A breath of ``length_s`` seconds.

    Parameters
    ----------
    length_s : float
        Duration of the inhale (see ``breath_slot``).
    sr : int
        Sample rate (8 kHz or more).
    level : float
        RMS of the phrase it precedes (over its sung part); the breath's loudest 50 ms sits
        ``BREATH_DB + BREATHY_DB * breathiness`` dB (-28 to -22 dB) under it.
    breathiness : float
        0..1: a breathier style breathes louder.
    seed : int
        Same seed, same breath (noise and the exact shape of its resonances).

    Returns
    -------
    np.ndarray
        float32 samples, exactly 0 at the first and last sample.

    Raises
    ------
    VoiceError
        A non-positive length or sample rate, or a negative or non-finite level.
    """
    if not np.isfinite(length_s) or length_s <= 0:
        raise VoiceError(f"A breath needs a positive length, not {length_s!r} s.")
    if not isinstance(sr, (int, np.integer)) or sr < 8000:
        raise VoiceError(f"A breath needs a sample rate of 8000 Hz or more, not {sr!r}.")
    if not np.isfinite(level) or level < 0:
        raise VoiceError(f"The phrase level must be a finite non-negative RMS, not {level!r}.")
    n = max(int(round(length_s * sr)), 2)
    rng = np.random.default_rng(seed)
    noise = rng.standard_normal(n)
    nyq = sr / 2.0
    # the airflow: a broad band from 400 Hz, falling steeply above 4.5 kHz (nothing above ~8 kHz)
    sos = np.vstack([
        butter(2, 400.0, btype="highpass", fs=sr, output="sos"),
        butter(4, min(4500.0, 0.45 * sr), btype="lowpass", fs=sr, output="sos"),
    ])  # fmt: skip
    shaped = sosfilt(sos, noise)
    # the mouth: two soft resonances near a relaxed vowel's first formants, a little different each time
    for centre, width in ((rng.uniform(900.0, 1500.0), 500.0), (rng.uniform(2200.0, 3000.0), 900.0)):
        lo, hi = max(centre - width / 2, 50.0), min(centre + width / 2, 0.95 * nyq)
        shaped += 1.5 * sosfilt(butter(2, [lo, hi], btype="bandpass", fs=sr, output="sos"), noise)
    shaped *= _envelope(n)
    # level: the loudest 50 ms window at the target under the phrase
    w = max(min(int(_PEAK_WINDOW_S * sr), n), 1)
    ms = np.convolve(shaped * shaped, np.ones(w) / w, mode="valid")
    peak_rms = float(np.sqrt(ms.max())) if ms.size and ms.max() > 0 else 0.0
    if peak_rms == 0.0 or level == 0.0:
        return np.zeros(n, dtype=np.float32)
    gain_db = BREATH_DB + BREATHY_DB * float(np.clip(breathiness, 0.0, 1.0))
    return (shaped * (level * 10 ** (gain_db / 20) / peak_rms)).astype(np.float32)
