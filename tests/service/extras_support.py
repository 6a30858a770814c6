"""A finished add-vocals task, stored the way the pipeline stores one, for the derived endpoints' tests."""

from __future__ import annotations

import io
import json
import time
import uuid

import numpy as np
import soundfile as sf

from topline.pipeline import TaskSpec, audio_id_for
from topline.production import encode_mp3, encode_wav
from topline.tasks.models import Task
from tests.production.signals import score

SR = 44100


def _signal(seed: int, seconds: float, *, start: float = 0.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = int(seconds * SR)
    y = (0.1 * rng.standard_normal((2, n))).astype(np.float32)
    y[:, : int(start * SR)] = 0.0
    return y


PLAYED = ((57, 0.5, 1.5), (60, 1.5, 2.5), (64, 2.5, 3.5))  # (midi, start, end) of the instrumental's tones


def _played(seconds: float) -> np.ndarray:
    n = int(seconds * SR)
    y = np.zeros(n)
    for midi, a, b in PLAYED:
        if b > seconds:
            continue
        t = np.arange(int((b - a) * SR)) / SR
        f = 440 * 2 ** ((midi - 69) / 12)
        y[int(a * SR):int(a * SR) + t.size] += sum(0.5 / k * np.sin(2 * np.pi * k * f * t) for k in range(1, 5)) \
            * np.exp(-t * 1.5)
    return np.stack([0.3 * y, 0.3 * y]).astype(np.float32)


def make_finished_task(svc, account_id: int, *, status: str = "SUCCESS", tracks: int = 2, backing: bool = True,
                       seconds: float = 3.0, expired: bool = False) -> dict:
    """Store the files of a finished task and its row; returns ids and the stems written."""
    task_id = uuid.uuid4().hex
    prefix = f"tasks/{task_id}/"
    made, stems = [], {}
    for k in range(1, tracks + 1):
        inst = _played(seconds) + np.float32(0.1) * _signal(10 * k, seconds)
        vocal = _signal(10 * k + 1, seconds)
        files = {"mp3": f"track-{k}.mp3", "wav": f"track-{k}.wav", "vocals": f"track-{k}.vocals.wav",
                 "instrumental": f"track-{k}.instrumental.wav", "image": f"track-{k}.jpeg",
                 "score": f"track-{k}.score.json", "midi": f"track-{k}.mid", "lyrics": f"track-{k}.lyrics.json"}
        data = {"mp3": encode_mp3(inst + vocal, sr=SR, title="T"), "wav": encode_wav(inst + vocal, sr=SR),
                "vocals": encode_wav(vocal, sr=SR, subtype="FLOAT"),
                "instrumental": encode_wav(inst, sr=SR, subtype="FLOAT"), "image": b"\xff\xd8\xff\xe0jpeg",
                "score": json.dumps(score(seconds, chorus_from=seconds / 2).to_json()).encode(), "midi": b"MThd", "lyrics": b"[]"}
        if backing:
            b = _signal(10 * k + 2, seconds, start=seconds / 2) * np.float32(0.5)
            files["backing_vocals"] = f"track-{k}.backing.flac"  # as the pipeline keeps it
            buf = io.BytesIO()
            sf.write(buf, b.T, SR, format="FLAC", subtype="PCM_24")
            data["backing_vocals"] = buf.getvalue()
            stems[k] = {"vocal": vocal, "backing": b, "instrumental": inst}
        else:
            stems[k] = {"vocal": vocal, "backing": None, "instrumental": inst}
        for kind, name in files.items():
            svc.ctx.store.put(prefix + name, data[kind])
        made.append({"variant": k, "audioId": audio_id_for(task_id, k), "duration": seconds, "title": "T",
                     "tags": "pop", "createTime": int(time.time() * 1000),
                     "files": {kind: prefix + name for kind, name in files.items()}, "warnings": [],
                     "voice": "af_heart"})
    spec = TaskSpec.build(task_id=task_id, audio_key=prefix + "input.wav", prompt="la", seed=7, style="pop")
    with svc.ctx.db.session() as s:
        s.add(Task(id=task_id, account_id=account_id, status=status, param=json.dumps({"prompt": "la", "style": "pop"}),
                   spec=json.dumps(spec.to_json()),
                   seed=7, audio_key=prefix + "input.wav", callback_url="https://example.com/cb",
                   lyrics="[Verse]\nla la", tracks=json.dumps(made) if made else None, files_expired=expired,
                   finished_at=time.time() if status == "SUCCESS" else None,
                   # an unfinished task is held by a (pretend) worker: the service's own workers leave it alone
                   lease_until=time.time() + 3600 if status in ("PENDING", "TEXT_SUCCESS", "FIRST_SUCCESS") else None))
    return {"taskId": task_id, "audioIds": [t["audioId"] for t in made], "stems": stems, "tracks": made}


def read_wav(data: bytes) -> np.ndarray:
    y, _ = sf.read(io.BytesIO(data), dtype="float32", always_2d=True)
    return y.T
