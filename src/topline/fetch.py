"""Safe download of user-supplied URLs (``uploadUrl``, ``fileUrl``).

Every address a connection is opened to is resolved and checked by us at connect time
(an ``httpcore`` network backend), and the socket is opened to exactly the address that
was checked, so a DNS answer that changes between the check and the connect (rebinding)
cannot reach an internal service.  Redirects are followed by hand and every hop is checked
again.  The body is streamed under a size limit and one overall deadline, and the result
must be audio by its magic bytes, whatever the extension or ``Content-Type`` claim.

The length of the audio (at most 8 minutes) is checked where it is decoded
(:func:`topline.audio.decode_audio`).
"""

from __future__ import annotations

import email.message
import http
import ipaddress
import re
import socket
import ssl
import threading
import time
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urljoin

import httpcore
import httpx

from topline.errors import FetchError, ForbiddenAddressError, TooLargeError, UndecodableAudioError

__all__ = ["Fetched", "fetch_url", "check_url", "sniff_audio", "mime_for", "describe_bytes"]

_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024
_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_FIX = "Topline only fetches public URLs (the server admin can allow private ones with TOPLINE_ALLOW_PRIVATE_URLS)"


@dataclass(frozen=True)
class Fetched:
    """A downloaded file.

    ``content_type`` is the server's header, informational only; ``format`` is what the
    bytes are (see :func:`sniff_audio`).
    """

    data: bytes
    final_url: str
    content_type: str | None
    filename: str
    format: str = ""


# --- addresses -----------------------------------------------------------------------------------


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


def _resolve(host: str, port: int, *, deadline: float, field: str, timeout_s: float) -> list[str]:
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


def _check_addresses(host: str, addrs: list[str], *, field: str, hop: str | None) -> None:
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
    if not parsed.host:
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
        addrs = _resolve(parsed.host, port, deadline=time.monotonic() + timeout_s, field=field,
                         timeout_s=timeout_s)
        _check_addresses(parsed.host, addrs, field=field, hop=_hop)
    return parsed


# --- a network backend that checks what it connects to ------------------------------------------


class _DeadlineStream(httpcore.NetworkStream):
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
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
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
        addrs = _resolve(host, port, deadline=self.deadline, field=self.field, timeout_s=self.timeout_s)
        if not self.allow_private:
            _check_addresses(host, addrs, field=self.field, hop=self.hop)
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
            return _DeadlineStream(stream, self.deadline)
        assert error is not None
        raise error

    def connect_unix_socket(self, *args, **kwargs):  # never: user URLs are TCP only
        raise httpcore.ConnectError("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


# --- download ------------------------------------------------------------------------------------


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.3g} MB"


def _status_text(status: int, extensions: dict) -> str:
    reason = extensions.get("reason_phrase", b"")
    reason = reason.decode("latin-1").strip() if isinstance(reason, bytes) else ""
    if not reason:
        try:
            reason = http.HTTPStatus(status).phrase
        except ValueError:
            reason = ""
    return f"{status} {reason}".strip()


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return None


def _network_message(exc: Exception, *, field: str, host: str, timeout_s: float, started: bool) -> str:
    """A sentence for a transport failure (never a traceback)."""
    if isinstance(exc, httpcore.TimeoutException):
        if started:
            return f"{field} did not finish downloading within {timeout_s:g} s"
        return f"{field} did not answer within {timeout_s:g} s"
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, ssl.SSLCertVerificationError):
        return f"{field} could not be fetched: the TLS certificate of {host} is not valid ({cause.verify_message})"
    if isinstance(cause, ssl.SSLError) or "SSL" in str(exc):
        return f"{field} could not be fetched: the TLS handshake with {host} failed ({exc})"
    if isinstance(cause, ConnectionRefusedError) or "refused" in str(exc).lower():
        return f"{field} could not be fetched: {host} refused the connection"
    if isinstance(exc, httpcore.RemoteProtocolError):
        if started:
            return f"{field} could not be fetched: the server closed the connection before the file was complete"
        return f"{field} could not be fetched: the server did not answer with valid HTTP ({exc})"
    if isinstance(exc, (httpcore.ReadError, httpcore.WriteError)):
        return f"{field} could not be fetched: the connection to {host} broke ({exc or type(exc).__name__})"
    return f"{field} could not be fetched: {exc or type(exc).__name__}"


