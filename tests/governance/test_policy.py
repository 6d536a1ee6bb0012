"""The governance policy: read like rules files (file:line and the fix), four eyes when
checking approvals, and who may publish."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handoff.errors import RulesError
from handoff.governance.actor import Actor
from handoff.governance.policy import (
    DEFAULT_POLICY_TEXT,
    MAX_POLICY_BYTES,
    Policy,
    Requirement,
)
from handoff.graph.diff import KINDS
from tests.conftest import RULES

SHIPPED = RULES / "governance" / "policy.yaml"


def _problems(text: str) -> list[str]:
    with pytest.raises(RulesError) as caught:
        Policy.from_text(text, "governance.yaml")
    return [str(p) for p in caught.value.problems]


class TestLoading:
    def test_the_shipped_file_is_the_default(self) -> None:
        """rules/governance/policy.yaml is the built-in default, byte for byte."""
        assert SHIPPED.read_text() == DEFAULT_POLICY_TEXT
        assert Policy.from_path(SHIPPED) == Policy.default()
        assert Policy.from_path(SHIPPED).hash == Policy.default().hash

    def test_the_default_as_documented(self) -> None:
        """Red lines and override lanes need risk or compliance; publishing a supervisor
        or an admin."""
        policy = Policy.default()
        assert policy.rule("red_lines").roles == ("risk", "compliance")
        assert policy.rule("override_lanes").roles == ("risk", "compliance")
        assert policy.rule("experiments").roles == ("risk", "team_lead")
        for kind in ("lanes", "rules", "settings"):
            assert policy.rule(kind).roles == ("team_lead", "supervisor")
        assert all(policy.rule(kind).count == 1 for kind in KINDS)
        assert policy.publish.roles == ("supervisor", "admin")

    def test_a_kind_left_out_keeps_the_default(self) -> None:
        """Leaving a kind out never waives its approval."""
        policy = Policy.from_text(
            "governance:\n  approvals:\n    red_lines: {roles: [compliance], count: 2}\n"
        )
        assert policy.rule("red_lines").roles == ("compliance",)
        assert policy.rule("red_lines").count == 2
        assert policy.rule("rules") == Policy.default().rule("rules")
        assert policy.publish == Policy.default().publish

    def test_text_and_hash(self) -> None:
        """to_text is what was written (comments kept); a comment changes the hash."""
        text = "governance:\n  publish: {roles: [admin]}\n"
        policy = Policy.from_text(text)
        assert policy.to_text() == text
        commented = Policy.from_text("# reviewed\n" + text)
        assert commented.hash != policy.hash
        assert len(policy.hash) == 64

    def test_from_path_reads_the_file(self, tmp_path: Path) -> None:
        """A policy file on disk; errors name it."""
        path = tmp_path / "mine.yaml"
        path.write_text("governance:\n  publish: {roles: [agent]}\n")
        with pytest.raises(RulesError) as caught:
            Policy.from_path(path)
        assert caught.value.problems[0].location == f"{path}:2:21"


class TestLoadingErrors:
    def test_not_utf8_and_too_large(self, tmp_path: Path) -> None:
        """A Latin-1 file is located to its byte; a huge one is refused by its size."""
        latin = tmp_path / "latin.yaml"
        latin.write_bytes(b"governance:\n  publish: {roles: [r\xe9sum\xe9]}\n")
        with pytest.raises(RulesError, match=r"latin\.yaml:2:22: byte 0xe9 is not valid UTF-8"):
            Policy.from_path(latin)
        with pytest.raises(RulesError, match="over 65,536 bytes"):
            Policy.from_text("#" * (MAX_POLICY_BYTES + 1))

    def test_a_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist: one located problem."""
        with pytest.raises(RulesError, match="cannot read the file"):
            Policy.from_path(tmp_path / "nope.yaml")

    def test_agent_is_refused_anywhere(self) -> None:
        """'agent' as an approver or publisher role: file:line and the fix."""
        problems = _problems(
            "governance:\n"
            "  approvals:\n"
            "    rules: {roles: [team_lead, agent]}\n"
            "  publish: {roles: [agent]}\n"
        )
        assert len(problems) == 2
        assert problems[0].startswith("governance.yaml:3:32: agents answer customers")
        assert problems[1].startswith("governance.yaml:4:21: agents answer customers")
        assert "hint: remove 'agent'" in problems[0]

    def test_unknown_kind(self) -> None:
        """A misspelled kind: refused, with a suggestion."""
        (problem,) = _problems("governance:\n  approvals:\n    redlines: {roles: [risk]}\n")
        assert problem.startswith("governance.yaml:3:5: unknown key 'redlines'")
        assert "did you mean one of 'red_lines'" in problem

    @pytest.mark.parametrize("count", [0, 6, -1])
    def test_count_out_of_range(self, count: int) -> None:
        """count is 1 to 5."""
        (problem,) = _problems(
            f"governance:\n  approvals:\n    rules: {{roles: [risk], count: {count}}}\n"
        )
        assert problem.startswith("governance.yaml:3:")
        assert "1 to 5" in problem

    @pytest.mark.parametrize("role", ["Risk", "team-lead", "x" * 33, "''"])
    def test_bad_role_names(self, role: str) -> None:
        """Role names are [a-z_], 1 to 32 characters."""
        (problem,) = _problems(f"governance:\n  publish: {{roles: [{role}]}}\n")
        assert problem.startswith("governance.yaml:2:")
        assert "is not a role name" in problem

    def test_a_role_twice(self) -> None:
        """A role listed twice is a mistake worth pointing at."""
        (problem,) = _problems("governance:\n  publish: {roles: [admin, admin]}\n")
        assert "listed twice" in problem

    @pytest.mark.parametrize(
        ("text", "says"),
        [
            ("", "the file is empty"),
            ("approvals: {}\n", "missing required key 'governance'"),
            ("governance:\n  publish: {roles: []}\n", "governance.yaml:2:"),
            ("governance:\n  publish: admin\n", "governance.yaml:2:"),
            ("governance: [1, 2]\n", "governance.yaml:1:"),
        ],
    )
    def test_shape(self, text: str, says: str) -> None:
        """Wrong shapes: located problems, never a traceback."""
        assert any(says in p for p in _problems(text))


