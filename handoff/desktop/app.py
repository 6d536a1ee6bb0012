"""The agent desktop's web app: Starlette routes over :class:`~handoff.desktop.Desktop`.

::

    app = create_app(Desktop("sqlite:///desktop.sqlite"), webhook_secret=SECRET)
    uvicorn.run(app, host="127.0.0.1", port=8700)

Routes (server-rendered Jinja2 pages; every POST needs the session's CSRF token, as the
form field ``csrf_token`` or the ``X-CSRF-Token`` header that ``static/desktop.js`` adds to htmx
requests):

=================================  ===========================================================
``POST /webhook/payloads``         the outbox's signed delivery (no session: the HMAC is the
                                   authentication); 400 bad key, 401 bad/stale signature, 413
                                   too large, 422 not a payload or unknown lane, 409 same key
                                   with another body, 503 storage down, 200 otherwise
``GET|POST /login``, ``POST         the session: argon2id passwords, server-side sessions, a
/logout``                          ``__Host-`` cookie (HttpOnly, SameSite=Lax, Secure)
``GET /``                          the queues of the lanes the user sees
``GET /events``                    server-sent events: queue rows and lane stats as they change
``GET /c/{pk}``                    the conversation card
``GET /c/{pk}/lines``              the conversation's live lines (the card swaps them in)
``POST /c/{pk}/{action}``          claim, tick, transfer, override, reassign, resolve, hand-back,
                                   note, reply (the agent holding it writes to the customer)
``/admin/users``, ``/admin/lanes``  admins manage people and lanes
``GET /audit``, ``/audit.csv``     the audit log (supervisors and admins)
``GET /kpis``                      the outcomes report's figures over this desktop's records
                                   (supervisors and admins; ``?first=&last=`` days)
``/rules...``, ``/admin/grants``    governed rule changes (supervisors and admins; see
                                   :mod:`handoff.desktop.rules_pages`)
``GET /health``                    200 when the database is reachable and migrated, else 503
=================================  ===========================================================

Permissions are decided by the service, at one seam (``Desktop`` raises ``Forbidden`` or
``NotFound``); this module only maps its errors to status codes: 403, 404 (also for a
conversation in a lane you do not see, so guessed ids tell nothing), 409, 422, 503. Anonymous
page views are redirected to the login page; anonymous POSTs and event streams get 401.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import secrets
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote, urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from handoff import __version__
from handoff.delivery._signing import IDEMPOTENCY_HEADER, KEY_PATTERN, verify
from handoff.desktop.card import Card, CardState, build_card
from handoff.desktop.kpis import KpiPage, period_from
from handoff.desktop.live import DesktopSource, LiveHub, LiveSource, event_stream, parse_after
from handoff.desktop.records import (
    BotUnavailable,
    Conflict,
    ConversationRecord,
    DesktopError,
    Forbidden,
    InvalidInput,
    InvalidPayload,
    LaneQueue,
    NotFound,
    PayloadConflict,
    QueueItem,
    SessionInfo,
    UnknownLane,
    User,
)
from handoff.desktop.rules_pages import (
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_FILES,
    UPLOAD_PATH,
    Kit,
    Refused,
    RulesPages,
    governance_status,
    rules_routes,
)
from handoff.desktop.rules_pages import NOTICES as RULES_NOTICES
from handoff.desktop.service import MAX_BODY_BYTES, MAX_REPLY_CHARS, Desktop
from handoff.errors import RulesError, StorageUnavailable
from handoff.governance.errors import GovernanceError

if TYPE_CHECKING:
    from handoff.desktop.metrics import DesktopMetrics

__all__ = ["MAX_FORM_BYTES", "create_app"]

log = logging.getLogger("handoff.desktop.app")

T = TypeVar("T")

# Forms carry a note of at most a few thousand characters; 64 KiB is generous and bounded.
MAX_FORM_BYTES = 64 * 1024
WEBHOOK_PATH = "/webhook/payloads"
CSRF_HEADER = "X-CSRF-Token"
# Content Security Policy: our own scripts and styles only, nothing inline, no framing.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
_SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
# What a redirect after an action may say; a code, so no input is ever reflected.
NOTICES = {
    "transferred": "Transferred. The next agent sees your note.",
    "overridden": "Sent to the override lane.",
    "resolved": "Resolved. The wrap-up is recorded.",
    "handed_back": "Handed back to the bot.",
    "logged_out": "You are logged out.",
    "user_created": "User created.",
    "user_changed": "User updated.",
    "lane_created": "Lane created.",
    **RULES_NOTICES,
}
ACTIONS = (
    "claim",
    "tick",
    "transfer",
    "override",
    "reassign",
    "resolve",
    "hand-back",
    "note",
    "reply",
)


# ------------------------------------------------------------------------------ middleware


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over a limit with 413 before they fill memory: at once from
    ``Content-Length``, or as soon as a chunked body passes the limit. The webhook gets
    ``webhook_limit``, the paths in ``routes`` their own limit (the rules upload), everything
    else (forms) ``form_limit``."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        webhook_limit: int,
        form_limit: int,
        routes: Mapping[str, int] | None = None,
    ) -> None:
        self.app = app
        self.webhook_limit = webhook_limit
        self.form_limit = form_limit
        self.routes = dict(routes or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        limit = (
            self.webhook_limit if path == WEBHOOK_PATH else self.routes.get(path, self.form_limit)
        )
        for name, value in scope["headers"]:
            if name == b"content-length" and (
                not value.isdigit() or len(value) > 18 or int(value) > limit
            ):
                await _too_large(send, limit)
                return
        total = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal total
            message = await receive()
            if message["type"] == "http.request":
                total += len(message.get("body", b""))
                if total > limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _too_large(send, limit)


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"error": "the request body is larger than {limit} bytes"}}'.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *_SECURITY_HEADERS,
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Add the security headers to every response, and ``Cache-Control: no-store`` to all
    but the static files (pages show customers' conversations: never cached)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() not in _OURS
                ]
                headers.extend(_SECURITY_HEADERS)
                if static:
                    headers.append((b"cache-control", b"public, max-age=3600"))
                else:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


_OURS = frozenset({name for name, _ in _SECURITY_HEADERS} | {b"cache-control"})


# ------------------------------------------------------------------------------ login throttle


class LoginThrottle:
    """Failed logins per username and per client address in a sliding window; over the
    limit, logins are refused (429) until the window slides. In memory, per process;
    bounded to ``max_keys`` keys (the oldest forgotten first)."""

    def __init__(
        self,
        *,
        per_user: int = 5,
        per_address: int = 30,
        window: float = 300.0,
        max_keys: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_user = per_user
        self.per_address = per_address
        self.window = window
        self.max_keys = max_keys
        self.clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()

    def _recent(self, key: str) -> deque[float]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        cutoff = self.clock() - self.window
        while times and times[0] <= cutoff:
            times.popleft()
        return times

    def retry_after(self, username: str, address: str) -> int | None:
        """Seconds until a login may be tried again, or None if it may be tried now."""
        waits = []
        for key, limit in (
            (f"u:{username.lower()}", self.per_user),
            (f"a:{address}", self.per_address),
        ):
            times = self._recent(key)
            if len(times) >= limit:
                waits.append(times[0] + self.window - self.clock())
        return max(1, int(max(waits)) + 1) if waits else None

    def failed(self, username: str, address: str) -> None:
        """Count a failed login."""
        now = self.clock()
        for key in (f"u:{username.lower()[:64]}", f"a:{address}"):
            times = self._failures.pop(key, None) or deque(
                maxlen=max(self.per_user, self.per_address)
            )
            times.append(now)
            self._failures[key] = times
        while len(self._failures) > self.max_keys:
            self._failures.popitem(last=False)

    def succeeded(self, username: str) -> None:
        """Forget the username's failures (not the address's)."""
        self._failures.pop(f"u:{username.lower()[:64]}", None)


# ------------------------------------------------------------------------------ rendering


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("handoff.desktop", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.filters["iso"] = _iso
    env.filters["duration"] = _duration
    env.filters["percent"] = _percent
    return env


def _iso(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


class TemplateRenderer:
    """Renders the live fragments with the same templates as the pages."""

    def __init__(self, env: jinja2.Environment) -> None:
        self._row = env.get_template("_queue_row.html")
        self._stats = env.get_template("_lane_stats.html")

    def row(self, item: QueueItem) -> str:
        """The queue row of one conversation."""
        return self._row.render(item=item)

    def stats(self, lane: LaneQueue) -> str:
        """The statistics block of one lane."""
        return self._stats.render(queue=lane)


# ------------------------------------------------------------------------------ the app


@dataclass(frozen=True)
class _Visit:
    """A logged-in request: the session's token and what the service knows of it."""

    token: str
    session: SessionInfo

    @property
    def user(self) -> User:
        return self.session.user


