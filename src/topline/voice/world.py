"""Impose the sung pitch on the spoken phrase with the WORLD vocoder.

The voice renders each phrase with the right phonemes at the right times but with speech
pitch; WORLD splits it into F0, spectral envelope and aperiodicity, we replace F0 with the
score's contour (forcing the planned vowels voiced), optionally warp the envelope, scale the loudness per note, and resynthesise.  The analysis
(``prepare``) depends on the spoken phrase only and can be kept and re-used for another
melody; ``render`` does the per-melody part.  ``dio`` + ``stonemask``
and ``cheaptrick``/``d4c`` at the voice's own 24 kHz keep this cheap; when the voice was
told the F0 it rendered at, no F0 is estimated at all.
"""

from __future__ import annotations

import glob
import importlib.machinery
import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from topline.errors import VoiceError

#: WORLD analysis/synthesis hop in milliseconds.
FRAME_PERIOD_MS = 10.0
#: F0 search range of a spoken phrase whose F0 is not known.
SPEECH_F0_RANGE = (65.0, 320.0)
#: FFT size of the resynthesis.  WORLD's synthesis computes a few FFTs of the envelope's size
#: per pulse (about 500 a second in unvoiced sound, the sung F0 in voiced sound); the
#: envelope is smooth at the speech F0's resolution, so 512 points at 24 kHz (47 Hz bins,
#: 23 ms responses) sound the same as the 1024 of the analysis at half the cost.
SYNTH_FFT_SIZE = 512
#: A voiceless consonant's faint voicing (``render``'s ``leak``) lies below the first of these
#: frequencies (Hz) and fades out by the second: the voice bar of a partly voiced consonant.
LEAK_BAND_HZ = (1000.0, 2000.0)


@lru_cache(maxsize=1)
def pyworld():
    """The ``pyworld`` extension.

    pyworld 0.3.5's ``__init__`` imports ``pkg_resources`` only to read its own version,
    which newer setuptools no longer ship; when that import fails, the compiled module is
    loaded directly.
    """
    try:
        import pyworld as pw

        return pw
    except ModuleNotFoundError as exc:
        if exc.name != "pkg_resources":
            raise VoiceError("The WORLD vocoder (pyworld) is not installed.") from exc
    spec = importlib.util.find_spec("pyworld")
    if spec is None or not spec.submodule_search_locations:
        raise VoiceError("The WORLD vocoder (pyworld) is not installed.")
    paths = []
    for folder in spec.submodule_search_locations:
        paths += glob.glob(os.path.join(folder, "pyworld*.so")) + glob.glob(os.path.join(folder, "pyworld*.pyd"))
    if not paths:
        raise VoiceError("The WORLD vocoder (pyworld) is installed without its compiled module.")
    loader = importlib.machinery.ExtensionFileLoader("pyworld.pyworld", paths[0])
    mod_spec = importlib.util.spec_from_file_location("pyworld.pyworld", paths[0], loader=loader)
    module = importlib.util.module_from_spec(mod_spec)
    loader.exec_module(module)
    return module


def warp_envelope(sp: np.ndarray, factor: float) -> np.ndarray:
    """Stretch a spectral envelope along frequency: formant f moves to ``factor * f``."""
    if factor == 1.0:
        return sp
    bins = sp.shape[1]
    src = np.arange(bins) / factor
    lo = np.floor(src).astype(int)
    frac = src - lo
    hi = np.minimum(lo + 1, bins - 1)
    return sp[:, lo] * (1.0 - frac) + sp[:, hi] * frac


