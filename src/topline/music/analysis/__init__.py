"""What the musician hears in the instrumental: ``analyse(y, sr=...) -> Analysis``.

One STFT and one CQT chroma at 22.05 kHz feed everything except beat tracking
(essentia, 44.1 kHz), key (essentia) and loudness (the signal as given).

``analyse`` is two passes, which a caller may also run apart: ``hear_form`` (beats, meter, bars,
sections and lead regions: all that ``compose.plan_form`` reads) and ``hear_harmony`` (key, chords
and loudness, from the features the first pass kept).  The pipeline writes lyrics to the planned form
between the two, so the lyrics wait only for the first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from ..types import Analysis
from .loudness import integrated_loudness
from .melody import lead_regions
from .rhythm import (
    bar_phase, beat_accents, beat_changes, beat_cues, grouping_evidence, level_switch, paired_groups, periodicity,
    position_test, retrack_beats, track_beats, triple_evidence,
)  # fmt: skip
from .structure import label_sections, novelty, segment_bars
from .tonal import (
    bass_treble, cadence_key, chord_pace, estimate_chords, estimate_key, key_confidence, mode_evidence, opening_key,
    pitch_salience, refine_key, relative_evidence, relative_key,
)  # fmt: skip

__all__ = ["FormHeard", "analyse", "hear_form", "hear_harmony"]

SR = 22050
N_FFT = 2048
HOP = 512
_MODE_SWITCH = 0.5  # mode evidence (see ``mode_evidence``) that overrules the audio key's mode
_KEY_SURE = 0.5  # below this key confidence, the leading tone and cadences choose between relative keys
_RELATIVE_SWITCH = 0.5  # relative-key evidence (see ``relative_evidence``) that overrules the key
_FALLBACK_TEMPO = 120.0  # when no pulse is found (free-time ambient), a neutral grid
_TRIPLE = 3.0  # nats of ``triple_evidence`` that count in three (rendered 3/4 pieces 4.8 or more, 4/4 under 1.9)
_PAIRS = 10.0  # nats of ``grouping_evidence`` in twos from which a grid's strong beats are tested for three alone


def _dotted(onset: np.ndarray, tempo: float, *, margin: float = 1.2) -> bool:
    """Whether the tracked beat is two eighths of a compound bar (a jig counted in quarters).

    Then the onsets repeat more at one and a half beats (the dotted quarter) than at one,
    and more at three beats (the six-eighth bar) than at two or four.
    """
    if tempo / 1.5 < 40.0:
        return False
    r1, r15, r2, r3, r4 = periodicity(onset, SR / HOP * 60.0 / tempo, (1.0, 1.5, 2.0, 3.0, 4.0))
    return bool(r15 > r1 and r3 > margin * max(r2, r4, 0.0))


def _triplets(onset: np.ndarray, tempo: float, *, margin: float = 0.05) -> bool:
    """Whether beats divide in three: the onsets repeat more at thirds of a beat than at halves."""
    r13, r12, r23 = periodicity(onset, SR / HOP * 60.0 / tempo, (1 / 3, 1 / 2, 2 / 3))
    return bool((r13 + r23) / 2 > r12 + margin)


def _meter(
    accents: np.ndarray,
    onset: np.ndarray,
    beat_frames: np.ndarray,
    tempo: float,
    *,
    cues: np.ndarray,
    compound: bool = False,
) -> tuple[str, int, int]:
    """Meter, beat stride (tracked beats per counted beat) and downbeat phase.

    Three beats a bar where the cues (``beat_cues``) differ by position in three more surely than in
    four by ``_TRIPLE`` nats (``triple_evidence``), else four; the phase from the accents."""
    if compound:  # beats already counted in dotted quarters
        _, phase2, _ = bar_phase(accents, candidates=(2,))
        return "6/8", 1, phase2
    m = 3 if triple_evidence(cues) >= _TRIPLE else 4
    _, phase, contrast = bar_phase(accents, candidates=(m,))
    if tempo > 150 and _six_eighths(accents, onset, beat_frames):
        # Fast beats grouping in sixes, attacked at half-group: eighths of a slow 6/8 bar (the
        # chord and bass pattern of a jig's accompaniment repeats in six, which the three- and
        # four-beat tests only half see).
        return "6/8", 3, bar_phase(accents, candidates=(6,))[1]
    if m == 3 and tempo > 150:
        # Fast triple grouping may be eighths of a 6/8 bar: then pairs of groups differ
        # (chords change every six), whereas a fast waltz repeats every three.
        _, phase6, contrast6 = bar_phase(accents, candidates=(6,))
        if contrast6 > 1.2 * contrast:
            return "6/8", 3, phase6
        # The contrast above sets the strong group against all five other beats, the weak
        # group's accented first beat among them; compare the two group starts directly.
        paired = paired_groups(accents, group=3)
        if paired is not None:
            return "6/8", 3, paired
    if tempo < 110 and beat_frames.size > 8:
        # Slow beat with triplet subdivision: compound time counted in dotted quarters.
        step = np.diff(beat_frames).astype(float)
        b = beat_frames[:-1].astype(float)

        def at(frac: float) -> float:
            idx = np.clip(np.round(b + frac * step).astype(int), 0, onset.size - 1)
            # The strongest frame within one of the instant: a centred flux peaks a frame either side.
            return float(np.mean([onset[max(0, i - 1) : i + 2].max() for i in idx]))

        triplet = (at(1 / 3) + at(2 / 3)) / 2
        # Real triplet attacks, not the noise floor between beats (off-beat eighths are
        # often much softer than the beat's full attack, which the window now catches);
        # or, where bowed notes blur single attacks, the onsets' periodicity at a third.
        if (triplet > 1.3 * at(1 / 2) and triplet > 0.15 * at(0.0)) or _triplets(onset, tempo):
            _, phase2, _ = bar_phase(accents, candidates=(2,))
            return "6/8", 1, phase2
    return ("3/4" if m == 3 else "4/4"), 1, (_triple_phase(accents) if m == 3 else phase)


def _triple_in_pairs(
    cues: np.ndarray,
    accents: np.ndarray,
    tempo: float,
    *,
    cues_at: Callable[[np.ndarray], np.ndarray],
    beat_frames: np.ndarray,
    pairs: float = _PAIRS,
    contrast: float = 1.5,
    triple: float = _TRIPLE,
    slowest: float = 40.0,
    fastest: float = 150.0,
) -> int | None:
    """Parity of the real beats when the tracked beats are the eighths of 3/4 bars, else None.

    A slow 3/4 piece tracked in its eighths (a chorale at 63 BPM tracked at 126) has its bass and
    chord changes on every other tracked beat; every position test on an even number of beats, four
    among them, sees that alternation, so the six-eighth bar is counted as two bars of four
    (``triple_evidence`` strongly negative).  Where the cues group in pairs by ``pairs`` nats or more
    (``grouping_evidence`` over two beats) and the stronger parity's mean accent is ``contrast`` times
    the other's or more (the pooled test alone finds tiny differences that recur exactly, as a grid's
    rounding to frames does on a steady signal), the stronger parity's beats are tested alone, cues
    read again over their spans (``cues_at``): three beats a bar there by ``triple`` nats or more, and
    they are the real beats.  A 4/4 piece whose beats alternate (bass on 1 and 3) groups
    its strong beats, the half notes, in twos, not in threes.  The real beats must still be at
    ``slowest`` BPM or more; a grid over ``fastest`` BPM is left to ``_meter``, where fast beats
    grouping in six are the eighths of a 6/8 bar (``_six_eighths``), whose every other eighth
    groups in three too.

    Parameters
    ----------
    cues : np.ndarray
        (cues, beats) ``beat_cues`` on the tracked grid.
    accents : np.ndarray
        Per-beat downbeat evidence (``beat_accents``).
    tempo : float
        The tracked grid's BPM.
    cues_at : callable
        ``beat_cues`` on other beat frames.
    beat_frames : np.ndarray
        Frame index of each tracked beat.

    Returns
    -------
    int or None
        0 or 1, the tracked beat of the first real beat, or None.
    """
    if not slowest <= tempo / 2 <= fastest / 2 or beat_frames.size < 24 or grouping_evidence(cues, 2) < pairs:
        return None
    _, parity, strength = bar_phase(accents, candidates=(2,))
    if strength < contrast:
        return None
    return parity if triple_evidence(cues_at(beat_frames[parity::2])) >= triple else None


def _triple_phase(accents: np.ndarray) -> int:
    """The first downbeat of a 3/4 bar: the position whose mean accent most exceeds the next
    beat's.  The second beat of a 3/4 bar is its weakest (a chorale's half note held from the
    downbeat, the chord change that comes on beat 3 to lead into the next bar), so beat 3 can
    carry as much accent as beat 1 but is followed by the strong downbeat, beat 1 by the weak
    second beat."""
    means = _beat_means(accents)
    return int(np.argmax(means - np.roll(means, -1)))


def _beat_means(accents: np.ndarray) -> np.ndarray:
    """The mean accent of each of a 3/4 bar's three positions (position q: beats q, q + 3, ...)."""
    return np.array([accents[q::3].mean() for q in range(3)])


