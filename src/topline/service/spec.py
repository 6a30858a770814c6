"""The request boundary: a validated request becomes a fully resolved, API-neutral ``TaskSpec``.

The pydantic request model (``schemas``) is the only validator; this module is the only
place that maps the API's field names onto the engine's and draws a seed.  Everything
behind it (the task row, the workers, the pipeline) sees the resolved spec: seed, gender,
register, style profile with the negative tags applied, model preset.
"""

from __future__ import annotations

import dataclasses
import json
import secrets

from pydantic import ValidationError

from ..music.controls import Controls
from ..music.style import resolve_controls
from ..pipeline import TaskSpec
from ..voice import choose_voice
from .schemas import AddVocalsRequest, SongRequest

SEED_LIMIT = 2**31  # seeds are 0 .. 2**31 - 1, the range the request model accepts


def draw_seed() -> int:
    """A fresh seed for a request without one (the one place a seed is drawn)."""
    return secrets.randbelow(SEED_LIMIT)


def song_controls(body: SongRequest, *, seed: int | None = None) -> Controls:
    """The resolved musical controls of a request (``seed`` overrides the request's)."""
    if seed is None:
        seed = body.seed if body.seed is not None else draw_seed()
    controls = resolve_controls(
        seed=seed, title=body.title, style=body.style, negative_tags=body.negativeTags,
        vocal_gender=body.vocalGender, style_weight=body.styleWeight, weirdness=body.weirdnessConstraint,
        audio_weight=body.audioWeight, model=body.model,
    )  # fmt: skip
    # The singer is chosen here, once, from the style words, the resolved gender and the seed, and stored
    # with the spec like every other choice (a later change to the voice table cannot re-cast a task).
    singer = choose_voice(body.style, gender=controls.gender, seed=seed, negative=body.negativeTags)
    return dataclasses.replace(controls, voice=singer.name)


def task_spec(body: SongRequest, *, task_id: str, audio_key: str, seed: int | None = None,
              wav: bool = True, out_prefix: str | None = None) -> TaskSpec:
    """Resolve a validated request into the spec the task row stores and the workers run.

    Parameters
    ----------
    body : SongRequest
        Validated by pydantic (``AddVocalsRequest`` or any request that shares the musical fields).
    task_id, audio_key : str
        The task and the storage key of its instrumental.
    seed : int, optional
        Overrides the request's seed (a resumed CLI run keeps its first seed); with neither, one is
        drawn here.
    wav, out_prefix
        As in ``TaskSpec``.
    """
    return TaskSpec(task_id=task_id, audio_key=audio_key, prompt=body.prompt,
                    controls=song_controls(body, seed=seed), wav=wav, out_prefix=out_prefix)


def spec_of_stored_request(task_id: str, param: str, *, seed: int, audio_key: str) -> TaskSpec | None:
    """The spec of a task stored by a version that kept only the request (``param``, JSON) and the seed;
    None when that request does not validate any more."""
    try:
        body = AddVocalsRequest.model_validate(json.loads(param))
    except (ValueError, ValidationError):
        return None
    return task_spec(body, task_id=task_id, audio_key=audio_key, seed=int(seed))
