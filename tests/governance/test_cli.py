"""``handoff rules …`` driven through click's runner against real desktop databases (SQLite,
and PostgreSQL when HANDOFF_TEST_POSTGRES_URL names a throwaway one): the people are real
desktop users with argon2 passwords, every command authenticates, and what the store
recorded is read back through the commands themselves."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

from handoff.cli import cli
from handoff.desktop import Desktop, migrations
from handoff.desktop.migrations import VERSION_TABLE
from handoff.desktop.store import Base
from handoff.governance import tables
from tests import newcomer
from tests.conftest import ROOT, RULES
from tests.desktop.conftest import PASSWORD, fast_passwords

POSTGRES_URL = os.environ.get("HANDOFF_TEST_POSTGRES_URL")
KEY = "k" * 32
NEXT_KEY = "n" * 32
HASH = re.compile(r"^version\s+([0-9a-f]{12}) ", re.M)
BANKING = RULES / "banking.yaml"
BANKING_TESTS = RULES / "tests" / "banking.yaml"


def _reset_postgres(url: str) -> None:
    """Drop the desktop's and the governance tables (and only those), then migrate."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            for table in [*reversed(tables.metadata.sorted_tables),
                          *reversed(Base.metadata.sorted_tables)]:  # fmt: skip
                connection.execute(sa.text(f'DROP TABLE IF EXISTS "{table.name}" CASCADE'))
            connection.execute(sa.text(f'DROP TABLE IF EXISTS "{VERSION_TABLE}"'))
        migrations.upgrade(engine)
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated desktop database with one user of each kind the flow needs: ada (admin),
    sue (supervisor, publishes), dana (supervisor, designs), rita (supervisor, approves once
    granted risk) and alice (agent)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'desktop.sqlite'}"
        with Desktop(url) as desk:
            desk.upgrade()
    else:
        if not POSTGRES_URL:
            pytest.skip("set HANDOFF_TEST_POSTGRES_URL to a throwaway database")
        url = POSTGRES_URL
        _reset_postgres(url)
    with Desktop(url, passwords=fast_passwords()) as desk:
        ada = desk.create_admin("ada", PASSWORD)
        for name in ("sue", "dana", "rita"):
            desk.create_user(ada, name, PASSWORD, "supervisor")
        desk.create_user(ada, "alice", PASSWORD, "agent")
    return url


class Rules:
    """``handoff rules …`` as a named user, with the password and key in the environment."""

    def __init__(self, db: str, *, key: str | None = KEY) -> None:
        self.db = db
        self.env = {"HANDOFF_PASSWORD": PASSWORD, "HANDOFF_RULES_KEY": key or ""}

    def __call__(
        self, *args: str | Path, user: str, env: dict[str, str] | None = None, **kw: str
    ) -> Result:
        runner = CliRunner(env={**self.env, **(env or {})})
        argv = ["rules", *[str(a) for a in args], "--as", user, "--db", self.db]
        return runner.invoke(cli, argv, catch_exceptions=False, **kw)  # type: ignore[arg-type]


