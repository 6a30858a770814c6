"""Benchmark the listening alone: beats, downbeats, key (with its confidence), chords and sections.

On the rendered corpus (``corpus.py``) and, with ``--heldout``, on the held-out set made from other
pieces, tempos and arrangements (``corpus.py --heldout``), or with ``--validation`` on the third set
nobody tunes on (``corpus.py --validation``: measure it before and after a change, not while tuning), or
with ``--fresh`` on a fourth set made only to check a change (``corpus.py --fresh``), or with
``--chorales34`` on the chorale tuning set (``corpus.py --chorales34``), or with ``--triple`` on the 3/4
tuning set (``corpus.py --triple``: 3/4 chorales and quartet movements no other set uses), scored as in
``bench_quality.py`` (``mir_eval``: beat/downbeat F at +-70 ms, MIREX key, chords majmin duration weighted, section
boundary F at +-3 s trimmed; the beats' median lag against the true ones, for diagnosis).  ``--real``
instead prints, for reading, what the analysis hears on the real produced recordings of
``real_corpus.py`` (no ground truth): tempo, meter, where the beats sit against the attack starts
(``beats_to_attacks``) and the bar length and first bar line, key and confidence, chord count, labels and
longest chord, sections and their labels.

Run: ``python benchmarks/bench_analysis.py [--n 16] [--heldout | --validation | --fresh | --chorales34 | --triple]
[--real] [--only ID]``.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from common import beat_scores, chord_score, key_score, section_scores
import corpus

from topline.audio import decode_audio
from topline.music.analysis import analyse


def score_corpus(
    n: int | None,
    *,
    heldout: bool,
    validation: bool,
    only: str | None,
    fresh: bool = False,
    chorales34: bool = False,
    triple: bool = False,
) -> None:
    out = (corpus.TRIPLE if triple else corpus.CHORALES34 if chorales34 else corpus.FRESH if fresh
           else corpus.VALIDATION if validation else corpus.HELDOUT if heldout else corpus.OUT)  # fmt: skip
    items = corpus.load(out, n, heldout=heldout, validation=validation, fresh=fresh, chorales34=chorales34,
                        triple=triple)  # fmt: skip
    rows = []
    for truth, path in items:
        if only and only not in truth["id"]:
            continue
        y, sr = decode_audio(str(path), sr=44100)
        t0 = time.process_time()
        est = analyse(y, sr=sr)
        cpu = time.process_time() - t0
        acc, dur = chord_score(truth, est.chords)
        r = {
            "id": truth["id"], "meter": truth["meter"], "est_meter": est.meter,
            **beat_scores(truth, est.beats, est.downbeats),
            "key": key_score(truth, est.key), "key_truth": truth["key"], "key_est": est.key,
            "key_conf": est.key_confidence, "mode_conf": est.mode_confidence,
            "chords": acc, "chords_s": dur, "n_chords": len(est.chords),
            "n_true": len(truth["chords"]), "sections_F": section_scores(truth, est.sections)["F"],
            "est_sect": [(round(s, 1), lab) for s, _, lab, _ in est.sections],
            "true_sect": [(round(s, 1), lab) for s, _, lab in truth["sections"]],
            "seconds": y.shape[-1] / sr, "cpu": cpu,
        }
        rows.append(r)
        print(f"{r['id']:22s} {r['meter']}({r['est_meter']}) beatF {r['beat_F']:.2f} lag {r.get('beat_offset_ms', 0.0):+.0f}ms downF {r['downbeat_F']:.2f} "
              f"key {r['key']:.2f} ({r['key_truth']} / {r['key_est']} k{r['key_conf']:.2f} m{r['mode_conf']:.2f}) "
              f"chords {r['chords']:.2f} ({r['n_chords']} vs {r['n_true']}) sectF {r['sections_F']:.2f} "
              f"{r['est_sect']} | {r['true_sect']}", flush=True)  # fmt: skip
    if not rows:
        return
    w = np.array([r["chords_s"] for r in rows])
    meters = sorted({r["meter"] for r in rows})
    print()
    print(f"items {len(rows)}  beat F {np.mean([r['beat_F'] for r in rows]):.3f}  "
          f"downbeat F {np.mean([r['downbeat_F'] for r in rows]):.3f}  "
          + "  ".join(f"[{m}] {np.mean([r['downbeat_F'] for r in rows if r['meter'] == m]):.3f}" for m in meters)
          + f"  |beat lag| {np.mean([abs(r.get('beat_offset_ms', 0.0)) for r in rows]):.1f} ms"
          + f" (over 35 ms: {sum(abs(r.get('beat_offset_ms', 0.0)) > 35 for r in rows)})"
          + f"  key {np.mean([r['key'] for r in rows]):.3f}"
          f"  chords {np.sum(w * np.array([r['chords'] for r in rows])) / w.sum():.3f}"
          f"  sections F {np.mean([r['sections_F'] for r in rows]):.3f}"
          f"  speed {sum(r['cpu'] for r in rows) / sum(r['seconds'] for r in rows):.4f} CPU-s/s")  # fmt: skip


def beats_to_attacks(y: np.ndarray, beats: list, *, sr: int = 44100) -> tuple[float, float]:
    """(median offset in s, share of beats) of the nearest attack start to each beat, from librosa's
    onset detector backtracked to the start of each rise: a check without ground truth that beats
    sit on the note starts (a negative offset: the attacks begin before the beats)."""
    import librosa

    mono = np.asarray(y, dtype=np.float32)
    mono = mono.mean(axis=0) if mono.ndim == 2 else mono
    env = librosa.onset.onset_strength(y=mono, sr=sr, hop_length=128, n_fft=1024)
    on = librosa.onset.onset_detect(onset_envelope=env, sr=sr, hop_length=128, backtrack=True, units="time")
    b = np.asarray(beats, dtype=float)
    if on.size == 0 or b.size == 0:
        return 0.0, 0.0
    d = on[np.abs(on[None, :] - b[:, None]).argmin(axis=1)] - b
    near = np.abs(d) < 0.05
    return (float(np.median(d[near])) if near.any() else 0.0), float(near.mean())


def read_real(n: int | None, seconds: float) -> None:
    import real_corpus

    total_cpu = total_s = 0.0
    for item in real_corpus.real_items(n):
        y = real_corpus.load_clip(item, seconds=seconds)
        t0 = time.process_time()
        est = analyse(y, sr=44100)
        total_cpu += time.process_time() - t0
        total_s += y.shape[-1] / 44100
        to_onset, hit = beats_to_attacks(y, est.beats)
        longest = max(est.chords, key=lambda c: c[1] - c[0])
        labels = sorted({lab for *_, lab in est.chords})
        print(f"\n{item.name}: {est.tempo:.0f} BPM {est.meter}, key {est.key} (confidence {est.key_confidence:.2f}, "
              f"mode {est.mode_confidence:.2f}), {len(est.chords)} chord segments, {len(labels)} labels, "
              f"longest {longest[2]} {longest[1] - longest[0]:.1f} s")  # fmt: skip
        print(f"  beats to attack starts: median {1000 * to_onset:+.1f} ms, {100 * hit:.0f} % of beats within 50 ms of one; "
              f"bars of {np.median(np.diff(est.downbeats)) if len(est.downbeats) > 1 else 0:.2f} s from {est.downbeats[0] if est.downbeats else 0:.2f} s")  # fmt: skip
        print("  chords: " + " ".join(f"{lab}@{s:.1f}" for s, _, lab in est.chords))
        print("  sections: " + " ".join(f"{lab}[{s:.1f}-{e:.1f} e{en:.2f}]" for s, e, lab, en in est.sections))
    if total_s:
        print(f"\nspeed {total_cpu / total_s:.4f} CPU-s per s of audio")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=None, help="items (default: all of the set; 16 real clips)")
    sets = ap.add_mutually_exclusive_group()
    sets.add_argument("--heldout", action="store_true", help="the held-out rendered set")
    sets.add_argument("--validation", action="store_true", help="the validation set (nobody tunes on it)")
    sets.add_argument("--fresh", action="store_true", help="the fresh set (for checking a change only)")
    sets.add_argument("--chorales34", action="store_true", help="the chorale tuning set (3/4 and 4/4)")
    sets.add_argument("--triple", action="store_true", help="the 3/4 tuning set (chorales, quartets; 4/4 controls)")
    ap.add_argument("--real", action="store_true", help="read the analysis of the real recordings")
    ap.add_argument("--seconds", type=float, default=45.0, help="clip length for --real")
    ap.add_argument("--only", default=None, help="items whose id contains this")
    args = ap.parse_args()
    if args.real:
        read_real(args.n or 16, args.seconds)
    else:
        score_corpus(args.n, heldout=args.heldout, validation=args.validation, only=args.only, fresh=args.fresh,
                     chorales34=args.chorales34, triple=args.triple)  # fmt: skip


if __name__ == "__main__":
    main()
