"""Memoization bounded by bytes and safe to share between threads, for functions of texts.

Caches keyed by message text must be bounded by what they hold, not by how many entries:
8,192 entries of 2 MB messages are 16 GB (issue 9).
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, NamedTuple, ParamSpec, TypeVar

__all__ = ["CacheInfo", "Store", "TextMemo", "memo"]

_P = ParamSpec("_P")
_R = TypeVar("_R")
_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


class CacheInfo(NamedTuple):
    """As functools' cache_info(), with sizes in bytes."""

    hits: int
    misses: int
    maxsize: int
    currsize: int


class Store(Generic[_K, _V]):
    """A dict bounded by bytes, shared safely by threads, for values a caller puts and gets
    itself (what :class:`TextMemo` is for a function). Reads take no lock; past ``budget``
    the oldest entries go.

    ``cache_info`` and ``cache_clear`` are :class:`TextMemo`'s.
    """

    def __init__(self, *, budget: int) -> None:
        self._budget = budget
        self._data: OrderedDict[_K, tuple[_V, int]] = OrderedDict()
        self._lock = threading.Lock()
        self._bytes = self._hits = self._misses = 0

    def get(self, key: _K) -> _V | None:
        """The value put under ``key``, or None."""
        entry = self._data.get(key)
        if entry is None:
            self._misses += 1
            return None
        self._hits += 1
        return entry[0]

    def put(self, key: _K, value: _V, size: int) -> None:
        """Keep ``value`` (``size`` bytes held) under ``key``, unless it is already there."""
        with self._lock:
            if key in self._data or size > self._budget:
                return
            self._data[key] = (value, size)
            self._bytes += size
            while self._bytes > self._budget:
                self._bytes -= self._data.popitem(last=False)[1][1]

    def __len__(self) -> int:
        return len(self._data)

    def cache_info(self) -> CacheInfo:
        """Hits, misses, the budget and the bytes held now."""
        return CacheInfo(self._hits, self._misses, self._budget, self._bytes)

    def cache_clear(self) -> None:
        """Forget every entry (and the counts)."""
        with self._lock:
            self._data.clear()
            self._bytes = self._hits = self._misses = 0


class TextMemo(Store[Hashable, _R], Generic[_P, _R]):
    """Memoize a function of texts in a cache bounded by bytes, shared safely by threads.

    ``size(key, value)`` is what an entry holds (its key's and value's texts and objects);
    past ``budget`` the oldest entries go. A hit is one dict lookup without a lock (this runs
    for every earlier turn on every turn; cachetools' locked LRU cost a quarter of an
    ordinary turn and cannot see keys to count them), so eviction is by age, not by use: an
    evicted text still in use is analysed again, once.
    """

    def __init__(
        self,
        func: Callable[_P, _R],
        *,
        budget: int,
        key: Callable[_P, Hashable] | None = None,
        size: Callable[[Hashable, _R], int],
    ) -> None:
        super().__init__(budget=budget)
        functools.update_wrapper(self, func)
        self.__wrapped__ = func
        self._key = key
        self._size = size

    def __call__(self, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        # Without a key function the positional arguments are the key (no call on a hit).
        key = args if self._key is None else self._key(*args, **kwargs)
        entry = self._data.get(key)
        if entry is not None:
            self._hits += 1
            return entry[0]
        value = self.__wrapped__(*args, **kwargs)
        self._misses += 1
        self.put(key, value, self._size(key, value))
        return value


def memo(
    *,
    budget: int,
    key: Callable[_P, Hashable] | None = None,
    size: Callable[[Hashable, _R], int],
) -> Callable[[Callable[_P, _R]], TextMemo[_P, _R]]:
    """Decorator form of :class:`TextMemo`."""

    def wrap(func: Callable[_P, _R]) -> TextMemo[_P, _R]:
        return TextMemo(func, budget=budget, key=key, size=size)

    return wrap
