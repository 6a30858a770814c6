"""Mix: the instrumental ducks gently under the voice, its presence bands dip where they mask the
voice, and the voice is ridden phrase by phrase and sits at a set balance."""

from __future__ import annotations

from typing import NamedTuple

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


def _band_sos(sr: int, band: tuple[float, float]) -> np.ndarray:
    lo, hi = band
    hi = min(hi, 0.45 * sr)
    return signal.butter(2, [lo, hi], btype="bandpass", fs=sr, output="sos").astype(np.float32)


def _frame_energy(x: np.ndarray, hop: int) -> np.ndarray:
    """Mean square per ``hop`` frame, channels averaged (the last frame zero-padded)."""
    x = np.atleast_2d(x)
    n = x.shape[-1]
    pad = (-n) % hop
    f = np.pad(x, ((0, 0), (0, pad))).reshape(x.shape[0], -1, hop)
    return np.einsum("cij,cij->i", f, f).astype(np.float64) / (hop * x.shape[0])


class Dip(NamedTuple):
    """What ``presence_dip`` did: the dipped instrumental and, per band and ``512``-sample frame,
    the cut, what the voice still lacked of the target after it, and how much the voice sounded.

    Attributes
    ----------
    instrumental : np.ndarray
        float32, shape of the instrumental; equal to it where nothing is cut.
    cut_db : np.ndarray
        float32, shape (bands, frames): the cut, dB (>= 0).
    shortfall_db : np.ndarray
        float32, shape (bands, frames): how far the voice still stands under ``target_db`` over
        the dipped instrumental, dB (>= 0; where the largest cut was not enough).
    sounding : np.ndarray
        float32, shape (bands, frames): how much the voice sounds in the band, 0..1.
    """

    instrumental: np.ndarray
    cut_db: np.ndarray
    shortfall_db: np.ndarray
    sounding: np.ndarray


