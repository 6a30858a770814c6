"""Key and chords.

Key comes from essentia's KeyExtractor with the 'bgate' profile (MIREX weighted
about 0.89 on rendered music).  Chords come from beat-synchronous chroma scored
against 24 major/minor triad templates plus "no chord", smoothed by Viterbi with a
prior that favours chords diatonic to the key; changes therefore fall on beats.
"""

from __future__ import annotations

import numpy as np

__all__ = ["estimate_key", "chord_templates", "estimate_chords", "PITCHES"]

PITCHES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
_FLATS = {"Db": "C#", "Eb": "D#", "Gb": "F#", "Ab": "G#", "Bb": "A#"}


def estimate_key(y: np.ndarray, *, sr: int) -> str:
    """Key as ``"<Tonic> major"`` or ``"<Tonic> minor"`` (sharps).

    Parameters
    ----------
    y : np.ndarray
        Mono float signal.
    sr : int
        Sample rate.
    """
    import essentia.standard as es

    key, scale, _ = es.KeyExtractor(profileType="bgate", sampleRate=float(sr))(np.ascontiguousarray(y, np.float32))
    key = _FLATS.get(key, key)
    return f"{key} {'minor' if scale == 'minor' else 'major'}"


def chord_templates() -> tuple[np.ndarray, list[str]]:
    """24 triad templates (unit norm) and their mir_eval labels, majors first.

    The root weighs most and the fifth least, so a first-inversion triad whose
    bass doubles the third still scores its own root above the relative chord.
    """
    base_maj = np.zeros(12)
    base_maj[[0, 4, 7]] = [1.0, 0.8, 0.7]
    base_min = np.zeros(12)
    base_min[[0, 3, 7]] = [1.0, 0.8, 0.7]
    temps, labels = [], []
    for quality, base in (("maj", base_maj), ("min", base_min)):
        for r in range(12):
            temps.append(np.roll(base, r))
            labels.append(f"{PITCHES[r]}:{quality}")
    t = np.array(temps)
    return t / np.linalg.norm(t, axis=1, keepdims=True), labels


def _key_prior(key: str) -> np.ndarray:
    """Log prior over the 24 chords + N: diatonic triads of the key are favoured."""
    tonic_name, mode = key.split()
    tonic = PITCHES.index(tonic_name)
    if mode == "minor":  # relative major's diatonic set, plus the harmonic-minor V
        tonic_major = (tonic + 3) % 12
        extra = [(tonic + 7) % 12]  # major V in minor
    else:
        tonic_major, extra = tonic, []
    maj = {(tonic_major + d) % 12 for d in (0, 5, 7)} | set(extra)
    mnr = {(tonic_major + d) % 12 for d in (2, 4, 9)}
    prior = np.full(25, np.log(0.3))
    for r in range(12):
        if r in maj:
            prior[r] = 0.0
        if r in mnr:
            prior[12 + r] = 0.0
    prior[24] = np.log(0.3)
    return prior


