"""compose(): lyric fidelity, grid, phrasing, harmony, range, controls, variants, edge cases."""

from __future__ import annotations

import numpy as np
import pytest

from topline.errors import ValidationError
from topline.music.compose import compose, median_pitch
from topline.music.compose.grid import make_grid
from topline.music.compose.pitch import VOICE
from topline.music.compose.rhythm import line_rhythm
from topline.music.score_io import melody_fit, variant_similarity

from .songs import CHORUS, VERSE1, VERSE2, analysis, controls, lyrics


def _words_in_order(score, ly):
    """Every word sung in order, a whole section sung again allowed (a returning chorus)."""
    seen = []
    for n in score.notes:
        if not seen or seen[-1] != n.word_index:
            seen.append(n.word_index)
    sections = [[w.index for ln in sec.lines for w in ln.words] for sec in ly.sections]
    out, j = [], 0
    while j < len(seen):
        again = next((sec for sec in sections if sec and sec[0] == seen[j] and sec[0] in out
                      and seen[j : j + len(sec)] == sec), None)  # fmt: skip
        if again:
            j += len(again)
        else:
            out.append(seen[j])
            j += 1
    return out == [w.index for w in ly.words]


def _no_overlap(score):
    return all(a.end <= b.start + 1e-9 and a.start < a.end for a, b in zip(score.notes, score.notes[1:])) and all(
        n.start < n.end for n in score.notes
    )


@pytest.fixture(scope="module")
def song():
    a, ly, c = analysis(), lyrics(), controls(vocal_gender="m")
    return a, ly, c, compose(a, ly, controls=c, variant=1), compose(a, ly, controls=c, variant=2)


def test_every_word_sung_once_in_order(song):
    a, ly, _, s1, s2 = song
    assert _words_in_order(s1, ly) and _words_in_order(s2, ly)
    assert [n.syllable for n in s1.notes if not n.tie] == [s.text for w in ly.words for s in w.syllables]


def test_notes_never_overlap_and_stay_inside_the_song(song):
    a, _, _, s1, s2 = song
    for s in (s1, s2):
        assert _no_overlap(s)
        assert s.notes[0].start >= 0 and s.notes[-1].end <= a.duration


def test_every_start_and_end_on_the_16th_grid():
    a = analysis(jitter=0.03)  # a drifting drummer: the grid follows the actual beats
    s = compose(a, lyrics(), controls=controls(), variant=1)
    grid = make_grid(a).times
    for n in s.notes:
        assert np.min(np.abs(grid - n.start)) < 1e-9 and np.min(np.abs(grid - n.end)) < 1e-9
    assert melody_fit(s, a)["on_grid"] == 1.0


def test_quality_figures(song):
    a, _, _, s1, s2 = song
    for s in (s1, s2):
        f = melody_fit(s, a)
        assert f["phrases"] >= 0.9 and f["stress_on_beats"] >= 0.8 and f["in_key"] >= 0.95
        assert f["singable"]


def test_chord_tones_on_strong_beats_with_audio_weight_one():
    a, ly = analysis(), lyrics()
    for seed in (1, 2):
        for v in (1, 2):
            s = compose(a, ly, controls=controls(audio_weight=1.0, seed=seed), variant=v)
            assert melody_fit(s, a)["chord_tones"] == 1.0  # every strong beat: far above the 0.7 target
            s = compose(a, ly, controls=controls(audio_weight=0.5, weirdness=1.0, seed=seed), variant=v)
            assert melody_fit(s, a)["chord_tones"] >= 0.7


def test_audio_weight_loosens_chord_tones():
    a, ly = analysis(), lyrics()
    strict = loose = 0.0
    for seed in range(4):
        strict += melody_fit(compose(a, ly, controls=controls(audio_weight=1.0, seed=seed), variant=1), a)["chord_tones"]
        loose += melody_fit(compose(a, ly, controls=controls(audio_weight=0.0, seed=seed), variant=1), a)["chord_tones"]
    assert strict >= loose


