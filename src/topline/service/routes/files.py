"""Serving stored files (with HTTP ranges, so players can seek) and the three upload endpoints."""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from datetime import datetime, timezone
from pathlib import PurePosixPath
from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.formparsers import MultiPartException, MultiPartParser

from ...audio import decode_audio
from ...errors import (AudioError, NotFoundError, SilentAudioError, StorageError, UploadTooLargeError,
                       ValidationError)
from ...fetch import fetch_configured, mime_for, sniff_audio
from ... import storage_keys
from ...storage import check_key
from ...tasks.models import Task, Upload, now
from .. import metrics
from ..deps import CurrentAccount, State
from ..schemas import Base64UploadRequest, UrlUploadRequest

router = APIRouter()
_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")
# The only types a stored file is ever served as. Uploads are decode-checked audio stored under
# the extension of their verified format; deliverables are written by Topline. Anything else
# (an upload stored before names were checked, say) is served as bytes to download, never a page.
_TYPES = {".mp3": "audio/mpeg", ".wav": "audio/wav", ".flac": "audio/flac", ".ogg": "audio/ogg",
          ".m4a": "audio/mp4", ".aac": "audio/aac", ".aiff": "audio/aiff", ".webm": "audio/webm",
          ".mid": "audio/midi", ".jpeg": "image/jpeg", ".json": "application/json",
          ".txt": "text/plain; charset=utf-8"}
_DOWNLOAD = "application/octet-stream"


def _content_type(key: str) -> str:
    return _TYPES.get(PurePosixPath(key).suffix.lower(), _DOWNLOAD)


def _disposition(key: str, ctype: str) -> str:
    """Audio and images play or show in place; everything else (JSON, MIDI, text) downloads."""
    name = key.rsplit("/", 1)[-1]
    mode = "inline" if ctype.startswith(("audio/", "image/")) and ctype != "audio/midi" else "attachment"
    ascii_name = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    return f"{mode}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


@router.get("/files/{key:path}")
@router.head("/files/{key:path}", include_in_schema=False)
def serve_file(key: str, request: Request, state: State) -> Response:
    """A deliverable or an upload. Links are unguessable (random task ids), as upstream's are."""
    ctx = state.ctx
    try:
        check_key(key)
    except StorageError:
        raise NotFoundError(f"No file at {key}") from None
    if not storage_keys.servable(key):
        raise NotFoundError(f"No file at {key}")
    if not ctx.store.exists(key):
        # Only a missing file costs a database look-up (the sweep deletes before it marks expiry),
        # so streaming and seeking stay off the database.
        if (task_id := storage_keys.task_id_of(key)) is not None:
            with ctx.db.session() as s:
                task = s.get(Task, task_id)
                if task is not None and task.files_expired:
                    raise NotFoundError(f"This file expired and was deleted: generated files are kept "
                                        f"{ctx.settings.file_retention_days:g} days.")
        raise NotFoundError(f"No file at {key} (not rendered yet, or expired).")
    size = ctx.store.size(key)
    ctype = _content_type(key)
    headers = {"Accept-Ranges": "bytes", "Cache-Control": "private, max-age=3600",
               "Content-Disposition": _disposition(key, ctype)}
    rng = request.headers.get("range")
    start, end, status = 0, size - 1, 200
    if rng:
        m = _RANGE.match(rng.strip())
        if not m or (not m.group(1) and not m.group(2)):
            return Response(status_code=416, headers={"Content-Range": f"bytes */{size}"})
        if m.group(1):
            start = int(m.group(1))
            end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
        else:  # suffix range: the last N bytes
            start = max(0, size - int(m.group(2)))
        if start >= size or end < start:
            return Response(status_code=416, headers={"Content-Range": f"bytes */{size}"})
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    headers["Content-Length"] = str(end - start + 1)
    if request.method == "HEAD":
        return Response(status_code=status, headers=headers, media_type=ctype)
    body = ctx.store.read_range(key, start, end) if size else b""
    return Response(body, status_code=status, headers=headers, media_type=ctype)


# --- uploads --------------------------------------------------------------------------------------

def _safe_name(name: str | None, fmt: str) -> str:
    """A user's file name reduced to ``[A-Za-z0-9_-]`` (at most 100 characters) plus the extension of
    the verified format, whatever extension the name claimed: ``my beat.HTML`` -> ``my_beat.mp3``."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_-")[:100].strip("_-")
    return f"{stem or 'audio'}.{fmt}"


def _safe_path(path: str) -> str:
    """``uploadPath`` as at most 5 folders of at most 40 characters of ``[A-Za-z0-9._-]`` (no ``.``/``..``),
    so the whole storage key stays well inside every store's limits."""
    parts = [re.sub(r"[^A-Za-z0-9._-]+", "_", p)[:40] for p in path.replace("\\", "/").split("/")]
    parts = [p for p in parts if p.strip(".")]
    return "/".join(parts[:5])


