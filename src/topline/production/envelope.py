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
    k = int(np.ceil(c))  # offsets k.. lie at or past the frame's centre
    r = np.arange(hop, dtype=np.float64)
    out = np.empty((v.size, hop), dtype=np.float32)
    # Lower half of frame k: between the centres of frames k-1 and k; upper half: k and k+1.
    # (Column slices, not boolean masks: a masked 2-D assignment costs several times more.)
    fl = ((r[:k] + hop - c) / hop).astype(np.float32)
    fu = ((r[k:] - c) / hop).astype(np.float32)
    a, b = ext[:-2, None], ext[1:-1, None]
    np.multiply(fl[None, :], b - a, out=out[:, :k])
    out[:, :k] += a
    a, b = ext[1:-1, None], ext[2:, None]
    np.multiply(fu[None, :], b - a, out=out[:, k:])
    out[:, k:] += a
    return out.reshape(-1)[:n]
