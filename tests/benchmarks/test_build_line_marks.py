"""The reading prior's table: tuning-set readings only, mapped back to the bank line that wrote each sung line."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import bench_lyrics  # noqa: E402
from build_line_marks import OUT, checking_descriptions, line_marks, table, tuning_descriptions  # noqa: E402


def test_no_checking_set_feeds_the_prior():
    tuning = tuning_descriptions()
    for name in ("FRESH4", "FRESH12", "FRESH20", "FRESH21", "FRESH22"):
        assert not set(getattr(bench_lyrics, name)) & tuning
    assert set(bench_lyrics.FRESH21) | set(bench_lyrics.FRESH22) <= checking_descriptions()
    assert set(bench_lyrics.DESCRIPTIONS) <= tuning and set(bench_lyrics.KINDS39) <= tuning


def test_sung_lines_map_back_to_their_bank_line():
    readings = {"a": {"And I couldn't ask for more": "F", "Couldn't ask for more": "F",
                      "In the park, I take it one day at a time": "F", "A line no bank has written": "ok"},
                "b": {"I couldn't ask for more": "ok"}}
    marks = line_marks(readings, {"a", "b"})
    assert dict(marks["<and> I couldn't ask for more"]) == {"F": 1, "ok": 1}
    assert dict(marks["<and> I take it one day at a time"]) == {"F": 1}  # an opener before it
    assert sum(sum(c.values()) for c in marks.values()) == 3
    assert line_marks(readings, {"b"}).keys() == {"<and> I couldn't ask for more"}  # only the sets asked for


def test_the_shipped_table_is_what_the_readings_give():
    import json

    readings = json.loads((OUT.parents[5] / "benchmarks/lyrics_readings.json").read_text("utf-8"))
    assert OUT.read_text("utf-8") == table(line_marks(readings, tuning_descriptions()))
