"""Lyrics: the prompt -> ``Lyrics`` (sections, lines, words, syllables with phonemes).

A prompt that is lyrics is sung word for word (``parse``); a prompt that describes a
song gets original lyrics written offline (``writer``).  Either way every word carries
its syllables from the CMU dictionary (numbers spelled out, unknown words by
letter-to-sound rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from topline.errors import LyricsError, SensitiveWordError
from topline.music.controls import Controls
from topline.music.lyrics.parse import is_lyrics, parse_lyrics
from topline.music.lyrics.writer import default_form, lyric_variants, make_title, write_lyrics, write_song
from topline.music.types import FormPlan, Lyrics

MAX_PROMPT_CHARS = 5000

__all__ = ["MAX_PROMPT_CHARS", "check_singable", "default_form", "find_sensitive", "is_lyrics", "lyric_variants",
           "make_lyrics", "make_title", "parse_lyrics", "write_lyrics", "write_song"]


def _norm(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


def find_sensitive(text: str, sensitive_words: Iterable[str]) -> str | None:
    """The first sensitive word or phrase found in ``text`` (whole words, any case, any spacing), else None."""
    low = _norm(text)
    for entry in sensitive_words:
        parts = _norm(entry).split()
        if not parts:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(p) for p in parts) + r"(?!\w)"
        if re.search(pattern, low):
            return entry.strip()
    return None


def check_singable(prompt: str) -> None:
    """Raise ``LyricsError`` when ``prompt`` is lyrics with no word to sing (a description of a
    song always yields words: the writer writes them).

    Raises
    ------
    LyricsError
        The prompt is lyrics made only of tags and punctuation.
    """
    if prompt.strip() and is_lyrics(prompt):
        try:
            parse_lyrics(prompt)
        except LyricsError as exc:
            raise LyricsError(f"{exc.message.rstrip('.')}: write at least one line of words to sing.",
                              field="prompt") from None


def make_lyrics(prompt: str, *, controls: Controls, sensitive_words: Iterable[str] = (),
                duration: float | None = None, form: FormPlan | None = None) -> Lyrics:
    """Lyrics for a request: the given lyrics word for word, or original ones for a description.

    Parameters
    ----------
    prompt : str
        Lyrics (optionally with ``[Verse]``/``[Chorus]`` tags and ``(backing)`` lines) or a
        description of the song to write; at most ``MAX_PROMPT_CHARS`` characters.
    controls : Controls
        ``title`` (sung in a written chorus), ``profile.family`` (line length) and ``seed``.
    sensitive_words : iterable of str
        Words or phrases a prompt (or a title to be sung) must not contain.
    duration : float or None
        Length of the instrumental in seconds; without a ``form``, short tracks get a
        shorter written song.
    form : FormPlan or None
        The planned vocal form: written lyrics get one block per sung section and one
        line per planned line, to its syllable budget (given lyrics are unaffected).

    Returns
    -------
    Lyrics
        ``written`` is True when the lyrics were written from a description.

    Raises
    ------
    LyricsError
        The prompt is empty, too long, or holds no word to sing.
    SensitiveWordError
        The prompt contains a blocked word.
    """
    if not prompt or not prompt.strip():
        raise LyricsError("The prompt is empty: give lyrics to sing or a description of the song.", field="prompt")
    if len(prompt) > MAX_PROMPT_CHARS:
        raise LyricsError(
            f"The prompt is {len(prompt)} characters long; the limit is {MAX_PROMPT_CHARS}: shorten it.", field="prompt"
        )
    words = tuple(sensitive_words)
    hit = find_sensitive(prompt, words)
    if hit is not None:
        raise SensitiveWordError(f"The prompt contains a blocked word ({hit!r}): remove it and try again.", field="prompt")
    if is_lyrics(prompt):
        return parse_lyrics(prompt)
    title = controls.title or ""
    if find_sensitive(title, words) is not None:
        title = ""  # the title is not sung rather than failing a valid prompt
    name, text = write_song(prompt, title=title, family=controls.profile.family, seed=controls.seed,
                            duration=duration, form=form)
    lyrics = parse_lyrics(text)
    lyrics.written = True
    lyrics.title = name  # the hook the chorus sings names the song when the request gave no title
    return lyrics
