"""The phoneme plan: singing timing (vowel on the beat, consonants before it) and ids."""

from __future__ import annotations

import numpy as np
import pytest

from topline.errors import VoiceError
from topline.voice import phonemes
from topline.voice.kokoro_model import FRAME as FRAME_SAMPLES
from topline.voice.kokoro_model import PAD, SAMPLE_RATE, VOCAB
from tests.voice.helpers import hello_score, note

FRAME = FRAME_SAMPLES / SAMPLE_RATE


@pytest.fixture(scope="module")
def id_map():
    return VOCAB


def text_of(ids) -> str:
    inv = {v: k for k, v in VOCAB.items()}
    return "".join("$" if i == PAD else inv[int(i)] for i in ids)


def units_of(plan):
    return [u for p in plan for u in p.units]


def test_vowels_land_on_note_starts_and_onsets_come_before(id_map):
    sc = hello_score()
    plan = phonemes.plan(sc.notes, id_map=id_map, frame_s=FRAME)
    assert len(plan) == 1  # legato line: one phrase
    units = units_of(plan)
    for n in sc.notes:
        vowel = next(u for u in units if u.vowel and abs(u.start - n.start) < 1e-9)
        assert vowel.end > n.start
    # the L of "lo" is sung before the note at 0.9 s, the L of "love" before 1.9 s
    ls = [u for u in units if u.arpabet == "L"]
    assert all(u.end <= n + 1e-9 for u, n in zip(ls, (0.9, 1.9)))
    assert all(u.start < n for u, n in zip(ls, (0.9, 1.9)))
    # the coda V of "love" ends near the last note's end
    v = next(u for u in units if u.arpabet == "V")
    assert 2.7 < v.start < v.end <= 2.9 + 0.1


def test_frames_and_the_time_map(id_map):
    sc = hello_score()
    (p,) = phonemes.plan(sc.notes, id_map=id_map, frame_s=FRAME)
    assert p.ids.shape == p.durations.shape and p.durations.min() >= 1  # Kokoro renders every id
    assert p.ids[0] == PAD and p.ids[-1] == PAD
    # the map is monotonic, covers the rendering exactly, and ends after the last phoneme
    assert np.all(np.diff(p.song_knots) >= 0) and np.all(np.diff(p.render_knots) >= 0)
    assert p.render_knots[-1] == pytest.approx(p.frames * FRAME)
    lead = phonemes.SOUND_LEAD_S
    tail = phonemes.END_MARK_FRAMES + phonemes.EOS_FRAMES  # the line ends here: a full stop, then the pad
    assert p.end == pytest.approx(p.units[-1].end + tail * FRAME + lead)
    # the sound leads the tokens: the vowel of "lo" sounds from its note start, its tokens come later
    lo = next(u for u in p.units if u.vowel and u.start == pytest.approx(0.9))
    k = next(i for i, u in enumerate(p.units) if u is lo)
    assert float(p.to_render(np.array([0.9]))[0]) == pytest.approx(p.unit_render[k, 0])
    # every phoneme boundary on the song clock falls on its frame boundary in the rendering
    bounds = np.cumsum(p.durations) * FRAME - lead
    for u in p.units:
        r = float(p.to_render(np.array([u.end]))[0])
        assert np.min(np.abs(bounds - r)) < 1e-6
    # a held vowel is rendered shorter than it is sung; consonants keep their length
    ow = next(u for u in p.units if u.arpabet == "OW" and u.ipa == "o")  # "oʊ": the glide is its own unit
    rendered = np.diff(p.to_render(np.array([ow.start, ow.end])))[0]
    assert rendered <= phonemes.VOWEL_RENDER_S + FRAME < ow.end - ow.start
    l = next(u for u in p.units if u.arpabet == "L")
    assert np.diff(p.to_render(np.array([l.start, l.end])))[0] == pytest.approx(l.end - l.start, abs=FRAME)


def test_diphthong_glides_late(id_map):
    n = note(0.5, 1.5, 50, "my", ["M", "AY"])
    (p,) = phonemes.plan([n], id_map=id_map, frame_s=FRAME)
    a, i = [u for u in p.units if u.vowel]
    assert (a.ipa, i.ipa) == ("a", "ɪ")
    assert a.end - a.start > 4 * (i.end - i.start)
    assert i.end - i.start <= 0.12 + 1e-9


