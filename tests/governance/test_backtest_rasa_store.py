"""The backtest's reader over tables written by Rasa 3.6.21's own code: its SQLTrackerStore
saves the conversations (streaming every event to its SQLEventBroker), on SQLite and on
PostgreSQL, and conversations_from_rasa reads both tables back into the conversations the
backtest replays.

Needs Rasa's venv (``.venv-rasa``, made by ``rasa_project/scripts/prepare_rasa.py`` or the
e2e suite's first run); marked e2e with the rest of the real-Rasa tests.
"""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from handoff import Router
from handoff.governance.backtest import Recorded, backtest, conversations_from_rasa
from handoff.payload import pseudonymise
from tests.conftest import ROOT
from tests.desktop.conftest import POSTGRES_URL
from tests.governance.test_backtest import KEY, LIVE, PROPOSED, SECRET_TEXT, recorded_rasa

pytestmark = pytest.mark.e2e

RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"

# Run by Rasa's Python: build each tracker from its events with the bot's domain and save it
# with Rasa's SQLTrackerStore, which streams every event to the SQL event broker too.
SAVE = """
import asyncio, json, sys
from rasa.core.brokers.sql import SQLEventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

job = json.load(sys.stdin)
domain = Domain.load(job["domain"])
broker = SQLEventBroker(**job["broker"])
store = SQLTrackerStore(domain=domain, event_broker=broker, **job["store"])

async def main():
    for item in job["trackers"]:
        tracker = DialogueStateTracker.from_dict(item["sender_id"], item["events"], domain.slots)
        await store.save(tracker)

asyncio.run(main())
broker.engine.dispose()
store.engine.dispose()
"""


def rasa_saves(
    trackers: list[dict[str, Any]], store: dict[str, Any], broker: dict[str, Any]
) -> None:
    job = {
        "domain": str(ROOT / "rasa_project" / "domain.yml"),
        "trackers": trackers,
        "store": store,
        "broker": broker,
    }
    result = subprocess.run(  # noqa: PLW1510  (the return code is asserted)
        [str(RASA_PYTHON), "-c", SAVE], input=json.dumps(job), capture_output=True, text=True,
        cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture
def databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """(tracker store URL, event broker URL) written by Rasa; SQLite, or PostgreSQL."""
    if not RASA_PYTHON.exists():
        pytest.skip("Rasa's venv (.venv-rasa) is not installed: run the e2e suite once")
    if request.param == "sqlite":
        yield str(tmp_path / "tracker.db"), str(tmp_path / "events.db")
        return
    if not POSTGRES_URL:
        pytest.skip("set HANDOFF_TEST_POSTGRES_URL to a throwaway database to test PostgreSQL")
    names = [f"handoff_rasa_{kind}_{uuid.uuid4().hex[:10]}" for kind in ("store", "broker")]
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for name in names:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    base = sa.make_url(POSTGRES_URL)
    try:
        store, broker = (
            base.set(database=name).render_as_string(hide_password=False) for name in names
        )
        yield store, broker
    finally:
        with admin.connect() as connection:
            for name in names:
                connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def rasa_endpoint(url: str) -> dict[str, Any]:
    """Rasa's store/broker settings (endpoints.yml keys) for an SQLite path or a URL."""
    if "://" not in url:
        return {"dialect": "sqlite", "db": url}
    parsed = sa.make_url(url)
    return {"dialect": "postgresql", "host": parsed.host, "port": parsed.port,
            "db": parsed.database, "username": parsed.username,
            "password": parsed.password}  # fmt: skip


@pytest.mark.parametrize("databases", ["sqlite", "postgresql"], indirect=True)
def test_tables_written_by_rasa_replay_like_the_emulated_ones(databases: tuple[str, str]) -> None:
    """Rasa's SQLTrackerStore and SQLEventBroker write the conversations; both tables read
    back into the same conversations, and the backtest finds what it finds over the
    emulated table (test_backtest.py)."""
    live = Router.from_yaml(LIVE, pseudonym_key=KEY)
    proposed = Router.from_yaml(PROPOSED, pseudonym_key=KEY)
    sessions = recorded_rasa(live)
    trackers = [{"sender_id": s.sender, "events": s.events} for s in sessions.values()]
    store_url, broker_url = databases
    rasa_saves(trackers, store=rasa_endpoint(store_url), broker=rasa_endpoint(broker_url))
    reports = []
    for url in (store_url, broker_url):
        items = list(conversations_from_rasa(url, last=4))
        recorded = [i for i in items if isinstance(i, Recorded)]
        assert [r.conversation.id for r in recorded] == [
            "web-4", "gold-1", "whatsapp:+447700900123", "web-2",
        ]  # fmt: skip
        by_id = {r.conversation.id: r for r in recorded}
        assert by_id["gold-1"].conversation.account.tier == "gold"
        assert by_id["web-4"].handbacks == (2,)
        reports.append(backtest(live, proposed, items, pseudonym_key=KEY, now=None))
    store_report, broker_report = reports
    assert store_report.to_dict() == broker_report.to_dict()
    assert store_report.moved_matrix == {
        ("callback", "general"): 1,
        ("bot", "fraud"): 1,
        ("callback", "gold_desk"): 1,
    }
    assert store_report.red_line_conversations == 1
    assert store_report.samples[0].ref == pseudonymise("whatsapp:+447700900123", KEY)
    assert SECRET_TEXT not in json.dumps(store_report.to_dict())
