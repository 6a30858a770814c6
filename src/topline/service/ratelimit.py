"""Per-key request limits (token buckets, per API process)."""

from __future__ import annotations

import threading
import time

from ..errors import RateLimitedError


class TokenBuckets:
    """``rate`` requests per ``per`` seconds for each key, with bursts up to ``rate``."""

    def __init__(self, rate: float, per: float) -> None:
        self.capacity = max(1.0, rate)
        self.refill = rate / per
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str, *, what: str) -> None:
        now = time.monotonic()
        with self._lock:
            tokens, at = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - at) * self.refill)
            if tokens < 1.0:
                wait = (1.0 - tokens) / self.refill
                self._buckets[key] = (tokens, now)
                raise RateLimitedError(f"Too many requests: {what}. Retry after {wait:.1f} s.", retry_after=wait)
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > 100_000:  # forget idle keys rather than grow without bound
                self._buckets.clear()