@pytest.mark.parametrize("gender", ["m", "f"])
def test_range_fits_the_voice(gender):
    a, ly = analysis(), lyrics()
    for style in ("pop", "ballad", "gospel", "metal", "high tenor, falsetto", "soprano, power ballad", "contralto, rock"):
        s = compose(a, ly, controls=controls(style=style, vocal_gender=gender, style_weight=1.0), variant=2)
        lo, hi, _, passaggio = VOICE[gender]
        midi = np.array([n.midi for n in s.notes])
        assert s.gender == gender
        assert midi.min() >= lo and midi.max() <= hi
        assert np.max(np.abs(np.diff(midi))) <= 12
        assert np.mean(midi > passaggio) <= 0.10


def _hz(midi: float) -> float:
    return 440.0 * 2.0 ** ((midi - 69.0) / 12.0)


def test_median_pitch_is_time_weighted():
    from topline.music.types import Note

    def n(start, end, midi):
        return Note(start=start, end=end, midi=midi, syllable="la", phonemes=("L", "AA"), word_index=0, line_index=0,
                    section="verse", stress=1)  # fmt: skip

    assert median_pitch([n(0.0, 1.0, 60), n(1.0, 1.5, 62), n(1.5, 1.7, 64)]) == 60.0
    assert median_pitch([n(0.0, 0.2, 60), n(0.2, 1.2, 64), n(1.2, 1.7, 62)]) == 64.0
    assert median_pitch([]) == 0.0


@pytest.mark.parametrize(("gender", "band"), [("m", (130.0, 170.0)), ("f", (220.0, 392.0))])
def test_median_pitch_sits_comfortably_inside_the_voice(gender, band):
    # quality.md's gender figure takes the sung stem's median F0: male 85-200 Hz, female 165-420 Hz;
    # a pop lead sits well inside (male around D3, female around D#4).
    a, ly = analysis(), lyrics()
    for style in ("pop", "ballad", "gospel", "hip hop", "metal"):
        for seed in (1, 2):
            c = controls(style=style, vocal_gender=gender, seed=seed, style_weight=1.0)
            meds = [median_pitch(compose(a, ly, controls=c, variant=v).notes) for v in (1, 2)]
            assert all(band[0] <= _hz(m) <= band[1] for m in meds), (style, seed, meds)


def test_voice_type_words_move_the_register_inside_the_gender_band():
    a, ly = analysis(), lyrics()

    def med(style, gender):
        return median_pitch(compose(a, ly, controls=controls(style=style, vocal_gender=gender), variant=1).notes)

    plain_m, plain_f = med("pop", "m"), med("pop", "f")
    assert plain_m < med("pop, high tenor", "m") and _hz(med("pop, high tenor", "m")) < 190.0
    assert med("pop, baritone", "m") < plain_m
    assert plain_f < med("pop, soprano", "f") and _hz(med("pop, soprano", "f")) < 400.0
    assert med("pop, contralto", "f") < plain_f and _hz(med("pop, contralto", "f")) > 200.0


def test_female_sings_higher_than_male():
    a, ly = analysis(), lyrics()
    m = np.median([n.midi for n in compose(a, ly, controls=controls(vocal_gender="m"), variant=1).notes])
    f = np.median([n.midi for n in compose(a, ly, controls=controls(vocal_gender="f"), variant=1).notes])
    assert f - m >= 7


def test_same_seed_same_score_other_seed_other_score():
    a, ly = analysis(), lyrics()
    one = compose(a, ly, controls=controls(seed=5), variant=1).to_json()
    assert one == compose(a, ly, controls=controls(seed=5), variant=1).to_json()
    assert one != compose(a, ly, controls=controls(seed=6), variant=1).to_json()
    two = compose(a, ly, controls=controls(seed=5), variant=2)
    assert two.to_json() == compose(a, ly, controls=controls(seed=5), variant=2).to_json()
    assert two.variant == 2 and two.seed == 5 and two.key == "C major" and two.style == "pop"


