import io

import numpy as np
import pytest
import soundfile as sf
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from topline.audio import decode_audio
from topline.errors import ProductionError
from topline.production import encode_mp3, encode_wav

SR = 44100


def _stereo(seconds=6.0):
    t = np.arange(int(seconds * SR)) / SR
    return np.stack([0.5 * np.sin(2 * np.pi * 440 * t), 0.25 * np.sin(2 * np.pi * 660 * t)]).astype(np.float32)


def test_mp3_decodes_with_title_and_bitrate():
    y = _stereo()
    data = encode_mp3(y, sr=SR, title="Midnight Café — 夜")
    assert data[:3] == b"ID3"
    info = MP3(io.BytesIO(data))
    assert info.info.bitrate >= 192000 and info.info.bitrate == 320000
    assert info.info.channels == 2 and info.info.sample_rate == SR
    assert str(ID3(io.BytesIO(data))["TIT2"]) == "Midnight Café — 夜"
    dec, sr = decode_audio(data, sr=SR)
    assert sr == SR and dec.shape[0] == 2
    assert abs(dec.shape[1] - y.shape[1]) <= 2 * 1152 + 576  # encoder delay and last-frame padding
    # Left is louder than right, as encoded (channels are not swapped or summed).
    assert np.sqrt(np.mean(dec[0] ** 2)) / np.sqrt(np.mean(dec[1] ** 2)) == pytest.approx(2.0, rel=0.05)


def test_mp3_is_deterministic_and_accepts_mono():
    y = _stereo()
    assert encode_mp3(y, sr=SR, title="a") == encode_mp3(y, sr=SR, title="a")
    mono = encode_mp3(y[:1], sr=SR, title="m")
    assert MP3(io.BytesIO(mono)).info.channels == 2


@pytest.mark.parametrize("subtype, tol", [("PCM_16", 1 / 32768), ("PCM_24", 1e-6), ("FLOAT", 0.0)])
def test_wav_round_trip(subtype, tol):
    y = _stereo(1.0)
    data = encode_wav(y, sr=SR, subtype=subtype)
    back, sr = sf.read(io.BytesIO(data), dtype="float32", always_2d=True)
    info = sf.info(io.BytesIO(data))
    assert sr == SR and info.subtype == subtype and info.format == "WAV"
    assert back.shape == (y.shape[1], 2)
    assert np.max(np.abs(back.T - y)) <= tol


def test_wav_float_keeps_values_over_full_scale():
    y = _stereo(0.5) * 3  # stems in float may exceed 1.0
    back, _ = sf.read(io.BytesIO(encode_wav(y, sr=SR, subtype="FLOAT")), dtype="float32")
    assert np.array_equal(back.T, y)


@pytest.mark.parametrize("bad", [np.full((2, 100), np.nan, np.float32), np.zeros((3, 100), np.float32),
                                 np.zeros((2, 0), np.float32), np.zeros((2, 2, 2), np.float32)])  # fmt: skip
def test_bad_audio_raises(bad):
    with pytest.raises(ProductionError):
        encode_mp3(bad, sr=SR, title="x")
    with pytest.raises(ProductionError):
        encode_wav(bad, sr=SR)


def test_low_bitrate_refused():
    with pytest.raises(ProductionError, match="192"):
        encode_mp3(_stereo(1.0), sr=SR, title="x", kbps=128)


@pytest.mark.parametrize("subtype", ["FLOAT", "PCM_16"])
def test_wav_bytes_do_not_depend_on_the_time(subtype):
    # libsndfile's PEAK chunk carries the write time; without it the same audio gives the same bytes.
    data = encode_wav(_stereo(0.5), sr=SR, subtype=subtype)
    assert b"PEAK" not in data[:200]
    assert int.from_bytes(data[4:8], "little") == len(data) - 8
    assert sf.read(io.BytesIO(data))[0].shape == (SR // 2, 2)


@pytest.mark.parametrize("subtype", ["FLOAT", "PCM_16"])
@pytest.mark.parametrize("channels", [1, 2])
def test_wav_bytes_are_libsndfiles_without_the_peak_chunk(subtype, channels):
    # The WAV header is written by hand (speed): it must be the very file libsndfile writes.
    y = _stereo(0.25)[:channels] * 1.5  # over full scale: clipped in PCM_16, kept in FLOAT
    src = np.repeat(y, 2, axis=0) if channels == 1 else y
    if subtype == "PCM_16":
        src = np.round(np.clip(src, -1.0, 32767 / 32768) * 32768).astype("<i2")
    buf = io.BytesIO()
    sf.write(buf, np.ascontiguousarray(src.T), SR, format="WAV", subtype=subtype)
    raw = buf.getvalue()
    if subtype == "FLOAT":
        at = raw.index(b"PEAK")
        raw = raw[:at] + raw[at + 8 + int.from_bytes(raw[at + 4:at + 8], "little"):]
        raw = raw[:4] + (len(raw) - 8).to_bytes(4, "little") + raw[8:]
    assert encode_wav(y, sr=SR, subtype=subtype) == raw
