"""The web layer's security lines over real HTTP: cookie flags, security headers on every
kind of response, login failures that tell nothing and are throttled, bounded forms, no
open redirect, no inline script anywhere (the CSP forbids it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources

import httpx
import pytest

from handoff.desktop import Desktop
from handoff.desktop.app import CSP, LoginThrottle, create_app
from tests.desktop._web import SECRET, Browser, app_for, csrf_of, serve
from tests.desktop.conftest import PASSWORD, People


@pytest.fixture
def url(desk: Desktop) -> Iterator[str]:
    People(desk)
    with serve(app_for(desk, throttle=LoginThrottle(per_user=3, per_address=100))) as base:
        yield base


@pytest.fixture
def browser(url: str) -> Iterator[Browser]:
    b = Browser(url)
    try:
        yield b
    finally:
        b.close()


def login(client: httpx.Client, username: str, password: str) -> httpx.Response:
    page = client.get("/login")
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": csrf_of(page.text)},
    )


class TestCookies:
    def test_secure_session_cookie_by_default(self, desk: Desktop) -> None:
        """Without the demo switch: __Host- prefix, Secure, HttpOnly, SameSite=Lax."""
        People(desk)
        with (
            serve(create_app(desk, webhook_secret=SECRET)) as base,
            httpx.Client(base_url=base, timeout=10) as client,
        ):
            page = client.get("/login")
            login_cookie = page.headers["set-cookie"]
            assert login_cookie.startswith("__Host-handoff-login=")
            assert "Secure" in login_cookie
            # httpx does not send a Secure cookie over http: give it back as a browser on
            # https would.
            token = re.search(r"__Host-handoff-login=([^;]+)", login_cookie)
            assert token is not None
            answer = client.post(
                "/login",
                data={"username": "alice", "password": PASSWORD, "csrf_token": token[1]},
                headers={"Cookie": f"__Host-handoff-login={token[1]}"},
            )
        assert answer.status_code == 303
        session = next(
            value
            for name, value in answer.headers.multi_items()
            if name == "set-cookie" and value.startswith("__Host-handoff-session=")
        )
        flags = {part.strip().lower() for part in session.split(";")[1:]}
        assert {"httponly", "secure", "samesite=lax", "path=/"} <= flags
        assert not any(flag.startswith("domain") for flag in flags)

    def test_demo_cookies_drop_secure_only(self, browser: Browser) -> None:
        answer = browser.login("alice")
        cookie = next(
            value
            for name, value in answer.headers.multi_items()
            if name == "set-cookie" and value.startswith("handoff-session=")
        )
        flags = {part.strip().lower() for part in cookie.split(";")[1:]}
        assert {"httponly", "samesite=lax"} <= flags
        assert "secure" not in flags


class TestHeaders:
    @pytest.mark.parametrize(
        ("method", "path"),
        [
            ("GET", "/login"),
            ("GET", "/"),
            ("GET", "/c/1"),
            ("GET", "/nowhere"),
            ("GET", "/health"),
            ("POST", "/webhook/payloads"),
            ("POST", "/c/1/claim"),
            ("GET", "/static/live.js"),
        ],
    )
    def test_every_response_carries_them(self, browser: Browser, method: str, path: str) -> None:
        browser.login("alice")
        answer = browser.client.request(method, path)
        assert answer.headers["content-security-policy"] == CSP
        assert "default-src 'self'" in CSP
        assert "script-src 'self'" in CSP
        assert "unsafe-inline" not in CSP
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["x-content-type-options"] == "nosniff"
        expected = "public, max-age=3600" if path.startswith("/static/") else "no-store"
        assert answer.headers["cache-control"] == expected

    def test_the_event_stream_is_not_cached(self, browser: Browser, url: str) -> None:
        browser.login("alice")
        with browser.client.stream("GET", "/events") as answer:
            assert answer.status_code == 200
            assert answer.headers["cache-control"] == "no-store"
            assert answer.headers["content-type"].startswith("text/event-stream")

    def test_no_template_has_inline_script_or_style(self) -> None:
        """The CSP would block them; none may exist (event handlers neither)."""
        folder = resources.files("handoff.desktop") / "templates"
        for template in folder.iterdir():
            text = template.read_text(encoding="utf-8")
            for script in re.findall(r"<script\b[^>]*>", text):
                assert "src=" in script, f"{template.name}: inline <script>"
            assert "<style" not in text, template.name
            assert not re.search(r"\son[a-z]+\s*=", text), f"{template.name}: inline handler"
            assert not re.search(r"\sstyle\s*=", text), f"{template.name}: inline style"


class TestLogin:
    def test_wrong_password_and_unknown_user_look_the_same(self, url: str) -> None:
        with (
            httpx.Client(base_url=url, timeout=10) as one,
            httpx.Client(base_url=url, timeout=10) as two,
        ):
            wrong = login(one, "alice", "not the password")
            unknown = login(two, "nobody-here", "not the password")
        assert wrong.status_code == unknown.status_code == 401

        def text(answer: httpx.Response) -> str:
            body = re.sub(r'value="[^"]*"', 'value=""', answer.text)
            return body.replace("alice", "X").replace("nobody-here", "X")

        assert text(wrong) == text(unknown)
        assert "Wrong username or password." in wrong.text

    def test_failures_are_throttled_per_username(self, url: str) -> None:
        with httpx.Client(base_url=url, timeout=10) as client:
            for _ in range(3):
                assert login(client, "alice", "guess").status_code == 401
            blocked = login(client, "alice", PASSWORD)  # even the right password now
            assert blocked.status_code == 429
            assert int(blocked.headers["retry-after"]) > 0
            assert "Too many failed logins" in blocked.text
            # Another user is not locked out by alice's attacker.
            assert login(client, "bob", PASSWORD).status_code == 303

    def test_unknown_usernames_are_throttled_too(self, url: str) -> None:
        with httpx.Client(base_url=url, timeout=10) as client:
            for _ in range(3):
                assert login(client, "ghost", "guess").status_code == 401
            assert login(client, "ghost", "guess").status_code == 429

    @pytest.mark.parametrize(
        "target",
        ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"],
    )
    def test_no_open_redirect_after_login(self, url: str, target: str) -> None:
        with httpx.Client(base_url=url, timeout=10) as client:
            page = client.get("/login", params={"next": target})
            answer = client.post(
                "/login",
                data={
                    "username": "alice",
                    "password": PASSWORD,
                    "csrf_token": csrf_of(page.text),
                    "next": target,
                },
            )
        assert answer.status_code == 303
        assert answer.headers["location"] == "/"

    def test_a_local_next_is_followed(self, url: str) -> None:
        with httpx.Client(base_url=url, timeout=10) as client:
            first = client.get("/audit")
            assert first.status_code == 303
            assert first.headers["location"] == "/login?next=%2Faudit"
            page = client.get(first.headers["location"])
            answer = client.post(
                "/login",
                data={
                    "username": "alice",
                    "password": PASSWORD,
                    "csrf_token": csrf_of(page.text),
                    "next": "/audit",
                },
            )
        assert answer.headers["location"] == "/audit"


class TestBounded:
    def test_a_huge_form_is_413(self, browser: Browser) -> None:
        browser.login("alice")
        answer = browser.post("/c/1/transfer", lane="x", note="n" * (65 * 1024))
        assert answer.status_code == 413

    def test_a_file_upload_is_refused(self, browser: Browser) -> None:
        browser.login("alice")
        answer = browser.client.post(
            "/c/1/claim",
            data={"csrf_token": browser.csrf},
            files={"note": ("a.txt", b"hello", "text/plain")},
        )
        assert answer.status_code == 400

    def test_a_huge_login_form_is_413(self, url: str) -> None:
        with httpx.Client(base_url=url, timeout=10) as client:
            answer = client.post("/login", data={"username": "a", "password": "p" * 70_000})
        assert answer.status_code == 413