def _weak_second_beat(accents: np.ndarray, changes: np.ndarray, phase: int, *, ratio: float = 1.5) -> int:
    """The first downbeat of a 3/4 bar where its two readings from the accents disagree.

    ``_triple_phase`` (``phase``) puts the bar line on the beat whose mean accent most exceeds the
    next beat's; the other reading is the beat before the weakest (the second beat of a 3/4 bar, a
    note held from the downbeat).  They part when beat 3 outweighs beat 1 and beat 2 is the weakest
    (a chorale's bass and inner voices, a quartet's cello, running into the next bar on beat 3), as
    when beat 1 outweighs beat 2 and beat 2 beat 3 (a waltz whose second beat is played and third
    not): the accents alone cannot tell these apart.  The chords can: a waltz or an air changes chord
    on its bar lines, so its first reading's beat carries ``ratio`` times the mean pitch change
    (``changes``, ``beat_changes``) of the other's or more, and stands; a chorale or a quartet changes
    chord on every beat alike (the two readings' beats within that ratio), and its weak second beat
    places the bar.
    """
    if accents.size < 6:
        return phase
    before_weakest = int((np.argmin(_beat_means(accents)) - 1) % 3)
    if before_weakest == phase:
        return phase
    change = _beat_means(changes)
    return phase if change[phase] >= ratio * change[before_weakest] else before_weakest


