"""The JSON shapes the outside world sees: callback bodies and record-info, from a task row.

Callbacks use snake_case track fields and record-info camelCase, as upstream does;
``createTime`` is always epoch milliseconds.  The task layer stores API-neutral rows;
``Payloads`` (built from the settings, passed in) is the one place they get the API's names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from .. import storage_keys
from ..pipeline import TaskSpec
from ..settings import Settings
from ..tasks.accounts import KeyInfo, NewKey
from ..tasks.lifecycle import tracks_of
from ..tasks.models import Delivery, DeliveryAttempt, Task

MESSAGES = {
    "text": "Text generation completed.",
    "first": "First track generation completed.",
    "complete": "All generated successfully.",
}
EXTRA_FILES = ("wav", "vocals", "instrumental", "midi", "score", "lyrics")


def file_url(key: str, *, public_url: str) -> str:
    """The public address of a stored file (served by the API's /files route)."""
    return f"{public_url.rstrip('/')}/files/{quote(key, safe='/')}"


def model_name(param: dict[str, Any]) -> str:
    return {"V5": "chirp-v5", "V5_5": "chirp-v5-5"}.get(param.get("model") or "", "chirp-v4-5-plus")


def _track(task: Task, t: dict[str, Any], param: dict[str, Any], *, public_url: str) -> dict[str, Any]:
    files = t["files"]

    def url(key: str) -> str:
        return file_url(key, public_url=public_url)

    mp3 = url(files["mp3"])
    out = {
        "id": t["audioId"],
        "audioUrl": mp3,
        "sourceAudioUrl": mp3,
        "streamAudioUrl": mp3,
        "sourceStreamAudioUrl": mp3,
        "imageUrl": url(files["image"]),
        "sourceImageUrl": url(files["image"]),
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
            out[f"{kind}Url"] = url(files[kind])
    if t.get("warnings"):
        out["warnings"] = t["warnings"]
    if t.get("voice"):
        out["voice"] = t["voice"]  # the singer's name (Topline extra)
    return out


def _snake(d: dict[str, Any]) -> dict[str, Any]:
    names = {"audioUrl": "audio_url", "sourceAudioUrl": "source_audio_url", "streamAudioUrl": "stream_audio_url",
             "sourceStreamAudioUrl": "source_stream_audio_url", "imageUrl": "image_url",
             "sourceImageUrl": "source_image_url", "modelName": "model_name"}
    return {names.get(k, k): v for k, v in d.items()}


def callback_body(task: Task, stage: str, *, public_url: str) -> dict[str, Any]:
    """The body POSTed to callBackUrl for ``stage`` (text, first, complete or error)."""
    param = json.loads(task.param)
    if stage == "error":
        return {"code": task.error_code or 500, "msg": task.error_message or "Generation failed.",
                "data": {"callbackType": "error", "task_id": task.id, "data": None}}
    tracks = [] if stage == "text" else [_snake(_track(task, t, param, public_url=public_url)) for t in tracks_of(task)]
    if stage == "first":
        tracks = tracks[:1]
    return {"code": 200, "msg": MESSAGES[stage],
            "data": {"callbackType": stage, "task_id": task.id, "data": tracks}}


def record_info(task: Task, *, public_url: str, file_retention_days: float) -> dict[str, Any]:
    """``data`` of GET record-info."""
    param = json.loads(task.param)
    tracks = [] if task.files_expired else [_track(task, t, param, public_url=public_url) for t in tracks_of(task)]
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
            f"{file_retention_days:g} days)."),
        "lyrics": task.lyrics,
        "analysisUrl": file_url(storage_keys.analysis_key(task.id), public_url=public_url)
        if task.status in ("FIRST_SUCCESS", "SUCCESS")
        and not task.files_expired else None,
        "createTime": int(task.created_at * 1000),
        "filesExpired": task.files_expired,
    }


def delivery_log(deliveries: list[tuple[Delivery, list[DeliveryAttempt]]]) -> list[dict[str, Any]]:
    """``data`` of GET callback-log: every delivery of a task and each attempt's outcome."""
    return [{
        "deliveryId": d.id, "stage": d.stage, "url": d.url, "state": d.state, "attempts": d.attempts,
        "nextAttemptAt": int(d.next_attempt_at * 1000) if d.state == "pending" else None,
        "deliveredAt": int(d.delivered_at * 1000) if d.delivered_at else None,
        "log": [{"at": int(a.at * 1000), "statusCode": a.status_code, "error": a.error,
                 "durationMs": a.duration_ms} for a in attempts],
    } for d, attempts in deliveries]


def new_key(key: NewKey) -> dict[str, Any]:
    """A key as shown once at creation (``topline keys create``, the dev keys endpoint)."""
    return {"apiKey": key.api_key, "webhookKey": key.webhook_key, "accountId": key.account_id,
            "credits": key.credits}


def key_list(keys: list[KeyInfo]) -> list[dict[str, Any]]:
    """``topline keys list``."""
    return [{"prefix": k.prefix, "accountId": k.account_id, "credits": k.credits,
             "createdAt": int(k.created_at * 1000), "revoked": k.revoked} for k in keys]


@dataclass(frozen=True)
class Payloads:
    """The API's shapes with this deployment's settings bound (public URL, retention)."""

    public_url: str
    file_retention_days: float

    @classmethod
    def from_settings(cls, settings: Settings) -> "Payloads":
        return cls(public_url=settings.public_url, file_retention_days=settings.file_retention_days)

    def file_url(self, key: str) -> str:
        return file_url(key, public_url=self.public_url)

    def callback_body(self, task: Task, stage: str) -> dict[str, Any]:
        return callback_body(task, stage, public_url=self.public_url)

    def record_info(self, task: Task) -> dict[str, Any]:
        return record_info(task, public_url=self.public_url, file_retention_days=self.file_retention_days)

    def spec_of_stored_request(self, task: Task) -> TaskSpec | None:
        from .spec import spec_of_stored_request

        return spec_of_stored_request(task.id, task.param, seed=task.seed, audio_key=task.audio_key)
