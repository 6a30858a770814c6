"""The outbox: order, signatures, backoff and the log."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import socket

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


class Sent:
    def __init__(self, url: str, body: bytes, headers: dict[str, str]) -> None:
        self.url, self.content, self.headers = url, body, headers


def _sender(answers: list[int], seen: list[Sent]):
    def send(url: str, body: bytes, headers: dict[str, str]) -> int:
        seen.append(Sent(url, body, headers))
        return answers.pop(0) if answers else 200

    return send


def test_signature_matches_kie_scheme():
    h = callbacks.signature_headers(webhook_key="k", task_id="t", body=b"{}", timestamp=1700000000)
    assert h["X-Webhook-Signature"] == base64.b64encode(
        hmac.new(b"k", b"t.1700000000", hashlib.sha256).digest()).decode()
    assert h["X-Topline-Body-SHA256"] == hashlib.sha256(b"{}").hexdigest()
    assert h["X-Webhook-Timestamp"] == "1700000000"


def test_later_stage_waits_for_earlier_one(ctx):
    key = _queued(ctx)
    seen: list[Sent] = []
    client = _sender([500], seen)
    assert callbacks.pump(ctx, send=client) == 1  # only "text" is due; it fails
    assert [json.loads(r.content)["data"]["callbackType"] for r in seen] == ["text"]
    assert callbacks.pump(ctx, send=client) == 0  # "complete" waits behind the pending "text"
    with ctx.db.session() as s:
        d = s.query(Delivery).filter_by(stage="text").one()
        assert d.attempts == 1 and d.state == "pending"
        assert 4.5 < d.next_attempt_at - now() <= 5.0  # first backoff: base * 2**0
        d.next_attempt_at = now() - 1
    assert callbacks.pump(ctx, send=client) == 1
    assert callbacks.pump(ctx, send=client) == 1
    assert [json.loads(r.content)["data"]["callbackType"] for r in seen] == ["text", "text", "complete"]
    req = seen[-1]
    assert req.headers["X-Topline-Stage"] == "complete" and req.headers["X-Topline-Attempt"] == "1"
    assert req.headers["X-Webhook-Signature"]
    log = delivery_log(callbacks.deliveries_of(ctx, "t1"))
    assert [(d["stage"], d["state"], d["attempts"]) for d in log] == [("text", "delivered", 2),
                                                                       ("complete", "delivered", 1)]
    assert [a["statusCode"] for a in log[0]["log"]] == [500, 200]


def test_backoff_doubles_then_gives_up(ctx):
    _queued(ctx)
    assert [callbacks.backoff_s(ctx.settings, n) for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    seen: list[Sent] = []
    client = _sender([503, 503, 503], seen)
    for _ in range(3):
        with ctx.db.session() as s:
            s.query(Delivery).filter_by(stage="text").one().next_attempt_at = now() - 1
        callbacks.pump(ctx, send=client)
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


def test_body_signature_covers_timestamp_and_exact_body():
    body = b'{"code":200,"data":{"callbackType":"complete","task_id":"t"}}'
    h = callbacks.signature_headers(webhook_key="k", task_id="t", body=body, timestamp=1700000000)
    expected = hmac.new(b"k", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert h["X-Topline-Signature"] == f"t=1700000000,v1={expected}"
    changed = body.replace(b"complete", b"error")
    assert callbacks.signature_headers(webhook_key="k", task_id="t", body=changed, timestamp=1700000000)[
        "X-Topline-Signature"] != h["X-Topline-Signature"]
    # kie's header is unchanged (it does not cover the body, which is why the second one exists)
    assert callbacks.signature_headers(webhook_key="k", task_id="t", body=changed, timestamp=1700000000)[
        "X-Webhook-Signature"] == h["X-Webhook-Signature"]


def test_delivered_body_is_the_signed_body(ctx):
    key = _queued(ctx)
    seen: list[Sent] = []
    callbacks.pump(ctx, send=_sender([], seen))
    req = seen[0]
    t, v1 = (part.split("=", 1)[1] for part in req.headers["X-Topline-Signature"].split(","))
    assert t == req.headers["X-Webhook-Timestamp"]
    assert hmac.compare_digest(v1, hmac.new(key.webhook_key.encode(), t.encode() + b"." + req.content,
                                            hashlib.sha256).hexdigest())


class _Receiver:
    """A loopback HTTP server that records every request it gets."""

    def __enter__(self):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        hits = self.hits = []

        class H(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                hits.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *a):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_callback_dns_rebinding_never_reaches_loopback(tmp_path, monkeypatch):
    """A name that answers a public address first and 127.0.0.1 next must not reach loopback."""
    from topline.tasks.db import dispose_all

    import ipaddress

    real_getaddrinfo = socket.getaddrinfo
    lookups: list[str] = []

    def rebinding(host, port, *args, **kwargs):
        try:
            ipaddress.ip_address(host)
            return real_getaddrinfo(host, port, *args, **kwargs)  # a literal address is not a lookup
        except ValueError:
            pass
        addr = "93.184.216.34" if not lookups else "127.0.0.1"
        lookups.append(addr)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (addr, port))]

    connects: list[str] = []
    real_connect = socket.socket.connect

    def spy(self, address):
        connects.append(address[0])
        if address[0] != "127.0.0.1":  # no internet in tests: the public address does not answer
            raise ConnectionRefusedError(111, "Connection refused")
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(socket.socket, "connect", spy)
    with _Receiver() as rx:
        ctx = Context(Settings(data_dir=tmp_path, allow_private_urls=False, callback_timeout_s=2))
        ctx.db.migrate()
        with ctx.db.session() as s:
            key = accounts.create_key(s, credits=20)
            lifecycle.accept(s, account=s.get(Account, key.account_id), spec=spec("t1"), param={},
                             callback_url=f"http://rebind.example:{rx.port}/cb", cost=12)
            lifecycle.record_stage(s, "t1", "text", callback_body=BODY, lyrics="x")
        for _ in range(3):  # every retry resolves again: the second answer is loopback
            with ctx.db.session() as s:
                s.query(Delivery).filter_by(stage="text").one().next_attempt_at = now() - 1
            callbacks.pump(ctx)
        log = delivery_log(callbacks.deliveries_of(ctx, "t1"))
        dispose_all()
    assert rx.hits == []
    assert "127.0.0.1" not in connects
    assert log[0]["state"] == "failed"
    assert any("resolves to a loopback address (127.0.0.1)" in (a["error"] or "") for a in log[0]["log"])


def _documented_verifier():
    """The verification snippet of docs/security.md, run as a user would copy it."""
    import pathlib
    import re

    doc = (pathlib.Path(__file__).resolve().parents[2] / "docs" / "security.md").read_text()
    code = re.search(r"```python\n(.*?def verify_topline_signature.*?)```", doc, re.S).group(1)
    scope: dict = {}
    exec(compile(code, "docs/security.md", "exec"), scope)  # noqa: S102 - our own documentation
    return scope["verify_topline_signature"]


def test_documented_verification_accepts_ours_and_refuses_changes_and_replays(ctx):
    verify = _documented_verifier()
    key = _queued(ctx)
    seen: list[Sent] = []
    callbacks.pump(ctx, send=_sender([], seen))
    req = seen[0]
    header, body, wk = req.headers["X-Topline-Signature"], req.content, key.webhook_key
    assert verify(header, body, wk)
    assert not verify(header, body.replace(b'"text"', b'"error"'), wk)  # a changed body fails
    assert not verify(header, body + b" ", wk)
    assert not verify(header, body, "another-key")
    t = int(req.headers["X-Webhook-Timestamp"])
    assert not verify(header, body, wk, now=t + 301)  # outside the replay window
    assert verify(header, body, wk, now=t + 299)
    assert not verify("garbage", body, wk) and not verify("t=x,v1=00", body, wk)