def _six_eighths(
    accents: np.ndarray,
    onset: np.ndarray,
    beat_frames: np.ndarray,
    *,
    alpha: float = 0.05,
    ratio: float = 1.15,
    weak: float = 0.75,
) -> bool:
    """Whether the tracked beats are the eighths of a 6/8 bar: their accents differ by
    position in a group of six more surely (``position_test``) than in three or four, and
    at ``alpha``; the second dotted quarter is a beat, not a bar (its accent under ``weak``
    of the downbeat's: a fast waltz whose bars pair up, strong and weak, begins both bars
    nearly alike); and the attacks halfway through the six outweigh those at its thirds
    (``ratio``; in a 3/4 bar counted in eighths the thirds are its beats)."""
    p6 = position_test(accents, 6)
    if p6 >= min(alpha, position_test(accents, 3), position_test(accents, 4)):
        return False
    _, phase6, _ = bar_phase(accents, candidates=(6,))
    if accents[(phase6 + 3) % 6 :: 6].mean() >= weak * accents[phase6::6].mean():
        return False
    bars = beat_frames[phase6::6]
    if bars.size < 4:
        return False
    thirds = (_onset_between(onset, bars, 1 / 3) + _onset_between(onset, bars, 2 / 3)) / 2
    return _onset_between(onset, bars, 1 / 2) > ratio * thirds


def _half_time(accents: np.ndarray, tempo: float, *, fast: float = 145.0, contrast: float = 2.5) -> int | None:
    """Phase of the real beats when a fast duple grid is double time, else None.

    Above ``fast`` BPM, a grid whose every other beat carries the bass notes and chord
    changes (off-beats only hi-hats or comping eighths) is counted at half speed, where
    most songs sit.
    """
    if tempo < fast or accents.size < 16:
        return None
    m, _, _ = bar_phase(accents)
    two, phase, c = bar_phase(accents, candidates=(2,))
    if m == 3 or c < contrast:
        return None  # a fast waltz, or accents on every beat
    return phase


def _blurred_double_time(
    accents: np.ndarray,
    onset: np.ndarray,
    beat_frames: np.ndarray,
    tempo: float,
    *,
    fast: float = 145.0,
    blur: float = 0.6,
    alpha: float = 0.01,
    contrast: float = 1.25,
) -> int | None:
    """Phase of the real beats when a fast grid over blurred onsets is double time, else None.

    Bowed swells leave the onset function nearly as high between the tracked beats as on
    them (halfway ``blur`` or more of the level at the beats): then the tracker's choice of
    octave rests on noise, and the bass and harmony decide.  At ``fast`` BPM or more, a grid
    whose bass notes and chord changes prefer one parity of beats, by ``contrast`` or more
    and surely (Welch's t-test under ``alpha``: ``paired_groups`` of single beats), is counted
    at half speed; ``_half_time`` asks a far larger contrast where the attacks are clear, since
    there the tracker heard the pulse.
    """
    if tempo < fast or accents.size < 16 or beat_frames.size < 16:
        return None
    if _onset_between(onset, beat_frames, 0.5) < blur * _onset_between(onset, beat_frames, 0.0):
        return None
    if bar_phase(accents)[0] == 3:
        return None  # a fast waltz
    return paired_groups(accents, group=1, ratio=1.0 / contrast, alpha=alpha)


def _onset_between(onset: np.ndarray, beat_frames: np.ndarray, frac: float) -> float:
    """Mean onset strength ``frac`` of the way from each beat to the next (the strongest frame
    within one of the instant: a centred flux peaks a frame either side)."""
    step = np.diff(beat_frames).astype(float)
    idx = np.clip(np.round(beat_frames[:-1] + frac * step).astype(int), 0, onset.size - 1)
    return float(np.mean([onset[max(0, i - 1) : i + 2].max() for i in idx]))


def _eighths_tracked(
    onset: np.ndarray,
    bass_onset: np.ndarray,
    beat_frames: np.ndarray,
    tempo: float,
    *,
    slowest: float = 100.0,
    between: float = 0.1,
    excess: float = 0.02,
    alternation: float = 1.6,
) -> bool:
    """Whether a grid at ``slowest`` BPM or more counts the eighths of a slow piece.

    Trackers lean towards 120 BPM: a piece at 60-70 BPM whose fastest notes are eighths gets
    them as beats.  Then nothing sounds halfway between the tracked beats (the onsets there
    under ``between`` of those on the beats, and over the floor between notes, read at the
    quarter points, by under ``excess`` of the beats' own rise over it), while the bass and
    the chords are struck on every other tracked beat (the attacks on one parity of beats
    ``alternation`` times those on the other, in the bass and in the whole band: the tune
    alone sounds on the others).  A piece really at 120-140 BPM subdivides its beats
    (eighths, comping, hi-hats), or, moving in quarters only, strikes every beat alike (a
    fast chorale's bass, a drummer's backbeat).
    """
    if tempo < slowest or beat_frames.size < 16:
        return False
    half = _onset_between(onset, beat_frames, 0.5)
    beat = _onset_between(onset, beat_frames, 0.0)
    floor = (_onset_between(onset, beat_frames, 0.25) + _onset_between(onset, beat_frames, 0.75)) / 2
    if half >= between * beat or half - floor >= excess * (beat - floor):
        return False
    fr = np.clip(beat_frames.astype(int), 0, bass_onset.size - 1)
    for x in (bass_onset, onset):
        at = np.array([x[max(0, f - 2) : f + 3].max() for f in fr])
        even, odd = at[0::2].mean(), at[1::2].mean()
        if max(even, odd) < alternation * min(even, odd):
            return False
    return True


