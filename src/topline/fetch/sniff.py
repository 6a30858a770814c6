"""What a file is, from its magic bytes (extensions and headers are never trusted)."""

from __future__ import annotations


_MIME = {"mp3": "audio/mpeg", "wav": "audio/wav", "flac": "audio/flac", "ogg": "audio/ogg",
         "m4a": "audio/mp4", "aac": "audio/aac", "aiff": "audio/aiff", "webm": "audio/webm"}

# ftyp brands of the MP4 family that carry (or may carry) an audio track; not HEIF/AVIF images.
_MP4_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4V ", b"M4V ", b"mp41", b"mp42", b"mp71", b"isom",
               b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"dash", b"avc1", b"MSNV", b"qt  "}

# MPEG audio bitrates (kbit/s) by [version is MPEG-1][layer] and sample rates by version.
_MPEG_KBPS = {
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MPEG_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mpeg_frame_len(h: bytes) -> int | None:
    """Length of the MPEG audio frame whose 4-byte header is ``h``, or None if it is not one."""
    if len(h) < 4 or h[0] != 0xFF or h[1] & 0xE0 != 0xE0:
        return None
    version, layer_bits = (h[1] >> 3) & 3, (h[1] >> 1) & 3
    bitrate_i, rate_i, padding = h[2] >> 4, (h[2] >> 2) & 3, (h[2] >> 1) & 1
    if version == 1 or layer_bits == 0 or bitrate_i in (0, 15) or rate_i == 3:
        return None  # reserved values (free-format bitrate is too rare to be worth the risk)
    layer = 4 - layer_bits
    mpeg1 = version == 3
    kbps = _MPEG_KBPS[(mpeg1, layer)][bitrate_i]
    rate = _MPEG_RATES[version][rate_i]
    if layer == 1:
        return (12 * kbps * 1000 // rate + padding) * 4
    per = 144 if (layer == 2 or mpeg1) else 72
    return per * kbps * 1000 // rate + padding


def _adts_frame_len(h: bytes) -> int | None:
    if len(h) < 7 or h[0] != 0xFF or h[1] & 0xF6 != 0xF0 or (h[2] >> 2) & 0xF > 12:
        return None
    n = ((h[3] & 3) << 11) | (h[4] << 3) | (h[5] >> 5)
    return n if n >= 7 else None


def _frames(data: bytes, frame_len) -> bool:
    """A frame header at 0 and, when the data is long enough, another right after it."""
    n = frame_len(data[:8])
    if n is None:
        return False
    if len(data) >= n + 8:
        return frame_len(data[n:n + 8]) is not None
    return True


def sniff_audio(data: bytes) -> str | None:
    """The audio format of ``data`` from its magic bytes.

    Returns one of "mp3", "wav", "flac", "ogg", "m4a", "aac", "aiff", "webm", or None when the
    bytes are not audio we recognise.  Extensions and headers are never trusted.
    """
    head = data[:64]
    if head[:3] == b"ID3" and len(head) >= 10:
        # Skip the ID3v2 tag: FLAC and AAC files sometimes carry one too.
        size = (head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F)
        size += 20 if head[5] & 0x10 else 10
        inner = sniff_audio(data[size:]) if len(data) > size else None
        return inner if inner in ("flac", "aac") else "mp3"
    if head[:4] in (b"RIFF", b"RF64", b"BW64") and head[8:12] == b"WAVE":
        return "wav"
    if head[:4] == b"fLaC":
        return "flac"
    if head[:4] == b"OggS":
        page = data[:512]
        if any(tag in page for tag in (b"\x01vorbis", b"OpusHead", b"\x7fFLAC", b"Speex   ")):
            return "ogg"
        return None  # Ogg video (Theora) or something else
    if head[4:8] == b"ftyp" and head[8:12] in _MP4_BRANDS:
        return "m4a"
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return "aiff"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        if b"webm" in data[:64]:
            return "webm"
        return None
    if _frames(data, _adts_frame_len):
        return "aac"
    if _frames(data, _mpeg_frame_len):
        return "mp3"
    return None


def mime_for(fmt: str | None) -> str:
    """The MIME type of a format from :func:`sniff_audio` (``application/octet-stream`` if unknown)."""
    return _MIME.get(fmt or "", "application/octet-stream")


def describe_bytes(data: bytes) -> str:
    """What non-audio bytes look like, for a message ("an HTML page", "a PNG image", ...)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for magic, what in ((b"<!doctype html", "an HTML page"), (b"<html", "an HTML page"),
                        (b"<?xml", "an XML document"), (b"%pdf", "a PDF document"),
                        (b"\x89png", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                        (b"gif8", "a GIF image"), (b"pk\x03\x04", "a ZIP archive"),
                        (b"{", "JSON or text"), (b"[", "JSON or text")):
        if head.startswith(magic):
            return what
    if b"<html" in head or b"<head" in head or b"<body" in head:
        return "an HTML page"
    if head[4:8] == b"ftyp":
        return "an MP4-family file without audio (brand " + data[8:12].decode("latin-1", "replace") + ")"
    if data[:4] == b"OggS":
        return "an Ogg file without Vorbis, Opus or FLAC audio"
    try:
        data[:512].decode("utf-8")
        return "text"
    except UnicodeDecodeError:
        return "unrecognised binary data"
