"""The benchmark's measurements on synthetic signals whose answers are known."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import vocal_metrics as vm  # noqa: E402

SR = 44100


def note(start: float, end: float, midi: float = 55.35, tie: bool = False):
    return SimpleNamespace(start=start, end=end, midi=midi, tie=tie)


def sung(offsets: list[float], *, starts=(0.5, 1.5, 2.5), legato_last: bool = False, seed: int = 0):
    """Vowels (200 Hz harmonic tones) starting ``offset`` after their note start, each after a quiet
    80 ms noise consonant; with ``legato_last`` the last vowel runs on from the one before."""
    rng = np.random.default_rng(seed)
    y = np.zeros(int((starts[-1] + 1.0) * SR))
    for k, (s, off) in enumerate(zip(starts, offsets)):
        v0 = s + off
        a = int(v0 * SR)
        if legato_last and k == len(starts) - 1:
            a = int((starts[k - 1] + 0.6) * SR)  # no gap: the vowel goes on
        b = int((s + 0.6) * SR)
        t = np.arange(b - a) / SR
        y[a:b] = 0.3 * sum(np.sin(2 * np.pi * 200 * h * t) / h for h in range(1, 30))
        c0 = int((v0 - 0.08) * SR)
        if not (legato_last and k == len(starts) - 1):
            y[c0:a] += 0.01 * rng.standard_normal(a - c0)
    return y


def test_vowel_onsets_measure_early_on_time_and_late():
    y = sung([-0.04, 0.0, 0.03])
    notes = [note(s, s + 0.6) for s in (0.5, 1.5, 2.5)]
    f0, t = vm.f0_track(y, SR)
    on = vm.vowel_onsets(y, SR, notes, f0=f0, f0_t=t)
    assert [o.offset_s for o in on] == pytest.approx([-0.04, 0.0, 0.03], abs=0.004)
    fig = vm.timing_figures(on)
    assert fig["measured"] == 3 and fig["early"] == pytest.approx(1 / 3)
    assert fig["median_abs_ms"] == pytest.approx(30, abs=4)


def test_legato_notes_are_skipped_and_ties_ignored():
    y = sung([0.0, 0.0, 0.0], starts=(0.5, 1.1, 2.5), legato_last=False)
    notes = [note(0.5, 1.1), note(1.1, 1.7), note(1.7, 2.0, tie=True)]
    # the second note starts where the first vowel is still sounding: no dip, skipped
    y[int(1.1 * SR) - 2000 : int(1.1 * SR) + 2000] = y[int(0.9 * SR) : int(0.9 * SR) + 4000]
    f0, t = vm.f0_track(y, SR)
    on = vm.vowel_onsets(y, SR, notes, f0=f0, f0_t=t)
    assert len(on) == 2  # the tie is not a syllable
    assert on[1].onset is None and on[1].body_db - on[1].dip_db < 6
    assert vm.timing_figures(on)["legato_skipped"] == 1


def test_pitch_figures_in_cents():
    t = np.arange(200) * 0.005
    f0 = np.full(200, 440.0 * 2 ** (20 / 1200))  # 20 cents sharp of A4
    f0[:20] = 0.0  # unvoiced frames do not count
    fig = vm.pitch_figures(f0, t, [note(0.0, 1.0, midi=69)])
    assert fig["median_cents"] == pytest.approx(20.0, abs=0.01)
    assert fig["within_50c"] == 1.0 and fig["frames"] == 180


def test_band_ratio_of_two_tones():
    t = np.arange(2 * SR) / SR
    y = np.sin(2 * np.pi * 2000 * t) + 0.01 * np.sin(2 * np.pi * 14000 * t)
    assert vm.band_ratio_db(y, SR) == pytest.approx(-40.0, abs=0.2)


def test_breath_figures_against_the_phrase():
    rng = np.random.default_rng(1)
    y = sung([0.0, 0.0, 0.0], starts=(0.5, 1.5, 2.5))
    notes = [note(s, s + 0.6) for s in (0.5, 1.5, 2.5)]
    # a breath 25 dB under the phrase in each gap (1.25-1.35 s and 2.25-2.35 s)
    ph = float(np.sqrt(np.mean(y[int(1.5 * SR) : int(2.1 * SR)] ** 2)))
    for g in (1.25, 2.25):
        n = int(0.1 * SR)
        y[int(g * SR) : int(g * SR) + n] += ph * 10 ** (-25 / 20) * rng.standard_normal(n)
    fig = vm.breath_figures(y, SR, notes)
    assert fig["gaps"] == 2
    assert fig["breath_db_median"] == pytest.approx(-25, abs=1.0)


def test_words_drop_tags_and_punctuation():
    assert vm.words("[Chorus]\nHold me, closer -- don't go!") == ["hold", "me", "closer", "dont", "go"]


def test_wer():
    pytest.importorskip("jiwer")
    ref = vm.words("I walked along the river")
    assert vm.wer(ref, vm.words("I walked along the river.")) == 0.0
    assert vm.wer(ref, vm.words("I walk along a river")) == pytest.approx(0.4)
    assert vm.wer(ref, []) == 1.0


def test_gap_windows_leave_the_consonants_their_time():
    notes = [note(0.5, 1.0), note(1.0, 1.4, tie=True), note(2.0, 2.5)]
    lead, release = [0.1, 0.0, 0.2], [0.0, 0.05, 0.3]
    # after the tie 1.45 .. 1.8; between the first two notes nothing (1.0 .. 1.0); after the last 2.8 .. 3.0
    assert vm.gap_windows(notes, lead_s=lead, release_s=release, end_s=3.0) == [
        (pytest.approx(1.45), pytest.approx(1.8), 1), (pytest.approx(2.8), pytest.approx(3.0), 2)]
    # a window under min_s is dropped
    assert len(vm.gap_windows(notes, lead_s=lead, release_s=release, end_s=2.82)) == 1


def test_gap_figures_tell_a_hum_from_a_breath():
    """Three rests between sung notes: one with a hum 15 dB under the notes (voiced, loud), one with a
    breath's band-passed noise 25 dB under them (neither), one silent."""
    from scipy.signal import butter, sosfilt

    starts = (0.5, 1.5, 2.5, 3.5)
    y = sung([0.0] * 4, starts=starts)
    notes = [note(s, s + 0.6) for s in starts]
    ref = float(np.sqrt(np.mean(y[int(0.5 * SR) : int(1.1 * SR)] ** 2)))
    t = np.arange(int(0.2 * SR)) / SR
    hum = sum(np.sin(2 * np.pi * 130 * h * t) / h for h in range(1, 6))
    y[int(1.2 * SR) : int(1.2 * SR) + t.size] += ref * 10 ** (-15 / 20) * hum / np.sqrt(np.mean(hum**2))
    noise = sosfilt(butter(4, [400, 4500], btype="bandpass", fs=SR, output="sos"),
                    np.random.default_rng(2).standard_normal(t.size))  # fmt: skip
    y[int(2.2 * SR) : int(2.2 * SR) + t.size] += ref * 10 ** (-25 / 20) * noise / np.sqrt(np.mean(noise**2))
    windows = [(1.15, 1.41, 0), (2.15, 2.41, 1), (3.15, 3.41, 2)]  # the next consonant from 1.42 s
    fig = vm.gap_figures(y, SR, notes, windows)
    assert fig["gaps"] == 3 and fig["voiced_gaps"] == 1 and fig["loud_gaps"] == 1
    hum_gap, breath_gap, silent = fig["per_gap"]
    assert hum_gap["voiced"] and hum_gap["loud"] and hum_gap["voiced_s"] == pytest.approx(0.2, abs=0.02)
    # the loudest 50 ms against the notes' RMS (which the rests do not dilute): -15 dB, -25 dB
    assert hum_gap["loudest_db"] == pytest.approx(-15.0, abs=0.5) and hum_gap["rolloff_hz"] < 700
    assert not breath_gap["voiced"] and not breath_gap["loud"] and breath_gap["voiced_s"] <= 0.01
    assert breath_gap["loudest_db"] == pytest.approx(-25.0, abs=1.0)
    assert silent["voiced_s"] == 0.0 and silent["loudest_db"] < -100


def test_periodicity_of_a_tone_and_of_noise():
    t = np.arange(SR // 10) / SR
    assert vm.periodicity(np.sin(2 * np.pi * 150 * t), SR, 0.05, 150.0) == pytest.approx(1.0, abs=0.01)
    noise = np.random.default_rng(0).standard_normal(t.size)
    assert abs(vm.periodicity(noise, SR, 0.05, 150.0)) < 0.2
    assert vm.periodicity(noise, SR, 0.05, 0.0) == 0.0  # unvoiced: no period
