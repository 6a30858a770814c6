"""The outbox: order, signatures, backoff and the log."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import httpx
import pytest

from topline.settings import Settings
from topline.tasks import accounts, callbacks, lifecycle
from topline.tasks.context import Context
from topline.tasks.models import Account, Delivery, now
from topline.service.payloads import delivery_log
from tests.tasks.specs import BODY, spec


@pytest.fixture
def ctx(tmp_path):
    from topline.tasks.db import dispose_all

    c = Context(Settings(data_dir=tmp_path, allow_private_urls=True, callback_backoff_base_s=5,
                         callback_max_attempts=3))
    c.db.migrate()
    yield c
    dispose_all()


def _queued(ctx):
    with ctx.db.session() as s:
        key = accounts.create_key(s, credits=20)
        lifecycle.accept(s, account=s.get(Account, key.account_id), spec=spec("t1"), param={"prompt": "x"},
                         callback_url="http://receiver.test/cb", cost=12)
        lifecycle.record_stage(s, "t1", "text", callback_body=BODY, lyrics="x")
        lifecycle.record_stage(s, "t1", "complete", callback_body=BODY, tracks=[])
    return key


def _client(answers: list[int], seen: list[httpx.Request]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(answers.pop(0) if answers else 200)

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_signature_matches_kie_scheme():
    h = callbacks.signature_headers(webhook_key="k", task_id="t", body=b"{}", timestamp=1700000000)
    assert h["X-Webhook-Signature"] == base64.b64encode(
        hmac.new(b"k", b"t.1700000000", hashlib.sha256).digest()).decode()
    assert h["X-Topline-Body-SHA256"] == hashlib.sha256(b"{}").hexdigest()
    assert h["X-Webhook-Timestamp"] == "1700000000"


def test_later_stage_waits_for_earlier_one(ctx, monkeypatch):
    monkeypatch.setattr(callbacks, "check_url", lambda *a, **k: None)  # receiver.test is not a real host
    key = _queued(ctx)
    seen: list[httpx.Request] = []
    client = _client([500], seen)
    assert callbacks.pump(ctx, client=client) == 1  # only "text" is due; it fails
    assert [json.loads(r.content)["data"]["callbackType"] for r in seen] == ["text"]
    assert callbacks.pump(ctx, client=client) == 0  # "complete" waits behind the pending "text"
    with ctx.db.session() as s:
        d = s.query(Delivery).filter_by(stage="text").one()
        assert d.attempts == 1 and d.state == "pending"
        assert 4.5 < d.next_attempt_at - now() <= 5.0  # first backoff: base * 2**0
        d.next_attempt_at = now() - 1
    assert callbacks.pump(ctx, client=client) == 1
    assert callbacks.pump(ctx, client=client) == 1
    assert [json.loads(r.content)["data"]["callbackType"] for r in seen] == ["text", "text", "complete"]
    req = seen[-1]
    assert req.headers["X-Topline-Stage"] == "complete" and req.headers["X-Topline-Attempt"] == "1"
    assert req.headers["X-Webhook-Signature"]
    log = delivery_log(callbacks.deliveries_of(ctx, "t1"))
    assert [(d["stage"], d["state"], d["attempts"]) for d in log] == [("text", "delivered", 2),
                                                                       ("complete", "delivered", 1)]
    assert [a["statusCode"] for a in log[0]["log"]] == [500, 200]


def test_backoff_doubles_then_gives_up(ctx, monkeypatch):
    monkeypatch.setattr(callbacks, "check_url", lambda *a, **k: None)
    _queued(ctx)
    assert [callbacks.backoff_s(ctx.settings, n) for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    seen: list[httpx.Request] = []
    client = _client([503, 503, 503], seen)
    for _ in range(3):
        with ctx.db.session() as s:
            s.query(Delivery).filter_by(stage="text").one().next_attempt_at = now() - 1
        callbacks.pump(ctx, client=client)
    with ctx.db.session() as s:
        assert s.query(Delivery).filter_by(stage="text").one().state == "failed"


def test_private_callback_address_refused_without_retry(tmp_path):
    from topline.tasks.db import dispose_all

    ctx = Context(Settings(data_dir=tmp_path, allow_private_urls=False))
    ctx.db.migrate()
    with ctx.db.session() as s:
        key = accounts.create_key(s, credits=20)
        lifecycle.accept(s, account=s.get(Account, key.account_id), spec=spec("t1"), param={},
                         callback_url="http://127.0.0.1:9/cb", cost=12)
        lifecycle.record_stage(s, "t1", "text", callback_body=BODY, lyrics="x")
    assert callbacks.pump(ctx) == 1
    log = delivery_log(callbacks.deliveries_of(ctx, "t1"))
    assert log[0]["state"] == "failed" and log[0]["attempts"] == 1
    assert "private address" in log[0]["log"][0]["error"] or "loopback" in log[0]["log"][0]["error"]
    dispose_all()
