"""The FastAPI application: routes, error envelope, metrics, the playground, and the runner."""

from __future__ import annotations

import logging
import time
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi_offline import FastAPIOffline
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from ..settings import Settings, get_settings
from ..tasks.context import Context
from . import envelope, metrics
from .bodylimit import BodyLimit
from .deps import ServiceState
from .payloads import Payloads
from .ratelimit import buckets
from .security import SecurityHeaders
from .routes import extras, files, generate, ops

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
API_DESCRIPTION = (
    "Every answer is `{code, msg, data}`; the HTTP status equals `code`. Authenticate with "
    "`Authorization: Bearer <API key>`. A task costs the configured credits (12 by default), charged when it is "
    "accepted and refunded when it fails. Field ranges and what each field does musically are in the request "
    "schemas below; the full contract, callbacks and their verification, and troubleshooting are in the "
    "repository's `docs/api.md`."
)


def _runner(ctx: Context):
    if ctx.settings.broker_url:
        from ..tasks.celery_app import CelerySubmitter

        return CelerySubmitter(ctx), "celery"
    from ..tasks.runner import EmbeddedRunner

    return EmbeddedRunner(ctx, workers=ctx.settings.workers), "embedded"


def create_app(settings: Settings | None = None, *, start_workers: bool = True) -> FastAPI:
    """The service; ``start_workers=False`` serves the API only (Celery mode, or tests)."""
    settings = settings or get_settings()
    payloads = Payloads.from_settings(settings)
    ctx = Context(settings, payloads=payloads)
    runner, mode = _runner(ctx)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        ctx.db.migrate()
        if start_workers and hasattr(runner, "start"):
            runner.start()
        yield
        if hasattr(runner, "stop"):
            runner.stop()

    # Swagger UI and ReDoc from assets this server serves (fastapi-offline ships them): /docs works
    # without internet access.
    app = FastAPIOffline(
        static_url="/docs-assets",
        title="Topline",
        version="0.1.0",
        summary="Self-hosted, kie.ai-compatible 'Add Vocals' API: lyrics sung over your instrumental.",
        description=API_DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.topline = ServiceState(
        ctx=ctx, runner=runner, mode=mode, payloads=payloads,
        requests=buckets(settings, settings.rate_limit_per_minute, 60.0, name="requests"),
        record_info=buckets(settings, settings.record_info_per_second, 1.0, name="record-info"),
    )
    envelope.install(app)

    # the largest legitimate body is a base64 upload of the largest file (4/3 of it) plus framing
    body_limit = int(settings.max_upload_bytes * 4 / 3) + 2**20
    app.add_middleware(BodyLimit, limit=body_limit, message=(
        f"The request body is larger than {body_limit / 2**20:.3g} MB; uploads may be at most "
        f"{settings.max_upload_bytes / 2**20:.3g} MB of audio."))
    app.add_middleware(SecurityHeaders, public_url=settings.public_url)  # outermost: every answer

    @app.middleware("http")
    async def _measure(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        name = getattr(route, "path", "unmatched")
        metrics.REQUESTS.labels(request.method, name, str(response.status_code)).inc()
        metrics.LATENCY.labels(name).observe(time.perf_counter() - started)
        return response

    app.include_router(generate.router)
    app.include_router(files.router)
    app.include_router(ops.router)
    app.include_router(extras.router)

    if (STATIC / "index.html").exists():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

        @app.get("/", include_in_schema=False)
        def playground() -> FileResponse:
            return FileResponse(STATIC / "index.html")
    else:
        @app.get("/", include_in_schema=False)
        def root() -> RedirectResponse:
            return RedirectResponse("/docs")

    return app
