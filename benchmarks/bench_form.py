"""Benchmark the song's form: sung share, holes, chorus returns, room for the lead, first note, variants.

Compose only (no singing): for every item the instrumental is decoded and analysed, then for three
kinds of lyrics both variants are composed as the pipeline does (``plan_form`` and the lyric stage for
a description, ``compose`` for each variant):

- ``given``: lyrics sized to the item (about a line per 4.5 s, as ``bench_quality.py``);
- ``short``: four lines (a verse and a chorus of two lines each): the chorus has to come back;
- ``written``: written from one of ten descriptions to the planned form.

Material: the rendered corpus (``corpus.py``; music21 scores, 24-34 s) and real produced recordings
(``real_corpus.py``: Debian-packaged game soundtracks; 64 s clips by default, so the chorus figure
applies).  Figures are those of ``form_figures.py`` (the quality.md form rows), the variants' onset
overlap and same pitch, "lyrics longer than the music" warnings on tracks of 10 s or more, lyric sections
with an odd count of lines (a line with no rhyme partner), and the CPU
of analysis + composition (+ writing, for ``written``) per second of audio.

Run: ``python benchmarks/bench_form.py [--n 8] [--real 6] [--real-from 0] [--seconds 64] [--heldout] [--out FILE]``;
writes ``results-form.json`` in the corpus folder unless ``--out`` names another file.  Real items 0-5 are
the development set, 6-11 held-out (``--real-from 6``), 12-17 validation (``--real-from 12``).  Every
result with more than 15 % of its sung time in lead regions is listed after the tables.
"""

from __future__ import annotations

import argparse
import inspect
import json
import time
from pathlib import Path

import numpy as np
from common import lyric_prompt
import corpus
from form_figures import form_fit, onset_overlap
from real_corpus import ITEMS, load_clip, real_items

from topline.audio import decode_audio
from topline.music.analysis import analyse
from topline.music.compose import compose
from topline.music.lyrics import make_lyrics
from topline.music.score_io import variant_similarity
from topline.music.style import resolve_controls

try:
    from topline.music.compose import plan_form
except ImportError:  # a tree from before the planned form
    plan_form = None

SHORT = ("[Verse]\nI walked along the river in the morning light\nthe city was asleep and everything was right\n\n"
         "[Chorus]\nhold me closer when the winter comes\nI will never let you go")  # fmt: skip
DESCRIPTIONS = (
    "a song about driving home after a night shift",
    "a love song about two friends at a summer lake",
    "a sad song about leaving a small town by train",
    "an upbeat song about dancing in the kitchen on a Sunday morning",
    "a song about a grandmother's garden and the smell of rain",
    "a song about a sailor who misses the harbour lights",
    "a hopeful song about starting again after a storm",
    "a song about city streets at midnight and neon signs",
    "a song about a dog waiting at the door every evening",
    "a song about a long road trip with an old radio",
)
MODES = ("given", "short", "written")


def _lyrics(prompt: str, controls, analysis, duration: float):
    params = inspect.signature(make_lyrics).parameters
    kw = {}
    if "duration" in params:
        kw["duration"] = duration
    if "form" in params and plan_form is not None:
        kw["form"] = plan_form(analysis, profile=controls.profile, seed=controls.seed, variant=1)
    return make_lyrics(prompt, controls=controls, **kw)


def _written_sections(lyrics) -> list:
    """The lyric sections as written: every section but the chorus returns (the longest chorus stays)."""
    choruses = [s for s in lyrics.sections if s.kind == "chorus"]
    longest = max(choruses, key=lambda s: len(s.lines)) if choruses else None
    return [s for s in lyrics.sections if s.kind != "chorus" or s is longest]


