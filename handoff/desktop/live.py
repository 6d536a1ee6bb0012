"""Live updates for open desktops: one change-feed poller per process, fanned out over SSE.

Why server-sent events and not WebSockets: updates flow one way (server → browser); every
agent action is an ordinary form POST that carries its CSRF token and is audited like any
other request. SSE is plain HTTP, so the session cookie, the security headers, proxies and
the authorization checks apply unchanged; the browser's ``EventSource`` reconnects by itself
and sends ``Last-Event-ID``, so a dropped connection resumes where it stopped instead of
re-reading the queue. A WebSocket would add a second protocol (its own origin checks, its
own auth handshake, no automatic reconnect) for a channel we only ever use one way.

How it scales to many browsers: one :class:`LiveHub` per process runs ONE poller. It reads
``desktop_changes`` after the last ``seq`` it saw (an indexed range scan that costs about
nothing when nothing changed), woken at once when this process wrote something
(:meth:`LiveHub.wake`) and at least every ``poll_interval`` seconds otherwise (a second
process, or a webhook served by another worker, is seen by polling). For each batch it
renders, once, the changed queue rows and the stats of the lanes they are in, and puts
those small HTML fragments on the queue of every connected client that sees the lane. So
50 open browsers cost one query and one render per change, not 50 queue reloads.

Each client's queue is bounded: a client too slow to read its events is told to reload
(``event: reload``) and dropped, instead of growing without bound. A reconnecting client
names the last event it saw (``Last-Event-ID``, or ``?after=`` on the first connection,
the ``seq`` the page was rendered at); what it missed is replayed from the feed, or, if
that is more than :data:`MAX_REPLAY` changes, it is told to reload. Every
``revalidate`` seconds the stream re-reads the session: a logged-out or deactivated user's
stream ends, and lanes an admin changed apply from then on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Protocol

import sqlalchemy as sa
from sse_starlette import EventSourceResponse
from starlette.concurrency import run_in_threadpool

from handoff.desktop.records import Change, LaneInfo, LaneQueue, QueueItem, SessionInfo, User

if TYPE_CHECKING:
    from handoff.desktop.service import Desktop

__all__ = [
    "MAX_REPLAY",
    "DesktopSource",
    "Fragment",
    "LiveHub",
    "LiveSource",
    "Renderer",
    "parse_after",
]

log = logging.getLogger("handoff.desktop.live")

# A reconnecting browser that missed more than this many changes reloads the page instead:
# re-rendering the queue once is cheaper than replaying a long backlog row by row.
MAX_REPLAY = 500
_FEED_BATCH = 1000


class LiveSource(Protocol):
    """What the hub reads: the whole change feed (it filters by lane itself, per client),
    and the open conversations and lane statistics it renders."""

    def last_seq(self) -> int:
        """The newest change's ``seq``."""

    def feed(self, seq: int, limit: int) -> list[Change]:
        """Changes after ``seq`` in every lane, oldest first."""

    def changes_since(self, seq: int, user: User, *, limit: int = 1000) -> list[Change]:
        """Changes after ``seq`` in the lanes ``user`` sees (for a reconnecting client)."""

    def live_rows(self, pks: Sequence[int]) -> dict[int, QueueItem]:
        """The open (waiting or claimed) conversations among ``pks``, by pk."""

    def lane_stats(self, lanes: Sequence[str]) -> dict[str, LaneQueue]:
        """Each lane's statistics (``items`` may be empty)."""

    def session(self, token: str | None) -> SessionInfo | None:
        """The live session of a cookie's token."""


class Renderer(Protocol):
    """Turns a queue row and a lane's statistics into HTML (the app's Jinja templates)."""

    def row(self, item: QueueItem) -> str:
        """The ``<tr>`` of one queue item."""

    def stats(self, lane: LaneQueue) -> str:
        """The statistics block of one lane."""