def presence_dip(instrumental: np.ndarray, voice: np.ndarray, *, sr: int,
                 bands: tuple[tuple[float, float, float], ...] = ((1000.0, 4000.0, 6.0),), target_db: float = 3.0,
                 hold_s: float = 0.06, smooth_s: float = 0.03,
                 active_db: tuple[float, float] = (30.0, 10.0)) -> Dip:
    """Dip the instrumental in the voice's bands only as far, and only as long, as it masks the voice.

    A dynamic EQ, as mix engineers set one on a vocal's side chain. In each band ``(lo, hi,
    max_cut_db)`` the instrumental's part ``b`` (a zero-phase band pass, so ``x - c * b`` is a
    bell cut whose depth at the centre is ``c`` and which never boosts) is turned down frame by
    frame by what the voice's own part of the band lacks to stand ``target_db`` above it, at
    most ``max_cut_db``, and only while the voice is sounding there (where it is silent nothing
    is cut). The cut is held ``hold_s`` and smoothed both ways over ``smooth_s`` so it opens
    just before a syllable and closes after it.

    Parameters
    ----------
    instrumental : np.ndarray, shape (channels, n)
    voice : np.ndarray, shape (n,) or (channels, n)
        The voice at the level it will have in the mix, relative to ``instrumental``.
    sr : int
    bands : sequence of (float, float, float)
        Low and high edge (Hz) and the largest cut (dB) of each band; bands above 0.45 ``sr``
        are left out.
    target_db : float
        How far the voice should stand above the instrumental in each band.
    hold_s, smooth_s : float
        How long a cut is held, and the time constant of its smoothing (both ways).
    active_db : (float, float)
        How much is being sung in a band, from the voice's level there under its loud frames
        (the 95th percentile of its frames in that band): nothing from ``active_db[0]`` dB under
        them, fully from ``active_db[1]`` dB under, linear in dB between; the cut is scaled by it.

    Returns
    -------
    Dip
        The dipped instrumental, and per band and frame the cut, the voice's remaining shortfall
        and how much it sounds (all zero in a band left out or where the voice is silent).
    """
    inst = np.asarray(instrumental, dtype=np.float32)
    v = np.atleast_2d(np.asarray(voice, dtype=np.float32))
    n = inst.shape[-1]
    frames = -(-n // _HOP)
    out = inst.copy()
    cuts = np.zeros((len(bands), frames), dtype=np.float32)
    short = np.zeros_like(cuts)
    sounding = np.zeros_like(cuts)
    fr = sr / _HOP
    for k, (lo, hi, max_cut_db) in enumerate(bands):
        if lo >= 0.45 * sr:
            continue
        sos = _band_sos(sr, (lo, hi))
        vb = signal.sosfiltfilt(sos, v, axis=-1)
        ev = _frame_energy(vb, _HOP)
        loud = np.percentile(ev, 95)
        if loud <= 0:
            continue
        b = signal.sosfiltfilt(sos, inst, axis=-1).astype(np.float32)
        ei = _frame_energy(b, _HOP)
        with np.errstate(divide="ignore"):
            snr = 10 * np.log10(np.maximum(ev, 1e-20) / np.maximum(ei, 1e-20))
            rel = 10 * np.log10(np.maximum(ev, 1e-20) / loud)
        # How much is being sung: 0 at active_db[0] under the voice's loud frames, 1 from active_db[1].
        lo_db, hi_db = active_db
        active = np.clip((rel + lo_db) / max(lo_db - hi_db, 1e-6), 0.0, 1.0)
        cut = np.clip(target_db - snr, 0.0, max_cut_db) * active
        cut = ndimage.maximum_filter1d(cut, size=max(1, int(hold_s * fr)), mode="nearest")
        a = np.exp(-1.0 / max(1.0, smooth_s * fr))
        if cut.size > 12:
            cut = np.clip(signal.filtfilt([1 - a], [1, -a], cut), 0.0, max_cut_db)
        sounding[k] = active
        # the cut lowers the instrumental's band by about its depth (dB for dB)
        short[k] = np.maximum(target_db - snr - cut, 0.0) * (active > 0)
        if not np.any(cut > 0):
            continue
        cuts[k] = cut
        c = frames_to_samples(1.0 - 10 ** (-cut / 20), hop=_HOP, n=n)
        b *= c[None, :]
        out -= b
    return Dip(out, cuts, short, sounding)


def shortfall_lu(dip: Dip) -> float:
    """How far, on average, the voice still stands under its target after the dip, dB: per band
    the shortfall averaged over the frames weighted by how much the voice sounds in them, then
    averaged over the bands where it sounds at all (0 when it sounds nowhere)."""
    w = dip.sounding.astype(np.float64)
    per_band = [float(np.sum(s * a) / np.sum(a)) for s, a in zip(dip.shortfall_db.astype(np.float64), w)
                if np.sum(a) > 0]
    return float(np.mean(per_band)) if per_band else 0.0


def ride_db(e_vocal: np.ndarray, e_instrumental: np.ndarray, *, up_db: float, down_db: float,
            window: int = 4, smooth: int = 2, active_db: float = 15.0) -> np.ndarray:
    """A vocal rider: per hop, how far (dB) to move the vocal so that it stands over the
    instrumental as it does over most of the song.

    From per-hop energies of the two (``master.hop_energy`` of the K-weighted signals, 100 ms
    hops), their level difference over ``window`` hops (a momentary loudness) is compared with
    its median over the hops where the voice sings (within ``active_db`` of its 95th-percentile
    hop); where the vocal stands less far over the instrumental than that it is raised, by at
    most ``up_db``, and where it stands further it is lowered, by at most ``down_db``. Outside
    the sung hops (rests, and the decay of a phrase's last note and its reverb, which a rider
    must not swell) the ride is 0; the curve is smoothed over ``smooth`` hops both ways.

    Returns
    -------
    np.ndarray
        float64, shape of ``e_vocal``: the ride per hop, dB, in [-down_db, up_db].
    """
    ev = np.asarray(e_vocal, dtype=np.float64)
    ei = np.asarray(e_instrumental, dtype=np.float64)
    out = np.zeros(ev.size)
    if ev.size < window or not np.any(ev > 0) or not np.any(ei > 0):
        return out
    k = np.ones(window) / window
    mv = np.convolve(ev, k, mode="same")
    mi = np.convolve(ei, k, mode="same")
    loud = np.percentile(ev, 95)
    sung = (ev >= loud * 10 ** (-active_db / 10)) & (mi > 0) & (mv > 0)
    if not np.any(sung):
        return out
    diff = 10 * np.log10(np.maximum(mv, 1e-30) / np.maximum(mi, 1e-30))
    target = np.median(diff[sung])
    out[sung] = np.clip(target - diff[sung], -down_db, up_db)
    if smooth > 0 and out.size > 12:
        a = np.exp(-1.0 / smooth)
        out = signal.filtfilt([1 - a], [1, -a], out)
    return np.clip(out, -down_db, up_db)
