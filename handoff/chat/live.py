"""Live lines for open chat pages: one poller of ``desktop_messages`` per process, fanned out
to each customer's server-sent-event stream by conversation.

Why a poller on the table and not a push from each writer: the lines have four writers in
three processes (this server for the bot's, the relay for the customer's and the lane
messages, the desktop for the agent's and the notices); the table is the one place they all
meet. The poller reads ``seq > position`` (a range scan on the key that costs nothing when
nothing changed) every ``poll_interval`` seconds, and at once after this process wrote.

On PostgreSQL a ``seq`` is handed out at insert time and transactions may commit in another
order, so a line with a lower ``seq`` can become visible after a higher one. The poller does
not skip it: it keeps reading from the highest ``seq`` below which nothing is missing, and
gives a hole up only after ``gap_grace`` seconds (a rolled-back insert leaves a hole forever).

Each stream's queue is bounded: a page too slow to read its events is told to reload and
dropped instead of growing memory.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from starlette.concurrency import run_in_threadpool

from handoff.chat.store import Line, LineKind
from handoff.desktop.live import Poller

__all__ = ["LIVE_KINDS", "MAX_REPLAY", "ChatHub", "LineSource"]

log = logging.getLogger("handoff.chat.live")

# The customer's own lines are echoed by their page as they send them; the stream carries
# everyone else's.
LIVE_KINDS: tuple[LineKind, ...] = ("bot", "agent", "notice")
MAX_REPLAY = 500
_FEED_BATCH = 1000
_MAX_GAP_SPAN = 10_000


class LineSource(Protocol):
    """What the hub reads (a :class:`~handoff.chat.store.ChatStore`)."""

    def last_seq(self) -> int:
        """The newest line's ``seq``."""

    def feed(self, seq: int, limit: int = 1000) -> list[Line]:
        """Every conversation's lines after ``seq``, oldest first."""

    def lines_after(
        self, conversation_id: str, seq: int, kinds: Sequence[LineKind] = ..., *, limit: int = ...
    ) -> list[Line]:
        """One conversation's lines of ``kinds`` after ``seq``, oldest first."""


@dataclass(eq=False)
class _Client:
    conversation_id: str
    queue: asyncio.Queue[Line | None]
    overflowed: bool = False
    sent: set[int] = field(default_factory=set)
    connected_at: float = field(default_factory=time.monotonic)


