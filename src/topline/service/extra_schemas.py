"""Request bodies of the endpoints around add-vocals (WAV, stems, MIDI, lyrics, personas).

Unknown fields are ignored here (upstream clients send a few of their own); the fields
that matter are checked as strictly as add-vocals' are.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator, model_validator

from .schemas import _http_url


class _Derived(BaseModel):
    """A track of a finished task: ``taskId`` and ``audioId``; either alone is enough (the first
    track of the task, or the task holding that track), as sunoapi.org allows."""

    model_config = ConfigDict(extra="ignore")

    taskId: Annotated[StrictStr, Field(min_length=1, max_length=64)] | None = None
    audioId: Annotated[StrictStr, Field(min_length=1, max_length=64)] | None = None
    callBackUrl: Annotated[StrictStr, Field(max_length=2000)]  # stored (and sent to) as given

    @field_validator("callBackUrl")
    @classmethod
    def _url(cls, v: str) -> str:
        return _http_url(v)

    @model_validator(mode="after")
    def _track(self):
        if not self.taskId and not self.audioId:
            raise ValueError("taskId is required (with audioId to choose the track; audioId alone also works)")
        return self


class WavRequest(_Derived):
    pass


class VocalRemovalRequest(_Derived):
    type: Literal["separate_vocal", "split_stem"] = "separate_vocal"


class MidiRequest(_Derived):
    pass


class LyricsRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    prompt: Annotated[StrictStr, Field(max_length=200)]
    callBackUrl: Annotated[StrictStr, Field(max_length=2000)]  # stored (and sent to) as given
    seed: Annotated[int, Field(ge=0, le=2**31 - 1)] | None = None  # Topline: reproducible lyrics

    @field_validator("callBackUrl")
    @classmethod
    def _url(cls, v: str) -> str:
        return _http_url(v)

    @field_validator("prompt")
    @classmethod
    def _prompt(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be empty: describe the song the lyrics are for")
        return v


class PersonaRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    taskId: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    audioId: Annotated[StrictStr, Field(max_length=64)] | None = None
    name: Annotated[StrictStr, Field(min_length=1, max_length=200)]
    description: Annotated[StrictStr, Field(max_length=2000)] = ""
    style: Annotated[StrictStr, Field(max_length=1000)] = ""
    vocalStart: Annotated[float, Field(ge=0.0)] = 0.0
    vocalEnd: Annotated[float, Field(ge=0.0)] = 30.0
