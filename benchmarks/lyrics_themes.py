"""Which bank theme each sung line of a lyric set came from, and how the lines of each theme were read.

For every description of the given ``bench_lyrics.py`` sets, writes the song at seed 0 (the seed the hand
readings cover), records the theme of every line the planner commits and counts, per theme, the distinct lines
sung and those read nonsense (N) or filler (F) in ``lyrics_readings.json``. Lines the planner did not commit
(the title lines of the chorus) count under ``-``.  Where most of a set's bad lines come from one theme (the stock
lines, a city's scenery), that is where the writer runs out of its subject.

Run: ``PYTHONPATH=src python benchmarks/lyrics_themes.py fresh4 fresh5 ...``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_lyrics  # noqa: E402
from topline.music.lyrics import writer  # noqa: E402

READINGS = Path(__file__).resolve().parent / "lyrics_readings.json"


def sung_themes(description: str, form) -> tuple[str, dict[str, str]]:
    """The song written for ``description`` at seed 0 and ``{line (lower case): theme}`` of its committed lines."""
    committed: list[tuple[str, str]] = []
    commit = writer.Planner.commit

    def recording(self, line, text):
        committed.append((text.strip().lower(), line.theme))
        return commit(self, line, text)

    writer.Planner.commit = recording
    try:
        _, text = writer.write_song(description, seed=0, form=form)
    finally:
        writer.Planner.commit = commit
    themes: dict[str, str] = {}
    for t, n in committed:
        themes.setdefault(t, n)
    return text, themes


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="+", help="bench_lyrics.py set names (fresh4, kinds13, ...)")
    args = ap.parse_args()
    judged = json.loads(READINGS.read_text())
    form = writer.default_form("pop")
    lines, bad = Counter(), Counter()
    for name in args.sets:
        for d in getattr(bench_lyrics, name.upper()):
            text, themes = sung_themes(d, form)
            for ln in dict.fromkeys(x for x in text.split("\n") if x and not x.startswith("[")):
                theme = themes.get(ln.lower()) or next((v for k, v in themes.items() if k in ln.lower()), "-")
                lines[theme] += 1
                mark = judged.get(d, {}).get(ln)
                if mark in ("N", "F"):
                    bad[theme, mark] += 1
    print(f"{'theme':12s} lines     N     F")
    for theme, n in lines.most_common():
        print(f"{theme:12s} {n:5d} {bad[theme, 'N']:5d} {bad[theme, 'F']:5d}")


if __name__ == "__main__":
    main()
