"""score_io: MIDI export, alignedWords, melody-fit figures, variant similarity."""

from __future__ import annotations

import io

import mido
import pytest

from topline.music.compose import compose
from topline.music.score_io import aligned_words, melody_fit, score_to_json, score_to_midi, variant_similarity
from topline.music.types import Note, Score

from .compose.songs import CHORUS, VERSE1, analysis, controls, lyrics


@pytest.fixture(scope="module")
def sung():
    a = analysis()
    ly = lyrics()  # verse, chorus, verse, chorus: fills the song, nothing sung again
    c = controls(style="gospel", style_weight=1.0, seed=4)  # gospel: melismas (tied notes) too
    return a, ly, compose(a, ly, controls=c, variant=1)


def _note(start, end, midi, word=0, line=0, tie=False, syllable="la", stress=1):
    return Note(start=start, end=end, midi=midi, syllable=syllable, phonemes=() if tie else ("L", "AA"),
                word_index=word, line_index=line, section="verse", stress=stress, tie=tie)  # fmt: skip


def test_midi_round_trips(sung):
    _, _, score = sung
    assert any(n.tie for n in score.notes)
    mid = mido.MidiFile(file=io.BytesIO(score_to_midi(score)))
    msgs = list(mid.tracks[0])
    ons = [m for m in msgs if m.type == "note_on" and m.velocity > 0]
    offs = [m for m in msgs if m.type == "note_off"]
    assert len(ons) == len(offs) == len(score.notes)
    assert [m.note for m in ons] == [n.midi for n in score.notes]
    assert [m.velocity for m in ons] == [n.velocity for n in score.notes]
    lyr = [m.text for m in msgs if m.type == "lyrics"]
    assert lyr == [n.syllable for n in score.notes if not n.tie]
    assert any(m.type == "track_name" for m in msgs)
    tempo = next(m.tempo for m in msgs if m.type == "set_tempo")
    assert mido.tempo2bpm(tempo) == pytest.approx(score.tempo)
    assert next(m.key for m in msgs if m.type == "key_signature") == "C"
    # times: absolute seconds come back to within a tick
    t, starts = 0.0, []
    for m in msgs:
        t += mido.tick2second(m.time, mid.ticks_per_beat, tempo)
        if m.type == "note_on":
            starts.append(t)
    assert max(abs(a - n.start) for a, n in zip(starts, score.notes)) < 0.002


@pytest.mark.parametrize(("key", "name"), [("G# major", "Ab"), ("F# minor", "F#m"), ("Bb major", "Bb"), ("nonsense", None)])
def test_midi_key_signatures(key, name):
    s = Score(variant=1, gender="m", seed=1, notes=[_note(0.0, 0.5, 60)], tempo=90.0, key=key)
    msgs = list(mido.MidiFile(file=io.BytesIO(score_to_midi(s))).tracks[0])
    keys = [m.key for m in msgs if m.type == "key_signature"]
    assert keys == ([name] if name else [])


def test_empty_score_is_a_valid_midi_file():
    s = Score(variant=2, gender="f", seed=1, notes=[], tempo=0.0, key="C major")
    mid = mido.MidiFile(file=io.BytesIO(score_to_midi(s)))
    assert not [m for m in mid.tracks[0] if m.type == "note_on"]


def test_aligned_words_shape(sung):
    _, ly, score = sung
    words = aligned_words(score, ly)
    assert len(words) == len(ly.words)
    assert words[0]["word"] == "[Verse]\nThe"
    assert words[len(ly.sections[0].lines[0].words) - 1]["word"] == "running"
    first_chorus = sum(len(ln.words) for ln in ly.sections[0].lines)
    assert words[first_chorus]["word"] == "[Chorus]\nHold"
    for w, lw in zip(words, ly.words):
        assert set(w) == {"word", "success", "startS", "endS", "palign"}
        assert w["success"] is True and w["palign"] == 0 and w["startS"] < w["endS"]
        assert w["word"].split("\n")[-1] == lw.text
        notes = [n for n in score.notes if n.word_index == lw.index]
        assert w["startS"] == round(notes[0].start, 3) and w["endS"] == round(notes[-1].end, 3)
    assert all(a["endS"] <= b["startS"] for a, b in zip(words, words[1:]))


def test_aligned_words_marks_an_unsung_word():
    ly = lyrics(("verse", ["Hold on"]))
    s = Score(variant=1, gender="m", seed=1, notes=[_note(1.0, 1.5, 60, word=0)], tempo=120.0, key="C major")
    words = aligned_words(s, ly)
    assert words[0] == {"word": "[Verse]\nHold", "success": True, "startS": 1.0, "endS": 1.5, "palign": 0}
    assert words[1]["success"] is False and words[1]["startS"] == 1.5


