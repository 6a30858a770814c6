"""A Score out: JSON, a standard MIDI file, kie's ``alignedWords``, and the melody-fit figures.

``melody_fit`` and ``variant_similarity`` compute the melody figures of ``quality.md`` against an
``Analysis`` taken as ground truth, so the benchmark scores a melody on material with known answers.
"""

from __future__ import annotations

import io

import mido
import numpy as np

from .compose.grid import chord_pcs, scale_pcs
from .compose.pitch import VOICE
from .types import Analysis, Lyrics, Note, Score

TICKS_PER_BEAT = 480
TOLERANCE_S = 0.035  # the quality figures' timing tolerance


def score_to_json(score: Score) -> dict:
    """The score as the ``track-k.score.json`` object (``Score.to_json``)."""
    return score.to_json()


# mido's key names: flats where the sharp spelling has no key signature.
_MIDO_MAJOR = {"C#": "Db", "D#": "Eb", "G#": "Ab", "A#": "Bb"}
_MIDO_MINOR = {"A#": "Bb", "C#": "C#", "D#": "D#", "F#": "F#", "G#": "G#"}


def _mido_key(key: str) -> str | None:
    parts = key.split()
    if len(parts) != 2:
        return None
    tonic, mode = parts[0], parts[1].lower()
    if mode.startswith("min"):
        name = _MIDO_MINOR.get(tonic, tonic) + "m"
    else:
        name = _MIDO_MAJOR.get(tonic, tonic)
    return name if name in mido.midifiles.meta._key_signature_encode else None


def score_to_midi(score: Score) -> bytes:
    """A standard MIDI file (type 1) of the melody.

    One track named after the variant: tempo (the score's tempo; seconds map to ticks through it
    exactly), key signature, and per note a note-on/off pair with its velocity; every syllable's
    first note carries a lyric meta event with the syllable's text.

    Parameters
    ----------
    score : Score

    Returns
    -------
    bytes
    """
    tempo = mido.bpm2tempo(score.tempo if score.tempo > 0 else 120.0)
    ticks_per_s = TICKS_PER_BEAT * 1e6 / tempo

    def tick(t: float) -> int:
        return int(round(t * ticks_per_s))

    events: list[tuple[int, int, mido.Message | mido.MetaMessage]] = []
    for n in score.notes:
        on, off = tick(n.start), max(tick(n.end), tick(n.start) + 1)
        if not n.tie:
            events.append((on, 1, mido.MetaMessage("lyrics", text=n.syllable)))
        events.append((on, 2, mido.Message("note_on", note=int(n.midi), velocity=int(np.clip(n.velocity, 1, 127)))))
        events.append((off, 0, mido.Message("note_off", note=int(n.midi), velocity=0)))
    events.sort(key=lambda e: (e[0], e[1]))  # at equal ticks: off before lyric before on

    track = mido.MidiTrack()
    track.append(mido.MetaMessage("track_name", name=f"Topline vocal {score.variant} ({score.style or 'voice'})"))
    track.append(mido.MetaMessage("set_tempo", tempo=tempo))
    key = _mido_key(score.key)
    if key:
        track.append(mido.MetaMessage("key_signature", key=key))
    now = 0
    for t, _, msg in events:
        track.append(msg.copy(time=t - now))
        now = t
    track.append(mido.MetaMessage("end_of_track", time=0))
    mid = mido.MidiFile(type=1, ticks_per_beat=TICKS_PER_BEAT)
    mid.tracks.append(track)
    buf = io.BytesIO()
    mid.save(file=buf)
    return buf.getvalue()


