"""hand_back through Rasa's HTTP API: a sender id cannot step out of its conversation, Rasa's
token never reaches a log line or an error message, the JWT is short-lived and scoped to
the one conversation, and the agent's note is redacted."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import jwt
import pytest

from handoff.adapters.rasa import SLOT_AGENT_NOTE, SLOT_STATE, hand_back, override
from tests.security.rasa_api import FakeRasa, fake_rasa

TOKEN = "rasa-auth-token-do-not-log-me"
RASA_JWT = "rasa-jwt-secret-for-the-hand-back-tests"
SECRET = b"action-server-state-secret"


def seed(rasa: FakeRasa, sender: str) -> None:
    tracker = rasa.tracker(sender)
    tracker["events"] += [
        {"event": "user", "text": "I want a human",
         "parse_data": {"intent": {"name": "request_human", "confidence": 0.99}}},
        {"event": "pause"},
    ]  # fmt: skip


def posted(rasa: FakeRasa) -> list[Any]:
    return [r for r in rasa.requests if r.method == "POST"]


class TestTraversal:
    def test_sender_id_cannot_reach_another_conversation(self) -> None:
        """The issue's id resumes nobody else: its slashes are escaped, and since Rasa 3.6
        does not unquote ids, its tracker comes back under another id and nothing is written."""
        with fake_rasa() as rasa:
            seed(rasa, "other-user")
            with pytest.raises(ValueError, match="another conversation"):
                hand_back(rasa.url, "x/../../conversations/other-user", "done")
            assert rasa.requests
            for request in rasa.requests:
                assert request.raw_path.startswith("/conversations/x%2F..%2F..%2F")
            assert not posted(rasa)
            assert rasa.trackers["other-user"]["events"][-1] == {"event": "pause"}

    @pytest.mark.parametrize(
        "sender", ["..", ".", "", "a\nb", "a\x00b", "tab\there", "a\x85b", "\ud800"], ids=repr
    )
    def test_unsafe_ids_are_refused_before_any_request(self, sender: str) -> None:
        """Dot segments, control characters and lone surrogates never reach the network."""
        with fake_rasa() as rasa:
            with pytest.raises(ValueError, match="sender id"):
                hand_back(rasa.url, sender, "done")
            assert rasa.requests == []

    @pytest.mark.parametrize("sender", ["whatsapp:+447700900123", "user@example", "a.b-c_d~e"])
    def test_ordinary_ids_address_their_own_conversation(self, sender: str) -> None:
        """Ids of path-safe characters are sent as they are: Rasa 3.6 uses the raw path."""
        with fake_rasa() as rasa:
            seed(rasa, sender)
            hand_back(rasa.url, sender, "done")
            assert [r.raw_path for r in rasa.requests] == [
                f"/conversations/{sender}/tracker",
                f"/conversations/{sender}/tracker/events",
            ]
            assert rasa.trackers[sender]["events"][-1] == {"event": "resume"}


class TestAuthentication:
    def test_token_is_sent_but_never_logged(self, caplog: pytest.LogCaptureFixture) -> None:
        """Rasa takes --auth-token only as ?token=; httpx logs URLs at INFO: redacted."""
        caplog.set_level(logging.DEBUG)
        with fake_rasa(token=TOKEN) as rasa:
            seed(rasa, "c-1")
            hand_back(rasa.url, "c-1", "done", token=TOKEN)
            assert all(r.query.get("token") == [TOKEN] for r in rasa.requests)
        http_lines = [r.getMessage() for r in caplog.records if r.name.startswith("httpx")]
        assert http_lines, "httpx logs each request; the check below must see them"
        assert any("token=[redacted]" in line for line in http_lines)
        for record in caplog.records:
            assert TOKEN not in record.getMessage()

    def test_token_not_in_error_messages(self, caplog: pytest.LogCaptureFixture) -> None:
        """A refused request raises an HTTPStatusError whose text does not carry the token."""
        caplog.set_level(logging.DEBUG)
        with (
            fake_rasa(token="the-right-token") as rasa,
            pytest.raises(httpx.HTTPStatusError) as caught,
        ):
            hand_back(rasa.url, "c-1", "done", token=TOKEN)
        assert "401" in str(caught.value)
        assert TOKEN not in str(caught.value)
        for record in caplog.records:
            assert TOKEN not in record.getMessage()

    def test_jwt_is_short_lived_and_scoped_to_the_conversation(self) -> None:
        """The bearer token carries what Rasa 3.6 checks (user.role, user.username), expires
        within a minute, and nothing is put in the query string."""
        with fake_rasa(jwt_secret=RASA_JWT) as rasa:
            seed(rasa, "c-7")
            hand_back(rasa.url, "c-7", "done", jwt_secret=RASA_JWT)
            assert len(rasa.requests) == 2
            for request in rasa.requests:
                assert request.query == {}
                claims = jwt.decode(
                    request.headers["authorization"].removeprefix("Bearer "), RASA_JWT,
                    algorithms=["HS256"],
                )  # fmt: skip
                assert claims["user"] == {"username": "c-7", "role": "user"}
                assert 0 < claims["exp"] - claims["iat"] <= 60

    def test_wrong_jwt_secret_is_refused(self) -> None:
        """Rasa refuses a token signed with another secret; nothing is written."""
        with fake_rasa(jwt_secret=RASA_JWT) as rasa:
            seed(rasa, "c-7")
            with pytest.raises(httpx.HTTPStatusError):
                hand_back(rasa.url, "c-7", "done", jwt_secret="x" * 40)
            assert not posted(rasa)

    def test_token_and_jwt_together_are_refused(self) -> None:
        """One way to authenticate; giving both is a configuration mistake."""
        with pytest.raises(ValueError, match="not both"):
            hand_back("http://127.0.0.1:9", "c-1", "done", token=TOKEN, jwt_secret=RASA_JWT)


def test_note_is_redacted() -> None:
    """Agents paste card numbers and emails into notes: the note slot gets placeholders."""
    note = "Refunded to card 4111 1111 1111 1111, receipt sent to alice.smith@example.com"
    with fake_rasa() as rasa:
        seed(rasa, "c-9")
        events = hand_back(rasa.url, "c-9", note, state_secret=SECRET)
        sent = next(e for e in posted(rasa)[0].body if e.get("name") == SLOT_AGENT_NOTE)
    assert sent["value"] == events[0]["value"]
    assert "4111" not in sent["value"]
    assert "alice.smith@example.com" not in sent["value"]
    assert "[CARD]" in sent["value"]
    assert "[EMAIL]" in sent["value"]


def test_hand_back_writes_a_signed_state() -> None:
    """The hand-back's state is signed like the action's, so the action trusts it."""
    with fake_rasa() as rasa:
        seed(rasa, "c-3")
        hand_back(rasa.url, "c-3", "done", state_secret=SECRET)
        state = rasa.trackers["c-3"]["slots"][SLOT_STATE]
    assert set(state) == {"v", "state", "sig"}
    assert state["state"]["handback_turn"] == 1


def test_override_refuses_a_lane_that_is_not_a_lane_id() -> None:
    """The lane is written into signed state: only lane ids are accepted."""
    with pytest.raises(ValueError, match="lane id"):
        override("http://127.0.0.1:9", "c-1", "../x", state_secret=SECRET)
