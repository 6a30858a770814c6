"""Form: which bars of the instrumental each lyric section and line is sung over.

Lyric sections are placed in order on whole bars by a small dynamic programme: a chorus wants the
high-energy parts, a verse the calmer ones, instrumental labels (intro, outro, solos) and lead
regions want to stay free, and sections like to start on an analysis section boundary.  Inside a
section's bars each line gets a 2- or 4-bar phrase (denser or shorter when the lyrics are long).
When the lyrics do not fit even at the densest phrasing, the lines are compressed over the whole
song and a warning says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..controls import StyleProfile
from ..types import Line, Lyrics
from .grid import SUB, Grid

INSTRUMENTAL = ("intro", "outro", "instrumental")
SLOW_16TH_S = 0.16  # a 16th at least this long (90 BPM or slower) is a syllable anyone can sing


@dataclass(frozen=True)
class LinePlan:
    """One lyric line placed in time: its phrase spans grid steps ``[start, end)``."""

    line: Line
    line_index: int  # global index among all lyric lines
    section_index: int  # index of the lyric section
    kind: str  # the lyric section kind
    start: int  # grid step of the phrase's first bar line
    end: int  # grid step where the next phrase may begin (exclusive)
    energy: float  # section energy in [0, 1]
    lead: bool  # the instrumental carries a lead here
    last_in_section: bool
    line_in_section: int = 0  # position of the line in its section
    compressed: bool = False  # squeezed: may sing 16ths, or off the grid when nothing else fits


def _syllables(line: Line) -> int:
    # A word without syllables is still sung once, as one note.
    return sum(max(1, len(w.syllables)) for w in line.words)


def line_bars(
    line: Line, *, profile: StyleProfile, bpb: int, irregular: bool = False, step_s: float | None = None
) -> tuple[int, int]:
    """Natural and minimal phrase length in bars for a line.

    The natural length sings at the profile's density with a held last note and a breath; the
    minimal one sings eighths (16ths for near-spoken styles, or where a 16th lasts ``SLOW_16TH_S`` or
    more: ``step_s`` is the grid step in seconds).
    """
    nat, mn = bars_for_syllables(_syllables(line), profile=profile, bpb=bpb, step_s=step_s)
    if irregular and nat == 4:
        nat = 3
    return max(nat, mn), mn


def bars_for_syllables(s: int, *, profile: StyleProfile, bpb: int, step_s: float | None = None) -> tuple[int, int]:
    """Natural and minimal phrase length in bars for a line of ``s`` syllables (see ``line_bars``)."""
    per_bar = max(0.5, profile.rhythm_density) * bpb
    need = s / per_bar + 0.25  # the held final note and the breath
    if need <= (2.5 if profile.phrase_bars == 4 else 2.75):
        nat = 1 if need <= 0.9 and profile.phrase_bars == 2 else 2
    else:
        nat = 4 if need <= 4.5 else 2 * math.ceil(need / 2)
    per = 1 if profile.spoken >= 0.5 or (step_s is not None and step_s >= SLOW_16TH_S) else 2
    steps = (s - 1) * per + SUB + 2  # held last note + breath
    mn = max(1, math.ceil(steps / (bpb * SUB)))
    if step_s is not None and nat > 2:  # a slow song: no longer than 3 syllables a second and a second to hold
        bar_s = bpb * SUB * step_s
        timed = next((n for n in (1, 2, 4) if n * bar_s >= s / 3.0 + 1.0), nat)
        nat = max(min(nat, timed), 2 if profile.phrase_bars == 4 else 1)
    return max(nat, mn), mn


@dataclass
class _Bars:
    start: np.ndarray  # grid step of each usable bar
    end: np.ndarray
    label: list
    energy: np.ndarray
    lead: np.ndarray
    boundary: np.ndarray  # bar starts an analysis section


def _bars(grid: Grid) -> _Bars:
    b = grid.bars[(grid.bars >= 0) & (grid.bars < grid.n)]
    ends = np.append(b[1:], grid.n - 1)
    keep = ends - b >= 2 * SUB  # a trailing scrap shorter than 2 beats is not a bar to sing in
    b, ends = b[keep], ends[keep]
    if b.size > 1 and ends[-1] - b[-1] < 0.75 * float(np.median(np.diff(b))):
        b, ends = b[:-1], ends[:-1]  # nor is a last bar cut short by the song's end: a line there runs off the grid
    label = [grid.label[int(s)] for s in b]
    energy = np.array([float(grid.energy[int(s) : int(e)].mean()) if e > s else 0.0 for s, e in zip(b, ends)])
    lead = np.array([float(grid.lead[int(s) : int(e)].mean()) if e > s else 0.0 for s, e in zip(b, ends)])
    boundary = np.array([i == 0 or label[i] != label[i - 1] or abs(energy[i] - energy[i - 1]) > 0.05
                         for i in range(len(b))], dtype=bool)  # fmt: skip
    return _Bars(start=b, end=ends, label=label, energy=energy, lead=lead, boundary=boundary)


def _bar_fit(kind: str, label: str, energy: float, lead: float) -> float:
    """Cost of singing one bar of a ``kind`` lyric section over a bar of the instrumental."""
    if kind in ("intro", "outro") and label == kind:
        # A sung intro/outro over the instrumental's own: worth as much as filling a vocal bar.
        base = -0.4
    elif label in INSTRUMENTAL:
        base = 1.2
    elif kind in ("chorus", "hook"):
        base = (0.0 if label == "chorus" else 0.45) + 0.6 * (1.0 - energy)
    elif kind == "verse":
        base = {"verse": 0.0, "pre-chorus": 0.3, "bridge": 0.4}.get(label, 0.55) + 0.25 * energy
    elif kind == "pre-chorus":
        base = {"pre-chorus": 0.0, "verse": 0.25, "bridge": 0.35}.get(label, 0.5)
    elif kind == "bridge":
        base = {"bridge": 0.0, "verse": 0.3, "pre-chorus": 0.3}.get(label, 0.45)
    else:  # lyric intro/outro: calm parts
        base = 0.3 + 0.2 * energy
    return base + 0.7 * lead


def _empty_cost(label: str, energy: float) -> float:
    return 0.0 if label in INSTRUMENTAL else 0.2 + 0.3 * energy


def _split(total: int, weights: list[int], minima: list[int] | None = None) -> list[int]:
    """Split ``total`` bars over lines in proportion to their natural lengths, each at least its
    minimum (1 bar without ``minima``) while ``total`` allows: a line squeezed below its minimum
    cannot be sung on the grid."""
    minima = [1] * len(weights) if minima is None else [max(1, m) for m in minima]
    if total >= sum(weights):
        extra = total - sum(weights)
        out = list(weights)
        i = 0
        while extra > 0:  # grow the shortest lines first, in whole bars
            j = min(range(len(out)), key=lambda k: (out[k], (k - i) % len(out)))
            out[j] += 1
            extra -= 1
            i += 1
        return out
    raw = [total * w / sum(weights) for w in weights]
    if total < sum(minima):  # not even the minima fit (never from plan_lines): proportional, as little as 0
        out, minima = [max(1, int(r)) for r in raw], [0] * len(weights)
    else:
        out = [max(m, int(r)) for m, r in zip(minima, raw)]
    while sum(out) > total:
        j = max((k for k in range(len(out)) if out[k] > minima[k]), key=lambda k: (out[k] - raw[k], out[k]))
        out[j] -= 1
    while sum(out) < total:
        j = max(range(len(out)), key=lambda k: raw[k] - out[k])
        out[j] += 1
    return out


def pack_lines(runs: list[tuple[int, int]], nat: list[int], mn: list[int]) -> tuple[float, tuple[tuple[int, int], ...]] | None:
    """A section's lines, in order, on runs of free bars ``(first bar, bars)``, each line inside one run.

    Where a section spans a lead break, its lines sing in the gaps around the lead (call and response)
    rather than over it.  Each run takes the next few lines at their natural lengths, up to twice
    (``_split``), down to their minima; a run may stay empty.

    Returns
    -------
    (cost, lines) or None
        ``lines``: ``(first bar, bars)`` per line; ``cost``: 0.35 a bar under the natural lengths, 0.1 a
        bar over, 0.6 a free bar left unsung (as ``_place`` charges them).  None when the lines do not fit
        at their minima.
    """
    n, R = len(nat), len(runs)
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(R + 1)]
    back = [[0] * (n + 1) for _ in range(R + 1)]
    best[0][0] = 0.0
    for r, (_, length) in enumerate(runs):
        for j in range(n + 1):
            if not math.isfinite(best[r][j]):
                continue
            for j2 in range(j, n + 1):
                m = sum(mn[j:j2])
                if m > length:
                    break
                N = sum(nat[j:j2])
                if j2 == j:
                    c = 0.6 * length
                else:
                    c = 0.35 * max(0, N - length) + 0.1 * max(0, min(length, 2 * N) - N) + 0.6 * max(0, length - 2 * N)
                if best[r][j] + c < best[r + 1][j2] - 1e-12:
                    best[r + 1][j2] = best[r][j] + c
                    back[r + 1][j2] = j
    if not math.isfinite(best[R][n]):
        return None
    groups = []
    j2 = n
    for r in range(R, 0, -1):
        j = back[r][j2]
        groups.append((r - 1, j, j2))
        j2 = j
    lines: list[tuple[int, int]] = []
    for r, j, j2 in reversed(groups):
        if j2 == j:
            continue
        start, length = runs[r]
        lens = _split(min(length, 2 * sum(nat[j:j2])), nat[j:j2], mn[j:j2])
        for L in lens:
            lines.append((start, L))
            start += L
    return best[R][n], tuple(lines)


def overflow_warning(denser: int, over_free: int) -> str | None:
    """The "lyrics longer than the music" warning for a placement that sang ``denser`` sections
    denser than the style's natural phrasing and used ``over_free`` bars of intro, outro or
    instrumental; ``None`` when it did neither."""
    parts = []
    if denser:
        parts.append(f"{denser} section(s) sung denser than the style's natural phrasing")
    if over_free:
        parts.append(f"{over_free} bar(s) of intro/outro/instrumental used for singing")
    return "lyrics longer than the music: " + " and ".join(parts) + "." if parts else None


def trace_back(best: np.ndarray, back: list[dict[int, tuple[int, int]]],
               gap_prefix: np.ndarray) -> list[tuple[int, int]] | None:
    """The sections' ``(start, end)`` bars of the cheapest placement, or None when none fits.

    ``best`` is the cost of the last section ending at each bar, ``back[i][end]`` the ``(start, end of
    section i-1)`` that reached it; the bars left empty after the last section are charged here.
    """
    nb = best.shape[0] - 1
    final = best + (gap_prefix[nb] - gap_prefix[: nb + 1])
    e = int(np.argmin(final))
    if not math.isfinite(final[e]):
        return None
    spans = []
    for si in range(len(back) - 1, -1, -1):
        s, prev_e = back[si][e]
        spans.append((s, e))
        e = prev_e
    spans.reverse()
    return spans


def cheapest_predecessors(
    best: np.ndarray, gap_prefix: np.ndarray, hole: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """For each start bar ``s``, the cheapest way to have ended the previous section at or before it.

    The cost of the bars left empty between two sections is separable (``gap_prefix`` is its running
    sum), so one pass gives ``run[s] = min over e <= s of best[e] + gap(e, s)`` and ``arg[s]``, that ``e``.
    ``hole[e, s]``, when given, is added for the gap ``e..s`` (a long hole costs more than its bars).
    """
    n = best.shape[0]
    if hole is not None:
        v = (best - gap_prefix)[:, None] + hole
        v[np.tril_indices(n, -1)] = np.inf  # e > s: no gap
        arg = np.argmin(v, axis=0)
        return v[arg, np.arange(n)] + gap_prefix, arg.astype(int)
    run = np.full(n, np.inf)
    arg = np.zeros(n, dtype=int)
    cur, ci = np.inf, 0
    for s in range(n):
        v = best[s] - gap_prefix[s]
        if v < cur:
            cur, ci = v, s
        run[s], arg[s] = cur + gap_prefix[s], ci
    return run, arg


def plan_lines(
    grid: Grid, lyrics: Lyrics, *, profile: StyleProfile, weirdness: float = 0.0, rng: np.random.Generator
) -> tuple[list[LinePlan], list[str]]:
    """Place every lyric line on a phrase of the instrumental.

    Parameters
    ----------
    grid : Grid
    lyrics : Lyrics
    profile : StyleProfile
        Sets the natural phrase length and density.
    weirdness : float
        Lets some phrases run 3 bars instead of 4.
    rng : numpy.random.Generator

    Returns
    -------
    plans : list of LinePlan
        In lyric order.
    warnings : list of str
    """
    sections = [(i, s) for i, s in enumerate(lyrics.sections) if s.lines]
    if not sections:
        return [], []
    bars = _bars(grid)
    nb = len(bars.start)
    bpb = grid.beats_per_bar
    nat_min = []
    for _, sec in sections:
        ls = [line_bars(ln, profile=profile, bpb=bpb, irregular=bool(rng.random() < 0.25 * weirdness))
              for ln in sec.lines]  # fmt: skip
        nat_min.append(([a for a, _ in ls], [b for _, b in ls]))
    total_min = sum(sum(m) for _, m in nat_min)
    if nb == 0 or total_min > nb:
        return _compressed(grid, bars, lyrics, sections, nb), [
            f"lyrics longer than the music: {sum(_syllables(ln) for ln in lyrics.lines)} syllables do not fit "
            f"{nb} bars even at the densest phrasing; the lines were compressed and some notes fall off the beat grid."
        ]

    empty = np.array([_empty_cost(lab, e) for lab, e in zip(bars.label, bars.energy)])
    gap_prefix = np.concatenate([[0.0], np.cumsum(empty)])
    fit_prefix = {}
    for _, sec in sections:
        if sec.kind not in fit_prefix:
            c = [_bar_fit(sec.kind, lab, e, ld) for lab, e, ld in zip(bars.label, bars.energy, bars.lead)]
            fit_prefix[sec.kind] = np.concatenate([[0.0], np.cumsum(c)])
    instr_prefix = np.concatenate([[0], np.cumsum([lab in INSTRUMENTAL for lab in bars.label])])
    bounds = [i for i in range(nb) if bars.boundary[i]] + [nb]

    inf = float("inf")
    # best[e]: cost of the sections placed so far, the last one ending at bar e.
    best = np.full(nb + 1, inf)
    best[0] = 0.0
    back: list[dict[int, tuple[int, int]]] = []
    for si, (_, sec) in enumerate(sections):
        nat, mn = nat_min[si]
        L_nat, L_min = sum(nat), sum(mn)
        rest_min = sum(sum(m) for _, m in nat_min[si + 1 :])
        run, arg = cheapest_predecessors(best, gap_prefix)
        new = np.full(nb + 1, inf)
        bp: dict[int, tuple[int, int]] = {}
        for s in range(nb):
            if not math.isfinite(run[s]):
                continue
            start_pen = 0.0 if bars.boundary[s] else (0.35 if _offset_from_boundary(bars.boundary, s) % 2 == 0 else 0.9)
            lengths = {L_nat, L_min, min(L_nat * 2, max(L_min, L_nat + (L_nat // 2)))}
            lengths |= {b - s for b in bounds if L_min <= b - s <= 2 * L_nat}
            for L in sorted(lengths):
                e = s + L
                if L < L_min or e > nb or e + rest_min > nb:
                    continue
                c = run[s] + start_pen + (fit_prefix[sec.kind][e] - fit_prefix[sec.kind][s])
                c += 0.0 if e in bounds else 0.25
                c += 0.35 * max(0, L_nat - L) + 0.12 * max(0, L - L_nat)
                if c < new[e]:
                    new[e] = c
                    bp[e] = (s, int(arg[s]))
        best = new
        back.append(bp)
    spans = trace_back(best, back, gap_prefix)
    if spans is None:
        return _compressed(grid, bars, lyrics, sections, nb), ["lyrics longer than the music: the lines were compressed."]

    denser = sum(1 for si, (s, e) in enumerate(spans) if e - s < 0.6 * sum(nat_min[si][0]))
    over_instr = sum(int(instr_prefix[e] - instr_prefix[s]) for s, e in spans)
    overflow = overflow_warning(denser, over_instr)
    warnings = [overflow] if overflow else []

    plans: list[LinePlan] = []
    line_index = {id(ln): k for k, ln in enumerate(lyrics.lines)}
    for si, ((sec_i, sec), (s, e)) in enumerate(zip(sections, spans)):
        lens = _split(e - s, nat_min[si][0], nat_min[si][1])
        b = s
        for li, (ln, L) in enumerate(zip(sec.lines, lens)):
            start = int(bars.start[b])
            stop = int(bars.start[b + L]) if b + L < nb else int(bars.end[nb - 1])
            plans.append(LinePlan(
                line=ln, line_index=line_index[id(ln)], section_index=sec_i, kind=sec.kind, start=start,
                end=stop, energy=float(bars.energy[b : b + L].mean()), lead=bool(bars.lead[b : b + L].mean() > 0.5),
                last_in_section=li == len(sec.lines) - 1, line_in_section=li,
            ))  # fmt: skip
            b += L
    return plans, warnings


def _offset_from_boundary(boundary: np.ndarray, s: int) -> int:
    k = s
    while k > 0 and not boundary[k]:
        k -= 1
    return s - k


def _compressed(grid: Grid, bars: _Bars, lyrics: Lyrics, sections, nb: int) -> list[LinePlan]:
    """Spread all lines over the whole song in proportion to their syllables, on beat boundaries."""
    lines = [(sec_i, sec, li, ln) for sec_i, sec in sections for li, ln in enumerate(sec.lines)]
    first = int(bars.start[0]) if nb else 0
    last = int(grid.n - 1)
    weights = np.array([_syllables(ln) + 2 for *_, ln in lines], dtype=float)
    ideal = first + np.concatenate([[0.0], np.cumsum(weights)]) / weights.sum() * (last - first)
    # Line starts on bar lines or half-bars where there are enough of them, else on beats.
    anchors = np.flatnonzero(grid.weight >= 3)
    anchors = anchors[(anchors >= first) & (anchors < last)]
    edges = [first]
    for k in range(1, len(lines)):
        later = anchors[anchors > edges[-1]]
        if later.size >= len(lines) - k:
            edges.append(int(later[int(np.argmin(np.abs(later - ideal[k])))]) if later.size else edges[-1])
            # keep enough anchors for the lines still to come
            rest = later[later > edges[-1]]
            if rest.size < len(lines) - k - 1:
                edges[-1] = int(later[max(0, later.size - (len(lines) - k))])
        else:
            edges.append(int(max(edges[-1], round(ideal[k] / SUB) * SUB)))
    edges.append(last)
    line_index = {id(ln): k for k, ln in enumerate(lyrics.lines)}
    out = []
    for k, (sec_i, sec, li, ln) in enumerate(lines):
        s, e = int(edges[k]), int(edges[k + 1])
        out.append(LinePlan(
            line=ln, line_index=line_index[id(ln)], section_index=sec_i, kind=sec.kind, start=s, end=max(e, s),
            energy=float(grid.energy[min(s, grid.n - 1)]), lead=False, last_in_section=li == len(sec.lines) - 1,
            line_in_section=li, compressed=True,
        ))  # fmt: skip
    return out
