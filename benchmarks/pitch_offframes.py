"""Why frames are off pitch: classify the stem's voiced in-note frames more than 50 cents off.

Reads the task folders ``bench_sing.py`` keeps (``benchmarks/.corpus/sing/LABEL``), measures the
stem's and the dry vocal's F0 as ``vocal_metrics.pitch_errors`` does (harvest, 5 ms, frames inside
notes), rebuilds the phoneme plan the voice sang (``phonemes.plan``, deterministic) and gives each
off frame one cause, the first that applies:

- ``octave``: 600 cents or more off (a halved/doubled F0 or a harmony voice tracked);
- ``unvoiced``: inside a consonant sung without voicing (harvest calls it voiced);
- ``silent``: inside a note but outside every planned sound (rests in the note, releases);
- ``change-pre`` / ``change-post``: within ``CHANGE_S`` before / after the start of a note whose
  pitch differs from the note before it (the glide and harvest's smoothing of it);
- ``voiced-cons``: a voiced consonant;
- ``vowel-end``: a vowel in the last ``END_S`` of a phrase's last note (the release);
- ``vowel-vib``: a vowel past the vibrato delay of a note long enough for vibrato;
- ``vowel``: any other vowel frame.

Each cause is also split by whether the dry vocal is within 50 cents at the same frame (then the
stem's processing - doubles, harmony, reverb - moved it).

Run: ``python benchmarks/pitch_offframes.py LABEL [LABEL ...]``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import vocal_metrics as vm  # noqa: E402

from topline.music.types import Score  # noqa: E402
from topline.voice import kokoro_model, phonemes  # noqa: E402
from topline.voice.voices import VOICES  # noqa: E402

CHANGE_S = 0.06
END_S = 0.1
VIBRATO_DELAY_S = 0.3
CAUSES = ("octave", "unvoiced", "silent", "change-pre", "change-post", "voiced-cons", "vowel-end", "vowel-vib", "vowel")


def unit_kind_at(t: np.ndarray, plan) -> np.ndarray:
    """Per time: 'v' vowel, 'u' unvoiced consonant, 'c' voiced consonant, '' nothing planned."""
    kind = np.full(t.shape, "", dtype=object)
    for p in plan:
        for u in p.units:
            sel = (t >= u.start) & (t < u.end)
            kind[sel] = "v" if u.vowel else ("u" if u.arpabet in phonemes.UNVOICED else "c")
    return kind


def approach_kind(plan) -> dict[int, str]:
    """Per note (``id``), how its vowel is reached: 'U' after an unvoiced consonant, 'C' after a
    voiced one, 'L' from a vowel (legato, a tie)."""
    out = {}
    for p in plan:
        for i, syl in enumerate(p.syllables):
            onset = [u for u in p.units if u.syllable == i and not u.vowel and u.end <= syl.start + 1e-6]
            out[id(syl.notes[0])] = "L" if not onset else ("U" if onset[-1].arpabet in phonemes.UNVOICED else "C")
            for n in syl.notes[1:]:
                out[id(n)] = "L"
    return out


def classify(f0: np.ndarray, f0_dry: np.ndarray, t: np.ndarray, notes, plan) -> list[tuple[str, str, float]]:
    """(cause, the dry vocal there, cents) of each stem frame more than 50 cents off, plus ('ok', .., ..).

    The dry vocal's frame is 'ok' (within 50 cents), 'off' or 'uv' (unvoiced): where it is not
    'off', the stem's processing (doubles, harmony, delay, reverb) made the error.

    The change causes carry how the changed note is reached (``approach_kind``): ``change-pre:U``.
    """
    notes = sorted(notes, key=lambda n: n.start)
    kind = unit_kind_at(t, plan)
    how = approach_kind(plan)
    last_of_phrase = {id(p.notes[-1]) for p in plan}
    out = []
    for k, n in enumerate(notes):
        sel = np.flatnonzero((t >= n.start) & (t < n.end) & (f0 > 0))
        if sel.size == 0:
            continue
        hz = vm.note_hz(n.midi)
        err = 1200 * np.abs(np.log2(f0[sel] / hz))
        dry_ok = np.where(f0_dry[sel] <= 0, "uv",
                          np.where(1200 * np.abs(np.log2(np.maximum(f0_dry[sel], 1e-9) / hz)) <= 50, "ok", "off"))
        prev = notes[k - 1] if k else None
        nxt = notes[k + 1] if k + 1 < len(notes) else None
        change_in = prev is not None and prev.midi != n.midi and n.start - prev.end < phonemes.PHRASE_GAP_S
        change_out = nxt is not None and nxt.midi != n.midi and nxt.start - n.end < phonemes.PHRASE_GAP_S
        for j, e, dok in zip(sel, err, dry_ok):
            if e <= 50:
                out.append(("ok", str(dok), float(e)))
                continue
            tt = t[j]
            if e >= 600:
                c = "octave"
            elif kind[j] == "u":
                c = "unvoiced"
            elif kind[j] == "":
                c = "silent"
            elif change_out and tt >= n.end - CHANGE_S:
                c = "change-pre:" + how.get(id(nxt), "?")
            elif change_in and tt < n.start + CHANGE_S:
                c = "change-post:" + how.get(id(n), "?")
            elif kind[j] == "c":
                c = "voiced-cons"
            elif id(n) in last_of_phrase and tt >= n.end - END_S:
                c = "vowel-end"
            elif n.end - n.start >= VIBRATO_DELAY_S + 0.15 and tt >= n.start + VIBRATO_DELAY_S:
                c = "vowel-vib"
            else:
                c = "vowel"
            out.append((c, str(dok), float(e)))
    return out


def report(total: Counter, frames: int, *, dry: Counter | None = None) -> str:
    """The causes' shares of all frames (percent), the change causes split by approach, and (with
    ``dry``, counts per (cause, dry state)) how much of each the dry vocal had right or unvoiced."""
    fr = max(frames, 1)
    off = sum(v for k, v in total.items() if k != "ok")
    agg: Counter = Counter()
    for k, v in total.items():
        agg[k.split(":")[0]] += v
    by: Counter = Counter()
    for (k, st), v in (dry or Counter()).items():
        by[(k.split(":")[0], st)] += v
    made = sum(v for (k, st), v in by.items() if k != "ok" and st != "off")
    lines = [f"  frames {frames}, off {100 * off / fr:.1f} %"
             + (f" (the dry vocal within 50 c or unvoiced there: {100 * made / fr:.1f} %)" if dry is not None else "")]
    for c in CAUSES:
        split = ""
        if c.startswith("change"):
            split = "  [" + ", ".join(f"{a} {100 * total[c + ':' + a] / fr:.2f}" for a in "UCL") + "]"
        d = (f"   dry ok {100 * by[(c, 'ok')] / fr:4.2f} uv {100 * by[(c, 'uv')] / fr:4.2f}" if dry is not None else "")
        lines.append(f"    {c:12s} {100 * agg[c] / fr:5.2f} %{d}{split}")
    return "\n".join(lines)


def read(path: Path) -> np.ndarray:
    y, sr = sf.read(str(path), dtype="float32", always_2d=True)
    return y.T, sr


def analyse_label(label: str, *, verbose: bool = False) -> dict:
    root = corpus.OUT / "sing" / label
    per_item = []
    total: Counter = Counter()
    stem_only: Counter = Counter()
    frames = 0
    for meta_path in sorted(root.glob("*/meta.json")):
        meta = json.loads(meta_path.read_text())
        folder = meta_path.parent
        for track in meta["tracks"]:
            files = track["files"]
            score = Score.from_json(json.loads((folder / files["score"]).read_text()))
            stem, sr = read(folder / files["vocals"])
            dry, _ = read(folder / files["score"].replace(".score.json", ".dry.flac"))
            f0, t = vm.f0_track(stem, sr)
            f0d, _ = vm.f0_track(dry, sr)
            n = min(f0.size, f0d.size)
            voice = VOICES.get(track.get("voice") or "", None)
            plan = phonemes.plan(score.notes, id_map=kokoro_model.VOCAB,
                                 frame_s=kokoro_model.FRAME / kokoro_model.SAMPLE_RATE,
                                 accent=voice.accent if voice else "us")  # fmt: skip
            res = classify(f0[:n], f0d[:n], t[:n], score.notes, plan)
            c = Counter(r[0] for r in res)
            so = Counter((r[0], r[1]) for r in res)
            total.update(c)
            stem_only.update(so)
            frames += len(res)
            errs = np.array([r[2] for r in res])
            hz = np.array([vm.note_hz(nn.midi) for nn in score.notes])
            row = {"id": meta["id"], "kind": meta["kind"], "gender": meta["gender"], "variant": track["variant"],
                   "voice": track.get("voice"), "median": float(np.median(errs)), "within": float(np.mean(errs <= 50)),
                   "hz_max": float(hz.max()), "hz_med": float(np.median(hz)),
                   "causes": {k: v / len(res) for k, v in c.items() if k != "ok"},
                   "stem_only": sum(v for (k, st), v in so.items() if k != "ok" and st != "off") / len(res)}  # fmt: skip
            per_item.append(row)
            if verbose:
                top = ", ".join(f"{k} {100 * v:.1f}" for k, v in sorted(row["causes"].items(), key=lambda kv: -kv[1])[:5])
                print(f"  {row['id'][:24]:24s} {row['gender']} v{row['variant']} {row['voice'] or '?':10s} "
                      f"med {row['median']:5.1f} <50 {100 * row['within']:4.1f} % notes {row['hz_med']:.0f}/"
                      f"{row['hz_max']:.0f} Hz stem-only {100 * row['stem_only']:.1f} | {top}", flush=True)  # fmt: skip
    return {"label": label, "frames": frames, "total": total, "stem_only": stem_only, "items": per_item}


def main() -> None:
    for label in sys.argv[1:]:
        print(f"## {label}")
        r = analyse_label(label, verbose=True)
        print(report(r["total"], r["frames"], dry=r["stem_only"]))


if __name__ == "__main__":
    main()
