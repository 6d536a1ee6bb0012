"""run_local.sh's helper, in the handoff venv (.venv): wait for a server, create the desktop's
logins, or check the stack.

    local_stack.py wait NAME URL PID LOG SECONDS
        until URL answers 200; exits 1 with the end of LOG if process PID exits or time runs out
    local_stack.py agent DB_URL USERNAME
        adds an agent who works every lane of the desktop at DB_URL, created by the admin
        ``admin``; passwords from HANDOFF_DESKTOP_ADMIN_PASSWORD (the admin's) and
        HANDOFF_LOCAL_AGENT_PASSWORD (the new agent's), never from the command line
    local_stack.py check RASA_URL DESKTOP_URL CHAT_URL RULES LOG...
        as a customer on the chat page, sends one message that must reach a person and checks,
        for real, that the page showed the lane's message; that the conversation is in the
        agent desktop, in that lane, once, as the agent sees it over HTTP (logged in as
        ``agent`` with HANDOFF_LOCAL_AGENT_PASSWORD); that once the agent claimed it, the
        customer's next message reaches the agent's card (the relay) while the bot stays
        silent, and the agent's reply reaches the customer's page; that the agent can hand it
        back, after which the bot answers again; and that the logs hold neither the
        customer's messages nor their id, nor any of the known start-up problems; prints a
        short summary
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TypeVar

import httpx

from handoff import Router

T = TypeVar("T")

MESSAGE = "I want to talk to a human"
AFTER_HAND_BACK = "thanks, that is all"
# What the customer says to the agent, and the agent's reply, in the relay round trip.
RELAY_IN = "is anyone there yet"
REPLY = "Hello, I am looking at your account now."
ADMIN = "admin"
AGENT = "agent"
AGENT_PASSWORD_ENV = "HANDOFF_LOCAL_AGENT_PASSWORD"
ADMIN_PASSWORD_ENV = "HANDOFF_DESKTOP_ADMIN_PASSWORD"
# Lines that must never appear in the stack's logs: each was a problem a newcomer saw.
BAD_LINES = {
    "might not be compatible": "a rasa / rasa-sdk version-compatibility warning",
    "Failed to read endpoint configuration": "Rasa could not read endpoints.yml",
    "Error when trying to expand the environment variables": "an unset ${VAR} in endpoints.yml",
    "Traceback (most recent call last)": "a Python traceback",
}


def tail(log: str, lines: int = 25) -> str:
    text = Path(log).read_text(errors="replace") if Path(log).exists() else ""
    return "".join(text.splitlines(keepends=True)[-lines:])


def wait(name: str, url: str, pid: str, log: str, seconds: str) -> int:
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            print(f"{name} exited while starting; the end of {log}:\n{tail(log)}", file=sys.stderr)
            return 1
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return 0
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    print(f"{name} did not answer {url} within {seconds} s; the end of {log}:\n{tail(log)}",
          file=sys.stderr)  # fmt: skip
    return 1


def agent(db: str, username: str) -> int:
    """The admin (``handoff desktop create-admin`` made it) adds an agent in every lane, so
    the person running the stack can claim and hand back whatever arrives."""
    from handoff.desktop import Desktop  # noqa: PLC0415  (only this command needs it)

    with Desktop(db) as desk:
        admin = desk.authenticate(ADMIN, os.environ[ADMIN_PASSWORD_ENV])
        if admin is None:
            print(f"the desktop's admin {ADMIN!r} could not log in", file=sys.stderr)
            return 1
        lanes = [lane.id for lane in desk.lanes()]
        desk.create_user(admin, username, os.environ[AGENT_PASSWORD_ENV], "agent", lanes)
    return 0


@dataclass
class Row:
    """One conversation in the desktop's queue page, as the browser gets it."""

    pk: str
    lane: str
    status: str
    label: str = ""


