"""The lyric video: an MP4 that decodes, with the right streams and duration, and the words lit
at their times."""

from __future__ import annotations

import io

import av
import numpy as np
import pytest

from topline.production.video import (FPS, HEIGHT, LIT, NOW, WIDTH, TimedWord, _LYRIC_H, _LYRIC_TOP, lyric_video,
                                      render_frames, video_codec)

SR = 44100
WORDS = [TimedWord("hold", 1.0, 1.5, 0), TimedWord("me", 1.5, 2.0, 0), TimedWord("now", 2.0, 3.0, 0),
         TimedWord("river", 3.5, 4.0, 1), TimedWord("flow", 4.0, 4.6, 1)]


def _mix(seconds=5.0):
    t = np.arange(int(seconds * SR)) / SR
    y = 0.3 * np.sin(2 * np.pi * 220 * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 0.5 * t))
    return np.stack([y, y]).astype(np.float32)


def _near(region, colour, tol=40):
    return np.all(np.abs(region.astype(int) - np.array(colour)) <= tol, axis=-1)


@pytest.fixture(scope="module")
def mp4():
    return lyric_video(_mix(), sr=SR, words=WORDS, title="Home", author="Topline", domain="example.com")


def test_mp4_decodes_with_streams_and_duration(mp4):
    with av.open(io.BytesIO(mp4)) as c:
        v, a = c.streams.video[0], c.streams.audio[0]
        assert v.codec_context.name in ("h264", "mpeg4") and a.codec_context.name == "aac"
        assert (v.codec_context.width, v.codec_context.height) == (WIDTH, HEIGHT)
        assert a.codec_context.sample_rate == SR and a.codec_context.channels == 2
        frames = [f for f in c.decode(video=0)]
    assert len(frames) == int(np.ceil(5.0 * FPS))
    assert abs(float(frames[-1].pts * frames[-1].time_base) - (len(frames) - 1) / FPS) < 1e-6
    if video_codec() == "libx264":
        assert v.codec_context.name == "h264"


def test_a_word_is_lit_at_its_time(mp4):
    with av.open(io.BytesIO(mp4)) as c:
        frames = {round(float(f.pts * f.time_base) * FPS): f.to_ndarray(format="rgb24") for f in c.decode(video=0)}
    lyric = slice(_LYRIC_TOP, _LYRIC_TOP + _LYRIC_H)
    before = frames[int(0.5 * FPS)][lyric]
    singing_me = frames[int(1.75 * FPS)][lyric]
    assert _near(before, LIT).sum() == 0 and _near(before, NOW).sum() == 0  # nothing shown yet
    assert _near(singing_me, NOW).sum() > 30  # "me" sounding (white)
    assert _near(singing_me, LIT).sum() > 30  # "hold" already sung (lit)
    # the exact frames (before encoding): "hold" lit only from its start
    raw = [f.copy() for f in render_frames(_mix(), sr=SR, words=WORDS)]  # one buffer, updated
    a, b = raw[int(0.9 * FPS)][lyric], raw[int(1.1 * FPS)][lyric]
    assert _near(a, NOW, 0).sum() == 0 and _near(b, NOW, 0).sum() > 30
    # the second line replaces the first once it begins
    c2 = raw[int(3.6 * FPS)][lyric]
    assert _near(c2, NOW, 0).sum() > 0 and _near(c2, LIT, 0).sum() == 0
