import numpy as np
import pytest

from topline.music.analysis import analyse
from topline.music.analysis.rhythm import bar_phase, track_beats

from .synth import SR, click_track, song


@pytest.mark.parametrize("bpm", [100.0, 128.0])
def test_click_track_tempo_and_beats(bpm):
    y, truth = click_track(bpm, 16.0)
    tempo, beats = track_beats(y, sr=SR)
    assert tempo == pytest.approx(bpm, abs=1.0)
    inner = truth[(truth > 2.0) & (truth < 14.0)]  # trackers may start late and stop early
    err = np.abs(beats[:, None] - inner[None, :]).min(axis=0)
    assert err.max() < 0.02


def test_no_pulse_gives_no_tempo():
    tempo, beats = track_beats(np.zeros(SR * 2, np.float32), sr=SR)
    assert tempo == 0.0 and beats.size < 2


@pytest.mark.parametrize("m,phase", [(4, 0), (4, 2), (3, 1), (3, 0)])
def test_bar_phase_from_accents(m, phase):
    acc = np.full(48, 1.0)
    acc[phase::m] = 3.0
    assert bar_phase(acc)[:2] == (m, phase)


def test_flat_accents_default_to_four():
    assert bar_phase(np.ones(32))[0] == 4


@pytest.mark.parametrize("per_bar,meter,bpm", [(3, "3/4", 120), (4, "4/4", 120), (3, "3/4", 70), (3, "3/4", 170)])
def test_meter_and_downbeats_of_a_song(per_bar, meter, bpm):
    prog = [("C", "maj"), ("F", "maj"), ("G", "maj"), ("C", "maj")] * 4
    y, beat = song(prog, bpm=bpm, beats_per_chord=per_bar, beats_per_bar=per_bar)
    a = analyse(y, sr=SR)
    assert a.meter == meter  # a slow or fast waltz is not 6/8
    assert a.tempo == pytest.approx(bpm, abs=bpm * 0.01)
    bar = beat * per_bar
    # every downbeat lies on a bar line (within 50 ms), and they are a bar apart
    ph = np.abs((np.array(a.downbeats) + bar / 2) % bar - bar / 2)
    assert ph.max() < 0.05
    assert np.median(np.diff(a.downbeats)) == pytest.approx(bar, abs=0.03)
    assert set(a.downbeats) <= set(a.beats)


@pytest.mark.parametrize("dotted_bpm", [55.0, 70.0, 90.0])
def test_six_eight_counts_dotted_quarters(dotted_bpm):
    from .synth import six_eight

    y, bar = six_eight([("D", "maj"), ("G", "maj"), ("A", "maj"), ("D", "maj")] * 4, dotted_bpm=dotted_bpm)
    a = analyse(y, sr=SR)
    assert a.meter == "6/8" and a.beats_per_bar == 2
    assert a.tempo == pytest.approx(dotted_bpm, abs=1.5)
    ph = np.abs((np.array(a.downbeats) + bar / 2) % bar - bar / 2)
    assert ph.max() < 0.05
    assert np.median(np.diff(a.beats)) == pytest.approx(bar / 2, abs=0.02)
    assert set(a.downbeats) <= set(a.beats)


@pytest.mark.parametrize("attack", [0.005, 0.06, 0.12])
@pytest.mark.parametrize("bpm", [90.0, 120.0])
def test_beats_sit_on_note_starts_not_on_the_swell(attack, bpm):
    # A slow swell peaks late; the beat is where the note starts (the score's note-on).
    from .synth import swell_track

    y, truth = swell_track(bpm, 16.0, attack=attack, sr=44100)
    _, beats = track_beats(y, sr=44100)
    inner = beats[(beats > 2.0) & (beats < 14.0)]
    d = inner[:, None] - truth[None, :]
    off = d[np.arange(inner.size), np.abs(d).argmin(axis=1)]
    assert abs(np.median(off)) < 0.008  # no systematic lag
    assert np.abs(off).max() < 0.015


def test_six_eight_with_soft_inner_eighths():
    # A jig whose inner eighths are far softer than the dotted-quarter beats is still 6/8.
    from .synth import six_eight

    y, bar = six_eight([("D", "maj"), ("G", "maj"), ("A", "maj"), ("D", "maj")] * 4, dotted_bpm=85.0, weak=0.05)
    a = analyse(y, sr=SR)
    assert a.meter == "6/8" and a.tempo == pytest.approx(85.0, abs=1.5)
    ph = np.abs((np.array(a.downbeats) + bar / 2) % bar - bar / 2)
    assert ph.max() < 0.05


