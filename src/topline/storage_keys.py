"""The storage-key layout, spelled once: where a task's inputs and deliverables and the uploads live.

::

    tasks/<taskId>/input.<fmt>                 the instrumental as received (never served)
    tasks/<taskId>/lyrics.json, lyrics.txt     stage "text"
    tasks/<taskId>/analysis.json               the analysis of the instrumental
    tasks/<taskId>/track-<k>.<kind>            variant k's files (see ``TRACK_FILES``)
    tasks/<taskId>/track-<k>.waveform.json     drawn on demand by get-timestamped-lyrics
    uploads/<uploadId>/[<path>/]<name>         a user's upload

Every function returns a key relative to the store's root; ``check_key`` in ``storage``
guards them against escaping it.
"""

from __future__ import annotations

TASKS = "tasks"
UPLOADS = "uploads"
INPUT = "input"

LYRICS_JSON = "lyrics.json"
LYRICS_TXT = "lyrics.txt"
ANALYSIS = "analysis.json"

# kind -> name of variant k's file, relative to the task's prefix
TRACK_FILES = {
    "mp3": "track-{k}.mp3",
    "wav": "track-{k}.wav",
    "vocals": "track-{k}.vocals.wav",
    "instrumental": "track-{k}.instrumental.wav",
    "image": "track-{k}.jpeg",
    "score": "track-{k}.score.json",
    "midi": "track-{k}.mid",
    "lyrics": "track-{k}.lyrics.json",
    "dry": "track-{k}.dry.flac",
    "marker": "track-{k}.json",
}


def task_prefix(task_id: str) -> str:
    """``tasks/<taskId>/``: everything of one task (deleted together when it expires)."""
    return f"{TASKS}/{task_id}/"


def task_input(task_id: str, fmt: str) -> str:
    """Where the instrumental of a task is kept, as received."""
    return f"{task_prefix(task_id)}{INPUT}.{fmt}"


def analysis_key(task_id: str) -> str:
    return task_prefix(task_id) + ANALYSIS


def track_file(kind: str, k: int) -> str:
    """Name of variant ``k``'s file of ``kind`` (relative to the task's prefix)."""
    return TRACK_FILES[kind].format(k=k)


def waveform_key(mp3_key: str) -> str:
    """The waveform drawn for a track, kept beside its MP3."""
    return mp3_key.rsplit(".", 1)[0] + ".waveform.json"


def upload_prefix(upload_id: str) -> str:
    return f"{UPLOADS}/{upload_id}/"


def upload_key(upload_id: str, name: str, *, sub: str = "") -> str:
    """An upload: ``uploads/<uploadId>/[<sub>/]<name>`` (``sub`` and ``name`` already made safe)."""
    return upload_prefix(upload_id) + (f"{sub}/" if sub else "") + name


def is_upload(key: str) -> bool:
    return key.startswith(UPLOADS + "/")


def servable(key: str) -> bool:
    """A key the ``/files`` route may serve: a task's deliverable or an upload (whatever its name), never
    a task's instrumental as received."""
    parts = key.split("/")
    hidden = parts[0] == TASKS and parts[-1].startswith(INPUT + ".")
    return parts[0] in (TASKS, UPLOADS) and len(parts) >= 3 and not hidden


def task_id_of(key: str) -> str | None:
    """The task a deliverable key belongs to, or None for any other key."""
    parts = key.split("/")
    return parts[1] if parts[0] == TASKS and len(parts) >= 3 else None
