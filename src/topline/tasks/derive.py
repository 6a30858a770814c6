"""What a derived task delivers, from what the source task stored (no API vocabulary here).

Results are plain dicts of storage keys and values; ``service.extra_payloads`` turns them into
the upstream shapes.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import soundfile as sf

from ..errors import ConflictError
from ..production import encode_wav
from ..storage import Storage


def _need(files: dict[str, str], kind: str, what: str) -> str:
    if kind not in files:
        raise ConflictError(f"This track has no {what} stored (it was rendered without one).")
    return files[kind]


def wav_result(index: int, track: dict[str, Any]) -> dict[str, Any]:
    """The mastered WAV the source task already rendered: nothing to compute."""
    return {"audio_id": track["audioId"], "index": index, "duration": track["duration"],
            "wav": _need(track["files"], "wav", "WAV master")}


def _read(store: Storage, key: str) -> tuple[np.ndarray, int]:
    y, sr = sf.read(io.BytesIO(store.get(key)), dtype="float32", always_2d=True)
    return np.ascontiguousarray(y.T), int(sr)


def stems_result(store: Storage, *, prefix: str, index: int, track: dict[str, Any], split: bool) -> dict[str, Any]:
    """The stems as they were mixed.

    ``split=False`` (``separate_vocal``): the vocal stem and the instrumental stem, the very
    files the mix was made of. ``split=True`` (``split_stem``): the lead vocal (the vocal stem
    less the backing voices), the backing vocals (doubles and harmony) and the instrumental;
    lead + backing equal the vocal stem to float rounding. A track without backing voices
    has no backing stem, and its lead is the whole vocal stem.
    """
    files = track["files"]
    out = {"audio_id": track["audioId"], "index": index, "duration": track["duration"],
           "origin": files["mp3"], "instrumental": _need(files, "instrumental", "instrumental stem"),
           "vocal": _need(files, "vocals", "vocal stem"), "backing_vocals": None, "split": split}
    if split and files.get("backing_vocals"):
        vocal, sr = _read(store, files["vocals"])
        backing, _ = _read(store, files["backing_vocals"])  # kept as 24-bit FLAC: delivered as float WAV
        lead = np.subtract(vocal, backing, out=vocal)  # in place: a long track's stems are large
        out["vocal"], out["backing_vocals"] = f"{prefix}lead-vocal.wav", f"{prefix}backing-vocals.wav"
        store.put(out["vocal"], encode_wav(lead, sr=sr, subtype="FLOAT"))
        del lead, vocal
        store.put(out["backing_vocals"], encode_wav(backing, sr=sr, subtype="FLOAT"))
    return out


_FILLERS = {"oh", "so", "now", "and", "yeah", "ooh", "hey", "well"}
_SMALL = {"a", "an", "the", "and", "or", "of", "in", "on", "to", "by", "at", "for", "like", "than", "into", "through",
          "all", "with", "from", "so"}


def _title_from(text: str, *, max_words: int = 7) -> str:
    """The hook as the title: the chorus's first line (else the first sung line), without leading
    fillers ("oh", "so", "now"), title-cased, at most ``max_words`` words and never ending on a
    small word."""
    blocks = [b.strip().splitlines() for b in text.split("\n\n") if b.strip()]
    chorus = next((b for b in blocks if b and b[0].lower().startswith("[chorus")), None)
    lines = [ln for b in ([chorus] if chorus else blocks) for ln in b if ln and not ln.startswith("[")]
    words = "".join(ch for ch in (lines[0] if lines else "") if ch.isalnum() or ch in " '-").split()
    while len(words) > 2 and words[0].lower() in _FILLERS:
        words = words[1:]
    core = [w for w in words if w.lower() not in _FILLERS]
    half = len(core) // 2
    if half and len(core) % 2 == 0 and [w.lower() for w in core[:half]] == [w.lower() for w in core[half:]]:
        words = core[:half]  # a hook sung twice ("oh, small town, oh, small town"): once
    words = words[:max_words]
    while len(words) > 1 and words[-1].lower() in _SMALL:
        words = words[:-1]
    if not words:
        return "Untitled"
    return " ".join(w if i and w.lower() in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))


def lyrics_result(description: str, *, seed: int, variants: int = 2) -> dict[str, Any]:
    """``variants`` lyrics with titles for a song description, by the project's own writer
    (seeds ``seed``, ``seed + 1``, ...); the style family is read from the description."""
    from ..music.lyrics import write_lyrics
    from ..music.lyrics.writer import sung_lines
    from ..music.style import resolve_controls

    family = resolve_controls(style=description, seed=seed).profile.family
    out: list[dict[str, Any]] = []
    for i in range(variants):
        # each variant avoids the lines the ones before it sing, as a second topliner would
        text = write_lyrics(description, family=family, seed=seed + i,
                            avoid=[ln for v in out for ln in sung_lines(v["text"])])
        out.append({"text": text, "title": _title_from(text)})
    return {"variants": out, "seed": seed, "family": family}


def _midi_file(instruments: list[dict[str, Any]], *, tempo: float) -> bytes:
    """A type-1 MIDI file, one track per instrument (the voice on channel 1, the rest after)."""
    import mido

    tpb = 480
    us = mido.bpm2tempo(tempo if tempo > 0 else 120.0)
    ticks_per_s = tpb * 1e6 / us
    mid = mido.MidiFile(type=1, ticks_per_beat=tpb)
    for ch, inst in enumerate(instruments):
        track = mido.MidiTrack()
        track.append(mido.MetaMessage("track_name", name=inst["name"], time=0))
        if ch == 0:
            track.append(mido.MetaMessage("set_tempo", tempo=us, time=0))
        track.append(mido.Message("program_change", channel=ch, program=inst.get("program", 0), time=0))
        events = []
        for n in inst["notes"]:
            on = int(round(n["start"] * ticks_per_s))
            off = max(int(round(n["end"] * ticks_per_s)), on + 1)
            vel = int(np.clip(round(n["velocity"] * 127), 1, 127))
            events.append((on, 1, mido.Message("note_on", channel=ch, note=n["pitch"], velocity=vel)))
            events.append((off, 0, mido.Message("note_off", channel=ch, note=n["pitch"], velocity=0)))
        events.sort(key=lambda e: (e[0], e[1]))
        last = 0
        for t, _, msg in events:
            track.append(msg.copy(time=t - last))
            last = t
        mid.tracks.append(track)
    buf = io.BytesIO()
    mid.save(file=buf)
    return buf.getvalue()


def midi_result(store: Storage, *, prefix: str, index: int, track: dict[str, Any]) -> dict[str, Any]:
    """Notes of a finished track, one instrument each: the sung melody exactly as the score has
    it, and the instrumental stem's harmonic part (drums filtered out) transcribed by Basic
    Pitch. Writes ``notes.json`` (the
    upstream ``instruments`` list) and ``track.mid`` under ``prefix``."""
    import json

    from ..music.transcribe import transcribe
    from ..music.types import Score

    files = track["files"]
    score = Score.from_json(json.loads(store.get(_need(files, "score", "score"))))
    voice = [{"pitch": int(n.midi), "start": round(n.start, 4), "end": round(n.end, 4),
              "velocity": round(n.velocity / 127, 4)} for n in score.notes]
    inst, sr = _read(store, _need(files, "instrumental", "instrumental stem"))
    played = [{"pitch": n.pitch, "start": round(n.start, 4), "end": round(n.end, 4),
               "velocity": round(n.amplitude, 4)} for n in transcribe(inst, sr=sr, harmonic=True)]
    instruments = [{"name": "Lead Vocal", "program": 54, "notes": voice},
                   {"name": "Instrumental", "program": 0, "notes": played}]
    notes_key, midi_key = f"{prefix}notes.json", f"{prefix}track.mid"
    store.put(midi_key, _midi_file(instruments, tempo=score.tempo))
    public = [{"name": i["name"], "notes": i["notes"]} for i in instruments]
    store.put(notes_key, json.dumps(public).encode())
    return {"audio_id": track["audioId"], "index": index, "notes": notes_key, "midi": midi_key,
            "counts": {i["name"]: len(i["notes"]) for i in instruments}}


def timed_words(aligned: list[dict[str, Any]], notes: list[dict[str, Any]]) -> list:
    """The sung words (``alignedWords`` order = lyric word order) with their lines from the score."""
    from ..production.video import TimedWord

    line_of: dict[int, int] = {}
    for n in notes:
        line_of.setdefault(int(n["word_index"]), int(n["line_index"]))
    out = []
    for i, w in enumerate(aligned):
        if not w.get("success", True):
            continue
        out.append(TimedWord(text=w["word"].split("\n")[-1], start=float(w["startS"]), end=float(w["endS"]),
                             line=line_of.get(i, -1)))
    return out


def mp4_result(store: Storage, *, prefix: str, index: int, track: dict[str, Any], author: str = "",
               domain: str = "") -> dict[str, Any]:
    """The lyric video of a finished track (``video.mp4`` under ``prefix``): its cover, waveform and
    the words lit as the score times them, over the mastered audio."""
    import json

    from ..audio import decode_audio
    from ..production.video import FPS, lyric_video

    files = track["files"]
    audio_key = files.get("wav") or files["mp3"]
    mix, sr = decode_audio(store.get(audio_key), sr=44100, min_duration=0.0)
    aligned = json.loads(store.get(_need(files, "lyrics", "timed lyrics")))
    notes = json.loads(store.get(files["score"]))["notes"] if files.get("score") else []
    cover = store.get(files["image"]) if files.get("image") and store.exists(files["image"]) else None
    data = lyric_video(mix, sr=sr, words=timed_words(aligned, notes), cover=cover, title=track.get("title", ""),
                       author=author, domain=domain)
    key = f"{prefix}video.mp4"
    store.put(key, data)
    return {"audio_id": track["audioId"], "index": index, "duration": track["duration"], "video": key,
            "fps": FPS, "bytes": len(data)}
