"""Request bodies, validated once; field names are the API's (camelCase)."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr, field_validator

# Strict: true, "0.5" or "7" are refused with a message naming the type, not coerced; NaN and
# Infinity are "not a finite number" rather than out of range.
Weight = Annotated[StrictFloat, Field(ge=0.0, le=1.0, multiple_of=0.01, allow_inf_nan=False)]


def _http_url(value: str) -> str:
    v = value.strip()
    u = urlparse(v)
    if u.scheme not in ("http", "https") or not u.netloc:
        raise ValueError(f"must be an http:// or https:// URL (got {value[:80]!r})")
    return v


class AddVocalsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    uploadUrl: StrictStr
    prompt: Annotated[StrictStr, Field(max_length=5000)]
    title: Annotated[StrictStr, Field(max_length=100)]
    style: Annotated[StrictStr, Field(max_length=1000)]
    negativeTags: Annotated[StrictStr, Field(max_length=200)]
    callBackUrl: Annotated[StrictStr, Field(max_length=2000)]  # stored (and sent to) as given
    vocalGender: Literal["m", "f"] | None = None
    styleWeight: Weight | None = None
    weirdnessConstraint: Weight | None = None
    audioWeight: Weight | None = None
    model: Literal["V4_5PLUS", "V5", "V5_5"] | None = None
    seed: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)] | None = None  # Topline: reproducible results

    @field_validator("uploadUrl", "callBackUrl")
    @classmethod
    def _url(cls, v: str) -> str:
        return _http_url(v)

    @field_validator("prompt")
    @classmethod
    def _prompt(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be empty: give lyrics to sing or describe the song")
        return v


class TimestampedLyricsRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    taskId: StrictStr
    audioId: StrictStr | None = None
    musicIndex: int | None = None  # older sunoapi.org clients select the track by index


class Base64UploadRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    base64Data: StrictStr
    uploadPath: StrictStr = ""
    fileName: StrictStr | None = None


class UrlUploadRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    fileUrl: StrictStr
    uploadPath: StrictStr = ""
    fileName: StrictStr | None = None

    @field_validator("fileUrl")
    @classmethod
    def _url(cls, v: str) -> str:
        return _http_url(v)
