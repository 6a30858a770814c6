"""resolve_controls: tags -> families, negative tags (applied once), weights, gender, register, model presets."""

from __future__ import annotations

import json

import pytest

from topline.music.controls import Controls, StyleProfile
from topline.music.style import (FAMILIES, family_votes, neutral, resolve_controls, style_profile,
                                 tessitura_shift)


@pytest.mark.parametrize(
    ("style", "family"),
    [
        ("Jazz", "jazz"), ("indie pop, breathy female vocals", "indie"), ("lo-fi hip hop", "hiphop"),
        ("synthwave", "electronic"), ("R&B, soul", "rnb"), ("country", "country"), ("acoustic folk", "folk"),
        ("deep house", "electronic"), ("piano ballad", "ballad"), ("heavy metal", "metal"),
        ("gospel choir", "gospel"), ("roots reggae", "reggae"), ("salsa", "latin"), ("pop punk", "punk"),
        ("delta blues", "blues"), ("classic rock", "rock"), ("dance pop", "pop"), ("", "pop"),
    ],
)  # fmt: skip
def test_tags_map_to_families(style, family):
    assert resolve_controls(style=style, seed=1).profile.family == family


def test_at_least_twelve_families_with_complete_profiles():
    assert len(FAMILIES) >= 12
    for name, p in FAMILIES.items():
        assert p.family == name and p.phrase_bars in (2, 4)


def test_several_tags_blend_profiles():
    pure = resolve_controls(style="rock", style_weight=1.0, seed=1).profile
    mixed = resolve_controls(style="rock, jazz", style_weight=1.0, seed=1).profile
    assert pure.family == mixed.family == "rock"
    assert mixed.syncopation > pure.syncopation  # jazz pulls syncopation up
    assert family_votes("rock, jazz")["jazz"] > 0


def test_hiphop_is_dense_and_near_spoken():
    p = resolve_controls(style="hip hop", style_weight=1.0, seed=1).profile
    assert p.spoken > 0.5 and p.rhythm_density > 2.0 and p.range_semitones <= 6


def test_style_weight_scales_distance_from_neutral():
    n = neutral()
    assert resolve_controls(style="hip hop", style_weight=0.0, seed=1).profile.rhythm_density == pytest.approx(
        n.rhythm_density
    )
    half = resolve_controls(style="hip hop", style_weight=0.5, seed=1).profile.rhythm_density
    full = resolve_controls(style="hip hop", style_weight=1.0, seed=1).profile.rhythm_density
    assert n.rhythm_density < half < full
    frac = (half - n.rhythm_density) / (full - n.rhythm_density)
    assert 0.55 < frac < 0.75


@pytest.mark.parametrize("neg", ["no vibrato", "vibrato", "Vibrato, reverb"])
def test_negative_tags_exclude_vibrato(neg):
    c = resolve_controls(style="ballad", negative_tags=neg, seed=1)
    assert "vibrato" in c.excluded and c.profile.vibrato_depth_cents == 0.0


def test_negative_tags_adjust_the_profile():
    c = resolve_controls(style="gospel", negative_tags="melisma, harmony, reverb, autotune", style_weight=1.0, seed=1)
    assert {"melisma", "harmony", "reverb", "autotune"} <= c.excluded
    assert c.profile.melisma == 0.0 and c.profile.harmony is False and c.profile.reverb_wet == 0.0
    rap = resolve_controls(style="hip hop", negative_tags="rap", style_weight=1.0, seed=1)
    assert "rap" in rap.excluded and rap.profile.spoken == 0.0


@pytest.mark.parametrize("neg", ["", " ", "   \n"])
def test_blank_negative_tags_are_fine(neg):
    c = resolve_controls(style="pop", negative_tags=neg, seed=1)
    assert c.excluded == frozenset() and c.negative_tags == ""


def test_negative_family_moves_the_blend():
    assert resolve_controls(style="rock, pop", negative_tags="rock", seed=1).profile.family == "pop"


def test_gender_request_always_honoured():
    assert resolve_controls(style="breathy female vocals", vocal_gender="m", seed=1).gender == "m"
    assert resolve_controls(style="male baritone", vocal_gender="f", seed=1).gender == "f"


