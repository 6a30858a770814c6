"""Beats, downbeats, meter and tempo.

Beats come from essentia's RhythmExtractor2013 (multifeature, beat F about 0.93 on
rendered music).  Bar phase and meter come from where low-frequency accents and
harmonic changes concentrate along the beat grid: bass notes and chord changes
land on downbeats far more often than elsewhere.  The onset function's periodicity at
fractions and multiples of the beat tells duple from compound (triplet) grouping.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "track_beats", "beat_accents", "bar_phase", "position_test", "periodicity", "retrack_beats", "level_switch",
    "paired_groups", "beat_changes", "beat_cues", "grouping_evidence", "triple_evidence",
]  # fmt: skip

_ESSENTIA_SR = 44100


def track_beats(y: np.ndarray, *, sr: int) -> tuple[float, np.ndarray]:
    """Tempo in BPM and beat times in seconds.

    Parameters
    ----------
    y : np.ndarray
        Mono float signal.
    sr : int
        Sample rate of ``y``; resampled to 44.1 kHz for essentia when needed.

    Returns
    -------
    tempo : float
        Median inter-beat tempo in BPM (0 when fewer than two beats were found).
    beats : np.ndarray
        Beat times in seconds, increasing.
    """
    import essentia.standard as es

    if y.size == 0 or float(np.max(np.abs(y))) < 1e-4:
        return 0.0, np.zeros(0)  # essentia invents a pulse in silence
    if sr != _ESSENTIA_SR:
        import librosa

        y = librosa.resample(y, orig_sr=sr, target_sr=_ESSENTIA_SR, res_type="soxr_mq")
    _, beats, _, _, _ = es.RhythmExtractor2013(method="multifeature")(np.ascontiguousarray(y, dtype=np.float32))
    beats = np.asarray(beats, dtype=float)
    beats = beats[np.concatenate([[True], np.diff(beats) > 0.05])] if beats.size else beats
    if beats.size < 2:
        return 0.0, beats
    beats = _align_to_onsets(y, beats, sr=_ESSENTIA_SR)
    return _tempo(beats), beats


def retrack_beats(
    onset: np.ndarray,
    y: np.ndarray,
    *,
    sr: int,
    onset_rate: float,
    bpm: float,
    phase_from: np.ndarray | None = None,
) -> tuple[float, np.ndarray]:
    """Tempo and beats tracked again on an onset function, near a tempo known to be the pulse.

    Parameters
    ----------
    onset : np.ndarray
        Onset strength per frame, frames centred on their times.
    y : np.ndarray
        The mono signal, for putting the beats on the note starts.
    sr : int
        Sample rate of ``y``.
    onset_rate : float
        Frames per second of ``onset``.
    bpm : float
        The expected tempo (librosa's dynamic programming holds the beats near it).
    phase_from : np.ndarray, optional
        Beats already put on the note starts (the first tracker's, at another count of
        the same pulse): where the new beats coincide with them, the new grid takes their
        phase (``_keep_phase``) instead of finding the attacks again.

    Returns
    -------
    tempo : float
        BPM fitted through the beats (0 when fewer than two).
    beats : np.ndarray
        Beat times in seconds.
    """
    import librosa

    # sr=frames per second with hop 1: librosa's tracker only needs the frame rate.
    _, frames = librosa.beat.beat_track(
        onset_envelope=onset, sr=onset_rate, hop_length=1, start_bpm=bpm, tightness=400, trim=False
    )
    beats = np.asarray(frames, dtype=float) / onset_rate
    if beats.size < 2:
        return 0.0, beats
    kept = None if phase_from is None else _keep_phase(beats, phase_from)
    beats = _align_to_onsets(y, beats, sr=sr) if kept is None else kept
    return _tempo(beats), beats


def _keep_phase(
    beats: np.ndarray, ref: np.ndarray, *, tol: float = 0.25, reach: float = 0.12, spread: float = 0.02
) -> np.ndarray | None:
    """``beats`` shifted onto the reference grid ``ref`` where the two coincide, or None.

    A grid tracked again at another count of the pulse (dotted quarters over eighth
    pairs) shares every second or third beat with the first grid; the median offset of
    those shared beats (each within ``tol`` of a reference period of a reference beat) is
    the new grid's phase error.  None when under a third of the beats are shared, their
    offsets scatter (median deviation over ``spread`` seconds) or the offset exceeds
    ``reach`` seconds: then the grids do not count the same pulse.
    """
    if beats.size < 4 or ref.size < 4:
        return None
    period = float(np.median(np.diff(ref)))
    j = np.clip(np.searchsorted(ref, beats), 1, ref.size - 1)
    near = np.where(np.abs(beats - ref[j - 1]) < np.abs(beats - ref[j]), ref[j - 1], ref[j])
    off = beats - near
    shared = np.abs(off) < tol * period
    if shared.sum() < max(3, beats.size / 3):
        return None
    shift = -float(np.median(off[shared]))
    if abs(shift) > reach or float(np.median(np.abs(off[shared] + shift))) > spread:
        return None
    return np.maximum(beats + shift, 0.0)


def _tempo(beats: np.ndarray) -> float:
    """BPM from a line fitted through the beats (each beat's time is quantised to a frame)."""
    period = float(np.median(np.diff(beats)))
    # Count beats interval by interval: rounding the total span would slip a beat on long songs.
    idx = np.concatenate([[0.0], np.cumsum(np.maximum(1.0, np.round(np.diff(beats) / period)))])
    if np.ptp(idx) == 0:
        return float(60.0 / period)
    slope, icpt = np.polyfit(idx, beats, 1)
    keep = np.abs(beats - (slope * idx + icpt)) < 0.1 * period  # drop beats off the main grid, refit
    if keep.sum() >= max(4, beats.size // 2) and np.ptp(idx[keep]) > 0:
        slope = np.polyfit(idx[keep], beats[keep], 1)[0]
    # A tempo drift makes the fit poor; then the local median speaks for the song.
    return float(60.0 / slope) if abs(slope - period) < 0.05 * period else float(60.0 / period)


def _align_to_onsets(
    y: np.ndarray, beats: np.ndarray, *, sr: int, reach: float = 0.08, far: float = 0.2
) -> np.ndarray:
    """Shift the whole beat grid so that beats sit where the attacks start.

    Trackers place beats near the steepest rise of their onset function: on time for
    a piano, tens of milliseconds late for a bowed swell or a plucked string whose body
    sounds well after its pluck.  The level curve averaged over all beats (the grid's
    typical attack) shows where the rise begins: back from its steepest point to where
    the level was still under a fifth of the rise (``_attack_start``).  An attack may come
    in two stages, a soft pluck or bow noise and then the body of the note some 50 ms
    later, often with a dip between; then the first stage is the note's start
    (``_earlier_stage``).  One shared shift keeps the grid's regularity while putting
    beats on the note starts.  The attack is looked for within ``reach`` seconds of the
    beats; only where it starts beyond that, within ``far`` seconds (and a third of a beat).
    Where there is no level attack near the beats, the pitch entries are looked for near
    them, then (none found, or beyond reach) within ``far`` seconds and under half a beat:
    an ensemble's slow bowed swell can put the tracker a sixth of a second late.
    """
    hop, frame = 128, 1024  # 3 ms steps; 23 ms frames resolve bass notes without ripple
    if beats.size < 4 or y.size < frame:
        return beats
    import librosa

    mel = librosa.feature.melspectrogram(y=y, sr=sr, n_fft=frame, hop_length=hop, n_mels=40, fmax=8000, center=True)
    # Mean band level in dB: a note entering a quiet band counts as much as a loud bass.
    level = librosa.power_to_db(mel, ref=np.max, top_db=80.0).mean(axis=0)  # frame i centred on sample i * hop
    beats = _steady(beats)
    shift = _attack_shift(level, beats, reach=reach, rate=sr / hop, lead=frame / 4 / sr)
    if shift is not None and np.isnan(shift):  # the attack starts beyond the near reach: look further
        shift = _attack_shift(level, beats, reach=far, rate=sr / hop, lead=frame / 4 / sr)
        if shift is None:
            return beats
    if shift is None:
        # No level attack common to the beats (legato: the old notes fade as the new ones
        # swell): find where new pitches enter instead.
        return _align_to_entries(y, beats, sr=sr, reach=reach, far=far)
    if np.isnan(shift):
        return beats
    return np.maximum(beats + shift, 0.0)


def _attack_shift(
    level: np.ndarray, beats: np.ndarray, *, reach: float, rate: float, lead: float, stage_look: float = 0.08
) -> float | None:
    """Seconds from the beats to the start of their typical attack on the ``level`` curve
    (``rate`` frames per second; a frame sees an attack ``lead`` seconds before it is centred
    on it); 0 with too few beats, None without a common level attack, NaN when the attack
    starts more than ``reach`` seconds away."""
    period = float(np.median(np.diff(beats)))
    r = int(round(min(reach, period / 3) * rate))
    f = np.round(beats * rate).astype(int)
    f = f[(f - 2 * r >= 0) & (f + 2 * r < level.size)]
    if f.size < 4:
        return 0.0
    # Each beat's level around it (centred on its own mean); the typical curve is their
    # median, smoothed over 15 ms so that one noisy frame does not end a rise.
    curves = np.stack([level[k - 2 * r : k + 2 * r + 1] for k in f])
    curves = curves - curves.mean(axis=1, keepdims=True)
    curve = np.convolve(np.pad(np.median(curves, axis=0), 2, mode="edge"), np.ones(5) / 5, mode="valid")
    lags = np.arange(-2 * r, 2 * r + 1)
    slope = np.gradient(curve)
    near = np.abs(lags) <= r
    steep = int(np.flatnonzero(near)[np.argmax(slope[near])])
    lo = max(0, steep - r) + int(np.argmin(curve[max(0, steep - r) : steep + 1]))
    hi = steep + int(np.argmax(curve[steep : steep + r + 1]))
    if curve[hi] - curve[lo] < 1.5:
        return None
    start = _attack_start(curve, lo, hi, steep)
    look = int(round(min(stage_look, period / 6) * rate))
    rise = float(curve[hi] - curve[lo])
    early = _earlier_stage(curves, curve, start, rise=rise, look=look, span=max(2, int(round(0.015 * rate))))

    def seconds(i: int) -> float:
        # The Hann window already sees the attack about a quarter frame before it is centred on it.
        return lags[i] / rate + lead

    if early is not None and abs(seconds(early)) <= reach:
        start = early
    shift = seconds(start)
    return float("nan") if abs(shift) > reach else float(shift)


def _steady(beats: np.ndarray, *, half: int = 4, tol: float = 0.02) -> np.ndarray:
    """Beats with the tracker's frame jitter smoothed out: each beat moved onto the line
    fitted through its ``half`` neighbours either side, unless it lies more than ``tol``
    seconds off that line (a real push or pull of the tempo stays)."""
    out = beats.copy()
    idx = np.arange(beats.size, dtype=float)
    for i in range(beats.size):
        a, b = max(0, i - half), min(beats.size, i + half + 1)
        if b - a < 4:
            continue
        slope, icpt = np.polyfit(idx[a:b], beats[a:b], 1)
        fit = slope * i + icpt
        if abs(fit - beats[i]) <= tol:
            out[i] = fit
    return out


def _attack_start(curve: np.ndarray, lo: int, hi: int, steep: int) -> int:
    """Where a rise from ``lo`` to ``hi`` begins: walking back from its steepest point
    ``steep``, the earliest frame of the run above a fifth of the rise (a bump further back,
    above that level too, does not pull the start away from the attack)."""
    thr = curve[lo] + 0.2 * (curve[hi] - curve[lo])
    j = steep
    while j > lo and curve[j - 1] >= thr:
        j -= 1
    return j


def _earlier_stage(
    curves: np.ndarray,
    curve: np.ndarray,
    start: int,
    *,
    rise: float,
    look: int,
    span: int,
    t_min: float = 4.0,
    share: float = 0.25,
) -> int | None:
    """Start of a first stage of the attack that begins at ``start``, if there is one.

    Looking back from the foot of the main rise (its last local minimum) over ``look``
    frames, the nearest rise over ``span`` frames that the beats share (paired t of at
    least ``t_min`` across the per-beat ``curves``) and that is at least ``share`` of the
    main ``rise`` (dB): a pluck or bow noise before the body of a slow note.  Smaller or less
    consistent rises (noise, a soft neighbour note) are not stages of the attack.
    """
    foot = start
    while foot > 0 and curve[foot - 1] < curve[foot]:
        foot -= 1
    n = curves.shape[0]
    for s in range(foot - span, max(0, start - look) - 1, -1):
        d = curves[:, s + span] - curves[:, s]
        t = d.mean() / (d.std(ddof=1) / np.sqrt(n) + 1e-9)
        if t >= t_min and d.mean() >= share * rise:
            return _attack_start(curve, s, s + span, s + span)
    return None


def _align_to_entries(
    y: np.ndarray, beats: np.ndarray, *, sr: int, reach: float = 0.08, far: float | None = None
) -> np.ndarray:
    """Shift the beat grid to where new pitches enter, for legato music without a level attack.

    A semitone-resolved spectral flux (positive level change per semitone band) rises when
    a new note starts even if the overall level stays flat; the beat-averaged flux shows
    where the entries begin, looked for within ``reach`` seconds of the beats, then (when
    none is found there or it begins beyond) within ``far``.
    """
    import librosa

    sr_low, n_fft, hop = 11025, 1024, 32  # 93 ms frames resolve semitones down to ~80 Hz; 3 ms steps
    y_low = librosa.resample(y, orig_sr=sr, target_sr=sr_low, res_type="soxr_mq")
    if y_low.size < n_fft:
        return beats
    mag = np.abs(librosa.stft(y_low, n_fft=n_fft, hop_length=hop))
    edges = librosa.midi_to_hz(np.arange(28, 111) - 0.5)  # E1..D8 semitone bands
    band = np.digitize(librosa.fft_frequencies(sr=sr_low, n_fft=n_fft), edges)
    bands = np.zeros((edges.size + 1, mag.shape[1]))
    np.add.at(bands, band, mag)
    level = np.log1p(100.0 * bands[1:-1] / (bands.max() + 1e-12))
    flux = np.concatenate([[0.0], np.maximum(0.0, np.diff(level, axis=1)).sum(axis=0)])
    dt = hop / sr_low
    shift = _entry_shift(flux, beats, reach=reach, dt=dt, lead=n_fft / 4 / sr_low)
    if (shift is None or np.isnan(shift)) and far is not None and far > reach:
        period = float(np.median(np.diff(beats)))
        # Less than half a beat: the entries of the neighbouring beats stay out of reach.
        shift = _entry_shift(flux, beats, reach=min(far, 0.4 * period), dt=dt, lead=n_fft / 4 / sr_low)
    if shift is None or np.isnan(shift):
        return beats
    return np.maximum(beats + shift, 0.0)


def _entry_shift(flux: np.ndarray, beats: np.ndarray, *, reach: float, dt: float, lead: float) -> float | None:
    """Seconds from the beats to where their typical entry begins on the pitch ``flux``
    (frames ``dt`` apart; a frame sees an entry ``lead`` seconds before it is centred on it);
    None without a common entry, NaN when it begins more than ``reach`` away."""
    r = int(round(reach / dt))
    f = np.round(beats / dt).astype(int)
    f = f[(f - 2 * r >= 0) & (f + 2 * r < flux.size)]
    if f.size < 4:
        return None
    curve = np.median(np.stack([flux[k - 2 * r : k + 2 * r + 1] for k in f]), axis=0)
    base = float(np.median(curve))
    near = np.arange(r, 3 * r + 1)
    peak = int(near[np.argmax(curve[near])])
    if curve[peak] < 1.25 * base:
        return None  # no common entry either: keep the tracker's grid
    # Start of the entry: back from the peak to where the excess is a fifth of its height.
    above = curve[: peak + 1] - base >= 0.2 * (curve[peak] - base)
    start = peak - int(np.argmin(above[::-1])) + 1 if not above.all() else 0
    # A 93 ms Hann frame already sees an entry about a quarter frame before it is centred on it.
    shift = (start - 2 * r) * dt + lead
    return float("nan") if abs(shift) > reach else float(shift)


def periodicity(onset: np.ndarray, period: float, ratios: tuple[float, ...]) -> np.ndarray:
    """How strongly the onset function repeats at multiples of a beat period.

    Parameters
    ----------
    onset : np.ndarray
        Onset strength per frame.
    period : float
        Beat period in frames.
    ratios : tuple of float
        Lags to read, in beats (1/3 and 1/2 tell triplet from duple subdivision; 1.5 and 3
        tell a dotted-quarter pulse from a quarter one).

    Returns
    -------
    np.ndarray
        The normalised autocorrelation at each lag (its peak within 4 %, for tempo wobble).
    """
    x = onset - onset.mean()
    n = x.size
    if n < 4 or not np.any(x):
        return np.zeros(len(ratios))
    spec = np.fft.rfft(x, 2 * n)
    ac = np.fft.irfft(spec * np.conj(spec))[:n]
    ac = ac / ac[0]
    out = []
    for r in ratios:
        lo, hi = int(r * period * 0.96), int(np.ceil(r * period * 1.04)) + 1
        out.append(float(ac[lo:hi].max()) if 0 < lo < n else 0.0)
    return np.array(out)


def beat_accents(bass_onset: np.ndarray, chroma: np.ndarray, beat_frames: np.ndarray) -> np.ndarray:
    """Per-beat downbeat evidence: bass onset strength plus harmonic change.

    Parameters
    ----------
    bass_onset : np.ndarray
        Low-frequency onset strength per frame.
    chroma : np.ndarray
        (12, frames) chroma on the same frame grid.
    beat_frames : np.ndarray
        Frame index of each beat.

    Returns
    -------
    np.ndarray
        One accent per beat, each evidence normalised to unit mean.
    """
    n = bass_onset.shape[0]
    fr = np.clip(beat_frames.astype(int), 0, n - 1)
    # Onset at the beat: max over a small window (beats land a frame or two off).
    bass = np.array([bass_onset[max(0, f - 2) : f + 3].max() for f in fr]) if fr.size else np.zeros(0)
    change = beat_changes(chroma, fr)

    def unit(x: np.ndarray) -> np.ndarray:
        return x / (x.mean() + 1e-9)

    return unit(bass) + unit(change)


def beat_changes(chroma: np.ndarray, beat_frames: np.ndarray) -> np.ndarray:
    """How much the pitch content changes at each beat.

    Parameters
    ----------
    chroma : np.ndarray
        (12, frames) chroma (the whole band, or the bass alone).
    beat_frames : np.ndarray
        Frame index of each beat.

    Returns
    -------
    np.ndarray
        Per beat, the distance between the unit-normalised mean chroma of the beat's span (to
        the next beat) and of the span before it (from the previous beat, or the start).
    """
    n = chroma.shape[1]
    fr = np.clip(beat_frames.astype(int), 0, n - 1)
    edges = np.concatenate([[0], fr, [n]])
    spans = [chroma[:, edges[i] : max(edges[i] + 1, edges[i + 1])].mean(axis=1) for i in range(len(edges) - 1)]
    spans = np.array(spans)
    spans /= np.linalg.norm(spans, axis=1, keepdims=True) + 1e-9
    change = np.linalg.norm(spans[1:] - spans[:-1], axis=1)  # change at beat i: span i+1 vs span i
    return change[: fr.size]


def position_test(accents: np.ndarray, m: int) -> float:
    """How surely the accents differ by position in a group of ``m`` beats.

    Parameters
    ----------
    accents : np.ndarray
        Per-beat accents.
    m : int
        Beats a group (2 or more).

    Returns
    -------
    float
        The p-value of a one-way analysis of variance of the accents grouped by their
        position ``i % m`` (1 with fewer than two groups' worth of beats).
    """
    from scipy.stats import f as f_dist

    n = accents.size
    if n < 2 * m or m < 2:
        return 1.0
    groups = [accents[q::m] for q in range(m)]
    grand = accents.mean()
    between = sum(g.size * (g.mean() - grand) ** 2 for g in groups) / (m - 1)
    within = sum(((g - g.mean()) ** 2).sum() for g in groups) / max(1, n - m)
    if within <= 1e-12:
        return 0.0 if between > 0 else 1.0
    return float(f_dist.sf(between / within, m - 1, n - m))


def beat_cues(
    bass_onset: np.ndarray, onset: np.ndarray, chroma: np.ndarray, bass_chroma: np.ndarray, beat_frames: np.ndarray
) -> np.ndarray:
    """Four per-beat cues to where bars begin, each normalised to unit mean.

    Parameters
    ----------
    bass_onset, onset : np.ndarray
        Low-frequency and full-band onset strength per frame.
    chroma, bass_chroma : np.ndarray
        (12, frames) chroma of the whole band and of the bass, on the same frame grid.
    beat_frames : np.ndarray
        Frame index of each beat.

    Returns
    -------
    np.ndarray
        (4, beats): the bass onset and the band's onset at each beat (max within two frames), the
        change of the band's pitches and of the bass pitch there (``beat_changes``).
    """
    n = min(bass_onset.shape[0], onset.shape[0], chroma.shape[1], bass_chroma.shape[1])
    fr = np.clip(beat_frames.astype(int), 0, n - 1)

    def at_beat(x: np.ndarray) -> np.ndarray:
        return np.array([x[max(0, f - 2) : f + 3].max() for f in fr]) if fr.size else np.zeros(0)

    cues = np.array([
        at_beat(bass_onset[:n]), at_beat(onset[:n]),
        beat_changes(chroma[:, :n], fr), beat_changes(bass_chroma[:, :n], fr),
    ])  # fmt: skip
    return cues / (cues.mean(axis=1, keepdims=True) + 1e-9)


def grouping_evidence(cues: np.ndarray, m: int, *, floor: float = 1e-6) -> float:
    """How surely the cues differ by position in groups of ``m`` beats, pooled over the cues.

    Each cue's ``position_test`` p-value is combined as in Fisher's method: the sum of -ln p, in
    nats, each p at least ``floor`` so that one cue cannot outvote the rest.

    Parameters
    ----------
    cues : np.ndarray
        (cues, beats) per-beat cues (``beat_cues``).
    m : int
        Beats a group.

    Returns
    -------
    float
        0 where no cue differs by position; ``-ln(floor)`` per cue at most.
    """
    return float(sum(-np.log(max(position_test(c, m), floor)) for c in cues))


def triple_evidence(cues: np.ndarray, *, floor: float = 1e-6) -> float:
    """How much more surely the cues differ by position in bars of three than of four.

    The ``grouping_evidence`` for three beats minus that for four, in nats.  A chorale's bass, its
    chord changes and its attacks each show the bar only faintly, but they agree.

    Parameters
    ----------
    cues : np.ndarray
        (cues, beats) per-beat cues (``beat_cues``).

    Returns
    -------
    float
        Positive towards three beats a bar, negative towards four.
    """
    return grouping_evidence(cues, 3, floor=floor) - grouping_evidence(cues, 4, floor=floor)


def bar_phase(accents: np.ndarray, *, candidates: tuple[int, ...] = (3, 4)) -> tuple[int, int, float]:
    """Beats per bar and the index of the first downbeat from per-beat accents.

    The bar length is the one whose bar positions differ most in accent, judged by a one-way
    analysis of variance (accents grouped by position in the bar; the smallest F-test p-value
    wins).  A 4-beat bar also explains a 2-beat pattern; 3 wins only when its test is
    significant (p < ``0.05``) and better than 4's, so flat accents count in four.  Within the
    chosen bar length the phase is the position with the highest mean accent, and the contrast
    is that mean over the mean accent elsewhere.

    Returns
    -------
    beats_per_bar, phase : int
        Bar length in beats and the first downbeat's beat index (< beats_per_bar).
    contrast : float
        The winning contrast ratio (1 means no evidence).
    """
    best: dict[int, tuple[float, int, float]] = {}  # m -> (contrast, phase, p-value)
    for m in candidates:
        if accents.size < 2 * m:
            best[m] = (1.0, 0, 1.0)
            continue
        scores = []
        for p in range(m):
            on = accents[p::m]
            off = np.delete(accents, np.arange(p, accents.size, m))
            scores.append(on.mean() / (off.mean() + 1e-9))
        p = int(np.argmax(scores))
        best[m] = (float(scores[p]), p, position_test(accents, m))
    if 4 in best and 3 in best:
        m = 3 if best[3][2] < min(0.05, best[4][2]) else 4
    else:
        m = min(best, key=lambda k: (best[k][2], -best[k][0]))
    return m, best[m][1], best[m][0]


def level_switch(
    beats: np.ndarray, *, ratios: tuple[float, ...] = (1.5, 2.0), tol: float = 0.06, run: int = 6
) -> np.ndarray | None:
    """The beats of the faster level when a tracker switches between two levels of the pulse.

    A tracker may count one level of the pulse for a while and then another: a slow jig
    in pairs of eighths (three to two dotted quarters) for one section and in eighths
    for the next.  Its beat periods then fall into two steady groups whose ratio is one
    of ``ratios`` (within ``tol``), each a run of at least ``run`` beats, switching at
    most twice.  A real change of tempo is seldom an exact 3:2 or 2:1, and swung or
    uneven tracking alternates far more often.

    Parameters
    ----------
    beats : np.ndarray
        Tracked beat times in seconds, increasing.
    ratios : tuple of float
        Period ratios between two levels of one pulse.
    tol : float
        Relative tolerance of a period to its level and of the ratio.
    run : int
        Fewest intervals each level must cover.

    Returns
    -------
    np.ndarray or None
        The beats that bound an interval of the faster level (for phase), or None when
        the grid keeps one level.
    """
    if beats.size < 2 * run + 2:
        return None
    d = np.diff(beats)
    fast, slow = float(np.percentile(d, 10)), float(np.percentile(d, 90))
    if not any(abs(slow / fast - r) < tol * r for r in ratios):
        return None
    fast = float(np.median(d[d < fast * (1 + tol)]))
    slow = float(np.median(d[d > slow * (1 - tol)]))
    is_fast = np.abs(d / fast - 1.0) < tol
    is_slow = np.abs(d / slow - 1.0) < tol
    if is_fast.sum() < run or is_slow.sum() < run or (is_fast | is_slow).mean() < 0.9:
        return None
    level = np.where(is_fast, 1, np.where(is_slow, 2, 0))
    level = level[level > 0]
    if np.count_nonzero(np.diff(level)) > 2:
        return None
    idx = np.flatnonzero(is_fast)
    return beats[np.union1d(idx, idx + 1)]


def paired_groups(
    accents: np.ndarray, *, group: int = 3, ratio: float = 0.75, alpha: float = 0.05
) -> int | None:
    """Phase of the stronger group when groups of ``group`` beats alternate strong and weak.

    Eighths tracked in a jig group in threes (the dotted quarters), and the bar holds two
    groups: the chord changes and bass notes come on the first more than on the second.
    A fast waltz counted in its beats also groups in threes, but each group is a bar, and
    consecutive bars begin alike.  The groups alternate when the mean accent on the
    weaker group's first beat is under ``ratio`` of the stronger's and a Welch t-test
    (one-sided) finds them different at ``alpha``.

    Parameters
    ----------
    accents : np.ndarray
        Per-beat downbeat evidence (``beat_accents``).
    group : int
        Beats a group.
    ratio : float
        Largest share of the stronger group's accent the weaker may carry.
    alpha : float
        Significance level of the difference.

    Returns
    -------
    int or None
        Index (< 2 * group) of the first beat of the first strong group, or None.
    """
    from scipy.stats import ttest_ind

    m = 2 * group
    if accents.size < 3 * m:
        return None
    _, p, _ = bar_phase(accents, candidates=(m,))
    q = (p + group) % m
    strong, weak = accents[p::m], accents[q::m]
    if weak.mean() >= ratio * strong.mean():
        return None
    test = ttest_ind(strong, weak, equal_var=False, alternative="greater")
    return p if float(test.pvalue) < alpha else None
