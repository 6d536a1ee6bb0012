"""The chat server's web app: the page and its session, what the customer may post, what
Rasa's callback may post, and the live stream, each refused when forged, oversized or
flooded. Rasa is not running here (its address is a closed port): the e2e tests
(tests/e2e/test_chat_e2e.py) send to the real one."""

from __future__ import annotations

import base64
import contextlib
import json
import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from handoff.chat import ChatStore, RateLimit
from handoff.chat.app import MAX_BODY_BYTES, MAX_MESSAGE_CHARS
from tests.chat.conftest import CALLBACK_TOKEN, make_app, served

BEARER = {"Authorization": f"Bearer {CALLBACK_TOKEN.decode()}"}


@contextlib.contextmanager
def running(store: ChatStore, **options: Any) -> Iterator[httpx.Client]:
    """The app on a real uvicorn (127.0.0.1), and a browser-like client for it."""
    app = make_app(store, **options)
    with served(app) as url, httpx.Client(base_url=url, timeout=30) as test_client:
        test_client.app = app  # type: ignore[attr-defined]
        test_client.others = []  # type: ignore[attr-defined]
        try:
            yield test_client
        finally:
            for other in test_client.others:  # type: ignore[attr-defined]
                other.close()


def another(client: httpx.Client) -> httpx.Client:
    """Another visitor of the same server (its own cookies), closed with ``client``."""
    other = httpx.Client(base_url=client.base_url, timeout=30)
    client.others.append(other)  # type: ignore[attr-defined]
    return other


@pytest.fixture
def client(chat_store: ChatStore) -> Iterator[httpx.Client]:
    with running(chat_store) as test_client:
        yield test_client


def _open(client: httpx.Client) -> tuple[str, str]:
    """Open the page: (the session cookie's value, the page's CSRF token)."""
    page = client.get("/")
    assert page.status_code == 200
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page.text)
    assert token is not None
    return client.cookies["handoff-chat"], token[1]


def _conversation(client: httpx.Client, store: ChatStore) -> str:
    """The conversation id in the client's session cookie (signed by the server, not
    encrypted: it is the customer's own id; the page itself never shows it)."""
    session = client.cookies["handoff-chat"]
    payload = session.split(".")[0]
    data = json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))
    conversation: str = data["c"]
    return conversation


class TestPage:
    """The page, its session cookie and its security headers."""

    def test_a_new_visitor_gets_a_conversation_in_a_signed_cookie(
        self, client: httpx.Client
    ) -> None:
        page = client.get("/")
        cookie = page.headers["set-cookie"]
        assert cookie.startswith("handoff-chat=")
        assert "httponly" in cookie.lower()
        assert "samesite=lax" in cookie.lower()
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert page.headers["cache-control"] == "no-store"
        assert "<script>" not in page.text  # no inline script
        assert 'src="/static/chat.js' in page.text
        assert "You're chatting with our assistant" in page.text

    def test_the_id_is_random_and_kept(self, client: httpx.Client, chat_store: ChatStore) -> None:
        """Each visitor a new 192-bit id; a reload keeps it."""
        _open(client)
        first = _conversation(client, chat_store)
        client.get("/")
        assert _conversation(client, chat_store) == first
        other = another(client)
        other.get("/")
        assert re.fullmatch(r"web-[A-Za-z0-9_-]{32}", first)
        assert _conversation(other, chat_store) != first

    def test_secure_cookies_are_secure_and_host_only(self, chat_store: ChatStore) -> None:
        with running(chat_store, secure_cookies=True) as client:
            cookie = client.get("/").headers["set-cookie"]
        assert cookie.startswith("__Host-handoff-chat=")
        assert "secure" in cookie.lower()
        assert "path=/" in cookie.lower()
        assert "domain" not in cookie.lower()

    def test_the_history_shows_every_kind_and_who_the_customer_is_with(
        self, client: httpx.Client, chat_store: ChatStore
    ) -> None:
        """A reload shows the lines so far (the customer's too) and the agent who joined."""
        _open(client)
        conversation = _conversation(client, chat_store)
        chat_store.add_bot(conversation, "I'm passing you to an adviser.")
        import sqlalchemy as sa  # noqa: PLC0415

        from handoff.desktop.store import Message  # noqa: PLC0415

        def notice(author: str, text: str, ref: str, at: float) -> None:
            with chat_store.engine.begin() as connection:
                connection.execute(
                    sa.insert(Message).values(
                        conversation_id=conversation, kind="notice", author=author, text=text,
                        ref=ref, at=at,
                    )
                )  # fmt: skip

        now = time.time()
        notice("dana", "dana from our team has joined the chat.", "join:1:1:0", now + 1)
        with chat_store.engine.begin() as connection:
            connection.execute(
                sa.insert(Message).values(
                    conversation_id=conversation, kind="agent", author="dana",
                    text="Hello, <b>I'm Dana</b>", at=now + 2,
                )
            )  # fmt: skip
        page = client.get("/").text
        assert "You're chatting with dana" in page
        assert "dana (agent)" in page
        assert "Hello, &lt;b&gt;I&#39;m Dana&lt;/b&gt;" in page  # escaped, never HTML
        assert "I&#39;m passing you to an adviser." in page
        # A hand-back notice (it names the agent too, but is not a join) ends it.
        notice("dana", "dana handed you back to our assistant.", "hand-back:1:1:0", now + 3)
        assert "You're chatting with our assistant" in client.get("/").text

    def test_health_says_the_database_is_ready(self, client: httpx.Client) -> None:
        assert client.get("/health").json()["ok"] is True


