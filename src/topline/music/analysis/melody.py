"""Lead regions: where the instrumental already carries a lead melody.

A lead line stands out above the accompaniment in the melody range and moves:
per frame, the strongest spectral peak between 200 Hz and 2 kHz must clearly
exceed the other peaks, and over a couple of seconds it must visit several
different pitches (sustained pads and held chords do neither).
"""

from __future__ import annotations

import numpy as np

__all__ = ["lead_regions"]


def lead_regions(
    mag: np.ndarray,
    *,
    sr: int,
    n_fft: int,
    hop: int,
    prominence_db: float = 6.0,
    window: float = 2.0,
    min_notes: int = 3,
    min_length: float = 2.0,
) -> list[tuple[float, float]]:
    """Time spans carrying a prominent moving melody.

    Parameters
    ----------
    mag : np.ndarray
        (1 + n_fft // 2, frames) magnitude STFT.
    sr, n_fft, hop : int
        The STFT's sample rate, size and hop.
    prominence_db : float
        How far the top peak must exceed the mean of the next three.
    window : float
        Seconds over which the pitch must move.
    min_notes : int
        Distinct semitones the top peak must visit within ``window``.
    min_length : float
        Shortest region kept, in seconds.

    Returns
    -------
    list of (start, end)
    """
    freqs = np.arange(mag.shape[0]) * sr / n_fft
    band = (freqs >= 200) & (freqs <= 2000)
    m = mag[band]
    f = freqs[band]
    n = m.shape[1]
    if n == 0:
        return []
    # Local maxima along frequency only: peaks, not the skirts of one peak.
    is_peak = np.zeros_like(m, dtype=bool)
    is_peak[1:-1] = (m[1:-1] > m[:-2]) & (m[1:-1] >= m[2:])
    peaks = np.where(is_peak, m, 0.0)
    order = np.sort(peaks, axis=0)[::-1]
    top, rest = order[0], order[1:4].mean(axis=0)
    level = 20 * np.log10(top + 1e-9)
    loud = level > level.max() - 40  # ignore near-silent frames
    prominent = loud & (20 * np.log10((top + 1e-9) / (rest + 1e-9)) > prominence_db)
    midi = np.round(12 * np.log2(np.maximum(f[np.argmax(peaks, axis=0)], 1.0) / 440.0) + 69).astype(int)
    w = max(1, int(round(window * sr / hop)))
    moving = np.zeros(n, dtype=bool)
    for i in range(0, n, max(1, w // 4)):
        sl = slice(max(0, i - w // 2), min(n, i + w // 2))
        notes = midi[sl][prominent[sl]]
        if notes.size >= w // 4 and np.unique(notes).size >= min_notes:
            moving[i : i + max(1, w // 4)] = True
    active = prominent & moving
    # Smooth: a frame belongs to the lead if most of the surrounding half second does.
    k = max(1, int(round(0.5 * sr / hop)))
    active = np.convolve(active.astype(float), np.ones(k) / k, mode="same") > 0.5
    regions: list[tuple[float, float]] = []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], active.astype(int), [0]])))
    for a, b in zip(edges[::2], edges[1::2]):
        start, end = a * hop / sr, b * hop / sr
        if regions and start - regions[-1][1] < 1.0:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    return [(round(s, 3), round(e, 3)) for s, e in regions if e - s >= min_length]
