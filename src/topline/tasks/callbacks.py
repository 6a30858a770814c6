"""Callback delivery from the outbox.

Each (task, stage) has one delivery row with a stable id, sent as
``X-Topline-Delivery-Id`` so a receiver can drop a duplicate. Stages of a task go
out in order: a later stage waits while an earlier one is still pending. A failed
attempt is retried after ``backoff_base * 2**(attempt-1)`` seconds (5, 10, 20, ...
by default) up to ``callback_max_attempts`` attempts, then marked failed. Delivery
never changes the task's status; every attempt is logged for the user to read.

Deliveries go through :func:`topline.fetch.post_bytes`: the receiver's address is checked when
the socket is opened (no DNS rebinding to loopback or private addresses). Each is signed twice:
kie's ``X-Webhook-Signature`` (over ``"<taskId>.<timestamp>"`` only, kept for kie clients) and
``X-Topline-Signature: t=<unix>,v1=<hex HMAC-SHA256(webhookKey, "<t>.<body>")>``, which covers
the exact body bytes sent (see docs/security.md).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import time

from typing import Callable

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import aliased

from ..errors import ForbiddenAddressError, ToplineError
from ..fetch import post_bytes
from ..settings import Settings
from .context import Context
from .models import Account, Delivery, DeliveryAttempt, now

log = logging.getLogger(__name__)
USER_AGENT = "Topline-Callback/1"


Send = Callable[[str, bytes, dict[str, str]], int]  # (url, body, headers) -> HTTP status


def body_signature(*, webhook_key: str, body: bytes, timestamp: int) -> str:
    """``X-Topline-Signature``: ``t=<unix>,v1=<hex HMAC-SHA256(key, "<t>." + body)>``."""
    mac = hmac.new(webhook_key.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def signature_headers(*, webhook_key: str, task_id: str, body: bytes, timestamp: int) -> dict[str, str]:
    """kie's scheme (HMAC-SHA256 of "<taskId>.<timestamp>", base64, unchanged), the signature over
    the timestamp and the exact body bytes, and the body's plain SHA-256."""
    sig = hmac.new(webhook_key.encode(), f"{task_id}.{timestamp}".encode(), hashlib.sha256).digest()
    return {
        "X-Webhook-Timestamp": str(timestamp),
        "X-Webhook-Signature": base64.b64encode(sig).decode(),
        "X-Topline-Signature": body_signature(webhook_key=webhook_key, body=body, timestamp=timestamp),
        "X-Topline-Body-SHA256": hashlib.sha256(body).hexdigest(),
    }


def backoff_s(settings: Settings, attempt: int) -> float:
    return settings.callback_backoff_base_s * 2 ** (attempt - 1)


def claim_due(ctx: Context, *, limit: int = 10, lease_s: float = 60.0) -> list[str]:
    """Ids of deliveries due now whose earlier stages are done, leased to this caller."""
    t = now()
    earlier = aliased(Delivery)
    blocked = exists().where(and_(earlier.task_id == Delivery.task_id, earlier.seq < Delivery.seq,
                                  earlier.state == "pending"))
    with ctx.db.session() as s:
        ids = list(s.execute(
            select(Delivery.id).where(
                Delivery.state == "pending", Delivery.next_attempt_at <= t,
                or_(Delivery.lease_until.is_(None), Delivery.lease_until < t), ~blocked,
            ).order_by(Delivery.next_attempt_at).limit(limit)
        ).scalars())
    got = []
    for did in ids:
        with ctx.db.session() as s:
            res = s.execute(update(Delivery).where(
                Delivery.id == did, Delivery.state == "pending",
                or_(Delivery.lease_until.is_(None), Delivery.lease_until < t)).values(lease_until=t + lease_s))
            if res.rowcount == 1:
                got.append(did)
    return got


def _guarded_send(settings: Settings) -> Send:
    def send(url: str, body: bytes, headers: dict[str, str]) -> int:
        return post_bytes(url, body, headers=headers, allow_private=settings.allow_private_urls,
                          timeout_s=settings.callback_timeout_s, field="callBackUrl")

    return send


def deliver(ctx: Context, delivery_id: str, *, send: Send | None = None) -> str:
    """One attempt at one delivery; returns its state afterwards.

    ``send`` posts the bytes (default: :func:`topline.fetch.post_bytes`, whose address check at
    connect time keeps callbacks off loopback and private networks); tests pass their own.
    """
    settings = ctx.settings
    with ctx.db.session() as s:
        d = s.get(Delivery, delivery_id)
        if d is None or d.state != "pending":
            return d.state if d else "missing"
        key = s.execute(select(Account.webhook_key).where(Account.id == d.account_id)).scalar_one()
        url, body, task_id, stage, attempt = d.url, d.body.encode(), d.task_id, d.stage, d.attempts + 1
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
               "X-Topline-Delivery-Id": delivery_id, "X-Topline-Stage": stage,
               "X-Topline-Attempt": str(attempt)}
    if key:
        headers |= signature_headers(webhook_key=key, task_id=task_id, body=body, timestamp=int(time.time()))
    status, error, final = None, None, False
    started = time.perf_counter()
    send = send or _guarded_send(settings)
    try:
        status = send(url, body, headers)
        if not 200 <= status < 300:
            error = f"the receiver answered HTTP {status}"
    except ForbiddenAddressError as exc:  # never retried: the address will not become public
        error, final = exc.message, True
    except ToplineError as exc:  # unreachable, timed out, the host does not resolve ...
        error = exc.message
    ms = int((time.perf_counter() - started) * 1000)
    with ctx.db.session() as s:
        d = s.get(Delivery, delivery_id)
        s.add(DeliveryAttempt(delivery_id=delivery_id, status_code=status, error=error, duration_ms=ms))
        d.attempts = attempt
        d.last_status, d.last_error, d.lease_until = status, error, None
        if error is None:
            d.state, d.delivered_at = "delivered", now()
        elif final or attempt >= settings.callback_max_attempts:
            d.state = "failed"
            log.warning("callback %s for task %s given up after %d attempts: %s", stage, task_id, attempt, error)
        else:
            d.next_attempt_at = now() + backoff_s(settings, attempt)
        return d.state


def pump(ctx: Context, *, send: Send | None = None, limit: int = 10) -> int:
    """Deliver what is due now (one attempt each); returns how many attempts were made."""
    ids = claim_due(ctx, limit=limit)
    for did in ids:
        deliver(ctx, did, send=send)
    return len(ids)


def deliveries_of(ctx: Context, task_id: str) -> list[tuple[Delivery, list[DeliveryAttempt]]]:
    """Every delivery of a task, in stage order, with its attempts in order (detached rows)."""
    with ctx.db.session() as s:
        rows = s.execute(select(Delivery).where(Delivery.task_id == task_id).order_by(Delivery.seq)).scalars().all()
        return [(d, list(s.execute(select(DeliveryAttempt).where(DeliveryAttempt.delivery_id == d.id)
                                   .order_by(DeliveryAttempt.id)).scalars().all())) for d in rows]
