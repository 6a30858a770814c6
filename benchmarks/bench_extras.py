"""Benchmark the derived deliverables: the instrumental transcription (Basic Pitch ONNX) and the
split_stem lead/backing stems.

1. Transcription accuracy: seeded random piano chords and a bass line, alone and with a drum kit
   (General MIDI, rendered by Debian's fluidsynth with FluidR3) against their MIDI, note F1 with
   onsets within 50 ms (mir_eval, offsets ignored), with and without the harmonic/percussive split.
2. Transcription speed: CPU seconds per second of audio on real produced recordings (the free
   game soundtracks under /usr/share/games), ``--seconds`` of each.
3. The backing stem's cost in ``produce`` (one more reverb pass over the backing voices) and the
   lead + backing = vocal stem error.

Run: ``python benchmarks/bench_extras.py [--seconds 30] [--items 3]``.
Needs ``apt-get install -y fluidsynth fluid-soundfont-gm`` (and the game music packages for 2).
"""

from __future__ import annotations

import argparse
import glob
import subprocess
import tempfile
import time
from pathlib import Path

import mido
import numpy as np
import soundfile as sf

from topline.audio import decode_audio
from topline.music.transcribe import transcribe

SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
SR = 44100


def _piece(seed: int, seconds: float) -> list[tuple[float, float, int, int]]:
    """(start, end, pitch, program): chords on a piano every beat-pair, a bass note per beat."""
    rng = np.random.default_rng(seed)
    beat = 60.0 / rng.uniform(80, 130)
    notes, t = [], 0.5
    roots = [48, 53, 55, 57, 50, 52]
    while t + 2 * beat < seconds:
        root = int(rng.choice(roots))
        third = 4 if rng.random() < 0.6 else 3
        for p in (root + 12, root + 12 + third, root + 19):
            notes.append((t, t + 2 * beat * 0.95, p, 0))
        for k in range(2):
            notes.append((t + k * beat, t + (k + 0.8) * beat, root - 12 + (7 if k and rng.random() < 0.4 else 0), 33))
        t += 2 * beat
    return notes


def _drums(seconds: float) -> list[tuple[float, float, int, int]]:
    """Kick, hi-hat, snare, hi-hat on every beat (General MIDI channel 10, ``program`` -1)."""
    out, t = [], 0.5
    while t + 1.0 < seconds:
        out += [(t, t + .1, 36, -1), (t + .25, t + .35, 42, -1), (t + .5, t + .6, 38, -1), (t + .75, t + .85, 42, -1)]
        t += 1.0
    return out


def _render(notes, path: Path, seconds: float) -> np.ndarray:
    mid = mido.MidiFile(type=1, ticks_per_beat=480)
    tempo = mido.bpm2tempo(120)
    per_s = 480 * 1e6 / tempo
    for i, program in enumerate(sorted({n[3] for n in notes})):
        ch = 9 if program < 0 else i
        tr = mido.MidiTrack([mido.MetaMessage("set_tempo", tempo=tempo, time=0)])
        if program >= 0:
            tr.append(mido.Message("program_change", channel=ch, program=program, time=0))
        ev = []
        for a, b, p, prog in notes:
            if prog == program:
                ev.append((int(a * per_s), 1, mido.Message("note_on", channel=ch, note=p, velocity=90)))
                ev.append((int(b * per_s), 0, mido.Message("note_off", channel=ch, note=p, velocity=0)))
        last = 0
        for t, _, m in sorted(ev, key=lambda e: (e[0], e[1])):
            tr.append(m.copy(time=t - last))
            last = t
        mid.tracks.append(tr)
    midi_path = path.with_suffix(".mid")
    mid.save(str(midi_path))
    subprocess.run(["fluidsynth", "-ni", "-q", "-g", "0.7", "-r", str(SR), "-F", str(path), SOUNDFONT,
                    str(midi_path)], check=True, capture_output=True)
    y, sr = sf.read(str(path), dtype="float32", always_2d=True)
    return y.T[:, : int(seconds * SR)]


