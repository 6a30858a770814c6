"""Personas: a singer measured from a track, and a new request sung with it."""

from __future__ import annotations

import dataclasses

import pytest

from topline.music.compose import compose, median_pitch
from topline.music.compose.pitch import VOICE
from topline.music.persona import VOCAL_STYLE, Singer, singer_of, with_singer
from topline.music.style import resolve_controls
from topline.music.types import Note, Score

from .compose.songs import analysis, lyrics


def _score(pitches_times):
    notes = [Note(start=a, end=b, midi=m, syllable="la", phonemes=("L", "AA1"), word_index=i, line_index=0,
                  section="verse") for i, (m, a, b) in enumerate(pitches_times)]
    return Score(variant=1, gender="m", seed=1, notes=notes, tempo=120.0, key="C major")


def test_singer_of_measures_the_window():
    ctl = resolve_controls(style="soul, breathy", vocal_gender="m", seed=3)
    sc = _score([(50, 0.0, 1.0), (52, 1.0, 2.0), (60, 20.0, 21.0), (62, 21.0, 24.0)])
    s = singer_of(ctl, sc, start=15.0, end=30.0, voice="am_michael")
    assert s.gender == "m" and s.low == 60 and s.high == 62 and s.voice == "am_michael"
    assert s.register == pytest.approx(median_pitch(sc.notes[2:]), abs=0.01)
    assert s.vocal == {k: getattr(ctl.profile, k) for k in VOCAL_STYLE}
    whole = singer_of(ctl, sc, start=100.0, end=110.0)  # nothing sung there: the whole track
    assert (whole.low, whole.high) == (50, 62)
    assert Singer.from_json(s.to_json()) == s
    with pytest.raises(ValueError):
        singer_of(ctl, _score([]))


def test_with_singer_pins_gender_register_and_vocal_style_only():
    src = resolve_controls(style="jazz, crooner", vocal_gender="m", seed=3)
    singer = singer_of(src, _score([(55, 0.0, 1.0)]))
    new = resolve_controls(style="electronic dance", vocal_gender="f", seed=9)
    sung = with_singer(new, singer)
    assert sung.gender == "m" and sung.register == 55.0 - VOICE["m"][2]  # semitones from the usual centre
    for k in VOCAL_STYLE:
        assert getattr(sung.profile, k) == getattr(src.profile, k)
    assert sung.profile.family == new.profile.family and sung.profile.rhythm_density == new.profile.rhythm_density
    assert sung.voice is None  # the source track named no voice
    assert dataclasses.replace(sung, gender=new.gender, register=new.register, profile=new.profile) == new
    named = with_singer(new, dataclasses.replace(singer, voice="am_michael"))
    assert named.voice == "am_michael"


@pytest.mark.parametrize("gender, register", [("m", 49.0), ("m", 53.0), ("f", 59.0), ("f", 66.0)])
def test_the_melody_aims_at_the_pinned_register(gender, register):  # over the style's voice-type words
    a, ly = analysis(), lyrics()
    ctl = with_singer(resolve_controls(style="pop, soprano" if gender == "f" else "pop, baritone", vocal_gender=gender,
                                     seed=11), Singer(gender=gender, register=register, low=0, high=127))
    med = median_pitch(compose(a, ly, controls=ctl, variant=1).notes)
    assert abs(med - register) <= 1.0


def test_the_pinned_voice_sings():
    from topline.errors import VoiceError
    from topline.voice import VOICES, song_voice

    sc = _score([(55, 0.0, 1.0)])
    base = resolve_controls(style="pop", vocal_gender="m", seed=4)
    males = sorted(n for n, v in VOICES.items() if v.gender == "m")
    for name in males:
        assert song_voice(sc, dataclasses.replace(base, voice=name)).name == name
    with pytest.raises(VoiceError, match="no voice named"):
        song_voice(sc, dataclasses.replace(base, voice="no_such_voice"))
    singer = Singer(gender="m", register=52.0, low=45, high=60, voice=males[-1])
    chosen = dataclasses.replace(resolve_controls(style="rock", vocal_gender="f", seed=1), voice="af_heart")
    sung = with_singer(chosen, singer)  # the persona's voice over the one the request's spec chose
    assert sung.gender == "m" and song_voice(sc, sung).name == males[-1]


def test_a_singer_without_a_named_voice_keeps_a_voice_of_its_gender():
    req = dataclasses.replace(resolve_controls(style="pop", vocal_gender="f", seed=2), voice="af_heart")
    other = with_singer(req, Singer(gender="m", register=50.0, low=45, high=55))
    assert other.gender == "m" and other.voice is None  # chosen again, for the persona's gender
    same = with_singer(req, Singer(gender="f", register=64.0, low=60, high=70))
    assert same.voice == "af_heart"
