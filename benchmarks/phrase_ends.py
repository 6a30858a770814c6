"""How long a phrase's sound runs on past its last note, on a ``bench_sing.py`` run's stored dry vocals.

Per note followed by a rest of ``MIN_REST_S`` or more (a phrase's end), from the note's end on, in
10 ms frames: how long the sound stays at most 40 dB under the sung level (the vocal's RMS over its
notes) without a break, and how long it also stays voiced (harvest hears an F0 and the signal repeats
at it, ``vocal_metrics.periodicity``, as ``gap_sound.py`` judges voicing), up to ``STOP_S`` before the
next note (its onset consonants and any breath).  Prints, per label, the phrase ends and the median,
90th percentile and longest of both run-ons.  No rendering.

Run: ``python benchmarks/phrase_ends.py LABEL [LABEL ...]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import vocal_metrics as vm  # noqa: E402

from topline.music.types import Score  # noqa: E402

#: A note followed by at least this much rest ends a phrase.
MIN_REST_S = 0.3
#: The run-on is followed up to this long before the next note.
STOP_S = 0.15
FLOOR_DB = -40.0


def run_ons(y: np.ndarray, sr: int, notes) -> list[tuple[float, float]]:
    """Per phrase end: (seconds at or above ``FLOOR_DB``, seconds also voiced) past the last note's end."""
    notes = sorted(notes, key=lambda n: n.start)
    f0, f0_t = vm.f0_track(y, sr)
    inside = np.zeros(y.size, dtype=bool)
    for n in notes:
        inside[int(n.start * sr) : int(n.end * sr)] = True
    ref = 10 * np.log10(np.mean(y[inside] ** 2))
    hop = int(0.01 * sr)
    out = []
    for k, n in enumerate(notes):
        nxt = notes[k + 1].start if k + 1 < len(notes) else n.end + 0.5
        if nxt - n.end < MIN_REST_S:
            continue
        loud_s = voiced_s = 0.0
        loud = voiced = True
        t = n.end
        while t < nxt - STOP_S and (loud or voiced):
            seg = y[int(t * sr) : int(t * sr) + hop]
            level = 10 * np.log10(np.mean(seg**2) + 1e-20) - ref if seg.size else -np.inf
            hz = f0[min(int(np.searchsorted(f0_t, t + 0.005)), f0.size - 1)]
            loud = loud and level >= FLOOR_DB
            voiced = voiced and level >= FLOOR_DB and hz > 0 and vm.periodicity(y, sr, t + 0.005, hz) >= vm.GAP_PERIODICITY
            loud_s += 0.01 * loud
            voiced_s += 0.01 * voiced
            t += 0.01
        out.append((loud_s, voiced_s))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="+")
    args = ap.parse_args()
    for label in args.labels:
        ends = []
        for meta_path in sorted((corpus.OUT / "sing" / label).glob("*/meta.json")):
            meta = json.loads(meta_path.read_text())
            for track in meta["tracks"]:
                y, sr = sf.read(meta_path.parent / track["files"]["dry"])
                score = Score.from_json(json.loads((meta_path.parent / track["files"]["score"]).read_text()))
                ends += run_ons(vm.mono(y), sr, score.notes)
        a = 1000 * np.array(ends).reshape(-1, 2)
        print(f"{label}: {len(a)} phrase ends; at most 40 dB under the sung level past the last note: median "
              f"{np.median(a[:, 0]):.0f} ms, 90th percentile {np.percentile(a[:, 0], 90):.0f}, longest {a[:, 0].max():.0f}; "
              f"voiced: median {np.median(a[:, 1]):.0f}, 90th percentile {np.percentile(a[:, 1], 90):.0f}, "
              f"longest {a[:, 1].max():.0f}")


if __name__ == "__main__":
    main()
