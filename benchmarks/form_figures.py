"""The form figures of ``quality.md`` for one composed score against the analysis it was composed on.

Bars are the analysis bars (``make_grid``); a bar is sung when a note starts in it or sounds in it for
at least a quarter of a beat; a bar is a lead bar when the analysis lead regions cover half of it.

- sung share: sung bars / bars between the first and the last section that is not intro or outro;
- holes: longest run of unsung bars after the first note, to the end of the track, lead bars excepted
  (a lead bar ends a run: the instrumental fills it);
- chorus: how many chorus (or hook) sections are sung, repeats included (the tagged section starts of
  the score's alignedWords);
- room for the lead: sung time inside lead regions / sung time; ``free_room`` when lead bars are at most
  40 % of the span: with a lead on a share f of the bars, 70 % of the bars sung and at most 15 % of the
  sung time over the lead can only hold together while 1 - f >= 0.7 / (1 + 0.15 / 0.85), f <= 0.405
  (the planner still rests for the lead up to 60 %, ``LEAD_EVERYWHERE``, and sings under it above);
- first note: not before 0.15 s, not more than one beat before the first beat;
- onset overlap of two variants: share of one's onsets within 35 ms of an onset of the other, mean of
  both directions.
"""

from __future__ import annotations

import numpy as np

from topline.music.compose.grid import make_grid
from topline.music.types import Analysis, Score

TOL = 0.035


def _bar_edges(analysis: Analysis) -> np.ndarray:
    grid = make_grid(analysis)
    t = np.array([grid.time(int(b)) for b in grid.bars if 0 <= b < grid.n])
    edges = np.append(t, analysis.duration)
    if edges.size > 2:
        med = float(np.median(np.diff(edges[:-1])))
        if edges[-1] - edges[-2] < 0.75 * med:
            edges = edges[:-1]
    return edges


def choruses_sung(score: Score, lyrics) -> int:
    """How many chorus (or hook) sections a score sings: the tagged section starts of its alignedWords."""
    from topline.music.lyrics.parse import tag_kind
    from topline.music.score_io import aligned_words

    return sum(1 for w in aligned_words(score, lyrics)
               if "\n" in w["word"] and tag_kind(w["word"].split("\n")[0].strip("[]")) in ("chorus", "hook"))


def form_fit(score: Score, analysis: Analysis, lyrics=None) -> dict:
    edges = _bar_edges(analysis)
    nb = edges.size - 1
    beats = np.asarray(sorted(analysis.beats), dtype=float)
    period = float(np.median(np.diff(beats))) if beats.size > 1 else 60.0 / analysis.tempo
    sung = np.zeros(nb, dtype=bool)
    for n in score.notes:
        a = int(np.searchsorted(edges, n.start, side="right")) - 1
        if 0 <= a < nb:
            sung[a] = True
        for k in range(max(a, 0), nb):
            if edges[k] >= n.end:
                break
            if min(n.end, edges[k + 1]) - max(n.start, edges[k]) >= 0.25 * period:
                sung[k] = True
    lead = np.zeros(nb, dtype=bool)
    for k in range(nb):
        cover = sum(max(0.0, min(e, edges[k + 1]) - max(s, edges[k])) for s, e in analysis.lead_regions)
        lead[k] = cover >= 0.5 * (edges[k + 1] - edges[k])
    inner = [(s, e) for s, e, lab, _ in analysis.sections if lab not in ("intro", "outro")]
    lo, hi = (inner[0][0], inner[-1][1]) if inner else (0.0, analysis.duration)
    mid = 0.5 * (edges[:-1] + edges[1:])
    span = (mid >= lo) & (mid < hi)
    share = float(sung[span].mean()) if span.any() else 0.0
    lead_span = float(lead[span].mean()) if span.any() else 0.0
    notes = score.notes
    hole = 0
    if notes:
        k0 = int(np.searchsorted(edges, notes[0].start, side="right")) - 1
        run = 0
        for k in range(max(k0, 0), nb):
            run = run + 1 if not sung[k] and not lead[k] else 0
            hole = max(hole, run)
    chorus = choruses_sung(score, lyrics) if lyrics is not None else 0
    sung_t = sum(n.end - n.start for n in notes)
    in_lead = sum(max(0.0, min(n.end, e) - max(n.start, s)) for n in notes for s, e in analysis.lead_regions)
    first_beat = float(beats[0]) if beats.size else 0.0
    first = notes[0].start if notes else float("inf")
    return {
        "sung_share": share,
        "hole_bars": hole,
        "chorus": chorus,
        "lead_share": in_lead / sung_t if sung_t > 0 else 0.0,
        "lead_bars": lead_span,
        "free_room": lead_span <= 0.4,
        "first_note_s": first,
        "first_ok": bool(first >= 0.15 - 1e-6 and first >= first_beat - period - 0.01),
        "bars": int(span.sum()),
    }


def onset_overlap(a: Score, b: Score) -> float:
    def one_way(x: Score, y: Score) -> float:
        if not x.notes:
            return 0.0
        ys = np.array([n.start for n in y.notes] or [np.inf])
        xs = [n.start for n in x.notes]
        return float(np.mean([np.min(np.abs(ys - t)) <= TOL for t in xs])) if xs else 0.0

    return 0.5 * (one_way(a, b) + one_way(b, a))
