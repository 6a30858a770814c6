"""decode_audio: every common format, channel layout and rate; every error path."""

from __future__ import annotations

import io

import av
import numpy as np
import pytest
import soundfile as sf

from topline.audio import decode_audio
from topline.errors import (
    AudioError,
    AudioTooLongError,
    AudioTooShortError,
    SilentAudioError,
    UndecodableAudioError,
)


def tone(seconds: float, sr: int, channels: int, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * sr)) / sr
    y = amp * np.sin(2 * np.pi * 440 * t)
    return np.stack([y] * channels).astype(np.float32)  # (channels, n)


def encode_av(y: np.ndarray, sr: int, fmt: str, codec: str) -> bytes:
    """Encode (channels, n) float32 with PyAV into container ``fmt``."""
    buf = io.BytesIO()
    layout = "mono" if y.shape[0] == 1 else "stereo"
    with av.open(buf, mode="w", format=fmt) as out:
        stream = out.add_stream(codec, rate=sr, layout=layout)
        fmt_name = stream.codec_context.format.name
        step = 1024
        for i in range(0, y.shape[1], step):
            block = y[:, i : i + step]
            if fmt_name.endswith("p"):
                frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(block), format="fltp", layout=layout)
            else:
                frame = av.AudioFrame.from_ndarray(
                    np.ascontiguousarray(block.T.reshape(1, -1)), format="flt", layout=layout
                )
            frame.sample_rate = sr
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buf.getvalue()


def encode_sf(y: np.ndarray, sr: int, fmt: str) -> bytes:
    buf = io.BytesIO()
    sf.write(buf, y.T, sr, format=fmt)
    return buf.getvalue()


CASES = [
    ("wav", 44100, 2),
    ("flac", 48000, 1),
    ("mp3", 44100, 2),
    ("ogg-vorbis", 22050, 1),
    ("ogg-opus", 48000, 2),
    ("m4a", 32000, 1),
]


def encode(kind: str, y: np.ndarray, sr: int) -> bytes:
    if kind == "wav":
        return encode_sf(y, sr, "WAV")
    if kind == "flac":
        return encode_sf(y, sr, "FLAC")
    if kind == "mp3":
        return encode_av(y, sr, "mp3", "libmp3lame")
    if kind == "ogg-vorbis":
        return encode_sf(y, sr, "OGG")
    if kind == "ogg-opus":
        return encode_av(y, sr, "ogg", "libopus")
    if kind == "m4a":
        return encode_av(y, sr, "ipod", "aac")
    raise AssertionError(kind)


@pytest.mark.parametrize("kind,rate,channels", CASES)
def test_formats_decode_to_the_requested_rate(kind, rate, channels):
    data = encode(kind, tone(6.0, rate, channels), rate)
    y, sr = decode_audio(data, sr=22050, min_duration=1.0)
    assert sr == 22050
    assert y.dtype == np.float32
    assert y.shape[0] == channels
    # Lossy codecs add priming/padding of a few tens of milliseconds.
    assert abs(y.shape[1] / sr - 6.0) < 0.08
    # The tone survives: its level is about 0.5 / sqrt(2) RMS in the middle.
    mid = y[:, sr : 5 * sr]
    assert np.sqrt(np.mean(mid**2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.1)


def test_path_input_and_default_rate(tmp_path):
    path = tmp_path / "song.wav"
    sf.write(path, tone(6.0, 16000, 2).T, 16000)
    y, sr = decode_audio(path)
    assert sr == 44100 and y.shape == (2, 6 * 44100)
    y2, _ = decode_audio(str(path))
    np.testing.assert_array_equal(y, y2)


def test_many_channels_downmix_to_stereo():
    y = np.tile(tone(6.0, 8000, 1), (6, 1))
    out, _ = decode_audio(encode_sf(y, 8000, "WAV"), sr=8000)
    assert out.shape == (2, 6 * 8000)


@pytest.mark.parametrize(
    "data",
    [b"", b"this is plainly not an audio file at all" * 50, b"RIFF\x24\x00\x00\x00WAVEfmt garbage" * 3],
)
def test_non_audio_is_undecodable(data):
    with pytest.raises(UndecodableAudioError) as info:
        decode_audio(data)
    assert isinstance(info.value, AudioError) and str(info.value).endswith(".")


def test_corrupt_audio_is_undecodable():
    good = encode("mp3", tone(6.0, 44100, 1), 44100)
    rng = np.random.default_rng(0)
    bad = bytearray(good[:4000])
    bad[100:4000] = rng.integers(0, 256, 3900, dtype=np.uint8).tobytes()
    with pytest.raises(UndecodableAudioError):
        decode_audio(bytes(bad))


def test_missing_path_is_undecodable(tmp_path):
    with pytest.raises(UndecodableAudioError, match="does not exist"):
        decode_audio(tmp_path / "nope.mp3")


def test_image_only_container_has_no_audio_track():
    buf = io.BytesIO()
    with av.open(buf, mode="w", format="matroska") as out:
        stream = out.add_stream("mjpeg", rate=1)
        stream.width, stream.height, stream.pix_fmt = 16, 16, "yuvj420p"
        frame = av.VideoFrame.from_ndarray(np.zeros((16, 16, 3), np.uint8), format="rgb24")
        for packet in stream.encode(frame.reformat(format="yuvj420p")):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    with pytest.raises(UndecodableAudioError, match="no audio track"):
        decode_audio(buf.getvalue())


def test_silence_is_refused():
    with pytest.raises(SilentAudioError, match="silent"):
        decode_audio(encode_sf(np.zeros((1, 8000 * 6), np.float32), 8000, "WAV"), sr=8000)


def test_too_short_is_refused():
    with pytest.raises(AudioTooShortError, match="at least 5 seconds"):
        decode_audio(encode_sf(tone(2.0, 8000, 1), 8000, "WAV"), sr=8000)


def test_too_long_is_refused_from_the_header(monkeypatch):
    data = encode_sf(tone(20.0, 8000, 1), 8000, "FLAC")
    # The declared length alone must refuse it: decoding a single frame would be a failure.
    monkeypatch.setattr(av.container.InputContainer, "decode", lambda *a, **k: pytest.fail("decoded"))
    with pytest.raises(AudioTooLongError, match="at most"):
        decode_audio(data, sr=8000, max_duration=10.0)


def test_too_long_without_a_declared_length_stops_decoding():
    # Raw ADTS AAC declares no duration; the decoder stops once past the cap.
    data = encode_av(tone(20.0, 16000, 1), 16000, "adts", "aac")
    with pytest.raises(AudioTooLongError):
        decode_audio(data, sr=8000, max_duration=10.0)
