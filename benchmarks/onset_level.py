"""Phrase-initial onset consonants against the same consonants inside phrases, on stored dry vocals.

Reads the task folders ``bench_sing.py`` keeps (``benchmarks/.corpus/sing/LABEL``) and plans each
track's score again (``phonemes.plan``, as ``sing`` does).  For every onset consonant placed before
its vowel it measures, on the stored dry vocal, over the consonant's planned span: its level
(broadband and 2-8 kHz, dB under the track's median vowel level, the vowels' middle halves) and how
long of it sounds (5 ms frames within ``FLOOR_DB`` of that level).  Consonants are split into
*initial* (a phrase's first syllable, after a rest) and *medial* (any later syllable's onset);
prints, per gender and consonant, the medians of both and their difference.

``--sing`` sings the stored scores again with the current voice (as ``dry_rerender.py``) and
measures that instead of the stored dry vocal.

Run: ``python benchmarks/onset_level.py LABEL [LABEL ...] [--root DIR] [--list] [--sing]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import soundfile as sf
from scipy import signal

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

from topline.music.style import resolve_controls  # noqa: E402
from topline.music.types import Score  # noqa: E402
from topline.pipeline import SR  # noqa: E402
from topline.voice import kokoro_model, phonemes, sing  # noqa: E402

#: A 5 ms frame within this many dB of the median vowel level counts as sounding.
FLOOR_DB = 30.0
HOP_S = 0.005


def _levels(x: np.ndarray, sr: int) -> tuple[np.ndarray, np.ndarray]:
    """Per 5 ms frame (10 ms window): broadband and 2-8 kHz power in dB."""
    hop, win = int(HOP_S * sr), int(2 * HOP_S * sr)
    sos = signal.butter(4, (2000, 8000), btype="bandpass", fs=sr, output="sos")
    hi = signal.sosfilt(sos, x)
    n = max((x.size - win) // hop + 1, 0)
    idx = np.arange(n)[:, None] * hop + np.arange(win)[None, :]
    return (10 * np.log10(np.mean(x[idx] ** 2, axis=1) + 1e-20),
            10 * np.log10(np.mean(hi[idx] ** 2, axis=1) + 1e-20))  # fmt: skip


def track_onsets(dry: np.ndarray, sr: int, score: Score) -> list[dict]:
    """One row per onset consonant: its phoneme, position, planned length and measured levels."""
    broad, high = _levels(dry, sr)
    frame = lambda t: int(np.clip(round(t / HOP_S - 1), 0, broad.size - 1))  # noqa: E731 (window centre)
    plan = phonemes.plan(sorted(score.notes, key=lambda n: n.start), id_map=kokoro_model.VOCAB,
                         frame_s=kokoro_model.FRAME / kokoro_model.SAMPLE_RATE)  # fmt: skip
    vowels = [broad[frame(u.start + 0.25 * (u.end - u.start)) : frame(u.end - 0.25 * (u.end - u.start)) + 1]
              for p in plan for u in p.units if u.vowel and not u.glide]  # fmt: skip
    ref = float(np.median(np.concatenate([v for v in vowels if v.size]))) if vowels else 0.0
    rows = []
    for p in plan:
        for i, syl in enumerate(p.syllables):
            onset = [u for u in p.units if u.syllable == i and not u.vowel and u.start < syl.start - 1e-6]
            for k, u in enumerate(onset):
                a, b = frame(u.start), max(frame(u.end), frame(u.start) + 1)
                rows.append({"ph": u.arpabet, "initial": i == 0, "first": k == 0, "len": u.end - u.start,
                             "db": float(np.max(broad[a:b]) - ref), "hi": float(np.max(high[a:b]) - ref),
                             "mean": float(10 * np.log10(np.mean(10 ** (broad[a:b] / 10))) - ref),
                             "sounding": float(np.sum(broad[a:b] >= ref - FLOOR_DB) * HOP_S),
                             "t": u.start, "syl": syl.notes[0].syllable})  # fmt: skip
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="*")
    ap.add_argument("--root", type=Path, action="append", default=[])
    ap.add_argument("--list", action="store_true", help="print every phrase-initial onset")
    ap.add_argument("--sing", action="store_true", help="sing the scores again with the current voice")
    args = ap.parse_args()
    folders = [f for r in args.root for f in sorted(r.iterdir())]
    folders += [f for lab in args.labels for f in sorted((corpus.OUT / "sing" / lab).iterdir())]
    rows = defaultdict(list)
    for folder in folders:
        if not (folder / "meta.json").exists():
            continue
        meta = json.loads((folder / "meta.json").read_text())
        for track in meta["tracks"]:
            files = track["files"]
            score = Score.from_json(json.loads((folder / files["score"]).read_text()))
            if args.sing:
                controls = resolve_controls(seed=meta["seed"], title="Benchmark", style=meta["style"],
                                            vocal_gender=meta["gender"])  # fmt: skip
                dry, sr = sing(score, controls=controls, sr=SR)[:, None], SR
            else:
                dry, sr = sf.read(str(folder / files["dry"]), dtype="float32", always_2d=True)
            for r in track_onsets(dry.mean(axis=1), sr, score):
                r["track"] = f"{meta['id']}/{track['variant']}"
                rows[meta["gender"]].append(r)
                if args.list and r["initial"]:
                    print(f"  {meta['gender']} {r['track']:28s} {r['t']:7.2f} {r['syl']:>10s} {r['ph']:3s} "
                          f"len {1000 * r['len']:3.0f} ms  peak {r['db']:6.1f}  hi {r['hi']:6.1f}  sounding {1000 * r['sounding']:3.0f} ms")  # fmt: skip
    print(f"{'g':2s} {'ph':3s} {'n ini/med':>10s} {'peak dB ini/med':>17s} {'mean dB':>15s} {'2-8k dB':>15s} "
          f"{'planned ms':>11s} {'sounding ms':>12s}")  # fmt: skip
    for g, rs in sorted(rows.items()):
        for ph in sorted({r["ph"] for r in rs} | {"all"}):
            ini = [r for r in rs if r["initial"] and r["first"] and ph in ("all", r["ph"])]
            med = [r for r in rs if not r["initial"] and r["first"] and ph in ("all", r["ph"])]
            if len(ini) < 3 or len(med) < 3:
                continue
            m = lambda xs, key: float(np.median([x[key] for x in xs]))  # noqa: E731
            print(f"{g:2s} {ph:3s} {len(ini):4d}/{len(med):<5d} {m(ini, 'db'):7.1f}/{m(med, 'db'):<7.1f} "
                  f"{m(ini, 'mean'):7.1f}/{m(med, 'mean'):<7.1f} {m(ini, 'hi'):7.1f}/{m(med, 'hi'):<7.1f} "
                  f"{1000 * m(ini, 'len'):4.0f}/{1000 * m(med, 'len'):<4.0f} {1000 * m(ini, 'sounding'):5.0f}/{1000 * m(med, 'sounding'):<5.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