def reduce_bins(env: np.ndarray, fft_size: int) -> np.ndarray:
    """An envelope (or aperiodicity) on ``fft_size // 2 + 1`` bins, from a finer one.

    The finer bins are low-passed along frequency first (a triangle as wide as the step),
    then picked, so no detail finer than the new bins folds back.
    """
    bins = fft_size // 2 + 1
    have = env.shape[1]
    if have == bins:
        return env
    step = (have - 1) // (fft_size // 2)
    if step < 1 or (have - 1) != step * (fft_size // 2):
        raise VoiceError(f"Cannot reduce an envelope of {have} bins to {bins}.")
    if step > 1:
        k = np.concatenate([np.arange(1, step + 1), np.arange(step - 1, 0, -1)]).astype(np.float64)
        k /= k.sum()
        pad = np.pad(env, ((0, 0), (step - 1, step - 1)), mode="reflect")
        smooth = np.zeros_like(env)
        for j, w in enumerate(k):
            smooth += w * pad[:, j : j + have]
        env = smooth
    return env[:, ::step]


def analyse(
    y: np.ndarray,
    *,
    sr: int,
    voiced: np.ndarray | None = None,
    frame_period_ms: float = FRAME_PERIOD_MS,
    known_f0: np.ndarray | None = None,
):
    """WORLD analysis (f0, times, envelope, aperiodicity) of a spoken phrase.

    ``known_f0`` (Hz per frame, 0 unvoiced) is the F0 the phrase was rendered at, when the
    voice was told it: then no F0 is estimated.

    ``voiced`` marks frames known to be voiced (the planned vowels): where ``dio`` found no
    F0 there, the F0 is interpolated from its neighbours before the envelope is estimated,
    so the envelope window stays pitch-adaptive and carries no stray harmonics.  The
    returned ``f0`` is ``dio``'s own (0 where it heard no voicing).
    """
    pw = pyworld()
    x = np.ascontiguousarray(y, dtype=np.float64)
    if known_f0 is not None:
        n = int(np.ceil(y.size / sr / (frame_period_ms / 1000.0))) + 1
        f0 = _fit(known_f0, n)
        t = np.arange(n) * frame_period_ms / 1000.0
        sp = pw.cheaptrick(x, np.where(f0 > 0, f0, 0.0), t, sr)
        half = pw.d4c(x, np.ascontiguousarray(f0[::2]), np.ascontiguousarray(t[::2]), sr)
        return f0, t, sp, _upsample2(half, n)
    f0, t = pw.dio(
        x, sr, f0_floor=SPEECH_F0_RANGE[0], f0_ceil=SPEECH_F0_RANGE[1], frame_period=frame_period_ms,
        allowed_range=0.2,
    )  # fmt: skip
    f0 = pw.stonemask(x, f0, t, sr)
    voiced_f0 = f0[f0 > 0]
    if voiced_f0.size >= 5:  # dio's octave slips, against the phrase's median speaking pitch
        med = float(np.median(voiced_f0))
        f0 = np.where(f0 > 1.7 * med, f0 / 2, np.where((f0 > 0) & (f0 < med / 1.7), f0 * 2, f0))
    heard = f0.copy()
    if voiced is not None:
        need = np.zeros(f0.size, dtype=bool)
        v = np.asarray(voiced, dtype=bool)[: f0.size]
        need[: v.size] = v
        need &= f0 <= 0
        if need.any():
            # too low an F0 would leave the speech harmonics in the envelope; too high only smooths it
            ok = f0[f0 > 0]
            f0[need] = np.percentile(ok, 90) if ok.size >= 5 else SPEECH_F0_RANGE[1] * 0.6
    sp = pw.cheaptrick(x, f0, t, sr)
    # aperiodicity changes slowly: estimate it on every other frame and interpolate (half the cost)
    half = pw.d4c(x, np.ascontiguousarray(f0[::2]), np.ascontiguousarray(t[::2]), sr)
    return heard, t, sp, _upsample2(half, f0.size)


def _upsample2(half: np.ndarray, n: int) -> np.ndarray:
    """Rows estimated on every other frame, interpolated back to ``n`` frames."""
    pos = np.arange(n) / 2.0
    lo = np.minimum(np.floor(pos).astype(int), half.shape[0] - 1)
    hi = np.minimum(lo + 1, half.shape[0] - 1)
    w = (pos - lo)[:, None]
    return half[lo] * (1.0 - w) + half[hi] * w


@dataclass(frozen=True)
class SpeechAnalysis:
    """What resynthesis needs of a spoken phrase, on ``SYNTH_FFT_SIZE`` bins (read-only arrays).

    Attributes
    ----------
    f0 : np.ndarray
        ``dio``'s F0 per frame (0 where it heard no voicing).
    sp, ap : np.ndarray
        float32 spectral envelope and aperiodicity per frame.
    n_samples : int
        Length of the analysed phrase.
    """

    f0: np.ndarray
    sp: np.ndarray
    ap: np.ndarray
    n_samples: int

    @property
    def nbytes(self) -> int:
        return int(self.f0.nbytes + self.sp.nbytes + self.ap.nbytes)


def prepare(
    y: np.ndarray,
    *,
    sr: int,
    voiced: np.ndarray,
    frame_period_ms: float = FRAME_PERIOD_MS,
    known_f0: np.ndarray | None = None,
) -> SpeechAnalysis:
    """Analyse a spoken phrase for ``render`` (the part of resynthesis that only depends on it).

    ``voiced`` marks the frames of ``y`` known to be voiced (cut or edge-padded);
    ``known_f0`` is the F0 ``y`` was rendered at, if known (see ``analyse``).  The
    envelopes are reduced to ``SYNTH_FFT_SIZE`` bins and kept as float32 here, so an analysis
    kept for later (``sing``'s render cache) is the very one a fresh call would make.
    """
    fp = frame_period_ms / 1000.0
    n_in = int(np.ceil(y.size / sr / fp)) + 1
    hint = _fit(voiced, n_in).astype(bool)
    f0, _, sp, ap = analyse(y, sr=sr, voiced=hint, frame_period_ms=frame_period_ms, known_f0=known_f0)
    if known_f0 is None and np.any(f0 > 0):
        filled = hint[: f0.size] & (f0 <= 0)
        if filled.any() and (f0 > 0).sum() >= 5:
            # d4c judged those vowel frames at a guessed F0: give them a typical voiced aperiodicity
            ap[filled] = np.minimum(ap[filled], np.median(ap[f0 > 0], axis=0))
    # fewer bins before the per-output-frame work (the envelope is smooth at the speech F0)
    sp = reduce_bins(sp, SYNTH_FFT_SIZE).astype(np.float32)
    ap = reduce_bins(ap, SYNTH_FFT_SIZE).astype(np.float32)
    for a in (f0, sp, ap):
        a.flags.writeable = False
    return SpeechAnalysis(f0=f0, sp=sp, ap=ap, n_samples=int(y.size))


def _fit(a: np.ndarray, size: int) -> np.ndarray:
    """``a`` as float64, cut or edge-padded to ``size``."""
    a = np.asarray(a, dtype=np.float64)[:size]
    return np.pad(a, (0, size - a.size), mode="edge") if a.size else np.zeros(size)


def render(
    speech: SpeechAnalysis,
    *,
    sr: int,
    f0_hz: np.ndarray,
    voiced: np.ndarray,
    gain: np.ndarray,
    warp: float = 1.0,
    breathiness: float = 0.0,
    render_pos: np.ndarray | None = None,
    n_out: int | None = None,
    frame_period_ms: float = FRAME_PERIOD_MS,
    leak: np.ndarray | None = None,
) -> np.ndarray:
    """Resynthesise an analysed phrase (``prepare``) with a new F0, optionally re-timed.

    Parameters are those of ``resynthesize``; ``n_out`` defaults to the phrase's length.
    ``leak`` (per output frame, 0..1) gives frames a voice bar: at least that share of their power
    below ``LEAK_BAND_HZ`` is periodic at ``f0_hz``, the rest stays noise.  Frames that would be
    unvoiced are voiced faintly that way; voiced frames only lose noise in that band.
    """
    pw = pyworld()
    fp = frame_period_ms / 1000.0
    n_out = speech.n_samples if n_out is None else int(n_out)
    n = int(np.ceil(n_out / sr / fp)) + 1
    f0_t, vo, g = _fit(f0_hz, n), _fit(voiced, n).astype(bool), _fit(gain, n)
    f0 = speech.f0
    # the input frame each output frame reads (fractional: envelopes are interpolated)
    pos = np.arange(n) * fp if render_pos is None else _fit(render_pos, n)
    idx = np.clip(pos / fp, 0.0, f0.size - 1.0)
    lo = np.floor(idx).astype(int)
    hi = np.minimum(lo + 1, f0.size - 1)
    w = (idx - lo)[:, None]
    sp = speech.sp[lo] * (1.0 - w) + speech.sp[hi] * w
    ap = speech.ap[lo] * (1.0 - w) + speech.ap[hi] * w
    heard = f0[np.rint(idx).astype(int)] > 0
    on = (heard | vo) & (f0_t > 0)
    if breathiness > 0:
        ap = np.clip(ap, 1e-6, 1.0) ** (1.0 - 0.5 * min(breathiness, 1.0))
    if warp != 1.0:
        sp, ap = warp_envelope(sp, warp), warp_envelope(ap, warp)
    sp = sp * (g * g)[:, None]
    new_f0 = np.where(on, f0_t, 0.0)
    if leak is not None:
        lw = np.clip(_fit(leak, n), 0.0, 1.0)
        bar = (lw > 0) & (f0_t > 0)
        if bar.any():
            f = np.arange(ap.shape[1]) * (sr / 2.0) / (ap.shape[1] - 1)
            band = np.clip((LEAK_BAND_HZ[1] - f) / (LEAK_BAND_HZ[1] - LEAK_BAND_HZ[0]), 0.0, 1.0)
            # WORLD gives a voiced frame (1 - ap^2) of its power as pulses and ap^2 as noise
            share = lw[bar, None] * band[None, :]
            ap = ap.copy()
            ap[bar] = np.minimum(ap[bar], np.sqrt(1.0 - share))
            new_f0[bar] = f0_t[bar]
    out = pw.synthesize(new_f0, np.ascontiguousarray(sp), np.ascontiguousarray(ap), sr, frame_period_ms)
    out = out[:n_out] if out.size >= n_out else np.pad(out, (0, n_out - out.size))
    return out.astype(np.float32)


def resynthesize(
    y: np.ndarray,
    *,
    sr: int,
    f0_hz: np.ndarray,
    voiced: np.ndarray,
    gain: np.ndarray,
    warp: float = 1.0,
    breathiness: float = 0.0,
    render_pos: np.ndarray | None = None,
    render_voiced: np.ndarray | None = None,
    n_out: int | None = None,
    frame_period_ms: float = FRAME_PERIOD_MS,
) -> np.ndarray:
    """Resynthesise ``y`` with a new F0, optionally re-timed (``prepare`` then ``render``).

    Parameters
    ----------
    y : np.ndarray
        The spoken phrase (mono).
    f0_hz, voiced, gain : np.ndarray
        Per output WORLD frame (``frame_period_ms`` apart from sample 0): target F0, frames
        that must be voiced (the vowels), and an amplitude factor.  Cut or edge-padded to
        the output's frame count.
    warp : float
        Spectral-envelope warp factor (formant f moves to ``warp * f``).
    breathiness : float
        0..1: more aperiodic energy in the voiced sound.
    render_pos : np.ndarray, optional
        Per output frame, the time in ``y`` (seconds) whose envelope it takes: stretches
        held vowels.  Default: the identity (output as long as ``y``).
    render_voiced : np.ndarray, optional
        Per frame of ``y``, frames known to be voiced; default ``voiced``.
    n_out : int, optional
        Output length in samples; default ``y.size``.
    """
    speech = prepare(
        y, sr=sr, voiced=render_voiced if render_voiced is not None else voiced, frame_period_ms=frame_period_ms
    )
    return render(
        speech, sr=sr, f0_hz=f0_hz, voiced=voiced, gain=gain, warp=warp, breathiness=breathiness,
        render_pos=render_pos, n_out=n_out, frame_period_ms=frame_period_ms,
    )  # fmt: skip
