"""Original lyrics from a description, written offline from theme word lists.

The song is verse / chorus / verse / chorus / bridge / chorus (shorter for short
tracks).  Every line ends on a rhyme word from the theme; verses rhyme in couplets
(AABB) or alternately (ABAB), chosen per verse; the chorus carries the title and is
repeated identically.  Lines are filled from templates until their syllable count
(counted with ``phonetics``) lands in the range the style family asks for.
Everything is drawn from ``random.Random(seed)``, so a seed always gives the same song.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from topline.music.lyrics.phonetics import is_word, rhyme_key, syllables
from topline.music.lyrics.vocab import COMMON_NOUNS, REGISTER, STOPWORDS, THEMES

# Line templates; each ends on the rhyme noun ``{n}``.  ``{a}`` adjective, ``{v}`` verb
# (base form, works after "I"/"we"), ``{p}`` place phrase.
TEMPLATES = (
    "we {v} beneath the {a} {n}",
    "I can feel the {a} {n}",
    "out in {p} I see the {n}",
    "every night I {v} toward the {n}",
    "tell me you remember the {n}",
    "hold me close beside the {a} {n}",
    "we were young beneath the {n}",
    "all I need is the {a} {n}",
    "here we {v} and find the {n}",
    "nothing left but the {a} {n}",
    "carry me across the {n}",
    "in {p} we chase the {n}",
    "I keep dreaming of the {a} {n}",
    "we {v} until we reach the {n}",
    "you and I against the {n}",
    "calling out into the {a} {n}",
    "follow me along the {n}",
    "we {v} together by the {n}",
)
CHORUS_TEMPLATES = (
    "oh we {v} into the {n}",
    "let it {v} like the {a} {n}",
    "so we {v} all through the {n}",
    "we will never leave the {n}",
    "sing it loud into the {a} {n}",
    "take me higher than the {n}",
)
# Words put in front of a line that is too short (always in the CMU dictionary).
FILLERS = ("oh", "and", "so", "now", "yeah", "tonight", "and now", "oh and", "every day", "all night long",
           "you know", "here and now", "and still", "one more time")
GENERAL = dict(
    nouns=COMMON_NOUNS,
    adjs=["endless", "golden", "quiet", "open", "shining"],
    verbs=["shine", "rise", "run", "stay", "hold on"],
    places=["the morning light", "the open air", "the evening glow"],
)
_BASE_RANGE = (6, 9)  # syllables per line before the style's density factor


@dataclass(frozen=True)
class Plan:
    """The resolved choices for one song (handy to inspect in tests)."""

    themes: tuple[str, ...]
    sections: tuple[str, ...]
    syllable_range: tuple[int, int]


def choose_themes(description: str) -> tuple[str, ...]:
    """Themes whose trigger words occur in ``description``, most hits first; ``("general",)`` when none."""
    words = re.findall(r"[a-z]+", description.lower().replace("\u2019", "'"))
    hits: dict[str, int] = {}
    for name, theme in THEMES.items():
        n = sum(1 for w in words if w not in STOPWORDS and w in theme["keys"])
        if n:
            hits[name] = n
    ranked = sorted(hits, key=lambda k: (-hits[k], list(THEMES).index(k)))
    return tuple(ranked[:2]) or ("general",)


def song_form(duration: float | None) -> tuple[str, ...]:
    """Section kinds for a track of ``duration`` seconds (full form when unknown)."""
    if duration is not None and duration < 60:
        return ("verse", "chorus")
    if duration is not None and duration < 120:
        return ("verse", "chorus", "verse", "chorus")
    return ("verse", "chorus", "verse", "chorus", "bridge", "chorus")


def syllable_range(family: str) -> tuple[int, int]:
    """Target syllables per line for a style family (hip-hop denser, ballads shorter)."""
    density = REGISTER.get(family, {}).get("density", 1.0)
    lo, hi = _BASE_RANGE
    return max(4, round(lo * density)), max(5, round(hi * density))


def count_syllables(line: str) -> int:
    return sum(len(syllables(tok)) for tok in line.split() if is_word(tok))


def _pool(themes: tuple[str, ...], family: str) -> dict[str, list[str]]:
    vocab: dict[str, list[str]] = {"nouns": [], "adjs": [], "verbs": [], "places": []}
    for name in themes:
        src = THEMES.get(name, GENERAL)
        for k in vocab:
            vocab[k] += [w for w in src[k] if w not in vocab[k]]
    vocab["adjs"] += [w for w in REGISTER.get(family, {}).get("adjs", []) if w not in vocab["adjs"]]
    return vocab


def rhyme_groups(theme_nouns: list[str]) -> list[list[str]]:
    """Groups of rhyming end words from the theme nouns and ``COMMON_NOUNS``, groups holding a theme noun first."""
    by_key: dict[tuple[str, ...], list[str]] = {}
    for w in [*theme_nouns, *COMMON_NOUNS]:
        key = rhyme_key(w)
        if key and w not in by_key.setdefault(key, []):
            by_key[key].append(w)
    groups = [g for g in by_key.values() if len(g) >= 2]
    return sorted(groups, key=lambda g: not any(w in theme_nouns for w in g))  # stable: themed groups first


class _Writer:
    def __init__(self, themes: tuple[str, ...], family: str, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocab = _pool(themes, family)
        self.groups = rhyme_groups(self.vocab["nouns"])
        self.lo, self.hi = syllable_range(family)
        self.used_ends: set[str] = set()
        self.used_lines: set[str] = set()
        self.used_words: set[str] = set()
        self.recent: list[str] = []  # templates of the last lines

    def pair(self) -> tuple[str, str]:
        """Two fresh rhyming end words: on theme while it lasts, then common ones, reused only when all run dry."""
        fresh = [[w for w in g if w not in self.used_ends] for g in self.groups]
        themed = [g for g, orig in zip(fresh, self.groups) if len(g) >= 2 and any(w in self.vocab["nouns"] for w in orig)]
        choices = themed or [g for g in fresh if len(g) >= 2] or self.groups
        a, b = self.rng.sample(self.rng.choice(choices), 2)
        self.used_ends.update((a, b))
        return a, b

    def pick(self, kind: str) -> str:
        """A word of ``kind`` not used yet in this song while any is left (fewer repeats)."""
        left = [w for w in self.vocab[kind] if w not in self.used_words] or self.vocab[kind]
        return self.rng.choice(left)

    def line(self, end: str, templates: tuple[str, ...] = TEMPLATES) -> str:
        """A line ending on ``end`` whose syllable count fits the range (closest when none fits)."""
        best, best_err, best_tpl = "", 1 << 30, ""
        for _ in range(40):
            tpl = self.rng.choice(templates)
            text = tpl.format(
                n=end,
                a=self.pick("adjs"),
                v=self.pick("verbs"),
                p=self.pick("places"),
            )
            n = count_syllables(text)
            if n < self.lo:  # lengthen with a filler that closes the gap
                gap = self.lo - n
                fits = [f for f in FILLERS if self.lo <= n + count_syllables(f) <= self.hi] or [
                    max(FILLERS, key=lambda f: min(count_syllables(f), gap))
                ]
                text = f"{self.rng.choice(fits)} {text}"
                n = count_syllables(text)
            err = max(self.lo - n, n - self.hi, 0)
            if text in self.used_lines or tpl in self.recent:  # no line twice, no template twice in a row of 3
                err += 1
            if err < best_err:
                best, best_err, best_tpl = text, err, tpl
            if err == 0:
                break
        self.used_lines.add(best)
        self.recent = [*self.recent[-2:], best_tpl]
        self.used_words.update(best.split())
        self.used_words.update(p for p in self.vocab["places"] if p in best)
        return best[0].upper() + best[1:]

    def verse(self) -> list[str]:
        (a1, a2), (b1, b2) = self.pair(), self.pair()
        ends = [a1, a2, b1, b2] if self.rng.random() < 0.5 else [a1, b1, a2, b2]  # AABB or ABAB
        return [self.line(e) for e in ends]

    def chorus(self, title: str) -> list[str]:
        b1, b2 = self.pair()
        middle = [self.line(b1, CHORUS_TEMPLATES), self.line(b2, CHORUS_TEMPLATES)]
        if title:
            return [title, *middle, title]
        c1, c2 = self.pair()
        return [self.line(c1, CHORUS_TEMPLATES), self.line(c2, CHORUS_TEMPLATES), *middle]

    def bridge(self) -> list[str]:
        a1, a2 = self.pair()
        return [self.line(a1), self.line(a2)]


def _clean_title(title: str) -> str:
    """The title as a sung line: its word tokens only (no tags, brackets or emoji)."""
    toks = [t for t in title.replace("[", " ").replace("]", " ").replace("(", " ").replace(")", " ").split()]
    return " ".join(t for t in toks if is_word(t))


def plan(description: str, *, family: str = "pop", duration: float | None = None) -> Plan:
    return Plan(themes=choose_themes(description), sections=song_form(duration), syllable_range=syllable_range(family))


def write_lyrics(description: str, *, title: str = "", family: str = "pop", seed: int = 0,
                 duration: float | None = None) -> str:
    """Original lyrics text with section tags for a song ``description``.

    Parameters
    ----------
    description : str
        What the song should be about; its words pick the themes.
    title : str
        Sung in the chorus (first and last line) when not blank.
    family : str
        Style family (``StyleProfile.family``): sets line length and adds register words.
    seed : int
        The same seed always writes the same lyrics.
    duration : float or None
        Track length in seconds: under 60 s gives verse + chorus, under 120 s two of each.

    Returns
    -------
    str
        ``"[Verse 1]\\n...\\n\\n[Chorus]\\n..."``, ready for ``parse_lyrics``.
    """
    p = plan(description, family=family, duration=duration)
    w = _Writer(p.themes, family, seed)
    chorus = w.chorus(_clean_title(title))
    blocks, verses = [], 0
    for kind in p.sections:
        if kind == "verse":
            verses += 1
            blocks.append([f"[Verse {verses}]", *w.verse()])
        elif kind == "chorus":
            blocks.append(["[Chorus]", *chorus])
        else:
            blocks.append(["[Bridge]", *w.bridge()])
    return "\n\n".join("\n".join(b) for b in blocks)
