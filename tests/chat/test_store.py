"""The chat server's store on SQLite and PostgreSQL: bot lines, history, the feed, the
heartbeat; and the live hub reading the feed, holes left by PostgreSQL's commit order too."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from handoff.chat import ChatStore
from handoff.chat.live import ChatHub
from handoff.desktop import Desktop
from handoff.desktop.store import Message
from handoff.errors import StorageUnavailable


def _insert(connection: sa.Connection, conversation: str, kind: str, text: str, at: float,
            *, author: str | None = None) -> int:  # fmt: skip
    return int(
        connection.execute(
            sa.insert(Message)
            .values(conversation_id=conversation, kind=kind, author=author, text=text, at=at)
            .returning(Message.seq)
        ).scalar_one()
    )


class TestStore:
    """Lines and presence as both backends keep them."""

    def test_bot_lines_are_stored_and_read_back_in_order(self, chat_store: ChatStore) -> None:
        """add_bot appends a bot line; history and lines_after read it per conversation."""
        first = chat_store.add_bot("web-a", "Hi!")
        second = chat_store.add_bot("web-a", "How can I help?")
        chat_store.add_bot("web-b", "Someone else's line")
        assert second > first
        assert [line.text for line in chat_store.history("web-a")] == ["Hi!", "How can I help?"]
        assert [line.text for line in chat_store.lines_after("web-a", first)] == ["How can I help?"]
        assert chat_store.last_seq() >= second
        assert {line.conversation_id for line in chat_store.feed(0)} == {"web-a", "web-b"}

    def test_a_ref_is_stored_once(self, chat_store: ChatStore) -> None:
        """The same ref twice is one line (an idempotent write)."""
        seq = chat_store.add_bot("web-a", "Hi!", ref="callback:1")
        assert chat_store.add_bot("web-a", "Hi!", ref="callback:1") == seq
        assert len(chat_store.history("web-a")) == 1

    def test_history_orders_by_when_each_line_was_said(self, chat_store: ChatStore) -> None:
        """A customer line the relay writes after the bot's answer (Rasa publishes its events
        once the turn is done) still comes first: history sorts by time, then seq."""
        chat_store.clock = lambda: 200.0
        chat_store.add_bot("web-a", "Answer")
        with chat_store.engine.begin() as connection:
            _insert(connection, "web-a", "customer", "Question", 199.5)
        assert [line.kind for line in chat_store.history("web-a")] == ["customer", "bot"]

    def test_the_heartbeat_is_an_upsert_that_never_goes_back(self, chat_store: ChatStore) -> None:
        """seen() writes last_seen for many conversations at once; an older time loses."""
        assert chat_store.seen(["web-a", "web-b"], at=100.0) == 2
        chat_store.seen(["web-a"], at=160.0)
        chat_store.seen(["web-a"], at=130.0)
        assert chat_store.last_seen("web-a") == 160.0
        assert chat_store.last_seen("web-b") == 100.0
        assert chat_store.last_seen("web-c") is None
        assert chat_store.seen([]) == 0

    def test_check_refuses_a_database_without_the_tables(self, tmp_path: object) -> None:
        """A database that was never migrated is refused, saying how to migrate it."""
        store = ChatStore(f"sqlite:///{tmp_path}/empty.sqlite")
        try:
            with pytest.raises(StorageUnavailable, match="handoff desktop upgrade"):
                store.check()
        finally:
            store.close()

    def test_check_accepts_a_migrated_database(self, chat_store: ChatStore) -> None:
        chat_store.check()


class TestHub:
    """The poller hands each new line to the pages of its conversation only."""

    def test_lines_reach_their_conversation_only(self, chat_store: ChatStore) -> None:
        async def scenario() -> list[str]:
            hub = ChatHub(chat_store, poll_interval=60)
            await hub.start()
            try:
                mine, theirs = hub.connect("web-a"), hub.connect("web-b")
                chat_store.add_bot("web-a", "for a")
                with chat_store.engine.begin() as connection:
                    _insert(connection, "web-a", "customer", "echoed by the page", 1.0)
                    _insert(connection, "web-a", "agent", "Dana here", 2.0, author="dana")
                await hub.poll()
                assert theirs.queue.empty()
                got = []
                while not mine.queue.empty():
                    line = mine.queue.get_nowait()
                    assert line is not None
                    got.append(line.text)
                hub.disconnect(mine)
                hub.disconnect(theirs)
                assert hub.clients == 0
                return got
            finally:
                await hub.stop()

        assert asyncio.run(scenario()) == ["for a", "Dana here"]

    def test_a_line_committed_late_is_not_skipped(self, db_url: str) -> None:
        """PostgreSQL: a line whose seq was taken first but committed last still reaches the
        page (the poller waits at a hole instead of jumping past it)."""
        if not db_url.startswith("postgresql"):
            pytest.skip("only PostgreSQL commits seqs out of order (SQLite has one writer)")
        store = ChatStore(db_url)

        async def scenario() -> list[str]:
            hub = ChatHub(store, poll_interval=60, gap_grace=60)
            await hub.start()
            try:
                client = hub.connect("web-a")
                slow = store.engine.connect()
                transaction = slow.begin()
                _insert(slow, "web-a", "agent", "first seq, committed last", 1.0, author="dana")
                with store.engine.begin() as connection:
                    _insert(connection, "web-a", "agent", "second seq", 2.0, author="dana")
                await hub.poll()
                transaction.commit()
                slow.close()
                await hub.poll()
                texts = []
                while not client.queue.empty():
                    line = client.queue.get_nowait()
                    assert line is not None
                    texts.append(line.text)
                return texts
            finally:
                await hub.stop()

        try:
            assert asyncio.run(scenario()) == ["second seq", "first seq, committed last"]
        finally:
            store.close()

    def test_a_hole_is_given_up_after_the_grace(self, chat_store: ChatStore) -> None:
        """A rolled-back insert leaves a hole forever: after gap_grace the position moves on."""
        now = [0.0]

        async def scenario() -> tuple[int, int]:
            hub = ChatHub(chat_store, poll_interval=60, gap_grace=5, clock=lambda: now[0])
            await hub.start()
            try:
                with chat_store.engine.connect() as connection:
                    transaction = connection.begin()
                    hole = _insert(connection, "web-a", "bot", "rolled back", 1.0)
                    transaction.rollback()
                # SQLite reuses a rolled-back rowid; make the hole explicit there.
                with chat_store.engine.begin() as connection:
                    connection.execute(sa.delete(Message).where(Message.seq >= hole))
                    after = _insert(connection, "web-a", "bot", "after the hole", 2.0)
                    if after == hole:
                        connection.execute(
                            sa.update(Message).where(Message.seq == after).values(seq=hole + 1)
                        )
                await hub.poll()
                before = hub.position
                now[0] = 6.0
                await hub.poll()
                return before, hub.position
            finally:
                await hub.stop()

        before, after = asyncio.run(scenario())
        assert after > before


def test_the_store_needs_a_file_not_memory() -> None:
    """An in-memory SQLite database would be empty for each connection: refused."""
    with pytest.raises(ValueError, match="database file"):
        ChatStore("sqlite://")


def test_the_chat_and_the_desktop_share_one_database(tmp_path: object) -> None:
    """The desktop's migrations create the tables the chat server reads and writes."""
    url = f"sqlite:///{tmp_path}/shared.sqlite"
    with Desktop(url) as desk:
        desk.upgrade()
    store = ChatStore(url)
    try:
        store.check()
        store.add_bot("web-x", "hello")
        assert store.history("web-x")[0].kind == "bot"
    finally:
        store.close()


def test_the_public_api_is_small_sorted_and_documented() -> None:
    import handoff.chat  # noqa: PLC0415

    names = handoff.chat.__all__
    assert len(names) == len(set(names))  # the order is ruff's (RUF022)
    for name in names:
        value = getattr(handoff.chat, name)
        assert not callable(value) or value.__doc__, name