class QueuePage(HTMLParser):
    """The queue rows of ``GET /``: their data attributes and the conversation's label."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self._in_label = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "tr" and found.get("data-testid") == "queue-row":
            self.rows.append(Row(found["data-pk"], found["data-lane"], found["data-status"]))
        elif tag == "a" and found.get("data-testid") == "open-conversation" and self.rows:
            self._in_label = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_label = False

    def handle_data(self, data: str) -> None:
        if self._in_label:
            self.rows[-1].label += data.strip()


def log_in(desktop: httpx.Client, username: str, password: str) -> None:
    form = desktop.get("/login")
    form.raise_for_status()
    found = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    if found is None:
        raise RuntimeError("the desktop's login page has no csrf_token field")
    answer = desktop.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": found[1]},
    )
    if answer.status_code != 303:
        raise RuntimeError(f"logging in to the desktop as {username!r} got {answer.status_code}")


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if found is None:
        raise RuntimeError("the desktop's card has no csrf_token field")
    return found[1]


def action_error(page: httpx.Response) -> str:
    found = re.search(r'data-testid="action-error">([^<]*)<', page.text)
    return f"{page.status_code}: {found[1] if found else page.text[:200]}"


class Customer:
    """The customer on the chat page (``handoff chat serve``), as far as HTTP goes: the
    page's session cookie and CSRF token, what it posts, and the lines the page shows."""

    LINE = re.compile(
        r'<li class="line line-(\w+)"[^>]*>.*?<p class="text">(.*?)</p>', re.S
    )

    def __init__(self, chat_url: str) -> None:
        self.client = httpx.Client(base_url=chat_url, timeout=60)
        page = self.client.get("/")
        page.raise_for_status()
        found = re.search(r'<meta name="csrf-token" content="([^"]+)"', page.text)
        if found is None:
            raise RuntimeError("the chat page has no CSRF token")
        self.csrf = found[1]
        # The conversation id is in the signed (not encrypted) session cookie: the
        # customer's own id, which the desktop shows the agent.
        value = self.client.cookies["handoff-chat"].split(".")[0]
        self.sender: str = json.loads(base64.b64decode(value + "=" * (-len(value) % 4)))["c"]

    def say(self, text: str) -> None:
        answer = self.client.post(
            "/send", json={"text": text}, headers={"X-CSRF-Token": self.csrf}
        )
        if answer.status_code != 200:
            raise RuntimeError(f"the chat page refused a message ({answer.status_code})")

    def lines(self) -> list[tuple[str, str]]:
        """(kind, text) of every line the page shows after a reload."""
        page = self.client.get("/")
        page.raise_for_status()
        return [(kind, html.unescape(text)) for kind, text in self.LINE.findall(page.text)]

    def bot_lines(self) -> list[str]:
        return [text for kind, text in self.lines() if kind == "bot"]


def until(what: str, probe: Callable[[], T | None], seconds: float = 15) -> T:
    deadline = time.monotonic() + seconds
    while True:
        found = probe()
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.05)


