"""Master bus: loudness to a target, a look-ahead limiter and a true-peak ceiling.

Loudness is ITU-R BS.1770 integrated loudness with pyloudnorm's K-weighting filters and
gating, computed with vectorised block sums: pyloudnorm's per-block Python loop and
float64 filtering cost more than the pipeline's CPU budget allows on a 3-minute song.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pyloudnorm as pyln
from scipy import ndimage, signal

from .envelope import frames_to_samples

TARGET_LUFS = -14.0
TRUE_PEAK_DBTP = -1.0
# The limiter works on sample peaks; inter-sample peaks of a limited mix sit up to ~0.5 dB above
# them, so it aims below the true-peak ceiling and a final measured trim catches the rest.
_SAMPLE_CEILING_DB = -1.6
_TP_MARGIN_DB = 0.05


@functools.lru_cache(maxsize=8)
def _k_weighting_sos(sr: int) -> np.ndarray:
    """K-weighting (high shelf + high pass) as second-order sections: pyloudnorm's own
    filters, so this meter and pyloudnorm's agree to rounding."""
    sos = [np.r_[f.b, f.a] / f.a[0] for f in pyln.Meter(sr)._filters.values()]
    return np.array(sos, dtype=np.float32)


def k_weighted(y: np.ndarray, *, sr: int) -> np.ndarray:
    """The K-weighted signal (float32, shape (channels, n)); linear, so it can be mixed later."""
    return signal.sosfilt(_k_weighting_sos(sr), np.atleast_2d(np.asarray(y, dtype=np.float32)), axis=-1)


def hop_length(sr: int) -> int:
    """Samples in one 100 ms hop of the loudness measurement (a quarter of a BS.1770 block)."""
    return int(round(0.1 * sr))


def hop_energy(za: np.ndarray, zb: np.ndarray | None = None, *, sr: int) -> np.ndarray:
    """Sum over channels of ``za * zb`` per 100 ms hop (``zb`` defaults to ``za``: the energy).

    Cross terms let the loudness of ``g * a + b`` be had from ``Eaa``, ``Eab``, ``Ebb`` without
    filtering the sum: ``E = g**2 Eaa + 2 g Eab + Ebb``.
    """
    zb = za if zb is None else zb
    hop = hop_length(sr)
    m = za.shape[-1] // hop
    fa = za[:, : m * hop].reshape(za.shape[0], m, hop)
    fb = zb[:, : m * hop].reshape(zb.shape[0], m, hop)
    # float32 sums of one hop (4410 products a channel) are exact to ~1e-6: far below 0.01 LU,
    # at a fifth of a float64 einsum's cost.
    return np.einsum("cij,cij->i", fa, fb).astype(np.float64)


def loudness_from_hops(e: np.ndarray, *, sr: int) -> float:
    """Integrated loudness (BS.1770-4 gating) from per-hop energies of the K-weighted signal."""
    if e.size < 4:
        return float("-inf")
    block = 4 * hop_length(sr)  # 400 ms blocks, 75 % overlap
    ms = (e[:-3] + e[1:-2] + e[2:-1] + e[3:]) / block
    with np.errstate(divide="ignore", invalid="ignore"):
        lk = -0.691 + 10 * np.log10(ms)
    abs_gated = ms[lk >= -70.0]
    if abs_gated.size == 0:
        return float("-inf")
    rel = -0.691 + 10 * np.log10(abs_gated.mean()) - 10.0
    gated = ms[(lk >= -70.0) & (lk > rel)]
    if gated.size == 0:
        return float("-inf")
    return float(-0.691 + 10 * np.log10(gated.mean()))


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
    z = k_weighted(y, sr=sr)
    return loudness_from_hops(hop_energy(z, sr=sr), sr=sr)


def _interp_phases(oversample: int) -> np.ndarray:
    """Polyphase interpolation filters, shape (oversample - 1, taps): the in-between phases.

    The filter is scipy's ``resample_poly`` default (Kaiser-windowed sinc, 10 input samples
    each side), so this measures what ``resample_poly(y, oversample, 1)`` would.
    """
    half = 10 * oversample
    h = signal.firwin(2 * half + 1, 1.0 / oversample, window=("kaiser", 5.0)) * oversample
    return np.stack([h[p::oversample][::-1] for p in range(1, oversample)]).astype(np.float32)