@dataclass(frozen=True)
class Fragment:
    """One server-sent event: ``event`` is ``row``, ``gone``, ``stats``, ``lines`` (the pk
    of a conversation with new live lines, for its card) or ``reload``;
    ``lane`` decides who receives it; ``seq`` becomes the event id."""

    event: str
    lane: str
    data: str
    seq: int


@dataclass(eq=False)
class _Client:
    token: str
    user: User
    queue: asyncio.Queue[Fragment | None]
    lanes: frozenset[str] | None  # None: every lane
    overflowed: bool = False
    sent_seq: int = 0
    connected_at: float = field(default_factory=time.monotonic)

    def sees(self, lane: str) -> bool:
        return self.lanes is None or lane in self.lanes


def _lanes_of(user: User) -> frozenset[str] | None:
    return None if user.sees_all_lanes else frozenset(user.lanes)


def set_event(loop: asyncio.AbstractEventLoop | None, event: asyncio.Event | None) -> None:
    """Set ``event`` of ``loop`` from any thread (a write in a worker thread wakes a poller);
    nothing before the poller has started."""
    if loop is None or event is None:
        return
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is loop:
        event.set()
    else:
        loop.call_soon_threadsafe(event.set)


class Poller:
    """The poller both live hubs run (this module's and the chat's): one task per process
    that calls :meth:`poll` when woken (:meth:`wake`) and at least every ``poll_interval``
    seconds, backing off while the database is down.

    A subclass sets the task's name and its logger and messages (each with one ``%s``: the
    error's type, never its text, which may quote SQL parameters), implements :meth:`poll`
    and :meth:`_resume_from` (where to read from at start), and ends its streams after
    :meth:`_stop_poller` in its ``stop``.
    """

    _task_name: str
    _log: logging.Logger
    _start_failed: str
    _poll_failed: str
    _source: Any  # has last_seq()

    def __init__(self, poll_interval: float) -> None:
        self.poll_interval = poll_interval
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self.polls = 0  # how many times the feed was read (tests and benchmarks look)

    async def poll(self) -> int:
        raise NotImplementedError

    def _resume_from(self, seq: int) -> None:
        raise NotImplementedError

    async def start(self) -> None:
        """Start the poller on the running event loop, from the source's current end."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        try:
            self._resume_from(await run_in_threadpool(self._source.last_seq))
        except Exception as error:  # the database may be down at start: poll later
            self._log.error(self._start_failed, type(error).__name__)
        self._task = asyncio.create_task(self._run(), name=self._task_name)

    async def _stop_poller(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def wake(self) -> None:
        """Read the source now (this process just wrote). Safe from any thread."""
        set_event(self._loop, self._wake)

    async def _run(self) -> None:
        assert self._wake is not None
        failures = 0
        while True:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._delay(failures))
            self._wake.clear()
            try:
                await self.poll()
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception as error:
                failures += 1
                # The cause's type only: a database error's text may quote SQL parameters.
                self._log.error(self._poll_failed, type(error).__name__)

    def _delay(self, failures: int) -> float:
        # A database that is down is retried less and less often, up to every 10 s.
        return self.poll_interval if not failures else min(10.0, self.poll_interval * 2**failures)


def event_stream(events: AsyncIterator[dict[str, Any]], ping: float) -> EventSourceResponse:
    """The SSE response both pages use: keep-alive pings (at least every second), a send
    timeout for stuck clients, and headers that stop caches and proxies from buffering."""
    return EventSourceResponse(
        events,
        ping=int(ping) if ping >= 1 else 1,
        send_timeout=10,
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


class LiveHub(Poller):
    """The process's live-update hub: one poller, many server-sent-event streams.

    Start it in the app's lifespan (:meth:`start`, :meth:`stop`), call :meth:`wake` after a
    write in this process, and serve :meth:`stream` as an event-stream response.
    """

    _task_name = "handoff-desktop-live-poller"
    _log = log
    _start_failed = "live: cannot read the change feed at start (%s)"
    _poll_failed = "live: reading the change feed failed (%s)"

    def __init__(
        self,
        source: LiveSource,
        renderer: Renderer,
        *,
        poll_interval: float = 0.25,
        revalidate: float = 10.0,
        client_queue: int = 256,
        max_clients: int = 1000,
    ) -> None:
        if poll_interval <= 0 or revalidate <= 0 or client_queue < 8 or max_clients < 1:
            raise ValueError("poll_interval and revalidate > 0, client_queue >= 8, clients >= 1")
        super().__init__(poll_interval)
        self._source: LiveSource = source
        self._renderer = renderer
        self.revalidate = revalidate
        self.client_queue = client_queue
        self.max_clients = max_clients
        self._clients: set[_Client] = set()
        self._seq = 0

    # ------------------------------------------------------------------ lifecycle

    @property
    def seq(self) -> int:
        """The newest change the poller has fanned out."""
        return self._seq

    @property
    def clients(self) -> int:
        """How many streams are connected."""
        return len(self._clients)

    def _resume_from(self, seq: int) -> None:
        self._seq = seq

    async def stop(self) -> None:
        """Stop the poller and end every stream."""
        await self._stop_poller()
        for client in list(self._clients):
            self._end(client)

    # ------------------------------------------------------------------ the poller

    async def poll(self) -> int:
        """Read the feed once and fan out what changed; returns the number of changes."""
        self.polls += 1
        changes = await run_in_threadpool(self._source.feed, self._seq, _FEED_BATCH)
        if not changes:
            return 0
        self._seq = max(self._seq, changes[-1].seq)
        if self._clients:
            fragments = await run_in_threadpool(self.render, changes)
            self._fan_out(fragments)
        if len(changes) >= _FEED_BATCH:
            self.wake()  # more to read
        return len(changes)

    def render(self, changes: Iterable[Change]) -> list[Fragment]:
        """The fragments for a batch of changes: per (lane, conversation) the row as it is
        now (or ``gone`` if it left that lane's queue), then per lane its statistics.
        Runs in a worker thread (it reads the database)."""
        last: dict[tuple[str, int | None], int] = {}
        lanes: dict[str, int] = {}
        for change in changes:
            last[change.lane, change.conversation_pk] = change.seq
            lanes[change.lane] = change.seq
        pks = sorted({pk for _, pk in last if pk is not None})
        rows = self._source.live_rows(pks) if pks else {}
        stats = self._source.lane_stats(sorted(lanes))
        fragments: list[Fragment] = []
        for (lane, pk), seq in sorted(last.items(), key=lambda entry: entry[1]):
            if pk is None:
                continue
            item = rows.get(pk)
            if item is not None and item.lane == lane:
                fragments.append(Fragment("row", lane, self._renderer.row(item), seq))
            else:
                fragments.append(Fragment("gone", lane, f"row-{lane}-{pk}", seq))
        for change in changes:
            if change.kind == "message" and change.conversation_pk is not None:
                fragments.append(
                    Fragment("lines", change.lane, str(change.conversation_pk), change.seq)
                )
        for lane, seq in lanes.items():
            if lane in stats:
                fragments.append(Fragment("stats", lane, self._renderer.stats(stats[lane]), seq))
        return fragments

    def _fan_out(self, fragments: Sequence[Fragment]) -> None:
        for client in list(self._clients):
            if client.overflowed:
                continue
            for fragment in fragments:
                if not client.sees(fragment.lane):
                    continue
                try:
                    client.queue.put_nowait(fragment)
                except asyncio.QueueFull:
                    # A client that does not read is not allowed to grow memory: it is told
                    # to reload (a fresh page is the cheapest way to catch up) and dropped.
                    client.overflowed = True
                    break

    # ------------------------------------------------------------------ streams

    def connect(self, token: str, session: SessionInfo) -> _Client:
        """Register a stream for this session; raises OverflowError when the process
        already serves ``max_clients`` streams."""
        if len(self._clients) >= self.max_clients:
            raise OverflowError("too many live connections; retry later")
        client = _Client(
            token=token,
            user=session.user,
            queue=asyncio.Queue(maxsize=self.client_queue),
            lanes=_lanes_of(session.user),
        )
        client.sent_seq = self._seq
        self._clients.add(client)
        return client

    def _end(self, client: _Client) -> None:
        self._clients.discard(client)
        try:
            client.queue.put_nowait(None)
        except asyncio.QueueFull:
            client.overflowed = True

    def disconnect(self, client: _Client) -> None:
        """Forget a stream (its connection closed)."""
        self._clients.discard(client)

    async def stream(self, client: _Client, after: int | None) -> AsyncIterator[dict[str, Any]]:
        """The events of one client, as dicts for ``sse_starlette``'s ``EventSourceResponse``:
        first what it missed after ``after`` (if given), then live fragments, until it
        disconnects, is logged out or falls behind. Unregisters the client at the end."""
        try:
            if after is not None and after < client.sent_seq:
                backlog = await run_in_threadpool(
                    self._source.changes_since, after, client.user, limit=MAX_REPLAY + 1
                )
                if len(backlog) > MAX_REPLAY:
                    yield {"event": "reload", "data": "missed too much", "id": str(self._seq)}
                    return
                if backlog:
                    for missed in await run_in_threadpool(self.render, backlog):
                        if client.sees(missed.lane):
                            yield _event(missed)
            # (A page newer than the poller, written by another process, missed nothing:
            # what is live now comes through the queue.)
            next_check = time.monotonic() + self.revalidate
            while True:
                if client.overflowed:
                    yield {"event": "reload", "data": "fell behind", "id": str(self._seq)}
                    return
                timeout = max(0.0, next_check - time.monotonic())
                try:
                    fragment: Fragment | None = await asyncio.wait_for(
                        client.queue.get(), timeout=timeout
                    )
                except asyncio.TimeoutError:
                    if not await self._still_valid(client):
                        yield {"event": "logout", "data": "session ended"}
                        return
                    next_check = time.monotonic() + self.revalidate
                    continue
                if fragment is None:
                    if client not in self._clients:
                        return  # the hub stopped
                    continue
                if client.sees(fragment.lane):
                    yield _event(fragment)
        finally:
            self.disconnect(client)

    async def _still_valid(self, client: _Client) -> bool:
        try:
            session = await run_in_threadpool(self._source.session, client.token)
        except Exception as error:
            log.error("live: cannot re-check a session (%s)", type(error).__name__)
            return True  # the database is down: keep the stream, check again later
        if session is None:
            return False
        client.user = session.user
        client.lanes = _lanes_of(session.user)
        return True


def _event(fragment: Fragment) -> dict[str, Any]:
    return {"event": fragment.event, "data": fragment.data, "id": str(fragment.seq)}


def parse_after(*values: str | None) -> int | None:
    """The first of ``values`` that is a valid event id (a ``seq``), or None."""
    for value in values:
        if value is not None and value.isdigit() and len(value) <= 18:
            return int(value)
    return None


class DesktopSource:
    """The hub's view of a :class:`~handoff.desktop.Desktop`: the whole change feed and the
    rows and statistics it renders, read without a user (the hub itself filters by lane,
    per client, and a reconnecting client's backlog is read with its own user through
    ``Desktop.changes_since``). Each call is one short read transaction."""

    def __init__(self, desktop: Desktop) -> None:
        self._desktop = desktop

    def last_seq(self) -> int:
        """The newest change's ``seq``."""
        return self._desktop.last_seq()

    def session(self, token: str | None) -> SessionInfo | None:
        """The live session of a cookie's token."""
        return self._desktop.session(token)

    def changes_since(self, seq: int, user: User, *, limit: int = 1000) -> list[Change]:
        """Changes after ``seq`` in the lanes ``user`` sees (the service checks)."""
        return self._desktop.changes_since(seq, user, limit=limit)

    def feed(self, seq: int, limit: int) -> list[Change]:
        """Changes after ``seq`` in every lane, oldest first: one range scan on the key."""
        from handoff.desktop import service, store  # noqa: PLC0415

        with self._desktop._read() as connection:
            rows = connection.execute(
                sa.select(store.Change)
                .where(store.Change.seq > int(seq))
                .order_by(store.Change.seq)
                .limit(limit)
            ).all()
        return [
            Change(row.seq, row.lane, row.conversation_pk, row.kind, service._when(row.at))
            for row in rows
        ]

    def live_rows(self, pks: Sequence[int]) -> dict[int, QueueItem]:
        """The open conversations among ``pks`` as queue items."""
        from handoff.desktop import service, store  # noqa: PLC0415

        conv = store.Conversation
        with self._desktop._read() as connection:
            rows = connection.execute(
                sa.select(*service._CONV_COLUMNS, conv.headline)
                .outerjoin(service._agent, service._agent.id == conv.agent_id)
                .where(conv.id.in_(list(pks)), conv.status.in_(("waiting", "claimed")))
            ).all()
        return {row.id: service._queue_item(row) for row in rows}

    def lane_stats(self, lanes: Sequence[str]) -> dict[str, LaneQueue]:
        """Each lane's statistics, as ``Desktop.queues`` computes them (without items)."""
        from handoff.desktop import store  # noqa: PLC0415

        conv, claim, lane_table = store.Conversation, store.Claim, store.Lane
        now = self._desktop.clock()
        day = datetime.fromtimestamp(now, tz=timezone.utc).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        wanted = list(lanes)
        with self._desktop._read() as connection:
            infos = connection.execute(sa.select(lane_table).where(lane_table.id.in_(wanted))).all()
            counts = connection.execute(
                sa.select(
                    conv.lane,
                    sa.func.sum(sa.case((conv.status == "waiting", 1), else_=0)).label("waiting"),
                    sa.func.sum(sa.case((conv.status == "claimed", 1), else_=0)).label("claimed"),
                    sa.func.min(
                        sa.case((conv.status == "waiting", conv.waiting_since), else_=None)
                    ).label("oldest"),
                )
                .where(conv.lane.in_(wanted), conv.status.in_(("waiting", "claimed")))
                .group_by(conv.lane)
            ).all()
            claims = connection.execute(
                sa.select(
                    claim.lane,
                    sa.func.count().label("claimed"),
                    sa.func.count(claim.within_sla).label("with_sla"),
                    sa.func.sum(sa.case((claim.within_sla.is_(True), 1), else_=0)).label("within"),
                )
                .where(claim.lane.in_(wanted), claim.at >= day.timestamp())
                .group_by(claim.lane)
            ).all()
        by_lane = {row.lane: row for row in counts}
        claimed_by_lane = {row.lane: row for row in claims}
        result: dict[str, LaneQueue] = {}
        for info in infos:
            count = by_lane.get(info.id)
            stats = claimed_by_lane.get(info.id)
            result[info.id] = LaneQueue(
                lane=LaneInfo(
                    info.id, info.kind, info.description, info.sla_seconds, info.priority
                ),
                items=(),
                waiting=int(count.waiting or 0) if count else 0,
                claimed=int(count.claimed or 0) if count else 0,
                longest_wait_seconds=(
                    max(0.0, now - count.oldest) if count and count.oldest is not None else None
                ),
                claimed_today=int(stats.claimed) if stats else 0,
                claims_with_sla_today=int(stats.with_sla) if stats else 0,
                claimed_within_sla_today=int(stats.within or 0) if stats else 0,
            )
        return result
