"""Helpers of the lyric tests: the lines a description's candidates offer, the lines a written song sings."""

from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import candidates


def candidate_texts(description: str, *, lower: bool = False) -> set[str]:
    """Every candidate line for ``description``, optional words included (lower-cased with ``lower``)."""
    texts = {" ".join(p for p, _ in ln.parts) for ln in candidates(read_topic(description))}
    return {t.lower() for t in texts} if lower else texts


def sung_lines(text: str) -> list[str]:
    """The lines of written lyrics, section tags and blank lines left out."""
    return [ln for ln in text.split("\n") if ln and not ln.startswith("[")]
