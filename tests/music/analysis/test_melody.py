import numpy as np
import pytest

from topline.music.analysis import HOP, SR
from topline.music.analysis.melody import lead_regions, lead_score
from topline.music.analysis.tonal import pitch_salience

FR = SR / HOP


def _note(midi: float, seconds: float, *, amp: float, harmonics: int = 5, decay: float = 0.0) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    f = 440.0 * 2 ** ((midi - 69) / 12)
    y = sum(amp / k * np.sin(2 * np.pi * k * f * t) for k in range(1, harmonics + 1) if k * f < SR / 2)
    env = np.exp(-decay * t) * np.minimum(1.0, t / 0.02) * np.minimum(1.0, (seconds - t) / 0.02)
    return y * env


def _chord(seconds: float, *, amp: float = 0.06) -> np.ndarray:
    return sum(_note(m, seconds, amp=amp) for m in (48, 55, 60, 64, 67))


def _regions(y: np.ndarray, with_audio: bool) -> list[tuple[float, float]]:
    y = y.astype(np.float32)
    sal = pitch_salience(y, sr=SR, hop_length=HOP)
    if with_audio:  # Melodia's confidence joins the traits
        return lead_regions(sal, frame_rate=FR, audio=y, sr=SR)
    return lead_regions(sal, frame_rate=FR)


both = pytest.mark.parametrize("with_audio", [False, True])


TUNE = [72, 74, 76, 79, 77, 76, 74, 72, 71, 74, 79, 77]


@both
def test_moving_melody_over_held_chord_is_one_region(with_audio):
    chord = _chord(12.0)
    melody = np.concatenate([_note(m, 0.4, amp=0.2) for m in TUNE * 3])  # 14.4 s of legato notes
    y = chord.copy()
    start = int(2 * SR)
    y[start : start + 8 * SR] += melody[: 8 * SR]  # the melody sounds from 2 s to 10 s
    regions = _regions(y, with_audio)
    assert len(regions) == 1
    s, e = regions[0]
    assert abs(s - 2.0) <= 1.0 and abs(e - 10.0) <= 1.0


@both
def test_held_chord_alone_has_no_lead(with_audio):
    assert _regions(_chord(12.0), with_audio) == []


@both
def test_struck_arpeggio_has_no_lead(with_audio):
    # A broken C major chord, struck and decaying like a piano or a guitar, over and over.
    cycle = [48, 55, 60, 64, 67, 64, 60, 55]
    y = np.concatenate([_note(m, 0.25, amp=0.15, decay=6.0) for m in cycle * 6])
    assert _regions(y, with_audio) == []


@both
def test_block_chords_changing_each_beat_have_no_lead(with_audio):
    chords = [(48, 52, 55, 60), (45, 52, 57, 60), (41, 53, 57, 60), (43, 55, 59, 62)]
    y = np.concatenate([sum(_note(m, 0.5, amp=0.06, decay=3.0) for m in c) for c in chords * 6])
    assert _regions(y, with_audio) == []


@both
def test_silence_and_short_input(with_audio):
    assert _regions(np.zeros(6 * SR), with_audio) == []
    score, centres = lead_score(np.zeros((84, 10)), frame_rate=FR)
    assert score.size == 0 and centres.size == 0


def test_region_bounds_follow_the_windows():
    # A salience whose top line moves from frame 0 to the end: every window is lead.
    n = int(8 * FR)
    sal = np.full((84, n), 0.01)
    for j in range(n):
        sal[72 - 24 + (j // 9) % 7, j] = 1.0  # a new note every 0.2 s, stepping up and round
    regions = lead_regions(sal, frame_rate=FR, threshold=-np.inf)
    assert regions == [(0.0, round(n / FR, 3))]
