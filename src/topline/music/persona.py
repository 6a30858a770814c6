"""A singer taken from a finished track (a persona): gender, voice, register and vocal style.

``singer_of`` measures one from a track's controls and score; ``with_singer`` makes a new
request's controls sing with it. Pure functions; the service stores singers as JSON.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .compose import median_pitch
from .compose.pitch import VOICE
from .controls import Controls
from .types import Score

# The StyleProfile fields that make up how a voice sings (not what the melody does).
VOCAL_STYLE = ("vibrato_depth_cents", "vibrato_rate_hz", "vibrato_delay_s", "portamento_s", "breathiness",
               "reverb_wet", "delay_wet", "saturation_db", "compression_ratio", "doubling", "harmony")


@dataclass(frozen=True)
class Singer:
    gender: str  # "m" | "f"
    register: float  # time-weighted median sung pitch, MIDI
    low: int  # lowest and highest sung notes
    high: int
    vocal: dict[str, Any] = field(default_factory=dict)  # VOCAL_STYLE values
    voice: str | None = None  # a named neural voice, where the track used one

    def to_json(self) -> dict[str, Any]:
        return {"gender": self.gender, "register": self.register, "low": self.low, "high": self.high,
                "vocal": dict(self.vocal), "voice": self.voice}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Singer":
        return cls(gender=str(d["gender"]), register=float(d["register"]), low=int(d["low"]), high=int(d["high"]),
                   vocal=dict(d.get("vocal", {})), voice=d.get("voice"))


def singer_of(controls: Controls, score: Score, *, start: float = 0.0, end: float | None = None,
              voice: str | None = None) -> Singer:
    """The singer of a track: gender and vocal style from its controls, register from the notes
    sung between ``start`` and ``end`` seconds (the whole score when none falls there).

    Raises
    ------
    ValueError
        The score has no notes.
    """
    notes = [n for n in score.notes if n.end > start and (end is None or n.start < end)] or list(score.notes)
    if not notes:
        raise ValueError("the track has no sung notes")
    prof = controls.profile
    vocal = {k: getattr(prof, k) for k in VOCAL_STYLE}
    return Singer(gender=controls.gender, register=round(float(median_pitch(notes)), 2),
                  low=min(n.midi for n in notes), high=max(n.midi for n in notes), vocal=vocal, voice=voice)


def with_singer(controls: Controls, singer: Singer) -> Controls:
    """``controls`` sung by ``singer``: its gender, its named voice (when it has one), its register
    (the melody's median aims at it) and its vocal style; everything else (style family, rhythm,
    mix) stays the request's."""
    vocal = {k: v for k, v in singer.vocal.items() if k in VOCAL_STYLE}
    register = round(singer.register - VOICE[singer.gender][2], 2)  # from the voice's usual centre
    return dataclasses.replace(controls, gender=singer.gender, register=register,
                               voice=singer.voice or (controls.voice if singer.gender == controls.gender else None),
                               profile=dataclasses.replace(controls.profile, **vocal))