def aligned_words(score: Score, lyrics: Lyrics) -> list[dict]:
    """kie's ``alignedWords``: one entry per lyric word, in order, timed by its notes.

    The first word of each lyric section is prefixed with the section's tag and a newline
    (``"[Verse]\\nHello"``).  A word the score does not sing (never, for a score from ``compose``)
    gets ``success: False`` and the previous word's end as its times.
    """
    runs = _word_runs(score.notes)
    if len({w for w, _, _ in runs}) < len(runs):  # a section sung again: every sung word, in sung order
        return _aligned_sung(runs, lyrics)
    spans: dict[int, list[float]] = {}
    for n in score.notes:
        s = spans.setdefault(n.word_index, [n.start, n.end])
        s[0] = min(s[0], n.start)
        s[1] = max(s[1], n.end)
    out = []
    last = 0.0
    for sec in lyrics.sections:
        tag = sec.tag or f"[{sec.kind.title()}]"
        first = True
        for line in sec.lines:
            for w in line.words:
                text = f"{tag}\n{w.text}" if first else w.text
                first = False
                span = spans.get(w.index)
                if span is None:
                    out.append({"word": text, "success": False, "startS": round(last, 3), "endS": round(last, 3), "palign": 0})
                    continue
                out.append({"word": text, "success": True, "startS": round(span[0], 3), "endS": round(span[1], 3), "palign": 0})
                last = span[1]
    return out


def _word_runs(notes: list[Note]) -> list[tuple[int, float, float]]:
    """(word index, start, end) of every sung word occurrence, in time order."""
    runs: list[list] = []
    prev_line = None
    for n in notes:
        if runs and runs[-1][0] == n.word_index and n.line_index == prev_line:
            runs[-1][2] = max(runs[-1][2], n.end)
        else:
            runs.append([n.word_index, n.start, n.end])
        prev_line = n.line_index
    return [(w, s, e) for w, s, e in runs]


def _aligned_sung(runs: list[tuple[int, float, float]], lyrics: Lyrics) -> list[dict]:
    """alignedWords for a score that sings some sections more than once: one entry per sung word."""
    word: dict[int, str] = {}
    tag_of: dict[int, str] = {}
    for sec in lyrics.sections:
        first = True
        for line in sec.lines:
            for w in line.words:
                word[w.index] = w.text
                if first:
                    tag_of.setdefault(w.index, sec.tag or f"[{sec.kind.title()}]")
                    first = False
    out = []
    for w, s, e in runs:
        text = word.get(w, "")
        out.append({"word": f"{tag_of[w]}\n{text}" if w in tag_of else text, "success": True,
                    "startS": round(s, 3), "endS": round(e, 3), "palign": 0})  # fmt: skip
    return out


# --- melody-fit figures against a ground-truth analysis --------------------------------------------


def _grid(analysis: Analysis, sub: int = 4) -> np.ndarray:
    beats = np.asarray(sorted(analysis.beats), dtype=float)
    if beats.size < 2:
        period = 60.0 / analysis.tempo
        beats = np.arange(beats[0] if beats.size else 0.0, analysis.duration + period, period)
    period = float(np.median(np.diff(beats)))
    head = beats[0] - period * np.arange(int(beats[0] / period) + 1, 0, -1)
    tail = beats[-1] + period * np.arange(1, int((analysis.duration - beats[-1]) / period) + 2)
    b = np.concatenate([head, beats, tail])
    frac = np.arange(sub) / sub
    return np.append((b[:-1, None] + np.diff(b)[:, None] * frac).ravel(), b[-1])


def _near(times: np.ndarray, t: float) -> bool:
    if times.size == 0:
        return False
    i = np.searchsorted(times, t)
    best = min(abs(times[j] - t) for j in (i - 1, i) if 0 <= j < times.size)
    return best <= TOLERANCE_S


def _chord_at(analysis: Analysis, t: float) -> frozenset:
    for s, e, lab in analysis.chords:
        if s <= t < e:
            return chord_pcs(lab)
    return frozenset()


