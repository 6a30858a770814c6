"""Helpers of the lyric tests: the lines a description's candidates offer, the lines a written song sings."""

from topline.music.lyrics.bank import bank
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import candidates, sung_lines, theme_weights

__all__ = ["candidate_texts", "couplet_counts", "line_text", "sung_lines", "theme_lines", "theme_weight"]


def line_text(line) -> str:
    """A candidate line's words, optional words included."""
    return " ".join(p for p, _ in line.parts)


def candidate_texts(description: str, *, lower: bool = False, every_theme: bool = False) -> set[str]:
    """Every candidate line for ``description``, optional words included (lower-cased with ``lower``; the reserve of
    every theme a long song draws on with ``every_theme``)."""
    texts = {line_text(ln) for ln in candidates(read_topic(description), every_theme=every_theme)}
    return {t.lower() for t in texts} if lower else texts


def theme_lines(description: str, themes) -> set[str]:
    """The single candidate lines of ``themes`` for ``description`` (optional words in)."""
    entries = bank().entries
    return {line_text(ln) for ln in candidates(read_topic(description))
            if not ln.joined and entries[ln.entry].theme in themes}


def theme_weight(description: str, theme: str) -> float:
    """How much ``theme`` suits ``description`` (``writer.theme_weights``)."""
    return theme_weights(read_topic(description))[theme]


def couplet_counts(themes) -> dict[str, int]:
    """How many couplets the bank holds of each of ``themes``."""
    return {n: sum(e.theme == n for e in bank().entries) for n in themes}