def _between_the_notes(
    onset: np.ndarray, beat_frames: np.ndarray, tempo: float, *, flat: float = 0.05, pulse: float = 0.5
) -> int | None:
    """Phase of the real beats when every other tracked beat falls between the notes, else None.

    A slow jig (dotted quarters near 60 BPM) may be tracked at two beats a dotted quarter:
    every other beat lands halfway through an eighth.  Then the onsets do not repeat at the
    tracked period (their autocorrelation there under ``flat``) but do at two (over
    ``pulse``); the real beats are the parity of tracked beats on the stronger onsets.
    """
    if beat_frames.size < 16 or tempo / 2 < 40.0:
        return None
    r1, r2 = periodicity(onset, SR / HOP * 60.0 / tempo, (1.0, 2.0))
    if r1 >= flat or r2 <= pulse:
        return None
    at = np.array([onset[max(0, f - 1) : f + 2].max() for f in np.clip(beat_frames, 0, onset.size - 1)])
    return int(at[1::2].mean() > at[0::2].mean())


def _retracked(onset: np.ndarray, mono: np.ndarray, *, sr: int, bpm: float, phase_from: np.ndarray | None,
               least: int = 8) -> tuple[float, np.ndarray] | None:
    """Tempo and beats tracked again near ``bpm`` (``retrack_beats``), or None where fewer than
    ``least`` beats came back (then the first tracking stands)."""
    tempo, beats = retrack_beats(onset, mono, sr=sr, onset_rate=SR / HOP, bpm=bpm, phase_from=phase_from)
    return (tempo, beats) if beats.size >= least else None


def _unsteady(beats: np.ndarray, *, spread: float = 0.03) -> bool:
    """Whether a grid's beat intervals wander: a tenth of them more than ``spread`` off the median
    interval (rendered pieces and most produced tracks stay under 0.02; an organ's slow attacks can
    leave the tracker's beats swaying by a fifth of a beat about a steady tempo)."""
    if beats.size < 8:
        return False
    d = np.diff(beats)
    return bool(np.percentile(np.abs(d / np.median(d) - 1.0), 90) > spread)


def _onset_at(onset: np.ndarray, beats: np.ndarray) -> float:
    """Mean onset strength at the beats (the strongest frame within one of each)."""
    f = np.clip(_frames(beats), 0, onset.size - 1)
    return float(np.mean([onset[max(0, k - 1) : k + 2].max() for k in f])) if f.size else 0.0


def _steadier(
    onset: np.ndarray, mono: np.ndarray, beats: np.ndarray, tempo: float, *, sr: int, drift: float = 0.02
) -> tuple[float, np.ndarray] | None:
    """Tempo and beats of a steady grid at the tempo of an unsteady one (``_unsteady``), or None.

    Tracked again at the same tempo by librosa's dynamic programming, which holds the period
    (``retrack_beats``); kept where its tempo is within ``drift`` of the first and its beats sit on
    stronger onsets (``_onset_at``): a real change of tempo, or a grid that swayed with the music
    (a drummer pushing), makes the steady grid's tempo or its onsets worse, and the first grid stays.
    """
    if not _unsteady(beats):
        return None
    again = _retracked(onset, mono, sr=sr, bpm=tempo, phase_from=None)
    if again is None or abs(again[0] / tempo - 1.0) > drift or _onset_at(onset, again[1]) <= _onset_at(onset, beats):
        return None
    return again


def _harmony_arrives(changes: np.ndarray, bass_changes: np.ndarray, phase: int) -> int:
    """The first downbeat of a 4/4 bar, moved to the next beat where the harmony arrives there.

    A chorale whose phrases start with a pickup on beat 4 strikes its bass hardest there (a
    new note after the held cadence), so the accents put the bar lines on beat 4; but the
    chord changes most on beat 1, and the bass moves there too.  The bars move one beat on
    when the next beat has the strongest mean chord change (``changes``) of the bar, more
    than the chosen beat, and a bass pitch change (``bass_changes``) at least the chosen
    beat's: a bass struck on the beat with the harmony changing after it in the treble alone
    (comping that anticipates, a melody's passing notes) keeps the bars where they were.
    """
    if changes.size < 8:
        return phase
    c = np.array([changes[q::4].mean() for q in range(4)])
    b = np.array([bass_changes[q::4].mean() for q in range(4)])
    nxt = (phase + 1) % 4
    if c[nxt] >= c.max() and c[nxt] > c[phase] and b[nxt] >= b[phase]:
        return nxt
    return phase


