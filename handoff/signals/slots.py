"""One slot product for every table (round 21, issue 16): a table entry written as slots.

The tables (:mod:`handoff.signals.lexicon`, :mod:`handoff.signals.routing_languages`,
:mod:`handoff.signals.routing_lexicon`, :mod:`handoff.signals.stories`,
:mod:`handoff.signals.story_slots`) write a concept as classes of words, every word of one
class with every word of the next ("asked for" x "the card number"); before round 21 five
helpers wrote that product, each its own way. :func:`slot_product` is the one they share.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product

__all__ = ["slot_product"]


def slot_product(*classes: Iterable[str], both: bool = False) -> tuple[str, ...]:
    """Every entry made of one word (or phrase) of each class in turn, joined by a space,
    the first class varying slowest; a word "" leaves its slot empty. With ``both``, every
    entry is followed by the same words in the reverse order (a verb-first clause): "card
    number asked" and "asked card number"."""
    combinations = list(product(*map(tuple, classes)))
    out = [" ".join(part for part in parts if part) for parts in combinations]
    if both:
        out += [" ".join(part for part in reversed(parts) if part) for parts in combinations]
    return tuple(out)
