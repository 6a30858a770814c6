"""Sing stored bench_sing tasks again with the current voice and measure the stem's pitch.

A quick loop for work on the sung F0: reads each task folder ``bench_sing.py`` kept
(``benchmarks/.corpus/sing/LABEL``: the instrumental, each variant's score and the task's style,
gender and seed), sings the score with the current ``topline.voice.sing``, produces the stem with
``topline.production.produce`` and gives the stem's (and the dry vocal's) pitch figures, with the
off frames classified as ``pitch_offframes.py`` does.  No recogniser, no composing: the scores are
the stored ones, so two voices are compared on the very same melodies.  WER and timing still need
a full ``bench_sing.py`` run.

Run: ``python benchmarks/pitch_rerender.py LABEL [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from common import by_material  # noqa: E402
import pitch_offframes as po  # noqa: E402
import vocal_metrics as vm  # noqa: E402

from topline.audio import decode_audio  # noqa: E402
from topline.music.style import resolve_controls  # noqa: E402
from topline.music.types import Score  # noqa: E402
from topline.pipeline import SR  # noqa: E402
from topline.production import produce  # noqa: E402
from topline.voice import kokoro_model, phonemes, render_cache, sing  # noqa: E402
from topline.voice.voices import VOICES  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("label")
    ap.add_argument("--limit", type=int, default=99, help="at most this many task folders")
    ap.add_argument("--only", default="", help="only folders whose name contains this")
    args = ap.parse_args()
    root = corpus.OUT / "sing" / args.label
    total: Counter = Counter()
    states: Counter = Counter()
    frames = 0
    rows = []
    cpu = 0.0
    for meta_path in sorted(root.glob("*/meta.json"))[: args.limit]:
        if args.only not in meta_path.parent.name:
            continue
        meta = json.loads(meta_path.read_text())
        folder = meta_path.parent
        audio = decode_audio((folder / "uploads" / "in.wav").read_bytes(), sr=SR)[0]
        controls = resolve_controls(seed=meta["seed"], title="Benchmark", style=meta["style"],
                                    vocal_gender=meta["gender"])  # fmt: skip
        render_cache().clear()
        for track in meta["tracks"]:
            files = track["files"]
            score = Score.from_json(json.loads((folder / files["score"]).read_text()))
            c0 = time.process_time()
            dry = sing(score, controls=controls, sr=SR)
            cpu += time.process_time() - c0
            prod = produce(audio, dry, sr=SR, score=score, controls=controls)
            f0, t = vm.f0_track(prod.vocal_stem, SR)
            f0d, _ = vm.f0_track(dry, SR)
            n = min(f0.size, f0d.size)
            voice = VOICES.get(track.get("voice") or "")
            plan = phonemes.plan(score.notes, id_map=kokoro_model.VOCAB,
                                 frame_s=kokoro_model.FRAME / kokoro_model.SAMPLE_RATE,
                                 accent=voice.accent if voice else "us")  # fmt: skip
            res = po.classify(f0[:n], f0d[:n], t[:n], score.notes, plan)
            c = Counter(r[0] for r in res)
            total.update(c)
            states.update((r[0], r[1]) for r in res)
            frames += len(res)
            ps = vm.pitch_figures(f0, t, score.notes)
            pd = vm.pitch_figures(f0d, t[: f0d.size], score.notes)
            rows.append((meta["kind"], meta["gender"], ps["median_cents"], ps["within_50c"], pd["median_cents"], pd["within_50c"]))
            top = ", ".join(f"{k} {100 * v / len(res):.1f}" for k, v in c.most_common(6) if k != "ok")
            print(f"  {meta['id'][:24]:24s} {meta['gender']} v{track['variant']} stem {ps['median_cents']:5.1f} c "
                  f"{100 * ps['within_50c']:4.1f} % | dry {pd['median_cents']:5.1f} c {100 * pd['within_50c']:4.1f} % | {top}",
                  flush=True)  # fmt: skip
    print(f"sing CPU {cpu:.1f} s")
    for kind, g, sel in by_material(rows, key=lambda r: (r[0], r[1])):
        print(f"  {kind} {g}: stem median {np.median([r[2] for r in sel]):.1f} c, within {100 * np.median([r[3] for r in sel]):.0f} %"
              f" | dry {np.median([r[4] for r in sel]):.1f} c {100 * np.median([r[5] for r in sel]):.0f} %")  # fmt: skip
    print(po.report(total, frames, dry=states))


if __name__ == "__main__":
    main()