# An error page to send instead of the normal response (shared with the rules pages).
_Refused = Refused


_STATUS = (
    (NotFound, 404),
    (Forbidden, 403),
    (PayloadConflict, 409),
    (Conflict, 409),
    (BotUnavailable, 503),
    (InvalidInput, 422),
    (StorageUnavailable, 503),
)


def _status_of(error: Exception) -> int:
    for kind, status in _STATUS:
        if isinstance(error, kind):
            return status
    return governance_status(error) or 500


# What the pages catch and show as an error page: the service's, the store's and the
# governance store's refusals (RulesError: a rule set that does not load, with file:line).
_SHOWN = (DesktopError, StorageUnavailable, GovernanceError, RulesError)


def create_app(
    desktop: Desktop,
    *,
    webhook_secret: str | bytes,
    secure_cookies: bool = True,
    webhook_tolerance: float = 300,
    max_body: int = MAX_BODY_BYTES,
    max_form: int = MAX_FORM_BYTES,
    poll_interval: float = 0.25,
    revalidate: float = 10.0,
    ping: float = 15.0,
    client_queue: int = 256,
    max_streams: int = 1000,
    queue_limit: int = 200,
    throttle: LoginThrottle | None = None,
    source: LiveSource | None = None,
    kpis: KpiPage | None = None,
    background: Sequence[Callable[[Callable[[], None]], Coroutine[Any, Any, None]]] = (),
    metrics: DesktopMetrics | None = None,
    rules: RulesPages | None = None,
) -> Starlette:
    """The desktop's ASGI app.

    ``webhook_secret`` is the outbox's shared signing secret (``HANDOFF_WEBHOOK_SECRET`` on
    the sending side). ``secure_cookies=False`` drops the cookie's ``Secure`` flag and its
    ``__Host-`` prefix: only for a demo on http://127.0.0.1 (browsers refuse Secure cookies
    over plain HTTP elsewhere). ``max_body`` caps the webhook's body and ``max_form`` every
    other request's (413 above). ``poll_interval``: how often the live hub reads the change
    feed for writes by other processes (this process's own writes are pushed at once).
    ``queue_limit`` caps the rows per lane on the queue page (counts include all).
    ``kpis``: the KPI page's renderer (default: over this desktop's records, no experiment
    specs, so experiments are compared on handoff success with their first arm as control).
    ``background``: coroutines run for the app's lifetime (the relay and the abandonment
    sweeper of ``handoff desktop serve``), each given the hub's ``wake``. ``metrics``
    (:class:`~handoff.desktop.metrics.DesktopMetrics`) adds ``GET /metrics`` behind its own
    token and times every request. ``rules`` (:class:`~handoff.desktop.rules_pages.
    RulesPages`): the governance pages' store (signing keys) and backtest source; default:
    a store over this desktop's database without signing keys (publishing refused, saying
    so) and no backtest.
    """
    if not webhook_secret:
        raise ValueError("the desktop needs the webhook's shared secret to verify deliveries")
    env = _environment()
    hub = LiveHub(
        source if source is not None else DesktopSource(desktop),
        TemplateRenderer(env),
        poll_interval=poll_interval,
        revalidate=revalidate,
        client_queue=client_queue,
        max_clients=max_streams,
    )
    throttle = throttle if throttle is not None else LoginThrottle()
    kpi_page = kpis if kpis is not None else KpiPage(desktop)
    prefix = "__Host-" if secure_cookies else ""
    session_cookie = f"{prefix}handoff-session"
    login_cookie = f"{prefix}handoff-login"

    async def call(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await run_in_threadpool(function, *args, **kwargs)

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        visit: _Visit | None = request.scope.get("handoff.visit")
        notice = request.query_params.get("notice", "")
        html = env.get_template(template).render(
            request=request,
            user=visit.user if visit else None,
            csrf_token=visit.session.csrf if visit else "",
            notice=NOTICES.get(notice, ""),
            path=request.url.path,
            **context,
        )
        return HTMLResponse(html, status_code=status)

    def error_page(request: Request, status: int, message: str) -> HTMLResponse:
        return page(request, "error.html", status=status, status_code=status, message=message)

    def shown_error(request: Request, error: Exception) -> HTMLResponse:
        """The error page of a refusal by the service or a store (file:line for rules)."""
        problems = [str(p) for p in error.problems] if isinstance(error, RulesError) else []
        message = "The rule set does not load:" if problems else str(error)
        status = _status_of(error)
        return page(
            request,
            "error.html",
            status=status,
            status_code=status,
            message=message,
            problems=problems,
        )

    async def visit_of(request: Request) -> _Visit | None:
        token = request.cookies.get(session_cookie)
        if not token or len(token) > 128:
            return None
        session = await call(desktop.session, token)
        if session is None:
            return None
        visit = _Visit(token, session)
        request.scope["handoff.visit"] = visit
        return visit

    def to_login(request: Request) -> RedirectResponse:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    Handler = Callable[[Request, _Visit], Awaitable[Response]]

    def logged_in(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        """A page: redirect anonymous visitors to the login page."""

        async def endpoint(request: Request) -> Response:
            visit = await visit_of(request)
            if visit is None:
                return to_login(request)
            try:
                return await handler(request, visit)
            except _Refused as refused:
                return error_page(request, refused.status, refused.message)
            except _SHOWN as error:
                return shown_error(request, error)

        return endpoint

    async def read_form(request: Request, *, files: int = 0) -> FormData:
        try:
            form = await request.form(max_files=files, max_fields=100, max_part_size=max_form)
        except _TooLarge:
            raise
        except Exception:
            raise _Refused(400, "the form could not be read") from None
        return form

    def posted(
        handler: Callable[[Request, _Visit, FormData], Awaitable[Response]], *, files: int = 0
    ) -> Any:
        """An action: 401 without a session, 403 without the session's CSRF token.
        ``files``: how many uploaded files the (multipart) form may carry."""

        async def endpoint(request: Request) -> Response:
            visit = await visit_of(request)
            if visit is None:
                return PlainTextResponse("log in first", status_code=401)
            form: FormData | None = None
            try:
                form = await read_form(request, files=files)
                given = request.headers.get(CSRF_HEADER) or _text(form, "csrf_token")
                if not given or not hmac.compare_digest(
                    given.encode("utf-8", "replace"), visit.session.csrf.encode()
                ):
                    raise _Refused(403, "the form's security token is missing or wrong; reload")
                return await handler(request, visit, form)
            except _Refused as refused:
                return error_page(request, refused.status, refused.message)
            except _SHOWN as error:
                return shown_error(request, error)
            finally:
                if form is not None and files:
                    await form.close()  # uploaded files spooled to disk are deleted now

        return endpoint

    def uploaded(handler: Callable[[Request, _Visit, FormData], Awaitable[Response]]) -> Any:
        # The bundle's files, and the empty part a browser sends for each unused file input.
        return posted(handler, files=MAX_UPLOAD_FILES + 3)

    # ------------------------------------------------------------------ webhook

    async def webhook(request: Request) -> Response:
        body = await request.body()
        key = request.headers.get(IDEMPOTENCY_HEADER, "")
        if not KEY_PATTERN.fullmatch(key):
            return JSONResponse(
                {"error": f"missing or malformed {IDEMPOTENCY_HEADER} header"}, status_code=400
            )
        if not verify(body, request.headers, webhook_secret, tolerance=webhook_tolerance):
            return JSONResponse({"error": "missing, wrong, stale or future signature"}, 401)
        try:
            outcome = await call(desktop.receive, key, body)
        except InvalidPayload as error:
            detail = [{"loc": loc, "msg": msg} for loc, msg in error.problems]
            return JSONResponse(
                {"error": "not a context payload", "detail": detail or str(error)}, 422
            )
        except UnknownLane as error:
            return JSONResponse({"error": str(error), "lane": error.lane}, 422)
        except PayloadConflict:
            log.warning("desktop: refused another body under stored key %s (409)", key)
            return JSONResponse({"error": "this key is already stored with a different body"}, 409)
        except InvalidInput as error:
            return JSONResponse({"error": str(error)}, 422)
        except StorageUnavailable:
            log.error("desktop: a delivery could not be stored (storage unavailable)")
            return JSONResponse(
                {"error": "storage unavailable, retry later"},
                status_code=503,
                headers={"Retry-After": "5"},
            )
        hub.wake()
        request.scope["handoff.outcome"] = outcome  # for the metrics
        return JSONResponse({"status": outcome, "idempotency_key": key})

    # ------------------------------------------------------------------ session

    async def login_form(request: Request) -> Response:
        if await visit_of(request) is not None:
            return RedirectResponse("/", status_code=303)
        return login_page(request)

    def login_page(request: Request, status: int = 200, message: str = "") -> Response:
        # Login CSRF: a random value in a cookie and the form; a cross-site form cannot
        # read the cookie, so it cannot log the victim into the attacker's account.
        value = secrets.token_urlsafe(32)
        response = page(
            request,
            "login.html",
            status=status,
            login_csrf=value,
            message=message,
            next=_safe_next(request.query_params.get("next", "")),
        )
        response.set_cookie(
            login_cookie,
            value,
            max_age=3600,
            path="/",
            secure=secure_cookies,
            httponly=True,
            samesite="strict",
        )
        return response

    async def login(request: Request) -> Response:
        try:
            form = await read_form(request)
        except _Refused as refused:
            return login_page(request, refused.status, refused.message)
        cookie = request.cookies.get(login_cookie, "")
        given = _text(form, "csrf_token")
        if not cookie or not hmac.compare_digest(cookie.encode(), given.encode("utf-8", "replace")):
            return login_page(request, 403, "The login form expired. Please try again.")
        username = _text(form, "username").strip()[:256]
        password = _text(form, "password")[:1024]
        address = request.client.host if request.client else "?"
        wait = throttle.retry_after(username, address)
        if wait is not None:
            response = login_page(
                request, 429, "Too many failed logins. Wait a few minutes and try again."
            )
            response.headers["Retry-After"] = str(wait)
            return response
        opened = await call(desktop.login, username, password)
        if opened is None:
            throttle.failed(username, address)
            # The same words whether the username exists or not (and the service spends
            # the same time on both).
            return login_page(request, 401, "Wrong username or password.")
        throttle.succeeded(username)
        token, _csrf = opened
        response = RedirectResponse(_safe_next(_text(form, "next")) or "/", status_code=303)
        response.set_cookie(
            session_cookie,
            token,
            max_age=int(desktop.session_seconds),
            path="/",
            secure=secure_cookies,
            httponly=True,
            samesite="lax",
        )
        response.delete_cookie(login_cookie, path="/", secure=secure_cookies, httponly=True)
        return response

    async def logout(request: Request, visit: _Visit, form: FormData) -> Response:
        await call(desktop.logout, visit.token)
        response = RedirectResponse("/login?notice=logged_out", status_code=303)
        response.delete_cookie(
            session_cookie, path="/", secure=secure_cookies, httponly=True, samesite="lax"
        )
        return response

    # ------------------------------------------------------------------ queues and events

    async def queues(request: Request, visit: _Visit) -> Response:
        # The feed position first: a change made while the page renders is then replayed
        # to its event stream (at worst twice, which swapping the same row again absorbs).
        seq = await call(desktop.last_seq)
        lanes = await call(desktop.queues, visit.user, limit=queue_limit)
        # The most urgent lanes first, as a team lead scans them (then by name).
        lanes.sort(key=lambda queue: (-queue.lane.priority, queue.lane.id))
        recent = await call(desktop.recent, visit.user, limit=20)
        return page(
            request,
            "queue.html",
            queues=lanes,
            recent=recent,
            seq=seq,
            queue_limit=queue_limit,
        )

    async def events(request: Request) -> Response:
        visit = await visit_of(request)
        if visit is None:
            return PlainTextResponse("log in first", status_code=401)
        try:
            client = hub.connect(visit.token, visit.session)
        except OverflowError:
            return PlainTextResponse(
                "too many live connections; retry later",
                status_code=503,
                headers={"Retry-After": "10"},
            )
        after = parse_after(request.headers.get("last-event-id"), request.query_params.get("after"))

        async def stream() -> AsyncIterator[dict[str, Any]]:
            try:
                # Reconnect quickly after a drop (the browser's default is ~3 s).
                yield {"event": "hello", "data": str(hub.seq), "retry": 1000}
                async for event in hub.stream(client, after):
                    yield event
            finally:
                hub.disconnect(client)

        return event_stream(stream(), ping)

    # ------------------------------------------------------------------ the card and actions

    async def card(request: Request, visit: _Visit) -> Response:
        pk = _pk(request)
        # The feed position before the record: a change in between reaches the page's
        # stream (and shows the "changed" banner) instead of being missed.
        seq = await call(desktop.last_seq)
        record = await call(desktop.conversation, visit.user, pk)
        return await card_page(request, visit, record, seq=seq)

    async def card_page(
        request: Request,
        visit: _Visit,
        record: ConversationRecord,
        *,
        seq: int,
        status: int = 200,
        error: str = "",
    ) -> Response:
        lanes = await call(desktop.lanes)
        agents: list[User] = []
        if visit.user.sees_all_lanes:
            with contextlib.suppress(DesktopError):
                agents = [
                    user
                    for user in await call(desktop.users, visit.user)
                    if user.active and (user.sees_all_lanes or record.lane in user.lanes)
                ]
        lines = await call(desktop.lines, visit.user, record.pk)
        return page(
            request,
            "conversation.html",
            status=status,
            record=record,
            lines=lines,
            max_reply=MAX_REPLY_CHARS,
            card=_card(record, visit.user),
            allowed=Desktop.allowed_actions(visit.user, record),
            lanes=lanes,
            agents=agents,
            error=error,
            seq=seq,
        )

    async def act(request: Request, visit: _Visit, form: FormData) -> Response:
        pk = _pk(request)
        action = request.path_params["action"]
        user = visit.user
        note = _text(form, "note")
        try:
            if action == "claim":
                await call(desktop.claim, user, pk)
            elif action == "tick":
                await call(desktop.tick, user, pk, _text(form, "step"))
            elif action == "transfer":
                await call(desktop.transfer, user, pk, _text(form, "lane"), note)
            elif action == "override":
                await call(desktop.override, user, pk, note, lane=_text(form, "lane") or None)
            elif action == "reassign":
                await call(desktop.reassign, user, pk, _text(form, "agent"))
            elif action == "resolve":
                await call(
                    desktop.resolve,
                    user,
                    pk,
                    _text(form, "outcome_code"),
                    _text(form, "needed"),
                    note,
                )
            elif action == "hand-back":
                await call(desktop.hand_back, user, pk, note)
            elif action == "note":
                await call(desktop.add_note, user, pk, note)
            elif action == "reply":
                await call(desktop.reply, user, pk, _text(form, "text"))
            else:  # pragma: no cover - the route only matches the actions above
                raise _Refused(404, "no such action")
        except (NotFound, StorageUnavailable):
            raise
        except DesktopError as error:
            # Show the card again with the reason, if the user may still see it.
            try:
                seq = await call(desktop.last_seq)
                record = await call(desktop.conversation, user, pk)
            except DesktopError:
                raise error from None
            return await card_page(
                request, visit, record, seq=seq, status=_status_of(error), error=str(error)
            )
        finally:
            # Even a refused action may have been raced by one that succeeded: cheap to look.
            hub.wake()
        if action == "tick" and request.headers.get("HX-Request") == "true":
            # The checklist swaps itself (hx-target="#card-checklist"): send just that part.
            record = await call(desktop.conversation, user, pk)
            html = env.get_template("_card_checklist.html").render(
                card=_card(record, user), csrf_token=visit.session.csrf
            )
            return HTMLResponse(html)
        notice = {
            "transfer": "transferred",
            "override": "overridden",
            "resolve": "resolved",
            "hand-back": "handed_back",
        }.get(action)
        if notice is not None and not user.sees_all_lanes:
            return RedirectResponse(f"/?notice={notice}", status_code=303)
        suffix = f"?notice={notice}" if notice else ""
        return RedirectResponse(f"/c/{pk}{suffix}", status_code=303)

    async def live_lines(request: Request, visit: _Visit) -> Response:
        lines = await call(desktop.lines, visit.user, _pk(request))
        html = env.get_template("_live_lines.html").render(lines=lines)
        return HTMLResponse(html)

    # ------------------------------------------------------------------ admin

    async def admin_users(request: Request, visit: _Visit) -> Response:
        if visit.user.role != "admin":
            raise _Refused(403, "only admins manage users")
        users = await call(desktop.users, visit.user)
        lanes = await call(desktop.lanes)
        return page(request, "admin_users.html", users=users, lanes=lanes)

    async def admin_create_user(request: Request, visit: _Visit, form: FormData) -> Response:
        lanes = [value for value in form.getlist("lanes") if isinstance(value, str)]
        await call(
            desktop.create_user,
            visit.user,
            _text(form, "username").strip(),
            _text(form, "password"),
            _text(form, "role") or "agent",
            lanes,
        )
        hub.wake()
        return RedirectResponse("/admin/users?notice=user_created", status_code=303)

    async def admin_change_user(request: Request, visit: _Visit, form: FormData) -> Response:
        username = request.path_params["username"]
        change = request.path_params["change"]
        if change == "lanes":
            lanes = [value for value in form.getlist("lanes") if isinstance(value, str)]
            await call(desktop.set_user_lanes, visit.user, username, lanes)
        elif change == "role":
            await call(desktop.set_role, visit.user, username, _text(form, "role"))
        elif change == "deactivate":
            await call(desktop.deactivate_user, visit.user, username)
        else:  # pragma: no cover - the route only matches the changes above
            raise _Refused(404, "no such change")
        hub.wake()
        return RedirectResponse("/admin/users?notice=user_changed", status_code=303)

    async def admin_lanes(request: Request, visit: _Visit) -> Response:
        if visit.user.role != "admin":
            raise _Refused(403, "only admins manage lanes")
        lanes = await call(desktop.lanes)
        return page(request, "admin_lanes.html", lanes=lanes)

    async def admin_create_lane(request: Request, visit: _Visit, form: FormData) -> Response:
        sla = _text(form, "sla_seconds").strip()
        priority = _text(form, "priority").strip() or "0"
        if (sla and not sla.isdigit()) or not priority.isdigit() or len(sla + priority) > 12:
            raise _Refused(422, "the SLA and the priority must be whole numbers")
        await call(
            desktop.create_lane,
            visit.user,
            _text(form, "lane").strip(),
            _text(form, "kind") or "human",
            description=_text(form, "description"),
            sla_seconds=int(sla) if sla else None,
            priority=int(priority),
        )
        hub.wake()
        return RedirectResponse("/admin/lanes?notice=lane_created", status_code=303)

    # ------------------------------------------------------------------ audit and health

    def audit_filter(request: Request) -> dict[str, Any]:
        """The audit page's filters from its query string (bad values are ignored)."""
        query = request.query_params
        found: dict[str, Any] = {"conversation_pk": parse_after(query.get("conversation"))}
        for name in ("actor", "action"):
            value = query.get(name, "").strip()
            found[name] = value if value and len(value) <= 64 else None
        return found

    async def audit(request: Request, visit: _Visit) -> Response:
        filters = audit_filter(request)
        before = parse_after(request.query_params.get("before"))
        entries = await call(desktop.audit, visit.user, before_id=before, limit=100, **filters)
        shown = {
            ("conversation" if name == "conversation_pk" else name): value
            for name, value in filters.items()
            if value is not None
        }
        return page(
            request,
            "audit.html",
            entries=entries,
            filters=shown,
            conversation=filters["conversation_pk"],
            page_size=100,
        )

    async def audit_csv(request: Request, visit: _Visit) -> Response:
        text = await call(desktop.audit_csv, visit.user, **audit_filter(request))
        return Response(
            text,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="handoff-audit.csv"'},
        )

    async def kpis_page(request: Request, visit: _Visit) -> Response:
        if not KpiPage.allowed(visit.user):
            raise _Refused(403, "only supervisors and admins see the KPIs")
        query = request.query_params
        period = period_from(query.get("first"), query.get("last"))
        try:
            body, computed_at = await call(kpi_page.body, visit.user, period)
        except ModuleNotFoundError as error:
            log.error("desktop: the KPI page needs %s (the report extra)", error.name)
            raise _Refused(
                503, "the KPI page needs the report extra: pip install 'handoff-router[report]'"
            ) from None
        return page(request, "kpis.html", body=body, period=period, computed_at=computed_at)

    async def health(request: Request) -> Response:
        try:
            await call(desktop.check)
        except StorageUnavailable:
            return JSONResponse({"ok": False, "error": "storage unavailable"}, status_code=503)
        return JSONResponse({"ok": True, "live_clients": hub.clients})

    async def not_found(request: Request, exc: Exception) -> Response:
        await visit_of(request)
        return error_page(request, 404, "There is nothing here.")

    async def method_not_allowed(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("method not allowed", status_code=405)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await hub.start()
        tasks: list[asyncio.Task[None]] = [asyncio.create_task(run(hub.wake)) for run in background]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await hub.stop()

    routes = [
        Route(WEBHOOK_PATH, webhook, methods=["POST"]),
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", posted(logout), methods=["POST"]),
        Route("/", logged_in(queues), methods=["GET"]),
        Route("/events", events, methods=["GET"]),
        Route("/c/{pk:int}", logged_in(card), methods=["GET"]),
        Route("/c/{pk:int}/lines", logged_in(live_lines), methods=["GET"]),
        Route(
            "/c/{pk:int}/{action:str}",
            posted(_only(act, "action", ACTIONS)),
            methods=["POST"],
        ),
        Route("/admin/users", logged_in(admin_users), methods=["GET"]),
        Route("/admin/users", posted(admin_create_user), methods=["POST"]),
        Route(
            "/admin/users/{username:str}/{change:str}",
            posted(_only(admin_change_user, "change", ("lanes", "role", "deactivate"))),
            methods=["POST"],
        ),
        Route("/admin/lanes", logged_in(admin_lanes), methods=["GET"]),
        Route("/admin/lanes", posted(admin_create_lane), methods=["POST"]),
        Route("/audit", logged_in(audit), methods=["GET"]),
        Route("/audit.csv", logged_in(audit_csv), methods=["GET"]),
        Route("/kpis", logged_in(kpis_page), methods=["GET"]),
        *rules_routes(
            Kit(page=page, logged_in=logged_in, posted=posted, uploaded=uploaded, call=call),
            rules if rules is not None else RulesPages.over(desktop.engine),
        ),
        Route("/health", health, methods=["GET"]),
        Mount(
            "/static",
            # The report's stylesheet comes with the report (handoff.outcomes).
            app=StaticFiles(
                packages=[("handoff.desktop", "static"), ("handoff.outcomes", "static")]
            ),
            name="static",
        ),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={404: not_found, 405: method_not_allowed},
    )
    app.add_middleware(
        BodyLimit,
        webhook_limit=max_body,
        form_limit=max_form,
        routes={UPLOAD_PATH: max(max_form, MAX_UPLOAD_BYTES)},
    )
    app.add_middleware(SecurityHeaders)
    if metrics is not None:
        metrics.install(app)
    app.state.hub = hub
    app.state.desktop = desktop
    app.state.session_cookie = session_cookie
    return app


def _card(record: ConversationRecord, user: User) -> Card:
    """The card's view model; only the agent holding the conversation ticks its checklist."""
    can_tick = record.status == "claimed" and record.agent == user.username
    return build_card(record.payload, state=CardState.from_record(record, can_tick=can_tick))


def _only(
    handler: Callable[[Request, _Visit, FormData], Awaitable[Response]],
    param: str,
    allowed: tuple[str, ...],
) -> Callable[[Request, _Visit, FormData], Awaitable[Response]]:
    async def wrapped(request: Request, visit: _Visit, form: FormData) -> Response:
        if request.path_params[param] not in allowed:
            raise _Refused(404, "There is nothing here.")
        return await handler(request, visit, form)

    return wrapped


def _pk(request: Request) -> int:
    pk: int = request.path_params["pk"]
    if pk > 2**62:
        raise _Refused(404, "no such conversation in your lanes")
    return pk


def _text(form: FormData | Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    if value is None:
        return ""
    if isinstance(value, UploadFile) or not isinstance(value, str):
        raise _Refused(400, f"the field {name!r} must be text")
    return value


def _safe_next(target: str) -> str:
    """A local path to go to after login, or "" (never another site: no open redirect)."""
    if not target or len(target) > 500 or not target.startswith("/") or target.startswith("//"):
        return ""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "\\" in target:
        return ""
    return target
