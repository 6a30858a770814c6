"""The contracts between layers: Analysis, Lyrics, Score.

These dataclasses are what ``music/`` hands to ``voice/``, ``production/`` and the
pipeline.  They are plain data, JSON-serialisable through ``to_json``/``from_json``,
with times in seconds everywhere.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Sequence, TypeVar

SECTION_LABELS = ("intro", "verse", "pre-chorus", "chorus", "bridge", "outro", "instrumental")
METERS = ("3/4", "4/4", "6/8")


# --- analysis ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Analysis:
    """What the musician hears in the instrumental.

    Attributes
    ----------
    duration : float
        Length in seconds.
    tempo : float
        Beats per minute of the counted beat (quarter note in 3/4 and 4/4, dotted
        quarter in 6/8).
    meter : str
        One of ``"3/4"``, ``"4/4"``, ``"6/8"``.
    beats, downbeats : list of float
        Beat and bar-start times in seconds; every downbeat is also a beat.
    key : str
        ``"<Tonic> major"`` or ``"<Tonic> minor"`` (tonic spelled with sharps, e.g. ``"F# minor"``).
    chords : list of (start, end, label)
        Contiguous chord segments with ``mir_eval`` labels (``"C:maj"``, ``"A:min"``, ``"N"``).
    sections : list of (start, end, label, energy)
        Contiguous sections; ``label`` from ``SECTION_LABELS``; ``energy`` in [0, 1].
    loudness_lufs : float
        Integrated loudness (ITU-R BS.1770).
    lead_regions : list of (start, end)
        Where the instrumental already carries a lead melody.
    key_confidence : float
        How sure the tonic is, in [0, 1] (1 when unknown, e.g. an analysis saved before it existed).
    mode_confidence : float
        How sure the mode (major or minor) is, in [0, 1], from the third over the tonic and the
        cadences; below about 0.5 a melody should keep to pitches both modes share.
    """

    duration: float
    tempo: float
    meter: str
    beats: list[float]
    downbeats: list[float]
    key: str
    chords: list[tuple[float, float, str]]
    sections: list[tuple[float, float, str, float]]
    loudness_lufs: float
    lead_regions: list[tuple[float, float]] = field(default_factory=list)
    key_confidence: float = 1.0
    mode_confidence: float = 1.0

    @property
    def beats_per_bar(self) -> int:
        return {"3/4": 3, "4/4": 4, "6/8": 2}[self.meter]

    def to_json(self) -> dict[str, Any]:
        return {
            "duration": round(self.duration, 4),
            "tempo": round(self.tempo, 3),
            "meter": self.meter,
            "beats": [round(t, 4) for t in self.beats],
            "downbeats": [round(t, 4) for t in self.downbeats],
            "key": self.key,
            "chords": [[round(s, 4), round(e, 4), lab] for s, e, lab in self.chords],
            "sections": [[round(s, 4), round(e, 4), lab, round(en, 4)] for s, e, lab, en in self.sections],
            "loudness_lufs": round(self.loudness_lufs, 2),
            "lead_regions": [[round(s, 4), round(e, 4)] for s, e in self.lead_regions],
            "key_confidence": round(self.key_confidence, 3),
            "mode_confidence": round(self.mode_confidence, 3),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Analysis":
        return cls(
            duration=float(d["duration"]),
            tempo=float(d["tempo"]),
            meter=str(d["meter"]),
            beats=[float(t) for t in d["beats"]],
            downbeats=[float(t) for t in d["downbeats"]],
            key=str(d["key"]),
            chords=[(float(s), float(e), str(lab)) for s, e, lab in d["chords"]],
            sections=[(float(s), float(e), str(lab), float(en)) for s, e, lab, en in d["sections"]],
            loudness_lufs=float(d["loudness_lufs"]),
            lead_regions=[(float(s), float(e)) for s, e in d.get("lead_regions", [])],
            key_confidence=float(d.get("key_confidence", 1.0)),
            mode_confidence=float(d.get("mode_confidence", 1.0)),
        )


# --- lyrics --------------------------------------------------------------------------------------


@dataclass
class Syllable:
    """One sung syllable.

    ``phonemes`` are ARPAbet symbols without stress digits (``("HH", "AH")``);
    ``stress`` is the lexical stress of the syllable's vowel: 0 none, 1 primary, 2 secondary.
    ``text`` is the spelling of the syllable (for display and the score).
    """

    text: str
    phonemes: tuple[str, ...]
    stress: int


@dataclass
class Word:
    """A lyric word as written in the input (``text`` keeps its punctuation)."""

    text: str
    syllables: list[Syllable]
    index: int  # position among all lyric words of the song, from 0


@dataclass
class Line:
    words: list[Word]
    backing: bool = False  # a "(parenthesised)" backing line

    @property
    def syllable_count(self) -> int:
        return sum(len(w.syllables) for w in self.words)


@dataclass
class LyricSection:
    kind: str  # "verse", "chorus", "pre-chorus", "bridge", "hook", "intro", "outro"
    lines: list[Line]
    tag: str = ""  # the tag as written, e.g. "[Verse 1]"; "" when untagged


@dataclass
class Lyrics:
    sections: list[LyricSection]
    written: bool = False  # True when written from a description rather than given
    title: str = ""  # written lyrics: the song's title (its hook); "" for given lyrics

    @property
    def words(self) -> list[Word]:
        return [w for s in self.sections for ln in s.lines for w in ln.words]

    @property
    def lines(self) -> list[Line]:
        return [ln for s in self.sections for ln in s.lines]

    def text(self) -> str:
        """The lyrics as text with section tags, the form users write and read."""
        blocks = []
        for s in self.sections:
            tag = s.tag or f"[{s.kind.title()}]"
            body = []
            for ln in s.lines:
                words = " ".join(w.text for w in ln.words)
                body.append(f"({words})" if ln.backing else words)
            blocks.append("\n".join([tag, *body]))
        return "\n\n".join(blocks)

    def to_json(self) -> dict[str, Any]:
        return {"written": self.written, "title": self.title, "sections": [asdict(s) for s in self.sections]}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Lyrics":
        sections = []
        for s in d["sections"]:
            lines = []
            for ln in s["lines"]:
                words = [
                    Word(
                        text=w["text"],
                        index=int(w["index"]),
                        syllables=[
                            Syllable(text=y["text"], phonemes=tuple(y["phonemes"]), stress=int(y["stress"]))
                            for y in w["syllables"]
                        ],
                    )
                    for w in ln["words"]
                ]
                lines.append(Line(words=words, backing=bool(ln.get("backing", False))))
            sections.append(LyricSection(kind=s["kind"], lines=lines, tag=s.get("tag", "")))
        return cls(sections=sections, written=bool(d.get("written", False)), title=str(d.get("title", "")))


# --- form ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormSection:
    """One section of the vocal form planned over the instrumental.

    ``label`` is one of ``SECTION_LABELS`` (plus ``"break"``); ``sung`` is False where the
    instrumental is left alone (intro, outro, a break, its own lead).  ``line_syllables``
    is the syllable budget of each lyric line the section holds (empty when not sung):
    the lyric writer writes one line per entry, the composer fits them to the bars.
    """

    label: str
    start: float
    end: float
    bars: int
    sung: bool
    line_syllables: tuple[int, ...] = ()


@dataclass(frozen=True)
class FormPlan:
    """The planned vocal form of one song: its sections in time order."""

    sections: tuple[FormSection, ...]

    def to_json(self) -> dict[str, Any]:
        return {"sections": [asdict(s) for s in self.sections]}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "FormPlan":
        return cls(sections=tuple(
            FormSection(label=s["label"], start=float(s["start"]), end=float(s["end"]), bars=int(s["bars"]),
                        sung=bool(s["sung"]), line_syllables=tuple(int(n) for n in s["line_syllables"]))
            for s in d["sections"]))


T = TypeVar("T")


def chorus_lines(chorus: Sequence[T], n: int) -> tuple[T, ...]:
    """The lines of a ``chorus`` that a chorus section of ``n`` lines sings: all of them, its opening lines
    (up to two: the title and the line after it), or its first ``n - 1`` and its last (the title line
    again) from three lines on.  The chorus is written once, to the longest chorus section; the form
    plan budgets the shorter ones, and the lyric writer fills them, by this one rule."""
    if n >= len(chorus):
        return tuple(chorus)
    return tuple(chorus[:n]) if n <= 2 else (*chorus[: n - 1], chorus[-1])


# --- score ---------------------------------------------------------------------------------------


@dataclass
class Note:
    """One sung note.

    A syllable sung over several notes (a melisma) has its first note carry the
    syllable and phonemes, and each following note ``tie=True`` with the same
    ``word_index`` and ``syllable`` text and empty ``phonemes``.
    """

    start: float
    end: float
    midi: int
    syllable: str
    phonemes: tuple[str, ...]
    word_index: int
    line_index: int
    section: str
    stress: int = 0
    tie: bool = False
    velocity: int = 90  # MIDI velocity, the phrase dynamics

    def to_json(self) -> dict[str, Any]:
        return {
            "start": round(self.start, 4),
            "end": round(self.end, 4),
            "midi": int(self.midi),
            "syllable": self.syllable,
            "phonemes": list(self.phonemes),
            "word_index": self.word_index,
            "line_index": self.line_index,
            "section": self.section,
            "stress": self.stress,
            "tie": self.tie,
            "velocity": self.velocity,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Note":
        return cls(
            start=float(d["start"]),
            end=float(d["end"]),
            midi=int(d["midi"]),
            syllable=str(d["syllable"]),
            phonemes=tuple(d.get("phonemes", ())),
            word_index=int(d["word_index"]),
            line_index=int(d["line_index"]),
            section=str(d["section"]),
            stress=int(d.get("stress", 0)),
            tie=bool(d.get("tie", False)),
            velocity=int(d.get("velocity", 90)),
        )


@dataclass
class Score:
    """A sung melody for one variant: notes in time order, never overlapping."""

    variant: int
    gender: str  # "m" or "f"
    seed: int
    notes: list[Note]
    tempo: float
    key: str
    style: str = ""  # the style family the profile came from
    warnings: list[str] = field(default_factory=list)  # e.g. "lyrics longer than the music: ..."

    def to_json(self) -> dict[str, Any]:
        return {
            "variant": self.variant,
            "gender": self.gender,
            "seed": self.seed,
            "tempo": round(self.tempo, 3),
            "key": self.key,
            "style": self.style,
            "warnings": list(self.warnings),
            "notes": [n.to_json() for n in self.notes],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Score":
        return cls(
            variant=int(d["variant"]),
            gender=str(d["gender"]),
            seed=int(d["seed"]),
            notes=[Note.from_json(n) for n in d["notes"]],
            tempo=float(d.get("tempo", 120.0)),
            key=str(d.get("key", "C major")),
            style=str(d.get("style", "")),
            warnings=list(d.get("warnings", [])),
        )
