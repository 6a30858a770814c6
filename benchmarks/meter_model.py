"""A fitted downbeat model for three or four beats a bar: tried, not kept in the analysis (see docs/analysis.md).

Each beat gets nine cues (``downbeat_cues``): the four that ``rhythm.beat_cues`` reads (bass and band
onset, band and bass pitch change) and five more (the new pitches entering in the band and in the bass,
the band's onset halfway to the next beat, and how much the bass and the band sound over the beat).  A
linear model over those cues at the beat, the one before and the two after (``downbeat_activation``)
says how much the beat looks like a bar's first; the bar length is then read from that one activation
by position (``rhythm.grouping_evidence`` for three against four), with half the weight of the four
cues' own pooled test (``rhythm.triple_evidence``) added (``meter_evidence``: three where positive).

The constants are those ``fit_meter.py`` fitted on the meter training set (``corpus_meterfit.py``) and the
tuning sets.  Wired into ``_meter`` (commit bfc343e on branch ``meter4``), it put two more tuning-set
pieces right and changed neither checking set's 3/4 chorale; it is kept here, with the scripts that fit
and measure it, for the next attempt.
"""

from __future__ import annotations

import numpy as np

from topline.music.analysis.rhythm import beat_cues, grouping_evidence, triple_evidence

__all__ = ["downbeat_cues", "downbeat_activation", "meter_evidence"]

OFFSETS = (-1, 0, 1, 2)  # the beats, relative to the one judged, whose cues the model reads
_LOG_FLOOR = 0.05  # cues are read as log(cue + floor), each to unit mean first
# (offset, cue) weights of the downbeat model, fitted by ``fit_meter.py``; rows follow
# OFFSETS, columns the cues of ``downbeat_cues``.
DOWNBEAT_WEIGHTS = np.array([
    [-0.0945, +0.2813, -0.7866, -0.5541, +0.5656, +0.4781, -0.1735, -0.3144, +0.4366],
    [+0.3587, +0.2354, +0.8255, -0.2756, -0.2369, +0.4193, -0.0021, +1.4670, -1.5521],
    [-0.2759, -0.2664, -0.2122, +0.7997, -0.2163, -0.8010, +0.3437, -1.8747, +0.8846],
    [-0.0055, +0.0504, -0.1278, -0.6674, +0.2906, +0.6465, -0.2095, +0.9151, +0.1824],
])  # fmt: skip
CUE_SHARE = 0.5  # weight of the four cues' own pooled test (``triple_evidence``) in the evidence
THRESHOLD = 4.25  # nats of evidence from which a bar has three beats (fitted with the weights)


def _spans(chroma: np.ndarray, fr: np.ndarray) -> np.ndarray:
    """(beats + 1, 12) mean chroma before the first beat, then from each beat to the next."""
    n = chroma.shape[1]
    edges = np.concatenate([[0], fr, [n]])
    return np.array([chroma[:, edges[i] : max(edges[i] + 1, edges[i + 1])].mean(axis=1) for i in range(len(edges) - 1)])


def _entering(chroma: np.ndarray, fr: np.ndarray) -> np.ndarray:
    """Per beat, how much of the pitch content is new: the positive part of the change between the
    unit-normalised spans after and before the beat (a held note adds nothing, a new chord adds its
    new tones)."""
    s = _spans(chroma, fr)
    s = s / (np.linalg.norm(s, axis=1, keepdims=True) + 1e-9)
    return np.maximum(s[1:] - s[:-1], 0.0).sum(axis=1)[: fr.size]


def _halfway(onset: np.ndarray, fr: np.ndarray) -> np.ndarray:
    """Per beat, the onset strength halfway to the next beat (max within a frame; the mean for the last)."""
    if fr.size < 2:
        return np.ones(fr.size)
    idx = np.clip(np.round(fr[:-1] + np.diff(fr) / 2).astype(int), 0, onset.size - 1)
    v = np.array([onset[max(0, i - 1) : i + 2].max() for i in idx])
    return np.append(v, v.mean())


def downbeat_cues(
    bass_onset: np.ndarray, onset: np.ndarray, chroma: np.ndarray, bass_chroma: np.ndarray, beat_frames: np.ndarray
) -> np.ndarray:
    """Nine per-beat cues to where bars begin, each to unit mean.

    Parameters
    ----------
    bass_onset, onset : np.ndarray
        Low-frequency and full-band onset strength per frame.
    chroma, bass_chroma : np.ndarray
        (12, frames) salience of the whole band and of the bass, on the same frame grid.
    beat_frames : np.ndarray
        Frame index of each beat.

    Returns
    -------
    np.ndarray
        (9, beats): ``beat_cues`` (bass onset, band onset, band and bass pitch change), then the new
        pitches entering in the band and in the bass, the band's onset halfway to the next beat, and
        the bass's and the band's mean salience from the beat to the next.
    """
    n = min(bass_onset.shape[0], onset.shape[0], chroma.shape[1], bass_chroma.shape[1])
    fr = np.clip(beat_frames.astype(int), 0, n - 1)
    first = beat_cues(bass_onset, onset, chroma, bass_chroma, fr)
    more = np.array([
        _entering(chroma[:, :n], fr), _entering(bass_chroma[:, :n], fr), _halfway(onset[:n], fr),
        _spans(bass_chroma[:, :n], fr).sum(axis=1)[1:], _spans(chroma[:, :n], fr).sum(axis=1)[1:],
    ])  # fmt: skip
    more = more / (more.mean(axis=1, keepdims=True) + 1e-9)
    return np.vstack([first, more])


def _shifted(z: np.ndarray, offset: int) -> np.ndarray:
    """``z`` read ``offset`` beats later (earlier when negative), the piece's mean (0) past its ends."""
    out = np.zeros_like(z)
    n = z.shape[1]
    if offset >= 0:
        out[:, : n - offset] = z[:, offset:]
    else:
        out[:, -offset:] = z[:, :offset]
    return out


def activation_features(cues: np.ndarray) -> np.ndarray:
    """(beats, len(OFFSETS) * cues) what the downbeat model reads: each cue as log(cue + floor) less its
    mean over the piece, at each offset of ``OFFSETS``."""
    z = np.log(cues + _LOG_FLOOR)
    z = z - z.mean(axis=1, keepdims=True)
    return np.vstack([_shifted(z, o) for o in OFFSETS]).T


def downbeat_activation(cues: np.ndarray) -> np.ndarray:
    """Per beat, how much it looks like a bar's first beat (the model's log-odds, less a constant).

    Parameters
    ----------
    cues : np.ndarray
        (9, beats) ``downbeat_cues``.

    Returns
    -------
    np.ndarray
        One value per beat.
    """
    if cues.shape[1] == 0:
        return np.zeros(0)
    return activation_features(cues) @ DOWNBEAT_WEIGHTS.ravel()


def meter_evidence(cues: np.ndarray) -> float:
    """Nats towards three beats a bar (positive) against four (negative).

    The activation's ``grouping_evidence`` for three less that for four, plus ``CUE_SHARE`` of the four
    first cues' ``triple_evidence``, less ``THRESHOLD``.

    Parameters
    ----------
    cues : np.ndarray
        (9, beats) ``downbeat_cues``.
    """
    act = downbeat_activation(cues)[None]
    model = grouping_evidence(act, 3) - grouping_evidence(act, 4)
    return float(model + CUE_SHARE * triple_evidence(cues[:4]) - THRESHOLD)
