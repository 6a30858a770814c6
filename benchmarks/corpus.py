"""Generate the benchmark corpus: instrumentals rendered from music21's scores, with ground truth.

Every item is a short arrangement (20-40 s) of real music nobody on the team wrote, rendered with
Debian's ``fluidsynth`` and the FluidR3 General MIDI soundfont, and a JSON file with the exact
answers: beats, downbeats, meter, tempo, key, chord segments (``mir_eval`` labels), section
boundaries and the lead line that was left out of the mix.

Sources (all bundled with music21):

- Bach chorales (``corpus/bach``): alto, tenor and bass are played, the soprano (the tune) is the
  lead line; chords are the chordified four voices, labelled beat by beat with the best triad.
  Sections: phrase A of one chorale, then phrase B from another chorale transposed to the same key,
  then A again.
- Nottingham dance tunes (``nottingham-dataset``), which carry chord symbols: part A then part B.
- O'Neill's 1850 collection (``oneills1850``): 3/4 airs and 6/8 jigs, harmonised here bar by bar
  with diatonic triads chosen to fit the tune (so the chords played are the ground truth).

Arrangements: piano, strings, band (bass, comping electric piano, GM drums on channel 10).  Each
section changes the texture a little, as songs do, and the boundaries are the ground truth.

Needs ``apt-get install -y fluidsynth fluid-soundfont-gm``.

Run: ``python benchmarks/corpus.py [--n 16] [--out benchmarks/.corpus]
[--heldout | --validation | --fresh | --chorales34 | --triple]``.
Deterministic.
``--heldout`` makes a second set from other pieces (the second half of the chorales, other books of
O'Neill's), other tempos and arrangements, in ``benchmarks/.corpus-heldout``: figures tuned on one set
are checked on the other.  ``--validation`` makes a third set that nobody tunes on, in
``benchmarks/.corpus-validation``: the last quarter of the chorales, Aird's Airs (another collection:
marches, strathspeys and slow airs in 4/4, airs in 3/4, jigs in 6/8, harmonised here), a fourth
arrangement (guitars and acoustic bass) and its own seed; it is measured before and after a change,
never while tuning.  ``--fresh`` makes a fourth set, in ``benchmarks/.corpus-fresh``, for checking only
(made before the analysis change it checks, and never tuned on): chorales from the third eighth of the
list (between the main set's and the held-out set's), O'Neill's books no other set uses (airs
51-100 and 501-550, reels 1176-1275, jigs 1031-1115) alternating with Aird's books 1, 3 and 4, a
fifth arrangement (church organ, accordion, bowed double bass) beside the four others, 50-160 BPM
(jigs 50-100 dotted quarters) and its own seed.
``--chorales34`` makes a tuning set of chorales only, in ``benchmarks/.corpus-chorales34``, for work on
the meter of chorales (3/4 ones are counted in four) without the checking sets: every other item is a
3/4 chorale, the others 4/4, all from the parts of the list no other set draws from (its second and
third eighths, between the main set's and the fresh set's; the eighth before the validation set's
quarter; the last eighth, after the validation set's).  The list holds only 35 chorales in 3/4, 13 of
them there: once their pairs (same mode) are used up, each pair is played again the other way round
(the second chorale's opening first), in another arrangement and tempo.  All five arrangements,
56-144 BPM, its own seed.
``--triple`` makes a tuning set for the meter of 3/4 pieces, in ``benchmarks/.corpus-triple``, from
music no item of any other set uses (the checking sets' 3/4 chorales are counted in four or a beat off,
and the chorale set's 3/4 chorales are the only ones tuned on; a fix must hold on others).  Three items
in four are in 3/4: the ten 3/4 chorales of the list that no item of the main and held-out sets (at
``--n 48``), the validation, fresh or chorale sets uses, paired by mode as in ``--chorales34`` (four pairs,
each played both ways round), and the 3/4 movements of music21's string quartets (minuets and slow
movements of Haydn op. 1 no. 1 and op. 74 no. 1, Mozart K. 80, 155, 156 and 458, Beethoven op. 59 nos. 2
and 3: second violin, viola and cello played, the first violin left out as the lead, the opening bars
then the next ones, as the tunes are); every fourth item is a 4/4 control, a 4/4 quartet movement or a
pair of 4/4 chorales from the list's last eighth (past every chorale the other sets' items use).  Past
its 24 items (``--n 48``) every other 3/4 item is again a chorale pair, playing its later phrases (from
bar 5, then bar 9), which the first 24 never reach.  All five arrangements, 56-180 BPM (the quartet
movements' own tempos are ignored, as the chorales' are), its own seed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import mido
import numpy as np
import soundfile as sf

SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
SR = 44100
TPQ = 480  # MIDI ticks per quarter note
TAIL_S = 1.0  # release/reverb kept after the last bar
OUT = Path(__file__).resolve().parent / ".corpus"

NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
TRIADS = {"maj": (0, 4, 7), "min": (0, 3, 7), "dim": (0, 3, 6)}


# --- source music: bars of melody, other voices and chord symbols on one timeline ---------------


@dataclass
class Source:
    """A piece cut into full bars; times in quarter lengths from the first full bar."""

    name: str
    meter: str  # "3/4", "4/4", "6/8"
    bar_ql: float
    tonic: int
    mode: str  # "major" | "minor"
    melody: list[tuple[float, float, int]]  # (onset, duration, midi)
    voices: list[tuple[float, float, int, int]] = field(default_factory=list)  # (+ voice 1..3)
    symbols: list[tuple[float, str]] = field(default_factory=list)  # (onset, mir_eval label)
    parts: list[int] = field(default_factory=list)  # first bar of each P: part, when marked

    @property
    def n_bars(self) -> int:
        ends = [on + d for on, d, _ in self.melody]
        return int(max(ends) // self.bar_ql) if ends else 0


def _events(stream, origin: float, *, top: bool = True) -> list[tuple[float, float, int]]:
    """Notes of a music21 stream as (onset, duration, midi), tied notes merged, chords to one pitch."""
    out: list[list[float]] = []
    for n in stream.flatten().notes:
        pitches = [p.midi for p in n.pitches]
        if not pitches:
            continue
        midi = max(pitches) if top else min(pitches)
        on = float(n.getOffsetInHierarchy(stream)) - origin
        dur = float(n.duration.quarterLength)
        if dur <= 0:
            continue  # grace notes
        tie = n.tie.type if n.tie is not None else None
        if tie in ("continue", "stop") and out and out[-1][2] == midi and abs(out[-1][0] + out[-1][1] - on) < 1e-6:
            out[-1][1] += dur
            continue
        out.append([on, dur, midi])
    return [(a, b, int(c)) for a, b, c in out if a >= -1e-6]


def _origin(part, bar_ql: float) -> float:
    """Quarter length before the first full bar (the pickup)."""
    measures = list(part.getElementsByClass("Measure"))
    if measures and measures[0].number == 0 and measures[0].duration.quarterLength < bar_ql - 1e-6:
        return float(measures[0].duration.quarterLength)
    return 0.0


def _key(score) -> tuple[int, str]:
    k = score.analyze("key")
    return int(k.tonic.pitchClass), str(k.mode)


def _symbol_label(cs) -> str | None:
    """mir_eval label (root:maj/min/dim) of a music21 ChordSymbol; 7ths etc. reduce to the triad."""
    try:
        root = cs.root().pitchClass
    except Exception:
        return None
    pcs = {(p.pitchClass - root) % 12 for p in cs.pitches}
    if 3 in pcs and 6 in pcs and 7 not in pcs:
        q = "dim"
    elif 3 in pcs and 4 not in pcs:
        q = "min"
    else:
        q = "maj"
    return f"{NAMES[root]}:{q}"


def load_chorale(path: str) -> Source | None:
    from music21 import corpus

    s = corpus.parse(path)
    if len(s.parts) != 4:
        return None
    ts = s.recurse().getElementsByClass("TimeSignature")
    if not ts or len({t.ratioString for t in ts}) != 1 or ts[0].ratioString not in ("4/4", "3/4"):
        return None
    meter = ts[0].ratioString
    bar_ql = float(ts[0].barDuration.quarterLength)
    origin = _origin(s.parts[0], bar_ql)
    tonic, mode = _key(s)
    voices = [(on, d, m, v) for v in (1, 2, 3) for on, d, m in _events(s.parts[v], origin)]
    return Source(path, meter, bar_ql, tonic, mode, _events(s.parts[0], origin), voices)


def load_abc(path: str, number: int) -> Source | None:
    from music21 import corpus, harmony

    s = corpus.parse(path, number=number)
    ts = s.recurse().getElementsByClass("TimeSignature")
    if not ts or len({t.ratioString for t in ts}) != 1 or ts[0].ratioString not in ("4/4", "3/4", "6/8"):
        return None
    meter = ts[0].ratioString
    bar_ql = float(ts[0].barDuration.quarterLength)
    part = s.parts[0] if s.parts else s
    origin = _origin(part, bar_ql)
    tonic, mode = _key(s)
    symbols = []
    for cs in s.recurse().getElementsByClass(harmony.ChordSymbol):
        lab = _symbol_label(cs)
        if lab:
            symbols.append((float(cs.getOffsetInHierarchy(s)) - origin, lab))
    melody = [e for e in _events(part, origin) if True]
    src = Source(f"{path}#{number}", meter, bar_ql, tonic, mode, melody, [], sorted(symbols))
    return src


# --- harmony ------------------------------------------------------------------------------------


def _label_pcs(label: str) -> tuple[int, ...]:
    root, q = label.split(":")
    r = NAMES.index(root)
    return tuple((r + i) % 12 for i in TRIADS[q])


def diatonic_chords(tonic: int, mode: str) -> list[tuple[str, float]]:
    """Diatonic triads a folk harmonisation uses, with a prior (tonic, dominant, subdominant first)."""
    if mode == "major":
        degs = [(0, "maj", 1.0), (7, "maj", 0.8), (5, "maj", 0.7), (9, "min", 0.4), (2, "min", 0.35)]
    else:
        degs = [(0, "min", 1.0), (7, "maj", 0.8), (5, "min", 0.7), (8, "maj", 0.4), (3, "maj", 0.4), (10, "maj", 0.3)]
    return [(f"{NAMES[(tonic + d) % 12]}:{q}", w) for d, q, w in degs]


def harmonise(src: Source, bar0: int, n_bars: int) -> list[tuple[float, float, str]]:
    """Chords for bars [bar0, bar0+n_bars) of a tune: one triad per bar (half bar in 4/4).

    Scores each candidate by the melody's note-time on chord tones (strong beats count double),
    plus a prior for primary triads and for the tonic at the ends; deterministic.
    """
    span = src.bar_ql / 2 if src.meter == "4/4" else src.bar_ql
    cands = diatonic_chords(src.tonic, src.mode)
    out: list[tuple[float, float, str]] = []
    t0 = bar0 * src.bar_ql
    n = int(round(n_bars * src.bar_ql / span))
    for k in range(n):
        s, e = t0 + k * span, t0 + (k + 1) * span
        best, best_score = cands[0][0], -1e9
        for lab, prior in cands:
            pcs = _label_pcs(lab)
            score = 0.0
            for on, d, m in src.melody:
                ov = min(e, on + d) - max(s, on)
                if ov <= 0:
                    continue
                w = ov * (2.0 if abs(max(s, on) - s) < 1e-6 else 1.0)
                score += w if m % 12 in pcs else -0.6 * w
            score += 0.6 * prior * span
            if k in (0, n - 1) and lab == cands[0][0]:
                score += 0.5 * span
            if out and out[-1][2] == lab:
                score += 0.15 * span  # slower harmonic rhythm
            if score > best_score:
                best, best_score = lab, score
        out.append((s - t0, e - t0, best))
    return out


def symbol_chords(src: Source, bar0: int, n_bars: int) -> list[tuple[float, float, str]]:
    """The tune's own chord symbols over the bars (each lasts until the next)."""
    t0, t1 = bar0 * src.bar_ql, (bar0 + n_bars) * src.bar_ql
    before = [lab for on, lab in src.symbols if on <= t0 + 1e-6]
    cur = before[-1] if before else None
    out: list[tuple[float, float, str]] = []
    marks = [(t0, cur)] + [(on, lab) for on, lab in src.symbols if t0 + 1e-6 < on < t1 - 1e-6]
    for i, (on, lab) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else t1
        if lab is not None and end > on:
            out.append((on - t0, end - t0, lab))
    return out


