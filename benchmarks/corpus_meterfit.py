"""Render the meter training set: 3/4 and 4/4 chorale phrases and string-quartet passages no checking set uses.

A downbeat model for three or four beats a bar (``meter_model.py``) is fitted on this set and the tuning
sets (``fit_meter.py``); tried, not kept in the analysis (docs/analysis.md).  Every item is rendered as
``corpus.py`` renders its chorales and quartets (soprano or first violin left out, the other three parts
played; five arrangements; ground truth in the same JSON), but from material of its own:

- chorale pairs of one meter and mode, from every chorale of the list except the twelve the validation
  and fresh sets use (checked against their index files when they are there), each pair playing
  phrases from bar 6 on (bar 6 to the last full stretch, drawn at random), which no other set's
  renders reach (the triple set's later phrases start at bar 5 and last at most six bars, so they
  may overlap a few bars of the same chorale: tuning data only);
- string-quartet movements in one time signature: the triple set's ten 3/4 and seven 4/4 from bar 17 on
  (the triple set plays at most their first 16 bars), and the other movements of music21's quartets in
  3/4 or 4/4 from anywhere.

Items alternate 3/4 and 4/4; two in three are chorale pairs.  56-180 BPM, its own seed.

Run: ``python benchmarks/corpus_meterfit.py [--n 96] [--out benchmarks/.corpus-meterfit]``.  Deterministic.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

import corpus

OUT = Path(__file__).resolve().parent / ".corpus-meterfit"
N = 96
SEED = 4413
# The chorales of the checking sets' items (validation and fresh), never used here.
CHECKING_CHORALES = ("bwv398", "bwv399", "bwv400", "bwv413", "bwv414", "bwv415",
                     "bwv259", "bwv26.6", "bwv266", "bwv295", "bwv296", "bwv298")  # fmt: skip
FIRST_CHORALE_BAR = 5  # 0-based: phrases from bar 6 on
FIRST_TRIPLE_QUARTET_BAR = 16  # 0-based: past the triple set's first 16 bars
OTHER_QUARTETS = (
    "beethoven/opus18no1/movement1.mxl", "beethoven/opus18no1/movement2.mxl", "beethoven/opus18no1/movement3.mxl",
    "beethoven/opus18no1/movement4.mxl", "beethoven/opus59no1/movement1.mxl", "beethoven/opus59no1/movement2.mxl",
    "beethoven/opus59no1/movement3.mxl", "beethoven/opus59no1/movement4.mxl", "beethoven/opus59no2/movement1.mxl",
    "beethoven/opus59no2/movement4.mxl", "beethoven/opus59no3/movement1.mxl", "beethoven/opus59no3/movement2.mxl",
    "beethoven/opus59no3/movement4.mxl", "haydn/opus1no1/movement1.mxl", "haydn/opus1no1/movement5.mxl",
    "haydn/opus74no1/movement2.mxl", "haydn/opus74no1/movement4.mxl", "mozart/k155/movement3.mxl",
    "mozart/k156/movement1.mxl", "mozart/k156/movement4.mxl", "mozart/k458/movement1.mxl",
    "mozart/k458/movement4.mxl", "mozart/k80/movement4.mxl",
)  # fmt: skip


def checking_chorales() -> set[str]:
    """The chorale names the checking sets' items use, from their index files where present."""
    names = set(CHECKING_CHORALES)
    for out in (corpus.VALIDATION, corpus.FRESH):
        index = out / "index.json"
        if index.exists():
            for row in json.loads(index.read_text()):
                if row["kind"] == "chorale":
                    names.update(n.split("@")[0] for n in row["source"].split("+"))
    return names


class Pools:
    """The usable chorales by (meter, mode) and quartet movements by meter, each with its first bar."""

    def __init__(self) -> None:
        banned = checking_chorales()
        self.chorales: dict[tuple[str, str], list[corpus.Source]] = {}
        for path in corpus._chorale_paths():
            if Path(path).stem in banned:
                continue
            try:
                src = corpus.load_chorale(path)
            except Exception:
                continue
            if src and src.n_bars >= FIRST_CHORALE_BAR + 4:
                src.name = Path(path).stem
                self.chorales.setdefault((src.meter, src.mode), []).append(src)
        self.quartets: dict[str, list[tuple[corpus.Source, int]]] = {"3/4": [], "4/4": []}
        triple = [(p, FIRST_TRIPLE_QUARTET_BAR) for m in ("3/4", "4/4") for p in corpus.TRIPLE_QUARTETS[m]]
        for path, bar0 in triple + [(p, 0) for p in OTHER_QUARTETS]:
            try:
                src = corpus.load_chorale(path)
            except Exception:
                continue
            if src and src.n_bars >= bar0 + 8:
                src.name = path.removesuffix(".mxl").replace("/", "-")
                self.quartets[src.meter].append((src, bar0))