@pytest.mark.parametrize("bpm", [76.0, 84.0])
def test_double_time_comping_over_a_slow_pulse_counts_the_pulse(bpm):
    # Hi-hats and chord stabs on eighths lead the tracker to double time (at 76 it reads 152;
    # at 84 it keeps the pulse); bass, kick and snare keep the slow pulse, the song's beat.
    from .synth import backbeat

    y, beat = backbeat([("G", "maj"), ("C", "maj"), ("D", "maj"), ("G", "maj")] * 3, bpm=bpm, stabs=True)
    a = analyse(y, sr=SR)
    assert a.meter == "4/4" and a.tempo == pytest.approx(bpm, abs=1.0)
    assert np.median(np.diff(a.beats)) == pytest.approx(beat, abs=0.01)
    bar = 4 * beat
    ph = np.abs((np.array(a.downbeats) + bar / 2) % bar - bar / 2)
    assert ph.max() < 0.05


def test_beats_one_and_three_tied_the_bar_starts_where_the_music_starts():
    from topline.music.analysis import _half_bar_tiebreak

    acc = np.tile([2.0, 1.0, 2.1, 1.0], 8)  # beat "3" a hair stronger than beat "1"
    assert _half_bar_tiebreak(acc, 2, 0) == 0  # the music starts on beat 0: that is the bar line
    assert _half_bar_tiebreak(acc, 2, -1) == 2  # starts a beat early (a pickup beat): keep the accents' choice
    assert _half_bar_tiebreak(acc, 2, None) == 2
    clear = np.tile([2.0, 1.0, 3.0, 1.0], 8)  # clearly stronger: the accents decide
    assert _half_bar_tiebreak(clear, 2, 0) == 2


def test_half_bar_tiebreak_without_a_start_follows_the_biggest_change():
    from topline.music.analysis import _half_bar_tiebreak

    tied = np.tile([2.0, 1.0, 2.1, 1.0], 8)
    assert _half_bar_tiebreak(tied, 2, None, 16) == 0  # the sections change on beat 0 of a bar
    assert _half_bar_tiebreak(tied, 2, None, 18) == 2
    assert _half_bar_tiebreak(tied, 2, -1, 16) == 2  # a start on the grid speaks first


def test_half_bar_tiebreak_start_and_change_together_outweigh_clearer_accents():
    from topline.music.analysis import _half_bar_tiebreak

    leaning = np.tile([2.0, 1.0, 3.0, 1.0], 8)  # cadences on beat "3": a third stronger
    assert _half_bar_tiebreak(leaning, 2, 0, 16) == 0  # start and biggest change agree on beat 0
    assert _half_bar_tiebreak(leaning, 2, 0, 18) == 2  # they disagree: the accents decide
    assert _half_bar_tiebreak(leaning, 2, None, 16) == 2
    clear = np.tile([1.0, 1.0, 3.0, 1.0], 8)  # beyond doubt
    assert _half_bar_tiebreak(clear, 2, 0, 16) == 2


def test_boundary_beat_is_where_the_harmony_and_level_change():
    from topline.music.analysis import _boundary_beat, _timbre

    beat, n = 20, 48
    chroma = np.zeros((12, n * beat))
    rms = np.ones(n * beat)
    for i in range(n):
        pcs = ((0, 4, 7), (7, 11, 2)) if i < 27 else ((5, 9, 0), (9, 0, 4))  # C G ... then F Am
        chroma[list(pcs[i % 2]), i * beat : (i + 1) * beat] = 1.0
        rms[i * beat : (i + 1) * beat] = 1.0 if i < 27 else 2.0
    log_mel = np.full((64, n * beat), -20.0)
    frames = np.arange(0, n * beat, beat)
    mfcc = _timbre(log_mel)
    assert _boundary_beat(chroma, mfcc, rms, frames) == 27
    assert _boundary_beat(chroma, mfcc, rms, frames[:30]) is None  # too short to tell


def test_start_beat_counts_back_along_the_grid():
    from topline.music.analysis import _start_beat

    rms = np.zeros(400)
    rms[100:] = 1.0
    grid = np.arange(130, 400, 15)  # the tracker locked on two beats after the music began
    assert _start_beat(rms, grid) == -2
    assert _start_beat(rms, np.arange(100, 400, 15)) == 0
    assert _start_beat(rms, np.arange(107, 400, 15)) is None  # the music starts between beats (a pickup)


@pytest.mark.parametrize("lag", [0.04, -0.03])
@pytest.mark.parametrize("fade", [0.05, 0.12])
def test_legato_entries_put_a_late_grid_on_the_note_starts(lag, fade):
    # Bowed chords crossfading at constant level: the new pitches' entry marks the beat.
    from topline.music.analysis.rhythm import _align_to_entries

    from .synth import legato_track

    y, truth = legato_track(100.0, 12.0, fade=fade, sr=44100)
    out = _align_to_entries(y, truth + lag, sr=44100)
    assert abs(np.median(out - truth)) < 0.012


