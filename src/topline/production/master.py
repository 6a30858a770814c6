"""Master bus: loudness to a target, a look-ahead limiter and a true-peak ceiling.

Loudness is ITU-R BS.1770 integrated loudness (the same K-weighting and gating as
pyloudnorm), computed with vectorised block sums because the pipeline's CPU budget
leaves no room for pyloudnorm's per-block Python loop on a 3-minute song.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage, signal

TARGET_LUFS = -14.0
TRUE_PEAK_DBTP = -1.0
# The limiter works on sample peaks; inter-sample peaks of a limited mix sit up to ~0.5 dB above
# them, so it aims below the true-peak ceiling and a final measured trim catches the rest.
_SAMPLE_CEILING_DB = -1.6
_TP_MARGIN_DB = 0.05


def _k_weighting_sos(sr: int) -> np.ndarray:
    """BS.1770 K-weighting (high shelf + high pass) as second-order sections, for any rate.

    The same analogue prototypes pyloudnorm uses, so both agree to a few hundredths of a LU.
    """
    # Stage 1: high shelf, +4 dB above ~1.5 kHz.
    g, q, fc = 3.999843853973347, 0.7071752369554196, 1681.974450955533
    a_ = 10 ** (g / 40.0)
    w0 = 2 * np.pi * fc / sr
    alpha = np.sin(w0) / (2 * q)
    cw = np.cos(w0)
    b1 = [a_ * ((a_ + 1) + (a_ - 1) * cw + 2 * np.sqrt(a_) * alpha),
          -2 * a_ * ((a_ - 1) + (a_ + 1) * cw),
          a_ * ((a_ + 1) + (a_ - 1) * cw - 2 * np.sqrt(a_) * alpha)]  # fmt: skip
    a1 = [(a_ + 1) - (a_ - 1) * cw + 2 * np.sqrt(a_) * alpha,
          2 * ((a_ - 1) - (a_ + 1) * cw),
          (a_ + 1) - (a_ - 1) * cw - 2 * np.sqrt(a_) * alpha]  # fmt: skip
    # Stage 2: high pass at ~38 Hz.
    q2, fc2 = 0.5003270373238773, 38.13547087602444
    w0 = 2 * np.pi * fc2 / sr
    alpha = np.sin(w0) / (2 * q2)
    cw = np.cos(w0)
    b2 = [(1 + cw) / 2, -(1 + cw), (1 + cw) / 2]
    a2 = [1 + alpha, -2 * cw, 1 - alpha]
    return np.array([np.r_[b1, a1] / a1[0], np.r_[b2, a2] / a2[0]])


def integrated_loudness(y: np.ndarray, *, sr: int) -> float:
    """Integrated loudness in LUFS (BS.1770-4: 400 ms blocks, 75 % overlap, -70 / -10 gates).

    Parameters
    ----------
    y : np.ndarray, shape (channels, n) or (n,)
    sr : int

    Returns
    -------
    float
        LUFS; ``-inf`` for silence or a signal shorter than one block.
    """
    y = np.atleast_2d(np.asarray(y, dtype=np.float32))
    hop = int(round(0.1 * sr))
    block = 4 * hop  # 400 ms blocks, 75 % overlap
    n_hops = y.shape[-1] // hop
    if n_hops < 4:
        return float("-inf")
    z = signal.sosfilt(_k_weighting_sos(sr).astype(np.float32), y, axis=-1)
    # Energy per 100 ms hop (channel weights are 1 for L/R/mono), then 4 hops per block.
    e = np.einsum("cij,cij->i", *(z[:, : n_hops * hop].reshape(z.shape[0], n_hops, hop),) * 2,
                  dtype=np.float64)
    ms = (e[:-3] + e[1:-2] + e[2:-1] + e[3:]) / block
    with np.errstate(divide="ignore"):
        lk = -0.691 + 10 * np.log10(ms)
    abs_gated = ms[lk >= -70.0]
    if abs_gated.size == 0:
        return float("-inf")
    rel = -0.691 + 10 * np.log10(abs_gated.mean()) - 10.0
    gated = ms[(lk >= -70.0) & (lk > rel)]
    if gated.size == 0:
        return float("-inf")
    return float(-0.691 + 10 * np.log10(gated.mean()))


def true_peak_db(y: np.ndarray, *, oversample: int = 4) -> float:
    """True peak in dBTP, by polyphase oversampling (BS.1770 annex 2 uses 4x).

    Only stretches whose sample peak comes within 4 dB of the loudest sample are
    oversampled: inter-sample overshoot of band-limited audio stays well below that.
    """
    y = np.atleast_2d(np.asarray(y, dtype=np.float32))
    peak = float(np.max(np.abs(y))) if y.size else 0.0
    if peak == 0.0:
        return float("-inf")
    seg = 4096
    n = y.shape[-1]
    pad = (-n) % seg
    env = np.abs(np.pad(y, ((0, 0), (0, pad)))).reshape(y.shape[0], -1, seg).max(axis=(0, 2))
    hot = np.flatnonzero(env >= peak * 10 ** (-4 / 20))
    best = peak
    margin = 64  # filter settle time on each side of a stretch
    # Merge neighbouring hot segments into runs so each run is filtered once.
    runs = np.split(hot, np.flatnonzero(np.diff(hot) > 1) + 1)
    for run in runs:
        a = max(0, run[0] * seg - margin)
        b = min(n, (run[-1] + 1) * seg + margin)
        up = signal.resample_poly(y[:, a:b], oversample, 1, axis=-1)
        best = max(best, float(np.max(np.abs(up))))
    return float(20 * np.log10(best))


def limit(y: np.ndarray, *, sr: int, ceiling_db: float, lookahead_ms: float = 5.0,
          hold_ms: float = 40.0) -> np.ndarray:
    """Brick-wall look-ahead limiter on sample peaks, linked across channels.

    The gain curve is the running minimum of the needed gain over look-ahead + hold,
    then two box smoothings whose combined reach stays inside the look-ahead, so the
    output never exceeds the ceiling and the gain moves in smooth ramps.

    Parameters
    ----------
    y : np.ndarray, shape (channels, n)
    sr : int
    ceiling_db : float
        Sample-peak ceiling in dBFS.
    lookahead_ms, hold_ms : float
        Attack (ramp) length and how long the gain holds before it releases.

    Returns
    -------
    np.ndarray
        float32, same shape.
    """
    ceiling = 10 ** (ceiling_db / 20)
    peak = np.max(np.abs(y), axis=0)
    need = np.minimum(1.0, ceiling / np.maximum(peak, 1e-12)).astype(np.float32)
    if need.min() >= 1.0:
        return y.astype(np.float32, copy=True)
    la = max(2, int(sr * lookahead_ms / 1000))
    hold = 2 * int(sr * hold_ms / 2000)
    # Window [t - la - hold, t + la]: every sample a smoothed value can reach (+-la), plus the hold.
    size = 2 * la + 1 + hold
    g = ndimage.minimum_filter1d(need, size=size, origin=hold // 2, mode="nearest")
    box = la + 1 if la % 2 == 0 else la  # odd boxes, each reaching la//2 either side
    g = ndimage.uniform_filter1d(g, size=box, mode="nearest")
    g = ndimage.uniform_filter1d(g, size=box, mode="nearest")
    out = (y * g[None, :]).astype(np.float32)
    # Rounding in the box sums can leave a few ulps over: clip them (inaudible, exact ceiling).
    np.clip(out, -ceiling, ceiling, out=out)
    return out


def master(y: np.ndarray, *, sr: int, target_lufs: float = TARGET_LUFS,
           true_peak_db_max: float = TRUE_PEAK_DBTP) -> np.ndarray:
    """Bring a pre-master mix to ``target_lufs`` with its true peak at most ``true_peak_db_max``.

    Parameters
    ----------
    y : np.ndarray, shape (channels, n)
        The pre-master mix.
    sr : int
    target_lufs, true_peak_db_max : float

    Returns
    -------
    np.ndarray
        The mastered mix, float32, same shape.
    """
    y = np.asarray(y, dtype=np.float32)
    lufs = integrated_loudness(y, sr=sr)
    if not np.isfinite(lufs):
        return y.copy()
    gain_db = target_lufs - lufs
    ceiling = true_peak_db_max - (TRUE_PEAK_DBTP - _SAMPLE_CEILING_DB)
    out = y
    # Limiting and the true-peak trim lower loudness a little: re-aim the drive with what was
    # measured, and lower the limiter's ceiling by any inter-sample overshoot it left.
    for _ in range(4):
        out = limit(y * np.float32(10 ** (gain_db / 20)), sr=sr, ceiling_db=ceiling)
        over = true_peak_db(out) - (true_peak_db_max - _TP_MARGIN_DB)
        if over > 0:
            out *= np.float32(10 ** (-over / 20))
            ceiling -= over
        err = target_lufs - integrated_loudness(out, sr=sr)
        if abs(err) < 0.2:
            break
        gain_db += err
    return out.astype(np.float32, copy=False)
