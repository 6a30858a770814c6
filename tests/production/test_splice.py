"""Splicing: outside the span the very samples of the old signal; cross-fades inside it."""

from __future__ import annotations

import numpy as np
import pytest

from topline.production.splice import span_weight, splice


def test_outside_the_span_nothing_changes_and_inside_it_is_the_new():
    rng = np.random.default_rng(1)
    old, new = rng.standard_normal((2, 1000)).astype(np.float32), rng.standard_normal((2, 1000)).astype(np.float32)
    out = splice(old, new, 200, 700, fade=50, scale=0.5)
    np.testing.assert_array_equal(out[:, :200], old[:, :200])
    np.testing.assert_array_equal(out[:, 700:], old[:, 700:])
    np.testing.assert_allclose(out[:, 250:650], 0.5 * new[:, 250:650], rtol=1e-6)
    w = span_weight(200, 700, fade=50)
    assert w[0] > 0 and w[0] < 0.01 and w[49] > 0.99 and np.all(np.diff(w[:50]) > 0)
    np.testing.assert_allclose(out[:, 200:250], old[:, 200:250] * (1 - w[:50]) + 0.5 * new[:, 200:250] * w[:50],
                               rtol=1e-6, atol=1e-7)


def test_a_short_new_signal_is_padded_and_bad_spans_refused():
    old = np.ones((1, 100), dtype=np.float32)
    out = splice(old, np.ones((1, 60), dtype=np.float32), 50, 100, fade=5)
    assert np.all(out[:, 65:95] == 0.0) and np.all(out[:, :50] == 1.0)
    with pytest.raises(ValueError):
        splice(old, old, 60, 50, fade=5)
