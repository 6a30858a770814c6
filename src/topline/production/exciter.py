"""Air for a band-limited vocal: harmonics above the voice model's Nyquist, made from the band below it.

A neural voice rendered at 22-24 kHz and upsampled stops at 11-12 kHz; a produced vocal carries
breath and harmonic detail up to 16-20 kHz.  Boosting the empty band with an EQ would only raise
noise, so the band is *generated* (bandwidth extension by harmonic generation, the "spectral band
replication" family):

1. find where the vocal's spectrum stops (``bandwidth_hz``);
2. take the voice's upper band (3.5 kHz up to the edge) and full-wave rectify it: ``|x|`` of a
   component at f has components at 2f, 4f, ... with an amplitude proportional to the input's (the
   rectifier is homogeneous of degree one, so the new band follows the vocal's dynamics and
   consonants exactly, and it scales with no level-dependent colour);
3. keep what lies above the edge, or above where the voice has already gone dull just under it
   (a steep high pass), shape it to a natural roll-off (a gentle
   low pass) and set its level: its 12-16 kHz energy ``air_db`` under the voice's 1-4 kHz (the
   figure ``quality.md`` measures on the stem; a voice model that is already dull below its
   Nyquist gives no trustworthy level to continue from);
4. gate it by the source band's envelope, so low-level noise between phrases does not get an
   air band of its own;
5. add it to the untouched vocal.

Below the edge (or the point, at most 30 % under it, where the voice fades) the vocal is not changed.
"""

from __future__ import annotations

import numpy as np
from scipy.ndimage import maximum_filter1d, uniform_filter1d
from scipy.signal import butter, sosfilt, sosfiltfilt, welch

from ..errors import ProductionError

#: Energy of the generated band in 12-16 kHz relative to the vocal's 1-4 kHz (a produced pop vocal
#: measures about -25 to -35 dB there).
AIR_DB = -30.0
#: The new band starts where the vocal's spectrum has fallen this far under its 2-6 kHz level (dB).
FILL_DB = -20.0
#: The source band starts here (the voice's presence and sibilance region).
SOURCE_LOW_HZ = 3500.0
#: The generated band rolls off like a 2nd-order low pass from here.
ROLLOFF_HZ = 14000.0
#: A vocal whose spectrum already reaches this share of Nyquist is left alone.
FULL_BAND = 0.9


