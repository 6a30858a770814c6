"""Re-produce stored sung takes and measure how well the words come through the stem and the mix.

``bench_sing.py`` renders whole tasks (analysis, composition, singing, production); its task folders
keep each variant's dry vocal (``track-k.dry.flac``), score and the uploaded instrumental. This script
runs only ``produce`` again on them, with the production code of the tree it runs in, and measures
Whisper tiny.en WER (``vocal_metrics.transcribe``, the same recogniser and settings) on the dry vocal,
the vocal stem and the mastered mix, with the mix figures (loudness, true peak, balance, stems sum).
It is the quick loop for production changes: the voice is held fixed, so differences are production's.

It also gives the stem's pitch figures (``vocal_metrics.pitch_figures``: harvest F0 against the score, the
``bench_sing.py`` definition), which move with the effects (delay, reverb, doubles, harmony) and are far
less noisy than the recogniser's; ``--no-words`` measures only them (no Whisper: several times faster).

Run: ``python benchmarks/bench_mix_words.py --from base`` (the folders of ``bench_sing.py --label base``);
``--only ID ...`` limits the items; ``--json FILE`` writes the rows.  The dry vocal's transcript is cached
in ``/tmp/bench_mix_words_dry.json`` (the voice is held fixed).
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import sys
import time
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import vocal_metrics as vm  # noqa: E402
from common import aligned_texts, by_material  # noqa: E402

from topline.audio import decode_audio  # noqa: E402
from topline.music.types import Score  # noqa: E402
from topline.pipeline import SR, TaskSpec  # noqa: E402
from topline.production import produce  # noqa: E402
from topline.production.encode import encode_wav  # noqa: E402
from topline.production.master import true_peak_db  # noqa: E402

_DRY_CACHE = Path("/tmp/bench_mix_words_dry.json")


def _dry_cache() -> dict:
    return json.loads(_DRY_CACHE.read_text()) if _DRY_CACHE.exists() else {}


def run_item(root: Path, meta: dict, cache: dict, *, words: bool = True, profile: dict | None = None) -> list[dict]:
    task = root / "tasks" / "bench"
    spec = TaskSpec.build(task_id="bench", audio_key="uploads/in.wav", prompt=meta["prompt"], title="Benchmark",
                          style=meta["style"], vocal_gender=meta["gender"], seed=meta["seed"])  # fmt: skip
    controls = spec.controls
    if profile:  # what one effect costs: the same takes with it changed (``--set reverb_wet=0``)
        controls = dataclasses.replace(controls, profile=dataclasses.replace(controls.profile, **profile))
    inst, _ = decode_audio((root / "uploads" / "in.wav").read_bytes(), sr=SR)
    rows = []
    for track in meta["tracks"]:
        files = track["files"]
        k = track["variant"]
        score = Score.from_json(json.loads((root / files["score"]).read_text()))
        sung = vm.words(" ".join(aligned_texts(json.loads((root / files["lyrics"]).read_text()))))
        dry, sr = sf.read(str(task / f"track-{k}.dry.flac"), dtype="float32")
        assert sr == SR
        c0 = time.process_time()
        prod = produce(inst, dry, sr=SR, score=score, controls=controls)
        cpu = time.process_time() - c0
        key = f"{root}/{k}"
        heard = {}
        if words:
            if key not in cache:
                cache[key] = vm.transcribe(dry, SR)
            # The mix as delivered and as bench_sing.py hears it (a 16-bit WAV): Whisper tiny.en's words
            # change with differences that small (up to 14 points of WER on a track, measured), so the
            # float mix would not reproduce bench_sing's figures.
            mix, _ = sf.read(io.BytesIO(encode_wav(prod.mix, sr=SR)), dtype="float32", always_2d=True)
            heard = {"dry": cache[key], "stem": vm.transcribe(prod.vocal_stem, SR), "mix": vm.transcribe(mix.T, SR)}
        f0, t = vm.f0_track(prod.vocal_stem, SR)
        rows.append({
            "id": meta["id"], "kind": meta["kind"], "gender": meta["gender"], "variant": k,
            "wer": {n: vm.wer(sung, vm.words(h)) for n, h in heard.items()}, "heard": heard,
            "pitch_stem": vm.pitch_figures(f0, t, score.notes),
            "lufs": vm.loudness_lufs(prod.mix, SR), "true_peak_db": float(true_peak_db(prod.mix)),
            "balance_lu": vm.loudness_lufs(prod.vocal_stem, SR) - vm.loudness_lufs(prod.instrumental_stem, SR),
            "stems_err": float(np.max(np.abs(prod.vocal_stem + prod.instrumental_stem - prod.premaster))),
            "air_stem_db": vm.band_ratio_db(prod.vocal_stem, SR), "cpu_per_s": cpu / (inst.shape[-1] / SR),
        })  # fmt: skip
    return rows


def table(rows: list[dict]) -> str:
    lines = []
    for kind, g, vs in by_material(rows):
        pitch = (f"pitch {np.median([r['pitch_stem']['median_cents'] for r in vs]):4.1f} c, within 50 c "
                 f"{100 * np.median([r['pitch_stem']['within_50c'] for r in vs]):4.1f} %")
        if vs[0]["wer"]:
            med = {n: 100 * float(np.median([r["wer"][n] for r in vs])) for n in ("dry", "stem", "mix")}
            pitch = (f"WER dry {med['dry']:4.0f} %  stem {med['stem']:4.0f} %  mix {med['mix']:4.0f} %  "
                     f"(worst mix {100 * max(r['wer']['mix'] for r in vs):.0f} %, mean "
                     f"{100 * np.mean([r['wer']['mix'] for r in vs]):.1f} %)  " + pitch)
        lines.append(f"{kind:6s} {g} n={len(vs):2d}  " + pitch)
    lines.append(f"all: LUFS {min(r['lufs'] for r in rows):.2f} .. {max(r['lufs'] for r in rows):.2f}, "
                 f"true peak <= {max(r['true_peak_db'] for r in rows):.2f} dBTP, balance "
                 f"{min(r['balance_lu'] for r in rows):.2f} .. {max(r['balance_lu'] for r in rows):.2f} LU, "
                 f"stems err {max(r['stems_err'] for r in rows):.1e}, air >= {min(r['air_stem_db'] for r in rows):.1f} dB, "
                 f"produce {np.mean([r['cpu_per_s'] for r in rows]):.3f} CPU-s/s")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="label", default="base", help="bench_sing.py run whose task folders to re-produce")
    ap.add_argument("--root", type=Path, default=None, help="its folder (default benchmarks/.corpus/sing/LABEL)")
    ap.add_argument("--only", nargs="*", default=None, help="item ids")
    ap.add_argument("--json", type=Path, default=None, help="write the rows here")
    ap.add_argument("--set", nargs="*", default=[], metavar="FIELD=VALUE",
                    help="style profile fields changed for every item (reverb_wet=0, doubling=false, ...)")
    ap.add_argument("--no-words", dest="words", action="store_false", help="pitch and mix figures only (no Whisper)")
    args = ap.parse_args()
    root = args.root or corpus.OUT / "sing" / args.label
    cache = _dry_cache()
    profile = {}
    for kv in args.set:
        k, v = kv.split("=", 1)
        profile[k] = v.lower() in ("1", "true", "yes") if k in ("doubling", "harmony") else float(v)
    rows = []
    for meta_path in sorted(root.glob("*/meta.json")):
        meta = json.loads(meta_path.read_text())
        if args.only and meta["id"] not in args.only:
            continue
        for r in run_item(meta_path.parent, meta, cache, words=args.words, profile=profile):
            rows.append(r)
            ps = r["pitch_stem"]
            said = (f"  WER dry/stem/mix {r['wer']['dry']:.2f}/{r['wer']['stem']:.2f}/{r['wer']['mix']:.2f}"
                    f"  mix heard: {r['heard']['mix']!r}" if r["wer"] else "")
            print(f"{r['id']:28s} {r['gender']} v{r['variant']}  pitch {ps['median_cents']:4.1f} c "
                  f"{100 * ps['within_50c']:4.1f} %  bal {r['balance_lu']:+.2f}{said}", flush=True)  # fmt: skip
        _DRY_CACHE.write_text(json.dumps(cache))
    print()
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
