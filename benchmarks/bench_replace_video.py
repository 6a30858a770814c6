"""Benchmark replace-section and the lyric video on real produced recordings.

For each item (the free game soundtracks under /usr/share/games, ``--seconds`` of each): render
an add-vocals task, replace a ~10 s section with new lines, and print

- outside the span: the largest pre-master difference (must be 0) and the largest master
  difference (dB on samples above -40 dBFS, and in 16-bit steps), away from the limiter's reach;
- inside the span: the melody-fit figures of the new notes against the analysis, beside those of
  the old track's notes (the same composer: the same figures are expected);
- the vocal stem's level in the span, new against old (active RMS);
- CPU seconds of the replace and of the original task;
- the lyric video: CPU seconds per second of video (640x360, 24 fps, H.264 + AAC) and its size.

Run: ``python benchmarks/bench_replace_video.py [--items 2] [--seconds 30]``.
"""

from __future__ import annotations

import argparse
import io
import json
import time

import numpy as np
import soundfile as sf

from benchmarks.real_corpus import clip_bytes, real_items
from topline.music.score_io import melody_fit
from topline.music.types import Analysis, Score
from topline.pipeline import TaskSpec, run_task
from topline.production.chain import active_rms
from topline.replace import ReplaceSpec, replace_section
from topline.storage import LocalStorage
from topline.tasks.derive import mp4_result

LYRICS = ("[Verse]\nwalking down the road tonight\nevery window full of light\nshadows falling on the street\n"
          "[Chorus]\nhold on hold on\nwe are going home\nhold on hold on\nnever on our own\n"
          "[Verse]\nmorning comes across the river\ncarry me where rivers flow")
NEW = "silver trains are calling me\nnothing here is what it seems"


def _read(store, key):
    y, _ = sf.read(io.BytesIO(store.get(key)), dtype="float32", always_2d=True)
    return y.T


def _fit(notes, analysis):
    s = Score(variant=1, gender="m", seed=0, notes=notes, tempo=analysis.tempo, key=analysis.key)
    f = melody_fit(s, analysis)
    return {k: round(v, 3) for k, v in f.items() if isinstance(v, float)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=30.0)
    args = ap.parse_args()
    import tempfile

    for item in real_items(args.items):
        store = LocalStorage(tempfile.mkdtemp())
        store.put("in.wav", clip_bytes(item, seconds=args.seconds))
        spec = TaskSpec.build(task_id="src", audio_key="in.wav", prompt=LYRICS, title="Home", style="pop", seed=3)
        c0 = time.process_time()
        result = run_task(spec, store=store)
        task_cpu = time.process_time() - c0
        track = result.tracks[0].to_json()
        start, end = args.seconds * 0.3, args.seconds * 0.3 + 10.0
        rs = ReplaceSpec(task_id="new", audio_key="in.wav", analysis_key="tasks/src/analysis.json",
                         lyrics_key="tasks/src/lyrics.json", track=track, prompt=NEW, start=start, end=end)
        c0 = time.process_time()
        new, _, (a, b) = replace_section(rs, store=store, controls=spec.controls)
        rep_cpu = time.process_time() - c0
        sr = 44100
        i, j = int(round(a * sr)), int(round(b * sr))
        pre_old = _read(store, track["files"]["vocals"]) + _read(store, track["files"]["instrumental"])
        pre_new = _read(store, new.files["vocals"]) + _read(store, new.files["instrumental"])
        out = np.r_[np.arange(0, i), np.arange(j, pre_old.shape[1])]
        pre_diff = float(np.max(np.abs(pre_new[:, out] - pre_old[:, out])))
        m_old, m_new = _read(store, track["files"]["wav"]), _read(store, new.files["wav"])
        reach = int(0.1 * sr)
        far = np.r_[np.arange(0, max(0, i - reach)), np.arange(min(m_old.shape[1], j + reach), m_old.shape[1])]
        x, y = m_old[:, far], m_new[:, far]
        loud = np.abs(x) > 0.01
        db = float(np.max(np.abs(20 * np.log10(np.abs(y[loud]) / np.abs(x[loud]))))) if loud.any() else 0.0
        lsb = float(np.max(np.abs(x - y)) * 32768)
        v_old, v_new = _read(store, track["files"]["vocals"])[:, i:j], _read(store, new.files["vocals"])[:, i:j]
        level = 20 * np.log10(active_rms(v_new) / max(active_rms(v_old), 1e-12))
        analysis = Analysis.from_json(json.loads(store.get("tasks/src/analysis.json")))
        old_notes = Score.from_json(json.loads(store.get(track["files"]["score"]))).notes
        new_notes = [n for n in Score.from_json(json.loads(store.get(new.files["score"]))).notes if a <= n.start < b]
        print(f"{item.name[:40]:40s} span {a:.2f}-{b:.2f} s (asked {start:.2f}-{end:.2f})")
        print(f"  outside: pre-master max |diff| {pre_diff:.3g}; master max {db:.4f} dB, {lsb:.1f} LSB16")
        print(f"  vocal stem level in the span, new vs old: {level:+.2f} dB (active RMS)")
        print(f"  CPU: task {task_cpu:.1f} s, replace {rep_cpu:.1f} s")
        print(f"  melody fit, old track {_fit(old_notes, analysis)}")
        print(f"  melody fit, new lines {_fit(new_notes, analysis)} ({len(new_notes)} notes)")
        c0, w0 = time.process_time(), time.perf_counter()
        r = mp4_result(store, prefix="tasks/v/", index=0, track=new.to_json())
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        print(f"  video: {new.duration:.1f} s -> {cpu:.2f} CPU s ({cpu / new.duration:.3f} CPU s per s of video, "
              f"wall {wall:.1f} s), {r['bytes'] / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
