"""The desktop's governance pages over the whole app served on 127.0.0.1 (the middleware,
routing, sessions and CSRF, as the other web tests: Starlette's TestClient now wants httpx2,
which the project does not use) against a real migrated SQLite desktop database and the real
governance store: agents are refused everywhere, the author cannot approve their own
change, an approver with the policy's role can, a supervisor publishes and rolls back, a POST
without the CSRF token changes nothing, the audit trail verifies and exports; uploads are
bounded; a rule set that does not load shows its file:line list; with a Rasa events database
the upload is backtested."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from handoff import Router
from handoff.desktop import Desktop
from handoff.desktop.rules_pages import MAX_UPLOAD_BYTES, RulesPages
from handoff.governance.store import RulesStore
from tests.desktop._web import app_for, csrf_of, serve
from tests.desktop.conftest import PASSWORD, Clock, fast_passwords
from tests.desktop.test_relay import RasaEvents

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules" / "default.yaml"
TESTS = ROOT / "rules" / "tests" / "default.yaml"
KEY = b"rules-signing-key-for-the-desktop-tests"
HASH = re.compile(r"/rules/([0-9a-f]{64})")


def _faster_sla(text: bytes) -> bytes:
    """The default rules with the general lane's SLA at 240 s instead of 300 s (a lane
    change: supervisors and team leads approve it)."""
    changed = text.replace(b"    sla_seconds: 300\n", b"    sla_seconds: 240\n", 1)
    assert changed != text
    return changed


@pytest.fixture
def desk(sqlite_template: Path, tmp_path: Path, default_router: Router) -> Iterator[Desktop]:
    """A migrated SQLite desktop (governance tables included) with the default lanes and
    ada (admin), sue (supervisor, the author), rita (supervisor granted risk) and alice
    (agent)."""
    path = tmp_path / "desktop.sqlite"
    shutil.copy(sqlite_template, path)
    desktop = Desktop(f"sqlite:///{path}", clock=Clock(), passwords=fast_passwords())
    desktop.sync_lanes(default_router)
    admin = desktop.create_admin("ada", PASSWORD)
    desktop.create_user(admin, "sue", PASSWORD, "supervisor")
    desktop.create_user(admin, "rita", PASSWORD, "supervisor")
    desktop.create_user(admin, "alice", PASSWORD, "agent", ["general_support"])
    try:
        yield desktop
    finally:
        desktop.close()


@pytest.fixture
def store(desk: Desktop) -> RulesStore:
    return RulesStore(desk.engine, keys=[KEY])


class Person:
    """One person's browser: an HTTP client with its own cookies and the session's CSRF."""

    def __init__(self, url: str, username: str) -> None:
        self.client = httpx.Client(base_url=url, timeout=30, follow_redirects=False)
        self.username = username
        form = self.client.get("/login")
        answer = self.client.post(
            "/login",
            data={"username": username, "password": PASSWORD, "csrf_token": csrf_of(form.text)},
        )
        assert answer.status_code == 303, answer.text
        self.csrf = csrf_of(self.client.get("/").text)

    def get(self, path: str) -> Any:
        return self.client.get(path)

    def post(self, path: str, **data: Any) -> Any:
        data.setdefault("csrf_token", self.csrf)
        return self.client.post(path, data=data)

    def upload(
        self,
        rules: bytes,
        *,
        name: str = "default.yaml",
        title: str = "Faster general support",
        tests: bytes | None = None,
        companions: dict[str, bytes] | None = None,
        **fields: Any,
    ) -> Any:
        files: list[tuple[str, tuple[str, bytes, str]]] = [
            ("rules", (name, rules, "application/yaml"))
        ]
        for companion, data in (companions or {}).items():
            files.append(("companions", (companion, data, "application/yaml")))
        if tests is not None:
            files.append(("tests", ("default.yaml", tests, "application/yaml")))
        data = {"csrf_token": self.csrf, "title": title, **fields}
        return self.client.post("/rules/new", data=data, files=files)


def proposed_hash(answer: Any) -> str:
    assert answer.status_code == 303, answer.text
    match = HASH.search(answer.headers["location"])
    assert match is not None, answer.headers["location"]
    return match[1]


def events(desk: Desktop) -> list[tuple[str, str]]:
    """(actor, action) of every governance audit event, oldest first."""
    with desk.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT actor, action FROM rules_events ORDER BY seq"))
        return [(row[0], row[1]) for row in rows]


def governance_tables(desk: Desktop) -> dict[str, list[tuple[Any, ...]]]:
    names = ("rules_versions", "rules_approvals", "rules_publications", "desktop_user_grants")
    found = {}
    with desk.engine.connect() as connection:
        for name in names:
            found[name] = [tuple(r) for r in connection.execute(sa.text(f"SELECT * FROM {name}"))]
    return found


@pytest.fixture
def url(desk: Desktop, store: RulesStore) -> Iterator[str]:
    with serve(app_for(desk, rules=RulesPages(store))) as base:
        yield base


@pytest.fixture
def people(url: str, store: RulesStore) -> Iterator[dict[str, Person]]:
    store.grant("rita", "risk", actor=store.actor("ada"))
    found = {name: Person(url, name) for name in ("ada", "sue", "rita", "alice")}
    try:
        yield found
    finally:
        for person in found.values():
            person.client.close()


def first_version(people: dict[str, Person]) -> str:
    """Sue proposes the default rules with their tests; rita (risk) approves; sue publishes."""
    sue, rita = people["sue"], people["rita"]
    ref = proposed_hash(
        sue.upload(RULES.read_bytes(), title="Default rules", tests=TESTS.read_bytes())
    )
    assert rita.post(f"/rules/{ref}/approve", comment="read it").status_code == 303
    assert sue.post(f"/rules/{ref}/publish", reason="first governed version").status_code == 303
    return ref


class TestAgents:
    def test_an_agent_gets_403_everywhere_and_sees_no_links(
        self, people: dict[str, Person], desk: Desktop
    ) -> None:
        ref = first_version(people)
        alice = people["alice"]
        assert 'data-testid="nav-rules"' not in alice.get("/").text
        assert 'data-testid="nav-rules"' in people["sue"].get("/").text
        for path in (
            "/rules",
            "/rules/new",
            f"/rules/{ref}",
            "/rules/audit",
            "/rules/audit.csv",
            "/rules/audit.jsonl",
            "/admin/grants",
        ):
            assert alice.get(path).status_code == 403, path
        before = governance_tables(desk)
        for action in ("approve", "withdraw", "publish", "rollback"):
            answer = alice.post(f"/rules/{ref}/{action}", reason="mine", comment="ok")
            assert answer.status_code == 403, action
        assert alice.upload(_faster_sla(RULES.read_bytes())).status_code == 403
        assert alice.post("/admin/grants/grant", username="alice", role="risk").status_code == 403
        assert governance_tables(desk) == before
        # The store refused each governance step and recorded the attempt.
        assert events(desk).count(("alice", "refuse")) == 5


class TestTheFlow:
    def test_author_refused_approver_approves_publish_and_rollback(
        self, people: dict[str, Person], desk: Desktop, store: RulesStore
    ) -> None:
        sue, rita = people["sue"], people["rita"]
        first = first_version(people)
        live = store.live()
        assert live is not None
        assert live.content_hash == first

        ref = proposed_hash(sue.upload(_faster_sla(RULES.read_bytes()), tests=TESTS.read_bytes()))
        page = sue.get(f"/rules/{ref}")
        assert page.status_code == 200
        assert "sla_seconds" in page.text or "240" in page.text  # the semantic diff
        assert 'data-testid="approve-form"' not in page.text  # never offered to the author
        assert 'data-testid="publish-form"' not in page.text  # not approved yet

        # The server enforces it anyway: the author's approval is refused, and recorded.
        refused = sue.post(f"/rules/{ref}/approve", comment="looks fine to me")
        assert refused.status_code == 403
        assert "author" in refused.text.lower()
        assert ("sue", "refuse") in events(desk)
        assert store.get(ref).approvals == [] or len(store.get(ref).approvals) == 0

        # Publishing without the approval is refused (409) and changes nothing.
        assert sue.post(f"/rules/{ref}/publish", reason="go").status_code == 409
        assert store.live().content_hash == first  # type: ignore[union-attr]

        assert rita.post(f"/rules/{ref}/approve", comment="ok").status_code == 303
        page = sue.get(f"/rules/{ref}")
        assert 'data-testid="publish-form"' in page.text
        assert 'data-testid="approval-rita"' in page.text
        answer = sue.post(f"/rules/{ref}/publish", reason="faster first answer")
        assert answer.status_code == 303
        assert store.live().content_hash == ref  # type: ignore[union-attr]

        overview = sue.get("/rules")
        assert overview.status_code == 200
        assert f'data-testid="rollback-{first[:12]}"' in overview.text
        old = sue.get(f"/rules/{first}")
        assert 'data-testid="rollback-form"' in old.text
        assert sue.post(f"/rules/{first}/rollback", reason="").status_code == 422  # no reason
        answer = sue.post(f"/rules/{first}/rollback", reason="SLA too tight for the team")
        assert answer.status_code == 303
        assert store.live().content_hash == first  # type: ignore[union-attr]
        actions = [action for _, action in events(desk)]
        assert actions.count("publish") == 2
        assert actions.count("rollback") == 1

    def test_a_post_without_the_csrf_token_changes_nothing(
        self, people: dict[str, Person], desk: Desktop
    ) -> None:
        sue, rita = people["sue"], people["rita"]
        ref = proposed_hash(sue.upload(RULES.read_bytes(), tests=TESTS.read_bytes()))
        before = governance_tables(desk)
        for token in ("", "not-the-token"):
            answer = rita.post(f"/rules/{ref}/approve", csrf_token=token)
            assert answer.status_code == 403
            upload = rita.client.post(
                "/rules/new",
                data={"csrf_token": token, "title": "x"},
                files=[("rules", ("default.yaml", RULES.read_bytes(), "application/yaml"))],
            )
            assert upload.status_code == 403
        assert governance_tables(desk) == before

    def test_the_audit_trail_verifies_and_exports(
        self, people: dict[str, Person], desk: Desktop
    ) -> None:
        ref = first_version(people)
        sue = people["sue"]
        page = sue.get("/rules/audit")
        assert page.status_code == 200
        assert "Hash chain verified" in page.text
        exported = sue.get("/rules/audit.csv")
        assert exported.status_code == 200
        assert exported.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(exported.text)))
        assert [row["action"] for row in rows][:4] == ["grant", "propose", "approve", "publish"]
        assert any(row.get("content_hash") == ref for row in rows)
        lines = sue.get("/rules/audit.jsonl").text.splitlines()
        assert [json.loads(line)["action"] for line in lines] == [row["action"] for row in rows]

        # Someone with database rights edits an event: the page says so.
        with desk.engine.begin() as connection:
            connection.execute(sa.text("DROP TRIGGER IF EXISTS rules_events_no_update"))
            connection.execute(sa.text("UPDATE rules_events SET actor = 'mallory' WHERE seq = 2"))
        page = sue.get("/rules/audit")
        assert "does not verify" in page.text


class TestUploads:
    def test_a_rule_set_that_does_not_load_shows_file_and_line(
        self, people: dict[str, Person], desk: Desktop
    ) -> None:
        broken = RULES.read_bytes().replace(b"default_lane: bot", b"default_lane: nowhere", 1)
        answer = people["sue"].upload(broken, name="broken.yaml")
        assert answer.status_code == 422
        assert re.search(r"broken\.yaml:\d+:\d+", answer.text), answer.text
        assert "/tmp" not in answer.text  # the bundle's names, not the temporary folder
        assert governance_tables(desk)["rules_versions"] == []

    def test_uploads_are_bounded(self, people: dict[str, Person], desk: Desktop) -> None:
        sue = people["sue"]
        huge = b"# " + b"x" * (MAX_UPLOAD_BYTES + 10) + b"\n"
        assert sue.upload(huge).status_code == 413
        too_big_file = RULES.read_bytes() + b"# " + b"y" * (1024 * 1024) + b"\n"
        answer = sue.upload(too_big_file)
        assert answer.status_code == 413
        assert "default.yaml" in answer.text
        assert sue.upload(RULES.read_bytes(), name="bad name!.yaml").status_code == 422
        assert governance_tables(desk)["rules_versions"] == []
        # A client path in the file name: only its last part is used.
        assert sue.upload(RULES.read_bytes(), name="../../etc/x.yaml").status_code == 303
        with desk.engine.connect() as connection:
            entries = connection.execute(sa.text("SELECT entry FROM rules_versions")).all()
        assert entries == [("x.yaml",)]

    def test_the_same_content_twice_is_a_conflict(self, people: dict[str, Person]) -> None:
        sue = people["sue"]
        ref = proposed_hash(sue.upload(RULES.read_bytes()))
        again = sue.upload(RULES.read_bytes(), title="again")
        assert again.status_code == 409
        assert ref[:12] in again.text


class TestVersions:
    def test_unknown_and_malformed_hashes_are_404(self, people: dict[str, Person]) -> None:
        sue = people["sue"]
        proposed_hash(sue.upload(RULES.read_bytes()))
        assert sue.get("/rules/" + "0" * 64).status_code == 404
        assert sue.get("/rules/not-a-hash").status_code == 404
        assert sue.post("/rules/" + "0" * 64 + "/approve").status_code == 404
        assert sue.post("/rules/" + "0" * 64 + "/delete").status_code == 404

    def test_the_author_withdraws_an_approver_may_not(
        self, people: dict[str, Person], store: RulesStore
    ) -> None:
        sue, rita = people["sue"], people["rita"]
        ref = proposed_hash(sue.upload(RULES.read_bytes()))
        assert 'data-testid="withdraw-form"' in sue.get(f"/rules/{ref}").text
        assert 'data-testid="withdraw-form"' not in rita.get(f"/rules/{ref}").text
        refused = rita.post(f"/rules/{ref}/withdraw")
        assert refused.status_code == 403
        assert 'data-testid="version"' in refused.text  # the version again, with the reason
        assert sue.post(f"/rules/{ref}/withdraw").status_code == 303
        assert store.get(ref).status == "withdrawn"
        page = sue.get("/rules")
        assert ref[:12] not in page.text.split('data-testid="history"')[0]  # not open any more
        assert rita.post(f"/rules/{ref}/approve").status_code == 409

    def test_failing_rule_tests_are_stored_but_never_approvable(
        self, people: dict[str, Person]
    ) -> None:
        sue, rita = people["sue"], people["rita"]
        wrong = TESTS.read_bytes().replace(b"expect: {lane: bot}", b"expect: {lane: callback}", 1)
        ref = proposed_hash(sue.upload(RULES.read_bytes(), tests=wrong))
        page = rita.get(f"/rules/{ref}")
        assert "Not approvable" in page.text
        assert "1 failed" in page.text
        assert 'data-testid="approve-form"' not in page.text
        assert rita.post(f"/rules/{ref}/approve").status_code == 409

    def test_without_a_signing_key_publishing_is_off_and_says_why(
        self, desk: Desktop, store: RulesStore
    ) -> None:
        store.grant("rita", "risk", actor=store.actor("ada"))
        unsigned = RulesStore(desk.engine)
        with serve(app_for(desk, rules=RulesPages(unsigned))) as base:
            sue, rita = Person(base, "sue"), Person(base, "rita")
            ref = proposed_hash(sue.upload(RULES.read_bytes()))
            assert rita.post(f"/rules/{ref}/approve").status_code == 303
            page = sue.get(f"/rules/{ref}")
            refused = sue.post(f"/rules/{ref}/publish", reason="go")
            sue.client.close()
            rita.client.close()
        assert 'data-testid="unsigned"' in page.text
        assert 'data-testid="publish-form"' not in page.text
        assert refused.status_code == 422
        assert "HANDOFF_RULES_KEY" in refused.text
        assert store.live() is None


class TestGrants:
    def test_an_admin_grants_and_revokes_a_supervisor_may_not(
        self, people: dict[str, Person], store: RulesStore
    ) -> None:
        ada, sue = people["ada"], people["sue"]
        assert sue.get("/admin/grants").status_code == 403
        assert sue.post("/admin/grants/grant", username="sue", role="risk").status_code == 403
        assert "risk" not in store.actor("sue").grants
        page = ada.get("/admin/grants")
        assert page.status_code == 200
        assert 'data-testid="grants-rita"' in page.text
        assert ada.post("/admin/grants/grant", username="sue", role="compliance").status_code == 303
        assert "compliance" in store.actor("sue").grants
        assert (
            ada.post("/admin/grants/revoke", username="sue", role="compliance").status_code == 303
        )
        assert "compliance" not in store.actor("sue").grants
        answer = ada.post("/admin/grants/grant", username="alice", role="risk")
        assert answer.status_code in (403, 409, 422)  # agents cannot hold grants
        assert ada.post("/admin/grants/grant", username="sue", role="Risk!").status_code == 422


class TestBacktest:
    def test_an_upload_is_backtested_over_the_relayed_conversations(
        self, desk: Desktop, store: RulesStore, tmp_path: Path, default_router: Router
    ) -> None:
        rasa = RasaEvents(f"sqlite:///{tmp_path / 'rasa-events.sqlite'}")
        try:
            for n in range(6):
                rasa.user(f"web-{n}", "hello there")
            rasa.user("web-human", "I want to talk to a human")
            app = app_for(
                desk, rules=RulesPages(store, events_url=rasa.url, baseline=default_router)
            )
            with serve(app) as base:
                sue = Person(base, "sue")
                assert 'name="backtest"' in sue.get("/rules/new").text
                answer = sue.upload(_faster_sla(RULES.read_bytes()), backtest="1", last="5")
                ref = proposed_hash(answer)
                proposal = store.get(ref)
                assert proposal.backtest is not None
                page = sue.get(f"/rules/{ref}")
                sue.client.close()
            assert 'data-testid="backtest"' in page.text
            assert "Not backtested" not in page.text
        finally:
            rasa.engine.dispose()
