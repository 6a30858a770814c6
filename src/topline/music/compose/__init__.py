"""Composition: an instrumental's analysis + lyrics + controls -> a sung melody (``Score``).

``compose`` places the lyric sections on the instrumental's sections (``form``), gives every
line a rhythm on the 16th grid (``rhythm``) and chooses pitches with a small Viterbi search
(``pitch``).  Variant 2 is composed against variant 1 (other contours, another register, a cost on
the same pitch at the same time) so the two melodies differ audibly over the same lyrics.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...errors import ValidationError
from ..controls import Controls
from ..types import Analysis, Lyrics, Note, Score, Syllable
from .form import LinePlan, plan_lines
from .plan import Arrangement, arrange, line_spans, plan_form, step_seconds
from .grid import Grid, make_grid, parse_key, scale_pcs
from .pitch import CONTOURS, MEDIAN_BAND, VOICE, NoteSlot, line_pitches
from .rhythm import Event, line_rhythm

__all__ = ["compose", "plan_form"]

MODE_SURE = 0.5  # Analysis.mode_confidence below which the melody keeps to what both modes share
_SECTION_LIFT = {"chorus": 2.5, "hook": 2.5, "bridge": 1.5, "pre-chorus": 1.0, "verse": 0.0}
# Phrase shapes per style family (arch, descending, rise-fall, terrace): arch and descending
# phrases are the song-like default; rock and gospel build to late peaks; rap and reggae hold a level.
_CONTOUR_P = {
    "default": (0.4, 0.3, 0.2, 0.1), "ballad": (0.5, 0.25, 0.2, 0.05), "rock": (0.3, 0.25, 0.35, 0.1),
    "metal": (0.3, 0.2, 0.35, 0.15), "gospel": (0.35, 0.15, 0.45, 0.05), "hiphop": (0.15, 0.3, 0.1, 0.45),
    "reggae": (0.25, 0.3, 0.15, 0.3), "folk": (0.45, 0.4, 0.1, 0.05), "country": (0.4, 0.4, 0.15, 0.05),
    "electronic": (0.3, 0.25, 0.2, 0.25), "punk": (0.2, 0.3, 0.2, 0.3),
}  # fmt: skip


SHARED_MAX = 0.5  # a variant-2 line sharing more of its onsets with variant 1 is phrased again ...
AVOID_AGAIN = 4.0  # ... with this cost on a shared onset (rhythm.AVOID the first time)
_AIM_TOL = 0.5  # semitones a variant's median may miss its aim by
_TAKES = 5  # compositions at most to bring the median there


@dataclass
class _Voice:
    """What composing one variant produced: the notes, and per line the contour used."""

    notes: list[Note]
    contours: dict[int, str]
    warnings: list[str]


def _syllables(line) -> list[tuple[int, Syllable]]:
    out = []
    for w in line.words:
        if w.syllables:
            out.extend((w.index, s) for s in w.syllables)
        else:  # a word the lyric stage could not spell out (a symbol): still sung once, on a neutral vowel
            out.append((w.index, Syllable(text=w.text, phonemes=("AH",), stress=1)))
    return out


def _rng(seed: int, variant: int, salt: int = 0) -> np.random.Generator:
    return np.random.default_rng([seed & 0xFFFFFFFF, (seed >> 32) & 0xFFFFFFFF, variant, salt])


def _slots(events: list[Event], grid: Grid, reference: dict[int, int] | None) -> list[NoteSlot]:
    n = len(events)
    out = []
    span0 = events[0].start if events else 0.0
    span = max(events[-1].start - span0, 1e-9) if events else 1.0
    for ev in events:
        a, b = int(np.ceil(ev.start)), int(np.ceil(ev.end))
        a, b = min(max(a, 0), grid.n - 1), min(max(b, a + 1), grid.n)
        strong = tuple(grid.chord[i] for i in range(a, b) if grid.weight[i] >= 3)
        beats = tuple(grid.chord[i] for i in range(a, b) if grid.weight[i] == 2)
        avoid = reference.get(int(round(ev.start))) if reference else None
        out.append(NoteSlot(
            strong=strong, beats=beats, chord=grid.chord[a], onset_weight=int(grid.weight[a]), tie=ev.tie,
            t=(ev.start - span0) / span if n > 1 else 0.5, steps=ev.end - ev.start, avoid=avoid,
        ))  # fmt: skip
    return out


def _velocity(plan: LinePlan, t: float, stress: int, last: bool) -> int:
    base = 64 + 28 * plan.energy + (8 if plan.kind in ("chorus", "hook") else 0) - (8 if plan.lead else 0)
    v = base + 8 * np.sin(np.pi * t) + (5 if stress > 0 else 0) - (6 if last else 0) - (10 if plan.line.backing else 0)
    return int(np.clip(round(v), 30, 120))


def _step_time(grid: Grid, step: float) -> float:
    if float(step).is_integer():
        return grid.time(int(step))
    return float(np.interp(step, np.arange(grid.n), grid.times))


def _compose_voice(
    analysis: Analysis, lyrics: Lyrics, grid: Grid, *, controls: Controls, variant: int, ref: _Voice | None,
    offset: float = 0.0,
) -> _Voice:
    prof = controls.profile
    rng = _rng(controls.seed, variant)
    arr = arrange(analysis, lyrics, profile=prof, seed=controls.seed, variant=variant, grid=grid,
                  weirdness=controls.weirdness)
    if arr.fits:
        plans, warnings = _line_plans(arr, lyrics, grid, prof), list(arr.warnings)
    else:  # longer than the music: squeezed over the whole song
        plans, warnings = plan_lines(grid, lyrics, profile=prof, weirdness=controls.weirdness, rng=_rng(controls.seed, 0, 1))
        warnings += [w for w in arr.warnings if not w.startswith("lyrics longer")]
    scale, leading = scale_pcs(analysis.key)
    tonic, _ = parse_key(analysis.key)
    lo, hi, centre0, passaggio = VOICE[controls.gender]
    amp = max(1.0, 0.5 * prof.range_semitones)
    reference = _coverage(grid, ref.notes) if ref else None
    pickup_bias = 0.0 if ref is None else float(rng.uniform(-0.6, 0.6))

    notes: list[Note] = []
    contours: dict[int, str] = {}
    seen: dict[tuple, tuple[list[Event], list[int]]] = {}
    shapes: dict[tuple, tuple[list[Event], list[int]]] = {}
    prev_end = float(arr.first_step)  # no note before the music starts
    prev_pitch: int | None = None
    avoid = _onsets(grid, ref.notes) if ref is not None else None
    off_grid = 0
    for plan in plans:
        syls = _syllables(plan.line)
        stresses = [s.stress for _, s in syls]
        key = (tuple(s.text.lower() for _, s in syls), plan.end - plan.start, plan.kind)
        # The same words again (a repeated chorus) take the same tune; a later verse line with the
        # same place, length and stress pattern as an earlier one takes its tune more loosely.
        shape = (plan.kind, plan.line_in_section, tuple(min(s, 1) for s in stresses), plan.end - plan.start)
        cached, keep_share = seen.get(key), 0.85
        if cached is None and shape in shapes:
            cached, keep_share = shapes[shape], 0.6
        events: list[Event] | None = None
        prefer: list[int] | None = None
        if cached is not None:
            shifted = [Event(e.start + plan.start, e.end + plan.start, e.syl, e.tie) for e in cached[0]]
            if shifted and shifted[0].start >= prev_end:
                events, prefer = shifted, list(cached[1])
        if events is None:
            kw = dict(grid=grid, start=plan.start, end=plan.end, prev_end=prev_end, profile=prof,
                      weirdness=controls.weirdness, audio_weight=controls.audio_weight, rng=rng, lead=plan.lead,
                      compressed=plan.compressed, pickup_bias=pickup_bias, avoid=avoid)  # fmt: skip
            events = line_rhythm(stresses, **kw)
            if avoid is not None and _shared(events, avoid) > SHARED_MAX:
                # still mostly the other variant's rhythm (few ways to sing the line): avoid it harder
                events = line_rhythm(stresses, **kw, avoid_weight=AVOID_AGAIN)
        if any(not float(e.start).is_integer() for e in events):
            off_grid += 1
        slots = _slots(events, grid, reference)
        if prefer is not None:
            keep = rng.random(len(slots)) < keep_share  # the same tune, slightly varied
            slots = [NoteSlot(**{**s.__dict__, "prefer": p if k else None}) for s, p, k in zip(slots, prefer, keep)]
        if ref is not None and plan.line_index in ref.contours:
            others = [c for c in CONTOURS if c != ref.contours[plan.line_index]]
            contour = others[int(rng.integers(len(others)))]
        else:
            p = np.asarray(_CONTOUR_P.get(prof.family, _CONTOUR_P["default"]))
            contour = CONTOURS[int(rng.choice(len(CONTOURS), p=p / p.sum()))]
        contours[plan.line_index] = contour
        lift = _SECTION_LIFT.get(plan.kind, 0.0) + 2.0 * (plan.energy - 0.5) - (3.0 if plan.lead else 0.0)
        centre = float(np.clip(centre0 + lift + offset, lo + amp * 0.6, passaggio - amp * 0.6))
        pitches = line_pitches(
            slots, key_scale=scale, leading_tone=leading, tonic=tonic, gender=controls.gender, centre=centre,
            contour=contour, profile=prof, weirdness=controls.weirdness, audio_weight=controls.audio_weight,
            prev=prev_pitch, cadence="full" if plan.last_in_section else "half", rng=rng,
            mode_sure=analysis.mode_confidence >= MODE_SURE,
        )  # fmt: skip
        if key not in seen:
            seen[key] = ([Event(e.start - plan.start, e.end - plan.start, e.syl, e.tie) for e in events], pitches)
            shapes.setdefault(shape, seen[key])
        n_ev = len(events)
        for k, (ev, p) in enumerate(zip(events, pitches)):
            word_index, syl = syls[ev.syl]
            t = k / max(n_ev - 1, 1)
            notes.append(Note(
                start=_step_time(grid, ev.start), end=_step_time(grid, ev.end), midi=int(p),
                syllable=syl.text, phonemes=() if ev.tie else tuple(syl.phonemes), word_index=word_index,
                line_index=plan.line_index, section=plan.kind, stress=int(syl.stress), tie=ev.tie,
                velocity=_velocity(plan, t, syl.stress, k == n_ev - 1),
            ))  # fmt: skip
        if events:
            prev_end = events[-1].end
            prev_pitch = pitches[-1]
    if off_grid:
        warnings.append(f"lyrics longer than the music: {off_grid} line(s) had to be sung off the beat grid.")
    _tidy(notes, analysis.duration)
    return _Voice(notes=notes, contours=contours, warnings=warnings)


def median_pitch(notes: list[Note]) -> float:
    """The time-weighted median MIDI pitch of notes (what a sung stem's median F0 follows); 0 if none."""
    if not notes:
        return 0.0
    midi = np.array([n.midi for n in notes], dtype=float)
    dur = np.array([max(n.end - n.start, 0.0) for n in notes])
    order = np.argsort(midi, kind="stable")
    cum = np.cumsum(dur[order])
    return float(midi[order][int(np.searchsorted(cum, 0.5 * cum[-1]))])


def _voice_at(
    analysis: Analysis, lyrics: Lyrics, grid: Grid, *, controls: Controls, variant: int, ref: _Voice | None, aim: float
) -> _Voice:
    """Compose a variant whose time-weighted median pitch lands within a semitone of ``aim``.

    Section lifts, contours and the lyrics' share of verse and chorus move a melody's median by a few
    semitones, which would carry a male voice out of its comfortable band: when the first take misses
    ``aim``, its register is moved and it is composed again (``_TAKES`` at most, the closest kept).
    """
    centre = VOICE[controls.gender][2]
    offset = aim - centre
    tried: list[tuple[float, float, _Voice]] = []  # (offset, miss, voice)
    for _ in range(_TAKES):
        voice = _compose_voice(analysis, lyrics, grid, controls=controls, variant=variant, ref=ref, offset=offset)
        miss = aim - median_pitch(voice.notes)
        tried.append((offset, miss, voice))
        if abs(miss) <= _AIM_TOL or not voice.notes:
            break
        # The median follows the register in scale-degree jumps: once two takes bracket the aim,
        # bisect between them; until then move by the miss.
        below = [o for o, m, _ in tried if m > 0]
        above = [o for o, m, _ in tried if m < 0]
        nxt = 0.5 * (max(below) + min(above)) if below and above else offset + float(np.clip(miss, -3.0, 3.0))
        if any(abs(nxt - o) < 0.1 for o, _, _ in tried):
            break
        offset = nxt
    lo, hi = MEDIAN_BAND[controls.gender]  # the closest take, one inside the voice's band first
    return min(tried, key=lambda x: (not lo <= aim - x[1] <= hi, abs(x[1])))[2]


def _aim(controls: Controls, ref: _Voice | None) -> float:
    """The median pitch a variant aims at: the voice's centre moved by the style's voice type; variant
    2 sits 1.5 semitones above or below variant 1 (towards that aim, inside ``MEDIAN_BAND``) so the two
    differ in register."""
    g = controls.gender
    lo, hi = MEDIAN_BAND[g][0] + _AIM_TOL, MEDIAN_BAND[g][1] - _AIM_TOL  # a take may miss by _AIM_TOL
    aim = VOICE[g][2] + controls.register
    if ref is not None:  # the other side of the aim from variant 1 where it missed, else a coin
        first = median_pitch(ref.notes)
        up = first < aim - 0.25 or (abs(first - aim) <= 0.25 and _rng(controls.seed, 2, 2).random() < 0.5)
        step = 1.5 if up else -1.5
        aim = first + step if lo <= first + step <= hi else first - step
    return float(np.clip(aim, lo, hi))


def _line_plans(arr: Arrangement, lyrics: Lyrics, grid: Grid, profile) -> list[LinePlan]:
    """Every sung line occurrence on its phrase: first occurrences keep their lyric line index, lines
    sung again get new indices after them."""
    keys = [ln.words[0].index if ln.words else -1 - k for k, ln in enumerate(lyrics.lines)]
    first_of: dict[int, int] = {}
    for k, key in enumerate(keys):
        first_of.setdefault(key, k)
    nxt = len(lyrics.lines)
    used: set[int] = set()
    plans = []
    for placed, spans in line_spans(arr, lyrics, profile=profile, bpb=grid.beats_per_bar, step_s=step_seconds(grid)):
        sec = lyrics.sections[placed.section]
        lines = [ln for ln in sec.lines if ln.words]
        for li, (ln, (s, e)) in enumerate(zip(lines, spans)):
            idx = first_of.get(ln.words[0].index, nxt)
            if idx in used:
                idx, nxt = nxt, nxt + 1
            used.add(idx)
            a, b = min(max(s, 0), grid.n - 1), min(max(e, s + 1), grid.n)
            plans.append(LinePlan(
                line=ln, line_index=idx, section_index=placed.section, kind=sec.kind, start=int(s), end=int(e),
                energy=float(grid.energy[a:b].mean()) if b > a else 0.5,
                lead=placed.lead or bool(grid.lead[a:b].mean() > 0.5 if b > a else False),
                last_in_section=li == len(lines) - 1, line_in_section=li,
            ))  # fmt: skip
    return plans


def _shared(events: list[Event], avoid: np.ndarray) -> float:
    """Share of a line's onsets on grid steps where the other variant starts a note."""
    on = [int(e.start) for e in events if float(e.start).is_integer()]
    return float(np.mean(avoid[np.clip(on, 0, avoid.size - 1)])) if on else 0.0


def _onsets(grid: Grid, notes: list[Note]) -> np.ndarray:
    """Grid steps (boolean mask) where another melody starts a note, and the 16ths either side."""
    mask = np.zeros(grid.n, dtype=bool)
    idx = np.clip(np.searchsorted(grid.times, [n.start - 1e-6 for n in notes]), 0, max(grid.n - 1, 0))
    mask[idx] = True
    return mask


def _coverage(grid: Grid, notes: list[Note]) -> dict[int, int]:
    """Grid step -> the pitch another melody sings there."""
    out: dict[int, int] = {}
    for n in notes:
        a, b = np.searchsorted(grid.times, [n.start - 1e-6, n.end - 1e-6])
        for i in range(int(a), int(b)):
            out[i] = n.midi
    return out


def _tidy(notes: list[Note], duration: float) -> None:
    """Guarantee what the contract promises whatever the edge cases: in order, inside the song, no overlap."""
    prev = 0.0
    for n in notes:
        n.start = max(n.start, prev)
        n.end = min(max(n.end, n.start + 1e-3), max(duration, n.start + 1e-3))
        prev = n.end


def compose(analysis: Analysis, lyrics: Lyrics, *, controls: Controls, variant: int) -> Score:
    """Compose the sung melody of one variant.

    Parameters
    ----------
    analysis : Analysis
        The instrumental: beats, bars, key, chords, sections, lead regions.
    lyrics : Lyrics
        Every word is sung exactly once, in order.
    controls : Controls
        Style profile (density, syncopation, range, melisma, phrase length), weirdness, audio weight
        (how strictly chords and grid are followed), gender (the range) and seed.
    variant : {1, 2}
        Which of the task's two melodies; each gets its own random stream from the seed.

    Returns
    -------
    Score
        Notes in time order, never overlapping, on the 16th grid of the analysis beats;
        ``warnings`` says when the lyrics had to be squeezed.

    Raises
    ------
    ValidationError
        If ``variant`` is not 1 or 2.
    """
    if variant not in (1, 2):
        raise ValidationError(f"variant must be 1 or 2, not {variant!r}.", field="variant")
    grid = make_grid(analysis)
    voice = _voice_at(analysis, lyrics, grid, controls=controls, variant=1, ref=None, aim=_aim(controls, None))
    if variant == 2:
        voice = _voice_at(analysis, lyrics, grid, controls=controls, variant=2, ref=voice, aim=_aim(controls, voice))
    return Score(
        variant=variant, gender=controls.gender, seed=controls.seed, notes=voice.notes, tempo=float(analysis.tempo),
        key=analysis.key, style=controls.profile.family, warnings=list(voice.warnings),
    )  # fmt: skip
