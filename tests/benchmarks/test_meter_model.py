"""The fitted meter model kept in benchmarks (tried, not kept in the analysis): downbeat cues, the
downbeat model's activation and the evidence for three."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


def _bars(per_bar: int, n_beats: int, *, seed: int) -> tuple[np.ndarray, ...]:
    """Frame-level features of a piece whose bars of ``per_bar`` beats (ten frames each) begin with a
    struck bass note and a new chord held through the bar, the other beats played softer on the same
    chord with passing tones in the treble."""
    rng = np.random.default_rng(seed)
    n = n_beats * 10 + 10
    bass_onset, onset = np.zeros(n), np.zeros(n)
    chroma, bass_chroma = np.full((12, n), 0.05), np.full((12, n), 0.05)
    roots = (0, 7, 9, 5, 2)
    for b in range(n_beats):
        f = b * 10
        bar, pos = divmod(b, per_bar)
        root = roots[bar % len(roots)]
        bass_onset[f] = (3.0 if pos == 0 else 0.6) + rng.uniform(0, 0.3)
        onset[f] = (2.0 if pos == 0 else 1.2) + rng.uniform(0, 0.3)
        onset[f + 5] = 0.3 + rng.uniform(0, 0.2)  # eighths between the beats
        for p in (root, root + 4, root + 7):
            chroma[p % 12, f : f + 10] += 1.0
        chroma[(root + 2 + pos) % 12, f : f + 10] += 0.4  # a passing tone on each beat
        bass_chroma[root, f : f + 10] += 1.0 if pos == 0 else 0.7  # the bass note fades through the bar
    return bass_onset, onset, chroma, bass_chroma, np.arange(n_beats) * 10


def test_downbeat_cues_read_nine_cues_at_each_beat():
    from meter_model import downbeat_cues
    from topline.music.analysis.rhythm import beat_cues

    bass_onset, onset, chroma, bass_chroma, frames = _bars(3, 36, seed=1)
    cues = downbeat_cues(bass_onset, onset, chroma, bass_chroma, frames)
    assert cues.shape == (9, 36)
    assert cues.mean(axis=1) == pytest.approx(np.ones(9))
    assert cues[:4] == pytest.approx(beat_cues(bass_onset, onset, chroma, bass_chroma, frames))
    # New bass pitches enter on the bar lines (every third beat; the first beat has nothing before it),
    # a little on the second beat, where the bass note has faded, none on the third; the bass sounds
    # louder on the bar lines.
    assert cues[5][3::3].min() > 2.0
    assert cues[5][1::3] == pytest.approx(np.full(12, 0.546), abs=0.001)
    assert cues[5][2:-1:3] == pytest.approx(np.zeros(11), abs=1e-9)  # (the last span runs on to the end)
    assert cues[7][0::3] == pytest.approx(np.full(12, 1.151), abs=0.001)
    assert cues[7][1::3] == pytest.approx(np.full(12, 0.935), abs=0.001)
    # The onset halfway to the next beat: the eighths, alike on every beat but the last (their mean).
    assert cues[6] == pytest.approx(np.ones(36), abs=0.25)


def test_downbeat_cues_on_a_single_beat():
    from meter_model import downbeat_cues

    bass_onset, onset, chroma, bass_chroma, _ = _bars(3, 6, seed=2)
    cues = downbeat_cues(bass_onset, onset, chroma, bass_chroma, np.array([0]))
    assert cues.shape == (9, 1)
    assert cues[6] == pytest.approx([1.0])


def test_activation_features_read_each_cue_at_the_beat_before_and_the_two_after():
    from meter_model import OFFSETS, activation_features

    cues = np.array([[1.0, 2.0, 4.0, 1.0, 2.0]] * 9)
    x = activation_features(cues)
    assert OFFSETS == (-1, 0, 1, 2)
    assert x.shape == (5, 36)
    z = np.log(cues[0] + 0.05) - np.log(cues[0] + 0.05).mean()
    assert x[:, 0] == pytest.approx(np.r_[0.0, z[:-1]])  # the beat before (the mean before the first)
    assert x[:, 9] == pytest.approx(z)
    assert x[:, 18] == pytest.approx(np.r_[z[1:], 0.0])
    assert x[:, 27] == pytest.approx(np.r_[z[2:], 0.0, 0.0])


def test_the_fitted_model_counts_three_and_four_beats_a_bar():
    from meter_model import downbeat_activation, downbeat_cues, meter_evidence

    three = downbeat_cues(*_bars(3, 48, seed=3))
    four = downbeat_cues(*_bars(4, 48, seed=4))
    assert meter_evidence(three) == pytest.approx(35.35, abs=0.01)
    assert meter_evidence(four) == pytest.approx(-45.17, abs=0.01)
    # The activation peaks on the bar lines (past the first bar, whose first beat has nothing before it).
    act = downbeat_activation(three)
    assert [int(np.argmax(act[k : k + 3])) for k in range(3, 45, 3)] == [0] * 14
    assert downbeat_activation(np.zeros((9, 0))).size == 0


def test_faint_bars_need_the_model_and_the_pooled_cues_to_agree():
    from meter_model import CUE_SHARE, THRESHOLD, downbeat_activation, meter_evidence
    from topline.music.analysis.rhythm import grouping_evidence, triple_evidence

    rng = np.random.default_rng(5)
    flat = rng.uniform(0.8, 1.2, (9, 48))
    flat /= flat.mean(axis=1, keepdims=True)
    act = downbeat_activation(flat)[None]
    expected = grouping_evidence(act, 3) - grouping_evidence(act, 4) + CUE_SHARE * triple_evidence(flat[:4]) - THRESHOLD
    assert meter_evidence(flat) == pytest.approx(expected)
    assert meter_evidence(flat) < 0  # nothing by position: four, as before
