"""Per-key request limits: token buckets, shared through Redis when several API processes serve.

With a Redis URL (``TOPLINE_REDIS_URL``, or a ``redis://`` broker) every API process takes its
tokens from the same bucket, kept in Redis and updated by one atomic Lua script on Redis's own
clock, so N processes allow the limit once, not N times.  Without Redis the buckets live in the
process (one API process is exact; several each allow the limit).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Protocol

from ..errors import RateLimitedError
from ..settings import Settings

log = logging.getLogger(__name__)


class Limiter(Protocol):
    def take(self, key: str, *, what: str) -> None:
        """Spend one token of ``key``'s bucket, or raise ``RateLimitedError`` saying ``what`` the limit is."""
        ...


def _refused(what: str, wait: float) -> RateLimitedError:
    return RateLimitedError(f"Too many requests: {what}. Retry after {wait:.1f} s.", retry_after=wait)


class TokenBuckets:
    """``rate`` requests per ``per`` seconds for each key, with bursts up to ``rate`` (this process only)."""

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
                raise _refused(what, wait)
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > 100_000:  # forget idle keys rather than grow without bound
                self._buckets.clear()


# KEYS[1] the bucket; ARGV capacity, refill per second.  Returns {allowed, wait seconds as a string}.
# Redis's TIME is the one clock of every API process; the bucket expires once it would be full again.
_TAKE = """
local capacity = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or capacity
local at = tonumber(b[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * refill)
local allowed, wait = 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = (1 - tokens) / refill
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / refill * 1000) + 1000)
return {allowed, tostring(wait)}
"""


class RedisTokenBuckets:
    """The same buckets, kept in Redis and shared by every process that uses the same ``namespace``.

    If Redis cannot be reached, the request is limited by this process's own buckets instead (and
    a warning is logged): a limiter outage must not take the API down.
    """

    def __init__(self, client, rate: float, per: float, *, namespace: str) -> None:
        self.client = client
        self.capacity = max(1.0, rate)
        self.refill = rate / per
        self.namespace = namespace
        self._script = client.register_script(_TAKE)
        self._fallback = TokenBuckets(rate, per)

    def take(self, key: str, *, what: str) -> None:
        import redis

        try:
            allowed, wait = self._script(keys=[f"{self.namespace}:{key}"], args=[self.capacity, self.refill])
        except redis.RedisError as exc:
            log.warning("shared rate limit unavailable (%s); limiting in this process", exc)
            self._fallback.take(key, what=what)
            return
        if int(allowed) != 1:
            raise _refused(what, float(wait))


def shared_redis_url(settings: Settings) -> str | None:
    """The Redis that rate limits are shared through: ``redis_url``, else a Redis broker, else none."""
    if settings.redis_url:
        return settings.redis_url
    broker = settings.broker_url or ""
    return broker if broker.startswith(("redis://", "rediss://")) else None


def buckets(settings: Settings, rate: float, per: float, *, name: str) -> Limiter:
    """The limiter for one limit: shared through Redis when one is configured, per process otherwise."""
    url = shared_redis_url(settings)
    if url is None:
        return TokenBuckets(rate, per)
    import redis

    client = redis.Redis.from_url(url, socket_timeout=2.0, socket_connect_timeout=2.0)
    return RedisTokenBuckets(client, rate, per, namespace=f"{settings.queue_prefix}topline:ratelimit:{name}")
