"""Where previous interactions come from: a small protocol and an in-memory default."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from handoff.models.payload import PreviousInteraction

__all__ = ["HistorySource", "InMemoryHistory"]


@runtime_checkable
class HistorySource(Protocol):
    """Anything that can list a customer's earlier contacts, newest first."""

    def previous_interactions(self, customer_id: str, limit: int) -> Sequence[PreviousInteraction]:
        """At most ``limit`` earlier interactions of ``customer_id``, newest first."""
        ...


class InMemoryHistory:
    """A HistorySource kept in a dict; fine for tests, demos and a single process."""

    def __init__(self, records: Iterable[tuple[str, PreviousInteraction]] = ()) -> None:
        self._by_customer: dict[str, list[PreviousInteraction]] = defaultdict(list)
        for customer_id, record in records:
            self.add(customer_id, record)

    def add(self, customer_id: str, record: PreviousInteraction) -> None:
        """Remember one interaction."""
        self._by_customer[customer_id].append(record)

    def previous_interactions(self, customer_id: str, limit: int) -> Sequence[PreviousInteraction]:
        """Newest first, at most ``limit``."""
        records = sorted(self._by_customer.get(customer_id, ()), key=lambda r: r.when)
        return tuple(reversed(records))[:limit]
