"""Harmony and structure on synthesised signals: bare fifths, drones, pedals, the mode and its
confidence, repeated sections, downbeats in 3/4."""

import numpy as np
import pytest

from topline.music.analysis import analyse
from topline.music.analysis.rhythm import bar_phase
from topline.music.analysis.structure import label_sections, repetition, segment_bars
from topline.music.analysis.tonal import estimate_chords, key_confidence, mode_evidence
from topline.music.types import Analysis

from .synth import NOTE, SR, click, song, tone, triad


def labels_at(chords, times):
    return [next(lab for s, e, lab in chords if s <= t < e) for t in times]


def with_beat(y: np.ndarray, bpm: float, *, per_bar: int = 4) -> np.ndarray:
    """Add a kick on every bar's first beat and soft noise ticks on the others (a pulse to track)."""
    beat = 60.0 / bpm
    rng = np.random.default_rng(3)
    for i in range(int(y.size / SR / beat)):
        k = int(i * beat * SR)
        if i % per_bar == 0:
            hit = click(SR, 0.5, 60.0, 0.15)
        else:
            n = int(0.04 * SR)
            hit = (rng.normal(0, 0.12, n) * np.exp(-np.arange(n) / (0.008 * SR))).astype(np.float32)
        y[k : k + hit.size] += hit[: y.size - k]
    return y


def struck_chords(root: str, quality: str, *, beats: int, beat: float) -> np.ndarray:
    """A bar of ``beats`` beats with the triad struck, equally soft, on every beat."""
    bar = np.zeros(int(beats * beat * SR), np.float32)
    for b in range(beats):
        chord = sum(tone(m, beat * 0.95, amp=0.08, decay=0.4) for m in triad(root, quality))
        k = int(b * beat * SR)
        bar[k : k + chord.size] += chord[: bar.size - k]
    return bar


def power_chord(root: str, seconds: float) -> np.ndarray:
    """Root, fifth and octave with eight partials each (a bright, guitar-like timbre)."""
    r = 12 * 3 + NOTE[root]  # octave 2
    return sum(tone(m, seconds, amp=0.12, harmonics=8) for m in (r, r + 7, r + 12))


def test_power_chords_are_fifths_not_invented_triads():
    bpm, beats_per_chord = 120.0, 8
    span = 60.0 / bpm * beats_per_chord
    roots = ["E", "A", "D", "E"] * 2
    y = with_beat(np.concatenate([power_chord(r, span) for r in roots]).astype(np.float32), bpm)
    a = analyse(y, sr=SR)
    mids = (np.arange(len(roots)) + 0.5) * span
    assert labels_at(a.chords, mids) == [f"{r}:5" for r in roots]


@pytest.mark.parametrize("harmonics,heard", [(1, "N"), (8, "E:5")])
def test_a_drone_is_no_chord_or_its_bare_fifth_never_a_triad(harmonics, heard):
    # A pure drone is one pitch: no chord.  A bright one also sounds its twelfth (the third
    # partial), heard as a bare fifth; neither invents a third.
    seconds = 16.0
    low, high = 12 * 3 + NOTE["E"], 12 * 4 + NOTE["E"]
    y = tone(low, seconds, amp=0.3, harmonics=harmonics) + tone(high, seconds, amp=0.1, harmonics=harmonics)
    a = analyse(with_beat(y.astype(np.float32), 100.0), sr=SR)
    sounding = [lab for s, e, lab in a.chords if e - s > 0.5]
    assert sounding and set(sounding) == {heard}
    assert not any(lab.endswith((":maj", ":min")) for _, _, lab in a.chords)


def test_the_chord_over_a_pedal_is_the_sounding_chord():
    # A low C held throughout; above it F, G and C major triads, two bars each.
    bpm = 120.0
    span = 60.0 / bpm * 8
    prog = [("F", "maj"), ("G", "maj"), ("C", "maj"), ("F", "maj"), ("G", "maj"), ("C", "maj")]
    upper = np.concatenate([sum(tone(m, span, amp=0.1) for m in triad(r, q)) for r, q in prog])
    pedal = tone(12 * 3 + NOTE["C"], upper.size / SR, amp=0.3, harmonics=3)[: upper.size]
    a = analyse(with_beat((upper + pedal).astype(np.float32), bpm), sr=SR)
    mids = (np.arange(len(prog)) + 0.5) * span
    assert labels_at(a.chords, mids) == [f"{r}:{q}" for r, q in prog]


