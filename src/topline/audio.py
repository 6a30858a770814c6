"""Decoding user uploads into float arrays.

PyAV carries its own ffmpeg codecs, so any common upload (MP3, WAV, FLAC, OGG/Opus,
M4A/AAC) decodes without a system ffmpeg.  Every failure a user can cause becomes a
typed :class:`topline.errors.AudioError` with one sentence saying what to fix.
"""

from __future__ import annotations

import io
import os

import numpy as np

from .errors import AudioTooLongError, AudioTooShortError, SilentAudioError, UndecodableAudioError

__all__ = ["decode_audio"]

# Peak below this (about -80 dBFS) counts as silence: dither and codec noise only.
_SILENCE_PEAK = 1e-4


def _open(source: bytes | str | os.PathLike):
    import av

    if isinstance(source, (bytes, bytearray, memoryview)):
        if len(source) == 0:
            raise UndecodableAudioError("The audio file is empty; upload an MP3, WAV, FLAC, OGG or M4A file.")
        target = io.BytesIO(bytes(source))
    else:
        target = os.fspath(source)
        if not os.path.isfile(target):
            raise UndecodableAudioError(f"The audio file {os.path.basename(target)!r} does not exist.")
    try:
        return av.open(target, mode="r", metadata_errors="ignore")
    except Exception as exc:  # av raises many types (InvalidDataError, ValueError, OSError)
        raise UndecodableAudioError(
            "The file is not audio we can decode; upload an MP3, WAV, FLAC, OGG or M4A file."
        ) from exc


def _too_long(seconds: float, max_duration: float) -> AudioTooLongError:
    return AudioTooLongError(
        f"The audio is {seconds / 60:.1f} minutes long; trim it to at most {max_duration / 60:g} minutes."
    )


def _declared_duration(container, stream) -> float | None:
    """Duration the container declares, in seconds, or None when it declares none."""
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / 1_000_000.0  # av.time_base is microseconds
    return None


def decode_audio(
    source: bytes | str | os.PathLike,
    *,
    sr: int = 44100,
    min_duration: float = 5.0,
    max_duration: float = 480.0,
) -> tuple[np.ndarray, int]:
    """Decode an audio file into a float32 array at ``sr``.

    Parameters
    ----------
    source : bytes or path-like
        The encoded file contents, or a path to the file.
    sr : int
        Output sample rate in Hz.
    min_duration, max_duration : float
        Accepted length range in seconds.

    Returns
    -------
    y : np.ndarray
        float32 samples shaped ``(channels, n)`` with 1 or 2 channels (more are
        downmixed to stereo), values in [-1, 1].
    sr : int
        The sample rate of ``y`` (the one asked for).

    Raises
    ------
    UndecodableAudioError
        The data is not audio, is corrupt, or holds no audio stream.
    SilentAudioError
        The audio carries no signal.
    AudioTooShortError, AudioTooLongError
        The audio is outside ``[min_duration, max_duration]``.
    """
    import av

    container = _open(source)
    try:
        streams = container.streams.audio
        if not streams:
            raise UndecodableAudioError("The file holds no audio track; upload an audio file.")
        stream = streams[0]
        declared = _declared_duration(container, stream)
        # Refuse an over-long file before decoding it all (an hour must not be decoded to learn it is too long).
        if declared is not None and declared > max_duration + 1.0:
            raise _too_long(declared, max_duration)
        channels = 1 if (stream.codec_context.channels or 1) == 1 else 2
        resampler = av.AudioResampler(format="fltp", layout="mono" if channels == 1 else "stereo", rate=sr)
        chunks: list[np.ndarray] = []
        n = 0
        limit = int((max_duration + 1.0) * sr)
        try:
            for frame in container.decode(stream):
                frame.pts = None  # let the resampler keep its own clock across odd timestamps
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray())
                    n += chunks[-1].shape[1]
                if n > limit:  # the container lied or declared nothing: stop as soon as we know
                    raise _too_long(n / sr, max_duration)
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray())
                n += chunks[-1].shape[1]
        except av.FFmpegError as exc:
            if n < min_duration * sr:
                raise UndecodableAudioError(
                    "The audio file is corrupt and could not be decoded; export it again and re-upload."
                ) from exc
            # A damaged tail after plenty of good audio: keep what decoded, as players do.
    finally:
        container.close()

    if n == 0:
        raise UndecodableAudioError("The file holds no decodable audio; upload an MP3, WAV, FLAC, OGG or M4A file.")
    y = np.ascontiguousarray(np.concatenate(chunks, axis=1), dtype=np.float32)
    if not np.all(np.isfinite(y)):
        raise UndecodableAudioError("The audio file is corrupt (it holds invalid samples); export it again.")
    np.clip(y, -1.0, 1.0, out=y)
    seconds = y.shape[1] / sr
    if seconds > max_duration:
        raise _too_long(seconds, max_duration)
    if seconds < min_duration:
        raise AudioTooShortError(
            f"The audio is {seconds:.1f} seconds long; upload at least {min_duration:g} seconds of music."
        )
    if float(np.max(np.abs(y))) < _SILENCE_PEAK:
        raise SilentAudioError("The audio is silent; upload a recording with music in it.")
    return y, sr