def _store_upload(state: State, account, data: bytes, *, file_name: str | None, upload_path: str,
                  kind: str) -> dict:
    ctx = state.ctx
    if not data:
        raise ValidationError("The uploaded file is empty.", field="file")
    if len(data) > ctx.settings.max_upload_bytes:
        raise UploadTooLargeError(f"The file is larger than {ctx.settings.max_upload_bytes / 2**20:.3g} MB; "
                                  "send a shorter or compressed file.", field="file")
    fmt = sniff_audio(data)
    if fmt is None:
        raise ValidationError("The uploaded file is not audio Topline can read "
                              "(MP3, WAV, FLAC, OGG/Opus, M4A/AAC).", field="file")
    # Decoded, not only sniffed: a file is stored only when it really is audio (so nothing else is
    # ever served back), and not longer than add-vocals takes (said now, not at add-vocals). A short
    # or silent file is still audio: add-vocals says what is wrong with it.
    try:
        decode_audio(data, sr=8000, min_duration=0.0, max_duration=ctx.settings.max_audio_s)
    except SilentAudioError:
        pass
    except AudioError as exc:
        if kind == "url":
            raise  # the fetched URL's audio: 451, as for uploadUrl
        raise ValidationError(f"The uploaded file cannot be used for add-vocals: {exc.message}",
                              field="file") from None
    name = _safe_name(file_name, fmt)
    upload_id = uuid.uuid4().hex
    sub = _safe_path(upload_path)
    key = storage_keys.upload_key(upload_id, name, sub=sub)
    ctx.store.put(key, data)
    created = now()
    expires = created + ctx.settings.upload_retention_days * 86400
    with ctx.db.session() as s:
        s.add(Upload(id=upload_id, account_id=account.id, key=key, file_name=name, size=len(data),
                     mime_type=mime_for(fmt), created_at=created, expires_at=expires))
    metrics.UPLOADS.labels(kind).inc()
    url = state.payloads.file_url(key)
    iso = lambda t: datetime.fromtimestamp(t, timezone.utc).isoformat().replace("+00:00", "Z")  # noqa: E731
    return {"success": True, "code": 200, "msg": "File uploaded successfully",
            "data": {"fileName": name, "filePath": key, "downloadUrl": url, "fileUrl": url, "fileSize": len(data),
                     "mimeType": mime_for(fmt), "uploadedAt": iso(created), "expiresAt": iso(expires)}}


@router.post("/api/file-stream-upload")
async def file_stream_upload(request: Request, account: CurrentAccount, state: State) -> dict:
    """Multipart ``file`` (+ ``uploadPath``, ``fileName``). A multipart body mislabelled as JSON is sniffed."""
    limit = state.ctx.settings.max_upload_bytes + 64 * 1024  # the file plus the multipart framing
    too_big = UploadTooLargeError(f"The upload is larger than {state.ctx.settings.max_upload_bytes / 2**20:.3g} "
                                  "MB; send a shorter or compressed file.")
    if int(request.headers.get("content-length") or 0) > limit:
        raise too_big
    chunks, size = [], 0
    async for chunk in request.stream():  # read under the limit, never the whole of a huge body
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    body = b"".join(chunks)
    ctype = request.headers.get("content-type", "")
    if "multipart/form-data" not in ctype:
        if not body.startswith(b"--"):
            raise ValidationError("Send the file as multipart/form-data with a 'file' field.", field="file")
        boundary = body.split(b"\r\n", 1)[0][2:].decode("latin-1").strip()
        ctype = f"multipart/form-data; boundary={boundary}"

    async def stream():
        yield body

    try:
        form = await MultiPartParser(Headers({"content-type": ctype}), stream(),
                                     max_part_size=state.ctx.settings.max_upload_bytes).parse()
    except MultiPartException as exc:
        if "maximum size" in exc.message:
            raise too_big from None
        raise ValidationError(f"The multipart body could not be read: {exc.message}", field="file") from None
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise ValidationError("file is required: send the audio in a multipart field named 'file'.", field="file")
    data = await upload.read()
    file_name = form.get("fileName") or upload.filename
    # decoding takes a moment: off the event loop
    return await run_in_threadpool(_store_upload, state, account, data,
                                   file_name=str(file_name) if file_name else None,
                                   upload_path=str(form.get("uploadPath") or ""), kind="stream")


@router.post("/api/file-base64-upload")
def file_base64_upload(body: Base64UploadRequest, account: CurrentAccount, state: State) -> dict:
    raw = body.base64Data.strip()
    if raw.startswith("data:"):
        raw = raw.split(",", 1)[1] if "," in raw else ""
    try:
        data = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("base64Data is not valid base64 (or a data: URL holding base64).",
                              field="base64Data") from None
    return _store_upload(state, account, data, file_name=body.fileName, upload_path=body.uploadPath, kind="base64")


@router.post("/api/file-url-upload")
def file_url_upload(body: UrlUploadRequest, account: CurrentAccount, state: State) -> dict:
    fetched = fetch_configured(body.fileUrl, field="fileUrl", settings=state.ctx.settings)
    return _store_upload(state, account, fetched.data, file_name=body.fileName or fetched.filename,
                         upload_path=body.uploadPath, kind="url")
