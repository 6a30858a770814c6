"""word_losses: which sung word the recogniser heard, missed or heard as another."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import word_losses as wl  # noqa: E402


def test_align_marks_each_sung_word():
    ref = "she painted yellow circles on the door".split()
    hyp = "g painted yellow on the floor".split()
    assert wl.align(ref, hyp) == ["sub:g", "ok", "ok", "del", "ok", "ok", "sub:floor"]
    assert wl.align(ref, []) == ["del"] * len(ref)


def test_band_db_reads_the_level_in_a_band_over_a_stretch():
    sr = 16000
    t = np.arange(2 * sr) / sr
    x = np.sin(2 * np.pi * 2000 * t) * (t >= 1.0)  # a 2 kHz tone in the second second only
    assert np.isnan(wl.band_db(x, sr, (1000, 4000), 0.5, 0.501))  # too short to say
    assert wl.band_db(x, sr, (1000, 4000), 1.2, 1.8) == pytest.approx(-3.0, abs=0.1)  # a sine's mean power
    assert wl.band_db(x, sr, (1000, 4000), 1.2, 1.8) - wl.band_db(x, sr, (4000, 7000), 1.2, 1.8) > 30  # an octave up the skirt
    assert wl.band_db(x, sr, (1000, 4000), 1.2, 1.8) - wl.band_db(x, sr, (1000, 4000), 0.2, 0.8) > 60
