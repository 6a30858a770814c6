"""Words lost on fast and on slow lines: a ``bench_sing.py`` run's sung words split by the pace of the line
they are sung on (no recogniser runs: the transcripts its results JSON keeps).

A line is fast when its median syllable (a note and the ties after it) is shorter than ``--fast``
seconds (default 0.25 s).  Per run and gender: lines,
words, words lost on the dry vocal and on the stem (jiwer's alignment, ``word_losses.align``), and
the time-weighted median pitch (MIDI) of the fast and of the slow lines' notes; with two runs of the
same songs (same seeds, so the same words), the words each run lost and the other heard.

Run: ``python benchmarks/fast_lines.py LABEL [LABEL ...] [--gender f] [--fast 0.25] [--lines]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import vocal_metrics as vm  # noqa: E402
from common import aligned_texts  # noqa: E402
from word_losses import align  # noqa: E402

FAST_SYLLABLE_S = 0.25

from topline.music.compose import median_pitch  # noqa: E402
from topline.music.types import Note, Score  # noqa: E402


def line_paces(notes: list[Note]) -> dict[int, float]:
    """Line index -> the median length (seconds) of its syllables, a note and the ties after it."""
    syl: dict[int, list[float]] = {}
    for n in notes:
        if n.tie and syl.get(n.line_index):
            syl[n.line_index][-1] += n.end - n.start
        else:
            syl.setdefault(n.line_index, []).append(n.end - n.start)
    return {k: float(np.median(v)) for k, v in syl.items()}


def track_rows(task: Path, k: int, heard: dict[str, str], fast: float) -> tuple[list[dict], dict[bool, list[Note]]]:
    """Per sung word: text, its line's pace, fast or not, and dry/stem alignment; the notes by pace."""
    score = Score.from_json(json.loads((task / f"track-{k}.score.json").read_text()))
    lyr = json.loads((task / f"track-{k}.lyrics.json").read_text())
    ref = vm.words(" ".join(aligned_texts(lyr)))
    starts = [w["startS"] for w in lyr for _ in vm.words(w["word"].split("\n")[-1])]
    pace = line_paces(score.notes)
    on = np.array([n.start for n in score.notes])
    res = {s: align(ref, vm.words(heard[s])) for s in ("dry", "stem")}
    rows = []
    for i, w in enumerate(ref):
        j = int(np.clip(np.searchsorted(on, starts[i] + 1e-3) - 1, 0, len(on) - 1))
        line = score.notes[j].line_index
        rows.append({"i": i, "word": w, "line": line, "fast": pace[line] < fast, "dry": res["dry"][i],
                     "stem": res["stem"][i]})  # fmt: skip
    by_pace: dict[bool, list[Note]] = {True: [], False: []}
    for n in score.notes:
        by_pace[pace[n.line_index] < fast].append(n)
    return rows, by_pace


def run_rows(label: str, gender: str | None, fast: float) -> tuple[dict, dict[bool, list[float]]]:
    root = corpus.OUT / "sing" / label
    items = json.loads((corpus.OUT / f"results-sing-{label}.json").read_text())["items"]
    out: dict[tuple, dict] = {}
    medians: dict[bool, list[float]] = {True: [], False: []}
    for item in items:
        if gender and item["gender"] != gender:
            continue
        for v in item["variants"]:
            rows, by_pace = track_rows(root / item["id"] / "tasks" / "bench", v["variant"], v["heard"], fast)
            for r in rows:
                out[(item["id"], v["variant"], r["i"])] = r
            for p, ns in by_pace.items():
                if ns:
                    medians[p].append(median_pitch(ns))
    return out, medians


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="+", help="bench_sing.py runs (their results-sing-LABEL.json)")
    ap.add_argument("--gender", choices=("m", "f"), default=None, help="only the tracks sung by this gender")
    ap.add_argument("--fast", type=float, default=FAST_SYLLABLE_S, help="median syllable (s) under which a line is fast")
    args = ap.parse_args()
    runs = {}
    for label in args.labels:
        words, medians = run_rows(label, args.gender, args.fast)
        runs[label] = words
        print(f"## {label} ({args.gender or 'both genders'}, fast: median syllable < {args.fast:.3f} s)")
        for p, name in ((True, "fast"), (False, "slow")):
            ws = [r for r in words.values() if r["fast"] == p]
            lines = {(k[0], k[1], r["line"]) for k, r in words.items() if r["fast"] == p}
            med = f"{np.median(medians[p]):.1f}" if medians[p] else "-"
            print(f"  {name}: {len(lines)} lines, {len(ws)} words, lost dry {sum(r['dry'] != 'ok' for r in ws)}, "
                  f"stem {sum(r['stem'] != 'ok' for r in ws)}; median of the tracks' median pitch {med} "
                  f"({len(medians[p])} tracks)")
    if len(args.labels) == 2:
        a, b = (runs[label] for label in args.labels)
        for sig in ("dry", "stem"):
            for p, name in ((True, "fast"), (False, "slow")):
                # the pace of the first run's line: the words are the same, the rhythms may differ
                keys = [k for k in a if k in b and a[k]["fast"] == p]
                gained = [a[k]["word"] for k in keys if a[k][sig] != "ok" and b[k][sig] == "ok"]
                lost = [a[k]["word"] for k in keys if a[k][sig] == "ok" and b[k][sig] != "ok"]
                print(f"{sig}, {name} lines of {args.labels[0]}: {args.labels[1]} gained {len(gained)} "
                      f"{sorted(gained)}, lost {len(lost)} {sorted(lost)}")


if __name__ == "__main__":
    main()
