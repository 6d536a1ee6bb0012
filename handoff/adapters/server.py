"""The hardened action server: ``handoff-actions`` (``python -m handoff.adapters.server``).

Our own small Sanic app over rasa-sdk's ``ActionExecutor`` and ``action_handoff_route``,
replacing ``python -m rasa_sdk``, whose app accepts anyone, decompresses without limit and
echoes request bodies in its 500 replies. Configured only from the environment (the table in
``handoff.adapters.rasa_actions``); see DEPLOYING.md.

- ``POST /webhook``: Rasa's action call. Bearer token (constant-time compare) else 401;
  ``application/json`` only and no ``Content-Encoding`` (415); body at most
  ``HANDOFF_MAX_BODY_BYTES`` (413); JSON nested at most ``HANDOFF_MAX_JSON_DEPTH`` (400);
  requests from a browser (an ``Origin`` header) 403; routing runs in a bounded thread
  pool, and when ``HANDOFF_MAX_PENDING_TURNS`` turns are in flight the next gets 503.
- ``GET /health``: liveness (the process answers). ``GET /ready``: readiness (the outbox
  can be used now), 503 with a reason otherwise.
- ``GET /metrics``: Prometheus metrics, behind ``HANDOFF_METRICS_TOKEN``.

With ``HANDOFF_RULES_STORE`` the server routes with the store's live published rules
version and follows every publish and rollback without a restart (a watcher thread
verifies and builds the new router, then swaps it in one assignment: turns in flight
finish on the old router, none is dropped; a version that fails verification or does not
load is refused and the old one keeps routing). See DEPLOYING.md, "Rules from the store".

Every error reply is ``{"error": <fixed text>, "request_id": …}``: never request content.
Log lines carry the request id, never sender ids, text or payloads. One process serves
(no Sanic worker processes): the router, the outbox and the one delivery thread are built
once, in it, before the port opens. For more cores run more processes, a port each,
behind a load balancer, on one PostgreSQL outbox (DEPLOYING.md, "Many action servers":
why not Sanic's workers, and what the processes must share).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Coroutine, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

try:
    import prometheus_client as prom
    from prometheus_client.core import GaugeMetricFamily, Metric
    from rasa_sdk import Tracker
    from rasa_sdk.executor import ActionExecutor, CollectingDispatcher
    from rasa_sdk.interfaces import (
        ActionExecutionRejection,
        ActionMissingDomainException,
        ActionNotFoundException,
    )
    from sanic import Request, Sanic, response
    from sanic.exceptions import SanicException
    from sanic.response import HTTPResponse
except ImportError as error:  # pragma: no cover  (exercised only without the extra)
    raise ImportError(
        "handoff.adapters.server needs rasa-sdk and prometheus-client: "
        "pip install 'handoff-router[server]'"
    ) from error

from handoff.adapters.rasa import ActionHandoffRoute, Runtime, TurnResult
from handoff.adapters.rasa_actions import ConfigError, Settings, build_runtime, settings_from_env
from handoff.errors import StorageUnavailable
from handoff.router import warm_up

if TYPE_CHECKING:
    from handoff.delivery import Backlog, DeliveryAttempt
    from handoff.governance.watch import Reload
    from handoff.router import Router

__all__ = ["create_app", "main"]

log = logging.getLogger("handoff.server")

READY_TIMEOUT = 5.0
_ERRORS = {
    400: "bad request",
    401: "unauthorized",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    408: "request timeout",
    413: "request body too large",
    415: "unsupported media type",
    500: "internal error",
    503: "unavailable",
}


# Routing itself takes microseconds to a few milliseconds; a turn with a payload written to
# the outbox takes milliseconds; anything past a second is a fault worth seeing.
ROUTE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
# From put to delivered: milliseconds when the sink is up, minutes to an hour of retries not.
LAG_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600)
# Label values admitted per label, as they first appear, by metrics not bound to a router
# (``Metrics.bind``), before the rest become "other". The server always binds.
SPARE_LABEL_VALUES = 100
NO_RULE = "none"
OTHER = "other"
_LABEL_ID = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{0,63}")


class _Names:
    """Bounded values for one label; None is "none". Until ``add`` gives the known values
    (the loaded rule sets' ids), ``spare`` ids are admitted as they first appear; after
    it, only known values: anything else is "other". Thread-safe (routing threads share it)."""

    def __init__(self, spare: int = SPARE_LABEL_VALUES) -> None:
        self._known: set[str] = set()
        self._spare = spare
        self._lock = threading.Lock()

    def add(self, values: Iterable[str]) -> None:
        with self._lock:
            self._known.update(values)
            self._spare = 0

    def __call__(self, value: object) -> str:
        if value is None:
            return NO_RULE
        if not isinstance(value, str):
            return OTHER
        if value in self._known:
            return value
        with self._lock:
            if self._spare > 0 and _LABEL_ID.fullmatch(value):
                self._spare -= 1
                self._known.add(value)
                return value
        return OTHER


class _Backlog:
    """A Prometheus collector reading the outbox's backlog when scraped (not per turn)."""

    def __init__(self, read: Callable[[], Mapping[str, Backlog]]) -> None:
        self._read = read

    def collect(self) -> Iterator[Metric]:
        pending = GaugeMetricFamily(
            "handoff_outbox_pending", "Deliveries not yet made, by sink", labels=["sink"]
        )
        dead = GaugeMetricFamily(
            "handoff_outbox_dead",
            "Deliveries that used up their attempts, by sink",
            labels=["sink"],
        )
        oldest = GaugeMetricFamily(
            "handoff_outbox_oldest_pending_seconds",
            "Age of the oldest pending delivery, by sink (0 when none is pending)",
            labels=["sink"],
        )
        up = GaugeMetricFamily("handoff_outbox_up", "1 when the backlog could be read")
        try:
            backlog = self._read()
        except StorageUnavailable as failure:
            log.error("metrics: cannot read the outbox backlog: %s", failure)
            up.add_metric([], 0)
            yield up
            return
        now = time.time()
        for sink, row in sorted(backlog.items()):
            pending.add_metric([sink], row.pending)
            dead.add_metric([sink], row.dead)
            age = 0.0 if row.oldest_pending is None else now - row.oldest_pending.timestamp()
            oldest.add_metric([sink], max(0.0, age))
        up.add_metric([], 1)
        yield from (pending, dead, oldest, up)


class _LiveRules:
    """A Prometheus collector for the rules routing now: one info series (no stale label
    sets after a swap) and the publication's sequence number."""

    def __init__(self) -> None:
        # (version, content, source, seq), replaced whole: a scrape never sees half a swap.
        self.now: tuple[str, str, str, int] = ("", "", "file", 0)

    def collect(self) -> Iterator[Metric]:
        version, content, source, number = self.now
        info = GaugeMetricFamily(
            "handoff_rules_info",
            "The rules version routing now (1): its version, the content hash of its "
            "published files (empty for HANDOFF_RULES) and where it came from (store|file)",
            labels=["version", "content", "source"],
        )
        info.add_metric([version, content, source], 1)
        seq = GaugeMetricFamily(
            "handoff_rules_publication_seq",
            "Sequence number of the rules publication routing now (0: HANDOFF_RULES)",
        )
        seq.add_metric([], number)
        yield from (info, seq)


class Metrics:
    """The server's Prometheus metrics, in a registry of their own.

    Label values are bounded: lanes, rules, experiments and arms are the ids of the loaded
    rule sets (``bind``: the live rules, each experiment arm's and the shadow's), the default
    (no rule) is "none", and anything else "other". No label ever holds a sender id, text
    or anything else from a request.
    """

    def __init__(self, router: Router | None = None) -> None:
        prom.disable_created_metrics()  # type: ignore[no-untyped-call]  # *_created: noise
        self.registry = prom.CollectorRegistry()
        r = self.registry
        self.lanes = _Names()
        self.rules = _Names()
        self.experiments = _Names()
        self.arms = _Names()
        self.sinks = _Names()
        if router is not None:
            self.bind(router)
        self.turns = prom.Counter(
            "handoff_turns", "Turns routed, by lane and deciding rule", ["lane", "rule"], registry=r
        )
        self.handoffs = prom.Counter(
            "handoff_handoffs",
            "Handoffs with a stored payload, by lane and deciding rule",
            ["lane", "rule"],
            registry=r,
        )
        self.experiment_turns = prom.Counter(
            "handoff_experiment_turns",
            "Turns routed inside an experiment, by experiment and arm",
            ["experiment", "arm"],
            registry=r,
        )
        self.experiment_handoffs = prom.Counter(
            "handoff_experiment_handoffs",
            "Handoffs decided inside an experiment, by experiment and arm",
            ["experiment", "arm"],
            registry=r,
        )
        self.shadow_turns = prom.Counter(
            "handoff_shadow_turns", "Turns a shadow rule set also routed", registry=r
        )
        self.shadow_disagreements = prom.Counter(
            "handoff_shadow_disagreements",
            "Turns where the shadow rule set chose another lane (or handoff) than the live one",
            ["lane", "shadow_lane"],
            registry=r,
        )
        self.delivery_failures = prom.Counter(
            "handoff_delivery_failures",
            "Handoffs decided whose payload could not be built or stored",
            registry=r,
        )
        self.delivery_attempts = prom.Counter(
            "handoff_delivery_attempts",
            "Delivery attempts of this process's delivery thread, by sink and result "
            "(delivered, retry, dead)",
            ["sink", "result"],
            registry=r,
        )
        self.delivery_lag = prom.Histogram(
            "handoff_delivery_lag_seconds",
            "Seconds from a payload's outbox put to its delivery, by sink (retries included)",
            ["sink"],
            buckets=LAG_BUCKETS,
            registry=r,
        )
        self.route_seconds = prom.Histogram(
            "handoff_route_seconds",
            "Seconds to route one turn (payload and outbox write included)",
            buckets=ROUTE_BUCKETS,
            registry=r,
        )
        self.storage_ready = prom.Gauge(
            "handoff_storage_ready",
            "1 when the last readiness check could use the outbox",
            registry=r,
        )
        self.rejected = prom.Counter(
            "handoff_rejected_requests", "Requests refused, by reason", ["reason"], registry=r
        )
        self.delivery_threads = prom.Gauge(
            "handoff_delivery_threads", "Delivery threads running in this process", registry=r
        )
        self.delivery_threads.set_function(
            lambda: sum(t.name == "handoff-delivery" for t in threading.enumerate())
        )
        self.rules_reloads = prom.Counter(
            "handoff_rules_reloads",
            "Looks at the rules store that did something, by result: applied (a published "
            "version routes now), refused (it did not verify or load: the old one keeps "
            "routing), store_error (the store could not be read: retried)",
            ["result"],
            registry=r,
        )
        self.rules_store_up = prom.Gauge(
            "handoff_rules_store_up",
            "1 when the last look at the rules store succeeded (absent without a store)",
            registry=r,
        )
        self.live_rules = _LiveRules()
        self.registry.register(self.live_rules)
        self._backlog: _Backlog | None = None

    def rules_from_file(self, router: Router) -> None:
        """The server routes with HANDOFF_RULES (no store, or nothing published yet)."""
        if self.live_rules.now[2] == "file":
            self.live_rules.now = (router.version, "", "file", 0)

    def reloaded(self, reload: Reload) -> None:
        """The rules watcher's hook: count the result, record what routes now."""
        if reload.result == "unchanged":
            self.rules_store_up.set(1)
            return
        self.rules_reloads.labels(result=reload.result).inc()
        self.rules_store_up.set(0 if reload.result == "store_error" else 1)
        if reload.result == "applied":
            content = (reload.content_hash or "")[:12]
            self.live_rules.now = (reload.ruleset_version or "", content, "store", reload.seq or 0)

    def bind(self, router: Router) -> None:
        """Take the label values from the router's rule sets (live, arms, shadow); values
        outside them are "other" from now on. (Sink names, the operator's, are admitted as
        they first appear, up to ``SPARE_LABEL_VALUES``.)"""
        compiled = router.compiled
        rulesets = [compiled.ruleset, *(arm.ruleset for arm in compiled.arms.values())]
        if compiled.shadow is not None:
            rulesets.append(compiled.shadow.ruleset)
        self.lanes.add(lane for ruleset in rulesets for lane in ruleset.lanes)
        self.rules.add(rule.id for ruleset in rulesets for rule in ruleset.rules)
        experiment = router.experiment
        self.experiments.add([experiment.id] if experiment is not None else [])
        self.arms.add(experiment.arms if experiment is not None else [])

    def watch_backlog(self, read: Callable[[], Mapping[str, Backlog]]) -> None:
        """Report the outbox backlog ``read`` returns, read on each scrape."""
        if self._backlog is None:
            self._backlog = _Backlog(read)
            self.registry.register(self._backlog)

    def record(self, result: TurnResult) -> None:
        """The per-turn hook (runs in a routing thread)."""
        decision = result.decision
        lane = self.lanes(decision.lane)
        rule = self.rules(decision.rule_id)
        self.turns.labels(lane=lane, rule=rule).inc()
        self.route_seconds.observe(result.seconds)
        if decision.experiment is not None:
            labels = {
                "experiment": self.experiments(decision.experiment),
                "arm": self.arms(decision.arm),
            }
            self.experiment_turns.labels(**labels).inc()
            if decision.handoff and not result.delivery_failed:
                self.experiment_handoffs.labels(**labels).inc()
        shadow = decision.shadow
        if shadow is not None:
            self.shadow_turns.inc()
            if shadow.lane != decision.lane or shadow.handoff != decision.handoff:
                self.shadow_disagreements.labels(
                    lane=lane, shadow_lane=self.lanes(shadow.lane)
                ).inc()
        if result.delivery_failed:
            self.delivery_failures.inc()
            self.storage_ready.set(0)
        elif decision.handoff:
            self.handoffs.labels(lane=lane, rule=rule).inc()

    def delivered(self, attempt: DeliveryAttempt) -> None:
        """The delivery thread's per-attempt hook."""
        sink = self.sinks(attempt.sink)
        self.delivery_attempts.labels(sink=sink, result=attempt.result).inc()
        if attempt.lag is not None:
            self.delivery_lag.labels(sink=sink).observe(attempt.lag)

    def exposition(self) -> bytes:
        """The metrics in Prometheus' text format (reads the backlog: call off the loop)."""
        return prom.generate_latest(self.registry)


class _Pool:
    """A bounded thread pool for routing, and the count of turns in it (event loop only)."""

    def __init__(self, threads: int, limit: int) -> None:
        self.executor = ThreadPoolExecutor(threads, thread_name_prefix="handoff-route")
        self.limit = limit
        self.in_flight = 0
        self._local = threading.local()

    def run_coroutine(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        """Run a coroutine to completion on this routing thread's own event loop."""
        loop = getattr(self._local, "loop", None)
        if loop is None:
            loop = self._local.loop = asyncio.new_event_loop()
        return loop.run_until_complete(coroutine)


class _OffLoopHandoffRoute(ActionHandoffRoute):
    """``action_handoff_route`` with the runtime given, run in the routing pool.

    ``ActionHandoffRoute.run`` routes synchronously (CPU-bound: text analysis, payload,
    outbox write); it runs whole in a pool thread, on that thread's loop, so the server's
    event loop keeps answering while a long turn routes.
    """

    def __init__(self, runtime: Runtime, pool: _Pool) -> None:
        self._runtime = runtime
        self._pool = pool

    def runtime(self) -> Runtime:
        """The runtime built at start-up."""
        return self._runtime

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Route the turn in a routing thread."""
        coroutine = super().run(dispatcher, tracker, domain)
        loop = asyncio.get_running_loop()
        events: list[dict[str, Any]] = await loop.run_in_executor(
            self._pool.executor, self._pool.run_coroutine, coroutine
        )
        return events


def _request_id(request: Request) -> str:
    rid = getattr(request.ctx, "request_id", None)
    if rid is None:
        rid = request.ctx.request_id = uuid.uuid4().hex
    return str(rid)


def _error(request: Request, status: int, **headers: str) -> HTTPResponse:
    return response.json(
        {"error": _ERRORS.get(status, "error"), "request_id": _request_id(request)},
        status=status,
        headers=headers or None,
    )


def _bearer(request: Request) -> bytes | None:
    value = request.headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip().encode()


def _token_ok(given: bytes | None, accepted: tuple[bytes, ...]) -> bool:
    # Compare with every accepted token, always: the time taken says nothing about which.
    matched = False
    for token in accepted:
        matched |= hmac.compare_digest(given or b"", token)
    return matched and given is not None


def _too_deep(value: Any, limit: int) -> bool:
    """True when ``value`` nests more than ``limit`` containers deep (iterative, no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def create_app(
    settings: Settings,
    runtime: Runtime,
    metrics: Metrics | None = None,
    *,
    name: str = "handoff_actions",
) -> Sanic[Any, Any]:
    """The Sanic app serving ``action_handoff_route`` with ``runtime``; nothing is built here."""
    metrics = metrics or Metrics()
    pool = _Pool(settings.route_threads, settings.max_pending_turns)
    executor = ActionExecutor()
    executor.register_action(_OffLoopHandoffRoute(runtime, pool))
    actions = {item.name for item in executor.list_actions()}

    app = Sanic(name, configure_logging=False)
    app.config.REQUEST_MAX_SIZE = settings.max_body_bytes
    app.config.REQUEST_TIMEOUT = 30
    app.config.RESPONSE_TIMEOUT = 120
    app.config.KEEP_ALIVE_TIMEOUT = 120  # rasa-sdk's default: Rasa keeps connections open
    app.config.ACCESS_LOG = False  # our own line per request, without the URL's query string
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.config.MOTD = False
    app.config.NOISY_EXCEPTIONS = False
    app.ctx.pool = pool
    app.ctx.metrics = metrics

    async def check_ready() -> str | None:
        """None when ready, else a reason without secrets or paths (the log has the detail)."""
        if runtime.ready is None:
            return None
        loop = asyncio.get_running_loop()
        try:
            await asyncio.wait_for(loop.run_in_executor(None, runtime.ready), READY_TIMEOUT)
        except StorageUnavailable as failure:
            log.error("not ready: %s", failure)
            return "storage unavailable"
        except asyncio.TimeoutError:
            log.error("not ready: the storage check took over %s s", READY_TIMEOUT)
            return "storage check timed out"
        return None

    @app.on_request
    async def started(request: Request) -> None:
        request.ctx.started = time.perf_counter()
        _request_id(request)

    @app.on_response  # type: ignore[untyped-decorator]  # sanic types on_response loosely
    async def finished(request: Request, reply: HTTPResponse) -> None:
        reply.headers["X-Request-Id"] = _request_id(request)
        reply.headers["Cache-Control"] = "no-store"
        seconds = time.perf_counter() - getattr(request.ctx, "started", time.perf_counter())
        level = logging.INFO if reply.status < 400 else logging.WARNING
        log.log(level, "%s %s %s %.1f ms id=%s", request.method, request.path,
                reply.status, seconds * 1000, _request_id(request))  # fmt: skip

    @app.get("/health")
    async def health(request: Request) -> HTTPResponse:
        """Liveness: the process answers. Says nothing about storage (see /ready)."""
        return response.json({"status": "ok"})

    @app.get("/ready")
    async def ready(request: Request) -> HTTPResponse:
        """Readiness: payloads can be stored now."""
        reason = await check_ready()
        metrics.storage_ready.set(0 if reason else 1)
        if reason:
            return response.json({"status": "not ready", "reason": reason}, status=503)
        return response.json({"status": "ready"})

    @app.get("/metrics")
    async def prometheus(request: Request) -> HTTPResponse:
        """Prometheus metrics; needs HANDOFF_METRICS_TOKEN (a token of its own, so the
        scraper cannot run actions)."""
        accepted = settings.metrics_tokens.values()
        if not accepted:
            return _error(request, 404)
        if not _token_ok(_bearer(request), accepted):
            metrics.rejected.labels(reason="unauthorized").inc()
            return _error(request, 401, **{"WWW-Authenticate": 'Bearer realm="metrics"'})
        metrics.storage_ready.set(0 if await check_ready() else 1)
        # Off the event loop: the backlog is read from the outbox's database.
        text = await asyncio.get_running_loop().run_in_executor(None, metrics.exposition)
        return response.raw(text, content_type=prom.CONTENT_TYPE_LATEST)

    @app.post("/webhook")
    async def webhook(request: Request) -> HTTPResponse:
        """Run the action Rasa asks for."""

        def refuse(status: int, reason: str, **headers: str) -> HTTPResponse:
            metrics.rejected.labels(reason=reason).inc()
            return _error(request, status, **headers)

        accepted = settings.action_tokens.values()
        # Open only by the explicit dev opt-out: a token file emptied later fails closed.
        open_for_dev = settings.dev_no_auth and not accepted
        if not open_for_dev and not _token_ok(_bearer(request), accepted):
            return refuse(401, "unauthorized", **{"WWW-Authenticate": 'Bearer realm="actions"'})
        if "origin" in request.headers:  # Rasa never sends one; a browser always does
            return refuse(403, "browser")
        if request.headers.get("content-encoding", "identity").strip().lower() != "identity":
            return refuse(415, "content_encoding")
        media, _, params = request.headers.get("content-type", "").partition(";")
        charset = params.strip().lower().removeprefix("charset=").strip('"')
        if media.strip().lower() != "application/json" or charset not in ("", "utf-8"):
            return refuse(415, "content_type")
        if len(request.body) > settings.max_body_bytes:  # Sanic stops larger ones first
            return refuse(413, "too_large")
        try:
            call = json.loads(request.body)
        except (ValueError, RecursionError):
            return refuse(400, "bad_json")
        if not isinstance(call, dict) or _too_deep(call, settings.max_json_depth):
            return refuse(400, "bad_json")
        if pool.in_flight >= pool.limit:
            return refuse(503, "busy", **{"Retry-After": "1"})
        pool.in_flight += 1
        try:
            result = await executor.run(call)
        except ActionExecutionRejection as rejection:
            name = rejection.action_name if rejection.action_name in actions else None
            return response.json({"error": "action rejected", "action_name": name,
                                  "request_id": _request_id(request)}, status=400)  # fmt: skip
        except ActionNotFoundException:
            return refuse(404, "unknown_action")
        except ActionMissingDomainException:
            return response.json({"error": "domain missing", "request_id": _request_id(request)},
                                 status=449)  # fmt: skip
        finally:
            pool.in_flight -= 1
        return response.json(result.model_dump() if result else None)

    @app.exception(Exception)
    async def failed(request: Request, exception: Exception) -> HTTPResponse:
        status = exception.status_code if isinstance(exception, SanicException) else 500
        if status == 413:  # refused by Sanic from Content-Length, before the body is read
            app.ctx.metrics.rejected.labels(reason="too_large").inc()
        if status >= 500:
            # The type and where it was raised, never its message: messages of validation
            # and lookup errors quote the request (sender ids, text, card numbers).
            frames = traceback.extract_tb(exception.__traceback__)[-3:]
            where = " < ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames)
            log.error("request %s failed: %s at %s", _request_id(request),
                      type(exception).__name__, where)  # fmt: skip
        return _error(request, status)

    @app.before_server_stop
    async def stop(app: Sanic[Any, Any]) -> None:
        pool.executor.shutdown(wait=False, cancel_futures=True)

    return app


def _check_ready(runtime: Runtime) -> None:
    """Say at start-up when payloads cannot be stored (the server starts anyway)."""
    if runtime.ready is not None:
        try:
            runtime.ready()
        except StorageUnavailable as failure:
            log.error("not ready at start-up: %s", failure)


def serve(settings: Settings) -> None:
    """Build everything once in this process, then serve in it (no worker processes)."""
    metrics = Metrics()
    runtime = build_runtime(
        settings,
        on_turn=(metrics.record,),
        on_delivery=metrics.delivered,
        # A new router's lanes and rules are known label values before its first turn.
        on_rules=metrics.bind,
        on_reload=metrics.reloaded,
    )
    metrics.bind(runtime.router)
    metrics.rules_from_file(runtime.router)
    if runtime.backlog is not None:
        metrics.watch_backlog(runtime.backlog)
    _check_ready(runtime)
    app = create_app(settings, runtime, metrics)
    # Load spaCy and VADER and route one calm turn now, so the first customer does not wait
    # ~1 s for them. Then what start-up built (spaCy's vocabulary, the lexicons, the learned
    # weights, the rules, the app) lives as long as the process: frozen, a full garbage
    # collection no longer walks it. Unfrozen, each full collection took ~60 ms in a loaded
    # server and set the p99 latency (benchmarks/README.md). HANDOFF_GC_FREEZE=0 opts out.
    warm_up(runtime.router, freeze=settings.gc_freeze)
    log.info("handoff action server on http://%s:%s", settings.host, settings.port)
    if settings.host not in ("127.0.0.1", "::1", "localhost"):
        log.warning("HANDOFF_HOST=%s: keep this port off the public internet", settings.host)
    try:
        app.run(host=settings.host, port=settings.port, single_process=True,
                access_log=False, motd=False)  # fmt: skip
    finally:
        runtime.close()


def main(argv: list[str] | None = None) -> None:
    """Entry point of ``handoff-actions``: takes no arguments (configure with the env)."""
    args = sys.argv[1:] if argv is None else argv
    if args:
        sys.exit(
            "handoff-actions takes no arguments: configure it with HANDOFF_* environment "
            "variables (see handoff/adapters/DEPLOYING.md); secrets never go on a command line"
        )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        settings = settings_from_env()
        serve(settings)
    except ConfigError as failure:
        log.error("cannot start: %s", failure)
        sys.exit(2)


if __name__ == "__main__":
    main()
