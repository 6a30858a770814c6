"""plan_form / arrange: the vocal form over the whole track, chorus returns, lead regions, edges, variants."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from topline.music.compose import _shared, compose, plan_form
from topline.music.compose.form import _bars, bars_for_syllables
from topline.music.compose.grid import make_grid
from topline.music.compose.plan import (
    LEAD_REST_SHARE,
    LEAD_REST_UNDER,
    EMPTY_COST,
    FILL_COST,
    HOLE_COST,
    SUNG_MIN,
    _arrange,
    _before,
    _chorus_returns,
    _Block,
    _clear_of_lead,
    _finest_scale,
    _first_bar,
    _hole_costs,
    _lead_rests,
    _join_sung,
    _less_rest,
    _line_count,
    _place,
    _skeleton,
    _tidy,
    arrange,
    earliest_onset,
    line_bars_for,
)
from topline.music.compose.rhythm import Event
from topline.music.lyrics.parse import parse_lyrics
from topline.music.types import FormSection, chorus_lines

from .songs import CHORUS, VERSE1, VERSE2, analysis, controls, lyrics


def _onsets_shared(a, b, tol=0.035):
    def one(x, y):
        ys = np.array([n.start for n in y.notes])
        return np.mean([np.min(np.abs(ys - n.start)) <= tol for n in x.notes])

    return 0.5 * (one(a, b) + one(b, a))


def test_verses_and_choruses_on_the_instrumental_sections_and_the_chorus_on_its_repeats():
    a = analysis()  # intro 4, verse 8, chorus 8, verse 8, chorus 8, outro 4 bars at 120 BPM
    plan = plan_form(a, profile=controls().profile, seed=1)
    assert [(s.label, s.bars, s.sung) for s in plan.sections] == [
        ("intro", 4, False), ("verse", 8, True), ("chorus", 8, True), ("verse", 8, True), ("chorus", 8, True),
        ("outro", 4, False)]  # fmt: skip
    sung = [s for s in plan.sections if s.sung]
    assert all(len(s.line_syllables) == 4 for s in sung)  # 2-bar lines at 120 BPM
    assert sung[1].line_syllables == sung[3].line_syllables  # the chorus comes back with the same lines
    assert [s.start for s in plan.sections[1:]] == [s.end for s in plan.sections[:-1]]
    prof = controls().profile
    for s in sung:  # every budget sings naturally in its 2 bars
        assert all(3 <= n and bars_for_syllables(n, profile=prof, bpb=4)[0] <= 2 for n in s.line_syllables)


def test_a_track_labelled_all_verse_still_gets_a_chorus_twice_and_at_the_end():
    a = analysis(bars_per_section=(8, 8, 8, 8, 4), labels=("verse",) * 5, energies=(0.3, 0.6, 0.4, 0.9, 0.5))
    assert a.duration > 60
    plan = plan_form(a, profile=controls().profile, seed=2)
    sung = [s for s in plan.sections if s.sung]
    assert sung[-1].label == "chorus" and sum(s.label == "chorus" for s in sung) >= 2
    assert sung[0].label == "verse"


def test_a_bridge_where_the_track_changes():
    a = analysis(bars_per_section=(4, 8, 8, 8, 8, 8, 4),
                 labels=("intro", "verse", "chorus", "verse", "bridge", "chorus", "outro"),
                 energies=(0.2, 0.4, 0.85, 0.45, 0.6, 0.9, 0.25))  # fmt: skip
    labels = [s.label for s in plan_form(a, profile=controls().profile).sections if s.sung]
    assert labels == ["verse", "chorus", "verse", "bridge", "chorus"]


def test_a_short_track_is_one_sung_section_budgeted_from_its_bars():
    a = analysis(bars_per_section=(4,), labels=("verse",), energies=(0.5,))  # 9.5 s
    plan = plan_form(a, profile=controls().profile, seed=3)
    assert [(s.label, s.bars, s.sung, len(s.line_syllables)) for s in plan.sections] == [("chorus", 4, True, 2)]
    assert sum(plan.sections[0].line_syllables) <= 2 * 10


def test_lead_regions_become_breaks_where_the_track_has_room():
    base = analysis()
    verse2 = base.sections[3]
    a = replace(base, lead_regions=[(verse2[0], verse2[1])])
    plan = plan_form(a, profile=controls().profile)
    assert [(s.label, s.sung) for s in plan.sections] == [
        ("intro", False), ("verse", True), ("chorus", True), ("break", False), ("chorus", True), ("outro", False)]
    ly = lyrics(("verse", VERSE1), ("chorus", CHORUS), ("chorus", CHORUS))  # as much as the free room holds
    for v in (1, 2):
        s = compose(a, ly, controls=controls(), variant=v)
        assert not any(verse2[0] <= n.start < verse2[1] - 0.6 for n in s.notes) and not s.warnings
    # lyrics longer than the free room: the lead is sung over only as far as they need, and it is said
    s = compose(a, lyrics(), controls=controls(), variant=1)
    assert s.warnings and s.warnings[0].startswith("lyrics longer than the music")


def test_a_lead_almost_everywhere_is_sung_under_and_lower():
    base = analysis()
    a = replace(base, lead_regions=[(0.0, base.duration)])
    assert all(s.sung for s in plan_form(a, profile=controls().profile).sections if s.label not in ("intro", "outro"))
    ly = lyrics()
    free = compose(base, ly, controls=controls(vocal_gender="f"), variant=1)
    under = compose(a, ly, controls=controls(vocal_gender="f"), variant=1)
    assert np.median([n.midi for n in under.notes]) < np.median([n.midi for n in free.notes])
    assert np.mean([n.velocity for n in under.notes]) < np.mean([n.velocity for n in free.notes])


@pytest.mark.parametrize("first_beat", [0.0, 0.05, 2.0])
def test_no_note_before_the_music(first_beat):
    base = analysis(bars_per_section=(8, 8), labels=("verse", "chorus"), energies=(0.4, 0.8))
    shift = first_beat - base.beats[0]
    a = replace(base, beats=[b + shift for b in base.beats], downbeats=[d + shift for d in base.downbeats],
                duration=base.duration + max(shift, 0.0))  # fmt: skip
    assert earliest_onset(a) == pytest.approx(max(0.15, first_beat - 0.5))
    for seed in range(4):
        for v in (1, 2):
            s = compose(a, lyrics(("verse", VERSE1), ("chorus", CHORUS)), controls=controls(seed=seed), variant=v)
            assert s.notes[0].start >= 0.15 and s.notes[0].start >= a.beats[0] - 0.5 - 1e-9


def test_given_short_lyrics_bring_the_chorus_back_and_say_so():
    a = analysis()
    ly = parse_lyrics("[Verse]\nsummer rain on the window\nwinter in the hall\n[Chorus]\nhold me now\nnever let me go")
    arr = arrange(a, ly, profile=controls().profile, seed=1)
    assert [p.section for p in arr.placed] == [0, 1, 1, 1, 1, 1]  # a 4-bar chorus, 4 more times, in 32 bars
    assert [p.repeat for p in arr.placed] == [False, False, True, True, True, True]
    assert arr.warnings == ("lyrics shorter than the music: [Chorus] sung 4 more time(s) to fill the song.",)


def test_a_chorus_tag_alone_is_sung_again_where_it_stands():
    a = analysis()
    ly = parse_lyrics("[Verse]\n" + "\n".join(VERSE1) + "\n[Chorus]\n" + "\n".join(CHORUS) + "\n[Verse]\n"
                      + "\n".join(VERSE2) + "\n[Chorus]")  # fmt: skip
    arr = arrange(a, ly, profile=controls().profile, seed=1)
    assert [p.section for p in arr.placed] == [0, 1, 2, 3] and [p.repeat for p in arr.placed] == [0, 0, 0, 1]
    assert arr.warnings == ("1 section(s) sung again where the lyrics repeat them.",)
    s = compose(a, ly, controls=controls(), variant=1)
    runs = []
    for n in s.notes:
        if not runs or runs[-1] != (n.word_index, n.line_index):
            runs.append((n.word_index, n.line_index))
    chorus = [w.index for ln in ly.sections[1].lines for w in ln.words]
    assert [w for w, _ in runs][-len(chorus):] == chorus and [w for w, _ in runs].count(chorus[0]) == 2
    # the plan the arrangement gives back: one sung section per lyric section sung
    assert [x.label for x in arr.plan.sections if x.sung] == ["verse", "chorus", "verse", "chorus"]


def test_written_lyrics_sized_to_the_plan_land_on_its_sections():
    a = analysis()
    plan = plan_form(a, profile=controls().profile, seed=4)
    sung = [s for s in plan.sections if s.sung]
    bank = VERSE1 + VERSE2 + CHORUS
    secs = [(s.label, [bank[(k + i) % len(bank)] for i in range(len(s.line_syllables))]) for k, s in enumerate(sung)]
    arr = arrange(a, lyrics(*secs), profile=controls().profile, seed=4)
    placed = [x for x in arr.plan.sections if x.sung]
    assert [(x.label, x.start, x.end) for x in placed] == [(s.label, s.start, s.end) for s in sung]
    assert not arr.warnings


def test_variants_phrase_differently():
    a = analysis()
    for seed in (1, 2, 3):
        c = controls(seed=seed)
        s1, s2 = compose(a, lyrics(), controls=c, variant=1), compose(a, lyrics(), controls=c, variant=2)
        assert _onsets_shared(s1, s2) <= 0.6


def test_line_length_follows_the_tempo_and_the_style():
    assert line_bars_for(make_grid(analysis(tempo=120)), controls().profile) == 2
    assert line_bars_for(make_grid(analysis(tempo=170)), controls().profile) == 4
    assert line_bars_for(make_grid(analysis(tempo=90)), controls(style="hip hop", style_weight=1.0).profile) == 1


def test_the_variants_answer_the_lead_in_different_places():
    # two 6-bar lead runs; 30 % of the 32 bars between intro and outro leaves room to rest in one and a half
    a = replace(analysis(), lead_regions=[(12.5, 24.5), (44.5, 56.5)])
    ly = lyrics(("verse", VERSE1), ("chorus", CHORUS), ("chorus", CHORUS))
    breaks = {}
    for v in (1, 2):
        plan = arrange(a, ly, profile=controls().profile, seed=1, variant=v).plan
        breaks[v] = [(s.start, s.end) for s in plan.sections if s.label == "break"]
    # each rests through one whole lead run and answers the other in part (variant 1 the first run and
    # the start of the later one, variant 2 the later run and the end of the first), its lines in the
    # gaps around the rests; with 9 bars resting the voice would sing 23 of 32 bars, just under 72 %
    # (SUNG_MIN), so one bar comes off the rests
    assert breaks == {1: [(12.5, 24.5), (44.5, 48.5)], 2: [(20.5, 24.5), (44.5, 56.5)]}


def test_a_song_never_opens_with_a_bridge():
    a = analysis(bars_per_section=(8, 8, 8), labels=("bridge", "verse", "chorus"), energies=(0.5, 0.4, 0.9))
    assert [s.label for s in plan_form(a, profile=controls().profile).sections] == ["verse", "pre-chorus", "chorus"]


def test_lyrics_with_fewer_sections_than_the_form_sings_bring_the_chorus_back():
    # 24 of the 32 sung bars at natural phrasing (not short enough for the fill rule), 2 sections on 4
    ly = lyrics(("verse", VERSE1 + VERSE2), ("chorus", CHORUS))
    arr = arrange(analysis(), ly, profile=controls().profile, seed=1)
    assert [(p.section, p.b0, p.b1, p.repeat) for p in arr.placed] == [
        (0, 4, 20, False), (1, 20, 28, False), (1, 28, 36, True)]  # fmt: skip
    assert arr.warnings == ("lyrics shorter than the music: [Chorus] sung 1 more time(s) to fill the song.",)


def test_a_minute_long_song_sings_the_chorus_twice_even_when_the_lyrics_fill_it():
    # the lead break on the second verse leaves 24 sung bars, all the given lyrics need: the chorus
    # comes back at the end, its lines denser and the break two bars shorter, and the result says so
    a = replace(analysis(), lead_regions=[(40.5, 56.5)])
    assert a.duration >= 60
    ly = lyrics(("verse", VERSE1 + VERSE2), ("chorus", CHORUS))
    arr = arrange(a, ly, profile=controls().profile, seed=1)
    assert [(p.section, p.b0, p.b1, p.repeat) for p in arr.placed] == [
        (0, 4, 20, False), (1, 26, 31, False), (1, 31, 36, True)]  # fmt: skip
    assert arr.warnings == (
        "[Chorus] sung again at the end.",
        "sung over the instrumental's own lead for 2 bar(s): [Chorus] sung again needs more room than the track "
        "leaves free.")  # fmt: skip
    assert [(s.label, s.start, s.end) for s in arr.plan.sections if not s.sung] == [
        ("intro", 0.5, 8.5), ("break", 40.5, 52.5), ("outro", 72.5, 80.5)]  # fmt: skip
    # no lead break: denser lines make the room while they can, never the intro or the outro
    more = lyrics(("verse", VERSE1 + VERSE2 + VERSE1), ("chorus", CHORUS))
    arr = arrange(analysis(), more, profile=controls().profile, seed=1)
    assert [(p.section, p.b0, p.b1) for p in arr.placed] == [(0, 4, 26), (1, 26, 31), (1, 31, 36)]
    assert arr.warnings == ("[Chorus] sung again at the end.",)
    full = lyrics(("verse", VERSE1 + VERSE2 + VERSE1 + VERSE2[:2]), ("chorus", CHORUS))
    arr = arrange(analysis(), full, profile=controls().profile, seed=1)
    assert [(p.section, p.b0, p.b1) for p in arr.placed] == [(0, 4, 30), (1, 30, 36)] and arr.warnings == ()


def test_lyrics_without_a_chorus_sing_their_last_section_again():
    # no tags: the last stanza is the refrain a minute-long song sings twice
    a = replace(analysis(), lead_regions=[(40.5, 56.5)])
    ly = parse_lyrics("\n".join(VERSE1 + VERSE2) + "\n\n" + "\n".join(CHORUS))
    assert [s.kind for s in ly.sections] == ["verse", "verse"]
    arr = arrange(a, ly, profile=controls().profile, seed=1)
    assert [(p.section, p.repeat) for p in arr.placed] == [(0, False), (1, False), (1, True)]
    assert arr.warnings[0] == "[Verse] sung again at the end."


def test_a_chorus_return_never_takes_a_lead_break_to_fill_the_song():
    # the return fits the sung bars only denser; the lead break on the second verse stays free
    a = replace(analysis(), lead_regions=[(40.5, 56.5)])
    ly = lyrics(("verse", VERSE1 + VERSE2[:2]), ("chorus", CHORUS))
    arr = arrange(a, ly, profile=controls().profile, seed=1)
    assert [(p.section, p.b0, p.b1) for p in arr.placed] == [(0, 4, 15), (1, 15, 20), (1, 28, 36)]
    assert [(s.label, s.bars) for s in arr.plan.sections if not s.sung] == [("intro", 4), ("break", 8), ("outro", 4)]


def test_a_lead_almost_everywhere_leaves_less_room_to_rest():
    assert (LEAD_REST_SHARE, LEAD_REST_UNDER) == (0.3, 0.15)
    lead_bar = np.array([1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0], dtype=bool)  # 70 %
    bars = list(range(20))
    # free room: the longest runs first, whole while they fit (30 %: 6 bars)
    assert np.flatnonzero(_lead_rests(lead_bar, bars, share=LEAD_REST_SHARE)).tolist() == [0, 1, 2, 3, 4, 5]
    # a quarter (5 bars): the longest run rests for its first 5 bars, the voice coming in under its
    # last one, next to the sung bar 6 (variant 2 takes the 4-bar run as long, the later one first)
    assert np.flatnonzero(_lead_rests(lead_bar, bars, share=0.25)).tolist() == [0, 1, 2, 3, 4]
    assert np.flatnonzero(_lead_rests(lead_bar, bars, share=0.25, variant=2)).tolist() == [7, 8, 9, 10]
    # whole runs only: the longest that fits
    assert np.flatnonzero(_lead_rests(lead_bar, bars, share=0.25, partial=False)).tolist() == [7, 8, 9, 10]
    # a lead almost everywhere: 15 %, whole runs, one 3-bar answer
    assert np.flatnonzero(_lead_rests(lead_bar, bars, share=LEAD_REST_UNDER, partial=False)).tolist() == [13, 14, 15]
    # at the end of the song the voice comes in under a lead run for 2 bars at least
    end = np.array([0] * 14 + [1] * 6, dtype=bool)
    assert np.flatnonzero(_lead_rests(end, bars, share=0.25)).tolist() == [14, 15, 16, 17]
    # a single bar left between two rests rests too, and counts against the budget
    two = np.array([0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], dtype=bool)
    assert np.flatnonzero(_lead_rests(two, list(range(16)), share=0.25)).tolist() == [1, 2]
    assert np.flatnonzero(_lead_rests(two, list(range(16)), share=0.32)).tolist() == [1, 2, 4, 5]


def test_a_one_bar_lead_rests_after_the_longer_runs_while_the_budget_lasts():
    lead_bar = np.array([0, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], dtype=bool)
    assert np.flatnonzero(_lead_rests(lead_bar, list(range(20)), share=0.3)).tolist() == [1, 2, 3, 7, 14]
    assert np.flatnonzero(_lead_rests(lead_bar, list(range(20)), share=0.2)).tolist() == [1, 2, 3, 7]


def test_lyrics_that_fill_the_song_take_back_a_rest_rather_than_sing_through_it_or_crowd():
    # the lyrics need all 32 bars at their natural phrasing; a one-bar lead rests at first, and the verse
    # sings over it; with the rest given back the same placement sings it as an ordinary bar, no warning
    full = lyrics(("verse", VERSE1 + VERSE2 + VERSE1 + VERSE2[:2]), ("chorus", CHORUS))
    a = replace(analysis(), lead_regions=[(20.5, 22.5)])
    g = make_grid(a)
    first, inner, rested = _arrange(a, full, profile=controls().profile, seed=1, variant=1, grid=g, weirdness=0.0,
                                    rest_scale=1.0)  # fmt: skip
    assert (rested, first.over_lead) == (1, 1)
    arr = arrange(a, full, profile=controls().profile, seed=1, grid=g)
    assert [(p.section, p.b0, p.b1) for p in arr.placed] == [(0, 4, 30), (1, 30, 36)]
    assert (arr.over_lead, arr.warnings) == (0, ())


def test_a_one_bar_scrap_joins_the_sung_block_beside_it():
    blocks = [_Block("verse", 0, 6, True, 0.5, "verse"), _Block("break", 6, 9, False, 0.5, "verse"),
              _Block("chorus", 9, 10, True, 0.9, "chorus"), _Block("verse", 10, 16, True, 0.5, "verse"),
              _Block("break", 16, 18, False, 0.5, "verse"), _Block("chorus", 18, 19, True, 0.9, "chorus"),
              _Block("outro", 19, 21, False, 0.2, "outro")]  # fmt: skip
    assert [(b.label, b.b0, b.b1, b.sung) for b in _tidy(blocks, L=2, size=8)] == [
        ("verse", 0, 6, True), ("break", 6, 9, False), ("verse", 9, 16, True), ("break", 16, 19, False),
        ("outro", 19, 21, False)]  # fmt: skip


def test_a_short_song_still_phrased_its_own_way_by_variant_2():
    # 11 bars at 90 BPM, eight lines: few ways to sing each (0.44-0.53 of the onsets shared when every
    # line is phrased once); a variant-2 line that still shares most of its onsets with variant 1 is
    # phrased again, avoiding them harder
    a = analysis(tempo=90, bars_per_section=(5, 6), labels=("verse", "chorus"), energies=(0.5, 0.9))
    ly = lyrics(("verse", VERSE1), ("chorus", CHORUS))
    for seed in (1, 2, 3, 4, 5):
        c = controls(seed=seed)
        assert _onsets_shared(compose(a, ly, controls=c, variant=1), compose(a, ly, controls=c, variant=2)) <= 0.4


def test_shared_onsets_of_a_line():
    avoid = np.zeros(32, dtype=bool)
    avoid[[0, 4, 8]] = True
    events = [Event(0, 4, 0), Event(4, 6, 1), Event(6, 8, 2), Event(10, 16, 3), Event(17.5, 18, 4)]
    assert _shared(events, avoid) == 0.5  # off-grid onsets are not counted


def test_less_is_left_to_the_lead_where_the_lyrics_would_leave_the_voice_under_sung_min():
    # with 9 bars resting (a whole run and 3 bars of the other) the lyrics, their lines in the gaps
    # around the rests, fill 23 of 32 bars; the shortfall (under a bar) comes off the rests as one
    # whole bar: 24 bars are sung
    a = replace(analysis(), lead_regions=[(12.5, 24.5), (44.5, 56.5)])
    ly = lyrics(("verse", VERSE1), ("chorus", CHORUS), ("chorus", CHORUS))
    g = make_grid(a)
    full, inner, rested = _arrange(a, ly, profile=controls().profile, seed=1, variant=1, grid=g, weirdness=0.0,
                                   rest_scale=1.0)  # fmt: skip
    assert (inner, rested, sum(p.sung_bars for p in full.placed)) == (32, 9, 23)  # 71.9 % sung
    assert [(p.b0, p.b1, p.lines) for p in full.placed][:2] == [
        (4, 18, ((4, 2), (12, 2), (14, 2), (16, 2))), (18, 28, ((18, 2), (20, 2), (25, 1), (26, 2)))]
    arr = arrange(a, ly, profile=controls().profile, seed=1, variant=1, grid=g)
    assert sum(p.sung_bars for p in arr.placed) == 24 >= SUNG_MIN * inner


def test_bars_before_the_first_singable_one_count_as_unsung():
    # the music starts 3.5 s in: the grid reaches back two bars before the first beat, which the voice
    # cannot sing; they count against SUNG_MIN as they do in the sung share
    base = analysis(bars_per_section=(8, 8), labels=("verse", "chorus"), energies=(0.4, 0.8))
    a = replace(base, beats=[b + 3.5 for b in base.beats], downbeats=[d + 3.5 for d in base.downbeats],
                duration=base.duration + 3.5)  # fmt: skip
    grid = make_grid(a)
    assert (_first_bar(a, grid), _before(_bars(grid), _first_bar(a, grid))) == (2, 2)
    assert _before(_bars(make_grid(base)), _first_bar(base, make_grid(base))) == 0


def test_a_line_gives_its_first_or_last_half_bar_to_a_lead_that_plays_through_most_of_it():
    prof = controls().profile
    # 4/4, 16 steps a bar: a lead over the first 6 steps of a 2-bar line; 4 syllables need 16 steps at
    # the densest with a beat to spare, so the line comes in on the half-bar as the lead ends
    head = (True,) * 6 + (False,) * 26
    assert _clear_of_lead(0, 32, head, syllables=4, profile=prof, bpb=4, step_s=0.125) == (8, 32)
    # 12 syllables need every step: the line keeps its span
    assert _clear_of_lead(0, 32, head, syllables=12, profile=prof, bpb=4, step_s=0.125) == (0, 32)
    # a lead from the line's last half-bar on: it lands before the lead starts
    tail = (False,) * 24 + (True,) * 8
    assert _clear_of_lead(0, 32, tail, syllables=4, profile=prof, bpb=4, step_s=0.125) == (0, 24)
    # a line under the lead for most of its span keeps it (it is sung under the lead, lower)
    most = (False,) * 8 + (True,) * 24
    assert _clear_of_lead(0, 32, most, syllables=4, profile=prof, bpb=4, step_s=0.125) == (0, 32)


def test_under_the_floor_the_lyrics_fill_free_bars_of_another_label_before_a_rest_goes():
    # a 2-line chorus over 4 chorus bars and 2 bridge bars: at the usual cost of an empty bar it keeps
    # to its own bars; where the voice would sing under SUNG_MIN it stretches over the bridge bars
    ly = lyrics(("chorus", CHORUS[:2]))
    kw = dict(nb=6, sung=[True] * 6, form_label=["chorus"] * 4 + ["bridge"] * 2, group=["c"] * 6,
              block_start=np.array([1, 0, 0, 0, 1, 0, 1], dtype=bool))  # fmt: skip
    assert _place([0], ly, {0: ([2, 2], [1, 1])}, empty_cost=EMPTY_COST, **kw) == [(0, 4)]
    assert _place([0], ly, {0: ([2, 2], [1, 1])}, empty_cost=FILL_COST, **kw) == [(0, 6)]


def test_a_gap_between_two_sections_costs_more_beyond_four_bars_unless_a_lead_rest_breaks_it():
    # gaps from bar 1: bars 1, (2 rests), 3.. ; a run of 5 bars that are not a rest costs HOLE_COST, 6 twice
    assert _hole_costs([False, False, True] + [False] * 6)[1].tolist() == [0.0] * 8 + [HOLE_COST, 2 * HOLE_COST]
    assert not _hole_costs([False] * 9)[0].any()  # before the first note: no hole
    # a 2-line chorus twice over chorus bars 0-4 and 9-13 with 5 verse bars between: singing a chorus
    # over the verse bars costs about what leaving them empty does, but a 5-bar hole costs more: the
    # first chorus stretches (a 3-bar gap is left)
    ly = lyrics(("chorus", CHORUS[:2]))
    kw = dict(nb=13, sung=[True] * 13, form_label=["chorus"] * 4 + ["verse"] * 5 + ["chorus"] * 4, group=["c"] * 13,
              block_start=np.isin(np.arange(14), [0, 4, 9, 13]))  # fmt: skip
    assert _place([0, 0], ly, {0: ([2, 2], [1, 1])}, **kw) == [(0, 6), (9, 13)]
    # a lead rest in the gap splits it into runs of 2: the choruses keep to their own bars
    rest = [False] * 6 + [True] + [False] * 6
    assert _place([0, 0], ly, {0: ([2, 2], [1, 1])}, rest=rest, **kw) == [(0, 4), (9, 13)]


def test_the_shortfall_comes_off_the_rests_without_giving_a_whole_lead_stretch_back():
    # lead on bars 15-18 and 22-25 (and a scrap into bar 26): the plan rests 15-18 and 22-26, 9 bars on
    # a budget of 8 (the last bar, too short for a line, rests too); 3 bars too few sung take a third
    # off the budget, which frees the whole second stretch (4 bars rest), where 6 would do
    lead = [(30.5, 38.5), (44.5, 52.5), (52.5, 53.3)]
    a = analysis(bars_per_section=(7, 20), labels=("verse", "chorus"), energies=(0.4, 0.8), lead_regions=lead)
    g, prof = make_grid(a), controls().profile

    def breaks(sc):
        blocks, _ = _skeleton(a, g, profile=prof, first_bar=0, rest_scale=sc)
        return [(b.b0, b.b1) for b in blocks if b.label == "break"]

    assert breaks(1.0) == [(15, 19), (22, 27)]
    lo, _ = _less_rest(1.0, 3.0, 9, -1, last=False)
    assert breaks(lo) == [(15, 19)]
    sc = _finest_scale(a, g, profile=prof, variant=1, min_run=1, lo=lo, hi=1.0, most=6)
    assert sc == pytest.approx(5 / 6) and breaks(sc) == [(15, 19), (22, 24)]


def test_free_runs_are_the_bars_between_lead_rests():
    from topline.music.compose.plan import _free_runs

    rest = [False, False, True, True, False, True, False]
    assert _free_runs(rest, 0, 7) == [(0, 2), (4, 1), (6, 1)]
    assert _free_runs(rest, 1, 5) == [(1, 1), (4, 1)]
    assert _free_runs(rest, 2, 4) == []


def test_a_section_holds_an_even_count_of_lines_where_lines_of_min_bars_allow():
    assert _line_count(8, 2, min_bars=1) == 4  # already even
    assert _line_count(5, 4, min_bars=2) == 2  # one 4-bar line would be a one-line chorus: two of 2-3 bars
    assert _line_count(7, 4, min_bars=2) == 2
    assert _line_count(12, 4, min_bars=2) == 4  # three lines of 4 bars: four of 3 (nearer 4 than two of 6)
    assert _line_count(27, 4, min_bars=2) == 6  # 7 lines: 6 of 4.5 bars, nearer 4 than 8 of 3.4
    assert _line_count(3, 4, min_bars=2) == 1  # two lines of 1.5 bars are under min_bars: one line stays
    assert _line_count(1, 4, min_bars=2) == 1


def test_neighbouring_sung_blocks_of_one_label_are_one_section_to_write_but_choruses_stay_returns():
    blocks = [_Block("verse", 0, 7, True, 0.5, "verse"), _Block("verse", 7, 14, True, 0.6, "verse"),
              _Block("verse", 14, 18, True, 0.4, "verse"), _Block("chorus", 18, 22, True, 0.9, "chorus"),
              _Block("chorus", 22, 26, True, 0.9, "chorus"), _Block("break", 26, 30, False, 0.5, "verse"),
              _Block("verse", 30, 34, True, 0.5, "verse"), _Block("verse", 34, 40, True, 0.5, "verse")]  # fmt: skip
    out = _join_sung(blocks, L=2)
    assert [(b.label, b.b0, b.b1, b.energy) for b in out] == [
        ("verse", 0, 14, 0.6), ("verse", 14, 18, 0.4), ("chorus", 18, 22, 0.9), ("chorus", 22, 26, 0.9),
        ("break", 26, 30, 0.5), ("verse", 30, 40, 0.5)]  # fmt: skip  # 18 bars of 2-bar lines would be 9 > 8 lines


def test_a_long_verse_stretch_is_written_as_one_verse_of_couplets():
    # 20 bars of verse material at 160 BPM (4-bar lines) are two chunks of the form, one verse to write
    a = analysis(tempo=160.0, bars_per_section=(4, 20, 6, 5), labels=("intro", "verse", "bridge", "chorus"),
                 energies=(0.2, 0.5, 0.6, 0.9))  # fmt: skip
    plan = plan_form(a, profile=controls().profile, seed=1)
    sung = [(s.label, s.bars, len(s.line_syllables)) for s in plan.sections if s.sung]
    assert sung == [("verse", 20, 6), ("bridge", 6, 2), ("chorus", 5, 2)]


def test_a_short_chorus_return_budgets_the_chorus_lines_that_fit_its_bars():
    prof = controls().profile
    sections = [FormSection("verse", 0.0, 16.0, 8, True, (9, 9, 9, 8)),
                FormSection("chorus", 16.0, 32.0, 8, True, (6, 6, 8, 7)),
                FormSection("break", 32.0, 40.0, 4, False),
                FormSection("chorus", 40.0, 46.0, 3, True, (6, 3)),
                FormSection("chorus", 46.0, 62.0, 8, True, (7, 6, 8, 6))]  # fmt: skip
    out = _chorus_returns(sections, profile=prof, bpb=4, step_s=0.125)
    assert [s.line_syllables for s in out] == [(9, 9, 9, 8), (6, 6, 8, 7), (), (6,), (6, 6, 8, 7)]
    # two chorus lines of 6 need 2 bars each at their natural phrasing: 3 bars hold the hook alone
    assert bars_for_syllables(6, profile=prof, bpb=4, step_s=0.125)[0] == 2


def test_written_lyrics_never_overflow_a_short_chorus_return():
    # a 3-bar chorus between lead breaks at 105 BPM: the returns sing the hook, not two lines in 3 bars
    a = analysis(tempo=105.0, bars_per_section=(7, 8, 4, 3, 2, 3), labels=("verse", "chorus", "verse", "chorus",
                 "verse", "chorus"), energies=(0.4, 0.9, 0.5, 0.9, 0.5, 0.9))  # fmt: skip
    plan = plan_form(a, profile=controls().profile, seed=2)
    sung = [s for s in plan.sections if s.sung and s.label == "chorus"]
    longest = max(sung, key=lambda s: len(s.line_syllables)).line_syllables
    for s in sung:  # every chorus budget is the chorus's own lines, as the writer fills it
        assert s.line_syllables == chorus_lines(longest, len(s.line_syllables))
