"""The action server's rules from the store, in process: the settings, start-up (the live
published version, HANDOFF_RULES while nothing is published, refusing to start when the
store cannot be read or nothing verifies), the swap of ``runtime.router`` and the metrics.
The real servers under load are tests/governance/test_hot_reload_e2e.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from handoff.adapters.rasa_actions import ConfigError, Settings, build_runtime, settings_from_env
from handoff.adapters.server import Metrics
from tests.conftest import RULES, free_port
from tests.governance.hot_reload import KEY, Governed, forge_publication, governed, rules_variant

PASSWORD = "s3cret-in-the-url"


@pytest.fixture
def gov(tmp_path: Path) -> Iterator[Governed]:
    with governed(f"sqlite:///{tmp_path / 'desktop.sqlite'}") as store:
        yield store


def env(gov: Governed | None, **extra: str) -> dict[str, str]:
    values = {
        "HANDOFF_ACTION_TOKEN": "token-0123456789",
        "HANDOFF_STATE_SECRET": "state-0123456789",
        "HANDOFF_RULES": str(RULES / "default.yaml"),
        "HANDOFF_DEV_NO_DELIVERY": "1",
        # The thread never fires during a test: checks are driven with check_now().
        "HANDOFF_RULES_POLL_SECONDS": "3600",
    }
    if gov is not None:
        values |= {"HANDOFF_RULES_STORE": gov.url, "HANDOFF_RULES_KEY": KEY}
    return values | extra


def settings(gov: Governed | None, **extra: str) -> Settings:
    return settings_from_env(env(gov, **extra))


def samples(metrics: Metrics) -> str:
    return metrics.exposition().decode()


def test_routes_with_the_live_version_and_swaps_on_publish(gov: Governed, tmp_path: Path) -> None:
    first = gov.release(rules_variant(tmp_path, 1), "first")
    metrics = Metrics()
    runtime = build_runtime(
        settings(gov), on_rules=metrics.bind, on_reload=metrics.reloaded, strict=False
    )
    try:
        assert runtime.router.version == first.ruleset_version
        assert runtime.watcher is not None
        text = samples(metrics)
        assert f"handoff_rules_publication_seq {float(first.seq)}" in text
        assert 'handoff_rules_reloads_total{result="applied"} 1.0' in text

        second = gov.release(rules_variant(tmp_path, 2), "second")
        before = runtime.router
        assert runtime.watcher.check_now().result == "applied"
        assert runtime.router is not before
        assert runtime.router.version == second.ruleset_version
        text = samples(metrics)
        assert f"handoff_rules_publication_seq {float(second.seq)}" in text
        info = (
            f'handoff_rules_info{{content="{second.content_hash[:12]}",source="store",'
            f'version="{second.ruleset_version}"}} 1.0'
        )
        assert info in text
        assert text.count("handoff_rules_info{") == 1  # no stale series for the old version

        forge_publication(gov.store, first.content_hash, key=None)
        assert runtime.watcher.check_now().result == "refused"
        assert runtime.router.version == second.ruleset_version
        assert 'handoff_rules_reloads_total{result="refused"} 1.0' in samples(metrics)
    finally:
        runtime.close()


def test_nothing_published_routes_with_handoff_rules_until_the_first_publish(
    gov: Governed, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    metrics = Metrics()
    with caplog.at_level("WARNING"):
        runtime = build_runtime(settings(gov), on_reload=metrics.reloaded, strict=False)
    try:
        assert "no rules version is published" in caplog.text
        assert runtime.router.ruleset.name == "default"
        metrics.rules_from_file(runtime.router)
        assert "handoff_rules_publication_seq 0.0" in samples(metrics)
        assert 'source="file"' in samples(metrics)
        published = gov.release(rules_variant(tmp_path, 1), "first")
        assert runtime.watcher is not None
        assert runtime.watcher.check_now().result == "applied"
        assert runtime.router.version == published.ruleset_version
    finally:
        runtime.close()


def test_no_store_no_watcher() -> None:
    runtime = build_runtime(settings(None), strict=False)
    assert runtime.watcher is None
    runtime.close()


def test_refuses_to_start_when_no_published_version_verifies(gov: Governed, tmp_path: Path) -> None:
    gov.release(rules_variant(tmp_path, 1), "first")
    wrong = settings(gov, HANDOFF_RULES_KEY="a-key-that-signed-nothing-0123")
    with pytest.raises(ConfigError, match="cannot be used"):
        build_runtime(wrong, strict=False)


def test_refuses_to_start_when_the_store_cannot_be_read(tmp_path: Path) -> None:
    # A PostgreSQL URL with a password, on a port nobody listens on.
    url = f"postgresql+psycopg://handoff:{PASSWORD}@127.0.0.1:{free_port()}/rules"
    broken = settings_from_env(env(None, HANDOFF_RULES_STORE=url, HANDOFF_RULES_KEY=KEY))
    with pytest.raises(ConfigError, match="rules store cannot be read") as refused:
        build_runtime(broken, strict=False)
    assert PASSWORD not in str(refused.value)
    assert PASSWORD not in repr(broken)
    # An SQLite database without the governance tables: `handoff desktop upgrade` first.
    empty = settings_from_env(
        env(None, HANDOFF_RULES_STORE=f"sqlite:///{tmp_path / 'x.sqlite'}", HANDOFF_RULES_KEY=KEY)
    )
    with pytest.raises(ConfigError, match="handoff desktop upgrade"):
        build_runtime(empty, strict=False)


def test_store_settings_are_checked(tmp_path: Path) -> None:
    store = "sqlite:///nowhere.sqlite"
    with pytest.raises(ConfigError, match="needs HANDOFF_RULES_KEY"):
        settings_from_env(env(None, HANDOFF_RULES_STORE=store))
    url_file = tmp_path / "store-url"
    url_file.write_text(f"{store}\n")
    url_file.chmod(0o600)
    both = env(None, HANDOFF_RULES_STORE=store, HANDOFF_RULES_STORE_FILE=str(url_file))
    with pytest.raises(ConfigError, match="not both"):
        settings_from_env(both | {"HANDOFF_RULES_KEY": KEY})
    read = settings_from_env(
        env(None, HANDOFF_RULES_STORE_FILE=str(url_file), HANDOFF_RULES_KEY=KEY)
    )
    assert read.rules_store == store
    with pytest.raises(ConfigError, match="cannot be read"):
        settings_from_env(env(None, HANDOFF_RULES_STORE_FILE=str(tmp_path / "missing")))
    for bad in ("0", "-1", "abc", "nan", "7200"):
        with pytest.raises(ConfigError, match="HANDOFF_RULES_POLL_SECONDS"):
            settings_from_env(env(None, HANDOFF_RULES_POLL_SECONDS=bad))
    assert (
        settings_from_env(env(None, HANDOFF_RULES_POLL_SECONDS="0.25")).rules_poll_seconds == 0.25
    )
    assert settings_from_env(env(None) | {"HANDOFF_RULES_POLL_SECONDS": ""}).rules_poll_seconds == 1
