"""An audible inhale before a phrase: shaped noise, as a singer breathes through the mouth."""

from __future__ import annotations

import numpy as np
from scipy.signal import butter, sosfilt


def breath(length_s: float, *, sr: int, level: float, breathiness: float = 0.3, seed: int = 0) -> np.ndarray:
    """A breath of ``length_s`` seconds.

    Parameters
    ----------
    length_s : float
        Duration of the inhale.
    sr : int
        Sample rate.
    level : float
        RMS of the phrase it precedes; the breath sits 20-26 dB below it.
    breathiness : float
        0..1: a breathier style breathes louder.
    seed : int
        Same seed, same noise.

    Returns
    -------
    np.ndarray
        float32 samples.
    """
    n = max(int(length_s * sr), 1)
    noise = np.random.default_rng(seed).standard_normal(n)
    # an open-mouth inhale: broad noise between ~500 Hz and ~6 kHz, darker at the top
    sos = butter(2, [500.0, min(6000.0, 0.45 * sr)], btype="bandpass", fs=sr, output="sos")
    shaped = sosfilt(sos, noise)
    t = np.linspace(0.0, 1.0, n)
    envelope = np.sin(np.pi * np.clip(t / 0.65, 0, 1) / 2) ** 2 * np.clip((1.0 - t) / 0.35, 0, 1)
    shaped *= envelope
    rms = float(np.sqrt(np.mean(shaped**2))) or 1.0
    gain_db = -26.0 + 6.0 * float(np.clip(breathiness, 0.0, 1.0))
    return (shaped / rms * level * 10 ** (gain_db / 20)).astype(np.float32)