def true_peak_db(y: np.ndarray, *, oversample: int = 4) -> float:
    """True peak in dBTP: the sample peak and the peaks of a ``oversample``-times interpolation.

    Inter-sample values are computed only between samples where the signal comes within
    6 dB of its sample peak: an overshoot larger than that does not occur in audio, and
    evaluating a handful of positions keeps this cheap on a whole song.
    """
    y = np.atleast_2d(np.asarray(y, dtype=np.float32))
    peak = max(float(y.max()), -float(y.min())) if y.size else 0.0
    if peak == 0.0:
        return float("-inf")
    phases = _interp_phases(oversample)
    taps = phases.shape[1]
    half = taps // 2
    best = peak
    for ch in y:
        loud = np.abs(ch) >= np.float32(peak * 0.5)
        hot = np.flatnonzero(loud[:-1] | loud[1:])  # between i and i+1
        if hot.size == 0:
            continue
        # Window of taps around each position: samples i - half + 1 .. i + half (zeros
        # outside the signal), gathered directly rather than from a padded song-length copy.
        first = hot - (half - 1)
        if first[0] >= 0 and first[-1] + taps <= ch.size:
            win = np.lib.stride_tricks.sliding_window_view(ch, taps)[first]
        else:
            idx = first[:, None] + np.arange(taps)[None, :]
            win = ch[np.clip(idx, 0, ch.size - 1)]
            win[(idx < 0) | (idx >= ch.size)] = 0.0
        # einsum, not "@": a (hot, taps) x (taps, phases) product is too small for BLAS threads,
        # which only spin (CPU time) on it.
        vals = np.einsum("ij,kj->ik", win, phases)
        best = max(best, float(np.max(np.abs(vals))))
    return float(20 * np.log10(best))


def limit(y: np.ndarray, *, sr: int, ceiling_db: float, lookahead_ms: float = 5.0,
          hold_ms: float = 40.0, block: int = 16, gain: float = 1.0) -> np.ndarray:
    """Brick-wall look-ahead limiter on sample peaks, linked across channels.

    The gain curve is worked out on ``block``-sample minima of the needed gain: a running
    minimum over look-ahead + hold (+ one block of slack each side), two box smoothings
    whose combined reach stays inside the look-ahead, then linear interpolation back to
    samples.  Every interpolated gain is an average of minima that include the sample's
    own need, so the output never exceeds the ceiling, and the gain moves in smooth ramps.

    Parameters
    ----------
    y : np.ndarray, shape (channels, n)
    sr : int
    ceiling_db : float
        Sample-peak ceiling in dBFS.
    lookahead_ms, hold_ms : float
        Attack (ramp) length and how long the gain holds before it releases.
    block : int
        Resolution of the gain curve, samples.
    gain : float
        Linear drive applied before limiting (``limit(y * gain)``, without the extra copy).

    Returns
    -------
    np.ndarray
        float32, same shape.
    """
    y = np.asarray(y, dtype=np.float32)
    gs = limiter_gain(y, sr=sr, ceiling_db=ceiling_db, lookahead_ms=lookahead_ms, hold_ms=hold_ms,
                      block=block, gain=gain)
    if gs is None:
        return y * np.float32(gain)
    out = y * gs[None, :]
    # Rounding in the box sums can leave a few ulps over: clip them (inaudible, exact ceiling).
    ceiling = np.float32(10 ** (ceiling_db / 20))
    np.clip(out, -ceiling, ceiling, out=out)
    return out


