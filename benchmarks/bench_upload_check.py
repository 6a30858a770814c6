"""What the decode check of an upload costs: seconds and peak memory per file, by format and length.

Uploads are decoded in full before they are stored (so that only real audio is ever served back and
a file too long for add-vocals is refused at once). Material: Debian-packaged game soundtracks (OGG,
real produced recordings), and the same audio re-encoded as MP3 and WAV.

    PYTHONPATH=src python benchmarks/bench_upload_check.py [--n 3]
"""

from __future__ import annotations

import argparse
import io
import resource
import time
from pathlib import Path

import soundfile as sf

from topline.audio import decode_audio
from topline.production.encode import encode_mp3

ROOTS = [Path("/usr/share/games/supertux2/music"), Path("/usr/share/games/freedroidrpg/sound/music")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3, help="soundtracks to measure (the longest ones)")
    args = ap.parse_args()
    files = sorted((p for r in ROOTS if r.exists() for p in r.rglob("*.ogg")), key=lambda p: -p.stat().st_size)
    if not files:
        raise SystemExit("no soundtracks found: apt-get install supertux-data freedroidrpg-data")
    print(f"{'file':32} {'format':6} {'length s':>9} {'MB':>6} {'check s':>8} {'s per min':>9}")
    for path in files[: args.n]:
        ogg = path.read_bytes()
        y, sr = decode_audio(ogg, sr=44100, min_duration=0, max_duration=3600)
        wav = io.BytesIO()
        sf.write(wav, y.T, sr, format="WAV", subtype="PCM_16")
        for fmt, data in (("ogg", ogg), ("mp3", encode_mp3(y, sr=sr, title=path.stem)), ("wav", wav.getvalue())):
            t0 = time.perf_counter()
            out, osr = decode_audio(data, sr=8000, min_duration=0.0, max_duration=3600)
            took = time.perf_counter() - t0
            length = out.shape[-1] / osr
            print(f"{path.name[:32]:32} {fmt:6} {length:9.1f} {len(data) / 2**20:6.2f} {took:8.2f} "
                  f"{took / (length / 60):9.2f}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (whole run)")


if __name__ == "__main__":
    main()
