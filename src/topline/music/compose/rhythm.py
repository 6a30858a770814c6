"""Rhythm: a line's syllables -> onsets and durations on the 16th grid.

A Viterbi pass over (syllable, grid step) picks onsets that put stressed syllables on strong
beats and unstressed ones between, keep the inter-onset intervals near the style's density, start
the line on the bar line, the half-bar or a pickup (one beat or half a beat before), and end on a
held note with a breath before the next line.  Held stressed syllables may become melismas.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..controls import StyleProfile
from .grid import SUB, Grid

IOIS = np.array([1, 2, 3, 4, 6, 8, 12, 16])  # allowed inter-onset intervals in grid steps
NEG = -1e9
AVOID = 1.6  # cost of an onset where the other variant has one


@dataclass(frozen=True)
class Event:
    """One note-to-be: grid steps ``[start, end)`` (fractional only when compressed off the grid)."""

    start: float
    end: float
    syl: int  # index of the syllable in the line
    tie: bool = False


def _emission(weights: np.ndarray, stressed: bool, *, syncopation: float, sixteenth_ok: float, strict: float) -> np.ndarray:
    # Scores by metrical weight 0 (16th) .. 4 (bar line).
    if stressed:
        table = np.array([-1.6 + 0.5 * syncopation + sixteenth_ok, -0.5 + 1.2 * syncopation, 1.2, 1.7, 2.0])
    else:
        table = np.array([-0.7 + sixteenth_ok, 0.35 + 0.3 * syncopation, 0.25, -0.15, -0.45])
    table[0] -= 0.8 * strict  # audio weight: follow the grid's coarser steps more strictly
    return table[np.clip(weights, 0, 4)]


def line_rhythm(
    stresses: list[int],
    *,
    grid: Grid,
    start: int,
    end: int,
    prev_end: float,
    profile: StyleProfile,
    weirdness: float,
    audio_weight: float,
    rng: np.random.Generator,
    lead: bool = False,
    compressed: bool = False,
    pickup_bias: float = 0.0,
    avoid: np.ndarray | None = None,
    avoid_weight: float = AVOID,
) -> list[Event]:
    """Onsets and durations for one line.

    Parameters
    ----------
    stresses : list of int
        Lexical stress of each syllable (0, 1, 2).
    grid : Grid
    start, end : int
        The phrase's grid steps: its first bar line and where the next phrase may begin.
    prev_end : float
        Grid step where the previous note ends; nothing may start before it.
    profile : StyleProfile
        Density, syncopation, melisma, spoken delivery.
    weirdness, audio_weight : float
        More syncopation / stricter grid.
    rng : numpy.random.Generator
    lead : bool
        The instrumental has a lead here: sing sparser.
    compressed : bool
        Squeezed lines may sing 16ths.
    pickup_bias : float
        Extra preference for pickups (variants differ in it).
    avoid : ndarray of bool, optional
        Grid steps where the other variant starts a note: onsets there cost more, so the second
        melody phrases its own way (anticipations, other line starts) rather than the same rhythm.
    avoid_weight : float
        What such an onset costs (``AVOID``; half of it on a bar line).

    Returns
    -------
    list of Event
        In time order, never overlapping, inside ``[max(prev_end, start - 4), end]``.
    """
    n_syl = len(stresses)
    bar_steps = grid.beats_per_bar * SUB
    breath = SUB if (end - start) >= bar_steps and not compressed else (2 if not compressed else 0)
    stop = min(end - breath, grid.n - 1)  # the last note ends here at the latest
    lo = max(start - SUB, 0)
    hi = stop - 2
    m = hi - lo + 1
    if n_syl == 0:
        return []
    if m < n_syl:
        return _uniform(n_syl, max(float(start), prev_end), float(max(stop, start + 1)))

    density = max(0.5, profile.rhythm_density) * (0.75 if lead else 1.0)
    target = SUB / density
    room = (stop - start - 6) / max(n_syl - 1, 1)
    # a short line on a long phrase spreads out, up to twice the spacing (its last bar is not left empty)
    target = float(np.clip(room, target, 2.0 * target)) if room > target else max(room, 1.0)
    sync = min(1.0, profile.syncopation + 0.3 * weirdness)
    sixteenth_ok = 1.0 if (target < 2.5 or compressed) else 0.0
    steps = np.arange(lo, hi + 1)
    w = grid.weight[steps]
    noise = rng.normal(0.0, 0.25, size=(n_syl, m))
    emit = np.stack([
        _emission(w, s > 0, syncopation=sync, sixteenth_ok=sixteenth_ok, strict=audio_weight) for s in stresses
    ]) + noise  # fmt: skip
    if avoid is not None:
        # bar lines cost less to share: the chord change is where both melodies want a chord tone
        emit -= (avoid_weight * avoid[np.clip(steps, 0, avoid.size - 1)] * np.where(w >= 4, 0.5, 1.0))[None, :]
    trans = -0.7 * np.log2(IOIS / target) ** 2
    if not sixteenth_ok:
        trans[IOIS == 1] -= 2.0

    # First onset: bar line, half-bar, or a pickup one beat or half a beat before either.
    half = bar_steps // 2 if grid.beats_per_bar % 2 == 0 else bar_steps
    first = np.full(m, NEG)
    anchor_bonus = {start: 0.6, start + half: 0.0, start - 2: 0.3, start - SUB: 0.2,
                    start + half - 2: -0.2, start + half - SUB: -0.3}  # fmt: skip
    lead_in = n_syl > 1 and stresses[0] == 0 and stresses[1] > 0
    for q, bonus in anchor_bonus.items():
        if lo <= q <= hi and q >= prev_end + (2 if q < start else 0) and q + (n_syl - 1) <= hi:
            b = bonus + (0.7 + pickup_bias if q < start and lead_in else 0.0) + (0.5 if q == start and not lead_in else 0)
            first[q - lo] = b
    if not np.any(first > NEG / 2):
        q = int(np.ceil(max(prev_end, start)))
        if q > hi:
            return _uniform(n_syl, max(float(start), prev_end), float(max(stop, start + 1)))
        first[q - lo] = 0.0

    dp = np.full((n_syl, m), NEG)
    arg = np.zeros((n_syl, m), dtype=int)
    dp[0] = first + emit[0]
    for k in range(1, n_syl):
        best = np.full(m, NEG)
        barg = np.zeros(m, dtype=int)
        for d, t in zip(IOIS, trans):
            if d >= m:
                continue
            cand = np.full(m, NEG)
            cand[d:] = dp[k - 1, :-d] + t
            better = cand > best
            best[better] = cand[better]
            barg[better] = d
        dp[k] = best + emit[k]
        arg[k] = barg
    hold = stop - steps
    final = dp[-1] - 0.6 * np.abs(np.log2(np.clip(hold, 1, None) / 8.0)) + 0.4 * (w >= 2)
    if not np.any(final > NEG / 2):
        return _uniform(n_syl, max(float(start), prev_end), float(max(stop, start + 1)))
    j = int(np.argmax(final))
    pos = [j]
    for k in range(n_syl - 1, 0, -1):
        j = j - int(arg[k, j])
        pos.append(j)
    onsets = [int(steps[p]) for p in reversed(pos)]

    events = []
    melisma = 0.0 if profile.spoken > 0.5 else profile.melisma
    for k, q in enumerate(onsets):
        nxt = onsets[k + 1] if k + 1 < n_syl else min(stop, q + max(8, 2 * SUB))
        if k == n_syl - 1:
            nxt = min(stop, q + max(8, int(target * 2)))
        ioi = nxt - q
        p_mel = melisma * (1.5 if k == n_syl - 1 else 1.0)
        if stresses[k] > 0 and ioi >= SUB and rng.random() < p_mel:
            split = q + (ioi // 2 if ioi // 2 >= 2 else 2)
            split -= split % 2  # keep the inner note on the 8th grid
            if q < split < nxt:
                events.append(Event(q, split, k))
                events.append(Event(split, nxt, k, tie=True))
                continue
        events.append(Event(q, nxt, k))
    return events


def _uniform(n_syl: int, start: float, stop: float) -> list[Event]:
    """Last resort for lyrics that cannot fit the grid: equal slices (off the grid)."""
    step = (stop - start) / n_syl
    return [Event(start + k * step, start + (k + 1) * step, k) for k in range(n_syl)]
