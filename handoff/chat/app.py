"""The customer chat page's web app: Starlette routes between the customer's browser, Rasa's
callback channel and the desktop's database.

::

    app = create_app(ChatStore("sqlite:///desktop.sqlite"), rasa_url="http://127.0.0.1:5005",
                     session_secret=..., callback_tokens=[...])
    uvicorn.run(app, host="127.0.0.1", port=8800)

=========================  ===================================================================
``GET /``                  the chat page; a new visitor gets a new conversation: a random
                           id kept in a signed, HttpOnly, SameSite=Lax (Secure) session cookie
``POST /send``             ``{"text": ...}`` from the page (``X-CSRF-Token`` header, JSON):
                           forwarded to Rasa's callback channel as ``{"sender": <id>,
                           "message": <text>}``; 400 bad body, 403 no session or CSRF token,
                           413 too large, 422 empty or too long, 429 too many, 502/503 Rasa
``GET /events``            server-sent events: this conversation's bot, agent and notice
                           lines (``Last-Event-ID`` = the line's ``seq``)
``POST /new``              start a new conversation (a form with the CSRF token)
``POST /rasa/callback``    Rasa's callback channel posts each bot message here, with the
                           bearer token of credentials.yml (401 without it); stored as a
                           ``bot`` line
``GET /health``            200 when the database is reachable and migrated, else 503
=========================  ===================================================================

Why Rasa's callback channel and not socket.io: the browser talks only to this server (same
origin, session cookie, CSRF token, size and rate limits) and Rasa stays unexposed on
127.0.0.1; socket.io would expose Rasa to browsers (and with session persistence anyone who
knows a session id joins its room). Callback outputs work with several Rasa workers, and this
server sees the page close (the heartbeat the abandonment sweeper reads).

Nothing identifying reaches the logs: conversations appear as ``conversation_ref`` pseudonyms,
never with their text.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import re
import secrets
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

import httpx
import jinja2
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware.sessions import SessionMiddleware
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

from handoff import __version__
from handoff.adapters.rasa import conversation_ref
from handoff.chat.live import ChatHub
from handoff.chat.store import ChatStore, Line
from handoff.desktop.app import BodyLimit, SecurityHeaders
from handoff.desktop.live import event_stream, parse_after
from handoff.errors import StorageUnavailable

__all__ = [
    "ACCOUNT_SLOTS",
    "CALLBACK_PATH",
    "MAX_BODY_BYTES",
    "MAX_MESSAGE_CHARS",
    "RateLimit",
    "account_slots",
    "create_app",
]

log = logging.getLogger("handoff.chat")

CALLBACK_PATH = "/rasa/callback"
CSRF_HEADER = "X-CSRF-Token"
# What a customer types in one message, and what Rasa may post in one bot message.
MAX_MESSAGE_CHARS = 2000
MAX_BOT_CHARS = 10_000
# Every request body (the page's JSON, Rasa's callback posts) is bounded by this.
MAX_BODY_BYTES = 64 * 1024
# The conversation id: a prefix that tells where it came from, and 192 random bits.
_ID = re.compile(r"web-[A-Za-z0-9_-]{32}")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SESSION_KEYS = ("c", "t")  # conversation id, CSRF token


def new_conversation_id() -> str:
    """A random, unguessable conversation id (Rasa's sender id)."""
    return "web-" + secrets.token_urlsafe(24)


class RateLimit:
    """At most ``limit`` events per ``window`` seconds per key (a sliding window), in memory
    and bounded to ``max_keys`` keys (the least recently used forgotten first)."""

    def __init__(
        self,
        limit: int,
        window: float,
        *,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1 or window <= 0 or max_keys < 1:
            raise ValueError("limit >= 1, window > 0, max_keys >= 1")
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self.clock = clock
        self._times: OrderedDict[str, deque[float]] = OrderedDict()

    def retry_after(self, key: str) -> int | None:
        """Count one event for ``key``: None if it is allowed, else seconds to wait."""
        now = self.clock()
        times = self._times.pop(key, None) or deque(maxlen=self.limit)
        while times and times[0] <= now - self.window:
            times.popleft()
        self._times[key] = times
        while len(self._times) > self.max_keys:
            self._times.popitem(last=False)
        if len(times) >= self.limit:
            return max(1, int(times[0] + self.window - now) + 1)
        times.append(now)
        return None


class _Said(BaseModel):
    """What the page posts."""

    model_config = ConfigDict(extra="forbid", strict=True)
    text: str


class _RasaMessage(BaseModel):
    """What Rasa's callback output posts (``CollectingOutputChannel._message``): only text
    is shown; buttons, images and custom payloads are not part of this bot."""

    model_config = ConfigDict(extra="ignore")
    recipient_id: str = Field(min_length=1, max_length=255)
    text: str = Field(max_length=MAX_BOT_CHARS)


# The account slots the router reads (handoff.adapters.rasa.ACCOUNT_SLOTS' values).
ACCOUNT_SLOTS = ("customer_id", "account_tier", "risk_flags")


def account_slots(
    rasa_url: str,
    jwt_secret: str | bytes,
    slots: dict[str, Any],
    *,
    jwt_method: str = "HS256",
) -> Callable[[str, httpx.AsyncClient], Any]:
    """An ``on_start`` for :func:`create_app` that sets account slots (``customer_id``,
    ``account_tier``, ``risk_flags``) on each new conversation through Rasa's HTTP API
    (``rasa run --enable-api --jwt-secret``; a 60-second token scoped to the conversation),
    before its first message. Server-side only: nothing the browser sends reaches them. A
    demo sets fixed values; a deployment would look the logged-in customer up instead."""
    unknown = sorted(set(slots) - set(ACCOUNT_SLOTS))
    if unknown:
        raise ValueError(f"not an account slot: {', '.join(unknown)} (allowed: {ACCOUNT_SLOTS})")
    from handoff.adapters.rasa import _conversation_path, _rasa_jwt  # noqa: PLC0415

    base = rasa_url.rstrip("/")
    events = [{"event": "slot", "name": name, "value": value} for name, value in slots.items()]

    async def on_start(conversation_id: str, client: httpx.AsyncClient) -> None:
        token = _rasa_jwt(conversation_id, jwt_secret, jwt_method)
        answer = await client.post(
            f"{base}{_conversation_path(conversation_id)}/tracker/events",
            json=events,
            headers={"Authorization": f"Bearer {token}"},
        )
        if answer.is_error:
            raise httpx.HTTPStatusError(
                f"Rasa answered {answer.status_code} to the account slots",
                request=answer.request,
                response=answer,
            )

    return on_start


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("handoff.chat", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return env


def _agent_of(lines: Iterable[Line]) -> str | None:
    """Who the customer is chatting with, as the page's header says: the author of the
    latest notice if it was a join, else nobody (moved, handed back)."""
    agent = None
    for line in lines:
        if line.kind == "notice":
            agent = line.author if line.joins else None
    return agent


def create_app(
    chat_store: ChatStore,
    *,
    rasa_url: str,
    session_secret: str | bytes,
    callback_tokens: Callable[[], Iterable[bytes]] | Iterable[bytes],
    secure_cookies: bool = True,
    session_seconds: int = 24 * 3600,
    title: str = "Chat with us",
    poll_interval: float = 0.1,
    heartbeat: float = 10.0,
    ping: float = 15.0,
    rasa_timeout: float = 30.0,
    per_conversation: RateLimit | None = None,
    per_address: RateLimit | None = None,
    max_streams: int = 5000,
    streams_per_conversation: int = 5,
    history_lines: int = 200,
    pseudonym_key: bytes | None = None,
    on_start: Callable[[str, httpx.AsyncClient], Any] | None = None,
) -> Starlette:
    """The chat server's ASGI app.

    ``rasa_url``: Rasa's base URL (its callback channel is configured in credentials.yml to
    post to this app's ``/rasa/callback``). ``session_secret`` signs the session cookie;
    ``callback_tokens`` are the bearer tokens Rasa may send (a callable is asked on every
    post, so a rotated ``_FILE`` applies at once). ``secure_cookies=False`` drops the
    cookie's ``Secure`` flag and ``__Host-`` prefix: only for http://127.0.0.1.
    ``heartbeat``: how often the open pages' ``desktop_presence.last_seen`` is written.
    ``on_start(conversation_id, client)``: awaited before a conversation's first message
    reaches Rasa (to set account slots through Rasa's HTTP API, never from the browser).
    """
    if not session_secret:
        raise ValueError("the chat server needs a secret to sign its session cookies")
    if not rasa_url.startswith(("http://", "https://")):
        raise ValueError("the Rasa URL must start with http:// or https://")
    if callable(callback_tokens):
        tokens = callback_tokens
    else:
        fixed = tuple(callback_tokens)

        def tokens() -> Iterable[bytes]:
            return fixed

    if not tuple(tokens()):
        raise ValueError(
            "the chat server needs Rasa's callback token (HANDOFF_CHAT_CALLBACK_TOKEN)"
        )
    secret = session_secret.decode() if isinstance(session_secret, bytes) else session_secret
    env = _environment()
    hub = ChatHub(chat_store, poll_interval=poll_interval, max_clients=max_streams)
    per_conversation = per_conversation or RateLimit(20, 60.0)
    per_address = per_address or RateLimit(120, 60.0)
    cookie = ("__Host-" if secure_cookies else "") + "handoff-chat"
    webhook = rasa_url.rstrip("/") + "/webhooks/callback/webhook"
    state: dict[str, Any] = {}
    started: set[str] = set()  # conversations whose on_start ran in this process

    def ref(conversation_id: str) -> str:
        return conversation_ref(conversation_id, pseudonym_key)

    def session_of(request: Request) -> tuple[str, str] | None:
        session = request.session
        conversation, csrf = session.get("c"), session.get("t")
        if isinstance(conversation, str) and _ID.fullmatch(conversation) and isinstance(csrf, str):
            return conversation, csrf
        return None

    def csrf_ok(request: Request, csrf: str, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(
            (given or "").encode("utf-8", "replace"), csrf.encode()
        )

    def address(request: Request) -> str:
        return request.client.host if request.client else "?"

    def too_many(wait: int) -> JSONResponse:
        return JSONResponse(
            {"error": "too many messages; wait a moment and send again"},
            status_code=429,
            headers={"Retry-After": str(wait)},
        )

    async def seen(conversation_id: str) -> None:
        try:
            await run_in_threadpool(chat_store.seen, [conversation_id])
        except StorageUnavailable:
            log.error("chat: the heartbeat of %s could not be written", ref(conversation_id))

    # ------------------------------------------------------------------ the page

    async def page(request: Request) -> Response:
        known = session_of(request)
        if known is None:
            conversation, csrf = new_conversation_id(), secrets.token_urlsafe(32)
            request.session.clear()
            request.session.update({"c": conversation, "t": csrf})
            seq, lines = 0, []
        else:
            conversation, csrf = known
            # The position first: a line written while the history is read is sent again
            # by the stream (the page drops a seq it already shows), never missed.
            try:
                seq = await run_in_threadpool(chat_store.last_seq)
                lines = await run_in_threadpool(
                    chat_store.history, conversation, limit=history_lines
                )
            except StorageUnavailable:
                return HTMLResponse(
                    env.get_template("unavailable.html").render(title=title), status_code=503
                )
        html = env.get_template("chat.html").render(
            title=title,
            csrf_token=csrf,
            seq=seq,
            lines=lines,
            agent=_agent_of(lines),
            max_chars=MAX_MESSAGE_CHARS,
        )
        return HTMLResponse(html)

    async def new(request: Request) -> Response:
        known = session_of(request)
        form = await request.form(max_files=0, max_fields=5, max_part_size=1024)
        given = form.get("csrf_token")
        if known is None or not isinstance(given, str) or not csrf_ok(request, known[1], given):
            return PlainTextResponse("the form expired; reload the page", status_code=403)
        request.session.clear()
        return RedirectResponse("/", status_code=303)

    # ------------------------------------------------------------------ the customer says

    async def send(request: Request) -> Response:
        known = session_of(request)
        if known is None:
            return JSONResponse({"error": "no conversation; reload the page"}, status_code=403)
        conversation, csrf = known
        if not csrf_ok(request, csrf, request.headers.get(CSRF_HEADER)):
            return JSONResponse(
                {"error": "the page's security token is missing or wrong; reload the page"},
                status_code=403,
            )
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": 'send JSON: {"text": ...}'}, status_code=415)
        try:
            said = _Said.model_validate_json(await request.body())
        except ValidationError:
            return JSONResponse({"error": 'the body must be {"text": "..."}'}, status_code=400)
        text = _CONTROL.sub("", said.text).strip()
        if not text:
            return JSONResponse({"error": "the message is empty"}, status_code=422)
        if len(text) > MAX_MESSAGE_CHARS:
            return JSONResponse(
                {"error": f"a message has at most {MAX_MESSAGE_CHARS} characters"},
                status_code=422,
            )
        for limit, key in ((per_conversation, conversation), (per_address, address(request))):
            wait = limit.retry_after(key)
            if wait is not None:
                log.warning("chat: %s sends too fast (429)", ref(conversation))
                return too_many(wait)
        await seen(conversation)
        client: httpx.AsyncClient = state["client"]
        try:
            if on_start is not None and conversation not in started:
                await on_start(conversation, client)
                started.add(conversation)
            answer = await client.post(webhook, json={"sender": conversation, "message": text})
        except httpx.HTTPError as error:
            log.error("chat: Rasa could not be reached for %s (%s)", ref(conversation),
                      type(error).__name__)  # fmt: skip
            return JSONResponse(
                {"error": "the assistant cannot be reached; your message was not sent, try again"},
                status_code=503,
                headers={"Retry-After": "5"},
            )
        if answer.is_error:
            log.error("chat: Rasa answered %s for %s", answer.status_code, ref(conversation))
            return JSONResponse(
                {"error": "the assistant refused the message; try again in a moment"},
                status_code=502,
            )
        return JSONResponse({"ok": True})

    # ------------------------------------------------------------------ the stream

    async def events(request: Request) -> Response:
        known = session_of(request)
        if known is None:
            return PlainTextResponse("no conversation; reload the page", status_code=403)
        conversation = known[0]
        if hub.streams_of(conversation) >= streams_per_conversation:
            return PlainTextResponse(
                "this conversation is open in too many tabs", status_code=429,
                headers={"Retry-After": "10"},
            )  # fmt: skip
        after = parse_after(request.headers.get("last-event-id"), request.query_params.get("after"))
        try:
            client = hub.connect(conversation)
        except OverflowError:
            return PlainTextResponse(
                "too many open chats; retry later", status_code=503, headers={"Retry-After": "10"}
            )
        await seen(conversation)

        async def stream() -> AsyncIterator[dict[str, Any]]:
            try:
                yield {"event": "hello", "data": "", "retry": 1000}
                async for event in hub.stream(client, after if after is not None else 0):
                    yield event
            finally:
                hub.disconnect(client)

        return event_stream(stream(), ping)

    # ------------------------------------------------------------------ Rasa says

    async def callback(request: Request) -> Response:
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        presented = value.strip().encode("utf-8", "replace")
        # Every configured token is compared, in constant time, whatever the first answers.
        matched = False
        for token in tokens():
            matched |= hmac.compare_digest(presented, token)
        if scheme.lower() != "bearer" or not presented or not matched:
            log.warning("chat: a callback without the right bearer token was refused (401)")
            return JSONResponse(
                {"error": "missing or wrong bearer token"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        try:
            message = _RasaMessage.model_validate_json(await request.body())
        except ValidationError as error:
            problems = sorted({".".join(map(str, e["loc"])) or "body" for e in error.errors()})
            return JSONResponse(
                {"error": "not a text message from Rasa's callback channel", "fields": problems},
                status_code=422,
            )
        if _CONTROL.search(message.recipient_id):
            return JSONResponse({"error": "recipient_id has control characters"}, 422)
        try:
            await run_in_threadpool(chat_store.add_bot, message.recipient_id, message.text)
        except StorageUnavailable:
            log.error("chat: a bot message for %s could not be stored", ref(message.recipient_id))
            return JSONResponse({"error": "storage unavailable"}, status_code=503)
        hub.wake()
        return JSONResponse({"ok": True})

    async def health(request: Request) -> Response:
        try:
            await run_in_threadpool(chat_store.check)
        except StorageUnavailable:
            return JSONResponse({"ok": False, "error": "storage unavailable"}, status_code=503)
        return JSONResponse({"ok": True, "streams": hub.clients})

    async def not_found(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("not found", status_code=404)

    async def method_not_allowed(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("method not allowed", status_code=405)

    async def beat() -> None:
        while True:
            await asyncio.sleep(heartbeat)
            open_now = hub.open_conversations()
            if not open_now:
                continue
            try:
                await run_in_threadpool(chat_store.seen, open_now)
            except StorageUnavailable:
                log.error("chat: the heartbeat of %d open pages failed", len(open_now))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["client"] = httpx.AsyncClient(timeout=rasa_timeout)
        await hub.start()
        task = asyncio.create_task(beat(), name="handoff-chat-heartbeat")
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            await hub.stop()
            await state["client"].aclose()

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/send", send, methods=["POST"]),
        Route("/events", events, methods=["GET"]),
        Route("/new", new, methods=["POST"]),
        Route(CALLBACK_PATH, callback, methods=["POST"]),
        Route("/health", health, methods=["GET"]),
        Mount("/static", app=StaticFiles(packages=[("handoff.chat", "static")]), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={404: not_found, 405: method_not_allowed},
    )
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret,
        session_cookie=cookie,
        max_age=session_seconds,
        same_site="lax",
        https_only=secure_cookies,
    )
    app.add_middleware(BodyLimit, webhook_limit=MAX_BODY_BYTES, form_limit=MAX_BODY_BYTES)
    app.add_middleware(SecurityHeaders)
    app.state.hub = hub
    app.state.store = chat_store
    app.state.session_cookie = cookie
    return app
