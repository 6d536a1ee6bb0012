"""Prometheus metrics of the agent desktop: ``GET /metrics`` behind a bearer token of its own.

::

    metrics = DesktopMetrics(desktop, tokens=[token], relay=relay)
    app = create_app(desktop, webhook_secret=SECRET, metrics=metrics)

``handoff desktop serve`` does this when ``HANDOFF_DESKTOP_METRICS_TOKEN`` is set (two
comma-separated tokens are both accepted while rotating). Without it there is no ``/metrics``
(404): lane volumes and waits are business data, so the endpoint is off until a token is
chosen. The token is compared in constant time and is the only way in: the agents' session
cookie is never looked at, so a logged-in browser cannot read it and the scraper cannot act.

Three kinds of figures, each in the registry of this object:

* **this process** (``handoff_desktop_payloads_total``, ``handoff_desktop_http_*``): what this
  process's webhook and pages answered, counted as they answer;
* **the store** (``handoff_desktop_queue_*``, ``handoff_desktop_claims_total`` and the other
  conversation counters): read from the database when scraped. The counters tail the change
  feed (``desktop_changes``, strictly ordered by ``seq`` on SQLite and PostgreSQL alike) from
  where it stood when this object was made, so they count every process's actions once per
  scraped process: with several desktop processes on one database aggregate them with
  ``max``, not ``sum``;
* **the relay** (``handoff_desktop_relay_*``): how far behind Rasa's event broker it is.

No label holds a conversation id, a user name or text: lanes (the desktop's own), route
templates (``/c/{pk:int}``, never a raw path), HTTP methods and status classes (``code``), the
fixed outcome and kind names listed in DEPLOYING.md.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

try:
    import prometheus_client as prom
    from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
except ImportError as error:  # pragma: no cover  (exercised only without the extra)
    raise ImportError(
        "handoff.desktop.metrics needs prometheus-client: pip install 'handoff-router[desktop]'"
    ) from error

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Match, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from handoff.desktop.store import Change, Claim, Lane
from handoff.desktop.store import Conversation as Conv
from handoff.errors import describe_error

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from handoff.desktop.relay import Relay
    from handoff.desktop.service import Desktop

__all__ = ["METRICS_TOKEN_ENV", "DesktopMetrics", "tokens_from"]

log = logging.getLogger("handoff.desktop.metrics")

METRICS_TOKEN_ENV = "HANDOFF_DESKTOP_METRICS_TOKEN"
METRICS_PATH = "/metrics"
WEBHOOK_PATH = "/webhook/payloads"
# Page renders take milliseconds; a webhook delivery a few; seconds mean trouble.
HTTP_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
# Long-lived streams: their "latency" is how long a browser kept the page open.
STREAMING_ROUTES = frozenset({"/events"})
_METHODS = frozenset({"GET", "HEAD", "POST"})
# The webhook's refusals, by status (each status has one meaning there; see app.py).
WEBHOOK_REFUSALS = {
    400: "rejected_key",
    401: "rejected_signature",
    405: "rejected_method",
    409: "rejected_conflict",
    413: "rejected_size",
    422: "rejected_invalid",
    503: "unavailable",
}
WEBHOOK_ACCEPTED = frozenset({"stored", "updated", "duplicate", "stale"})
# Change-feed kinds the counters follow; the two-lane ones are written [from, to].
_TRACKED = (
    "arrived",
    "reopened",
    "claimed",
    "transferred",
    "overridden",
    "rerouted",
    "resolved",
    "handed_back",
    "abandoned",
)
_MOVES = {"transferred": "transfer", "overridden": "override", "rerouted": "reroute"}
_TWO_LANES = frozenset({"reopened", *_MOVES})
# Change-feed rows read per query, and queries per scrape: a scrape after a long pause
# catches up over several scrapes instead of holding the database.
_BATCH = 5000
_BATCHES_PER_SCRAPE = 10
# Lanes the counters keep apart: the desktop's own (admins create them), bounded anyway.
_MAX_LANES = 500
OTHER = "other"


def tokens_from(value: str | None) -> tuple[bytes, ...]:
    """The accepted tokens of a ``HANDOFF_DESKTOP_METRICS_TOKEN`` value (comma-separated)."""
    return tuple(part.strip().encode() for part in (value or "").split(",") if part.strip())


def _token_ok(given: str, accepted: Sequence[bytes]) -> bool:
    # Every accepted token is compared, always: the time taken says nothing about which.
    matched = False
    raw = given.encode("utf-8", "replace")
    for token in accepted:
        matched |= hmac.compare_digest(raw, token)
    return matched and bool(raw)


@dataclass
class _Lifecycle:
    """The store's conversation counters, advanced by tailing the change feed."""

    cursor: int | None = None
    handoffs: dict[tuple[str, str], int] = field(default_factory=dict)
    claims: dict[str, int] = field(default_factory=dict)
    breaches: dict[str, int] = field(default_factory=dict)
    transfers: dict[tuple[str, str, str], int] = field(default_factory=dict)
    resolutions: dict[str, int] = field(default_factory=dict)
    hand_backs: dict[str, int] = field(default_factory=dict)
    abandonments: dict[str, int] = field(default_factory=dict)