class TestSend:
    """What the page may post: its own session, its CSRF token, JSON, bounded and paced."""

    def test_without_a_session_nothing_is_sent(self, client: httpx.Client) -> None:
        answer = client.post("/send", json={"text": "hi"}, headers={"X-CSRF-Token": "x"})
        assert answer.status_code == 403

    @pytest.mark.parametrize("token", [None, "", "wrong-token"])
    def test_a_missing_or_wrong_csrf_token_is_refused(
        self, client: httpx.Client, token: str | None
    ) -> None:
        _open(client)
        headers = {} if token is None else {"X-CSRF-Token": token}
        answer = client.post("/send", json={"text": "hi"}, headers=headers)
        assert answer.status_code == 403
        assert "security token" in answer.json()["error"]

    def test_another_pages_token_is_refused(self, client: httpx.Client) -> None:
        """A CSRF token is the session's own: another visitor's does not work."""
        other = another(client)
        _, foreign = _open(other)
        _open(client)
        answer = client.post("/send", json={"text": "hi"}, headers={"X-CSRF-Token": foreign})
        assert answer.status_code == 403

    @pytest.mark.parametrize(
        ("body", "content_type", "status"),
        [
            (b"text=hi", "application/x-www-form-urlencoded", 415),
            (b"{not json", "application/json", 400),
            (b'{"text": 5}', "application/json", 400),
            (b'{"text": "hi", "tier": "premium"}', "application/json", 400),
            (b'{"text": "   "}', "application/json", 422),
            (json.dumps({"text": "x" * (MAX_MESSAGE_CHARS + 1)}).encode(), "application/json", 422),
        ],
    )
    def test_bad_bodies_get_a_clear_4xx(
        self, client: httpx.Client, body: bytes, content_type: str, status: int
    ) -> None:
        _, csrf = _open(client)
        answer = client.post(
            "/send", content=body, headers={"X-CSRF-Token": csrf, "Content-Type": content_type}
        )
        assert answer.status_code == status
        assert answer.json()["error"]

    def test_a_huge_body_is_refused_before_it_is_read(self, client: httpx.Client) -> None:
        _, csrf = _open(client)
        body = b'{"text": "' + b"x" * (MAX_BODY_BYTES + 10) + b'"}'
        answer = client.post(
            "/send",
            content=body,
            headers={"X-CSRF-Token": csrf, "Content-Type": "application/json"},
        )
        assert answer.status_code == 413

    def test_rasa_down_is_a_503_and_the_text_is_not_lost(self, client: httpx.Client) -> None:
        """The page keeps the text to send again; the customer's presence is still noted."""
        _, csrf = _open(client)
        answer = client.post("/send", json={"text": "hi"}, headers={"X-CSRF-Token": csrf})
        assert answer.status_code == 503
        assert "not sent" in answer.json()["error"]

    def test_a_flood_is_cut_at_the_limit(self, chat_store: ChatStore) -> None:
        """Per conversation: after the limit, 429 with Retry-After, and Rasa is not called."""
        with running(chat_store, per_conversation=RateLimit(3, 60)) as client:
            _, csrf = _open(client)
            codes = [
                client.post("/send", json={"text": f"m{n}"}, headers={"X-CSRF-Token": csrf})
                for n in range(6)
            ]
        assert [answer.status_code for answer in codes] == [503, 503, 503, 429, 429, 429]
        assert int(codes[-1].headers["Retry-After"]) >= 1

    def test_new_sessions_do_not_escape_the_address_limit(self, chat_store: ChatStore) -> None:
        """Dropping the cookie for a new conversation each time meets the per-address limit."""
        codes = []
        with running(chat_store, per_address=RateLimit(4, 60)) as client:
            for n in range(6):
                client.cookies.clear()
                _, csrf = _open(client)
                codes.append(
                    client.post(
                        "/send", json={"text": f"m{n}"}, headers={"X-CSRF-Token": csrf}
                    ).status_code
                )
        assert codes == [503, 503, 503, 503, 429, 429]

    def test_a_new_conversation_needs_the_csrf_token(
        self, client: httpx.Client, chat_store: ChatStore
    ) -> None:
        _, csrf = _open(client)
        before = _conversation(client, chat_store)
        assert client.post("/new", data={"csrf_token": "wrong"}).status_code == 403
        assert _conversation(client, chat_store) == before
        answer = client.post("/new", data={"csrf_token": csrf}, follow_redirects=False)
        assert answer.status_code == 303
        client.get("/")
        assert _conversation(client, chat_store) != before