def chordify_chords(src: Source, bar0: int, n_bars: int, beat_ql: float) -> list[tuple[float, float, str]]:
    """Beat-by-beat triad labels of all four voices (bass counted double), merged when repeated."""
    t0 = bar0 * src.bar_ql
    notes = [(on, d, m, 0) for on, d, m in src.melody] + list(src.voices)
    out: list[tuple[float, float, str]] = []
    for k in range(int(round(n_bars * src.bar_ql / beat_ql))):
        s, e = t0 + k * beat_ql, t0 + (k + 1) * beat_ql
        w = np.zeros(12)
        bass = None
        for on, d, m, v in notes:
            ov = min(e, on + d) - max(s, on)
            if ov > 0:
                w[m % 12] += ov * (2.0 if v == 3 else 1.0)
                if v == 3 and (bass is None or on <= s + 1e-6):
                    bass = m % 12
        best, best_score = "N", 0.0
        for r in range(12):
            for q, iv in TRIADS.items():
                pcs = [(r + i) % 12 for i in iv]
                score = w[pcs].sum() - 0.7 * (w.sum() - w[pcs].sum()) + (0.1 if r == bass else 0.0)
                score -= 0.05 if q == "dim" else 0.0
                if score > best_score:
                    best, best_score = f"{NAMES[r]}:{q}", score
        out.append((s - t0, e - t0, best))
    return out


