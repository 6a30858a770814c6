"""Singing synthesis: Score -> dry vocal waveform.

``sing`` picks a singer (``voices.choose_voice``: two or more Kokoro voices per gender,
from the style words and the seed), renders each phrase with the neural voice
(``kokoro_model``) at canonical phoneme lengths and at a steady pitch well inside the
voice's range, re-times it to the score through the phrase's time map and imposes the
sung pitch with WORLD (``pitch``, ``world``), adds breaths at phrase starts (``breath``),
and places everything on the song clock at the requested rate.  Phrases are rendered on a
small thread pool (the neural voice and WORLD release the GIL).

The neural rendering and its WORLD analysis depend on the phrase's phonemes only, not on
its rhythm or melody: they are kept in a process-wide cache (``render_cache``), so a chorus
repeated in a song, and the second variant of a task (same lyrics, another melody), reuse
them and only resynthesise.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from math import gcd

import numpy as np
from scipy.signal import resample_poly

from topline.errors import VoiceError
from topline.music.controls import Controls
from topline.music.types import Note, Score
from topline.voice import kokoro_model, phonemes, pitch, world
from topline.voice.breath import breath, breath_slot
from topline.voice.cache import RenderCache
from topline.voice.kokoro_model import KokoroVoice, load_voice
from topline.voice.voices import VOICES, Voice, choose_voice, style_vector

__all__ = ["VOICES", "Voice", "choose_voice", "default_workers", "render_cache", "sing", "song_voice"]

#: Silence kept after the last note (release of the final consonant, room for reverb tails).
TAIL_S = 0.5
#: Peak level of the dry vocal.
PEAK = 0.7
#: A phrase's last note fades by this share over its last 30 % (about -4 dB at its end).
PHRASE_RELEASE = 0.35
#: Share of a voiceless consonant's low band (``world.LEAK_BAND_HZ``) sung voiced, at the held pitch.
VOICELESS_LEAK = 0.9
#: Share of a voiced obstruent's low band (b, d, g, v, ð, z, ʒ, ʤ) made periodic at the sung pitch:
#: its voice bar.
VOICE_BAR = 0.9
#: A phrase's last sound ends, in its rendering, where the level (the analysed envelope's power,
#: smoothed over 30 ms) last stands within this many dB of the phrase's vowels (``sound_end``).
END_FLOOR_DB = 30.0
#: Most phrase-rendering threads ``sing`` uses by default.
MAX_WORKERS = 2
#: Most bytes of analysed renderings the process keeps (about 0.2 MB per rendered second:
#: a task's two variants of a 4-minute song fit).
CACHE_MAX_BYTES = 64 * 2**20

_CACHE: RenderCache[world.SpeechAnalysis] = RenderCache(CACHE_MAX_BYTES)


def render_cache() -> RenderCache[world.SpeechAnalysis]:
    """The process-wide cache of analysed neural renderings ``sing`` uses."""
    return _CACHE


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


def _render_voiced(p: phonemes.Phrase, *, n_samples: int, sr: int) -> np.ndarray:
    """Per WORLD frame of the rendering, whether it lies in a vowel or sonorant (sung voiced)."""
    fp = world.FRAME_PERIOD_MS / 1000.0
    t = np.arange(int(np.ceil(n_samples / sr / fp)) + 1) * fp
    voiced = np.zeros(t.shape, dtype=bool)
    for u, (a, b) in zip(p.units, p.unit_render):
        if u.vowel or u.arpabet in phonemes.SONORANTS:
            voiced |= (t >= a) & (t < b)
    return voiced


def song_voice(score: Score, controls: Controls) -> Voice:
    """The voice that sings ``score``: ``choose_voice`` on the request's style, gender and seed.

    The same for both variants of a task (they share the seed), so a task has one singer.
    """
    if controls.voice is not None:  # resolved with the task's spec (or pinned by a persona)
        if controls.voice not in VOICES:
            raise VoiceError(f"There is no voice named {controls.voice!r}; the voices are "
                             f"{', '.join(sorted(VOICES))}.")
        return VOICES[controls.voice]
    gender = controls.gender if controls.gender in ("m", "f") else score.gender
    return choose_voice(controls.style, gender=gender, seed=controls.seed, negative=controls.negative_tags)


def _speech_key(model: KokoroVoice, singer: Voice, p: phonemes.Phrase) -> bytes:
    """The cache key of a phrase's analysed rendering: everything the rendering depends on.

    Kokoro is deterministic, so the same phrase in another variant (or a repeated chorus)
    is the same rendering.
    """
    ids = np.ascontiguousarray(p.ids, dtype=np.int64).tobytes()
    dur = np.ascontiguousarray(p.durations, dtype=np.int64).tobytes()
    key = hashlib.blake2b(digest_size=20)
    setup = (
        f"{model.model_key}|{singer.name}|{singer.sha256}|{singer.render_hz}|{model.sample_rate}|"
        f"{world.FRAME_PERIOD_MS}|{world.SYNTH_FFT_SIZE}"
    )
    for part in (setup.encode(), ids, dur):
        key.update(len(part).to_bytes(8, "little") + part)
    return key.digest()


def render_f0(p: phonemes.Phrase, *, hz: float, hop_s: float, n: int) -> np.ndarray:
    """The F0 a phrase is rendered at, per ``hop_s``: ``hz`` from its first sound on
    (``unit_render``), 0 in unvoiced consonants and in the lead-in pad before that sound.

    The lead-in is silence: the neural voice's own F0 predictor gives it 2-3 Hz (unvoiced), and
    given the singer's pitch there it hums it, from where its first 8 silent frames end to the first
    sound (measured: 5-13 dB under the phrase; WORLD then resynthesised the hum voiced at the first
    note's pitch, and a benchmark read it as a loud "breath" with a 390 Hz roll-off before "grab").
    The trailing pad keeps the pitch: the phrase's last sounds run on into it (rendered unvoiced,
    they went on as a whispered decay about as loud, and no fewer words were heard); the time map
    ends with that sound (``sound_end``, ``phonemes.end_at``), so what decays there is never sung.
    """
    t = (np.arange(n) + 0.5) * hop_s
    f0 = np.zeros(n, dtype=np.float32)
    if not p.units:
        return f0
    f0[t >= p.unit_render[0][0]] = hz
    for u, (a, b) in zip(p.units, p.unit_render):
        if not u.vowel and u.arpabet in phonemes.UNVOICED:
            f0[(t >= a) & (t < b)] = 0.0
    return f0


def even_vowels(speech: world.SpeechAnalysis, p: phonemes.Phrase) -> world.SpeechAnalysis:
    """The analysis with every vowel brought to the phrase's median vowel level.

    A speech model says a phrase with speech's dynamics: its first and last vowels come out
    up to 25 dB softer than the others (measured), which a sung, held note must not keep.
    Each vowel's envelope level (the middle half of its sound) is moved to the median of the
    phrase's vowels, by at most ``-6 .. +18`` dB, interpolated over the consonants between
    them; the score's dynamics are applied later (``_velocity_gain``).
    """
    fp = world.FRAME_PERIOD_MS / 1000.0
    n = speech.sp.shape[0]
    level = 10.0 * np.log10(np.sum(speech.sp, axis=1, dtype=np.float64) + 1e-20)
    centres, levels = [], []
    for u, (a, b) in zip(p.units, p.unit_render):
        if not u.vowel or u.glide:
            continue
        lo, hi = int(np.floor((a + 0.25 * (b - a)) / fp)), int(np.ceil((b - 0.25 * (b - a)) / fp))
        lo, hi = max(lo, 0), min(max(hi, lo + 1), n)
        if hi > lo:
            centres.append(0.5 * (a + b) / fp)
            levels.append(float(np.median(level[lo:hi])))
    if not levels:
        return speech
    change = np.clip(np.median(levels) - np.array(levels), -6.0, 18.0)
    gain_db = np.interp(np.arange(n), centres, change)
    sp = (speech.sp * (10.0 ** (gain_db / 10.0))[:, None]).astype(np.float32)
    sp.flags.writeable = False
    return world.SpeechAnalysis(f0=speech.f0, sp=sp, ap=speech.ap, n_samples=speech.n_samples)


def sound_end(speech: world.SpeechAnalysis, p: phonemes.Phrase, *, floor_db: float = END_FLOOR_DB) -> float:
    """Rendering-clock seconds where the phrase's last phoneme's sound ends.

    The neural voice's sound leads its tokens by ``phonemes.SOUND_LEAD_S`` inside a phrase but
    less at its end, where it decays on through the end mark and the trailing pad.  Searched from
    the last unit's start (constant lead) to its token's end: the end of the last analysis frame
    whose level, smoothed over three frames, is within ``floor_db`` of the median of the phrase's
    vowel levels (their middle halves, as ``even_vowels`` measures them).  Where none is, the end
    the constant lead gives.
    """
    fp = world.FRAME_PERIOD_MS / 1000.0
    n = speech.sp.shape[0]
    nominal = float(p.unit_render[-1][1]) if p.units else 0.0
    if not p.units or n == 0:
        return nominal
    power = np.sum(speech.sp, axis=1, dtype=np.float64)
    level = 10.0 * np.log10(np.convolve(power, np.ones(3) / 3.0, mode="same") + 1e-20)
    vowels = []
    for u, (a, b) in zip(p.units, p.unit_render):
        lo, hi = int(np.floor((a + 0.25 * (b - a)) / fp)), int(np.ceil((b - 0.25 * (b - a)) / fp))
        lo, hi = max(lo, 0), min(max(hi, lo + 1), n)
        if u.vowel and not u.glide and hi > lo:
            vowels.append(float(np.median(level[lo:hi])))
    if not vowels:
        return nominal
    lo = max(int(np.ceil(p.unit_render[-1][0] / fp)), 0)
    hi = min(int(np.floor((nominal + phonemes.SOUND_LEAD_S) / fp)), n - 1)
    loud = np.flatnonzero(level[lo : hi + 1] >= np.median(vowels) - floor_db)
    return nominal if loud.size == 0 else max(nominal, (lo + loud[-1] + 0.5) * fp)


def _speak(model: KokoroVoice, singer: Voice, p: phonemes.Phrase) -> world.SpeechAnalysis:
    """Render a phrase with the neural voice at the singer's steady pitch and analyse it for resynthesis."""
    sr = model.sample_rate
    hop = kokoro_model.F0_HOP / sr
    f0 = render_f0(p, hz=singer.render_hz, hop_s=hop, n=2 * p.frames)
    y = model.synthesize(p.ids, p.durations, f0, style_vector(singer.name, len(p.ids) - 2))
    fp = world.FRAME_PERIOD_MS / 1000.0
    n_world = int(np.ceil(y.size / sr / fp)) + 1
    known = np.interp(np.arange(n_world) * fp, (np.arange(f0.size) + 0.5) * hop, f0)
    known[known < 0.5 * singer.render_hz] = 0.0  # the edges of unvoiced stretches stay unvoiced
    speech = world.prepare(y, sr=sr, voiced=_render_voiced(p, n_samples=y.size, sr=sr), known_f0=known)
    return even_vowels(speech, p)


