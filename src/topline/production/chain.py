"""The lead vocal chain: high pass, EQ, de-essing, compression, saturation; and the
reverb and delay returns, all set from the style profile.
"""

from __future__ import annotations

import numpy as np
from scipy import signal
from pedalboard import (Compressor, HighpassFilter, HighShelfFilter, LowpassFilter, Pedalboard,
                        PeakFilter, Reverb)

from ..music.controls import StyleProfile
from .deess import deess

# Working level of the dry voice into the chain, so thresholds mean the same for every take.
_REF_RMS_DB = -20.0


def active_rms(x: np.ndarray, *, hop: int = 1024) -> float:
    """RMS over the frames that carry voice (within 40 dB of the loudest frame)."""
    x = np.atleast_2d(x)
    m = x.shape[-1] // hop
    if m == 0:
        return float(np.sqrt(np.mean(np.square(x, dtype=np.float64)))) if x.size else 0.0
    f = x[:, : m * hop].reshape(x.shape[0], m, hop)
    # Frame sums in the input's precision (a float64 einsum costs five times more; the
    # result is a level, good to far better than 0.01 dB either way).
    ms = np.einsum("cij,cij->j", f, f).astype(np.float64) / (hop * x.shape[0])
    if ms.max() <= 0:
        return 0.0
    return float(np.sqrt(np.mean(ms[ms >= ms.max() * 1e-4])))


def lead_chain(x: np.ndarray, *, sr: int, profile: StyleProfile) -> np.ndarray:
    """Process a dry mono vocal into a lead: cleaned, shaped, levelled, lightly driven.

    Parameters
    ----------
    x : np.ndarray, shape (n,)
        Dry mono vocal.
    sr : int
    profile : StyleProfile
        Uses ``compression_ratio``, ``saturation_db`` (0 when the request excluded distortion) and
        ``breathiness`` (more air on top).

    Returns
    -------
    np.ndarray
        float32, shape (n,), at roughly -20 dBFS active RMS.
    """
    rms = active_rms(x)
    y = (x * np.float32(10 ** (_REF_RMS_DB / 20) / max(rms, 1e-9))).astype(np.float32)
    eq = Pedalboard([
        HighpassFilter(cutoff_frequency_hz=90.0),
        PeakFilter(cutoff_frequency_hz=300.0, gain_db=-2.5, q=1.0),  # less box / mud
        PeakFilter(cutoff_frequency_hz=3000.0, gain_db=2.5, q=0.9),  # presence
        HighShelfFilter(cutoff_frequency_hz=10000.0, gain_db=1.0 + 2.5 * float(profile.breathiness)),  # air
    ])  # fmt: skip
    y = eq(y[None, :], sr)[0]
    y = deess(y, sr=sr)
    comp = Compressor(threshold_db=_REF_RMS_DB - 6.0, ratio=float(max(1.0, profile.compression_ratio)),
                      attack_ms=6.0, release_ms=90.0)
    y = comp(y[None, :], sr)[0]
    drive = float(profile.saturation_db)
    if drive > 0.05:
        # tanh(d*x)/d: unity for quiet samples, rounding off the loud ones (odd harmonics).
        d = np.float32(10 ** (drive / 20))
        y = np.tanh(y * (d * np.float32(2.0))) / (d * np.float32(2.0))
    return y.astype(np.float32, copy=False)


def _wet_scale(dry: np.ndarray, wet: np.ndarray, amount: float, *, wet_rms: float | None = None) -> np.ndarray:
    """Scale a wet return (in place) to ``amount`` times the dry signal's active RMS."""
    rd = active_rms(dry)
    rw = active_rms(wet) if wet_rms is None else wet_rms
    if rw <= 0 or rd <= 0:
        wet[...] = 0.0
    else:
        wet *= np.float32(amount * rd / rw)
    return wet


def reverb_return(bus: np.ndarray, *, sr: int, wet: float) -> np.ndarray:
    """Stereo reverb return (wet only) of a stereo vocal bus; ``wet`` in [0, 1].

    The send is the bus's mid, pre-delayed by 25 ms so words stay clear and high-passed above
    the lead's register (``reverb_send``), so the tail carries no earlier notes' fundamentals.  One mono reverb, widened by reading the right side 13 ms later,
    costs half a stereo one and sounds as wide behind a centred voice.
    """
    return reverb_returns(bus, sr=sr, wet=wet)[0]


#: High-pass on the reverb send (Hz). The return of a sung line carries the previous notes'
#: fundamentals under the current one; kept above the lead's register so they do not pull the
#: pitch heard (and tracked) on the stem.
REVERB_HIGHPASS_HZ = 500.0
#: Its order (Butterworth, causal: 12 dB per octave, a 150 Hz fundamental 21 dB down).
REVERB_HIGHPASS_ORDER = 2
#: Pre-delay of the send (s): the reverb starts after the word's attack.
REVERB_PREDELAY_S = 0.025