def run(name: str, y: np.ndarray, sr: int, *, style: str, i: int) -> dict:
    seconds = y.shape[-1] / sr
    t0 = time.process_time()
    est = analyse(y, sr=sr)
    t_an = time.process_time() - t0
    out = {"id": name, "seconds": seconds, "cpu_analysis": t_an, "lead_regions": est.lead_regions,
           "sections": [[round(s, 1), round(e, 1), lab] for s, e, lab, _ in est.sections], "modes": {}}
    for mode in MODES:
        controls = resolve_controls(style=style, seed=2000 + i, vocal_gender="mf"[i % 2], title="Night Shift"
                                  if mode == "written" else "")  # fmt: skip
        prompt = {"given": lyric_prompt(seconds, i), "short": SHORT, "written": DESCRIPTIONS[i % len(DESCRIPTIONS)]}[mode]
        t1 = time.process_time()
        lyrics = _lyrics(prompt, controls, est, seconds)
        scores = [compose(est, lyrics, controls=controls, variant=k) for k in (1, 2)]
        t2 = time.process_time()
        written = _written_sections(lyrics)
        fits = [form_fit(s, est, lyrics) for s in scores]
        out["modes"][mode] = {
            "fit": fits,
            "onsets_shared": onset_overlap(*scores),
            "same_pitch": variant_similarity(*scores),
            "overflow": [any(w.startswith("lyrics longer than the music") for w in s.warnings) for s in scores],
            "warnings": sorted({w for s in scores for w in s.warnings}),
            "cpu": t2 - t1,
            "lines": len(lyrics.lines),
            # the shape of the lyrics: a section of one line, or an odd count, leaves a line with no rhyme
            # partner; a chorus return (any chorus but the longest) sings the chorus's own lines, the hook alone
            # where it is short, and is not counted
            "sections": len(written),
            "odd_sections": sum(len(sec.lines) % 2 == 1 for sec in written),
            "one_line_sections": sum(len(sec.lines) == 1 for sec in written),
            "lyrics": lyrics.text() if mode == "written" else "",
        }
    return out


def summarise(rows: list[dict], mode: str) -> dict:
    fits = [(r, f) for r in rows for f in r["modes"][mode]["fit"]]
    long_ = [f for r, f in fits if r["seconds"] >= 60]
    free = [f for r, f in fits if f["free_room"] and r["lead_regions"]]
    secs = sum(r["seconds"] for r in rows)
    return {
        "results": len(fits),
        "sung_share": float(np.mean([f["sung_share"] for _, f in fits])),
        "sung_share_min": float(np.min([f["sung_share"] for _, f in fits])),
        "share_ok": float(np.mean([f["sung_share"] >= 0.7 for _, f in fits])),
        "hole_max": int(np.max([f["hole_bars"] for _, f in fits])),
        "holes_ok": float(np.mean([f["hole_bars"] <= 4 for _, f in fits])),
        "chorus_ok_60s": float(np.mean([f["chorus"] >= 2 for f in long_])) if long_ else float("nan"),
        "results_60s": len(long_),
        "lead_share_free": float(np.mean([f["lead_share"] for f in free])) if free else float("nan"),
        "lead_share_free_max": float(np.max([f["lead_share"] for f in free])) if free else float("nan"),
        "lead_share_all": float(np.mean([f["lead_share"] for _, f in fits])),
        "results_with_lead_and_room": len(free),
        "first_ok": float(np.mean([f["first_ok"] for _, f in fits])),
        "onsets_shared": float(np.mean([r["modes"][mode]["onsets_shared"] for r in rows])),
        "onsets_shared_max": float(np.max([r["modes"][mode]["onsets_shared"] for r in rows])),
        "same_pitch": float(np.mean([r["modes"][mode]["same_pitch"] for r in rows])),
        "sections": int(sum(r["modes"][mode].get("sections", 0) for r in rows)),
        "odd_sections": int(sum(r["modes"][mode].get("odd_sections", 0) for r in rows)),
        "one_line_sections": int(sum(r["modes"][mode].get("one_line_sections", 0) for r in rows)),
        "overflow_10s": int(sum(any(r["modes"][mode]["overflow"]) for r in rows if r["seconds"] >= 10)),
        "speed": float(sum(r["cpu_analysis"] + r["modes"][mode]["cpu"] for r in rows) / secs),
    }


def table(title: str, rows: list[dict]) -> str:
    out = [f"### {title}", "", "| figure | " + " | ".join(MODES) + " | target |", "|---|" + "---|" * (len(MODES) + 1)]
    sums = {m: summarise(rows, m) for m in MODES}
    spec = [
        ("sung share (mean / min)", lambda s: f"{s['sung_share']:.2f} / {s['sung_share_min']:.2f}", ">= 0.70"),
        ("results with sung share >= 70 %", lambda s: f"{s['share_ok']:.0%}", "all"),
        ("longest hole (bars, max) / results <= 4", lambda s: f"{s['hole_max']} / {s['holes_ok']:.0%}", "<= 4 / all"),
        ("chorus sung twice, results >= 60 s", lambda s: f"{s['chorus_ok_60s']:.0%} of {s['results_60s']}", "all"),
        ("sung time in lead regions (free room; mean / max)",
         lambda s: f"{s['lead_share_free']:.2f} / {s['lead_share_free_max']:.2f} ({s['results_with_lead_and_room']})", "<= 0.15"),
        ("sung time in lead regions (all results, mean)", lambda s: f"{s['lead_share_all']:.2f}", "-"),
        ("first note >= 0.15 s and <= 1 beat before the first beat", lambda s: f"{s['first_ok']:.0%}", "all"),
        ("variants: onsets shared (mean / max)", lambda s: f"{s['onsets_shared']:.2f} / {s['onsets_shared_max']:.2f}", "<= 0.60"),
        ("variants: same pitch at the same time", lambda s: f"{s['same_pitch']:.2f}", "<= 0.50"),
        ("tracks >= 10 s with 'lyrics longer than the music'", lambda s: str(s["overflow_10s"]), "0"),
        ("lyric sections with an odd count of lines (one line) / all, chorus returns aside",
         lambda s: f"{s['odd_sections']} ({s['one_line_sections']}) / {s['sections']}", "-"),
        ("CPU s per s (analysis + lyrics + compose x2)", lambda s: f"{s['speed']:.3f}", "<= 0.1"),
    ]  # fmt: skip
    for name, fmt, target in spec:
        out.append(f"| {name} | " + " | ".join(fmt(sums[m]) for m in MODES) + f" | {target} |")
    return "\n".join(out), sums


