"""The sung F0 contour: notes joined by portamento, with overshoot and vibrato.

Pitch moves like a singer's: each step from one note to the next follows the response of
a damped second-order system (the F0 control model of Saitou et al., 2007), which gives a
smooth glide and a slight overshoot for free.  The previous note's pitch holds through the
onset consonants of the next one and the change is centred on the next note's start (its vowel
onset): half of it at the end of the consonants, half at the start of the vowel, quickly over
consonants and over the style's portamento time from vowel to vowel (a melisma).  Sung pitch
is judged note by note, and a change made during the consonants, before the note, put the end
of every note off its pitch (measured: most frames more than 50 cents off were there).
Vibrato starts after the note's onset, fades in, and uses the style's depth and rate (at most
``MAX_VIBRATO_CENTS``).
"""

from __future__ import annotations

import numpy as np

from topline.music.types import Note

#: Damping of the glide: 0.7 overshoots by about 5 % of the interval, briefly.
DAMPING = 0.7
#: A phrase's first note is approached from this far below (semitones): a light scoop.
SCOOP_ST = 0.4
VIBRATO_FADE_S = 0.25
#: Deepest vibrato sung (cents, peak): a held note stays within 50 cents of its pitch with room
#: for the small errors of resynthesis (some styles ask for 40).
MAX_VIBRATO_CENTS = 35.0
MAX_GLIDE_SHARE = 0.3  # a legato glide takes at most this share of the shorter note
CONSONANT_GLIDE_SHARE = 0.2  # a change over consonants takes this share of their time
#: The quickest change (10-90 %, s): over short consonants, and between short notes.
MIN_CHANGE_S = 0.01
#: 10-90 % time of a change made inside voiceless consonants (s).
HIDDEN_CHANGE_S = 0.01


def _rise_time(zeta: float) -> float:
    """10-90 % rise time of the unit-frequency 2nd-order step response with damping ``zeta``."""
    t = np.linspace(0.0, 10.0, 20001)
    wd = np.sqrt(1.0 - zeta * zeta)
    y = 1.0 - np.exp(-zeta * t) / wd * np.sin(wd * t + np.arccos(zeta))
    return float(t[np.argmax(y >= 0.9)] - t[np.argmax(y >= 0.1)])


_RISE_AT_WN1 = _rise_time(DAMPING)


def _t_reach(zeta: float, share: float) -> float:
    """Time (in rise times) for the glide to reach ``share`` of its interval."""
    t = np.linspace(0.0, 10.0, 20001)
    wd = np.sqrt(1.0 - zeta * zeta)
    y = 1.0 - np.exp(-zeta * t) / wd * np.sin(wd * t + np.arccos(zeta))
    return float(t[np.argmax(y >= share)]) / _RISE_AT_WN1


_T_DONE = _t_reach(DAMPING, 0.95)
_T_HALF = _t_reach(DAMPING, 0.5)


def midi_to_hz(m: np.ndarray | float) -> np.ndarray:
    return 440.0 * 2.0 ** ((np.asarray(m, dtype=np.float64) - 69.0) / 12.0)


def _step(tau: np.ndarray) -> np.ndarray:
    """Unit step response of the glide at ``tau`` rise times after it starts (0 before)."""
    t = np.maximum(tau, 0.0) * _RISE_AT_WN1
    wd = np.sqrt(1.0 - DAMPING * DAMPING)
    y = 1.0 - np.exp(-DAMPING * t) / wd * np.sin(wd * t + np.arccos(DAMPING))
    return np.where(tau > 0, y, 0.0)


