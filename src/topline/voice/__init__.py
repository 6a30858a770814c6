"""Singing synthesis: Score -> dry vocal waveform.

``sing`` renders each phrase with the Piper voice "joe" at the score's phoneme timing
(``phonemes``, ``piper_model``; held vowels are rendered short and stretched back by WORLD
through the phrase's time map), imposes the sung pitch with WORLD (``pitch``, ``world``),
derives the female voice by warping the vocal tract, adds breaths at phrase starts
(``breath``), and places everything on the song clock at the requested rate.  Phrases are
rendered on a small thread pool (the neural voice and WORLD release the GIL); a phrase
repeated with the same phonemes and frames (a chorus) is rendered by the neural voice once.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from math import gcd

import numpy as np
from scipy.signal import resample_poly

from topline.errors import VoiceError
from topline.music.controls import Controls
from topline.music.types import Note, Score
from topline.voice import phonemes, pitch, world
from topline.voice.breath import breath
from topline.voice.piper_model import HOP_LENGTH, load_voice

__all__ = ["default_workers", "sing"]

#: Silence kept after the last note (release of the final consonant, room for reverb tails).
TAIL_S = 0.5
#: Peak level of the dry vocal.
PEAK = 0.7
#: A phrase's last note fades by this share over its last 30 % (about -4 dB at its end).
PHRASE_RELEASE = 0.35
#: A female voice is a little breathier than the male voice it is derived from.
FEMALE_BREATHINESS = 0.1
#: Most phrase-rendering threads ``sing`` uses by default.
MAX_WORKERS = 2


def default_workers() -> int:
    """Threads ``sing`` renders phrases with: the CPUs this process may use, at most ``MAX_WORKERS``."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS))


