import numpy as np
import pytest

from topline.music.analysis import analyse
from topline.music.types import METERS, SECTION_LABELS, Analysis

from .synth import SR, song


def check_contract(a: Analysis, duration: float):
    assert a.duration == pytest.approx(duration, abs=1e-3)
    assert a.meter in METERS
    assert len(a.beats) >= 2 and np.all(np.diff(a.beats) > 0)
    assert set(a.downbeats) <= set(a.beats)
    assert a.chords[0][0] == 0.0 and a.chords[-1][1] == pytest.approx(duration)
    assert all(x[1] == y[0] for x, y in zip(a.chords, a.chords[1:]))
    assert a.sections[0][0] == 0.0 and a.sections[-1][1] == pytest.approx(duration)
    assert all(lab in SECTION_LABELS and 0.0 <= e <= 1.0 for _, _, lab, e in a.sections)
    assert Analysis.from_json(a.to_json()).to_json() == a.to_json()


def test_stereo_at_44k_matches_the_contract():
    y, _ = song([("G", "maj"), ("E", "min"), ("C", "maj"), ("D", "maj")] * 3, bpm=96, sr=44100)
    a = analyse(np.stack([y, 0.8 * y]), sr=44100)
    check_contract(a, y.size / 44100)
    assert a.key == "G major" and a.tempo == pytest.approx(96, abs=1.5)
    assert -30 < a.loudness_lufs < -5


def test_no_pulse_falls_back_to_a_neutral_grid():
    # Pads alone, no attacks: the analysis must still hand composition a usable grid.
    y, _ = song([("C", "maj"), ("F", "maj")] * 2, bpm=60, drums=False)
    a = analyse(y[: 6 * SR], sr=SR)
    check_contract(a, 6.0)


def test_noise_is_harmless():
    y = np.random.default_rng(0).normal(0, 0.1, 6 * SR).astype(np.float32)
    check_contract(analyse(y, sr=SR), 6.0)


def test_the_form_pass_hears_what_the_whole_analysis_hears_and_plans_the_same_form():
    import math

    from topline.music.analysis import hear_form, hear_harmony
    from topline.music.compose import plan_form
    from topline.music.style import resolve_controls

    y, _ = song([("A", "min"), ("F", "maj"), ("C", "maj"), ("G", "maj")] * 6, bpm=110, sr=44100)
    heard = hear_form(y, sr=44100)
    whole = analyse(y, sr=44100)
    assert hear_harmony(heard) == whole
    form = heard.form
    assert (form.duration, form.tempo, form.meter, form.beats, form.downbeats, form.sections, form.lead_regions) == (
        whole.duration, whole.tempo, whole.meter, whole.beats, whole.downbeats, whole.sections, whole.lead_regions)
    assert form.key == "" and form.chords == [] and math.isnan(form.loudness_lufs)  # the second pass's
    profile = resolve_controls(seed=3, style="pop").profile
    assert plan_form(form, profile=profile, seed=3) == plan_form(whole, profile=profile, seed=3)