def test_triads_with_a_third_for_a_beat_missing_stay_triads():
    # Chroma of C major and G major, with one beat of each a bare fifth: the run is too short to be
    # a texture of fifths, so the chords stay triads.
    c, g, c5 = np.zeros(12), np.zeros(12), np.zeros(12)
    c[[0, 4, 7]] = 1.0
    g[[7, 11, 2]] = 1.0
    c5[[0, 7]] = 1.0
    treble = np.stack([c, c, c5, c, g, g, g, g], axis=1)
    segs = estimate_chords(treble, np.arange(8.0), key="C major", end=8.0)
    assert segs == [(0.0, 4.0, "C:maj"), (4.0, 8.0, "G:maj")]


@pytest.mark.parametrize("mode", ["minor", "major"])
def test_the_third_over_the_tonic_decides_the_mode(mode):
    q = "min" if mode == "minor" else "maj"
    prog = [("A", q), ("D", "min" if mode == "minor" else "maj"), ("E", "maj"), ("A", q)] * 4
    y, _ = song(prog, bpm=120)
    a = analyse(y, sr=SR)
    assert a.key == f"A {mode}"
    assert a.mode_confidence >= 0.6
    assert 0.0 <= a.key_confidence <= 1.0


def test_mode_evidence_weighs_third_chords_and_cadences():
    minor_profile = np.zeros(12)
    minor_profile[[9, 0, 4]] = 1.0  # A C E: the minor third over A
    chords = [(0.0, 4.0, "A:min"), (4.0, 6.0, "E:maj"), (6.0, 10.0, "A:min")]
    assert mode_evidence("A", minor_profile, chords) < -2.0
    # Equal thirds and no tonic chord: no evidence either way.
    flat = np.ones(12)
    assert mode_evidence("A", flat, [(0.0, 4.0, "D:min")]) == 0.0
    # One Picardy third at the end does not outvote the tonic chords and two minor cadences.
    picardy = chords + [(10.0, 11.0, "E:maj"), (11.0, 13.0, "A:min"), (13.0, 14.0, "E:maj"), (14.0, 16.0, "A:maj")]
    assert mode_evidence("A", minor_profile, picardy) < 0.0


def test_key_confidence_is_low_when_a_neighbour_fits_as_well():
    # C major and G major triads only, equally long: C major and G major fit alike.
    even = [(0.0, 2.0, "C:maj"), (2.0, 4.0, "G:maj")] * 4
    assert key_confidence("C major", even) < 0.3
    full = [(0.0, 2.0, "C:maj"), (2.0, 3.0, "F:maj"), (3.0, 4.0, "G:maj"), (4.0, 6.0, "C:maj")] * 3
    assert key_confidence("C major", full) > 0.6
    assert key_confidence("C major", [(0.0, 4.0, "N")]) == 0.0


def test_a_returning_section_gets_the_same_label():
    verse = [("A", "min"), ("F", "maj"), ("C", "maj"), ("G", "maj")] * 2
    bridge = [("D", "min"), ("E", "maj"), ("D", "min"), ("E", "maj")] * 2
    ya, beat = song(verse, bpm=120, level=0.6)
    yb, _ = song(bridge, bpm=120, level=1.0, drums=False)
    a = analyse(np.concatenate([ya, yb, ya]), sr=SR)
    length = ya.size / SR
    starts = [s for s, *_ in a.sections]
    assert len(a.sections) == 3
    assert abs(starts[1] - length) < 0.1 and abs(starts[2] - 2 * length) < 0.1
    labels = [lab for *_, lab, _ in a.sections]
    assert labels[0] == labels[2] != labels[1]