def _bar_lines(analysis: Analysis) -> list[float]:
    """The downbeats, extended with the median bar length to the start and end of the song."""
    down = sorted(analysis.downbeats)
    if len(down) < 2:
        return down
    bar = float(np.median(np.diff(down)))
    head = [down[0] - k * bar for k in range(int(down[0] / bar), 0, -1)]
    tail = [down[-1] + k * bar for k in range(1, int((analysis.duration - down[-1]) / bar) + 1)]
    return head + down + tail


def _strong_beats(analysis: Analysis) -> list[float]:
    """Bar lines, and in even meters the half-bars."""
    down = _bar_lines(analysis)
    out = list(down)
    if analysis.beats_per_bar % 2 == 0 and down:
        half = 0.5 * float(np.median(np.diff(down))) if len(down) > 1 else 0.0
        beats = np.asarray(sorted(analysis.beats))
        for k, d in enumerate(down):
            nxt = down[k + 1] if k + 1 < len(down) else d + 2 * half
            t = 0.5 * (d + nxt)
            if beats.size:  # the half-bar is a real beat: take the beat nearest the middle
                j = int(np.argmin(np.abs(beats - t)))
                t = float(beats[j]) if abs(beats[j] - t) < 0.25 * half else t
            if t < analysis.duration:
                out.append(t)
    return sorted(out)


def _phrase_anchors(analysis: Analysis) -> np.ndarray:
    """Bar lines and half-bars, and one beat or half a beat before either (pickups).

    The pickups are counted on the actual beats where the anchor is a beat (the beat before it, and
    half way to it), so a tempo that drifts from the median moves them with it; elsewhere the median
    beat period stands in.
    """
    period = _beat_period(analysis)
    anchors = np.asarray(_strong_beats(analysis))
    beats = np.asarray(sorted(analysis.beats), dtype=float)
    before = anchors - period
    if beats.size > 1:
        j = np.clip(np.searchsorted(beats, anchors), 1, beats.size - 1)
        j = np.where(np.abs(beats[j - 1] - anchors) < np.abs(beats[j] - anchors), j - 1, j)  # the nearest beat
        on_beat = (np.abs(beats[j] - anchors) < 0.25 * period) & (j >= 1)
        before = np.where(on_beat, beats[np.maximum(j - 1, 0)], before)
    return np.unique(np.concatenate([anchors, before, 0.5 * (before + anchors)]))


def _beat_period(analysis: Analysis) -> float:
    beats = np.asarray(sorted(analysis.beats))
    return float(np.median(np.diff(beats))) if beats.size > 1 else 60.0 / analysis.tempo


def _judged_note(notes: list[Note], starts: np.ndarray, t: float) -> int | None:
    """The note a strong beat at ``t`` judges: the one starting within 35 ms of it (the nearest), else
    the one sounding at ``t``; None when neither."""
    j = int(np.searchsorted(starts, t))
    near = [k for k in (j - 1, j) if 0 <= k < len(notes) and abs(starts[k] - t) <= TOLERANCE_S]
    if near:  # a sung onset a few ms off the analysis beat is still the note on that beat
        return min(near, key=lambda k: abs(starts[k] - t))
    i = int(np.searchsorted(starts, t, side="right")) - 1
    return i if i >= 0 and notes[i].end > t else None


def _chord_tones(notes: list[Note], analysis: Analysis) -> float:
    """Share of note-time on strong beats that is a chord tone (``melody_fit``'s ``chord_tones``).

    Every strong beat judges one note (``_judged_note``) and weighs it by the time it sounds in the
    beat that starts there (from the beat or its own later onset to the next beat), so a note that
    only just rings into the beat counts little; 1.0 when no strong beat has a note and a chord.
    """
    starts = np.array([n.start for n in notes])
    period = _beat_period(analysis)
    hit = total = 0.0
    for t in _strong_beats(analysis):
        i = _judged_note(notes, starts, t)
        ch = _chord_at(analysis, t)
        if i is None or not ch:
            continue
        n = notes[i]
        w = max(0.0, min(n.end, t + period) - max(n.start, t))
        total += w
        hit += w * (n.midi % 12 in ch)
    return hit / total if total > 0 else 1.0