def check(rasa: str, desktop_url: str, chat_url: str, rules: str, *logs: str) -> int:
    lanes = Router.from_path(rules).ruleset.lanes
    customer = Customer(chat_url)
    sender = customer.sender
    customer.say(MESSAGE)
    texts = customer.bot_lines()  # Rasa's callback channel posted them before /send answered
    problems: list[str] = []
    rows: list[Row] = []
    lane = None
    after: list[str] = []
    relayed = ""
    with httpx.Client(base_url=desktop_url, timeout=30) as desktop:
        log_in(desktop, AGENT, os.environ[AGENT_PASSWORD_ENV])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # delivery is asynchronous: the outbox sends it
            page = desktop.get("/")
            page.raise_for_status()
            parser = QueuePage()
            parser.feed(page.text)
            rows = [row for row in parser.rows if row.label == sender]
            if rows:
                break
            time.sleep(0.3)
        if len(rows) != 1:
            problems.append(f"the desktop has {len(rows)} conversations for the customer, not 1")
        else:
            row = rows[0]
            lane = row.lane
            card = desktop.get(f"/c/{row.pk}")
            if lane not in lanes or lanes[lane].kind == "bot":
                problems.append(f"the conversation waits in {lane!r}, not a person's lane")
            elif lanes[lane].message not in texts:
                problems.append(
                    f"the chat page did not show lane {lane!r}'s message; it showed {texts}"
                )
            elif row.status != "waiting":
                problems.append(f"the conversation is {row.status!r} in the desktop, not waiting")
            elif card.status_code != 200 or f'data-testid="lane">{lane}' not in card.text:
                problems.append(
                    f"the conversation's card (/c/{row.pk}) does not show lane {lane!r}"
                )
            else:
                claimed = desktop.post(
                    f"/c/{row.pk}/claim", data={"csrf_token": csrf_of(card.text)}
                )
                back = None
                if claimed.status_code != 303:
                    problems.append(f"claiming it in the desktop failed ({action_error(claimed)})")
                else:
                    relayed = relay_round_trip(customer, desktop, row.pk, problems)
                if not problems:
                    card = desktop.get(f"/c/{row.pk}")
                    back = desktop.post(f"/c/{row.pk}/hand-back", data={
                        "csrf_token": csrf_of(card.text), "note": "checked by run_local.sh"})  # fmt: skip
                if back is not None and back.status_code != 303:
                    problems.append(
                        f"handing it back from the desktop failed ({action_error(back)})"
                    )
                elif back is not None:
                    before = len(customer.bot_lines())
                    customer.say(AFTER_HAND_BACK)
                    after = customer.bot_lines()[before:]
                    if not any(after):
                        problems.append("after the hand-back the bot still does not answer")
    for log in logs:
        text = Path(log).read_text(errors="replace")
        for line, what in BAD_LINES.items():
            if line in text:
                problems.append(f"{log} has {what}: {line!r}")
        # PII never reaches a log: not the customer's words, not their id.
        for secret, what in (
            (MESSAGE, "the customer's message"),
            (RELAY_IN, "the customer's message"),
            (REPLY, "the agent's reply"),
            (sender, "the customer's id"),
        ):
            if secret in text:
                problems.append(f"{log} has {what}")
    customer.client.close()
    if problems:
        print("check FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print(f'check passed: "{MESSAGE}" on the chat page; {relayed}')
    print(f"  bot answered: {texts[-1][:100]}{'...' if len(texts[-1]) > 100 else ''}")
    print(f"  desktop: 1 conversation waiting in lane {lane}; agent claimed it, handed it back")
    print(f"  bot answered again: {after[0][:80]}{'...' if len(after[0]) > 80 else ''}")
    return 0


def relay_round_trip(
    customer: Customer, desktop: httpx.Client, pk: str, problems: list[str]
) -> str:
    """While the agent holds it: the customer's message reaches the card (the relay), the
    bot stays silent, the agent's reply reaches the customer's page. Says how long each took."""
    bots = len(customer.bot_lines())
    started = time.monotonic()
    customer.say(RELAY_IN)
    try:
        until("the customer's line on the card",
              lambda: True if RELAY_IN in desktop.get(f"/c/{pk}/lines").text else None)  # fmt: skip
        to_agent = time.monotonic() - started
    except TimeoutError:
        problems.append("the customer's message did not reach the agent's card")
        return ""
    if len(customer.bot_lines()) != bots:
        problems.append("the bot answered although a person holds the conversation")
        return ""
    card = desktop.get(f"/c/{pk}")
    started = time.monotonic()
    answer = desktop.post(f"/c/{pk}/reply", data={"csrf_token": csrf_of(card.text),
                                                  "text": REPLY})  # fmt: skip
    if answer.status_code != 303:
        problems.append(f"the agent's reply failed ({action_error(answer)})")
        return ""
    try:
        until("the agent's reply on the chat page",
              lambda: True if ("agent", REPLY) in customer.lines() else None)  # fmt: skip
    except TimeoutError:
        problems.append("the agent's reply did not reach the customer's chat page")
        return ""
    to_customer = time.monotonic() - started
    return (
        f"relayed both ways: customer -> agent {to_agent * 1000:.0f} ms, "
        f"agent -> customer {to_customer * 1000:.0f} ms"
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["wait"] and len(argv) == 6:
        return wait(*argv[1:])
    if argv[:1] == ["agent"] and len(argv) == 3:
        return agent(*argv[1:])
    if argv[:1] == ["check"] and len(argv) >= 5:
        return check(*argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
