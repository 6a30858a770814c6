"""Benchmark the key alone, over many rendered items, with a breakdown of the errors.

The key is read by the second pass of the analysis (``hear_harmony``); the first pass (``hear_form``:
beats, meter, the pitch salience's chroma) does not depend on it.  So the first pass of every item is
run once and kept (pickled, with essentia's audio key) under ``--cache`` (default ``/tmp/bench_key``),
and each later run only reads the harmony again: about a minute for all 272 items, against some
15 minutes for the first run.  Delete the cache after changing anything ``hear_form`` or the audio
key (``estimate_key``) computes.

Sets: the rendered corpus (``corpus``), ``heldout``, ``chorales34``, ``triple`` and ``meterfit``
(``corpus_meterfit.py``'s chorale pairs and quartet passages, 192 renders; its items' key is the
first chorale's or the movement's, the second chorale of a pair is transposed to it), each from its
folder under ``benchmarks/`` (``--root`` for another).  Never the checking sets (validation, fresh).

Scored as ``bench_analysis.py`` scores the key (MIREX weighted: 1 right, 0.5 a fifth above, 0.3
relative, 0.2 parallel, else 0), with each error's kind: ``fifth_up`` (the estimate's tonic a fifth
above the truth's, same mode), ``fifth_down``, ``relative``, ``parallel``, ``other``.  ``--kinds`` adds
a line per item kind (chorale, quartet, ...) and per whether the item's own true chords name its key
(``score_key``, a diagnostic: where they do not, the passage may sound in a neighbouring key).
The meterfit set is rendered with ``python benchmarks/corpus_meterfit.py --n 192``.

Run: ``python benchmarks/bench_key.py [--sets corpus heldout chorales34 triple meterfit] [--verbose]``.
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import Counter, defaultdict
from pathlib import Path

import mir_eval
import numpy as np
import corpus
from common import chord_score

HERE = Path(__file__).resolve().parent
SETS = {"corpus": ".corpus", "heldout": ".corpus-heldout", "chorales34": ".corpus-chorales34",
        "triple": ".corpus-triple", "meterfit": ".corpus-meterfit"}  # fmt: skip
PITCHES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
FLATS = {"Db": "C#", "Eb": "D#", "Gb": "F#", "Ab": "G#", "Bb": "A#"}
KINDS = ("right", "fifth_up", "fifth_down", "relative", "parallel", "other")


def _parse(key: str) -> tuple[int, str]:
    tonic, mode = key.split()
    return PITCHES.index(FLATS.get(tonic, tonic)), mode


def confusion(truth: str, est: str) -> str:
    """The kind of ``est`` against ``truth``: one of ``KINDS``."""
    (t, tm), (e, em) = _parse(truth), _parse(est)
    if (t, tm) == (e, em):
        return "right"
    if tm == em and (e - t) % 12 == 7:
        return "fifth_up"
    if tm == em and (e - t) % 12 == 5:
        return "fifth_down"
    if tm != em and (e - t) % 12 == (9 if tm == "major" else 3):
        return "relative"
    if tm != em and e == t:
        return "parallel"
    return "other"


# Krumhansl-Kessler probe-tone profiles, tonic first.
_KK_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
_KK_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])


def score_key(truth: dict) -> str:
    """The key the excerpt's own true chords name (a diagnostic, not the truth): the Krumhansl-Kessler
    profile that best fits the pitch classes of the true triads, weighted by duration.  Where it is
    not the item's key (the whole score's), the excerpt itself may sound in a neighbouring key."""
    pcs = np.zeros(12)
    for s, e, lab in truth["chords"]:
        if lab == "N" or ":" not in lab:
            continue
        root, quality = lab.split(":")
        r = PITCHES.index(FLATS.get(root, root))
        third = 3 if quality.startswith("min") else 4
        for iv in (0, third, 7):
            pcs[(r + iv) % 12] += e - s
    if pcs.sum() <= 0:
        return "C major"
    fits = [(np.corrcoef(pcs, np.roll(prof, t))[0, 1], f"{PITCHES[t]} {mode}")
            for mode, prof in (("major", _KK_MAJOR), ("minor", _KK_MINOR)) for t in range(12)]  # fmt: skip
    return max(fits)[1]


def first_pass(path: Path, cache: Path):
    """``hear_form`` of one item and its audio key, from the cache or computed and stored."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from dataclasses import replace

    from topline.audio import decode_audio
    from topline.music.analysis import SR, hear_form
    from topline.music.analysis.tonal import estimate_key

    y, sr = decode_audio(str(path), sr=44100)
    heard = hear_form(y, sr=sr)
    heard = replace(heard, y=heard.y22[: SR], sr=SR)  # the loudness is not scored: keep a second
    stored = (heard, estimate_key(heard.y22, sr=SR))
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL))
    return stored


