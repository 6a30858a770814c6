"""The task database schema (SQLAlchemy 2 declarative; Alembic migrations mirror it)."""

from __future__ import annotations

import time

from sqlalchemy import (BigInteger, Boolean, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def now() -> float:
    # Unix seconds as floats: the same on SQLite and PostgreSQL, no timezone pitfalls.
    return time.time()


class Base(DeclarativeBase):
    pass


class Account(Base):
    """Who pays: a credit balance and the key callbacks are signed with."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    credits: Mapped[int] = mapped_column(Integer, default=0)
    webhook_key: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[float] = mapped_column(Float, default=now)


class ApiKey(Base):
    """An API key, stored as its SHA-256 (the key itself is shown once, at creation)."""

    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # shown in listings to tell keys apart
    created_at: Mapped[float] = mapped_column(Float, default=now)
    revoked_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class LedgerEntry(Base):
    """One credit movement; (task, reason) is unique so a task is charged and refunded once."""

    __tablename__ = "ledger"
    __table_args__ = (UniqueConstraint("task_id", "reason", name="uq_ledger_task_reason"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    task_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    delta: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(20))  # grant | charge | refund
    created_at: Mapped[float] = mapped_column(Float, default=now)


class Task(Base):
    """One request and where it stands: an add-vocals task, or a task derived from a finished
    one (``kind`` wav, vocal_removal, midi) or standing alone (lyrics)."""

    __tablename__ = "tasks"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    status: Mapped[str] = mapped_column(String(30), default="PENDING", index=True)
    param: Mapped[str] = mapped_column(Text)  # the request as received, JSON (shown back by record-info only)
    spec: Mapped[str | None] = mapped_column(Text, nullable=True)  # the resolved TaskSpec, JSON: what workers run
    seed: Mapped[int] = mapped_column(BigInteger)
    audio_key: Mapped[str] = mapped_column(String(300))
    callback_url: Mapped[str] = mapped_column(String(2000))
    lyrics: Mapped[str | None] = mapped_column(Text, nullable=True)
    tracks: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON list of TrackResult
    error_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[float | None] = mapped_column(Float, nullable=True, index=True)
    files_expired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[float] = mapped_column(Float, default=now, index=True)
    updated_at: Mapped[float] = mapped_column(Float, default=now)
    finished_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    queue_s: Mapped[float | None] = mapped_column(Float, nullable=True)  # accept -> first work
    kind: Mapped[str] = mapped_column(String(20), default="add_vocals", server_default="add_vocals", index=True)
    source_task_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)  # derived from
    result: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON: a derived task's outcome


class Persona(Base):
    """A singer taken from a finished track: voice, register and vocal style (JSON), reused by add-vocals."""

    __tablename__ = "personas"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    source_task_id: Mapped[str] = mapped_column(String(32))
    audio_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    style: Mapped[str] = mapped_column(String(1000), default="")
    singer: Mapped[str] = mapped_column(Text)  # JSON: gender, voice, register, vocal style
    created_at: Mapped[float] = mapped_column(Float, default=now)


class Delivery(Base):
    """A callback in the outbox: one per (task, stage), retried until delivered or given up."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("task_id", "stage", name="uq_delivery_task_stage"),)
    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # the stable id receivers de-duplicate on
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    seq: Mapped[int] = mapped_column(Integer)  # 1 text, 2 first, 3 complete, 9 error: delivery order
    url: Mapped[str] = mapped_column(String(2000))
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), default="pending", index=True)  # pending|delivered|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[float] = mapped_column(Float, default=now, index=True)
    lease_until: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[float] = mapped_column(Float, default=now)
    delivered_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class DeliveryAttempt(Base):
    """The delivery log a user can read: every attempt, its answer or error."""

    __tablename__ = "delivery_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    delivery_id: Mapped[str] = mapped_column(ForeignKey("deliveries.id"), index=True)
    at: Mapped[float] = mapped_column(Float, default=now)
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)


class Upload(Base):
    """A file a user uploaded to obtain an uploadUrl; deleted by the sweeper after it expires."""

    __tablename__ = "uploads"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    file_name: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(BigInteger)
    mime_type: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[float] = mapped_column(Float, default=now)
    expires_at: Mapped[float] = mapped_column(Float, index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class IdempotencyKey(Base):
    """An ``Idempotency-Key`` an account sent with add-vocals: the same key and request within the
    window answer the first task (no second charge); the same key with another request is a 409."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("account_id", "key", name="uq_idempotency_account_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    key: Mapped[str] = mapped_column(String(255))
    request_sha256: Mapped[str] = mapped_column(String(64))  # of the validated request, canonical JSON
    task_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[float] = mapped_column(Float, default=now, index=True)