@pytest.mark.parametrize(
    ("style", "gender"),
    [("breathy female vocals", "f"), ("girl group pop", "f"), ("soulful woman singer", "f"),
     ("male vocals", "m"), ("baritone crooner", "m"), ("a man singing the blues", "m")],
)  # fmt: skip
def test_gender_inferred_from_style(style, gender):
    assert resolve_controls(style=style, seed=1).gender == gender


@pytest.mark.parametrize(
    ("style", "gender", "shift"),
    [
        ("pop", "m", 0.0), ("deep house, male vocals", "m", 0.0),  # a genre, not a voice type
        ("high tenor", "m", 3.0), ("indie pop, tenor", "m", 1.5), ("crooner, Baritone", "m", -1.0),
        ("falsetto, baritone", "m", 1.25), ("soprano", "f", 2.5), ("alto, soprano", "f", 0.0),
        ("contralto", "f", -3.0), ("high-pitched female vocals", "f", 2.5), ("tenor", "f", 0.0),
    ],
)  # fmt: skip
def test_tessitura_shift_from_voice_types(style, gender, shift):
    assert tessitura_shift(style, gender=gender) == shift


def test_tessitura_shift_without_falsetto_sits_lower():
    assert tessitura_shift("high tenor", gender="m", excluded=frozenset({"falsetto"})) == -0.5
    assert tessitura_shift("pop", gender="f", excluded=frozenset({"falsetto"})) == -0.5
    assert tessitura_shift("alto", gender="f", excluded=frozenset({"falsetto"})) == -3.0


def test_gender_from_seed_when_nothing_says():
    genders = {resolve_controls(style="pop", seed=s).gender for s in range(64)}
    assert genders == {"m", "f"}
    assert resolve_controls(style="pop", seed=12).gender == resolve_controls(style="pop", seed=12).gender


def test_model_presets_differ():
    a = resolve_controls(style="pop", model="V4_5PLUS", seed=1).profile
    b = resolve_controls(style="pop", model="V5", seed=1).profile
    c = resolve_controls(style="pop", model="V5_5", seed=1).profile
    assert a.range_semitones < b.range_semitones <= c.range_semitones
    assert a.leap_tolerance < b.leap_tolerance < c.leap_tolerance


def test_seed_is_required_and_kept():
    assert resolve_controls(seed=42).seed == 42
    with pytest.raises(TypeError):
        resolve_controls()  # drawing a seed is the service's job, done once at accept


def test_fields_complete_and_weights_kept():
    c = resolve_controls(title="T", style="jazz", weirdness=0.8, audio_weight=0.2, seed=3)
    assert isinstance(c, Controls) and isinstance(c.profile, StyleProfile)
    assert c.weirdness == 0.8 and c.audio_weight == 0.2 and c.style_weight == 0.5 and c.title == "T"
    d = resolve_controls(seed=3)
    assert d.weirdness == 0.5 and d.audio_weight == 0.5 and d.model == "V4_5PLUS"


def test_style_profile_returns_exclusions():
    p, ex = style_profile("pop", negative_tags="echo")
    assert "delay" in ex and p.delay_wet == 0.0


def test_style_traits_nudge_the_profile():
    plain = resolve_controls(style="pop", seed=1).profile
    breathy = resolve_controls(style="pop, breathy vocals", seed=1).profile
    assert breathy.breathiness > plain.breathiness
    assert resolve_controls(style="raspy pop", seed=1).profile.saturation_db > plain.saturation_db


def test_model_default_and_no_validation_left():
    assert resolve_controls(model=None, seed=1).model == "V4_5PLUS"
    # values arrive validated (service/schemas.py): nothing here re-validates or case-folds them
    assert resolve_controls(style="male vocals", vocal_gender=None, seed=1).gender == "m"


def test_exclusions_applied_once_to_profile_and_register():
    c = resolve_controls(style="pop, high tenor", negative_tags="reverb, echo, doubling, distortion, falsetto",
                         style_weight=1.0, seed=1)
    p = c.profile
    assert (p.reverb_wet, p.delay_wet, p.doubling, p.saturation_db) == (0.0, 0.0, False, 0.0)
    assert c.register == tessitura_shift("pop, high tenor", gender="m", excluded=c.excluded) == -0.5
    assert resolve_controls(style="pop, high tenor", seed=1).register == 3.0


def test_controls_round_trip_through_json():
    c = resolve_controls(style="gospel, alto", negative_tags="vibrato", style_weight=0.7, seed=5)
    assert Controls.from_json(json.loads(json.dumps(c.to_json()))) == c
