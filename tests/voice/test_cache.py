"""The byte-bounded LRU cache of analysed renderings."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest

from topline.errors import VoiceError
from topline.voice.cache import RenderCache


@dataclass(frozen=True)
class Blob:
    name: str
    nbytes: int


def test_hits_misses_and_lru_eviction_by_bytes():
    cache = RenderCache(100)
    made = []

    def make(name, size):
        def f():
            made.append(name)
            return Blob(name, size)

        return f

    assert cache.get_or_make(b"a", make("a", 40)).name == "a"
    assert cache.get_or_make(b"b", make("b", 40)).name == "b"
    assert cache.get_or_make(b"a", make("a2", 40)).name == "a"  # a hit: a is now the newest
    cache.get_or_make(b"c", make("c", 40))  # 120 > 100: the oldest (b) goes
    s = cache.stats()
    assert (s.hits, s.misses, s.entries, s.nbytes, s.max_bytes) == (1, 3, 2, 80, 100)
    assert cache.get_or_make(b"a", make("a3", 40)).name == "a"
    assert cache.get_or_make(b"b", make("b2", 40)).name == "b2"  # was evicted: made again
    assert made == ["a", "b", "c", "b2"]
    assert cache.stats().nbytes <= 100


def test_a_value_larger_than_the_bound_is_returned_not_kept():
    cache = RenderCache(10)
    assert cache.get_or_make(b"big", lambda: Blob("big", 11)).name == "big"
    assert cache.stats().entries == 0 and cache.stats().nbytes == 0
    off = RenderCache(0)
    off.get_or_make(b"x", lambda: Blob("x", 1))
    assert off.stats().entries == 0


def test_clear_and_bad_bound():
    cache = RenderCache(100)
    cache.get_or_make(b"a", lambda: Blob("a", 5))
    cache.get_or_make(b"a", lambda: Blob("a", 5))
    cache.clear()
    s = cache.stats()
    assert (s.hits, s.misses, s.entries, s.nbytes) == (0, 0, 0, 0)
    with pytest.raises(VoiceError, match="cannot hold"):
        RenderCache(-1)


def test_threads_asking_for_the_same_key_get_one_kept_value():
    cache = RenderCache(1000)
    barrier = threading.Barrier(4)
    got = []

    def worker(i):
        barrier.wait()
        got.append(cache.get_or_make(b"k", lambda: Blob(f"v{i}", 10)))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    kept = cache.get_or_make(b"k", lambda: Blob("late", 10))
    assert cache.stats().entries == 1 and cache.stats().nbytes == 10
    assert kept.name in {g.name for g in got}