def _velocity_gain(notes: list[Note], times: np.ndarray) -> np.ndarray:
    """Loudness per frame: the notes' velocities, and a softer release of the phrase's last note."""
    starts = np.array([n.start for n in notes])
    vel = np.array([n.velocity for n in notes], dtype=np.float64)
    idx = np.clip(np.searchsorted(starts, times + 0.03, side="right") - 1, 0, len(notes) - 1)
    g = (np.clip(vel[idx], 1, 127) / 90.0) ** 1.2
    last = notes[-1]
    release = max(0.3 * (last.end - last.start), 0.05)
    g *= 1.0 - PHRASE_RELEASE * np.clip((times - (last.end - release)) / release, 0.0, 1.0)
    k = 9  # ~45 ms smoothing: no clicks at note changes
    return np.convolve(np.pad(g, k // 2, mode="edge"), np.ones(k) / k, mode="valid")


def _render_phrase(
    p: phonemes.Phrase, spoken: np.ndarray, *, sr: int, controls: Controls, warp: float, seed: int
) -> np.ndarray:
    fp = world.FRAME_PERIOD_MS / 1000.0
    n_out = int(round((p.end - p.t0) * sr))
    times = p.t0 + np.arange(int(np.ceil(n_out / sr / fp)) + 1) * fp
    render_times = p.to_song(np.arange(int(np.ceil(spoken.size / sr / fp)) + 1) * fp)
    prof = controls.profile
    depth = 0.0 if "vibrato" in controls.excluded else prof.vibrato_depth_cents
    approach = []
    for i, syl in enumerate(p.syllables):
        lead = [syl.start - u.start for u in p.units if u.syllable == i and not u.vowel and u.start < syl.start]
        approach += [max(lead, default=0.0)] + [0.0] * (len(syl.notes) - 1)
    midi = pitch.contour(
        p.notes,
        times=times,
        approach_s=approach,
        portamento_s=prof.portamento_s,
        vibrato_depth_cents=depth,
        vibrato_rate_hz=prof.vibrato_rate_hz,
        vibrato_delay_s=prof.vibrato_delay_s,
        seed=seed,
    )
    # vowels and sonorants are sung voiced, whatever the analysis of the speech heard
    voiced = np.zeros(times.shape, dtype=bool)
    render_voiced = np.zeros(render_times.shape, dtype=bool)
    for u in p.units:
        if u.vowel or u.arpabet in phonemes.SONORANTS:
            voiced |= (times >= u.start) & (times < u.end)
            render_voiced |= (render_times >= u.start) & (render_times < u.end)
    return world.resynthesize(
        spoken,
        sr=sr,
        f0_hz=pitch.midi_to_hz(midi),
        voiced=voiced,
        gain=_velocity_gain(p.notes, times),
        warp=warp,
        render_pos=p.to_render(times),
        render_voiced=render_voiced,
        n_out=n_out,
        breathiness=min(1.0, prof.breathiness + (FEMALE_BREATHINESS if warp != 1.0 else 0.0)),
    )


def sing(score: Score, *, controls: Controls, sr: int = 44100, workers: int | None = None) -> np.ndarray:
    """Sing a score.

    Parameters
    ----------
    score : Score
        Notes with phonemes (ARPAbet, no stress digits); ties continue a syllable.
    controls : Controls
        ``gender`` picks the voice ("f" derives a female vocal tract from the male voice);
        ``profile`` gives vibrato, portamento and breathiness; ``excluded`` may hold
        ``"vibrato"``.
    sr : int
        Output sample rate.
    workers : int, optional
        Threads rendering phrases concurrently (the neural voice and WORLD release the
        GIL); default ``default_workers()``.  The output does not depend on it: each
        phrase has its own seed and the phrases are mixed in a fixed order.

    Returns
    -------
    np.ndarray
        Mono float32 dry vocal; sample 0 is time 0 of the song; it lasts until the last
        note's end plus ``TAIL_S``.

    Raises
    ------
    VoiceError
        If the voice cannot be loaded or a note cannot be sung (unknown phonemes,
        overlapping notes, ...).
    """
    if sr <= 0:
        raise VoiceError(f"The output sample rate must be positive, not {sr}.")
    workers = default_workers() if workers is None else int(workers)
    if workers < 1:
        raise VoiceError(f"sing needs at least one worker, not {workers}.")
    notes = sorted(score.notes, key=lambda n: n.start)
    end = max((n.end for n in notes), default=0.0)
    n_out = int(round((end + TAIL_S) * sr))
    if not notes:
        return np.zeros(n_out, dtype=np.float32)
    gender = controls.gender if controls.gender in ("m", "f") else score.gender
    if gender not in ("m", "f"):
        raise VoiceError(f"The voice gender must be 'm' or 'f', not {gender!r}.")

    voice = load_voice()
    vsr = voice.sample_rate
    plan = phonemes.plan(notes, id_map=voice.phoneme_id_map, frame_s=HOP_LENGTH / vsr)
    out = np.zeros(int(np.ceil((end + TAIL_S) * vsr)) + 1, dtype=np.float32)
    warp = world.FEMALE_WARP if gender == "f" else 1.0
    rng = np.random.default_rng([int(score.seed) & 0xFFFFFFFF, int(score.variant) & 0xFFFF])
    seeds = [int(rng.integers(2**31)) for _ in plan]  # drawn up front: independent of scheduling
    # A repeated chorus is the same phonemes with the same frames: the neural voice (most of
    # the cost) renders it once, with the seed of its first occurrence; pitch, vibrato and
    # loudness are still imposed per phrase.
    first_of: dict[tuple[bytes, bytes], int] = {}
    for k, p in enumerate(plan):
        first_of.setdefault((p.ids.tobytes(), p.durations.tobytes()), k)
    source = [first_of[(p.ids.tobytes(), p.durations.tobytes())] for p in plan]
    unique = sorted(set(source))

    def speak(k: int) -> np.ndarray:
        return voice.synthesize(plan[k].ids, plan[k].durations, seed=seeds[k])

    def render(k: int) -> np.ndarray:
        y = _render_phrase(plan[k], spoken[source[k]], sr=vsr, controls=controls, warp=warp, seed=seeds[k])
        # fade the lead-in/out frames so phrase edges never click
        fade_in, fade_out = int(0.005 * vsr), int(0.02 * vsr)
        y[:fade_in] *= np.linspace(0.0, 1.0, fade_in, dtype=np.float32)
        y[-fade_out:] *= np.linspace(1.0, 0.0, fade_out, dtype=np.float32)
        return y

    pool = None
    if workers > 1 and len(plan) > 1:
        pool = ThreadPoolExecutor(max_workers=min(workers, len(plan)), thread_name_prefix="topline-sing")
    run = map if pool is None else pool.map  # either way, results come back in phrase order
    try:
        spoken = dict(zip(unique, run(speak, unique)))
        rendered = run(render, range(len(plan)))
        for k, (p, y) in enumerate(zip(plan, rendered)):
            _add(out, y, int(round(p.t0 * vsr)))
            if p.breath:
                first = p.units[0].start
                prev_end = plan[k - 1].units[-1].end if k else 0.0
                length = min(0.4, first - prev_end - 0.12)
                if length >= 0.15:
                    level = float(np.sqrt(np.mean(y * y))) if y.size else 0.0
                    b = breath(length, sr=vsr, level=level, breathiness=controls.profile.breathiness, seed=seeds[k])
                    _add(out, b, int(round((first - 0.05 - length) * vsr)))
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    if sr != vsr:
        g = gcd(int(sr), vsr)
        out = resample_poly(out, int(sr) // g, vsr // g).astype(np.float32)
    out = out[:n_out] if out.size >= n_out else np.pad(out, (0, n_out - out.size))
    peak = float(np.max(np.abs(out)))
    if peak > 0:
        out *= PEAK / peak
    return out.astype(np.float32)


def _add(out: np.ndarray, y: np.ndarray, at: int) -> None:
    """Mix ``y`` into ``out`` starting at sample ``at`` (which may be negative)."""
    a, b = max(at, 0), min(at + y.size, out.size)
    if b > a:
        out[a:b] += y[a - at : b - at]
