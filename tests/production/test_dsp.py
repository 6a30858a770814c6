import numpy as np
import pytest

from topline.production.deess import deess
from topline.production.envelope import frames_to_samples
from topline.production.master import limit
from topline.production.mix import Dip, duck_gain, presence_dip, ride_db, shortfall_lu

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


def _tone(f, seconds, amp):
    return (amp * np.sin(2 * np.pi * f * np.arange(int(seconds * SR)) / SR)).astype(np.float32)


def _amp(x, f, seg):
    """Amplitude of the ``f`` Hz component of ``x[seg]`` (a whole number of cycles long)."""
    t = np.arange(x.size)[seg] / SR
    return float(2 * np.abs(np.mean(x[seg] * np.exp(-2j * np.pi * f * t))))


def test_presence_dip_cuts_the_masking_band_only_while_the_voice_sings():
    low, mid = _tone(200, 6, 0.3), _tone(2000, 6, 0.3)
    inst = np.stack([low + mid, low + mid])
    voice = np.zeros(6 * SR, np.float32)
    voice[2 * SR : 4 * SR] = _tone(2000, 2, 0.03)  # 20 dB under the instrumental in its own band
    out, cut, _, _ = presence_dip(inst, voice, sr=SR, bands=((1000.0, 4000.0, 6.0),), target_db=3.0)
    assert out.shape == inst.shape and out.dtype == np.float32
    assert cut.shape == (1, -(-6 * SR // 512)) and cut.min() >= 0.0 and cut.max() == pytest.approx(6.0, abs=1e-6)
    mid_seg = slice(int(2.5 * SR), int(3.5 * SR))
    # the masking 2 kHz component is cut by the most allowed (6 dB) while the voice sings ...
    assert _amp(out[0], 2000, mid_seg) == pytest.approx(0.3 * 10 ** (-6 / 20), rel=0.01)
    # ... the 200 Hz one, outside the band, is left as it was
    assert _amp(out[0], 200, mid_seg) == pytest.approx(0.3, rel=0.005)
    # and where the voice is silent (well away from it) the instrumental is untouched, exactly
    assert np.array_equal(out[:, : SR // 2], inst[:, : SR // 2])
    assert np.array_equal(out[:, -SR // 2 :], inst[:, -SR // 2 :])


def test_presence_dip_leaves_a_voice_that_already_stands_out_and_never_boosts():
    freqs = (500, 2000, 6000)
    inst = np.stack([sum(_tone(f, 4, 0.1) for f in freqs)] * 2)
    loud = _tone(2000, 4, 0.3)  # 9.5 dB over the instrumental's 2 kHz: above the 3 dB target
    out, cut, _, _ = presence_dip(inst, loud, sr=SR, bands=((1000.0, 4000.0, 6.0),), target_db=3.0)
    assert np.all(cut[:, 20:-20] < 1e-3) and np.max(np.abs(out - inst)) < 1e-3
    quiet = _tone(2000, 4, 0.01)
    out, _, _, _ = presence_dip(inst, quiet, sr=SR, bands=((1000.0, 4000.0, 6.0),), target_db=3.0)
    seg = slice(SR, 3 * SR)
    gains = [_amp(out[1], f, seg) / _amp(inst[1], f, seg) for f in freqs]
    assert all(g <= 1.0 + 1e-3 for g in gains)
    assert gains[1] == pytest.approx(0.5, abs=0.01) and min(gains) == gains[1]
    silent, cut, _, _ = presence_dip(inst, np.zeros(4 * SR, np.float32), sr=SR)
    assert np.array_equal(silent, inst) and not np.any(cut)


def test_presence_dip_scales_its_cut_by_how_much_the_voice_sounds_in_the_band():
    inst = np.stack([_tone(2000, 4, 0.3)] * 2)
    voice = _tone(2000, 4, 0.03)  # 20 dB under the instrumental: the full 6 dB cut is wanted throughout
    voice[2 * SR :] *= np.float32(0.1)  # the second half 20 dB under the first (the loud frames)
    band = ((1000.0, 4000.0, 6.0),)
    loud, quiet = slice(int(0.5 * SR / 512), int(1.5 * SR / 512)), slice(int(2.5 * SR / 512), int(3.5 * SR / 512))
    _, cut, _, _ = presence_dip(inst, voice, sr=SR, bands=band, target_db=3.0)
    # by default the voice sounds fully from 10 dB under its loud frames and not at all from 30 dB
    # under: 20 dB under is half way, half the cut
    assert np.allclose(cut[0, loud], 6.0, atol=1e-3) and np.allclose(cut[0, quiet], 3.0, atol=1e-3)
    _, cut, _, _ = presence_dip(inst, voice, sr=SR, bands=band, target_db=3.0, active_db=(45.0, 25.0))
    assert np.allclose(cut[0, quiet], 6.0, atol=1e-3)
    _, cut, _, _ = presence_dip(inst, voice, sr=SR, bands=band, target_db=3.0, active_db=(25.0, 5.0))
    assert np.allclose(cut[0, quiet], 1.5, atol=1e-3) and np.allclose(cut[0, loud], 6.0, atol=1e-3)


def test_ride_raises_the_vocal_where_the_instrumental_buries_it_and_only_while_it_sings():
    ev = np.ones(50)
    ev[40:] = 0.0  # the voice rests in the last 10 hops
    ei = np.full(50, 0.1)  # the voice 10 dB over the instrumental: most of the song
    ei[:5] = 0.01  # 20 dB over: lowered, by at most 2 dB
    ei[30:40] = 1.0  # 0 dB over: raised, by at most 4 dB
    r = ride_db(ev, ei, up_db=4.0, down_db=2.0, window=1, smooth=0)
    assert r.shape == (50,)
    assert np.array_equal(r[:5], np.full(5, -2.0)) and np.array_equal(r[5:30], np.zeros(25))
    assert np.array_equal(r[30:40], np.full(10, 4.0)) and np.array_equal(r[40:], np.zeros(10))
    ei[30:40] = 0.1 * 10 ** (-3 / 10)  # 13 dB over: 3 dB further than most, within the range
    assert np.allclose(ride_db(ev, ei, up_db=4.0, down_db=5.0, window=1, smooth=0)[30:40], -3.0)
    # smoothed, the ride stays in its range and moves gradually into the buried stretch
    ei[30:40] = 1.0
    rs = ride_db(ev, ei, up_db=4.0, down_db=2.0, window=1, smooth=2)
    assert rs.min() >= -2.0 and rs.max() <= 4.0 and np.all(np.diff(rs[26:35]) > 0)
    assert not np.any(ride_db(np.zeros(50), ei, up_db=4.0, down_db=2.0))
    # a phrase's decay, 20 dB under the sung hops, is not swelled (by default only hops within
    # 15 dB of the loud ones are sung), unless the rider is told to count it as sung
    ev[40:45] = 0.01
    assert np.array_equal(ride_db(ev, ei, up_db=4.0, down_db=2.0, window=1, smooth=0)[40:], np.zeros(10))
    assert np.array_equal(ride_db(ev, ei, up_db=4.0, down_db=2.0, window=1, smooth=0, active_db=30.0)[40:45],
                          np.full(5, 4.0))


def test_presence_dip_cuts_each_band_by_its_own_masking():
    inst = np.stack([_tone(500, 4, 0.3) + _tone(2000, 4, 0.3) + _tone(6000, 4, 0.3)] * 2)
    # in 1-4 kHz the voice is 20 dB under the instrumental (the full 6 dB cut); in 4-8 kHz 1 dB
    # over it, so it lacks 2 dB of the 3 dB target there
    voice = _tone(2000, 4, 0.03) + _tone(6000, 4, 0.3 * 10 ** (1 / 20))
    bands = ((1000.0, 4000.0, 6.0), (4000.0, 8000.0, 6.0))
    out, cut, _, _ = presence_dip(inst, voice, sr=SR, bands=bands, target_db=3.0)
    assert cut.shape == (2, -(-4 * SR // 512))
    mid = slice(int(1.5 * SR / 512), int(2.5 * SR / 512))
    assert np.allclose(cut[0, mid], 6.0, atol=1e-3)
    assert np.allclose(cut[1, mid], 2.0, atol=0.01)
    seg = slice(int(1.5 * SR), int(2.5 * SR))
    db = [20 * np.log10(_amp(out[0], f, seg) / 0.3) for f in (500, 2000, 6000)]
    # each tone is cut by its own band (the bells' skirts take a little more: 0.1 dB at 500 Hz,
    # 0.4 dB at 6 kHz from the 1-4 kHz bell)
    assert db[0] == pytest.approx(-0.1, abs=0.05)
    assert db[1] == pytest.approx(-6.0, abs=0.1)
    assert db[2] == pytest.approx(-2.4, abs=0.1)


def test_presence_dip_reports_what_the_voice_still_lacks_after_the_cut():
    inst = np.stack([_tone(2000, 4, 0.3)] * 2)
    # 20 dB under the instrumental: the 6 dB cut leaves it 3 + 20 - 6 = 17 dB short of the target
    voice = _tone(2000, 4, 0.03)
    voice[: 2 * SR] = 0.0  # silent in the first half: it sounds nowhere there and lacks nothing
    dip = presence_dip(inst, voice, sr=SR, bands=((1000.0, 4000.0, 6.0),), target_db=3.0)
    sung, early = slice(int(2.5 * SR / 512), int(3.5 * SR / 512)), slice(0, int(1.5 * SR / 512))
    assert dip.shortfall_db.shape == dip.sounding.shape == dip.cut_db.shape == (1, -(-4 * SR // 512))
    assert np.allclose(dip.shortfall_db[0, sung], 17.0, atol=0.01) and np.allclose(dip.sounding[0, sung], 1.0)
    assert not np.any(dip.shortfall_db[0, early]) and not np.any(dip.sounding[0, early])
    assert shortfall_lu(dip) == pytest.approx(17.0, abs=0.2)  # the sounding frames' mean
    # a voice 1 dB over the instrumental needs a 2 dB cut, which leaves nothing short
    dip = presence_dip(inst, _tone(2000, 4, 0.3 * 10 ** (1 / 20)), sr=SR, bands=((1000.0, 4000.0, 6.0),), target_db=3.0)
    assert np.allclose(dip.cut_db[0, sung], 2.0, atol=0.01) and np.allclose(dip.shortfall_db[0, sung], 0.0, atol=0.01)
    assert shortfall_lu(presence_dip(inst, np.zeros(4 * SR, np.float32), sr=SR)) == 0.0


def test_shortfall_is_weighted_by_how_much_the_voice_sounds_and_averaged_over_its_bands():
    short = np.array([[4, 4, 0, 0], [1, 1, 1, 1], [9, 9, 9, 9]], dtype=np.float32)
    sounding = np.array([[1, 1, 0.5, 0], [1, 1, 1, 1], [0, 0, 0, 0]], dtype=np.float32)
    dip = Dip(np.zeros((2, 2048), np.float32), np.zeros_like(short), short, sounding)
    # band 0: (4 + 4) / 2.5 = 3.2; band 1: 1; band 2: the voice never sounds there, left out
    assert shortfall_lu(dip) == pytest.approx((3.2 + 1.0) / 2)