def test_variants_differ(song):
    _, _, _, s1, s2 = song
    assert variant_similarity(s1, s2) <= 0.5
    for seed in (3, 4):
        a, ly = analysis(), lyrics()
        c = controls(style="hip hop", seed=seed)  # near-spoken: the narrowest room to differ
        assert variant_similarity(compose(a, ly, controls=c, variant=1), compose(a, ly, controls=c, variant=2)) <= 0.5


def test_chorus_over_the_high_energy_sections(song):
    a, _, _, s1, _ = song
    chorus_spans = [(s, e) for s, e, lab, _ in a.sections if lab == "chorus"]
    for n in s1.notes:
        if n.section == "chorus":
            assert any(s - 0.6 <= n.start < e for s, e in chorus_spans)  # a pickup may lead in


def test_repeated_chorus_repeats_its_melody_with_slight_variation():
    a, ly = analysis(), lyrics()
    for seed in (1, 2, 3):
        s = compose(a, ly, controls=controls(seed=seed), variant=1)
        lines = {}
        for n in s.notes:
            lines.setdefault(n.line_index, []).append(n.midi)
        first, second = [lines[i] for i in range(4, 8)], [lines[i] for i in range(12, 16)]
        pairs = [(x, y) for a_, b_ in zip(first, second) if len(a_) == len(b_) for x, y in zip(a_, b_)]
        assert len(pairs) >= 15 and np.mean([x == y for x, y in pairs]) >= 0.6


def test_sections_lines_velocity(song):
    _, ly, _, s1, _ = song
    kinds = {w.index: sec.kind for sec in ly.sections for ln in sec.lines for w in ln.words}
    line_of = {w.index: k for k, ln in enumerate(ly.lines) for w in ln.words}
    for n in s1.notes:
        assert n.section == kinds[n.word_index] and n.line_index == line_of[n.word_index]
        assert 1 <= n.velocity <= 127
    chorus = np.mean([n.velocity for n in s1.notes if n.section == "chorus"])
    verse = np.mean([n.velocity for n in s1.notes if n.section == "verse"])
    assert chorus > verse + 5


def test_rests_between_lines(song):
    _, _, _, s1, _ = song
    ends = {}
    starts = {}
    for n in s1.notes:
        starts.setdefault(n.line_index, n.start)
        ends[n.line_index] = n.end
    gaps = [starts[i + 1] - ends[i] for i in range(len(ends) - 1)]
    assert min(gaps) >= 0.24  # at least half a beat to breathe at 120 BPM


def test_lyrics_longer_than_the_music_warn_and_keep_every_word():
    a = analysis(bars_per_section=(1, 4, 4, 1), labels=("intro", "verse", "chorus", "outro"),
                 energies=(0.2, 0.5, 0.9, 0.2))  # fmt: skip
    ly = lyrics()
    s = compose(a, ly, controls=controls(), variant=1)
    assert s.warnings and s.warnings[0].startswith("lyrics longer than the music")
    assert _words_in_order(s, ly) and _no_overlap(s)
    assert s.notes[-1].end <= a.duration


def test_far_too_many_lyrics_are_compressed_not_dropped():
    a = analysis(bars_per_section=(2,), labels=("verse",), energies=(0.5,))
    ly = lyrics(("verse", VERSE1 * 3), ("chorus", CHORUS * 2))
    s = compose(a, ly, controls=controls(), variant=2)
    assert any("compressed" in w for w in s.warnings)
    assert _words_in_order(s, ly) and _no_overlap(s) and s.notes[-1].end <= a.duration


def test_overflowing_lyrics_still_start_lines_on_bar_lines_or_half_bars():
    a = analysis(bars_per_section=(8, 8), labels=("verse", "chorus"), energies=(0.4, 0.8))
    ly = lyrics(("verse", VERSE1 * 2), ("chorus", CHORUS * 2))  # 16 lines in 16 bars: past the densest phrasing
    s = compose(a, ly, controls=controls(), variant=1)
    f = melody_fit(s, a)
    assert any("compressed" in w for w in s.warnings) and _words_in_order(s, ly)
    assert f["phrases"] >= 0.9 and f["on_grid"] >= 0.95


def _word_runs(score):
    seen = []
    for n in score.notes:
        if not seen or seen[-1] != n.word_index:
            seen.append(n.word_index)
    return seen


