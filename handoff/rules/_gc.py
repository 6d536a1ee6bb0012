"""Loading a large rule set allocates millions of short-lived objects (YAML nodes, dicts,
models, condition nodes) and none of them form garbage cycles. CPython's cyclic collector
still runs over every live object again and again while they pile up, which made loading
20,000 rules grow faster than linearly (and took over half of the time). Loading and
compiling pause it; reference counting still frees everything as usual.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["without_cyclic_gc"]

P = ParamSpec("P")
R = TypeVar("R")


def without_cyclic_gc(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with the cyclic garbage collector paused (restored afterwards).

    Re-entrant: a nested call leaves the collector as the outermost call found it.
    """

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper
