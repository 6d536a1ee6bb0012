"""Replaying logged conversations through a rule set, shard by shard, in-process or on Dask.

:func:`replay_shard` routes one shard's conversations turn by turn (as the bot would) and
returns a :class:`ReplaySummary`: lane counts, escalations, and the first changed
conversations and unreadable records, each located by shard and line. Summaries merge
(:meth:`ReplaySummary.merge`) into exactly the summary of one pass over all the shards in
order, so :func:`replay` gives the same result in one process or on any number of workers.

Workers get the rules as a :class:`RouterRecipe`: a key (the rules' content hash) and a
picklable function that builds the Router, called once per worker process and key (not a
path, which a worker on another machine may not see).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from handoff.cluster import ClusterError, connect
from handoff.cluster.shards import (
    RecordTooLarge,
    Shard,
    describe_failure,
    map_shards,
    read_records,
)
from handoff.errors import ConversationError
from handoff.models.conversation import Conversation
from handoff.models.decision import Decision
from handoff.router import Router
from handoff.testing import Loaded, conversation_from_data, parse_json

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "MAX_CHANGES_KEPT",
    "MAX_ERRORS_KEPT",
    "Change",
    "RecordError",
    "ReplaySummary",
    "ReplayTask",
    "RouterRecipe",
    "replay",
    "replay_records",
    "replay_shard",
]

MAX_ERRORS_KEPT = 20
MAX_CHANGES_KEPT = 1_000


@dataclass(frozen=True)
class RouterRecipe:
    """How a worker builds a Router: ``build()`` (picklable: a module-level function, or a
    functools.partial of one over plain data) under ``key``, which names the rules' content
    so one worker process builds each rule set once."""

    key: str
    build: Callable[[], Router]


_routers: dict[str, Router] = {}
_routers_lock = threading.Lock()
_MAX_ROUTERS = 8


def router_of(recipe: RouterRecipe) -> Router:
    """The Router for ``recipe``, built once per process (the few latest kept)."""
    with _routers_lock:
        router = _routers.get(recipe.key)
    if router is None:
        router = recipe.build()
        with _routers_lock:
            while len(_routers) >= _MAX_ROUTERS:
                _routers.pop(next(iter(_routers)))
            _routers[recipe.key] = router
    return router


@dataclass(frozen=True, order=True)
class RecordError:
    """A record that could not be read: where (shard index, line) and why."""

    shard: int
    line: int
    source: str
    message: str


@dataclass(frozen=True, order=True)
class Change:
    """A conversation routed to another lane by the new rules (``before`` is OTHER_RULES)."""

    shard: int
    line: int
    source: str
    conversation: str | None  # the id, if the record gave one
    before_lane: str
    after_lane: str
    before_rule: str | None
    after_rule: str | None
    before_reason: str
    after_reason: str


@dataclass
class ReplaySummary:
    """What a replay found, over one shard or merged over many. ``changes`` and ``errors``
    keep the first MAX_CHANGES_KEPT / MAX_ERRORS_KEPT in (shard, line) order; the counts
    are exact."""

    compared: bool = False
    total: int = 0
    after: Counter[str] = field(default_factory=Counter)
    before: Counter[str] = field(default_factory=Counter)
    escalated_after: int = 0
    escalated_before: int = 0
    changed: int = 0
    error_count: int = 0
    changes: list[Change] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)

    def merge(self, other: ReplaySummary) -> ReplaySummary:
        """The summary of both (a new object; neither is changed)."""
        return ReplaySummary(
            compared=self.compared or other.compared,
            total=self.total + other.total,
            after=self.after + other.after,
            before=self.before + other.before,
            escalated_after=self.escalated_after + other.escalated_after,
            escalated_before=self.escalated_before + other.escalated_before,
            changed=self.changed + other.changed,
            error_count=self.error_count + other.error_count,
            changes=sorted(self.changes + other.changes)[:MAX_CHANGES_KEPT],
            errors=sorted(self.errors + other.errors)[:MAX_ERRORS_KEPT],
        )

    @classmethod
    def merged(cls, parts: Iterable[ReplaySummary]) -> ReplaySummary:
        """All of ``parts`` merged (an empty summary if there are none)."""
        total = cls()
        for part in parts:
            total = total.merge(part)
        return total

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data, keys sorted: equal summaries give equal dicts."""
        return {
            "compared": self.compared,
            "total": self.total,
            "after": dict(sorted(self.after.items())),
            "before": dict(sorted(self.before.items())),
            "escalated_after": self.escalated_after,
            "escalated_before": self.escalated_before,
            "changed": self.changed,
            "error_count": self.error_count,
            "changes": [vars(change) for change in self.changes],
            "errors": [vars(error) for error in self.errors],
        }

    def digest(self) -> str:
        """SHA-256 of :meth:`to_dict` as canonical JSON, to compare runs."""
        text = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