def test_fewer_lyrics_leave_instrumental_sections_free_and_the_chorus_returns():
    a = analysis()  # 32 bars to sing between intro and outro, lyrics for 16
    ly = lyrics(("verse", VERSE1), ("chorus", CHORUS))
    verse = [w.index for ln in ly.sections[0].lines for w in ln.words]
    chorus = [w.index for ln in ly.sections[1].lines for w in ln.words]
    intro_end = a.sections[0][1]
    outro_start = a.sections[-1][0]
    for v in (1, 2):
        s = compose(a, ly, controls=controls(), variant=v)
        assert _word_runs(s) == verse + chorus * 3
        assert s.warnings == ["lyrics shorter than the music: [Chorus] sung 2 more time(s) to fill the song."]
        assert all(n.start >= intro_end - 0.6 and n.end <= outro_start for n in s.notes)
        assert len({n.line_index for n in s.notes}) == 16  # every sung line has its own index


def test_lead_regions_left_to_the_instrumental():
    base = analysis()
    verse1 = base.sections[1]
    a = analysis(lead_regions=[(verse1[0], verse1[1])])
    ly = lyrics(("verse", VERSE1), ("chorus", CHORUS))
    s = compose(a, ly, controls=controls(), variant=1)
    assert not any(verse1[0] <= n.start < verse1[1] - 0.6 for n in s.notes)


def test_melisma_follows_profile_and_negative_tags():
    a, ly = analysis(), lyrics()
    rich = compose(a, ly, controls=controls(style="gospel", style_weight=1.0), variant=1)
    ties = [n for n in rich.notes if n.tie]
    assert ties and all(n.phonemes == () for n in ties)
    for t in ties:  # a melisma moves by step and keeps the syllable
        i = rich.notes.index(t)
        assert rich.notes[i - 1].word_index == t.word_index and abs(rich.notes[i - 1].midi - t.midi) <= 4
    none = compose(a, ly, controls=controls(style="gospel", negative_tags="melisma", style_weight=1.0), variant=1)
    assert not any(n.tie for n in none.notes)


def test_spoken_style_is_narrow_and_dense():
    a, ly = analysis(), lyrics()
    rap = compose(a, ly, controls=controls(style="hip hop", style_weight=1.0), variant=1)
    ballad = compose(a, ly, controls=controls(style="ballad", style_weight=1.0), variant=1)
    assert np.ptp([n.midi for n in rap.notes]) < np.ptp([n.midi for n in ballad.notes])
    # the lyrics as given (a returning chorus left out: the denser rap has room to sing it more often)
    once = lambda s: [n for n in s.notes if n.line_index < len(ly.lines)]  # noqa: E731
    span = lambda s: once(s)[-1].end - once(s)[0].start  # noqa: E731
    assert span(rap) < span(ballad)


def test_weirdness_adds_syncopation_and_leaps():
    a, ly = analysis(), lyrics()
    off = {0.0: 0, 1.0: 0}
    for seed in range(3):
        for wd in off:
            s = compose(a, ly, controls=controls(style="pop", weirdness=wd, seed=seed), variant=1)
            beats = np.array(a.beats)
            off[wd] += sum(np.min(np.abs(beats - n.start)) > 0.01 for n in s.notes)
    assert off[1.0] > off[0.0]


@pytest.mark.parametrize(("meter", "key", "loop"), [("3/4", "A minor", ("A:min", "D:min", "E:maj", "A:min")),
                                                    ("4/4", "F# minor", ("F#:min", "D:maj", "A:maj", "C#:7"))])  # fmt: skip
def test_other_meters_and_minor_keys(meter, key, loop):
    a = analysis(meter=meter, key=key, loop=loop, tempo=96.0)
    ly = lyrics()
    s = compose(a, ly, controls=controls(seed=2, audio_weight=1.0), variant=1)
    f = melody_fit(s, a)
    assert _words_in_order(s, ly) and _no_overlap(s)
    assert f["in_key"] >= 0.95 and f["on_grid"] >= 0.95 and f["phrases"] >= 0.9 and f["chord_tones"] >= 0.7