def items(name: str, root: Path, n: int | None) -> list[tuple[dict, Path]]:
    return corpus.read_index(root / SETS[name], n)  # (rendered beforehand: the meterfit set by its own script)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    ap.add_argument("--root", type=Path, default=HERE)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/bench_key"))
    ap.add_argument("--n", type=int, default=None, help="first n items of each set")
    ap.add_argument("--only", default=None, help="items whose id contains this")
    ap.add_argument("--verbose", action="store_true", help="a line per item")
    ap.add_argument("--errors", action="store_true", help="a line per item read wrong")
    ap.add_argument("--kinds", action="store_true", help="a summary line per item kind too")
    ap.add_argument("--json", type=Path, default=None, help="write every item's reading here")
    args = ap.parse_args()

    from topline.music import analysis

    rows = []
    for name in args.sets:
        if not (args.root / SETS[name] / "index.json").exists():
            print(f"{name}: not rendered, skipped")
            continue
        for truth, path in items(name, args.root, args.n):
            if args.only and args.only not in truth["id"]:
                continue
            heard, audio_key = first_pass(path, args.cache / name / f"{truth['id']}.pkl")
            analysis.estimate_key = lambda y, *, sr, _k=audio_key: _k  # the stored audio key
            est = analysis.hear_harmony(heard)
            kind = confusion(truth["key"], est.key)
            acc, dur = chord_score(truth, est.chords)
            r = {"set": name, "id": truth["id"], "kind": truth.get("kind", truth["id"].split("-")[1]),
                 "truth": truth["key"], "audio": audio_key, "score_key": score_key(truth), "est": est.key,
                 "error": kind, "score": float(mir_eval.key.weighted_score(truth["key"], est.key)),
                 "key_conf": est.key_confidence, "mode_conf": est.mode_confidence,
                 "chords": acc, "chords_s": dur}  # fmt: skip
            rows.append(r)
            if args.verbose or (args.errors and kind != "right"):
                print(f"{name:10s} {r['id']:24s} {r['truth']:9s} audio {audio_key:9s} est {r['est']:9s} "
                      f"{kind:10s} k{r['key_conf']:.2f} m{r['mode_conf']:.2f} chords name "
                      f"{r['score_key']} ({confusion(truth['key'], r['score_key'])})", flush=True)  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r["set"]].append(r)
        if args.kinds:
            groups[f"{r['set']}/{r['kind']}"].append(r)
            agree = "agree" if r["score_key"] == r["truth"] else "differ"
            groups[f"{r['set']}/chords-{agree}"].append(r)
    groups["all"] = rows
    print(f"\n{'set':22s} {'n':>4s} {'key':>6s}  " + " ".join(f"{k:>10s}" for k in KINDS) + "   audio key  chords")
    for g, rs in groups.items():
        c = Counter(r["error"] for r in rs)
        audio = np.mean([mir_eval.key.weighted_score(r["truth"], r["audio"]) for r in rs])
        w = np.array([r["chords_s"] for r in rs])
        chords = float(np.sum(w * np.array([r["chords"] for r in rs])) / w.sum())
        print(f"{g:22s} {len(rs):4d} {np.mean([r['score'] for r in rs]):6.3f}  "
              + " ".join(f"{c[k]:10d}" for k in KINDS) + f"   {audio:9.3f}  {chords:.4f}")  # fmt: skip


if __name__ == "__main__":
    main()
