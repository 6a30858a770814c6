"""The request's musical controls, resolved once into a typed object.

Every stage takes the ``Controls`` (or the ``StyleProfile`` inside it) it needs; none
reads the raw request, and none re-applies the negative tags: the profile already has
every exclusion applied.  ``resolve_controls`` (in ``music.style``) builds one from
values the service has validated.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class StyleProfile:
    """How a style family sings and is produced, already scaled by ``styleWeight``.

    Every number is the value to use, not a delta; ``neutral()`` in ``music.style``
    gives the profile a style weight of 0 yields.
    """

    family: str  # "pop", "rock", "jazz", "rnb", "hiphop", "country", "folk", "electronic", "ballad", "metal", "gospel", "reggae", "latin", ...
    # composition
    rhythm_density: float  # syllables per beat the melody aims at (0.5 .. 3)
    syncopation: float  # 0..1: share of onsets pushed off the beat
    range_semitones: int  # span of the melody
    melisma: float  # 0..1: probability a held stressed syllable gets a melisma
    phrase_bars: int  # 2 or 4: the usual phrase length
    spoken: float  # 0..1: near-spoken delivery (hip-hop): narrow pitch, dense rhythm
    leap_tolerance: float  # 0..1: how often leaps over a fourth are allowed
    # singing
    vibrato_depth_cents: float
    vibrato_rate_hz: float
    vibrato_delay_s: float
    portamento_s: float
    breathiness: float  # 0..1
    # production
    reverb_wet: float  # 0..1
    delay_wet: float  # 0..1
    saturation_db: float  # drive of the saturation stage
    compression_ratio: float
    doubling: bool  # doubled vocal on choruses
    harmony: bool  # a harmony line on choruses


@dataclass(frozen=True)
class Controls:
    """All request controls, validated and normalised.

    Attributes
    ----------
    title, style, negative_tags : str
        As given (blank negative tags are ``""``).
    gender : {"m", "f"}
        Always resolved: the requested gender, else inferred from the style, else from the seed.
    style_weight, weirdness, audio_weight : float
        In [0, 1].
    model : str
        ``"V4_5PLUS"``, ``"V5"`` or ``"V5_5"``: selects an engine preset.
    seed : int
        Makes the task reproducible.
    profile : StyleProfile
        The style profile after tags, negative tags (every exclusion applied: no stage
        consults ``excluded`` again), style weight and model preset.
    excluded : frozenset of str
        Traits excluded by ``negative_tags`` (e.g. ``{"vibrato", "reverb", "harmony", "melisma"}``),
        kept for the record; their effect is already in ``profile`` and ``register``.
    register : float
        Semitones the sung register moves from the gender's usual tessitura (voice-type words in the
        style, "high tenor", "alto"; lower without falsetto).
    voice : str or None
        The neural voice's name; None sings with the default voice of ``gender``. A persona pins
        both ``register`` and ``voice`` (``music.persona.with_singer``).
    """

    title: str
    style: str
    negative_tags: str
    gender: str
    style_weight: float
    weirdness: float
    audio_weight: float
    model: str
    seed: int
    profile: StyleProfile
    excluded: frozenset[str] = field(default_factory=frozenset)
    register: float = 0.0
    voice: str | None = None

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["excluded"] = sorted(self.excluded)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Controls":
        d = dict(d)
        d["profile"] = StyleProfile(**d["profile"])
        d["excluded"] = frozenset(d.get("excluded", ()))
        return cls(**d)
