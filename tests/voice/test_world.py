"""WORLD helpers: the pyworld loader, envelope warp, resynthesis at a new pitch."""

from __future__ import annotations

import numpy as np

from topline.voice import world


def test_pyworld_loads():
    pw = world.pyworld()
    assert callable(pw.dio) and callable(pw.synthesize)


def test_warp_moves_a_formant_up():
    bins = np.arange(513)
    sp = np.exp(-0.5 * ((bins - 100) / 10.0) ** 2)[None, :] + 1e-6
    warped = world.warp_envelope(sp, 1.2)
    assert abs(int(np.argmax(warped[0])) - 120) <= 1
    assert world.warp_envelope(sp, 1.0) is sp


def test_resynthesis_imposes_the_new_pitch():
    sr = 22050
    t = np.arange(int(0.8 * sr)) / sr
    # a buzzy vowel-like tone at 110 Hz
    y = sum(np.sin(2 * np.pi * 110 * k * t) / k for k in range(1, 30)).astype(np.float32) * 0.2
    frames = int(0.8 * 1000 / world.FRAME_PERIOD_MS) + 1
    target = np.full(frames, 196.0)
    out = world.resynthesize(y, sr=sr, f0_hz=target, voiced=np.ones(frames, bool), gain=np.ones(frames))
    assert out.size == y.size and out.dtype == np.float32
    pw = world.pyworld()
    f0, _ = pw.harvest(out.astype(np.float64), sr, f0_floor=60.0, f0_ceil=500.0)
    assert abs(1200 * np.log2(np.median(f0[f0 > 0][20:-20]) / 196.0)) < 20


def test_reduce_bins_halves_a_smooth_envelope():
    bins = np.arange(513)
    sp = np.exp(-0.5 * ((bins - 200) / 20.0) ** 2)[None, :] + 1e-3
    half = world.reduce_bins(sp, 512)
    assert half.shape == (1, 257)
    assert int(np.argmax(half[0])) == 100
    np.testing.assert_allclose(half[0], sp[0, ::2], rtol=1e-2)
    assert world.reduce_bins(sp, 1024) is sp


def test_reduce_bins_rejects_a_size_it_cannot_reach():
    import pytest

    from topline.errors import VoiceError

    with pytest.raises(VoiceError, match="Cannot reduce"):
        world.reduce_bins(np.ones((2, 513)), 384)


def test_prepare_then_render_is_resynthesize_and_read_only():
    sr = 22050
    t = np.arange(int(0.5 * sr)) / sr
    y = sum(np.sin(2 * np.pi * 120 * k * t) / k for k in range(1, 20)).astype(np.float32) * 0.2
    frames = int(0.5 * 1000 / world.FRAME_PERIOD_MS) + 1
    f0, ones = np.full(frames, 220.0), np.ones(frames)
    speech = world.prepare(y, sr=sr, voiced=ones)
    assert speech.sp.dtype == np.float32 and speech.sp.shape[1] == world.SYNTH_FFT_SIZE // 2 + 1
    assert not speech.sp.flags.writeable and not speech.ap.flags.writeable and not speech.f0.flags.writeable
    assert speech.nbytes == speech.f0.nbytes + speech.sp.nbytes + speech.ap.nbytes and speech.n_samples == y.size
    a = world.render(speech, sr=sr, f0_hz=f0, voiced=ones.astype(bool), gain=ones, warp=1.17, breathiness=0.3)
    b = world.resynthesize(y, sr=sr, f0_hz=f0, voiced=ones.astype(bool), gain=ones, warp=1.17, breathiness=0.3)
    assert np.array_equal(a, b)


def _noise_analysis(sr: int, seconds: float) -> world.SpeechAnalysis:
    """An analysed stretch of voiceless noise: flat envelope, aperiodic everywhere, no F0."""
    n = int(seconds * 1000 / world.FRAME_PERIOD_MS) + 1
    bins = world.SYNTH_FFT_SIZE // 2 + 1
    return world.SpeechAnalysis(f0=np.zeros(n), sp=np.full((n, bins), 1e-4, np.float32),
                                ap=np.ones((n, bins), np.float32), n_samples=int(seconds * sr))  # fmt: skip


def _harmonic_contrast_db(y: np.ndarray, sr: int, f0: float) -> float:
    """Level at f0 and its 2nd harmonic over the level midway between them (dB)."""
    spec = np.abs(np.fft.rfft(y * np.hanning(y.size))) ** 2
    f = np.fft.rfftfreq(y.size, 1 / sr)
    at = lambda hz: spec[np.abs(f - hz) < 8].sum()  # noqa: E731
    return float(10 * np.log10((at(f0) + at(2 * f0)) / (at(1.5 * f0) + at(2.5 * f0))))


def test_leak_voices_the_low_band_of_voiceless_frames_at_the_given_pitch():
    sr = 24000
    speech = _noise_analysis(sr, 0.6)
    n = speech.f0.size
    kw = dict(sr=sr, f0_hz=np.full(n, 200.0), voiced=np.zeros(n, bool), gain=np.ones(n))
    plain = world.render(speech, **kw)
    leaky = world.render(speech, leak=np.full(n, 0.9), **kw)
    mid = slice(int(0.1 * sr), int(0.5 * sr))
    assert _harmonic_contrast_db(plain[mid], sr, 200.0) < 3.0  # noise: no harmonics
    assert _harmonic_contrast_db(leaky[mid], sr, 200.0) > 15.0  # a voice bar at 200 Hz
    # above the leak band the frames stay noise, as loud as before
    spec = lambda y: np.abs(np.fft.rfft(y[mid])) ** 2  # noqa: E731
    f = np.fft.rfftfreq(mid.stop - mid.start, 1 / sr)
    high = f > world.LEAK_BAND_HZ[1]
    ratio = spec(leaky)[high].sum() / spec(plain)[high].sum()
    assert 0.7 < ratio < 1.4


def test_leak_gives_voiced_frames_a_voice_bar_and_leaves_them_voiced():
    sr = 24000
    noise = _noise_analysis(sr, 0.6)
    n = noise.f0.size
    # voiced at 200 Hz, but as aperiodic as noise (a fricative the analysis heard voiced)
    speech = world.SpeechAnalysis(f0=np.full(n, 200.0), sp=noise.sp, ap=noise.ap, n_samples=noise.n_samples)
    kw = dict(sr=sr, f0_hz=np.full(n, 200.0), voiced=np.ones(n, bool), gain=np.ones(n))
    plain = world.render(speech, **kw)
    barred = world.render(speech, leak=np.full(n, 0.9), **kw)
    mid = slice(int(0.1 * sr), int(0.5 * sr))
    assert _harmonic_contrast_db(plain[mid], sr, 200.0) < 3.0
    assert _harmonic_contrast_db(barred[mid], sr, 200.0) > 15.0


def test_leak_leaves_voiced_frames_and_zero_leak_alone():
    sr = 24000
    speech = _noise_analysis(sr, 0.3)
    n = speech.f0.size
    kw = dict(sr=sr, f0_hz=np.full(n, 200.0), voiced=np.zeros(n, bool), gain=np.ones(n))
    assert np.array_equal(world.render(speech, **kw), world.render(speech, leak=np.zeros(n), **kw))
