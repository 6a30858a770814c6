"""Which phrase-bank couplets the readings mark filler (F) or nonsense (N) most often.

    PYTHONPATH=src python benchmarks/lyrics_bank_marks.py OUT.txt... [--readings benchmarks/lyrics_readings.json]
        [--themes stock,general,slots] [--top 60]

Each OUT.txt is a ``bench_lyrics.py`` run; the distinct lines of its seed-0 songs (what ``--readings`` counts)
are mapped back to the bank entry that wrote them (a bank line with its ``<optional>`` words optional and its
``{slots}`` any words, after any opener such as "even now, " or a call "my wife, "). A line no entry matches is a
carrier or a scene frame (counted under "(carrier/scene)").
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict

from topline.music.lyrics.bank import bank


def norm(text: str) -> str:
    """Lower case, letters, digits, apostrophes and single spaces only."""
    return " ".join(re.sub(r"[^a-z0-9' ]", " ", text.lower()).split())


def pattern(line: str) -> re.Pattern:
    """A bank line as a regex over normalised sung text (an opener before it allowed)."""
    out = []
    for tok in re.findall(r"<[^>]+>|\{\w+\}|[^\s<{]+", line):
        if tok.startswith("<"):
            out.append(f"(?:{re.escape(norm(tok[1:-1]))} )?")
        elif tok.startswith("{"):
            out.append(".+? ")
        else:
            w = norm(tok)
            if w:
                out.append(re.escape(w) + " ")
    return re.compile(r"(?:.*? )?" + "".join(out))  # matched against the sung line plus a space


def seed0_lines(path: str) -> list[tuple[str, list[str]]]:
    """(description, its distinct seed-0 lines) of a bench_lyrics output."""
    text = open(path).read()
    songs = []
    for chunk in text.split("\n=== ")[1:]:
        m = re.match(r"(['\"])(.*)\1 seed 0: ", chunk)
        if not m:
            continue
        body = chunk.split("\n", 1)[1].split("\ndescription ", 1)[0]
        lines = list(dict.fromkeys(ln for ln in body.split("\n") if ln and not ln.startswith("[")))
        songs.append((m.group(2), lines))
    return songs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("outs", nargs="+")
    ap.add_argument("--readings", default="benchmarks/lyrics_readings.json")
    ap.add_argument("--themes", default="", help="only entries of these themes (comma-separated)")
    ap.add_argument("--top", type=int, default=60)
    args = ap.parse_args()
    judged = json.load(open(args.readings))
    entries = bank().entries
    pats = [(e, i, pattern(ln)) for e in entries for i, ln in enumerate(e.lines)]
    # a literal-rich line is more specific than a slot frame: try those first
    pats.sort(key=lambda p: -len(re.sub(r"\{\w+\}|<[^>]+>", "", p[0].lines[p[1]])))
    per_entry: dict[int, Counter] = defaultdict(Counter)
    per_theme: dict[str, Counter] = defaultdict(Counter)
    examples: dict[int, set] = defaultdict(set)
    for out in args.outs:
        for d, lines in seed0_lines(out):
            for ln in lines:
                mark = judged.get(d, {}).get(ln, "?")
                n = norm(ln)
                hit = next(((e, i) for e, i, p in pats if p.fullmatch(n + " ")), None)
                theme = hit[0].theme if hit else "(carrier/scene)"
                per_theme[theme][mark] += 1
                if hit:
                    per_entry[hit[0].index][mark] += 1
                    if mark in "NF":
                        examples[hit[0].index].add(f"{mark} {ln}  [{d[:40]}]")
    keep = set(args.themes.split(",")) - {""}
    print("theme            N    F   ok    ?  N+F share")
    for t, c in sorted(per_theme.items(), key=lambda kv: -(kv[1]["N"] + kv[1]["F"])):
        tot = sum(c.values())
        print(f"{t:15s} {c['N']:4d} {c['F']:4d} {c['ok']:4d} {c['?']:4d}  {(c['N'] + c['F']) / tot:.2f}")
    print()
    rows = [(c["N"] + c["F"], i, c) for i, c in per_entry.items() if not keep or entries[i].theme in keep]
    for nf, i, c in sorted(rows, key=lambda r: (-r[0], r[1]))[:args.top]:
        if nf == 0:
            break
        e = entries[i]
        print(f"{nf:3d} (N {c['N']} F {c['F']} ok {c['ok']}) #{i} {e.theme} {e.roles} {' '.join(sorted(e.tags))} | "
              f"{e.lines[0]} / {e.lines[1]}")


if __name__ == "__main__":
    main()