def melody_fit(score: Score, analysis: Analysis) -> dict:
    """The melody-fit, rhythm and range figures of ``quality.md`` for one score.

    Parameters
    ----------
    score : Score
    analysis : Analysis
        Ground truth: beats, downbeats, key, chords.

    Returns
    -------
    dict
        ``in_key`` (note-time share in the key's scale, harmonic minor counts), ``chord_tones``
        (share of note-time on strong beats, i.e. bar lines and half-bars, that is a tone of the chord
        sounding there; each strong beat judges the note starting within 35 ms of it, else the note
        sounding at it, for the beat that follows),
        ``on_grid`` (onsets within 35 ms of the 16th grid), ``phrases`` (lines starting on a bar line,
        half-bar or pickup), ``stress_on_beats`` (stressed syllables starting on a beat), ``in_range``,
        ``max_leap``, ``above_passaggio`` and ``singable`` (all three range rules hold), ``notes``.
    """
    notes = score.notes
    if not notes:
        return {"notes": 0, "in_key": 0.0, "chord_tones": 0.0, "on_grid": 0.0, "phrases": 0.0,
                "stress_on_beats": 0.0, "in_range": 0.0, "max_leap": 0, "above_passaggio": 0.0, "singable": False}  # fmt: skip
    scale, leading = scale_pcs(analysis.key)
    ok_pcs = set(scale) | ({leading} if leading is not None else set())
    dur = np.array([n.end - n.start for n in notes])
    in_key = float(sum(d for n, d in zip(notes, dur) if n.midi % 12 in ok_pcs) / max(dur.sum(), 1e-9))

    chord_tones = _chord_tones(notes, analysis)

    grid = _grid(analysis)
    on_grid = float(np.mean([_near(grid, n.start) for n in notes]))
    anchors = _phrase_anchors(analysis)
    firsts: dict[int, float] = {}
    for n in notes:
        firsts.setdefault(n.line_index, n.start)
    phrases = float(np.mean([_near(anchors, t) for t in firsts.values()]))
    beats = np.asarray(sorted(analysis.beats))
    stressed = [n for n in notes if n.stress > 0 and not n.tie]
    stress_on_beats = float(np.mean([_near(beats, n.start) for n in stressed])) if stressed else 1.0

    lo, hi, _, passaggio = VOICE[score.gender]
    midi = np.array([n.midi for n in notes])
    in_range = float(np.mean((midi >= lo) & (midi <= hi)))
    max_leap = int(np.max(np.abs(np.diff(midi)))) if midi.size > 1 else 0
    above = float(np.mean(midi > passaggio))
    return {
        "notes": len(notes), "in_key": in_key, "chord_tones": float(chord_tones), "on_grid": on_grid,
        "phrases": phrases, "stress_on_beats": stress_on_beats, "in_range": in_range, "max_leap": max_leap,
        "above_passaggio": above, "singable": bool(in_range == 1.0 and max_leap <= 12 and above <= 0.10),
    }  # fmt: skip


def variant_similarity(a: Score, b: Score) -> float:
    """Share of notes sung at the same pitch at the same time by both scores (symmetric, 0..1).

    For each note of one score, the other score's note sounding at its midpoint is looked up; the
    result is the mean of both directions' shares of equal pitches.
    """

    def one_way(x: Score, y: Score) -> float:
        if not x.notes:
            return 0.0
        ys = np.array([n.start for n in y.notes])
        same = 0
        for n in x.notes:
            t = 0.5 * (n.start + n.end)
            i = int(np.searchsorted(ys, t, side="right")) - 1
            if i >= 0 and y.notes[i].end > t and y.notes[i].midi == n.midi:
                same += 1
        return same / len(x.notes)

    return 0.5 * (one_way(a, b) + one_way(b, a))
