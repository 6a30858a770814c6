import numpy as np
import pytest

from topline.production.deess import deess
from topline.production.envelope import frames_to_samples
from topline.production.master import limit
from topline.production.mix import duck_gain

SR = 44100


def test_frames_to_samples_matches_linear_interpolation():
    rng = np.random.default_rng(0)
    v = rng.random(50)
    got = frames_to_samples(v, hop=16, n=790)
    want = np.interp(np.arange(790), np.arange(50) * 16 + 7.5, v)
    assert got.dtype == np.float32 and got.shape == (790,)
    assert np.max(np.abs(got - want)) < 1e-6
    with pytest.raises(ValueError):
        frames_to_samples(v, hop=16, n=801)


def test_deess_cuts_sibilance_and_leaves_a_vowel_alone():
    t = np.arange(SR) / SR
    vowel = (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    assert np.max(np.abs(deess(vowel, sr=SR) - vowel)) < 1e-4
    hiss = np.random.default_rng(1).standard_normal(SR).astype(np.float32)
    from scipy import signal

    ess = signal.sosfilt(signal.butter(4, 7000, "highpass", fs=SR, output="sos"), hiss).astype(np.float32) * 0.3
    x = vowel.copy()
    x[SR // 2 : SR // 2 + 4410] += ess[:4410]  # a 100 ms "s"
    y = deess(x, sr=SR)
    seg = slice(SR // 2 + 1000, SR // 2 + 3400)
    cut_db = 20 * np.log10(np.sqrt(np.mean((y[seg] - vowel[seg]) ** 2)) / np.sqrt(np.mean(ess[1000:3400] ** 2)))
    assert -10.0 <= cut_db <= -3.0


def test_duck_gain_is_gentle_and_follows_the_voice():
    voice = np.zeros(SR * 6, np.float32)
    voice[2 * SR : 4 * SR] = 0.3 * np.sin(2 * np.pi * 300 * np.arange(2 * SR) / SR)
    g = duck_gain(voice, sr=SR, depth_db=2.5)
    assert g.shape == voice.shape and g.dtype == np.float32
    assert g.min() >= 10 ** (-2.5 / 20) - 1e-6 and g.max() <= 1.0 + 1e-6
    assert g[3 * SR] == pytest.approx(10 ** (-2.5 / 20), abs=0.01)
    assert g[SR // 2] == pytest.approx(1.0, abs=1e-3) and g[-SR // 2] == pytest.approx(1.0, abs=1e-3)
    assert np.array_equal(duck_gain(np.zeros(SR, np.float32), sr=SR), np.ones(SR, np.float32))


def test_limiter_rides_the_gain_rather_than_clipping():
    # The gain curve alone keeps every sample under the ceiling (the clip only trims ulps).
    rng = np.random.default_rng(3)
    y = (rng.standard_normal((2, SR * 2)) * 0.6).astype(np.float32)
    y[:, 5000] = 4.0
    out = limit(y, sr=SR, ceiling_db=-3.0)
    ceiling = 10 ** (-3 / 20)
    # Samples at the ceiling are only those that needed the most reduction, not a flat-topped run.
    assert np.sum(np.abs(np.abs(out) - ceiling) < 1e-6) < 200
    assert np.max(np.abs(out)) <= ceiling + 1e-7
