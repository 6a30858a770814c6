"""Sections: boundaries from bar-level novelty and repetition, labels from repetition and energy.

Bar-synchronous chroma + MFCC give a self-similarity matrix; a checkerboard kernel
along its diagonal peaks where the music changes, and the starts and ends of its
diagonal stripes mark where repeated material begins and stops; the peaks of both
together (on bar lines) are the boundaries.  Segments are then grouped by similarity: the most energetic
group that repeats is the chorus, the other repeated material verses, a one-off
in the second half a bridge, quiet first/last parts intro and outro.
"""

from __future__ import annotations

import numpy as np

__all__ = ["novelty", "repetition", "segment_bars", "label_sections"]


def _ssm(features: np.ndarray) -> np.ndarray:
    # Plain cosine, not centred: centring turns the noise of uniform music into contrast.
    f = features / (np.linalg.norm(features, axis=0, keepdims=True) + 1e-9)
    return f.T @ f


def novelty(features: np.ndarray, *, width: int = 4) -> np.ndarray:
    """Checkerboard novelty along the diagonal of the self-similarity matrix.

    Parameters
    ----------
    features : np.ndarray
        (dims, bars) features, one column per bar.
    width : int
        Half-width of the kernel in bars.

    Returns
    -------
    np.ndarray
        Novelty at the start of each bar (0 at the edges).
    """
    # Gaussian similarity on distance: unlike cosine it keeps "how far", so tiny
    # fluctuations of uniform music stay near-identical.
    d2 = np.sum((features[:, :, None] - features[:, None, :]) ** 2, axis=0)
    s = np.exp(-d2 / features.shape[0])
    n = s.shape[0]
    idx = np.arange(-width, width)
    sign = np.where(idx < 0, -1.0, 1.0)
    g = np.exp(-0.5 * ((idx + 0.5) / (width / 2)) ** 2)
    kernel = np.outer(sign * g, sign * g)
    out = np.zeros(n)
    pad = np.pad(s, width, mode="edge")
    for i in range(n):
        out[i] = float((pad[i : i + 2 * width, i : i + 2 * width] * kernel).sum())
    out[:1] = 0.0
    # In units of the largest possible response (similarity +1 within, -1 across).
    return np.maximum(out, 0.0) / np.abs(kernel).sum()


def repetition(features: np.ndarray, *, length: int = 4, gap: int = 4, margin: float = 0.5) -> np.ndarray:
    """Where repeated material starts or stops, from the diagonal stripes of the self-similarity.

    Bar ``i`` starts a repetition of bar ``j`` when the ``length`` bars from ``i`` match the
    ``length`` bars from ``j`` while the bars before them do not (the stripe from ``(i, j)``
    begins there); it ends one when the bars before match and those after do not.  Only what
    a lag shares beyond its neighbouring lags counts: uniform sound matches at every lag and
    makes blocks, not stripes.  A section
    that comes back (a chorus, the A of A B A) thus marks its start and end even where its
    sound hardly differs from its neighbours'.

    Parameters
    ----------
    features : np.ndarray
        (dims, bars) standardised features.
    length : int
        Bars compared after and before the candidate boundary.
    gap : int
        Smallest lag (in bars) counted as a repetition.
    margin : float
        Similarity a lag must have above its neighbouring lags to count as a repeat.

    Returns
    -------
    np.ndarray
        Per bar, the largest share of ``length`` bars that a stripe gains or loses there (0..1).
    """
    d2 = np.sum((features[:, :, None] - features[:, None, :]) ** 2, axis=0)
    s = np.exp(-d2 / features.shape[0])
    n = s.shape[0]
    out = np.zeros(n)
    for lag in range(gap, n):
        # s[j, j + lag]: bar j + lag repeats bar j; less what the neighbouring lags share, so a
        # stretch of uniform sound (a block, similar at every lag) is no repetition.
        diag = np.diagonal(s, offset=lag)
        below = np.diagonal(s, offset=lag - 1)[: diag.size]
        above = np.append(np.diagonal(s, offset=lag + 1), below[-1])  # the last bar has one neighbour
        side = 0.5 * (below + above)
        diag = (diag - side[: diag.size] > margin).astype(float)  # on the stripe or not
        m = diag.size
        if m < length:  # too little room left for a repeat of ``length`` bars
            continue
        csum = np.concatenate([[0.0], np.cumsum(diag)])
        full = length
        for k in range(0, m + 1):  # k == m: the earlier occurrence ends where the later one meets the end
            a = min(length, m - k)
            b = min(length, k)
            after = (csum[k + a] - csum[k]) / a if a else 0.0
            before = (csum[k] - csum[k - b]) / b if b else 0.0  # a stripe from the song's start
            # A start needs a full stripe after it, an end a full one before it.
            contrast = max(after - before if a == full else 0.0, before - after if b == full else 0.0)
            i = k + lag  # the later occurrence's bar
            run = int(np.argmin(np.append(diag[k:], 0.0) > 0))  # stripe bars from k
            if after - before > 0 and run >= lag:
                # The later occurrence follows on the earlier one (a part played twice in a
                # row): one section that repeats inside, cut only where the pair starts.
                i = n
            earlier = k
            back = int(np.argmin(np.append(diag[:k][::-1], 0.0) > 0))  # stripe bars before k
            if before - after > 0 and back >= lag:
                earlier = 0  # the same at the end of a part played twice in a row
            if i < n and contrast > out[i]:
                out[i] = contrast
            if earlier > 0 and contrast > out[earlier]:  # the earlier occurrence starts or ends there too
                out[earlier] = contrast
    return out