def test_analysis_without_downbeats_or_chords_still_composes():
    base = analysis()
    from dataclasses import replace

    a = replace(base, downbeats=[], chords=[], sections=[], lead_regions=[])
    ly = lyrics(("verse", VERSE1))
    s = compose(a, ly, controls=controls(), variant=1)
    words = [w.index for w in ly.words]
    assert _word_runs(s) == words * 2 and _no_overlap(s)  # a lone verse on a long song: sung twice, not more
    assert s.warnings == ["lyrics shorter than the music: [Verse] sung 1 more time(s) to fill the song."]


def test_word_without_syllables_is_still_sung():
    ly = lyrics(("verse", VERSE1))
    ly.sections[0].lines[0].words[1].syllables = []
    s = compose(analysis(), ly, controls=controls(), variant=1)
    assert _words_in_order(s, ly)


def test_empty_lyrics_give_an_empty_score():
    s = compose(analysis(), lyrics(("verse", [])), controls=controls(), variant=1)
    assert s.notes == [] and s.warnings == []


@pytest.mark.parametrize("variant", [0, 3, "1"])
def test_variant_must_be_1_or_2(variant):
    with pytest.raises(ValidationError) as e:
        compose(analysis(), lyrics(), controls=controls(), variant=variant)
    assert e.value.field == "variant"


def test_weirdness_allows_chromatic_passing_tones_and_stays_in_key():
    a, ly = analysis(), lyrics()
    chromatic = {0.0: 0, 1.0: 0}
    for seed in range(3):
        for wd in chromatic:
            s = compose(a, ly, controls=controls(style="jazz", weirdness=wd, seed=seed), variant=1)
            chromatic[wd] += sum(n.midi % 12 in (1, 3, 6, 8, 10) for n in s.notes)
            assert melody_fit(s, a)["in_key"] >= 0.95
    assert chromatic[0.0] == 0 and chromatic[1.0] > 0


def test_a_later_verse_reuses_the_first_verse_rhythm_where_the_stress_pattern_matches():
    a = analysis()
    verse2 = [VERSE2[0], "And the summer rain", VERSE2[2], VERSE2[3]]  # line 2 stresses like "Through the city lights"
    ly = lyrics(("verse", VERSE1), ("chorus", CHORUS), ("verse", verse2), ("chorus", CHORUS))
    for seed in (9, 10):
        s = compose(a, ly, controls=controls(seed=seed), variant=1)
        lines = {}
        for n in s.notes:
            lines.setdefault(n.line_index, []).append(n)
        rel = lambda k: [round(n.start - lines[k][0].start, 3) for n in lines[k]]  # noqa: E731
        assert rel(1) == rel(9)


def test_a_sung_intro_may_use_the_instrumental_intro():
    a = analysis()
    ly = lyrics(("intro", ["Oh my love"]), ("verse", VERSE1), ("chorus", CHORUS))
    s = compose(a, ly, controls=controls(), variant=1)
    intro_end = a.sections[0][1]
    assert all(n.start < intro_end for n in s.notes if n.section == "intro")
    assert all(n.start >= intro_end - 0.6 for n in s.notes if n.section != "intro")


def test_a_short_line_spreads_over_its_whole_phrase():
    # six syllables on a 4-bar phrase at 160 BPM: onsets up to twice the style's spacing apart, so the
    # fourth bar is sung (a held last note to the breath) rather than left empty
    a = analysis(tempo=160, bars_per_section=(8,), labels=("chorus",), energies=(0.8,))
    grid = make_grid(a)
    start, end = int(grid.bars[1]), int(grid.bars[5])
    prof = controls(style="rock", style_weight=1.0).profile
    for seed in range(4):
        ev = line_rhythm([1, 1, 0, 1, 1, 0], grid=grid, start=start, end=end, prev_end=0, profile=prof,
                         weirdness=0.0, audio_weight=0.5, rng=np.random.default_rng(seed))  # fmt: skip
        assert ev[-1].start - start >= 3 * 16 - 2 and ev[-1].end == end - 4
