"""``topline serve`` and ``topline keys ...``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def _settings_env(args: argparse.Namespace) -> None:
    # Flags are settings too: they go through the same TOPLINE_* variables as everything else.
    for flag, env in (("host", "TOPLINE_HOST"), ("port", "TOPLINE_PORT"), ("data", "TOPLINE_DATA_DIR"),
                      ("workers", "TOPLINE_WORKERS")):
        value = getattr(args, flag, None)
        if value is not None:
            os.environ[env] = str(value)
    if getattr(args, "dev", False):
        os.environ["TOPLINE_DEV_KEYS"] = "1"
        os.environ.setdefault("TOPLINE_ALLOW_PRIVATE_URLS", "1")
    if getattr(args, "host", None) or getattr(args, "port", None):
        os.environ.setdefault("TOPLINE_PUBLIC_URL", f"http://{args.host or '127.0.0.1'}:{args.port or 8000}")
    from ..settings import get_settings

    get_settings.cache_clear()


def _db():
    from ..settings import get_settings
    from ..tasks.db import Database

    db = Database(get_settings().resolved_database_url)
    db.migrate()
    return db


def _listen(host: str, port: int):
    """A socket bound to (host, port), listening; a one-sentence ToplineError when it cannot be."""
    import errno
    import socket

    from ..errors import ToplineError

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError):
        raise ToplineError(f"cannot listen on {host}: the host name does not resolve; use --host 127.0.0.1 "
                           "(this machine only) or --host 0.0.0.0 (every interface).") from None
    except OverflowError:
        raise ToplineError(f"cannot listen on port {port}: a port is a number from 1 to 65535.") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a restart is not "busy"
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ToplineError(f"port {port} on {host} is busy: another program (perhaps another topline serve) "
                               "listens there; stop it or choose another port with --port.") from None
        if exc.errno == errno.EACCES:
            raise ToplineError(f"cannot listen on port {port}: permission denied (ports below 1024 need root); "
                               "choose another port with --port.") from None
        if exc.errno == errno.EADDRNOTAVAIL:
            raise ToplineError(f"cannot listen on {host}: this machine has no such address; use --host 127.0.0.1 "
                               "or --host 0.0.0.0.") from None
        raise ToplineError(f"cannot listen on {host}:{port}: {exc.strerror or exc}.") from None
    return sock


def serve(args: argparse.Namespace) -> int:
    _settings_env(args)
    import uvicorn

    from ..settings import get_settings
    from ..tasks import accounts
    from .app import create_app

    st = get_settings()
    sock = _listen(st.host, st.port)  # the port is ours before anything says it is served
    db = _db()
    with db.session() as s:  # one first key, however many replicas start at once on an empty database
        new = accounts.create_first_key(s, credits=st.default_credits)
    base = st.public_url.rstrip("/")
    print(f"Topline is serving on http://{st.host}:{st.port}  (data: {Path(st.data_dir).resolve()}, "
          f"{'Celery broker ' + st.broker_url if st.broker_url else f'{st.workers} embedded worker(s)'})",
          file=sys.stderr)
    print(f"  playground  {base}/\n  API docs    {base}/docs\n"
          f"  add vocals  POST {base}/api/v1/generate/add-vocals   (Authorization: Bearer <key>)", file=sys.stderr)
    if new:
        print(f"  first API key (shown once): {new.api_key}\n  webhook key: {new.webhook_key}", file=sys.stderr)
    else:
        print("  get an API key with: topline keys create", file=sys.stderr)
    server = uvicorn.Server(uvicorn.Config(create_app(st), host=st.host, port=st.port, log_level="info"))
    server.run(sockets=[sock])
    return 0


def keys(args: argparse.Namespace) -> int:
    _settings_env(args)
    from ..settings import get_settings
    from ..tasks import accounts
    from . import payloads

    db = _db()
    with db.session() as s:
        if args.keys_cmd == "create":
            credits = args.credits if args.credits is not None else get_settings().default_credits
            out = payloads.new_key(accounts.create_key(s, credits=credits, name=args.name or "",
                                                       account_id=args.account))
        elif args.keys_cmd == "revoke":
            n = accounts.revoke_key(s, args.key)
            if not n:
                print(f"topline: no active key matches {args.key!r}", file=sys.stderr)
                return 2
            out = {"revoked": n}
        elif args.keys_cmd == "credit":
            accounts.grant(s, args.account, args.amount)
            out = {"accountId": args.account, "granted": args.amount}
        else:
            out = payloads.key_list(accounts.list_keys(s))
    print(json.dumps(out, indent=2))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="start the API, the playground and the embedded workers")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)
    p.add_argument("--data", type=Path, default=None, help="data directory (default ./topline-data)")
    p.add_argument("--workers", type=int, default=None, help="tasks rendered at once (embedded mode)")
    p.add_argument("--dev", action="store_true", help="local development: keys over HTTP, private URLs allowed")
    p.set_defaults(func=serve)

    k = sub.add_parser("keys", help="create, list or revoke API keys")
    k.add_argument("--data", type=Path, default=None)
    ks = k.add_subparsers(dest="keys_cmd", required=True)
    c = ks.add_parser("create", help='prints {"apiKey", "webhookKey", ...}')
    c.add_argument("--credits", type=int, default=None)
    c.add_argument("--name", default="")
    c.add_argument("--account", type=int, default=None, help="add a key to an existing account")
    r = ks.add_parser("revoke", help="revoke a key (the whole key or its listed prefix)")
    r.add_argument("key")
    g = ks.add_parser("credit", help="add credits to an account")
    g.add_argument("account", type=int)
    g.add_argument("amount", type=int)
    ks.add_parser("list", help="list keys (prefixes only)")
    k.set_defaults(func=keys)
