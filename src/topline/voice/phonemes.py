"""From notes to a timed phoneme plan the neural voice can render.

Singing times phonemes differently from speech: each syllable's vowel lands on its note's
start, the onset consonants are sung just *before* it (taken from the previous note's tail
or the preceding rest), the vowel holds the note, coda consonants come at the very end,
diphthongs glide late, and tied notes (melismas) keep the vowel going.  Notes close together
form one *phrase*, rendered by one call of the voice so coarticulation stays natural.
The neural voice renders every phoneme at a *canonical* length that does not depend on the
rhythm (consonants at their unhurried length, vowels at ``VOWEL_RENDER_S``, glides at
``GLIDE_RENDER_S``) and the phrase carries a time map (``song_knots``/``render_knots``) that
WORLD uses to stretch or squeeze each phoneme to its sung time.  Two melodies of the same
lyrics thus ask the voice for the same rendering, which ``sing`` renders once.  Which vowels
are reduced depends on the lyrics only (stress and place in the line), for the same reason.

ARPAbet is mapped to the phoneme symbols Kokoro was trained on (misaki's, which follow
espeak-ng's IPA): American or British (``accent``: long-vowel marks, "əʊ", no post-vocalic
r).  Diphthongs are two symbols, so their glide can be timed; word spaces and stress marks
are kept, as in Kokoro's own input, and a phrase that ends a lyric line ends with a full stop.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from topline.errors import VoiceError
from topline.music.types import Note

VOWELS = {
    "AA": "ɑ", "AE": "æ", "AH": "ʌ", "AO": "ɔ", "AW": "aʊ", "AY": "aɪ", "EH": "ɛ", "ER": "ɜɹ",
    "EY": "eɪ", "IH": "ɪ", "IY": "i", "OW": "oʊ", "OY": "ɔɪ", "UH": "ʊ", "UW": "u",
}  # fmt: skip
#: British vowels where they differ from the American ones.
VOWELS_GB = {"AA": "ɑː", "AO": "ɔː", "ER": "ɜː", "IY": "iː", "OW": "əʊ", "UW": "uː"}
#: Unstressed vowels are reduced as in speech, except at a line's end (often held).
REDUCED = {"AH": "ə", "ER": "əɹ", "IY": "i"}
REDUCED_GB = {"AH": "ə", "ER": "ə", "IY": "i"}
DIPHTHONGS = {"AW", "AY", "EY", "OW", "OY"}
CONSONANTS = {
    "B": "b", "CH": "ʧ", "D": "d", "DH": "ð", "F": "f", "G": "ɡ", "HH": "h", "JH": "ʤ", "K": "k",
    "L": "l", "M": "m", "N": "n", "NG": "ŋ", "P": "p", "R": "ɹ", "S": "s", "SH": "ʃ", "T": "t",
    "TH": "θ", "V": "v", "W": "w", "Y": "j", "Z": "z", "ZH": "ʒ",
}  # fmt: skip
#: Consonants sung without voicing (the neural voice is given no F0 there).
UNVOICED = {"CH", "F", "HH", "K", "P", "S", "SH", "T", "TH"}
SONORANTS = {"M", "N", "NG", "L", "R", "W", "Y"}
#: Consonants sung with voicing that are not sonorants: stops, fricatives and an affricate.
VOICED_OBSTRUENTS = {"B", "D", "DH", "G", "JH", "V", "Z", "ZH"}
#: Unhurried length of each consonant in seconds (shortened when the music is fast).
CONSONANT_S = {
    "B": 0.055, "D": 0.05, "G": 0.055, "P": 0.07, "T": 0.065, "K": 0.07, "CH": 0.1, "JH": 0.09,
    "F": 0.085, "V": 0.06, "TH": 0.08, "DH": 0.045, "S": 0.1, "Z": 0.075, "SH": 0.1, "ZH": 0.08,
    "HH": 0.065, "M": 0.07, "N": 0.065, "NG": 0.07, "L": 0.06, "R": 0.06, "W": 0.055, "Y": 0.05,
}  # fmt: skip

#: Notes further apart than this start a new phrase (a breath or a clean stop).
PHRASE_GAP_S = 0.12
#: A phrase longer than this is rendered in parts.
MAX_PHRASE_S = 8.0
#: The shortest a vowel is sung before the consonants after it are hurried (fast notes): squeezed
#: to half their length or less, plosives and fricatives were misheard ("left to lose" heard as
#: "left you lose" on eighths at 132 BPM), while a 70 ms vowel is still a whole vowel.
MIN_VOWEL_S = 0.07
#: Hurried, a coda gives way down to this share of its length before the next onset is shortened.
CODA_KEEP = 0.5
#: The earliest onset consonants may start before their vowel.
MAX_ONSET_S = 0.3
#: Frames of lead-in (the leading pad) and lead-out (the trailing pad) around each phrase.
#: Kokoro renders the first 8 frames (0.2 s) of every call as silence and starts a phrase's first
#: sound 100-150 ms before its token: with 2-10 frames of lead-in the first vowel was measured
#: 10-40 dB too quiet, and with 12 (and the vowels levelled, see ``voice.even_vowels``) a phrase's
#: first sound was still misheard ("sing" as "thing", "every" as "the re-", "running" as
#: "turning", am_michael).  18 frames said them (dry WER on the bench_voice lines, am_michael
#: 8 -> 0 %, am_puck 3 -> 4 %), but every frame of the pad past those 8 and before the first sound
#: is rendered as sound too: with the pad given an F0 (as it was then) a hum, without one a breathy
#: noise, up to 5-15 dB under the phrase for am_puck (measured: 250 ms of it with 18 frames, none
#: or a few tens of ms merging into the first consonant with 14); sung, it stood in the rests
#: before phrases as a loud "breath" (``benchmarks/gap_sound.py``).  14 frames leave the first
#: sound its 100-150 ms after the silent start and little pad to fill.
BOS_FRAMES = 14
#: The trailing pad is long, as in Kokoro's own sentence ends (its duration predictor gives the last
#: phoneme and the pad 20-24 frames together): with 4 frames the speech model cut the phrase's last
#: sounds short ("right" heard as "wrong", "road" as "row", "comes" as "come"); 14 frames brought
#: the line-final words back (Whisper tiny.en on the bench_voice lines, the neural rendering alone:
#: am_michael 16 -> 4 %, am_puck 16 -> 4 %, bm_george 4 -> 0 % median word error rate), for about
#: 7 % more rendering.
EOS_FRAMES = 14
#: A phrase that ends a lyric line ends as Kokoro's sentences do, with a full stop before the
#: trailing pad, given this many frames (taken on top of the pad); ``PHRASE_END_MARK`` ends the
#: other phrases (cut mid-line at a rest), ``None`` for none.
LINE_END_MARK: str | None = "."
PHRASE_END_MARK: str | None = None
END_MARK_FRAMES = 2
#: Kokoro's sound comes this long before the tokens it is aligned to (measured: 100-125 ms
#: in the model's own renderings as in ours; 85 ms puts the vowel onsets of sung notes, as
#: quality.md measures them, on the note starts: 125 ms made them 45-70 ms late, 75 ms 12 ms
#: early); the time map and the voicing follow the sound.
SOUND_LEAD_S = 0.085
#: At a phrase's end the sound leads its tokens less (measured on the raw renderings of the
#: bench_voice lines: the last phoneme's sound fell 30 dB under the phrase's vowels 10-90 ms,
#: median 50, after the end the 85 ms lead gives it, and decayed on through the end mark and the
#: trailing pad).  ``sing`` measures where the last sound ends in each rendering and maps that
#: point to the last phoneme's planned end (``end_at``); the rendering goes on at speed for this
#: long after it, faded out (a singer's release), and the phrase ends there.
RELEASE_S = 0.05
#: The pad id that opens and closes every phrase (Kokoro's ``$``).
PAD_ID = 0
#: The neural voice renders every vowel this long (WORLD re-times it): Kokoro does not fill
#: long vowel tokens anyway, and 0.1 s rendered 16 % less than 0.15 s with the same word
#: error rate (measured with Whisper tiny.en on sung test lines).
VOWEL_RENDER_S = 0.1
GLIDE_RENDER_S = 0.075  # ... and the second quality of a diphthong this long
#: ... and the vowel of a line's last syllable this long: it is usually held, and the speech
#: model says a sentence's end softer and shorter; 0.2 s brought the line-final words back
#: (word error rate 16 -> 10.5 % for am_puck on the test lines, about 2 % more rendering).
LINE_END_VOWEL_RENDER_S = 0.2
VOWEL_EDGE_S = 0.04  # the vowel's transitions at either end keep their speed
MARKER_MAX_FRAMES = 1  # spaces and stress marks are transitions, never long


@dataclass
class Syllable:
    """A syllable sung over one note and its ties."""

    notes: list[Note]
    onset: list[str]
    nucleus: list[str]
    coda: list[str]
    line_end: bool = False  # the last syllable of its lyric line

    @property
    def start(self) -> float:
        return self.notes[0].start

    @property
    def end(self) -> float:
        return self.notes[-1].end


@dataclass
class Unit:
    """One phoneme placed in time (seconds, song clock)."""

    arpabet: str
    ipa: str
    start: float
    end: float
    vowel: bool
    syllable: int = 0  # index of its syllable in the phrase
    glide: bool = False  # the second quality of a diphthong
    line_end: bool = False  # a vowel of its line's last syllable (often held)


@dataclass
class Phrase:
    """One call of the voice: ids, frames per id, and how its rendering maps to the song clock.

    ``t0`` is the song time of the rendering's first sample; every phoneme is rendered at
    its canonical length (``render_length``) and re-timed to the song by the time map.
    """

    t0: float
    ids: np.ndarray
    durations: np.ndarray
    units: list[Unit]
    notes: list[Note]
    breath: bool = False  # a phrase start after a rest at a new line: take a breath first
    syllables: list[Syllable] = field(default_factory=list)
    #: the time map: song-clock times and the rendering-clock times (seconds from the
    #: rendering's first sample) that match them; linear in between
    song_knots: np.ndarray = field(default_factory=lambda: np.zeros(0))
    render_knots: np.ndarray = field(default_factory=lambda: np.zeros(0))
    #: per unit, where its sound starts and ends on the rendering clock (seconds; canonical,
    #: see ``render_length``; ``SOUND_LEAD_S`` before its tokens)
    unit_render: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))

    @property
    def frames(self) -> int:
        return int(self.durations.sum())

    @property
    def end(self) -> float:
        """Song time where the phrase's sound ends."""
        return float(self.song_knots[-1])

    def to_render(self, t: np.ndarray) -> np.ndarray:
        """Rendering-clock seconds for song-clock times ``t``."""
        return np.interp(t, self.song_knots, self.render_knots)

    def to_song(self, r: np.ndarray) -> np.ndarray:
        """Song-clock seconds for rendering-clock times ``r``."""
        return np.interp(r, self.render_knots, self.song_knots)


