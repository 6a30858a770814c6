"""Benchmark the whole task: singing, range, mix and cost figures of ``quality.md`` on corpus items.

Each item runs ``topline.pipeline.run_task`` (both variants) on a ``LocalStorage`` in a temporary
folder, then the deliverables are measured:

- pitch: pyworld harvest F0 of the vocal stem (``track-k.vocals.wav``, as it sits in the mix:
  reverb, doubles and chorus harmony included) and of the dry vocal (``track-k.dry.flac``) against
  the score, on voiced frames inside notes: median |cents| and share within 50 cents;
- timing: (a) for each syllable's note, the distance from its start to the nearest voiced onset
  (unvoiced -> voiced frame) within 100 ms, median over the notes that have one (a stand-in for the
  vowel onset: legato joins through voiced consonants have no voiced onset and are not counted);
  (b) as ``bench_voice.py``: the strongest spectral-flux onset within 100 ms, on the dry vocal;
- gender: median F0 of the vocal stem; the items alternate ``vocal_gender`` "m" and "f";
- range: ``score_io.melody_fit(...)["singable"]`` (in range, no leap over an octave, <= 10 % above
  the passaggio);
- loudness: integrated loudness (pyloudnorm) and true peak (4x oversampled) of the mastered WAV;
- balance: loudness of the vocal stem minus loudness of the instrumental stem;
- stems: ``vocals.wav + instrumental.wav`` (as delivered) against the pre-master mix.  The pipeline
  does not store the pre-master, so the bench wraps ``pipeline.produce`` to keep each
  ``Production`` it returns; the delivered stems are also compared with the mastered WAV, which
  differs by the master bus (limiter, loudness gain);
- cost: CPU seconds (``time.process_time``, all threads) of ``run_task`` per second of
  instrumental, split by pipeline step, and peak memory (``ru_maxrss``).

Run: ``python benchmarks/bench_sing.py [--n 2] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pyloudnorm
import soundfile as sf
from common import input_words, load_items, lyric_prompt, truth_analysis
import corpus

from topline.audio import decode_audio
from topline.music.score_io import melody_fit
from topline.music.types import Score
from bench_voice import onset_errors
from topline import pipeline
from topline.pipeline import SR, TaskSpec, run_task
from topline.production import produce
from topline.production.master import true_peak_db
from topline.storage import LocalStorage
from topline.voice.world import pyworld

F0_SR = 16000  # harvest is run on a 16 kHz copy (cheaper; F0 is far below 8 kHz)


def _mono16k(y: np.ndarray, sr: int) -> np.ndarray:
    from scipy.signal import resample_poly

    x = y.mean(axis=0) if y.ndim == 2 else y
    g = np.gcd(sr, F0_SR)
    return resample_poly(x.astype(np.float64), F0_SR // g, sr // g)


def f0_track(y: np.ndarray, sr: int) -> tuple[np.ndarray, np.ndarray]:
    pw = pyworld()
    x = _mono16k(y, sr)
    return pw.harvest(x, F0_SR, f0_floor=60.0, f0_ceil=1000.0, frame_period=5.0)


def pitch_figures(f0: np.ndarray, t: np.ndarray, score: Score) -> dict:
    errs = []
    for n in score.notes:
        sel = (t >= n.start) & (t < n.end) & (f0 > 0)
        ref = 440.0 * 2 ** ((n.midi - 69) / 12)
        errs.append(1200 * np.abs(np.log2(f0[sel] / ref)))
    e = np.concatenate(errs) if errs else np.zeros(0)
    return {
        "median_cents": float(np.median(e)) if e.size else float("nan"),
        "within_50c": float(np.mean(e <= 50)) if e.size else 0.0,
        "frames": int(e.size),
    }


def timing_figures(f0: np.ndarray, t: np.ndarray, score: Score) -> dict:
    voiced = f0 > 0
    onsets = t[1:][voiced[1:] & ~voiced[:-1]]
    d = []
    syllables = [n for n in score.notes if not n.tie]
    for n in syllables:
        if onsets.size == 0:
            break
        j = int(np.argmin(np.abs(onsets - n.start)))
        if abs(onsets[j] - n.start) <= 0.1:
            d.append(abs(onsets[j] - n.start))
    return {
        "median_ms": float(1000 * np.median(d)) if d else float("nan"),
        "notes_with_onset": len(d),
        "notes": len(syllables),
    }


def lufs(y: np.ndarray, sr: int) -> float:
    return float(pyloudnorm.Meter(sr).integrated_loudness(np.asarray(y, dtype=np.float64).T))


def read_wav(store: LocalStorage, key: str) -> np.ndarray:
    y, _ = sf.read(io.BytesIO(store.get(key)), dtype="float32", always_2d=True)
    return y.T


def run_item(i: int, truth: dict, audio_path: Path, root: Path) -> dict:
    store = LocalStorage(root)
    store.put("uploads/in.flac", audio_path.read_bytes())
    gender = "mf"[i % 2]
    prompt = lyric_prompt(truth["duration"], i)
    spec = TaskSpec.build(task_id=f"bench{i}", audio_key="uploads/in.flac", prompt=prompt, title="Benchmark",
                          style="pop", vocal_gender=gender, seed=1000 + i)  # fmt: skip
    # Instrumentation: keep each Production the pipeline makes (its pre-master is not stored),
    # and the CPU time of each step.
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
            kind = name.split()[0]
            steps[kind] = steps.get(kind, 0.0) + time.process_time() - started.pop(name)

    pipeline.produce = recording_produce
    try:
        c0 = time.process_time()
        w0 = time.perf_counter()
        result = run_task(spec, store=store, on_step=on_step)
        cpu = time.process_time() - c0
        wall = time.perf_counter() - w0
    finally:
        pipeline.produce = produce
    seconds = decode_audio(audio_path.read_bytes(), sr=SR)[0].shape[-1] / SR
    gt = truth_analysis(truth)
    row: dict = {"id": truth["id"], "gender": gender, "seconds": seconds, "cpu": cpu, "wall": wall,
                 "cpu_steps": steps, "variants": []}  # fmt: skip
    for track, prod in zip(result.tracks, productions):
        k = track.variant
        files = track.files
        score = Score.from_json(json.loads(store.get(files["score"])))
        vocals = read_wav(store, files["vocals"])
        instrumental = read_wav(store, files["instrumental"])
        mix = read_wav(store, files["wav"])
        dry, _ = sf.read(io.BytesIO(store.get(spec.prefix + f"track-{k}.dry.flac")), dtype="float32")

        f0s, ts = f0_track(vocals, SR)
        f0d, td = f0_track(dry, SR)
        voiced = f0s[f0s > 0]
        n = min(vocals.shape[1], instrumental.shape[1], prod.premaster.shape[1])
        stems_vs_premaster = float(np.max(np.abs(vocals[:, :n] + instrumental[:, :n] - prod.premaster[:, :n])))
        stems_vs_recomputed = float(np.max(np.abs(prod.vocal_stem + prod.instrumental_stem - prod.premaster)))
        m = min(n, mix.shape[1])
        stems_vs_master = float(np.max(np.abs(vocals[:, :m] + instrumental[:, :m] - mix[:, :m])))
        fit = melody_fit(score, gt)
        aligned = json.loads(store.get(files["lyrics"]))
        row["variants"].append({
            "variant": k,
            "notes": len(score.notes),
            "pitch_stem": pitch_figures(f0s, ts, score),
            "pitch_dry": pitch_figures(f0d, td, score),
            "timing_stem": timing_figures(f0s, ts, score),
            "timing_dry": timing_figures(f0d, td, score),
            "timing_flux_dry_ms": float(1000 * np.median(onset_errors(dry, SR, score))),
            "median_f0": float(np.median(voiced)) if voiced.size else float("nan"),
            "singable": fit["singable"], "in_range": fit["in_range"], "max_leap": fit["max_leap"],
            "above_passaggio": fit["above_passaggio"],
            "lufs": lufs(mix, SR),
            "true_peak_db": float(true_peak_db(mix)),
            "lufs_mp3": lufs(decode_audio(store.get(files["mp3"]), sr=SR)[0], SR),
            "balance_lu": lufs(vocals, SR) - lufs(instrumental, SR),
            "stems_vs_premaster": stems_vs_premaster,
            "stems_vs_premaster_in_memory": stems_vs_recomputed,
            "stems_vs_mastered_wav": stems_vs_master,
            "fidelity": [w["word"].split("\n")[-1] for w in aligned] == input_words(prompt),
        })  # fmt: skip
    return row


def gender_ok(v: dict, gender: str) -> bool:
    lo, hi = (85.0, 200.0) if gender == "m" else (165.0, 420.0)
    return lo <= v["median_f0"] <= hi


def report(rows: list[dict]) -> tuple[str, dict]:
    vs = [(r, v) for r in rows for v in r["variants"]]
    pitch_med = float(np.median([v["pitch_stem"]["median_cents"] for _, v in vs]))
    within = float(np.mean([v["pitch_stem"]["within_50c"] for _, v in vs]))
    pitch_med_dry = float(np.median([v["pitch_dry"]["median_cents"] for _, v in vs]))
    within_dry = float(np.mean([v["pitch_dry"]["within_50c"] for _, v in vs]))
    timing = float(np.nanmedian([v["timing_stem"]["median_ms"] for _, v in vs]))
    timing_dry = float(np.nanmedian([v["timing_dry"]["median_ms"] for _, v in vs]))
    timing_flux = float(np.median([v["timing_flux_dry_ms"] for _, v in vs]))
    covered = sum(v["timing_stem"]["notes_with_onset"] for _, v in vs) / max(sum(v["timing_stem"]["notes"] for _, v in vs), 1)
    total = sum(r["seconds"] for r in rows)
    step_cpu = {}
    for r in rows:
        for k, c in r["cpu_steps"].items():
            step_cpu[k] = step_cpu.get(k, 0.0) + c / total
    genders = {g: [round(v["median_f0"], 1) for r, v in vs if r["gender"] == g] for g in "mf"}
    g_ok = float(np.mean([gender_ok(v, r["gender"]) for r, v in vs]))
    sing = float(np.mean([v["singable"] for _, v in vs]))
    lufs_v = [v["lufs"] for _, v in vs]
    tp = [v["true_peak_db"] for _, v in vs]
    bal = [v["balance_lu"] for _, v in vs]
    stems = max(v["stems_vs_premaster"] for _, v in vs)
    stems_master = max(v["stems_vs_mastered_wav"] for _, v in vs)
    speed = sum(r["cpu"] for r in rows) / sum(r["seconds"] for r in rows)
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    s = {
        "pitch_median_cents": pitch_med, "pitch_within_50c": within,
        "pitch_median_cents_dry": pitch_med_dry, "pitch_within_50c_dry": within_dry,
        "timing_ms": timing, "timing_ms_dry": timing_dry, "timing_flux_ms_dry": timing_flux,
        "timing_coverage": covered, "speed_by_step": step_cpu, "gender_f0": genders, "gender_ok": g_ok,
        "singable": sing, "lufs": lufs_v, "true_peak_db": tp, "balance_lu": bal,
        "stems_max_error": stems, "stems_vs_mastered_wav": stems_master, "speed": speed, "peak_rss_mb": maxrss_mb,
    }  # fmt: skip
    rng = lambda xs: f"{min(xs):.2f} .. {max(xs):.2f}"  # noqa: E731
    lines = [
        "| figure | value | target | pass |",
        "|---|---|---|---|",
        f"| pitch median error (vocal stem) | {pitch_med:.1f} c | <= 20 c | {'pass' if pitch_med <= 20 else 'FAIL'} |",
        f"| pitch frames within 50 c (vocal stem) | {100 * within:.1f} % | >= 85 % | {'pass' if within >= 0.85 else 'FAIL'} |",
        f"| pitch median error (dry vocal) | {pitch_med_dry:.1f} c | (info) | |",
        f"| pitch frames within 50 c (dry vocal) | {100 * within_dry:.1f} % | (info) | |",
        f"| timing, note start to voiced onset (stem; {100 * covered:.0f} % of notes have one) | {timing:.1f} ms | <= 30 ms | {'pass' if timing <= 30 else 'FAIL'} |",
        f"| timing (dry vocal) | {timing_dry:.1f} ms | (info) | |",
        f"| timing, spectral-flux onset (dry vocal, as bench_voice) | {timing_flux:.1f} ms | <= 30 ms | {'pass' if timing_flux <= 30 else 'FAIL'} |",
        f"| gender median F0 (m / f) | {genders['m']} / {genders['f']} Hz | m 85-200, f 165-420 | {'pass' if g_ok == 1 else 'FAIL'} |",
        f"| range singable | {100 * sing:.0f} % | 100 % | {'pass' if sing == 1 else 'FAIL'} |",
        f"| mix loudness | {rng(lufs_v)} LUFS | -14 +- 1 | {'pass' if all(abs(x + 14) <= 1 for x in lufs_v) else 'FAIL'} |",
        f"| mix true peak | {max(tp):.2f} dBTP (max) | <= -1 | {'pass' if max(tp) <= -1 else 'FAIL'} |",
        f"| balance vocal - instrumental | {rng(bal)} LU | -3 .. +3 | {'pass' if all(-3 <= x <= 3 for x in bal) else 'FAIL'} |",
        f"| stems sum vs pre-master (max abs) | {stems:.2e} | <= 1e-3 | {'pass' if stems <= 1e-3 else 'FAIL'} |",
        f"| stems sum vs mastered WAV (max abs) | {stems_master:.2e} | (info: master bus) | |",
        f"| speed, whole task | {speed:.3f} CPU s / s | <= 0.25 | {'pass' if speed <= 0.25 else 'FAIL'} |",
        f"| speed by step | {', '.join(f'{k} {v:.3f}' for k, v in step_cpu.items())} | (CPU s / s) | |",
        f"| peak memory | {maxrss_mb:.0f} MB | (info) | |",
    ]  # fmt: skip
    return "\n".join(lines), s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2, help="number of corpus items (genders alternate m, f)")
    ap.add_argument("--keep", type=Path, default=None, help="keep the task folders here")
    args = ap.parse_args()
    items = load_items(max(args.n, 1))
    rows = []
    for i, (truth, path) in enumerate(items[: args.n]):
        root = Path(tempfile.mkdtemp(prefix="topline-bench-"))
        try:
            row = run_item(i, truth, path, root)
        finally:
            if args.keep:
                shutil.copytree(root, args.keep / truth["id"], dirs_exist_ok=True)
            shutil.rmtree(root, ignore_errors=True)
        rows.append(row)
        print(f"{row['id']:24s} {row['gender']} cpu {row['cpu']:.1f} s wall {row['wall']:.1f} s "
              f"for {row['seconds']:.1f} s", flush=True)  # fmt: skip
        for v in row["variants"]:
            print("   ", json.dumps(v, default=float))
    text, summary = report(rows)
    print()
    print(text)
    out = corpus.OUT / "results-sing.json"
    out.write_text(json.dumps({"summary": summary, "items": rows}, indent=1, default=float))
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
