import numpy as np
import pytest

from topline.music.analysis import analyse
from topline.music.analysis.loudness import integrated_loudness
from topline.music.analysis.melody import lead_regions

from .synth import SR, song, tone


def test_sine_at_known_level():
    t = np.arange(5 * 48000) / 48000
    y = 0.5 * np.sin(2 * np.pi * 1000 * t)
    assert integrated_loudness(y, sr=48000) == pytest.approx(-9.03, abs=0.1)  # -3.01 LUFS at full scale
    stereo = np.stack([y, y])
    assert integrated_loudness(stereo, sr=48000) == pytest.approx(-6.02, abs=0.1)


def test_silence_and_tiny_signals_are_floored():
    assert integrated_loudness(np.zeros(48000), sr=48000) == -70.0
    assert integrated_loudness(np.ones(100) * 0.1, sr=48000) == -70.0


def test_melody_over_pads_is_a_lead_region():
    pads, beat = song([("C", "maj"), ("A", "min"), ("F", "maj"), ("G", "maj")] * 3, bpm=120, drums=False)
    tune = [72, 74, 76, 79, 77, 76, 74, 72, 71, 74, 79, 77]
    melody = np.concatenate([tone(m, beat, amp=0.25, harmonics=1) for m in tune * 4])  # 24 s of quarter notes
    y = pads.copy()
    start = int(8 * SR)
    seg = melody[: 8 * SR]  # the melody sounds from 8 s to 16 s
    y[start : start + seg.size] += seg
    a = analyse(y, sr=SR)
    assert len(a.lead_regions) == 1
    s, e = a.lead_regions[0]
    assert s == pytest.approx(8.0, abs=1.0) and e == pytest.approx(16.0, abs=1.0)


def test_pads_alone_have_no_lead():
    from topline.music.analysis.tonal import pitch_salience

    y, _ = song([("C", "maj"), ("A", "min"), ("F", "maj"), ("G", "maj")] * 3, bpm=120, drums=False)
    sal = pitch_salience(y.astype(np.float32), sr=SR, hop_length=512)
    assert lead_regions(sal, frame_rate=SR / 512) == []
