"""A process-wide, byte-bounded LRU cache of analysed neural renderings.

``sing`` renders every phoneme at a canonical length (``phonemes.render_length``), so the
two variants of a task, which sing the same lyrics to different melodies, ask the neural
voice for the same phrases.  The expensive part of a phrase (the neural voice, then WORLD's
analysis) is kept here under a digest of everything it depends on, so the second variant
only resynthesises.  Entries are immutable and a rendering is deterministic, so a result
never depends on whether it came from the cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Generic, Protocol, TypeVar

from topline.errors import VoiceError

__all__ = ["CacheStats", "RenderCache"]


class _Sized(Protocol):
    @property
    def nbytes(self) -> int: ...


V = TypeVar("V", bound=_Sized)


@dataclass(frozen=True)
class CacheStats:
    """Counters of a ``RenderCache`` since it was made or cleared."""

    hits: int
    misses: int
    entries: int
    nbytes: int
    max_bytes: int


class RenderCache(Generic[V]):
    """Least-recently-used cache bounded by the total ``nbytes`` of its values.

    Parameters
    ----------
    max_bytes : int
        Most bytes kept; 0 keeps nothing.  A value larger than this is returned but not kept.

    Thread-safe; a value is computed outside the lock, so two threads asking for the same
    missing key at once both compute it (the result is the same) and the first one is kept.
    """

    def __init__(self, max_bytes: int) -> None:
        if max_bytes < 0:
            raise VoiceError(f"A render cache cannot hold {max_bytes} bytes.")
        self.max_bytes = int(max_bytes)
        self._items: OrderedDict[bytes, V] = OrderedDict()
        self._bytes = 0
        self._hits = 0
        self._misses = 0
        self._lock = threading.Lock()

    def get_or_make(self, key: bytes, make: Callable[[], V]) -> V:
        """The value kept under ``key``, else ``make()`` (kept if it fits)."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
                self._hits += 1
                return value
            self._misses += 1
        value = make()
        size = int(value.nbytes)
        with self._lock:
            if key in self._items:  # another thread made it meanwhile: keep one
                self._items.move_to_end(key)
                return self._items[key]
            if size > self.max_bytes:
                return value
            self._items[key] = value
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, old = self._items.popitem(last=False)
                self._bytes -= int(old.nbytes)
        return value

    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(self._hits, self._misses, len(self._items), self._bytes, self.max_bytes)

    def clear(self) -> None:
        """Drop every value and reset the counters."""
        with self._lock:
            self._items.clear()
            self._bytes = self._hits = self._misses = 0
