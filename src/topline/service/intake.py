"""Getting the user's instrumental: from our own upload store or by a safe fetch, then checked
(sniffed and decoded once) before a task is accepted, so bad audio is a 451 at once."""

from __future__ import annotations

from urllib.parse import unquote, urlparse

from .. import storage_keys
from ..audio import decode_audio
from ..errors import FetchError, UndecodableAudioError
from ..fetch import fetch_configured, sniff_audio
from ..tasks.context import Context


def own_key(url: str, ctx: Context) -> str | None:
    """The storage key when ``url`` is one of our own file links (uploads need no network trip)."""
    base = urlparse(ctx.settings.public_url)
    u = urlparse(url)
    if (u.scheme, u.netloc) != (base.scheme, base.netloc):
        return None
    prefix = base.path.rstrip("/") + "/files/"
    if not u.path.startswith(prefix):
        return None
    return unquote(u.path[len(prefix):])


def obtain(url: str, ctx: Context, *, field: str) -> tuple[bytes, str]:
    """The bytes at ``url`` and their sniffed audio format; raises FetchError/AudioError (451)."""
    key = own_key(url, ctx)
    if key is not None:
        if not storage_keys.is_upload(key) or not ctx.store.exists(key):
            raise FetchError(f"{field} points at a file of this server that does not exist or has expired: {url}",
                             field=field)
        data = ctx.store.get(key)
    else:
        data = fetch_configured(url, field=field, settings=ctx.settings).data
    fmt = sniff_audio(data)
    if fmt is None:
        raise UndecodableAudioError(
            f"{field} is not audio Topline can read (MP3, WAV, FLAC, OGG/Opus, M4A/AAC): "
            "check that the link serves the audio file itself, not a web page.", field=field)
    return data, fmt


def check_audio(data: bytes, ctx: Context) -> float:
    """Decode once to refuse corrupt, silent, too short or too long audio; returns the duration."""
    y, sr = decode_audio(data, sr=22050, min_duration=ctx.settings.min_audio_s,
                         max_duration=ctx.settings.max_audio_s)
    return y.shape[-1] / sr
