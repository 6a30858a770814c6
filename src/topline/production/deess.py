"""De-esser: turns the sibilant band down only while it dominates the voice."""

from __future__ import annotations

import numpy as np
from scipy import signal

from .envelope import frames_to_samples

_HOP = 256


def _frame_rms(x: np.ndarray, hop: int) -> np.ndarray:
    # Whole frames as a view, the short last frame (zero-padded) apart: no padded copy.
    m = x.size // hop
    f = x[: m * hop].reshape(m, hop)
    ss = np.einsum("ij,ij->i", f, f)
    if x.size > m * hop:
        tail = x[m * hop :]
        ss = np.append(ss, np.dot(tail, tail))
    return np.sqrt(ss / np.float32(hop) + np.float32(1e-12))


def deess(x: np.ndarray, *, sr: int, freq: float = 5500.0, ratio: float = 0.6,
          max_cut_db: float = 9.0) -> np.ndarray:
    """Reduce the band above ``freq`` where it is louder than ``ratio`` times the rest.

    The voice is split into high band ``h`` (a 2nd-order high pass) and the remainder
    ``x - h``, so with no reduction the output equals the input exactly.

    Parameters
    ----------
    x : np.ndarray, shape (n,)
        Mono vocal.
    sr : int
    freq : float
        Lower edge of the sibilant band, Hz.
    ratio : float
        Allowed RMS of the sibilant band relative to the rest of the voice.
    max_cut_db : float
        The most the band is turned down.

    Returns
    -------
    np.ndarray
        float32, same shape.
    """
    if sr <= 2 * freq:
        return x.astype(np.float32, copy=True)
    x = np.asarray(x, dtype=np.float32)
    # float32 coefficients keep the filter in float32 (float64 ones would promote the voice).
    sos = signal.butter(2, freq, btype="highpass", fs=sr, output="sos").astype(np.float32)
    h = signal.sosfilt(sos, x)
    hr, xr = _frame_rms(h, _HOP), _frame_rms(x - h, _HOP)
    g = np.clip(ratio * xr / hr, 10 ** (-max_cut_db / 20), 1.0)
    # Smooth the frame gains (about 12 ms) so the cut does not click.
    g = signal.filtfilt([0.5], [1.0, -0.5], g) if g.size > 9 else g
    cut = frames_to_samples(g, hop=_HOP, n=x.size)
    np.subtract(np.float32(1.0), cut, out=cut)  # the part of the band taken away
    cut *= h
    return np.subtract(x, cut, out=cut)