def limiter_gain(y: np.ndarray, *, sr: int, ceiling_db: float, lookahead_ms: float = 5.0,
                 hold_ms: float = 40.0, block: int = 16, gain: float = 1.0) -> np.ndarray | None:
    """The per-sample gain ``limit`` applies (drive included), float32 shape (n,); ``None``
    when no sample needs limiting (the gain is then ``gain`` throughout)."""
    y = np.asarray(y, dtype=np.float32)
    gain = np.float32(gain)
    ceiling = np.float32(10 ** (ceiling_db / 20))
    n = y.shape[-1]
    if n == 0:
        return None
    # Linked peak per block of the driven signal: the largest |sample| over channels and block
    # (reduceat: a quarter of the cost of a reduction over a short inner axis).
    a = np.abs(y)
    linked = np.max(a, axis=0) if a.shape[0] > 2 else np.maximum(a[0], a[-1], out=a[0])
    bpeak = np.maximum.reduceat(linked, np.arange(0, n, block)) * gain
    del a, linked
    if bpeak.max() <= ceiling:
        return None
    # The gain each block needs (the least over its samples: need falls as the peak rises).
    bmin = np.minimum(np.float32(1.0), ceiling / np.maximum(bpeak, np.float32(1e-12)))
    reach = max(1, int(round(sr * lookahead_ms / 1000 / block)))
    box = reach + 1 if reach % 2 == 0 else reach  # odd boxes, each reaching reach // 2 either side
    w = reach + 1  # + one block: interpolation mixes neighbouring blocks
    hold = 2 * int(sr * hold_ms / 1000 / block / 2)
    # Window [k - w - hold, k + w] in blocks (origin shifts it into the past by the hold).
    g = ndimage.minimum_filter1d(bmin, size=2 * w + 1 + hold, origin=hold // 2, mode="nearest")
    g = ndimage.uniform_filter1d(g, size=box, mode="nearest")
    g = ndimage.uniform_filter1d(g, size=box, mode="nearest")
    gs = frames_to_samples(g, hop=block, n=n)
    gs *= gain
    return gs


@dataclass(frozen=True)
class MasterSettings:
    """What the master bus did to a mix: the drive into the limiter, the limiter's sample-peak
    ceiling and the final true-peak trim (all dB). Applying them to the same pre-master
    (``apply_master``) gives the same master; applying them to a pre-master that differs
    only in one span changes the master only there (the limiter's reach is tens of ms)."""

    drive_db: float
    ceiling_db: float
    trim_db: float

    def to_json(self) -> dict[str, float]:
        return {"drive_db": self.drive_db, "ceiling_db": self.ceiling_db, "trim_db": self.trim_db}

    @classmethod
    def from_json(cls, d: dict[str, float]) -> "MasterSettings":
        return cls(drive_db=float(d["drive_db"]), ceiling_db=float(d["ceiling_db"]), trim_db=float(d["trim_db"]))


def apply_master(y: np.ndarray, settings: MasterSettings, *, sr: int) -> np.ndarray:
    """The master bus with fixed settings: drive, limit to the ceiling, trim.

    Parameters
    ----------
    y : np.ndarray, shape (channels, n)
        The pre-master mix.
    settings : MasterSettings
        Usually those ``master_with_settings`` found for this track.
    sr : int

    Returns
    -------
    np.ndarray
        float32, same shape.
    """
    y = np.asarray(y, dtype=np.float32)
    out, _ = _drive_and_limit(y, sr=sr, drive=10 ** (settings.drive_db / 20), ceiling_db=settings.ceiling_db)
    if settings.trim_db:
        out *= np.float32(10 ** (settings.trim_db / 20))
    return out.astype(np.float32, copy=False)


def _drive_and_limit(y: np.ndarray, *, sr: int, drive: float, ceiling_db: float) -> tuple[np.ndarray, np.ndarray | None]:
    gs = limiter_gain(y, sr=sr, ceiling_db=ceiling_db, gain=drive)
    if gs is None:
        return y * np.float32(drive), None
    out = y * gs[None, :]
    ceiling = np.float32(10 ** (ceiling_db / 20))
    np.clip(out, -ceiling, ceiling, out=out)  # a few ulps over from the box sums
    return out, gs


def master(y: np.ndarray, *, sr: int, target_lufs: float = TARGET_LUFS,
           true_peak_db_max: float = TRUE_PEAK_DBTP, lufs: float | None = None,
           k_weighted_input: np.ndarray | None = None) -> np.ndarray:
    """Bring a pre-master mix to ``target_lufs`` with its true peak at most ``true_peak_db_max``.

    ``master_with_settings`` also returns the settings found (see there for the parameters).
    """
    return master_with_settings(y, sr=sr, target_lufs=target_lufs, true_peak_db_max=true_peak_db_max, lufs=lufs,
                                k_weighted_input=k_weighted_input)[0]


def master_with_settings(y: np.ndarray, *, sr: int, target_lufs: float = TARGET_LUFS,
                         true_peak_db_max: float = TRUE_PEAK_DBTP, lufs: float | None = None,
                         k_weighted_input: np.ndarray | None = None) -> tuple[np.ndarray, MasterSettings]:
    """Bring a pre-master mix to ``target_lufs`` with its true peak at most ``true_peak_db_max``.

    Parameters
    ----------
    y : np.ndarray, shape (channels, n)
        The pre-master mix.
    sr : int
    target_lufs, true_peak_db_max : float
    lufs : float, optional
        The input's integrated loudness, when the caller already knows it.
    k_weighted_input : np.ndarray, optional
        ``k_weighted(y)``, when the caller already has it (``produce`` does, from the
        stems).  The limited mix's loudness is then read from it weighted by the limiter's
        gain, instead of K-weighting each limited try: the gain moves in ramps of
        milliseconds, so the two orders agree to a few hundredths of a LU.

    Returns
    -------
    np.ndarray
        The mastered mix, float32, same shape.
    MasterSettings
        The drive, ceiling and trim used (``apply_master(y, settings)`` gives the same mix).
    """
    y = np.asarray(y, dtype=np.float32)
    if lufs is None:
        lufs = integrated_loudness(y, sr=sr)
    if not np.isfinite(lufs):
        return y.copy(), MasterSettings(drive_db=0.0, ceiling_db=0.0, trim_db=0.0)
    energy = None
    if k_weighted_input is not None:
        kz = np.atleast_2d(k_weighted_input)
        energy = np.einsum("cn,cn->n", kz, kz)  # per-sample K-weighted energy, channels summed
    hop = hop_length(sr)
    m = y.shape[-1] // hop

    def loudness(out: np.ndarray, gs: np.ndarray | None, drive: float, trim_db: float) -> float:
        if energy is None:
            return integrated_loudness(out, sr=sr)
        e = energy[: m * hop].reshape(m, hop)
        if gs is None:
            hops = drive * drive * e.sum(axis=1, dtype=np.float64)
        else:
            g = gs[: m * hop].reshape(m, hop)
            hops = np.einsum("ij,ij,ij->i", e, g, g).astype(np.float64)
        return loudness_from_hops(hops, sr=sr) + trim_db

    gain_db = target_lufs - lufs
    ceiling_db = true_peak_db_max - (TRUE_PEAK_DBTP - _SAMPLE_CEILING_DB)
    out = y
    # Limiting and the true-peak trim lower loudness a little: re-aim the drive with what was
    # measured, and lower the limiter's ceiling by any inter-sample overshoot it left.
    for _ in range(4):
        drive = 10 ** (gain_db / 20)
        used_ceiling, used_gain_db = ceiling_db, gain_db
        out, gs = _drive_and_limit(y, sr=sr, drive=drive, ceiling_db=ceiling_db)
        over = true_peak_db(out) - (true_peak_db_max - _TP_MARGIN_DB)
        trim_db = 0.0
        if over > 0:
            out *= np.float32(10 ** (-over / 20))
            ceiling_db -= over
            trim_db = -over
        err = target_lufs - loudness(out, gs, drive, trim_db)
        if abs(err) < 0.2:
            break
        gain_db += err
    settings = MasterSettings(drive_db=float(used_gain_db), ceiling_db=float(used_ceiling),
                              trim_db=float(trim_db))
    return out.astype(np.float32, copy=False), settings