def test_score_to_json_is_the_contract(sung):
    _, _, score = sung
    assert score_to_json(score) == score.to_json()
    assert Score.from_json(score_to_json(score)).to_json() == score.to_json()


def test_melody_fit_exact_figures():
    a = analysis()  # 120 BPM from 0.5 s; bar 1 of the intro = C:maj, bar 2 = G:maj
    notes = [
        _note(0.5, 1.5, 64, line=0),  # on the bar line, E over C: chord tone (both strong beats of bar 1)
        _note(1.5, 1.625, 61, line=0, stress=0),  # C#: out of key, on grid
        _note(1.625, 2.51, 65, line=0),  # F: in key; still rings at the bar line of bar 2
        _note(2.51, 3.0, 67, line=1),  # a line start 10 ms late: on the grid, the bar line's note
        _note(3.3, 3.6, 79, line=2),  # off the grid, not a phrase start, a leap of 12; sounds at 3.5
    ]
    s = Score(variant=1, gender="m", seed=1, notes=notes, tempo=120.0, key="C major")
    f = melody_fit(s, a)
    assert f["notes"] == 5
    total = 1.0 + 0.125 + 0.885 + 0.49 + 0.3
    assert f["in_key"] == pytest.approx((total - 0.125) / total)
    # strong beats, each weighted by its note's time in the beat that follows (0.5 s):
    # 0.5 E over C (yes, 0.5 s), 1.5 C# over C (no, 0.125 s), 2.5 the G starting 10 ms late rather
    # than the F still ringing (yes, 0.49 s), 3.5 the G sounding there over G (yes, 0.1 s)
    assert f["chord_tones"] == pytest.approx((0.5 + 0.49 + 0.1) / (0.5 + 0.125 + 0.49 + 0.1))
    assert f["on_grid"] == pytest.approx(4 / 5)
    assert f["phrases"] == pytest.approx(2 / 3)
    assert f["stress_on_beats"] == pytest.approx(2 / 4)
    assert f["max_leap"] == 12 and f["in_range"] == pytest.approx(3 / 5) and f["singable"] is False


@pytest.mark.parametrize(
    ("late", "expected"),
    [
        (0.0, 1.0),
        (-0.03, 1.0),  # 30 ms early: each strong beat still judges the chord tone starting near it
        # 20 ms late: the same, 0.48 s a beat; only the last passing tone rings 20 ms into bar 9
        (0.02, 16 * 0.48 / (16 * 0.48 + 0.02)),
        (0.04, 0.0),  # 40 ms late is past the tolerance: the passing tone ringing into each beat is judged
    ],
)
def test_chord_tones_judge_the_note_starting_on_the_beat(late, expected):
    a = analysis()  # chords change every bar (2 s): C, G, Am, F
    third = {"C:maj": 64, "G:maj": 59, "A:min": 60, "F:maj": 57}
    passing = {"C:maj": 65, "G:maj": 65, "A:min": 62, "F:maj": 59}  # no tone of this bar's chord or the next
    notes = []
    for b, d in enumerate(a.downbeats[:8]):
        chord = [c for s, e, c in a.chords if s <= d < e][0]
        for t in (d, d + 1.0):  # the bar line and the half-bar: a chord tone for a beat, then a passing tone
            notes.append(_note(t + late, t + late + 0.5, third[chord], line=b))
            notes.append(_note(t + late + 0.5, t + late + 1.0, passing[chord], line=b, stress=0))
    s = Score(variant=1, gender="m", seed=1, notes=notes, tempo=120.0, key="C major")
    assert melody_fit(s, a)["chord_tones"] == pytest.approx(expected)


def test_chord_tones_nearest_onset_wins_and_unjudged_beats_do_not_count():
    a = analysis()
    notes = [
        _note(0.47, 0.49, 62, line=0),  # 30 ms early, D over C: not the nearest onset
        _note(0.49, 1.0, 64, line=0),  # 10 ms early, E over C: the bar line's note (0.5 s in its beat)
        _note(1.6, 1.9, 62, line=0),  # the half-bar at 1.5 has no note: not counted
    ]
    s = Score(variant=1, gender="m", seed=1, notes=notes, tempo=120.0, key="C major")
    assert melody_fit(s, a)["chord_tones"] == 1.0
    notes[1] = _note(0.49, 1.0, 62, line=0)
    s = Score(variant=1, gender="m", seed=1, notes=notes, tempo=120.0, key="C major")
    assert melody_fit(s, a)["chord_tones"] == 0.0


