import librosa
import numpy as np
import pytest

from topline.music.analysis import analyse
from topline.music.analysis.tonal import chord_pace, chord_templates, estimate_chords, estimate_key

from .synth import SR, song, tone, triad


def labels_at(chords, times):
    return [next(lab for s, e, lab in chords if s <= t < e) for t in times]


@pytest.mark.parametrize("root,quality", [("C", "maj"), ("A", "min"), ("F#", "maj"), ("D#", "min")])
def test_sustained_triad_is_named(root, quality):
    y = sum(tone(m, 6.0, amp=0.1) for m in triad(root, quality))
    chroma = librosa.feature.chroma_cqt(y=y, sr=SR)
    c = chroma.mean(axis=1, keepdims=True)
    key = f"{root} {'major' if quality == 'maj' else 'minor'}"
    segs = estimate_chords(np.repeat(c, 4, axis=1), np.arange(4) * 1.5, key=key, end=6.0)
    assert segs == [(0.0, 6.0, f"{root}:{quality}")]


def test_silent_beats_are_no_chord():
    t, _ = chord_templates()
    chroma = np.hstack([np.repeat(t[:1].T, 4, axis=1), np.full((12, 4), 1e-3)])
    energy = np.array([1.0] * 4 + [0.0] * 4)
    segs = estimate_chords(chroma, np.arange(8.0), key="C major", end=8.0, beat_energy=energy)
    assert segs == [(0.0, 4.0, "C:maj"), (4.0, 8.0, "N")]


def test_templates_are_unit_and_labelled():
    t, labels = chord_templates()
    assert t.shape == (24, 12) and np.allclose(np.linalg.norm(t, axis=1), 1)
    assert labels[0] == "C:maj" and labels[21] == "A:min"


@pytest.mark.parametrize(
    "key,prog",
    [
        ("D major", [("D", "maj"), ("G", "maj"), ("A", "maj"), ("D", "maj")]),
        ("A# major", [("A#", "maj"), ("D#", "maj"), ("F", "maj"), ("A#", "maj")]),
        ("A minor", [("A", "min"), ("D", "min"), ("E", "maj"), ("A", "min")]),
    ],
)
def test_cadence_loop_gives_key_and_chords(key, prog):
    y, beat = song(prog * 4, bpm=120)
    a = analyse(y, sr=SR)
    assert a.key == key
    mids = (np.arange(16) * 4 + 2) * beat  # the middle of each chord
    expected = [f"{r}:{q}" for r, q in prog * 4]
    got = labels_at(a.chords, mids)
    assert np.mean([g == e for g, e in zip(got, expected)]) >= 0.9
    # chord changes fall on beats
    changes = [s for s, _, _ in a.chords[1:]]
    assert all(min(abs(c - b) for b in a.beats) < 1e-6 for c in changes)


def test_key_of_a_scale():
    y = np.concatenate([tone(m, 0.5) for m in [67, 69, 71, 72, 74, 76, 78, 79, 74, 71, 67, 62, 67] * 2])
    assert estimate_key(y, sr=SR) == "G major"


def test_chords_correct_a_subdominant_key_slip():
    from topline.music.analysis.tonal import refine_key

    # I vi IV V in B major: F#:maj is not diatonic to E major, and the song ends on B.
    chords = [(float(i), float(i + 1), lab) for i, lab in enumerate(["B:maj", "G#:min", "E:maj", "F#:maj"] * 4 + ["B:maj"])]
    assert refine_key("E major", chords) == "B major"
    assert refine_key("B major", chords) == "B major"


def test_refine_key_keeps_the_audio_key_without_chords():
    from topline.music.analysis.tonal import refine_key

    assert refine_key("C minor", [(0.0, 5.0, "N")]) == "C minor"


def test_a_minor_tune_ending_on_its_relative_major_stays_minor():
    # G minor dwells on G minor and uses the major dominant (D major, F# leading tone),
    # then closes a strain in B-flat major.
    from topline.music.analysis.tonal import refine_key

    prog = [("G:min", 5), ("F:maj", 3), ("G:min", 4), ("D:maj", 1), ("G:min", 6)]
    prog += [("D#:maj", 1), ("F:maj", 3), ("A#:maj", 8)]
    t, chords = 0.0, []
    for lab, d in prog:
        chords.append((t, t + d, lab))
        t += d
    assert refine_key("A# major", chords) == "G minor"
    # Without the leading tone nothing marks the minor: the audio key stands.
    plain = [(s, e, "F:maj" if lab == "D:maj" else lab) for s, e, lab in chords]
    assert refine_key("A# major", plain) == "A# major"
    # A major song that lingers on its vi keeps its key.
    pop = [(0, 4, "C:maj"), (4, 9, "A:min"), (9, 12, "F:maj"), (12, 15, "G:maj")] * 1
    assert refine_key("C major", pop) == "C major"


def _profile(pcs: dict[int, float]) -> np.ndarray:
    p = np.full(12, 0.01)
    for pc, w in pcs.items():
        p[pc] = w
    return p