def test_repetition_marks_where_a_varied_section_returns():
    rng = np.random.default_rng(0)
    part_a = rng.normal(size=(6, 4))  # four different bars
    part_b = rng.normal(size=(6, 4))
    f = np.hstack([part_a, part_b, part_a])
    r = repetition(f, length=4, gap=4)
    assert set(np.flatnonzero(r > 0.5)) == {4, 8}  # where A ends and where it comes back
    assert segment_bars(f, bar_seconds=2.0, min_bars=4) == [4, 8]
    # Uniform blocks are not repetitions, however similar at every lag.
    blocks = np.hstack([np.tile([[1.0], [0.0]], 12), np.tile([[0.0], [1.0]], 12)])
    assert not repetition(blocks + rng.normal(0, 0.01, blocks.shape)).any()


def test_label_sections_keeps_a_quiet_returning_part_with_its_repeat():
    a, b = np.eye(2)
    feats = np.stack([a, b, a], axis=1)
    energy = np.array([0.3, 1.0, 0.3])
    labels = label_sections(feats, energy)
    assert labels[0] == labels[2] and "intro" not in labels and "outro" not in labels


def test_three_four_downbeats_from_the_bass_and_the_harmony():
    # A chorale-like waltz without drums: the bass sounds only on each bar's first beat and the
    # chord changes there; the upper voices strike every beat.  The music starts with a
    # one-beat pickup (upper voices alone), so the start of the music is not a bar line.
    bpm = 100.0
    beat = 60.0 / bpm
    prog = [("C", "maj"), ("F", "maj"), ("G", "maj"), ("A", "min")]
    prog += [("D", "min"), ("G", "maj"), ("C", "maj"), ("E", "min")]
    bars = []
    for r, q in prog * 2:
        bar = struck_chords(r, q, beats=3, beat=beat)
        bass = tone(triad(r, q, octave=2)[0], 3 * beat * 0.95, amp=0.3, harmonics=3, decay=0.8)
        bar[: bass.size] += bass[: bar.size]
        bars.append(bar)
    pickup = sum(tone(m, beat * 0.95, amp=0.08, decay=0.4) for m in triad("G", "maj"))
    pickup = np.pad(pickup, (0, int(beat * SR) - pickup.size))
    y = np.concatenate([pickup] + bars).astype(np.float32)
    a = analyse(y, sr=SR)
    assert a.meter == "3/4"
    bar_s = 3 * beat
    true = beat + bar_s * np.arange(len(bars))
    est = np.array(a.downbeats)
    near = np.abs(est[:, None] - true[None, :]).min(axis=1)
    assert np.mean(near < 0.07) >= 0.9


def test_bar_phase_counts_in_three_only_when_the_pattern_is_significant():
    rng = np.random.default_rng(1)
    acc = rng.normal(1.0, 0.3, 60)
    acc[1::3] += 0.6  # every third beat stronger, with noise
    assert bar_phase(acc)[:2] == (3, 1)
    two = rng.normal(1.0, 0.3, 60)
    two[0::2] += 0.6  # a two-beat pattern is a four-beat bar, not three
    assert bar_phase(two)[0] == 4


def test_confidences_survive_json_and_old_json_loads():
    a = Analysis(duration=1.0, tempo=120.0, meter="4/4", beats=[0.0], downbeats=[0.0], key="A minor",
                 chords=[(0.0, 1.0, "A:5")], sections=[(0.0, 1.0, "verse", 1.0)], loudness_lufs=-14.0,
                 key_confidence=0.4, mode_confidence=0.25)  # fmt: skip
    d = a.to_json()
    assert d["key_confidence"] == 0.4 and d["mode_confidence"] == 0.25
    assert Analysis.from_json(d) == a
    del d["key_confidence"], d["mode_confidence"]
    old = Analysis.from_json(d)
    assert old.key_confidence == 1.0 and old.mode_confidence == 1.0