def merge(chords: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    out: list[list] = []
    for s, e, lab in chords:
        if out and out[-1][2] == lab and abs(out[-1][1] - s) < 1e-6:
            out[-1][1] = e
        else:
            out.append([s, e, lab])
    return [tuple(c) for c in out]


# --- arrangement --------------------------------------------------------------------------------

# channel -> GM program (0-based); channel 9 is drums
ARRANGEMENTS = {
    "piano": {0: 0, 1: 0, 2: 0},
    "strings": {0: 48, 1: 45, 2: 42},  # string ensemble, pizzicato, cello bass
    "band": {0: 4, 1: 4, 2: 33},  # electric piano comping, fingered bass
    "guitar": {0: 24, 1: 25, 2: 32},  # nylon and steel guitars, acoustic bass (validation set only)
    "organ": {0: 19, 1: 21, 2: 43},  # church organ, accordion, bowed double bass (fresh set only)
}


def _voicing(label: str, low: int = 55) -> list[int]:
    """Close triad voicing from ``low`` upward."""
    pcs = _label_pcs(label)
    root = pcs[0]
    base = low + (root - low) % 12
    return sorted(base + (p - root) % 12 for p in pcs)


def accompaniment(chords, *, meter: str, bar_ql: float, arrangement: str, texture: int, t0: float):
    """Note events (onset, dur, midi, vel, channel) that play ``chords`` in an arrangement."""
    ev = []
    beat = 1.5 if meter == "6/8" else 1.0
    for s, e, lab in chords:
        if lab == "N":
            continue
        root = _label_pcs(lab)[0]
        bass = 36 + (root - 36) % 12
        chord = _voicing(lab)
        s, e = s + t0, e + t0
        if arrangement == "strings":
            # a sustained pad (quieter), pizzicato chords on the beats (eighths in the second
            # texture) for the pulse, cello on the chord change
            for m in chord:
                ev.append((s, e - s, m, 50 + 10 * texture, 0))
            step = beat if texture == 0 else beat / (3 if meter == "6/8" else 2)
            t = s
            while t < e - 1e-6:
                accent = 15 if (t % bar_ql) < 1e-6 else 0
                for m in chord:
                    ev.append((t, min(step, e - t) * 0.9, m - 12, 70 + accent, 1))
                t += step
            ev.append((s, e - s, bass, 85, 2))
            continue
        # piano / band: bass on the chord change and on strong beats, chords on the beats
        step = beat if texture == 0 else beat / 2 if meter != "6/8" else 0.5
        t = s
        i = 0
        while t < e - 1e-6:
            d = min(step, e - t)
            pos = (t % bar_ql)
            if arrangement in ("piano", "guitar") and texture == 1:
                # broken chord
                ev.append((t, d, chord[i % 3] + 12 * (i % 6 >= 3), 72, 0))
            elif pos % beat < 1e-6 or texture == 1:
                ev.append((t, d * 0.9, chord[0], 64, 0))
                ev.append((t, d * 0.9, chord[1], 64, 1))
                ev.append((t, d * 0.9, chord[2], 64, 1))
            t += step
            i += 1
        t = s
        while t < e - 1e-6:
            pos = t % bar_ql
            strong = pos < 1e-6 or (meter == "4/4" and abs(pos - 2.0) < 1e-6)
            d = min(beat, e - t)
            if t == s or strong:
                ev.append((t, d * 0.95, bass + (0 if strong or t == s else 7), 90, 2))
            elif arrangement == "band":
                ev.append((t, d * 0.8, bass + 7, 75, 2))
            t += beat
    return ev


def drums(start: float, n_bars: int, *, meter: str, bar_ql: float, texture: int):
    """A GM drum track (channel 10): kick on bar lines, backbeat snare, hi-hats; crash at the top."""
    ev = []
    for b in range(n_bars):
        t0 = start + b * bar_ql
        if b == 0:
            ev.append((t0, 0.5, 49, 100, 9))  # crash marks the section
        if meter == "4/4":
            kicks, snares, hats = [0, 2] + ([2.5] if texture else []), [1, 3], np.arange(0, 4, 0.5)
        elif meter == "3/4":
            kicks, snares, hats = [0], [1, 2] if texture else [2], np.arange(0, 3, 0.5 if texture else 1.0)
        else:
            kicks, snares, hats = [0] + ([2.5] if texture else []), [1.5], np.arange(0, 3, 0.5)
        for k in kicks:
            ev.append((t0 + k, 0.25, 36, 110, 9))
        for k in snares:
            ev.append((t0 + k, 0.25, 38, 95, 9))
        for k in hats:
            ev.append((t0 + float(k), 0.25, 42, 70 if float(k) % 1 else 85, 9))
    return ev


def write_midi(events, *, qpm: float, programs: dict[int, int], path: Path) -> None:
    mid = mido.MidiFile(type=1, ticks_per_beat=TPQ)
    track = mido.MidiTrack()
    mid.tracks.append(track)
    track.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(qpm)))
    for ch, prog in programs.items():
        track.append(mido.Message("program_change", channel=ch, program=prog))
    msgs = []
    for on, d, m, v, ch in events:
        a, b = int(round(on * TPQ)), int(round((on + d) * TPQ))
        if b <= a or not 0 <= m < 128:
            continue
        msgs.append((a, 1, mido.Message("note_on", channel=ch, note=int(m), velocity=int(v))))
        msgs.append((b, 0, mido.Message("note_off", channel=ch, note=int(m), velocity=0)))
    msgs.sort(key=lambda x: (x[0], x[1]))
    now = 0
    for t, _, msg in msgs:
        track.append(msg.copy(time=t - now))
        now = t
    mid.save(str(path))


