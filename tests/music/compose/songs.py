"""Hand-made analyses and lyrics for the composition tests (no audio, no lyric stage)."""

from __future__ import annotations

from topline.music.style import resolve_controls
from topline.music.types import Analysis, Line, LyricSection, Lyrics, Syllable, Word

LOOP = ("C:maj", "G:maj", "A:min", "F:maj")  # I-V-vi-IV in C major


def analysis(
    *, tempo=120.0, bars_per_section=(4, 8, 8, 8, 8, 4), labels=("intro", "verse", "chorus", "verse", "chorus", "outro"),
    energies=(0.2, 0.4, 0.85, 0.45, 0.9, 0.25), meter="4/4", key="C major", loop=LOOP, lead_regions=(),
    jitter=0.0,
) -> Analysis:
    """A steady song: sections of whole bars, one chord per bar from ``loop``.

    ``jitter`` (seconds) moves every other beat a little, as a live drummer would.
    """
    bpb = {"3/4": 3, "4/4": 4, "6/8": 2}[meter]
    period = 60.0 / tempo
    n_bars = sum(bars_per_section)
    n_beats = n_bars * bpb
    beats = [0.5 + i * period + (jitter if i % 2 else 0.0) for i in range(n_beats)]
    end = 0.5 + n_beats * period
    downbeats = beats[::bpb]
    chords = [(0.0, 0.5, "N")]
    for b in range(n_bars):
        s = downbeats[b]
        e = downbeats[b + 1] if b + 1 < n_bars else end
        chords.append((s, e, loop[b % len(loop)]))
    duration = end + 1.0
    chords.append((end, duration, "N"))
    sections = []
    bar = 0
    for n, lab, en in zip(bars_per_section, labels, energies):
        s = 0.0 if bar == 0 else downbeats[bar]
        bar += n
        e = duration if bar >= n_bars else downbeats[bar]
        sections.append((s, e, lab, en))
    return Analysis(
        duration=duration, tempo=tempo, meter=meter, beats=beats, downbeats=downbeats, key=key, chords=chords,
        sections=sections, loudness_lufs=-14.0, lead_regions=list(lead_regions),
    )  # fmt: skip


# word -> syllables as (text, phonemes, stress)
_DICT = {
    "the": [("the", "DH AH", 0)], "night": [("night", "N AY T", 1)], "is": [("is", "IH Z", 0)],
    "young": [("young", "Y AH NG", 1)], "and": [("and", "AH N D", 0)], "we": [("we", "W IY", 0)],
    "are": [("are", "AA R", 0)], "running": [("run", "R AH N", 1), ("ning", "IH NG", 0)],
    "through": [("through", "TH R UW", 0)], "city": [("ci", "S IH", 1), ("ty", "T IY", 0)],
    "lights": [("lights", "L AY T S", 1)], "hold": [("hold", "HH OW L D", 1)], "on": [("on", "AA N", 0)],
    "to": [("to", "T UW", 0)], "me": [("me", "M IY", 1)], "tonight": [("to", "T AH", 0), ("night", "N AY T", 1)],
    "never": [("nev", "N EH V", 1), ("er", "ER", 0)], "let": [("let", "L EH T", 1)], "go": [("go", "G OW", 1)],
    "forever": [("for", "F ER", 0), ("ev", "EH V", 1), ("er", "ER", 0)], "yesterday": [("yes", "Y EH S", 1),
    ("ter", "T ER", 0), ("day", "D EY", 2)], "morning": [("mor", "M AO R", 1), ("ning", "N IH NG", 0)],
    "sun": [("sun", "S AH N", 1)], "rising": [("ris", "R AY Z", 1), ("ing", "IH NG", 0)],
    "over": [("o", "OW", 1), ("ver", "V ER", 0)], "river": [("riv", "R IH V", 1), ("er", "ER", 0)],
    "walking": [("walk", "W AO K", 1), ("ing", "IH NG", 0)], "home": [("home", "HH OW M", 1)],
    "again": [("a", "AH", 0), ("gain", "G EH N", 1)], "heart": [("heart", "HH AA R T", 1)],
    "beating": [("beat", "B IY T", 1), ("ing", "IH NG", 0)], "like": [("like", "L AY K", 0)],
    "a": [("a", "AH", 0)], "drum": [("drum", "D R AH M", 1)], "every": [("ev", "EH V", 1), ("ery", "R IY", 0)],
    "moment": [("mo", "M OW", 1), ("ment", "M AH N T", 0)], "feels": [("feels", "F IY L Z", 1)],
    "golden": [("gol", "G OW L", 1), ("den", "D AH N", 0)], "in": [("in", "IH N", 0)],
    "summer": [("sum", "S AH M", 1), ("mer", "ER", 0)], "rain": [("rain", "R EY N", 1)],
    "dancing": [("danc", "D AE N S", 1), ("ing", "IH NG", 0)], "with": [("with", "W IH DH", 0)],
    "you": [("you", "Y UW", 1)], "oh": [("oh", "OW", 1)], "my": [("my", "M AY", 0)], "love": [("love", "L AH V", 1)],
}  # fmt: skip


class _Counter:
    def __init__(self):
        self.n = 0


def _line(text: str, counter: _Counter) -> Line:
    words = []
    for raw in text.split():
        key = raw.lower().strip(",.!?")
        syls = [Syllable(text=t, phonemes=tuple(p.split()), stress=s) for t, p, s in _DICT[key]]
        words.append(Word(text=raw, syllables=syls, index=counter.n))
        counter.n += 1
    return Line(words=words)


VERSE1 = ["The night is young and we are running", "Through the city lights", "Morning sun is rising over",
          "Walking home again, my love"]  # fmt: skip
VERSE2 = ["Heart is beating like a drum", "Every moment feels golden", "Summer rain and we are dancing",
          "Walking home with you again"]  # fmt: skip
CHORUS = ["Hold on to me tonight", "Never let me go", "Oh my love, forever", "Dancing in the summer rain"]


def lyrics(*sections: tuple[str, list[str]]) -> Lyrics:
    """Lyrics from ``(kind, [line, ...])`` pairs; every word must be in the little dictionary above."""
    c = _Counter()
    if not sections:
        sections = (("verse", VERSE1), ("chorus", CHORUS), ("verse", VERSE2), ("chorus", CHORUS))
    return Lyrics(sections=[
        LyricSection(kind=k, lines=[_line(t, c) for t in lines], tag=f"[{k.title()}]") for k, lines in sections
    ])  # fmt: skip


def controls(**kw):
    kw.setdefault("style", "pop")
    kw.setdefault("seed", 11)
    return resolve_controls(**kw)
