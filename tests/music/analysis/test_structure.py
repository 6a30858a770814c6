import numpy as np
import pytest

from topline.music.analysis import analyse
from topline.music.analysis.structure import label_sections, novelty, segment_bars

from .synth import SR, song


def test_novelty_peaks_at_a_change():
    f = np.hstack([np.tile([[1.0], [0.0]], 12), np.tile([[0.0], [1.0]], 12)])
    f = f + np.random.default_rng(0).normal(0, 0.01, f.shape)
    assert int(np.argmax(novelty(f))) == 12
    assert segment_bars(f, bar_seconds=2.0) == [12]


def test_uniform_music_has_no_boundary():
    f = np.tile([[1.0], [0.5]], 24) + np.random.default_rng(0).normal(0, 0.01, (2, 24))
    assert len(segment_bars(f, bar_seconds=2.0)) <= 1  # noise can make at most one weak cut


def test_labels_from_repetition_and_energy():
    a, b, c, d = np.eye(4)
    feats = np.stack([d, a, b, a, b, c], axis=1)
    energy = np.array([0.2, 0.6, 1.0, 0.6, 1.0, 0.3])
    assert label_sections(feats, energy) == ["intro", "verse", "chorus", "verse", "chorus", "outro"]


def test_one_segment_is_a_verse():
    assert label_sections(np.ones((3, 1)), np.ones(1)) == ["verse"]


def test_quiet_then_loud_repeated_part():
    verse = [("A", "min"), ("F", "maj"), ("C", "maj"), ("G", "maj")] * 2
    chorus = [("F", "maj"), ("G", "maj"), ("C", "maj"), ("C", "maj")] * 2
    yv, beat = song(verse, bpm=120, level=0.15, drums=False)
    yc, _ = song(chorus, bpm=120, level=1.0)
    y = np.concatenate([yv, yc, yc])
    a = analyse(y, sr=SR)
    boundary = len(yv) / SR  # 16 s
    starts = [s for s, _, _, _ in a.sections]
    assert min(abs(s - boundary) for s in starts) < 0.1
    first = next(sec for sec in a.sections if sec[0] < boundary - 1)
    last = a.sections[-1]
    assert first[3] < last[3] and last[3] == pytest.approx(1.0, abs=0.05)
    assert last[2] == "chorus"
    # contiguous from 0 to the end
    assert a.sections[0][0] == 0.0 and a.sections[-1][1] == pytest.approx(a.duration)
    assert all(x[1] == y[0] for x, y in zip(a.sections, a.sections[1:]))