def test_stress_marks_spaces_and_reduction(id_map):
    notes = [
        note(0.5, 0.7, 50, "the", ["DH", "AH"], word=0, stress=0),
        note(0.7, 1.5, 52, "love", ["L", "AH", "V"], word=1, stress=1),
    ]
    (p,) = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    assert text_of(p.ids) == "$ðə lˈʌv.$"
    # each marker lasts one frame; no id lasts less
    marks = [k for k, i in enumerate(p.ids) if i in (VOCAB[" "], VOCAB["ˈ"])]
    assert list(p.durations[marks]) == [1, 1]


def test_phrases_split_at_rests_and_breath_at_new_lines(id_map):
    notes = [
        note(0.2, 0.6, 50, "day", ["D", "EY"], word=0, line=0),
        note(0.65, 1.0, 52, "by", ["B", "AY"], word=1, line=0),
        note(2.0, 2.5, 53, "go", ["G", "OW"], word=2, line=1),
    ]
    plan = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    assert [len(p.notes) for p in plan] == [2, 1]
    assert [p.breath for p in plan] == [False, True]


def test_ties_keep_the_vowel(id_map):
    notes = [
        note(0.3, 0.9, 50, "oh", ["OW"]),
        note(0.9, 1.5, 54, "oh", [], tie=True),
    ]
    (p,) = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    assert [u.arpabet for u in p.units] == ["OW", "OW"]
    assert p.units[-1].end == pytest.approx(1.5)


def test_stress_digits_and_lower_case_are_tolerated(id_map):
    (p,) = phonemes.plan([note(0.3, 0.9, 50, "hi", ["hh", "AY1"])], id_map=id_map, frame_s=FRAME)
    assert [u.arpabet for u in p.units][0] == "HH"


def test_syllable_without_vowel(id_map):
    (p,) = phonemes.plan([note(0.3, 0.9, 50, "hmm", ["HH", "M"])], id_map=id_map, frame_s=FRAME)
    assert [u.arpabet for u in p.units if u.vowel] == ["M"]
    (p,) = phonemes.plan([note(0.3, 0.9, 50, "shh", ["SH"])], id_map=id_map, frame_s=FRAME)
    assert [u.arpabet for u in p.units if u.vowel] == ["AH"]


def test_fast_notes_squeeze_consonants_but_keep_vowels(id_map):
    phs = ["S", "T", "R", "EH", "NG", "K", "TH", "S"]
    notes = [note(0.5 + 0.1 * k, 0.6 + 0.1 * k, 50, "strengths", phs, word=k) for k in range(4)]
    (p,) = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    for n in notes[:-1]:
        vowel = next(u for u in p.units if u.vowel and abs(u.start - n.start) < 1e-9)
        assert vowel.end - vowel.start >= 0.045
    assert np.all(p.durations >= 1)


def test_unknown_symbol_raises():
    with pytest.raises(VoiceError, match="unknown phoneme"):
        phonemes.plan([note(0.3, 0.9, 50, "x", ["AX"])], id_map={}, frame_s=FRAME)


