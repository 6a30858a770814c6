"""Compile the analysis's JIT code once per host before workers fork.

librosa's inner loops are numba functions compiled on first call and kept in numba's on-disk cache.
Two processes compiling the same function at once can both write its cache entry and leave one that
crashes every later process that loads it (numba/numba#4807, #10128): a fresh install started as
several Celery prefork children (or several worker commands on one host) hits exactly that on its first
tasks. So a worker warms up before it forks: it takes an exclusive file lock beside the cache, runs the
analysis on a few seconds of synthesised sound (the first process compiles and writes the cache, the
next ones load it under the same lock), and its forked children inherit the compiled code.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
import time
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

_WARM_SR = 22050


def lock_path() -> Path:
    """Where the warm-up lock lives: beside numba's cache when one is configured (``NUMBA_CACHE_DIR``),
    else in the temporary folder; named after the installed librosa, so every process that would share
    a cache shares the lock."""
    import librosa
    import numba

    folder = Path(numba.config.CACHE_DIR or tempfile.gettempdir())
    tag = hashlib.sha1(os.path.realpath(librosa.__file__).encode()).hexdigest()[:12]
    return folder / f"topline-jit-{tag}.lock"


def warm_up_signal(*, seconds: float = 4.0, sr: int = _WARM_SR) -> np.ndarray:
    """A few seconds of chords over a kick at 120 BPM: enough for every analysis stage to run."""
    t = np.arange(int(seconds * sr)) / sr
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.18, 329.63)) / 3
    kick = np.sin(2 * np.pi * 60.0 * t) * np.exp(-np.mod(t, 0.5) * 30.0)
    return (0.3 * chord + 0.5 * kick).astype(np.float32)


def warm_up(*, timeout_s: float | None = None) -> float:
    """Run the analysis once under the host-wide JIT lock.

    Parameters
    ----------
    timeout_s : float, optional
        Give up waiting for the lock after this long (``TimeoutError``); wait for ever by default.

    Returns
    -------
    float
        Seconds spent, waiting for the lock included.
    """
    from ..music.analysis import analyse

    start = time.monotonic()
    path = lock_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as lock:
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if timeout_s is not None and time.monotonic() - start > timeout_s:
                    raise TimeoutError(f"another process has held {path} for over {timeout_s:g} s") from None
                time.sleep(0.2)
        try:
            analyse(warm_up_signal(), sr=_WARM_SR)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    spent = time.monotonic() - start
    log.info("JIT warm-up done in %.1f s (lock %s)", spent, path)
    return spent
