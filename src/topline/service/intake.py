"""Getting the user's instrumental: from our own upload store or by a safe fetch, then checked
(sniffed and decoded once) before a task is accepted, so bad audio is a 451 at once."""

from __future__ import annotations

from urllib.parse import unquote, urlparse

from .. import storage_keys
from ..audio import decode_audio
from ..errors import FetchError, LyricsError, StorageError, UndecodableAudioError, ValidationError
from ..fetch import check_destination, fetch_configured, sniff_audio
from ..music.lyrics import check_singable
from ..storage import check_key
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
        try:
            check_key(key)
        except StorageError:
            raise FetchError(f"{field} is not a valid file link of this server ({url[:200]}); use the downloadUrl "
                             "that an upload returned", field=field) from None
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


def check_callback_url(url: str, ctx: Context) -> None:
    """422 (naming ``callBackUrl``) for a callback URL no delivery could ever reach, before anything
    is charged: the same address rules as ``uploadUrl``."""
    try:
        check_destination(url, allow_private=ctx.settings.allow_private_urls, field="callBackUrl")
    except FetchError as exc:
        raise ValidationError(f"{exc.message.rstrip('.')}; callbacks could never be delivered there: give a "
                              "public URL, or a placeholder such as https://example.com/callback and poll "
                              "record-info.", field="callBackUrl") from None


def check_prompt(prompt: str) -> None:
    """422 for lyrics with no word to sing (only tags or punctuation), before anything is charged."""
    try:
        check_singable(prompt)
    except LyricsError as exc:
        raise LyricsError(f"prompt: {exc.message}", field="prompt") from None
