"""Integrated loudness (ITU-R BS.1770) via pyloudnorm."""

from __future__ import annotations

import numpy as np

__all__ = ["integrated_loudness"]

_FLOOR = -70.0  # the BS.1770 absolute gate: nothing measurable is quieter


def integrated_loudness(y: np.ndarray, *, sr: int) -> float:
    """Integrated loudness in LUFS.

    Parameters
    ----------
    y : np.ndarray
        Mono (n,) or (channels, n) float signal.
    sr : int
        Sample rate.

    Returns
    -------
    float
        LUFS, floored at -70 (also for signals shorter than one 400 ms block).
    """
    import pyloudnorm

    data = y.T if y.ndim == 2 else y
    if data.shape[0] < int(0.4 * sr) + 1:
        return _FLOOR
    value = pyloudnorm.Meter(sr).integrated_loudness(np.asarray(data, dtype=np.float64))
    return float(max(_FLOOR, value)) if np.isfinite(value) else _FLOOR