def bare_symbol(ph: str) -> str:
    """An ARPAbet phoneme without its stress digit, upper case ("ah1" -> "AH")."""
    return "".join(c for c in str(ph).upper() if not c.isdigit())


def _clean(ph: str, where: Note) -> str:
    sym = bare_symbol(ph)
    if sym not in VOWELS and sym not in CONSONANTS:
        raise VoiceError(
            f"The note at {where.start:.2f}s ('{where.syllable}') has an unknown phoneme '{ph}'; "
            "phonemes must be ARPAbet symbols."
        )
    return sym


def validate(notes: list[Note]) -> None:
    """Raise ``VoiceError`` on a score the voice cannot sing."""
    prev = None
    for n in notes:
        if not (np.isfinite(n.start) and np.isfinite(n.end)) or n.start < 0 or n.end <= n.start:
            raise VoiceError(f"The note at {n.start}s ('{n.syllable}') has no positive duration.")
        if not 0 < n.midi < 128:
            raise VoiceError(f"The note at {n.start:.2f}s has an impossible pitch (MIDI {n.midi}).")
        if prev is not None and n.start < prev.end - 0.005:
            raise VoiceError(f"The notes at {prev.start:.2f}s and {n.start:.2f}s overlap; a voice sings one at a time.")
        if n.tie and prev is None:
            raise VoiceError(f"The note at {n.start:.2f}s continues a syllable but no note precedes it.")
        if not n.tie and not n.phonemes:
            raise VoiceError(f"The note at {n.start:.2f}s ('{n.syllable}') has no phonemes to sing.")
        prev = n