Parse = Callable[[Any], Loaded]


def replay_records(
    records: Iterable[tuple[int, bytes | RecordTooLarge]],
    router: Router,
    baseline: Router | None,
    *,
    shard: int = 0,
    source: str = "",
    now: datetime,
    parse: Parse = conversation_from_data,
) -> ReplaySummary:
    """Route each record (a conversation, routing case or tracker dump, read by ``parse``)
    turn by turn and count its final decision; with ``baseline``, route it with that too
    and keep it as a change if the lane differs. ``now`` is used unless a record (a routing
    case) brings its own."""
    summary = ReplaySummary(compared=baseline is not None)
    for number, raw in records:
        try:
            if isinstance(raw, RecordTooLarge):
                raise ConversationError(str(raw))
            loaded = parse(parse_json(raw))
        except ConversationError as error:
            summary.error_count += 1
            if len(summary.errors) < MAX_ERRORS_KEPT:
                summary.errors.append(RecordError(shard, number, source, str(error)))
            continue
        summary.total += 1
        moment = loaded.now or now
        decision = final_decision(router, loaded.conversation, moment, loaded.queue_load)
        summary.after[decision.lane] += 1
        summary.escalated_after += decision.handoff
        if baseline is None:
            continue
        previous = final_decision(baseline, loaded.conversation, moment, loaded.queue_load)
        summary.before[previous.lane] += 1
        summary.escalated_before += previous.handoff
        if previous.lane != decision.lane:
            summary.changed += 1
            if len(summary.changes) < MAX_CHANGES_KEPT:
                summary.changes.append(
                    Change(
                        shard,
                        number,
                        source,
                        loaded.conversation.id if loaded.has_id else None,
                        previous.lane,
                        decision.lane,
                        previous.rule_id,
                        decision.rule_id,
                        previous.reason,
                        decision.reason,
                    )
                )
    return summary


def final_decision(
    router: Router, conversation: Conversation, now: datetime | None, load: Mapping[str, int]
) -> Decision:
    """Where the customer is after the conversation: its last user turn's decision."""
    decisions = router.replay(conversation, now=now, queue_load=load)
    return decisions[-1] if decisions else router.route(conversation, now=now, queue_load=load)


@dataclass(frozen=True)
class ReplayTask:
    """What every shard's task needs besides its shard: the rules (and the baseline to
    compare with), the moment for opening hours and the record reader."""

    rules: RouterRecipe
    against: RouterRecipe | None
    now: datetime
    parse: Parse = conversation_from_data


def replay_shard(
    index: int, shard: Shard, task: ReplayTask, advance: Callable[[int], None] | None = None
) -> ReplaySummary:
    """One shard's summary (the task :func:`replay` runs per shard on a worker)."""
    router = router_of(task.rules)
    baseline = router_of(task.against) if task.against is not None else None
    return replay_records(
        read_records(shard, advance),
        router,
        baseline,
        shard=index,
        source=shard.path,
        now=task.now,
        parse=task.parse,
    )


def replay(
    shards: Sequence[Shard],
    rules: RouterRecipe,
    *,
    against: RouterRecipe | None = None,
    now: datetime,
    scheduler: str | Client | None = None,
    parse: Parse = conversation_from_data,
    done: Callable[[int, Shard, ReplaySummary], None] | None = None,
    advance: Callable[[int], None] | None = None,
) -> ReplaySummary:
    """Replay every shard and merge: in this process when ``scheduler`` is None, else one
    task per shard on a Dask cluster (``"local:N"``, an address, or a connected Client).
    The result is the same either way. ClusterError names a shard that could not be read
    or whose worker died. ``advance`` (in-process only) is told the bytes read, for a
    progress bar; ``done`` is called as each shard finishes."""
    task = ReplayTask(rules, against, now, parse)
    if scheduler is None:
        parts = []
        for index, shard in enumerate(shards):
            try:
                part = replay_shard(index, shard, task, advance)
            except Exception as error:  # the same words as from a worker
                raise ClusterError(f"{shard}: {describe_failure(error)}") from None
            parts.append(part)
            if done is not None:
                done(index, shard, part)
        return ReplaySummary.merged(parts)
    if isinstance(scheduler, str):
        with connect(scheduler) as client:
            return ReplaySummary.merged(map_shards(client, replay_shard, shards, task, done=done))
    return ReplaySummary.merged(map_shards(scheduler, replay_shard, shards, task, done=done))
