"""Every answer is ``{"code", "msg", "data"}``; the HTTP status equals ``code`` where that is a
valid HTTP status. Errors say precisely what to fix and name the field."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import RateLimitedError, ToplineError

log = logging.getLogger(__name__)


def ok(data: Any = None, msg: str = "success") -> dict[str, Any]:
    return {"code": 200, "msg": msg, "data": data}


def error_response(code: int, msg: str, *, headers: dict[str, str] | None = None) -> JSONResponse:
    status = code if 100 <= code <= 599 else 500
    return JSONResponse({"code": code, "msg": msg, "data": None}, status_code=status, headers=headers)


_TYPE_MESSAGES = {
    "missing": "{f} is required",
    "string_type": "{f} must be a string",
    "int_type": "{f} must be an integer",
    "int_parsing": "{f} must be an integer",
    "float_type": "{f} must be a number",
    "float_parsing": "{f} must be a number",
    "finite_number": "{f} must be a finite number",
    "bool_type": "{f} must be true or false",
    "extra_forbidden": "{f} is not a field of this request; remove it",
    "literal_error": "{f} must be one of {expected}",
    "string_too_long": "{f} must be at most {max_length} characters",
    "string_too_short": "{f} must not be empty",
    "greater_than_equal": "{f} must be at least {ge}",
    "less_than_equal": "{f} must be at most {le}",
    "multiple_of": "{f} must be a multiple of {multiple_of}",
    "json_invalid": "the request body is not valid JSON",
    "model_attributes_type": "the request body must be a JSON object",
    "dict_type": "the request body must be a JSON object",
}


def _json_kind(value: Any) -> str:
    """What a JSON value is, for "must be a number, not ..." messages."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        try:
            float(value)
            return f"the string {value[:40]!r} (send numbers without quotes)"
        except ValueError:
            return f"the string {value[:40]!r}"
    if value is None:
        return "null"
    if isinstance(value, float) and value != value:
        return "NaN (not a number)"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def validation_message(exc: RequestValidationError) -> str:
    """One sentence naming the first bad field and what it must be."""
    err = exc.errors()[0]
    loc = [str(x) for x in err.get("loc", ()) if x not in ("body", "query", "header")]
    field = ".".join(loc) or "the request body"
    kind = err.get("type", "")
    ctx = {k: v for k, v in (err.get("ctx") or {}).items()}
    template = _TYPE_MESSAGES.get(kind)
    if kind == "value_error":
        return f"{field}: {ctx.get('error', err.get('msg'))}".replace("Value error, ", "")
    if template is None:
        return f"{field}: {err.get('msg', 'invalid value')}"
    if kind in ("float_type", "int_type", "finite_number", "string_type", "bool_type") and "input" in err:
        template += ", not " + _json_kind(err["input"]).replace("{", "{{").replace("}", "}}")
    try:
        return template.format(f=field, **ctx)
    except (KeyError, IndexError):
        return f"{field}: {err.get('msg')}"


def install(app: FastAPI) -> None:
    @app.exception_handler(ToplineError)
    async def _topline(request: Request, exc: ToplineError) -> JSONResponse:
        headers = None
        if isinstance(exc, RateLimitedError):
            headers = {"Retry-After": str(max(1, int(exc.retry_after + 0.999)))}
        return error_response(exc.api_code, exc.message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        msg = {404: f"No such endpoint: {request.method} {request.url.path}",
               405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, str(exc.detail))
        return error_response(exc.status_code, msg, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "Unexpected server error; the request was not completed. Try again.")