def syllables(notes: list[Note]) -> list[Syllable]:
    """Group notes into syllables (a note plus its ties) and split onset/nucleus/coda."""
    out: list[Syllable] = []
    for n in notes:
        if n.tie:
            out[-1].notes.append(n)
            continue
        phs = [_clean(p, n) for p in n.phonemes]
        vidx = [i for i, p in enumerate(phs) if p in VOWELS]
        if not vidx:  # "hmm", "shh": sustain the last sonorant, else add a neutral vowel
            son = [i for i, p in enumerate(phs) if p in SONORANTS]
            if son:
                vidx = [son[-1]]
            else:
                phs = [*phs, "AH"]
                vidx = [len(phs) - 1]
        a, b = vidx[0], vidx[-1] + 1
        if out:
            out[-1].line_end = out[-1].notes[0].line_index != n.line_index
        out.append(Syllable(notes=[n], onset=phs[:a], nucleus=phs[a:b], coda=phs[b:]))
    if out:
        out[-1].line_end = True
    return out


def _cons_len(phs: list[str]) -> float:
    return float(sum(CONSONANT_S.get(p, 0.06) for p in phs))


def _spread(phs: list[str], start: float, end: float) -> list[tuple[str, float, float]]:
    """Share [start, end] among consonants in proportion to their natural length."""
    if not phs:
        return []
    w = np.array([CONSONANT_S.get(p, 0.06) for p in phs])
    edges = start + (end - start) * np.concatenate([[0.0], np.cumsum(w) / w.sum()])
    return [(p, float(edges[i]), float(edges[i + 1])) for i, p in enumerate(phs)]


