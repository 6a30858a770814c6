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


def wait_for_port(host: str, port: int, timeout: float = 20.0) -> bool:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_open(host, port, timeout=0.2):
            return True
        time.sleep(0.1)
    return False


class S3Server:
    """An S3-compatible server process on loopback (moto's server), with a fresh bucket."""

    def __init__(self) -> None:
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def __enter__(self) -> "S3Server":
        import shutil
        import subprocess
        import sys

        exe = shutil.which("moto_server") or os.path.join(os.path.dirname(sys.executable), "moto_server")
        if not os.path.exists(exe):
            need_service("no S3-compatible server (moto_server) installed")
        self.proc = subprocess.Popen(
            [exe, "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        if not wait_for_port("127.0.0.1", self.port):
            self.proc.kill()
            need_service("the S3-compatible server did not start")
        os.environ.setdefault("AWS_ACCESS_KEY_ID", "test")
        os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "test")
        os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
        return self

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id="test", aws_secret_access_key="test")

    def make_bucket(self, name: str) -> str:
        self.client().create_bucket(Bucket=name)
        return name

    def __exit__(self, *exc: object) -> None:
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=10)


PG = ("127.0.0.1", 5432)
RABBIT = ("127.0.0.1", 5672)
REDIS = ("127.0.0.1", 6379)


class PostgresDatabase:
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""

    def __init__(self) -> None:
        import uuid

        self.name = f"topline_test_{uuid.uuid4().hex[:10]}"
        self.url = f"postgresql+psycopg://postgres@{PG[0]}:{PG[1]}/{self.name}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host={PG[0]} port={PG[1]} user=postgres dbname=postgres", autocommit=True) as c:
            c.execute(sql)

    def __enter__(self) -> "PostgresDatabase":
        if not port_open(*PG):
            need_service(f"PostgreSQL on {PG[0]}:{PG[1]}")
        self._admin(f'CREATE DATABASE "{self.name}"')
        return self

    def __exit__(self, *exc: object) -> None:
        from topline.tasks.db import dispose_all

        dispose_all()
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
