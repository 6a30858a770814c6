"""The analysis benchmark's check without ground truth, on clicks whose starts are known."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from bench_analysis import beats_to_attacks  # noqa: E402

SR = 44100


def clicks(times: np.ndarray, seconds: float) -> np.ndarray:
    y = np.zeros(int(seconds * SR), np.float32)
    t = np.arange(int(0.03 * SR)) / SR
    c = (np.sin(2 * np.pi * 1500.0 * t) * np.exp(-t / 0.005)).astype(np.float32)
    for s in times:
        k = int(s * SR)
        y[k : k + c.size] += c
    return y


def test_beats_late_by_20_ms_read_as_attacks_20_ms_before_them():
    times = 0.5 + 0.5 * np.arange(16)
    y = clicks(times, 9.0)
    off, hit = beats_to_attacks(y, list(times + 0.02), sr=SR)
    assert off == pytest.approx(-0.02, abs=0.004)
    assert hit == 1.0


def test_beats_between_the_attacks_find_none():
    times = 0.5 + 0.5 * np.arange(16)
    off, hit = beats_to_attacks(clicks(times, 9.0), list(times + 0.25), sr=SR)
    assert hit == 0.0 and off == 0.0