def _phrases(phrase: tuple[tuple[str, float], ...], n: int) -> list[tuple[float, float, str]]:
    """``n`` repeats of a phrase of (label, seconds) chords as (start, end, label) segments."""
    chords, t = [], 0.0
    for _ in range(n):
        for lab, d in phrase:
            chords.append((t, t + d, lab))
            t += d
    return chords


def test_phrase_ends_a_fifth_below_set_the_key_where_its_scale_sounds():
    from topline.music.analysis.tonal import cadence_key

    # B-flat major heard as F major: F-Bb arrivals held at the phrase ends, E-flat sounding more than E.
    chords = _phrases((("A#:maj", 1.0), ("D#:maj", 1.0), ("C:min", 1.0), ("F:maj", 1.0), ("A#:maj", 2.0)), 3)
    bb = _profile({10: 1.0, 0: 0.6, 2: 0.8, 3: 0.7, 5: 0.9, 7: 0.5, 9: 0.4, 4: 0.2})
    assert cadence_key("F major", bb, chords) == "A# major"
    # The same chords where E sounds more than E-flat (F major's leading tone): F stays.
    f = _profile({10: 1.0, 0: 0.6, 2: 0.8, 3: 0.3, 5: 0.9, 7: 0.5, 9: 0.4, 4: 0.5})
    assert cadence_key("F major", f, chords) == "F major"
    # Arrivals on short chords are not phrase ends.
    short = [(s, s + 1.0, lab) for s, (_, _, lab) in zip(np.arange(len(chords)), chords)]
    assert cadence_key("F major", bb, short) == "F major"


def test_phrase_ends_a_fifth_above_need_the_raised_fourth():
    from topline.music.analysis.tonal import cadence_key

    # G major read as C major: D-G arrivals held, F# sounding more than F.
    chords = _phrases((("C:maj", 1.0), ("A:min", 1.0), ("D:maj", 1.0), ("G:maj", 2.0), ("C:maj", 1.0)), 2)
    g = _profile({7: 1.0, 11: 0.6, 2: 0.8, 0: 0.7, 4: 0.5, 9: 0.4, 6: 0.5, 5: 0.2})
    assert cadence_key("C major", g, chords) == "G major"
    c = _profile({7: 1.0, 11: 0.6, 2: 0.8, 0: 0.7, 4: 0.5, 9: 0.4, 6: 0.2, 5: 0.5})
    assert cadence_key("C major", c, chords) == "C major"
    # A minor key is judged on its relative major's scale: E minor read as A minor (B-E held, F# over F).
    em = [(s, e, {"C:maj": "G:maj", "A:min": "E:min", "D:maj": "B:maj", "G:maj": "E:min"}.get(lab, lab))
          for s, e, lab in chords]
    assert cadence_key("A minor", g, em) == "E minor"


def _scale_profile(tonic: int, mode: str) -> np.ndarray:
    """A pitch-class profile that sounds a scale: tonic triad 1.0, other scale notes 0.5, the rest 0.05."""
    steps = (0, 2, 4, 5, 7, 9, 11) if mode == "major" else (0, 2, 3, 5, 7, 8, 11)
    triad = (0, 4, 7) if mode == "major" else (0, 3, 7)
    p = np.full(12, 0.05)
    for d in steps:
        p[(tonic + d) % 12] = 1.0 if d in triad else 0.5
    return p


def test_profile_fit_of_a_key_profile_is_one():
    from topline.music.analysis.tonal import _PROFILE_MINOR, profile_fit

    g_minor = np.roll(_PROFILE_MINOR, 7)
    assert profile_fit(g_minor, "G minor") == pytest.approx(1.0)
    assert profile_fit(g_minor, "D minor") < profile_fit(g_minor, "G minor")
    assert profile_fit(np.ones(12), "C major") == 0.0


def test_a_piece_that_starts_in_the_key_a_fifth_below_is_in_it():
    from topline.music.analysis.tonal import opening_key

    # Heard as D major (it modulates to D and ends there), but it starts on G with G's scale (C, not C#).
    chords = _phrases((("G:maj", 2.0), ("C:maj", 1.0), ("D:maj", 1.0), ("G:maj", 2.0)), 1)
    chords += _phrases((("A:maj", 1.0), ("D:maj", 2.0), ("E:min", 1.0), ("A:maj", 1.0), ("D:maj", 2.0)), 2)
    assert opening_key("D major", _scale_profile(7, "major"), chords) == "G major"
    # The first half in D's scale: a tune in D that begins on its IV stays in D.
    assert opening_key("D major", _scale_profile(2, "major"), chords) == "D major"
    # Beginning elsewhere than on G's tonic chord, the opening does not move the key.
    assert opening_key("D major", _scale_profile(7, "major"), chords[1:]) == "D major"
    # A minor key moves to the minor key a fifth below: D minor heard as A minor.
    minor = [(0.0, 2.0, "N"), (2.0, 4.0, "D:min"), (4.0, 5.0, "A:maj"), (5.0, 8.0, "A:min")]
    assert opening_key("A minor", _scale_profile(2, "minor"), minor) == "D minor"
    assert opening_key("A minor", _scale_profile(9, "minor"), minor) == "A minor"


