"""An httpcore network backend that resolves, checks and connects to the checked address.

Connecting to exactly the address that was checked defeats DNS rebinding; TLS still verifies
and sends the URL's host name (httpcore passes it to ``start_tls``).  Every socket operation is
clamped to one deadline for the whole download.
"""

from __future__ import annotations

import ssl
import time

import httpcore

from topline.fetch.addresses import check_addresses, resolve


class DeadlineStream(httpcore.NetworkStream):
    """Clamps every socket operation to the overall deadline of the download."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def _left(self, timeout: float | None, exc: type[Exception]) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise exc("overall deadline reached")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname,
                                      self._left(timeout, httpcore.ConnectTimeout))
        return DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """Resolves, checks and connects to the checked address; TLS keeps the URL's host name (SNI)."""

    def __init__(self, *, allow_private: bool, deadline: float, field: str, timeout_s: float) -> None:
        self._inner = httpcore.SyncBackend()
        self.allow_private = allow_private
        self.deadline = deadline
        self.field = field
        self.timeout_s = timeout_s
        self.hop: str | None = None  # the URL being fetched after a redirect, for messages

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options=None) -> httpcore.NetworkStream:
        addrs = resolve(host, port, deadline=self.deadline, field=self.field, timeout_s=self.timeout_s)
        if not self.allow_private:
            check_addresses(host, addrs, field=self.field, hop=self.hop)
        error: Exception | None = None
        for addr in addrs:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise httpcore.ConnectTimeout("overall deadline reached")
            try:
                stream = self._inner.connect_tcp(addr, port, timeout=min(timeout or left, left),
                                                 local_address=local_address, socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return DeadlineStream(stream, self.deadline)
        assert error is not None
        raise error

    def connect_unix_socket(self, *args, **kwargs):  # never: user URLs are TCP only
        raise httpcore.ConnectError("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
