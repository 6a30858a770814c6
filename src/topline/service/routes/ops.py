"""Health, Prometheus metrics, and the development key endpoint."""

from __future__ import annotations

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import func, select, text

from ...errors import NotFoundError
from ...tasks import accounts, lifecycle
from ...tasks.models import Delivery, Task
from ..deps import State
from .. import metrics as m
from ..envelope import error_response, ok
from ..payloads import new_key

router = APIRouter()


@router.get("/health")
def health(state: State):
    """200 when the database and the store answer; 503 otherwise."""
    ctx = state.ctx
    checks = {}
    try:
        with ctx.db.session() as s:
            s.execute(text("SELECT 1"))
            queued = s.execute(select(func.count()).select_from(Task)
                               .where(Task.status.in_(lifecycle.RUNNABLE))).scalar_one()
            pending_callbacks = s.execute(select(func.count()).select_from(Delivery)
                                          .where(Delivery.state == "pending")).scalar_one()
        checks["database"] = "ok"
    except Exception as exc:  # reported, not raised: this is the health check
        checks["database"] = f"error: {exc.__class__.__name__}"
        queued = pending_callbacks = None
    try:
        ctx.store.exists("health/probe")
        checks["storage"] = "ok"
    except Exception as exc:
        checks["storage"] = f"error: {exc.__class__.__name__}"
    healthy = all(v == "ok" for v in checks.values())
    data = {"status": "ok" if healthy else "degraded", **checks, "mode": state.mode,
            "maintenance": ctx.settings.maintenance, "tasksInProgress": queued,
            "pendingCallbacks": pending_callbacks}
    if not healthy:
        return error_response(503, "Service unhealthy: " + ", ".join(f"{k} {v}" for k, v in checks.items()))
    return ok(data)


@router.get("/metrics", include_in_schema=False)
def metrics(state: State) -> Response:
    """Prometheus text format; task and callback counts come from the database, so they cover every
    worker process, not only this one."""
    with state.ctx.db.session() as s:
        for status, n in s.execute(select(Task.status, func.count()).group_by(Task.status)).all():
            m.TASKS_BY_STATUS.labels(status).set(n)
        for st, n in s.execute(select(Delivery.state, func.count()).group_by(Delivery.state)).all():
            m.DELIVERIES_BY_STATE.labels(st).set(n)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


@router.post("/api/v1/dev/keys")
def dev_key(state: State) -> dict:
    """Local development only (``topline serve --dev``): a fresh API key with default credits."""
    if not state.ctx.settings.dev_keys:
        raise NotFoundError("Key creation over HTTP is off; run 'topline keys create' on the server "
                            "(or start it with --dev for local development).")
    with state.ctx.db.session() as s:
        return ok(new_key(accounts.create_key(s, credits=state.ctx.settings.default_credits, name="dev")))
