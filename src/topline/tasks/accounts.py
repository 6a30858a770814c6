"""API keys (stored hashed), accounts and the credit ledger."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..errors import AuthError, InsufficientCreditsError, NotFoundError
from .models import Account, ApiKey, LedgerEntry, now


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class NewKey:
    api_key: str
    webhook_key: str
    account_id: int
    credits: int


@dataclass(frozen=True)
class KeyInfo:
    """A key as listed: never the key itself, only its prefix."""

    prefix: str
    account_id: int
    credits: int
    created_at: float  # Unix seconds
    revoked: bool


def create_key(s: Session, *, credits: int, name: str = "", account_id: int | None = None) -> NewKey:
    """A new API key; a new account with ``credits`` unless ``account_id`` names an existing one."""
    if account_id is None:
        acct = Account(name=name, credits=0, webhook_key=secrets.token_urlsafe(32))
        s.add(acct)
        s.flush()
        if credits:
            grant(s, acct.id, credits)
    else:
        acct = s.get(Account, account_id)
        if acct is None:
            raise NotFoundError(f"no account {account_id}")
    key = "tl_" + secrets.token_urlsafe(32)
    s.add(ApiKey(account_id=acct.id, key_hash=hash_key(key), prefix=key[:10]))
    s.flush()
    return NewKey(api_key=key, webhook_key=acct.webhook_key, account_id=acct.id, credits=acct.credits)


_FIRST_KEY_LOCK = 7426152  # PostgreSQL advisory lock id (the migrations use 7426151)


def create_first_key(s: Session, *, credits: int, name: str = "first") -> NewKey | None:
    """The first API key of an empty database, or None when a key exists already.

    Safe when several API processes start at once on an empty database: the check and the insert
    run under a database-wide lock (a transaction-scoped advisory lock on PostgreSQL; SQLite's
    write lock, taken before the check), so exactly one of them creates the key.
    """
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _FIRST_KEY_LOCK})
    else:  # SQLite: a write (even of no row) takes the database's write lock until this transaction ends
        s.execute(update(ApiKey).where(ApiKey.id < 0).values(prefix=ApiKey.prefix))
    if s.execute(select(ApiKey.id).limit(1)).first() is not None:
        return None
    return create_key(s, credits=credits, name=name)


def authenticate(s: Session, authorization: str | None) -> Account:
    """The account behind an ``Authorization: Bearer <key>`` header."""
    if not authorization:
        raise AuthError("Missing API key: send the header 'Authorization: Bearer <your API key>'.")
    scheme, _, key = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise AuthError("Malformed Authorization header: use 'Authorization: Bearer <your API key>'.")
    row = s.execute(select(ApiKey).where(ApiKey.key_hash == hash_key(key.strip()))).scalar_one_or_none()
    if row is None:
        raise AuthError("Invalid API key: check the key, or create one with 'topline keys create'.")
    if row.revoked_at is not None:
        raise AuthError("This API key was revoked: create a new one with 'topline keys create'.")
    acct = s.get(Account, row.account_id)
    assert acct is not None
    return acct


def revoke_key(s: Session, key_or_prefix: str) -> int:
    """Revoke a key given whole or by its listed prefix; returns how many keys were revoked."""
    rows = s.execute(select(ApiKey).where(ApiKey.revoked_at.is_(None))).scalars().all()
    hits = [r for r in rows if r.key_hash == hash_key(key_or_prefix) or r.prefix == key_or_prefix]
    for r in hits:
        r.revoked_at = now()
    return len(hits)


def list_keys(s: Session) -> list[KeyInfo]:
    return [KeyInfo(prefix=k.prefix, account_id=a.id, credits=a.credits, created_at=k.created_at,
                    revoked=k.revoked_at is not None)
            for k, a in s.execute(select(ApiKey, Account).join(Account, Account.id == ApiKey.account_id)).all()]


def grant(s: Session, account_id: int, amount: int) -> None:
    s.execute(update(Account).where(Account.id == account_id).values(credits=Account.credits + amount))
    s.add(LedgerEntry(account_id=account_id, task_id=None, delta=amount, reason="grant"))


def _short(s: Session, account_id: int, amount: int) -> InsufficientCreditsError:
    bal = s.execute(select(Account.credits).where(Account.id == account_id)).scalar_one()
    return InsufficientCreditsError(
        f"Insufficient credits: a task costs {amount} and the balance is {bal}; "
        "add credits with 'topline keys credit' or ask your administrator."
    )


def require_credits(s: Session, account_id: int, amount: int) -> None:
    """Refuse early (before any work) when the balance cannot pay ``amount``; ``charge`` still decides."""
    if s.execute(select(Account.credits).where(Account.id == account_id)).scalar_one() < amount:
        raise _short(s, account_id, amount)


def charge(s: Session, account_id: int, task_id: str, amount: int) -> None:
    """Take ``amount`` credits for a task, atomically; refuse when the balance is short."""
    res = s.execute(
        update(Account)
        .where(Account.id == account_id, Account.credits >= amount)
        .values(credits=Account.credits - amount)
    )
    if res.rowcount != 1:
        raise _short(s, account_id, amount)
    s.add(LedgerEntry(account_id=account_id, task_id=task_id, delta=-amount, reason="charge"))


def refund(s: Session, account_id: int, task_id: str) -> bool:
    """Give back what a task was charged, once (the ledger's unique key makes a second refund a no-op)."""
    charged = s.execute(
        select(LedgerEntry.delta).where(LedgerEntry.task_id == task_id, LedgerEntry.reason == "charge")
    ).scalar_one_or_none()
    if charged is None:
        return False
    already = s.execute(
        select(LedgerEntry.id).where(LedgerEntry.task_id == task_id, LedgerEntry.reason == "refund")
    ).scalar_one_or_none()
    if already is not None:
        return False
    try:
        with s.begin_nested():
            s.add(LedgerEntry(account_id=account_id, task_id=task_id, delta=-charged, reason="refund"))
            s.flush()
    except IntegrityError:
        return False
    s.execute(update(Account).where(Account.id == account_id).values(credits=Account.credits - charged))
    return True
