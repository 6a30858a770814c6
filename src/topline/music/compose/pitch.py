"""Pitch: a Viterbi search over candidate MIDI pitches for one line's notes.

The cost of a pitch sums chord-tone fit on strong beats (as strict as ``audio_weight`` asks),
scale membership (chromatic passing tones only as ``weirdness`` allows), closeness to the line's
contour target, the voice's range and passaggio, a stable tone at the phrase end, and, where
given, a pull towards a reference melody (a repeated chorus) or away from one (the other variant).
The transition cost prefers steps, allows leaps as the style tolerates, and forbids leaps over an
octave.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..controls import StyleProfile

# Voice ranges as MIDI numbers: lowest, highest, tessitura centre (where the melody's time-weighted
# median aims), passaggio (top of the easy range).  A pop lead: male A2-F4 around C#3-D3 (143 Hz), female
# A3-F5 around D#4 (311 Hz).
VOICE = {"m": (45, 65, 49.5, 62), "f": (57, 77, 63, 72)}
# Where any style or variant may move the median: inside the sung-gender bands of quality.md (male
# 85-200 Hz, female 165-420 Hz) with a margin of over a semitone (male 131-185 Hz, female 220-392 Hz).
MEDIAN_BAND = {"m": (48.0, 54.0), "f": (57.0, 67.0)}
CONTOURS = ("arch", "descending", "rise-fall", "terrace")
INF = 1e9


@dataclass(frozen=True)
class NoteSlot:
    """What the pitch search needs to know about one note."""

    strong: tuple[frozenset, ...]  # chords at the strong beats (bar/half-bar) the note covers
    beats: tuple[frozenset, ...]  # chords at the other beats the note covers
    chord: frozenset  # chord sounding at the onset
    onset_weight: int  # metrical weight of the onset (0..4)
    tie: bool
    t: float  # position in the line, 0..1
    steps: float = 4.0  # duration in grid steps
    avoid: int | None = None  # the other variant's pitch at this time
    prefer: int | None = None  # a repeated line's earlier pitch


def contour_target(kind: str, t: np.ndarray, *, centre: float, amp: float) -> np.ndarray:
    """The pitch a phrase shape aims at, at positions ``t`` in [0, 1] of the line."""
    if kind == "arch":
        return centre - 0.4 * amp + 1.4 * amp * np.sin(np.pi * t)
    if kind == "descending":
        return centre + amp * (0.8 - 1.4 * t)
    if kind == "rise-fall":  # climbs to a late peak, then falls to the cadence
        return centre + amp * np.where(t < 0.7, -0.5 + 1.6 * t / 0.7, 1.1 - 2.4 * (t - 0.7) / 0.3)
    # terrace: holds a level, steps down at the end
    return centre + amp * np.where(t < 0.6, 0.3, 0.3 - 1.3 * (t - 0.6) / 0.4)


def line_pitches(
    slots: list[NoteSlot],
    *,
    key_scale: frozenset,
    leading_tone: int | None,
    tonic: int,
    gender: str,
    centre: float,
    contour: str,
    profile: StyleProfile,
    weirdness: float,
    audio_weight: float,
    prev: int | None,
    cadence: str,
    rng: np.random.Generator,
    mode_sure: bool = True,
) -> list[int]:
    """Choose a MIDI pitch for each note of a line.

    Parameters
    ----------
    slots : list of NoteSlot
    key_scale : frozenset of int
        Pitch classes of the key.
    leading_tone : int or None
        The harmonic-minor leading tone (minor keys), allowed where the chord has it or at cadences.
    tonic : int
    gender : {"m", "f"}
    centre : float
        The line's register centre (MIDI).
    contour : str
        One of ``CONTOURS``.
    profile : StyleProfile
    weirdness, audio_weight : float
    prev : int or None
        The previous note's pitch (no leap over an octave from it).
    cadence : {"half", "full"}
        A full cadence (end of section) prefers the tonic; a half one any stable chord tone.
    rng : numpy.random.Generator
    mode_sure : bool
        False when the analysis could not tell major from minor: the degrees the two modes
        do not share (third, sixth, seventh) are then sung only where the sounding chord has
        them, so the melody never asserts a mode the instrumental does not.

    Returns
    -------
    list of int
    """
    lo, hi, _, passaggio = VOICE[gender]
    cands = np.arange(lo, hi + 1)
    pcs = cands % 12
    n = len(slots)
    if n == 0:
        return []
    amp = max(1.0, 0.4 * profile.range_semitones) * (1.0 - 0.7 * profile.spoken)
    t = np.array([s.t for s in slots])
    target = contour_target(contour, t, centre=centre, amp=amp)
    band_lo, band_hi = centre - amp - 2.5, centre + amp + 2.5

    in_scale = np.isin(pcs, list(key_scale))
    modal = np.isin(pcs, [(tonic + d) % 12 for d in (3, 4, 8, 9, 10, 11)])  # where the modes differ
    is_lt = pcs == leading_tone if leading_tone is not None else np.zeros_like(in_scale)
    stable_key = np.isin(pcs, [tonic, (tonic + 4) % 12, (tonic + 3) % 12, (tonic + 7) % 12])
    chroma_cost = 3.2 - 3.0 * weirdness  # chromatic passing tones: short notes on weak steps only
    # audioWeight 1 asks for a chord tone on every strong beat: make anything else prohibitive there.
    strict_strong = 1.0 + 3.0 * audio_weight + (40.0 if audio_weight >= 0.995 else 0.0)
    strict_beat = 0.3 + 1.2 * audio_weight

    cost = np.zeros((n, cands.size))
    for i, s in enumerate(slots):
        c = 0.12 * (cands - target[i]) ** 2 * (1.0 - 0.5 * weirdness)
        c += np.where(cands > passaggio, 1.2 * (cands - passaggio), 0.0)
        c += np.where(cands > band_hi, 1.5 * (cands - band_hi), 0.0) + np.where(cands < band_lo, 1.5 * (band_lo - cands), 0.0)
        in_chord = np.isin(pcs, list(s.chord)) if s.chord else np.ones_like(in_scale)
        allowed_lt = is_lt & (in_chord | (i == n - 2))
        scale_ok = in_scale | allowed_lt
        if not mode_sure:  # only what both modes share, or the chord that really sounds
            sounding = np.isin(pcs, list(s.chord)) if s.chord else np.zeros_like(in_scale)
            scale_ok = (in_scale & ~modal) | (scale_ok & sounding)
        weak = s.onset_weight <= 1 and not s.strong and not s.beats and s.steps <= 2 and 0 < i < n - 1
        c += np.where(scale_ok, 0.0, chroma_cost if weak else 8.0)
        for ch in s.strong:
            if ch:
                c += np.where(np.isin(pcs, list(ch)), 0.0, strict_strong / len(s.strong))
        for ch in s.beats:
            if ch:
                c += np.where(np.isin(pcs, list(ch)), 0.0, strict_beat / len(s.beats))
        if s.chord and not s.strong:
            c -= 0.25 * in_chord
        if i == n - 1:  # the phrase end: a stable tone, the tonic at a section's end
            c += np.where(in_chord & stable_key, 0.0, np.where(in_chord, 0.7, 2.2))
            if cadence == "full":
                c -= 1.2 * (pcs == tonic)
        if s.avoid is not None:
            c += 2.5 * (cands == s.avoid)
        if s.prefer is not None:
            c -= 2.0 * (cands == s.prefer)
        c += rng.normal(0.0, 0.3, size=cands.size)
        cost[i] = c

    iv = np.abs(cands[:, None] - cands[None, :])
    lt = profile.leap_tolerance + 0.4 * weirdness
    trans = np.select(
        [iv == 0, iv <= 2, iv <= 4, iv == 6, iv <= 7, iv <= 12],
        [0.5 - 0.5 * profile.spoken, 0.0, 0.35, 2.6 - lt, 1.3 - lt, 4.0 + 0.5 * (iv - 7) - 2.0 * lt],
        INF,
    )
    trans = trans + profile.spoken * 1.5 * np.minimum(iv, 5)
    tie_trans = np.where((iv >= 1) & (iv <= 2), 0.0, np.where((iv >= 3) & (iv <= 4), 0.8, INF))  # a melisma moves

    dp = cost[0].copy()
    if prev is not None:
        d = np.abs(cands - prev)
        dp += np.where(d > 12, INF, 0.5 * np.select([d == 0, d <= 2, d <= 5, d <= 12], [0.3, 0.0, 0.3, 2.5], INF))
    back = np.zeros((n, cands.size), dtype=int)
    for i in range(1, n):
        tr = tie_trans if slots[i].tie else trans
        tot = dp[:, None] + tr  # [from, to]
        back[i] = np.argmin(tot, axis=0)
        dp = tot[back[i], np.arange(cands.size)] + cost[i]
    j = int(np.argmin(dp))
    out = [j]
    for i in range(n - 1, 0, -1):
        j = int(back[i, j])
        out.append(j)
    return [int(cands[k]) for k in reversed(out)]
