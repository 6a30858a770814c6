"""The sung F0 contour: notes joined by portamento, with overshoot and vibrato.

Pitch moves like a singer's: the step from one note to the next passes through a damped
second-order system (the F0 control model of Saitou et al., 2007), which gives a smooth glide
and a slight overshoot for free.  The glide is timed to land by the vowel onset, mostly
over the consonants before it.  Vibrato starts after the note's onset, fades in, and
uses the style's depth and rate.
"""

from __future__ import annotations

import numpy as np
from scipy.signal import bilinear, lfilter

from topline.music.types import Note

#: Damping of the glide: 0.7 overshoots by about 5 % of the interval, briefly.
DAMPING = 0.7
#: A phrase's first note is approached from this far below (semitones): a light scoop.
SCOOP_ST = 0.4
VIBRATO_FADE_S = 0.25


def midi_to_hz(m: np.ndarray | float) -> np.ndarray:
    return 440.0 * 2.0 ** ((np.asarray(m, dtype=np.float64) - 69.0) / 12.0)


def contour(
    notes: list[Note],
    *,
    times: np.ndarray,
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
        Frame times in seconds on the song clock, evenly spaced.
    portamento_s : float
        About the 10-90 % time of a glide between notes.
    vibrato_depth_cents, vibrato_rate_hz, vibrato_delay_s : float
        Peak deviation, rate, and delay after each note's start; depth 0 disables.
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
    dt = float(times[1] - times[0]) if times.size > 1 else 0.005
    port = max(float(portamento_s), 2 * dt)
    # the glide to a note starts early enough to be nearly done at its start
    lead = 0.6 * port
    target = np.full(times.shape, float(notes[0].midi))
    for n in notes[1:]:
        target[times >= n.start - lead] = float(n.midi)
    wn = 1.8 / port  # rise time of an underdamped 2nd-order system is about 1.8 / wn
    b, a = bilinear([wn * wn], [1.0, 2.0 * DAMPING * wn, wn * wn], fs=1.0 / dt)
    start = float(notes[0].midi) - SCOOP_ST
    pitch = lfilter(b, a, target - start) + start

    depth = max(float(vibrato_depth_cents), 0.0) / 100.0
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
