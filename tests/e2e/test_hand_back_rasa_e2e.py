"""hand_back and override against a real Rasa 3.6.21 HTTP API with --jwt-secret and
--auth-token: what the loopback fake in tests/security assumes about Rasa, checked on Rasa.

Rasa routes ``/conversations/<conversation_id:path>`` without unquoting, checks a JWT's
``user.role``/``user.username`` against that raw id, and takes ``?token=``.
"""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from rasa_sdk import Tracker

from handoff import Router
from handoff.adapters.rasa import (
    SLOT_AGENT_NOTE,
    SLOT_STATE,
    _rasa_jwt,
    hand_back,
    override,
    route_tracker,
)
from tests.conftest import RULES, always_open_rules, free_port, stop, wait_for
from tests.e2e.conftest import NO_CHAT, RASA_PROJECT, WORK

pytestmark = pytest.mark.e2e
JWT_SECRET = "e2e-rasa-jwt-secret-at-least-32-bytes-long"
TOKEN = "e2e-rasa-auth-token-never-logged"
STATE_SECRET = b"e2e-action-server-state-secret"


@dataclass
class Api:
    url: str

    def admin(self) -> dict[str, str]:
        claims = {"user": {"username": "ops", "role": "admin"}}
        return {"Authorization": "Bearer " + jwt.encode(claims, JWT_SECRET, algorithm="HS256")}

    def tracker(self, raw_id: str) -> dict[str, Any]:
        response = httpx.get(
            f"{self.url}/conversations/{raw_id}/tracker", headers=self.admin(), timeout=30
        )
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("rasa-api")


@pytest.fixture(scope="module")
def rasa_api(rasa_bin: Path, rasa_model: Path, work: Path) -> Iterator[Api]:
    """Rasa with its HTTP API, JWT and token auth, and no action server (not needed here)."""
    port = free_port()
    endpoints = work / "endpoints.yml"
    endpoints.write_text("{}\n")
    log_path = work / "rasa-api.log"
    env = os.environ | {"RASA_TELEMETRY_ENABLED": "false",
                        "RASA_CACHE_DIRECTORY": str(WORK / "rasa-cache")} | NO_CHAT  # fmt: skip
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(rasa_bin), "run", "--enable-api", "-m", str(rasa_model), "--port", str(port),
             "--endpoints", str(endpoints), "--credentials", "credentials.yml",
             "--jwt-secret", JWT_SECRET, "--auth-token", TOKEN],
            cwd=RASA_PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            wait_for(f"http://127.0.0.1:{port}/", 240, log_path, process)
            yield Api(f"http://127.0.0.1:{port}")
        finally:
            stop(process, timeout=20)


@pytest.fixture(scope="module")
def router(work: Path) -> Router:
    return Router.from_path(always_open_rules(RULES / "default.yaml", work / "rules.yaml"))


def test_rasa_does_not_unquote_conversation_ids(rasa_api: Api) -> None:
    """The reason ids are escaped only where they must be: Rasa 3.6 keeps '%20' as is."""
    assert rasa_api.tracker("a%20b")["sender_id"] == "a%20b"
    assert rasa_api.tracker("whatsapp:+447700900123")["sender_id"] == "whatsapp:+447700900123"


def test_hand_back_with_a_scoped_jwt(rasa_api: Api, router: Router) -> None:
    """The recommended way: a 60-second JWT for this conversation; the note arrives
    redacted and the state signed, and the action trusts it."""
    sender = "whatsapp:+447700900123"
    note = "Refunded to card 4111 1111 1111 1111; mail alice.smith@example.com"
    hand_back(rasa_api.url, sender, note, jwt_secret=JWT_SECRET, state_secret=STATE_SECRET)
    data = rasa_api.tracker(sender)
    assert "4111" not in data["slots"][SLOT_AGENT_NOTE]
    assert "[CARD]" in data["slots"][SLOT_AGENT_NOTE]
    assert set(data["slots"][SLOT_STATE]) == {"v", "state", "sig"}
    data["latest_message"] = {"text": "hi", "intent": {"name": "greet", "confidence": 0.9}}
    data["events"].append({"event": "user", "text": "hi", "parse_data": data["latest_message"]})
    routed = route_tracker(router, Tracker.from_dict(data), state_secret=STATE_SECRET)
    assert routed.state_rejected is None


def test_the_jwt_opens_only_its_own_conversation(rasa_api: Api) -> None:
    """Role 'user' with the sender id as username: Rasa refuses it for any other id."""
    header = {"Authorization": "Bearer " + _rasa_jwt("c-1", JWT_SECRET, "HS256")}
    own = httpx.get(f"{rasa_api.url}/conversations/c-1/tracker", headers=header, timeout=30)
    other = httpx.get(f"{rasa_api.url}/conversations/c-2/tracker", headers=header, timeout=30)
    assert own.status_code == 200
    assert other.status_code == 403


def test_traversal_id_writes_nothing(rasa_api: Api) -> None:
    """The issue's id reaches no other conversation: with the token Rasa answers for
    'x%2F..' and hand_back refuses to write; with the scoped JWT Rasa refuses (403)."""
    seeded = httpx.post(
        f"{rasa_api.url}/conversations/victim/tracker/events", headers=rasa_api.admin(),
        json=[{"event": "pause"}], timeout=30,
    )  # fmt: skip
    seeded.raise_for_status()
    before = rasa_api.tracker("victim")["events"]
    assert before[-1]["event"] == "pause"
    with pytest.raises(ValueError, match="another conversation"):
        hand_back(rasa_api.url, "x/../../conversations/victim", "done", token=TOKEN)
    with pytest.raises(httpx.HTTPStatusError) as caught:
        hand_back(rasa_api.url, "x/../../conversations/victim", "done", jwt_secret=JWT_SECRET)
    assert caught.value.response.status_code == 403
    assert rasa_api.tracker("victim")["events"] == before


def test_token_auth_works_and_is_not_logged(
    rasa_api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    """--auth-token still works (query string, as Rasa requires) and is never logged."""
    caplog.set_level(logging.DEBUG)
    hand_back(rasa_api.url, "token-user", "done", token=TOKEN)
    assert rasa_api.tracker("token-user")["events"][-1]["event"] == "resume"
    assert caplog.records
    assert all(TOKEN not in r.getMessage() for r in caplog.records)
    with pytest.raises(httpx.HTTPStatusError) as caught:
        hand_back(rasa_api.url, "token-user", "done", token="wrong-token")
    assert caught.value.response.status_code == 401


def test_override_through_rasa(rasa_api: Api, router: Router) -> None:
    """A supervisor's override is stored by Rasa as written and honoured only with the
    same state secret."""
    sender = "override-user"
    override(rasa_api.url, sender, "supervisor", state_secret=STATE_SECRET,
             jwt_secret=JWT_SECRET)  # fmt: skip
    data = rasa_api.tracker(sender)
    data["latest_message"] = {"text": "hi", "intent": {"name": "greet", "confidence": 0.9}}
    data["events"].append({"event": "user", "text": "hi", "parse_data": data["latest_message"]})
    honoured = route_tracker(router, Tracker.from_dict(data), state_secret=STATE_SECRET)
    assert honoured.decision.lane == "supervisor"
    refused = route_tracker(router, Tracker.from_dict(data), state_secret=b"another key")
    assert refused.decision.lane == "bot"
    assert refused.state_rejected == "bad signature"
