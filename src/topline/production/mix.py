"""Mix: the instrumental ducks gently under the voice, and the voice sits at a set balance."""

from __future__ import annotations

import numpy as np
from scipy import ndimage, signal

from .envelope import frames_to_samples
from .master import loudness_from_hops

_HOP = 512


def duck_gain(voice: np.ndarray, *, sr: int, depth_db: float = 2.5, hold_s: float = 0.15,
              smooth_s: float = 0.08) -> np.ndarray:
    """Per-sample gain for the instrumental: down by up to ``depth_db`` while the voice sings.

    The voice's frame level (relative to its loud frames) is held for ``hold_s`` and smoothed
    forwards and backwards, so the dip starts just before a phrase and releases after it
    instead of pumping on each syllable.

    Parameters
    ----------
    voice : np.ndarray, shape (n,) or (channels, n)
    sr : int
    depth_db : float
        Largest cut, dB.

    Returns
    -------
    np.ndarray
        float32, shape (n,), in [10 ** (-depth_db / 20), 1].
    """
    v = np.atleast_2d(voice)
    n = v.shape[-1]
    pad = (-n) % _HOP
    f = np.pad(v, ((0, 0), (0, pad))).reshape(v.shape[0], -1, _HOP)
    rms = np.sqrt(np.mean(f * f, axis=(0, 2)))
    loud = np.percentile(rms, 95) if rms.size else 0.0
    if loud <= 0:
        return np.ones(n, dtype=np.float32)
    # 0 at 30 dB below the loud frames, 1 at their level: a smooth "how much is being sung".
    with np.errstate(divide="ignore"):
        rel = 20 * np.log10(np.maximum(rms, 1e-12) / loud)
    e = np.clip((rel + 30.0) / 30.0, 0.0, 1.0)
    fr = sr / _HOP
    e = ndimage.maximum_filter1d(e, size=max(1, int(hold_s * fr)), mode="nearest")
    a = np.exp(-1.0 / max(1.0, smooth_s * fr))
    if e.size > 12:
        e = signal.filtfilt([1 - a], [1, -a], e)
    g_db = -depth_db * np.clip(e, 0.0, 1.0)
    return frames_to_samples(10 ** (g_db / 20), hop=_HOP, n=n)


def balance_gain(e_vocal: np.ndarray, e_instrumental: np.ndarray, *, sr: int, balance_lu: float) -> float:
    """Linear gain for the vocal so its loudness minus the instrumental's is ``balance_lu``.

    Takes per-hop K-weighted energies (``master.hop_energy``).  A silent side (no
    measurable loudness) leaves the vocal as it is.
    """
    lv = loudness_from_hops(e_vocal, sr=sr)
    li = loudness_from_hops(e_instrumental, sr=sr)
    if not (np.isfinite(lv) and np.isfinite(li)):
        return 1.0
    return float(10 ** ((li + balance_lu - lv) / 20))