def _pulses(n_frames: int, step: int, heights: list[float], seed: int = 0) -> np.ndarray:
    """An onset function: a pulse every ``step`` frames, heights cycling, a little noise."""
    x = np.random.default_rng(seed).uniform(0.0, 0.05, n_frames)
    for i, k in enumerate(range(0, n_frames, step)):
        x[k] += heights[i % len(heights)]
    return x


def test_periodicity_reads_the_lags_of_the_pulse():
    from topline.music.analysis.rhythm import periodicity

    x = _pulses(1200, 24, [1.0, 0.4])  # beats of 24 frames, every other one strong
    r_half, r_one, r_two = periodicity(x, 24.0, (0.5, 1.0, 2.0))
    assert r_half < 0.1 and r_one > 0.3 and r_two > r_one


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_jig_counted_in_quarters_is_found_to_be_dotted(seed):
    # Eighths 10 frames apart, stressed on 1 and 4 of six; a tracker's "beat" of two eighths.
    from topline.music.analysis import HOP, SR, _dotted

    rng = np.random.default_rng(seed)
    jig = _pulses(1800, 10, [1.0] + list(rng.uniform(0.2, 0.5, 2)) + [0.8] + list(rng.uniform(0.2, 0.5, 2)), seed)
    quarter = 60.0 * SR / HOP / 20  # BPM of two eighths
    assert _dotted(jig, quarter)
    assert not _dotted(jig, 60.0 * SR / HOP / 30)  # counted right, in dotted quarters
    reel = _pulses(1800, 10, [1.0, 0.3, 0.6, 0.3, 0.8, 0.3, 0.6, 0.3], seed)  # duple eighths
    assert not _dotted(reel, quarter)


def test_triplet_subdivision_from_the_onsets():
    from topline.music.analysis import HOP, SR, _triplets

    beat = 60.0 * SR / HOP / 30  # BPM of beats 30 frames apart
    assert _triplets(_pulses(1800, 10, [1.0, 0.4, 0.4]), beat)  # three to a beat
    assert not _triplets(_pulses(1800, 15, [1.0, 0.4]), beat)  # two to a beat
    assert not _triplets(_pulses(1800, 30, [1.0]), beat)  # beats alone


@pytest.mark.parametrize("dotted_bpm", [69.0, 75.0])
def test_a_lilting_jig_is_six_eight_in_dotted_quarters(dotted_bpm):
    # Quarter-eighth bars lead the tracker to count two eighths (at 69: 103.5 BPM).
    from .synth import jig

    y, bar = jig([("E", "min"), ("D", "maj"), ("G", "maj"), ("B", "min")] * 5, dotted_bpm=dotted_bpm, lilt=True)
    a = analyse(y, sr=SR)
    assert a.meter == "6/8" and a.tempo == pytest.approx(dotted_bpm, abs=1.0)
    assert np.median(np.diff(a.beats)) == pytest.approx(bar / 2, abs=0.02)
    ph = np.abs((np.array(a.downbeats) + bar / 2) % bar - bar / 2)
    assert ph.max() < 0.05


def test_without_a_clear_accent_the_bar_starts_where_the_music_starts():
    from topline.music.analysis import _unaccented_start

    rng = np.random.default_rng(3)
    flat = 1.0 + 0.1 * rng.standard_normal(32)  # a chord on every beat, no beat stands out
    flat[2::4] += 0.1
    assert _unaccented_start(flat, 4, 2, -1) == 3  # the music started one beat before the grid
    assert _unaccented_start(flat, 3, 2, 0) == 0
    assert _unaccented_start(flat, 4, 2, None) == 2  # a pickup off the grid: nothing to go by
    clear = np.tile([1.0, 1.0, 2.0, 1.0], 8)  # a real accent decides
    assert _unaccented_start(clear, 4, 2, -1) == 2


def test_attack_start_walks_back_from_the_steepest_rise_not_to_a_bump_further_back():
    from topline.music.analysis.rhythm import _attack_start

    # A floor at 0 dB with a 1 dB bump far back (frame 2), then a 4 dB rise from frame 10 to 14.
    curve = np.array([0.0, 0.1, 1.0, 0.1, 0.0, 0.1, 0.0, 0.1, 0.0, 0.1, 0.0, 0.5, 2.0, 3.5, 4.0, 4.0])
    # A fifth of the rise is 0.8 dB: the attack starts at frame 12, the first of the frames above
    # it back from the steepest point; the bump, above it too, is not part of the attack.
    assert _attack_start(curve, 0, 14, 13) == 12
    assert _attack_start(curve, 10, 14, 12) == 12


