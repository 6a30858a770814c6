"""Shared pieces of the quality benchmarks: corpus items, lyrics, ground-truth Analysis, mir_eval scores."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import mir_eval
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

from topline.music.types import Analysis  # noqa: E402

LINES = [
    "I walked along the river in the morning light",
    "the city was asleep and everything was right",
    "you called my name across the water",
    "and I believed the night was over",
    "hold me closer when the winter comes",
    "sing the songs we used to know",
    "every silver star is shining",
    "I will never let you go",
    "running through the fire on a broken road",
    "nothing left to lose and nowhere else to go",
]

# Lines no voice or mix change was ever tuned on (``bench_sing.py --lyrics heldout``): other words,
# consonant clusters, names and numbers, fewer stock phrases.
LINES_HELDOUT = [
    "the bakery on Fifth Street opens up at six",
    "my brother fixed the radio with copper wire",
    "we counted thirty freight cars crossing in the rain",
    "she painted yellow circles on the kitchen door",
    "a paper crown is sitting crooked on your head",
    "the dentist said my teeth were better than expected",
    "grab your jacket and the keys before the taxi leaves",
    "Margaret was dancing barefoot in the parking lot",
    "the ferry whistle echoes from the harbor wall",
    "I burned the toast again and opened every window",
    "plastic flamingos guard the garden of the motel",
    "nobody answers when I knock on Thursday nights",
]

# Lines written the way users write them, for validation only (``--lyrics validation``): measured at the
# start and at the end of a piece of work, never tuned on.  Varied lengths, names, contractions,
# sibilant and plosive onsets, a couple of long lines.
LINES_VALIDATION = [
    "she said she'd call me when the summer's over",
    "Peter's truck broke down outside of Tucson",
    "don't tell me that you didn't know",
    "so we drove all night with the windows down and the radio playing songs we couldn't stand",
    "sister Sarah sold her silver ring to pay the rent",
    "cold coffee on the counter",
    "I've been waiting by the phone since half past ten",
    "Jimmy's got a brand new guitar and a girl who doesn't care",
    "shadows stretch across the schoolyard fence",
    "baby it's alright, we're gonna dance until the sky turns blue",
    "tell me why",
    "the last train to Chicago leaves at a quarter after midnight and I'm not on it",
]

# Lines for checking only (``--lyrics fresh``), written for the diction work (stops on fast notes,
# word-initial consonants) before anything was sung with them, and never tuned on: names, numbers
# written as words, consonant clusters, quick syllables, a few short function words.
LINES_FRESH = [
    "Katie kept a picture of her father in her pocket",
    "we split the check at twelve and caught the last bus east",
    "forty miles of static on the stereo tonight",
    "Tracy sent me twenty-seven texts before the sunrise",
    "crickets sing out past the stop sign by the creek",
    "don't stop, just keep it spinning round and round",
    "Daniel packed his sketches and the tickets for the flight",
    "she kissed me quick and stepped into the crowded street",
    "nineteen postcards from a city called Prague",
    "Chris and I got stuck in traffic on the bridge",
    "hey what's the matter baby, talk to me",
    "a thousand little sparks went up from the campfire",
]


def by_material(rows: list, *, key=lambda r: (r["kind"], r["gender"])):
    """The rows of each material and gender in table order (corpus m, corpus f, real m, real f), as
    ``(kind, gender, rows)``; groups with no row are left out. ``key`` gives a row's (kind, gender)."""
    for kind in ("corpus", "real"):
        for g in "mf":
            sel = [r for r in rows if key(r) == (kind, g)]
            if sel:
                yield kind, g, sel


def lyric_lines(name: str) -> list[str]:
    """A set of benchmark lyric lines by name: ``main`` (the lines the engine was developed on),
    ``heldout`` (lines kept for checking on words never tuned on) or ``validation`` (lines written as
    users write, measured only before and after a piece of work) or ``fresh`` (lines written for the diction
    work before it was measured, for checking only)."""
    return {"main": LINES, "heldout": LINES_HELDOUT, "validation": LINES_VALIDATION, "fresh": LINES_FRESH}[name]


def lyric_prompt(duration: float, i: int, *, pool: list[str] = LINES) -> str:
    """Given lyrics sized to the item: about one line per 4.5 s from ``pool``, a verse then a chorus."""
    n = int(np.clip(round(duration / 4.5), 4, 8))
    lines = [pool[(i + k) % len(pool)] for k in range(n)]
    half = n // 2
    return "[Verse]\n" + "\n".join(lines[:half]) + "\n\n[Chorus]\n" + "\n".join(lines[half:])


def input_words(prompt: str) -> list[str]:
    """The words of a lyric prompt as a user reads them: tokens with a letter or digit, tags left out."""
    out = []
    for line in prompt.splitlines():
        s = line.strip()
        if not s or re.fullmatch(r"\[[^\]]*\]", s):
            continue
        if s.startswith("(") and s.endswith(")"):
            s = s[1:-1]
        out += [t for t in s.split() if re.search(r"\w", t)]
    return out


def aligned_texts(aligned: list[dict]) -> list[str]:
    """Word texts of kie's alignedWords, the "[Tag]\\n" prefix of a section's first word removed."""
    return [w["word"].split("\n")[-1] for w in aligned]