def _vowel_ipa(sym: str, stress: int, line_end: bool, accent: str = "us") -> str:
    gb = accent == "gb"
    reduced = REDUCED_GB if gb else REDUCED
    if stress == 0 and not line_end and sym in reduced:
        return reduced[sym]
    if sym in VOWELS:
        return (VOWELS_GB.get(sym) if gb else None) or VOWELS[sym]
    return CONSONANTS[sym]


def _nucleus_units(syl: Syllable, start: float, end: float, accent: str = "us") -> list[Unit]:
    stress = syl.notes[0].stress
    units: list[Unit] = []
    share = (end - start) / len(syl.nucleus)
    for k, sym in enumerate(syl.nucleus):
        a, b = start + k * share, start + (k + 1) * share
        ipa = _vowel_ipa(sym, stress, syl.line_end, accent)
        if sym in DIPHTHONGS and len(ipa) == 2:
            # glide late: the first quality holds, the second comes in the last moment
            glide = min(0.3 * (b - a), 0.12)
            units.append(Unit(sym, ipa[0], a, b - glide, True, line_end=syl.line_end))
            units.append(Unit(sym, ipa[1], b - glide, b, True, glide=True, line_end=syl.line_end))
        else:
            units.append(Unit(sym, ipa, a, b, True, line_end=syl.line_end))
    return units


def _split_phrases(syls: list[Syllable]) -> list[list[Syllable]]:
    groups: list[list[Syllable]] = []
    for s in syls:
        if groups and s.start - groups[-1][-1].end <= PHRASE_GAP_S:
            groups[-1].append(s)
        else:
            groups.append([s])
    return [part for g in groups for part in _bound_length(g)]