def _bump(counts: dict[Any, int], key: Any) -> None:
    counts[key] = counts.get(key, 0) + 1


class _StoreCollector:
    """Queue gauges and conversation counters, read from the desktop's database on scrape."""

    def __init__(self, desktop: Desktop) -> None:
        self._desktop = desktop
        self._lock = threading.Lock()
        self._state = _Lifecycle()
        self._lanes: set[str] = set()
        try:
            self._state.cursor = self._newest()
        except Exception as error:  # the first successful scrape starts the counting then
            log.warning("metrics: the change feed cannot be read yet (%s)", describe_error(error))

    def _newest(self) -> int:
        with self._desktop.engine.connect() as connection:
            return int(connection.execute(sa.select(sa.func.max(Change.seq))).scalar() or 0)

    def _lane(self, lane: str) -> str:
        if lane in self._lanes or len(self._lanes) < _MAX_LANES:
            self._lanes.add(lane)
            return lane
        return OTHER

    def collect(self) -> Iterator[Metric]:
        now = self._desktop.clock()
        up = GaugeMetricFamily(
            "handoff_desktop_store_up", "1 when the desktop's database could be read"
        )
        try:
            with self._lock:
                queues = list(self._queues(now))
                self._advance()
                counters = list(self._counters())
        except Exception as error:
            log.error("metrics: cannot read the desktop's database (%s)", describe_error(error))
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from queues
        yield from counters

    # ------------------------------------------------------------------ gauges

    def _queues(self, now: float) -> Iterator[Metric]:
        """Per lane: conversations waiting and claimed, the oldest wait, those past their SLA.

        One grouped query over the open conversations only, through the
        ``(lane, status, …)`` index: cheap however many conversations were ever closed.
        """
        depth = GaugeMetricFamily(
            "handoff_desktop_queue_depth",
            "Open conversations by lane and status (waiting, claimed)",
            labels=["lane", "status"],
        )
        oldest = GaugeMetricFamily(
            "handoff_desktop_queue_oldest_wait_seconds",
            "How long the longest-waiting customer of the lane has waited (0 when none waits)",
            labels=["lane"],
        )
        overdue = GaugeMetricFamily(
            "handoff_desktop_queue_overdue",
            "Waiting conversations past their SLA deadline, by lane",
            labels=["lane"],
        )
        late = sa.and_(Conv.sla_deadline.is_not(None), Conv.sla_deadline < now)
        with self._desktop.engine.connect() as connection:
            lanes = list(connection.execute(sa.select(Lane.id).order_by(Lane.id)).scalars())
            rows = connection.execute(
                sa.select(
                    Conv.lane,
                    Conv.status,
                    sa.func.count(),
                    sa.func.min(Conv.waiting_since),
                    sa.func.sum(sa.case((late, 1), else_=0)),
                )
                .where(Conv.lane.in_(lanes), Conv.status.in_(("waiting", "claimed")))
                .group_by(Conv.lane, Conv.status)
            ).all()
        found = {(row[0], row[1]): row for row in rows}
        for lane in lanes[:_MAX_LANES]:
            waiting = found.get((lane, "waiting"))
            claimed = found.get((lane, "claimed"))
            depth.add_metric([lane, "waiting"], waiting[2] if waiting else 0)
            depth.add_metric([lane, "claimed"], claimed[2] if claimed else 0)
            since = waiting[3] if waiting else None
            oldest.add_metric([lane], max(0.0, now - since) if since is not None else 0.0)
            overdue.add_metric([lane], int(waiting[4] or 0) if waiting else 0)
        yield from (depth, oldest, overdue)

    # ------------------------------------------------------------------ counters

    def _advance(self) -> None:
        """Count the change feed's new entries since the cursor (a few batches at most).

        Writers of the feed commit in ``seq`` order (the service makes sure of it on
        PostgreSQL), so everything up to the newest ``seq`` seen is final: the cursor never
        passes an entry that could still appear.
        """
        state = self._state
        if state.cursor is None:
            state.cursor = self._newest()
            return
        # Of a claim, whether it met the SLA: the claim row written just before the entry.
        within_sla = (
            sa.select(Claim.within_sla)
            .where(Claim.conversation_pk == Change.conversation_pk, Claim.at <= Change.at)
            .order_by(Claim.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        for _ in range(_BATCHES_PER_SCRAPE):
            with self._desktop.engine.connect() as connection:
                newest = connection.execute(sa.select(sa.func.max(Change.seq))).scalar() or 0
                rows = connection.execute(
                    sa.select(
                        Change.seq,
                        Change.lane,
                        Change.conversation_pk,
                        Change.kind,
                        Change.at,
                        sa.case((Change.kind == "claimed", within_sla), else_=None),
                    )
                    .where(
                        Change.seq > state.cursor,
                        Change.seq <= newest,
                        Change.kind.in_(_TRACKED),
                    )
                    .order_by(Change.seq)
                    .limit(_BATCH)
                ).all()
            full = len(rows) == _BATCH
            if full and rows[-1].kind in _TWO_LANES:
                rows = rows[:-1]  # it may be the first half of a move: read it with its pair
            self._count(rows)
            state.cursor = rows[-1].seq if full and rows else max(state.cursor, int(newest))
            if not full:
                return

    def _count(self, rows: Sequence[Any]) -> None:
        state = self._state
        index = 0
        while index < len(rows):
            row = rows[index]
            first = last = self._lane(row.lane)
            index += 1
            if row.kind in _TWO_LANES and index < len(rows):
                pair = rows[index]
                if (pair.conversation_pk, pair.kind, pair.at) == (
                    row.conversation_pk,
                    row.kind,
                    row.at,
                ) and pair.lane != row.lane:
                    last = self._lane(pair.lane)
                    index += 1
            kind = row.kind
            if kind == "arrived":
                _bump(state.handoffs, (first, "new"))
            elif kind == "reopened":
                _bump(state.handoffs, (last, "reopened"))
            elif kind == "claimed":
                _bump(state.claims, first)
                if row[5] is False or row[5] == 0:
                    _bump(state.breaches, first)
            elif kind in _MOVES:
                _bump(state.transfers, (first, last, _MOVES[kind]))
            elif kind == "resolved":
                _bump(state.resolutions, first)
            elif kind == "handed_back":
                _bump(state.hand_backs, first)
            elif kind == "abandoned":
                _bump(state.abandonments, first)

    def _counters(self) -> Iterator[Metric]:
        state = self._state

        def family(name: str, doc: str, labels: list[str], counts: dict[Any, int]) -> Metric:
            metric = CounterMetricFamily(name, doc, labels=labels)
            for key, value in sorted(counts.items()):
                metric.add_metric(list(key) if isinstance(key, tuple) else [key], value)
            return metric

        yield family(
            "handoff_desktop_handoffs",
            "Handoff cycles that reached the desktop, by lane and kind (new, reopened)",
            ["lane", "kind"],
            state.handoffs,
        )
        yield family("handoff_desktop_claims", "Claims, by lane", ["lane"], state.claims)
        yield family(
            "handoff_desktop_sla_breaches",
            "Claims made after the conversation's SLA deadline, by lane",
            ["lane"],
            state.breaches,
        )
        yield family(
            "handoff_desktop_transfers",
            "Conversations moved to another lane, by lane left, lane entered and kind "
            "(transfer by an agent, override by a supervisor, reroute by the bot)",
            ["lane", "to_lane", "kind"],
            state.transfers,
        )
        yield family(
            "handoff_desktop_resolutions",
            "Conversations resolved, by lane",
            ["lane"],
            state.resolutions,
        )
        yield family(
            "handoff_desktop_hand_backs",
            "Conversations handed back to the bot, by lane",
            ["lane"],
            state.hand_backs,
        )
        yield family(
            "handoff_desktop_abandonments",
            "Waiting conversations abandoned (the customer left), by lane",
            ["lane"],
            state.abandonments,
        )


class _RelayCollector:
    """How far behind Rasa's event broker the relay is, read on scrape."""

    def __init__(self, relay: Relay) -> None:
        self._relay = relay

    def collect(self) -> Iterator[Metric]:
        relay = self._relay
        errors = CounterMetricFamily(
            "handoff_desktop_relay_errors",
            "Relay failures in this process: polls of Rasa's events, re-routings",
            labels=["kind"],
        )
        errors.add_metric(["poll"], relay.poll_errors)
        errors.add_metric(["route"], relay.route_errors)
        relayed = CounterMetricFamily(
            "handoff_desktop_relay_events", "Rasa events this process relayed"
        )
        relayed.add_metric([], relay.relayed)
        yield from (errors, relayed)
        up = GaugeMetricFamily("handoff_desktop_relay_up", "1 when Rasa's events could be read")
        try:
            lag = relay.lag()
        except Exception as error:
            log.error("metrics: cannot read the relay's position (%s)", describe_error(error))
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        now = time.time()
        behind = GaugeMetricFamily(
            "handoff_desktop_relay_events_behind",
            "Events in Rasa's broker the relay has not passed yet",
        )
        behind.add_metric([], lag.behind)
        waiting = GaugeMetricFamily(
            "handoff_desktop_relay_lag_seconds",
            "Age of the oldest Rasa event not relayed yet (0 when the relay is caught up)",
        )
        waiting.add_metric(
            [], max(0.0, now - lag.oldest_waiting_at) if lag.oldest_waiting_at else 0.0
        )
        since = GaugeMetricFamily(
            "handoff_desktop_relay_last_event_age_seconds",
            "Seconds since the last event the relay passed was written by Rasa",
        )
        if lag.last_relayed_at is not None:
            since.add_metric([], max(0.0, now - lag.last_relayed_at))
        yield from (up, behind, waiting, since)


class DesktopMetrics:
    """The desktop's Prometheus registry, its ``/metrics`` endpoint and request timing.

    ``tokens``: the bearer tokens ``/metrics`` accepts (at least one). ``relay``: the live
    relay, when it runs in this process. Install on an app with ``create_app(metrics=…)``.
    """

    def __init__(
        self, desktop: Desktop, *, tokens: Iterable[bytes | str], relay: Relay | None = None
    ) -> None:
        accepted = tuple(t.encode() if isinstance(t, str) else t for t in tokens if t)
        if not accepted:
            raise ValueError(
                f"the metrics endpoint needs a token ({METRICS_TOKEN_ENV}); without one, "
                "leave the metrics off"
            )
        self._tokens = accepted
        prom.disable_created_metrics()  # type: ignore[no-untyped-call]  # *_created: noise
        self.registry = prom.CollectorRegistry(auto_describe=False)
        r = self.registry
        self.payloads = prom.Counter(
            "handoff_desktop_payloads",
            "Deliveries to the webhook, by outcome (stored, updated, duplicate, stale, "
            "rejected_signature, rejected_size, rejected_invalid, rejected_key, "
            "rejected_conflict, rejected_method, unavailable, error)",
            ["outcome"],
            registry=r,
        )
        self.requests = prom.Histogram(
            "handoff_desktop_http_request_seconds",
            "Seconds to answer an HTTP request, by route template, method and status class "
            "(code: 2xx, 3xx, 4xx, 5xx; the live event stream is left out)",
            ["route", "method", "code"],
            buckets=HTTP_BUCKETS,
            registry=r,
        )
        self.metrics_refused = prom.Counter(
            "handoff_desktop_metrics_refused",
            "Scrapes of /metrics refused for a missing or wrong token",
            registry=r,
        )
        r.register(_StoreCollector(desktop))
        if relay is not None:
            r.register(_RelayCollector(relay))
        self._routes: Sequence[BaseRoute] = ()

    def install(self, app: Starlette) -> None:
        """Add ``GET /metrics`` and the request timing to ``app`` (before it starts)."""
        app.router.routes.insert(0, Route(METRICS_PATH, self.endpoint, methods=["GET"]))
        self._routes = app.router.routes
        app.add_middleware(_RequestMetrics, metrics=self)

    async def endpoint(self, request: Request) -> Response:
        """``GET /metrics``: the bearer token, else 401 (nothing about the session)."""
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not _token_ok(given.strip(), self._tokens):
            self.metrics_refused.inc()
            return JSONResponse(
                {"error": "unauthorized"},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
            )
        text = await run_in_threadpool(prom.generate_latest, self.registry)
        return Response(text, media_type=prom.CONTENT_TYPE_LATEST)

    def route_of(self, scope: Scope) -> str:
        """The template of the route that served (or would serve) ``scope``; never the path."""
        route = scope.get("route")
        if route is None:  # refused before routing (413), or an older Starlette
            for candidate in self._routes:
                if candidate.matches(scope)[0] is not Match.NONE:
                    route = candidate
                    break
        path = getattr(route, "path", None)
        return path if isinstance(path, str) and path else "unmatched"

    def observe(self, scope: Scope, status: int, seconds: float) -> None:
        """Count one answered request."""
        route = self.route_of(scope)
        method = scope.get("method", "")
        if route == WEBHOOK_PATH:
            outcome = scope.get("handoff.outcome")
            if status == 200 and outcome in WEBHOOK_ACCEPTED:
                self.payloads.labels(outcome=outcome).inc()
            else:
                self.payloads.labels(outcome=WEBHOOK_REFUSALS.get(status, "error")).inc()
        if route in STREAMING_ROUTES:
            return
        self.requests.labels(
            route=route,
            method=method if method in _METHODS else "other",
            code=f"{status // 100}xx" if 100 <= status < 600 else "other",
        ).observe(seconds)


class _RequestMetrics:
    """ASGI middleware timing each request to its last body byte (outermost, so it sees the
    413s the body limit sends before any route runs)."""

    def __init__(self, app: ASGIApp, *, metrics: DesktopMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def timed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, timed_send)
        finally:
            try:
                self.metrics.observe(scope, status, time.perf_counter() - started)
            except Exception as error:  # metrics never break a response
                log.error("metrics: a request was not counted (%s)", describe_error(error))