def test_the_raised_leading_tone_cadences_and_tonic_chords_choose_between_relative_keys():
    from topline.music.analysis.tonal import relative_evidence, relative_key

    assert relative_key("A# major") == "G minor" and relative_key("G minor") == "A# major"
    # G minor and B-flat major share every chord; F# (the raised seventh of G minor) is foreign
    # to B-flat major.  F# half as strong as F natural: a share of 1/3, just over the split.
    profile = np.zeros(12)
    profile[[7, 10, 2, 0, 3, 5]] = 1.0
    profile[6] = 0.5
    chords = [(0.0, 2.0, "G:min"), (2.0, 3.0, "D:maj"), (3.0, 5.0, "G:min"), (5.0, 6.0, "F:maj"), (6.0, 8.0, "A#:maj")]
    # Leading tone (1/3 - 0.32) / 0.1 = 0.133; one cadence each way: no cadence vote; 4 s on G minor
    # against 2 s on B-flat: half of (4 - 2) / 6 for the minor.
    assert relative_evidence("A# major", profile, chords) == pytest.approx(0.1333 + 0.5 / 3, abs=1e-3)
    assert relative_evidence("A# major", profile, chords, tonic_weight=0.0) == pytest.approx(0.1333, abs=1e-3)
    assert relative_evidence("G minor", profile, chords) == relative_evidence("A# major", profile, chords)
    # F# as strong as F: the leading tone votes fully for the minor; two V-i arrivals against one
    # V-I add a quarter of the half vote (one more arrival in the denominator); 5 s on G minor
    # against 2 s on B-flat.
    profile[6] = 1.0
    minor = chords + [(8.0, 9.0, "D:maj"), (9.0, 10.0, "G:min")]
    assert relative_evidence("A# major", profile, minor) == pytest.approx(1.0 + 0.5 * (2 - 1) / 4 + 0.5 * 3 / 7)
    # No F# at all, one V-I in B-flat: the leading tone fully for the major, the cadence half, and
    # the tonic chord (B-flat only) half a vote.
    profile[6] = 0.0
    major = [(0.0, 2.0, "A#:maj"), (2.0, 3.0, "F:maj"), (3.0, 5.0, "A#:maj")]
    assert relative_evidence("G minor", profile, major) == pytest.approx(-1.0 - 0.5 * 1 / 2 - 0.5)
    assert relative_evidence("G minor", profile, major + major) == pytest.approx(-1.0 - 0.5 * 2 / 3 - 0.5)  # two V-I


def test_the_time_on_each_tonic_chord_tips_a_neutral_leading_tone():
    from topline.music.analysis import _RELATIVE_SWITCH
    from topline.music.analysis.tonal import relative_evidence

    # F major against D minor, the leading tone C# as loud as a third of C and D: share 0.32,
    # no vote; no cadence either way.  A chorale dwelling on F (6 s) and passing D minor (1 s)
    # leans to the major by half of 5/7; one dwelling on D minor, to the minor as much.
    profile = np.zeros(12)
    profile[[5, 7, 9, 10, 0, 2, 4]] = 1.0
    profile[1] = 0.32 / 0.68
    dwell_f = [(0.0, 3.0, "F:maj"), (3.0, 4.0, "A#:maj"), (4.0, 5.0, "D:min"), (5.0, 6.0, "G:min"), (6.0, 9.0, "F:maj")]
    assert relative_evidence("D minor", profile, dwell_f) == pytest.approx(-0.5 * 5 / 7)
    dwell_d = [(s, e, {"F:maj": "D:min", "D:min": "F:maj"}.get(lab, lab)) for s, e, lab in dwell_f]
    assert relative_evidence("F major", profile, dwell_d) == pytest.approx(0.5 * 5 / 7)
    # Alone it switches no key: half a vote at most.
    assert abs(relative_evidence("F major", profile, dwell_d)) < _RELATIVE_SWITCH


def test_one_cadence_heard_does_not_turn_a_major_key_into_its_relative_minor():
    from topline.music.analysis import _RELATIVE_SWITCH
    from topline.music.analysis.tonal import relative_evidence

    # A major against F# minor: the leading tone E# half as strong as E (share 1/3, neutral), and
    # one C#-F#m arrival, perhaps a misread chord: evidence 0.133 + 0.25, less half of (4 - 1) / 5
    # for the 4 s on A major against 1 s on F# minor, short of a switch.
    profile = np.zeros(12)
    profile[[9, 11, 1, 2, 4, 6, 8]] = 1.0
    profile[5] = 0.5
    chords = [(0.0, 2.0, "A:maj"), (2.0, 3.0, "C#:maj"), (3.0, 4.0, "F#:min"), (4.0, 6.0, "D:maj"), (6.0, 8.0, "A:maj")]
    evidence = relative_evidence("A major", profile, chords)
    assert evidence == pytest.approx(0.1333 + 0.25 - 0.3, abs=1e-3)
    assert evidence < _RELATIVE_SWITCH


