"""The governance store on SQLite and PostgreSQL: who may propose, approve, publish and roll
back what; approvals bound to the content hash; signed publications; corrupt versions
refused; every step and refusal on the record."""

from __future__ import annotations

import io
import json
import threading

import pytest
import sqlalchemy as sa

from handoff import Conversation
from handoff.desktop import Desktop
from handoff.errors import RulesError
from handoff.governance.backtest import BacktestReport, backtest
from handoff.governance.bundle import RuleBundle
from handoff.governance.errors import (
    Conflict,
    CorruptVersion,
    GovernanceError,
    NotAllowed,
    NotApproved,
    NotFound,
)
from handoff.governance.store import RulesStore, keys_from_env, parse_keys, verify_records
from tests.conftest import ROOT
from tests.governance.store_support import KEY, OLD_KEY, People, Rules, edited, tamper


def refusals(store: RulesStore) -> list[dict[str, object]]:
    return [
        {"actor": event.actor, **event.detail}
        for event in reversed(store.events(limit=1000))
        if event.action == "refuse"
    ]


def live_v1(store: RulesStore, people: People, rules: Rules) -> str:
    """Propose, approve (risk + team lead: the first version counts as every kind) and
    publish the shipped banking rules; their content hash."""
    proposal = store.propose(rules.v1, author=people.dana, title="Banking rules, first version")
    store.approve(proposal.content_hash, approver=people.rita, comment="red lines reviewed")
    store.approve(proposal.content_hash, approver=people.tom)
    store.publish(proposal.content_hash, actor=people.pat, reason="go live")
    return proposal.content_hash


