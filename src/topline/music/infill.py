"""Replacing a section of a sung track: the span snapped to bars, the instrumental's analysis of
that span, and the song's score and lyrics with new lines sung there.

Pure functions over the layer contracts (``Analysis``, ``Lyrics``, ``Score``); the audio side
is ``production.splice`` and the orchestration ``topline.replace``.
"""

from __future__ import annotations

from dataclasses import replace as dc_replace

import numpy as np

from .types import Analysis, Line, LyricSection, Lyrics, Note, Score, Word


def snap_span(downbeats: list[float], start: float, end: float, *, duration: float) -> tuple[float, float]:
    """The bar lines nearest ``start`` and ``end`` (the track's ends count as bar lines).

    Parameters
    ----------
    downbeats : list of float
        Bar starts in seconds (``Analysis.downbeats``).
    start, end : float
        The span asked for, seconds, ``start < end``.
    duration : float
        The track's length.

    Returns
    -------
    (float, float)
        The snapped span; never empty: when both ends snap to the same bar line, the end
        moves to the next one (or the start to the previous one).
    """
    lines = np.unique(np.clip(np.r_[0.0, np.asarray(downbeats, dtype=float), duration], 0.0, duration))
    i = int(np.argmin(np.abs(lines - start)))
    j = int(np.argmin(np.abs(lines - end)))
    if j <= i:
        if i + 1 < lines.size:
            j = i + 1
        else:
            i, j = max(0, i - 1), i
    return float(lines[i]), float(lines[j])


def crop_analysis(analysis: Analysis, start: float, end: float) -> Analysis:
    """The analysis of ``[start, end)`` with times from 0 (the span as a song of its own, for the
    composer)."""

    def times(ts: list[float]) -> list[float]:
        return [t - start for t in ts if start - 1e-6 <= t < end - 1e-6]

    def spans(items, n_extra: int):
        out = []
        for it in items:
            a, b = max(it[0], start), min(it[1], end)
            if b > a:
                out.append((a - start, b - start, *it[2:2 + n_extra]))
        return out

    downbeats = times(analysis.downbeats) or [0.0]
    beats = sorted(set(times(analysis.beats)) | set(downbeats))
    chords = spans(analysis.chords, 1) or [(0.0, end - start, "N")]
    sections = spans(analysis.sections, 2) or [(0.0, end - start, "verse", 0.5)]
    return dc_replace(analysis, duration=end - start, beats=beats, downbeats=downbeats, chords=chords,
                      sections=sections, lead_regions=[(a, b) for a, b in spans(analysis.lead_regions, 0)])


def _kept_notes(score: Score, start: float, end: float) -> tuple[list[Note], list[Note]]:
    """Notes before the span (cut at its start) and from its end on; those starting inside go."""
    before, after = [], []
    for n in score.notes:
        if n.start < start - 1e-9:
            before.append(n if n.end <= start else dc_replace(n, end=start))
        elif n.start >= end - 1e-9:
            after.append(n)
    return before, after


def splice_song(score: Score, lyrics: Lyrics, new_score: Score, new_lyrics: Lyrics, *, start: float,
                end: float) -> tuple[Score, Lyrics]:
    """The song with ``new_lyrics`` (composed as ``new_score``, times from 0) sung in ``[start, end)``.

    Old notes starting in the span are dropped, and the lyric words they alone sang with them;
    the new lines go right after the last word sung before the span (first when none is). Word
    and line indices are renumbered in song order.

    Returns
    -------
    (Score, Lyrics)
        Notes in time order; every lyric word sung.
    """
    before, after = _kept_notes(score, start, end)
    kept_words = {n.word_index for n in before} | {n.word_index for n in after}
    # The new lines go right after the last word sung before the span (at the very start when none is).
    last_before = max((n.word_index for n in before), default=None)
    sections: list[LyricSection] = []
    inserted = False
    new_lines = [ln for s in new_lyrics.sections for ln in s.lines]

    def insert(into: list[Line]) -> None:
        nonlocal inserted
        if not inserted:
            into.extend(Line(words=list(ln.words), backing=ln.backing) for ln in new_lines)
            inserted = True

    for sec in lyrics.sections:
        lines: list[Line] = []
        if last_before is None:
            insert(lines)
        for ln in sec.lines:
            words = []
            for w in ln.words:
                if w.index in kept_words:
                    words.append(w)
                if w.index == last_before:
                    if words:
                        lines.append(Line(words=words, backing=ln.backing))
                        words = []
                    insert(lines)
            if words:
                lines.append(Line(words=words, backing=ln.backing))
        if lines:
            sections.append(LyricSection(kind=sec.kind, lines=lines, tag=sec.tag))
    if not inserted:  # no lyrics at all
        sections.append(LyricSection(kind=new_lyrics.sections[0].kind if new_lyrics.sections else "verse",
                                     lines=[], tag=""))
        insert(sections[-1].lines)
    # Renumber words and lines in song order; remember where each old / new word went.
    old_map: dict[int, int] = {}
    new_map: dict[int, int] = {}
    new_ids = {id(w) for ln in new_lines for w in ln.words}
    out_sections, wi = [], 0
    for sec in sections:
        out_lines = []
        for ln in sec.lines:
            words = []
            for w in ln.words:
                (new_map if id(w) in new_ids else old_map)[w.index] = wi
                words.append(Word(text=w.text, syllables=w.syllables, index=wi))
                wi += 1
            out_lines.append(Line(words=words, backing=ln.backing))
        out_sections.append(LyricSection(kind=sec.kind, lines=out_lines, tag=sec.tag))
    # Lines of the notes: renumber by the line each word now sits in.
    line_of = {}
    n_line = 0
    for sec in out_sections:
        for ln in sec.lines:
            for w in ln.words:
                line_of[w.index] = n_line
            n_line += 1
    notes = []
    for n in before + after:
        w = old_map[n.word_index]
        notes.append(dc_replace(n, word_index=w, line_index=line_of[w]))
    for n in new_score.notes:
        w = new_map[n.word_index]
        notes.append(dc_replace(n, start=n.start + start, end=min(n.end + start, end), word_index=w,
                                line_index=line_of[w]))
    notes.sort(key=lambda n: n.start)
    merged = dc_replace(score, notes=notes, warnings=list(score.warnings) + list(new_score.warnings))
    return merged, Lyrics(sections=out_sections, written=lyrics.written)
