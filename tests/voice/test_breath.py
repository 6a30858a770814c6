"""Breaths: where a singer takes one, how loud against the phrase, what band, no clicks at the edges."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import welch

from topline.errors import VoiceError
from topline.voice.breath import (BREATH_DB, BREATHY_DB, LEAD_S, MAX_BREATH_S, MIN_GAP_S, RELEASE_S, breath,
                                  breath_slot)

SR = 44100


def phrase(seconds: float = 1.0) -> np.ndarray:
    """A sung-like harmonic tone (220 Hz, 12 partials) at about -17 dBFS RMS."""
    t = np.arange(int(seconds * SR)) / SR
    return 0.1 * sum(np.sin(2 * np.pi * 220 * k * t) / k for k in range(1, 13))


def loudest_50ms_db(x: np.ndarray) -> float:
    w = int(0.05 * SR)
    return 10 * np.log10(np.max(np.convolve(x.astype(float) ** 2, np.ones(w) / w, mode="valid")))


def rms_db(x: np.ndarray) -> float:
    return 10 * np.log10(np.mean(x.astype(float) ** 2))


@pytest.mark.parametrize("breathiness", [0.0, 0.5, 1.0])
def test_breath_sits_22_to_28_db_under_the_phrase(breathiness):
    p = phrase()
    level = float(np.sqrt(np.mean(p**2)))
    b = breath(0.4, sr=SR, level=level, breathiness=breathiness, seed=3)
    rel = loudest_50ms_db(b) - rms_db(p)
    assert rel == pytest.approx(BREATH_DB + BREATHY_DB * breathiness, abs=0.05)
    assert rel <= -20.0


def test_breath_is_band_shaped_not_broadband():
    b = breath(0.45, sr=SR, level=0.1, seed=1)
    f, p = welch(b.astype(float), fs=SR, nperseg=2048)
    c = np.cumsum(p) / np.sum(p)
    assert f[np.searchsorted(c, 0.95)] < 5500  # 95 % of the energy under 5.5 kHz
    assert np.sum(p[f >= 8000]) / np.sum(p) < 1e-3  # < -30 dB above 8 kHz
    assert np.sum(p[f < 250]) / np.sum(p) < 0.02  # no rumble
    peak = f[np.argmax(p)]
    assert 500 < peak < 3500  # around the mouth's resonances


def test_breath_starts_and_ends_in_silence_without_a_click():
    for seed in range(5):
        b = breath(0.3, sr=SR, level=0.1, seed=seed)
        peak = float(np.max(np.abs(b)))
        assert b[0] == 0.0 and b[-1] == 0.0
        edge = int(0.005 * SR)  # the first and last 5 ms stay far under the breath's peak
        assert np.max(np.abs(b[:edge])) < 0.05 * peak
        assert np.max(np.abs(b[-edge:])) < 0.05 * peak
        # placed in silence, no sample step larger than inside the breath itself
        y = np.concatenate([np.zeros(100), b, np.zeros(100)])
        assert np.max(np.abs(np.diff(y[:200]))) < 0.05 * peak
        assert np.max(np.abs(np.diff(y[-200:]))) < 0.05 * peak


def test_breath_is_deterministic_per_seed():
    a = breath(0.3, sr=SR, level=0.1, seed=7)
    assert np.array_equal(a, breath(0.3, sr=SR, level=0.1, seed=7))
    assert not np.allclose(a, breath(0.3, sr=SR, level=0.1, seed=8))
    assert a.dtype == np.float32 and a.size == int(round(0.3 * SR))


def test_silent_phrase_gives_a_silent_breath():
    assert not np.any(breath(0.3, sr=SR, level=0.0))


@pytest.mark.parametrize("kwargs, match", [
    ({"length_s": 0.0}, "positive length"),
    ({"length_s": float("nan")}, "positive length"),
    ({"sr": 4000}, "sample rate"),
    ({"level": -0.1}, "level"),
])  # fmt: skip
def test_bad_breath_requests(kwargs, match):
    args = {"length_s": 0.3, "sr": SR, "level": 0.1} | kwargs
    with pytest.raises(VoiceError, match=match):
        breath(args.pop("length_s"), **args)


def test_breath_slot_only_in_gaps_a_singer_breathes_in():
    assert breath_slot(1.0, 1.0 + MIN_GAP_S - 0.01) is None  # a catch breath: nothing audible
    start, length = breath_slot(1.0, 1.5)
    assert length == pytest.approx(0.5 - LEAD_S - RELEASE_S)
    assert start == pytest.approx(1.0 + RELEASE_S)
    assert start + length == pytest.approx(1.5 - LEAD_S)  # ends before the first consonant
    start, length = breath_slot(1.0, 4.0)
    assert length == MAX_BREATH_S and start + length == pytest.approx(4.0 - LEAD_S)
    assert breath_slot(None, 0.2) is None  # no room before a phrase at the song's start
    assert breath_slot(None, 1.2) == pytest.approx((1.2 - LEAD_S - MAX_BREATH_S, MAX_BREATH_S))