class TestRequirements:
    def test_kinds_in_order(self) -> None:
        """One requirement per kind, in KINDS order, whatever order they were asked in."""
        requirements = Policy.default().requirements(["rules", "red_lines"])
        assert [r.kind for r in requirements] == ["red_lines", "rules"]
        assert requirements[0] == Requirement("red_lines", ("risk", "compliance"), 1)

    def test_the_first_version_is_every_kind(self) -> None:
        """Nothing live yet: the first version needs every kind's approval."""
        policy = Policy.default()
        assert [r.kind for r in policy.requirements([], first=True)] == list(KINDS)
        assert [r.kind for r in policy.requirements(None)] == list(KINDS)

    def test_no_routing_change_still_needs_an_approval(self) -> None:
        """A comment or a rule test changed: the rules approval, never nothing."""
        assert [r.kind for r in Policy.default().requirements([])] == ["rules"]

    def test_unknown_kind(self) -> None:
        """A kind the diff never produces is a programming error."""
        with pytest.raises(ValueError, match="unknown change kind"):
            Policy.default().requirements(["everything"])


RISK = Actor("rita", "supervisor", frozenset({"risk"}))
LEAD = Actor("tom", "supervisor", frozenset({"team_lead"}))
AUTHOR = Actor("dana", "supervisor", frozenset({"risk", "team_lead"}))
AGENT = Actor("arnie", "agent", frozenset({"risk"}))
ADMIN = Actor("ada", "admin")


AUTHOR_APPROVAL = ("dana", frozenset({"risk", "team_lead", "supervisor"}))
AGENT_APPROVAL = ("arnie", frozenset({"agent", "risk"}))


