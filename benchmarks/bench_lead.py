"""Benchmark the lead-region detector against ground truth: rendered items with and without their melody.

The rendered corpus (``corpus.py``) leaves the lead line out of the mix, so every lead region the analysis
finds there is accompaniment taken for a lead.  Here each item is rendered twice from the same score:
as in the corpus (no lead), and with its melody played on a lead instrument (flute, violin, alternately,
at velocity 92).  Figures per item and their mean:

- false lead: share of the no-lead render covered by detected lead regions (should be 0);
- recall: share of the melody's time (notes joined over gaps under 1 s) covered by the regions
  detected on the render with the lead (should be near 1).

A detector that finds lead as often without a lead as with one tells the form planner nothing.

Run: ``python benchmarks/bench_lead.py [--n 8] [--heldout]`` (about 30 s; needs fluidsynth, as corpus.py).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import librosa
import numpy as np
import corpus

from topline.music.analysis import HOP, N_FFT, SR
from topline.music.analysis.melody import lead_regions

LEAD_PROGRAMS = (73, 40)  # flute, violin
LEAD_CHANNEL = 5


def renders(i: int, lib: corpus.Library, *, heldout: bool) -> tuple[dict, np.ndarray, np.ndarray]:
    """The item's truth, its render without the lead (as the corpus) and with it."""
    truth, (events, qpm, programs) = corpus.make_item(i, lib, seed=98765 if heldout else 1234, rotate=int(heldout))
    ql = qpm / 60.0
    lead = [(s * ql, (e - s) * ql * 0.95, m, 92, LEAD_CHANNEL) for s, e, m in truth["lead"]]
    progs = {**programs, LEAD_CHANNEL: LEAD_PROGRAMS[i % 2]}
    out = []
    for ev in (events, events + lead):
        with tempfile.TemporaryDirectory() as tmp:
            mid = Path(tmp) / "item.mid"
            corpus.write_midi(ev, qpm=qpm, programs=progs, path=mid)
            out.append(corpus.render(mid, truth["duration"]))
    return truth, out[0], out[1]


def detect(y: np.ndarray) -> list[tuple[float, float]]:
    """Lead regions as ``analyse`` finds them (mono, 22.05 kHz, the same STFT)."""
    mono = y.mean(axis=1) if y.ndim == 2 else y
    y22 = librosa.resample(mono.astype(np.float32), orig_sr=corpus.SR, target_sr=SR, res_type="soxr_mq")
    return lead_regions(np.abs(librosa.stft(y22, n_fft=N_FFT, hop_length=HOP)), sr=SR, n_fft=N_FFT, hop=HOP)


def melody_spans(notes: list, gap: float = 1.0) -> list[list[float]]:
    spans: list[list[float]] = []
    for s, e, _ in notes:
        if spans and s - spans[-1][1] < gap:
            spans[-1][1] = max(spans[-1][1], e)
        else:
            spans.append([s, e])
    return spans


def covered(regions, a: float, b: float) -> float:
    return sum(max(0.0, min(e, b) - max(s, a)) for s, e in regions)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=8)
    ap.add_argument("--heldout", action="store_true")
    args = ap.parse_args()
    lib = corpus.Library(heldout=args.heldout)
    rows = []
    print("| item | false lead (no lead in the mix) | recall (melody played) |\n|---|---|---|")
    for i in range(args.n):
        truth, y0, y1 = renders(i, lib, heldout=args.heldout)
        spans = melody_spans(truth["lead"])
        false = sum(e - s for s, e in detect(y0)) / truth["duration"]
        found = detect(y1)
        recall = sum(covered(found, s, e) for s, e in spans) / max(sum(e - s for s, e in spans), 1e-9)
        rows.append((false, recall))
        print(f"| {truth['id']} | {false:.2f} | {recall:.2f} |", flush=True)
    f, r = np.array(rows).T
    print(f"| mean | {f.mean():.2f} | {r.mean():.2f} |")


if __name__ == "__main__":
    main()
