"""Basic Pitch (ONNX) transcription: the shipped model file and notes found where they are played."""

import base64
import hashlib

import numpy as np
import pytest

from topline.music import transcribe as T

SR = 22050


def _tone(midi, a, b, n):
    t = np.arange(int((b - a) * SR)) / SR
    f = 440 * 2 ** ((midi - 69) / 12)
    y = sum(0.5 / k * np.sin(2 * np.pi * k * f * t) for k in range(1, 5)) * np.exp(-t * 1.5)
    out = np.zeros(n)
    out[int(a * SR):int(a * SR) + y.size] += y
    return out


def test_model_is_the_file_basic_pitch_0_4_0_ships():
    data = T.MODEL.read_bytes()
    assert hashlib.sha256(data).hexdigest() == T.MODEL_SHA256
    # the wheel's RECORD line: nmp.onnx,sha256=LDwdFEv6Ya0jbpLhacE1NciARpoSoEfU5zRR8sBZoOw,230444
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    assert digest == "LDwdFEv6Ya0jbpLhacE1NciARpoSoEfU5zRR8sBZoOw" and len(data) == 230444
    assert (T.MODEL.parent / "LICENSE").exists() and (T.MODEL.parent / "NOTICE").exists()


def test_notes_are_found_where_they_are_played():
    n = 5 * SR
    y = _tone(60, 0.5, 1.5, n) + _tone(64, 1.5, 2.5, n) + _tone(67, 2.5, 3.5, n) + _tone(48, 2.5, 3.5, n)
    notes = T.transcribe((0.3 * y).astype(np.float32), sr=SR)
    strong = [x for x in notes if x.amplitude >= 0.5]
    assert sorted((x.pitch for x in strong)) == [48, 60, 64, 67]
    want = {60: (0.5, 1.5), 64: (1.5, 2.5), 67: (2.5, 3.5), 48: (2.5, 3.5)}
    for x in strong:
        a, b = want[x.pitch]
        assert abs(x.start - a) <= 0.03 and abs(x.end - b) <= 0.12 and 0 < x.amplitude <= 1
    assert notes == sorted(notes, key=lambda x: (x.start, x.pitch))


def test_resamples_and_mixes_down():
    n = 3 * SR
    y = (0.3 * _tone(57, 0.5, 2.0, n)).astype(np.float32)
    y44 = np.repeat(np.interp(np.arange(2 * n) / 2, np.arange(n), y)[None, :], 2, axis=0).astype(np.float32)
    notes = [x for x in T.transcribe(y44, sr=44100) if x.amplitude >= 0.5]
    assert [x.pitch for x in notes] == [57] and abs(notes[0].start - 0.5) <= 0.03


def test_silence_has_no_notes():
    assert T.transcribe(np.zeros(SR * 2, np.float32), sr=SR) == []
    assert T.transcribe(np.zeros(10, np.float32), sr=SR) == []


def test_a_wrong_model_file_is_refused(monkeypatch, tmp_path):
    bad = tmp_path / "nmp.onnx"
    bad.write_bytes(b"not the model")
    monkeypatch.setattr(T, "MODEL", bad)
    monkeypatch.setattr(T, "_session", None)
    from topline.errors import GenerationError

    with pytest.raises(GenerationError, match="SHA-256"):
        T.transcribe(np.zeros(SR, np.float32), sr=SR)


def test_harmonic_part_keeps_the_notes_and_drops_drum_hits():
    n = 5 * SR
    y = _tone(60, 0.5, 2.5, n) + _tone(64, 2.5, 4.5, n)
    rng = np.random.default_rng(0)
    t = np.arange(int(0.08 * SR)) / SR
    for k in range(18):  # noise bursts and thumps, like snare and kick hits
        a = int((0.3 + 0.25 * k) * SR)
        hit = 0.8 * rng.standard_normal(t.size) * np.exp(-t * 60) + 1.5 * np.sin(2 * np.pi * 60 * t) * np.exp(-t * 30)
        y[a:a + t.size] += hit
    y = (0.25 * y).astype(np.float32)
    plain = T.transcribe(y, sr=SR)
    harm = T.transcribe(y, sr=SR, harmonic=True)
    strong = sorted(x.pitch for x in harm if x.amplitude >= 0.5)
    assert strong == [60, 64]
    assert len(harm) < len(plain)
    h = T.harmonic_part(y, sr=SR)
    assert h.shape == y.shape and h.dtype == np.float32
