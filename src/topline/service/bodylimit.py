"""Refuse request bodies over a size limit with the API's envelope (413), whether the client
announces the length or streams the body without one."""

from __future__ import annotations

import json


class BodyLimit:
    """ASGI middleware: at most ``limit`` bytes of request body per request."""

    def __init__(self, app, *, limit: int, message: str) -> None:
        self.app, self.limit, self.message = app, limit, message

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        if int(headers.get(b"content-length", b"0") or 0) > self.limit:
            return await self._refuse(send)
        seen = 0
        over = False
        refused = False

        async def counted_receive():
            nonlocal seen, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # Stop feeding the app (it sees the client gone) and answer 413 in its place.
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            nonlocal refused
            if over:
                if not refused:
                    refused = True
                    await self._refuse(send)
                return
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not over:
                raise
        if over and not refused:
            await self._refuse(send)

    async def _refuse(self, send) -> None:
        body = json.dumps({"code": 413, "msg": self.message, "data": None}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
