"""The backing voices' stem: a part of the vocal stem, and the vocal stem itself unchanged by it."""

import numpy as np
import pytest

from topline.production import produce
from topline.production import chain
from topline.production.chain import reverb_return, reverb_returns, reverb_send
from topline.production.record import vocal_bus, vocal_bus_parts

from . import signals as S

SECONDS = 12


def _inputs():
    inst = S.instrumental(SECONDS)
    sc = S.score(SECONDS, chorus_from=6.0)
    return inst, sc, S.vocal(sc, length=inst.shape[1])


def test_reverb_shares_add_up_to_the_return():
    rng = np.random.default_rng(3)
    a = (0.1 * rng.standard_normal((2, S.SR * 3))).astype(np.float32)
    b = np.zeros_like(a)
    b[:, S.SR:2 * S.SR] = 0.05 * rng.standard_normal((2, S.SR))
    bus = a + b
    whole, ra, rb = reverb_returns(bus, a, b, sr=S.SR, wet=0.3)
    assert np.array_equal(whole, reverb_return(bus, sr=S.SR, wet=0.3))
    assert np.max(np.abs(ra + rb - whole)) <= 1e-4 * np.max(np.abs(whole))
    assert np.any(rb[:, 2 * S.SR + S.SR // 2:])  # the tail rings on after the part stops
    dry = reverb_returns(bus, b, sr=S.SR, wet=0.0)
    assert all(not np.any(r) for r in dry)


def test_bus_is_the_same_with_or_without_the_parts():
    inst, sc, voc = _inputs()
    ctl = S.controls("pop")
    bus, lead = vocal_bus(voc, sr=S.SR, score=sc, controls=ctl)
    bus2, lead2, backing = vocal_bus_parts(voc, sr=S.SR, score=sc, controls=ctl)
    assert np.array_equal(bus, bus2) and np.array_equal(lead, lead2)
    assert backing is not None and backing.shape == bus.shape


def test_backing_stem_is_part_of_the_vocal_stem():
    inst, sc, voc = _inputs()
    prod = produce(inst, voc, sr=S.SR, score=sc, controls=S.controls("pop"))
    b = prod.backing_stem
    assert b is not None and b.dtype == np.float32 and b.shape == prod.vocal_stem.shape
    # silent before the chorus (6 s, less the fades), sounding in it
    assert not np.any(b[:, : int(5.5 * S.SR)])
    assert np.sqrt(np.mean(b[:, 7 * S.SR:] ** 2)) > 1e-3
    lead = prod.vocal_stem - b
    # the lead stem carries most of the chorus energy, the backing a smaller share
    assert np.mean(lead[:, 7 * S.SR:] ** 2) > np.mean(b[:, 7 * S.SR:] ** 2)
    assert np.max(np.abs(lead + b - prod.vocal_stem)) <= 1e-6


def test_no_backing_stem_without_backing_voices():
    inst, sc, voc = _inputs()
    ctl = S.controls("pop", negative_tags="doubling, harmony")
    assert not ctl.profile.doubling and not ctl.profile.harmony
    prod = produce(inst, voc, sr=S.SR, score=sc, controls=ctl)
    assert prod.backing_stem is None


def test_backing_voices_are_made_from_a_lead_with_its_presence_band_cut():
    from topline.production.record import BACKING_PRESENCE, backing_source

    assert BACKING_PRESENCE == (1000.0, 4000.0, 12.0)
    t = np.arange(2 * S.SR) / S.SR
    tones = {f: (0.2 * np.sin(2 * np.pi * f * t)).astype(np.float32) for f in (200.0, 2000.0)}
    seg = slice(S.SR // 2, 3 * S.SR // 2)  # whole cycles of both, away from the ends

    def gain_db(f):
        out = backing_source(tones[f], sr=S.SR)
        return 20 * np.log10(np.sqrt(np.mean(out[seg] ** 2)) / np.sqrt(np.mean(tones[f][seg] ** 2)))

    assert gain_db(2000.0) == pytest.approx(-12.0, abs=0.1)  # the band's centre: the whole cut
    assert gain_db(200.0) == pytest.approx(0.0, abs=0.1)  # the voice's body is left as it is


def test_effect_returns_duck_under_the_lead_and_ring_out_after_it(monkeypatch):
    import dataclasses

    import topline.production.record as R

    sc = S.score(3.0)  # one phrase of half-second notes, 0.25-2.65 s, then a rest
    voc = S.vocal(sc, length=5 * S.SR)
    ctl = S.controls("jazz")  # reverb and delay, no backing voices
    assert ctl.profile.reverb_wet > 0 and ctl.profile.delay_wet > 0 and not ctl.profile.doubling

    def returns(duck, **only):
        monkeypatch.setattr(R, "RETURN_DUCK", duck)
        c = dataclasses.replace(ctl, profile=dataclasses.replace(ctl.profile, **only))
        bus, lead, backing = vocal_bus_parts(voc, sr=S.SR, score=sc, controls=c)
        assert backing is None
        return bus - lead[None, :]

    duck = R.RETURN_DUCK
    depth, hold, smooth = duck
    assert depth == 9.0 and R.DELAY_DUCK_DB == 18.0
    mid = slice(int(1.0 * S.SR), int(2.0 * S.SR))  # inside the phrase: the whole cut
    tail = slice(int(3.8 * S.SR), None)  # the rest after it, once the duck has let go: the tails as they were
    # the reverb by RETURN_DUCK's depth, the delay (echoes of earlier notes) by DELAY_DUCK_DB
    for only, cut in (({"delay_wet": 0.0}, depth), ({"reverb_wet": 0.0}, R.DELAY_DUCK_DB)):
        off, on = returns((0.0, hold, smooth), **only), returns(duck, **only)
        assert np.sqrt(np.mean(off[:, mid] ** 2)) > 1e-3
        # the whole cut to within 0.2 dB (the smoothed key dips a little between the notes)
        np.testing.assert_allclose(on[:, mid], off[:, mid] * np.float32(10 ** (-cut / 20)), rtol=2.4e-2, atol=1e-7)
        assert np.sqrt(np.mean(off[:, tail] ** 2)) > 2e-5
        np.testing.assert_allclose(on[:, tail], off[:, tail], rtol=1e-4, atol=1e-7)
    both_off, both_on = returns((0.0, hold, smooth)), returns(duck)
    assert np.sqrt(np.mean(both_on[:, mid] ** 2)) < np.sqrt(np.mean(both_off[:, mid] ** 2)) * 10 ** (-depth / 20)


def _tone_db(x: np.ndarray, f: float, sr: int) -> float:
    """Level (dB re a full-scale sine) of ``x``'s component at ``f``, over whole periods."""
    t = np.arange(x.size) / sr
    c = 2.0 * np.mean(x * np.exp(-2j * np.pi * f * t))
    return float(20 * np.log10(abs(c)))


def test_reverb_send_is_the_mid_delayed_and_high_passed_above_the_lead():
    sr = S.SR
    n = sr
    t = np.arange(n) / sr
    low, high = 125.0, 2000.0  # two octaves under the cutoff; two octaves over it
    mid = 0.25 * np.sin(2 * np.pi * low * t) + 0.25 * np.sin(2 * np.pi * high * t)
    side = 0.3 * np.sin(2 * np.pi * 700.0 * t)
    bus = np.stack([mid + side, mid - side]).astype(np.float32)
    send = reverb_send(bus, sr=sr)
    assert send.shape == (1, n) and send.dtype == np.float32
    pre = int(0.025 * sr)
    assert not np.any(send[0, :pre]) and send[0, pre + 1] != 0.0  # the sines start at 0
    steady = send[0, sr // 2:]  # past the filter's settling; 0.5 s holds whole periods of both
    assert _tone_db(steady, 700.0, sr) < -80.0  # the side is not sent
    assert chain.REVERB_HIGHPASS_HZ == 500.0 and chain.REVERB_HIGHPASS_ORDER == 2
    # 2nd-order Butterworth at 500 Hz: 125 Hz down 24.1 dB, 2 kHz down 0.02 dB (the sines at -12 dB)
    assert abs(_tone_db(steady, low, sr) - (-12.04 - 24.10)) < 0.1
    assert abs(_tone_db(steady, high, sr) - (-12.04 - 0.02)) < 0.05
