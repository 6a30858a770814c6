"""Lead regions: where the instrumental already carries a lead melody.

A lead is a single line in the melody range that the ear follows over the accompaniment: its pitch is
the strongest one there (harmonic salience, so a note's own partials count for it and not against it),
it moves from note to note every few tenths of a second, its notes are held (the salience of a held
pitch does not decay the way a struck chord's does) and its notes start one at a time.  Held chords and
pads stand still, block chords start several pitches together, and struck arpeggios decay; each of
them lacks one of these traits.  The traits are measured on the semitone salience that the analysis
computes anyway (``tonal.pitch_salience``), so finding the lead costs next to nothing.

The traits are combined per 2-second window into one score whose weights were fitted (logistic
regression, rounded) on the rendered development corpus with and without its melody on six lead
instruments (``benchmarks/bench_lead.py``) and checked on the held-out set.  The lead is often not the
strongest pitch in those renders, so dominance weighs little: movement, held notes and single onsets
carry the score.  Given the audio, essentia's Melodia (contour continuity and salience over the rest:
its confidence in a predominant melody) joins as a sixth trait, with its own fitted weights.
"""

from __future__ import annotations

import numpy as np

__all__ = ["lead_regions", "lead_score", "melody_confidence"]

# (semitones above the fundamental, weight): the first five partials.
_PARTIALS = ((0, 1.0), (12, 0.8), (19, 0.64), (24, 0.51), (28, 0.41))
# Pitches that share partials with the top one (octaves, twelfths, neighbours) are not "the rest".
_RELATED = (-24, -19, -13, -12, -11, -1, 0, 1, 11, 12, 13, 19, 24)
# Score = _BIAS + sum of weight * trait (see lead_score); fitted on the development renders.
_BIAS = 5.4
# Traits (see lead_score): median dominance of the top pitch in dB, share of frames where the top
# pitch stays, its range in semitones, share of its repeats that are held, and how much of each onset
# rises at one pitch.
_TRAITS = ("dominance_db", "still", "span", "held", "single_onsets")
_WEIGHTS = np.array([0.23, -17.5, 0.16, 8.3, 11.1])
# With Melodia's confidence as a sixth trait (see melody_confidence).
_BIAS_C = 9.3
_WEIGHTS_C = np.array([0.1, -25.3, 0.2, 9.0, 16.0, 23.0])


def _harmonic_sum(salience: np.ndarray) -> np.ndarray:
    h = np.zeros_like(salience)
    for step, w in _PARTIALS:
        h[: salience.shape[0] - step] += w * salience[step:]
    return h


def melody_confidence(y: np.ndarray, *, sr: int, frame_rate: float, n_frames: int) -> np.ndarray:
    """Melodia's confidence in a predominant melody (essentia), per salience frame.

    Parameters
    ----------
    y : np.ndarray
        Mono signal.
    sr : int
        Its sample rate.
    frame_rate : float
        Frames per second of the salience the result is laid on.
    n_frames : int
        Number of those frames.

    Returns
    -------
    np.ndarray
        (n_frames,) confidence, 0 where Melodia hears no melody.
    """
    import essentia
    import essentia.standard as es

    essentia.log.infoActive = False
    hop = 256 if sr <= 24000 else 512  # about 12 ms
    _, conf = es.PredominantPitchMelodia(
        sampleRate=sr, hopSize=hop, frameSize=4 * hop, minFrequency=150, maxFrequency=2000
    )(np.ascontiguousarray(y, dtype=np.float32))
    t = np.arange(conf.size) * hop / sr
    return np.interp(np.arange(n_frames) / frame_rate, t, np.asarray(conf, dtype=float), right=0.0)