def _start_beat(rms: np.ndarray, beat_frames: np.ndarray) -> int | None:
    """Index of the beat on which the music starts (its first loud frame), if one is there."""
    if beat_frames.size < 2 or rms.max() <= 0:
        return None
    first = int(np.argmax(rms > 0.1 * rms.max()))  # -20 dB: the first real entry, not a fade-in hiss
    step = float(np.median(np.diff(beat_frames)))
    if first < beat_frames[0]:  # trackers often lock on a beat or two in: count back along the grid
        k = (first - int(beat_frames[0])) / step
        j = int(round(k))
        return j if abs(k - j) <= 0.25 else None
    j = int(np.argmin(np.abs(beat_frames - first)))
    return j if abs(int(beat_frames[j]) - first) <= 0.25 * step else None


def _half_bar_tiebreak(
    accents: np.ndarray,
    phase: int,
    start: int | None,
    boundary: int | None = None,
    *,
    margin: float = 0.25,
    agreed: float = 0.5,
) -> int:
    """Between beats 1 and 3 of a 4/4 bar that the accents hardly tell apart (the other half
    bar's accents within ``margin`` of the chosen one's), the bar starts where the music starts
    (a pickup starts off the beat grid or on a weak beat, so it never ties and never moves the
    bars); without a start on the grid, where the music changes most (``boundary``: sections and
    phrases begin on bar lines).  Where the accents favour one half bar more clearly (a chorale's
    cadences on beat 3), but still within ``agreed`` of it, both the start and the boundary
    must point at the other half bar to move the bars there."""
    if accents.size < 8:
        return phase
    other = (phase + 2) % 4
    a, b = accents[phase::4].mean(), accents[other::4].mean()
    at_start = start is not None and start % 4 == other
    at_boundary = boundary is not None and boundary % 4 == other
    if b >= (1.0 - margin) * a:
        if start is not None:
            return other if at_start else phase
        return other if at_boundary else phase
    if b >= (1.0 - agreed) * a and at_start and at_boundary:
        return other
    return phase


def _timbre(log_mel: np.ndarray) -> np.ndarray:
    """MFCCs 1-12 of the log-mel spectrogram: timbre without overall level (sections and bar lines)."""
    import librosa

    return librosa.feature.mfcc(S=log_mel, n_mfcc=13)[1:]


def _boundary_beat(
    chroma: np.ndarray, mfcc: np.ndarray, rms: np.ndarray, beat_frames: np.ndarray, *, width: int = 8
) -> int | None:
    """Index of the beat where the music changes most: the strongest checkerboard novelty over
    beat-synchronous harmony, timbre (``_timbre``) and level (each standardised over the song),
    away from the ends (``width`` beats, the kernel's half-width).  None with too few beats."""
    import librosa

    if beat_frames.size < 4 * width + 1:
        return None
    chroma = chroma / (np.linalg.norm(chroma, axis=0, keepdims=True) + 1e-9)
    level = 20 * np.log10(rms + 1e-9)[None, :]
    feats = librosa.util.sync(np.vstack([chroma, mfcc, level]), beat_frames, aggregate=np.mean, pad=False)
    feats = feats[:, : beat_frames.size - 1]  # beat i's span: from beat i to beat i + 1
    z = (feats - feats.mean(axis=1, keepdims=True)) / (feats.std(axis=1, keepdims=True) + 1e-6)
    curve = novelty(z, width=width)
    return width + int(np.argmax(curve[width:-width]))


def _unaccented_start(accents: np.ndarray, per_bar: int, phase: int, start: int | None, *, floor: float = 1.2) -> int:
    """Where no beat of the bar stands out (every candidate bar line gets under ``floor``
    times the accent of the other beats, as in a chorale changing chord on every beat),
    the first beat of the music is the best guess at a bar line."""
    if start is None or accents.size < 2 * per_bar:
        return phase
    on = accents[phase::per_bar].mean()
    off = np.delete(accents, np.arange(phase, accents.size, per_bar)).mean()
    return start % per_bar if on < floor * off else phase


def _compound(onset: np.ndarray, downbeats: np.ndarray, *, ratio: float = 1.15) -> bool:
    """Whether three-beat bars are 6/8: attacks at half-bar outweigh those at the thirds."""
    if downbeats.size < 5:
        return False
    d = _frames(downbeats)
    thirds = (_onset_between(onset, d, 1 / 3) + _onset_between(onset, d, 2 / 3)) / 2
    return _onset_between(onset, d, 1 / 2) > ratio * thirds


def _frames(times: np.ndarray) -> np.ndarray:
    import librosa

    return librosa.time_to_frames(times, sr=SR, hop_length=HOP)


@dataclass(frozen=True)
class FormHeard:
    """The first pass over an instrumental (``hear_form``): its form, and what the second pass reads.

    Attributes
    ----------
    form : Analysis
        Duration, tempo, meter, beats, downbeats, sections and lead regions as ``analyse`` gives them;
        nothing of the harmony yet (key ``""``, no chords, loudness and confidences NaN).  Enough for
        ``compose.plan_form``, which reads no harmony.
    y : np.ndarray
        The signal as given (the loudness is measured on it).
    sr : int
        Its sample rate.
    y22 : np.ndarray
        The mono signal at 22.05 kHz (the key).
    treble_chroma, bass_chroma : np.ndarray
        (12, frames) chroma of the pitch salience (the chords).
    rms : np.ndarray
        (frames,) level of each STFT frame (the chords' beat energy).
    """

    form: Analysis
    y: np.ndarray
    sr: int
    y22: np.ndarray
    treble_chroma: np.ndarray
    bass_chroma: np.ndarray
    rms: np.ndarray