def render(mid: Path, seconds: float) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "out.wav"
        subprocess.run(
            ["fluidsynth", "-ni", "-q", "-g", "0.7", "-r", str(SR), "-F", str(wav), SOUNDFONT, str(mid)],
            check=True, capture_output=True,
        )  # fmt: skip
        y, sr = sf.read(wav, dtype="float32", always_2d=True)
    assert sr == SR
    n = int(round(seconds * SR))
    y = y[:n]
    if y.shape[0] < n:
        y = np.pad(y, ((0, n - y.shape[0]), (0, 0)))
    fade = int(0.3 * SR)
    y[-fade:] *= np.linspace(1.0, 0.0, fade)[:, None]
    return y * (10 ** (-3 / 20) / max(float(np.abs(y).max()), 1e-9))


# --- items --------------------------------------------------------------------------------------

KINDS = ("chorale", "reel", "air34", "jig68")
ARRS = ("piano", "strings", "band")
VALIDATION_ARRS = ("guitar", "piano", "strings", "band")
FRESH_ARRS = ("organ", "strings", "guitar", "band", "piano")


# Parts of the chorale list (fractions of its length) that no other set draws from: the main set
# takes its first eighth (50 chorales at --n 48), the fresh set starts at 3/8, the held-out set at 1/2
# (ending before 5/8 at its 16 items), the validation set at 3/4 (ending before 7/8 at its 12 items).
CHORALES34_PARTS = ((1 / 8, 3 / 8), (5 / 8, 3 / 4), (7 / 8, 1.0))
CHORALES34_ARRS = ("piano", "strings", "band", "guitar", "organ")

# ``--triple``: the 3/4 chorales of the list that no item of any other set uses (main and held-out
# sets at --n 48, validation and fresh at 12, chorales34 at 24; found by running their ``make_item``),
# and music21's string-quartet movements in one time signature, 3/4 and 4/4.
TRIPLE_CHORALES = ("bwv11.6", "bwv122.6", "bwv145.5", "bwv153.9", "bwv269", "bwv282", "bwv299", "bwv306",
                   "bwv349", "bwv65.2")  # fmt: skip
