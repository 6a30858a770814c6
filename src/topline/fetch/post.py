"""POST to a user-supplied URL (callbacks) through the same connect-time address check as fetching.

The host name is resolved by :class:`~topline.fetch.transport.GuardedBackend` when the socket is
opened and the socket goes to exactly the address that was checked, so a name that answers a
public address to a first lookup and a loopback or private one to the next (DNS rebinding) never
reaches an internal service.  Redirects are not followed: a receiver answers where it was asked.
"""

from __future__ import annotations

import time

import httpcore

from topline.errors import FetchError
from topline.fetch.addresses import _parse
from topline.fetch.transport import GuardedBackend


def post_bytes(url: str, body: bytes, *, headers: dict[str, str], allow_private: bool, timeout_s: float,
               field: str = "callBackUrl") -> int:
    """POST ``body`` to ``url`` and return the HTTP status of the answer.

    Parameters
    ----------
    url : str
        An http:// or https:// link.
    body : bytes
        Sent as is (the exact bytes a signature covers).
    headers : dict
        Request headers (``Host`` and ``Content-Length`` are added).
    allow_private : bool
        Allow addresses that are not public (``TOPLINE_ALLOW_PRIVATE_URLS``).
    timeout_s : float
        One deadline for the whole exchange: resolving, connecting, sending, the answer.
    field : str
        The request field the URL came from, named in messages.

    Raises
    ------
    ForbiddenAddressError
        The host resolves (at connect time) to a loopback, private, link-local ... address.
    FetchError
        Malformed URL, unresolvable host, refused connection, timeout: one sentence each.
    """
    parsed = _parse(url, field=field)
    deadline = time.monotonic() + timeout_s
    backend = GuardedBackend(allow_private=allow_private, deadline=deadline, field=field, timeout_s=timeout_s)
    target = httpcore.URL(scheme=parsed.raw_scheme, host=parsed.raw_host, port=parsed.port,
                          target=parsed.raw_path)
    sent = [(b"Host", parsed.netloc), (b"Content-Length", str(len(body)).encode())]
    sent += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    ext = {"timeout": {k: timeout_s for k in ("connect", "read", "write", "pool")}}
    try:
        with httpcore.ConnectionPool(network_backend=backend, retries=0, http1=True, http2=False) as pool:
            response = pool.request(b"POST", target, headers=sent, content=body, extensions=ext)
    except FetchError:
        raise
    except httpcore.TimeoutException:
        raise FetchError(f"the receiver did not answer within {timeout_s:g} s", field=field) from None
    except Exception as exc:  # httpcore, ssl and socket errors: a sentence, never a traceback
        cause = exc.__cause__ or exc.__context__
        if isinstance(cause, ConnectionRefusedError) or "refused" in str(exc).lower():
            why = f"{parsed.host} refused the connection"
        else:
            why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise FetchError(f"could not reach the receiver: {why}", field=field) from None
    return response.status
