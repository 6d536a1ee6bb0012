"""The desktop's relay (``handoff desktop serve --rules … --rasa-events …``) follows the rules
store like the action servers: once a version is published in the desktop's database it
routes paused conversations with that version, not --rules, and with each new publication;
the desktop gets the published version's lanes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from handoff.cli._desktop_web import _follow_rules_store
from handoff.desktop import Desktop
from handoff.desktop.relay import Relay
from handoff.router import Router
from tests.conftest import RULES
from tests.governance.hot_reload import KEY, Governed, governed, rules_variant


@pytest.fixture
def gov(tmp_path: Path) -> Iterator[Governed]:
    with governed(f"sqlite:///{tmp_path / 'desktop.sqlite'}") as store:
        yield store


def test_relay_routes_with_the_published_version(gov: Governed, tmp_path: Path) -> None:
    keys = (KEY.encode(),)
    with Desktop(gov.url) as desk:
        default = Router.from_path(RULES / "default.yaml")
        relay = Relay(desk, f"sqlite:///{tmp_path / 'events.sqlite'}", router=default)
        try:
            assert _follow_rules_store(desk, relay, keys) is None  # nothing published: --rules
            assert relay.router is default
            first = gov.release(rules_variant(tmp_path, 1), "first")
            watcher = _follow_rules_store(desk, relay, keys)
            assert watcher is not None
            try:
                assert relay.router is not None
                assert relay.router.version == first.ruleset_version
                assert "fraud" in {lane.id for lane in desk.lanes()}  # banking's lanes
                second = gov.release(rules_variant(tmp_path, 2), "second")
                watcher.check_now()  # or the thread already did
                assert relay.router.version == second.ruleset_version
            finally:
                watcher.stop()
        finally:
            relay.close()


def test_published_rules_without_the_key_refuse_to_start(gov: Governed, tmp_path: Path) -> None:
    keys: tuple[bytes, ...] = ()  # HANDOFF_RULES_KEY not set
    gov.release(rules_variant(tmp_path, 1), "first")
    with Desktop(gov.url) as desk:
        relay = Relay(desk, f"sqlite:///{tmp_path / 'events.sqlite'}")
        try:
            with pytest.raises(Exception, match="HANDOFF_RULES_KEY"):
                _follow_rules_store(desk, relay, keys)
        finally:
            relay.close()
