import numpy as np
import pyloudnorm as pyln
import pytest
from scipy import signal

from topline.errors import ProductionError
from topline.production import Production, produce, record

from . import signals as S

SECONDS = 12


@pytest.fixture(scope="module")
def inputs():
    inst = S.instrumental(SECONDS)
    sc = S.score(SECONDS, chorus_from=6.0)
    return inst, sc, S.vocal(sc, length=inst.shape[1])


@pytest.fixture(scope="module")
def prod(inputs):
    inst, sc, voc = inputs
    return produce(inst, voc, sr=S.SR, score=sc, controls=S.controls("pop"))


def _lufs(y):
    return pyln.Meter(S.SR).integrated_loudness(y.T)


def _tp(y):
    return float(20 * np.log10(np.max(np.abs(signal.resample_poly(y, 4, 1, axis=-1)))))


def test_shapes_and_types(prod, inputs):
    n = inputs[0].shape[1]
    assert isinstance(prod, Production) and prod.sr == S.SR
    for a in (prod.mix, prod.premaster, prod.vocal_stem, prod.instrumental_stem):
        assert a.shape == (2, n) and a.dtype == np.float32 and np.all(np.isfinite(a))


def test_mix_loudness_and_true_peak(prod):
    assert _lufs(prod.mix) == pytest.approx(-14.0, abs=0.5)
    assert _tp(prod.mix) <= -1.0


def test_stems_sum_to_premaster(prod):
    assert np.max(np.abs(prod.vocal_stem + prod.instrumental_stem - prod.premaster)) <= 1e-3
    assert np.max(np.abs(prod.premaster)) <= 10 ** (-1 / 20) + 1e-6  # stems stay in range


def test_vocal_balance(prod):
    balance = _lufs(prod.vocal_stem) - _lufs(prod.instrumental_stem)
    assert -3.0 <= balance <= 3.0
    # the voice sits forward, as set (+2 LU), and this instrumental still buries its presence
    # bands after the dip (shortfall over 1 dB): it rises by the most allowed, to +3 LU
    assert balance == pytest.approx(2.0 + record.BALANCE_RAISE_LU, abs=0.1)


def test_vocal_balance_rises_only_by_the_shortfall_left_after_the_dip(inputs, monkeypatch):
    inst, sc, voc = inputs
    monkeypatch.setattr(record, "BALANCE_RAISE_LU", 0.0)  # no raise: the balance as set
    p = produce(inst, voc, sr=S.SR, score=sc, controls=S.controls("pop"))
    assert _lufs(p.vocal_stem) - _lufs(p.instrumental_stem) == pytest.approx(2.0, abs=0.1)
    # an instrumental with nothing above 150 Hz leaves the voice's bands clear: no raise
    monkeypatch.setattr(record, "BALANCE_RAISE_LU", 1.0)
    low = signal.sosfiltfilt(signal.butter(8, 150.0, fs=S.SR, output="sos"), inst, axis=-1).astype(np.float32)
    p = produce(low, voc, sr=S.SR, score=sc, controls=S.controls("pop"))
    assert _lufs(p.vocal_stem) - _lufs(p.instrumental_stem) == pytest.approx(2.0, abs=0.1)


def test_instrumental_ducks_gently_under_the_voice(prod, inputs):
    # Below the dipped bands (250 Hz up, dipped where they mask the voice) the instrumental only
    # rides the gentle duck: 1-3 dB between sung and unsung frames.
    sos = signal.butter(4, 150, "lowpass", fs=S.SR, output="sos")
    inst, stem = (signal.sosfiltfilt(sos, x[0]) for x in (inputs[0], prod.instrumental_stem))
    hop = S.SR // 20
    m = inst.size // hop
    ratio = np.sqrt(np.mean(stem[: m * hop].reshape(m, hop) ** 2, axis=1)
                    / np.mean(inst[: m * hop].reshape(m, hop) ** 2, axis=1))
    depth_db = 20 * np.log10(ratio.max() / ratio.min())
    assert 1.0 <= depth_db <= 3.0


def test_mono_instrumental_and_vocal_length_mismatch(inputs):
    inst, sc, voc = inputs
    mono = inst[:1, : S.SR * 8]
    for v in (voc[: S.SR * 5], np.pad(voc, (0, S.SR))):  # shorter and longer than the instrumental
        p = produce(mono, v, sr=S.SR, score=sc, controls=S.controls("jazz"))
        assert p.mix.shape == (2, mono.shape[1])
        assert np.array_equal(p.instrumental_stem[0], p.instrumental_stem[1])
        assert _lufs(p.mix) == pytest.approx(-14.0, abs=0.5)
        assert _tp(p.mix) <= -1.0
        assert np.max(np.abs(p.vocal_stem + p.instrumental_stem - p.premaster)) <= 1e-3


def test_deterministic(inputs, prod):
    inst, sc, voc = inputs
    again = produce(inst, voc, sr=S.SR, score=sc, controls=S.controls("pop"))
    for a, b in ((prod.mix, again.mix), (prod.vocal_stem, again.vocal_stem), (prod.premaster, again.premaster)):
        assert a.tobytes() == b.tobytes()