def test_melody_fit_pickups_and_empty():
    a = analysis()
    pickups = [_note(0.0, 0.25, 60, line=0), _note(2.25, 2.5, 60, line=1), _note(3.0, 3.25, 60, line=2)]
    f = melody_fit(Score(variant=1, gender="m", seed=1, notes=pickups, tempo=120.0, key="C major"), a)
    assert f["phrases"] == 1.0  # a beat before, half a beat before a bar line, the half-bar
    assert melody_fit(Score(variant=1, gender="m", seed=1, notes=[], tempo=120.0, key="C major"), a)["notes"] == 0


def test_melody_fit_counts_the_harmonic_minor_leading_tone():
    a = analysis(key="A minor", loop=("A:min", "E:maj"))
    s = Score(variant=1, gender="m", seed=1, notes=[_note(0.5, 1.0, 56)], tempo=120.0, key="A minor")  # G#
    assert melody_fit(s, a)["in_key"] == 1.0


def test_variant_similarity():
    a = Score(variant=1, gender="m", seed=1, notes=[_note(0, 1, 60), _note(1, 2, 62)], tempo=120.0, key="C major")
    same = Score(variant=2, gender="m", seed=1, notes=[_note(0, 2, 60)], tempo=120.0, key="C major")
    up = Score(variant=2, gender="m", seed=1, notes=[_note(0, 1, 61), _note(1, 2, 63)], tempo=120.0, key="C major")
    assert variant_similarity(a, a) == 1.0
    assert variant_similarity(a, up) == 0.0
    assert variant_similarity(a, same) == pytest.approx(0.5 * (0.5 + 0.0))  # same's midpoint is at 1.0: 62
    assert variant_similarity(a, Score(variant=2, gender="m", seed=1, notes=[], tempo=1.0, key="C major")) == 0.0


def test_melody_fit_extends_bar_lines_past_the_annotated_downbeats():
    from dataclasses import replace

    a = analysis()
    trimmed = replace(a, downbeats=a.downbeats[2:-2])  # an analysis that missed the first and last bars
    notes = [_note(0.5, 1.0, 60, line=0), _note(1.5, 2.0, 64, line=1), _note(a.downbeats[-1], a.downbeats[-1] + 0.5, 67, line=2)]
    s = Score(variant=1, gender="m", seed=1, notes=notes, tempo=120.0, key="C major")
    assert melody_fit(s, trimmed)["phrases"] == 1.0


def test_phrase_pickups_follow_the_local_beat():
    from topline.music.types import Analysis

    # 6 bars at 120 BPM, then 4 bars slower (0.7 s a beat): the median beat stays 0.5 s
    beats = [0.5 + 0.5 * i for i in range(24)] + [12.5 + 0.7 * i for i in range(16)]
    a = Analysis(duration=24.0, tempo=120.0, meter="4/4", beats=beats, downbeats=beats[::4], key="C major",
                 chords=[(0.0, 24.0, "C:maj")], sections=[(0.0, 24.0, "verse", 0.5)], loudness_lufs=-14.0)  # fmt: skip
    bar8 = beats[28]  # 15.3 s
    notes = [
        _note(bar8 - 0.35, bar8, 60, line=0),  # half a (local) beat before the bar line
        _note(bar8 + 2.8 - 0.7, bar8 + 2.8, 60, line=1),  # a (local) beat before the next one
        _note(bar8 + 5.6 - 0.25, bar8 + 5.6, 60, line=2),  # half a median beat before: 100 ms early here
    ]
    s = Score(variant=1, gender="m", seed=1, notes=notes, tempo=120.0, key="C major")
    assert melody_fit(s, a)["phrases"] == pytest.approx(2 / 3)


def test_aligned_words_list_a_chorus_sung_again_in_sung_order():
    ly = lyrics(("verse", ["Hold on to me tonight"]), ("chorus", ["Never let me go"]))
    words = [w for w in ly.words]
    v, c = words[:5], words[5:]

    def notes(ws, t0, line):
        return [Note(start=t0 + 0.5 * k, end=t0 + 0.5 * k + 0.4, midi=60, syllable=w.text, phonemes=("AH",),
                     word_index=w.index, line_index=line, section="x") for k, w in enumerate(ws)]

    score = Score(variant=1, gender="m", seed=1, notes=notes(v, 0.0, 0) + notes(c, 3.0, 1) + notes(c, 6.0, 2),
                  tempo=120.0, key="C major")  # fmt: skip
    out = aligned_words(score, ly)
    assert [w["word"] for w in out] == ["[Verse]\nHold", "on", "to", "me", "tonight", "[Chorus]\nNever", "let", "me",
                                        "go", "[Chorus]\nNever", "let", "me", "go"]  # fmt: skip
    assert [w["startS"] for w in out[5:]] == [3.0, 3.5, 4.0, 4.5, 6.0, 6.5, 7.0, 7.5]
    assert all(w["success"] for w in out)
