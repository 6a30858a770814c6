"""Given lyrics to sections, lines and words, word for word.

Detection rule (``is_lyrics``): the prompt is lyrics when it has a ``[tag]`` line, a
``(backing)`` line, or two or more non-empty lines (unless it is at most three lines
opening with a request such as "Write a song...").  A single line is a description
when it reads like a request (mentions song/track/lyrics, "about", or starts with
"write", "make", "a", "an", ...); any other single short line is sung as written.

A tag given again with no lines under it (``[Chorus]`` alone) repeats the last section with that tag
(else the last of that kind): the same ``Line`` objects, so the same word indices, sung again.

Tokens are split on whitespace; a token with no letter or digit (``"-"``, ``"..."``,
an emoji) is not a word and is dropped; every other token is one ``Word`` whose
``text`` keeps its punctuation.
"""

from __future__ import annotations

import re

from topline.errors import LyricsError
from topline.music.lyrics.phonetics import is_word, syllables
from topline.music.types import Line, LyricSection, Lyrics, Word

_KINDS = (("pre", "pre-chorus"), ("chorus", "chorus"), ("refrain", "chorus"), ("hook", "hook"),
          ("verse", "verse"), ("bridge", "bridge"), ("intro", "intro"), ("outro", "outro"),
          ("ending", "outro"), ("end", "outro"), ("break", "bridge"), ("interlude", "bridge"))
_CUES = re.compile(r"\b(song|songs|track|tune|lyrics|ballad|anthem|about|sing about|theme|genre|style)\b", re.I)
_TAG_LEAD = re.compile(r"^\s*\[([^\]]*)\]\s*(.*)$")  # a tag, maybe followed by the first line's text
_REQUEST = re.compile(r"^\s*(write|make|create|compose|generate|give me|i want|i need|please)\b", re.I)
_STARTS = re.compile(r"^\s*(write|make|create|compose|generate|give|produce|i want|i need|please|a|an|some)\b", re.I)


def tag_kind(tag: str) -> str:
    """Section kind for a tag's text (unknown tags count as verses)."""
    t = tag.lower()
    for key, kind in _KINDS:
        if key in t:
            return kind
    return "verse"


def is_lyrics(prompt: str) -> bool:
    """True when ``prompt`` is lyrics to sing, False when it describes a song to write."""
    lines = [ln for ln in prompt.splitlines() if ln.strip()]
    if any(_TAG_LEAD.match(ln) or ln.strip().startswith("(") for ln in lines):
        return True
    if len(lines) >= 2:  # a short request spread over lines ("Write a song about...\nMake it upbeat.")
        return not (len(lines) <= 3 and _REQUEST.search(lines[0]))
    text = lines[0] if lines else ""
    return not (_CUES.search(text) or _STARTS.search(text))


def _line(text: str, counter: list[int]) -> Line | None:
    s = text.strip()
    backing = len(s) > 1 and s.startswith("(") and s.endswith(")")
    if backing:
        s = s[1:-1]
    words = []
    for tok in s.split():
        if not is_word(tok):
            continue
        words.append(Word(text=tok, syllables=syllables(tok), index=counter[0]))
        counter[0] += 1
    return Line(words=words, backing=backing) if words else None


def _earlier(sections: list[LyricSection], tag: str, kind: str) -> LyricSection | None:
    """The last section given with this tag (any case, any spacing), else the last of this kind."""
    norm = " ".join(tag.lower().split())
    for sec in reversed(sections):
        if " ".join(sec.tag.lower().split()) == norm:
            return sec
    return next((sec for sec in reversed(sections) if sec.kind == kind), None)


def parse_lyrics(prompt: str) -> Lyrics:
    """Parse lyrics text into sections; raise ``LyricsError`` when no word is left."""
    counter = [0]
    raw: list[tuple[str, str, list[str]]] = []  # (kind, tag, lines)
    tagged = any(_TAG_LEAD.match(ln) for ln in prompt.splitlines())
    cur: tuple[str, str, list[str]] | None = None
    for ln in prompt.splitlines():
        m = _TAG_LEAD.match(ln)
        if m:
            cur = (tag_kind(m.group(1)), f"[{m.group(1).strip()}]", [])
            raw.append(cur)
            if m.group(2).strip():  # "[Verse] first line" on one line
                cur[2].append(m.group(2))
        elif not ln.strip():
            if not tagged and cur is not None and cur[2]:
                cur = None  # untagged: blank lines split sections
        else:
            if cur is None:
                cur = ("verse", "", [])
                raw.append(cur)
            cur[2].append(ln)
    if not tagged:  # a block that repeats is a chorus
        seen: dict[str, int] = {}
        for _, _, lines in raw:
            key = "\n".join(x.strip().lower() for x in lines)
            seen[key] = seen.get(key, 0) + 1
        raw = [("chorus" if seen["\n".join(x.strip().lower() for x in lines)] > 1 else k, t, lines)
               for k, t, lines in raw]
    sections = []
    for kind, tag, lines in raw:
        parsed = [p for p in (_line(x, counter) for x in lines) if p is not None]
        if parsed:
            sections.append(LyricSection(kind=kind, lines=parsed, tag=tag))
        elif tag:  # a tag given again with no lines: sing that section again (the same words)
            again = _earlier(sections, tag, kind)
            if again is not None:
                sections.append(LyricSection(kind=again.kind, lines=again.lines, tag=again.tag))
    if not sections:
        raise LyricsError("The lyrics contain no words to sing (only tags or punctuation).")
    return Lyrics(sections=sections, written=False)
