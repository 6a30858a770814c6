"""Download a user URL: manual redirects checked hop by hop, size limit, one deadline, sniffing."""

from __future__ import annotations

import email.message
import http
import re
import ssl
import time
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urljoin

import httpcore
import httpx

from topline.errors import FetchError, TooLargeError, UndecodableAudioError
from topline.fetch.addresses import check_url
from topline.fetch.sniff import describe_bytes, sniff_audio
from topline.fetch.transport import GuardedBackend
from topline.settings import Settings

_REDIRECTS = {301, 302, 303, 307, 308}


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
    backend = GuardedBackend(allow_private=allow_private, deadline=deadline, field=field, timeout_s=timeout_s)
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


def fetch_configured(url: str, *, settings: Settings, field: str = "uploadUrl") -> Fetched:
    """:func:`fetch_url` with the limits and the private-address switch from ``settings``."""
    return fetch_url(url, allow_private=settings.allow_private_urls, max_bytes=settings.max_upload_bytes,
                     timeout_s=settings.fetch_timeout_s, max_redirects=settings.fetch_max_redirects, field=field)
