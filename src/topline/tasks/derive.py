"""What a derived task delivers, from what the source task stored (no API vocabulary here).

Results are plain dicts of storage keys and values; ``extra_payloads`` turns them into
the upstream shapes.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import soundfile as sf

from ..errors import ConflictError
from ..production import encode_wav
from ..storage import Storage


def _need(files: dict[str, str], kind: str, what: str) -> str:
    if kind not in files:
        raise ConflictError(f"This track has no {what} stored (it was rendered without one).")
    return files[kind]


def wav_result(index: int, track: dict[str, Any]) -> dict[str, Any]:
    """The mastered WAV the source task already rendered: nothing to compute."""
    return {"audio_id": track["audioId"], "index": index, "duration": track["duration"],
            "wav": _need(track["files"], "wav", "WAV master")}


def _read(store: Storage, key: str) -> tuple[np.ndarray, int]:
    y, sr = sf.read(io.BytesIO(store.get(key)), dtype="float32", always_2d=True)
    return np.ascontiguousarray(y.T), int(sr)


def stems_result(store: Storage, *, prefix: str, index: int, track: dict[str, Any], split: bool) -> dict[str, Any]:
    """The stems as they were mixed.

    ``split=False`` (``separate_vocal``): the vocal stem and the instrumental stem, the very
    files the mix was made of. ``split=True`` (``split_stem``): the lead vocal (the vocal stem
    less the backing voices), the backing vocals (doubles and harmony) and the instrumental;
    lead + backing equal the vocal stem to float rounding. A track without backing voices
    has no backing stem, and its lead is the whole vocal stem.
    """
    files = track["files"]
    out = {"audio_id": track["audioId"], "index": index, "duration": track["duration"],
           "origin": files["mp3"], "instrumental": _need(files, "instrumental", "instrumental stem"),
           "vocal": _need(files, "vocals", "vocal stem"), "backing_vocals": None, "split": split}
    if split and files.get("backing_vocals"):
        vocal, sr = _read(store, files["vocals"])
        backing, _ = _read(store, files["backing_vocals"])
        lead = vocal - backing
        key = f"{prefix}lead-vocal.wav"
        store.put(key, encode_wav(lead, sr=sr, subtype="FLOAT"))
        out["vocal"] = key
        out["backing_vocals"] = files["backing_vocals"]
    return out
