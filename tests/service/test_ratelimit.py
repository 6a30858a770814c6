"""Rate limits: token buckets per process, or one bucket shared by every API process through Redis."""

from __future__ import annotations

import os
import uuid
from urllib.parse import urlparse

import pytest

from topline.errors import RateLimitedError
from topline.service.ratelimit import RedisTokenBuckets, TokenBuckets, buckets, shared_redis_url
from topline.settings import Settings
from tests.support import free_port, need_service, port_open

REDIS_URL = os.environ.get("TOPLINE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _spend(limiter, n: int) -> int:
    """How many of ``n`` takes succeed."""
    ok = 0
    for _ in range(n):
        try:
            limiter.take("key:1", what="at most 3 requests per minute")
            ok += 1
        except RateLimitedError:
            pass
    return ok


def test_local_buckets_allow_the_rate_then_say_when_to_retry():
    b = TokenBuckets(3, 60.0)
    assert _spend(b, 3) == 3
    with pytest.raises(RateLimitedError, match=r"Too many requests: at most 3 requests per minute\. Retry after") as e:
        b.take("key:1", what="at most 3 requests per minute")
    assert 19.0 < e.value.retry_after <= 20.0
    b.take("key:2", what="x")  # another key has its own bucket


def test_per_process_buckets_multiply_the_limit():
    # Why sharing matters: two processes with their own buckets allow twice the limit.
    assert _spend(TokenBuckets(3, 60.0), 4) + _spend(TokenBuckets(3, 60.0), 4) == 6


@pytest.fixture
def redis_client():
    import redis

    u = urlparse(REDIS_URL)
    if not port_open(u.hostname or "127.0.0.1", u.port or 6379):
        need_service(f"Redis at {REDIS_URL} (rate limits shared between API processes)")
    return redis.Redis.from_url(REDIS_URL)


def test_two_processes_sharing_redis_enforce_one_limit(redis_client):
    import redis

    ns = f"test:{uuid.uuid4().hex}"
    # two API processes: separate connections, the same namespace
    a = RedisTokenBuckets(redis.Redis.from_url(REDIS_URL), 3, 60.0, namespace=ns)
    b = RedisTokenBuckets(redis.Redis.from_url(REDIS_URL), 3, 60.0, namespace=ns)
    try:
        assert _spend(a, 2) == 2
        assert _spend(b, 2) == 1  # the third token of the one bucket, then refused
        with pytest.raises(RateLimitedError) as e:
            a.take("key:1", what="at most 3 requests per minute")
        assert 0.0 < e.value.retry_after <= 20.0
        assert _spend(RedisTokenBuckets(redis.Redis.from_url(REDIS_URL), 3, 60.0, namespace=f"{ns}:other"), 1) == 1
        ttl = redis_client.pttl(f"{ns}:key:1")
        assert 0 < ttl <= 61_000  # forgotten once it would be full again (60 s from empty at 3 a minute)
    finally:
        for k in redis_client.scan_iter(f"{ns}*"):
            redis_client.delete(k)


def test_redis_buckets_refill_over_time(redis_client):
    import redis

    ns = f"test:{uuid.uuid4().hex}"
    fast = RedisTokenBuckets(redis.Redis.from_url(REDIS_URL), 20, 1.0, namespace=ns)  # 20 per second
    try:
        assert _spend(fast, 25) == 20
        import time

        time.sleep(0.2)  # about 4 tokens come back
        assert 2 <= _spend(fast, 10) <= 6
    finally:
        for k in redis_client.scan_iter(f"{ns}*"):
            redis_client.delete(k)


def test_an_unreachable_redis_falls_back_to_this_process():
    import redis

    dead = redis.Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.5)
    b = RedisTokenBuckets(dead, 3, 60.0, namespace="x")
    assert _spend(b, 4) == 3


def test_which_limiter_the_settings_choose():
    assert shared_redis_url(Settings(broker_url="amqp://guest@localhost//")) is None
    assert shared_redis_url(Settings(broker_url="redis://r:6379/0")) == "redis://r:6379/0"
    assert shared_redis_url(Settings(broker_url="amqp://x//", redis_url="redis://q/1")) == "redis://q/1"
    assert isinstance(buckets(Settings(), 3, 60.0, name="requests"), TokenBuckets)
    shared = buckets(Settings(redis_url="redis://127.0.0.1:6379/15", queue_prefix="p-"), 3, 60.0, name="requests")
    assert isinstance(shared, RedisTokenBuckets) and shared.namespace == "p-topline:ratelimit:requests"


def test_two_api_processes_with_redis_share_a_keys_limit(redis_client, tmp_path):
    from fastapi.testclient import TestClient

    from topline.service.app import create_app
    from topline.service.payloads import new_key
    from topline.tasks import accounts
    from topline.tasks.db import Database, dispose_all

    prefix = f"t{uuid.uuid4().hex[:8]}-"
    settings = Settings(data_dir=tmp_path, redis_url=REDIS_URL, rate_limit_per_minute=3, queue_prefix=prefix)
    db = Database(settings.resolved_database_url)
    db.migrate()
    with db.session() as s:
        key = new_key(accounts.create_key(s, credits=5))["apiKey"]
    h = {"Authorization": f"Bearer {key}"}
    try:
        with TestClient(create_app(settings, start_workers=False)) as a, \
                TestClient(create_app(settings, start_workers=False)) as b:
            codes = [c.get("/api/v1/chat/credit", headers=h).status_code for c in (a, b, a, b)]
        assert codes == [200, 200, 200, 429]
    finally:
        for k in redis_client.scan_iter(f"{prefix}*"):
            redis_client.delete(k)
        dispose_all()
