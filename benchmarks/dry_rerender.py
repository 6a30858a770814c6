"""Sing stored bench_sing tasks again with the current voice and measure the dry vocal's words.

A quick loop for work on diction: reads each task folder ``bench_sing.py`` kept
(``benchmarks/.corpus/sing/LABEL``: each variant's score and lyrics, the task's style, gender and
seed), sings the score with the current ``topline.voice.sing`` and gives, per track, Whisper's word
error rate on the dry vocal (``vocal_metrics.transcribe``, the settings of ``bench_sing.py``), the dry
vocal's pitch figures, its vowel-onset timing (``quality.md``'s algorithm, on the dry vocal: the
stem's figure needs ``bench_sing.py``) and the voiced or loud sound between its notes
(``gap_sound.py``).  No composing, no production: two voices are compared on the very same
melodies and words, so a change's effect is not mixed with the composer's.  ``--stem`` also
produces the stem (``topline.production.produce``) and measures its words, pitch and timing.

Per word, ``--save FILE`` keeps what was heard (``ok``, ``sub:WORD``, ``del``) so two versions can be
compared word by word (``--against FILE`` prints the words one heard and the other lost).

``--keep DIR`` writes each re-sung dry vocal to ``DIR/LABEL/ID/`` with a ``meta.json`` pointing at the
stored scores and lyrics, so ``onset_level.py`` and ``gap_sound.py`` read it with ``--root DIR/LABEL``
without singing it again.

Run: ``python benchmarks/dry_rerender.py LABEL [LABEL ...] [--root DIR] [--limit N] [--gender m|f] [--voice NAME] [--transpose N] [--stem] [--save FILE] [--against FILE] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import vocal_metrics as vm  # noqa: E402
from common import aligned_texts, by_material  # noqa: E402
from gap_sound import track_gaps  # noqa: E402
from word_losses import align  # noqa: E402

from topline.audio import decode_audio  # noqa: E402
from topline.music.style import resolve_controls  # noqa: E402
from topline.music.types import Score  # noqa: E402
from topline.pipeline import SR  # noqa: E402
from topline.production import produce  # noqa: E402
from topline.voice import render_cache, sing  # noqa: E402


def _track(folder: Path, meta: dict, track: dict, *, stem: bool, keep: Path | None = None,
           voice: str | None = None, transpose: int = 0) -> dict:
    files = track["files"]
    score = Score.from_json(json.loads((folder / files["score"]).read_text()))
    if transpose:  # the same words and rhythm an interval away (another gender's voice on this score)
        score = dataclasses.replace(score, notes=[dataclasses.replace(n, midi=n.midi + transpose) for n in score.notes])
    ref = vm.words(" ".join(aligned_texts(json.loads((folder / files["lyrics"]).read_text()))))
    controls = resolve_controls(seed=meta["seed"], title="Benchmark", style=meta["style"],
                                vocal_gender=meta["gender"], voice=voice)  # fmt: skip
    c0 = time.process_time()
    dry = sing(score, controls=controls, sr=SR)
    cpu = time.process_time() - c0
    if keep is not None:  # the re-sung dry vocal, where the stored-vocal benchmarks can read it
        keep.mkdir(parents=True, exist_ok=True)
        sf.write(str(keep / f"track-{track['variant']}.dry.flac"), dry, SR)
    signals = {"dry": dry}
    if stem:
        audio = decode_audio((folder / "uploads" / "in.wav").read_bytes(), sr=SR)[0]
        signals["stem"] = produce(audio, dry, sr=SR, score=score, controls=controls).vocal_stem
    row = {"id": meta["id"], "kind": meta["kind"], "gender": meta["gender"], "variant": track["variant"],
           "words": ref, "cpu": cpu}  # fmt: skip
    for name, y in signals.items():
        heard = vm.transcribe(y, SR)
        f0, t = vm.f0_track(y, SR)
        row[name] = {
            "heard": heard,
            "wer": vm.wer(ref, vm.words(heard)),
            "per_word": align(ref, vm.words(heard)),
            "pitch": vm.pitch_figures(f0, t, score.notes),
            "timing": vm.timing_figures(vm.vowel_onsets(y, SR, score.notes, f0=f0, f0_t=t)),
        }
        if name == "dry":
            f0_dry, t_dry = f0, t
    gaps = track_gaps(dry, SR, score, f0=f0_dry, f0_t=t_dry)
    row["gaps"] = {k: v for k, v in gaps.items() if k != "per_gap"}
    return row


def _table(rows: list[dict], signals: list[str]) -> str:
    lines = []
    for kind, g, sel in by_material(rows):
        cells = [f"{kind} {g} ({len(sel)} tracks)"]
        for s in signals:
            cells.append(
                f"{s}: WER {100 * np.median([r[s]['wer'] for r in sel]):.0f} % "
                f"(mean {100 * np.mean([r[s]['wer'] for r in sel]):.1f}), "
                f"pitch {np.median([r[s]['pitch']['median_cents'] for r in sel]):.1f} c, "
                f"<50c {100 * np.median([r[s]['pitch']['within_50c'] for r in sel]):.0f} %, "
                f"timing {np.median([r[s]['timing']['median_ms'] for r in sel]):+.1f} ms"
            )
        lines.append(" | ".join(cells))
    g = [r["gaps"] for r in rows]
    lines.append(f"dry vocal between notes (gap_sound.py): {sum(x['voiced_gaps'] for x in g)} voiced and "
                 f"{sum(x['loud_gaps'] for x in g)} loud gaps of {sum(x['gaps'] for x in g)}, voiced "
                 f"{1000 * sum(x['voiced_s'] for x in g):.0f} ms, loudest {max(x['loudest_db'] for x in g):.1f} dB")
    for s in signals:
        lost = sum(w != "ok" for r in rows for w in r[s]["per_word"])
        total = sum(len(r["words"]) for r in rows)
        lines.append(f"{s}: {lost} of {total} words not heard as sung ({100 * lost / max(total, 1):.1f} %)")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="*")
    ap.add_argument("--root", type=Path, action="append", default=[],
                    help="a folder of bench_sing.py task folders (besides or instead of labels)")
    ap.add_argument("--limit", type=int, default=99, help="at most this many task folders per label")
    ap.add_argument("--only", default="", help="only folders whose name contains this")
    ap.add_argument("--gender", choices=("m", "f"), help="only tasks sung by this gender")
    ap.add_argument("--voice", help="sing with this voice instead of the task's (e.g. am_michael on a female task)")
    ap.add_argument("--transpose", type=int, default=0, help="move every note this many semitones (with --voice)")
    ap.add_argument("--stem", action="store_true", help="also produce and measure the vocal stem")
    ap.add_argument("--save", type=Path, help="keep the rows (per-word results) in this JSON file")
    ap.add_argument("--against", type=Path, help="compare word by word with rows saved earlier")
    ap.add_argument("--keep", type=Path, help="write the re-sung dry vocals (and a meta.json) under DIR/LABEL/ID")
    args = ap.parse_args()
    signals = ["dry", "stem"] if args.stem else ["dry"]
    rows = []
    roots = [(label, corpus.OUT / "sing" / label) for label in args.labels] + [(r.name, r) for r in args.root]
    for label, root in roots:
        for meta_path in sorted(root.glob("*/meta.json"))[: args.limit]:
            if args.only not in meta_path.parent.name:
                continue
            meta = json.loads(meta_path.read_text())
            if args.gender and meta["gender"] != args.gender:
                continue
            render_cache().clear()
            keep = None if args.keep is None else args.keep / label / meta_path.parent.name
            if keep is not None:
                kept = json.loads(json.dumps(meta))
                for t in kept["tracks"]:
                    t["files"] = {k: str((meta_path.parent / v).resolve()) for k, v in t["files"].items()}
                    t["files"]["dry"] = f"track-{t['variant']}.dry.flac"
                keep.mkdir(parents=True, exist_ok=True)
                (keep / "meta.json").write_text(json.dumps(kept, indent=1))
            for track in meta["tracks"]:
                row = _track(meta_path.parent, meta, track, stem=args.stem, keep=keep, voice=args.voice,
                             transpose=args.transpose)
                row["label"] = label
                rows.append(row)
                print(f"  {label[:20]:20s} {meta['id'][:24]:24s} {meta['gender']} v{track['variant']} "
                      + " | ".join(f"{s} WER {100 * row[s]['wer']:4.1f} % pitch {row[s]['pitch']['median_cents']:4.1f} c "
                                   f"timing {row[s]['timing']['median_ms']:+5.1f} ms" for s in signals),
                      flush=True)  # fmt: skip
    print(_table(rows, signals))
    print(f"sing CPU {sum(r['cpu'] for r in rows):.1f} s")
    if args.save:
        args.save.write_text(json.dumps(rows, indent=1, default=float))
    if args.against:
        old = {(r["label"], r["id"], r["variant"]): r for r in json.loads(args.against.read_text())}
        gained, lost = Counter(), Counter()
        for r in rows:
            o = old.get((r["label"], r["id"], r["variant"]))
            if o is None:
                continue
            for w, a, b in zip(r["words"], o["dry"]["per_word"], r["dry"]["per_word"]):
                if a != "ok" and b == "ok":
                    gained[w] += 1
                elif a == "ok" and b != "ok":
                    lost[f"{w} ({b})"] += 1
        print(f"dry, against {args.against.name}: {sum(gained.values())} words gained, {sum(lost.values())} lost")
        print("  gained: " + ", ".join(f"{w} x{c}" if c > 1 else w for w, c in gained.most_common()))
        print("  lost:   " + ", ".join(f"{w} x{c}" if c > 1 else w for w, c in lost.most_common()))


if __name__ == "__main__":
    main()