@pytest.mark.parametrize(("third", "heard"), [(0.5, "C:5"), (0.8, "C:min")])
def test_a_long_triad_whose_third_is_no_louder_than_passing_notes_is_a_bare_fifth(third, heard):
    # 20 beats of C and G with E-flat, and a riff's passing A and B-flat at 0.6 throughout.
    treble = np.zeros((12, 20))
    treble[[0, 7]] = 1.0
    treble[3] = third
    treble[[9, 10]] = 0.6
    starts = np.arange(20) * 0.5
    chords = estimate_chords(treble, starts, key="C minor", end=10.0)
    assert [lab for _, _, lab in chords] == [heard]
    # Held for less than four bars, the same sound keeps its triad.
    short = estimate_chords(treble[:, :12], starts[:12], key="C minor", end=6.0)
    assert [lab for _, _, lab in short] == ["C:min"]
    # Turned off, the third is taken at its word.
    assert [lab for _, _, lab in estimate_chords(treble, starts, key="C minor", end=10.0, weak_third=0.0)] == ["C:min"]
    # One louder note outside the chord (a melody dwelling on the seventh) leaves the triad alone.
    treble[9] = 0.0
    treble[10] = 0.9
    assert [lab for _, _, lab in estimate_chords(treble, starts, key="C minor", end=10.0)] == ["C:min"]


def test_four_four_bars_start_where_the_chord_changes_not_on_the_louder_bass():
    # A chorale-like 4/4 without drums: the chord changes on beat 1 of each bar, the bass is
    # struck on beats 1 and 3 with beat 3 twice as loud, the upper voices on every beat.  Two
    # beats of pickup (upper voices alone on the previous bar's chord) put the music's start on
    # beat 3, so neither the louder bass nor the start can be what finds the bar lines.
    bpm = 96.0
    beat = 60.0 / bpm
    prog = [("C", "maj"), ("A", "min"), ("F", "maj"), ("G", "maj"), ("E", "min"), ("D", "min"), ("G", "maj"), ("C", "maj")]
    bars = []
    for r, q in prog * 2:
        bar = struck_chords(r, q, beats=4, beat=beat)
        for b, amp in ((0, 0.15), (2, 0.3)):
            bass = tone(triad(r, q, octave=2)[0], 2 * beat * 0.95, amp=amp, harmonics=3, decay=0.8)
            k = int(b * beat * SR)
            bar[k : k + bass.size] += bass[: bar.size - k]
        bars.append(bar)
    pickup = np.concatenate(
        [np.pad(c, (0, int(beat * SR) - c.size)) for c in [sum(tone(m, beat * 0.95, amp=0.08, decay=0.4) for m in triad("G", "maj"))] * 2]
    )
    y = np.concatenate([pickup] + bars).astype(np.float32)
    a = analyse(y, sr=SR)
    assert a.meter == "4/4"
    true = 2 * beat + 4 * beat * np.arange(len(bars))
    est = np.array(a.downbeats)
    near = np.abs(est[:, None] - true[None, :]).min(axis=1)
    assert np.mean(near < 0.07) >= 0.9


def test_a_power_chord_riff_on_the_tonic_makes_the_key_sure():
    # A riff on C5 with a turn to G5: every chord fits C minor, G minor and E-flat major alike;
    # the time on the tonic's bare fifth (and the ending there) is what tells C minor.
    riff = [(0.0, 8.0, "C:5"), (8.0, 10.0, "G:5"), (10.0, 18.0, "C:5")]
    assert key_confidence("C minor", riff) == 1.0
    assert key_confidence("G minor", riff) == 0.0
