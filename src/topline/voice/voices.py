"""The singers: Kokoro voices (style vectors), and which one sings a song.

Each voice is a table of 510 style vectors of 256 values (one per phrase length in
tokens), from the npm package ``kokoro-js`` 1.2.1 (``voices/*.bin``, Apache-2.0, see
``topline/data/LICENSES``), shipped as package data and checked against its SHA-256
when loaded.  ``choose_voice`` picks one from the request's style words, its gender and
its seed; the choice is a pure function of them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from topline.errors import VoiceError

#: Style vectors per voice (one per phrase length in tokens) and values per vector.
STYLE_ROWS = 510
STYLE_DIM = 256


@dataclass(frozen=True)
class Voice:
    """A singer.

    Attributes
    ----------
    name : str
        Kokoro's name for the style vector (``af_heart``: American female "Heart").
    gender : {"f", "m"}
    accent : {"us", "gb"}
        Which pronunciation its phonemes follow.
    traits : frozenset of str
        Style words it suits (``choose_voice``).
    render_hz : float
        The steady pitch the neural voice speaks each phrase at before WORLD imposes the
        melody: well inside the range where it follows a given F0 (its ``ceiling_hz``).
    ceiling_hz : float
        Highest F0 the voice follows when asked directly (median error under 25 cents on a
        held vowel, measured from 110 Hz up in steps of about 2 semitones); above it the
        voice drops an octave or goes unvoiced.  ``sing`` never asks it for more than
        ``render_hz``: WORLD moves the rendering to the melody.
    sha256 : str
        Of its ``.bin`` file.
    on_request : bool
        Sung only when the style asks for one of its traits, never as the pick of a tie: a
        whispering voice loses words a plain one keeps (``af_nicole``: 35-58 % word error rate on
        the vocal stem of songs where ``af_heart`` scores 0-4 %).
    """

    name: str
    gender: str
    accent: str
    traits: frozenset[str]
    render_hz: float
    ceiling_hz: float
    sha256: str
    on_request: bool = False


def _v(name: str, accent: str, traits: str, render_hz: float, ceiling_hz: float, sha256: str,
       on_request: bool = False) -> Voice:
    return Voice(name, "f" if name[1] == "f" else "m", accent, frozenset(traits.split()), render_hz, ceiling_hz, sha256,
                 on_request)


VOICES: dict[str, Voice] = {
    v.name: v
    for v in (
        _v("af_heart", "us", "pop warm sweet soft gentle tender folk acoustic ballad country love bright powerful energetic "
           "upbeat dance edm rock soulful soul rnb gospel funk disco", 220.0, 370.0,
           "d583ccff3cdca2f7fae535cb998ac07e9fcb90f09737b9a41fa2734ec44a8f0b"),
        _v("af_nicole", "us", "breathy airy whisper whispered whispery intimate dream dreamy sultry",
           220.0, 240.0, "cd2191ab31b914ed7b318416b0e4440fdf392ddad9106a060819aa600a64f59a", on_request=True),
        _v("bf_emma", "gb", "british uk english london indie britpop celtic", 220.0, 330.0,
           "669fe0647f9dd04fcab92f1439a40eeb4c8b4ab1f82e4996fe3d918ce4a63b73"),
        _v("am_michael", "us", "pop warm soft gentle folk acoustic ballad country tender", 131.0, 262.0,
           "1d1f21dd8da39c30705cd4c75d039d265e9bc4a2a93ed09bc9e1b1225eb95ba1"),
        _v("am_fenrir", "us", "deep dark low baritone bass rock metal gritty powerful soulful soul blues gospel", 131.0, 370.0, "c27989f741f7ee34d273a39d8a595cc0837d35f5ced9a29b7cc162614616df43"),
        _v("am_puck", "us", "bright upbeat energetic funk dance edm playful hiphop rap reggae latin disco", 131.0, 330.0,
           "fcf73c989033e9233e0b98713eca600c8c74dcc1614b37009d5450ff4a2274a0"),
        _v("bm_george", "gb", "british uk english london indie britpop celtic", 131.0, 247.0,
           "c4b235a4c1f2cd3b939fed08b899ce9385638b763f7b73a59616c4fc9bd6c9bc"),
    )
}  # fmt: skip


def style_words(text: str) -> set[str]:
    """Lower-case words of a style text ("R&B" -> "rnb", "lo-fi" -> "lofi", "hip hop" -> "hiphop")."""
    t = text.lower().replace("r&b", "rnb").replace("lo-fi", "lofi").replace("hip hop", "hiphop")
    t = t.replace("hip-hop", "hiphop").replace("r'n'b", "rnb")
    return set(re.findall(r"[a-z]+", t))


def choose_voice(style: str, *, gender: str, seed: int, negative: str = "") -> Voice:
    """The voice that sings a song.

    Parameters
    ----------
    style : str
        The request's style text; each of its words that a voice's ``traits`` hold counts
        one point for that voice.  A voice ``on_request`` joins only when one of its traits
        is asked for.
    gender : {"f", "m"}
    seed : int
        Chooses among the voices with the best score.
    negative : str
        Negative tags: their words count one point against a voice.

    Returns
    -------
    Voice
        One of ``VOICES`` of that gender.

    Raises
    ------
    VoiceError
        If ``gender`` is neither "f" nor "m".
    """
    if gender not in ("f", "m"):
        raise VoiceError(f"The voice gender must be 'm' or 'f', not {gender!r}.")
    words, unwanted = style_words(style), style_words(negative)
    pool = sorted((v for v in VOICES.values() if v.gender == gender), key=lambda v: v.name)
    scores = [len(v.traits & words) - len(v.traits & unwanted) for v in pool]
    # a voice sung only on request never wins a tie its traits had no part in
    pool, scores = zip(*[(v, s) for v, s in zip(pool, scores) if not v.on_request or v.traits & words])
    best = [v for v, s in zip(pool, scores) if s == max(scores)]
    return best[int(np.random.default_rng([int(seed) & 0xFFFFFFFF, 0x766F]).integers(len(best)))]


def voice_path(name: str) -> Path:
    """The packaged ``.bin`` of a voice."""
    return Path(str(resources.files("topline") / "data" / "voices" / f"{name}.bin"))


def load_style_table(path: Path, *, sha256: str) -> np.ndarray:
    """A voice's style table (``STYLE_ROWS`` x ``STYLE_DIM`` float32), checked against ``sha256``.

    Raises
    ------
    VoiceError
        If the file is missing, corrupt (checksum) or of the wrong size.
    """
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise VoiceError(f"The voice file {Path(path).name} is missing; reinstall Topline.") from exc
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise VoiceError(f"The voice file {Path(path).name} is corrupt (SHA-256 mismatch); reinstall Topline.")
    if len(raw) != STYLE_ROWS * STYLE_DIM * 4:
        raise VoiceError(f"The voice file {Path(path).name} has {len(raw)} bytes, not {STYLE_ROWS * STYLE_DIM * 4}.")
    table = np.frombuffer(raw, dtype="<f4").reshape(STYLE_ROWS, STYLE_DIM).astype(np.float32)
    table.flags.writeable = False
    return table


@lru_cache(maxsize=len(VOICES))
def style_table(name: str) -> np.ndarray:
    """The packaged voice's style table (cached per process)."""
    if name not in VOICES:
        raise VoiceError(f"There is no voice named {name!r}; the voices are {', '.join(sorted(VOICES))}.")
    return load_style_table(voice_path(name), sha256=VOICES[name].sha256)


def style_vector(name: str, n_tokens: int) -> np.ndarray:
    """The style vector a phrase of ``n_tokens`` phoneme tokens (pads excluded) is rendered with."""
    table = style_table(name)
    return table[int(np.clip(n_tokens, 0, STYLE_ROWS - 1))]