def _bound_length(group: list[Syllable]) -> list[list[Syllable]]:
    """Split a phrase longer than ``MAX_PHRASE_S`` where a singer would: at a line's end, else
    the widest gap, preferably between words (long renderings cost more than their length in
    time and memory)."""
    if group[-1].end - group[0].start <= MAX_PHRASE_S or len(group) < 2:
        return [group]
    best, score = 0, -np.inf
    for i in range(1, len(group)):
        before, after = group[i].start - group[0].start, group[-1].end - group[i].start
        if min(before, after) < 0.25 * MAX_PHRASE_S:
            continue
        gap = group[i].start - group[i - 1].end
        new_word = group[i].notes[0].word_index != group[i - 1].notes[0].word_index
        # a line's end is where the lyrics pause, whatever the melody: both variants split there
        new_line = group[i - 1].line_end
        value = gap + 0.05 * new_word + 1.0 * new_line - 1e-3 * abs(before - after)
        if value > score:
            best, score = i, value
    if best == 0:
        best = len(group) // 2
    return _bound_length(group[:best]) + _bound_length(group[best:])


def _place_runs(groups: list[list[Syllable]], accent: str = "us") -> list[list[Unit]]:
    """Time every phoneme of every phrase: the units of each group, in order.

    Phrases that ``_bound_length`` cut out of one legato run (no rest between them) are placed
    together, as one phrase, and then cut: the first onset of each part is sung before its note
    out of the previous part's last note, as between syllables inside a phrase.  Placed apart,
    that onset found the previous phrase still sounding and got no time at all ("she" sung as a
    click and heard as "G", "grab" as "of", "Margaret" as "grit": 38 of 90 phrase-initial onsets
    on the held-out bench_sing set).  A phrase after a rest takes its onset from the rest.
    """
    out: list[list[Unit]] = []
    earliest = -np.inf
    i = 0
    while i < len(groups):
        j = i + 1
        while j < len(groups) and groups[j][0].start - groups[j - 1][-1].end <= PHRASE_GAP_S:
            j += 1
        units = _place([s for g in groups[i:j] for s in g], earliest, accent)
        first = 0
        for g in groups[i:j]:
            part = [u for u in units if first <= u.syllable < first + len(g)]
            for u in part:
                u.syllable -= first
            out.append(part)
            first += len(g)
        earliest = units[-1].end + 0.03
        i = j
    return out


#: Stops sung once where a coda meets the next onset ("left to" as "lef-to", "and to" as "an-to"):
#: the same consonant, or a stop and its voiced or voiceless twin.
_TWINS = {("T", "D"), ("D", "T"), ("P", "B"), ("B", "P"), ("K", "G"), ("G", "K")}


def _merged(coda: list[str], onset: list[str]) -> list[str]:
    """The coda as sung before ``onset`` in one breath: a last consonant the onset repeats (or its
    twin stop) is sung once, as the onset, so the next word's consonant keeps its length."""
    if coda and onset and (coda[-1] == onset[0] or (coda[-1], onset[0]) in _TWINS):
        return coda[:-1]
    return list(coda)


def _share(coda: float, onset: float, avail: float) -> tuple[float, float]:
    """Split ``avail`` seconds between a coda and the next onset that together need more.

    The onset keeps its length while the coda gives way, down to ``CODA_KEEP`` of its own; only
    then do both shrink alike (a word's first consonant is what tells "to" from "you").
    """
    if coda + onset <= avail:
        return coda, onset
    if CODA_KEEP * coda + onset <= avail:
        return avail - onset, onset
    scale = avail / (CODA_KEEP * coda + onset)
    return CODA_KEEP * coda * scale, onset * scale


