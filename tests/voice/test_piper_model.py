"""Loading the voice: graph surgery, caching, rendering, error paths."""

from __future__ import annotations

import numpy as np
import pytest

from topline.errors import VoiceError
from topline.voice import piper_model
from topline.voice.piper_model import HOP_LENGTH, load_voice


def test_renders_exactly_the_requested_frames_deterministically():
    voice = load_voice()
    m = voice.phoneme_id_map
    ids = np.array([m["^"], m["_"], m["m"], m["_"], m["a"], m["_"], m["$"]])
    dur = np.array([2, 1, 5, 1, 30, 2, 2])
    a = voice.synthesize(ids, dur, seed=1)
    b = voice.synthesize(ids, dur, seed=1)
    c = voice.synthesize(ids, dur, seed=2)
    assert a.size == dur.sum() * HOP_LENGTH and a.dtype == np.float32
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    vowel = a[12 * HOP_LENGTH : 35 * HOP_LENGTH]
    assert np.sqrt(np.mean(vowel**2)) > 0.01
    assert voice.synthesize(ids, np.zeros(ids.size, int), seed=1).size == 0
    with pytest.raises(VoiceError, match="one duration per"):
        voice.synthesize(ids, dur[:-1], seed=1)


def test_patched_model_is_cached_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    model, config = piper_model.default_paths()
    voice = load_voice(str(model), str(config))
    assert voice.sample_rate == 22050
    cached = list((tmp_path / "topline").glob("piper-*-sing*.onnx"))
    assert len(cached) == 1 and cached[0].stat().st_size > 1_000_000
    assert piper_model._patched_bytes(model)[0] == cached[0].read_bytes()


def test_missing_model_and_bad_config(tmp_path):
    with pytest.raises(VoiceError, match="missing"):
        load_voice(str(tmp_path / "nope.onnx"), str(tmp_path / "nope.json"))
    model = tmp_path / "m.onnx"
    model.write_bytes(b"not a model")
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(VoiceError, match="config"):
        load_voice(str(model), str(tmp_path / "bad.json"))


def test_patch_rejects_non_piper_models():
    from onnx import TensorProto, helper

    with pytest.raises(VoiceError, match="not a valid ONNX"):
        piper_model.patch_model(b"garbage")
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["output"])],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1])],
    )
    with pytest.raises(VoiceError, match="not a Piper"):
        piper_model.patch_model(helper.make_model(graph).SerializeToString())


def test_unloadable_model_raises(tmp_path):
    model, config = piper_model.default_paths()
    bad = tmp_path / "m.onnx"
    bad.write_bytes(b"\x00" * 64)
    with pytest.raises(VoiceError):
        load_voice(str(bad), str(config))


def _conv1d_model(shared: bool = False):
    """x (1, 2, 16) -> Conv1d (pads, dilation) -> LeakyRelu -> ConvTranspose1d (stride 2)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)
    w1 = numpy_helper.from_array(rng.standard_normal((3, 2, 3)).astype(np.float32), "w1")
    w2 = numpy_helper.from_array(rng.standard_normal((3, 2, 4)).astype(np.float32), "w2")
    nodes = [
        helper.make_node("Conv", ["x", "w1"], ["h"], kernel_shape=[3], pads=[2, 2], dilations=[2]),
        helper.make_node("LeakyRelu", ["h"], ["r"], alpha=0.1),
        helper.make_node(
            "ConvTranspose", ["r", "w1" if shared else "w2"], ["y"], kernel_shape=[3 if shared else 4], strides=[2],
            pads=[1, 1],
        ),
    ]  # fmt: skip
    graph = helper.make_graph(
        nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 16])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], initializer=[w1, w2],
    )  # fmt: skip
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def test_conv1d_as_2d_gives_the_same_output():
    import onnxruntime as ort

    model = _conv1d_model()
    x = np.random.default_rng(1).standard_normal((1, 2, 16)).astype(np.float32)

    def run(m):
        sess = ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])
        return sess.run(None, {"x": x})[0]

    before = run(model)
    assert piper_model.conv1d_as_2d(model) == 2
    assert sum(n.op_type in ("Conv", "ConvTranspose") for n in model.graph.node) == 2
    np.testing.assert_allclose(run(model), before, rtol=1e-5, atol=1e-5)


def test_conv1d_as_2d_refuses_shared_kernels():
    with pytest.raises(VoiceError, match="shares convolution kernels"):
        piper_model.conv1d_as_2d(_conv1d_model(shared=True))