def per_item(rows: list[dict]) -> str:
    out = ["| item | s | lead bars | " + " | ".join(f"{m}: share / hole / chorus / lead / onsets" for m in MODES) + " |",
           "|---|---|---|" + "---|" * len(MODES)]  # fmt: skip
    for r in rows:
        cells = []
        for m in MODES:
            d = r["modes"][m]
            f = d["fit"]
            cells.append(f"{np.mean([x['sung_share'] for x in f]):.2f} / {max(x['hole_bars'] for x in f)} / "
                         f"{min(x['chorus'] for x in f)} / {np.mean([x['lead_share'] for x in f]):.2f} / "
                         f"{d['onsets_shared']:.2f}" + (" !" if any(d["overflow"]) else ""))  # fmt: skip
        out.append(f"| {r['id']} | {r['seconds']:.0f} | {r['modes']['given']['fit'][0]['lead_bars']:.2f} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def over_lead(rows: list[dict], limit: float = 0.15) -> str:
    """Every result with more than ``limit`` of its sung time in lead regions, and the track's lead bars."""
    out = []
    for r in rows:
        for m in MODES:
            for v, f in enumerate(r["modes"][m]["fit"], 1):
                if f["lead_share"] > limit:
                    room = "free room" if f["free_room"] else "no free room"
                    out.append(f"  {r['id']} {m} v{v}: lead {f['lead_share']:.2f}, sung share {f['sung_share']:.2f}, "
                               f"lead bars {f['lead_bars']:.2f} ({room})")  # fmt: skip
    return "\n".join([f"results with sung time in lead regions > {limit:.0%}: {len(out)}"] + out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=8, help="rendered corpus items")
    ap.add_argument("--real", type=int, default=6, help="real recordings")
    ap.add_argument("--real-from", type=int, default=0, help="first real item (0 dev, 6 held-out, 12 validation)")
    ap.add_argument("--seconds", type=float, default=64.0, help="length of the real clips")
    ap.add_argument("--lyrics", type=int, default=3, help="written lyrics printed for reading")
    ap.add_argument("--heldout", action="store_true", help="the held-out rendered corpus instead")
    ap.add_argument("--out", default=None, help="where to write the results (default: the corpus folder)")
    args = ap.parse_args()
    rendered, real = [], []
    for i, (truth, path) in enumerate(
            corpus.load(corpus.HELDOUT if args.heldout else corpus.OUT, args.n, heldout=args.heldout) if args.n else []):
        y, sr = decode_audio(str(path), sr=44100)
        rendered.append(run(truth["id"], y, sr, style="pop", i=i))
        print(f"{truth['id']:28s} done", flush=True)
    chosen = [it for it in ITEMS[args.real_from : args.real_from + args.real] if it in real_items()] if args.real else []
    for i, item in enumerate(chosen):
        y = load_clip(item, seconds=args.seconds)
        real.append(run(item.name, y, 44100, style=item.style, i=args.real_from + i))
        print(f"{item.name:28s} done", flush=True)
    result = {}
    for title, rows in (("rendered corpus", rendered), ("real recordings", real)):
        if not rows:
            continue
        print()
        print(per_item(rows))
        print()
        text, sums = table(title, rows)
        print(text)
        print(over_lead(rows))
        result[title] = {"summary": sums, "items": rows}
    shown = [r for r in real + rendered][: args.lyrics]
    for r in shown:
        print(f"\n--- written lyrics for {r['id']} ---\n{r['modes']['written']['lyrics']}")
    out = Path(args.out) if args.out else (corpus.HELDOUT if args.heldout else corpus.OUT) / "results-form.json"
    out.parent.mkdir(parents=True, exist_ok=True)  # real clips alone need no rendered corpus on disk
    out.write_text(json.dumps(result, indent=1, default=float))
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
