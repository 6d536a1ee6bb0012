"""handoff.desktop.outcomes: a Dataset stored and loaded back is the same Dataset (SQLite and
PostgreSQL), the desktop's own records load as the KPIs expect, decisions are logged once
per ref, and no personal data reaches the outcome tables or the dataset."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import IntegrityError

from handoff import Conversation, Router
from handoff.desktop import Desktop
from handoff.desktop.outcomes import load_dataset, store_dataset
from handoff.desktop.service import _insert_ignoring
from handoff.desktop.store import Ces, Handoff, Message, Turn
from handoff.errors import StorageUnavailable
from handoff.outcomes import Dataset, DatasetError
from handoff.outcomes.dataset import HANDOFF_COLUMNS, LINE_COLUMNS, TURN_COLUMNS
from handoff.payload import pseudonymise
from tests.desktop.conftest import (
    POSTGRES_URL,
    START,
    Clock,
    People,
    body,
    drop_desktop_tables,
    make_payload,
    pk_of,
)

T0 = START.timestamp()


@pytest.fixture
def url(desktop_url: str) -> str:
    """An empty database (the outcome functions migrate it themselves)."""
    if desktop_url.startswith("postgresql"):
        drop_desktop_tables(desktop_url)
    return desktop_url


def frames(turns: list[dict[str, Any]], handoffs: list[dict[str, Any]],
           lines: list[dict[str, Any]]) -> Dataset:  # fmt: skip
    """A dataset from plain rows, text columns as objects with None (as load_dataset gives)."""

    def frame(rows: list[dict[str, Any]], kinds: Mapping[str, str]) -> pd.DataFrame:
        data = {}
        for name, kind in kinds.items():
            values = [row[name] for row in rows]
            if kind in ("float", "float?"):
                data[name] = pd.Series([float("nan") if v is None else v for v in values],
                                       dtype="float64")  # fmt: skip
            elif kind == "int":
                data[name] = pd.Series(values, dtype="int64")
            elif kind == "bool":
                data[name] = pd.Series(values, dtype=bool)
            else:
                data[name] = pd.Series(values, dtype=object)
        return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))

    data = Dataset(
        turns=frame(turns, TURN_COLUMNS),
        handoffs=frame(handoffs, HANDOFF_COLUMNS),
        lines=frame(lines, LINE_COLUMNS),
    )
    data.validate()
    return data


def assert_same(left: Dataset, right: Dataset) -> None:
    for name in ("turns", "handoffs", "lines"):
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name))


# --------------------------------------------------------------------------- strategies

_ids = st.text("abcdefghij-_", min_size=1, max_size=12)
_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)
_times = st.floats(T0, T0 + 30 * 86400, allow_nan=False)
_maybe = st.one_of(st.none(), _ids)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    conversations = draw(st.lists(_ids, min_size=1, max_size=4, unique=True))
    turns = draw(st.lists(st.fixed_dictionaries({
        "conversation": st.sampled_from(conversations), "customer": _maybe, "at": _times,
        "lane": _ids, "lane_kind": st.sampled_from(["bot", "human", "callback"]),
        "handoff": st.booleans(), "rule_id": st.one_of(st.none(), _text),
        "ruleset_version": _ids, "experiment": _maybe, "arm": _maybe,
        "asked_person": st.booleans(), "shadow_lane": _maybe, "shadow_rule_id": _maybe,
        "shadow_version": _maybe, "shadow_handoff": st.one_of(st.none(), st.booleans()),
    }), max_size=6))  # fmt: skip
    handoffs = []
    for index in range(draw(st.integers(0, 5))):
        asked = draw(st.booleans())
        score = draw(st.one_of(st.none(), st.integers(1, 7))) if asked else None
        handoffs.append({
            "conversation": draw(st.sampled_from(conversations)), "cycle": index + 1,
            "customer": draw(_maybe), "lane": draw(_ids), "rule_id": draw(_maybe),
            "ruleset_version": draw(st.sampled_from(["", "fd90061d9582"])),
            "experiment": draw(_maybe), "arm": draw(_maybe),
            "sla_seconds": draw(st.one_of(st.none(), st.integers(0, 86400).map(float))),
            "handed_off_at": draw(_times), "claimed_at": draw(st.one_of(st.none(), _times)),
            "within_sla": draw(st.one_of(st.none(), st.booleans())),
            "transfers": draw(st.integers(0, 5)),
            "status": draw(st.sampled_from(
                ["waiting", "claimed", "resolved", "handed_back", "abandoned"])),
            "closed_at": draw(st.one_of(st.none(), _times)),
            "outcome_code": draw(_maybe),
            "needed": draw(st.sampled_from([None, "yes", "no", "unsure"])),
            "ces_asked": asked, "ces_score": None if score is None else float(score),
            "ces_declined": asked and score is None and draw(st.booleans()),
        })  # fmt: skip
    lines = draw(st.lists(st.fixed_dictionaries({
        "conversation": st.sampled_from(conversations), "at": _times,
        "sentiment": st.one_of(st.none(), st.floats(-1, 1, allow_nan=False)),
    }), max_size=6))  # fmt: skip
    return frames(turns, handoffs, lines)


# --------------------------------------------------------------------------- round trip


class TestRoundTrip:
    @settings(max_examples=15, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
    @given(data=datasets())
    def test_store_then_load_gives_the_same_dataset(self, url: str, data: Dataset) -> None:
        if url.startswith("postgresql"):
            drop_desktop_tables(url)
        else:
            for path in Path(url.removeprefix("sqlite:///")).parent.glob("desktop.sqlite*"):
                path.unlink()
        store_dataset(url, data)
        assert_same(load_dataset(url), data)

    def test_empty(self, url: str) -> None:
        store_dataset(url, Dataset.empty())
        loaded = load_dataset(url)
        assert (len(loaded.turns), len(loaded.handoffs), len(loaded.lines)) == (0, 0, 0)

    def test_a_period(self, url: str) -> None:
        """Turns and cycles of [since, until); lines a day either side of it."""
        day = 86400.0
        turn = {
            "conversation": "c1", "customer": None, "lane": "bot", "lane_kind": "bot",
            "handoff": False, "rule_id": None, "ruleset_version": "v", "experiment": None,
            "arm": None, "asked_person": False, "shadow_lane": None, "shadow_rule_id": None,
            "shadow_version": None, "shadow_handoff": None,
        }  # fmt: skip
        data = frames(
            [{**turn, "at": T0 + offset * day} for offset in (-1, 0, 1, 2)],
            [],
            [{"conversation": "c1", "at": T0 + offset * day, "sentiment": 0.5}
             for offset in (-2, -0.5, 0, 2.5, 3.5)],
        )  # fmt: skip
        store_dataset(url, data)
        since = datetime.fromtimestamp(T0, tz=timezone.utc)
        loaded = load_dataset(url, since=since, until=T0 + 2 * day)
        assert list(loaded.turns["at"]) == [T0, T0 + day]
        assert list(loaded.lines["at"]) == [T0 - 0.5 * day, T0, T0 + 2.5 * day]
        with pytest.raises(ValueError, match="aware"):
            load_dataset(url, since=datetime(2026, 1, 1))

    def test_storing_appends(self, url: str) -> None:
        data = frames([], [], [{"conversation": "c1", "at": T0, "sentiment": None}])
        store_dataset(url, data)
        store_dataset(url, data)
        assert len(load_dataset(url).lines) == 2

    def test_an_answer_without_the_question_is_refused(self, url: str) -> None:
        cycle = {
            "conversation": "c1", "cycle": 1, "customer": None, "lane": "l", "rule_id": None,
            "ruleset_version": "v", "experiment": None, "arm": None, "sla_seconds": 60.0,
            "handed_off_at": T0, "claimed_at": None, "within_sla": None, "transfers": 0,
            "status": "resolved", "closed_at": T0, "outcome_code": None, "needed": None,
            "ces_asked": False, "ces_score": 5.0, "ces_declined": False,
        }  # fmt: skip
        bad = frames([], [cycle], [])
        with pytest.raises(DatasetError, match="ces_asked"):
            store_dataset(url, bad)

    def test_a_database_behind_is_named_with_the_fix(self, tmp_path: Path) -> None:
        url = f"sqlite:///{tmp_path / 'old.sqlite'}"
        with Desktop(url) as desk:
            desk.upgrade("0003")
        with pytest.raises(StorageUnavailable, match=r"revision 0003.*handoff desktop upgrade"):
            load_dataset(url)


# --------------------------------------------------------------------------- the desktop's records


def test_the_desktops_records_load_as_kpis_expect(
    desk: Desktop, people: People, base_payload: Any, clock: Clock
) -> None:
    """Cycles written by the service, a CES row and customer lines with sentiment."""
    pk = desk.receive("k1", body(make_payload(base_payload, "chat-1"))) and pk_of(desk, "chat-1")
    clock.advance(30)
    desk.claim(people.alice, pk)
    desk.resolve(people.alice, pk, "refund", "yes")
    with desk.engine.begin() as connection:
        connection.execute(
            sa.insert(Ces).values(
                conversation_pk=pk,
                cycle=1,
                asked_at=clock.now,
                asked_after="resolve",
                answered_at=clock.now + 5,
                score=6,
                declined=False,
            )
        )
        connection.execute(
            sa.insert(Message).values(
                conversation_id="chat-1",
                kind="customer",
                text="thanks",
                ref="r1",
                at=clock.now,
                sentiment=0.44,
            )
        )
        connection.execute(sa.insert(Message).values(
            conversation_id="chat-1", kind="agent", author="alice", text="bye", ref="r2",
            at=clock.now))  # fmt: skip
    data = load_dataset(str(desk.engine.url.render_as_string(hide_password=False)))
    [row] = data.handoffs.to_dict("records")
    assert (row["conversation"], row["status"], row["needed"], row["claimed_at"]) == (
        "chat-1",
        "resolved",
        "yes",
        T0 + 30,
    )
    assert (row["ces_asked"], row["ces_score"], row["ces_declined"]) == (True, 6.0, False)
    assert data.lines.to_dict("records") == [
        {"conversation": "chat-1", "at": clock.now, "sentiment": 0.44}]  # fmt: skip


class TestTurns:
    def test_a_turn_is_logged_once_per_ref(self, desk: Desktop) -> None:
        turn = {
            "ref": "rasa:41", "conversation_id": "chat-1", "customer": None, "at": T0,
            "lane": "bot", "lane_kind": "bot", "handoff": False, "rule_id": None,
            "ruleset_version": "v", "asked_person": False,
        }  # fmt: skip
        with desk.engine.begin() as connection:
            for _ in range(2):
                connection.execute(_insert_ignoring(connection, Turn, ["ref"]).values(**turn))
        with desk.engine.connect() as connection:
            assert connection.execute(sa.select(sa.func.count()).select_from(Turn)).scalar() == 1
        with pytest.raises(IntegrityError), desk.engine.begin() as connection:
            connection.execute(sa.insert(Turn).values(**turn))


# --------------------------------------------------------------------------- no personal data


def test_no_raw_customer_id_or_message_text_in_the_outcomes(
    desk: Desktop, people: People, default_router: Router, clock: Clock
) -> None:
    """A sender id and a customer id that are phone numbers and email addresses, and the
    customer's words: none of them in desktop_handoffs, desktop_ces, desktop_turns or the
    loaded dataset; the pseudonyms are."""
    sender, customer = "whatsapp:+447700900123", "jane.doe@example.com"
    words = "my secret words about the refund"
    conversation = Conversation.model_validate({
        "id": sender, "channel": "whatsapp",
        "account": {"customer_id": customer},
        "turns": [{"role": "user", "text": f"{words}, I want a human",
                   "intent": {"name": "request_human", "confidence": 0.99}}],
    })  # fmt: skip
    decision = default_router.route(conversation, now=START)
    payload = default_router.payload(conversation, decision, now=START)
    assert payload.customer.customer_id not in (None, customer)
    desk.receive("k1", body(payload))
    pk = pk_of(desk, payload.conversation_id)
    desk.claim(people.alice, pk)
    desk.resolve(people.alice, pk, "refund", "yes", f"note: {words}")
    desk.relay_position("feed")
    desk.relay_commit("feed", 0, 1, [(sender, words, "rasa-event:1", clock.now)], pseudonymise)
    url = desk.engine.url.render_as_string(hide_password=False)
    data = load_dataset(url)
    assert list(data.lines["conversation"]) == [payload.conversation_id]
    assert list(data.handoffs["customer"]) == [payload.customer.customer_id]
    dumped = []
    with desk.engine.connect() as connection:
        for table in (Handoff, Ces, Turn):
            dumped += [repr(tuple(row)) for row in connection.execute(sa.select(table))]
    for name in ("turns", "handoffs", "lines"):
        dumped.append(getattr(data, name).to_csv())
    text = "\n".join(dumped)
    assert payload.conversation_id in text
    for secret in ("447700900123", "+44 7700", customer, "jane.doe", "secret words"):
        assert secret not in text


@pytest.mark.skipif(not POSTGRES_URL, reason="needs HANDOFF_TEST_POSTGRES_URL")
def test_postgres_bulk_insert_keeps_nulls_and_text() -> None:
    """The unnest() bulk path: None inside arrays, quotes and non-ASCII text survive."""
    assert POSTGRES_URL is not None
    drop_desktop_tables(POSTGRES_URL)
    turn = {
        "conversation": "c'1\"é", "customer": None, "at": T0, "lane": "bot",
        "lane_kind": "bot", "handoff": True, "rule_id": "NULL", "ruleset_version": "{a,b}",
        "experiment": None, "arm": "", "asked_person": False, "shadow_lane": None,
        "shadow_rule_id": None, "shadow_version": None, "shadow_handoff": False,
    }  # fmt: skip
    data = frames([turn], [], [{"conversation": "c'1\"é", "at": T0, "sentiment": None}])
    store_dataset(POSTGRES_URL, data)
    assert_same(load_dataset(POSTGRES_URL), data)


def test_a_broken_database_is_a_storage_error_without_sql(tmp_path: Path) -> None:
    """Errors of the driver's own cursor (the bulk paths) are reported like SQLAlchemy's."""
    url = f"sqlite:///{tmp_path / 'desktop.sqlite'}"
    store_dataset(url, Dataset.empty())
    with sa.create_engine(url).begin() as connection:
        connection.execute(sa.text("DROP TABLE desktop_turns"))
    expected = "cannot be read: OperationalError: no such table"
    with pytest.raises(StorageUnavailable, match=expected) as caught:
        load_dataset(url)
    assert "SELECT" not in str(caught.value)