def _f1(notes, got) -> tuple[float, float, float]:
    import mir_eval

    ref_i = np.array([[a, b] for a, b, _, _ in notes])
    ref_p = np.array([440 * 2 ** ((p - 69) / 12) for _, _, p, _ in notes])
    est_i = np.array([[n.start, max(n.end, n.start + 0.01)] for n in got]).reshape(-1, 2)
    est_p = np.array([440 * 2 ** ((n.pitch - 69) / 12) for n in got])
    p, r, f, _ = mir_eval.transcription.precision_recall_f1_overlap(
        ref_i, ref_p, est_i, est_p, onset_tolerance=0.05, offset_ratio=None)
    return p, r, f


def accuracy(items: int, seconds: float) -> None:
    print(f"transcription accuracy: {items} rendered piano + bass pieces of {seconds:g} s, without and with a "
          "drum kit (note F1 of the pitched notes, onset within 50 ms, offsets ignored); 'harmonic' is what "
          "the MIDI endpoint runs (HPSS first), 'plain' the model on the whole signal")
    scores: dict[tuple[str, str], list] = {}
    with tempfile.TemporaryDirectory() as d:
        for i in range(items):
            notes = _piece(100 + i, seconds)
            for kit in ("no drums", "drums"):
                y = _render(notes + (_drums(seconds) if kit == "drums" else []), Path(d) / f"p{i}.wav", seconds)
                for mode in ("plain", "harmonic"):
                    got = transcribe(y, sr=SR, harmonic=mode == "harmonic")
                    p, r, f = _f1(notes, got)
                    scores.setdefault((kit, mode), []).append((p, r, f))
                    print(f"  piece {i} {kit:8s} {mode:8s}: {len(notes):4d} notes, {len(got):4d} found  "
                          f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for (kit, mode), v in scores.items():
        m = np.mean(v, axis=0)
        print(f"  mean {kit:8s} {mode:8s}: P {m[0]:.3f}  R {m[1]:.3f}  F1 {m[2]:.3f}")


def speed(items: int, seconds: float) -> None:
    files = sorted(glob.glob("/usr/share/games/supertux2/music/**/*.ogg", recursive=True))[:items]
    print(f"transcription speed: {len(files)} game soundtracks, first {seconds:g} s each")
    rates = []
    for path in files:
        y, _ = decode_audio(Path(path).read_bytes(), sr=SR)
        y = y[:, : int(seconds * SR)]
        t0 = time.process_time()
        w0 = time.perf_counter()
        notes = transcribe(y, sr=SR, harmonic=True)
        cpu, wall = time.process_time() - t0, time.perf_counter() - w0
        dur = y.shape[1] / SR
        rates.append(cpu / dur)
        print(f"  {Path(path).name:28s} {dur:5.1f} s  {len(notes):5d} notes  CPU {cpu:5.2f} s "
              f"({cpu / dur:.3f} s/s)  wall {wall:5.2f} s")
    print(f"  mean CPU {np.mean(rates):.3f} s per second of audio")


def backing(seconds: float) -> None:
    import dataclasses

    from topline.music.style import resolve_controls
    from topline.production import produce

    from bench_production import instrumental, score, vocal  # the production benchmark's signals

    inst = instrumental(seconds)
    sc = score(seconds)
    voc = vocal(sc, inst.shape[1])
    ctl = resolve_controls(style="pop", style_weight=1.0, seed=3)
    plain = dataclasses.replace(ctl, profile=dataclasses.replace(ctl.profile, doubling=False, harmony=False))
    t0 = time.process_time()
    prod = produce(inst, voc, sr=SR, score=sc, controls=ctl)
    with_b = time.process_time() - t0
    t0 = time.process_time()
    produce(inst, voc, sr=SR, score=sc, controls=plain)
    without = time.process_time() - t0
    lead = prod.vocal_stem - prod.backing_stem
    err = float(np.max(np.abs(lead + prod.backing_stem - prod.vocal_stem)))
    share = 10 * np.log10(np.mean(prod.backing_stem ** 2) / np.mean(prod.vocal_stem ** 2))
    print(f"produce, {seconds:g} s, pop: CPU {with_b:.2f} s with backing voices and their stem, {without:.2f} s "
          f"without backing voices; backing stem {share:.1f} dB under the vocal stem; lead+backing error {err:.1e}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--items", type=int, default=3)
    a = ap.parse_args()
    accuracy(a.items, a.seconds)
    speed(a.items, a.seconds)
    backing(a.seconds)


if __name__ == "__main__":
    main()
