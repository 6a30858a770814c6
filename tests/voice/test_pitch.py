"""The sung F0 contour: landing on notes, overshoot, vibrato."""

from __future__ import annotations

import numpy as np
import pytest

from topline.voice import pitch
from tests.voice.helpers import note

T = np.arange(0.0, 3.0, 0.005)


def test_lands_on_each_note_by_its_vowel_with_small_overshoot():
    notes = [note(0.2, 1.0, 50, "a", ["AH"]), note(1.0, 2.0, 55, "b", ["B", "AH"])]
    m = pitch.contour(notes, times=T, approach_s=[0.0, 0.06], portamento_s=0.1)
    at = lambda t: m[np.argmin(np.abs(T - t))]  # noqa: E731
    assert abs(at(0.2) - 50) < 0.1  # the phrase-start scoop has settled
    assert at(1.0) == pytest.approx(52.5, abs=0.05)  # the change is half done at the vowel onset
    assert abs(at(0.985) - 50) < 0.5 and abs(at(1.02) - 55) < 0.5  # and quick: 20 ms, centred there
    assert abs(at(0.975) - 50) < 0.05  # the consonant holds the previous note's pitch
    inside = m[(T > 1.0) & (T < 2.0)]
    assert inside.max() - 55 < 0.1 * 5  # overshoot under 10 % of the leap
    assert abs(at(1.8) - 55) < 0.02


def test_legato_glide_takes_portamento_time():
    notes = [note(0.2, 1.0, 50, "a", ["AH"]), note(1.0, 2.0, 52, "a", [], tie=True)]
    slow = pitch.contour(notes, times=T, approach_s=[0.0, 0.0], portamento_s=0.2)
    fast = pitch.contour(notes, times=T, approach_s=[0.0, 0.0], portamento_s=0.04)
    mid = lambda m: np.sum((m > 50.2) & (m < 51.8))  # noqa: E731
    assert mid(slow) > 2 * mid(fast)


def test_vibrato_depth_rate_and_delay():
    n = note(0.5, 2.9, 57, "a", ["AH"])
    m = pitch.contour([n], times=T, vibrato_depth_cents=30.0, vibrato_rate_hz=6.0, vibrato_delay_s=0.4)
    before = m[(T > 0.6) & (T < 0.85)]
    assert np.ptp(before) < 0.05  # no vibrato right after the onset
    steady = m[(T > 1.4) & (T < 2.7)] - 57
    assert 0.27 < steady.max() <= 0.3 and -0.3 <= steady.min() < -0.27
    spec = np.abs(np.fft.rfft(steady - steady.mean(), 4096))
    rate = np.fft.rfftfreq(4096, 0.005)[np.argmax(spec)]
    assert abs(rate - 6.0) < 0.6


def test_no_vibrato_when_depth_zero_and_midi_to_hz():
    n = note(0.5, 2.9, 57, "a", ["AH"])
    m = pitch.contour([n], times=T, vibrato_depth_cents=0.0)
    assert np.ptp(m[(T > 0.8) & (T < 2.9)]) < 1e-3
    assert pitch.midi_to_hz(69) == 440.0


def test_zero_portamento_still_changes_cleanly():
    notes = [note(0.2, 1.0, 50, "a", ["AH"]), note(1.0, 2.0, 52, "a", [], tie=True)]
    m = pitch.contour(notes, times=T, approach_s=[0.0, 0.0], portamento_s=0.0)
    assert np.all(np.isfinite(m))
    assert abs(m[np.argmin(np.abs(T - 1.02))] - 52) < 0.15


def test_legato_glide_is_centred_on_the_note_start():
    notes = [note(0.2, 1.0, 50, "a", ["AH"]), note(1.0, 2.0, 52, "a", [], tie=True)]
    m = pitch.contour(notes, times=T, approach_s=[0.0, 0.0], portamento_s=0.08)
    at = lambda t: m[np.argmin(np.abs(T - t))]  # noqa: E731
    assert at(1.0) == pytest.approx(51.0, abs=0.02)
    # frames more than 50 cents off their note: as many before the start as after it
    before = np.sum((T >= 0.2) & (T < 1.0) & (np.abs(m - 50) > 0.5))
    after = np.sum((T >= 1.0) & (T < 2.0) & (np.abs(m - 52) > 0.5))
    assert abs(int(before) - int(after)) <= 1


