"""Benchmark the lead-region detector against ground truth: rendered items with and without their melody.

The rendered corpus (``corpus.py``) leaves the lead line out of the mix, so every lead region the analysis
finds there is accompaniment taken for a lead.  Here each item is rendered from the same score as in the
corpus (no lead) and with its melody played (velocity 92) on two lead instruments, taken in turn from
flute, violin, synth (saw) lead, clean electric guitar, oboe and trumpet, so that the detector is not
tuned to one timbre.  Figures per item and their mean:

- false lead: share of the no-lead render covered by detected lead regions (should be 0);
- recall: share of the melody's time (notes joined over gaps under 1 s) covered by the regions
  detected on the renders with the lead, mean over the two instruments (should be near 1).

A detector that finds lead as often without a lead as with one tells the form planner nothing.

Run: ``python benchmarks/bench_lead.py [--n 8] [--heldout | --validation] [--cache DIR]`` (about a minute;
needs fluidsynth, as corpus.py).  ``--cache`` keeps the renders in DIR for reruns.  The validation set
is measured before and after a change, never while tuning.
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
from topline.music.analysis.tonal import pitch_salience

# flute, violin, saw lead, clean electric guitar, oboe, trumpet
LEAD_PROGRAMS = (73, 40, 81, 27, 68, 56)
LEAD_NAMES = {73: "flute", 40: "violin", 81: "saw", 27: "guitar", 68: "oboe", 56: "trumpet"}
LEAD_CHANNEL = 5


def lead_programs(i: int) -> tuple[int, int]:
    """The two lead instruments of item ``i``: every pairing of an early and a late one in turn."""
    return LEAD_PROGRAMS[i % 6], LEAD_PROGRAMS[(i + 3) % 6]


def _seed(lib: corpus.Library) -> tuple[int, int]:
    # As corpus.generate: the same pieces, tempos and arrangements as the set's corpus items.
    if lib.validation:
        return 20261206, 0
    return (98765, 1) if lib.heldout else (1234, 0)


def renders(i: int, lib: corpus.Library, *, cache: Path | None = None) -> tuple[dict, list[np.ndarray]]:
    """The item's truth, its render without the lead (as the corpus) and with each lead instrument."""
    seed, rotate = _seed(lib)
    truth, (events, qpm, programs) = corpus.make_item(i, lib, seed=seed, rotate=rotate)
    if cache is not None and (cache / f"{truth['id']}.npz").exists():
        z = np.load(cache / f"{truth['id']}.npz")
        return truth, [z[k] for k in sorted(z.files)]
    ql = qpm / 60.0
    lead = [(s * ql, (e - s) * ql * 0.95, m, 92, LEAD_CHANNEL) for s, e, m in truth["lead"]]
    out = []
    for prog, ev in [(None, events)] + [(p, events + lead) for p in lead_programs(i)]:
        progs = {**programs, LEAD_CHANNEL: prog} if prog is not None else programs
        with tempfile.TemporaryDirectory() as tmp:
            mid = Path(tmp) / "item.mid"
            corpus.write_midi(ev, qpm=qpm, programs=progs, path=mid)
            y = corpus.render(mid, truth["duration"])
        out.append((y.mean(axis=1) if y.ndim == 2 else y).astype(np.float32))
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        np.savez(cache / f"{truth['id']}.npz", **{f"r{k}": y for k, y in enumerate(out)})
    return truth, out


def detect(y: np.ndarray, sr: int = corpus.SR) -> list[tuple[float, float]]:
    """Lead regions as ``analyse`` finds them (mono, 22.05 kHz, the same salience)."""
    mono = y.mean(axis=1) if y.ndim == 2 else y
    y22 = librosa.resample(mono.astype(np.float32), orig_sr=sr, target_sr=SR, res_type="soxr_mq")
    mag = np.abs(librosa.stft(y22, n_fft=N_FFT, hop_length=HOP))
    tuning = librosa.estimate_tuning(S=mag, sr=SR, n_fft=N_FFT, bins_per_octave=36)
    salience = pitch_salience(y22, sr=SR, hop_length=HOP, tuning=tuning)
    return lead_regions(salience, frame_rate=SR / HOP, audio=y22, sr=SR)


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
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--heldout", action="store_true")
    group.add_argument("--validation", action="store_true")
    ap.add_argument("--cache", type=Path, default=None, help="keep the renders here for reruns")
    args = ap.parse_args()
    lib = corpus.Library(heldout=args.heldout, validation=args.validation)
    rows = []
    print("| item | leads | false lead (no lead in the mix) | recall (melody played) |\n|---|---|---|---|")
    for i in range(args.n):
        truth, (y0, *ys) = renders(i, lib, cache=args.cache)
        spans = melody_spans(truth["lead"])
        false = sum(e - s for s, e in detect(y0)) / truth["duration"]
        recalls = [
            sum(covered(detect(y), s, e) for s, e in spans) / max(sum(e - s for s, e in spans), 1e-9) for y in ys
        ]
        rows.append((false, *recalls))
        names = "/".join(LEAD_NAMES[p] for p in lead_programs(i))
        print(f"| {truth['id']} | {names} | {false:.2f} | {' / '.join(f'{r:.2f}' for r in recalls)} |", flush=True)
    a = np.array(rows)
    print(f"| mean | | {a[:, 0].mean():.2f} | {a[:, 1:].mean():.2f} |")


if __name__ == "__main__":
    main()
