"""Which addresses a user URL may reach: parse, resolve, refuse non-public addresses."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time

import httpx

from topline.errors import FetchError, ForbiddenAddressError

_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_FIX = "Topline only fetches public URLs (the server admin can allow private ones with TOPLINE_ALLOW_PRIVATE_URLS)"


def forbidden_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """What kind of non-public address ``ip`` is ("a private address", ...), or None if public."""
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv6 form of an IPv4 address reaches that IPv4 host: judge the IPv4 address.
        embedded = ip.ipv4_mapped or ip.sixtofour or _nat64(ip)
        if embedded is not None:
            return forbidden_kind(embedded)
    if ip in _METADATA:
        return "the cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.version == 4 and ip in _CGNAT:
        return "a carrier-grade NAT address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_reserved:  # before is_private, which also covers 240.0.0.0/4
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        return "a non-public address"
    return None


def _nat64(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def resolve(host: str, port: int, *, deadline: float, field: str, timeout_s: float) -> list[str]:
    """All addresses ``host`` resolves to, under the overall deadline (getaddrinfo has no timeout)."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            result["error"] = exc

    worker = threading.Thread(target=run, name="topline-dns", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise FetchError(f"{field} could not be fetched: the host name {host} did not resolve within "
                         f"{timeout_s:g} s", field=field)
    if "error" in result:
        raise FetchError(f"{field} could not be fetched: the host name {host} does not resolve; "
                         "check the URL", field=field)
    addrs: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in result["infos"]:  # type: ignore[union-attr]
        addr = str(sockaddr[0]).split("%", 1)[0]  # drop an IPv6 zone id
        if addr not in addrs:
            addrs.append(addr)
    if not addrs:
        raise FetchError(f"{field} could not be fetched: the host name {host} has no address", field=field)
    return addrs


def check_addresses(host: str, addrs: list[str], *, field: str, hop: str | None) -> None:
    for addr in addrs:
        kind = forbidden_kind(ipaddress.ip_address(addr))
        if kind is not None:
            where = f"{field} redirected to {hop}, which" if hop else field
            raise ForbiddenAddressError(f"{where} resolves to {kind} ({addr}); {_FIX}.", field=field)


def _parse(url: str, *, field: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"{field} is not a valid URL ({exc}); give a full http:// or https:// link",
                         field=field) from None
    if parsed.scheme not in ("http", "https"):
        shown = f"{parsed.scheme}://" if parsed.scheme else "no scheme"
        raise FetchError(f"{field} must be an http:// or https:// link (it has {shown})", field=field)
    try:
        host = parsed.host  # decodes an IDNA host name: "xn--" alone is not one
    except (UnicodeError, ValueError):
        raise FetchError(f"{field} is not a valid URL (its host name is not a valid international domain "
                         "name); give a full http:// or https:// link", field=field) from None
    if not host:
        raise FetchError(f"{field} is not a valid URL (it has no host name); give a full http:// or "
                         "https:// link", field=field)
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise FetchError(f"{field} is not a valid URL (port {parsed.port} is out of range)", field=field)
    return parsed


def check_url(url: str, *, allow_private: bool, field: str = "uploadUrl", timeout_s: float = 60.0,
              _hop: str | None = None) -> httpx.URL:
    """Refuse a URL that is not http(s) or that resolves to a non-public address.

    Every resolved address must be public unless ``allow_private``.  Returns the parsed URL.

    Raises
    ------
    FetchError
        Bad scheme, malformed URL or a host name that does not resolve.
    ForbiddenAddressError
        The host resolves to a loopback, private, link-local, metadata ... address.
    """
    parsed = _parse(url, field=field)
    if not allow_private:
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        addrs = resolve(parsed.host, port, deadline=time.monotonic() + timeout_s, field=field,
                         timeout_s=timeout_s)
        check_addresses(parsed.host, addrs, field=field, hop=_hop)
    return parsed


def check_destination(url: str, *, allow_private: bool, field: str = "callBackUrl", timeout_s: float = 5.0) -> None:
    """Refuse, before accepting a task, a URL Topline could never deliver to: malformed, not
    http(s), or resolving to a non-public address (unless ``allow_private``).

    A host name that does not resolve right now is let through: DNS may be away for a moment,
    and every delivery resolves and checks the address again when it connects.

    Raises
    ------
    FetchError
        Malformed URL or not http(s).
    ForbiddenAddressError
        The host resolves to a loopback, private, link-local, metadata ... address.
    """
    parsed = _parse(url, field=field)
    if allow_private:
        return
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        addrs = resolve(parsed.host, port, deadline=time.monotonic() + timeout_s, field=field, timeout_s=timeout_s)
    except FetchError:
        return
    check_addresses(parsed.host, addrs, field=field, hop=None)
