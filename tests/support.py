"""Shared test helpers (import as ``tests.support``).

Tests that need a server (PostgreSQL, Redis, RabbitMQ, an S3 server, Chromium) call
``need_service(reason)`` when it is absent: a visible skip on a developer's machine,
a failure in CI, where ``TOPLINE_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import os
import socket

import pytest


def services_required() -> bool:
    return os.environ.get("TOPLINE_REQUIRE_SERVICES", "") not in ("", "0", "false", "no")


def need_service(reason: str) -> None:
    """Skip (or, under TOPLINE_REQUIRE_SERVICES=1, fail) because a needed server is missing."""
    if services_required():
        pytest.fail(f"required service missing: {reason}", pytrace=False)
    pytest.skip(f"service missing: {reason}")


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
