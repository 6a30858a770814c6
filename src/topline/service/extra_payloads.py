"""Callback bodies and record-info of the derived tasks, in upstream's shapes (kie.ai /
sunoapi.org): WAV, vocal removal, MIDI and lyrics. See docs/api-extras.md.

Where the two upstreams spell a field differently, both spellings are sent. ``Links`` carries
what the shapes need from the settings (passed in, never read from a global).
``createTime`` and ``completeTime`` are epoch milliseconds, as everywhere in Topline.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import quote

from ..tasks.models import Task

# split_stem stems upstream may return; Topline fills vocal, backing vocals and (its own
# addition) the instrumental, and leaves the instrument stems null: it does not split them.
INSTRUMENT_STEMS = ("drums", "bass", "guitar", "piano", "keyboard", "percussion", "strings", "synth", "fx",
                    "brass", "woodwinds")
MIDI_FLAGS = {"PENDING": 0, "SUCCESS": 1, "CREATE_TASK_FAILED": 2, "GENERATE_MIDI_FAILED": 3}


@dataclass(frozen=True)
class Links:
    """Public file addresses and the retention the messages state, from the settings."""

    public_url: str
    retention_days: float
    load: Callable[[str], bytes]  # reads a stored file (the MIDI notes)

    @classmethod
    def of(cls, settings: Any, store: Any) -> "Links":
        return cls(public_url=settings.public_url, retention_days=settings.file_retention_days, load=store.get)

    def url(self, key: str) -> str:
        return f"{self.public_url.rstrip('/')}/files/{quote(key, safe='/')}"

    def expired_message(self) -> str:
        return f"The files expired and were deleted (generated files are kept {self.retention_days:g} days)."


def _ms(t: float | None) -> int | None:
    return None if t is None else int(t * 1000)


def _result(task: Task) -> dict[str, Any]:
    return json.loads(task.result) if task.result else {}


def _camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(w.title() for w in rest)


def stem_id(task_id: str, stem: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"topline:{task_id}:stem:{stem}").hex


def _common(task: Task, links: Links, expired: bool, response: Any, flag: Any) -> dict[str, Any]:
    r = _result(task)
    param = json.loads(task.param)
    return {
        "taskId": task.id,
        "musicId": r.get("audio_id") or param.get("audioId"),
        "callbackUrl": task.callback_url,
        "musicIndex": r.get("index", 0),
        "completeTime": _ms(task.finished_at),
        "response": None if expired or task.status != "SUCCESS" else response,
        "successFlag": flag,
        "createTime": _ms(task.created_at),
        "errorCode": task.error_code,
        "errorMessage": links.expired_message() if expired else task.error_message,
        "param": task.param,
        "filesExpired": expired,
    }


def _error_body(task: Task, data: dict[str, Any]) -> dict[str, Any]:
    return {"code": task.error_code or 500, "msg": task.error_message or "The task failed.", "data": data}


# --- WAV -----------------------------------------------------------------------------------------

def wav_callback(task: Task, links: Links) -> dict[str, Any]:
    url = links.url(_result(task)["wav"])
    return {"code": 200, "msg": "success", "data": {"audioWavUrl": url, "audio_wav_url": url, "task_id": task.id}}


def wav_record_info(task: Task, links: Links, *, expired: bool) -> dict[str, Any]:
    r = _result(task)
    return _common(task, links, expired, {"audioWavUrl": links.url(r["wav"])} if r else None, task.status)


# --- vocal removal -------------------------------------------------------------------------------

def _stems(task: Task, links: Links) -> dict[str, str | None]:
    """stem name -> URL (None where the stem is not produced)."""
    r = _result(task)
    out: dict[str, str | None] = {"origin": links.url(r["origin"]), "vocal": links.url(r["vocal"]),
                                  "instrumental": links.url(r["instrumental"])}
    if r.get("split"):
        out["backing_vocals"] = links.url(r["backing_vocals"]) if r.get("backing_vocals") else None
        out.update({name: None for name in INSTRUMENT_STEMS})
    return out


def vocal_removal_callback(task: Task, links: Links) -> dict[str, Any]:
    if task.status != "SUCCESS":
        return _error_body(task, {"task_id": task.id, "vocal_removal_info": None})
    info = {f"{k}_url": v for k, v in _stems(task, links).items()}
    return {"code": 200, "msg": "vocal Removal generated successfully.",
            "data": {"task_id": task.id, "vocal_removal_info": info}}


def vocal_removal_record_info(task: Task, links: Links, *, expired: bool) -> dict[str, Any]:
    response = None
    if task.status == "SUCCESS" and not expired:
        r = _result(task)
        stems = _stems(task, links)
        groups = [("vocal", "Vocals" if not r.get("split") else "Lead Vocals"),
                  ("backing_vocals", "Backing Vocals"), ("instrumental", "Instrumental")]
        origin_data = [{"duration": r["duration"], "audio_url": stems[k], "stem_type_group_name": name,
                        "id": stem_id(task.id, k)} for k, name in groups if stems.get(k)]
        response = {"id": task.id, "originUrl": stems["origin"], "originData": origin_data,
                    "instrumentalUrl": stems["instrumental"], "vocalUrl": stems["vocal"],
                    "backingVocalsUrl": stems.get("backing_vocals")}
        response.update({f"{_camel(n)}Url": None for n in INSTRUMENT_STEMS})
    return _common(task, links, expired, response, task.status)


# --- lyrics --------------------------------------------------------------------------------------

def _lyrics_data(task: Task) -> list[dict[str, Any]]:
    return [{"text": v["text"], "title": v["title"], "status": "complete", "errorMessage": ""}
            for v in _result(task).get("variants", [])]


def lyrics_callback(task: Task, links: Links) -> dict[str, Any]:
    if task.status != "SUCCESS":
        return _error_body(task, {"callbackType": "error", "taskId": task.id, "data": None})
    data = _lyrics_data(task)
    # kie.ai names the list ``data``, sunoapi.org ``lyricsData``: both are sent
    return {"code": 200, "msg": "All generated successfully.",
            "data": {"callbackType": "complete", "taskId": task.id, "task_id": task.id, "data": data,
                     "lyricsData": data}}


def lyrics_record_info(task: Task, links: Links, *, expired: bool) -> dict[str, Any]:
    data = _lyrics_data(task) if task.status == "SUCCESS" else []
    return {"taskId": task.id, "param": task.param,
            "response": {"taskId": task.id, "data": data, "lyricsData": data},
            "status": task.status, "type": "LYRICS", "errorCode": task.error_code,
            "errorMessage": task.error_message, "createTime": _ms(task.created_at),
            "completeTime": _ms(task.finished_at), "filesExpired": expired}


# --- MIDI ----------------------------------------------------------------------------------------

def midi_data(task: Task, links: Links) -> dict[str, Any] | None:
    r = _result(task)
    if task.status != "SUCCESS" or "notes" not in r:
        return None
    instruments = json.loads(links.load(r["notes"]))
    return {"state": "complete", "instruments": instruments}


def midi_callback(task: Task, links: Links) -> dict[str, Any]:
    if task.status != "SUCCESS":
        return _error_body(task, {"task_id": task.id, "state": "failed"}) | {"task_id": task.id}
    r = _result(task)
    data = {"state": "complete", "taskId": task.id, "task_id": task.id,
            "instruments": (midi_data(task, links) or {}).get("instruments", []),
            "midiUrl": links.url(r["midi"]) if r.get("midi") else None}
    # kie.ai puts task_id at the top level of this one callback, sunoapi.org in data: both are sent
    return {"code": 200, "msg": "success", "task_id": task.id, "data": data}


def midi_record_info(task: Task, links: Links, *, expired: bool) -> dict[str, Any]:
    r = _result(task)
    out = _common(task, links, expired, None, MIDI_FLAGS.get(task.status, 3))
    out.pop("response")
    out.pop("musicId")
    out["recordTaskId"] = -1
    out["audioId"] = r.get("audio_id") or json.loads(task.param).get("audioId")
    out["midiData"] = None if expired else midi_data(task, links)
    out["midiUrl"] = links.url(r["midi"]) if r.get("midi") and not expired and task.status == "SUCCESS" else None
    return out
