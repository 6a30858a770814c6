"""How readers judged each phrase-bank line: the table the writer's reading prior uses (``data/line_marks.tsv``).

    PYTHONPATH=src python benchmarks/build_line_marks.py [--readings benchmarks/lyrics_readings.json]
        [--out src/topline/music/lyrics/data/line_marks.tsv] [--check]

Every judged line of ``lyrics_readings.json`` whose description belongs to a TUNING set of ``bench_lyrics.py`` is
mapped back to the bank line that wrote it (``lyrics_bank_marks.pattern``: its ``<optional>`` words optional, its
``{slots}`` any words, an opener or a call allowed before it; the most literal bank line first), and the bank line's
judgements are counted: how many songs read it as a line to keep (ok), as filler (F) and as nonsense (N). The
checking sets (``fresh4`` and after) never count: they measure what this prior does on descriptions it has not seen.
``--check`` only says whether the shipped table is what the readings give now.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_lyrics  # noqa: E402
from lyrics_bank_marks import norm, pattern  # noqa: E402

from topline.music.lyrics.bank import bank  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src/topline/music/lyrics/data/line_marks.tsv"
HEADER = ("# How readers judged each phrase-bank line in the tuning sets' songs (benchmarks/build_line_marks.py;\n"
          "# written for Topline, same licence as the project): bank line, then ok, filler and nonsense counts.\n")


def checking_descriptions() -> set[str]:
    """The descriptions of the checking sets (``FRESH4`` … in ``bench_lyrics``): never part of the prior."""
    out: set[str] = set()
    for name in dir(bench_lyrics):
        m = re.fullmatch(r"FRESH(\d+)", name)
        if m and int(m.group(1)) >= 4:
            out |= set(getattr(bench_lyrics, name))
    return out


def tuning_descriptions() -> set[str]:
    """Every description of ``bench_lyrics``'s sets that is not a checking set's."""
    out: set[str] = set()
    for name in dir(bench_lyrics):
        value = getattr(bench_lyrics, name)
        if name.isupper() and isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            out |= set(value)
    return out - checking_descriptions()


def line_marks(readings: dict[str, dict[str, str]], descriptions: set[str]) -> dict[str, Counter]:
    """Bank line text -> Counter of its judgements ("ok", "F", "N") over ``descriptions``' readings."""
    lines = sorted({ln for e in bank().entries for ln in e.lines},
                   key=lambda ln: (-len(re.sub(r"\{\w+\}|<[^>]+>", "", ln)), ln))
    pats = [(ln, pattern(ln)) for ln in lines]
    by_end: dict[str, list] = defaultdict(list)
    for ln, p in pats:
        last = norm(re.sub(r"<[^>]+>", "", ln)).split()[-1:] if not re.search(r"\{\w+\}\W*$", ln) else []
        by_end[last[0] if last else ""].append((ln, p))
    out: dict[str, Counter] = defaultdict(Counter)
    for d in sorted(descriptions & readings.keys()):
        for sung, mark in readings[d].items():
            n = norm(sung)
            if not n:
                continue
            group = by_end.get(n.split()[-1], []) + by_end[""]
            hit = next((ln for ln, p in group if p.fullmatch(n + " ")), None)
            if hit is not None:
                out[hit][mark] += 1
    return out


def table(marks: dict[str, Counter]) -> str:
    rows = [f"{ln}\t{c['ok']}\t{c['F']}\t{c['N']}" for ln, c in sorted(marks.items())]
    return HEADER + "\n".join(rows) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--readings", default="benchmarks/lyrics_readings.json")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="only compare with the shipped table")
    args = ap.parse_args()
    readings = json.load(open(args.readings, encoding="utf-8"))
    marks = line_marks(readings, tuning_descriptions())
    text = table(marks)
    judged = sum(sum(c.values()) for c in marks.values())
    if args.check:
        same = args.out.exists() and args.out.read_text("utf-8") == text
        print(f"{len(marks)} bank lines, {judged} judgements: the shipped table is {'current' if same else 'OUT OF DATE'}")
        sys.exit(0 if same else 1)
    args.out.write_text(text, "utf-8")
    print(f"{len(marks)} bank lines, {judged} judgements -> {args.out}")


if __name__ == "__main__":
    main()