def _stage_curves(pre: np.ndarray, n: int = 24, seed: int = 0) -> np.ndarray:
    """Per-beat level curves: a floor, a main rise of 3 dB at frame 30, per-beat ``pre`` rise at frame 12."""
    rng = np.random.default_rng(seed)
    base = np.zeros(40)
    base[30:] = 3.0
    out = np.tile(base, (n, 1)) + rng.normal(0.0, 0.1, (n, 40))
    for i in range(n):
        out[i, 12:24] += pre[i]
    return out


def test_an_earlier_stage_of_the_attack_is_the_note_start():
    from topline.music.analysis.rhythm import _earlier_stage

    # Every beat lifts 1 dB at frame 12 (a pluck), 18 frames before the body at frame 30.
    curves = _stage_curves(np.full(24, 1.0))
    curve = np.median(curves, axis=0)
    assert _earlier_stage(curves, curve, 30, rise=3.0, look=25, span=4) in (11, 12)
    # Out of reach (looking back only 10 frames), or too small a share of the rise: none.
    assert _earlier_stage(curves, curve, 30, rise=3.0, look=10, span=4) is None
    small = _stage_curves(np.full(24, 0.5))
    assert _earlier_stage(small, np.median(small, axis=0), 30, rise=3.0, look=25, span=4) is None


def test_a_rise_the_beats_do_not_share_is_no_stage_of_the_attack():
    from topline.music.analysis.rhythm import _earlier_stage

    # Half the beats rise 2 dB at frame 12, half fall 2 dB: no consistent first stage.
    curves = _stage_curves(np.where(np.arange(24) % 2 == 0, 2.0, -2.0))
    assert _earlier_stage(curves, np.median(curves, axis=0), 30, rise=3.0, look=25, span=4) is None


def test_steady_removes_frame_jitter_but_keeps_a_real_push():
    from topline.music.analysis.rhythm import _steady

    grid = 0.5 + 0.6 * np.arange(20)
    jitter = np.where(np.arange(20) % 2 == 0, 0.006, -0.006)  # a tracker's frame quantisation
    out = _steady(grid + jitter)
    assert np.abs(out - grid)[4:-4].max() < 1e-3 and np.abs(out - grid).max() < 2e-3
    pushed = grid.copy()
    pushed[10] += 0.04  # 40 ms early or late: a real push, kept
    assert _steady(pushed)[10] == pytest.approx(pushed[10])


def test_a_grid_tracked_again_keeps_the_phase_of_the_first():
    from topline.music.analysis.rhythm import _keep_phase

    eighths_pairs = 0.2 + 0.6 * np.arange(30)  # the first tracker's grid, on the note starts
    dotted = 0.2 + 0.09 + 0.9 * np.arange(20)  # dotted quarters, 90 ms late
    out = _keep_phase(dotted, eighths_pairs)
    assert out is not None and np.allclose(out, dotted - 0.09)
    # A grid at an unrelated period meets the first at scattered offsets: left to itself.
    assert _keep_phase(0.2 + 0.77 * np.arange(20), eighths_pairs) is None


def test_a_grid_a_tenth_of_a_second_late_moves_onto_the_attacks():
    # The attack starts beyond the near reach (80 ms), within the far one.
    from topline.music.analysis.rhythm import _align_to_onsets

    from .synth import swell_track

    y, truth = swell_track(100.0, 12.0, attack=0.005, sr=44100)
    out = _align_to_onsets(y, truth + 0.1, sr=44100)
    assert abs(np.median(out - truth)) < 0.012
    near_only = _align_to_onsets(y, truth + 0.1, sr=44100, far=0.08)  # no far reach: the grid stays
    assert np.median(near_only - truth) == pytest.approx(0.1, abs=0.005)


def test_legato_entries_a_sixth_of_a_second_away_are_found_with_the_far_reach():
    from topline.music.analysis.rhythm import _align_to_entries

    from .synth import legato_track

    y, truth = legato_track(100.0, 12.0, fade=0.12, sr=44100)
    assert abs(np.median(_align_to_entries(y, truth + 0.15, sr=44100, far=0.2) - truth)) < 0.012
    assert np.median(_align_to_entries(y, truth + 0.15, sr=44100) - truth) == pytest.approx(0.15, abs=0.005)