def _ok(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return result.output


def _refused(result: Result, *needles: str) -> str:
    assert result.exit_code == 1, result.output
    for needle in needles:
        assert needle in result.output, result.output
    assert "Traceback" not in result.output
    return result.output


def _version(output: str) -> str:
    found = HASH.search(output)
    assert found, output
    return found[1]


def _conversations(tmp_path: Path) -> Path:
    """The banking samples as a JSONL file (one routing case per line, as `handoff replay`
    reads them)."""
    path = tmp_path / "chats.jsonl"
    lines = [
        json.dumps(json.loads(sample.read_text()))
        for sample in sorted((RULES / "samples" / "banking").glob("*.json"))
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def _edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    text = BANKING.read_text()
    assert old in text
    (folder / "banking.yaml").write_text(text.replace(old, new, 1))
    return folder / "banking.yaml"


# A designer narrows the red line "regulatory_complaint": a complaint intent with a legal
# threat seen earlier must now also carry a complaint cue.
RED_LINE_OLD = "          not: {cues: legal_topic}\n        - intent: complain\n"
RED_LINE_NEW = (
    "          not: {cues: legal_topic}\n        - cues: complaint\n          intent: complain\n"
)


def test_the_whole_flow(db: str, tmp_path: Path) -> None:
    """Grant, propose, four eyes, agent refused, approve, publish, an edit voids approvals,
    rollback, and an audit trail that exports and verifies."""
    rules = Rules(db)
    assert "rita (supervisor) now holds: risk" in _ok(rules("grant", "rita", "risk", user="ada"))
    _refused(rules("grant", "sue", "risk", user="sue"), "admin")

    first = _ok(
        rules(
            "propose", BANKING, "--tests", BANKING_TESTS, "--title", "Banking, first version",
            user="dana",
        )
    )  # fmt: skip
    v1 = _version(first)
    assert "checks    ok" in first
    assert "a first version" in first
    assert "red_lines" in first
    assert "missing" in first

    _refused(rules("approve", v1, user="dana"), "four eyes")
    _refused(rules("approve", v1, user="alice"), "agent")
    _refused(rules("publish", v1, "--reason", "too early", user="sue"), "cannot be published")

    approved = _ok(rules("approve", v1, "--comment", "read every red line", user="rita"))
    assert "complete: ready to publish" in approved
    _refused(rules("approve", v1, user="rita"), "already")

    _refused(
        Rules(db, key=None)("publish", v1, "--reason", "CHG-1", user="sue"), "HANDOFF_RULES_KEY"
    )
    _refused(rules("publish", v1, "--reason", "CHG-1", user="alice"), "agent")
    published = _ok(rules("publish", v1, "--reason", "CHG-1", user="sue"))
    assert f"published {v1}" in published
    assert "as publication 1" in published

    # A red-line change, backtested over the banking samples.
    edited = _edited(tmp_path, "v2", RED_LINE_OLD, RED_LINE_NEW)
    second = _ok(
        rules(
            "propose", edited, "--tests", BANKING_TESTS, "--title", "Complaint red line",
            "--backtest", _conversations(tmp_path), user="dana",
        )
    )  # fmt: skip
    v2 = _version(second)
    assert v2 != v1
    assert f"against {v1} (live when proposed)" in second
    assert "regulatory_complaint" in second
    assert "[red_lines" in second
    assert "backtest" in second
    _ok(rules("approve", v2, "--comment", "backtest: no lane moved", user="rita"))

    # The same file with one comment more: a new version, with no approvals.
    voided = edited.parent.parent / "v3"
    voided.mkdir()
    (voided / "banking.yaml").write_text(edited.read_text() + "# reviewed\n")
    v3 = _version(_ok(rules("propose", voided / "banking.yaml", "--title", "Same", user="dana")))
    assert v3 not in (v1, v2)
    shown = _ok(rules("show", v3, user="rita"))
    assert "approved  0" in shown
    _refused(rules("publish", v3, "--reason", "sneak", user="sue"), "cannot be published")
    _ok(rules("withdraw", v3, user="dana"))

    _ok(rules("publish", v2, "--reason", "CHG-2", user="sue"))
    listed = _ok(rules("list", "--status", "all", user="rita"))
    assert re.search(rf"^{v2}\s+live", listed, re.M), listed
    assert re.search(rf"^{v3}\s+withdrawn", listed, re.M), listed

    rolled = _ok(rules("rollback", v1, "--reason", "INC-7: complaints queue flooded", user="sue"))
    assert f"rolled back to {v1}" in rolled
    assert "publication 3" in rolled
    _refused(rules("rollback", v1, "--reason", "again", user="sue"), "live already")
    _refused(rules("rollback", v3, "--reason", "never published", user="sue"), "never published")

    history = _ok(rules("history", user="ada"))
    assert history.count("signature ok") == 3
    assert re.search(rf"^\s+3 .* rollback\s+{v1} .*live$", history, re.M), history

    trail = _ok(rules("audit", "--limit", "100", user="ada"))
    for action in ("propose", "approve", "refuse", "publish", "rollback", "grant", "withdraw"):
        assert f" {action} " in trail, action
    assert "four eyes" in trail

    exported = tmp_path / "audit.jsonl"
    verified = _ok(rules("audit", "--export", exported, "--verify", user="ada"))
    assert "audit trail intact" in verified
    events = [json.loads(line) for line in exported.read_text().splitlines()]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert {"propose", "approve", "refuse", "publish", "rollback"} <= {e["action"] for e in events}
    # Refusals name the version they were about, in full.
    [four_eyes] = [e for e in events if "four eyes" in e["detail"]]
    assert four_eyes["action"] == "refuse"
    assert four_eyes["actor"] == "dana"
    assert four_eyes["content_hash"].startswith(v1)
    assert len(four_eyes["content_hash"]) == 64
    _ok(rules("audit", "--export", tmp_path / "audit.csv", user="ada"))
    assert (tmp_path / "audit.csv").read_text().startswith("seq,at,time,actor,action")

    offline = CliRunner().invoke(cli, ["rules", "verify-export", str(exported)])
    assert offline.exit_code == 0, offline.output
    assert f"export intact: {len(events)} events" in offline.output
    # Someone edits who approved in the exported copy: found, exit 1.
    tampered = tmp_path / "tampered.jsonl"
    tampered.write_text(exported.read_text().replace('"actor":"rita"', '"actor":"sue"', 1))
    caught = CliRunner().invoke(cli, ["rules", "verify-export", str(tampered)])
    assert caught.exit_code == 1
    assert "BROKEN" in caught.output
    assert "altered" in caught.output

    # Without the key the signatures are not checked, and it says so.
    unkeyed = _ok(Rules(db, key=None)("history", user="ada"))
    assert "signature not checked (no key)" in unkeyed
    # With a key that did not sign them, none verifies: exit 1.
    _refused(Rules(db, key=NEXT_KEY)("history", user="ada"), "DOES NOT VERIFY")
    # Rotation: the new key first, the old one still verifying.
    _ok(Rules(db, key=f"{NEXT_KEY},{KEY}")("audit", "--verify", user="ada"))


class TestIdentity:
    """Who runs a command is a desktop user proved by their password, never by argv."""

    @pytest.fixture
    def sqlite(self, tmp_path: Path) -> str:
        url = f"sqlite:///{tmp_path / 'desktop.sqlite'}"
        with Desktop(url, passwords=fast_passwords()) as desk:
            desk.upgrade()
            ada = desk.create_admin("ada", PASSWORD)
            desk.create_user(ada, "alice", PASSWORD, "agent")
        return url

    def test_wrong_password_is_refused_and_throttled(self, sqlite: str) -> None:
        rules = Rules(sqlite)
        wrong = {"HANDOFF_PASSWORD": "not the password"}
        for _ in range(5):
            out = _refused(rules("list", user="ada", env=wrong), "wrong username or password")
            assert "not the password" not in out
        # After five failures in a row, even the right password waits (the desktop's rule).
        _refused(rules("list", user="ada"), "wrong username or password")

    def test_password_is_prompted_without_echo(self, sqlite: str) -> None:
        rules = Rules(sqlite)
        result = rules("list", user="ada", env={"HANDOFF_PASSWORD": ""}, input=PASSWORD + "\n")
        assert result.exit_code == 0, result.output
        assert "Password for ada" in result.output
        assert PASSWORD not in result.output

    def test_user_is_required(self, sqlite: str) -> None:
        result = CliRunner(env={"HANDOFF_USER": ""}).invoke(cli, ["rules", "list", "--db", sqlite])
        assert result.exit_code == 2
        assert "--as" in result.output

    def test_user_from_the_environment(self, sqlite: str) -> None:
        env = {"HANDOFF_USER": "ada", "HANDOFF_PASSWORD": PASSWORD}
        result = CliRunner(env=env).invoke(cli, ["rules", "list", "--db", sqlite])
        assert result.exit_code == 0, result.output
        assert "no proposed versions" in result.output

    def test_agents_see_nothing(self, sqlite: str) -> None:
        _refused(Rules(sqlite)("list", user="alice"), "agent")
        _refused(Rules(sqlite)("audit", user="alice"), "agent")

    def test_unmigrated_database_is_said_before_the_prompt(self, tmp_path: Path) -> None:
        url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
        result = Rules(url)("list", user="ada", env={"HANDOFF_PASSWORD": ""})
        _refused(result, "handoff desktop upgrade")
        assert "Password" not in result.output

    def test_key_settings(self, sqlite: str, tmp_path: Path) -> None:
        key_file = tmp_path / "rules.key"
        key_file.write_text(KEY + "\n")
        key_file.chmod(0o600)
        both = {"HANDOFF_RULES_KEY_FILE": str(key_file)}
        _refused(Rules(sqlite)("list", user="ada", env=both), "not both")
        only_file = {"HANDOFF_RULES_KEY": "", "HANDOFF_RULES_KEY_FILE": str(key_file)}
        _ok(Rules(sqlite)("history", user="ada", env=only_file))
        _refused(Rules(sqlite, key="short")("list", user="ada"), "16 bytes")


class TestCommands:
    """Errors are one line (or file:line for rules and policies), exit 1, no traceback."""

    @pytest.fixture
    def rules(self, tmp_path: Path) -> Rules:
        url = f"sqlite:///{tmp_path / 'desktop.sqlite'}"
        with Desktop(url, passwords=fast_passwords()) as desk:
            desk.upgrade()
            ada = desk.create_admin("ada", PASSWORD)
            desk.create_user(ada, "sue", PASSWORD, "supervisor")
        return Rules(url)

    def test_broken_rules_name_their_file_and_line(self, rules: Rules) -> None:
        broken = RULES.parent / "tests" / "data" / "broken_rules" / "unknown_signal.yaml"
        out = _refused(rules("propose", broken, "--title", "x", user="sue"))
        assert "unknown_signal.yaml:13:7: unknown signal 'frustraton'" in out
        assert "/tmp" not in out

    def test_failing_rule_tests_are_stored_but_exit_1(self, rules: Rules, tmp_path: Path) -> None:
        cases = tmp_path / "cases.yaml"
        cases.write_text(
            "cases:\n  - name: wrong on purpose\n    turns:\n      - user: hello\n"
            "    expect: {lane: fraud}\n"
        )
        out = _refused(rules("propose", BANKING, "--tests", cases, "--title", "x", user="sue"))
        assert "FAILED" in out
        assert "wrong on purpose" in out
        version = _version(out)
        listed = _ok(rules("list", user="sue"))
        assert re.search(rf"^{version}\s+checks failed", listed, re.M)
        _refused(rules("propose", BANKING, "--tests", cases, "--title", "x", user="sue"), version)

    def test_show_json_and_prefixes(self, rules: Rules) -> None:
        version = _version(_ok(rules("propose", BANKING, "--title", "first", user="sue")))
        record = json.loads(_ok(rules("show", version[:6], "--json", user="ada")))
        assert record["short"] == version
        assert record["author"] == "sue"
        assert record["policy"]["satisfied"] is False
        _refused(rules("show", "abc", user="ada"))
        _refused(rules("show", "0" * 12, user="ada"))

    def test_policy_show_and_set(self, rules: Rules, tmp_path: Path) -> None:
        shown = _ok(rules("policy", "show", user="sue"))
        assert "red_lines" in shown
        assert "risk" in shown
        broken = tmp_path / "policy.yaml"
        broken.write_text("governance:\n  approvals:\n    red_lines: {roles: [agent], count: 1}\n")
        out = _refused(rules("policy", "set", broken, user="ada"))
        assert f"{broken}:3" in out
        stricter = tmp_path / "stricter.yaml"
        default = (RULES / "governance" / "policy.yaml").read_text()
        once = "red_lines:      {roles: [risk, compliance], count: 1}"
        stricter.write_text(default.replace(once, once.replace("count: 1", "count: 2")))
        _refused(rules("policy", "set", stricter, user="sue"), "admin")
        assert "is live from now on" in _ok(rules("policy", "set", stricter, user="ada"))
        assert "count: 2" in _ok(rules("policy", "show", user="sue"))

    def test_every_command_has_help_with_an_example(self) -> None:
        names = ["propose", "list", "show", "approve", "withdraw", "publish", "rollback",
                 "history", "audit", "verify-export", "grant", "revoke"]  # fmt: skip
        for name in names:
            result = CliRunner().invoke(cli, ["rules", name, "--help"])
            assert result.exit_code == 0, name
            assert "Example" in result.output, name


def test_readme_change_rules_safely(tmp_path: Path) -> None:
    """The README's "Change rules safely" blocks run as a newcomer runs them (one bash
    session from the repository root, a newcomer's environment) and print what they show."""
    readme = newcomer.shell_blocks(ROOT, "README.md")
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("## Change rules safely") + 1
    end = next(n for n in range(start, len(lines)) if lines[n].startswith("## "))
    blocks = [block for block in readme if start < block.line <= end]
    assert len(blocks) >= 3
    assert all(block.marker == "run" for block in blocks)
    session = newcomer.Session(ROOT, tmp_path, newcomer.clean_environment())
    try:
        for block in blocks:
            failure = newcomer._run_block(session, block)
            assert failure is None, failure
    finally:
        session.close()