def _place(group: list[Syllable], earliest: float, accent: str = "us") -> list[Unit]:
    """Time every phoneme of a phrase on the song clock."""
    n = len(group)
    onset_sc = [0.0] * n
    coda_sc = [0.0] * n
    codas = [_merged(group[i].coda, group[i + 1].onset) for i in range(n - 1)] + [list(group[-1].coda)]
    # first onset: into the rest before the phrase
    need = _cons_len(group[0].onset)
    room = min(MAX_ONSET_S, group[0].start - earliest)
    onset_sc[0] = need * min(1.0, max(room, 0.0) / need) if need else 0.0
    # between syllables: coda of one and onset of the next share the end of the first
    for i in range(1, n):
        prev, cur = group[i - 1], group[i]
        span = cur.start - prev.start
        need = _cons_len(codas[i - 1]) + _cons_len(cur.onset)
        if not need:
            continue
        # the consonants take what they need as long as the vowel keeps half its note; on fast
        # notes the vowel gives way down to MIN_VOWEL_S before the consonants are hurried
        vowel = max(MIN_VOWEL_S, min(0.5 * (prev.end - prev.start), span - need))
        avail = max(0.5 * span, span - vowel)
        coda_sc[i - 1], onset_sc[i] = _share(_cons_len(codas[i - 1]), _cons_len(cur.onset), avail)
    last = group[-1]
    c = min(_cons_len(last.coda), 0.6 * (last.end - last.start))
    units: list[Unit] = []
    for i, syl in enumerate(group):
        mark = len(units)
        on_start = syl.start - onset_sc[i]
        units += [Unit(p, CONSONANTS[p], a, b, False) for p, a, b in _spread(syl.onset, on_start, syl.start)]
        if i + 1 < n:
            coda_end = group[i + 1].start - onset_sc[i + 1]
            coda_start = coda_end - coda_sc[i]
        else:  # the last coda is released around the note's end
            coda_start = syl.end - 0.65 * c
            coda_end = coda_start + c
        units += _nucleus_units(syl, syl.start, coda_start, accent)
        units += [Unit(p, CONSONANTS[p], a, b, False) for p, a, b in _spread(codas[i], coda_start, coda_end)]
        for u in units[mark:]:
            u.syllable = i
    return units


def _tokens(
    group: list[Syllable], units: list[Unit], id_map: dict[str, int]
) -> tuple[list[int], list[int], list[bool]]:
    """Kokoro's ids (a pad at either end); per id, the unit whose time it shares (-1: the
    leading pad, ``len(units)``: the trailing pad and the end mark before it), and whether it
    is a marker (word space, stress, end mark)."""
    ids, owner, marker = [PAD_ID], [-1], [False]
    for j, u in enumerate(units):
        syl = group[u.syllable]
        first = j == 0 or units[j - 1].syllable != u.syllable
        first_vowel = u.vowel and (j == 0 or not units[j - 1].vowel or units[j - 1].syllable != u.syllable)
        marks = []
        if first and u.syllable > 0 and syl.notes[0].word_index != group[u.syllable - 1].notes[0].word_index:
            marks.append(" ")
        if first_vowel and syl.notes[0].stress in (1, 2):
            marks.append("ˈ" if syl.notes[0].stress == 1 else "ˌ")
        for m in marks:  # markers belong to the transition, i.e. the unit before
            ids.append(id_map[m])
            owner.append(j - 1)
            marker.append(True)
        for ch in u.ipa:
            if ch not in id_map:
                raise VoiceError(f"The voice has no symbol for '{ch}' ({u.arpabet}).")
            ids.append(id_map[ch])
            owner.append(j)
            marker.append(False)
    end_mark = LINE_END_MARK if group[-1].line_end else PHRASE_END_MARK
    if end_mark is not None:
        ids.append(id_map[end_mark])
        owner.append(len(units))
        marker.append(True)
    ids.append(PAD_ID)
    owner.append(len(units))
    marker.append(False)
    return ids, owner, marker


