"""The air-band exciter: new energy above a band-limited vocal's edge, nothing added in silence."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import butter, resample_poly, sosfiltfilt, welch

from topline.errors import ProductionError
from topline.production import produce
from topline.production.exciter import AIR_DB, air_band, bandwidth_hz, excite

from .signals import controls, score

SR = 44100


def band_db(x: np.ndarray, lo: float, hi: float, ref=(1000.0, 4000.0)) -> float:
    f, p = welch(x.astype(np.float64), fs=SR, nperseg=4096)
    e = lambda a, b: float(np.sum(p[(f >= a) & (f < b)]))  # noqa: E731
    return 10 * np.log10(e(lo, hi) / e(*ref) + 1e-30)


def model_vocal(seconds: float = 3.0, *, gaps: bool = True, seed: int = 0) -> np.ndarray:
    """What a 22.05 kHz voice model gives once upsampled: harmonics of a gliding F0 up to 9.5 kHz
    (6 dB per octave down), sung in 0.6 s notes with 0.4 s of silence between (when ``gaps``), plus a
    -100 dBFS noise floor everywhere."""
    sr0 = 22050
    t = np.arange(int(seconds * sr0)) / sr0
    f0 = 200.0 * (1 + 0.02 * np.sin(2 * np.pi * 5.5 * t))
    phase = 2 * np.pi * np.cumsum(f0) / sr0
    y = np.zeros_like(t)
    for k in range(1, int(9500 / f0.max()) + 1):
        y += np.sin(k * phase) / k
    if gaps:
        on = (t % 1.0) < 0.6
        env = np.convolve(on.astype(float), np.hanning(441) / np.hanning(441).sum(), mode="same")
        y *= env
    y = resample_poly(0.2 * y / np.max(np.abs(y)), 2, 1, window=("kaiser", 10.0))
    rng = np.random.default_rng(seed)
    return (y + 1e-5 * rng.standard_normal(y.size)).astype(np.float32)


def test_bandwidth_finds_the_model_edge_and_full_band():
    # the harmonics stop at 9.5 kHz; the resampler's transition band reaches a little past
    assert 9500 <= bandwidth_hz(model_vocal(), sr=SR) <= 11100
    noise = np.random.default_rng(1).standard_normal(SR).astype(np.float32)
    assert bandwidth_hz(noise, sr=SR) == SR / 2
    assert bandwidth_hz(np.zeros(SR, np.float32), sr=SR) == 0.0


def test_excite_adds_air_band_at_the_set_level():
    x = model_vocal()
    assert band_db(x, 12000, 16000) < -45  # band-limited: only the resampler's faint images
    y = excite(x, sr=SR)
    assert band_db(y, 12000, 16000) == pytest.approx(AIR_DB, abs=0.5)
    assert band_db(y, 16000, 20000) < band_db(y, 12000, 16000) - 6  # rolls off above
    assert band_db(excite(x, sr=SR, air_db=-36.0), 12000, 16000) == pytest.approx(-36.0, abs=0.5)


def test_excite_leaves_the_voice_band_alone():
    x = model_vocal()
    d = excite(x, sr=SR) - x
    low = butter(8, 6000, btype="lowpass", fs=SR, output="sos")
    # below 6 kHz (70 % of the edge) what was added is > 50 dB under the vocal
    assert 10 * np.log10(np.mean(sosfiltfilt(low, d) ** 2) / np.mean(x.astype(float) ** 2)) < -50


def test_excite_adds_nothing_in_silence():
    x = model_vocal()
    a = air_band(x, sr=SR)
    t = np.arange(x.size) / SR
    silent = ((t % 1.0) > 0.72) & ((t % 1.0) < 0.92)  # well inside the gaps (past the note's release)
    sung = ((t % 1.0) > 0.1) & ((t % 1.0) < 0.5)
    floor = float(np.sqrt(np.mean(x[silent].astype(float) ** 2)))  # the -100 dBFS noise floor
    assert np.sqrt(np.mean(a[silent].astype(float) ** 2)) < 0.001 * floor  # ungated it would be ~0.05
    assert np.sqrt(np.mean(a[sung].astype(float) ** 2)) > 1e-3


def test_air_band_follows_the_level():
    x = model_vocal(gaps=False)
    assert np.allclose(air_band(0.1 * x, sr=SR), 0.1 * air_band(x, sr=SR), atol=1e-6)


def test_full_band_or_silent_vocal_is_left_alone():
    rng = np.random.default_rng(2)
    full = (0.1 * rng.standard_normal(2 * SR)).astype(np.float32)
    assert not np.any(air_band(full, sr=SR))
    assert np.array_equal(excite(full, sr=SR), full)
    assert not np.any(air_band(np.zeros(SR, np.float32), sr=SR))


def test_exciter_rejects_bad_input():
    with pytest.raises(ProductionError, match="mono"):
        air_band(np.zeros((2, SR), np.float32), sr=SR)
    bad = model_vocal()
    bad[100] = np.nan
    with pytest.raises(ProductionError, match="NaN"):
        excite(bad, sr=SR)


def test_produced_stem_has_air():
    x = model_vocal(6.0)
    sc = score(6.0)
    inst = np.zeros((2, x.size), np.float32)
    inst[:, :] = 0.05 * np.sin(2 * np.pi * 110 * np.arange(x.size) / SR)
    prod = produce(inst, x, sr=SR, score=sc, controls=controls())
    stem = prod.vocal_stem.mean(axis=0)
    assert band_db(stem, 12000, 16000) >= -40