def contour(
    notes: list[Note],
    *,
    times: np.ndarray,
    approach_s: list[float] | None = None,
    voiceless_s: list[float] | None = None,
    portamento_s: float = 0.08,
    vibrato_depth_cents: float = 0.0,
    vibrato_rate_hz: float = 5.5,
    vibrato_delay_s: float = 0.3,
    seed: int = 0,
) -> np.ndarray:
    """F0 in MIDI units (float) at ``times`` for one phrase's notes.

    Parameters
    ----------
    notes : list of Note
        The phrase's notes in order (ties included).
    times : np.ndarray
        Frame times in seconds on the song clock.
    approach_s : list of float, optional
        Per note, how long its onset consonants last before its start (0 for a tie or a
        vowel onset).  A note reached over consonants changes pitch quickly (10-90 % in a
        fifth of their time, ``MIN_CHANGE_S`` (10 ms) at least, ``portamento_s`` at most); a legato
        vowel-to-vowel change glides over ``portamento_s``.  Either way the change is half
        done at the note's start, unless it can be hidden (``voiceless_s``).
    voiceless_s : list of float, optional
        Per note, how long the unvoiced consonants just before its vowel last (0 when the
        sound before the vowel is voiced).  Nothing is heard of the pitch there, so the change
        is made inside them, as a singer makes it: quickly (``HIDDEN_CHANGE_S``) at their end,
        done by the vowel's start, which lands on its note; their faint voicing (``sing``'s
        leak) holds the previous note's pitch until then.
    portamento_s : float
        10-90 % time of a legato glide between notes.
    vibrato_depth_cents, vibrato_rate_hz, vibrato_delay_s : float
        Peak deviation (at most ``MAX_VIBRATO_CENTS``), rate, and delay after each note's
        start; depth 0 disables.
    seed : int
        Varies the vibrato rate slightly per note, reproducibly.

    Returns
    -------
    np.ndarray
        Pitch in MIDI semitones, same shape as ``times``.
    """
    times = np.asarray(times, dtype=np.float64)
    if times.size == 0 or not notes:
        return np.zeros_like(times)
    approach = list(approach_s) if approach_s is not None else [0.0] * len(notes)
    voiceless = list(voiceless_s) if voiceless_s is not None else [0.0] * len(notes)
    # a light scoop into the phrase's first note, settled before its vowel
    first = notes[0]
    rise0 = max(approach[0], 0.05)
    pitch = float(first.midi) - SCOOP_ST * (1.0 - _step((times - (first.start - _T_DONE * rise0)) / rise0))
    for prev, n, app, hid in zip(notes, notes[1:], approach[1:], voiceless[1:]):
        shortest = min(prev.end - prev.start, n.end - n.start)
        legato = min(portamento_s, MAX_GLIDE_SHARE * shortest)
        # over consonants the change is quick and late, as singers make it; legato it glides
        rise = float(np.clip(CONSONANT_GLIDE_SHARE * app if app > 0 else legato, MIN_CHANGE_S,
                             max(min(legato, 0.3), MIN_CHANGE_S)))
        if hid > 0:
            # unheard in the voiceless consonants: a quick change, done (95 %) by the vowel's start,
            # so their faint voicing holds the previous pitch until just before it
            rise = min(HIDDEN_CHANGE_S, hid / _T_DONE)
            begin = n.start - _T_DONE * rise
        else:
            begin = n.start - _T_HALF * rise  # half done at the note's start (the vowel onset)
        pitch = pitch + (n.midi - prev.midi) * _step((times - begin) / rise)

    depth = min(max(float(vibrato_depth_cents), 0.0), MAX_VIBRATO_CENTS) / 100.0
    if depth > 0:
        rng = np.random.default_rng(seed)
        for n in notes:
            v0 = n.start + vibrato_delay_s
            if n.end - v0 < 0.15:
                continue
            sel = (times >= v0) & (times < n.end)
            t = times[sel] - v0
            fade_in = np.clip(t / VIBRATO_FADE_S, 0.0, 1.0)
            fade_out = np.clip((n.end - times[sel]) / 0.08, 0.0, 1.0)
            rate = vibrato_rate_hz * (1.0 + 0.04 * rng.standard_normal())
            pitch[sel] += depth * fade_in * fade_out * np.sin(2 * np.pi * rate * t)
    return pitch