def bandwidth_hz(x: np.ndarray, *, sr: int, floor_db: float = -45.0, hold_hz: float = 1500.0) -> float:
    """The frequency where the signal's spectrum stops.

    The first frequency above 4 kHz from which the (Welch, 300 Hz smoothed) power spectral density
    stays more than ``-floor_db`` below the median density in 2-6 kHz for ``hold_hz`` or up to
    Nyquist (a resampler's faint images further up do not count as signal): for a vocal rendered
    at 22.05 kHz and upsampled, about 9-11 kHz; for a full-band recording, Nyquist.

    Parameters
    ----------
    x : np.ndarray, shape (n,)
    sr : int
    floor_db : float
        How far below the 2-6 kHz level (negative dB) the spectrum must fall to count as ended.
    hold_hz : float
        For how wide a band it must stay below.

    Returns
    -------
    float
        Hz; ``sr / 2`` if the spectrum never ends, 0.0 for a silent or very short signal.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.size < 256 or not np.any(x):
        return 0.0
    f, p = _psd(x, sr)
    return _edge(f, p, floor_db=floor_db, hold_hz=hold_hz)


def _psd(x: np.ndarray, sr: int) -> tuple[np.ndarray, np.ndarray]:
    """Welch power spectral density (Hann, 4096 samples, half overlap)."""
    return welch(x, fs=sr, nperseg=min(4096, x.size))


def _edge(f: np.ndarray, p: np.ndarray, *, floor_db: float, hold_hz: float) -> float:
    """``bandwidth_hz`` from a PSD."""
    df = f[1] - f[0]
    p = uniform_filter1d(p, max(int(round(300.0 / df)), 1))
    mid = (f >= 2000) & (f <= 6000)
    ref = float(np.median(p[mid])) if np.any(mid) else float(p.max())
    if ref <= 0:
        return 0.0
    low = 10 * np.log10(p / ref + 1e-30) < floor_db
    hold = max(int(round(hold_hz / df)), 1)
    for i in np.flatnonzero(low & (f >= 4000)):
        if np.all(low[i : i + hold]):
            return float(f[i])
    return float(f[-1])


def _band_energy(f: np.ndarray, p: np.ndarray, lo: float, hi: float) -> float:
    """Energy in [lo, hi) Hz from a PSD."""
    return float(np.sum(p[(f >= lo) & (f < hi)]) * (f[1] - f[0]))


def air_band(x: np.ndarray, *, sr: int, edge_hz: float | None = None, air_db: float = AIR_DB,
             rolloff_hz: float = ROLLOFF_HZ, gate_db: float = -45.0) -> np.ndarray:
    """The generated air band of a band-limited vocal (to be added to it).

    Parameters
    ----------
    x : np.ndarray, shape (n,)
        Mono vocal at ``sr``.
    sr : int
    edge_hz : float, optional
        Where the vocal's spectrum stops, and the new band starts; default ``bandwidth_hz(x, sr=sr)``,
        and the new band starts lower, down to 70 % of it, where the spectrum is ``FILL_DB`` under
        its 2-6 kHz level.
    air_db : float
        Energy of the new band in 12-16 kHz relative to the vocal's 1-4 kHz (dB).
    rolloff_hz : float
        Corner of the 2nd-order low pass that shapes the new band's top.
    gate_db : float
        Where the source band's envelope is this far below its loudest 50 ms, nothing is generated
        (a smooth 12 dB wide knee above it).

    Returns
    -------
    np.ndarray
        float32, shape (n,): zeros if the vocal is silent, already full band (its spectrum reaches
        ``FULL_BAND`` of Nyquist or 16 kHz), too short, or ``sr`` has no room above the edge.

    Raises
    ------
    ProductionError
        Not a mono array, or NaN / infinite samples.
    """
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 1:
        raise ProductionError(f"The exciter takes a mono vocal, got shape {x.shape}.")
    if not np.all(np.isfinite(x)):
        raise ProductionError("The vocal contains NaN or infinite samples.")
    out = np.zeros_like(x)
    nyq = sr / 2.0
    if x.size < 4096 or not np.any(x):
        return out
    x64 = x.astype(np.float64)
    fx, px = _psd(x64, sr)
    edge = _edge(fx, px, floor_db=-45.0, hold_hz=1500.0) if edge_hz is None else float(edge_hz)
    if edge < 2 * SOURCE_LOW_HZ or edge >= min(FULL_BAND * nyq, 16000.0):
        return out
    # the source: the voice's upper band up to just inside the edge (the resampler's transition
    # band is not signal); rectified, its 2nd, 4th ... harmonics reach past the edge
    src = sosfilt(butter(4, [SOURCE_LOW_HZ, 0.95 * edge], btype="bandpass", fs=sr, output="sos"), x64)
    gen = np.abs(src)
    # keep only what lies above where the voice has gone dull, 20 dB under its 2-6 kHz level (at most
    # 30 % under the edge): that is near the model's Nyquist, under the faint images the resampler
    # leaves just above it, and earlier for a model that fades before its Nyquist; zero phase so the
    # new band lines up with the old, shaped to roll off gently
    fill = edge if edge_hz is not None else float(np.clip(_edge(fx, px, floor_db=FILL_DB, hold_hz=1000.0),
                                                          0.7 * edge, edge))  # fmt: skip
    gen = sosfiltfilt(butter(8, fill, btype="highpass", fs=sr, output="sos"), gen)
    gen = sosfilt(butter(2, min(rolloff_hz, 0.95 * nyq), btype="lowpass", fs=sr, output="sos"), gen)
    # gate: no new band where the source band is near silence
    hop = max(int(0.005 * sr), 1)
    env = np.sqrt(np.maximum(uniform_filter1d(src * src, hop * 4), 0.0))
    loud = float(maximum_filter1d(env, hop * 10).max())
    if loud <= 0:
        return out
    rel = 20 * np.log10(env / loud + 1e-12)
    gate = uniform_filter1d(np.clip((rel - gate_db) / 12.0, 0.0, 1.0), hop * 2)  # no zipper noise
    gen *= gate
    # level: the new band's 12-16 kHz energy sits air_db under the voice's 1-4 kHz
    have = _band_energy(*_psd(gen, sr), 12000.0, min(16000.0, nyq))
    ref = _band_energy(fx, px, 1000.0, 4000.0)
    if have <= 0 or ref <= 0:
        return out
    out[:] = gen * np.sqrt(ref / have * 10 ** (air_db / 10))
    return out


def excite(x: np.ndarray, *, sr: int, edge_hz: float | None = None, air_db: float = AIR_DB,
           rolloff_hz: float = ROLLOFF_HZ) -> np.ndarray:
    """A band-limited vocal with its air band restored: ``x + air_band(x, ...)`` (see ``air_band``).

    Returns
    -------
    np.ndarray
        float32, shape (n,).
    """
    x = np.asarray(x, dtype=np.float32)
    return (x + air_band(x, sr=sr, edge_hz=edge_hz, air_db=air_db, rolloff_hz=rolloff_hz)).astype(np.float32)
