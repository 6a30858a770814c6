import numpy as np
import pytest

from topline.production.backing import chorus_mask, pitch_shift, third_above
from topline.production.record import vocal_bus

from . import signals as S

SECONDS = 8
CHORUS_AT = 4.0
# Reverb and delay returns are stereo; with them off the lead alone is exactly centred,
# so anything in the side channel (L - R) is a panned double or harmony.
NO_FX = "reverb, echo"


@pytest.fixture(scope="module")
def take():
    sc = S.score(SECONDS, chorus_from=CHORUS_AT)
    return sc, S.vocal(sc, length=SECONDS * S.SR)


def _side(style, negative, take):
    sc, voc = take
    bus, _ = vocal_bus(voc, sr=S.SR, score=sc, controls=S.controls(style, negative))
    side = bus[0] - bus[1]
    cut = int((CHORUS_AT - 0.1) * S.SR)
    return float(np.sqrt(np.mean(side[:cut] ** 2))), float(np.sqrt(np.mean(side[cut:] ** 2))), bus


@pytest.mark.parametrize("style", ["pop", "folk", "hip hop"])  # both, harmony only, doubling only
def test_backing_voices_only_on_chorus_notes(style, take):
    c = S.controls(style)
    assert c.profile.doubling or c.profile.harmony
    verse, chorus, _ = _side(style, NO_FX, take)
    assert verse == 0.0
    assert chorus > 1e-3


@pytest.mark.parametrize("style, negative", [("jazz", NO_FX), ("pop", NO_FX + ", doubling, harmony")])
def test_no_backing_when_style_does_not_ask_or_excluded(style, negative, take):
    verse, chorus, _ = _side(style, negative, take)
    assert verse == 0.0 and chorus == 0.0


def test_excluding_doubling_keeps_harmony(take):
    _, with_both, _ = _side("pop", NO_FX, take)
    _, harmony_only, _ = _side("pop", NO_FX + ", doubling", take)
    assert 0.0 < harmony_only < with_both


def test_no_chorus_no_backing():
    sc = S.score(SECONDS, chorus_from=None)
    voc = S.vocal(sc, length=SECONDS * S.SR)
    bus, _ = vocal_bus(voc, sr=S.SR, score=sc, controls=S.controls("pop", NO_FX))
    assert np.array_equal(bus[0], bus[1])


def test_reverb_excluded_and_present(take):
    sc, voc = take
    dry, _ = vocal_bus(voc, sr=S.SR, score=sc, controls=S.controls("jazz", NO_FX))
    wet, _ = vocal_bus(voc, sr=S.SR, score=sc, controls=S.controls("jazz"))
    # Between the last note and the end only effect tails sound.
    tail = slice(int((sc.notes[-1].end + 0.15) * S.SR), None)
    assert np.max(np.abs(dry[:, tail])) < 1e-3
    assert np.max(np.abs(wet[:, tail])) > 1e-3


def test_chorus_mask():
    sc = S.score(SECONDS, chorus_from=CHORUS_AT)
    m = chorus_mask(sc, n=SECONDS * S.SR, sr=S.SR)
    first = next(nt for nt in sc.notes if nt.section == "chorus")
    assert m.dtype == np.float32 and 0.0 <= m.min() and m.max() <= 1.0 + 1e-6
    assert np.all(m[: int((first.start - 0.1) * S.SR)] == 0.0)
    assert np.allclose(m[int((first.start + 0.1) * S.SR) : int(sc.notes[-1].end * S.SR)], 1.0, atol=1e-5)
    assert not chorus_mask(S.score(SECONDS), n=SECONDS * S.SR, sr=S.SR).any()


@pytest.mark.parametrize(
    "midi, key, interval",
    [(60, "C major", 4), (62, "C major", 3), (64, "C major", 3), (67, "C major", 4), (71, "C major", 3),
     (69, "A minor", 3), (72, "A minor", 4), (66, "D major", 3), (61, "A major", 3)],
)  # fmt: skip
def test_third_above_is_diatonic(midi, key, interval):
    assert third_above(midi, key) == interval


def test_pitch_shift_moves_a_tone_up_a_major_third():
    sr = S.SR
    t = np.arange(sr) / sr
    x = np.sin(2 * np.pi * 440 * t).astype(np.float32)
    y = pitch_shift(x, np.full(x.size, 4.0), sr=sr)
    spec = np.abs(np.fft.rfft(y[sr // 4 :] * np.hanning(y.size - sr // 4)))
    f = np.fft.rfftfreq(y.size - sr // 4, 1 / sr)[np.argmax(spec)]
    assert f == pytest.approx(440 * 2 ** (4 / 12), abs=3.0)


def test_backing_voices_are_high_passed_under_the_lead_register():
    from topline.production.record import BACKING_HIGHPASS, backing_highpass_hz, backing_source

    sc = S.score(SECONDS, chorus_from=CHORUS_AT)  # chorus notes cycle C4 D4 E4 G4
    hz = np.median([440 * 2 ** ((nt.midi - 69) / 12) for nt in sc.notes if nt.section == "chorus"])
    assert BACKING_HIGHPASS == 2.0
    assert backing_highpass_hz(sc) == pytest.approx(2.0 * hz, rel=1e-9)
    assert backing_highpass_hz(S.score(SECONDS)) == 0.0  # no chorus: nothing to sing behind the lead

    fc = 300.0
    t = np.arange(2 * S.SR) / S.SR
    seg = slice(S.SR // 2, 3 * S.SR // 2)

    def gain_db(f, highpass_hz):
        x = (0.2 * np.sin(2 * np.pi * f * t)).astype(np.float32)
        out = backing_source(x, sr=S.SR, highpass_hz=highpass_hz)
        return 20 * np.log10(np.sqrt(np.mean(out[seg] ** 2)) / np.sqrt(np.mean(x[seg] ** 2)))

    # A harmony's fundamental a major third over a note an octave under the corner: a 2nd-order
    # Butterworth run both ways, |H|^2 = r^4 / (1 + r^4) at r = 0.625: 17.6 dB down.
    assert gain_db(0.625 * fc, fc) == pytest.approx(20 * np.log10(0.625**4 / (1 + 0.625**4)), abs=0.1)
    assert gain_db(0.625 * fc, fc) == pytest.approx(-17.6, abs=0.1)
    assert gain_db(6000.0, fc) == pytest.approx(gain_db(6000.0, 0.0), abs=0.01)  # the top as it was
    assert gain_db(0.625 * fc, 0.0) == pytest.approx(0.0, abs=0.1)  # no high pass asked: the body stays
