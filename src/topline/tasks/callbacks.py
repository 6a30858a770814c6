"""Callback delivery from the outbox.

Each (task, stage) has one delivery row with a stable id, sent as
``X-Topline-Delivery-Id`` so a receiver can drop a duplicate. Stages of a task go
out in order: a later stage waits while an earlier one is still pending. A failed
attempt is retried after ``backoff_base * 2**(attempt-1)`` seconds (5, 10, 20, ...
by default) up to ``callback_max_attempts`` attempts, then marked failed. Delivery
never changes the task's status; every attempt is logged for the user to read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import time

import httpx
from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import aliased

from ..errors import ForbiddenAddressError, ToplineError
from ..fetch import check_url
from ..settings import Settings
from .context import Context
from .models import Account, Delivery, DeliveryAttempt, now

log = logging.getLogger(__name__)
USER_AGENT = "Topline-Callback/1"


def signature_headers(*, webhook_key: str, task_id: str, body: bytes, timestamp: int) -> dict[str, str]:
    """kie's scheme (HMAC-SHA256 of "<taskId>.<timestamp>", base64) plus a hash of the body."""
    sig = hmac.new(webhook_key.encode(), f"{task_id}.{timestamp}".encode(), hashlib.sha256).digest()
    return {
        "X-Webhook-Timestamp": str(timestamp),
        "X-Webhook-Signature": base64.b64encode(sig).decode(),
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


def deliver(ctx: Context, delivery_id: str, *, client: httpx.Client | None = None) -> str:
    """One attempt at one delivery; returns its state afterwards."""
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
    own = client is None
    client = client or httpx.Client(timeout=settings.callback_timeout_s, follow_redirects=False)
    try:
        # The server must not be turned into a probe of its own network through callBackUrl.
        check_url(url, allow_private=settings.allow_private_urls, field="callBackUrl", timeout_s=5.0)
        resp = client.post(url, content=body, headers=headers)
        status = resp.status_code
        if not 200 <= status < 300:
            error = f"the receiver answered HTTP {status}"
    except httpx.TimeoutException:
        error = f"the receiver did not answer within {settings.callback_timeout_s:g} s"
    except httpx.HTTPError as exc:
        error = f"could not reach the receiver: {exc.__class__.__name__}: {exc}"
    except ForbiddenAddressError as exc:
        error, final = exc.message, True
    except ToplineError as exc:  # the host does not resolve, a malformed URL...
        error = exc.message
    finally:
        if own:
            client.close()
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


def pump(ctx: Context, *, client: httpx.Client | None = None, limit: int = 10) -> int:
    """Deliver what is due now (one attempt each); returns how many attempts were made."""
    ids = claim_due(ctx, limit=limit)
    for did in ids:
        deliver(ctx, did, client=client)
    return len(ids)


def deliveries_of(ctx: Context, task_id: str) -> list[tuple[Delivery, list[DeliveryAttempt]]]:
    """Every delivery of a task, in stage order, with its attempts in order (detached rows)."""
    with ctx.db.session() as s:
        rows = s.execute(select(Delivery).where(Delivery.task_id == task_id).order_by(Delivery.seq)).scalars().all()
        return [(d, list(s.execute(select(DeliveryAttempt).where(DeliveryAttempt.delivery_id == d.id)
                                   .order_by(DeliveryAttempt.id)).scalars().all())) for d in rows]