def _slow_eighths(bpm: float, seconds: float = 24.0) -> np.ndarray:
    """A slow piece whose fastest notes are eighths: a plucked tune in eighths over a bass and
    a chord on every quarter, the chord changing every beat (a chorale's harmonic rhythm)."""
    from .synth import tone, triad

    beat = 60.0 / bpm
    y = np.zeros(int(seconds * SR), np.float32)
    roots = [("G", "maj"), ("E", "min"), ("C", "maj"), ("D", "maj")]
    tune = [67, 69, 71, 72, 74, 72, 71, 69]
    for i in range(int(seconds / beat) - 1):
        k = int((0.5 + i * beat) * SR)
        root, quality = roots[i % 4]
        chord = sum(tone(m, beat, amp=0.06, decay=0.4) for m in triad(root, quality))
        bass = tone(triad(root, quality, octave=2)[0], beat, amp=0.25, harmonics=3, decay=0.5)
        y[k : k + chord.size] += (chord + bass)[: y.size - k]
        for j in range(2):
            n = tone(tune[(2 * i + j) % 8] + 12, beat / 2, amp=0.1, decay=0.15)
            s = k + int(j * beat / 2 * SR)
            y[s : s + n.size] += n[: y.size - s]
    return y


@pytest.mark.parametrize("bpm", [62.0, 66.0, 124.0])
def test_a_slow_piece_in_eighths_is_counted_in_its_quarters(bpm):
    # The tracker reads 124 and 132 for the slow ones; at 124 the eighths sound between the beats.
    a = analyse(_slow_eighths(bpm), sr=SR)
    assert a.tempo == pytest.approx(bpm, abs=1.0)
    assert np.median(np.diff(a.beats)) == pytest.approx(60.0 / bpm, abs=0.01)


