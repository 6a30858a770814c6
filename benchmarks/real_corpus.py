"""Real produced instrumentals for the benchmarks: free game soundtracks that Debian packages.

No ground truth comes with them, so they serve the figures that need none (sung share, holes, room for
the lead, intelligibility, pitch and timing on the stem, speed) and a reading of the analysis (chords,
key, sections).  Install the packages with ``apt-get install supertux-data freedroidrpg-data
widelands-data megaglest-data``; items whose package is absent are skipped with a message.

Licences: supertux-data's music is GPL-2+ / CC-BY-SA (see /usr/share/doc/supertux-data/copyright);
freedroidrpg-data's is GPL-2+ (see /usr/share/doc/freedroidrpg-data/copyright); widelands-data's music
is GPL-2+ / CC-BY-SA-3.0 and megaglest-data's CC-BY-SA-3.0 (see their copyright files).  Nothing is
copied into the repository.

Items 0–5 are the development set, 6–11 the held-out set (``--real-from 6``); 12–17 (widelands,
megaglest: ``--real-from 12``) were added later as a validation set that no change is tuned on.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SUPERTUX = Path("/usr/share/games/supertux2/music")
FREEDROID = Path("/usr/share/freedroidrpg/data/sound/music")
WIDELANDS = Path("/usr/share/games/widelands/data/music")
MEGAGLEST = Path("/usr/share/games/megaglest/techs/megapack/factions")


@dataclass(frozen=True)
class RealItem:
    """A clip of a packaged recording: ``offset`` seconds in, ``seconds`` long (None: to the end)."""

    name: str
    path: Path
    offset: float
    style: str  # style words for the request, from listening to the track

    def exists(self) -> bool:
        return self.path.is_file()


# Chosen for variety (tempo, meter, density, with and without their own lead line); offsets skip
# long silent or ambient intros.  Fixed so that figures from different runs compare.
ITEMS = (
    RealItem("supertux-tropicalbreeze", SUPERTUX / "tropical/tropicalbreeze.ogg", 0.0, "reggae pop, bright"),
    RealItem("supertux-classic", SUPERTUX / "retro/classic.ogg", 0.0, "chiptune pop, upbeat"),
    RealItem("supertux-forest2", SUPERTUX / "forest/forest2.ogg", 10.0, "folk, acoustic"),
    RealItem("supertux-chipdisko", SUPERTUX / "antarctic/chipdisko.ogg", 15.0, "disco, dance, synth"),
    RealItem("supertux-fortress", SUPERTUX / "castle/fortress.ogg", 0.0, "rock, dark, driving"),
    RealItem("supertux-theme", SUPERTUX / "misc/theme.ogg", 5.0, "pop, orchestral"),
    RealItem("supertux-clavelian-march", SUPERTUX / "forest/clavelian_march.ogg", 10.0, "folk, march"),
    RealItem("supertux-salcon", SUPERTUX / "antarctic/salcon.ogg", 0.0, "electronic, funk"),
    RealItem("freedroid-town", FREEDROID / "town.ogg", 10.0, "ambient pop, calm"),
    RealItem("freedroid-hyperbattle", FREEDROID / "Hyperbattle.ogg", 10.0, "electronic rock, energetic"),
    RealItem("freedroid-imperialarmy", FREEDROID / "ImperialArmy.ogg", 20.0, "cinematic, epic"),
    RealItem("freedroid-suspicion", FREEDROID / "Suspicion.ogg", 10.0, "dark synth, slow"),
    # Validation set: chosen by level only (no long quiet intro), not by listening to results.
    RealItem("widelands-ingame05", WIDELANDS / "ingame_05.ogg", 20.0, "cinematic, orchestral"),
    RealItem("widelands-ingame16", WIDELANDS / "ingame_16.ogg", 10.0, "rock, energetic"),
    RealItem("widelands-ingame09", WIDELANDS / "ingame_09.ogg", 25.0, "folk, warm"),
    RealItem("megaglest-romans", MEGAGLEST / "romans/music/romans.ogg", 25.0, "epic, orchestral"),
    RealItem("megaglest-jadeflange", MEGAGLEST / "egypt/music/asak-jadeflange.ogg", 15.0, "world, rhythmic"),
    RealItem("megaglest-together", MEGAGLEST / "persian/music/aminos-together_together.ogg", 35.0, "ambient, world"),
)


def real_items(n: int | None = None) -> list[RealItem]:
    """The first ``n`` items whose package is installed (all when ``n`` is None); says what is missing."""
    present = [it for it in ITEMS if it.exists()]
    missing = [it.name for it in ITEMS if not it.exists()]
    if missing:
        print(f"real corpus: {len(missing)} items skipped (apt-get install supertux-data freedroidrpg-data widelands-data megaglest-data): "
              + ", ".join(missing), file=sys.stderr)
    return present if n is None else present[:n]


def load_clip(item: RealItem, *, seconds: float | None = 45.0, sr: int = 44100) -> np.ndarray:
    """The item's clip as stereo float32 ``(2, n)`` at ``sr``, decoded with the project's own decoder."""
    from topline.audio import decode_audio

    y, _ = decode_audio(str(item.path), sr=sr, min_duration=1.0, max_duration=3600.0)
    y = np.atleast_2d(y)
    start = int(round(item.offset * sr))
    stop = y.shape[-1] if seconds is None else min(y.shape[-1], start + int(round(seconds * sr)))
    return np.ascontiguousarray(y[..., start:stop])


def clip_bytes(item: RealItem, *, seconds: float | None = 45.0, sr: int = 44100) -> bytes:
    """The clip as a 16-bit WAV file's bytes (what a user would upload)."""
    import io

    import soundfile as sf

    y = load_clip(item, seconds=seconds, sr=sr)
    buf = io.BytesIO()
    sf.write(buf, y.T, sr, format="WAV", subtype="PCM_16")
    return buf.getvalue()
