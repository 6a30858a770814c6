"""Polyphonic transcription of audio to notes with Spotify's Basic Pitch model, run by onnxruntime.

The model (``data/basic_pitch/nmp.onnx``, 230 kB, Apache-2.0) is the ONNX file shipped in the
``basic-pitch`` 0.4.0 wheel on PyPI; the package itself is not a dependency because on Linux it
requires TensorFlow. The windowing and the note decoding below follow ``basic_pitch.inference``
and ``basic_pitch.note_creation`` of that release (Apache-2.0, Copyright 2022 Spotify AB; see
``data/basic_pitch/NOTICE``). The file's SHA-256 is checked before it is loaded.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.signal

from ..errors import GenerationError

MODEL = Path(__file__).resolve().parent.parent / "data" / "basic_pitch" / "nmp.onnx"
MODEL_SHA256 = "2c3c1d144bfa61ad236e92e169c13535c880469a12a047d4e73451f2c059a0ec"  # as in basic-pitch 0.4.0's RECORD

SR = 22050
FFT_HOP = 256
FPS = SR // FFT_HOP  # 86 frames per second
WINDOW_FRAMES = FPS * 2  # 172
WINDOW_SAMPLES = SR * 2 - FFT_HOP  # 43844
OVERLAP_FRAMES = 30
MIDI_OFFSET = 21  # the lowest bin is A0
N_BINS = 88
_BATCH = 16  # windows per model call (bounds memory on long tracks)

_session = None
_lock = threading.Lock()


@dataclass(frozen=True)
class TranscribedNote:
    start: float  # seconds
    end: float
    pitch: int  # MIDI note number
    amplitude: float  # 0..1, the model's mean frame activation over the note


def _model():
    global _session
    with _lock:
        if _session is None:
            import onnxruntime as ort

            data = MODEL.read_bytes()
            if hashlib.sha256(data).hexdigest() != MODEL_SHA256:
                raise GenerationError(f"The transcription model {MODEL} is not the expected file (SHA-256 mismatch); "
                                      "reinstall Topline.")
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = 1
            opts.inter_op_num_threads = 1
            _session = ort.InferenceSession(data, sess_options=opts, providers=["CPUExecutionProvider"])
    return _session


def activations(audio: np.ndarray, *, sr: int) -> dict[str, np.ndarray]:
    """The model's frame-wise ``note``, ``onset`` (n_frames, 88) and ``contour`` (n_frames, 264)
    activations for a mono signal (resampled to 22050 Hz)."""
    y = _mono_22k(audio, sr=sr)
    n_original = y.size
    overlap = OVERLAP_FRAMES * FFT_HOP
    hop = WINDOW_SAMPLES - overlap
    y = np.concatenate([np.zeros(overlap // 2, dtype=np.float32), y])
    starts = range(0, y.size, hop)
    windows = np.zeros((len(starts), WINDOW_SAMPLES, 1), dtype=np.float32)
    for i, a in enumerate(starts):
        chunk = y[a:a + WINDOW_SAMPLES]
        windows[i, : chunk.size, 0] = chunk
    sess = _model()
    names = ["StatefulPartitionedCall:1", "StatefulPartitionedCall:2", "StatefulPartitionedCall:0"]
    outs: dict[str, list[np.ndarray]] = {"note": [], "onset": [], "contour": []}
    for b in range(0, len(windows), _BATCH):
        res = sess.run(names, {"serving_default_input_2:0": windows[b:b + _BATCH]})
        for k, v in zip(("note", "onset", "contour"), res):
            outs[k].append(v)
    n_frames = int(np.floor(n_original * (FPS / SR)))
    h = OVERLAP_FRAMES // 2
    out = {}
    for k, parts in outs.items():
        v = np.concatenate(parts)[:, h:-h, :]
        out[k] = v.reshape(-1, v.shape[-1])[:n_frames]
    return out


def _mono_22k(audio: np.ndarray, *, sr: int) -> np.ndarray:
    import librosa

    y = np.asarray(audio, dtype=np.float32)
    if y.ndim == 2:
        y = y.mean(axis=0)
    if sr != SR:
        y = librosa.resample(y, orig_sr=sr, target_sr=SR, res_type="soxr_hq").astype(np.float32)
    return y


def harmonic_part(audio: np.ndarray, *, sr: int) -> np.ndarray:
    """The harmonic part of a mono 22050 Hz signal (median-filtering HPSS, soft masks): drums
    mostly removed, so their hits are not transcribed as pitched notes."""
    import librosa

    if audio.size < 2048:
        return audio
    spec = librosa.stft(audio, n_fft=2048, hop_length=512)
    harm = librosa.decompose.hpss(spec, margin=1.0)[0]
    return librosa.istft(harm, hop_length=512, length=audio.size).astype(np.float32)


def frame_times(n_frames: int) -> np.ndarray:
    """Seconds of each output frame (basic-pitch's alignment of the windowed frames)."""
    t = np.arange(n_frames) * FFT_HOP / SR
    window = np.floor(np.arange(n_frames) / WINDOW_FRAMES)
    offset = (FFT_HOP / SR) * (WINDOW_FRAMES - WINDOW_SAMPLES / FFT_HOP) + 0.0018
    return t - offset * window


def _inferred_onsets(onsets: np.ndarray, frames: np.ndarray, n_diff: int = 2) -> np.ndarray:
    diffs = []
    for n in range(1, n_diff + 1):
        padded = np.concatenate([np.zeros((n, frames.shape[1])), frames])
        diffs.append(padded[n:, :] - padded[:-n, :])
    diff = np.min(diffs, axis=0)
    diff[diff < 0] = 0
    diff[:n_diff, :] = 0
    top = np.max(diff)
    if top > 0:
        diff = np.max(onsets) * diff / top
    return np.max([onsets, diff], axis=0)


def _clear(energy: np.ndarray, i: int, f: int) -> None:
    energy[i, f] = 0
    if f < N_BINS - 1:
        energy[i, f + 1] = 0
    if f > 0:
        energy[i, f - 1] = 0


def decode_notes(frames: np.ndarray, onsets: np.ndarray, *, onset_threshold: float = 0.5,
                 frame_threshold: float = 0.3, min_note_frames: int = 11, energy_tol: int = 11,
                 melodia_trick: bool = True) -> list[tuple[int, int, int, float]]:
    """Note events ``(start_frame, end_frame, midi, amplitude)`` from the activations
    (basic-pitch's ``output_to_notes_polyphonic``, onsets inferred from frame jumps too)."""
    n = frames.shape[0]
    onsets = _inferred_onsets(onsets, frames)
    peaks = np.zeros(onsets.shape)
    idx = scipy.signal.argrelmax(onsets, axis=0)
    peaks[idx] = onsets[idx]
    t_idx, f_idx = np.where(peaks >= onset_threshold)
    energy = frames.astype(np.float64, copy=True)
    notes: list[tuple[int, int, int, float]] = []
    for start, f in zip(t_idx[::-1], f_idx[::-1]):  # backwards in time
        if start >= n - 1:
            continue
        i, k = start + 1, 0
        while i < n - 1 and k < energy_tol:
            k = k + 1 if energy[i, f] < frame_threshold else 0
            i += 1
        i -= k
        if i - start <= min_note_frames:
            continue
        energy[start:i, f] = 0
        if f < N_BINS - 1:
            energy[start:i, f + 1] = 0
        if f > 0:
            energy[start:i, f - 1] = 0
        notes.append((int(start), int(i), int(f + MIDI_OFFSET), float(np.mean(frames[start:i, f]))))
    if melodia_trick:  # notes without a detected onset: follow the strongest remaining energy
        while np.max(energy) > frame_threshold:
            mid, f = np.unravel_index(np.argmax(energy), energy.shape)
            energy[mid, f] = 0
            i, k = mid + 1, 0
            while i < n - 1 and k < energy_tol:
                k = k + 1 if energy[i, f] < frame_threshold else 0
                _clear(energy, i, f)
                i += 1
            end = i - 1 - k
            i, k = mid - 1, 0
            while i > 0 and k < energy_tol:
                k = k + 1 if energy[i, f] < frame_threshold else 0
                _clear(energy, i, f)
                i -= 1
            start = i + 1 + k
            if end - start <= min_note_frames:
                continue
            notes.append((int(start), int(end), int(f + MIDI_OFFSET), float(np.mean(frames[start:end, f]))))
    return notes


def transcribe(audio: np.ndarray, *, sr: int, onset_threshold: float = 0.5, frame_threshold: float = 0.3,
               min_note_s: float = 0.1277, harmonic: bool = False) -> list[TranscribedNote]:
    """Notes of a (polyphonic) recording, sorted by start then pitch.

    Parameters
    ----------
    audio : np.ndarray, shape (n,) or (channels, n)
    sr : int
    onset_threshold, frame_threshold : float
        Basic Pitch's defaults (0.5, 0.3).
    min_note_s : float
        Shorter notes are dropped (Basic Pitch's default, 127.7 ms).
    harmonic : bool
        Transcribe the harmonic part only (``harmonic_part``): for a full arrangement, where
        drum hits otherwise come out as spurious pitched notes.

    Returns
    -------
    list of TranscribedNote
    """
    y = _mono_22k(audio, sr=sr)
    if harmonic:
        y = harmonic_part(y, sr=SR)
    act = activations(y, sr=SR)
    if act["note"].shape[0] == 0:
        return []
    events = decode_notes(act["note"], act["onset"], onset_threshold=onset_threshold,
                          frame_threshold=frame_threshold, min_note_frames=int(round(min_note_s * FPS)))
    times = frame_times(act["note"].shape[0])
    notes = [TranscribedNote(start=float(times[a]), end=float(times[min(b, len(times) - 1)]), pitch=p,
                             amplitude=float(amp)) for a, b, p, amp in events]
    return sorted(notes, key=lambda x: (x.start, x.pitch))