def analyse(y: np.ndarray, *, sr: int) -> Analysis:
    """Analyse an instrumental: ``hear_harmony(hear_form(y, sr=sr))``.

    Parameters
    ----------
    y : np.ndarray
        Mono (n,) or (channels, n) float signal.
    sr : int
        Sample rate of ``y``.

    Returns
    -------
    Analysis
        Tempo, meter, beats, downbeats, key, chords, sections, loudness and lead regions.
    """
    return hear_harmony(hear_form(y, sr=sr))


def hear_form(y: np.ndarray, *, sr: int) -> FormHeard:
    """The first pass of ``analyse``: tempo, meter, beats, downbeats, sections and lead regions.

    Parameters
    ----------
    y : np.ndarray
        Mono (n,) or (channels, n) float signal.
    sr : int
        Sample rate of ``y``.

    Returns
    -------
    FormHeard
        The form, and the features ``hear_harmony`` reads.
    """
    import librosa

    y = np.asarray(y, dtype=np.float32)
    mono = y.mean(axis=0) if y.ndim == 2 else y
    duration = mono.size / sr

    tempo, beats = track_beats(mono, sr=sr)
    if beats.size < 8 or not 40.0 <= tempo <= 260.0:
        tempo = _FALLBACK_TEMPO
        beats = np.arange(0.0, duration, 60.0 / tempo)

    y22 = mono if sr == SR else librosa.resample(mono, orig_sr=sr, target_sr=SR, res_type="soxr_mq")
    mag = np.abs(librosa.stft(y22, n_fft=N_FFT, hop_length=HOP))
    mel = librosa.feature.melspectrogram(S=mag**2, sr=SR, n_mels=64, fmax=8000)
    log_mel = librosa.power_to_db(mel, ref=np.max)
    mel_freqs = librosa.mel_frequencies(n_mels=64, fmax=8000)
    # center=False: the frames of ``log_mel`` are already centred, so librosa's extra padding
    # would put each attack 2.5 frames (58 ms) after its beat.
    bass_onset = librosa.onset.onset_strength(S=log_mel[mel_freqs < 250], sr=SR, hop_length=HOP, center=False)
    onset = librosa.onset.onset_strength(S=log_mel, sr=SR, hop_length=HOP, center=False)
    tuning = librosa.estimate_tuning(S=mag, sr=SR, n_fft=N_FFT, bins_per_octave=36)
    salience = pitch_salience(y22, sr=SR, hop_length=HOP, tuning=tuning)
    bass_chroma, treble_chroma = bass_treble(salience)
    nfr = min(salience.shape[1], mag.shape[1])
    bass_chroma, treble_chroma = bass_chroma[:, :nfr], treble_chroma[:, :nfr]
    chroma = bass_chroma + treble_chroma
    mag, log_mel, onset, bass_onset = mag[:, :nfr], log_mel[:, :nfr], onset[:nfr], bass_onset[:nfr]
    switch = level_switch(beats)
    if switch is not None:
        # The tracker changed level mid-piece (a slow jig in pairs of eighths, then in eighths):
        # track the whole piece again at the faster level, which the other one's beats divide.
        fast = float(np.median(np.diff(switch)))  # the faster level's beats run on together
        again = _retracked(onset, mono, sr=sr, bpm=60.0 / fast, phase_from=switch)
        if again is not None:
            tempo, beats = again
    steady = _steadier(onset, mono, beats, tempo, sr=sr)
    if steady is not None:  # the tracker's beats swayed about a steady tempo: the steady grid on the onsets
        tempo, beats = steady
    compound = _dotted(onset, tempo)
    if compound:  # the tracker counted pairs of eighths in a jig: count its dotted quarters
        again = _retracked(onset, mono, sr=sr, bpm=tempo / 1.5, phase_from=beats)
        if again is not None:
            tempo, beats = again
        else:
            compound = False
    beat_frames = np.clip(librosa.time_to_frames(beats, sr=SR, hop_length=HOP), 0, nfr - 1)

    accents = beat_accents(bass_onset, chroma, beat_frames)
    half = None if compound else _half_time(accents, tempo)
    if half is None and not compound:
        half = _blurred_double_time(accents, onset, beat_frames, tempo)
    if half is None and not compound and _eighths_tracked(onset, bass_onset, beat_frames, tempo):
        half = bar_phase(accents, candidates=(2,))[1]  # the bass and harmony keep the real beats
    between = None if compound or half is not None else _between_the_notes(onset, beat_frames, tempo)
    if between is not None:  # half the grid was off the notes, so its tempo may be off too: track again
        again = _retracked(onset, mono, sr=sr, bpm=tempo / 2, phase_from=beats[between::2])
        if again is not None:
            tempo, beats = again
            beat_frames = np.clip(librosa.time_to_frames(beats, sr=SR, hop_length=HOP), 0, nfr - 1)
            accents = beat_accents(bass_onset, chroma, beat_frames)
        else:
            half = between
    if half is not None:  # the tracker followed the eighths: count the pulse the bass and harmony keep
        beats, beat_frames, tempo = beats[half::2], beat_frames[half::2], tempo / 2
        accents = beat_accents(bass_onset, chroma, beat_frames)
    def cues_at(frames: np.ndarray) -> np.ndarray:
        return beat_cues(bass_onset, onset, chroma, bass_chroma, frames)

    cues = cues_at(beat_frames)
    if not compound and triple_evidence(cues) < _TRIPLE:
        pair = _triple_in_pairs(cues, accents, tempo, cues_at=cues_at, beat_frames=beat_frames)
        if pair is not None:  # the tracker followed the eighths of 3/4 bars: count their quarters
            beats, beat_frames, tempo = beats[pair::2], beat_frames[pair::2], tempo / 2
            accents = beat_accents(bass_onset, chroma, beat_frames)
            cues = cues_at(beat_frames)
    meter, stride, phase = _meter(accents, onset, beat_frames, tempo, cues=cues, compound=compound)
    rms = np.sqrt(np.mean(mag**2, axis=0))
    mfcc = _timbre(log_mel)
    if meter == "4/4":
        phase = _harmony_arrives(beat_changes(chroma, beat_frames), beat_changes(bass_chroma, beat_frames), phase)
    if meter in ("3/4", "4/4"):
        start = _start_beat(rms, beat_frames)
        if meter == "3/4":
            phase = _weak_second_beat(accents, beat_changes(chroma, beat_frames), phase)
        phase = _unaccented_start(accents, 3 if meter == "3/4" else 4, phase, start)
        if meter == "4/4":  # (only a 4/4 tie needs where the music changes most)
            phase = _half_bar_tiebreak(accents, phase, start, _boundary_beat(chroma, mfcc, rms, beat_frames))
    per_bar = {"3/4": 3, "4/4": 4, "6/8": 6 if stride == 3 else 2}[meter]
    downbeats = beats[phase::per_bar]
    if stride > 1:  # count dotted quarters: every third tracked eighth, aligned with the bars
        beats = beats[phase % stride :: stride]
        tempo = tempo / stride
    if meter == "3/4" and _compound(onset, downbeats):
        # Bars of six eighths accented 1 and 4: 6/8, counted in two dotted quarters.
        meter = "6/8"
        half = float(np.median(np.diff(downbeats))) / 2
        mids = (downbeats[:-1] + downbeats[1:]) / 2
        ends = [t for t in (downbeats[0] - half, downbeats[-1] + half) if 0.0 <= t < duration]
        beats = np.sort(np.concatenate([downbeats, mids, ends]))
        tempo = tempo * 2 / 3
    sections = _sections(chroma, mfcc, rms, downbeats, duration, nfr)
    leads = lead_regions(salience[:, :nfr], frame_rate=SR / HOP, audio=y22, sr=SR)
    nan = float("nan")  # the second pass hears these
    form = Analysis(
        duration=float(duration),
        tempo=float(tempo),
        meter=meter,
        beats=[float(t) for t in beats],
        downbeats=[float(t) for t in downbeats],
        key="",
        chords=[],
        sections=sections,
        loudness_lufs=nan,
        lead_regions=leads,
        key_confidence=nan,
        mode_confidence=nan,
    )
    return FormHeard(form=form, y=y, sr=sr, y22=y22, treble_chroma=treble_chroma, bass_chroma=bass_chroma, rms=rms)


