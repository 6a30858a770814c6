"""A lyric video: the cover, the waveform (the played part lit) and the current lyric line with
its words lit as they are sung, encoded to MP4 (H.264 + AAC) with PyAV.

Frames are composed with numpy from parts drawn once with Pillow: the static background, the
waveform in two colours, and each lyric line in each of its lit states. A frame then costs two
slice copies and one paste, so encoding dominates the cost.

PyAV's wheels bundle FFmpeg built with libx264 (GPL-2.0-or-later, compatible with Topline's
AGPL-3.0) and FFmpeg's own AAC encoder (LGPL); ``VIDEO_CODEC`` falls back to FFmpeg's
``mpeg4`` (LGPL) where an FFmpeg without libx264 is installed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT, FPS = 640, 360, 24
BG = (18, 18, 24)
DIM = (120, 120, 135)  # lyric words not yet sung, the waveform not yet played
LIT = (255, 210, 60)  # words sung, the waveform played
NOW = (255, 255, 255)  # the word being sung
_WAVE_TOP, _WAVE_H = 214, 56
_LYRIC_TOP, _LYRIC_H = 282, 56


@dataclass(frozen=True)
class TimedWord:
    text: str
    start: float
    end: float
    line: int  # words of one line are shown together


def _font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1: the bitmap font only
        return ImageFont.load_default()


def video_codec() -> str:
    """``libx264`` when the installed FFmpeg has it, else FFmpeg's own ``mpeg4``."""
    import av

    try:
        av.codec.Codec("libx264", "w")
        return "libx264"
    except Exception:  # an FFmpeg built without it
        return "mpeg4"


def _background(cover: bytes | None, title: str, author: str, domain: str) -> np.ndarray:
    img = Image.new("RGB", (WIDTH, HEIGHT), BG)
    d = ImageDraw.Draw(img)
    if cover:
        try:
            art = Image.open(io.BytesIO(cover)).convert("RGB").resize((180, 180))
        except (OSError, ValueError):  # an unreadable cover: the video goes without it
            art = None
        if art is not None:
            img.paste(art, (24, 18))
    d.text((228, 40), title or "Untitled", font=_font(30), fill=NOW)
    if author:
        d.text((228, 84), author, font=_font(20), fill=DIM)
    if domain:
        f = _font(14)
        d.text((WIDTH - 12 - d.textlength(domain, font=f), HEIGHT - 20), domain, font=f, fill=DIM)
    return np.asarray(img, dtype=np.uint8).copy()


def _waveform(mix: np.ndarray, colour: tuple[int, int, int]) -> np.ndarray:
    """The waveform strip (peak per pixel column) in ``colour`` on the background."""
    mono = np.abs(np.atleast_2d(mix)).max(axis=0)
    edges = np.linspace(0, mono.size, WIDTH - 48 + 1).astype(int)
    peaks = np.array([mono[a:b].max() if b > a else 0.0 for a, b in zip(edges, edges[1:])])
    peaks = peaks / max(float(peaks.max()), 1e-9)
    strip = np.empty((_WAVE_H, WIDTH, 3), dtype=np.uint8)
    strip[:] = BG
    mid = _WAVE_H // 2
    half = np.maximum(1, (peaks * (mid - 2)).astype(int))
    rows = np.arange(_WAVE_H)[:, None]
    on = np.abs(rows - mid) <= half[None, :]
    strip[:, 24:WIDTH - 24][on] = colour
    return strip


class _Lines:
    """Each lyric line drawn in each of its states (how many words lit, which one sounding), cached."""

    def __init__(self, words: list[TimedWord]) -> None:
        self.words = words
        self.font = _font(24)
        self.cache: dict[tuple[int, int, int], np.ndarray] = {}
        self.lines: dict[int, list[int]] = {}
        for i, w in enumerate(words):
            self.lines.setdefault(w.line, []).append(i)

    def image(self, line: int, lit: int, now: int) -> np.ndarray:
        key = (line, lit, now)
        if key not in self.cache:
            img = Image.new("RGB", (WIDTH, _LYRIC_H), BG)
            d = ImageDraw.Draw(img)
            idx = self.lines[line]
            texts = [self.words[i].text for i in idx]
            space = d.textlength(" ", font=self.font)
            total = sum(d.textlength(t, font=self.font) for t in texts) + space * (len(texts) - 1)
            x = max(8.0, (WIDTH - total) / 2)
            for k, t in enumerate(texts):
                colour = NOW if k == now else LIT if k < lit else DIM
                d.text((x, 14), t, font=self.font, fill=colour)
                x += d.textlength(t, font=self.font) + space
            self.cache[key] = np.asarray(img, dtype=np.uint8).copy()
        return self.cache[key]


