"""The span snapped to bar lines, the span's analysis, and the song's score and lyrics spliced."""

from __future__ import annotations

import pytest

from topline.music.infill import crop_analysis, snap_span, splice_song
from topline.music.lyrics import parse_lyrics
from topline.music.types import Analysis, Note, Score

BARS = [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 18.0]


@pytest.mark.parametrize("start, end, want", [
    (4.9, 13.2, (4.0, 14.0)),  # each end to the nearest bar line
    (5.1, 12.9, (6.0, 12.0)),
    (4.0, 12.0, (4.0, 12.0)),  # already on bar lines
    (14.5, 19.6, (14.0, 20.0)),  # the track's end is a bar line
    (7.1, 7.4, (8.0, 10.0)),  # both to one bar line: the end moves to the next
    (19.5, 19.9, (18.0, 20.0)),  # ... or, at the end, the start to the previous one
])
def test_snap_span(start, end, want):
    assert snap_span(BARS, start, end, duration=20.0) == want


def _analysis():
    beats = [i * 0.5 for i in range(40)]
    return Analysis(duration=20.0, tempo=120.0, meter="4/4", beats=beats, downbeats=BARS, key="C major",
                    chords=[(0.0, 5.0, "C:maj"), (5.0, 20.0, "G:maj")],
                    sections=[(0.0, 8.0, "verse", 0.4), (8.0, 20.0, "chorus", 0.8)], loudness_lufs=-14.0,
                    lead_regions=[(9.0, 11.0)])


def test_crop_analysis_is_the_span_from_zero():
    a = crop_analysis(_analysis(), 4.0, 12.0)
    assert a.duration == 8.0 and a.downbeats == [0.0, 2.0, 4.0, 6.0]
    assert a.beats == [i * 0.5 for i in range(16)]
    assert a.chords == [(0.0, 1.0, "C:maj"), (1.0, 8.0, "G:maj")]
    assert a.sections == [(0.0, 4.0, "verse", 0.4), (4.0, 8.0, "chorus", 0.8)]
    assert a.lead_regions == [(5.0, 7.0)] and a.key == "C major" and a.tempo == 120.0


def _note(t, w, line, end=None):
    return Note(start=t, end=t + 0.4 if end is None else end, midi=60, syllable="x", phonemes=("AH",),
                word_index=w, line_index=line, section="verse")


def test_splice_song_replaces_the_words_sung_in_the_span():
    lyrics = parse_lyrics("[Verse]\none two\nthree four\n[Chorus]\nfive six")
    # one two | three four | five six at 1, 2, 5, 6, 9, 10 s; "two" is held over the span's start
    score = Score(variant=1, gender="m", seed=1, tempo=120.0, key="C major",
                  notes=[_note(1, 0, 0), _note(3.5, 1, 0, end=4.6), _note(5, 2, 1), _note(6, 3, 1), _note(9, 4, 2),
                         _note(10, 5, 2)])
    new_lyrics = parse_lyrics("red blue green")
    new_score = Score(variant=1, gender="m", seed=1, tempo=120.0, key="C major",
                      notes=[_note(0.5, 0, 0), _note(1.5, 1, 0), _note(2.5, 2, 0)])
    merged, song = splice_song(score, lyrics, new_score, new_lyrics, start=4.0, end=8.0)
    assert song.text() == "[Verse]\none two\nred blue green\n\n[Chorus]\nfive six"
    assert [w.text for w in song.words] == ["one", "two", "red", "blue", "green", "five", "six"]
    assert [w.index for w in song.words] == list(range(7))
    assert [(n.start, n.end, n.word_index, n.line_index) for n in merged.notes] == [
        (1, 1.4, 0, 0), (3.5, 4.0, 1, 0),  # held into the span: cut at its start
        (4.5, 4.9, 2, 1), (5.5, 5.9, 3, 1), (6.5, 6.9, 4, 1),  # the new lines, in the span
        (9, 9.4, 5, 2), (10, 10.4, 6, 2)]


def test_splice_song_into_a_span_nobody_sang():
    lyrics = parse_lyrics("[Verse]\none two\n[Chorus]\nfive six")
    score = Score(variant=1, gender="m", seed=1, tempo=120.0, key="C major",
                  notes=[_note(1, 0, 0), _note(2, 1, 0), _note(9, 2, 1), _note(10, 3, 1)])
    new = Score(variant=1, gender="m", seed=1, tempo=120.0, key="C major", notes=[_note(0.5, 0, 0)])
    merged, song = splice_song(score, lyrics, new, parse_lyrics("hey"), start=4.0, end=8.0)
    assert [w.text for w in song.words] == ["one", "two", "hey", "five", "six"]
    assert [n.word_index for n in merged.notes] == [0, 1, 2, 3, 4]
