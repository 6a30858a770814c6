"""The request's musical controls, parsed once into a typed object.

Every stage takes the ``Controls`` (or the ``StyleProfile`` inside it) it needs; none
reads the raw request.  ``parse_controls`` (in ``music.style``) builds one from the
API parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
        Always resolved: the request's ``vocalGender``, else inferred from the style, else from the seed.
    style_weight, weirdness, audio_weight : float
        In [0, 1].
    model : str
        ``"V4_5PLUS"``, ``"V5"`` or ``"V5_5"``: selects an engine preset.
    seed : int
        Makes the task reproducible.
    profile : StyleProfile
        The style profile after tags, negative tags and style weight.
    excluded : frozenset of str
        Traits excluded by ``negative_tags`` (e.g. ``{"vibrato", "reverb", "harmony", "melisma"}``).
    register : float or None
        Semitones the sung register sits from the gender's usual tessitura, pinned by a persona;
        None lets the style's voice-type words set it ("high tenor", "alto").
    voice : str or None
        The named neural voice to sing with, pinned by a persona; None lets the voice be chosen
        from the style, gender and seed.
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
    register: float | None = None
    voice: str | None = None
