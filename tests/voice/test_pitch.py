"""The sung F0 contour: landing on notes, overshoot, vibrato."""

from __future__ import annotations

import numpy as np

from topline.voice import pitch
from tests.voice.helpers import note

T = np.arange(0.0, 3.0, 0.005)


def test_lands_on_each_note_by_its_vowel_with_small_overshoot():
    notes = [note(0.2, 1.0, 50, "a", ["AH"]), note(1.0, 2.0, 55, "b", ["B", "AH"])]
    m = pitch.contour(notes, times=T, approach_s=[0.0, 0.06], portamento_s=0.1)
    at = lambda t: m[np.argmin(np.abs(T - t))]  # noqa: E731
    assert abs(at(0.2) - 50) < 0.1  # the phrase-start scoop has settled
    assert abs(at(1.0) - 55) < 0.3  # the change is (nearly) done at the vowel
    assert abs(at(0.9) - 50) < 0.05  # and not started long before it
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
    m = pitch.contour([n], times=T, vibrato_depth_cents=50.0, vibrato_rate_hz=6.0, vibrato_delay_s=0.4)
    before = m[(T > 0.6) & (T < 0.85)]
    assert np.ptp(before) < 0.05  # no vibrato right after the onset
    steady = m[(T > 1.4) & (T < 2.7)] - 57
    assert 0.4 < steady.max() < 0.55 and -0.55 < steady.min() < -0.4
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
