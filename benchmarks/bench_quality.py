"""Benchmark the musician: analysis, melody fit, lyric fidelity, variants and speed on the corpus.

For every corpus item (see ``corpus.py``; generated on first use) the instrumental is decoded and
analysed, given lyrics are parsed, and both variants are composed, as the pipeline does.  Scored
against the item's ground truth with ``mir_eval`` and ``topline.music.score_io`` (the definitions of
``docs/quality`` / ``quality.md``):

- beat F, downbeat F: ``mir_eval.beat.f_measure`` (+-70 ms), all beats (no 5 s trim);
- key: MIREX weighted score (``mir_eval.key.weighted_score``);
- chords: ``majmin``, duration weighted over the whole corpus;
- sections: boundary F at +-3 s (``mir_eval.segment.detection``, start and end of the song trimmed);
- melody fit (in key, chord tones, on grid, phrases): ``score_io.melody_fit`` against the ground truth;
- lyric fidelity: the words of ``alignedWords`` equal the input words, in order (a whole section sung
  again, a returning chorus, allowed);
- variants: ``score_io.variant_similarity`` (share of same pitch at the same time);
- speed: CPU seconds (``time.process_time``) of analysis + both compositions per second of audio.

Run: ``python benchmarks/bench_quality.py [--n 16] [--heldout]``.  Writes ``results-quality.json`` in the
corpus folder (``benchmarks/.corpus/``, or ``benchmarks/.corpus-heldout/`` for the held-out set).
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
from common import (
    aligned_texts_once,
    beat_scores,
    chord_score,
    grid16,
    input_words,
    key_score,
    load_items,
    lyric_prompt,
    section_scores,
    snap_to_grid,
    truth_analysis,
)
import corpus

from topline.audio import decode_audio
from topline.music.analysis import analyse
from topline.music.compose import compose
from topline.music.score_io import aligned_words, melody_fit, variant_similarity
from topline.music.style import resolve_controls

try:
    from topline.music.lyrics import make_lyrics
except ImportError:  # older tree: parse the given lyrics directly
    make_lyrics = None
    from topline.music.lyrics.parse import parse_lyrics

TARGETS = [  # (figure, key in the summary, target text, pass test)
    ("beat F", "beat_F", ">= 0.93", lambda v: v >= 0.93),
    ("downbeat F", "downbeat_F", ">= 0.80", lambda v: v >= 0.80),
    ("key (MIREX weighted)", "key", ">= 0.90", lambda v: v >= 0.90),
    ("chords (majmin, duration weighted)", "chords", ">= 0.80", lambda v: v >= 0.80),
    ("sections (boundary F, +-3 s)", "sections_F", ">= 0.60", lambda v: v >= 0.60),
    ("melody in key", "in_key", ">= 0.95", lambda v: v >= 0.95),
    ("melody chord tones on strong beats", "chord_tones", ">= 0.70", lambda v: v >= 0.70),
    ("  same, onsets within 35 ms put on the true grid", "chord_tones_snapped", ">= 0.70", lambda v: v >= 0.70),
    ("rhythm on grid", "on_grid", ">= 0.95", lambda v: v >= 0.95),
    ("rhythm phrases", "phrases", ">= 0.90", lambda v: v >= 0.90),
    ("range singable (share of scores)", "singable", "100 %", lambda v: v >= 1.0),
    ("lyric fidelity (share of scores)", "fidelity", "100 %", lambda v: v >= 1.0),
    ("variants same pitch+time", "variant_similarity", "<= 0.50", lambda v: v <= 0.50),
    ("speed (CPU s per s, analysis+compose)", "speed", "<= 0.25 (whole task)", lambda v: v <= 0.25),
]


def lyrics_for(prompt: str, controls, duration: float):
    if make_lyrics is not None:
        return make_lyrics(prompt, controls=controls, duration=duration)
    return parse_lyrics(prompt)


def run_item(i: int, truth: dict, audio_path) -> dict:
    y, sr = decode_audio(str(audio_path), sr=44100)
    seconds = y.shape[-1] / sr
    prompt = lyric_prompt(truth["duration"], i)
    controls = resolve_controls(style="pop", seed=1000 + i, vocal_gender="mf"[i % 2])
    lyrics = lyrics_for(prompt, controls, seconds)

    t0 = time.process_time()
    est = analyse(y, sr=sr)
    t1 = time.process_time()
    scores = [compose(est, lyrics, controls=controls, variant=k) for k in (1, 2)]
    t2 = time.process_time()

    gt = truth_analysis(truth)
    fits = [melody_fit(s, gt) for s in scores]
    fits_snapped = [melody_fit(snap_to_grid(s, grid16(truth)), gt) for s in scores]
    words_in = input_words(prompt)
    fidelity = [aligned_texts_once(aligned_words(s, lyrics)) == words_in and all(
        w["success"] for w in aligned_words(s, lyrics)) for s in scores]  # fmt: skip
    chords_acc, chords_dur = chord_score(truth, est.chords)
    row = {
        "id": truth["id"],
        "meter": truth["meter"],
        "est_meter": est.meter,
        "tempo": truth["tempo"],
        "est_tempo": est.tempo,
        "key_truth": truth["key"],
        "key_est": est.key,
        **beat_scores(truth, est.beats, est.downbeats),
        "key": key_score(truth, est.key),
        "chords": chords_acc,
        "chords_scored_s": chords_dur,
        **{f"sections_{k}": v for k, v in section_scores(truth, est.sections).items()},
        "est_boundaries": [round(s, 2) for s, *_ in est.sections[1:]],
        "true_boundaries": [round(s, 2) for s, *_ in truth["sections"][1:]],
        "fit": fits,
        "fit_snapped": fits_snapped,
        "fidelity": fidelity,
        "variant_similarity": variant_similarity(*scores),
        "seconds": seconds,
        "cpu_analysis": t1 - t0,
        "cpu_compose": t2 - t1,
        "warnings": [w for s in scores for w in s.warnings],
    }
    return row


def summarise(rows: list[dict]) -> dict:
    fits = [f for r in rows for f in r["fit"]]
    total_s = sum(r["seconds"] for r in rows)
    w = np.array([r["chords_scored_s"] for r in rows])
    return {
        "items": len(rows),
        "beat_F": float(np.mean([r["beat_F"] for r in rows])),
        "downbeat_F": float(np.mean([r["downbeat_F"] for r in rows])),
        "key": float(np.mean([r["key"] for r in rows])),
        "chords": float(np.sum(w * np.array([r["chords"] for r in rows])) / max(w.sum(), 1e-9)),
        "sections_F": float(np.mean([r["sections_F"] for r in rows])),
        "sections_F_untrimmed": float(np.mean([r["sections_F_untrimmed"] for r in rows])),
        "in_key": float(np.mean([f["in_key"] for f in fits])),
        "chord_tones": float(np.mean([f["chord_tones"] for f in fits])),
        "chord_tones_snapped": float(np.mean([f["chord_tones"] for r in rows for f in r["fit_snapped"]])),
        "on_grid": float(np.mean([f["on_grid"] for f in fits])),
        "phrases": float(np.mean([f["phrases"] for f in fits])),
        "singable": float(np.mean([f["singable"] for f in fits])),
        "fidelity": float(np.mean([x for r in rows for x in r["fidelity"]])),
        "variant_similarity": float(np.mean([r["variant_similarity"] for r in rows])),
        "speed": float(sum(r["cpu_analysis"] + r["cpu_compose"] for r in rows) / total_s),
        "speed_analysis": float(sum(r["cpu_analysis"] for r in rows) / total_s),
        "speed_compose": float(sum(r["cpu_compose"] for r in rows) / total_s),
        "meter_accuracy": float(np.mean([r["meter"] == r["est_meter"] for r in rows])),
    }


def table(summary: dict) -> str:
    out = ["| figure | value | target | pass |", "|---|---|---|---|"]
    for name, key, target, ok in TARGETS:
        v = summary[key]
        out.append(f"| {name} | {v:.3f} | {target} | {'pass' if ok(v) else 'FAIL'} |")
    return "\n".join(out)


def per_item(rows: list[dict]) -> str:
    out = ["| item | meter (est) | BPM (est) | key truth / est | beat F (lag ms) | down F (bar off, beats) | chords | sect F | in key | chord t. (snapped) | grid | phr. | var. sim |",  # noqa: E501
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in rows:
        f = r["fit"]
        out.append(
            f"| {r['id']} | {r['meter']} ({r['est_meter']}) | {r['tempo']:.0f} ({r['est_tempo']:.0f}) | "
            f"{r['key_truth']} / {r['key_est']} | {r['beat_F']:.2f} ({r.get('beat_offset_ms', float('nan')):+.0f}) | {r['downbeat_F']:.2f} ({r.get('downbeat_offset_beats', float('nan')):.0f}) | {r['chords']:.2f} | "
            f"{r['sections_F']:.2f} | {np.mean([x['in_key'] for x in f]):.2f} | {np.mean([x['chord_tones'] for x in f]):.2f} ({np.mean([x['chord_tones'] for x in r['fit_snapped']]):.2f}) | "
            f"{np.mean([x['on_grid'] for x in f]):.2f} | {np.mean([x['phrases'] for x in f]):.2f} | {r['variant_similarity']:.2f} |"
        )  # fmt: skip
    return "\n".join(out)


def per_group(rows: list[dict]) -> str:
    """Mean analysis figures by source kind and by arrangement (where the misses cluster)."""
    out = ["| group | items | beat F | downbeat F | key | chords | sections F | on grid |", "|---|---|---|---|---|---|---|---|"]
    groups: dict[str, list[dict]] = {}
    for r in rows:
        kind, arr = r["id"].split("-")[1:3]
        groups.setdefault(kind, []).append(r)
        groups.setdefault(arr, []).append(r)
    for g, rs in groups.items():
        out.append(
            f"| {g} | {len(rs)} | {np.mean([r['beat_F'] for r in rs]):.2f} | {np.mean([r['downbeat_F'] for r in rs]):.2f} | "
            f"{np.mean([r['key'] for r in rs]):.2f} | {np.mean([r['chords'] for r in rs]):.2f} | "
            f"{np.mean([r['sections_F'] for r in rs]):.2f} | {np.mean([f['on_grid'] for r in rs for f in r['fit']]):.2f} |"
        )  # fmt: skip
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=16, help="number of corpus items")
    ap.add_argument("--heldout", action="store_true", help="the held-out set (corpus.py --heldout)")
    args = ap.parse_args()
    items = corpus.load(corpus.HELDOUT, args.n, heldout=True) if args.heldout else load_items(args.n)
    rows = []
    for i, (truth, path) in enumerate(items):
        r = run_item(i, truth, path)
        rows.append(r)
        print(f"{r['id']:24s} beatF {r['beat_F']:.2f} downF {r['downbeat_F']:.2f} key {r['key']:.2f} "
              f"chords {r['chords']:.2f} sectF {r['sections_F']:.2f} cpu {r['cpu_analysis'] + r['cpu_compose']:.1f}s",
              flush=True)  # fmt: skip
    summary = summarise(rows)
    print()
    print(per_item(rows))
    print()
    print(per_group(rows))
    print()
    print(table(summary))
    out = (corpus.HELDOUT if args.heldout else corpus.OUT) / "results-quality.json"
    out.write_text(json.dumps({"summary": summary, "items": rows}, indent=1, default=float))
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