def render_length(u: Unit) -> float:
    """Seconds the neural voice renders a unit: canonical, whatever its sung length.

    A sustained vowel is stationary, so WORLD stretches it to the note far more cheaply than
    the neural voice would render it; squeezing a consonant or a short vowel is a speed-up
    like a quicker speaker's.  Independent of the rhythm, so the same lyrics on another
    melody reuse the rendering.
    """
    if u.vowel:
        if u.glide:
            return GLIDE_RENDER_S
        return LINE_END_VOWEL_RENDER_S if u.line_end else VOWEL_RENDER_S
    return CONSONANT_S.get(u.arpabet, 0.06)


def _render_bounds(units: list[Unit], frame_s: float, min_frames: np.ndarray | None = None) -> np.ndarray:
    """Frame index where each unit ends in the voice's rendering (after ``BOS_FRAMES``);
    each unit lasts ``render_length``, and at least ``min_frames`` (one per id it owns)."""
    lengths = [render_length(u) for u in units]
    least = np.ones(len(units), dtype=np.int64) if min_frames is None else np.maximum(min_frames, 1)
    bounds = BOS_FRAMES + np.round(np.cumsum(lengths) / frame_s).astype(np.int64)
    for i in range(bounds.size):  # every id gets at least one frame
        bounds[i] = max(bounds[i], (bounds[i - 1] if i else BOS_FRAMES) + int(least[i]))
    return bounds


def _knots(
    units: list[Unit], bounds: np.ndarray, frame_s: float, tail_frames: int = EOS_FRAMES
) -> tuple[np.ndarray, np.ndarray]:
    """Matching song-clock and rendering-clock times, for a piecewise-linear time map
    (``tail_frames``: the frames after the last unit, the trailing pad and any end mark)."""
    song = [units[0].start - BOS_FRAMES * frame_s, units[0].start]
    render = [0.0, BOS_FRAMES * frame_s]
    for u, b in zip(units, bounds):
        rs, re = render[-1], b * frame_s
        if u.vowel and (u.end - u.start) > (re - rs) + frame_s:
            # keep the vowel's edges (its transitions) at speed, stretch only its middle
            edge = min(VOWEL_EDGE_S, (re - rs) / 4)
            song += [u.start + edge, u.end - edge]
            render += [rs + edge, re - edge]
        song.append(u.end)
        render.append(re)
    song.append(units[-1].end + tail_frames * frame_s)
    render.append(render[-1] + tail_frames * frame_s)
    # the sound leads its tokens: shift the rendering clock (the lead-in and the tail keep speed)
    lead = SOUND_LEAD_S
    render = [0.0] + [r - lead for r in render[1:-1]] + [render[-1]]
    song[0] = song[1] - render[1]
    song[-1] = song[-2] + (render[-1] - render[-2])
    return np.array(song), np.array(render)


def end_at(p: Phrase, sound_end: float, *, release_s: float = RELEASE_S) -> Phrase:
    """The phrase with its time map ending where its rendering's last sound ends.

    Parameters
    ----------
    p : Phrase
        A phrase of ``plan`` (its time map leads every token by ``SOUND_LEAD_S``).
    sound_end : float
        Rendering-clock seconds where the last phoneme's sound ends, measured on the rendering;
        taken between the end the constant lead gives the last unit and its token's end (a lead
        from ``SOUND_LEAD_S`` down to 0).
    release_s : float
        Seconds of the rendering kept after that point, at speed; the phrase ends there.

    Returns
    -------
    Phrase
        The same phrase (ids, durations, units) whose map puts ``sound_end`` on the last unit's
        song end: the lead shrinks linearly from ``SOUND_LEAD_S`` at the start of the last
        syllable's vowel to the end's own lead, so the last vowel and its consonants are
        re-timed smoothly and what comes before keeps its map.
    """
    if not p.units:
        return p
    song, render = p.song_knots.copy(), p.render_knots.copy()
    nominal = float(render[-2])  # the last unit's end under the constant lead
    shift = float(np.clip(sound_end - nominal, 0.0, SOUND_LEAD_S))
    syllable = p.units[-1].syllable
    first = min((i for i, u in enumerate(p.units) if u.vowel and u.syllable == syllable), default=len(p.units) - 1)
    start = float(p.unit_render[first][0])  # where the last syllable's vowel starts sounding
    if nominal > start:
        inner = slice(0, render.size - 1)
        w = np.clip((render[inner] - start) / (nominal - start), 0.0, 1.0)
        render[inner] = render[inner] + shift * w
    else:
        render[-2] += shift
    song[-1] = song[-2] + release_s
    render[-1] = render[-2] + release_s
    return replace(p, song_knots=song, render_knots=render)


