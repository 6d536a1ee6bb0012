"""Configuration of the action server from the environment, and the runtime it routes with.

Run the hardened server with ``handoff-actions`` (``python -m handoff.adapters.server``);
this module is the one place the environment is read. Secrets come only from the
environment or from files the environment names (``*_FILE``, re-read when they change, for
rotation), never from the command line; logs say whether a secret is set, never its value.

================================  ===========================================================
``HANDOFF_ACTION_TOKEN``          bearer token Rasa must send (``Authorization: Bearer …``,
                                  see rasa_project/endpoints.yml); two comma-separated
                                  tokens are both accepted while rotating. Required.
``HANDOFF_ACTION_TOKEN_FILE``     file holding the token(s) instead; re-read when it changes
``HANDOFF_STATE_SECRET``          key(s) that sign the routing state in the ``handoff_state``
                                  slot; the first signs, comma-separated others are accepted
                                  while rotating. Required.
``HANDOFF_STATE_SECRET_FILE``     file holding the key(s) instead (read at start-up)
``HANDOFF_METRICS_TOKEN``         bearer token for ``GET /metrics`` (``_FILE`` works too);
                                  without it ``/metrics`` answers 404
``HANDOFF_HOST``                  address to listen on (default ``127.0.0.1``; never public)
``HANDOFF_PORT``                  port (default ``5055``)
``HANDOFF_MAX_BODY_BYTES``        largest request body accepted (default 1 MiB; else 413)
``HANDOFF_MAX_JSON_DEPTH``        deepest JSON nesting accepted (default 32; else 400)
``HANDOFF_MAX_MESSAGE_CHARS``     characters of a message the router analyses and shows
                                  (default 2,000; head and tail kept, the cut recorded)
``HANDOFF_MAX_TURNS``             latest turns analysed (default 200)
``HANDOFF_PSEUDONYM_KEY``         HMAC key for the pseudonyms of ids that hold PII (set it;
                                  the same on every server feeding one desktop)
``HANDOFF_PII_PHONE_REGIONS``     regions for phone numbers without ``+`` (default GB,US)
``HANDOFF_ROUTE_THREADS``         threads that route turns off the event loop (default 4)
``HANDOFF_MAX_PENDING_TURNS``     turns routing or queued at once (default 64); more get 503
``HANDOFF_RULES``                 rules file or folder (default ``rules/default.yaml``);
                                  with a rules store, used only until a version is published
``HANDOFF_RULES_STORE``           SQLAlchemy URL of the governed rules store (the desktop's
                                  database): route with its live published version, verified,
                                  and follow every publish and rollback without a restart
``HANDOFF_RULES_STORE_FILE``      file holding that URL instead (it may hold a password)
``HANDOFF_RULES_KEY``             key(s) that verify the publications' signatures (the
                                  desktop's and CLI's; comma-separated while rotating).
                                  Required with a store
``HANDOFF_RULES_KEY_FILE``        file holding the key(s) instead (read at start-up)
``HANDOFF_RULES_POLL_SECONDS``    how often the store is asked for a new publication
                                  (default 1; 0.05 to 3600)
``HANDOFF_OUTBOX_URL``            SQLAlchemy URL of the outbox (default
                                  ``sqlite:///handoff-outbox.db``)
``HANDOFF_WEBHOOK_URL``           deliver payloads to this URL (signed with the secret below)
``HANDOFF_WEBHOOK_SECRET``        shared secret for the ``X-Handoff-Signature`` HMAC
                                  (required with a webhook)
``HANDOFF_JSONL_PATH``            also append payloads to this JSON-lines file
``HANDOFF_DELIVERY``              ``thread`` (default): deliver from ONE thread in the server
                                  process; ``off``: only write the outbox (run ``python -m
                                  handoff.delivery`` elsewhere)
``HANDOFF_TIMINGS_PATH``          append one JSON line per routed turn: lane, rules version, seconds
``HANDOFF_GC_FREEZE``             ``0``: do not freeze the heap after the start-up warm-up
                                  (default: frozen once, see ``handoff.warm_up``; full
                                  garbage collections then skip what start-up built)
``HANDOFF_DEV_NO_AUTH``           ``1``: start without action token / state secret. For a
                                  developer's laptop only; logged as an error at start-up
``HANDOFF_DEV_NO_DELIVERY``       ``1``: start without a webhook or JSON-lines sink (payloads
                                  are built and thrown away). Development only; logged loudly
================================  ===========================================================

Without a sink the server refuses to start: a handoff with nowhere to go is a lost customer.
With a rules store it refuses to start when the store cannot be read, or when versions are
published and none verifies: it never guesses what is live.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import stat
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff.adapters.rasa import ActionHandoffRoute, Runtime, TurnResult, conversation_ref
from handoff.history import HistorySource, InMemoryHistory
from handoff.models.decision import Decision
from handoff.models.payload import ContextPayload
from handoff.router import Router, warm_up

if TYPE_CHECKING:
    from handoff.delivery import DeliveryAttempt
    from handoff.governance.bundle import RuleBundle
    from handoff.governance.store import Published
    from handoff.governance.watch import Reload, RulesWatcher

Deliver = Callable[[ContextPayload, Decision], None]

__all__ = [
    "ActionHandoffRoute",
    "ConfigError",
    "SecretSource",
    "ServerRuntime",
    "Settings",
    "build_runtime",
    "runtime_from_env",
    "settings_from_env",
]

log = logging.getLogger("handoff.rasa")

MIB = 1024 * 1024


class ConfigError(ValueError):
    """The environment does not describe a server that may start; the message says how."""


class SecretSource:
    """The values of one secret: ``NAME`` (comma-separated) or the file ``NAME_FILE`` names.

    A file is re-read when its size, inode or modification time changes, so a token can be
    rotated by rewriting the file (first add the new token next to the old one, then move
    Rasa to it, then remove the old one) without restarting anything.
    """

    def __init__(self, name: str, env: Mapping[str, str]) -> None:
        self.name = name
        self._path = Path(env[f"{name}_FILE"]) if env.get(f"{name}_FILE") else None
        self._stamp: tuple[int, int, int] | None = None
        self._values: tuple[bytes, ...] = ()
        self._lock = threading.Lock()
        if env.get(name) and self._path is not None:
            raise ConfigError(f"set {name} or {name}_FILE, not both")
        if self._path is None:
            self._values = _split(env.get(name, ""))
        else:
            self.values()  # fail at start-up if the file cannot be read
            mode = self._path.stat().st_mode
            if mode & (stat.S_IRWXG | stat.S_IRWXO):
                log.warning("%s_FILE is readable by group or others: chmod 600 it", name)

    def values(self) -> tuple[bytes, ...]:
        """The current values (empty when the secret is not set)."""
        if self._path is None:
            return self._values
        try:
            info = self._path.stat()
        except OSError as error:
            if self._stamp is None:
                raise ConfigError(f"{self.name}_FILE cannot be read: {error.strerror}") from None
            # A rotation that replaces the file is not atomic everywhere: keep the last values.
            return self._values
        stamp = (info.st_ino, info.st_size, info.st_mtime_ns)
        if stamp != self._stamp:
            with self._lock:
                self._values = _split(self._path.read_text())
                self._stamp = stamp
        return self._values

    def __bool__(self) -> bool:
        return bool(self.values())

    def __repr__(self) -> str:  # never the values
        return f"SecretSource({self.name}, set={bool(self)})"


def _split(text: str) -> tuple[bytes, ...]:
    return tuple(part.strip().encode() for part in text.split(",") if part.strip())


def _secret_text(name: str, env: Mapping[str, str]) -> str | None:
    """One secret value (not split on commas: a URL may hold them) from ``NAME`` or the
    file ``NAME_FILE`` names, read once; None when neither is set."""
    path = env.get(f"{name}_FILE", "").strip()
    if env.get(name, "").strip() and path:
        raise ConfigError(f"set {name} or {name}_FILE, not both")
    if not path:
        return env.get(name, "").strip() or None
    try:
        text = Path(path).read_text().strip()
        mode = Path(path).stat().st_mode
    except OSError as error:
        raise ConfigError(f"{name}_FILE cannot be read: {error.strerror}") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s_FILE is readable by group or others: chmod 600 it", name)
    if not text:
        raise ConfigError(f"{name}_FILE names an empty file")
    return text


@dataclass
class Settings:
    """Everything the environment configures (see the module's table)."""

    action_tokens: SecretSource
    state_secrets: SecretSource
    metrics_tokens: SecretSource
    host: str = "127.0.0.1"
    port: int = 5055
    max_body_bytes: int = MIB
    max_json_depth: int = 32
    max_message_chars: int | None = None
    max_turns: int | None = None
    route_threads: int = 4
    max_pending_turns: int = 64
    rules: str = "rules/default.yaml"
    # The governed rules store's URL (may hold a password: never in repr or logs).
    rules_store: str | None = field(default=None, repr=False)
    rules_keys: SecretSource | None = None
    rules_poll_seconds: float = 1.0
    dev_no_auth: bool = False
    dev_no_delivery: bool = False
    gc_freeze: bool = True
    env: Mapping[str, str] = field(default_factory=dict, repr=False)


def _int(env: Mapping[str, str], name: str, default: int | None, low: int) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or len(raw) > 12 or int(raw) < low:
        raise ConfigError(f"{name} must be a whole number of at least {low}")
    return int(raw)


def _seconds(env: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:  # NaN fails too
        raise ConfigError(f"{name} must be a number of seconds from {low:g} to {high:g}")
    return value


def settings_from_env(env: Mapping[str, str] | None = None, *, strict: bool = True) -> Settings:
    """Read and check the environment. ``strict`` (the server) refuses to start without
    the action token, the state secret and a sink unless a ``HANDOFF_DEV_*`` opt-out is set.
    """
    env = dict(os.environ if env is None else env)
    settings = Settings(
        action_tokens=SecretSource("HANDOFF_ACTION_TOKEN", env),
        state_secrets=SecretSource("HANDOFF_STATE_SECRET", env),
        metrics_tokens=SecretSource("HANDOFF_METRICS_TOKEN", env),
        host=env.get("HANDOFF_HOST", "").strip() or "127.0.0.1",
        port=_int(env, "HANDOFF_PORT", 5055, 1) or 5055,
        max_body_bytes=_int(env, "HANDOFF_MAX_BODY_BYTES", MIB, 1024) or MIB,
        max_json_depth=_int(env, "HANDOFF_MAX_JSON_DEPTH", 32, 8) or 32,
        max_message_chars=_int(env, "HANDOFF_MAX_MESSAGE_CHARS", None, 1),
        max_turns=_int(env, "HANDOFF_MAX_TURNS", None, 1),
        route_threads=_int(env, "HANDOFF_ROUTE_THREADS", 4, 1) or 4,
        max_pending_turns=_int(env, "HANDOFF_MAX_PENDING_TURNS", 64, 1) or 64,
        rules=env.get("HANDOFF_RULES", "rules/default.yaml"),
        rules_store=_secret_text("HANDOFF_RULES_STORE", env),
        rules_keys=SecretSource("HANDOFF_RULES_KEY", env),
        rules_poll_seconds=_seconds(env, "HANDOFF_RULES_POLL_SECONDS", 1.0, 0.05, 3600.0),
        dev_no_auth=env.get("HANDOFF_DEV_NO_AUTH") == "1",
        dev_no_delivery=env.get("HANDOFF_DEV_NO_DELIVERY") == "1",
        gc_freeze=env.get("HANDOFF_GC_FREEZE", "").strip() != "0",
        env=env,
    )
    if settings.port > 65535:
        raise ConfigError("HANDOFF_PORT must be at most 65535")
    for secret in (settings.action_tokens, settings.state_secrets):
        if strict and not secret and not settings.dev_no_auth:
            raise ConfigError(
                f"{secret.name} (or {secret.name}_FILE) is required; for a developer's "
                "laptop only, HANDOFF_DEV_NO_AUTH=1 starts without it"
            )
        log.info("%s is %s", secret.name, "set" if secret else "NOT set")
    if settings.rules_store is not None and not settings.rules_keys:
        raise ConfigError(
            "HANDOFF_RULES_STORE needs HANDOFF_RULES_KEY (or HANDOFF_RULES_KEY_FILE), the key "
            "the desktop and CLI sign publications with: an unverified version never routes"
        )
    if settings.rules_store is None and settings.rules_keys:
        log.warning("HANDOFF_RULES_KEY is set without HANDOFF_RULES_STORE: it is not used")
    if strict and settings.dev_no_auth:
        log.error(
            "HANDOFF_DEV_NO_AUTH=1: %s; never run this where anyone else can reach the port",
            "the action server accepts unauthenticated requests"
            if not settings.action_tokens
            else "development mode",
        )
    return settings


def _router_options(settings: Settings, history: HistorySource) -> dict[str, Any]:
    options: dict[str, Any] = {"history": history}
    if settings.max_message_chars is not None:
        options["max_message_chars"] = settings.max_message_chars
    if settings.max_turns is not None:
        options["max_turns"] = settings.max_turns
    return options


@dataclass
class ServerRuntime(Runtime):
    """The runtime ``build_runtime`` makes: with a rules store, also the watcher that swaps
    ``router`` for each newly published version (``close`` stops it)."""

    watcher: RulesWatcher | None = None

    def close(self) -> None:
        """Stop following the rules store (the server's process exit does it too)."""
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher.store.close()


def build_runtime(
    settings: Settings,
    *,
    on_turn: Iterable[Callable[[TurnResult], None]] = (),
    on_delivery: Callable[[DeliveryAttempt], None] | None = None,
    on_rules: Callable[[Router], None] | None = None,
    on_reload: Callable[[Reload], None] | None = None,
    strict: bool = True,
) -> ServerRuntime:
    """Build the router, outbox and (at most one) delivery thread the settings ask for.

    Call it once, in the process that serves: the delivery thread and the rules watcher
    belong to that process. ``on_turn`` hooks see every routed turn, ``on_delivery`` every
    delivery attempt of the thread, ``on_reload`` every rules check that did something and
    ``on_rules`` each new router just before it routes (all for metrics).

    With ``HANDOFF_RULES_STORE`` the router is the store's live published version (see
    :class:`handoff.governance.watch.RulesWatcher`), followed from then on; with nothing
    published yet, ``HANDOFF_RULES`` until the first publish.
    """
    history = InMemoryHistory()
    options = _router_options(settings, history)
    runtime: ServerRuntime | None = None

    def swap(router: Router, published: Published) -> None:
        assert runtime is not None
        if on_rules is not None:
            on_rules(router)
        # One assignment: a turn reads runtime.router once, so turns in flight finish on the
        # old router and the next one routes with this one. Nothing waits.
        runtime.router = router

    watcher = _rules_watcher(settings, options, swap, on_reload)
    router = _first_router(settings, options, watcher)
    hooks = list(on_turn)
    secrets = settings.state_secrets.values()
    timings = settings.env.get("HANDOFF_TIMINGS_PATH")
    if timings:
        hooks.append(_timings_writer(Path(timings), secrets[0] if secrets else None))
    # The first secret signs; the others (rotation: "new,old") are still accepted.
    runtime = ServerRuntime(
        router=router,
        on_turn=tuple(hooks),
        state_secret=secrets[0] if secrets else None,
        previous_state_secrets=tuple(secrets[1:]),
        watcher=watcher,
    )
    try:
        _add_delivery(runtime, settings, strict=strict, on_attempt=on_delivery)
    except BaseException:
        runtime.close()
        raise
    if watcher is not None:
        watcher.start()
    return runtime


def _rules_watcher(
    settings: Settings,
    options: dict[str, Any],
    apply: Callable[[Router, Published], None],
    on_reload: Callable[[Reload], None] | None,
) -> RulesWatcher | None:
    """The watcher over the configured rules store, or None without one."""
    if settings.rules_store is None:
        return None
    from handoff.governance.store import RulesStore  # noqa: PLC0415  (only with a store)
    from handoff.governance.watch import RulesWatcher  # noqa: PLC0415

    assert settings.rules_keys is not None  # settings_from_env requires it with a store

    def build(bundle: RuleBundle) -> Router:
        return bundle.router(**options)

    try:
        store = RulesStore(settings.rules_store, keys=settings.rules_keys.values())
    except Exception as error:
        raise ConfigError(
            f"HANDOFF_RULES_STORE cannot be used ({_why(error)}): check the URL and the keys"
        ) from None
    return RulesWatcher(
        store,
        apply=apply,
        build=build,
        poll_seconds=settings.rules_poll_seconds,
        on_result=on_reload,
    )


def _why(error: BaseException) -> str:
    """Our own errors' messages (the store's hide the URL's password); for anything else
    only its type: a driver's message may quote the connection string."""
    from handoff.errors import HandoffError  # noqa: PLC0415

    if isinstance(error, HandoffError):
        return str(error).splitlines()[0][:300]
    return type(error).__name__


def _first_router(
    settings: Settings, options: dict[str, Any], watcher: RulesWatcher | None
) -> Router:
    """What the server routes with first: the store's live version if one is published,
    else HANDOFF_RULES (said in the log)."""
    from handoff.governance.errors import CorruptVersion  # noqa: PLC0415

    if watcher is not None:
        try:
            router = watcher.initial()
        except CorruptVersion as refusal:
            watcher.store.close()
            raise ConfigError(
                f"{refusal} (or remove HANDOFF_RULES_STORE to route with HANDOFF_RULES)"
            ) from None
        except Exception as error:
            watcher.store.close()
            raise ConfigError(
                f"the rules store cannot be read ({_why(error)}): a server configured with "
                "HANDOFF_RULES_STORE does not start without knowing which version is live; "
                "check the database and that `handoff desktop upgrade` has run"
            ) from None
        if router is not None:
            live = watcher.current
            assert live is not None
            log.info(
                "handoff rules %s version %s from the rules store: publication #%s (%s by "
                "%s, content %s); following new publications every %g s",
                router.ruleset.name, router.version, live.seq, live.action, live.actor,
                live.content_hash[:12], settings.rules_poll_seconds,
            )  # fmt: skip
            return router
        log.warning(
            "no rules version is published in the rules store yet: routing with "
            "HANDOFF_RULES=%s until the first publish",
            settings.rules,
        )
    router = Router.from_path(settings.rules, **options)
    log.info("handoff rules %s version %s from %s", router.ruleset.name, router.version,
             settings.rules)  # fmt: skip
    return router


def _add_delivery(
    runtime: Runtime,
    settings: Settings,
    *,
    strict: bool,
    on_attempt: Callable[[DeliveryAttempt], None] | None = None,
) -> None:
    from handoff.delivery import (  # noqa: PLC0415  (only when delivery is configured)
        DeliveryWorker,
        JsonlSink,
        Outbox,
        Sink,
        WebhookSink,
    )

    env = settings.env
    sinks: list[Sink] = []
    if env.get("HANDOFF_WEBHOOK_URL"):
        secret = env.get("HANDOFF_WEBHOOK_SECRET")
        if not secret:
            raise ConfigError("HANDOFF_WEBHOOK_URL needs HANDOFF_WEBHOOK_SECRET to sign payloads")
        sinks.append(WebhookSink(env["HANDOFF_WEBHOOK_URL"], secret))
    if env.get("HANDOFF_JSONL_PATH"):
        sinks.append(JsonlSink(env["HANDOFF_JSONL_PATH"]))
    if not sinks:
        if strict and not settings.dev_no_delivery:
            raise ConfigError(
                "no HANDOFF_WEBHOOK_URL or HANDOFF_JSONL_PATH: a handoff would have nowhere "
                "to go; for development only, HANDOFF_DEV_NO_DELIVERY=1 starts without one"
            )
        log.error("no HANDOFF_WEBHOOK_URL or HANDOFF_JSONL_PATH: payloads are NOT delivered")
        return
    outbox = Outbox(env.get("HANDOFF_OUTBOX_URL", "sqlite:///handoff-outbox.db"), sinks=sinks)
    if env.get("HANDOFF_DELIVERY", "thread") == "thread":
        DeliveryWorker(outbox, sinks, on_attempt=on_attempt).start_thread()

    def deliver(payload: ContextPayload, decision: Decision) -> None:
        outbox.put(payload, decision_json=decision.model_dump_json(exclude={"signals"}))

    runtime.deliver = deliver
    runtime.ready = outbox.check
    runtime.backlog = outbox.backlog


@functools.cache
def runtime_from_env() -> Runtime:
    """The runtime for ``ActionHandoffRoute`` when served by plain rasa-sdk (built once, on
    the first turn, then warmed up and the heap frozen as ``handoff-actions`` does at
    start-up). That server has no authentication and no body limits: serve with
    ``handoff-actions`` instead (DEPLOYING.md)."""
    log.warning(
        "handoff.adapters.rasa_actions is served without handoff-actions: no authentication, "
        "no body limits; use `handoff-actions` (python -m handoff.adapters.server)"
    )
    settings = settings_from_env(strict=False)
    runtime = build_runtime(settings, strict=False)
    warm_up(runtime.router, freeze=settings.gc_freeze)
    return runtime


def _timings_writer(path: Path, secret: bytes | None) -> Callable[[TurnResult], None]:
    lock = threading.Lock()

    def write(result: TurnResult) -> None:
        line = json.dumps(
            {
                # A keyed reference, not the sender id (often a phone number).
                "conversation": conversation_ref(result.conversation.id, secret),
                "lane": result.decision.lane,
                "handoff": result.decision.handoff,
                # The rules that decided: after a publish, every server's lines show the
                # switch (tests/governance/test_hot_reload_e2e.py reads it).
                "ruleset_version": result.decision.ruleset_version,
                "seconds": result.seconds,
            }
        )
        with lock, path.open("a") as out:
            out.write(line + "\n")

    return write