@pytest.mark.parametrize("first", [0, 15])
def test_a_grid_half_off_the_notes_keeps_the_beats_on_them(first):
    # Eighths every 10 frames, dotted quarters (every 30) louder; the grid beats every 15 frames,
    # so every other beat falls halfway through an eighth.
    from topline.music.analysis import _between_the_notes

    onset = np.zeros(1200)
    onset[::10] = 1.0
    onset[::30] = 2.0
    tempo = 22050 / 512 * 60 / 15
    grid = np.arange(first, 1190, 15)
    assert _between_the_notes(onset, grid, tempo) == (first // 15) % 2
    assert _between_the_notes(onset, np.arange(0, 1190, 10), tempo * 1.5) is None  # beats on every note


def test_a_tracker_switching_from_pairs_of_eighths_to_eighths_is_caught():
    from topline.music.analysis.rhythm import level_switch

    slow = np.arange(20) * 0.52  # two beats a dotted quarter (between the notes)
    fast = slow[-1] + 0.52 + np.arange(40) * 0.3467  # then the eighths, three a dotted quarter
    beats = np.concatenate([slow, fast])
    got = level_switch(beats)
    assert got is not None and np.array_equal(got, fast)
    assert level_switch(np.arange(60) * 0.35) is None  # one level throughout
    swing = np.cumsum(np.tile([0.3, 0.45], 30))  # 3:2 alternating every beat is not a switch
    assert level_switch(swing) is None
    tempo_change = np.concatenate([np.arange(30) * 0.5, 14.5 + np.arange(30) * 0.4])  # 5:4, a real change
    assert level_switch(tempo_change) is None


def test_position_test_tells_a_pattern_from_noise():
    from topline.music.analysis.rhythm import position_test

    rng = np.random.default_rng(0)
    noise = rng.uniform(0.5, 1.5, 60)
    assert position_test(noise + np.tile([1.5, 0, 0, 0.8, 0, 0], 10), 6) < 1e-6
    assert position_test(noise, 6) > 0.05
    assert position_test(np.ones(5), 6) == 1.0  # too short


def test_groups_of_three_alternating_strong_and_weak_pair_up_into_bars():
    from topline.music.analysis.rhythm import paired_groups

    rng = np.random.default_rng(1)
    jig = np.tile([1.0, 0.3, 0.3, 0.5, 0.3, 0.3], 8) + rng.uniform(0.0, 0.1, 48)
    assert paired_groups(np.roll(jig, 2)) == 2  # the strong group starts on the third beat
    waltz = np.tile([1.0, 0.3, 0.3], 16) + rng.uniform(0.0, 0.1, 48)  # every bar begins alike
    assert paired_groups(waltz) is None


def test_eighths_of_a_six_eight_bar_are_told_from_a_waltz_in_eighths():
    from topline.music.analysis import _six_eighths

    rng = np.random.default_rng(2)
    frames = np.arange(60) * 10  # beats 10 frames apart
    accents = np.tile([3.0, 0.5, 0.5, 1.5, 2.0, 2.0], 10) + rng.uniform(0.0, 0.2, 60)
    jig = _pulses(600, 10, [1.0, 0.3, 0.3, 0.9, 0.5, 0.5])  # attacked at half the group
    assert _six_eighths(accents, jig, frames)
    waltz = _pulses(600, 10, [1.0, 0.3, 0.8, 0.3, 0.8, 0.3])  # quarters of 3/4 at the thirds
    assert not _six_eighths(accents, waltz, frames)
    assert not _six_eighths(np.tile([3.0, 1.0, 1.0, 1.0], 15) + rng.uniform(0.0, 0.2, 60), jig, frames)


def test_a_fast_grid_over_bowed_swells_follows_the_bass_and_harmony_to_half_time():
    from topline.music.analysis import _blurred_double_time

    rng = np.random.default_rng(3)
    frames = np.arange(64) * 10  # 146 BPM at the analysis frame rate is about 10 frames a beat
    accents = np.tile([1.0, 1.0, 1.0, 2.4], 16) + rng.uniform(0.0, 0.8, 64)  # chord changes every 4th
    blurred = 1.0 + rng.uniform(0.0, 0.3, 640)  # swells: no attack stands out
    assert _blurred_double_time(accents, blurred, frames, 146.0) == 1  # the odd beats carry the changes
    clear = _pulses(640, 10, [1.0])  # every tracked beat attacked, nothing between
    assert _blurred_double_time(accents, clear, frames, 146.0) is None  # the tracker heard the pulse
    assert _blurred_double_time(accents, blurred, frames, 130.0) is None  # a plausible tempo stays
    flat = 1.0 + rng.uniform(0.0, 0.8, 64)
    assert _blurred_double_time(flat, blurred, frames, 146.0) is None  # no parity preferred


def test_a_fast_waltz_whose_bars_pair_up_is_not_six_eight():
    # Strong and weak bars of a waltz in quarters: both bars begin with the bass, attacked alike.
    from topline.music.analysis import _six_eighths

    rng = np.random.default_rng(4)
    frames = np.arange(60) * 10
    accents = np.tile([3.5, 1.5, 1.5, 2.9, 1.4, 1.4], 10) + rng.uniform(0.0, 0.2, 60)
    waltz = _pulses(600, 10, [1.0, 0.3, 0.3, 0.9, 0.3, 0.3])
    assert not _six_eighths(accents, waltz, frames)


def test_a_three_four_bar_starts_before_its_weakest_beat():
    from topline.music.analysis import _meter, _triple_phase

    # A chorale in 3/4: beat 3 (index 0 here) changes chord into the next bar as often as beat 1
    # (index 1) does, but only beat 1 is followed by the weak second beat.
    chorale = np.tile([2.4, 2.3, 1.5], 16)
    assert _triple_phase(chorale) == 1
    assert _triple_phase(np.tile([1.1, 2.0, 1.0], 16)) == 1  # oom-pah-pah: the bass note's beat
    assert _triple_phase(np.tile([1.0, 1.0, 2.0], 16)) == 2
    frames = np.arange(48) * 20
    onset = np.zeros(48 * 20 + 40)
    onset[frames] = 1.0
    assert _meter(chorale, onset, frames, 120.0, cues=np.stack([chorale] * 4)) == ("3/4", 1, 1)
    # The same accents, but cues that group in four (a 4/4 chorale's accents can lean to three).
    four = np.stack([np.tile([2.0, 1.0, 1.5, 1.0], 12)] * 4)
    assert _meter(chorale, onset, frames, 120.0, cues=four)[0] == "4/4"


def test_where_beat_three_outweighs_beat_one_the_chord_changes_pick_between_the_readings():
    from topline.music.analysis import _triple_phase, _weak_second_beat

    # Beat 3 (index 2) outweighs beat 1 (index 0), beat 2 is the weakest: a chorale whose bass runs
    # into the next bar.  The largest drop is from beat 3 to beat 1, the weakest beat follows beat 1.
    runs_in = np.tile([1.9, 1.6, 2.5], 12)
    assert _triple_phase(runs_in) == 2
    # Chords changing on every beat alike (beat 3's change 1.16 times beat 1's): the weak second beat decides.
    assert _weak_second_beat(runs_in, np.tile([1.0, 0.8, 1.16], 12), 2) == 0
    # Chords changing on beat 3 far more (1.6 times beat 1's): the first reading stands.
    assert _weak_second_beat(runs_in, np.tile([0.8, 0.6, 1.28], 12), 2) == 2
    # A waltz whose second beat is played and third not: the same two readings, beat 1 and beat 2.
    waltz = np.tile([2.7, 1.9, 1.4], 12)
    assert _triple_phase(waltz) == 0
    assert _weak_second_beat(waltz, np.tile([1.6, 0.9, 0.5], 12), 0) == 0  # it changes chord on beat 1
    assert _weak_second_beat(waltz, np.tile([1.0, 1.1, 0.9], 12), 0) == 1
    # Where the readings agree, the chord changes are not asked.
    clear = np.tile([2.4, 1.5, 2.0], 12)
    assert _triple_phase(clear) == 0
    assert _weak_second_beat(clear, np.tile([0.5, 0.5, 2.0], 12), 0) == 0
    assert _weak_second_beat(runs_in[:5], np.ones(5), 2) == 2  # under two bars: nothing to go by


def test_triple_evidence_pools_faint_cues_that_agree():
    from topline.music.analysis.rhythm import position_test, triple_evidence

    rng = np.random.default_rng(2)
    n = 60
    # Four cues, each grouping in three only faintly (no one cue significant on its own) ...
    three = rng.normal(1.0, 0.3, (4, n))
    three[:, 0::3] += 0.12
    assert all(position_test(c, 3) > 0.05 for c in three)
    assert triple_evidence(three) == pytest.approx(4.43, abs=0.01)
    # ... or in four.
    four = rng.normal(1.0, 0.3, (4, n))
    four[:, 0::4] += 0.5
    assert triple_evidence(four) < -3.0
    # One cue that cannot be surer (p 0) counts as p 1e-6, not as infinite evidence.
    exact = np.stack([np.tile([2.0, 1.0, 1.0], 20)] + [np.ones(n)] * 3)
    assert triple_evidence(exact) == pytest.approx(-np.log(1e-6))


def test_beat_cues_read_the_bass_the_band_and_the_pitches_at_each_beat():
    from topline.music.analysis.rhythm import beat_cues

    frames = np.arange(12) * 10
    bass_onset = np.zeros(130)
    bass_onset[frames[0::3]] = 3.0  # the bass strikes every third beat
    bass_onset[frames[1::3]] = 1.0
    onset = np.ones(130)
    chroma = np.zeros((12, 130))
    chroma[0, :60] = 1.0  # C for six beats, then G
    chroma[7, 60:] = 1.0
    cues = beat_cues(bass_onset, onset, chroma, chroma, frames)
    assert cues.shape == (4, 12)
    assert cues.mean(axis=1) == pytest.approx(np.ones(4))
    assert np.argmax(cues[0][:3]) == 0 and cues[0][2] == 0.0
    assert cues[1] == pytest.approx(np.ones(12))
    assert int(np.argmax(cues[2])) == 6  # G enters at beat 6


def test_beat_changes_measure_where_the_pitches_change():
    from topline.music.analysis.rhythm import beat_changes

    chroma = np.zeros((12, 80))
    chroma[0, :40] = 1.0  # C for two beats, then G
    chroma[7, 40:] = 1.0
    changes = beat_changes(chroma, np.array([0, 20, 40, 60]))
    assert changes == pytest.approx([0.0, 0.0, np.sqrt(2.0), 0.0])


def test_a_four_four_bar_moves_to_where_the_harmony_arrives_after_a_pickup():
    from topline.music.analysis import _harmony_arrives

    # The bass leads in on beat 4 (index 3; the accents chose it), the chords change most on
    # beat 1 (index 0), and the bass pitch moves there too.
    changes = np.tile([1.2, 0.8, 0.9, 1.0], 8)
    bass = np.tile([1.0, 0.7, 0.8, 0.9], 8)
    assert _harmony_arrives(changes, bass, 3) == 0
    # The chords change on the next beat in the treble alone: the bass struck and moved on the beat.
    assert _harmony_arrives(changes, np.tile([0.6, 0.7, 0.8, 0.9], 8), 3) == 3
    # The chosen beat already has the strongest change: it stays.
    assert _harmony_arrives(changes, bass, 0) == 0
    # Stronger changes two beats on do not move the bars by one.
    assert _harmony_arrives(changes, bass, 2) == 2


def test_grouping_evidence_pools_the_cues_position_tests():
    from topline.music.analysis.rhythm import grouping_evidence, position_test

    rng = np.random.default_rng(5)
    cues = rng.normal(1.0, 0.3, (3, 48))
    cues[:, 0::2] += 0.3
    assert grouping_evidence(cues, 2) == pytest.approx(sum(-np.log(position_test(c, 2)) for c in cues))
    assert grouping_evidence(np.ones((4, 48)), 3) == 0.0  # no cue differs by position
    assert grouping_evidence(np.stack([np.tile([2.0, 1.0], 24)] * 2), 2) == pytest.approx(-2 * np.log(1e-6))


def _eighth_cues(pattern: list[float], n: int, seed: int) -> np.ndarray:
    """Four per-eighth cues repeating ``pattern`` (one bar of eighths), with a little noise."""
    rng = np.random.default_rng(seed)
    return np.tile(pattern, n // len(pattern) + 1)[:n] + rng.uniform(0.0, 0.3, (4, n))


def test_eighths_of_three_four_bars_are_counted_in_their_quarters():
    from topline.music.analysis import _triple_in_pairs
    from topline.music.analysis.rhythm import triple_evidence

    frames = np.arange(72) * 10  # eighths tracked at 126 BPM, ten frames apart

    def at(cues: np.ndarray):
        return lambda f: cues[:, f // 10]  # the cues of the kept beats (spans are not read again here)

    # A 3/4 bar in eighths: the bass and chord changes on the quarters (even eighths), the
    # downbeat strongest; the off-beat eighths carry only passing notes.
    waltz = _eighth_cues([3.0, 0.3, 1.0, 0.3, 1.0, 0.3], 72, seed=6)
    assert triple_evidence(waltz) < -3.0  # on the eighths, the pairs make it look like four
    assert _triple_in_pairs(waltz, waltz[0], 126.0, cues_at=at(waltz), beat_frames=frames) == 0
    late = np.roll(waltz, 1, axis=1)  # the quarters on the odd tracked beats
    assert _triple_in_pairs(late, late[0], 126.0, cues_at=at(late), beat_frames=frames) == 1
    # A 4/4 bar in eighths (or a 4/4 bar whose beats alternate): its strong beats group in two.
    four = _eighth_cues([3.0, 0.3, 1.0, 0.3, 1.8, 0.3, 1.0, 0.3], 72, seed=7)
    assert _triple_in_pairs(four, four[0], 126.0, cues_at=at(four), beat_frames=frames) is None
    # 3/4 in quarters: no pairs, so no second test.
    quarters = _eighth_cues([3.0, 1.0, 1.0], 72, seed=8)
    assert _triple_in_pairs(quarters, quarters[0], 126.0, cues_at=at(quarters), beat_frames=frames) is None
    # Cues that differ by parity surely but slightly (a steady signal's exact rounding to frames),
    # with the accents hardly preferring one parity (1.1:1), are no pairs of eighths.
    faint = _eighth_cues([1.05, 0.95, 1.0, 0.95, 1.0, 0.95], 72, seed=9) / 10 + 1.0
    assert _triple_in_pairs(faint, np.tile([1.1, 1.0], 36), 126.0, cues_at=at(faint), beat_frames=frames) is None
    # Over 150 BPM the six-eighth groups are a jig's bars (``_six_eighths`` decides in ``_meter``).
    assert _triple_in_pairs(waltz, waltz[0], 160.0, cues_at=at(waltz), beat_frames=frames) is None
    # Halving a grid at 70 BPM would leave 35: too slow for a beat.
    assert _triple_in_pairs(waltz, waltz[0], 70.0, cues_at=at(waltz), beat_frames=frames) is None


def _onset_envelope(y: np.ndarray) -> np.ndarray:
    """The analysis's full-band onset function (log-mel flux at 22.05 kHz, hop 512)."""
    import librosa

    from topline.music.analysis import HOP, N_FFT

    mag = np.abs(librosa.stft(y, n_fft=N_FFT, hop_length=HOP))
    log_mel = librosa.power_to_db(librosa.feature.melspectrogram(S=mag**2, sr=SR, n_mels=64, fmax=8000), ref=np.max)
    return librosa.onset.onset_strength(S=log_mel, sr=SR, hop_length=HOP, center=False)


def test_a_grid_swaying_about_a_steady_tempo_is_tracked_again_on_the_notes():
    import librosa

    from topline.music.analysis import _steadier, _unsteady

    from .synth import click

    y, truth = click_track(120.0, 20.0)
    y44 = librosa.resample(y, orig_sr=SR, target_sr=44100)
    sway = truth + 0.06 * np.sin(np.arange(truth.size) / 3.0)  # a fifth of a beat either way, as over an organ
    assert not _unsteady(truth) and _unsteady(sway)
    assert _steadier(_onset_envelope(y), y44, truth, 120.0, sr=44100) is None  # a steady grid stays
    tempo, beats = _steadier(_onset_envelope(y), y44, sway, 120.0, sr=44100)
    assert tempo == pytest.approx(120.0, abs=0.1)
    inside = beats[(beats > truth[0] - 0.1) & (beats < truth[-1] + 0.1)]
    assert inside.size == truth.size and np.abs(inside - truth).max() < 0.012
    # A real change of tempo (100 to 130 BPM) is followed by the grid, which stays.
    change = np.concatenate([0.5 + np.arange(16) * 0.6, 10.1 + np.arange(20) * 0.46])
    yc = np.zeros(20 * SR, np.float32)
    for t in change:
        k = int(t * SR)
        c = click(SR, 0.35)
        yc[k : k + c.size] += c[: yc.size - k]
    assert _unsteady(change)
    yc44 = librosa.resample(yc, orig_sr=SR, target_sr=44100)
    assert _steadier(_onset_envelope(yc), yc44, change, 60.0 / float(np.median(np.diff(change))), sr=44100) is None
