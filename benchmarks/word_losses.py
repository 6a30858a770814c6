"""Where words are lost: each sung word of a ``bench_sing.py`` run, heard or not on the dry vocal, the
vocal stem and the mix, with the voice's level over the instrumental's around it.

Reads the task folders of a run and the transcripts its results JSON keeps (no recogniser runs
here).  Per word: its time and length, what the recogniser made of it on each of the three signals
(``ok``, ``sub:WORD`` or ``del``; jiwer's alignment), and the vocal stem minus the instrumental stem
in 1-4 kHz and 4-8 kHz over the word and over its onset (80 ms before to 50 ms after its start).
The summary splits the words by where they were first lost, counts the errors that are only the
recogniser's spelling (digits for number words, listed homophones), and says how many lost words
have a lost neighbour (losses in runs point at the recogniser giving up on a stretch, not at one
consonant).

Run: ``python benchmarks/word_losses.py --label unseen [--root DIR] [--results FILE] [--all]`` (``--all`` prints every
word, not only the lost ones).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import soundfile as sf
from scipy import signal

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import vocal_metrics as vm  # noqa: E402
from common import aligned_texts  # noqa: E402

SIGNALS = ("dry", "stem", "mix")
#: Recogniser spellings that are not a singing error: number words it writes as digits, and
#: words it hears as their homophone or spelling variant.
SPELLINGS = {"thirty": {"30"}, "six": {"6"}, "fifth": {"5th"}, "ten": {"10"}, "ferry": {"fairy"},
             "twelve": {"12"}, "forty": {"40"}, "nineteen": {"19"},
             "burned": {"burnt"}}  # fmt: skip


def align(ref: list[str], hyp: list[str]) -> list[str]:
    """Per reference word: ``ok``, ``sub:WORD`` or ``del`` (jiwer's word alignment)."""
    import jiwer

    if not hyp:
        return ["del"] * len(ref)
    out = ["del"] * len(ref)
    for ch in jiwer.process_words(" ".join(ref), " ".join(hyp)).alignments[0]:
        for k in range(ch.ref_end_idx - ch.ref_start_idx):
            i = ch.ref_start_idx + k
            if ch.type == "equal":
                out[i] = "ok"
            elif ch.type == "substitute":
                out[i] = "sub:" + hyp[ch.hyp_start_idx + k]
    return out


def band_db(x: np.ndarray, sr: int, band: tuple[float, float], a: float, b: float) -> float:
    """Mean power (dB) of mono ``x`` in ``band`` between ``a`` and ``b`` seconds (nan if too short)."""
    i, j = max(int(a * sr), 0), int(b * sr)
    if j - i < 100:
        return float("nan")
    pre = min(i, int(0.05 * sr))  # the filter starts 50 ms early, so its start-up does not count
    sos = signal.butter(4, band, btype="bandpass", fs=sr, output="sos")
    y = signal.sosfilt(sos, vm.mono(x[..., i - pre : j]))[pre:]
    return float(10 * np.log10(np.mean(y * y) + 1e-20))


def track_words(task: Path, k: int, heard: dict[str, str]) -> list[dict]:
    lyr = json.loads((task / f"track-{k}.lyrics.json").read_text())
    ref = vm.words(" ".join(aligned_texts(lyr)))
    times = [(w["startS"], w["endS"]) for w in lyr for _ in vm.words(w["word"].split("\n")[-1])]
    stem, sr = sf.read(str(task / f"track-{k}.vocals.wav"), dtype="float32", always_2d=True)
    inst, _ = sf.read(str(task / f"track-{k}.instrumental.wav"), dtype="float32", always_2d=True)
    stem, inst = stem.T, inst.T
    res = {n: align(ref, vm.words(heard[n])) for n in SIGNALS}
    rows = []
    for i, w in enumerate(ref):
        a, b = times[i]

        def snr(band, lo, hi):
            return band_db(stem, sr, band, lo, hi) - band_db(inst, sr, band, lo, hi)

        rows.append({"word": w, "start": a, "length": b - a, **{n: res[n][i] for n in SIGNALS},
                     "snr_1_4k": snr((1000, 4000), a, b), "snr_4_8k": snr((4000, 8000), a, b),
                     "snr_onset_4_8k": snr((4000, 8000), a - 0.08, a + 0.05)})  # fmt: skip
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--label", required=True, help="the bench_sing.py run (its results-sing-LABEL.json)")
    ap.add_argument("--root", type=Path, default=None, help="its task folders (default .corpus/sing/LABEL)")
    ap.add_argument("--results", type=Path, default=None, help="its results JSON (default .corpus/results-sing-LABEL.json)")
    ap.add_argument("--all", action="store_true", help="print every word, not only the lost ones")
    args = ap.parse_args()
    root = args.root or corpus.OUT / "sing" / args.label
    results = args.results or corpus.OUT / f"results-sing-{args.label}.json"
    items = json.loads(results.read_text())["items"]
    words = []
    for item in items:
        for v in item["variants"]:
            rows = track_words(root / item["id"] / "tasks" / "bench", v["variant"], v["heard"])
            print(f"\n## {item['id']} {item['gender']} v{v['variant']}  WER dry/stem/mix "
                  + "/".join(f"{v['wer'][n]:.2f}" for n in SIGNALS))
            for r in rows:
                lost = any(r[n] != "ok" for n in SIGNALS)
                if lost or args.all:
                    print(f"   {r['start']:6.2f} {r['length']:4.2f}s {r['word']:12s} 1-4k {r['snr_1_4k']:+5.1f} "
                          f"4-8k {r['snr_4_8k']:+5.1f} onset {r['snr_onset_4_8k']:+5.1f}  "
                          + " | ".join(r[n] for n in SIGNALS))  # fmt: skip
            words += rows
    print(f"\n{len(words)} words")
    groups = {
        "heard everywhere": [r for r in words if all(r[n] == "ok" for n in SIGNALS)],
        "lost on the dry vocal": [r for r in words if r["dry"] != "ok"],
        "lost first on the stem": [r for r in words if r["dry"] == "ok" and r["stem"] != "ok"],
        "lost first on the mix": [r for r in words if r["dry"] == r["stem"] == "ok" and r["mix"] != "ok"],
    }
    for name, rs in groups.items():
        if rs:
            med = {k: np.nanmedian([r[k] for r in rs]) for k in ("length", "snr_1_4k", "snr_4_8k", "snr_onset_4_8k")}
            print(f"{name:24s} {len(rs):4d}  length {med['length']:.2f} s, stem - instrumental 1-4 kHz "
                  f"{med['snr_1_4k']:+.1f} dB, 4-8 kHz {med['snr_4_8k']:+.1f} dB, onset {med['snr_onset_4_8k']:+.1f} dB")
    for n in SIGNALS:
        err = [r for r in words if r[n] != "ok"]
        spelt = [r for r in err if r[n][4:] in SPELLINGS.get(r["word"], ())]
        print(f"{n}: {len(err)} words not heard as sung, {len(spelt)} of them only spelt otherwise "
              f"({100 * len(spelt) / len(words):.1f} WER points)")
    lost = [r["mix"] != "ok" for r in words]
    first = [i for i, r in enumerate(words) if r["dry"] == r["stem"] == "ok" and r["mix"] != "ok"]
    runs = sum(1 for i in first if (i > 0 and lost[i - 1]) or (i + 1 < len(words) and lost[i + 1]))
    if first:
        print(f"lost first on the mix with a lost neighbour: {runs} of {len(first)} ({100 * runs / len(first):.0f} %; "
              f"{100 * (1 - (1 - np.mean(lost)) ** 2):.0f} % if losses were independent)")


if __name__ == "__main__":
    main()
