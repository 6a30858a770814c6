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
