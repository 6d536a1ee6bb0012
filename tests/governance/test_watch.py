"""The rules watcher against a real store (an SQLite desktop database; PostgreSQL in the e2e
test): a publish is applied, every kind of corrupt publication is refused while the old
version keeps routing, a refused one is not retried, an unreachable store is survived, and
start-up picks the newest publication that verifies. Checks run with ``check_now``: no
timing, no threads, except one test of the thread itself."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from handoff.governance.errors import CorruptVersion
from handoff.governance.store import Published
from handoff.governance.watch import Reload, RulesWatcher
from handoff.router import Router
from tests.governance.hot_reload import (
    KEY,
    Governed,
    forge_publication,
    governed,
    plant_version,
    rules_variant,
)


@pytest.fixture
def gov(tmp_path: Path) -> Iterator[Governed]:
    with governed(f"sqlite:///{tmp_path / 'desktop.sqlite'}") as store:
        yield store


class Applied:
    """The ``apply`` and ``on_result`` hooks, recording what they were given."""

    def __init__(self) -> None:
        self.routers: list[tuple[Router, Published]] = []
        self.results: list[Reload] = []

    def apply(self, router: Router, published: Published) -> None:
        self.routers.append((router, published))

    def watcher(self, gov: Governed) -> RulesWatcher:
        return RulesWatcher(
            gov.store,
            apply=self.apply,
            build=lambda bundle: bundle.router(),
            on_result=self.results.append,
        )


def test_start_up_and_publish_applied(gov: Governed, tmp_path: Path) -> None:
    seen = Applied()
    watcher = seen.watcher(gov)
    assert watcher.initial() is None  # nothing published: the caller routes with its file
    first = gov.release(rules_variant(tmp_path, 1), "first")
    assert watcher.check_now().result == "applied"
    router, published = seen.routers[-1]
    assert published.seq == first.seq
    assert router.version == first.ruleset_version
    assert watcher.check_now() == Reload("unchanged")
    second = gov.release(rules_variant(tmp_path, 2), "second")
    reload = watcher.check_now()
    assert (reload.result, reload.seq, reload.ruleset_version) == (
        "applied", second.seq, second.ruleset_version,
    )  # fmt: skip
    assert seen.routers[-1][0].version == second.ruleset_version != first.ruleset_version
    assert watcher.current is not None
    assert watcher.current.seq == second.seq

    # A fresh server starts with the live version (apply is for swaps, not start-up).
    fresh = Applied()
    started = fresh.watcher(gov)
    router = started.initial()
    assert router is not None
    assert router.version == second.ruleset_version
    assert fresh.routers == []
    assert started.check_now() == Reload("unchanged")


def test_rollback_is_followed(gov: Governed, tmp_path: Path) -> None:
    first = gov.release(rules_variant(tmp_path, 1), "first")
    gov.release(rules_variant(tmp_path, 2), "second")
    seen = Applied()
    watcher = seen.watcher(gov)
    watcher.initial()
    gov.store.rollback(first.content_hash, actor=gov.admin, reason="the second misroutes")
    assert watcher.check_now().result == "applied"
    assert seen.routers[-1][0].version == first.ruleset_version


@pytest.mark.parametrize(
    ("tamper", "why"),
    [
        pytest.param("unsigned", "signature does not verify", id="made-up signature"),
        pytest.param("unapproved", "signature does not verify", id="unapproved version"),
        pytest.param("altered", "content hash", id="files altered in the database"),
        pytest.param("broken", "do not load", id="rules that do not load"),
        pytest.param("mislabelled", "load as version", id="version not the one recorded"),
    ],
)
def test_corrupt_publication_refused_old_keeps_routing(
    gov: Governed, tmp_path: Path, tamper: str, why: str, caplog: pytest.LogCaptureFixture
) -> None:
    live = gov.release(rules_variant(tmp_path, 1), "live")
    seen = Applied()
    watcher = seen.watcher(gov)
    assert watcher.initial() is not None
    key = KEY.encode()
    good = rules_variant(tmp_path, 2)
    store = gov.store
    if tamper == "unsigned":
        forge_publication(store, live.content_hash, key=None)
    elif tamper == "unapproved":  # proposed, never approved: someone without the key
        forge_publication(store, gov.propose(good, "not approved"), key=b"a-guessed-key-012345")
    elif tamper == "altered":  # the stored files are not those the hash (and approvals) name
        files = dict(rules_variant(tmp_path, 3).files)
        planted = plant_version(store, files, claimed_hash=good.content_hash)
        forge_publication(store, planted, key=key)
    elif tamper == "broken":
        planted = plant_version(store, {"banking.yaml": b"rules: [\n"})
        forge_publication(store, planted, key=key)
    else:
        forge_publication(store, live.content_hash, key=key, ruleset_version="f" * 64)
    with caplog.at_level(logging.ERROR, logger="handoff.rules.watch"):
        reload = watcher.check_now()
    assert reload.result == "refused", reload
    assert why in (reload.reason or "")
    assert seen.routers == []  # nothing was applied: the live version keeps routing
    assert watcher.current is not None
    assert watcher.current.seq == live.seq
    assert "REFUSED" in caplog.text
    assert "rules: [" not in caplog.text
    # Not tried again; the next good publication is picked up as usual.
    assert watcher.check_now() == Reload("unchanged")
    fixed = gov.release(rules_variant(tmp_path, 4), "the fix")
    assert watcher.check_now().result == "applied"
    assert seen.routers[-1][0].version == fixed.ruleset_version
    assert watcher.counts["refused"] == 1


def test_start_up_uses_newest_publication_that_verifies(gov: Governed, tmp_path: Path) -> None:
    first = gov.release(rules_variant(tmp_path, 1), "first")
    second = gov.release(rules_variant(tmp_path, 2), "second")
    forge_publication(gov.store, first.content_hash, key=None)
    forge_publication(gov.store, gov.propose(rules_variant(tmp_path, 3), "x"), key=None)
    seen = Applied()
    watcher = seen.watcher(gov)
    router = watcher.initial()
    assert router is not None
    assert router.version == second.ruleset_version
    assert watcher.current is not None
    assert watcher.current.seq == second.seq
    assert [r.result for r in seen.results] == ["refused", "refused", "applied"]
    assert watcher.check_now() == Reload("unchanged")  # the forged ones are not retried


def test_start_up_refused_when_nothing_verifies(gov: Governed, tmp_path: Path) -> None:
    gov.release(rules_variant(tmp_path, 1), "first")
    from handoff.governance.store import RulesStore  # noqa: PLC0415

    other_key = RulesStore(gov.store.engine, keys=(b"another-key-not-the-publishers",))
    watcher = RulesWatcher(other_key, apply=Applied().apply, build=lambda b: b.router())
    with pytest.raises(CorruptVersion, match="cannot be used"):
        watcher.initial()


def test_store_down_keeps_routing_and_retries(
    gov: Governed, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    gov.release(rules_variant(tmp_path, 1), "first")
    seen = Applied()
    watcher = seen.watcher(gov)
    watcher.initial()
    database = tmp_path / "desktop.sqlite"
    away = tmp_path / "moved.sqlite"
    gov.store.engine.dispose()
    database.rename(away)  # SQLite opens an empty database in its place: no tables
    try:
        with caplog.at_level(logging.ERROR, logger="handoff.rules.watch"):
            first, second = watcher.check_now(), watcher.check_now()
        assert first.result == second.result == "store_error"
        assert not watcher.store_up
        assert caplog.text.count("cannot read the rules store") == 1  # once, not per poll
    finally:
        gov.store.engine.dispose()
        away.replace(database)
    published = gov.release(rules_variant(tmp_path, 2), "after the outage")
    assert watcher.check_now().result == "applied"
    assert watcher.store_up
    assert seen.routers[-1][1].seq == published.seq


def test_thread_applies_a_publish(gov: Governed, tmp_path: Path) -> None:
    done = threading.Event()
    seen: list[str] = []

    def apply(router: Router, published: Published) -> None:
        seen.append(router.version)
        done.set()

    watcher = RulesWatcher(
        gov.store, apply=apply, build=lambda b: b.router(), poll_seconds=0.05
    ).start()
    try:
        published = gov.release(rules_variant(tmp_path, 1), "first")
        assert done.wait(60), "the watcher thread did not apply the publish"
        assert seen == [published.ruleset_version]
    finally:
        watcher.stop()
    assert not any(t.name == "handoff-rules-watch" for t in threading.enumerate())


def test_poll_seconds_must_be_positive(gov: Governed) -> None:
    with pytest.raises(ValueError, match="positive"):
        RulesWatcher(gov.store, apply=Applied().apply, build=lambda b: b.router(), poll_seconds=0)


def test_a_restored_database_is_followed(tmp_path: Path) -> None:
    """Publication numbers that go back (a database restored from a backup) are followed,
    not ignored until they pass the old numbers."""
    followed, backup = tmp_path / "desktop.sqlite", tmp_path / "backup.sqlite"
    with governed(f"sqlite:///{backup}") as old:
        restored = old.release(rules_variant(tmp_path, 9), "in the backup")
    with governed(f"sqlite:///{followed}") as gov:
        for n in (1, 2, 3):
            gov.release(rules_variant(tmp_path, n), f"v{n}")
        seen = Applied()
        watcher = seen.watcher(gov)
        watcher.initial()
        gov.store.engine.dispose()
        backup.replace(followed)
        reload = watcher.check_now()
        assert (reload.result, reload.seq) == ("applied", restored.seq)
        assert seen.routers[-1][0].version == restored.ruleset_version