def fetch_url(url: str, *, allow_private: bool = False, max_bytes: int = 100 * 1024 * 1024,
              timeout_s: float = 60.0, max_redirects: int = 5, field: str = "uploadUrl",
              require_audio: bool = True) -> Fetched:
    """Download a user-supplied URL safely.

    Parameters
    ----------
    url : str
        An http:// or https:// link.
    allow_private : bool
        Allow addresses that are not public (``TOPLINE_ALLOW_PRIVATE_URLS``).
    max_bytes, timeout_s, max_redirects
        Size limit, one deadline for the whole download (DNS, connects, redirects, body),
        and the number of redirects followed.
    field : str
        The request field the URL came from, named in messages.
    require_audio : bool
        Refuse bytes that are not audio by their magic bytes.

    Raises
    ------
    FetchError, ForbiddenAddressError, TooLargeError, UndecodableAudioError
        Every failure, with a message that says what to fix (the service answers 451).
    """
    deadline = time.monotonic() + timeout_s
    backend = _GuardedBackend(allow_private=allow_private, deadline=deadline, field=field, timeout_s=timeout_s)
    current = url
    with httpcore.ConnectionPool(network_backend=backend, retries=0, http1=True, http2=False) as pool:
        for hop in range(max_redirects + 1):
            parsed = check_url(current, allow_private=allow_private, field=field,
                               timeout_s=max(0.0, deadline - time.monotonic()),
                               _hop=current if hop else None)
            backend.hop = current if hop else None
            result = _get(pool, parsed, field=field, max_bytes=max_bytes, timeout_s=timeout_s, deadline=deadline)
            if isinstance(result, str):  # a redirect
                current = urljoin(str(parsed), result)
                continue
            data, content_type, disposition = result
            break
        else:
            raise FetchError(f"{field} redirected more than {max_redirects} times; link to the file itself",
                             field=field)
    fmt = sniff_audio(data)
    if require_audio and fmt is None:
        raise UndecodableAudioError(
            f"{field} is not audio (the first bytes are {describe_bytes(data)}); link directly to an MP3, "
            "WAV, FLAC, OGG, M4A, AAC, AIFF or WebM file", field=field)
    return Fetched(data=data, final_url=str(parsed), content_type=content_type,
                   filename=_filename(disposition, parsed), format=fmt or "")


def _get(pool: httpcore.ConnectionPool, url: httpx.URL, *, field: str, max_bytes: int, timeout_s: float,
         deadline: float) -> str | tuple[bytes, str | None, str | None]:
    """One GET: the Location of a redirect, or (body, content type, content disposition)."""
    target = httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path)
    headers = [(b"Host", url.netloc), (b"Accept", b"audio/*, */*;q=0.5"),
               (b"User-Agent", b"Topline/1 (+fetch)"), (b"Accept-Encoding", b"identity")]
    left = max(0.001, deadline - time.monotonic())
    extensions = {"timeout": {"connect": left, "read": left, "write": left, "pool": left}}
    started = False
    try:
        with pool.stream(b"GET", target, headers=headers, extensions=extensions) as response:
            status = response.status
            if status in _REDIRECTS:
                location = _header(response.headers, b"location")
                if not location:
                    raise FetchError(f"{field} could not be fetched: the server answered "
                                     f"{_status_text(status, response.extensions)} without a Location",
                                     field=field)
                return location
            if not 200 <= status < 300:
                raise FetchError(f"{field} could not be fetched: the server answered "
                                 f"{_status_text(status, response.extensions)}", field=field)
            length = _header(response.headers, b"content-length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise TooLargeError(f"{field} is larger than {_mb(max_bytes)} (the server announces "
                                    f"{_mb(int(length))}); send a shorter or compressed file", field=field)
            started = True
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_stream():
                size += len(chunk)
                if size > max_bytes:
                    raise TooLargeError(f"{field} is larger than {_mb(max_bytes)}; send a shorter or "
                                        "compressed file", field=field)
                if time.monotonic() > deadline:
                    raise httpcore.ReadTimeout("overall deadline reached")
                chunks.append(chunk)
            data = b"".join(chunks)
    except FetchError:
        raise
    except Exception as exc:  # httpcore, ssl and socket errors: a sentence, never a traceback
        raise FetchError(_network_message(exc, field=field, host=url.host, timeout_s=timeout_s,
                                          started=started), field=field) from None
    if not data:
        raise FetchError(f"{field} could not be fetched: the server sent an empty file", field=field)
    return data, _header(response.headers, b"content-type"), _header(response.headers, b"content-disposition")


def _filename(disposition: str | None, url: httpx.URL) -> str:
    """The file name from Content-Disposition or the URL path, reduced to safe characters ("" if none)."""
    name = ""
    if disposition:
        msg = email.message.Message()
        msg["content-disposition"] = disposition
        try:
            name = msg.get_filename() or ""
        except (ValueError, LookupError):
            name = ""
    if not name:
        name = unquote(url.path.rsplit("/", 1)[-1])
    name = unicodedata.normalize("NFKC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[^\w.\- ()]+", "_", name).strip(" ._")
    return name[:120]


# --- sniffing ------------------------------------------------------------------------------------

_MIME = {"mp3": "audio/mpeg", "wav": "audio/wav", "flac": "audio/flac", "ogg": "audio/ogg",
         "m4a": "audio/mp4", "aac": "audio/aac", "aiff": "audio/aiff", "webm": "audio/webm"}

# ftyp brands of the MP4 family that carry (or may carry) an audio track; not HEIF/AVIF images.
_MP4_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4V ", b"M4V ", b"mp41", b"mp42", b"mp71", b"isom",
               b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"dash", b"avc1", b"MSNV", b"qt  "}