class ChatHub(Poller):
    """The process's live-line hub: one poller, one stream per open chat page.

    Start it in the app's lifespan (:meth:`start`, :meth:`stop`), call :meth:`wake` after
    this process wrote a line, and serve :meth:`stream` as an event-stream response.
    """

    _task_name = "handoff-chat-live-poller"
    _log = log
    _start_failed = "chat live: cannot read the lines at start (%s)"
    _poll_failed = "chat live: reading the lines failed (%s)"

    def __init__(
        self,
        source: LineSource,
        *,
        poll_interval: float = 0.1,
        gap_grace: float = 10.0,
        client_queue: int = 128,
        max_clients: int = 5000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if poll_interval <= 0 or gap_grace < 0 or client_queue < 8 or max_clients < 1:
            raise ValueError("poll_interval > 0, gap_grace >= 0, client_queue >= 8, clients >= 1")
        super().__init__(poll_interval)
        self._source: LineSource = source
        self.gap_grace = gap_grace
        self.client_queue = client_queue
        self.max_clients = max_clients
        self._clock = clock
        self._clients: dict[str, set[_Client]] = {}
        self._count = 0
        # Every seq <= _low has been fanned out (or given up); _seen: those above it that have.
        self._low = 0
        self._seen: set[int] = set()
        self._holes: dict[int, float] = {}

    # ------------------------------------------------------------------ lifecycle

    @property
    def clients(self) -> int:
        """How many streams are connected."""
        return self._count

    @property
    def position(self) -> int:
        """The highest ``seq`` below which every line has been fanned out."""
        return self._low

    def streams_of(self, conversation_id: str) -> int:
        """How many streams one conversation has open (tabs)."""
        return len(self._clients.get(conversation_id, ()))

    def open_conversations(self) -> list[str]:
        """The conversations that have a page with its stream open (the heartbeat's list)."""
        return list(self._clients)

    def _resume_from(self, seq: int) -> None:
        self._low = seq

    async def stop(self) -> None:
        """Stop the poller and end every stream."""
        await self._stop_poller()
        for clients in list(self._clients.values()):
            for client in list(clients):
                self._end(client)

    # ------------------------------------------------------------------ the poller

    def _delay(self, failures: int) -> float:
        # While the database is down: 1 s, 2 s, 4 s ... up to every 10 s.
        return self.poll_interval if not failures else min(10.0, 0.5 * 2**failures)

    async def poll(self) -> int:
        """Read the table once and fan out the new lines; returns how many were new."""
        self.polls += 1
        lines = await run_in_threadpool(self._source.feed, self._low, _FEED_BATCH)
        fresh = [line for line in lines if line.seq not in self._seen]
        for line in fresh:
            self._seen.add(line.seq)
            if line.kind in LIVE_KINDS:
                self._fan_out(line)
        self._advance()
        if len(lines) >= _FEED_BATCH and fresh:
            self.wake()  # more to read
        return len(fresh)

    def _advance(self) -> None:
        """Move the low-water mark over every seq seen, and over holes older than the grace."""
        if not self._seen:
            return
        now = self._clock()
        top = max(self._seen)
        low = self._low
        if top - low > _MAX_GAP_SPAN:  # a jump of the sequence (restore, manual insert)
            low = top - _MAX_GAP_SPAN
        for seq in range(low + 1, top + 1):
            if seq in self._seen:
                low = seq
                continue
            first = self._holes.setdefault(seq, now)
            if now - first < self.gap_grace:
                break
            low = seq  # given up: a rolled-back insert, or a row deleted since
        self._low = low
        self._seen = {seq for seq in self._seen if seq > low}
        self._holes = {seq: at for seq, at in self._holes.items() if seq > low}

    def _fan_out(self, line: Line) -> None:
        for client in list(self._clients.get(line.conversation_id, ())):
            if client.overflowed:
                continue
            try:
                client.queue.put_nowait(line)
            except asyncio.QueueFull:
                client.overflowed = True

    # ------------------------------------------------------------------ streams

    def connect(self, conversation_id: str) -> _Client:
        """Register a stream for a conversation; OverflowError when the process already
        serves ``max_clients`` streams."""
        if self._count >= self.max_clients:
            raise OverflowError("too many open chats; retry later")
        client = _Client(conversation_id, asyncio.Queue(maxsize=self.client_queue))
        self._clients.setdefault(conversation_id, set()).add(client)
        self._count += 1
        return client

    def disconnect(self, client: _Client) -> None:
        """Forget a stream (its connection closed)."""
        clients = self._clients.get(client.conversation_id)
        if clients is None or client not in clients:
            return
        clients.discard(client)
        self._count -= 1
        if not clients:
            del self._clients[client.conversation_id]

    def _end(self, client: _Client) -> None:
        self.disconnect(client)
        try:
            client.queue.put_nowait(None)
        except asyncio.QueueFull:
            client.overflowed = True

    async def stream(self, client: _Client, after: int) -> AsyncIterator[dict[str, Any]]:
        """The events of one page: what it missed after ``after`` (read from the table), then
        live lines, until it disconnects or falls behind. Unregisters the client at the end.
        Events are dicts for ``sse_starlette``: ``event: line``, the line's JSON as data and
        its ``seq`` as id (the browser's ``Last-Event-ID`` on a reconnect)."""
        try:
            backlog = await run_in_threadpool(
                self._source.lines_after,
                client.conversation_id,
                after,
                LIVE_KINDS,
                limit=MAX_REPLAY + 1,
            )
            if len(backlog) > MAX_REPLAY:
                yield {"event": "reload", "data": "missed too much"}
                return
            for line in backlog:
                client.sent.add(line.seq)
                yield _event(line)
            while True:
                if client.overflowed:
                    yield {"event": "reload", "data": "fell behind"}
                    return
                live = await client.queue.get()
                if live is None:
                    return  # the hub stopped
                line = live
                if line.seq <= after or line.seq in client.sent:
                    continue
                client.sent.add(line.seq)
                if len(client.sent) > 4 * MAX_REPLAY:
                    client.sent = {seq for seq in client.sent if seq > self._low}
                yield _event(line)
        finally:
            self.disconnect(client)


def _event(line: Line) -> dict[str, Any]:
    data = {
        "seq": line.seq,
        "kind": line.kind,
        "author": line.author,
        "text": line.text,
        "at": line.at,
        "joins": line.joins,
        "survey": line.survey,
    }
    return {"event": "line", "data": json.dumps(data, ensure_ascii=False), "id": str(line.seq)}
