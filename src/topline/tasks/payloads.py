"""The JSON shapes the outside world sees: callback bodies and record-info, from a task row.

Callbacks use snake_case track fields and record-info camelCase, as upstream does;
``createTime`` is always epoch milliseconds.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from ..settings import get_settings
from .models import Task

MESSAGES = {
    "text": "Text generation completed.",
    "first": "First track generation completed.",
    "complete": "All generated successfully.",
}
EXTRA_FILES = ("wav", "vocals", "instrumental", "midi", "score", "lyrics")


def file_url(key: str) -> str:
    """The public address of a stored file (served by the API's /files route)."""
    return f"{get_settings().public_url.rstrip('/')}/files/{quote(key, safe='/')}"


def model_name(param: dict[str, Any]) -> str:
    return {"V5": "chirp-v5", "V5_5": "chirp-v5-5"}.get(param.get("model") or "", "chirp-v4-5-plus")


def tracks_of(task: Task) -> list[dict[str, Any]]:
    return json.loads(task.tracks) if task.tracks else []


def _track(task: Task, t: dict[str, Any], param: dict[str, Any]) -> dict[str, Any]:
    files = t["files"]
    mp3 = file_url(files["mp3"])
    out = {
        "id": t["audioId"],
        "audioUrl": mp3,
        "sourceAudioUrl": mp3,
        "streamAudioUrl": mp3,
        "sourceStreamAudioUrl": mp3,
        "imageUrl": file_url(files["image"]),
        "sourceImageUrl": file_url(files["image"]),
        "prompt": task.lyrics or "",
        "modelName": model_name(param),
        "title": t["title"],
        "tags": t["tags"],
        "createTime": t["createTime"],
        "duration": t["duration"],
    }
    # Topline's extra deliverables (extra keys are ignored by upstream clients)
    for kind in EXTRA_FILES:
        if kind in files:
            out[f"{kind}Url"] = file_url(files[kind])
    if t.get("warnings"):
        out["warnings"] = t["warnings"]
    return out


def _snake(d: dict[str, Any]) -> dict[str, Any]:
    names = {"audioUrl": "audio_url", "sourceAudioUrl": "source_audio_url", "streamAudioUrl": "stream_audio_url",
             "sourceStreamAudioUrl": "source_stream_audio_url", "imageUrl": "image_url",
             "sourceImageUrl": "source_image_url", "modelName": "model_name"}
    return {names.get(k, k): v for k, v in d.items()}


def callback_body(task: Task, stage: str) -> dict[str, Any]:
    """The body POSTed to callBackUrl for ``stage`` (text, first, complete or error)."""
    param = json.loads(task.param)
    if stage == "error":
        return {"code": task.error_code or 500, "msg": task.error_message or "Generation failed.",
                "data": {"callbackType": "error", "task_id": task.id, "data": None}}
    tracks = [] if stage == "text" else [_snake(_track(task, t, param)) for t in tracks_of(task)]
    if stage == "first":
        tracks = tracks[:1]
    return {"code": 200, "msg": MESSAGES[stage],
            "data": {"callbackType": stage, "task_id": task.id, "data": tracks}}


def record_info(task: Task) -> dict[str, Any]:
    """``data`` of GET record-info."""
    param = json.loads(task.param)
    tracks = [] if task.files_expired else [_track(task, t, param) for t in tracks_of(task)]
    return {
        "taskId": task.id,
        "parentMusicId": "",
        "param": task.param,
        "response": {"taskId": task.id, "sunoData": tracks},
        "status": task.status,
        "type": "ADD_VOCALS",
        "operationType": "add_vocals",
        "errorCode": task.error_code,
        "errorMessage": task.error_message if not task.files_expired else (
            "The generated files expired and were deleted (files are kept "
            f"{get_settings().file_retention_days:g} days)."),
        "lyrics": task.lyrics,
        "analysisUrl": file_url(f"tasks/{task.id}/analysis.json") if task.status in ("FIRST_SUCCESS", "SUCCESS")
        and not task.files_expired else None,
        "createTime": int(task.created_at * 1000),
        "filesExpired": task.files_expired,
    }
