"""run_local.sh's helper, in the handoff venv (.venv): wait for a server, or check the stack.

    local_stack.py wait NAME URL PID LOG SECONDS
        until URL answers 200; exits 1 with the end of LOG if process PID exits or time runs out
    local_stack.py check RASA_URL RECEIVER_URL TOKEN RULES LOG...
        sends one message that must reach a person and checks, for real, that the bot answered
        with the lane's message, that the receiver stored the signed payload, and that the
        logs hold none of the known start-up problems; prints a short summary
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from pathlib import Path

import httpx

from handoff import Router

MESSAGE = "I want to talk to a human"
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


def check(rasa: str, receiver: str, token: str, rules: str, *logs: str) -> int:
    lanes = Router.from_path(rules).ruleset.lanes
    sender = f"run-local-check-{uuid.uuid4().hex[:8]}"
    reply = httpx.post(f"{rasa}/webhooks/rest/webhook", json={"sender": sender, "message": MESSAGE},
                       timeout=60)  # fmt: skip
    reply.raise_for_status()
    texts = [m.get("text", "") for m in reply.json()]
    problems: list[str] = []
    stored: list[dict[str, object]] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # delivery is asynchronous: the outbox sends it
        listing = httpx.get(f"{receiver}/payloads", headers={"Authorization": f"Bearer {token}"},
                            timeout=10)  # fmt: skip
        listing.raise_for_status()
        stored = [p for p in listing.json() if p["payload"]["conversation_id"] == sender]
        if stored:
            break
        time.sleep(0.3)
    lane = None
    if len(stored) != 1:
        problems.append(f"the receiver stored {len(stored)} payloads for the conversation, not 1")
    else:
        routing = stored[0]["payload"]["routing"]  # type: ignore[index]
        lane = routing["lane"]
        if lanes[lane].kind == "bot":
            problems.append(f"the payload routes to the bot lane {lane!r}")
        elif lanes[lane].message not in texts:
            problems.append(f"the bot did not answer with lane {lane!r}'s message; it said {texts}")
    for log in logs:
        text = Path(log).read_text(errors="replace")
        for line, what in BAD_LINES.items():
            if line in text:
                problems.append(f"{log} has {what}: {line!r}")
    if problems:
        print("check FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print(f'check passed: "{MESSAGE}"')
    print(f"  bot answered: {texts[0][:100]}{'...' if len(texts[0]) > 100 else ''}")
    why = stored[0]["payload"]["why"]["summary"]  # type: ignore[index]
    print(f"  receiver stored 1 signed payload: lane {lane}, why: {why}")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["wait"] and len(argv) == 6:
        return wait(*argv[1:])
    if argv[:1] == ["check"] and len(argv) >= 5:
        return check(*argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