def estimate_chords(
    beat_chroma: np.ndarray,
    beat_times: np.ndarray,
    *,
    key: str,
    end: float,
    beat_energy: np.ndarray | None = None,
    sharpness: float = 12.0,
    stay: float = 0.85,
) -> list[tuple[float, float, str]]:
    """Contiguous chord segments from beat-synchronous chroma.

    Parameters
    ----------
    beat_chroma : np.ndarray
        (12, beats) chroma averaged over each beat span, ``beat_times[i]`` to the next.
    beat_times : np.ndarray
        Start of each beat span in seconds (the first may be 0).
    key : str
        The estimated key, used as a prior.
    end : float
        End of the last span (the duration).
    beat_energy : np.ndarray, optional
        Per-beat level in [0, 1]; near-silent beats are "N".
    sharpness : float
        Emission temperature on cosine similarity.
    stay : float
        Self-transition probability (chord changes are rarer than beats).

    Returns
    -------
    list of (start, end, label)
    """
    n = beat_chroma.shape[1]
    if n == 0:
        return [(0.0, float(end), "N")]
    temps, labels = chord_templates()
    labels = labels + ["N"]
    c = beat_chroma / (np.linalg.norm(beat_chroma, axis=0, keepdims=True) + 1e-9)
    sim = temps @ c  # (24, n)
    flat = np.full((1, n), 0.55)  # "N" wins only when no triad fits at all
    if beat_energy is not None:
        flat = np.where(beat_energy[None, :] < 0.02, 2.0, flat)
    loglik = sharpness * np.vstack([sim, flat]) + _key_prior(key)[:, None]
    k = loglik.shape[0]
    trans = np.full((k, k), np.log((1 - stay) / (k - 1)))
    np.fill_diagonal(trans, np.log(stay))
    delta = loglik[:, 0].copy()
    back = np.zeros((k, n), dtype=int)
    for i in range(1, n):
        cand = delta[:, None] + trans
        back[:, i] = np.argmax(cand, axis=0)
        delta = cand[back[:, i], np.arange(k)] + loglik[:, i]
    path = np.empty(n, dtype=int)
    path[-1] = int(np.argmax(delta))
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[path[i], i]
    segs: list[tuple[float, float, str]] = []
    bounds = list(beat_times) + [end]
    for i in range(n):
        lab = labels[path[i]]
        if segs and segs[-1][2] == lab:
            segs[-1] = (segs[-1][0], float(bounds[i + 1]), lab)
        else:
            segs.append((float(bounds[i]), float(bounds[i + 1]), lab))
    return segs


def _diatonic(key: str) -> set[str]:
    prior = _key_prior(key)
    _, labels = chord_templates()
    return {labels[i] for i in range(24) if prior[i] == 0.0}


def refine_key(
    key: str, chords: list[tuple[float, float, str]], *, margin: float = 0.1, minor_margin: float = 0.03
) -> str:
    """Correct a fifth or relative-key slip of the audio key from the chord sequence.

    Profile-based keys confuse a key with its neighbours on the circle of fifths
    (a melody dwelling on the fourth degree pulls them there).  The chords decide:
    each candidate scores the share of time its diatonic chords cover, plus half the
    time on its tonic chord and a bonus when the song ends on the tonic.  A
    neighbour must beat the audio key by ``margin`` to replace it.

    Parameters
    ----------
    key : str
        The key from the audio (``"<Tonic> major|minor"``).
    chords : list of (start, end, label)
        The chord segments.
    margin : float
        Required improvement, as a share of the song's chorded time.
    minor_margin : float
        The smaller margin for the relative minor when its major dominant (the raised leading
        tone) sounds: relative keys share their chords, so only the tonic's weight, that
        dominant and the ending tell them apart, and a minor tune often ends on the relative
        major (a second strain, a half cadence) while dwelling on its own tonic.
    """
    timed = [(e - s, lab) for s, e, lab in chords if lab != "N"]
    total = sum(d for d, _ in timed)
    if total <= 0:
        return key
    tonic, mode = key.split()
    t = PITCHES.index(tonic)
    cands = [key]
    for d in (5, 7):
        cands.append(f"{PITCHES[(t + d) % 12]} {mode}")
    cands.append(f"{PITCHES[(t + 3) % 12]} major" if mode == "minor" else f"{PITCHES[(t + 9) % 12]} minor")

    def score(k: str) -> float:
        kt, km = k.split()
        home = f"{kt}:{'min' if km == 'minor' else 'maj'}"
        dia = _diatonic(k)
        s = sum(d for d, lab in timed if lab in dia) + 0.5 * sum(d for d, lab in timed if lab == home)
        return s / total + (0.1 if timed[-1][1] == home else 0.0)

    scores = [score(k) for k in cands]
    best = int(np.argmax(scores))
    need = margin
    if best == 3 and mode == "major":
        dominant = f"{PITCHES[(t + 4) % 12]}:maj"  # V of the relative minor
        if sum(d for d, lab in timed if lab == dominant) >= 0.02 * total:
            need = minor_margin
    return cands[best] if scores[best] > scores[0] + need else key