def segment_bars(
    features: np.ndarray, *, min_bars: int = 4, per_minute: float = 5.0, bar_seconds: float = 2.0, floor: float = 0.1,
    weights: np.ndarray | None = None, repeat: float = 0.125,
) -> list[int]:
    """Boundary bar indices (excluding 0) from novelty peaks.

    Peaks at least ``min_bars`` apart are taken strongest first, up to about
    ``per_minute`` sections per minute, and only above a fraction of the largest
    and above ``floor`` (on novelty's absolute scale, where 1 is total contrast).
    Features are standardised per dimension, then scaled by ``weights``.  The novelty is
    the checkerboard novelty plus ``repeat`` times the ``repetition`` contrast (where repeated
    material starts or ends).
    """
    n = features.shape[1]
    if n < 2 * min_bars:
        return []
    # Standardise each dimension over the song so what varies drives the novelty; the std
    # floor keeps dimensions that barely move (uniform music) from turning noise into contrast.
    z = (features - features.mean(axis=1, keepdims=True)) / np.maximum(features.std(axis=1, keepdims=True), 0.05)
    if weights is not None:  # e.g. equal say for harmony, timbre and level however many dims each has
        z = z * np.asarray(weights, dtype=float)[:, None]
    nov = novelty(z, width=min(4, max(2, n // 5)))
    if repeat > 0:  # change of sound and start or end of repeated material, together
        nov = nov + repeat * repetition(z, length=min_bars, gap=min_bars)
    peaks = [i for i in range(min_bars, n - min_bars + 1) if nov[i] >= nov[max(0, i - 1)] and nov[i] >= nov[min(n - 1, i + 1)]]
    peaks.sort(key=lambda i: -nov[i])
    limit = max(1, int(round(n * bar_seconds / 60.0 * per_minute)))
    top = nov[peaks[0]] if peaks else 0.0
    chosen: list[int] = []
    for i in peaks:
        if nov[i] < max(0.3 * top, floor) or len(chosen) >= limit:
            break
        if all(abs(i - j) >= min_bars for j in chosen):
            chosen.append(i)
    return sorted(chosen)


def label_sections(seg_features: np.ndarray, energy: np.ndarray, *, similar: float = 0.6) -> list[str]:
    """Labels for segments from their mean features and energies.

    Parameters
    ----------
    seg_features : np.ndarray
        (dims, segments) mean feature per segment.
    energy : np.ndarray
        Segment energies in [0, 1].
    similar : float
        Cosine similarity above which two segments are the same material.
    """
    k = seg_features.shape[1]
    if k == 1:
        return ["verse"]
    s = _ssm(seg_features)
    group = -np.ones(k, dtype=int)
    g = 0
    for i in range(k):
        if group[i] < 0:
            group[i] = g
            for j in range(i + 1, k):
                if group[j] < 0 and s[i, j] >= similar:
                    group[j] = g
            g += 1
    counts = np.bincount(group)
    labels = ["verse"] * k
    repeated = [x for x in range(g) if counts[x] > 1]
    if repeated:
        chorus_group = max(repeated, key=lambda x: energy[group == x].mean())
        for i in range(k):
            if group[i] == chorus_group:
                labels[i] = "chorus"
    else:  # nothing repeats: the loudest part is the chorus
        labels[int(np.argmax(energy))] = "chorus"
    for i in range(1, k - 1):
        if counts[group[i]] == 1 and i >= k // 2 and labels[i] == "verse":
            labels[i] = "bridge"
    # A first/last part clearly quieter than its neighbour frames the song, unless its material
    # comes back elsewhere (then it keeps the label its repeats have).
    if k > 2 and labels[0] != "chorus" and counts[group[0]] == 1 and energy[0] < energy[1] - 0.1:
        labels[0] = "intro"
    if k > 2 and labels[-1] != "chorus" and counts[group[-1]] == 1 and energy[-1] < energy[-2] - 0.1:
        labels[-1] = "outro"
    return labels
