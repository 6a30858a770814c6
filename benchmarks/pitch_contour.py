"""Where off-pitch frames come from: the sung contour itself, or what rendering and tracking made of it.

Reads the task folders ``bench_sing.py`` keeps (``benchmarks/.corpus/sing/LABEL``), rebuilds the
phoneme plan and the F0 contour the voice was given (``phonemes.plan`` and ``pitch.contour`` with the
seeds ``sing`` draws: deterministic, no rendering) and measures the stored dry vocal and stem with
harvest (``vocal_metrics.f0_track``).  Each voiced in-note frame is then:

- ``contour``: the contour itself is more than 50 cents off the note (a glide, a scoop, vibrato);
- ``render``: the contour is within 50 cents but the dry vocal is more than 50 cents off it
  (resynthesis, the voicing of consonants, harvest);

split by where the frame lies: the first ``EDGE_S`` of the note, its last ``EDGE_S``, or between;
and by the sound planned there (vowel, voiced or unvoiced consonant, none).  With ``--stem`` the same
for the stem, where the dry vocal is within 50 cents (the stem's processing).

Run: ``python benchmarks/pitch_contour.py LABEL [LABEL ...] [--stem]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import pitch_offframes as po  # noqa: E402
import vocal_metrics as vm  # noqa: E402

from topline.music.style import resolve_controls  # noqa: E402
from topline.music.types import Score  # noqa: E402
from topline.voice import _voiceless_lead, kokoro_model, phonemes, pitch, world  # noqa: E402
from topline.voice.voices import VOICES  # noqa: E402

EDGE_S = 0.06


def contour_track(score: Score, controls, accent: str) -> tuple[np.ndarray, np.ndarray, list]:
    """The song-clock times (WORLD frames) and MIDI contour ``sing`` gives WORLD, and the plan."""
    vsr = kokoro_model.SAMPLE_RATE
    plan = phonemes.plan(sorted(score.notes, key=lambda n: n.start), id_map=kokoro_model.VOCAB,
                         frame_s=kokoro_model.FRAME / vsr, accent=accent)  # fmt: skip
    rng = np.random.default_rng([int(score.seed) & 0xFFFFFFFF, int(score.variant) & 0xFFFF])
    seeds = [int(rng.integers(2**31)) for _ in plan]
    fp = world.FRAME_PERIOD_MS / 1000.0
    ts, ms = [], []
    prof = controls.profile
    for p, seed in zip(plan, seeds):
        n_out = int(round((p.end - p.t0) * vsr))
        times = p.t0 + np.arange(int(np.ceil(n_out / vsr / fp)) + 1) * fp
        approach, voiceless = [], []
        for i, syl in enumerate(p.syllables):
            onset = [u for u in p.units if u.syllable == i and not u.vowel and u.start < syl.start]
            approach += [max((syl.start - u.start for u in onset), default=0.0)] + [0.0] * (len(syl.notes) - 1)
            voiceless += [_voiceless_lead(onset, syl.start)] + [0.0] * (len(syl.notes) - 1)
        midi = pitch.contour(p.notes, times=times, approach_s=approach, voiceless_s=voiceless,
                             portamento_s=prof.portamento_s, vibrato_depth_cents=prof.vibrato_depth_cents,
                             vibrato_rate_hz=prof.vibrato_rate_hz, vibrato_delay_s=prof.vibrato_delay_s,
                             seed=seed)  # fmt: skip
        ts.append(times)
        ms.append(midi)
    return np.concatenate(ts), np.concatenate(ms), plan


def classify(f0: np.ndarray, ref_hz: np.ndarray, t: np.ndarray, notes, plan, target: np.ndarray) -> Counter:
    """Counts of (source, position, sound) of the frames more than 50 c off, and ('all',) of all frames.

    ``ref_hz`` is what the signal was made from (the contour for the dry vocal, the dry vocal's F0 for
    the stem); ``target`` the contour in MIDI per frame (nan outside phrases).
    """
    kind = po.unit_kind_at(t, plan)
    out: Counter = Counter()
    for n in sorted(notes, key=lambda n: n.start):
        sel = np.flatnonzero((t >= n.start) & (t < n.end) & (f0 > 0))
        hz = vm.note_hz(n.midi)
        for j in sel:
            out[("all",)] += 1
            e = 1200 * abs(np.log2(f0[j] / hz))
            if e <= 50:
                continue
            if e >= 600:
                out[("octave", "", "")] += 1
                continue
            pos = "onset" if t[j] < n.start + EDGE_S else ("end" if t[j] >= n.end - EDGE_S else "mid")
            snd = {"v": "vowel", "u": "unv", "c": "vcons", "": "none"}[kind[j]]
            if np.isnan(target[j]):
                src = "nocontour"
            elif abs(100 * (target[j] - n.midi)) > 50:
                src = "contour"
            elif ref_hz[j] <= 0:
                src = "ref-uv"
            elif 1200 * abs(np.log2(ref_hz[j] / hz)) > 50:
                src = "ref-off"
            else:
                src = "render"
            out[(src, pos, snd)] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="+")
    ap.add_argument("--stem", action="store_true", help="also classify the stem's off frames")
    args = ap.parse_args()
    for label in args.labels:
        dry_c: Counter = Counter()
        stem_c: Counter = Counter()
        for meta_path in sorted((corpus.OUT / "sing" / label).glob("*/meta.json")):
            meta = json.loads(meta_path.read_text())
            folder = meta_path.parent
            controls = resolve_controls(seed=meta["seed"], title="Benchmark", style=meta["style"],
                                        vocal_gender=meta["gender"])  # fmt: skip
            for track in meta["tracks"]:
                files = track["files"]
                score = Score.from_json(json.loads((folder / files["score"]).read_text()))
                voice = VOICES.get(track.get("voice") or "")
                ct, cm, plan = contour_track(score, controls, voice.accent if voice else "us")
                dry, sr = sf.read(str(folder / files["dry"]), dtype="float32", always_2d=True)
                f0d, t = vm.f0_track(dry.T, sr)
                order = np.argsort(ct, kind="stable")
                target = np.interp(t, ct[order], cm[order], left=np.nan, right=np.nan)
                # outside every phrase: nan
                inside = np.zeros(t.shape, dtype=bool)
                for p in plan:
                    inside |= (t >= p.t0) & (t <= p.end)
                target[~inside] = np.nan
                c = classify(f0d, np.where(np.isnan(target), 0.0, 440 * 2 ** ((np.nan_to_num(target) - 69) / 12)),
                             t, score.notes, plan, target)  # fmt: skip
                dry_c.update(c)
                if args.stem:
                    stem, _ = sf.read(str(folder / files["vocals"]), dtype="float32", always_2d=True)
                    f0s, ts = vm.f0_track(stem.T, sr)
                    m = min(f0s.size, f0d.size)
                    cs = classify(f0s[:m], f0d[:m], ts[:m], score.notes, plan, target[:m])
                    stem_c.update(cs)
                tot = c[("all",)]
                off = sum(v for k, v in c.items() if k != ("all",))
                print(f"  {meta['id'][:24]:24s} {meta['gender']} v{track['variant']} {track.get('voice')}: "
                      f"dry off {100 * off / max(tot, 1):.1f} %", flush=True)  # fmt: skip
        for name, c in (("dry", dry_c), ("stem", stem_c)):
            tot = c[("all",)]
            if not tot:
                continue
            off = sum(v for k, v in c.items() if k != ("all",))
            print(f"## {label} {name}: {tot} frames, off {100 * off / tot:.2f} %")
            by_src: Counter = Counter()
            for k, v in c.items():
                if k != ("all",):
                    by_src[k[0]] += v
            for s, v in by_src.most_common():
                print(f"   {s:10s} {100 * v / tot:5.2f} %")
            for k, v in sorted(((k, v) for k, v in c.items() if k != ("all",)), key=lambda kv: -kv[1])[:16]:
                print(f"     {'/'.join(k):28s} {100 * v / tot:5.2f} %")


if __name__ == "__main__":
    main()