class TestCheck:
    def test_satisfied(self) -> None:
        """A risk approver and a team lead satisfy red lines + rules; who counted is kept."""
        policy = Policy.default()
        requirements = policy.requirements(["red_lines", "rules"])
        status = policy.check(requirements, [RISK, LEAD], author=AUTHOR.username)
        assert status.satisfied
        assert status.missing == []
        assert [r.approvers for r in status.requirements] == [("rita",), ("rita", "tom")]
        assert status.to_dict()["requirements"][0]["satisfied"] is True

    def test_the_authors_own_approval_never_counts(self) -> None:
        """Four eyes: the author holds every role needed, and still cannot approve."""
        policy = Policy.default()
        requirements = policy.requirements(["red_lines"])
        status = policy.check(requirements, [AUTHOR], author="dana")
        assert not status.satisfied
        assert status.missing == [
            "red lines: 1 more approval from risk or compliance (not the author, dana)"
        ]
        # Nor in another case.
        assert not policy.check(requirements, [("DANA", {"risk"})], author="dana").satisfied

    def test_an_agents_approval_never_counts(self) -> None:
        """An agent with a risk grant (a data error) still counts for nothing."""
        policy = Policy.default()
        status = policy.check(policy.requirements(["red_lines"]), [AGENT], author="dana")
        assert not status.satisfied

    def test_one_person_counts_once_per_requirement(self) -> None:
        """Two approvals by one person (any case) are one towards a count of two."""
        policy = Policy.from_text(
            "governance:\n  approvals:\n    red_lines: {roles: [risk], count: 2}\n"
        )
        requirements = policy.requirements(["red_lines"])
        status = policy.check(requirements, [RISK, ("Rita", {"risk"})], author="dana")
        assert not status.satisfied
        assert status.missing == ["red lines: 1 more approval from risk (not the author, dana)"]
        other = Actor("raj", "supervisor", frozenset({"risk"}))
        assert policy.check(requirements, [RISK, other], author="dana").satisfied

    def test_the_roles_held_when_approving_count(self) -> None:
        """Approvals carry the roles held then (tuples as the store records them)."""
        policy = Policy.default()
        requirements = policy.requirements(["red_lines", "lanes"])
        status = policy.check(requirements, [("tom", ["team_lead"])], author="dana")
        assert [r.satisfied for r in status.requirements] == [False, True]
        assert len(status.missing) == 1

    @given(
        approvals=st.lists(
            st.tuples(
                st.sampled_from(["rita", "tom", "raj", "dana", "arnie"]),
                st.frozensets(st.sampled_from(["risk", "team_lead", "supervisor", "agent"])),
            ),
            max_size=8,
        ),
        kinds=st.frozensets(st.sampled_from(KINDS)),
        extra=st.lists(st.sampled_from([AUTHOR_APPROVAL, AGENT_APPROVAL]), max_size=3),
        data=st.data(),
    )
    def test_order_and_author_or_agent_approvals_never_matter(
        self,
        approvals: list[tuple[str, frozenset[str]]],
        kinds: frozenset[str],
        extra: list[tuple[str, frozenset[str]]],
        data: st.DataObject,
    ) -> None:
        """Whatever the approvals: their order, and any number of approvals by the author
        or an agent added anywhere, never change whether a change may be published."""
        policy = Policy.default()
        requirements = policy.requirements(kinds)
        base = policy.check(requirements, approvals, author="dana")
        shuffled = data.draw(st.permutations(approvals))
        mixed = data.draw(st.permutations([*approvals, *extra]))
        assert policy.check(requirements, shuffled, author="dana").satisfied == base.satisfied
        assert policy.check(requirements, mixed, author="dana").satisfied == base.satisfied
        for status in base.requirements:
            assert "dana" not in status.approvers
            assert len(set(status.approvers)) == len(status.approvers)


class TestWhoMay:
    def test_publish(self) -> None:
        """Supervisors and admins publish; agents and plain grants do not."""
        policy = Policy.default()
        assert policy.may_publish(ADMIN)
        assert policy.may_publish(LEAD)
        assert not policy.may_publish(AGENT)
        assert not policy.may_publish(Actor("agent2", "agent", frozenset({"admin"})))
        narrow = Policy.from_text("governance:\n  publish: {roles: [release_manager]}\n")
        assert not narrow.may_publish(ADMIN)
        assert narrow.may_publish(Actor("rm", "supervisor", frozenset({"release_manager"})))

    def test_approve(self) -> None:
        """Only roles a requirement names may approve; never an agent."""
        policy = Policy.default()
        red = policy.requirements(["red_lines"])
        assert policy.may_approve(RISK, red)
        assert not policy.may_approve(LEAD, red)
        assert not policy.may_approve(AGENT, red)
        assert not policy.may_approve(ADMIN, red)
