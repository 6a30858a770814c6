"""Frame-rate control curves (gains, envelopes) brought back to sample rate."""

from __future__ import annotations

import numpy as np


def frames_to_samples(v: np.ndarray, *, hop: int, n: int) -> np.ndarray:
    """Linear interpolation of per-frame values to ``n`` samples.

    Frame ``k`` covers samples ``k * hop .. k * hop + hop - 1`` and its value sits at the
    frame's centre; before the first and after the last centre the end value holds.  On a
    uniform grid this is a broadcast, several times cheaper than ``np.interp``.

    Parameters
    ----------
    v : np.ndarray, shape (frames,)
        At least ``ceil(n / hop)`` values.
    hop : int
    n : int

    Returns
    -------
    np.ndarray
        float32, shape (n,).
    """
    v = np.asarray(v, dtype=np.float32)
    if v.size * hop < n:
        raise ValueError(f"{v.size} frames of {hop} cannot cover {n} samples")
    ext = np.concatenate([v[:1], v, v[-1:]])
    c = (hop - 1) / 2
    r = np.arange(hop, dtype=np.float64)
    upper = r >= c
    out = np.empty((v.size, hop), dtype=np.float32)
    # Lower half of frame k: between the centres of frames k-1 and k; upper half: k and k+1.
    fl = ((r[~upper] + hop - c) / hop).astype(np.float32)
    fu = ((r[upper] - c) / hop).astype(np.float32)
    a, b = ext[:-2, None], ext[1:-1, None]
    out[:, ~upper] = a + fl[None, :] * (b - a)
    a, b = ext[1:-1, None], ext[2:, None]
    out[:, upper] = a + fu[None, :] * (b - a)
    return out.reshape(-1)[:n]
