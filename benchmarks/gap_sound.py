"""Voiced or loud sound between the notes of the dry vocal, where a singer is silent or breathes.

Reads the task folders ``bench_sing.py`` keeps (``benchmarks/.corpus/sing/LABEL``, or any folder of
them with ``--root``) and, per track, looks at the stored dry vocal outside its notes: from a note's
end plus the time its last consonants may take (35 % of its coda at unhurried length, as ``phonemes``
releases a phrase's last coda, and ``RELEASE_S`` for the release itself) to the next note's start
less its onset consonants' unhurried length (at most ``phonemes.MAX_ONSET_S``) and ``MARGIN_S``, and
after the last note to the end.  Both allowances come from the score's phonemes alone, not from the
voice's plan, so two versions of the voice are judged on the same stretches.  In them
(``vocal_metrics.gap_figures``): voiced sound (harvest hears an F0, the sound repeats at that period,
at most 40 dB under the sung level; 20 ms or more in a gap) and loud sound (a 50 ms window at most
20 dB under the sung level: a breath sits 22-28 dB down).  Prints per track, per material and gender
and in all: gaps, voiced gaps, loud gaps, voiced milliseconds, loudest gap; ``--list`` prints every
voiced or loud gap with the syllables around it.

Run: ``python benchmarks/gap_sound.py LABEL [LABEL ...] [--root DIR] [--list]``.
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
from topline.voice import phonemes  # noqa: E402

#: Time after a note's last planned sound left to its release (s): a line's last consonant rings on
#: into the voice's end mark (a final "z" 50 ms).
RELEASE_S = 0.06
#: Time before a note's first planned sound left to its onset (s): harvest's 5 ms frames spill over
#: edges, and consonant times round.
MARGIN_S = 0.03


def consonant_room(notes) -> tuple[np.ndarray, np.ndarray]:
    """Per note (in the given order): the time its onset consonants may take before its start and its
    coda after its end (s), at their unhurried lengths; 0 where a tie continues or is continued."""
    order = sorted(range(len(notes)), key=lambda i: notes[i].start)
    lead, release = np.zeros(len(notes)), np.zeros(len(notes))
    syl_first = None
    for k, i in enumerate(order):
        n = notes[i]
        if not n.tie:
            syl_first = i
            phs = [phonemes.bare_symbol(p) for p in n.phonemes]
            vow = [j for j, p in enumerate(phs) if p in phonemes.VOWELS] or [len(phs)]
            onset, coda = phs[: vow[0]], phs[vow[-1] + 1 :]
            lead[i] = min(sum(phonemes.CONSONANT_S.get(p, 0.06) for p in onset), phonemes.MAX_ONSET_S)
            coda_s = sum(phonemes.CONSONANT_S.get(p, 0.06) for p in coda)
        last_of_syllable = k + 1 == len(order) or not notes[order[k + 1]].tie
        if last_of_syllable and syl_first is not None:
            release[i] = 0.35 * coda_s
    return lead + MARGIN_S, release + RELEASE_S


def track_gaps(dry: np.ndarray, sr: int, score: Score, *, f0: np.ndarray | None = None,
               f0_t: np.ndarray | None = None) -> dict:
    """``vocal_metrics.gap_figures`` of a dry vocal outside its score's notes (``f0``: its harvest F0, if known)."""
    notes = sorted(score.notes, key=lambda n: n.start)
    lead, release = consonant_room(notes)
    windows = vm.gap_windows(notes, lead_s=lead, release_s=release, end_s=vm.mono(dry).size / sr)
    return vm.gap_figures(dry, sr, notes, windows, f0=f0, f0_t=f0_t)


def _context(notes, i: int) -> str:
    nxt = notes[i + 1].syllable if i + 1 < len(notes) else "(end)"
    return f"'{notes[i].syllable}' ({notes[i].start:.2f}-{notes[i].end:.2f}) .. '{nxt}'"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="*", help="bench_sing.py labels (folders under benchmarks/.corpus/sing)")
    ap.add_argument("--root", type=Path, action="append", default=[], help="a folder of task folders")
    ap.add_argument("--only", nargs="+", metavar="ID", help="only these items")
    ap.add_argument("--list", action="store_true", help="print every voiced or loud gap")
    args = ap.parse_args()
    roots = [corpus.OUT / "sing" / label for label in args.labels] + list(args.root)
    for root in roots:
        cells: dict[tuple[str, str], list[dict]] = {}
        for meta_path in sorted(root.glob("*/meta.json")):
            meta = json.loads(meta_path.read_text())
            if args.only and meta["id"] not in args.only:
                continue
            for track in meta["tracks"]:
                files = track["files"]
                score = Score.from_json(json.loads((meta_path.parent / files["score"]).read_text()))
                dry, sr = sf.read(str(meta_path.parent / files["dry"]), dtype="float32", always_2d=True)
                fig = track_gaps(dry.T, sr, score)
                cells.setdefault((meta["kind"], meta["gender"]), []).append(fig)
                print(f"{meta['id'][:26]:26s} {meta['gender']} v{track['variant']}: {fig['gaps']:3d} gaps, voiced "
                      f"{fig['voiced_gaps']:2d} ({1000 * fig['voiced_s']:5.0f} ms), loud {fig['loud_gaps']:2d}, "
                      f"loudest {fig['loudest_db']:6.1f} dB", flush=True)  # fmt: skip
                if args.list:
                    notes = sorted(score.notes, key=lambda n: n.start)
                    for g in fig["per_gap"]:
                        if g["voiced"] or g["loud"]:
                            print(f"    {g['start']:6.2f}-{g['end']:6.2f} s after {_context(notes, g['after'])}: "
                                  f"voiced {1000 * g['voiced_s']:.0f} ms, loudest {g['loudest_db']:.1f} dB, "
                                  f"roll-off {g['rolloff_hz']:.0f} Hz")  # fmt: skip
        print(f"\n## {root.name}\n")
        print("| material | g | tracks | gaps | voiced gaps | voiced ms | loud gaps | loudest dB |")
        print("|---|---|---|---|---|---|---|---|")
        every = []
        for (kind, g), figs in sorted(cells.items()) + [(("all", ""), None)]:
            figs = every if figs is None else figs
            if kind != "all":
                every += figs
            print(f"| {kind} | {g} | {len(figs)} | {sum(f['gaps'] for f in figs)} | "
                  f"{sum(f['voiced_gaps'] for f in figs)} | "
                  f"{1000 * sum(f['voiced_s'] for f in figs):.0f} | {sum(f['loud_gaps'] for f in figs)} | "
                  f"{max((f['loudest_db'] for f in figs if f['gaps']), default=float('nan')):.1f} |")  # fmt: skip
        print()


if __name__ == "__main__":
    main()