def reverb_send(bus: np.ndarray, *, sr: int) -> np.ndarray:
    """The reverb's send: the mid of a stereo bus, pre-delayed 25 ms and high-passed.

    Parameters
    ----------
    bus : np.ndarray, shape (2, n)
    sr : int

    Returns
    -------
    np.ndarray
        float32, shape (1, n): ``(L + R) / 2`` delayed by ``round(0.025 * sr)`` samples (zeros
        before), through a Butterworth high-pass of order ``REVERB_HIGHPASS_ORDER`` at
        ``REVERB_HIGHPASS_HZ`` (causal).
    """
    n = bus.shape[-1]
    pre = int(REVERB_PREDELAY_S * sr)
    send = np.zeros((1, n), dtype=np.float32)
    np.add(bus[0, : n - pre], bus[1, : n - pre], out=send[0, pre:])
    send *= np.float32(0.5)
    hp = signal.butter(REVERB_HIGHPASS_ORDER, REVERB_HIGHPASS_HZ, btype="highpass", fs=sr, output="sos")
    send[0] = signal.sosfilt(hp, send[0])
    return send


def _reverb_raw(bus: np.ndarray, *, sr: int, wet: float) -> np.ndarray:
    board = Pedalboard([
        Reverb(room_size=0.45 + 0.45 * min(1.0, wet / 0.4), damping=0.55, wet_level=1.0, dry_level=0.0),
        LowpassFilter(cutoff_frequency_hz=8000.0),
    ])  # fmt: skip
    return board(reverb_send(bus, sr=sr), sr)[0]


def _widen(rev: np.ndarray, *, sr: int) -> np.ndarray:
    n, spread = rev.shape[-1], int(0.013 * sr)
    out = np.empty((2, n), dtype=np.float32)
    out[0] = rev
    out[1, :spread] = 0.0
    out[1, spread:] = rev[: n - spread]
    return out


def reverb_returns(bus: np.ndarray, *parts: np.ndarray, sr: int, wet: float) -> list[np.ndarray]:
    """The reverb return of ``bus`` (as ``reverb_return``), then each part's share of it.

    A part is a stereo signal that is summed into ``bus`` (the backing voices, say). The
    reverb is linear, so a part's share is its own reverb at the bus's wet scale; the
    shares of parts that add up to the bus add up to the bus's return (to float rounding).
    """
    n = bus.shape[-1]
    if wet <= 0.0:
        return [np.zeros_like(bus)] + [np.zeros((2, n), dtype=np.float32) for _ in parts]
    rev = _reverb_raw(bus, sr=sr, wet=wet)
    amount = 0.8 * wet
    rw = active_rms(rev)
    rd = active_rms(bus) if parts else 0.0
    # The right side is the left a few ms later: its active RMS is the left's (to rounding).
    _wet_scale(bus, rev, amount, wet_rms=rw)
    outs = [_widen(rev, sr=sr)]
    for part in parts:
        r = _reverb_raw(part, sr=sr, wet=wet)
        if rw <= 0 or rd <= 0:
            r[...] = 0.0
        else:
            r *= np.float32(amount * rd / rw)
        outs.append(_widen(r, sr=sr))
    return outs


def delay_return(lead: np.ndarray, *, sr: int, wet: float, tempo: float) -> np.ndarray:
    """Stereo tempo-synced delay return of a mono lead: a quarter note left, a dotted eighth right.

    Feedback echoes are summed directly (four repeats; the fifth would be 45 dB down).
    """
    n = lead.shape[-1]
    if wet <= 0.0:
        return np.zeros((2, n), dtype=np.float32)
    beat = 60.0 / float(tempo) if tempo and tempo > 0 else 0.5
    while beat > 0.7:  # slow songs: keep echoes short enough not to smear the next word
        beat /= 2
    # Band-limit the send once (linear, so before the taps is the same as after).
    send = Pedalboard([HighpassFilter(cutoff_frequency_hz=300.0), LowpassFilter(cutoff_frequency_hz=6000.0)])(
        lead[None, :].astype(np.float32, copy=False), sr
    )[0]
    out = np.zeros((2, n), dtype=np.float32)
    feedback = 0.28
    for ch, t in enumerate((beat, 0.75 * beat)):
        d = int(round(t * sr))
        for k in range(1, 5):
            if k * d >= n:
                break
            if k == 1:
                out[ch, d:] = send[: n - d]
            else:
                out[ch, k * d :] += np.float32(feedback ** (k - 1)) * send[: n - k * d]
    return _wet_scale(lead, out, 0.8 * wet)
