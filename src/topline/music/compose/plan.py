"""The song's vocal form over the whole instrumental, and the lyric sections placed on it.

``plan_form`` plans the vocal the way a topliner would before a word is written: the instrumental's
sections become verses and choruses (a repeated section keeps its label, so the chorus comes back where
the music does, and the last sung section is a chorus), a section the analysis calls a bridge is sung
as one, and the intro, the outro and the stretches where the track carries its own lead are left to
the instrumental (call and response), unless the track has a lead almost everywhere, in which case the
voice sings under it.  Each sung section holds lines of a length set by the tempo and the style, and
each line a syllable budget from its beats and the style's density: what the lyric writer writes to.

``arrange`` places actual lyric sections (given or written) on that form: sections in order, a
section sung again where the lyrics repeat it, and the chorus returning when the lyrics are much
shorter than the track, by a small dynamic programme over bars that prefers the form's sung bars and
its section starts.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace

import numpy as np

from ..controls import StyleProfile
from ..types import Analysis, FormPlan, FormSection, Lyrics, chorus_lines
from .form import (
    SLOW_16TH_S, _bars, _split, bars_for_syllables, cheapest_predecessors, line_bars, overflow_warning, pack_lines,
    trace_back,
)
from .grid import SUB, Grid, make_grid

__all__ = ["Arrangement", "Placed", "arrange", "earliest_onset", "line_bars_for", "plan_form"]

FREE = ("intro", "outro", "break")  # form labels left to the instrumental
LEAD_EVERYWHERE = 0.6  # lead share of the singable bars above which the voice sings under the lead
LEAD_REST_SHARE = 0.3  # at most this share of the song's bars is left to the instrumental's lead
LEAD_REST_UNDER = 0.15  # the same where the lead is almost everywhere (the voice sings under the rest)
SUNG_MIN = 0.72  # a plan or arranged lyrics leaving the voice on fewer of the bars than this leave less to the lead
EMPTY_COST = 0.6  # what a bar the form sings costs left empty by the lyrics placed on it
FILL_COST = 1.5  # the same where the voice would sing under SUNG_MIN: free bars fill before a rest goes
EARLIEST_S = 0.15  # no note before this, whatever the beats say
HOLE_BARS = 4  # the longest run of bars the voice leaves empty between two sections (lead rests aside)
HOLE_COST = 2.0  # what each bar of a gap beyond HOLE_BARS costs on top of its empty bars
VERSE_LINES = 8  # the most lines one written verse (bridge, pre-chorus) holds when neighbouring blocks join


# --- the skeleton: sections of the instrumental, sung or free -------------------------------------


@dataclass
class _Block:
    label: str
    b0: int  # first bar (index into the usable bars)
    b1: int  # end bar (exclusive)
    sung: bool
    energy: float
    group: str  # the analysis label the block came from (repetition: equal labels, same material)
    lead: bool = False  # sung over the instrumental's lead (a track with a lead almost everywhere)


def earliest_onset(analysis: Analysis) -> float:
    """The earliest time a note may start: 0.15 s, and no more than one beat before the first beat."""
    beats = sorted(t for t in analysis.beats if t >= 0.0)
    if not beats:
        return EARLIEST_S
    period = float(np.median(np.diff(beats))) if len(beats) > 1 else 60.0 / max(analysis.tempo, 1.0)
    return max(EARLIEST_S, beats[0] - period)


def line_bars_for(grid: Grid, profile: StyleProfile) -> int:
    """Bars per lyric line: 1, 2 or 4, whichever gives a line nearest 4.5 s (2.5 s near-spoken)."""
    inside = grid.bars[(grid.bars >= 0) & (grid.bars < grid.n)]
    bar_s = float(np.median(np.diff(grid.times[inside]))) if inside.size > 1 else 2.0
    target = 2.5 if profile.spoken > 0.5 else 4.5
    choices = (1, 2, 4) if profile.phrase_bars == 2 else (2, 4)  # 4-bar phrasing styles: no 1-bar lines
    return min(choices, key=lambda n: abs(math.log(max(n * bar_s, 1e-3) / target)))


def step_seconds(grid: Grid) -> float:
    """The median length of a grid step (a 16th) in seconds."""
    return float(np.median(np.diff(grid.times))) if grid.n > 1 else 0.125


def _bar_sections(analysis: Analysis, grid: Grid, starts: np.ndarray) -> list[int]:
    secs = analysis.sections or [(0.0, analysis.duration, "verse", 0.5)]
    s_starts = np.array([s for s, *_ in secs])
    return [int(max(0, np.searchsorted(s_starts, grid.time(int(b)) + 1e-6, side="right") - 1)) for b in starts]


def _chunks(n: int, size: int) -> list[int]:
    """Split ``n`` bars into sections of about ``size`` bars (even lengths where possible)."""
    if n <= size + size // 2:
        return [n]
    k = max(1, round(n / size))
    base = [n // k] * k
    for i in range(n - sum(base)):
        base[i] += 1
    return base


def _skeleton(
    analysis: Analysis, grid: Grid, *, profile: StyleProfile, first_bar: int, variant: int = 1, rest_scale: float = 1.0,
    min_run: int = 1,
) -> tuple[list[_Block], bool]:
    """Blocks over the usable bars ``first_bar..``; returns them and whether the track has free room.

    ``rest_scale`` scales the share of the bars left to the instrumental's lead (``arrange`` lowers it
    where the lyrics would leave the voice under ``SUNG_MIN`` of the song)."""
    bars = _bars(grid)
    nb = len(bars.start)
    if first_bar >= nb:
        return [], True
    sec_of = _bar_sections(analysis, grid, bars.start)
    labels = [bars.label[k] for k in range(nb)]
    # Runs of bars per analysis section (sections under 2 bars join their neighbour).
    runs: list[list[int]] = []
    for k in range(first_bar, nb):
        if runs and sec_of[k] == sec_of[runs[-1][-1]]:
            runs[-1].append(k)
        else:
            runs.append([k])
    merged: list[list[int]] = []
    for r in runs:
        if merged and (len(r) < 2 or len(merged[-1]) < 2):
            merged[-1].extend(r)
        else:
            merged.append(r)
    runs = merged
    lead_bar = bars.lead > 0.5
    inner = [k for r in runs for k in r if labels[r[0]] not in ("intro", "outro")] or list(range(first_bar, nb))
    lead_share = float(np.mean(lead_bar[inner])) if inner else 0.0
    free_room = lead_share < LEAD_EVERYWHERE
    rest = (_lead_rests(lead_bar, inner, variant=variant, share=LEAD_REST_SHARE * rest_scale, min_run=min_run)
            if free_room else
            _lead_rests(lead_bar, inner, variant=variant, share=LEAD_REST_UNDER * rest_scale, partial=False, min_run=min_run))
    L = line_bars_for(grid, profile)
    size = 4 * L if L <= 2 else 8

    blocks: list[_Block] = []
    total = nb - first_bar
    for ri, r in enumerate(runs):
        lab = labels[r[0]]
        en = float(np.mean(bars.energy[r]))
        free_part = 0
        if lab == "intro" and ri == 0 and len(runs) > 1:
            free_part = len(r) if len(r) <= max(8, total // 4) else 4
        elif lab == "outro" and ri == len(runs) - 1 and len(runs) > 1:
            free_part = len(r) if len(r) <= max(8, total // 4) else 4
        if lab == "intro" and free_part:
            blocks.append(_Block("intro", r[0] - first_bar, r[0] - first_bar + free_part, False, en, lab))
            r = r[free_part:]
        tail = None
        if lab == "outro" and free_part:
            tail = r[len(r) - free_part :]
            r = r[: len(r) - free_part]
        # Inside: where the track has its own lead (and room elsewhere), a break; the rest is sung.
        k = 0
        while k < len(r):
            is_lead = bool(rest[r[k]])
            j = k
            while j < len(r) and bool(rest[r[j]]) == is_lead:
                j += 1
            b0, b1 = r[k] - first_bar, r[j - 1] + 1 - first_bar
            if is_lead:
                blocks.append(_Block("break", b0, b1, False, en, lab))
            else:
                form_lab = {"chorus": "chorus", "bridge": "bridge", "pre-chorus": "pre-chorus"}.get(lab, "verse")
                lead = bool(np.mean(lead_bar[r[k:j]]) > 0.5)
                s = b0
                for n in _chunks(b1 - b0, size):
                    blocks.append(_Block(form_lab, s, s + n, True, en, lab, lead))
                    s += n
            k = j
        if tail:
            blocks.append(_Block("outro", tail[0] - first_bar, tail[-1] + 1 - first_bar, False, en, lab))
    blocks = _tidy(blocks, L=L, size=size)
    _label_song(blocks, long_song=analysis.duration >= 60.0)
    return blocks, free_room


def _tidy(blocks: list[_Block], *, L: int, size: int) -> list[_Block]:
    """A sung scrap shorter than a line (and than 2 bars) between free bars is left free, and one next
    to a sung block joins it (the block before, else the one after); neighbouring free blocks of one
    kind become one; two neighbouring sung blocks of one label where one holds a single line become
    one section (up to one and a half sections long)."""
    for i, b in enumerate(blocks):
        if b.sung and b.b1 - b.b0 < min(L, 2):
            free_prev = i == 0 or not blocks[i - 1].sung
            free_next = i == len(blocks) - 1 or not blocks[i + 1].sung
            if free_prev and free_next:
                b.sung, b.label = False, "break"
    joined: list[_Block] = []
    for i, b in enumerate(blocks):
        scrap = b.sung and b.b1 - b.b0 < min(L, 2)
        if scrap and joined and joined[-1].sung and joined[-1].b1 == b.b0:
            joined[-1].b1 = b.b1
        elif scrap and i + 1 < len(blocks) and blocks[i + 1].sung:
            blocks[i + 1].b0 = b.b0
        else:
            joined.append(b)
    blocks = joined
    out: list[_Block] = []
    for b in blocks:
        p = out[-1] if out else None
        if p is not None and not p.sung and not b.sung and p.label == b.label:
            p.b1 = b.b1
        elif (p is not None and p.sung and b.sung and p.label == b.label and p.lead == b.lead
              and min(p.b1 - p.b0, b.b1 - b.b0) < 2 * L and b.b1 - p.b0 <= size + size // 2):
            p.b1 = b.b1
            p.energy = max(p.energy, b.energy)
        else:
            out.append(b)
    return out


def _lead_rests(
    lead_bar: np.ndarray, inner: list[int], *, variant: int = 1, share: float = LEAD_REST_SHARE, partial: bool = True,
    min_run: int = 1,
) -> np.ndarray:
    """The lead stretches the voice leaves to the instrumental (call and response).

    The longest runs of lead bars (``min_run`` bars or more: a one-bar run comes after all longer ones)
    are left free, longest first, while the bars left free stay within ``share`` of the song (a single
    sung bar left between two rests rests too and counts): the voice answers the lead where it plays longest and sings under the rest, low and
    quiet, rather than leave most of the song empty.  With ``partial``, a run too long for what is
    left of the budget rests for its first bars (variant 2: its last) and the voice comes in under
    it for 2 bars at least (or one, next to a sung bar); without (a lead almost everywhere, ``LEAD_REST_UNDER``), only whole runs rest.
    Variant 2 takes every lead run of 4 bars or more as equally long and answers the later ones
    first, so where the budget cannot free them all the two variants rest in different places.
    """
    rest = np.zeros(lead_bar.size, dtype=bool)
    idx = sorted(inner)
    runs: list[list[int]] = []
    for k in idx:
        if lead_bar[k]:
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
    budget = share * len(idx)
    inner_set = set(idx)
    used = 0
    order = (lambda r: (-len(r), r[0])) if variant == 1 else (lambda r: (-min(len(r), 4), -r[0]))
    for r in sorted((r for r in runs if len(r) >= min_run), key=order):
        room = int(budget - used + 1e-9)
        if room < min(2, len(r)):
            if room < 1:
                break
            continue
        if len(r) > room and not partial:
            continue
        if len(r) > room:  # too long to leave free whole: the voice answers its first bars (variant 2
            # its last) and sings under the rest: 2 bars at least, or one that joins a sung bar beside it
            after = r[-1] + 1 if variant == 1 else r[0] - 1
            joins = len(r) - room == 1 and after in inner_set and not lead_bar[after]
            keep = room if joins else min(room, len(r) - 2)
            if keep < 2:
                continue
            r = r[:keep] if variant == 1 else r[len(r) - keep :]
        # a single sung bar left between two rests is too short for a line: it rests too, and counts
        left, right = r[0] - 2, r[-1] + 2
        cost = len(r) + int(left >= 0 and bool(rest[left])) + int(right < rest.size and bool(rest[right]))
        if cost > room:
            if not partial or len(r) - (cost - room) < 2:
                continue
            r, cost = r[: len(r) - (cost - room)], room
        rest[r] = True
        used += cost
    return rest


def _label_song(blocks: list[_Block], *, long_song: bool) -> None:
    """Verse/chorus roles over the sung blocks: the chorus on the high-energy repeated material and at
    the end, twice at least in a song of a minute or more, a pre-chorus between two verse blocks and a
    chorus."""
    sung = [b for b in blocks if b.sung]
    n = len(sung)
    if n == 0:
        return
    if n == 1:
        sung[0].label = "chorus"
        return
    if not any(b.label == "chorus" for b in sung):
        # Nothing labelled: the more energetic half of the later blocks sings the chorus.
        med = float(np.median([b.energy for b in sung]))
        for i, b in enumerate(sung):
            if i > 0 and b.energy > med + 1e-6 and not (i >= 2 and sung[i - 1].label == sung[i - 2].label == "chorus"):
                b.label = "chorus"
    if sung[-1].label != "chorus":
        sung[-1].label = "chorus"
    if long_song and sum(b.label == "chorus" for b in sung) < 2 and n >= 3:
        cands = [i for i in range(1, n - 2) if sung[i].label != "chorus"] or [i for i in range(1, n - 1)]
        i = max(cands, key=lambda i: (sung[i].energy, i))
        sung[i].label = "chorus"
    if sung[0].label in ("bridge", "pre-chorus"):
        sung[0].label = "verse"  # a song opens with a verse (or its chorus), never with a bridge
    if sung[0].label == "chorus" and n >= 3 and sum(b.label == "chorus" for b in sung) > 2:
        sung[0].label = "verse"  # open with a verse when the chorus comes back often enough anyway
    for i in range(1, n - 1):
        if sung[i].label == "verse" and sung[i - 1].label == "verse" and sung[i + 1].label == "chorus":
            sung[i].label = "pre-chorus"


def _before(bars, first: int) -> int:
    """Bars before the first singable one that are not intro or outro (the song, but out of reach)."""
    return sum(1 for k in range(first) if bars.label[k] not in ("intro", "outro"))


def _first_bar(analysis: Analysis, grid: Grid) -> int:
    bars = _bars(grid)
    t0 = earliest_onset(analysis)
    for k, s in enumerate(bars.start):
        if grid.time(int(s)) >= t0 - 1e-6:
            return k
    return len(bars.start)


def _budgets(
    n_bars: int, L: int, *, profile: StyleProfile, bpb: int, label: str, rng: np.random.Generator,
    step_s: float | None = None,
) -> tuple[int, ...]:
    """Syllables per line for a sung section of ``n_bars``: one line per ``L`` bars, each sized to sing
    at the style's density with a held last note and a breath (the natural phrasing of ``line_bars``)."""
    n_lines = _line_count(n_bars, L, min_bars=2 if profile.phrase_bars != 2 else max(1, L // 2))
    lens = [n_bars // n_lines] * n_lines
    for i in range(n_bars - sum(lens)):
        lens[i] += 1
    out = []
    for i, nb in enumerate(lens):
        s = int(round(nb * bpb * max(0.5, profile.rhythm_density) * 0.8))
        s += int(rng.integers(-1, 2))
        if i == n_lines - 1 or (label == "chorus" and i % 2 == 1):
            s -= 1  # a shorter line that lands
        s = int(np.clip(s, 3, 12 if profile.spoken < 0.5 else 16))
        while s > 3 and bars_for_syllables(s, profile=profile, bpb=bpb, step_s=step_s)[0] > nb:
            s -= 1
        out.append(s)
    return tuple(out)


def _line_count(n_bars: int, L: int, *, min_bars: int) -> int:
    """Lines for a sung section of ``n_bars``: one per ``L`` bars, but an even count (couplets that
    rhyme) where lines of ``min_bars`` or more allow one, the lines' length staying nearest ``L``.

    An odd count leaves a line with no rhyme partner (a chorus of one line, a verse's orphan last line).
    """
    n = max(1, int(round(n_bars / L)))
    if n % 2 == 0:
        return n
    even = [k for k in (n - 1, n + 1) if k >= 2 and n_bars / k >= min_bars]
    if not even:
        return n
    return min(even, key=lambda k: (abs(math.log(n_bars / k / L)), k))


def _join_sung(blocks: list[_Block], *, L: int) -> list[_Block]:
    """Neighbouring sung blocks of one label (not the chorus) as one lyric section, up to
    ``VERSE_LINES`` lines: a long verse split into chunks is one verse to write, not "Verse 2",
    "Verse 3" and "Verse 4" of two lines each.  A chorus stays a unit: each one is a return."""
    out: list[_Block] = []
    for b in blocks:
        p = out[-1] if out else None
        if (p is not None and p.sung and b.sung and p.label == b.label and b.label != "chorus"
                and p.b1 == b.b0 and (b.b1 - p.b0) / L <= VERSE_LINES):
            out[-1] = _Block(p.label, p.b0, b.b1, True, max(p.energy, b.energy), p.group, p.lead)
        else:
            out.append(b)
    return out


def _rng(seed: int, variant: int, salt: int) -> np.random.Generator:
    return np.random.default_rng([seed & 0xFFFFFFFF, (seed >> 32) & 0xFFFFFFFF, variant, salt])


def plan_form(
    analysis: Analysis, *, profile: StyleProfile, lyrics: Lyrics | None = None, seed: int = 0, variant: int = 1,
    grid: Grid | None = None,
) -> FormPlan:
    """Plan the vocal form of a song over its instrumental.

    Parameters
    ----------
    analysis : Analysis
        Bars, sections (labels, energy) and lead regions of the instrumental.
    profile : StyleProfile
        Line length (near-spoken styles sing shorter lines) and syllable density.
    lyrics : Lyrics, optional
        When given, the plan places these lyric sections (see ``arrange``): every sung section is one
        lyric section, in the order they are sung (repeats included), its ``line_syllables`` the lines'
        own syllable counts.  Without lyrics the plan says what to write.
    seed : int
        Varies the syllable budgets from line to line.
    variant : {1, 2}
        Which of the two melodies (they place repeated choruses and lines differently).
    grid : Grid, optional
        ``make_grid(analysis)`` when already built.

    Returns
    -------
    FormPlan
        Sections in time order covering the usable bars: sung ones with their line budgets, and the
        intro, outro and breaks left to the instrumental.
    """
    grid = make_grid(analysis) if grid is None else grid
    if lyrics is not None:
        return arrange(analysis, lyrics, profile=profile, seed=seed, variant=variant, grid=grid).plan
    bars = _bars(grid)
    first = _first_bar(analysis, grid)
    scale, before = 1.0, -1
    for attempt in range(4):  # lead rests never leave the voice on under SUNG_MIN of the song
        blocks, _ = _skeleton(analysis, grid, profile=profile, first_bar=first, rest_scale=scale)
        inner = _before(bars, first) + sum(b.b1 - b.b0 for b in blocks if b.label not in ("intro", "outro"))
        rested = sum(b.b1 - b.b0 for b in blocks if b.label == "break")
        if not rested or inner - rested >= SUNG_MIN * inner:
            break
        scale, before = _less_rest(scale, SUNG_MIN * inner - (inner - rested), rested, before, last=attempt == 2)
    L = line_bars_for(grid, profile)
    blocks = _join_sung(blocks, L=L)
    rng = _rng(seed, 0, 7)
    chorus_budget: dict[int, tuple[int, ...]] = {}
    out = []
    for b in blocks:
        n = b.b1 - b.b0
        if b.sung:
            if b.label == "chorus" and n in chorus_budget:
                budget = chorus_budget[n]  # the chorus comes back with the same lines
            else:
                budget = _budgets(n, L, profile=profile, bpb=grid.beats_per_bar, label=b.label, rng=rng,
                                  step_s=step_seconds(grid))
                if b.label == "chorus":
                    chorus_budget.setdefault(n, budget)
        else:
            budget = ()
        out.append(FormSection(label=b.label, start=_bar_time(grid, bars, first + b.b0),
                               end=_bar_end(grid, bars, first + b.b1 - 1), bars=n, sung=b.sung,
                               line_syllables=budget))  # fmt: skip
    return FormPlan(sections=tuple(_chorus_returns(out, profile=profile, bpb=grid.beats_per_bar,
                                                   step_s=step_seconds(grid))))


def _chorus_returns(
    sections: list[FormSection], *, profile: StyleProfile, bpb: int, step_s: float | None
) -> list[FormSection]:
    """A chorus section with fewer bars than the longest sings the longest one's lines (the chorus is
    written once, to the longest, and repeated): as many as fit its bars at their natural phrasing, at
    least the hook.  Budgeted on its own bars instead, a short return was planned two lines where the
    chorus's two opening lines needed four bars, and the lyrics overflowed the music."""
    choruses = [s for s in sections if s.sung and s.label == "chorus" and s.line_syllables]
    if len(choruses) < 2:
        return sections
    full = max(choruses, key=lambda s: len(s.line_syllables)).line_syllables
    out = []
    for s in sections:
        if s in choruses and s.line_syllables != full:
            k = len(s.line_syllables)
            while k > 1 and sum(bars_for_syllables(x, profile=profile, bpb=bpb, step_s=step_s)[0]
                                for x in chorus_lines(full, k)) > s.bars:
                k -= 1
            s = replace(s, line_syllables=chorus_lines(full, k))
        out.append(s)
    return out


def _bar_time(grid: Grid, bars, k: int) -> float:
    return round(grid.time(int(bars.start[k])), 4)


def _bar_end(grid: Grid, bars, k: int) -> float:
    return round(grid.time(int(bars.end[k])), 4)


# --- lyric sections placed on the form --------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """One sung occurrence of a lyric section: its bars (usable-bar indices ``[b0, b1)``)."""

    section: int  # index into lyrics.sections
    b0: int
    b1: int
    repeat: bool  # sung again (a repeat the lyrics ask for, or a returning chorus)
    lead: bool  # sung over the instrumental's own lead
    lines: tuple[tuple[int, int], ...] = ()  # (first bar, bars) per line where they skip a lead break inside

    @property
    def sung_bars(self) -> int:
        """Bars the section's lines sing in (a lead break its lines skip not counted)."""
        return sum(n for _, n in self.lines) if self.lines else self.b1 - self.b0


@dataclass(frozen=True)
class Arrangement:
    """Where each lyric section is sung (``placed``), as a ``FormPlan`` too, and what was repeated."""

    plan: FormPlan
    placed: tuple[Placed, ...]
    bar_steps: tuple[int, ...]  # grid step of every usable bar start, plus the end of the last
    first_step: int  # the earliest grid step a note may start on
    warnings: tuple[str, ...]
    fits: bool  # False: the lyrics do not fit the singable bars (the caller compresses them)
    lead_steps: tuple[bool, ...] = ()  # the instrumental carries a lead at this grid step
    over_lead: int = 0  # bars of lead breaks sung over (lyrics longer than the free room)


def _syl(line) -> int:
    return sum(max(1, len(w.syllables)) for w in line.words)


def _first_index(sec) -> int:
    return sec.lines[0].words[0].index if sec.lines and sec.lines[0].words else -1


def _sequence(lyrics: Lyrics) -> tuple[list[int], list[bool]]:
    """Sections with lines in lyric order, and whether each repeats an earlier one (same words)."""
    seq, rep, seen = [], [], set()
    for i, s in enumerate(lyrics.sections):
        if not s.lines or not any(ln.words for ln in s.lines):
            continue
        key = _first_index(s)
        seq.append(i)
        rep.append(key in seen)
        seen.add(key)
    return seq, rep


def _chorus_of(lyrics: Lyrics, seq: list[int], rep: list[bool]) -> int | None:
    """The section that returns as the chorus: the last chorus/hook, else a section the lyrics
    repeat, else the last section when the lyrics have several."""
    for i in reversed(seq):
        if lyrics.sections[i].kind in ("chorus", "hook"):
            return i
    for i, r in zip(seq, rep):
        if r:
            return i
    return seq[-1] if len(seq) >= 2 else (seq[0] if seq else None)


_FIT = {  # cost of singing a bar of lyric kind (row) over a form bar of label (column)
    "chorus": {"chorus": 0.0, "pre-chorus": 0.45, "verse": 0.5, "bridge": 0.55},
    "verse": {"verse": 0.0, "pre-chorus": 0.25, "bridge": 0.4, "chorus": 0.45},
    "pre-chorus": {"pre-chorus": 0.0, "verse": 0.2, "bridge": 0.35, "chorus": 0.5},
    "bridge": {"bridge": 0.0, "verse": 0.3, "pre-chorus": 0.3, "chorus": 0.45},
}
_FIT["hook"] = _FIT["chorus"]


def _bar_cost(
    kind: str, form_label: str, sung: bool, group: str, *, break_cost: float = 1.5, free_cost: float = 1.2
) -> float:
    if not sung:
        if kind in ("intro", "outro") and form_label == kind:
            return -0.4  # a sung intro/outro over the instrumental's own
        return break_cost if form_label == "break" else free_cost
    if kind in ("intro", "outro"):
        return 0.3
    return _FIT.get(kind, _FIT["verse"]).get(form_label, 0.4)


def arrange(
    analysis: Analysis, lyrics: Lyrics, *, profile: StyleProfile, seed: int = 0, variant: int = 1,
    grid: Grid | None = None, weirdness: float = 0.0,
) -> Arrangement:
    """Place lyric sections, in order, on the planned form of the instrumental.

    A section given again (the same words) is sung again where it stands; when the lyrics fill less
    than three quarters of the bars the form sings, the chorus returns (at the end; variant 2 sings
    the first return right after the first chorus) until the form is about full, and a warning says so.
    Where the lyrics placed would leave the voice on fewer than ``SUNG_MIN`` of the bars between the
    intro and the outro, less is left to the instrumental's lead, and at last nothing.

    Returns
    -------
    Arrangement
        ``fits`` is False when the lyrics need more bars than the whole song has at the densest
        phrasing; the caller then compresses them.
    """
    grid = make_grid(analysis) if grid is None else grid
    scale, before, min_run, empty = 1.0, -1, 1, EMPTY_COST
    for attempt in range(5):
        kw = dict(profile=profile, seed=seed, variant=variant, grid=grid, weirdness=weirdness, rest_scale=scale,
                  empty_cost=empty)  # fmt: skip
        arr, inner, rested = _arrange(analysis, lyrics, **kw, min_run=min_run)
        if min_run == 1 and rested and _crowded(arr):
            # one-bar leads rest only where the lyrics still fit around them at their natural phrasing
            # and no lead break has to be sung over for them
            min_run = 2
            arr, inner, rested = _arrange(analysis, lyrics, **kw, min_run=min_run)
        sung = sum(p.sung_bars for p in arr.placed)
        if not arr.fits or not rested or sung >= SUNG_MIN * inner or scale <= 0.0:
            break
        if empty < FILL_COST:  # under the floor: the lyrics fill the free bars first (sections stretched
            empty = FILL_COST  # over sections of another label), before any rest is given up
            continue
        short = SUNG_MIN * inner - sung
        nxt, before = _less_rest(scale, short, rested, before, last=attempt == 3)
        scale = _finest_scale(analysis, grid, profile=profile, variant=variant, min_run=min_run, lo=nxt, hi=scale,
                              most=rested - math.ceil(short - 1e-9))  # fmt: skip
    return arr


def _finest_scale(
    analysis: Analysis, grid: Grid, *, profile: StyleProfile, variant: int, min_run: int, lo: float, hi: float,
    most: int, steps: int = 8,
) -> float:
    """The largest ``rest_scale`` between ``lo`` and ``hi`` (in ``steps``) whose plan rests at most
    ``most`` bars, else ``lo``: the rests a plan keeps are not proportional to the budget (a run too
    long for it is skipped or cut, a scrap between rests rests too), so the share the shortfall takes
    off the budget can free far more bars than the voice needs and give a whole lead stretch back to it."""
    if lo <= 0.0 or lo >= hi:
        return lo
    first = _first_bar(analysis, grid)
    for k in range(1, steps):
        sc = hi - (hi - lo) * k / steps
        blocks, _ = _skeleton(analysis, grid, profile=profile, first_bar=first, variant=variant, rest_scale=sc,
                              min_run=min_run)  # fmt: skip
        if sum(b.b1 - b.b0 for b in blocks if b.label == "break") <= most:
            return sc
    return lo


def _crowded(arr: Arrangement) -> bool:
    """Whether the lyrics were sung denser than natural ("lyrics longer than the music") or over a lead
    break: they need more than the free room."""
    return arr.over_lead > 0 or any(w.startswith("lyrics longer than the music") for w in arr.warnings)


def _less_rest(scale: float, short: float, rested: int, before: int, *, last: bool) -> tuple[float, int]:
    """The next ``rest_scale`` when the voice sings ``short`` bars too few with ``rested`` bars left to
    the lead: the shortfall, in whole bars, comes off the rests (a shortfall of a fraction of a bar
    frees one bar, not a share of the budget); where that freed nothing last time (``before``), 40 %
    more; at the last try, no rests at all.  Returns it and ``rested`` (the next ``before``)."""
    if last:
        return 0.0, rested
    nxt = scale * max(0.0, 1.0 - math.ceil(short - 1e-9) / rested)
    return (min(nxt, 0.6 * scale) if rested == before else nxt), rested


def _arrange(
    analysis: Analysis, lyrics: Lyrics, *, profile: StyleProfile, seed: int, variant: int, grid: Grid,
    weirdness: float, rest_scale: float, min_run: int = 1, empty_cost: float = EMPTY_COST,
) -> tuple[Arrangement, int, int]:
    """``arrange`` with the lead rests scaled by ``rest_scale`` (runs of ``min_run`` lead bars or more
    rest) and ``empty_cost`` a sung bar left empty; also the bars between the intro and the outro and
    how many of them rest for the lead."""
    bars = _bars(grid)
    first = _first_bar(analysis, grid)
    nb = len(bars.start) - first
    bpb = grid.beats_per_bar
    t0 = earliest_onset(analysis)
    first_step = int(np.searchsorted(grid.times, t0 - 1e-6))
    bar_steps = tuple(int(s) for s in bars.start[first:]) + ((int(bars.end[-1]),) if nb > 0 else ())
    step_s = step_seconds(grid)
    seq, rep = _sequence(lyrics)
    empty = Arrangement(FormPlan(()), (), bar_steps, first_step, (), nb > 0 or not seq)
    if not seq or nb <= 0:
        return empty, 0, 0
    blocks, _ = _skeleton(analysis, grid, profile=profile, first_bar=first, variant=variant, rest_scale=rest_scale,
                          min_run=min_run)
    inner = _before(bars, first) + sum(b.b1 - b.b0 for b in blocks if b.label not in ("intro", "outro"))
    rested = sum(b.b1 - b.b0 for b in blocks if b.label == "break")
    form_label = ["verse"] * nb
    sung = [False] * nb
    lead = [False] * nb
    group = [""] * nb
    block_start = np.zeros(nb + 1, dtype=bool)
    block_start[nb] = True
    for b in blocks:
        block_start[b.b0] = True
        for k in range(b.b0, b.b1):
            form_label[k], sung[k], lead[k], group[k] = b.label, b.sung, b.lead, b.group
    rng = _rng(seed, 0, 1)
    nat_min: dict[int, tuple[list[int], list[int]]] = {}
    for i in seq:
        if i not in nat_min:
            ls = [line_bars(ln, profile=profile, bpb=bpb, irregular=bool(rng.random() < 0.25 * weirdness), step_s=step_s)
                  for ln in lyrics.sections[i].lines if ln.words]  # fmt: skip
            nat_min[i] = ([a for a, _ in ls], [m for _, m in ls])
    avail = sum(sung)
    breaks = sum(1 for k in range(nb) if not sung[k] and form_label[k] == "break")
    need = sum(sum(nat_min[i][0]) for i in seq)
    need_min = sum(sum(nat_min[i][1]) for i in seq)
    need_given = need  # the lyrics as given, before any chorus returns
    repeat = list(rep)
    chorus = _chorus_of(lyrics, seq, rep)
    added: list[int] = []  # positions in seq of the chorus returns added here
    twice = False
    n_blocks = sum(1 for b in blocks if b.sung)
    if chorus is not None and (need < 0.75 * avail or len(seq) < n_blocks):
        c_len, c_min = sum(nat_min[chorus][0]), sum(nat_min[chorus][1])
        first_chorus = seq.index(chorus) if chorus in seq else len(seq) - 1
        sec = lyrics.sections[chorus]
        most = 4 if sec.kind in ("chorus", "hook") or any(r for i, r in zip(seq, rep) if i == chorus) else 1
        # Another return while the lyrics fill under three quarters of the sung bars and it fits there,
        # or while the lyrics have fewer sections than the form sings, leave some of its bars empty at
        # their natural phrasing and the return fits at the lines' densest (no sung section of the
        # instrumental is left empty; the lines sing denser instead).
        while (len(added) < most and c_len > 0
               and ((need < 0.75 * avail and need + c_len <= avail)
                    or (len(seq) < n_blocks and need < avail and need_min + c_min <= avail))):
            if variant == 2 and not added and first_chorus < len(seq) - 2:
                pos = first_chorus + 1  # a double chorus the first time round
            else:
                pos = len(seq)
            added = [p + (p >= pos) for p in added] + [pos]
            seq.insert(pos, chorus)
            repeat.insert(pos, True)
            need += c_len
            need_min += c_min

    rest = [not sung[k] and form_label[k] == "break" for k in range(nb)]
    layouts: dict = {}

    def place(seq: list[int], **cost: float) -> tuple[list[tuple[int, int]] | None, int, int]:
        """The sections' bars, and how many intro/outro and lead-break bars they sing over."""
        spans = None
        if sum(sum(nat_min[i][1]) for i in seq) <= nb:
            spans = _place(seq, lyrics, nat_min, nb=nb, sung=sung, form_label=form_label, group=group,
                           block_start=block_start, rest=rest, layouts=layouts, empty_cost=empty_cost, **cost)
        over_free = over_lead = 0
        for i, (s, e) in zip(seq, spans or []):
            skipped = layouts.get((i, s, e)) is not None
            over_free += sum(1 for k in range(s, e) if not sung[k] and form_label[k] not in (lyrics.sections[i].kind, "break"))
            over_lead += 0 if skipped else sum(1 for k in range(s, e) if rest[k])
        return spans, over_free, over_lead

    # A chorus return that would push the lyrics over the intro, the outro, the instrumental's lead
    # breaks or past what fits is dropped again (the last added first).
    spans, over_free, over_lead = place(seq)
    while added and (spans is None or over_free or over_lead):
        pos = added.pop()
        del seq[pos], repeat[pos]
        spans, over_free, over_lead = place(seq)
    n_chorus = sum(1 for i in seq if lyrics.sections[i].kind in ("chorus", "hook")) or seq.count(chorus)
    if (spans is not None and chorus is not None and analysis.duration >= 60.0 and not added and n_chorus < 2
            and sum(sum(nat_min[i][1]) for i in [*seq, chorus]) <= avail + breaks):
        # A song of a minute or more sings its chorus twice, at the end again: where the lyrics fill
        # the sung bars, the lines sing denser and then the instrumental's lead breaks get shorter
        # (never the intro or the outro).
        again = place([*seq, chorus], break_cost=2.0, free_cost=10.0)
        if again[0] is not None and not again[1]:
            seq.append(chorus)
            repeat.append(True)
            added, twice = [len(seq) - 1], True
            spans, over_free, over_lead = again
    warnings: list[str] = []
    if added and not twice:
        sec = lyrics.sections[chorus]
        tag = sec.tag or f"[{sec.kind.title()}]"
        warnings.append(f"lyrics shorter than the music: {tag} sung {len(added)} more time(s) to fill the song.")
    elif added:
        sec = lyrics.sections[chorus]
        warnings.append(f"{sec.tag or f'[{sec.kind.title()}]'} sung again at the end.")
    asked = sum(repeat) - len(added)
    if asked:
        warnings.append(f"{asked} section(s) sung again where the lyrics repeat them.")
    if spans is None:
        return Arrangement(FormPlan(()), (), bar_steps, first_step, tuple(warnings), False), inner, rested

    placed = []
    for i, r, (s, e) in zip(seq, repeat, spans):
        lines = layouts[(i, s, e)][1] if layouts.get((i, s, e)) is not None else ()
        bars_sung = [k for b, n in lines for k in range(b, b + n)] or list(range(s, e))
        placed.append(Placed(section=i, b0=s, b1=e, repeat=r, lead=bool(np.mean([lead[k] for k in bars_sung]) > 0.5),
                             lines=lines))  # fmt: skip
    # Sung denser than natural because the lyrics as given need more bars than the form sings (not
    # because a returning chorus was fitted in).
    denser = sum(1 for p in placed if p.sung_bars < 0.6 * sum(nat_min[p.section][0])) if need_given > avail else 0
    overflow = overflow_warning(denser, over_free)
    if overflow:
        warnings.insert(0, overflow)
    if over_lead:
        sec = lyrics.sections[chorus] if chorus is not None else None
        why = f"{sec.tag or f'[{sec.kind.title()}]'} sung again needs" if twice and added and sec else "the lyrics need"
        warnings.append(f"sung over the instrumental's own lead for {over_lead} bar(s): {why} more room "
                        "than the track leaves free.")
    plan = _arranged_plan(grid, bars, first, nb, lyrics, placed, form_label, sung)
    return (Arrangement(plan, tuple(placed), bar_steps, first_step, tuple(warnings), True,
                        tuple(bool(x) for x in grid.lead), over_lead), inner, rested)


def _place(
    seq: list[int], lyrics: Lyrics, nat_min: dict[int, tuple[list[int], list[int]]], *, nb: int, sung: list[bool],
    form_label: list[str], group: list[str], block_start: np.ndarray, break_cost: float = 1.5,
    free_cost: float = 1.2, rest: list[bool] | None = None, layouts: dict | None = None,
    empty_cost: float = EMPTY_COST,
) -> list[tuple[int, int]] | None:
    """The bars ``(start, end)`` of every section of ``seq``, in order: the cheapest placement by a
    dynamic programme over bars, or None when none fits.  A bar of a lead break costs ``break_cost``
    to sing over, an intro or outro bar ``free_cost``.

    A section that starts and ends on free bars may span lead breaks (``rest``) with its lines in the
    gaps around them (``pack_lines``): the break bars then cost nothing, and the section's length is
    counted in the bars it sings.  ``layouts`` caches ``pack_lines`` per ``(section, start, end)``:
    the caller reads the lines' bars from it."""
    rest = [False] * nb if rest is None else rest
    layouts = {} if layouts is None else layouts
    rest_prefix = np.concatenate([[0], np.cumsum(rest)]).astype(int)
    free_bars = [k for k in range(nb) if not rest[k]]
    free_rank = {k: r for r, k in enumerate(free_bars)}
    # Dynamic programme over bars: best[e] = cost of the sections so far, the last ending at bar e.
    empty_c = np.array([empty_cost if sung[k] else 0.0 for k in range(nb)])
    gap_prefix = np.concatenate([[0.0], np.cumsum(empty_c)])
    hole = _hole_costs(rest)
    fit_prefix: dict[str, np.ndarray] = {}
    fit_free: dict[str, np.ndarray] = {}
    for i in seq:
        kind = lyrics.sections[i].kind
        if kind not in fit_prefix:
            c = [_bar_cost(kind, form_label[k], sung[k], group[k], break_cost=break_cost, free_cost=free_cost)
                 for k in range(nb)]
            fit_prefix[kind] = np.concatenate([[0.0], np.cumsum(c)])
            fit_free[kind] = np.concatenate([[0.0], np.cumsum([0.0 if rest[k] else c[k] for k in range(nb)])])
    bounds = [k for k in range(nb + 1) if block_start[k]]
    inf = float("inf")
    best = np.full(nb + 1, inf)
    best[0] = 0.0
    back: list[dict[int, tuple[int, int]]] = []
    for si, i in enumerate(seq):
        nat, mn = nat_min[i]
        L_nat, L_min = sum(nat), sum(mn)
        rest_min = sum(sum(nat_min[j][1]) for j in seq[si + 1 :])
        run, arg = cheapest_predecessors(best, gap_prefix, hole)
        new = np.full(nb + 1, inf)
        bp: dict[int, tuple[int, int]] = {}
        kind = lyrics.sections[i].kind
        for s in range(nb):
            if not math.isfinite(run[s]):
                continue
            off = s - max(b for b in bounds if b <= s)
            start_pen = 0.0 if off == 0 else (0.3 if off % 2 == 0 else 0.9)
            lengths = {L_nat, L_min, min(2 * L_nat, max(L_min, L_nat + L_nat // 2)), 2 * L_nat}
            ends = {s + L for L in lengths} | {b for b in bounds if L_min <= b - s <= 2 * L_nat}
            if not rest[s]:  # the same lengths counted in free bars, across the lead breaks between
                r0 = free_rank[s]
                ends |= {free_bars[r0 + L - 1] + 1 for L in lengths if r0 + L - 1 < len(free_bars)}
            for e in sorted(ends):
                L = e - s
                if L < L_min or e > nb or e + rest_min > nb:
                    continue
                skip = None
                if rest_prefix[e] > rest_prefix[s] and not rest[s] and not rest[e - 1]:
                    if (i, s, e) not in layouts:
                        layouts[(i, s, e)] = pack_lines(_free_runs(rest, s, e), nat, mn)
                    skip = layouts[(i, s, e)]
                c = run[s] + start_pen + (0.0 if block_start[e] else 0.25)
                if skip is not None:
                    c += (fit_free[kind][e] - fit_free[kind][s]) + skip[0]
                else:
                    c += (fit_prefix[kind][e] - fit_prefix[kind][s])
                    c += 0.35 * max(0, L_nat - L) + 0.1 * max(0, L - L_nat)
                if c < new[e]:
                    new[e] = c
                    bp[e] = (s, int(arg[s]))
        best = new
        back.append(bp)
    return trace_back(best, back, gap_prefix)


def _free_runs(rest: list[bool], start: int, end: int) -> list[tuple[int, int]]:
    """``(first bar, bars)`` of each run of bars from ``start`` to ``end`` that is not a lead rest."""
    runs, k = [], start
    for resting, group in itertools.groupby(rest[start:end]):
        n = len(list(group))
        if not resting:
            runs.append((k, n))
        k += n
    return runs


def _hole_costs(rest: list[bool], *, longest: int = HOLE_BARS, cost: float = HOLE_COST) -> np.ndarray:
    """``out[e, s]``: what a gap from bar ``e`` to bar ``s`` between two sections costs beyond its empty
    bars: ``cost`` a bar of its longest run of bars that are not a lead rest, beyond ``longest`` (the
    lead fills its own bars; the voice leaving more than ``longest`` bars to nothing is a hole).  A gap
    from bar 0 is before the first note, and free."""
    nb = len(rest)
    out = np.zeros((nb + 1, nb + 1))
    for e in range(1, nb + 1):
        run = most = 0
        for s in range(e + 1, nb + 1):
            run = 0 if rest[s - 1] else run + 1
            most = max(most, run)
            out[e, s] = cost * max(0, most - longest)
    return out


def _arranged_plan(grid, bars, first, nb, lyrics, placed, form_label, sung) -> FormPlan:
    out = []
    k = 0

    def free(a: int, b: int) -> None:
        while a < b:
            lab = form_label[a] if not sung[a] else "break"
            j = a
            while j < b and (form_label[j] if not sung[j] else "break") == lab:
                j += 1
            out.append(FormSection(label=lab, start=_bar_time(grid, bars, first + a), end=_bar_end(grid, bars, first + j - 1),
                                   bars=j - a, sung=False))  # fmt: skip
            a = j

    for p in placed:
        sec = lyrics.sections[p.section]
        label = sec.kind if sec.kind in ("intro", "outro", "verse", "pre-chorus", "chorus", "bridge") else (
            "chorus" if sec.kind == "hook" else "verse")
        syl = [_syl(ln) for ln in sec.lines if ln.words]
        # a section whose lines skip a lead break is sung in pieces, the break free between them
        pieces: list[list[int]] = []  # [first bar, end bar, first line, end line]
        for li, (b, n) in enumerate(p.lines or ((p.b0, p.b1 - p.b0),)):
            if pieces and pieces[-1][1] == b:
                pieces[-1][1], pieces[-1][3] = b + n, li + 1
            else:
                pieces.append([b, b + n, li, li + 1])
        if not p.lines:
            pieces[0][3] = len(syl)
        for b0, b1, l0, l1 in pieces:
            free(k, b0)
            out.append(FormSection(label=label, start=_bar_time(grid, bars, first + b0),
                                   end=_bar_end(grid, bars, first + b1 - 1), bars=b1 - b0, sung=True,
                                   line_syllables=tuple(syl[l0:l1])))  # fmt: skip
            k = b1
        k = max(k, p.b1) if not p.lines else k
    free(k, nb)
    return FormPlan(sections=tuple(out))


def line_spans(
    arr: Arrangement, lyrics: Lyrics, *, profile: StyleProfile, bpb: int, step_s: float | None = None
) -> list[tuple[Placed, list[tuple[int, int]]]]:
    """Grid-step spans ``[start, end)`` of every line of every placed section."""
    out = []
    steps = arr.bar_steps
    for p in arr.placed:
        lines = [ln for ln in lyrics.sections[p.section].lines if ln.words]
        if p.lines:  # lines in the gaps around a lead break
            spans = [(steps[b], steps[min(b + n, len(steps) - 1)]) for b, n in p.lines]
        else:
            ls = [line_bars(ln, profile=profile, bpb=bpb, step_s=step_s) for ln in lines]
            lens = _split(p.b1 - p.b0, [a for a, _ in ls], [m for _, m in ls])
            b = p.b0
            spans = []
            for L in lens:
                spans.append((steps[b], steps[min(b + L, len(steps) - 1)]))
                b += L
        if arr.lead_steps:
            spans = [_clear_of_lead(a, e, arr.lead_steps, syllables=_syl(ln), profile=profile, bpb=bpb, step_s=step_s)
                     for ln, (a, e) in zip(lines, spans)]  # fmt: skip
        out.append((p, spans))
    return out


def _clear_of_lead(
    start: int, end: int, lead: tuple[bool, ...], *, syllables: int, profile: StyleProfile, bpb: int,
    step_s: float | None,
) -> tuple[int, int]:
    """A line's span with its first or last half-bar given to the instrumental's lead where the lead
    plays through most of it and the line still fits the rest with a beat to spare: the voice comes
    in as the lead ends, or lands before it starts (a lead region rarely keeps to the bars)."""
    half = bpb * SUB // 2
    if half < SUB or end - start < 2 * half:
        return start, end
    per = 1 if profile.spoken >= 0.5 or (step_s is not None and step_s >= SLOW_16TH_S) else 2
    need = (syllables - 1) * per + SUB + 2 + SUB  # the densest phrasing (as bars_for_syllables) and a beat

    def mostly_lead(a: int, b: int) -> bool:
        inside = [lead[k] for k in range(max(a, 0), min(b, len(lead)))]
        return bool(inside) and sum(inside) > 0.5 * len(inside)

    if mostly_lead(end - half, end) and not mostly_lead(start, end - half) and end - half - start >= need:
        end -= half
    if mostly_lead(start, start + half) and not mostly_lead(start + half, end) and end - start - half >= need:
        start += half
    return start, end
