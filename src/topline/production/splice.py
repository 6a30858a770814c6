"""Splicing a re-rendered span into a track: raised-cosine cross-fades inside the span, every
sample outside it left as it was."""

from __future__ import annotations

import numpy as np


def span_weight(a: int, b: int, *, fade: int) -> np.ndarray:
    """The weight of the new signal over samples ``a..b``: 0 → 1 over the first ``fade`` samples
    (raised cosine), 1, then 1 → 0 over the last ``fade``. float32, shape (b - a,)."""
    n = b - a
    fade = max(1, min(int(fade), n // 2))
    w = np.ones(n, dtype=np.float32)
    ramp = (0.5 - 0.5 * np.cos(np.pi * (np.arange(fade) + 0.5) / fade)).astype(np.float32)
    w[:fade] = ramp
    w[n - fade:] = ramp[::-1]
    return w


def splice(old: np.ndarray, new: np.ndarray, a: int, b: int, *, fade: int, scale: float = 1.0) -> np.ndarray:
    """``old`` with samples ``a..b`` cross-faded to ``new * scale``; outside ``[a, b)`` the very
    samples of ``old``.

    Parameters
    ----------
    old, new : np.ndarray, shape (..., n)
        ``new`` is padded with zeros or trimmed to ``old``'s length.
    a, b : int
        The span, samples (``0 <= a < b <= n``).
    fade : int
        Cross-fade length at each end, samples, inside the span.
    scale : float
        Gain on ``new`` (to bring a re-rendered take to the old take's level).

    Returns
    -------
    np.ndarray
        float32, ``old``'s shape.
    """
    old = np.asarray(old, dtype=np.float32)
    n = old.shape[-1]
    if not 0 <= a < b <= n:
        raise ValueError(f"span {a}..{b} is not inside 0..{n}")
    out = old.copy()
    seg = np.zeros(old.shape[:-1] + (b - a,), dtype=np.float32)
    src = np.asarray(new, dtype=np.float32)[..., a:min(b, np.shape(new)[-1])]
    seg[..., : src.shape[-1]] = src
    w = span_weight(a, b, fade=fade)
    out[..., a:b] = old[..., a:b] * (np.float32(1.0) - w) + seg * (w * np.float32(scale))
    return out
