"""The desktop's webhook over real HTTP: bad deliveries get a clear 4xx and change nothing,
good ones are stored once, and the real outbox worker's deliveries land exactly once.

Runs on SQLite and, when CI provides one, PostgreSQL (the ``desk`` fixture).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from handoff.delivery import DeliveryWorker, Outbox, WebhookSink, idempotency_key
from handoff.desktop import Desktop
from handoff.desktop.store import Conversation, Delivery
from handoff.models import ContextPayload
from tests.desktop._web import SECRET, app_for, serve, signed
from tests.desktop.conftest import body, count, make_payload

PATH = "/webhook/payloads"


@pytest.fixture
def url(desk: Desktop) -> Iterator[str]:
    with serve(app_for(desk, max_body=64 * 1024)) as base:
        yield base


@pytest.fixture
def client(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url, timeout=10) as http:
        yield http


def stored(desk: Desktop) -> tuple[int, int]:
    """(conversations, delivery keys) in the desktop."""
    return count(desk, Conversation), count(desk, Delivery)


def post(client: httpx.Client, data: bytes, headers: dict[str, str]) -> httpx.Response:
    return client.post(PATH, content=data, headers=headers)


class TestRefused:
    def test_oversized_by_content_length(
        self, desk: Desktop, client: httpx.Client, base_payload: ContextPayload
    ) -> None:
        """A body over the limit is refused from its Content-Length, before it is read."""
        data = b" " * (64 * 1024 + 1)
        answer = post(client, data, signed(data, "k-big"))
        assert answer.status_code == 413
        assert "larger than 65536 bytes" in answer.json()["error"]
        assert stored(desk) == (0, 0)

    def test_oversized_chunked(self, desk: Desktop, client: httpx.Client) -> None:
        """Without a Content-Length, the body is cut off as soon as it passes the limit."""
        data = b"x" * (200 * 1024)

        def chunks() -> Iterator[bytes]:
            for start in range(0, len(data), 8192):
                yield data[start : start + 8192]

        answer = client.post(PATH, content=chunks(), headers=signed(data, "k-chunked"))
        assert answer.status_code == 413
        assert stored(desk) == (0, 0)

    @pytest.mark.parametrize(
        "headers",
        [
            pytest.param({"Idempotency-Key": "k1"}, id="unsigned"),
            pytest.param("other-secret", id="wrong-secret"),
            pytest.param(-301, id="stale"),
            pytest.param(+31, id="future"),
            pytest.param("bad-format", id="malformed-signature"),
            pytest.param("other-key", id="signed-for-another-key"),
        ],
    )
    def test_bad_signatures_are_401(
        self,
        desk: Desktop,
        client: httpx.Client,
        base_payload: ContextPayload,
        headers: object,
    ) -> None:
        data = body(base_payload)
        now = int(time.time())
        if headers == "other-secret":
            sent = signed(data, "k1", secret="not the secret")
        elif isinstance(headers, int):
            sent = signed(data, "k1", timestamp=now + headers)
        elif headers == "bad-format":
            sent = {**signed(data, "k1"), "X-Handoff-Signature": "v1=abc"}
        elif headers == "other-key":
            sent = {**signed(data, "k-other"), "Idempotency-Key": "k1"}
        else:
            assert isinstance(headers, dict)
            sent = headers
        answer = post(client, data, sent)
        assert answer.status_code == 401, answer.text
        assert answer.json() == {"error": "missing, wrong, stale or future signature"}
        assert stored(desk) == (0, 0)

    @pytest.mark.parametrize("key", [None, "", "has space", "x" * 201, "é"])
    def test_a_missing_or_malformed_key_is_400(
        self, desk: Desktop, client: httpx.Client, base_payload: ContextPayload, key: str | None
    ) -> None:
        """As the reference receiver: the key is checked first (unsigned and keyless: 400)."""
        data = body(base_payload)
        headers = {**signed(data, "k1")}
        if key is None:
            del headers["Idempotency-Key"]
            del headers["X-Handoff-Signature"]
        else:
            headers["Idempotency-Key"] = key
        answer = client.post(
            PATH, content=data, headers={k: v.encode("utf-8") for k, v in headers.items()}
        )
        assert answer.status_code == 400
        assert "Idempotency-Key" in answer.json()["error"]
        assert stored(desk) == (0, 0)

    def test_malformed_json_is_422(self, desk: Desktop, client: httpx.Client) -> None:
        data = b'{"schema_version": "1.2", "conversation_id": '
        answer = post(client, data, signed(data, "k-broken"))
        assert answer.status_code == 422
        assert answer.json()["error"] == "not a context payload"
        assert stored(desk) == (0, 0)

    def test_json_that_is_not_a_payload_is_422_without_echoing_it(
        self, desk: Desktop, client: httpx.Client
    ) -> None:
        data = json.dumps({"conversation_id": "c-1", "customer": {"name": "Jane Secret"}}).encode()
        answer = post(client, data, signed(data, "k-notapayload"))
        assert answer.status_code == 422
        reply = answer.json()
        assert reply["error"] == "not a context payload"
        assert reply["detail"]  # where it is wrong ...
        assert "Jane Secret" not in answer.text  # ... never what the customer wrote
        assert stored(desk) == (0, 0)

    def test_deeply_nested_json_is_422(self, desk: Desktop, client: httpx.Client) -> None:
        data = b'{"a":' * 5000 + b"1" + b"}" * 5000
        answer = post(client, data, signed(data, "k-nested"))
        assert answer.status_code == 422
        assert stored(desk) == (0, 0)

    def test_unknown_lane_is_422(
        self, desk: Desktop, client: httpx.Client, base_payload: ContextPayload
    ) -> None:
        data = body(make_payload(base_payload, "c-unknown", lane="no_such_team"))
        answer = post(client, data, signed(data, "k-lane"))
        assert answer.status_code == 422
        assert answer.json()["lane"] == "no_such_team"
        assert "no_such_team" in answer.json()["error"]
        assert stored(desk) == (0, 0)

    def test_get_is_not_allowed(self, client: httpx.Client) -> None:
        assert client.get(PATH).status_code == 405

    def test_nothing_is_lost_after_refusals(
        self, desk: Desktop, client: httpx.Client, base_payload: ContextPayload
    ) -> None:
        """After every kind of refusal, the same payload properly signed is stored."""
        data = body(base_payload)
        post(client, data, {})
        post(client, data, signed(data, "k1", secret="wrong"))
        post(client, b"{", signed(b"{", "k1"))
        answer = post(client, data, signed(data, "k1"))
        assert answer.status_code == 200
        assert answer.json() == {"status": "stored", "idempotency_key": "k1"}
        assert stored(desk) == (1, 1)


class TestIdempotent:
    def test_a_replay_is_a_duplicate_stored_once(
        self, desk: Desktop, client: httpx.Client, base_payload: ContextPayload
    ) -> None:
        data = body(base_payload)
        first = post(client, data, signed(data, "k1"))
        again = post(client, data, signed(data, "k1"))
        assert (first.status_code, first.json()["status"]) == (200, "stored")
        assert (again.status_code, again.json()["status"]) == (200, "duplicate")
        assert stored(desk) == (1, 1)
        assert desk.delivery_duplicates("k1") == 1

    def test_same_key_other_body_is_409_and_keeps_the_first(
        self, desk: Desktop, client: httpx.Client, base_payload: ContextPayload
    ) -> None:
        data = body(base_payload)
        other = body(make_payload(base_payload, base_payload.conversation_id, summary="changed"))
        assert post(client, data, signed(data, "k1")).status_code == 200
        answer = post(client, other, signed(other, "k1"))
        assert answer.status_code == 409
        assert answer.json() == {"error": "this key is already stored with a different body"}
        assert stored(desk) == (1, 1)
        with desk.engine.connect() as connection:
            kept = connection.execute(Conversation.__table__.select()).one()
        assert ContextPayload.model_validate_json(kept.payload).why.summary != "changed"

    def test_a_new_turn_updates_the_conversation(
        self, desk: Desktop, client: httpx.Client, base_payload: ContextPayload
    ) -> None:
        """The same conversation under a new key (a later turn) updates, never duplicates."""
        data = body(base_payload)
        later = body(make_payload(base_payload, base_payload.conversation_id, summary="later"))
        assert post(client, data, signed(data, "k1")).json()["status"] == "stored"
        assert post(client, later, signed(later, "k2")).json()["status"] == "updated"
        assert stored(desk) == (1, 2)


class TestOutbox:
    def test_redeliveries_from_the_real_worker_land_once(
        self, desk: Desktop, url: str, base_payload: ContextPayload, tmp_path: Path
    ) -> None:
        """Two action servers' outboxes (or a worker that died after the desktop's 200 and
        sent again) deliver the same payload under the same key: stored once, both 'delivered'."""
        deliveries = []
        for name in ("one", "two"):
            with (
                WebhookSink(f"{url}{PATH}", SECRET) as sink,
                Outbox(f"sqlite:///{tmp_path / name}.sqlite", sinks=[sink]) as outbox,
            ):
                key = outbox.put(base_payload)
                assert DeliveryWorker(outbox, [sink]).run_once() == 1
                deliveries.append(outbox.deliveries(key)[0])
        assert [d.status for d in deliveries] == ["delivered", "delivered"]
        assert stored(desk) == (1, 1)
        assert desk.delivery_duplicates(idempotency_key(base_payload)) == 1

    def test_a_refused_delivery_is_dead_at_once_with_the_reason(
        self, desk: Desktop, url: str, base_payload: ContextPayload, tmp_path: Path
    ) -> None:
        """A wrong secret is a permanent failure: the outbox stops retrying and says why."""
        with (
            WebhookSink(f"{url}{PATH}", "not the desktop's secret") as sink,
            Outbox(f"sqlite:///{tmp_path}/outbox.sqlite", sinks=[sink]) as outbox,
        ):
            key = outbox.put(base_payload)
            DeliveryWorker(outbox, [sink]).run_once()
            [delivery] = outbox.deliveries(key)
        assert delivery.status == "dead"
        assert "401" in (delivery.last_error or "")
        assert stored(desk) == (0, 0)
