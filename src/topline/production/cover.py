"""Cover art: a deterministic abstract design per track, coloured by style and seed, titled."""

from __future__ import annotations

import colorsys
import hashlib
import io
import textwrap

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from ..music.style import family_votes

SIZE = 1024
# Base hue (degrees) per style family: warm for soul/latin, cold for electronic, earthy for folk...
_HUE = {"pop": 320, "rock": 5, "jazz": 40, "rnb": 285, "hiphop": 45, "country": 30, "folk": 95,
        "electronic": 195, "ballad": 220, "metal": 0, "gospel": 50, "reggae": 130, "latin": 15,
        "punk": 335, "indie": 165, "blues": 230}  # fmt: skip


def _rng(title: str, style: str, seed: int) -> np.random.Generator:
    h = hashlib.sha256(f"{title}\x00{style}\x00{int(seed)}".encode()).digest()
    return np.random.default_rng(int.from_bytes(h[:8], "little"))


def _rgb(h: float, s: float, v: float, a: int | None = None) -> tuple[int, ...]:
    r, g, b = colorsys.hsv_to_rgb((h % 360) / 360.0, min(1, max(0, s)), min(1, max(0, v)))
    c = (int(r * 255), int(g * 255), int(b * 255))
    return c if a is None else c + (a,)


def _font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1: the bitmap font only
        return ImageFont.load_default()


def _fit_title(draw: ImageDraw.ImageDraw, title: str, width: int) -> tuple[ImageFont.ImageFont, list[str]]:
    """The largest font size (and wrapping, at most 3 lines) that fits ``title`` into ``width``."""
    for size in range(120, 27, -6):
        font = _font(size)
        chars = max(4, int(width / (0.55 * size)))
        lines = textwrap.wrap(title, width=chars)[:3] or [title]
        if all(draw.textlength(line, font=font) <= width for line in lines):
            return font, lines
    font = _font(28)
    return font, textwrap.wrap(title, width=max(4, int(width / 16)))[:3]


def cover_image(*, title: str, style: str, seed: int, size: int = SIZE) -> bytes:
    """A ``size`` x ``size`` JPEG cover: gradient, soft shapes and rings, the title on top.

    Same title, style and seed give the same bytes.

    Parameters
    ----------
    title : str
    style : str
        Free-text style; its leading family picks the base hue.
    seed : int
        Varies hue and layout between tracks.

    Returns
    -------
    bytes
        JPEG data.
    """
    title = (title or "Untitled").strip() or "Untitled"
    rng = _rng(title, style or "", seed)
    votes = family_votes(style or "")
    family = max(sorted(votes), key=lambda f: votes[f]) if votes else "pop"
    hue = _HUE.get(family, 200) + float(rng.uniform(-25, 25))

    # Background: a diagonal gradient between a deep and a lighter shade of neighbouring hues.
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / (size - 1)
    ang = float(rng.uniform(0, 2 * np.pi))
    t = np.clip(0.5 + 0.5 * ((xx - 0.5) * np.cos(ang) + (yy - 0.5) * np.sin(ang)) * 1.4, 0, 1)[..., None]
    c0 = np.array(_rgb(hue, 0.75, 0.22), dtype=np.float32)
    c1 = np.array(_rgb(hue + rng.uniform(30, 70), 0.6, 0.85), dtype=np.float32)
    img = Image.fromarray(((1 - t) * c0 + t * c1).astype(np.uint8), "RGB")

    # Soft blobs, blurred, in analogous and complementary colours.
    blobs = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(blobs)
    for _ in range(int(rng.integers(5, 9))):
        r = float(rng.uniform(0.08, 0.3)) * size
        cx, cy = rng.uniform(0, size, size=2)
        h = hue + float(rng.choice([0, 35, -35, 180]))
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=_rgb(h, 0.7, 0.95, int(rng.integers(60, 150))))
    blobs = blobs.filter(ImageFilter.GaussianBlur(size / 40))
    img = Image.alpha_composite(img.convert("RGBA"), blobs)

    # Crisp rings and a waveform line: the "sound" motif.
    lines = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(lines)
    cx, cy = rng.uniform(0.3, 0.7, size=2) * size
    for k in range(int(rng.integers(3, 7))):
        r = size * (0.12 + 0.07 * k + float(rng.uniform(0, 0.03)))
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(255, 255, 255, int(rng.integers(40, 110))),
                  width=int(rng.integers(2, 6)))
    xs = np.linspace(0, size, 256)
    f1, f2, p = rng.uniform(2, 6), rng.uniform(7, 15), rng.uniform(0, 2 * np.pi)
    ys = size * 0.42 + size * 0.06 * (np.sin(2 * np.pi * f1 * xs / size + p) + 0.4 * np.sin(2 * np.pi * f2 * xs / size))
    d.line(list(zip(xs.tolist(), ys.tolist())), fill=_rgb(hue + 180, 0.35, 1.0, 170), width=4)
    img = Image.alpha_composite(img, lines)

    # Title (and style) on a dark band in the lower third, so it reads on any background.
    draw = ImageDraw.Draw(img)
    margin = size // 12
    font, wrapped = _fit_title(draw, title, size - 2 * margin)
    asc, desc = font.getmetrics() if hasattr(font, "getmetrics") else (20, 5)
    line_h = int((asc + desc) * 1.1)
    sub = (style or "").strip()[:60]
    sub_font = _font(max(20, size // 30))
    block_h = line_h * len(wrapped) + (size // 22 if sub else 0)
    top = size - margin - block_h
    band = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    ImageDraw.Draw(band).rectangle([0, top - margin // 2, size, size], fill=(0, 0, 0, 120))
    img = Image.alpha_composite(img, band)
    draw = ImageDraw.Draw(img)
    y = top
    for line in wrapped:
        draw.text((margin + 3, y + 3), line, font=font, fill=(0, 0, 0, 200))
        draw.text((margin, y), line, font=font, fill=(255, 255, 255, 255))
        y += line_h
    if sub:
        draw.text((margin, y + size // 100), sub.upper(), font=sub_font, fill=_rgb(hue + 40, 0.25, 1.0, 230))

    out = io.BytesIO()
    img.convert("RGB").save(out, format="JPEG", quality=90, optimize=False)
    return out.getvalue()
