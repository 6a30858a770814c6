"""Response headers that keep stored files and the playground from ever running someone's script.

Stored files (``/files/...``) are served under a policy that forbids every script, plugin and
frame (``default-src 'none'; sandbox``): even a file a browser rendered as a page would run
nothing, on an opaque origin that cannot read the playground's ``localStorage``. The playground
(``/`` and ``/static/``) may run only its own scripts and styles. Every answer carries
``X-Content-Type-Options: nosniff``, so a browser keeps to the declared type.
"""

from __future__ import annotations

from urllib.parse import urlparse

FILES_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"


def playground_csp(public_url: str) -> str:
    """The playground's policy: its own scripts and styles only; media and images also from the
    public file host (``TOPLINE_PUBLIC_URL``), which may be another origin behind a proxy."""
    u = urlparse(public_url)
    files = f" {u.scheme}://{u.netloc}" if u.scheme in ("http", "https") and u.netloc else ""
    return ("default-src 'none'; script-src 'self'; style-src 'self'; "
            f"img-src 'self' data: blob:{files}; media-src 'self' blob:{files}; "
            # the waveform preview of a pasted instrumental URL reads it when its site allows (CORS)
            f"connect-src 'self'{files} https: http:; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")


class SecurityHeaders:
    """ASGI middleware adding the headers above by path."""

    def __init__(self, app, *, public_url: str) -> None:
        self.app = app
        self.playground = playground_csp(public_url).encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path: str = scope.get("path", "")
        extra = [(b"x-content-type-options", b"nosniff")]
        if path.startswith("/files/"):
            extra += [(b"content-security-policy", FILES_CSP.encode()),
                      (b"cross-origin-opener-policy", b"same-origin")]
        elif path == "/" or path.startswith("/static/"):
            extra += [(b"content-security-policy", self.playground),
                      (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in extra if k not in names]
            await send(message)

        await self.app(scope, receive, with_headers)
