"""``handoff desktop serve`` and ``handoff desktop demo``: the desktop's web server.

Both join the ``desktop`` group of :mod:`handoff.cli._desktop`. ``serve`` runs the desktop
next to an action server; ``demo`` builds a throwaway desktop in a temporary folder, fills it
with the bundled sample conversations (routed by the bundled rules and delivered through the
real signed webhook by the real outbox worker) and prints the URL and demo logins.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from handoff.cli._app import EXISTING, console, guard, load_router
from handoff.cli._desktop import db_option, desktop, desktop_module
from handoff.cli._report import experiment_specs

__all__ = ["DemoLogin", "demo", "load_demo", "serve"]

WEBHOOK_SECRET_ENV = "HANDOFF_DESKTOP_WEBHOOK_SECRET"
RASA_EVENTS_ENV = "HANDOFF_DESKTOP_RASA_EVENTS"
DEFAULT_PORT = 8700
# Agents' first names in the demo, one per couple of lanes.
_AGENT_NAMES = ("ana", "ben", "cara", "dev", "eli", "fay", "gus", "hal")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _run_server(
    app: Any, host: str, port: int, *, on_started: Callable[[int, Callable[[], None]], None]
) -> None:
    """Serve ``app`` with uvicorn until Ctrl-C or SIGTERM; ``on_started(port, stop)`` runs in
    a thread once the socket listens (``port``: with 0, the one the system chose; ``stop()``
    ends the server)."""
    import uvicorn  # noqa: PLC0415  (the desktop extra)

    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,  # paths are not secret, but a quiet terminal shows the logins
        proxy_headers=False,
        server_header=False,
        timeout_graceful_shutdown=3,
        lifespan="on",
    )
    server = uvicorn.Server(config)

    def announce() -> None:
        while not server.started:
            if server.should_exit:
                return
            time.sleep(0.05)
        sockets = [sock for listener in server.servers for sock in listener.sockets]
        actual = sockets[0].getsockname()[1] if sockets else port

        def stop() -> None:
            server.should_exit = True

        try:
            on_started(actual, stop)
        except Exception as error:  # the server must not keep running half set up
            console(stderr=True).print(f"error: {error}", style="red")
            server.should_exit = True

    threading.Thread(target=announce, name="handoff-desktop-started", daemon=True).start()
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal to the
    # handler that was there before: make that one a quiet "stopped", exit status 0.
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _stopped) if main else None
    try:
        server.run()
    except KeyboardInterrupt:
        console(stderr=True).print("stopped")
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)


def _stopped(signum: int, frame: object) -> None:
    console(stderr=True).print("stopped")


@desktop.command()
@db_option
@click.option(
    "--rules",
    type=EXISTING,
    default=None,
    help="Rules file or folder whose lanes the desktop should have (created or updated at start).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--upgrade/--no-upgrade",
    default=False,
    help="Create or migrate the database's tables before serving (else run `handoff desktop "
    "upgrade` first).",
)
@click.option(
    "--insecure-cookies",
    is_flag=True,
    help="Send the session cookie without Secure, for plain http://127.0.0.1 only; behind "
    "HTTPS leave this off.",
)
@click.option(
    "--rasa-events",
    envvar=RASA_EVENTS_ENV,
    default=None,
    metavar="URL",
    help="Rasa's SQL event broker database (an SQLite file path or URL, or a PostgreSQL URL; "
    f"env {RASA_EVENTS_ENV}): relay the customers' messages to the cards and route them "
    "again while a person has the conversation (needs --rules and Rasa).",
)
@click.option(
    "--abandon-after",
    type=click.FloatRange(min=0.01),
    default=600.0,
    show_default=True,
    metavar="SECONDS",
    help="With --rasa-events: a waiting conversation without a sign of life (message, open "
    "chat page) for this long is abandoned and given back to the bot.",
)
@guard
def serve(
    *,
    db: str,
    rules: Path | None,
    host: str,
    port: int,
    upgrade: bool,
    insecure_cookies: bool,
    rasa_events: str | None,
    abandon_after: float,
) -> int:
    """Serve the agent desktop: the webhook the outbox delivers to, the queues and cards.

    The webhook's shared secret comes from HANDOFF_DESKTOP_WEBHOOK_SECRET (required; the
    action server's HANDOFF_WEBHOOK_SECRET must be the same, and its HANDOFF_WEBHOOK_URL
    http://HOST:PORT/webhook/payloads). Hand-back needs Rasa's HTTP API:
    HANDOFF_DESKTOP_RASA_URL, HANDOFF_RASA_JWT_SECRET (Rasa's --jwt-secret; or
    HANDOFF_DESKTOP_RASA_TOKEN, its --auth-token) and the action server's
    HANDOFF_STATE_SECRET; without a Rasa URL hand-back is refused, saying so.

    With --rasa-events (Rasa's SQL event broker, see rasa_project/endpoints.yml) the desktop
    also relays the live conversation: customers' messages reach the cards, agents reply
    from the card, conversations are routed again while paused (red lines and lane replies
    move them; the payload's ids are keyed with HANDOFF_PSEUDONYM_KEY, the action
    server's), and waiting customers who left are marked abandoned after --abandon-after.

    Supervisors and admins govern rule changes under /rules (propose, approve, publish, roll
    back); publishing signs with HANDOFF_RULES_KEY (or HANDOFF_RULES_KEY_FILE), the key the
    action servers verify with. With --rasa-events an upload may be backtested over the last
    conversations of that database.

    With HANDOFF_DESKTOP_METRICS_TOKEN set, GET /metrics serves Prometheus metrics to that
    bearer token (two comma-separated tokens while rotating); unset, there is no /metrics.

    \b
    Example:
      $ HANDOFF_DESKTOP_WEBHOOK_SECRET=... handoff desktop serve --rules rules/banking.yaml \\
            --db sqlite:///desktop.sqlite --upgrade
      handoff desktop on http://127.0.0.1:8700 (webhook: /webhook/payloads); Ctrl-C stops it
    """
    secret = os.environ.get(WEBHOOK_SECRET_ENV, "")
    if not secret:
        raise click.UsageError(
            f"set {WEBHOOK_SECRET_ENV} to the secret the outbox signs deliveries with"
        )
    if insecure_cookies and not _is_loopback(host):
        raise click.UsageError("--insecure-cookies is only for a server on 127.0.0.1")
    rules_keys = _rules_keys()
    module = desktop_module()
    from handoff.desktop.app import create_app  # noqa: PLC0415

    try:
        bot = module.RasaBot.from_env()
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    # Where Rasa is, without any credentials or query string the URL might carry.
    where = urlsplit(bot.url) if bot is not None else None
    rasa_at = f"{where.scheme}://{where.hostname}:{where.port or ''}" if where else ""
    if rasa_events and (rules is None or bot is None):
        raise click.UsageError(
            "--rasa-events needs --rules (to route while paused) and Rasa "
            "(HANDOFF_DESKTOP_RASA_URL with its secrets)"
        )
    desk = module.Desktop(db, bot=bot)
    relay = follower = None
    try:
        if upgrade:
            desk.upgrade()
        desk.check()
        desk.prune()  # change-feed entries older than a week, expired sessions
        router = load_router(rules) if rules is not None else None
        if router is not None:
            desk.sync_lanes(router)
        background: list[Any] = []
        if rasa_events:
            from handoff.desktop.relay import Relay, Sweeper  # noqa: PLC0415

            relay = Relay(desk, rasa_events, router=router, bot=bot)
            follower = _follow_rules_store(desk, relay, rules_keys)
            sweeper = Sweeper(desk, abandon_after)
            background = [
                lambda wake: relay.run(wake=wake),
                lambda wake: sweeper.run(wake=wake),
            ]
        from handoff.desktop.kpis import KpiPage  # noqa: PLC0415

        # The KPI page judges the rules' experiment on its declared metric and control.
        experiment = router.ruleset.experiment if router is not None else None
        app = create_app(
            desk,
            webhook_secret=secret,
            secure_cookies=not insecure_cookies,
            background=background,
            metrics=_metrics(desk, relay),
            kpis=KpiPage(desk, experiments=experiment_specs(experiment)),
            rules=_rules_pages(desk, rules_keys, rasa_events, router),
        )
        shown = f"[{host}]" if ":" in host else host

        def started(actual: int, stop: Callable[[], None]) -> None:
            console().print(
                f"handoff desktop on http://{shown}:{actual} (webhook: /webhook/payloads; "
                f"hand-back {f'via Rasa at {rasa_at}' if bot else 'off: no Rasa configured'}; "
                f"live relay {'on' if relay is not None else 'off'}); Ctrl-C stops it"
            )

        warm_for_relay(relay is not None, router)
        _run_server(app, host, port, on_started=started)
    finally:
        if follower is not None:
            follower.stop()
        if relay is not None:
            relay.close()
        desk.close()
    return 0


def warm_for_relay(relay_on: bool, router: Any) -> bool:
    """With the live relay on, load what it scores lines and re-routes with (spaCy, VADER,
    the router's first turn) before serving, then freeze the heap once, as the action
    servers do (``handoff.warm_up``; ``HANDOFF_GC_FREEZE=0`` opts out). Without the relay
    the desktop never analyses text, so nothing is loaded. Returns whether the heap froze."""
    if not relay_on:
        return False
    from handoff.router import warm_up  # noqa: PLC0415

    return warm_up(router, freeze=os.environ.get("HANDOFF_GC_FREEZE", "").strip() != "0")


def _rules_keys() -> tuple[bytes, ...]:
    """The keys that sign rule publications: HANDOFF_RULES_KEY(_FILE), checked at start."""
    from handoff.governance.errors import GovernanceError  # noqa: PLC0415
    from handoff.governance.store import keys_from_env  # noqa: PLC0415

    try:
        return keys_from_env()
    except GovernanceError as error:
        raise click.UsageError(str(error)) from None


def _rules_pages(desk: Any, keys: tuple[bytes, ...], rasa_events: str | None, router: Any) -> Any:
    """The governance pages over the desktop's database: publications signed with ``keys``
    (none: everything but publishing and rolling back), uploads backtested over the relayed
    Rasa events against the live version (or --rules while nothing is published)."""
    from handoff.desktop.rules_pages import RulesPages  # noqa: PLC0415
    from handoff.governance.store import RulesStore  # noqa: PLC0415

    return RulesPages(RulesStore(desk.engine, keys=keys), events_url=rasa_events, baseline=router)


def _follow_rules_store(desk: Any, relay: Any, keys: tuple[bytes, ...]) -> Any:
    """When the desktop's database has a published rules version, the relay routes with it
    and follows every publish and rollback (the action servers' watcher, verified with
    ``keys``, HANDOFF_RULES_KEY's); the watcher, or None when nothing is published."""
    from handoff.governance.store import RulesStore  # noqa: PLC0415
    from handoff.governance.watch import RulesWatcher  # noqa: PLC0415

    store = RulesStore(desk.engine, keys=keys)
    if not store.latest_seq():
        return None  # nothing published: --rules routes
    if not store.can_sign:
        raise click.UsageError(
            "rules versions are published in the desktop database, so the relay routes with "
            "the live one: set HANDOFF_RULES_KEY (or HANDOFF_RULES_KEY_FILE) to the key they "
            "are signed with"
        )

    def apply(router: Any, published: Any) -> None:
        desk.sync_lanes(router)  # a published version may bring new lanes
        relay.router = router  # one assignment: the next event routes with it

    watcher = RulesWatcher(store, apply=apply, build=lambda bundle: bundle.router())
    router = watcher.initial()  # CorruptVersion (no version verifies): refuse to start
    if router is not None:
        apply(router, watcher.current)
        console(stderr=True).print(
            f"the relay routes with the published rules version {router.version} "
            "(not --rules) and follows new publications"
        )
    return watcher.start()


def _metrics(desk: Any, relay: Any) -> Any:
    """The desktop's Prometheus metrics when HANDOFF_DESKTOP_METRICS_TOKEN is set, else None
    (no /metrics at all: the figures are business data, off until a token is chosen)."""
    from handoff.desktop.metrics import METRICS_TOKEN_ENV, tokens_from  # noqa: PLC0415

    tokens = tokens_from(os.environ.get(METRICS_TOKEN_ENV))
    if not tokens:
        return None
    from handoff.desktop.metrics import DesktopMetrics  # noqa: PLC0415

    return DesktopMetrics(desk, tokens=tokens, relay=relay)


# ------------------------------------------------------------------------------ demo


@dataclass(frozen=True)
class DemoLogin:
    """A demo user, with the password generated for this run."""

    username: str
    password: str
    role: str
    lanes: tuple[str, ...]


def load_demo(
    desk: Any,
    router: Any,
    samples: Path,
    *,
    webhook_url: str,
    webhook_secret: str,
    folder: Path,
    now: datetime | None = None,
) -> tuple[int, int]:
    """Route every sample through ``router`` and deliver the payloads of those that reach a
    person to ``webhook_url`` with the real outbox and worker (signed, idempotent).

    Each payload is built as if the customer's last message arrived ``now`` (the SLA clocks
    run from then), while the decision keeps the sample's own time (opening hours decide
    some lanes). Returns (samples routed, payloads delivered).
    """
    from handoff.delivery import DeliveryWorker, Outbox, WebhookSink  # noqa: PLC0415
    from handoff.testing import check_case, load_cases  # noqa: PLC0415

    now = now or datetime.now(timezone.utc)
    sink = WebhookSink(webhook_url, webhook_secret)
    routed = 0
    with Outbox(f"sqlite:///{folder / 'outbox.sqlite'}", sinks=[sink]) as outbox:
        for _path, case in load_cases(samples):
            routed += 1
            decision = check_case(router, case).decision
            if not decision.handoff:
                continue
            payload = router.payload(case.conversation, decision, now=now)
            outbox.put(payload, decision_json=decision.model_dump_json())
        worker = DeliveryWorker(outbox, [sink], max_attempts=3, base_delay=0.05)
        delivered = 0
        for _ in range(50):
            delivered += worker.run_once()
            stats = outbox.stats()
            if not stats.pending:
                break
            time.sleep(0.1)
        stats = outbox.stats()
        if stats.pending or stats.dead:
            raise click.ClickException(
                f"the demo payloads were not all delivered ({stats.pending} pending, "
                f"{stats.dead} dead); see the outbox in {folder}"
            )
    return routed, delivered


def _demo_users(desk: Any, lanes: list[str]) -> list[DemoLogin]:
    def password() -> str:
        return secrets.token_urlsafe(12)

    logins = [DemoLogin("admin", password(), "admin", ())]
    admin = desk.create_admin(logins[0].username, logins[0].password)
    logins.append(DemoLogin("supervisor", password(), "supervisor", ()))
    for start in range(0, len(lanes), 2):
        name = _AGENT_NAMES[(start // 2) % len(_AGENT_NAMES)]
        logins.append(DemoLogin(name, password(), "agent", tuple(lanes[start : start + 2])))
    for login in logins[1:]:
        desk.create_user(admin, login.username, login.password, login.role, login.lanes)
    return logins


@desktop.command()
@click.option(
    "--rules",
    type=EXISTING,
    default=Path("rules/banking.yaml"),
    show_default=True,
    help="Rules file whose lanes the demo has and whose samples it routes.",
)
@click.option(
    "--samples",
    type=EXISTING,
    default=None,
    help="Folder of sample cases (*.json) [default: rules/samples/<name of RULES>/].",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="A loopback address.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--once",
    is_flag=True,
    help="Load the samples, check that an agent's queue page shows them, print, and exit "
    "(for CI) instead of serving until Ctrl-C.",
)
@click.option("--keep", is_flag=True, help="Keep the temporary folder (database) at exit.")
@guard
def demo(*, rules: Path, samples: Path | None, host: str, port: int, once: bool, keep: bool) -> int:
    """Start a throwaway desktop full of sample handoffs, and print how to log in.

    SQLite in a temporary folder, no Rasa: the bundled samples are routed by the bundled
    rules, and the payloads of those that reach a person are delivered through the real
    signed webhook by the outbox worker. One agent works each couple of lanes; a supervisor
    sees every lane; the admin manages users. Passwords are generated for this run and
    printed once. It listens on 127.0.0.1 only (plain HTTP, so the cookie is not Secure).

    \b
    Example:
      $ handoff desktop demo
      handoff desktop demo on http://127.0.0.1:8700 (Ctrl-C stops it and deletes it)
    """
    if not _is_loopback(host):
        raise click.UsageError("the demo listens on a loopback address only (127.0.0.1)")
    module = desktop_module()
    from handoff.demo import DEMO_PSEUDONYM_KEY  # noqa: PLC0415
    from handoff.desktop.app import create_app  # noqa: PLC0415
    from handoff.router import Router  # noqa: PLC0415

    samples = samples or rules.parent / "samples" / rules.stem
    if not samples.is_dir():
        raise click.UsageError(f"{samples}: no samples folder; pass --samples")
    folder = Path(tempfile.mkdtemp(prefix="handoff-desktop-demo-"))
    out = console()
    desk = module.Desktop(f"sqlite:///{folder / 'desktop.sqlite'}")
    try:
        desk.upgrade()
        router = Router.from_path(rules, pseudonym_key=DEMO_PSEUDONYM_KEY)
        desk.sync_lanes(router)
        # Agents work the teams' lanes; the override lane is the supervisor's.
        lanes = [
            lane.id
            for lane in sorted(desk.lanes(), key=lambda lane: (-lane.priority, lane.id))
            if lane.kind != "override"
        ]
        logins = _demo_users(desk, lanes)
        secret = secrets.token_urlsafe(32)
        app = create_app(desk, webhook_secret=secret, secure_cookies=False, poll_interval=0.25)
        shown = f"[{host}]" if ":" in host else host
        failure: list[BaseException] = []

        def started(actual: int, stop: Callable[[], None]) -> None:
            url = f"http://{shown}:{actual}"
            try:
                routed, delivered = load_demo(
                    desk,
                    router,
                    samples,
                    webhook_url=f"{url}/webhook/payloads",
                    webhook_secret=secret,
                    folder=folder,
                )
                out.print(
                    f"routed {routed} sample conversations from {samples} with {rules}: "
                    f"{delivered} reached a person and were delivered through the signed webhook"
                )
                out.print("demo logins (generated for this run, shown once):")
                for login in logins:
                    where = ", ".join(login.lanes) if login.lanes else "all lanes"
                    out.print(f"  {login.username:<11} {login.password}  {login.role} ({where})")
                if once:
                    out.print(_check_queue(url, logins))
                else:
                    out.print(
                        f"handoff desktop demo on {url} (Ctrl-C stops it"
                        f"{'' if keep else ' and deletes it'}; data in {folder})"
                    )
            except BaseException as error:
                failure.append(error)
                raise
            finally:
                if once or failure:
                    stop()

        _run_server(app, host, port, on_started=started)
        if failure:
            raise failure[0]
    finally:
        desk.close()
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def _check_queue(url: str, logins: list[DemoLogin]) -> str:
    """Log in as the first agent over HTTP and count the rows on their queue page."""
    import re  # noqa: PLC0415

    import httpx  # noqa: PLC0415

    agent = next(login for login in logins if login.role == "agent")
    with httpx.Client(base_url=url, timeout=10) as client:
        form = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        if token is None:
            raise click.ClickException("the login page has no CSRF token")
        answer = client.post(
            "/login",
            data={"username": agent.username, "password": agent.password, "csrf_token": token[1]},
        )
        if answer.status_code != 303:
            raise click.ClickException(
                f"logging in as {agent.username} answered {answer.status_code}"
            )
        page = client.get("/")
        rows = page.text.count('data-testid="queue-row"')
    return (
        f"checked: {agent.username}'s queue page ({', '.join(agent.lanes)}) answers "
        f"{page.status_code} with {rows} conversation{'s' if rows != 1 else ''}"
    )