def test_long_legato_lines_are_rendered_in_parts(id_map):
    notes = [note(0.2 + 0.25 * k, 0.45 + 0.25 * k, 50, "ta", ["T", "AH"], word=k // 2) for k in range(120)]
    plan = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    assert len(plan) >= 3
    assert sum(len(p.notes) for p in plan) == len(notes)
    for p in plan:
        assert p.notes[-1].end - p.notes[0].start <= phonemes.MAX_PHRASE_S
    # parts start between words
    for p in plan[1:]:
        assert p.notes[0].word_index != notes[notes.index(p.notes[0]) - 1].word_index


def test_the_rendering_does_not_depend_on_the_rhythm(id_map):
    # the same line on two melodies: one quick and even, one slow with a long last note
    words = [("the", ["DH", "AH"], 0), ("ri", ["R", "IH"], 1), ("ver", ["V", "ER"], 0), ("light", ["L", "AY", "T"], 1)]

    def sung(starts, ends):
        return [
            note(a, b, 50 + k, syl, phs, word=k, stress=st)
            for k, ((syl, phs, st), a, b) in enumerate(zip(words, starts, ends))
        ]

    quick = sung([0.5, 0.7, 0.9, 1.1], [0.7, 0.9, 1.1, 1.4])
    slow = sung([0.4, 1.0, 1.3, 2.0], [1.0, 1.3, 2.0, 3.5])
    (p,) = phonemes.plan(quick, id_map=id_map, frame_s=FRAME)
    (q,) = phonemes.plan(slow, id_map=id_map, frame_s=FRAME)
    assert np.array_equal(p.ids, q.ids) and np.array_equal(p.durations, q.durations)
    np.testing.assert_array_equal(p.render_knots[[0, -1]], q.render_knots[[0, -1]])
    assert not np.allclose(p.song_knots[-1] - p.song_knots[0], q.song_knots[-1] - q.song_knots[0])
    # a vowel renders VOWEL_RENDER_S, a consonant its unhurried length, whatever is sung
    for u, (a, b) in zip(p.units, p.unit_render):
        assert b - a == pytest.approx(phonemes.render_length(u), abs=FRAME)
    # unstressed vowels are reduced inside the line, not at its end
    assert text_of(p.ids) == "$ðə ɹˈɪ vəɹ lˈaɪt.$"


def test_long_lines_split_at_a_line_end(id_map):
    notes = [
        note(0.2 + 0.25 * k, 0.45 + 0.25 * k, 50, "ta", ["T", "AH"], word=k // 2, line=0 if k < 14 else 1)
        for k in range(40)
    ]
    plan = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    assert plan[1].notes[0] is notes[14]


def test_a_part_cut_from_a_legato_run_sings_its_first_onset_before_its_note(id_map):
    # no rest between the lines: the second part's T comes out of the first part's last note
    notes = [
        note(0.2 + 0.25 * k, 0.45 + 0.25 * k, 50, "ta", ["T", "AH"], word=k // 2, line=0 if k < 14 else 1)
        for k in range(40)
    ]
    plan = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    first = plan[1].units[0]
    assert first.arpabet == "T" and first.syllable == 0
    assert first.end == pytest.approx(notes[14].start)
    assert first.end - first.start == pytest.approx(phonemes.CONSONANT_S["T"])
    assert plan[0].units[-1].end == pytest.approx(first.start)  # the vowel before gave way
    assert [u.syllable for u in plan[1].units[:2]] == [0, 0]


def test_an_unstressed_vowel_at_a_line_end_keeps_its_quality(id_map):
    notes = [
        note(0.5, 0.8, 50, "wa", ["W", "AO"], word=0, stress=1, line=0),
        note(0.8, 1.0, 50, "ter", ["T", "ER"], word=0, stress=0, line=0),
    ]
    (p,) = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    assert text_of(p.ids) == "$wˈɔtɜɹ.$"


def test_british_accent_long_vowels_and_no_r_after_a_vowel(id_map):
    notes = [
        note(0.5, 0.9, 50, "car", ["K", "AA", "R"], word=0, stress=1),
        note(0.9, 1.4, 52, "go", ["G", "OW"], word=1, stress=1),
        note(1.4, 1.8, 52, "red", ["R", "EH", "D"], word=2, stress=1),
    ]
    (us,) = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    (gb,) = phonemes.plan(notes, id_map=id_map, frame_s=FRAME, accent="gb")
    assert text_of(us.ids) == "$kˈɑɹ ɡˈoʊ ɹˈɛd.$"
    assert text_of(gb.ids) == "$kˈɑː ɡˈəʊ ɹˈɛd.$"  # the onset r of "red" stays
    with pytest.raises(VoiceError, match="accent"):
        phonemes.plan(notes, id_map=id_map, frame_s=FRAME, accent="fr")


def test_a_line_final_vowel_is_rendered_longer(id_map):
    notes = [
        note(0.5, 0.8, 50, "the", ["DH", "AH"], word=0, stress=0, line=0),
        note(0.8, 2.0, 52, "sea", ["S", "IY"], word=1, stress=1, line=0),
        note(2.05, 2.4, 52, "and", ["AE", "N"], word=2, stress=1, line=1),
        note(2.4, 3.0, 52, "sky", ["S", "K", "AY"], word=3, stress=1, line=1),
    ]
    (p,) = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    lengths = {u.ipa: b - a for u, (a, b) in zip(p.units, p.unit_render) if u.vowel}
    assert lengths["i"] == pytest.approx(phonemes.LINE_END_VOWEL_RENDER_S, abs=FRAME)
    assert lengths["æ"] == pytest.approx(phonemes.VOWEL_RENDER_S, abs=FRAME)
    assert [u.line_end for u in p.units if u.vowel] == [False, True, False, True, True]


def test_phrase_has_long_pads_at_both_ends(id_map):
    """The speech model renders its first 8 frames silent and cuts a phrase's last sounds short
    unless the trailing pad is as long as in its own sentences: the leading pad gets ``BOS_FRAMES``
    (350 ms: room for the first sound, which starts 100-150 ms before its token, and little pad
    left for the model to fill with a hum or a breath), the trailing one ``EOS_FRAMES`` (350 ms)."""
    (p,) = phonemes.plan([note(0.5, 1.0, 60, "hold", ["HH", "OW", "L", "D"])], id_map=id_map, frame_s=FRAME)
    assert (phonemes.BOS_FRAMES, phonemes.EOS_FRAMES) == (14, 14)
    assert p.ids[0] == PAD and p.durations[0] == 14
    # the rendering starts the lead-in before the first sound: 14 frames less the sound's lead
    assert p.units[0].start - p.t0 == pytest.approx(14 * FRAME - phonemes.SOUND_LEAD_S)
    assert p.ids[-1] == PAD and p.durations[-1] == 14
    assert p.durations[-1] * FRAME == pytest.approx(0.35)


def test_fast_notes_shorten_the_vowel_before_the_consonants(id_map):
    """Eighths at 132 BPM: "left to" sings its T once, as the onset of "to" (F, T: 150 ms of
    consonants in a 227 ms note), and the vowel of "left" gives way to what they leave it."""
    e = 60 / 132 / 2
    notes = [note(0.5, 0.5 + e, 60, "left", ["L", "EH", "F", "T"]),
             note(0.5 + e, 0.5 + 2 * e, 62, "to", ["T", "UW"], word=1)]  # fmt: skip
    (p,) = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    assert [u.arpabet for u in p.units] == ["L", "EH", "F", "T", "UW"]
    eh = next(u for u in p.units if u.arpabet == "EH")
    assert eh.start == pytest.approx(0.5) and eh.end - eh.start == pytest.approx(e - 0.15)
    f, t_on = p.units[2], p.units[3]
    assert f.end - f.start == pytest.approx(0.085) and f.end == pytest.approx(t_on.start)
    assert t_on.end == pytest.approx(0.5 + e) and t_on.end - t_on.start == pytest.approx(0.065)


def test_the_vowel_gives_way_down_to_its_floor_before_the_consonants_are_hurried(id_map):
    """"else to" on 188 ms notes (160 BPM eighths): L S and T need 225 ms; the vowel keeps
    ``MIN_VOWEL_S`` and the 118 ms left are shared, the coda giving way first."""
    e = 0.1875
    notes = [note(0.5, 0.5 + e, 60, "else", ["EH", "L", "S"]),
             note(0.5 + e, 0.5 + 2 * e, 62, "to", ["T", "UW"], word=1)]  # fmt: skip
    (p,) = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    eh, l_, s_, t_on = p.units[:4]
    assert [u.arpabet for u in (eh, l_, s_, t_on)] == ["EH", "L", "S", "T"]
    assert eh.end - eh.start == pytest.approx(phonemes.MIN_VOWEL_S)
    scale = (e - phonemes.MIN_VOWEL_S) / (0.5 * 0.16 + 0.065)
    assert t_on.end - t_on.start == pytest.approx(0.065 * scale)
    assert s_.end - l_.start == pytest.approx(0.5 * 0.16 * scale)
    assert t_on.end == pytest.approx(0.5 + e)


def test_a_repeated_stop_is_sung_once_as_the_next_onset():
    assert phonemes._merged(["F", "T"], ["T", "UW"]) == ["F"]
    assert phonemes._merged(["N", "D"], ["T", "UW"]) == ["N"]  # "and to": a stop's twin
    assert phonemes._merged(["K"], ["G", "OW"]) == []
    assert phonemes._merged(["L", "D"], ["M", "IY"]) == ["L", "D"]
    assert phonemes._merged(["S"], ["Z"]) == ["S"]  # fricatives keep their own
    assert phonemes._merged([], ["T"]) == [] and phonemes._merged(["T"], []) == ["T"]


def test_a_hurried_coda_gives_way_before_the_next_onset():
    assert phonemes._share(0.1, 0.065, 0.2) == (0.1, 0.065)  # room for both
    c, o = phonemes._share(0.1, 0.065, 0.12)  # the coda gives way, the onset keeps its length
    assert c == pytest.approx(0.055) and o == 0.065
    c, o = phonemes._share(0.1, 0.065, 0.0575)  # past half the coda: both shrink alike
    assert c == pytest.approx(0.025) and o == pytest.approx(0.0325)


def test_a_phrase_that_ends_a_line_ends_with_a_full_stop(id_map):
    """Kokoro's sentences end with punctuation before the pad; sung lines ended without it, and the
    line's last consonants came out weak ("light" heard as "lie").  A phrase that ends a line gets
    a full stop of ``END_MARK_FRAMES`` before its trailing pad; one cut mid-line at a rest gets none;
    the time map covers the mark."""
    notes = [
        note(0.5, 0.9, 50, "hold", ["HH", "OW", "L", "D"], word=0, line=0),
        note(1.5, 2.0, 52, "on", ["AA", "N"], word=1, line=0),  # a rest inside the line
        note(2.0, 2.6, 53, "tight", ["T", "AY", "T"], word=2, line=0),
        note(3.5, 4.0, 50, "go", ["G", "OW"], word=3, line=1),
    ]
    plan = phonemes.plan(notes, id_map=id_map, frame_s=FRAME)
    assert [text_of(p.ids) for p in plan] == ["$hˈoʊld$", "$ˈɑn tˈaɪt.$", "$ɡˈoʊ.$"]
    assert phonemes.END_MARK_FRAMES == 2
    for p in plan:
        assert p.ids[-1] == PAD and p.durations[-1] == phonemes.EOS_FRAMES
        assert p.render_knots[-1] == pytest.approx(p.frames * FRAME)
    first, second, _ = plan
    assert second.ids[-2] == VOCAB["."] and second.durations[-2] == 2
    lead = phonemes.SOUND_LEAD_S
    assert first.end == pytest.approx(first.units[-1].end + 14 * FRAME + lead)
    assert second.end == pytest.approx(second.units[-1].end + 16 * FRAME + lead)


def test_end_at_puts_the_measured_sound_end_on_the_last_units_end(id_map):
    """At a phrase's end the voice's sound leads its tokens less than ``SOUND_LEAD_S``: ``end_at``
    maps the rendering's measured end of the last sound to the last unit's song end, shrinking the
    lead linearly over the last syllable from its vowel's start, and ends the phrase a release later."""
    (p,) = phonemes.plan(hello_score().notes, id_map=id_map, frame_s=FRAME)
    v = p.units[-1]
    assert v.arpabet == "V"
    nominal = p.render_knots[-2]
    assert p.to_render(np.array([v.end]))[0] == pytest.approx(nominal)
    q = phonemes.end_at(p, nominal + 0.04)
    assert q.to_render(np.array([v.end]))[0] == pytest.approx(nominal + 0.04)
    assert q.end == pytest.approx(v.end + phonemes.RELEASE_S)
    assert q.render_knots[-1] == pytest.approx(nominal + 0.04 + phonemes.RELEASE_S)
    assert np.all(np.diff(q.render_knots) >= 0) and np.all(np.diff(q.song_knots) >= 0)
    # before the last syllable's vowel ("love"'s ʌ) the map is the constant lead's
    ah = next(i for i, u in enumerate(p.units) if u.arpabet == "AH" and u.syllable == v.syllable)
    start = p.unit_render[ah][0]
    before = p.render_knots <= start + 1e-12
    assert before.sum() >= 8
    assert np.array_equal(q.render_knots[before], p.render_knots[before])
    assert np.array_equal(q.song_knots[:-1], p.song_knots[:-1])
    # halfway through the last syllable's rendering, half the shift
    mid = 0.5 * (start + nominal)
    t = p.to_song(np.array([mid]))[0]
    assert q.to_render(np.array([t]))[0] == pytest.approx(mid + 0.02)
    # the end's lead is kept between 0 (the token's end) and the constant lead
    assert phonemes.end_at(p, nominal - 0.5).render_knots[-2] == pytest.approx(nominal)
    assert phonemes.end_at(p, nominal + 0.5).render_knots[-2] == pytest.approx(nominal + phonemes.SOUND_LEAD_S)
    assert phonemes.RELEASE_S == 0.05
