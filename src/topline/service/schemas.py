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


class SongRequest(BaseModel):
    """What to sing and how: the musical fields every generating request shares (the CLI too)."""

    model_config = ConfigDict(extra="forbid")

    prompt: Annotated[StrictStr, Field(max_length=5000, description=(
        "The lyrics to sing, with optional section tags ([Verse], [Chorus], [Bridge], ...), or a description "
        "of the song, from which Topline writes lyrics that fit the instrumental's length. At most 5000 "
        "characters; not empty."))]
    title: Annotated[StrictStr, Field(max_length=100, description=(
        "The song's title: written into the MP3's tags and the cover image; a description's lyrics may use "
        "it. At most 100 characters; may be empty."))]
    style: Annotated[StrictStr, Field(max_length=1000, description=(
        "Free-text style tags, comma separated (\"indie pop, breathy female vocals\"). Genre words pick a "
        "blend of style families (pop, rock, jazz, R&B, hip hop, country, folk, electronic, ballad, metal, "
        "gospel, reggae, latin, punk, indie, blues) that sets rhythm density, syncopation, range, melisma, "
        "vibrato, breathiness and the vocal production; trait words (breathy, raspy, powerful, dreamy, ...) "
        "nudge it; voice words (female, baritone, alto, high tenor) choose the gender and register. "
        "At most 1000 characters."))]
    negativeTags: Annotated[StrictStr, Field(max_length=200, description=(
        "Styles or traits to avoid, comma separated; \"no vibrato\" and \"vibrato\" mean the same. "
        "Traits: vibrato, reverb, echo/delay, harmony/backing vocals, doubling, melisma/runs, rap/spoken, "
        "breathy, distortion, falsetto/high notes, syncopation, autotune; a genre word pushes the blend away "
        "from that family. Blank is fine. At most 200 characters."))]
    vocalGender: Literal["m", "f"] | None = Field(None, description=(
        "\"m\" or \"f\": the singer, always honoured. Omitted: taken from the style words, else drawn "
        "from the seed."))
    styleWeight: Weight | None = Field(None, description=(
        "0 to 1 in steps of 0.01 (default 0.5): how strongly the style shapes the singing and production. "
        "0 is a plain, neutral pop voice; 1 the style families' full profile."))
    weirdnessConstraint: Weight | None = Field(None, description=(
        "0 to 1 in steps of 0.01 (default 0.5): how adventurous the melody is. Higher allows more chromatic "
        "passing tones, wider leaps, more syncopation and irregular phrase lengths; 0 keeps to the scale "
        "and the beat."))
    audioWeight: Weight | None = Field(None, description=(
        "0 to 1 in steps of 0.01 (default 0.5): how closely the melody follows the instrumental. Higher "
        "puts chord tones on strong beats and syllables on the beat grid more strictly; 1 makes it a rule."))
    model: Literal["V4_5PLUS", "V5", "V5_5"] | None = Field(None, description=(
        "Engine preset, upper case (default V4_5PLUS). V5 sings with a slightly wider range, more leaps "
        "and melisma and a little more reverb and delay; V5_5 a bit further, with more syncopation. "
        "All cost the same."))
    seed: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)] | None = Field(None, description=(
        "Topline: 0 to 2147483647. The same request, instrumental and seed give the same bytes. Omitted: "
        "drawn once when the task is accepted (every variant and any resumed run use it)."))

    @field_validator("prompt")
    @classmethod
    def _prompt(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be empty: give lyrics to sing or describe the song")
        return v


class AddVocalsRequest(SongRequest):
    """POST /api/v1/generate/add-vocals: sing over an instrumental."""

    uploadUrl: StrictStr = Field(description=(
        "The instrumental: an http(s) URL Topline downloads (MP3, WAV, FLAC, OGG/Opus, M4A/AAC; 5 s to 8 min "
        "by default), or the downloadUrl of one of the upload endpoints."))
    callBackUrl: Annotated[StrictStr, Field(max_length=2000)] = Field(description=(  # stored (and sent to) as given
        "Where stage callbacks (text, first, complete, or error) are POSTed, signed with your webhook key. "
        "A public http(s) URL, at most 2000 characters: private and loopback addresses are refused unless the "
        "server allows them."))
    personaId: Annotated[StrictStr, Field(min_length=1, max_length=64)] | None = Field(None, description=(
        "Topline: a personaId from /api/v1/generate/generate-persona (this key's): the song is sung by that "
        "persona's singer (gender, voice, register, vocal style); everything else comes from this request."))

    @field_validator("uploadUrl", "callBackUrl")
    @classmethod
    def _url(cls, v: str) -> str:
        return _http_url(v)


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