class TestCallback:
    """What Rasa's callback channel may post: with the bearer token, a text message."""

    @pytest.mark.parametrize(
        "headers",
        [
            {},
            {"Authorization": "Bearer wrong"},
            {"Authorization": f"Basic {CALLBACK_TOKEN.decode()}"},
            {"Authorization": "Bearer"},
            {"Authorization": f"Bearer {CALLBACK_TOKEN.decode()}x"},
        ],
    )
    def test_a_forged_callback_is_refused_and_stores_nothing(
        self, client: httpx.Client, chat_store: ChatStore, headers: dict[str, str]
    ) -> None:
        answer = client.post(
            "/rasa/callback", json={"recipient_id": "web-a", "text": "forged"}, headers=headers
        )
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == "Bearer"
        assert chat_store.history("web-a") == []

    def test_rasas_message_is_stored_as_a_bot_line(
        self, client: httpx.Client, chat_store: ChatStore
    ) -> None:
        answer = client.post(
            "/rasa/callback",
            json={"recipient_id": "web-a", "text": "Hi! How can I help?", "buttons": []},
            headers=BEARER,
        )
        assert answer.status_code == 200
        [line] = chat_store.history("web-a")
        assert (line.kind, line.text, line.author) == ("bot", "Hi! How can I help?", None)

    def test_a_rotated_token_list_is_asked_on_every_post(self, chat_store: ChatStore) -> None:
        """Tokens come from a callable (a rotated _FILE applies at once): old and new work."""
        tokens = [CALLBACK_TOKEN]
        with running(chat_store, callback_tokens=lambda: tuple(tokens)) as client:
            tokens.append(b"the-new-token")
            for token in ("the-new-token", CALLBACK_TOKEN.decode()):
                answer = client.post(
                    "/rasa/callback",
                    json={"recipient_id": "web-a", "text": token},
                    headers={"Authorization": f"Bearer {token}"},
                )
                assert answer.status_code == 200

    @pytest.mark.parametrize(
        "body",
        [
            b"{not json",
            b"[]",
            b'{"text": "no recipient"}',
            b'{"recipient_id": "web-a"}',
            b'{"recipient_id": "web-a", "text": 5}',
            b'{"recipient_id": "", "text": "empty id"}',
            b'{"recipient_id": "web-a\\u0000b", "text": "control"}',
            json.dumps({"recipient_id": "x" * 300, "text": "long id"}).encode(),
            b'{"recipient_id": "web-a", "text": "x", "custom": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        ],
    )
    def test_malformed_posts_get_422_and_store_nothing(
        self, client: httpx.Client, chat_store: ChatStore, body: bytes
    ) -> None:
        answer = client.post(
            "/rasa/callback",
            content=body,
            headers={**BEARER, "Content-Type": "application/json"},
        )
        assert answer.status_code == 422
        assert chat_store.feed(0) == []

    def test_a_huge_post_is_refused(self, client: httpx.Client, chat_store: ChatStore) -> None:
        body = json.dumps({"recipient_id": "web-a", "text": "x" * (MAX_BODY_BYTES + 1)})
        answer = client.post(
            "/rasa/callback",
            content=body,
            headers={**BEARER, "Content-Type": "application/json"},
        )
        assert answer.status_code == 413
        assert chat_store.feed(0) == []


class TestIsolation:
    """A customer reaches their own conversation and no other."""

    def test_a_forged_cookie_starts_a_new_conversation(
        self, client: httpx.Client, chat_store: ChatStore
    ) -> None:
        """A cookie naming someone else's id, not signed with the server's secret, is
        ignored: the visitor gets a fresh conversation, never the victim's lines."""
        victim = another(client)
        _open(victim)
        target = _conversation(victim, chat_store)
        chat_store.add_bot(target, "the victim's secret line")
        payload = base64.b64encode(json.dumps({"c": target, "t": "x"}).encode()).decode()
        client.cookies.set("handoff-chat", f"{payload}.forged.signature", domain="127.0.0.1")
        page = client.get("/")
        assert "the victim's secret line" not in page.text
        assert _conversation(client, chat_store) != target

    def test_no_route_takes_a_conversation_id(self, client: httpx.Client) -> None:
        """Ids are never in URLs: /events and /send use the session's id only."""
        _open(client)
        for path in ("/c/web-a", "/conversations/web-a", "/events/web-a", "/history/web-a"):
            assert client.get(path).status_code == 404


def _read_events(url: str, cookies: dict[str, str], seen: list[dict[str, Any]],
                 stop: threading.Event, headers: dict[str, str] | None = None) -> None:  # fmt: skip
    with (
        httpx.Client(base_url=url, cookies=cookies) as client,
        client.stream(
            "GET", "/events?after=0", headers=headers or {}, timeout=httpx.Timeout(10, read=None)
        ) as response,  # fmt: skip
    ):
        event = ""
        try:
            for raw in response.iter_lines():
                if stop.is_set():
                    return
                if raw.startswith("event:"):
                    event = raw.split(":", 1)[1].strip()
                elif raw.startswith("id:"):
                    seen.append({"id": raw.split(":", 1)[1].strip()})
                elif raw.startswith("data:") and event == "line":
                    seen[-1].update(json.loads(raw.split(":", 1)[1]))
        except httpx.HTTPError:
            return


def _wait(predicate: Any, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


class TestStream:
    """The page's event stream, served by uvicorn, read as EventSource reads it."""

    def test_lines_of_this_conversation_arrive_others_do_not(self, chat_store: ChatStore) -> None:
        import sqlalchemy as sa  # noqa: PLC0415

        from handoff.desktop.store import Message  # noqa: PLC0415

        app = make_app(chat_store, heartbeat=0.2)
        with served(app) as url:
            mine, theirs = httpx.Client(base_url=url), httpx.Client(base_url=url)
            mine.get("/")
            theirs.get("/")
            me = _conversation(mine, chat_store)
            got: list[dict[str, Any]] = []
            leaked: list[dict[str, Any]] = []
            stop = threading.Event()
            threads = [
                threading.Thread(
                    target=_read_events, args=(url, dict(c.cookies), out, stop), daemon=True
                )
                for c, out in ((mine, got), (theirs, leaked))
            ]
            for thread in threads:
                thread.start()
            _wait(lambda: app.state.hub.clients == 2)
            answer = httpx.post(
                f"{url}/rasa/callback", json={"recipient_id": me, "text": "for me"},
                headers=BEARER,
            )  # fmt: skip
            assert answer.status_code == 200
            with chat_store.engine.begin() as connection:
                connection.execute(
                    sa.insert(Message).values(
                        conversation_id=me, kind="customer", text="not streamed", at=1.0
                    )
                )
                connection.execute(
                    sa.insert(Message).values(
                        conversation_id=me, kind="notice", author="dana", text="Dana joined",
                        ref="join:1:1:2.0", at=2.0,
                    )
                )  # fmt: skip
            _wait(lambda: len(got) >= 2 and "text" in got[-1])
            assert [(line["kind"], line["text"]) for line in got] == [
                ("bot", "for me"),
                ("notice", "Dana joined"),
            ]
            assert (got[1]["author"], got[1]["joins"], got[0]["joins"]) == ("dana", True, False)
            assert [int(line["id"]) for line in got] == [line["seq"] for line in got]
            # The heartbeat: both open pages are seen every 0.2 s while their streams are open.
            _wait(lambda: chat_store.last_seen(me) is not None)
            first = chat_store.last_seen(me)
            _wait(lambda: (chat_store.last_seen(me) or 0) > (first or 0))
            # A reconnect with Last-Event-ID gets what came after it only.
            again: list[dict[str, Any]] = []
            thread = threading.Thread(
                target=_read_events,
                args=(url, dict(mine.cookies), again, stop, {"Last-Event-ID": got[0]["id"]}),
                daemon=True,
            )
            thread.start()
            _wait(lambda: len(again) >= 1 and "text" in again[-1])
            assert [line["text"] for line in again] == ["Dana joined"]
            stop.set()
            assert leaked == []
            mine.close()
            theirs.close()

    def test_too_many_tabs_of_one_conversation_are_refused(self, chat_store: ChatStore) -> None:
        app = make_app(chat_store, streams_per_conversation=1)
        with served(app) as url, httpx.Client(base_url=url) as client:
            client.get("/")
            stop = threading.Event()
            threading.Thread(
                target=_read_events, args=(url, dict(client.cookies), [], stop), daemon=True
            ).start()
            _wait(lambda: app.state.hub.clients == 1)
            assert client.get("/events").status_code == 429
            stop.set()

    def test_no_session_no_stream(self, chat_store: ChatStore) -> None:
        with running(chat_store) as client:
            assert client.get("/events").status_code == 403