def test_the_chord_fit_moves_to_the_relative_minor_only_with_its_leading_tone():
    from topline.music.analysis.tonal import refine_key

    # C major, a passage dwelling on A minor with E major chords (V/vi): the chord fit names A minor.
    prog = [("A:min", 4), ("E:maj", 1), ("A:min", 3), ("D:min", 2), ("E:maj", 1), ("A:min", 4), ("C:maj", 2)]
    t, chords = 0.0, []
    for lab, d in prog:
        chords.append((t, t + d, lab))
        t += d
    assert refine_key("C major", chords) == "A minor"
    # G# (A minor's leading tone) as loud as G: the leading tone agrees, A minor.
    raised = _profile({9: 1.0, 11: 0.6, 0: 0.8, 2: 0.5, 4: 0.9, 5: 0.4, 7: 0.5, 8: 0.5})
    assert refine_key("C major", chords, profile=raised) == "A minor"
    # G far over G# (the E chords a passing V/vi, C major's leading tone B and G natural sound):
    # the chord fit alone does not move C major to its relative minor.
    natural = _profile({9: 1.0, 11: 0.6, 0: 0.8, 2: 0.5, 4: 0.9, 5: 0.4, 7: 0.9, 8: 0.1})
    assert refine_key("C major", chords, profile=natural) == "C major"
    # A fifth slip is the chord fit's alone, whatever the profile says.
    fifth = [(0.0, 2.0, "G:maj"), (2.0, 3.0, "C:maj"), (3.0, 4.0, "D:maj"), (4.0, 6.0, "G:maj")] * 2
    assert refine_key("C major", fifth, profile=natural) == "G major"


def _triad_chroma(root: int, quality: str) -> np.ndarray:
    v = np.zeros(12)
    v[[root % 12, (root + (4 if quality == "maj" else 3)) % 12, (root + 7) % 12]] = 1.0
    return v


# A chorale phrase, a chord a beat: I IV V I vi ii V I in C major.
_CHORALE = [(0, "maj"), (5, "maj"), (7, "maj"), (0, "maj"), (9, "min"), (2, "min"), (7, "maj"), (0, "maj")]
_CHORALE_LABELS = ["C:maj", "F:maj", "G:maj", "C:maj", "A:min", "D:min", "G:maj", "C:maj"]


def _legato(progression, *, held: int = 1, smear: float = 0.5) -> np.ndarray:
    """Beat chroma of a progression, each chord held ``held`` beats, each beat still sounding
    ``smear`` of the beat before (strings or an organ overlapping their chords)."""
    cur = np.repeat(np.stack([_triad_chroma(*p) for p in progression], axis=1), held, axis=1)
    prev = np.concatenate([cur[:, :1], cur[:, :-1]], axis=1)
    return cur + smear * prev


def test_chord_pace_tells_a_chord_a_beat_from_a_chord_a_bar():
    fast = _legato(_CHORALE)
    assert chord_pace(fast, np.arange(8.0), key="C major", end=8.0) == 1.0
    slow = _legato(_CHORALE[:4], held=4)
    assert chord_pace(slow, np.arange(16.0), key="C major", end=16.0) == 0.0
    # Too short to have a pace.
    assert chord_pace(fast[:, :1], np.arange(1.0), key="C major", end=1.0) == 0.0


def test_a_fast_pace_keeps_a_chorale_chord_the_constant_cost_merges():
    treble = _legato(_CHORALE)
    slow = [lab for *_, lab in estimate_chords(treble, np.arange(8.0), key="C major", end=8.0)]
    assert slow == ["C:maj", "F:maj", "G:maj", "C:maj", "D:min", "G:maj", "C:maj"]  # the A minor beat merged
    fast = estimate_chords(treble, np.arange(8.0), key="C major", end=8.0, pace=1.0)
    assert [lab for *_, lab in fast] == _CHORALE_LABELS
    assert [s for s, *_ in fast] == [float(i) for i in range(8)]


def test_a_fast_pace_reads_a_minor_seventh_as_its_minor_triad():
    # A, C, E and G alike and no bass: C major and A minor fit three notes each (C major, the
    # tonic, first in the vocabulary); A minor seventh fits all four.
    treble = np.zeros((12, 4))
    treble[[9, 0, 4, 7]] = 1.0
    assert estimate_chords(treble, np.arange(4.0), key="C major", end=4.0) == [(0.0, 4.0, "C:maj")]
    assert estimate_chords(treble, np.arange(4.0), key="C major", end=4.0, pace=1.0) == [(0.0, 4.0, "A:min")]


def test_a_fast_pace_keeps_bare_fifths_only_from_sixteen_beats():
    # Ten beats of C and G alone: a texture of fifths at the slow pace (eight beats or more), three
    # voices meeting on an open fifth in a chorale (under sixteen).
    treble = np.zeros((12, 10))
    treble[[0, 7]] = 1.0
    assert estimate_chords(treble, np.arange(10.0), key="C major", end=10.0) == [(0.0, 10.0, "C:5")]
    assert estimate_chords(treble, np.arange(10.0), key="C major", end=10.0, pace=1.0) == [(0.0, 10.0, "C:maj")]