def _frames(units: list[Unit], owner: list[int], marker: list[bool], bounds: np.ndarray) -> np.ndarray:
    """Frames per id: each unit's frames shared among its ids, at least one each, markers short."""
    unit_frames = np.diff(np.concatenate([[0, BOS_FRAMES], bounds]))  # index 0: BOS, i+1: unit i
    owner_arr = np.array(owner)
    marker_arr = np.array(marker, dtype=bool)
    dur = np.zeros(len(owner), dtype=np.int64)
    for u in range(-1, len(units) + 1):
        idx = np.flatnonzero(owner_arr == u)
        if u == len(units):  # the end mark, if any, then the trailing pad
            dur[idx] = np.where(marker_arr[idx], END_MARK_FRAMES, EOS_FRAMES)
            continue
        total = int(unit_frames[u + 1])
        marks, own = idx[marker_arr[idx]], idx[~marker_arr[idx]]
        dur[marks] = 1
        rest = total - marks.size
        if own.size == 0:
            dur[marks[-1]] += rest if marks.size else 0
            continue
        # the unit's own ids share the rest, at least a frame each, the first (the sound's body) the most
        dur[own] = 1
        extra = rest - own.size
        share = extra // own.size
        dur[own] += share
        dur[own[0]] += extra - share * own.size
    return dur


def plan(notes: list[Note], *, id_map: dict[str, int], frame_s: float, accent: str = "us") -> list[Phrase]:
    """Turn a score's notes into phrases of phoneme ids with frame durations.

    Parameters
    ----------
    notes : list of Note
        In time order.
    id_map : dict
        The voice's IPA symbol -> id map.
    frame_s : float
        Seconds per acoustic frame of the voice.
    accent : {"us", "gb"}
        American or British pronunciation (British: no r after a vowel in the same syllable).

    Returns
    -------
    list of Phrase
        Each with its ids, frames per id and the map from its rendering to the song clock.
    """
    notes = sorted(notes, key=lambda n: n.start)
    validate(notes)
    phrases: list[Phrase] = []
    prev_line = None
    if accent not in ("us", "gb"):
        raise VoiceError(f"The accent must be 'us' or 'gb', not {accent!r}.")
    syls = syllables(notes)
    if accent == "gb":  # non-rhotic: "car" is kɑː, "heart" hɑːt
        for syl in syls:
            syl.coda = [p for p in syl.coda if p != "R"]
    groups = _split_phrases(syls)
    for group, units in zip(groups, _place_runs(groups, accent)):
        ids, owner, marker = _tokens(group, units, id_map)
        own = np.array(owner)
        owned = np.bincount(own[(own >= 0) & (own < len(units))], minlength=len(units))
        bounds = _render_bounds(units, frame_s, owned)
        dur = _frames(units, owner, marker, bounds)
        song_knots, render_knots = _knots(units, bounds, frame_s, int(dur[own == len(units)].sum()))
        gap = group[0].start - (phrases[-1].notes[-1].end if phrases else 0.0)
        line = group[0].notes[0].line_index
        breath = (not phrases and group[0].start > 0.4) or (gap > 0.35 and line != prev_line)
        all_notes = [n for s in group for n in s.notes]
        unit_render = (
            np.stack([np.concatenate([[BOS_FRAMES], bounds[:-1]]), bounds], axis=1) * frame_s - SOUND_LEAD_S
        )
        phrases.append(
            Phrase(
                song_knots[0], np.array(ids), dur, units, all_notes, breath, group, song_knots, render_knots,
                unit_render,
            )  # fmt: skip
        )
        prev_line = all_notes[-1].line_index
    return phrases
