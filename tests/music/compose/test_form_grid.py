"""The grid (steps, bars, weights, harmony) and the form (lyric sections -> bars)."""

from __future__ import annotations

import numpy as np
import pytest

from topline.music.compose.form import line_bars, pack_lines, plan_lines
from topline.music.compose.grid import chord_pcs, make_grid, parse_key, scale_pcs
from topline.music.style import resolve_controls

from .songs import CHORUS, VERSE1, VERSE2, analysis, lyrics


@pytest.mark.parametrize(
    ("label", "pcs"),
    [("C:maj", {0, 4, 7}), ("A:min", {9, 0, 4}), ("G:7", {7, 11, 2, 5}), ("F#:min7", {6, 9, 1, 4}),
     ("Bb:maj/3", {10, 2, 5}), ("D:sus4", {2, 7, 9}), ("E", {4, 8, 11}), ("N", set()), ("X", set()),
     ("C:maj(9)", {0, 4, 7, 2}), ("H:maj", set())],
)  # fmt: skip
def test_chord_labels(label, pcs):
    assert chord_pcs(label) == frozenset(pcs)


def test_keys():
    assert parse_key("F# minor") == (6, "minor") and parse_key("Bb major") == (10, "major")
    assert parse_key("") == (0, "major")
    scale, lt = scale_pcs("A minor")
    assert scale == frozenset({9, 11, 0, 2, 4, 5, 7}) and lt == 8
    assert scale_pcs("C major")[1] is None


def test_grid_follows_the_beats_and_weights_the_bar():
    a = analysis(jitter=0.02)
    g = make_grid(a)
    beats = np.array(a.beats)
    on_beat = g.times[g.weight >= 2]
    assert np.allclose(on_beat[: beats.size], beats)  # every 4th step is an actual beat
    assert np.allclose(g.times[g.bars[: len(a.downbeats)]], a.downbeats)
    b = int(g.bars[1])
    assert list(g.weight[b : b + 16]) == [4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0]
    assert g.times[0] >= 0 and g.times[-1] <= a.duration
    assert g.chord[b] == chord_pcs("G:maj") and g.label[b] == "intro"


def test_grid_in_three_four_has_no_half_bar():
    g = make_grid(analysis(meter="3/4"))
    b = int(g.bars[1])
    assert list(g.weight[b : b + 12]) == [4, 0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0]


def test_line_lengths():
    pop = resolve_controls(style="pop", seed=1).profile
    ly = lyrics(("verse", VERSE1))
    assert [line_bars(ln, profile=pop, bpb=4)[0] for ln in ly.lines] == [2, 2, 2, 2]
    ballad = resolve_controls(style="ballad", style_weight=1.0, seed=1).profile
    assert line_bars(ly.lines[0], profile=ballad, bpb=4)[0] == 4
    nat, mn = line_bars(ly.lines[0], profile=pop, bpb=4)
    assert 1 <= mn <= nat


def test_sections_go_to_their_parts_of_the_song():
    a = analysis()  # intro 4 bars, verse 8, chorus 8, verse 8, chorus 8, outro 4 at 2 s per bar from 0.5 s
    g = make_grid(a)
    plans, warnings = plan_lines(g, lyrics(), profile=resolve_controls(style="pop", seed=1).profile,
                                 rng=np.random.default_rng(0))  # fmt: skip
    assert not warnings
    assert [round(g.times[p.start], 3) for p in plans] == [8.5 + 4 * k for k in range(16)]
    assert [p.kind for p in plans] == ["verse"] * 4 + ["chorus"] * 4 + ["verse"] * 4 + ["chorus"] * 4
    assert [p.line_index for p in plans] == list(range(16))
    assert [p.last_in_section for p in plans] == [False, False, False, True] * 4


def test_chorus_finds_the_energy_when_nothing_is_labelled():
    a = analysis(labels=("verse",) * 6, energies=(0.1, 0.3, 0.95, 0.3, 0.9, 0.1))
    g = make_grid(a)
    ly = lyrics(("verse", VERSE1), ("chorus", CHORUS), ("verse", VERSE2), ("chorus", CHORUS))
    plans, _ = plan_lines(g, ly, profile=resolve_controls(style="pop", seed=1).profile, rng=np.random.default_rng(0))
    loud = [(s, e) for s, e, _, en in a.sections if en > 0.8]
    for p in plans:
        if p.kind == "chorus":
            assert any(s - 1e-6 <= g.times[p.start] < e for s, e in loud)


def test_split_keeps_every_line_at_its_minimum():
    from topline.music.compose.form import _split

    assert _split(7, [2, 2, 2, 2], [2, 1, 2, 1]) == [2, 2, 2, 1]
    assert _split(6, [2, 2, 2, 2], [2, 1, 2, 1]) == [2, 1, 2, 1]
    assert _split(5, [2, 2, 2, 2]) == [2, 1, 1, 1]
    assert _split(10, [2, 2, 2, 2]) == [3, 3, 2, 2]


def test_lines_get_their_minimum_bars_when_the_section_is_short():
    # 6/8 hip hop, 5 bars for two long and two short lines: proportional shares would give a long
    # line one bar, too short for its syllables on the grid.
    a = analysis(meter="6/8", bars_per_section=(5,), labels=("verse",), energies=(0.5,))
    grid = make_grid(a)
    prof = resolve_controls(style="hip hop", seed=1).profile
    ly = lyrics(("verse", ["The night is young and we are running", "Oh my love"] * 2))
    plans, warnings = plan_lines(grid, ly, profile=prof, rng=np.random.default_rng(0))
    assert not warnings
    for p in plans:
        bars = int(np.sum((grid.bars >= p.start) & (grid.bars < p.end)))
        assert bars >= line_bars(p.line, profile=prof, bpb=grid.beats_per_bar)[1]


def test_a_last_bar_cut_short_by_the_end_is_not_sung_in():
    from topline.music.compose.form import _bars

    a = analysis()  # the song runs 2 beats past the last full bar
    grid = make_grid(a)
    bars = _bars(grid)
    assert grid.times[bars.start[-1]] == pytest.approx(a.downbeats[-1])
    assert grid.times[bars.end[-1]] == pytest.approx(a.downbeats[-1] + 2.0)


def test_lines_pack_into_the_gaps_around_a_lead_break():
    # free runs of 4, 1 and 3 bars: two lines at their natural 2 bars, one squeezed into the single bar
    # (0.35), the last stretched over 3 (0.1)
    cost, lines = pack_lines([(0, 4), (6, 1), (9, 3)], [2, 2, 2, 2], [1, 1, 1, 1])
    assert (round(cost, 2), lines) == (0.45, ((0, 2), (2, 2), (6, 1), (9, 3)))
    # lines that need 2 bars each cannot sit in a 1-bar gap: three fit where four are asked for
    assert pack_lines([(0, 4), (6, 1), (9, 3)], [2, 2, 2, 2], [2, 2, 2, 2]) is None
    # a run may stay empty (0.6 a bar): the lines wait for the longer gap
    cost, lines = pack_lines([(0, 1), (3, 4)], [2, 2], [2, 2])
    assert (round(cost, 2), lines) == (0.6, ((3, 2), (5, 2)))
