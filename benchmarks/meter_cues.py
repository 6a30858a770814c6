"""Cache what the meter decision reads, per rendered item, for fitting it offline (``fit_meter.py``).

Runs ``hear_form`` on each item of a rendered set and keeps, at the point where the meter is chosen
(``_meter``), the tracked beats' frames, their accents and the frame-level features the per-beat cues
come from (bass and band onset, band and bass chroma), with the item's ground truth.  One ``.npz`` a
item under ``--cache``; items already cached are skipped.

Run: ``python benchmarks/meter_cues.py SET [SET ...] [--cache DIR]`` where SET is a corpus folder
(``.corpus``, ``.corpus-heldout``, ``.corpus-triple``, ...).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

import topline.music.analysis as ana
from topline.audio import decode_audio


def capture(path: Path) -> dict:
    """The meter decision's inputs on one audio file (``hear_form`` run with ``_meter`` watched)."""
    seen: dict = {}
    real_cues, real_meter = ana.beat_cues, ana._meter

    def cues(bass_onset, onset, chroma, bass_chroma, frames):
        seen["raw"] = (bass_onset, onset, chroma, bass_chroma)
        return real_cues(bass_onset, onset, chroma, bass_chroma, frames)

    def meter(accents, onset, beat_frames, tempo, *, cues, compound=False):
        seen.update(accents=accents, beat_frames=beat_frames, tempo=tempo, compound=compound, cues=cues)
        return real_meter(accents, onset, beat_frames, tempo, cues=cues, compound=compound)

    ana.beat_cues, ana._meter = cues, meter
    try:
        y, sr = decode_audio(str(path), sr=44100)
        form = ana.hear_form(y, sr=sr).form
    finally:
        ana.beat_cues, ana._meter = real_cues, real_meter
    bass_onset, onset, chroma, bass_chroma = seen["raw"]
    return dict(
        bass_onset=bass_onset, onset=onset, chroma=chroma, bass_chroma=bass_chroma,
        accents=seen["accents"], beat_frames=seen["beat_frames"], tempo=seen["tempo"],
        compound=seen["compound"], cues=seen["cues"], est_meter=form.meter,
        est_downbeats=np.array(form.downbeats),
    )  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/meter_cues"))
    args = ap.parse_args()
    for s in args.sets:
        index = json.loads((s / "index.json").read_text())
        for row in index:
            out = args.cache / s.name / f"{row['id']}.npz"
            if out.exists():
                continue
            truth = json.loads((s / "items" / f"{row['id']}.json").read_text())
            got = capture(s / "items" / truth["audio"])
            out.parent.mkdir(parents=True, exist_ok=True)
            np.savez_compressed(
                out, **got, meter=truth["meter"], beats=np.array(truth["beats"]),
                downbeats=np.array(truth["downbeats"]), source=truth["source"],
            )  # fmt: skip
            print(f"{s.name}/{row['id']} {truth['meter']}({got['est_meter']}) {got['tempo']:.0f} BPM", flush=True)


if __name__ == "__main__":
    main()