# MPEG audio bitrates (kbit/s) by [version is MPEG-1][layer] and sample rates by version.
_MPEG_KBPS = {
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MPEG_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mpeg_frame_len(h: bytes) -> int | None:
    """Length of the MPEG audio frame whose 4-byte header is ``h``, or None if it is not one."""
    if len(h) < 4 or h[0] != 0xFF or h[1] & 0xE0 != 0xE0:
        return None
    version, layer_bits = (h[1] >> 3) & 3, (h[1] >> 1) & 3
    bitrate_i, rate_i, padding = h[2] >> 4, (h[2] >> 2) & 3, (h[2] >> 1) & 1
    if version == 1 or layer_bits == 0 or bitrate_i in (0, 15) or rate_i == 3:
        return None  # reserved values (free-format bitrate is too rare to be worth the risk)
    layer = 4 - layer_bits
    mpeg1 = version == 3
    kbps = _MPEG_KBPS[(mpeg1, layer)][bitrate_i]
    rate = _MPEG_RATES[version][rate_i]
    if layer == 1:
        return (12 * kbps * 1000 // rate + padding) * 4
    per = 144 if (layer == 2 or mpeg1) else 72
    return per * kbps * 1000 // rate + padding


def _adts_frame_len(h: bytes) -> int | None:
    if len(h) < 7 or h[0] != 0xFF or h[1] & 0xF6 != 0xF0 or (h[2] >> 2) & 0xF > 12:
        return None
    n = ((h[3] & 3) << 11) | (h[4] << 3) | (h[5] >> 5)
    return n if n >= 7 else None


def _frames(data: bytes, frame_len) -> bool:
    """A frame header at 0 and, when the data is long enough, another right after it."""
    n = frame_len(data[:8])
    if n is None:
        return False
    if len(data) >= n + 8:
        return frame_len(data[n:n + 8]) is not None
    return True


def sniff_audio(data: bytes) -> str | None:
    """The audio format of ``data`` from its magic bytes.

    Returns one of "mp3", "wav", "flac", "ogg", "m4a", "aac", "aiff", "webm", or None when the
    bytes are not audio we recognise.  Extensions and headers are never trusted.
    """
    head = data[:64]
    if head[:3] == b"ID3" and len(head) >= 10:
        # Skip the ID3v2 tag: FLAC and AAC files sometimes carry one too.
        size = (head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F)
        size += 20 if head[5] & 0x10 else 10
        inner = sniff_audio(data[size:]) if len(data) > size else None
        return inner if inner in ("flac", "aac") else "mp3"
    if head[:4] in (b"RIFF", b"RF64", b"BW64") and head[8:12] == b"WAVE":
        return "wav"
    if head[:4] == b"fLaC":
        return "flac"
    if head[:4] == b"OggS":
        page = data[:512]
        if any(tag in page for tag in (b"\x01vorbis", b"OpusHead", b"\x7fFLAC", b"Speex   ")):
            return "ogg"
        return None  # Ogg video (Theora) or something else
    if head[4:8] == b"ftyp" and head[8:12] in _MP4_BRANDS:
        return "m4a"
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return "aiff"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        if b"webm" in data[:64]:
            return "webm"
        return None
    if _frames(data, _adts_frame_len):
        return "aac"
    if _frames(data, _mpeg_frame_len):
        return "mp3"
    return None


def mime_for(fmt: str | None) -> str:
    """The MIME type of a format from :func:`sniff_audio` (``application/octet-stream`` if unknown)."""
    return _MIME.get(fmt or "", "application/octet-stream")


def describe_bytes(data: bytes) -> str:
    """What non-audio bytes look like, for a message ("an HTML page", "a PNG image", ...)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for magic, what in ((b"<!doctype html", "an HTML page"), (b"<html", "an HTML page"),
                        (b"<?xml", "an XML document"), (b"%pdf", "a PDF document"),
                        (b"\x89png", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                        (b"gif8", "a GIF image"), (b"pk\x03\x04", "a ZIP archive"),
                        (b"{", "JSON or text"), (b"[", "JSON or text")):
        if head.startswith(magic):
            return what
    if b"<html" in head or b"<head" in head or b"<body" in head:
        return "an HTML page"
    if head[4:8] == b"ftyp":
        return "an MP4-family file without audio (brand " + data[8:12].decode("latin-1", "replace") + ")"
    if data[:4] == b"OggS":
        return "an Ogg file without Vorbis, Opus or FLAC audio"
    try:
        data[:512].decode("utf-8")
        return "text"
    except UnicodeDecodeError:
        return "unrecognised binary data"
