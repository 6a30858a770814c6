import numpy as np
import pyloudnorm as pyln
import pytest
from scipy import signal

from topline.errors import ProductionError
from topline.production import Production, produce

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
    assert balance == pytest.approx(-1.0, abs=0.5)


def test_instrumental_ducks_gently_under_the_voice(prod, inputs):
    inst = inputs[0]
    ratio = prod.instrumental_stem[0] / inst[0]
    ok = np.abs(inst[0]) > 1e-3
    ratio = ratio[ok]
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
