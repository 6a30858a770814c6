"""pitch: fast lines sung by the female voice sit lower (``FAST_DROP``), slow lines and the male voice as before."""

from __future__ import annotations

import numpy as np
import pytest

import topline.music.compose as compose_module
from topline.music.compose import compose, median_pitch
from topline.music.compose.pitch import FAST_DROP, FAST_SYLLABLE_S, VOICE, fast_line, fast_lines

from .songs import analysis, controls, lyrics


def test_a_line_is_fast_when_its_median_syllable_is_short():
    assert FAST_SYLLABLE_S == 0.25
    assert fast_line([0.2, 0.2, 0.9])
    assert not fast_line([0.25, 0.25, 0.1])
    assert not fast_line([0.3, 0.5])
    assert not fast_line([])


def _lines(notes) -> dict[int, list]:
    out: dict[int, list] = {}
    for n in notes:
        out.setdefault(n.line_index, []).append(n)
    return out


@pytest.fixture(scope="module")
def fast_song():
    """A song at 200 BPM, where some lines run on eighths (0.15 s) and others on longer notes, composed with
    ``FAST_DROP`` and without it (the melody as it was before), seeds 1-3, both variants, both genders."""
    a, ly = analysis(tempo=200.0), lyrics()
    out = {}
    for g in ("m", "f"):
        for seed in (1, 2, 3):
            for v in (1, 2):
                c = controls(vocal_gender=g, seed=seed)
                with_drop = compose(a, ly, controls=c, variant=v)
                with pytest.MonkeyPatch.context() as mp:
                    mp.setattr(compose_module, "FAST_DROP", {"m": 0, "f": 0})
                    without = compose(a, ly, controls=c, variant=v)
                out[g, seed, v] = (with_drop, without)
    return out


def test_fast_female_lines_sit_five_semitones_lower_slow_ones_where_they_were(fast_song):
    assert FAST_DROP == {"m": 0, "f": 5}
    fast_drops, slow_moves = [], []
    for (g, _, _), (s, s0) in fast_song.items():
        if g != "f":
            continue
        fast = fast_lines(s.notes)
        assert [n.start for n in s.notes] == [n.start for n in s0.notes]  # the same rhythm: only pitches move
        lines, lines0 = _lines(s.notes), _lines(s0.notes)
        for k, notes in lines.items():
            moved = median_pitch(lines0[k]) - median_pitch(notes)
            (fast_drops if k in fast else slow_moves).append(moved)
            if k in fast:  # the range moves down with the line
                lo, hi = VOICE["f"][0] - FAST_DROP["f"], VOICE["f"][1] - FAST_DROP["f"]
                assert all(lo <= n.midi <= hi for n in notes)
    assert len(fast_drops) >= 12 and len(slow_moves) >= 40
    # each fast line lower by 3-9 semitones (the scale's steps), 5 on average; the slow lines as before
    assert min(fast_drops) >= 3 and max(fast_drops) <= 9
    assert np.mean(fast_drops) == pytest.approx(5.0, abs=0.5)
    assert abs(np.mean(slow_moves)) <= 0.25


def test_the_male_voice_and_slow_songs_are_unchanged(fast_song):
    for (g, _, _), (s, s0) in fast_song.items():
        if g == "m":
            assert fast_lines(s.notes)  # fast lines there, left alone
            assert [n.midi for n in s.notes] == [n.midi for n in s0.notes]
    a, ly = analysis(tempo=100.0), lyrics()  # no fast line at all: the female melody as before
    c = controls(vocal_gender="f")
    s = compose(a, ly, controls=c, variant=2)
    assert not fast_lines(s.notes)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(compose_module, "FAST_DROP", {"m": 0, "f": 0})
        assert [n.midi for n in compose(a, ly, controls=c, variant=2).notes] == [n.midi for n in s.notes]
