import io

import numpy as np
import pytest
from PIL import Image

from topline.production import cover_image


def _open(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def test_jpeg_1024_square():
    img = _open(cover_image(title="Golden Hour", style="indie pop, dreamy", seed=42))
    assert img.format == "JPEG" and img.size == (1024, 1024) and img.mode == "RGB"


def test_deterministic_and_varies_with_inputs():
    a = cover_image(title="Golden Hour", style="indie pop", seed=42)
    assert a == cover_image(title="Golden Hour", style="indie pop", seed=42)
    assert a != cover_image(title="Golden Hour", style="indie pop", seed=43)
    assert a != cover_image(title="Golden Hours", style="indie pop", seed=42)


def test_style_sets_the_colours():
    def mean_hue(style):
        img = _open(cover_image(title="x", style=style, seed=1)).convert("HSV")
        return np.asarray(img)[:600, :, 0].astype(float)

    # Different families give clearly different palettes, seed held fixed.
    assert np.abs(mean_hue("electronic").mean() - mean_hue("metal").mean()) > 10


def test_title_is_drawn():
    with_title = np.asarray(_open(cover_image(title="A Very Bright Title", style="pop", seed=5)), dtype=float)
    # The title is white on a darkened band in the lower part: many near-white pixels there.
    lower = with_title[600:]
    assert np.mean(np.all(lower > 235, axis=-1)) > 0.01


@pytest.mark.parametrize("title", ["", "   ", "Ünïcødé ☀ 夜の歌", "word " * 60, "Supercalifragilisticexpialidocious" * 3])
def test_odd_titles(title):
    img = _open(cover_image(title=title, style="", seed=0))
    assert img.size == (1024, 1024)
