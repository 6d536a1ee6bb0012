"""``handoff desktop upgrade`` and ``handoff desktop create-admin``, run in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from handoff.cli import cli
from handoff.desktop import Desktop
from tests.desktop.conftest import PASSWORD


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'desk.sqlite'}"


def test_upgrade_then_create_admin(db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["desktop", "upgrade", "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    from handoff.desktop import migrations  # noqa: PLC0415

    assert f"is at revision {migrations.head()} (current)" in result.output
    again = runner.invoke(cli, ["desktop", "upgrade", "--db", db], catch_exceptions=False)
    assert again.exit_code == 0
    created = runner.invoke(
        cli,
        ["desktop", "create-admin", "Ada", "--db", db],
        input=f"{PASSWORD}\n{PASSWORD}\n",
        catch_exceptions=False,
    )
    assert created.exit_code == 0, created.output
    assert "admin 'ada' created" in created.output
    assert PASSWORD not in created.output
    with Desktop(db) as desk:
        user = desk.authenticate("ada", PASSWORD)
        assert user is not None
        assert user.role == "admin"
        [entry] = [e for e in desk.audit(user) if e.action == "create_user"]
        assert entry.actor == "system"


def test_password_from_the_environment(db: str) -> None:
    runner = CliRunner(env={"HANDOFF_DESKTOP_ADMIN_PASSWORD": PASSWORD, "HANDOFF_DESKTOP_DB": db})
    assert runner.invoke(cli, ["desktop", "upgrade"]).exit_code == 0
    result = runner.invoke(cli, ["desktop", "create-admin", "ada"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    taken = runner.invoke(cli, ["desktop", "create-admin", "ada"], catch_exceptions=False)
    assert taken.exit_code == 1
    assert "the username 'ada' is taken" in taken.output


def test_short_password_is_refused_without_echo(db: str) -> None:
    runner = CliRunner(env={"HANDOFF_DESKTOP_ADMIN_PASSWORD": "tiny-pw"})
    runner.invoke(cli, ["desktop", "upgrade", "--db", db])
    result = runner.invoke(cli, ["desktop", "create-admin", "ada", "--db", db])
    assert result.exit_code == 1
    assert "at least 10 characters" in result.output
    assert "tiny-pw" not in result.output


def test_create_admin_needs_the_tables_first(db: str) -> None:
    """Said before the password prompt, with the command that fixes it."""
    result = CliRunner().invoke(cli, ["desktop", "create-admin", "ada", "--db", db])
    assert result.exit_code == 1
    assert "handoff desktop upgrade" in result.output
    assert "Password" not in result.output