def _line_state(words: list[TimedWord], lines: _Lines, t: float) -> tuple[int, int, int] | None:
    """The line shown at ``t`` (the last line begun, held until the next begins), how many of its
    words are lit and which one is sounding (-1 for none)."""
    begun = [i for i, w in enumerate(words) if w.start <= t]
    if not begun:
        return None
    line = words[begun[-1]].line
    idx = lines.lines[line]
    lit = sum(1 for i in idx if words[i].start <= t)
    now = next((k for k, i in enumerate(idx) if words[i].start <= t < words[i].end), -1)
    return line, lit, now


def render_frames(mix: np.ndarray, *, sr: int, words: list[TimedWord], cover: bytes | None = None,
                  title: str = "", author: str = "", domain: str = "", fps: int = FPS):
    """Yield the video's frames (uint8 RGB, shape (HEIGHT, WIDTH, 3)), one per 1/fps s: one buffer,
    updated in place (copy a frame to keep it)."""
    duration = np.atleast_2d(mix).shape[-1] / sr
    bg = _background(cover, title, author, domain)
    dim, lit = _waveform(mix, DIM), _waveform(mix, LIT)
    lines = _Lines(words)
    n = int(np.ceil(duration * fps))
    frame = bg.copy()
    for f in range(n):
        t = f / fps
        x = 24 + int(round((WIDTH - 48) * min(1.0, t / duration)))
        frame[_WAVE_TOP:_WAVE_TOP + _WAVE_H, :x] = lit[:, :x]
        frame[_WAVE_TOP:_WAVE_TOP + _WAVE_H, x:] = dim[:, x:]
        state = _line_state(words, lines, t)
        if state is None:
            frame[_LYRIC_TOP:_LYRIC_TOP + _LYRIC_H] = BG
        else:
            frame[_LYRIC_TOP:_LYRIC_TOP + _LYRIC_H] = lines.image(*state)
        yield frame


def lyric_video(mix: np.ndarray, *, sr: int, words: list[TimedWord], cover: bytes | None = None, title: str = "",
                author: str = "", domain: str = "", fps: int = FPS, audio_bitrate: int = 160_000) -> bytes:
    """Encode the lyric video of a track to MP4 bytes.

    Parameters
    ----------
    mix : np.ndarray, shape (channels, n)
        The mastered track (float, -1..1), 1 or 2 channels.
    sr : int
    words : list of TimedWord
        The sung words with their times (from the score) and lines.
    cover : bytes, optional
        The cover image (any format Pillow reads).
    title, author, domain : str
        Drawn on the video (the title and author by the cover, the domain as a watermark).
    fps : int

    Returns
    -------
    bytes
        MP4: H.264 (``video_codec()``) at ``WIDTH`` x ``HEIGHT``, ``fps``; AAC stereo at ``sr``.
    """
    import av

    y = np.atleast_2d(np.asarray(mix, dtype=np.float32))
    if y.shape[0] == 1:
        y = np.repeat(y, 2, axis=0)
    y = np.clip(y[:2], -1.0, 1.0)
    buf = io.BytesIO()
    with av.open(buf, mode="w", format="mp4") as out:
        codec = video_codec()
        vs = out.add_stream(codec, rate=fps)
        vs.width, vs.height, vs.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        if codec == "libx264":
            vs.options = {"preset": "veryfast", "crf": "26", "tune": "stillimage"}
        else:
            vs.bit_rate = 1_000_000
        aus = out.add_stream("aac", rate=sr)
        aus.layout = "stereo"
        aus.bit_rate = audio_bitrate
        # Audio first, in the encoder's frame size (the muxer interleaves by timestamps).
        size = 1024
        for i in range(0, y.shape[1], size):
            chunk = np.ascontiguousarray(y[:, i:i + size])
            af = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            af.sample_rate = sr
            af.pts = i
            af.time_base = Fraction(1, sr)
            for p in aus.encode(af):
                out.mux(p)
        for p in aus.encode(None):
            out.mux(p)
        for k, rgb in enumerate(render_frames(y, sr=sr, words=words, cover=cover, title=title, author=author,
                                              domain=domain, fps=fps)):
            vf = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            vf.pts = k
            vf.time_base = Fraction(1, fps)
            for p in vs.encode(vf):
                out.mux(p)
        for p in vs.encode(None):
            out.mux(p)
    return buf.getvalue()
