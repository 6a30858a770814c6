import numpy as np
import pyloudnorm as pyln
import pytest
from scipy import signal

from topline.production.master import (integrated_loudness, k_weighted, limit, limiter_gain, master,
                                       true_peak_db)

SR = 44100


def _noise(seconds: float, level: float, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    y = rng.standard_normal((2, int(seconds * SR))) * level
    return signal.lfilter(*signal.butter(2, 0.3), y).astype(np.float32)


def _tp_reference(y: np.ndarray) -> float:
    return float(20 * np.log10(np.max(np.abs(signal.resample_poly(y, 4, 1, axis=-1)))))


@pytest.mark.parametrize("level", [0.01, 0.1, 0.5])
def test_loudness_agrees_with_pyloudnorm(level):
    y = _noise(6, level)
    y[:, SR : 2 * SR] *= 4  # uneven loudness, so the gates matter
    assert integrated_loudness(y, sr=SR) == pytest.approx(pyln.Meter(SR).integrated_loudness(y.T), abs=0.05)


def test_loudness_of_mono_and_silence():
    y = _noise(5, 0.1)[:1]
    assert integrated_loudness(y, sr=SR) == pytest.approx(pyln.Meter(SR).integrated_loudness(y[0]), abs=0.05)
    assert integrated_loudness(np.zeros((2, SR * 2), np.float32), sr=SR) == float("-inf")
    assert integrated_loudness(np.ones((2, 100), np.float32), sr=SR) == float("-inf")  # shorter than a block


def test_true_peak_matches_4x_oversampling():
    rng = np.random.default_rng(1)
    y = np.clip(rng.standard_normal((2, SR)), -1, 1).astype(np.float32) * 0.8
    assert true_peak_db(y) == pytest.approx(_tp_reference(y), abs=1e-3)
    t = np.arange(SR) / SR
    s = np.sin(2 * np.pi * SR / 4 * t + np.pi / 4).astype(np.float32)[None] * 0.5  # peaks fall between samples
    assert true_peak_db(s) == pytest.approx(_tp_reference(s), abs=1e-3)
    assert true_peak_db(s) > 20 * np.log10(np.abs(s).max()) + 2.5
    assert true_peak_db(np.zeros((2, 10), np.float32)) == float("-inf")


def test_limiter_holds_the_ceiling_and_leaves_quiet_audio_alone():
    y = _noise(3, 0.5)
    out = limit(y, sr=SR, ceiling_db=-2.0)
    assert out.shape == y.shape and out.dtype == np.float32
    assert np.max(np.abs(out)) <= 10 ** (-2.0 / 20) + 1e-7
    quiet = _noise(3, 0.01)
    assert np.array_equal(limit(quiet, sr=SR, ceiling_db=-2.0), quiet)
    # Gain is linked across channels: the ratio between channels is unchanged sample by sample.
    nz = np.abs(y[0]) > 1e-3
    assert np.allclose(out[1][nz] / out[0][nz], y[1][nz] / y[0][nz], rtol=1e-3)


@pytest.mark.parametrize("level", [0.005, 0.1, 0.9])
def test_master_hits_loudness_and_true_peak(level):
    y = _noise(8, level, seed=2)
    out = master(y, sr=SR)
    assert out.shape == y.shape and out.dtype == np.float32
    assert pyln.Meter(SR).integrated_loudness(out.T) == pytest.approx(-14.0, abs=0.5)
    assert _tp_reference(out) <= -1.0


def test_master_passes_silence_through():
    z = np.zeros((2, SR * 2), np.float32)
    assert np.array_equal(master(z, sr=SR), z)


def _drums(seconds: float) -> np.ndarray:
    """Sharp kicks over noise: a high crest factor, so mastering to -14 LUFS limits hard."""
    t = np.arange(int(seconds * SR)) / SR
    kick = np.sin(2 * np.pi * 60 * t) * np.exp(-((t % 0.5) * 20))
    return (0.9 * kick + _noise(seconds, 0.08, seed=3)).astype(np.float32)


def test_limiter_gain_is_what_limit_applies():
    y = _drums(3) * 2
    gs = limiter_gain(y, sr=SR, ceiling_db=-1.6, gain=1.5)
    assert gs is not None and gs.shape == (y.shape[1],) and gs.dtype == np.float32
    out = limit(y, sr=SR, ceiling_db=-1.6, gain=1.5)
    ceiling = np.float32(10 ** (-1.6 / 20))
    assert np.array_equal(out, np.clip(y * gs[None, :], -ceiling, ceiling))
    driven = limit(y * np.float32(1.5), sr=SR, ceiling_db=-1.6)  # the same up to float rounding
    assert np.allclose(out, driven, rtol=1e-5, atol=1e-7)
    assert limiter_gain(y * 0.01, sr=SR, ceiling_db=-1.6) is None


def test_master_reads_loudness_from_a_given_k_weighting():
    y = _drums(8)
    meter = pyln.Meter(SR)
    plain = master(y, sr=SR)
    given = master(y, sr=SR, k_weighted_input=k_weighted(y, sr=SR))
    # Hard limiting (over 3 dB of gain reduction on each kick) and still the same loudness.
    drive_db = -14 - integrated_loudness(y, sr=SR)
    assert 20 * np.log10(np.max(np.abs(y)) / np.max(np.abs(plain))) + drive_db > 3
    assert meter.integrated_loudness(given.T) == pytest.approx(-14.0, abs=0.3)
    assert meter.integrated_loudness(given.T) == pytest.approx(meter.integrated_loudness(plain.T), abs=0.05)
    assert _tp_reference(given) <= -1.0


def test_master_settings_reproduce_the_master_and_stay_local():
    from topline.production.master import apply_master, master_with_settings

    rng = np.random.default_rng(5)
    sr = 44100
    y = (0.3 * rng.standard_normal((2, 6 * sr))).astype(np.float32)
    y[:, 2 * sr:2 * sr + 2000] *= 4  # a peak the limiter must catch
    mixed, settings = master_with_settings(y, sr=sr)
    np.testing.assert_array_equal(apply_master(y, settings, sr=sr), mixed)
    # a change in one second changes the master only there (and within the limiter's reach)
    z = y.copy()
    z[:, 4 * sr:5 * sr] *= 1.5
    other = apply_master(z, settings, sr=sr)
    reach = int(0.1 * sr)
    np.testing.assert_allclose(other[:, :4 * sr - reach], mixed[:, :4 * sr - reach], rtol=0, atol=1e-6)
    np.testing.assert_allclose(other[:, 5 * sr + reach:], mixed[:, 5 * sr + reach:], rtol=0, atol=1e-6)
