"""Hand-made scores and controls for the voice tests."""

from __future__ import annotations

from topline.music.controls import Controls, StyleProfile
from topline.music.types import Note, Score


def profile(**over) -> StyleProfile:
    base = dict(
        family="pop", rhythm_density=1.0, syncopation=0.2, range_semitones=12, melisma=0.1,
        phrase_bars=4, spoken=0.0, leap_tolerance=0.3, vibrato_depth_cents=30.0, vibrato_rate_hz=5.5,
        vibrato_delay_s=0.25, portamento_s=0.08, breathiness=0.2, reverb_wet=0.2, delay_wet=0.1,
        saturation_db=2.0, compression_ratio=3.0, doubling=False, harmony=False,
    )  # fmt: skip
    base.update(over)
    return StyleProfile(**base)


def controls(gender: str = "m", excluded=(), **prof) -> Controls:
    return Controls(
        title="", style="pop", negative_tags="", gender=gender, style_weight=0.5, weirdness=0.0,
        audio_weight=0.5, model="V4_5PLUS", seed=7, profile=profile(**prof), excluded=frozenset(excluded),
    )  # fmt: skip


def note(start, end, midi, syllable, phonemes, *, word=0, line=0, stress=1, tie=False, velocity=90) -> Note:
    return Note(
        start=start, end=end, midi=midi, syllable=syllable, phonemes=tuple(phonemes), word_index=word,
        line_index=line, section="verse", stress=stress, tie=tie, velocity=velocity,
    )  # fmt: skip


def score(notes, gender="m", seed=3) -> Score:
    return Score(variant=1, gender=gender, seed=seed, notes=list(notes), tempo=120.0, key="C major")


def hello_score(shift: int = 0, gender: str = "m") -> Score:
    """Four notes, two words: 'hello, my love' on a small tune (shift in semitones)."""
    return score(
        [
            note(0.5, 0.9, 50 + shift, "hel", ["HH", "AH"], word=0, stress=0),
            note(0.9, 1.5, 53 + shift, "lo", ["L", "OW"], word=0, stress=1),
            note(1.5, 1.9, 55 + shift, "my", ["M", "AY"], word=1, stress=1),
            note(1.9, 2.9, 53 + shift, "love", ["L", "AH", "V"], word=2, stress=1),
        ],
        gender=gender,
    )