def lead_score(
    salience: np.ndarray,
    *,
    frame_rate: float,
    lowest_midi: int = 24,
    melody_range: tuple[int, int] = (55, 96),
    window: float = 2.0,
    step: float = 0.5,
    min_notes: int = 3,
    confidence: np.ndarray | None = None,
    return_traits: bool = False,
) -> tuple[np.ndarray, ...]:
    """Per-window lead score (a lead plays above about 1.5) and the windows' centre times.

    A window whose top line does not sound at least ``min_notes`` different pitches, each held
    0.1 s or more, or whose melody range is near silent, scores minus infinity: nothing moves there.

    Parameters
    ----------
    salience : np.ndarray
        (semitones, frames) pitch salience, row 0 at ``lowest_midi`` (``tonal.pitch_salience``).
    frame_rate : float
        Frames per second.
    lowest_midi : int
        MIDI note of row 0.
    melody_range : (int, int)
        Lowest and highest MIDI note a lead's fundamental is looked for at.
    window, step : float
        Window length and hop in seconds.
    min_notes : int
        Distinct held pitches the top line must sound within a window.
    confidence : np.ndarray
        ``melody_confidence`` per frame: a sixth trait, scored with the weights fitted with it.
    return_traits : bool
        Also return the (windows, 5) traits, in the order of ``_TRAITS`` (6 with ``confidence``).

    Returns
    -------
    (score, centres) or (score, centres, traits) : np.ndarray
    """
    n = salience.shape[1]
    w = max(2, int(round(window * frame_rate)))
    hop = max(1, int(round(step * frame_rate)))
    if n < w:
        return np.zeros(0), np.zeros(0)
    h = _harmonic_sum(np.asarray(salience, dtype=float))
    lo, hi = melody_range[0] - lowest_midi, melody_range[1] - lowest_midi + 1
    hm, raw = h[lo:hi], np.asarray(salience, dtype=float)[lo:hi]
    frames = np.arange(n)
    top = hm.argmax(axis=0)
    h1 = hm[top, frames]
    rest = hm.copy()
    for off in _RELATED:
        rest[np.clip(top + off, 0, hm.shape[0] - 1), frames] = 0.0
    dominance = 20 * np.log10((h1 + 1e-9) / (rest.max(axis=0) + 1e-9))
    level = 20 * np.log10(h1 + 1e-12)
    # A held note: the top pitch is the same 0.12 s earlier and has lost under 2 dB since.
    k = max(1, int(round(0.12 * frame_rate)))
    same_k = np.zeros(n, dtype=bool)
    same_k[k:] = top[k:] == top[:-k]
    kept = np.zeros(n, dtype=bool)
    kept[k:] = 20 * np.log10((h1[k:] + 1e-9) / (hm[top[k:], frames[:-k]] + 1e-9)) > -2.0
    held = same_k & kept
    # Onsets: the rise of log salience per semitone; a single line's onsets rise at one pitch.
    log_raw = np.log1p(100.0 * raw / (raw.max() + 1e-12))
    rise = np.maximum(0.0, np.diff(log_raw, axis=1, prepend=log_raw[:, :1]))
    total = rise.sum(axis=0) + 1e-9
    single = rise.max(axis=0) / total
    struck = rise.max(axis=0) > 0.2  # some pitch's salience grows by a fifth or more in a frame
    change = np.r_[False, top[1:] != top[:-1]]
    # Notes of the line: runs of the same top pitch lasting 0.1 s or more (not a flicker).
    run_start = np.flatnonzero(np.r_[True, change[1:]])
    run_len = np.diff(np.r_[run_start, n])
    note_min = max(2, int(round(0.1 * frame_rate)))
    starts = np.arange(0, n - w + 1, hop)
    loud = level.max() - 40.0
    traits = np.zeros((starts.size, len(_TRAITS) + (confidence is not None)))
    still_line = np.zeros(starts.size, dtype=bool)
    for j, a in enumerate(starts):
        sl = slice(a, a + w)
        onsets = (total[sl] > np.percentile(total[sl], 80)) & struck[sl]
        inside = (run_start >= a) & (run_start < a + w) & (run_len >= note_min)
        notes = np.unique(top[run_start[inside]]).size
        still_line[j] = np.median(level[sl]) < loud or notes < min_notes
        traits[j, :5] = (
            np.median(dominance[sl]),
            1.0 - change[a + 1 : a + w].mean(),
            float(np.ptp(top[sl])),
            held[sl].sum() / max(same_k[sl].sum(), 1),
            single[sl][onsets].mean() if onsets.any() else 0.0,  # nothing starts: no line
        )
    if confidence is not None:
        traits[:, 5] = [confidence[a : a + w].mean() for a in starts]
        score = _BIAS_C + traits @ _WEIGHTS_C
    else:
        score = _BIAS + traits @ _WEIGHTS
    score[still_line] = -np.inf
    if return_traits:
        return score, (starts + w / 2) / frame_rate, traits
    return score, (starts + w / 2) / frame_rate


def lead_regions(
    salience: np.ndarray,
    *,
    frame_rate: float,
    lowest_midi: int = 24,
    threshold: float = 1.5,
    min_length: float = 2.0,
    max_gap: float = 2.0,
    audio: np.ndarray | None = None,
    sr: int | None = None,
    confidence: np.ndarray | None = None,
) -> list[tuple[float, float]]:
    """Time spans carrying a lead melody.

    Parameters
    ----------
    salience : np.ndarray
        (semitones, frames) pitch salience, row 0 at ``lowest_midi`` (``tonal.pitch_salience``).
    frame_rate : float
        Frames per second.
    lowest_midi : int
        MIDI note of row 0.
    threshold : float
        Lowest ``lead_score`` of a lead window: 1.5 (not the fit's even odds, 0) keeps the
        development renders without a lead at about 3 % lead, since a rest the voice takes for
        a lead that is not there costs the song more than singing beside a faint one.
    min_length : float
        Shortest region kept, in seconds.
    max_gap : float
        Regions closer than this are joined: a lead's score wavers from window to window (2 s
        rather than 1 s: recall 0.61 instead of 0.55 on the development renders, no more false lead).
    audio, sr : np.ndarray, int
        The mono signal the salience was computed from, and its rate: with it, Melodia's confidence
        in a predominant melody joins the traits (``melody_confidence``; about 5 ms per second of
        audio at 22.05 kHz; on the development renders recall 0.69 instead of 0.61, false lead 0.04).
    confidence : np.ndarray
        That confidence per salience frame, already computed (``audio`` is then not needed).

    Returns
    -------
    list of (start, end)
    """
    if confidence is None and audio is not None:
        confidence = melody_confidence(audio, sr=sr, frame_rate=frame_rate, n_frames=salience.shape[1])
    score, centres = lead_score(salience, frame_rate=frame_rate, lowest_midi=lowest_midi, confidence=confidence)
    if score.size == 0:
        return []
    duration = salience.shape[1] / frame_rate
    step = centres[1] - centres[0] if centres.size > 1 else duration
    on = score > threshold
    regions: list[tuple[float, float]] = []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], on.astype(int), [0]])))
    for a, b in zip(edges[::2], edges[1::2]):
        # A run of windows covers from its first centre to its last, widened by half a step.
        # The first and last windows speak for the track's edges too.
        start = 0.0 if a == 0 else centres[a] - step / 2
        end = duration if b == on.size else centres[b - 1] + step / 2
        if regions and start - regions[-1][1] < max_gap:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    return [(round(float(s), 3), round(float(e), 3)) for s, e in regions if e - s >= min_length]