def hear_harmony(heard: FormHeard) -> Analysis:
    """The second pass of ``analyse``: key (with its confidences), chords and loudness.

    Parameters
    ----------
    heard : FormHeard
        The first pass (``hear_form``).

    Returns
    -------
    Analysis
        The whole analysis: the form of ``heard`` with its harmony and loudness.
    """
    import librosa

    form, duration = heard.form, heard.form.duration
    beats = np.asarray(form.beats, dtype=float)
    treble_chroma, bass_chroma, rms = heard.treble_chroma, heard.bass_chroma, heard.rms
    nfr = rms.size
    loudness = integrated_loudness(heard.y, sr=heard.sr)
    key = estimate_key(heard.y22, sr=SR)

    # Chords over beat spans (plus the pickup before the first beat).
    starts = beats if beats[0] <= 0.05 else np.concatenate([[0.0], beats])
    frames = np.clip(librosa.time_to_frames(starts, sr=SR, hop_length=HOP), 0, nfr - 1)
    beat_treble = librosa.util.sync(treble_chroma, frames[1:], aggregate=np.mean, pad=True)[:, : frames.size]
    beat_bass = librosa.util.sync(bass_chroma, frames[1:], aggregate=np.mean, pad=True)[:, : frames.size]
    beat_rms = librosa.util.sync(rms[None, :], frames[1:], aggregate=np.mean, pad=True)[0, : frames.size]
    beat_energy = beat_rms / (beat_rms.max() + 1e-9)

    def decode(k: str, pace: float = 0.0) -> list[tuple[float, float, str]]:
        return estimate_chords(beat_treble, starts, key=k, end=duration, bass=beat_bass, beat_energy=beat_energy,
                               pace=pace)

    spans = np.diff(np.append(starts, duration))
    beat_pitch = beat_treble + beat_bass
    profile = beat_pitch @ spans
    chords = decode(key)
    decoded = key
    better = refine_key(key, chords, profile=profile)
    if better != key:  # the chords overruled the audio key: decode again under the right prior
        key = decoded = better
        chords = decode(key)
    # A piece that modulates to its dominant and ends there reads in the dominant, audio key and chord
    # fit alike; it starts in its own key.  Judged before the relative key and the mode, which weigh
    # the tonic's own scale and cadences.  The chords stay as decoded, as for ``cadence_key`` below
    # (decoded again, chord scores on the tuning sets dropped by up to 4 % on the pieces it moves).
    first_half = starts < duration / 2
    key = opening_key(key, beat_pitch[:, first_half] @ spans[first_half], chords)
    if key_confidence(key, chords) < _KEY_SURE:
        # Relative keys share their chords: the raised leading tone and the cadences decide.
        rel = relative_evidence(key, profile, chords)
        if (rel if key.endswith("major") else -rel) >= _RELATIVE_SWITCH:
            key = decoded = relative_key(key)
            chords = decode(key)
    # The mode from the third over the tonic, the tonic chords and the cadences.
    tonic, mode = key.split()
    evidence = mode_evidence(tonic, profile, chords)
    sounds = "major" if evidence > 0 else "minor"
    if abs(evidence) >= _MODE_SWITCH and sounds != mode:
        key = decoded = f"{tonic} {sounds}"
        chords = decode(key)
        evidence = mode_evidence(tonic, profile, chords)
    # Phrase ends a fifth away, where that key's scale sounds: the excerpt's own key.  The chords
    # stay as decoded (the two keys share most of their chords; decoded again, the rendered
    # chorale set's one switched to a fifth above lost 2 % of its chord score).
    near = cadence_key(key, profile, chords)
    if near != key:
        key = near
        evidence = mode_evidence(key.split()[0], profile, chords)
    signed = evidence if key.endswith("major") else -evidence
    mode_conf = float(np.clip(np.tanh(signed), 0.0, 1.0))
    key_conf = key_confidence(key, chords)
    # Where chords change on most beats (a chorale), decode them again under the same key with the
    # decoder's settings for a fast harmonic rhythm (``chord_pace``).  The key, its confidences and
    # the checks above stay on the decode at the constant cost: their cadences and tonic chords
    # are read from chords held over their bars, and on the rendered chorale set one key went
    # right and one wrong when they read the faster chords instead.
    pace = chord_pace(beat_treble, starts, key=decoded, end=duration, bass=beat_bass, beat_energy=beat_energy)
    if pace > 0:
        chords = decode(decoded, pace)

    return replace(form, key=key, chords=chords, loudness_lufs=loudness, key_confidence=key_conf,
                   mode_confidence=mode_conf)