def test_float64_input_accepted(inputs):
    inst, sc, voc = inputs
    p = produce(inst[:, : S.SR * 6].astype(np.float64), voc.astype(np.float64), sr=S.SR, score=sc,
                controls=S.controls("rock"))
    assert p.mix.dtype == np.float32


@pytest.mark.parametrize(
    "inst_shape, vocal, message",
    [
        ((2, S.SR * 6), np.zeros(0, np.float32), "non-empty"),
        ((2, S.SR * 6), np.zeros(S.SR, np.float32), "silent"),
        ((2, S.SR * 6), np.ones((2, S.SR), np.float32), "mono"),
        ((3, S.SR * 6), np.ones(S.SR, np.float32), "1 or 2 channels"),
        ((S.SR * 6,), np.ones(S.SR, np.float32), "channels, samples"),
        ((2, 0), np.ones(S.SR, np.float32), "channels, samples"),
    ],
)
def test_bad_input_raises(inputs, inst_shape, vocal, message):
    inst = np.full(inst_shape, 0.1, np.float32)
    with pytest.raises(ProductionError, match=message):
        produce(inst, vocal, sr=S.SR, score=inputs[1], controls=S.controls())


def test_nan_raises(inputs):
    inst, sc, voc = inputs
    bad = voc.copy()
    bad[100] = np.nan
    with pytest.raises(ProductionError, match="vocal contains NaN"):
        produce(inst, bad, sr=S.SR, score=sc, controls=S.controls())
    bad_inst = inst.copy()
    bad_inst[1, 5] = np.inf
    with pytest.raises(ProductionError, match="instrumental contains NaN"):
        produce(bad_inst, voc, sr=S.SR, score=sc, controls=S.controls())


def test_silent_instrumental_still_mastered(inputs):
    _, sc, voc = inputs
    inst = np.zeros((2, S.SR * 8), np.float32)
    p = produce(inst, voc, sr=S.SR, score=sc, controls=S.controls("pop"))
    assert np.array_equal(p.instrumental_stem, inst)
    assert _lufs(p.mix) == pytest.approx(-14.0, abs=0.5)
    assert _tp(p.mix) <= -1.0


def test_instrumental_presence_band_dips_where_it_masks_the_voice(inputs):
    inst, sc, voc = inputs
    t = np.arange(inst.shape[1]) / S.SR
    masking = inst + (0.8 * np.sin(2 * np.pi * 2000 * t)).astype(np.float32)  # loud in the voice's band
    voc = voc.copy()
    voc[: 3 * S.SR] = 0.0  # nothing sung in the first 3 s
    prod = produce(masking, voc, sr=S.SR, score=sc, controls=S.controls("pop"))

    def change_db(f, seg):
        tt = t[seg]
        a = [np.abs(np.mean(x[0, seg] * np.exp(-2j * np.pi * f * tt))) for x in (prod.instrumental_stem, masking)]
        return 20 * np.log10(a[0] / a[1])

    unsung, sung = slice(S.SR, 2 * S.SR), slice(9 * S.SR, 10 * S.SR)
    # unsung: one gain for the whole instrumental (the stems' level), no dip
    assert change_db(2000, unsung) == pytest.approx(change_db(130.81, unsung), abs=0.05)
    # sung: the whole instrumental ducks 2.5 dB, and the band that buries the voice dips further
    # (by what the voice lacks to stand 3 dB over it there, at most 6 dB) ...
    assert change_db(130.81, sung) - change_db(130.81, unsung) == pytest.approx(-2.5, abs=0.1)
    note = slice(int(9.3 * S.SR), int(9.6 * S.SR))  # inside the note sung 9.25-9.65 s
    assert -6.05 <= change_db(2000, note) - change_db(130.81, sung) <= -3.0
    # ... and starts to let go in the 0.1 s between notes
    assert change_db(2000, note) < change_db(2000, sung)


def test_voice_is_ridden_up_where_the_instrumental_gets_denser(inputs, monkeypatch):
    from topline.production import record

    inst, sc, voc = inputs
    dense = inst.copy()
    dense[:, 3 * S.SR : 6 * S.SR] *= np.float32(10 ** (8 / 20))  # a stretch 8 dB louder

    def standing_db(p):
        """The vocal stem's level in the dense stretch over its level before it (verse only)."""
        a, b = p.vocal_stem[0, int(3.8 * S.SR) : int(5.2 * S.SR)], p.vocal_stem[0, int(0.5 * S.SR) : int(2.5 * S.SR)]
        return 10 * np.log10(np.mean(a * a) / np.mean(b * b))

    ridden = produce(dense, voc, sr=S.SR, score=sc, controls=S.controls("pop"))
    monkeypatch.setattr(record, "RIDE_DB", (0.0, 0.0))
    plain = produce(dense, voc, sr=S.SR, score=sc, controls=S.controls("pop"))
    # raised there by the most the rider allows (4 dB), where the instrumental stands 8 dB higher
    assert standing_db(ridden) - standing_db(plain) == pytest.approx(4.0, abs=0.3)
    assert np.max(np.abs(ridden.vocal_stem + ridden.instrumental_stem - ridden.premaster)) <= 1e-6
