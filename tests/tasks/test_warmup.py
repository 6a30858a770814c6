"""The JIT warm-up: processes sharing one numba cache compile it one at a time, and what they leave loads."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from topline.tasks.warmup import lock_path, warm_up_signal

_WARM = "from topline.tasks.warmup import warm_up; warm_up(); print('warm')"
# What a forked Celery child does with the cache the warm-up left: load it and analyse real sound.
_ANALYSE = (
    "import numpy as np; from topline.music.analysis import analyse; "
    "from topline.tasks.warmup import warm_up_signal; "
    "a = analyse(np.tile(warm_up_signal(), 2), sr=22050); print(len(a.beats))"
)


def _run(code: str, cache: Path) -> subprocess.Popen:
    env = {**os.environ, "NUMBA_CACHE_DIR": str(cache), "OMP_NUM_THREADS": "1"}
    return subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("numba-cache")


def test_warm_up_signal_is_four_seconds_of_bounded_sound():
    y = warm_up_signal()
    assert y.shape == (4 * 22050,) and y.dtype == np.float32
    assert 0.2 < np.max(np.abs(y)) <= 1.0


def test_two_cold_workers_share_one_cache_that_later_processes_load(cache):
    first, second = _run(_WARM, cache), _run(_WARM, cache)
    for p in (first, second):
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-2000:]
        assert out.strip() == "warm"
    index = sorted(cache.rglob("*.nbi"))
    assert index, "the warm-up wrote no numba cache"
    later = _run(_ANALYSE, cache)
    out, err = later.communicate(timeout=300)
    assert later.returncode == 0, err[-2000:]
    assert int(out.strip()) >= 12  # 8 s at 120 BPM
    assert sorted(cache.rglob("*.nbi")) == index  # loaded, nothing compiled again


def test_warm_up_waits_while_another_process_holds_the_lock(cache, monkeypatch):
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(cache))
    held = subprocess.run([sys.executable, "-c", "from topline.tasks.warmup import lock_path; print(lock_path())"],
                          env={**os.environ, "NUMBA_CACHE_DIR": str(cache)}, capture_output=True, text=True,
                          check=True).stdout.strip()
    assert Path(held).parent == cache
    with open(held, "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        waiting = _run(_WARM, cache)
        time.sleep(3.0)
        assert waiting.poll() is None  # still waiting for the lock
        fcntl.flock(lock, fcntl.LOCK_UN)
    out, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err[-2000:]
    assert out.strip() == "warm"


def test_lock_is_named_after_the_installed_librosa(tmp_path, monkeypatch):
    import numba

    monkeypatch.setattr(numba.config, "CACHE_DIR", str(tmp_path))
    path = lock_path()
    assert path.parent == tmp_path
    assert path.name.startswith("topline-jit-") and path.suffix == ".lock" and len(path.stem) == len("topline-jit-") + 12
