"""The Kokoro model: joined and checked, its durations and F0 under control."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from topline.errors import VoiceError
from topline.voice import kokoro_model, world
from topline.voice.kokoro_model import FRAME, PAD, SAMPLE_RATE, VOCAB, load_voice
from topline.voice.phonemes import SOUND_LEAD_S
from topline.voice.voices import style_vector

#: "lˈɑːlɑː": "ah" between two l's, at a natural length (Kokoro does not fill much longer
#: tokens: ``sing`` renders canonical lengths and WORLD holds the notes)
TEXT = "lˈɑːlɑː"


def _render(hz: float, held: int = 8, voice: str = "af_heart"):
    ids = [PAD] + [VOCAB[c] for c in TEXT] + [PAD]
    dur = np.array([16, 3, 1, held, 2, 3, held, 2, 6])  # the lead-in Kokoro needs (phonemes.BOS_FRAMES)
    f0 = np.full(2 * dur.sum(), hz, dtype=np.float32)
    y = load_voice().synthesize(ids, dur, f0, style_vector(voice, len(ids) - 2))
    return y, dur


def test_output_length_is_the_durations_and_deterministic():
    y, dur = _render(220.0)
    assert y.dtype == np.float32 and y.size == dur.sum() * FRAME
    z, _ = _render(220.0, held=12)
    assert z.size == (dur.sum() + 8) * FRAME
    assert np.array_equal(y, _render(220.0)[0])


@pytest.mark.parametrize("hz,voice", [(131.0, "am_michael"), (220.0, "af_heart"), (247.0, "bf_emma"), (330.0, "am_fenrir")])
def test_held_vowel_follows_the_given_f0_within_25_cents(hz, voice):
    y, dur = _render(hz, voice=voice)
    pw = world.pyworld()
    f0, t = pw.harvest(y.astype(np.float64), SAMPLE_RATE, f0_floor=60.0, f0_ceil=800.0, frame_period=5.0)
    # the first held vowel, away from its edges (its sound leads its tokens by SOUND_LEAD_S)
    start = dur[:3].sum() * FRAME / SAMPLE_RATE - SOUND_LEAD_S
    sel = (t > start + 0.05) & (t < start + dur[3] * FRAME / SAMPLE_RATE - 0.05) & (f0 > 0)
    assert sel.sum() >= 15
    assert abs(np.median(1200 * np.log2(f0[sel] / hz))) < 25


def test_bad_inputs_raise_voice_error():
    voice = load_voice()
    style = style_vector("af_heart", 3)
    with pytest.raises(VoiceError, match="duration"):
        voice.synthesize([0, 43, 0], [1, 0, 1], np.zeros(4), style)
    with pytest.raises(VoiceError, match="F0"):
        voice.synthesize([0, 43, 0], [1, 2, 1], np.zeros(5), style)
    with pytest.raises(VoiceError, match="phonemes at a time"):
        voice.synthesize(np.full(kokoro_model.MAX_TOKENS + 3, 43), np.ones(kokoro_model.MAX_TOKENS + 3), np.zeros(1), style)


def test_joined_model_checksum_and_a_corrupt_part(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(kokoro_model.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    parts = []
    for k, data in enumerate((b"abc", b"defg")):
        parts.append(tmp_path / f"part{k}.bin")
        parts[-1].write_bytes(data)
    good = hashlib.sha256(b"abcdefg").hexdigest()
    joined = kokoro_model.joined_model(parts, expected_sha256=good)
    assert joined.read_bytes() == b"abcdefg" and joined.parent == tmp_path / "cache" / "topline"
    assert kokoro_model.joined_model([], expected_sha256=good) == joined  # cached: parts not read
    parts[1].write_bytes(b"defh")  # corrupted
    with pytest.raises(VoiceError, match="corrupt"):
        kokoro_model.joined_model(parts, expected_sha256=hashlib.sha256(b"abcdefgh").hexdigest())
    assert not list((tmp_path / "cache" / "topline").glob("*abcdefgh*"))
    # a cached file that no longer matches its checksum is joined again
    joined.write_bytes(b"tampered")
    parts[1].write_bytes(b"defg")
    assert kokoro_model.joined_model(parts, expected_sha256=good).read_bytes() == b"abcdefg"


def test_installed_parts_join_to_the_pinned_model():
    path = kokoro_model.joined_model()
    assert path.stat().st_size == kokoro_model.MODEL_SIZE
    assert kokoro_model.sha256_file(path) == kokoro_model.MODEL_SHA256


def test_patch_rejects_other_models():
    from onnx import TensorProto, helper

    with pytest.raises(VoiceError, match="not a valid ONNX"):
        kokoro_model.patch_model(b"garbage")
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])
    graph = helper.make_graph([helper.make_node("Relu", ["x"], ["y"])], "g", [x], [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])])
    with pytest.raises(VoiceError, match="not a Kokoro export"):
        kokoro_model.patch_model(helper.make_model(graph).SerializeToString())


def test_patched_graph_takes_durations_and_f0():
    inputs = {i.name for i in load_voice().session.get_inputs()}
    assert inputs == {"tokens", "style", "durations", "f0"}


def test_a_damaged_cached_patch_is_made_again(monkeypatch):
    real = kokoro_model._patched_bytes
    calls, inside = [], []

    def cached_or_fresh(path, *, fresh=False, matmul=""):
        if inside:  # the real function's own call: the matmul model is made from the plain one
            return real(path, matmul=matmul)
        calls.append((fresh, matmul))
        if not fresh:
            return b"damaged", "key"  # the damaged file first
        inside.append(True)
        try:  # then the cached good bytes stand in for a new patch (patching takes ~10 s)
            return real(path, matmul=matmul)
        finally:
            inside.clear()

    monkeypatch.setattr(kokoro_model, "_patched_bytes", cached_or_fresh)
    mode = "all" if kokoro_model.integer_matmul_exact() else "pairs"
    for matmul in (False, True):
        calls.clear()
        voice = kokoro_model.load_voice.__wrapped__(1, matmul)
        assert calls == [(False, mode if matmul else ""), (True, mode if matmul else "")]
        assert voice.matmul is matmul
        assert {i.name for i in voice.session.get_inputs()} == {"tokens", "style", "durations", "f0"}


def _conv_integer_model(weights: np.ndarray, *, w_zp: int, opset: int = 17, **attrs):
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [helper.make_node("ConvInteger", ["x", "w", "x_zp", "w_zp"], ["y"], name="conv", **attrs)],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.UINT8, [1, weights.shape[1] * attrs.get("group", 1), None]),
         helper.make_tensor_value_info("x_zp", TensorProto.UINT8, [])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, None)],
        [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(np.array(w_zp, np.uint8), "w_zp")],
    )  # fmt: skip
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


def _run(model, x: np.ndarray, x_zp: int) -> np.ndarray:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    return session.run(None, {"x": x, "x_zp": np.array(x_zp, np.uint8)})[0]


@pytest.mark.parametrize(
    "k,dilation,pads", [(1, 1, (0, 0)), (3, 1, (1, 1)), (7, 3, (9, 9)), (11, 5, (25, 25)), (5, 1, (0, 3))]
)
def test_convs_as_matmul_gives_the_convolutions_int32_sums(k, dilation, pads):
    rng = np.random.default_rng(k)
    # weights within 63 of 128, so that no integer GEMM kernel can saturate: exact on every CPU
    weights = rng.integers(65, 192, (24, 20, k), dtype=np.uint8)
    x = rng.integers(0, 256, (1, 20, 97), dtype=np.uint8)
    model = _conv_integer_model(weights, w_zp=120, kernel_shape=[k], dilations=[dilation], pads=list(pads))
    want = _run(model, x, 131)
    assert kokoro_model.convs_as_matmul(model) == 1
    assert "ConvInteger" not in {n.op_type for n in model.graph.node}
    got = _run(model, x, 131)
    assert got.dtype == np.int32 and got.shape == want.shape == (1, 24, 97 + sum(pads) - dilation * (k - 1))
    assert np.array_equal(got, want)


def test_convs_as_matmul_leaves_strided_grouped_and_tiny_convolutions():
    rng = np.random.default_rng(1)

    def weights(*shape):
        return rng.integers(0, 256, shape, dtype=np.uint8)

    strided = _conv_integer_model(weights(24, 8, 3), w_zp=3, kernel_shape=[3], strides=[2])
    grouped = _conv_integer_model(weights(24, 4, 3), w_zp=3, kernel_shape=[3], group=2)
    tiny = _conv_integer_model(weights(4, 8, 3), w_zp=3, kernel_shape=[3])
    old = _conv_integer_model(weights(24, 8, 3), w_zp=3, kernel_shape=[3], opset=13)
    for model in (strided, grouped, tiny, old):
        assert kokoro_model.convs_as_matmul(model) == 0
        assert [n.op_type for n in model.graph.node] == ["ConvInteger"]


def test_pairs_fit_int16_bounds_each_neighbouring_pair_at_128_either_way():
    fits = kokoro_model.pairs_fit_int16
    assert fits(np.array([[127, -128], [1, 0], [-1, 64], [-127, 64]], np.int8))
    assert not fits(np.array([[127], [2]], np.int8))
    assert not fits(np.array([[-128], [-1]], np.int8))
    assert fits(np.array([[127], [-128], [1]], np.int8))  # mixed signs never add up; an odd last row pairs with 0
    assert not fits(np.array([[127], [-128], [2], [127]], np.int8))


def _pairwise_saturating_gemm(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """What the AVX2 kernels compute: neighbouring products added in int16, saturating, then in int32."""
    a = a.astype(np.int64)
    b = np.vstack([b, np.zeros((b.shape[0] % 2, b.shape[1]), b.dtype)]).astype(np.int64)
    a = np.hstack([a, np.zeros((a.shape[0], b.shape[0] - a.shape[1]), np.int64)])
    pairs = a[:, 0::2, None] * b[None, 0::2] + a[:, 1::2, None] * b[None, 1::2]
    return pairs.clip(-32768, 32767).sum(axis=1)


def test_weights_whose_pairs_fit_int16_are_exact_under_a_pairwise_saturating_gemm():
    rng = np.random.default_rng(3)
    a = rng.integers(0, 256, (40, 33))
    a[:10] = 255
    fitting = kokoro_model._probe_weights(pairs=True)[:33, :16]
    assert kokoro_model.pairs_fit_int16(fitting)
    assert np.array_equal(_pairwise_saturating_gemm(a, fitting), a @ fitting.astype(np.int64))
    wide = kokoro_model._probe_weights(pairs=False)[:33, :16]
    assert not kokoro_model.pairs_fit_int16(wide)
    assert not np.array_equal(_pairwise_saturating_gemm(a, wide), a @ wide.astype(np.int64))
    # the pair probe's limit columns saturate if the kernel paired other rows: one row on, or two
    probe = kokoro_model._probe_weights(pairs=True)
    one_on = probe[1:33, :4]
    assert not np.array_equal(_pairwise_saturating_gemm(a[:, :32], one_on), a[:, :32] @ one_on.astype(np.int64))
    two_on = probe[np.arange(32).reshape(8, 2, 2).transpose(0, 2, 1).reshape(-1), :4]  # 0 2 1 3 4 6 5 7 ...
    assert not np.array_equal(_pairwise_saturating_gemm(a[:, :32], two_on), a[:, :32] @ two_on.astype(np.int64))


def test_signed_weights_keep_each_difference_and_prefer_centred_pairs_that_fit():
    w = np.array([[60, 200], [130, 70], [100, 100]], np.uint8)
    centred, zp, fits = kokoro_model.signed_weights(w, 100)
    assert zp == 0 and fits and centred.dtype == np.int8 and centred.tolist() == [[-40, 100], [30, -30], [0, 0]]
    wide = np.array([[10], [250]], np.uint8)  # 250 - 10 spans more than int8: shifted by 128
    shifted, zp, fits = kokoro_model.signed_weights(wide, 10)
    assert zp == -118 and fits and shifted.tolist() == [[-118], [122]]
    near = np.array([[190], [190]], np.uint8)  # centred on 60 the pair adds to 260; shifted, to 124
    shifted, zp, fits = kokoro_model.signed_weights(near, 60)
    assert zp == -68 and fits and shifted.tolist() == [[62], [62]]
    neither = np.array([[0], [0], [255], [255]], np.uint8)  # centred on 128: -128 twice; shifted: 127 twice
    centred, zp, fits = kokoro_model.signed_weights(neither, 128)
    assert zp == 0 and not fits and centred.tolist() == [[-128], [-128], [127], [127]]


def test_convs_as_matmul_pairs_only_leaves_weights_whose_pairs_do_not_fit():
    rng = np.random.default_rng(2)
    x = rng.integers(0, 256, (1, 8, 50), dtype=np.uint8)
    fitting = rng.integers(80, 177, (24, 8, 3), dtype=np.uint8)  # within 48 of the zero point 128
    model = _conv_integer_model(fitting, w_zp=128, kernel_shape=[3], pads=[1, 1])
    want = _run(model, x, 7)
    assert kokoro_model.convs_as_matmul(model, pairs_only=True) == 1
    assert np.array_equal(_run(model, x, 7), want)
    wide = _conv_integer_model(rng.integers(0, 256, (24, 8, 3), dtype=np.uint8), w_zp=128, kernel_shape=[3])
    assert kokoro_model.convs_as_matmul(wide, pairs_only=True) == 0
    assert [n.op_type for n in wide.graph.node] == ["ConvInteger"]


def test_every_convolution_of_the_voice_model_fits_the_pairwise_kernels():
    import onnx

    model = onnx.load_from_string(kokoro_model._patched_bytes(kokoro_model.joined_model())[0])
    convs = sum(n.op_type == "ConvInteger" for n in model.graph.node)
    assert kokoro_model.convs_as_matmul(model, pairs_only=True) == 75
    assert sum(n.op_type == "ConvInteger" for n in model.graph.node) == convs - 75 == 4  # strided or tiny


def test_integer_matmul_probes_decide_the_default_graph():
    exact = kokoro_model.integer_matmul_exact()
    assert not exact or kokoro_model.integer_matmul_exact(pairs=True)  # exact for any weights: for these too
    assert load_voice().matmul is (exact or kokoro_model.integer_matmul_exact(pairs=True))


@pytest.mark.skipif(
    not kokoro_model.integer_matmul_exact(pairs=True), reason="this CPU's uint8 x int8 GEMM saturates even in pairs that fit"
)
def test_the_matmul_graph_renders_the_same_samples():
    ids = [PAD] + [VOCAB[c] for c in "lˈɑːlɑː mˈiː"] + [PAD]
    dur = np.array([18, 3, 1, 6, 2, 3, 5, 2, 1, 3, 1, 7, 2, 14])
    f0 = np.where(np.arange(2 * dur.sum()) % 40 < 30, 196.0, 0.0).astype(np.float32)
    style = style_vector("am_michael", len(ids) - 2)
    fast = load_voice(1, True).synthesize(ids, dur, f0, style)
    plain = load_voice(1, False).synthesize(ids, dur, f0, style)
    assert load_voice(1, True).model_key == load_voice(1, False).model_key
    assert np.array_equal(fast, plain)


def test_matmul_integer_is_onnxruntimes_kernel_with_its_zero_points():
    a = np.array([[0, 1, 2], [255, 3, 4]], dtype=np.uint8)
    b = np.array([[1, -2], [3, 4], [-5, 6]], dtype=np.int8)
    got = kokoro_model.matmul_integer(a, b, a_zp=1, b_zp=2)
    assert got.dtype == np.int64
    assert got.tolist() == ((a.astype(np.int64) - 1) @ (b.astype(np.int64) - 2)).tolist()