def make_item(i: int, pools: Pools, rng: np.random.Generator) -> tuple[dict, list]:
    """Ground truth and note events of item ``i`` (as ``corpus.make_item`` writes them)."""
    meter = "3/4" if i % 2 == 0 else "4/4"
    kind = "quartet" if i % 3 == 2 and pools.quartets[meter] else "chorale"
    arrangement = corpus.CHORALES34_ARRS[(i // 2 + 2 * (i % 2)) % len(corpus.CHORALES34_ARRS)]
    bpm = float(rng.integers(56, 181))
    qpm = bpm
    bar_ql = 3.0 if meter == "3/4" else 4.0
    if kind == "chorale":
        modes = [m for m in ("major", "minor") if len(pools.chorales.get((meter, m), [])) >= 2]
        pool = pools.chorales[(meter, modes[int(rng.integers(len(modes)))])]
        ia, ib = rng.choice(len(pool), size=2, replace=False)
        a, b = pool[ia], pool[ib]
        bars = max(2, min(6, int(round(30.0 * qpm / 60.0 / bar_ql / 3))))
        last = min(a.n_bars, b.n_bars) - bars
        bar0 = int(rng.integers(FIRST_CHORALE_BAR, max(FIRST_CHORALE_BAR, last) + 1))
        shift = (a.tonic - b.tonic + 6) % 12 - 6
        plan = [(a, bar0, 0), (b, bar0, shift), (a, bar0, 0)]
        label = f"{a.name}+{b.name}@bar{bar0 + 1}"
    else:
        a, first = pools.quartets[meter][int(rng.integers(len(pools.quartets[meter])))]
        bars = max(4, min(8, int(round(30.0 * qpm / 60.0 / bar_ql / 2))))
        bar0 = int(rng.integers(first, max(first, a.n_bars - 2 * bars) + 1))
        plan = [(a, bar0, 0), (a, bar0 + bars, 0)]
        if bars * 2 * bar_ql * 60 / qpm < 22:
            plan.append((a, bar0, 0))
        label = f"{a.name}@bar{bar0 + 1}"
    events: list = []
    chords: list = []
    sections: list = []
    t = 0.0
    for k, (src, b0, shift) in enumerate(plan):
        texture = k % 2
        lo, hi = b0 * src.bar_ql, (b0 + bars) * src.bar_ql
        seg_ch = [(s, e, corpus._transpose_label(c, shift)) for s, e, c in corpus.chordify_chords(src, b0, bars, 1.0)]
        for on, d, m, v in src.voices:
            if lo - 1e-6 <= on < hi - 1e-6:
                ch = {1: 0, 2: 0 if arrangement == "strings" else 1, 3: 2}[v]
                events.append((on - lo + t, min(d, hi - on) * 0.97, m + shift, 72 + 8 * texture, ch))
        if arrangement == "band":
            events += corpus.drums(t, bars, meter=meter, bar_ql=bar_ql, texture=texture)
        chords += [(s + t, e + t, c) for s, e, c in seg_ch]
        sections.append((t, t + bars * bar_ql, "A" if k % 2 == 0 else "B"))
        t += bars * bar_ql
    sec = 60.0 / qpm
    duration = t * sec + corpus.TAIL_S
    chords_s = [(s * sec, e * sec, c) for s, e, c in corpus.merge(chords)] + [(t * sec, duration, "N")]
    sect = [(s * sec, e * sec, lab) for s, e, lab in sections]
    sect[-1] = (sect[-1][0], duration, sect[-1][2])
    truth = {
        "id": f"{i:03d}-{kind}-{arrangement}", "source": label, "kind": kind, "arrangement": arrangement,
        "duration": round(duration, 4), "tempo": bpm, "meter": meter,
        "beats": [round(k * sec, 4) for k in range(int(round(t)))],
        "downbeats": [round(k * bar_ql * sec, 4) for k in range(int(round(t / bar_ql)))],
        "key": f"{corpus.NAMES[a.tonic]} {a.mode}",
        "chords": [[round(s, 4), round(e, 4), c] for s, e, c in chords_s],
        "sections": [[round(s, 4), round(e, 4), lab] for s, e, lab in sect],
        "lead": [],
    }  # fmt: skip
    return truth, (events, qpm, dict(corpus.ARRANGEMENTS[arrangement]))


def generate(n: int, out: Path) -> None:
    items_dir = out / "items"
    items_dir.mkdir(parents=True, exist_ok=True)
    pools = Pools()
    rng = np.random.default_rng(SEED)
    index = []
    for i in range(n):
        truth, (events, qpm, programs) = make_item(i, pools, rng)
        with tempfile.TemporaryDirectory() as tmp:
            mid = Path(tmp) / "item.mid"
            corpus.write_midi(events, qpm=qpm, programs=programs, path=mid)
            y = corpus.render(mid, truth["duration"])
        sf.write(items_dir / f"{truth['id']}.flac", y, corpus.SR, subtype="PCM_16")
        truth["audio"] = f"{truth['id']}.flac"
        (items_dir / f"{truth['id']}.json").write_text(json.dumps(truth, indent=1))
        keys = ("id", "source", "kind", "arrangement", "meter", "tempo", "key", "duration")
        index.append({k: truth[k] for k in keys})
        print(f"{truth['id']:24s} {truth['meter']} {truth['tempo']:5.0f} BPM {truth['key']:9s} "
              f"{truth['duration']:5.1f} s  {truth['source']}", flush=True)  # fmt: skip
    (out / "index.json").write_text(json.dumps(index, indent=1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=N)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    generate(args.n, args.out)


if __name__ == "__main__":
    main()