def test_vibrato_is_at_most_35_cents_deep():
    n = note(0.5, 2.9, 57, "a", ["AH"])
    m = pitch.contour([n], times=T, vibrato_depth_cents=60.0, vibrato_rate_hz=6.0, vibrato_delay_s=0.4)
    steady = m[(T > 1.4) & (T < 2.7)] - 57
    assert pitch.MAX_VIBRATO_CENTS == 35.0
    assert 0.33 < steady.max() <= 0.35 and -0.35 <= steady.min() < -0.33


def test_a_change_over_voiceless_consonants_is_made_inside_them():
    notes = [note(0.2, 1.0, 50, "a", ["AH"]), note(1.0, 2.0, 55, "sa", ["S", "AH"])]
    m = pitch.contour(notes, times=T, approach_s=[0.0, 0.1], voiceless_s=[0.0, 0.1], portamento_s=0.1)
    at = lambda t: m[np.argmin(np.abs(T - t))]  # noqa: E731
    assert abs(at(0.9) - 50) < 0.02  # the previous vowel ends on its note
    assert abs(at(1.0) - 55) <= 0.05 * 5 + 1e-9  # the vowel starts on its note (95 % done)
    after = m[(T >= 1.0) & (T < 2.0)]
    assert np.all(np.abs(after - 55) < 0.5)  # no frame of the new note is 50 cents off
    voiced = pitch.contour(notes, times=T, approach_s=[0.0, 0.1], portamento_s=0.1)
    assert voiced[np.argmin(np.abs(T - 1.0))] == pytest.approx(52.5, abs=0.05)  # voiced: half done at the start


def test_a_short_voiceless_consonant_gets_a_quicker_change():
    notes = [note(0.2, 1.0, 50, "a", ["AH"]), note(1.0, 2.0, 57, "ta", ["T", "AH"])]
    m = pitch.contour(notes, times=T, approach_s=[0.0, 0.1], voiceless_s=[0.0, 0.03], portamento_s=0.1)
    at = lambda t: m[np.argmin(np.abs(T - t))]  # noqa: E731
    assert abs(at(0.965) - 50) < 0.05  # nothing moves before the consonant
    assert abs(at(1.0) - 57) <= 0.05 * 7 + 1e-9


def test_a_change_inside_voiceless_consonants_is_quick_and_late_whatever_their_length():
    notes = [note(0.2, 1.0, 50, "a", ["AH"]), note(1.0, 2.0, 55, "sa", ["S", "AH"])]
    m = pitch.contour(notes, times=T, approach_s=[0.0, 0.15], voiceless_s=[0.0, 0.15], portamento_s=0.1)
    at = lambda t: m[np.argmin(np.abs(T - t))]  # noqa: E731
    # their faint voicing holds the previous note until 20 ms before the vowel ...
    assert np.all(np.abs(m[(T >= 0.85) & (T < 0.98)] - 50) < 0.02)
    # ... and the change is done (95 %) by the vowel's start
    assert abs(at(1.0) - 55) <= 0.05 * 5 + 1e-9
    assert pitch.HIDDEN_CHANGE_S == 0.01


def test_a_change_over_short_voiced_consonants_takes_10_ms():
    notes = [note(0.2, 1.0, 50, "a", ["AH"]), note(1.0, 2.0, 52, "ma", ["M", "AH"])]
    m = pitch.contour(notes, times=T, approach_s=[0.0, 0.04], portamento_s=0.1)
    at = lambda t: m[np.argmin(np.abs(T - t))]  # noqa: E731
    assert at(1.0) == pytest.approx(51.0, abs=0.02)  # half done at the vowel onset
    assert abs(at(0.995) - 50) < 0.2 and abs(at(1.01) - 52) < 0.1  # 10-90 % in 10 ms (5 ms frames)
    assert pitch.MIN_CHANGE_S == 0.01
