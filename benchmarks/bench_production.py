"""Benchmark production: cost per second of audio, and the quality.md mix figures.

Synthesises a song-length instrumental (chords, a kick, noise) and a sung-like vocal
(harmonic tones on the notes of a verse/chorus score), renders it in a few styles with the
pipeline's call sequence (``produce``, ``encode_mp3`` of the mix, ``encode_wav`` of the
vocal and instrumental stems as FLOAT and of the mix as PCM_16, ``cover_image``) and
prints per style: CPU seconds per second of audio for each step and their total; the mix's
integrated loudness (pyloudnorm) and 4x true peak; the vocal-to-instrumental balance; and
the worst stems-sum error.

``--mp3`` instead measures the MP3 encoder's error against the 16-bit mix it encodes
(SNR and mean log-spectral distance below 16 kHz) and its CPU cost, per LAME quality
setting and bit rate.

Run: ``python benchmarks/bench_production.py [--seconds 180] [--repeat 3] [--mp3]``.
"""

from __future__ import annotations

import argparse
import io
import time

import numpy as np
import pyloudnorm as pyln
from scipy import signal

from topline.music.style import resolve_controls
from topline.music.types import Note, Score
from topline.production import cover_image, encode_mp3, encode_wav, produce

SR = 44100


def instrumental(seconds: float) -> np.ndarray:
    rng = np.random.default_rng(0)
    t = np.arange(int(seconds * SR)) / SR
    roots = np.array([130.81, 110.0, 174.61, 196.0])[(t // 2).astype(int) % 4]
    chord = sum(np.sin(2 * np.pi * np.cumsum(roots * r) / SR) for r in (1, 1.26, 1.5, 2)) / 4
    kick = np.sin(2 * np.pi * 55 * t) * np.exp(-((t % 0.5) * 12))
    hats = rng.standard_normal(t.size) * np.exp(-((t + 0.25) % 0.25) * 60) * 0.1
    return np.stack([0.25 * chord + 0.3 * kick + hats, 0.25 * chord + 0.3 * kick + np.roll(hats, 200)]).astype(np.float32)


def score(seconds: float) -> Score:
    """Eight-bar verse / chorus alternation at 120 BPM, a note per beat with rests between lines."""
    notes, t, i = [], 1.0, 0
    while t + 0.5 < seconds:
        sec = "chorus" if int(t // 16) % 2 else "verse"
        if (i % 8) != 7:
            notes.append(Note(start=t, end=t + 0.42, midi=(60, 62, 64, 67, 65, 64, 62)[i % 7], syllable="la",
                              phonemes=("l", "a"), word_index=i, line_index=i // 8, section=sec))
        t += 0.5
        i += 1
    return Score(variant=1, gender="f", seed=1, notes=notes, tempo=120.0, key="C major")


def vocal(sc: Score, n: int) -> np.ndarray:
    y = np.zeros(n)
    for nt in sc.notes:
        a, b = int(nt.start * SR), min(n, int(nt.end * SR))
        tt = np.arange(b - a) / SR
        f0 = 440 * 2 ** ((nt.midi - 69) / 12) * (1 + 0.004 * np.sin(2 * np.pi * 5.5 * tt))
        ph = 2 * np.pi * np.cumsum(f0) / SR
        env = np.minimum(1, np.minimum(tt / 0.02, (tt[-1] - tt) / 0.03 + 1e-9))
        y[a:b] = 0.2 * env * sum(np.sin(k * ph) / k for k in range(1, 10))
    return y.astype(np.float32)


REPEAT = 1


def cpu(fn):
    """Result and the least CPU time over ``REPEAT`` runs (the least is the one others' load disturbed least)."""
    best, out = float("inf"), None
    for _ in range(REPEAT):
        t0 = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t0)
    return out, best


def mp3_quality(mix: np.ndarray, sec: float) -> None:
    """Error of each LAME setting against the 16-bit PCM it was given, and its CPU cost."""
    import lameenc
    import soundfile as sf

    pcm = np.round(np.clip(mix, -1.0, 32767 / 32768) * 32768).astype("<i2")
    ref = pcm.astype(np.float64) / 32768
    f, _, spec_ref = signal.stft(ref[0], SR, nperseg=2048)
    band = f < 16000
    mag_ref = np.abs(spec_ref[band])
    audible = mag_ref > mag_ref.max() * 1e-3
    print(f"MP3 of a {sec:.0f} s mix: error against its 16-bit input below 16 kHz")
    print(f"{'kbps':>5}{'quality':>8}{'CPU/s':>9}{'SNR dB':>8}{'LSD dB':>8}")
    for kbps in (192, 256, 320):
        for q in (2, 5, 7):
            def enc():
                e = lameenc.Encoder()
                e.set_bit_rate(kbps)
                e.set_in_sample_rate(SR)
                e.set_channels(2)
                e.set_quality(q)
                return bytes(e.encode(np.ascontiguousarray(pcm.T))) + bytes(e.flush())
            data, t = cpu(enc)
            dec, _ = sf.read(io.BytesIO(data), dtype="float64", always_2d=True)
            dec = dec.T
            # The decoder's delay: align on the cross-correlation of a stretch of the left channel.
            a = ref[0, SR : 3 * SR]
            lag = int(np.argmax(np.correlate(dec[0, SR : 3 * SR + 4096], a, mode="valid")))
            m = min(ref.shape[1], dec.shape[1] - lag)
            sos = signal.butter(8, 16000, fs=SR, output="sos")
            r16 = signal.sosfilt(sos, ref[:, :m], axis=-1)
            d16 = signal.sosfilt(sos, dec[:, lag : lag + m], axis=-1)
            snr = 10 * np.log10(np.sum(r16**2) / np.sum((d16 - r16) ** 2))
            _, _, spec = signal.stft(dec[0, lag : lag + m], SR, nperseg=2048)
            k = min(spec.shape[1], mag_ref.shape[1])
            lsd = np.abs(20 * np.log10((np.abs(spec[band][:, :k]) + 1e-9) / (mag_ref[:, :k] + 1e-9)))
            print(f"{kbps:5d}{q:8d}{t / sec:9.4f}{snr:8.1f}{np.mean(lsd[audible[:, :k]]):8.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=180.0)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the least CPU time is kept")
    ap.add_argument("--mp3", action="store_true", help="measure MP3 encoder settings instead")
    args = ap.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    sec = args.seconds
    inst = instrumental(sec)
    sc = score(sec)
    voc = vocal(sc, inst.shape[1])
    meter = pyln.Meter(SR)
    if args.mp3:
        c = resolve_controls(style="pop", style_weight=0.5, seed=7)
        mp3_quality(produce(inst, voc, sr=SR, score=sc, controls=c).mix, sec)
        return
    print(f"{sec:.0f} s of audio at {SR} Hz; CPU seconds per second of audio (one variant's render)")
    print(f"{'style':<19}{'produce':>8}{'mp3':>7}{'wav':>7}{'cover':>7}{'total':>7}"
          f"{'LUFS':>8}{'dBTP':>7}{'bal LU':>7}{'stems':>8}")
    totals = []
    for style in ("pop", "jazz", "hip hop", "metal", "dreamy electronic"):
        c = resolve_controls(style=style, style_weight=0.5, seed=7)
        p, t_prod = cpu(lambda: produce(inst, voc, sr=SR, score=sc, controls=c))
        _, t_mp3 = cpu(lambda: encode_mp3(p.mix, sr=SR, title="Bench"))
        # As the pipeline writes them: the stems in float, the mastered mix in 16 bits.
        _, t_wav = cpu(lambda: (encode_wav(p.vocal_stem, sr=SR, subtype="FLOAT"),
                                encode_wav(p.instrumental_stem, sr=SR, subtype="FLOAT"), encode_wav(p.mix, sr=SR)))
        _, t_cov = cpu(lambda: cover_image(title="Bench", style=style, seed=7))
        total = t_prod + t_mp3 + t_wav + t_cov
        totals.append(total / sec)
        lufs = meter.integrated_loudness(p.mix.T)
        tp = 20 * np.log10(np.max(np.abs(signal.resample_poly(p.mix, 4, 1, axis=-1))))
        bal = meter.integrated_loudness(p.vocal_stem.T) - meter.integrated_loudness(p.instrumental_stem.T)
        err = float(np.max(np.abs(p.vocal_stem + p.instrumental_stem - p.premaster)))
        print(f"{style:<19}{t_prod / sec:8.4f}{t_mp3 / sec:7.4f}{t_wav / sec:7.4f}{t_cov / sec:7.4f}{total / sec:7.4f}"
              f"{lufs:8.2f}{tp:7.2f}{bal:7.2f}{err:8.1e}")
    print(f"mean render: {np.mean(totals):.4f} CPU-s per second of audio per variant")


if __name__ == "__main__":
    main()