TRIPLE_QUARTETS = {
    "3/4": ("haydn/opus1no1/movement2.mxl", "mozart/k80/movement3.mxl", "haydn/opus74no1/movement3.mxl",
            "mozart/k155/movement2.mxl", "mozart/k156/movement3.mxl", "beethoven/opus59no3/movement3.mxl",
            "mozart/k458/movement2.mxl", "haydn/opus1no1/movement4.mxl", "mozart/k80/movement1.mxl",
            "beethoven/opus59no2/movement3.mxl"),
    "4/4": ("haydn/opus74no1/movement1.mxl", "mozart/k156/movement2.mxl", "mozart/k80/movement2.mxl",
            "mozart/k155/movement1.mxl", "haydn/opus1no1/movement3.mxl", "mozart/k458/movement3.mxl",
            "beethoven/opus59no2/movement2.mxl"),
}  # fmt: skip


def _chorale_paths() -> list[str]:
    from music21 import corpus

    paths: dict[str, str] = {}
    for p in sorted(str(p) for p in corpus.getComposer("bach")):
        if Path(p).name.startswith("bwv") and Path(p).suffix == ".mxl":
            paths.setdefault(Path(p).stem, p)  # one file per chorale
    return list(paths.values())


class Library:
    """Deterministic, lazily loaded pools of usable sources per kind.

    ``heldout`` draws from pieces the main corpus never uses (the second half of the chorales,
    other books of O'Neill's collection), for checking that figures are not tuned to the corpus.
    ``validation`` draws from pieces neither uses (the last quarter of the chorales, Aird's Airs),
    and harmonises every tune itself.
    """

    def __init__(
        self,
        *,
        heldout: bool = False,
        validation: bool = False,
        fresh: bool = False,
        chorales34: bool = False,
        triple: bool = False,
    ) -> None:
        self._chorales = _chorale_paths()
        self.heldout = heldout
        self.validation = validation
        self.fresh = fresh
        self.chorales34 = chorales34
        self.triple = triple
        n_ch = len(self._chorales)
        if chorales34:
            self._chorales = [p for i, p in enumerate(self._chorales)
                              if any(a * n_ch <= i < b * n_ch for a, b in CHORALES34_PARTS)]  # fmt: skip
        if triple:  # the unused 3/4 chorales, and the last eighth of the list for 4/4 pairs
            self._chorales = [p for i, p in enumerate(self._chorales)
                              if Path(p).stem in TRIPLE_CHORALES or i >= 7 * n_ch // 8]  # fmt: skip
            self._quartets = {m: 0 for m in TRIPLE_QUARTETS}
        if chorales34 or triple:
            self._pool: dict[str, list[Source]] = {}  # meter -> usable chorales, in list order
            self._pairs: dict[str, list[tuple[Source, Source]]] = {}
            self._scanned = 0
        self._ci = 3 * n_ch // 4 if validation else n_ch // 2 if heldout else 3 * n_ch // 8 if fresh else 0
        if fresh:
            def mix(a: list, b: list) -> list:  # alternate two collections
                out = [x for pair in zip(a, b) for x in pair]
                return out + a[len(b):] + b[len(a):]

            self._abc = {
                "reel": mix([("oneills1850/1176-1275.abc", n) for n in range(1176, 1276)],
                            [("airdsAirs/book3.abc", n) for n in range(401, 601)]),
                "air34": mix([("oneills1850/0051-0100.abc", n) for n in range(51, 101)]
                             + [("oneills1850/0501-0550.abc", n) for n in range(501, 551)],
                             [("airdsAirs/book4.abc", n) for n in range(601, 801)]),
                "jig68": mix([("oneills1850/1031-1115.abc", n) for n in range(1031, 1116)],
                             [("airdsAirs/book1.abc", n) for n in range(1, 201)]),
            }  # fmt: skip
        elif validation:
            self._abc = {
                "reel": [("airdsAirs/book5.abc", n) for n in range(801, 1001)]
                + [("airdsAirs/book6.abc", n) for n in range(1001, 1181)],
                "air34": [("airdsAirs/book5.abc", n) for n in range(801, 1001)]
                + [("airdsAirs/book6.abc", n) for n in range(1001, 1181)],
                "jig68": [("airdsAirs/book2.abc", n) for n in range(201, 401)],
            }
        elif heldout:
            self._abc = {
                "reel": [("oneills1850/0351-0400.abc", n) for n in range(351, 401)]
                + [("oneills1850/0401-0486.abc", n) for n in range(401, 487)],
                "air34": [("oneills1850/0001-0050.abc", n) for n in range(1, 51)]
                + [("oneills1850/0301-0350.abc", n) for n in range(301, 351)],
                "jig68": [("oneills1850/0900-0950.abc", n) for n in range(900, 951)],
            }
        else:
            self._abc = {
                "reel": [("nottingham-dataset/reelsa-c.abc", n) for n in (80, 81)]
                + [("oneills1850/0201-0300.abc", n) for n in range(201, 301)],
                "air34": [("oneills1850/0101-0200.abc", n) for n in range(101, 201)],
                "jig68": [("oneills1850/0811-0899.abc", n) for n in range(811, 900)],
            }
        self._ai = {k: 0 for k in self._abc}

    def chorale(self, meter: str | None = None) -> Source:
        while self._ci < len(self._chorales):
            path = self._chorales[self._ci]
            self._ci += 1
            try:
                src = load_chorale(path)
            except Exception:
                continue
            if src and (meter is None or src.meter == meter) and src.n_bars >= 6:
                src.name = Path(path).stem
                return src
        raise RuntimeError("ran out of chorales")

    def chorale_pair(self, meter: str, k: int) -> tuple[Source, Source]:
        """The k-th pair of chorales in ``meter`` of one mode (``chorales34``): each chorale paired once,
        with the next unpaired one of its mode; when the pairs run out, the k-th is an earlier one the
        other way round."""
        pairs = self._pairs.setdefault(meter, [])
        while len(pairs) <= k and self._scanned < len(self._chorales):
            path = self._chorales[self._scanned]
            self._scanned += 1
            try:
                src = load_chorale(path)
            except Exception:
                continue
            if not src or src.n_bars < 6:
                continue
            if self.triple and src.meter == "3/4" and Path(path).stem not in TRIPLE_CHORALES:
                continue  # the last eighth's 3/4 chorales are the held-out set's
            src.name = Path(path).stem
            pool = self._pool.setdefault(src.meter, [])
            mate = next((c for c in pool if c.mode == src.mode), None)
            if mate is None:
                pool.append(src)
            else:
                pool.remove(mate)
                self._pairs.setdefault(src.meter, []).append((mate, src))
        if not pairs:
            raise RuntimeError(f"no pair of {meter} chorales")
        a, b = pairs[k % len(pairs)]
        return (a, b) if (k // len(pairs)) % 2 == 0 else (b, a)

    def quartet(self, meter: str) -> Source:
        """The next string-quartet movement in ``meter`` (``triple``), from the start again when used up."""
        names = TRIPLE_QUARTETS[meter]
        for _ in range(len(names)):
            path = names[self._quartets[meter] % len(names)]
            self._quartets[meter] += 1
            src = load_chorale(path)  # four parts in one time signature, as a chorale
            if src and src.meter == meter:
                src.name = path.removesuffix(".mxl").replace("/", "-")
                return src
        raise RuntimeError(f"no {meter} quartet movement")

    def tune(self, kind: str, min_bars: int) -> Source:
        want = {"reel": "4/4", "air34": "3/4", "jig68": "6/8"}[kind]
        pool = self._abc[kind]
        while self._ai[kind] < len(pool):
            path, num = pool[self._ai[kind]]
            self._ai[kind] += 1
            try:
                src = load_abc(path, num)
            except Exception:
                continue
            if src and src.meter == want and src.n_bars >= min_bars and _clean_bars(src, min_bars):
                if self.validation or path.startswith("airdsAirs"):
                    src.symbols = []  # Aird's quoted words are tempo marks, not chords
                return src
        raise RuntimeError(f"ran out of {kind} tunes")


def _clean_bars(src: Source, n: int) -> bool:
    """The tune fills the first n bars with notes (no long gaps from broken measures)."""
    covered = np.zeros(int(n * src.bar_ql * 4))
    for on, d, _ in src.melody:
        a, b = int(on * 4), int(min((on + d) * 4, covered.size))
        covered[a:b] = 1
    return covered.mean() > 0.9


def _transpose(notes, semis):
    return [(*n[:2], n[2] + semis, *n[3:]) for n in notes]


def _transpose_label(label: str, semis: int) -> str:
    if label == "N":
        return label
    r, q = label.split(":")
    return f"{NAMES[(NAMES.index(r) + semis) % 12]}:{q}"


def make_item(i: int, lib: Library, *, seed: int = 1234, rotate: int = 0) -> tuple[dict, list]:
    """Ground truth and note events of item ``i`` (deterministic in ``i``, ``seed`` and ``rotate``)."""
    rng = np.random.default_rng(seed + i)
    kind = "chorale" if lib.chorales34 else KINDS[i % len(KINDS)]
    triple_meter = "4/4" if i % 4 == 3 else "3/4"
    if lib.triple:
        # 3/4: chorale pairs and quartet movements alternating until the eight chorale items (four
        # pairs, both ways round) are used, and again past the default set's items, where the pairs
        # play their later phrases; 4/4 controls: a quartet movement, then a chorale pair.
        j = 3 * (i // 4) + i % 4  # index among the 3/4 items
        c = i // 4  # index among the 4/4 items
        if triple_meter == "3/4":
            kind = "chorale" if j % 2 == 0 and (j // 2 < 8 or i >= TRIPLE_N) else "quartet"
        else:
            kind = "quartet" if c % 2 == 0 else "chorale"
    arrs = FRESH_ARRS if lib.fresh else VALIDATION_ARRS if lib.validation else ARRS
    # Five arrangements over four kinds: step two per round so that each kind meets several.
    step = 2 if lib.fresh else 1
    arrangement = arrs[(i % len(KINDS) + step * (i // len(KINDS)) + rotate) % len(arrs)]
    if lib.chorales34:  # 3/4 and 4/4 items alternate; each meter goes through the five arrangements
        arrangement = CHORALES34_ARRS[(i // 2 + 2 * (i % 2)) % len(CHORALES34_ARRS)]
    if lib.triple:  # the 4/4 items (every fourth) and each run of three 3/4 items go through all five
        arrangement = CHORALES34_ARRS[(i + 2 * (i // 4)) % len(CHORALES34_ARRS)]
    if kind == "jig68":
        # dotted quarters
        bpm = float(rng.integers(*((50, 101) if lib.fresh else (56, 97) if lib.validation else (60, 91))))
    else:
        bpm = float(rng.integers(*((50, 161) if lib.fresh else (64, 145) if lib.validation
                                   else (56, 145) if lib.chorales34 else (56, 181) if lib.triple
                                   else (60, 141))))  # fmt: skip
    qpm = bpm * (1.5 if kind == "jig68" else 1.0)
    if kind == "chorale":
        if lib.triple:
            a, b = lib.chorale_pair(triple_meter, j // 2 if triple_meter == "3/4" else c // 2)
        elif lib.chorales34:
            a, b = lib.chorale_pair("3/4" if i % 2 == 0 else "4/4", i // 2)
        else:
            # The held-out and validation sets ask for a 3/4 chorale every other time (the main set has none).
            a = lib.chorale("3/4" if (lib.heldout or lib.validation or lib.fresh) and (i // len(KINDS)) % 2 else None)
            b = lib.chorale(a.meter)
            while b.mode != a.mode:
                b = lib.chorale(a.meter)
        beat_ql = 1.0
        meter, bar_ql = a.meter, a.bar_ql
        bars = max(2, min(6, int(round(30.0 * qpm / 60.0 / bar_ql / 3))))
        shift = (a.tonic - b.tonic + 6) % 12 - 6
        # ``--triple`` past its first eight chorale items: each pair's phrases from bar 4, 8, ... on
        bar0 = min(4 * (j // 2 // 8), a.n_bars - bars, b.n_bars - bars) if lib.triple and meter == "3/4" else 0
        plan = [(a, bar0, 0), (b, bar0, shift), (a, bar0, 0)]
        label = f"{a.name}+{b.name}" + (f"@bar{bar0 + 1}" if bar0 else "")
        tonic, mode = a.tonic, a.mode
    elif kind == "quartet":
        # A movement's opening bars, the next ones, then (when short) the opening again, as the tunes.
        a = lib.quartet(triple_meter)
        beat_ql = 1.0
        meter, bar_ql = a.meter, a.bar_ql
        bars = max(4, min(8, int(round(30.0 * qpm / 60.0 / bar_ql / 2))))
        plan = [(a, 0, 0), (a, bars, 0)]
        if bars * 2 * bar_ql * 60 / qpm < 22:
            plan.append((a, 0, 0))
        label = a.name
        tonic, mode = a.tonic, a.mode
    else:
        meter = {"reel": "4/4", "air34": "3/4", "jig68": "6/8"}[kind]
        bar_ql = {"4/4": 4.0, "3/4": 3.0, "6/8": 3.0}[meter]
        beat_ql = 1.5 if meter == "6/8" else 1.0
        bars = max(4, min(8, int(round(30.0 * qpm / 60.0 / bar_ql / 2))))
        a = lib.tune(kind, 2 * bars)
        plan = [(a, 0, 0), (a, bars, 0)]
        if bars * 2 * bar_ql * 60 / qpm < 22:
            plan.append((a, 0, 0))
        label = a.name
        tonic, mode = a.tonic, a.mode

    events: list = []
    lead: list = []
    chords: list = []
    sections: list = []
    t = 0.0
    for k, (src, bar0, shift) in enumerate(plan):
        texture = k % 2
        lo, hi = bar0 * src.bar_ql, (bar0 + bars) * src.bar_ql
        seg_lead = [(on - lo + t, min(d, hi - on), m + shift) for on, d, m in src.melody if lo - 1e-6 <= on < hi - 1e-6]
        lead += seg_lead
        if kind in ("chorale", "quartet"):
            seg_ch = [(s, e, _transpose_label(c, shift)) for s, e, c in chordify_chords(src, bar0, bars, beat_ql)]
            for on, d, m, v in src.voices:
                if lo - 1e-6 <= on < hi - 1e-6:
                    ch = {1: 0, 2: 0 if arrangement == "strings" else 1, 3: 2}[v]  # bowed, not pizzicato
                    vel = 72 + 8 * texture
                    events.append((on - lo + t, min(d, hi - on) * 0.97, m + shift, vel, ch))
        else:
            seg_ch = symbol_chords(src, bar0, bars) if src.symbols else harmonise(src, bar0, bars)
            events += accompaniment(seg_ch, meter=meter, bar_ql=bar_ql, arrangement=arrangement, texture=texture, t0=t)
        if arrangement == "band":
            events += drums(t, bars, meter=meter, bar_ql=bar_ql, texture=texture)
        chords += [(s + t, e + t, c) for s, e, c in seg_ch]
        sections.append((t, t + bars * bar_ql, "A" if k % 2 == 0 else "B"))
        t += bars * bar_ql

    sec_per_ql = 60.0 / qpm
    music_s = t * sec_per_ql
    duration = music_s + TAIL_S
    beat_s = beat_ql * sec_per_ql
    n_beats = int(round(t / beat_ql))
    beats = [k * beat_s for k in range(n_beats)]
    downbeats = [k * bar_ql * sec_per_ql for k in range(int(round(t / bar_ql)))]
    chords_s = [(s * sec_per_ql, e * sec_per_ql, c) for s, e, c in merge(chords)]
    chords_s.append((music_s, duration, "N"))
    sect = [(s * sec_per_ql, e * sec_per_ql, lab) for s, e, lab in sections]
    sect[-1] = (sect[-1][0], duration, sect[-1][2])
    programs = dict(ARRANGEMENTS[arrangement])
    truth = {
        "id": f"{i:03d}-{kind}-{arrangement}",
        "source": label,
        "kind": kind,
        "arrangement": arrangement,
        "duration": round(duration, 4),
        "tempo": bpm,
        "meter": meter,
        "beats": [round(x, 4) for x in beats],
        "downbeats": [round(x, 4) for x in downbeats],
        "key": f"{NAMES[tonic]} {mode}",
        "chords": [[round(s, 4), round(e, 4), c] for s, e, c in chords_s],
        "sections": [[round(s, 4), round(e, 4), lab] for s, e, lab in sect],
        "lead": [[round(on * sec_per_ql, 4), round((on + d) * sec_per_ql, 4), int(m)] for on, d, m in lead],
    }
    return truth, (events, qpm, programs)


def generate(
    n: int,
    out: Path,
    *,
    heldout: bool = False,
    validation: bool = False,
    fresh: bool = False,
    chorales34: bool = False,
    triple: bool = False,
) -> list[dict]:
    items_dir = out / "items"
    items_dir.mkdir(parents=True, exist_ok=True)
    lib = Library(heldout=heldout, validation=validation, fresh=fresh, chorales34=chorales34, triple=triple)
    seed = (343 if triple else 34 if chorales34 else 31415 if fresh else 20261206 if validation
            else 98765 if heldout else 1234)  # fmt: skip
    index = []
    for i in range(n):
        truth, (events, qpm, programs) = make_item(i, lib, seed=seed, rotate=int(heldout))
        with tempfile.TemporaryDirectory() as tmp:
            mid = Path(tmp) / "item.mid"
            write_midi(events, qpm=qpm, programs=programs, path=mid)
            y = render(mid, truth["duration"])
        audio = items_dir / f"{truth['id']}.flac"
        sf.write(audio, y, SR, subtype="PCM_16")
        truth["audio"] = audio.name
        (items_dir / f"{truth['id']}.json").write_text(json.dumps(truth, indent=1))
        index.append({k: truth[k] for k in ("id", "source", "kind", "arrangement", "meter", "tempo", "key", "duration")})
        print(f"{truth['id']:24s} {truth['meter']} {truth['tempo']:5.0f} BPM {truth['key']:9s} "
              f"{truth['duration']:5.1f} s  {truth['source']}", flush=True)  # fmt: skip
    (out / "index.json").write_text(json.dumps(index, indent=1))
    return index


HELDOUT = Path(__file__).resolve().parent / ".corpus-heldout"
VALIDATION = Path(__file__).resolve().parent / ".corpus-validation"
FRESH = Path(__file__).resolve().parent / ".corpus-fresh"
CHORALES34 = Path(__file__).resolve().parent / ".corpus-chorales34"
TRIPLE = Path(__file__).resolve().parent / ".corpus-triple"
VALIDATION_N = 12
FRESH_N = 12
CHORALES34_N = 24
TRIPLE_N = 24


def load(
    out: Path = OUT,
    n: int | None = None,
    *,
    heldout: bool = False,
    validation: bool = False,
    fresh: bool = False,
    chorales34: bool = False,
    triple: bool = False,
) -> list[tuple[dict, Path]]:
    """The corpus items (ground truth, audio path), generating the corpus first when missing."""
    index_path = out / "index.json"
    if not index_path.exists() or (n is not None and len(json.loads(index_path.read_text())) < n):
        default_n = (TRIPLE_N if triple else CHORALES34_N if chorales34 else FRESH_N if fresh
                     else VALIDATION_N if validation else 16)  # fmt: skip
        generate(n or default_n, out, heldout=heldout, validation=validation, fresh=fresh, chorales34=chorales34,
                 triple=triple)  # fmt: skip
    return read_index(out, n)


def read_index(out: Path, n: int | None = None) -> list[tuple[dict, Path]]:
    """The items of a set already rendered in ``out`` (ground truth, audio path), its first ``n``."""
    index = json.loads((out / "index.json").read_text())[: n or None]
    items = []
    for row in index:
        truth = json.loads((out / "items" / f"{row['id']}.json").read_text())
        items.append((truth, out / "items" / truth["audio"]))
    return items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--n", type=int, default=None,
        help=f"number of items (16; {VALIDATION_N} --validation, {FRESH_N} --fresh, {CHORALES34_N} --chorales34, "
        f"{TRIPLE_N} --triple)",
    )  # fmt: skip
    ap.add_argument(
        "--out", type=Path, default=None,
        help="default .corpus (.corpus-heldout, -validation, -fresh, -chorales34, -triple)",
    )
    sets = ap.add_mutually_exclusive_group()
    sets.add_argument("--heldout", action="store_true", help="other pieces, tempos and arrangements")
    sets.add_argument("--validation", action="store_true", help="a third set nobody tunes on")
    sets.add_argument("--fresh", action="store_true", help="a fourth set, for checking only")
    sets.add_argument("--chorales34", action="store_true", help="chorales in 3/4 and 4/4 for tuning the meter")
    sets.add_argument("--triple", action="store_true", help="3/4 chorales and quartets (4/4 controls) no set uses")
    args = ap.parse_args()
    out = args.out or (TRIPLE if args.triple else CHORALES34 if args.chorales34 else FRESH if args.fresh
                       else VALIDATION if args.validation else HELDOUT if args.heldout else OUT)  # fmt: skip
    n = args.n or (TRIPLE_N if args.triple else CHORALES34_N if args.chorales34 else FRESH_N if args.fresh
                   else VALIDATION_N if args.validation else 16)  # fmt: skip
    generate(n, out, heldout=args.heldout, validation=args.validation, fresh=args.fresh, chorales34=args.chorales34,
             triple=args.triple)  # fmt: skip


if __name__ == "__main__":
    main()