def _voiceless_lead(onset: list[phonemes.Unit], vowel_start: float) -> float:
    """How long the unvoiced consonants right before a vowel last (0 if the sound before it is voiced)."""
    start = vowel_start
    for u in sorted(onset, key=lambda u: u.start, reverse=True):
        if u.arpabet not in phonemes.UNVOICED or u.end < start - 1e-6:
            break
        start = u.start
    return vowel_start - start


def _render_phrase(
    p: phonemes.Phrase, speech: world.SpeechAnalysis, *, sr: int, controls: Controls, seed: int
) -> np.ndarray:
    fp = world.FRAME_PERIOD_MS / 1000.0
    n_out = int(round((p.end - p.t0) * sr))
    times = p.t0 + np.arange(int(np.ceil(n_out / sr / fp)) + 1) * fp
    prof = controls.profile
    approach, voiceless = [], []
    for i, syl in enumerate(p.syllables):
        onset = [u for u in p.units if u.syllable == i and not u.vowel and u.start < syl.start]
        approach += [max((syl.start - u.start for u in onset), default=0.0)] + [0.0] * (len(syl.notes) - 1)
        voiceless += [_voiceless_lead(onset, syl.start)] + [0.0] * (len(syl.notes) - 1)
    midi = pitch.contour(
        p.notes,
        times=times,
        approach_s=approach,
        voiceless_s=voiceless,
        portamento_s=prof.portamento_s,
        vibrato_depth_cents=prof.vibrato_depth_cents,
        vibrato_rate_hz=prof.vibrato_rate_hz,
        vibrato_delay_s=prof.vibrato_delay_s,
        seed=seed,
    )
    # vowels and sonorants are sung voiced, whatever the analysis of the speech heard
    voiced = np.zeros(times.shape, dtype=bool)
    for u in p.units:
        if u.vowel or u.arpabet in phonemes.SONORANTS:
            voiced |= (times >= u.start) & (times < u.end)
    # voiceless consonants between sung sounds keep a faint voicing at the held pitch
    leak = np.zeros(times.shape)
    first = p.notes[0].start
    for u in p.units:
        if not u.vowel and u.arpabet in phonemes.UNVOICED and u.end > first:
            leak[(times >= u.start) & (times < u.end)] = VOICELESS_LEAK
        elif not u.vowel and u.arpabet in phonemes.VOICED_OBSTRUENTS:
            leak[(times >= u.start) & (times < u.end)] = VOICE_BAR
    return world.render(
        speech,
        sr=sr,
        f0_hz=pitch.midi_to_hz(midi),
        voiced=voiced,
        leak=leak,
        gain=_velocity_gain(p.notes, times),
        render_pos=p.to_render(times),
        n_out=n_out,
        breathiness=min(1.0, prof.breathiness),
    )


