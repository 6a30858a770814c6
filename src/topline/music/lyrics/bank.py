"""The phrase bank (``data/phrases.txt``): rhyming couplets by theme, slots for the description's words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Entry:
    """One written couplet: its ``theme``, the section ``roles`` it suits, the ``tags`` it
    asserts and its two ``lines`` (with ``<optional>`` words and ``{slot}`` s)."""

    index: int
    theme: str
    roles: str
    tags: frozenset[str]
    lines: tuple[str, str]

    @property
    def slots(self) -> set[str]:
        return {s for ln in self.lines for s in SLOT.findall(ln)}


@dataclass(frozen=True)
class Bank:
    """``themes``: theme -> its keys; ``core``: theme -> the keys that alone name its subject
    (written ``dog*`` in the bank: one of them in a description supports the whole theme); ``senses``: theme -> key
    -> the description words that settle another sense of the key (written ``garage!band,parking``: "a band playing
    in a garage" is no mechanic's garage), where it keys nothing."""

    themes: dict[str, frozenset[str]]
    entries: tuple[Entry, ...]
    core: dict[str, frozenset[str]] = field(default_factory=dict)
    senses: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)


def parse_bank(text: str) -> Bank:
    """Read the bank's text format (see the header of ``data/phrases.txt``)."""
    themes: dict[str, frozenset[str]] = {}
    core: dict[str, frozenset[str]] = {}
    senses: dict[str, dict[str, frozenset[str]]] = {}
    entries: list[Entry] = []
    theme = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=="):
            m = re.match(r"==\s*theme:\s*(\w+)\s*\|\s*keys:(.*)$", line)
            if not m:
                raise ValueError(f"bad theme line: {line!r}")
            theme = m.group(1)
            keys = []
            for k in m.group(2).split():
                k, _, other = k.partition("!")  # "garage!band,parking": the words that settle another sense
                keys.append(k)
                if other:
                    key = senses.setdefault(theme, {})
                    key[k.rstrip("*")] = key.get(k.rstrip("*"), frozenset()) | frozenset(other.split(","))
            # a theme may be continued further down the file (couplets added later go at the end, so the
            # lines already there keep their order, and with it each seed's draws): its keys join the first's
            themes[theme] = themes.get(theme, frozenset()) | frozenset(k.rstrip("*") for k in keys)
            core[theme] = core.get(theme, frozenset()) | frozenset(k.rstrip("*") for k in keys if k.endswith("*"))
            continue
        head, _, body = line.partition("|")
        roles, *tags = head.split()
        first, sep, second = body.partition(" / ")
        if not sep or not theme:
            raise ValueError(f"bad couplet: {line!r}")
        entries.append(Entry(index=len(entries), theme=theme, roles=roles,
                             tags=frozenset(t for t in tags if t != "-"), lines=(first.strip(), second.strip())))
    return Bank(themes=themes, entries=tuple(entries), core=core, senses=senses)


@lru_cache(maxsize=1)
def bank() -> Bank:
    """The shipped phrase bank."""
    return parse_bank(resources.files("topline.music.lyrics").joinpath("data/phrases.txt").read_text("utf-8"))


@lru_cache(maxsize=1)
def line_marks() -> dict[str, tuple[int, int, int]]:
    """How readers judged each bank line in the tuning sets' songs (``data/line_marks.tsv``, written by
    ``benchmarks/build_line_marks.py``): the bank line as written -> (kept, filler, nonsense) counts."""
    out: dict[str, tuple[int, int, int]] = {}
    text = resources.files("topline.music.lyrics").joinpath("data/line_marks.tsv").read_text("utf-8")
    for raw in text.splitlines():
        if raw and not raw.startswith("#"):
            line, ok, filler, nonsense = raw.split("\t")
            out[line] = (int(ok), int(filler), int(nonsense))
    return out
