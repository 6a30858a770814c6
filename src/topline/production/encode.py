"""Deliverable encoders: MP3 (LAME, with an ID3 title) and WAV."""

from __future__ import annotations

import io

import lameenc
import numpy as np
import soundfile as sf
from mutagen.id3 import ID3, TIT2, TSSE

from ..errors import ProductionError

MP3_KBPS = 320


def _as_stereo(y: np.ndarray) -> np.ndarray:
    y = np.asarray(y)
    if y.ndim == 1:
        y = y[None, :]
    if y.ndim != 2 or y.shape[0] not in (1, 2) or y.shape[1] == 0:
        raise ProductionError(f"Audio to encode must be shaped (channels, samples) with 1 or 2 channels, got {y.shape}.")
    if not np.all(np.isfinite(y)):
        raise ProductionError("Audio to encode contains NaN or infinite samples.")
    return np.repeat(y, 2, axis=0) if y.shape[0] == 1 else y


def _pcm16(y: np.ndarray) -> np.ndarray:
    # Plain rounding, no random dither, so the same mix always encodes to the same bytes.
    # Scaling by 32768 is exact in float32, so working in float32 rounds like float64 would.
    q = np.multiply(y, np.float32(32768), dtype=np.float32)
    np.clip(q, -32768, 32767, out=q)
    np.rint(q, out=q)
    return q.astype("<i2")


def _interleaved(y: np.ndarray, dtype: str) -> np.ndarray:
    """``y`` (channels, n) as one contiguous (n, channels) array of ``dtype``: a single copy."""
    out = np.empty((y.shape[1], y.shape[0]), dtype=dtype)
    for c in range(y.shape[0]):  # a channel at a time: several times faster than one transposed copy
        out[:, c] = y[c]
    return out


def encode_mp3(y: np.ndarray, *, sr: int, title: str, kbps: int = MP3_KBPS) -> bytes:
    """Stereo constant-bitrate MP3 with an ID3v2 title tag.

    Parameters
    ----------
    y : np.ndarray, shape (channels, n)
        Float samples in [-1, 1].
    sr : int
        An MP3 sample rate (32000, 44100, 48000, ...).
    title : str
        Written to the ID3 ``TIT2`` frame.
    kbps : int
        Bit rate; at least 192.

    Returns
    -------
    bytes
    """
    if kbps < 192:
        raise ProductionError(f"MP3 bit rate must be at least 192 kbps, got {kbps}.")
    pcm = _interleaved(_pcm16(_as_stereo(y)), "<i2")  # L R L R ...
    try:
        enc = lameenc.Encoder()
        enc.set_bit_rate(int(kbps))
        enc.set_in_sample_rate(int(sr))
        enc.set_channels(2)
        # 7: LAME's fast mode, half the CPU of 5; at these bit rates its error against the
        # source is no larger (benchmarks/bench_production.py --mp3 measures it).
        enc.set_quality(7)
        data = bytes(enc.encode(pcm)) + bytes(enc.flush())
    except Exception as exc:  # lameenc raises plain errors for unsupported rates
        raise ProductionError(f"MP3 encoding failed: {exc}") from exc
    tags = ID3()
    tags.add(TIT2(encoding=3, text=title))
    tags.add(TSSE(encoding=3, text=f"Topline, LAME {kbps} kbps"))
    buf = io.BytesIO(data)
    tags.save(buf, v2_version=3, padding=lambda info: 0)
    return buf.getvalue()


_WAV_FORMATS = {"PCM_16": (1, "<i2"), "FLOAT": (3, "<f4")}  # WAVE format tag, sample type


def encode_wav(y: np.ndarray, *, sr: int, subtype: str = "PCM_16") -> bytes:
    """WAV of ``y`` (``subtype`` as soundfile names it: ``"PCM_16"``, ``"PCM_24"``, ``"FLOAT"``)."""
    y = _as_stereo(y)
    if subtype in _WAV_FORMATS:
        return _wav_direct(y, sr=int(sr), subtype=subtype)
    buf = io.BytesIO()
    try:
        sf.write(buf, np.ascontiguousarray(y.T, dtype=np.float64), int(sr), format="WAV", subtype=subtype)
    except Exception as exc:
        raise ProductionError(f"WAV encoding failed: {exc}") from exc
    return _without_peak_chunk(buf.getvalue())


def _wav_direct(y: np.ndarray, *, sr: int, subtype: str) -> bytes:
    """A canonical WAV (the header libsndfile writes, without its PEAK chunk) built in one
    buffer: the samples are interleaved straight into it, a channel at a time."""
    tag, dtype = _WAV_FORMATS[subtype]
    ch, n = y.shape
    width = np.dtype(dtype).itemsize
    data_bytes = n * ch * width
    fact = b"fact" + (4).to_bytes(4, "little") + n.to_bytes(4, "little") if tag == 3 else b""
    fmt = (b"fmt " + (16).to_bytes(4, "little") + tag.to_bytes(2, "little") + ch.to_bytes(2, "little")
           + sr.to_bytes(4, "little") + (sr * ch * width).to_bytes(4, "little") + (ch * width).to_bytes(2, "little")
           + (8 * width).to_bytes(2, "little"))
    head = b"WAVE" + fmt + fact + b"data" + data_bytes.to_bytes(4, "little")
    if 4 + len(head) + data_bytes > 0xFFFFFFFF:
        raise ProductionError("WAV encoding failed: the audio is too long for a WAV file.")
    head = b"RIFF" + (len(head) + data_bytes).to_bytes(4, "little") + head
    # np.empty, not bytearray: no zero-fill of a buffer that is written over entirely.
    out = np.empty(len(head) + data_bytes, dtype=np.uint8)
    out[: len(head)] = np.frombuffer(head, dtype=np.uint8)
    view = out[len(head):].view(dtype).reshape(n, ch)
    src = _pcm16(y) if subtype == "PCM_16" else y
    for c in range(ch):  # a channel at a time: several times faster than one transposed copy
        view[:, c] = src[c]
    return out.tobytes()


def _without_peak_chunk(wav: bytes) -> bytes:
    """Drop libsndfile's PEAK chunk from a float WAV: it holds the write time, so the same
    audio would give different bytes (and it is optional in the format)."""
    if wav[:4] != b"RIFF" or wav[8:12] != b"WAVE":
        return wav
    out, pos = [wav[:12]], 12
    while pos + 8 <= len(wav):
        cid, size = wav[pos:pos + 4], int.from_bytes(wav[pos + 4:pos + 8], "little")
        end = pos + 8 + size + (size & 1)
        if cid != b"PEAK":
            out.append(wav[pos:end])
        pos = end
    body = b"".join(out)
    return body[:4] + (len(body) - 8).to_bytes(4, "little") + body[8:]