def aligned_texts_once(aligned: list[dict]) -> list[str]:
    """``aligned_texts`` with every section sung again left out: a section (from one tagged word to the
    next) whose words equal an earlier section's is a repeat (a returning chorus), which lyric fidelity
    allows."""
    sections: list[list[str]] = []
    for w in aligned:
        if "\n" in w["word"] or not sections:
            sections.append([])
        sections[-1].append(w["word"].split("\n")[-1])
    out, seen = [], []
    for sec in sections:
        if sec in seen:
            continue
        seen.append(sec)
        out += sec
    return out


def truth_analysis(truth: dict) -> Analysis:
    """The ground truth as an ``Analysis`` (for ``compose`` and ``melody_fit``)."""
    return Analysis(
        duration=float(truth["duration"]),
        tempo=float(truth["tempo"]),
        meter=truth["meter"],
        beats=list(truth["beats"]),
        downbeats=list(truth["downbeats"]),
        key=truth["key"],
        chords=[(float(s), float(e), str(c)) for s, e, c in truth["chords"]],
        sections=[(float(s), float(e), "verse", 0.5) for s, e, _ in truth["sections"]],
        loudness_lufs=-14.0,
    )


def grid16(truth: dict) -> np.ndarray:
    """The true beat grid subdivided in 4, extended by one beat at each end."""
    b = np.asarray(truth["beats"], dtype=float)
    period = float(np.median(np.diff(b)))
    b = np.concatenate([[b[0] - period], b, [b[-1] + period]])
    return np.append((b[:-1, None] + np.diff(b)[:, None] * (np.arange(4) / 4)).ravel(), b[-1])


def snap_to_grid(score, grid: np.ndarray, tol: float = 0.035):
    """A copy of ``score`` whose note starts and ends within ``tol`` of the grid are moved onto it.

    ``melody_fit`` already judges the note starting within 35 ms of each strong beat; this copy is
    kept for comparison with earlier runs, when it judged the note sounding at the exact instant.
    """
    import dataclasses

    def snap(t: float) -> float:
        j = int(np.argmin(np.abs(grid - t)))
        return float(grid[j]) if abs(grid[j] - t) <= tol else t

    notes = [dataclasses.replace(n, start=snap(n.start), end=snap(n.end)) for n in score.notes]
    return dataclasses.replace(score, notes=notes)


def chord_score(truth: dict, chords: list) -> tuple[float, float]:
    """(majmin accuracy, scored duration) of estimated chord segments against the truth."""
    ref_int = np.array([[s, e] for s, e, _ in truth["chords"]], dtype=float)
    ref_lab = [c for _, _, c in truth["chords"]]
    est_int = np.array([[s, e] for s, e, _ in chords], dtype=float)
    est_lab = [c for _, _, c in chords]
    est_int, est_lab = mir_eval.util.adjust_intervals(
        est_int, est_lab, ref_int.min(), ref_int.max(), mir_eval.chord.NO_CHORD, mir_eval.chord.NO_CHORD
    )
    intervals, ref, est = mir_eval.util.merge_labeled_intervals(ref_int, ref_lab, est_int, est_lab)
    durations = mir_eval.util.intervals_to_durations(intervals)
    comps = mir_eval.chord.majmin(ref, est)
    scored = float(durations[comps >= 0].sum())
    return float(mir_eval.chord.weighted_accuracy(comps, durations)), scored


def section_scores(truth: dict, sections: list) -> dict:
    """Boundary detection at +-3 s: F with the song's start and end left out (trim) and kept."""
    ref = np.array([[s, e] for s, e, _ in truth["sections"]], dtype=float)
    est = np.array([[s, e] for s, e, *_ in sections], dtype=float)
    p, r, f = mir_eval.segment.detection(ref, est, window=3.0, trim=True)
    _, _, f_all = mir_eval.segment.detection(ref, est, window=3.0, trim=False)
    return {"P": float(p), "R": float(r), "F": float(f), "F_untrimmed": float(f_all)}


def beat_scores(truth: dict, beats: list, downbeats: list) -> dict:
    ref_b, ref_d = np.asarray(truth["beats"]), np.asarray(truth["downbeats"])
    est_b, est_d = np.asarray(beats, dtype=float), np.asarray(downbeats, dtype=float)
    out = {
        "beat_F": float(mir_eval.beat.f_measure(ref_b, est_b, f_measure_threshold=0.07)),
        "downbeat_F": float(mir_eval.beat.f_measure(ref_d, est_d, f_measure_threshold=0.07)),
    }
    # diagnosis: the estimated beats' median lead/lag (ms) against the nearest true beat
    if est_b.size and ref_b.size:
        near = ref_b[np.clip(np.searchsorted(ref_b, est_b), 1, ref_b.size - 1) - 1]
        nxt = ref_b[np.clip(np.searchsorted(ref_b, est_b), 0, ref_b.size - 1)]
        d = np.where(np.abs(est_b - near) < np.abs(est_b - nxt), est_b - near, est_b - nxt)
        out["beat_offset_ms"] = float(1000 * np.median(d))
    # diagnosis: how far (in beats) the estimated bar lines sit from the true ones
    if est_d.size and ref_b.size > 1:
        period = float(np.median(np.diff(ref_b)))
        bar = float(np.median(np.diff(ref_d))) if ref_d.size > 1 else period
        off = [((d - ref_d[0]) % bar) / period for d in est_d]
        out["downbeat_offset_beats"] = float(np.median(np.round(off, 0) % round(bar / period)))
    return out


def key_score(truth: dict, key: str) -> float:
    return float(mir_eval.key.weighted_score(truth["key"], key))


def load_items(n: int | None, *, heldout: bool = False) -> list[tuple[dict, Path]]:
    return corpus.load(corpus.HELDOUT if heldout else corpus.OUT, n)