class TestWhoMayApprove:
    def test_an_agent_cannot_approve(self, store: RulesStore, people: People, rules: Rules) -> None:
        """Not even with a grant row written behind the store's back."""
        proposal = store.propose(rules.v1, author=people.dana, title="first")
        with store.engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO desktop_user_grants (user_id, role, granted_by, granted_at) "
                    "SELECT id, 'risk', 'ada', 0 FROM desktop_users WHERE username = 'carl'"
                )
            )
        assert store.actor("carl").grants == frozenset()
        with pytest.raises(NotAllowed, match="agents may not approve"):
            store.approve(proposal.content_hash, approver=people.carl)
        assert store.get(proposal.short).approvals == ()
        assert refusals(store)[-1] == {
            "actor": "carl",
            "attempted": "approve",
            "error": "NotAllowed",
            "reason": "agents may not approve rule changes",
        }
        with pytest.raises(NotAllowed, match="agents may not propose"):
            store.propose(rules.ordinary, author=people.carl, title="mine")
        with pytest.raises(NotAllowed, match="agents may not publish"):
            store.publish(proposal.content_hash, actor=people.carl, reason="now")

    def test_the_author_cannot_approve_their_own_change(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        proposal = store.propose(rules.v1, author=people.tom, title="first")
        with pytest.raises(NotAllowed, match="four eyes"):
            store.approve(proposal.content_hash, approver=people.tom)
        assert store.get(proposal.content_hash).approvals == ()
        assert refusals(store)[-1]["attempted"] == "approve"
        assert refusals(store)[-1]["actor"] == "tom"

    def test_the_authors_approval_never_counts_even_if_written_directly(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        proposal = store.propose(rules.v1, author=people.rita, title="first")
        with store.engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO rules_approvals (content_hash, approver, roles, at, comment) "
                    "VALUES (:h, 'rita', '[\"risk\",\"supervisor\"]', 0, '')"
                ),
                {"h": proposal.content_hash},
            )
        store.approve(proposal.content_hash, approver=people.tom)
        assert not store.status(proposal.content_hash).satisfied
        with pytest.raises(NotApproved, match="cannot be published yet"):
            store.publish(proposal.content_hash, actor=people.pat, reason="go")

    def test_a_role_the_policy_does_not_name_cannot_approve(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        live_v1(store, people, rules)
        change = store.propose(rules.red_line, author=people.dana, title="vulnerable: wider")
        assert change.kinds == ("red_lines", "rules")
        with pytest.raises(NotAllowed, match="needs one of the roles compliance, risk, superv"):
            store.approve(change.content_hash, approver=people.ada)  # an admin, no grant
        store.approve(change.content_hash, approver=people.tom)
        status = store.status(change.content_hash)
        assert not status.satisfied
        assert any(line.startswith("red lines") for line in status.missing), status.missing
        store.approve(change.content_hash, approver=people.rita)
        assert store.status(change.content_hash).satisfied

    def test_one_approval_per_person(self, store: RulesStore, people: People, rules: Rules) -> None:
        proposal = store.propose(rules.v1, author=people.dana, title="first")
        store.approve(proposal.content_hash, approver=people.rita)
        with pytest.raises(Conflict, match=r"approved version \w+ already"):
            store.approve(proposal.content_hash, approver=people.rita)

    def test_a_revoked_grant_no_longer_counts(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        """The store reads the approver's roles again: the Actor the caller holds (with the
        risk grant) is stale, and the approval records only the roles held now."""
        live_v1(store, people, rules)
        change = store.propose(rules.red_line, author=people.dana, title="red line")
        store.revoke("rita", "risk", actor=people.ada)
        approval = store.approve(change.content_hash, approver=people.rita)
        assert approval.roles == ("supervisor",)
        status = store.status(change.content_hash)
        assert not status.satisfied
        assert any(line.startswith("red lines") for line in status.missing), status.missing

    def test_a_deactivated_user_is_refused(
        self, db_url: str, store: RulesStore, people: People, rules: Rules
    ) -> None:
        proposal = store.propose(rules.v1, author=people.dana, title="first")
        with store.engine.begin() as connection:
            connection.execute(
                sa.text("UPDATE desktop_users SET active = false WHERE username = 'rita'")
            )
        with pytest.raises(NotAllowed, match="deactivated"):
            store.approve(proposal.content_hash, approver=people.rita)
        with pytest.raises(NotAllowed, match="deactivated"):
            store.actor("rita")


class TestContentHash:
    def test_an_edit_after_approval_voids_it(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        """Even a comment: the edited rules are a new version with no approvals."""
        live_v1(store, people, rules)
        change = store.propose(rules.ordinary, author=people.dana, title="priority 70")
        store.approve(change.content_hash, approver=people.tom)
        assert store.status(change.content_hash).satisfied
        again = RuleBundle.from_files(
            "banking.yaml", {"banking.yaml": rules.ordinary.files["banking.yaml"] + b"# note\n"}
        )
        edit = store.propose(again, author=people.dana, title="priority 70, with a comment")
        assert edit.content_hash != change.content_hash
        assert edit.approvals == ()
        assert not store.status(edit.content_hash).satisfied
        with pytest.raises(NotApproved):
            store.publish(edit.content_hash, actor=people.pat, reason="go")

    def test_a_comment_only_change_still_needs_a_second_person(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        live_v1(store, people, rules)
        change = store.propose(rules.comment, author=people.dana, title="comment")
        assert change.changes == ()
        assert change.kinds == ()
        status = store.status(change.content_hash)
        assert not status.satisfied
        assert status.missing
        with pytest.raises(NotApproved):
            store.publish(change.content_hash, actor=people.pat, reason="only a comment")

    def test_files_altered_in_the_database_after_approval_are_refused_at_publish(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        proposal = store.propose(rules.v1, author=people.dana, title="first")
        store.approve(proposal.content_hash, approver=people.rita)
        store.approve(proposal.content_hash, approver=people.tom)
        altered = json.dumps(
            {"banking.yaml": rules.red_line.files["banking.yaml"].decode()}, sort_keys=True
        )
        tamper(
            store,
            "UPDATE rules_versions SET files = '"
            + altered.replace("'", "''").replace("%", "%%")
            + f"' WHERE content_hash = '{proposal.content_hash}'",
        )
        with pytest.raises(CorruptVersion, match="altered in the database"):
            store.publish(proposal.content_hash, actor=people.pat, reason="go live")
        assert store.latest_seq() == 0
        assert store.live() is None
        assert refusals(store)[-1]["error"] == "CorruptVersion"

    def test_the_database_refuses_edits_of_the_record(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        """The append-only triggers: editing needs the owner's rights to drop them."""
        live_v1(store, people, rules)
        for statement in (
            "UPDATE rules_versions SET files = '{}'",
            "DELETE FROM rules_approvals",
            "UPDATE rules_publications SET actor = 'mallory'",
            "UPDATE rules_events SET actor = 'mallory' WHERE seq = 1",
            "DELETE FROM rules_events WHERE seq = 1",
        ):
            with pytest.raises(sa.exc.DBAPIError, match="append-only"), store.engine.begin() as c:
                c.exec_driver_sql(statement)
        assert store.verify_chain().ok

    def test_the_same_content_twice_is_a_conflict_naming_it(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        first = store.propose(rules.v1, author=people.dana, title="first")
        with pytest.raises(Conflict, match=f"already stored as version {first.short}"):
            store.propose(rules.v1, author=people.tom, title="again")

    def test_rules_that_do_not_load_are_refused_and_recorded(
        self, store: RulesStore, people: People
    ) -> None:
        broken = edited(
            "    lane: complaints\n    reason: The customer wants",
            "    lane: nowhere\n    reason: The customer wants",
        )
        with pytest.raises(RulesError, match=r"banking\.yaml:\d+"):
            store.propose(broken, author=people.dana, title="broken")
        assert store.proposals() == []
        assert refusals(store)[-1]["error"] == "RulesError"


class TestPublish:
    def test_publish_live_verify(self, store: RulesStore, people: People, rules: Rules) -> None:
        assert store.latest_seq() == 0
        assert store.live() is None
        content_hash = live_v1(store, people, rules)
        live = store.live()
        assert live is not None
        assert (live.seq, live.content_hash, live.action, live.actor) == (
            1,
            content_hash,
            "publish",
            "pat",
        )
        assert live.rules == rules.v1
        assert live.ruleset_version == rules.v1.router().version
        store.verify(live)
        assert store.latest_seq() == 1
        assert store.published(1) == live
        assert [p.seq for p in store.history()] == [1]
        # Records are JSON-able for the CLI and the desktop (times as ISO 8601 text).
        assert json.loads(json.dumps(live.to_dict()))["at"] == live.at.isoformat()
        assert "bundle" not in live.to_dict()
        proposal = json.loads(json.dumps(store.get(content_hash).to_dict()))
        assert [a["approver"] for a in proposal["approvals"]] == ["rita", "tom"]
        assert json.dumps([e.to_dict() for e in store.events()])
        with pytest.raises(Conflict, match="live already"):
            store.publish(content_hash, actor=people.pat, reason="again")

    def test_on_the_desktops_engine(
        self, db_url: str, store: RulesStore, people: People, rules: Rules
    ) -> None:
        """The desktop and the CLI open the store on the desktop's own engine."""
        with Desktop(db_url) as desk, RulesStore(desk.engine, keys=(KEY,)) as shared:
            content_hash = live_v1(shared, people, rules)
            live = store.live()
            assert live is not None
            assert live.content_hash == content_hash
            shared.verify(live)
            assert shared.verify_chain().ok

    def test_only_publishers_publish(self, store: RulesStore, people: People, rules: Rules) -> None:
        policy = store.policy().to_text().replace("[supervisor, admin]", "[admin]")
        store.set_policy(policy, actor=people.ada)
        proposal = store.propose(rules.v1, author=people.dana, title="first")
        store.approve(proposal.content_hash, approver=people.rita)
        store.approve(proposal.content_hash, approver=people.tom)
        with pytest.raises(NotAllowed, match="may not publish"):
            store.publish(proposal.content_hash, actor=people.pat, reason="go")
        store.publish(proposal.content_hash, actor=people.ed, reason="go")

    def test_approvals_are_checked_against_what_is_live_now(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        """A change proposed against v1 needs what its diff against the version live at
        publication needs."""
        live_v1(store, people, rules)
        ordinary = store.propose(rules.ordinary, author=people.dana, title="ordinary")
        both = edited(
            "        - cues: vulnerability\n",
            "        - cues: {contains_any: [vulnerability, legal_threat]}\n",
            rules.ordinary.files["banking.yaml"],
        )
        later = store.propose(both, author=people.dana, title="ordinary + red line")
        store.approve(ordinary.content_hash, approver=people.tom)
        store.publish(ordinary.content_hash, actor=people.pat, reason="priority")
        # Against the new live version, `later` changes only the red line.
        status = store.status(later.content_hash)
        assert not status.satisfied
        assert any(line.startswith("red lines") for line in status.missing)
        store.approve(later.content_hash, approver=people.rita)
        assert store.status(later.content_hash).satisfied
        store.publish(later.content_hash, actor=people.pat, reason="red line")

    def test_publish_needs_a_key(
        self, db_url: str, store: RulesStore, people: People, rules: Rules
    ) -> None:
        proposal = store.propose(rules.v1, author=people.dana, title="first")
        store.approve(proposal.content_hash, approver=people.rita)
        store.approve(proposal.content_hash, approver=people.tom)
        with RulesStore(db_url) as keyless:
            with pytest.raises(GovernanceError, match="HANDOFF_RULES_KEY"):
                keyless.publish(proposal.content_hash, actor=people.pat, reason="go")
            store.publish(proposal.content_hash, actor=people.pat, reason="go")
            live = keyless.live()
            assert live is not None
            with pytest.raises(CorruptVersion, match="no key"):
                keyless.verify(live)

    def test_signatures_and_key_rotation(
        self, db_url: str, store: RulesStore, people: People, rules: Rules
    ) -> None:
        live_v1(store, people, rules)
        live = store.live()
        assert live is not None
        with (
            RulesStore(db_url, keys=(OLD_KEY,)) as other,
            pytest.raises(CorruptVersion, match="signature does not verify"),
        ):
            other.verify(live)
        with RulesStore(db_url, keys=(OLD_KEY, KEY)) as rotated:
            rotated.verify(live)  # the old key still verifies what it signed

    def test_a_forged_publication_row_does_not_verify(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        """Someone with the database's credentials but not the key inserts a publication."""
        content_hash = live_v1(store, people, rules)
        ordinary = store.propose(rules.ordinary, author=people.dana, title="unapproved")
        tamper(
            store,
            "INSERT INTO rules_publications (seq, content_hash, ruleset_version, action, actor, "
            f"at, reason, chain_hash, signature) SELECT 2, '{ordinary.content_hash}', "
            "ruleset_version, 'publish', 'pat', at + 1, 'sneaky', chain_hash, signature "
            f"FROM rules_publications WHERE content_hash = '{content_hash}'",
        )
        live = store.live()
        assert live is not None
        assert live.content_hash == ordinary.content_hash
        with pytest.raises(CorruptVersion, match="signature does not verify"):
            store.verify(live)
        assert not store.verify_chain().ok

    def test_files_altered_after_publication_fail_verification(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        content_hash = live_v1(store, people, rules)
        altered = json.dumps({"banking.yaml": rules.comment.files["banking.yaml"].decode()})
        tamper(
            store,
            "UPDATE rules_versions SET files = '"
            + altered.replace("'", "''").replace("%", "%%")
            + f"' WHERE content_hash = '{content_hash}'",
        )
        live = store.live()
        assert live is not None
        with pytest.raises(CorruptVersion, match="do not match its content hash"):
            store.verify(live)
        # A corrupt live version never blocks putting a good one live (it counts as every
        # kind of change, like the first version).
        change = store.propose(rules.ordinary, author=people.dana, title="replace it")
        assert len(change.kinds) == 6
        store.approve(change.content_hash, approver=people.rita)
        store.approve(change.content_hash, approver=people.tom)
        store.publish(change.content_hash, actor=people.pat, reason="replace the corrupt one")
        fixed = store.live()
        assert fixed is not None
        store.verify(fixed)
        [event] = [e for e in store.events(limit=1) if e.action == "publish"]
        assert event.detail["previous_unreadable"] is True

    def test_concurrent_publishes_take_turns(
        self, db_url: str, store: RulesStore, people: People, rules: Rules
    ) -> None:
        """Two publishers at once (each its own store and connection pool, as two processes
        would be): both versions published one after the other, numbered 1 and 2, the
        chain intact; the same version published twice at once: once, the other refused."""
        first = store.propose(rules.v1, author=people.dana, title="v1")
        second = store.propose(rules.comment, author=people.dana, title="v1 with a comment")
        for proposal in (first, second):
            store.approve(proposal.content_hash, approver=people.rita)
            store.approve(proposal.content_hash, approver=people.tom)
        results = _race(
            db_url,
            [(first.content_hash, people.pat), (second.content_hash, people.ed)],
        )
        assert sorted(r for r in results if isinstance(r, int)) == [1, 2], results
        assert store.verify_chain().ok
        third = store.propose(rules.ordinary, author=people.dana, title="priority")
        store.approve(third.content_hash, approver=people.tom)
        results = _race(db_url, [(third.content_hash, people.pat), (third.content_hash, people.ed)])
        assert sorted(map(str, results)) == ["3", "Conflict"], results
        assert store.latest_seq() == 3
        report = store.verify_chain()
        assert report.ok, report.lines()
        assert report.anchored == 3


def _race(db_url: str, attempts: list[tuple[str, object]]) -> list[object]:
    stores = [RulesStore(db_url, keys=(KEY,)) for _ in attempts]
    barrier = threading.Barrier(len(attempts))
    results: list[object] = [None] * len(attempts)

    def publish(index: int) -> None:
        content_hash, actor = attempts[index]
        barrier.wait()
        try:
            results[index] = stores[index].publish(content_hash, actor=actor, reason="race").seq  # type: ignore[arg-type]
        except Conflict:
            results[index] = "Conflict"

    threads = [threading.Thread(target=publish, args=(i,)) for i in range(len(attempts))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        for opened in stores:
            opened.close()
    return results


class TestRollback:
    def test_rollback_to_an_earlier_version(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        v1 = live_v1(store, people, rules)
        v2 = store.propose(rules.ordinary, author=people.dana, title="priority 70")
        with pytest.raises(Conflict, match="never published"):
            store.rollback(v2.content_hash, actor=people.pat, reason="not yet")
        store.approve(v2.content_hash, approver=people.tom)
        store.publish(v2.content_hash, actor=people.pat, reason="priority")
        with pytest.raises(Conflict, match="live already"):
            store.rollback(v2.content_hash, actor=people.pat, reason="no")
        with pytest.raises(NotAllowed, match="agents may not"):
            store.rollback(v1, actor=people.carl, reason="mine")
        back = store.rollback(v1[:8], actor=people.pat, reason="priority 70 floods general")
        assert (back.seq, back.action, back.content_hash) == (3, "rollback", v1)
        live = store.live()
        assert live is not None
        assert live.content_hash == v1
        store.verify(live)
        [event] = [e for e in store.events() if e.action == "rollback"]
        assert event.detail["previous"] == v2.content_hash
        assert event.detail["reason"] == "priority 70 floods general"
        assert event.detail["changes"], "the rollback's diff is on the record"
        # Published once, a version stays on record: it cannot be withdrawn.
        with pytest.raises(Conflict, match="was published"):
            store.withdraw(v2.content_hash, actor=people.dana)


class TestProposals:
    def test_a_proposal_records_the_diff_and_kinds(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        first = store.propose(rules.v1, author=people.dana, title="first", description="all of it")
        assert first.base_hash is None
        assert first.valid
        assert first.status == "proposed"
        assert set(first.kinds) == {"red_lines", "override_lanes", "experiments", "lanes",
                                    "rules", "settings"}  # fmt: skip
        live_v1_hash = first.content_hash
        store.approve(live_v1_hash, approver=people.rita)
        store.approve(live_v1_hash, approver=people.tom)
        store.publish(live_v1_hash, actor=people.pat, reason="go")
        change = store.propose(rules.ordinary, author=people.dana, title="priority")
        assert change.base_hash == live_v1_hash
        assert change.kinds == ("rules",)
        assert [c["subject"] for c in change.changes] == ["intense_anger"]
        assert store.get(change.short[:6]) == change
        assert [p.content_hash for p in store.proposals()] == [change.content_hash, live_v1_hash]

    def test_a_backtest_is_stored_beside_the_proposal(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        live_v1(store, people, rules)
        samples = sorted((ROOT / "rules" / "samples" / "banking").glob("*.json"))
        conversations = [
            Conversation.model_validate(json.loads(p.read_text())["conversation"]) for p in samples
        ]
        report = backtest(
            rules.v1.router(), rules.red_line.router(), conversations, pseudonym_key=KEY
        )
        change = store.propose(rules.red_line, author=people.dana, title="wider", backtest=report)
        assert change.backtest is not None
        assert BacktestReport.from_dict(change.backtest) == report
        assert store.get(change.short).backtest == report.to_dict()

    def test_failing_rule_tests_are_stored_but_never_approvable(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        failing = RuleBundle.from_files(
            "banking.yaml",
            {
                "banking.yaml": rules.v1.files["banking.yaml"],
                "tests/wrong.yaml": (
                    b"cases:\n  - name: a card question goes to fraud (it does not)\n"
                    b"    turns:\n      - user: When will my card arrive?\n"
                    b"        intent: card_arrival\n    expect: {lane: fraud}\n"
                ),
            },
        )
        proposal = store.propose(failing, author=people.dana, title="failing tests")
        assert not proposal.valid
        with pytest.raises(Conflict, match="failed its checks"):
            store.approve(proposal.content_hash, approver=people.rita)

    def test_withdraw(self, store: RulesStore, people: People, rules: Rules) -> None:
        proposal = store.propose(rules.v1, author=people.dana, title="first")
        with pytest.raises(NotAllowed, match="its author"):
            store.withdraw(proposal.content_hash, actor=people.tom)
        assert store.withdraw(proposal.content_hash, actor=people.dana).status == "withdrawn"
        with pytest.raises(Conflict, match="withdrawn"):
            store.approve(proposal.content_hash, approver=people.rita)
        with pytest.raises(Conflict, match="withdrawn"):
            store.publish(proposal.content_hash, actor=people.pat, reason="go")
        assert store.proposals(status="proposed") == []

    def test_hash_references(self, store: RulesStore, people: People, rules: Rules) -> None:
        with pytest.raises(NotFound, match="at least its first 6"):
            store.get("abc")
        with pytest.raises(NotFound, match="no rules version"):
            store.get("abcdef")
        with pytest.raises(NotFound):
            store.approve("0" * 64, approver=people.rita)
        assert refusals(store)[-1]["error"] == "NotFound"


class TestGrantsAndPolicy:
    def test_grants(self, store: RulesStore, people: People) -> None:
        assert people.rita.grants == {"risk"}
        assert people.tom.grants == {"team_lead"}
        with pytest.raises(NotAllowed, match="only an admin"):
            store.grant("pat", "risk", actor=people.rita)
        with pytest.raises(NotAllowed, match="agents cannot hold"):
            store.grant("carl", "risk", actor=people.ada)
        with pytest.raises(NotAllowed, match="to themselves"):
            store.grant("ada", "compliance", actor=people.ada)
        with pytest.raises(GovernanceError, match="desktop role"):
            store.grant("pat", "admin", actor=people.ada)
        with pytest.raises(GovernanceError, match="lowercase"):
            store.grant("pat", "Risk!", actor=people.ada)
        with pytest.raises(Conflict, match="already holds"):
            store.grant("rita", "risk", actor=people.ed)
        store.grant("ada", "compliance", actor=people.ed)
        assert [(g.username, g.role, g.granted_by) for g in store.grants()] == [
            ("ada", "compliance", "ed"),
            ("rita", "risk", "ada"),
            ("tom", "team_lead", "ada"),
        ]
        store.revoke("ada", "compliance", actor=people.ed)
        with pytest.raises(NotFound, match="does not hold"):
            store.revoke("ada", "compliance", actor=people.ed)
        assert store.actor("ada").grants == frozenset()

    def test_set_policy(self, store: RulesStore, people: People, rules: Rules) -> None:
        text = (
            store.policy()
            .to_text()
            .replace(
                "rules:          {roles: [team_lead, supervisor], count: 1}",
                "rules:          {roles: [team_lead], count: 1}",
            )
        )
        with pytest.raises(NotAllowed, match="only an admin"):
            store.set_policy(text, actor=people.pat)
        store.set_policy(text, actor=people.ada)
        with pytest.raises(Conflict, match="already the approval policy"):
            store.set_policy(text, actor=people.ada)
        live_v1(store, people, rules)
        change = store.propose(rules.ordinary, author=people.dana, title="priority")
        with pytest.raises(NotAllowed, match="needs one of the roles team_lead"):
            store.approve(change.content_hash, approver=people.pat)


class TestAudit:
    def test_every_step_and_refusal_is_on_the_chain(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        content_hash = live_v1(store, people, rules)
        with pytest.raises(NotAllowed):
            store.approve(content_hash, approver=people.carl)
        actions = [(e.actor, e.action) for e in reversed(store.events())]
        assert actions == [
            ("ada", "grant"),
            ("ada", "grant"),
            ("dana", "propose"),
            ("rita", "approve"),
            ("tom", "approve"),
            ("pat", "publish"),
            ("carl", "refuse"),
        ]
        [publish] = [e for e in store.events(content_hash=content_hash) if e.action == "publish"]
        assert publish.detail["approvals"] == ["rita", "tom"]
        assert publish.detail["previous"] is None
        report = store.verify_chain()
        assert report.ok, report.lines()
        assert (report.events, report.anchored) == (7, 1)

    def test_export_and_check_it_again_offline(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        live_v1(store, people, rules)
        out = io.StringIO()
        assert store.export(out, "jsonl") == 6
        records = [json.loads(line) for line in out.getvalue().splitlines()]
        assert verify_records(records).ok
        assert verify_records(records).head == store.verify_chain().head
        records[2]["actor"] = "mallory"
        assert verify_records(records).problems == ("event 3 was altered after it was recorded",)
        table = io.StringIO()
        assert store.export(table, "csv") == 6
        lines = table.getvalue().splitlines()
        assert lines[0] == "seq,at,time,actor,action,content_hash,detail,prev_hash,hash"
        assert len(lines) == 7

    def test_an_edited_event_is_found(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        live_v1(store, people, rules)
        tamper(store, "UPDATE rules_events SET actor = 'mallory' WHERE seq = 4")
        report = store.verify_chain()
        assert not report.ok
        assert "event 4 was altered after it was recorded" in report.problems

    def test_a_deleted_event_is_found(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        live_v1(store, people, rules)
        tamper(store, "DELETE FROM rules_events WHERE seq = 3")
        report = store.verify_chain()
        assert not report.ok
        assert "events 3..3 are missing (deleted)" in report.problems
        assert any("does not follow" in problem for problem in report.problems)
        assert any("has no propose event" in problem for problem in report.problems)

    def test_a_deleted_tail_is_found(self, store: RulesStore, people: People, rules: Rules) -> None:
        """The last events have nothing after them to break: the facts they record do."""
        live_v1(store, people, rules)
        tamper(store, "DELETE FROM rules_events WHERE seq >= 5")
        report = store.verify_chain()
        assert not report.ok
        assert any("by 'tom' has no approve event" in p for p in report.problems), report.problems
        assert any("publication 1's audit event is missing" in p for p in report.problems)

    def test_a_rewritten_chain_is_found_by_the_signatures(
        self, store: RulesStore, people: People, rules: Rules
    ) -> None:
        """Someone edits an event and recomputes every hash after it (all the database
        lets them do): the publication's signature no longer covers the chain."""
        from handoff.governance.store import GENESIS, event_hash  # noqa: PLC0415

        live_v1(store, people, rules)
        rows = [dict(e) for e in _raw_events(store)]
        rows[3]["detail"] = json.dumps(
            {"comment": "", "roles": ["supervisor"]}, separators=(",", ":"), sort_keys=True
        )
        previous, statements = GENESIS, ["DELETE FROM rules_events"]
        for row in rows:
            row["prev_hash"], row["hash"] = previous, event_hash(previous, row)
            previous = row["hash"]
            values = ", ".join(_sql(row[c]) for c in ("seq", "at", "actor", "action",
                                                      "content_hash", "detail", "prev_hash",
                                                      "hash"))  # fmt: skip
            statements.append(f"INSERT INTO rules_events VALUES ({values})")
        tamper(store, *statements)
        report = store.verify_chain()
        assert not report.ok
        assert report.problems == ("publication 1's audit event is missing or was rewritten",)


def _raw_events(store: RulesStore) -> list[sa.RowMapping]:
    with store.engine.connect() as connection:
        return list(
            connection.execute(sa.text("SELECT * FROM rules_events ORDER BY seq")).mappings()
        )


def _sql(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''").replace("%", "%%") + "'"


class TestKeys:
    def test_parse_keys(self) -> None:
        assert parse_keys("a" * 16 + ", " + "b" * 20) == (b"a" * 16, b"b" * 20)
        with pytest.raises(GovernanceError, match="key 2 is shorter than 16 bytes"):
            parse_keys("a" * 16 + ",short")

    def test_keys_from_env(self, tmp_path: object) -> None:
        from pathlib import Path  # noqa: PLC0415

        path = Path(str(tmp_path)) / "key"
        path.write_text("x" * 32 + "\n")
        assert keys_from_env({"HANDOFF_RULES_KEY_FILE": str(path)}) == (b"x" * 32,)
        assert keys_from_env({}) == ()
        with pytest.raises(GovernanceError, match="not both"):
            keys_from_env({"HANDOFF_RULES_KEY": "y" * 32, "HANDOFF_RULES_KEY_FILE": str(path)})