def _sections(
    chroma: np.ndarray, mfcc: np.ndarray, rms: np.ndarray, downbeats: np.ndarray, duration: float, nfr: int
) -> list[tuple[float, float, str, float]]:
    import librosa

    if downbeats.size < 8:
        return [(0.0, float(duration), "verse", 1.0)]
    frames = np.clip(librosa.time_to_frames(downbeats, sr=SR, hop_length=HOP), 0, nfr - 1)
    feats = np.vstack([chroma / (np.linalg.norm(chroma, axis=0, keepdims=True) + 1e-9), mfcc / (np.abs(mfcc).max() + 1e-9)])
    bars = librosa.util.sync(feats, frames, aggregate=np.mean, pad=False)[:, : frames.size - 1]
    bar_seconds = float(np.median(np.diff(downbeats)))
    level = librosa.util.sync(rms[None, :], frames, aggregate=np.mean, pad=False)[0, : frames.size - 1]
    # Loudness in the features too: an arrangement that builds up is a new section.
    level_db = 20 * np.log10(level + 1e-9)
    bars = np.vstack([bars, ((level_db - level_db.max()) / 20.0)[None, :]])
    # Harmony (12), timbre (12) and level (1) get an equal share of the distance.
    dims = bars.shape[0]
    weights = np.concatenate([np.full(12, np.sqrt(dims / 36)), np.full(12, np.sqrt(dims / 36)), [np.sqrt(dims / 3)]])
    cuts = segment_bars(bars, bar_seconds=bar_seconds, weights=weights)
    times = [0.0] + [float(downbeats[i]) for i in cuts] + [float(duration)]
    edges = [0] + cuts + [bars.shape[1]]
    # Standardise each feature over the song: what sets sections apart, not what all bars share.
    z = (bars[:-1] - bars[:-1].mean(axis=1, keepdims=True)) / (bars[:-1].std(axis=1, keepdims=True) + 1e-6)
    seg_feats = np.stack([z[:, a:b].mean(axis=1) for a, b in zip(edges[:-1], edges[1:])], axis=1)
    seg_db = np.array([20 * np.log10(np.sqrt(np.mean(level[a:b] ** 2)) + 1e-9) for a, b in zip(edges[:-1], edges[1:])])
    # Energy relative to the loudest section over a 24 dB range: 1 is the song's peak.
    energy = np.clip(1.0 + (seg_db - seg_db.max()) / 24.0, 0.0, 1.0)
    labels = label_sections(seg_feats, energy)
    return [(times[i], times[i + 1], labels[i], float(energy[i])) for i in range(len(labels))]