def sing(score: Score, *, controls: Controls, sr: int = 44100, workers: int | None = None) -> np.ndarray:
    """Sing a score.

    Parameters
    ----------
    score : Score
        Notes with phonemes (ARPAbet, no stress digits); ties continue a syllable.
    controls : Controls
        ``gender``, ``style``, ``negative_tags`` and ``seed`` pick the voice
        (``song_voice``); ``profile`` gives vibrato, portamento and breathiness
        (negative tags already applied).
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
    singer = song_voice(score, controls)
    model = load_voice()
    vsr = model.sample_rate
    plan = phonemes.plan(
        notes, id_map=kokoro_model.VOCAB, frame_s=kokoro_model.FRAME / vsr, accent=singer.accent
    )
    out = np.zeros(int(np.ceil((end + TAIL_S) * vsr)) + 1, dtype=np.float32)
    rng = np.random.default_rng([int(score.seed) & 0xFFFFFFFF, int(score.variant) & 0xFFFF])
    seeds = [int(rng.integers(2**31)) for _ in plan]  # drawn up front: independent of scheduling
    # The neural voice and WORLD's analysis (most of the cost) depend on the phonemes only:
    # a repeated chorus, or the other variant's same line, is rendered once (see render_cache);
    # pitch, vibrato and loudness are still imposed per phrase.
    keys = [_speech_key(model, singer, p) for p in plan]
    first_of: dict[bytes, int] = {}
    for k, key in enumerate(keys):
        first_of.setdefault(key, k)
    source = [first_of[key] for key in keys]
    unique = sorted(set(source))

    def speak(k: int) -> world.SpeechAnalysis:
        return _CACHE.get_or_make(keys[k], lambda: _speak(model, singer, plan[k]))

    def render(k: int) -> np.ndarray:
        speech = spoken[source[k]]
        # the map's end follows the rendering's last sound; the release after it is faded out
        p = phonemes.end_at(plan[k], sound_end(speech, plan[k]))
        y = _render_phrase(p, speech, sr=vsr, controls=controls, seed=seeds[k])
        fade_in, fade_out = int(0.005 * vsr), min(int(phonemes.RELEASE_S * vsr), y.size)
        y[:fade_in] *= np.linspace(0.0, 1.0, fade_in, dtype=np.float32)
        y[y.size - fade_out :] *= (0.5 + 0.5 * np.cos(np.linspace(0.0, np.pi, fade_out))).astype(np.float32)
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
            slot = breath_slot(plan[k - 1].units[-1].end if k else None, p.units[0].start) if p.breath else None
            if slot is not None:  # only where a singer breathes: a gap long enough, release and lead-in clear
                start, length = slot
                level = float(np.sqrt(np.mean(y * y))) if y.size else 0.0
                b = breath(length, sr=vsr, level=level, breathiness=controls.profile.breathiness, seed=seeds[k])
                _add(out, b, int(round(start * vsr)))
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
