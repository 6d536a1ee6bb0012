"""Who may approve which kind of rules change, how many people it takes, and who publishes.

The policy is YAML an admin edits; ``rules/governance/policy.yaml`` ships the built-in
default (in a folder of its own: every top-level file of ``rules/`` is a rule set)::

    governance:
      approvals:                # change kind -> who may approve and how many distinct people
        red_lines:      {roles: [risk, compliance], count: 1}
        override_lanes: {roles: [risk, compliance], count: 1}
        experiments:    {roles: [risk, team_lead], count: 1}
        lanes:          {roles: [team_lead, supervisor], count: 1}
        rules:          {roles: [team_lead, supervisor], count: 1}
        settings:       {roles: [team_lead, supervisor], count: 1}
      publish: {roles: [supervisor, admin]}   # who may publish and roll back

It is read like rules files (same guards, every error with file:line and the fix). A kind
left out keeps the default's requirement, so leaving a line out never waives an approval.

A change needs one requirement per kind it is (:mod:`handoff.graph.diff` classifies it); the
first version (nothing live yet) is every kind, and a change with no routing meaning (a
comment, a rule test) still needs the ``rules`` approval: nothing is published on its
author's word alone. Four eyes: the author's approvals never count, nor an agent's; one
person counts at most once per requirement, but may satisfy several requirements.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import Field, PrivateAttr, ValidationError

from handoff.errors import Problem, RulesError
from handoff.governance.actor import AGENT, Actor
from handoff.graph.diff import KINDS
from handoff.models._base import Model
from handoff.rules.loader import (
    SourceMap,
    _parse_bytes,  # the rules reader's guards, for text and bytes already read
    locate_validation_error,
)

__all__ = [
    "DEFAULT_POLICY_TEXT",
    "MAX_APPROVERS",
    "MAX_POLICY_BYTES",
    "ApprovalRule",
    "Policy",
    "PolicyStatus",
    "PublishRule",
    "Requirement",
    "RequirementStatus",
]

MAX_APPROVERS = 5
MAX_POLICY_BYTES = 64 * 1024
_ROLE = re.compile(r"[a-z_]{1,32}")
_TOP_KEYS = "'governance:' with 'approvals:' and 'publish:'"
# What a change with no routing meaning (comments, rule tests) still needs.
_NO_ROUTING_CHANGE = "rules"

DEFAULT_POLICY_TEXT = """\
# Who may approve which kind of rules change, and who publishes (see docs/GOVERNANCE.md).
# This file equals the built-in default policy. An admin sets another one with
# `handoff rules policy set FILE`; every change of policy is audited.
#
# A change needs an approval for every kind it is (`handoff diff` classifies it); the first
# version is every kind. The author's own approvals never count, nor an agent's, and each
# person counts once per kind. Roles are the desktop roles (supervisor, admin) and the
# governance roles an admin grants (e.g. team_lead, risk, compliance); never agent.
governance:
  approvals:                # change kind -> who may approve and how many distinct people
    red_lines:      {roles: [risk, compliance], count: 1}
    override_lanes: {roles: [risk, compliance], count: 1}
    experiments:    {roles: [risk, team_lead], count: 1}
    lanes:          {roles: [team_lead, supervisor], count: 1}
    rules:          {roles: [team_lead, supervisor], count: 1}
    settings:       {roles: [team_lead, supervisor], count: 1}
  publish: {roles: [supervisor, admin]}   # who may publish and roll back
"""


class ApprovalRule(Model):
    """Who may approve one kind of change, and how many distinct people must."""

    roles: tuple[str, ...] = Field(min_length=1, description="Any of these roles may approve.")
    count: int = Field(
        default=1, ge=1, le=MAX_APPROVERS, description="Distinct approvers needed (1 to 5)."
    )


class PublishRule(Model):
    """Who may publish an approved version and roll back to an earlier one."""

    roles: tuple[str, ...] = Field(min_length=1)


_DEFAULT_APPROVALS: dict[str, ApprovalRule] = {
    "red_lines": ApprovalRule(roles=("risk", "compliance")),
    "override_lanes": ApprovalRule(roles=("risk", "compliance")),
    "experiments": ApprovalRule(roles=("risk", "team_lead")),
    "lanes": ApprovalRule(roles=("team_lead", "supervisor")),
    "rules": ApprovalRule(roles=("team_lead", "supervisor")),
    "settings": ApprovalRule(roles=("team_lead", "supervisor")),
}


class Approvals(Model):
    """One approval rule per change kind; a kind left out keeps the default's."""

    red_lines: ApprovalRule = _DEFAULT_APPROVALS["red_lines"]
    override_lanes: ApprovalRule = _DEFAULT_APPROVALS["override_lanes"]
    experiments: ApprovalRule = _DEFAULT_APPROVALS["experiments"]
    lanes: ApprovalRule = _DEFAULT_APPROVALS["lanes"]
    rules: ApprovalRule = _DEFAULT_APPROVALS["rules"]
    settings: ApprovalRule = _DEFAULT_APPROVALS["settings"]


class _Governance(Model):
    approvals: Approvals = Approvals()
    publish: PublishRule = PublishRule(roles=("supervisor", "admin"))


class _PolicyFile(Model):
    governance: _Governance


@dataclass(frozen=True)
class Requirement:
    """``count`` distinct people holding any of ``roles`` must approve a change of ``kind``."""

    kind: str
    roles: tuple[str, ...]
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "roles": list(self.roles), "count": self.count}


@dataclass(frozen=True)
class RequirementStatus:
    """One requirement and the approvers who count towards it (in the order they approved)."""

    requirement: Requirement
    approvers: tuple[str, ...]

    @property
    def satisfied(self) -> bool:
        return len(self.approvers) >= self.requirement.count

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.requirement.to_dict(),
            "approvers": list(self.approvers),
            "satisfied": self.satisfied,
        }


@dataclass(frozen=True)
class PolicyStatus:
    """Whether the approvals satisfy every requirement; ``missing`` says, in plain words,
    what each unsatisfied one still needs."""

    satisfied: bool
    missing: list[str] = field(default_factory=list)
    requirements: list[RequirementStatus] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "satisfied": self.satisfied,
            "missing": list(self.missing),
            "requirements": [r.to_dict() for r in self.requirements],
        }


class _HasRoles(Protocol):
    @property
    def username(self) -> str: ...

    @property
    def roles(self) -> Collection[str]: ...


# An approval as the store records it: who, and the roles they held when approving.
ApprovalLike = tuple[str, Collection[str]] | _HasRoles


class Policy(Model):
    """Who may approve which kind of change (``approvals``) and who publishes
    (``publish``). Load with :meth:`from_text` / :meth:`from_path`; :meth:`default` is
    ``rules/governance/policy.yaml``."""

    approvals: Approvals = Approvals()
    publish: PublishRule = PublishRule(roles=("supervisor", "admin"))
    _text: str = PrivateAttr(default=DEFAULT_POLICY_TEXT)

    # ------------------------------------------------------------------ loading

    @classmethod
    def default(cls) -> Policy:
        """The built-in policy (the text of ``rules/governance/policy.yaml``)."""
        return cls.from_text(DEFAULT_POLICY_TEXT, "<default policy>")

    @classmethod
    def from_path(cls, path: str | Path) -> Policy:
        """Read a policy file; RulesError with file:line and the fix if it is unusable."""
        name = str(path)
        try:
            with Path(path).open("rb") as source:
                raw = source.read(MAX_POLICY_BYTES + 1)
        except OSError as error:
            hint = "check the path and try again"
            problem = Problem(name, 0, 0, f"cannot read the file: {error.strerror}", hint)
            raise RulesError([problem]) from None
        return cls._from_bytes(raw, name)

    @classmethod
    def from_text(cls, text: str, filename: str = "<policy>") -> Policy:
        """Read a policy from YAML text (an upload, the store); ``filename`` labels errors."""
        return cls._from_bytes(text.encode("utf-8"), filename)

    @classmethod
    def _from_bytes(cls, raw: bytes, name: str) -> Policy:
        if len(raw) > MAX_POLICY_BYTES:
            raise RulesError(
                [
                    Problem(
                        name,
                        0,
                        0,
                        f"the policy is over {MAX_POLICY_BYTES:,} bytes",
                        "a policy names six kinds and a few roles: keep it short",
                    )
                ]
            )
        # The rules reader's guards (UTF-8, nesting, aliases, duplicate keys, tabs).
        data, sources = _parse_bytes(raw, name, _TOP_KEYS)
        text = raw.decode("utf-8").removeprefix("\ufeff")
        return cls._validated(data, sources, text)

    @classmethod
    def _validated(cls, data: dict[str, Any], sources: SourceMap, text: str) -> Policy:
        try:
            parsed = _PolicyFile.model_validate(data)
        except ValidationError as error:
            raise RulesError(
                locate_validation_error(error, data, sources, root=_PolicyFile)
            ) from None
        problems = _role_problems(parsed.governance, sources)
        if problems:
            raise RulesError(problems)
        policy = cls(approvals=parsed.governance.approvals, publish=parsed.governance.publish)
        policy._text = text
        return policy

    def to_text(self) -> str:
        """The policy's YAML as written (comments kept): what the store records."""
        return self._text

    @property
    def hash(self) -> str:
        """sha256 hex of :meth:`to_text`: any edit, even to a comment, changes it."""
        return hashlib.sha256(self._text.encode("utf-8")).hexdigest()

    # ------------------------------------------------------------------ deciding

    def rule(self, kind: str) -> ApprovalRule:
        """The approval rule for ``kind`` (ValueError for a kind not in KINDS)."""
        if kind not in KINDS:
            raise ValueError(f"unknown change kind {kind!r}; kinds are {', '.join(KINDS)}")
        rule: ApprovalRule = getattr(self.approvals, kind)
        return rule

    def requirements(
        self, kinds: Iterable[str] | None, *, first: bool = False
    ) -> list[Requirement]:
        """What a change of ``kinds`` needs, in :data:`~handoff.graph.diff.KINDS` order.

        ``first`` (or ``kinds`` None): the first version, nothing live yet, which counts as
        every kind. No kinds at all (comments, rule tests only) still needs ``rules``.
        """
        wanted = set(KINDS) if first or kinds is None else set(kinds)
        unknown = wanted - set(KINDS)
        if unknown:
            raise ValueError(f"unknown change kinds {sorted(unknown)}; kinds are {KINDS}")
        if not wanted:
            wanted = {_NO_ROUTING_CHANGE}
        out = []
        for kind in KINDS:
            if kind in wanted:
                rule = self.rule(kind)
                out.append(Requirement(kind, rule.roles, rule.count))
        return out

    def check(
        self,
        requirements: Sequence[Requirement],
        approvals: Sequence[ApprovalLike],
        author: str,
    ) -> PolicyStatus:
        """Whether ``approvals`` (each an actor, or (username, roles held when approving))
        satisfy ``requirements`` for a change written by ``author``.

        The author's approvals never count (four eyes), nor those of anyone holding the
        agent role; a person counts once per requirement (usernames compared without case)
        but may count towards several requirements.
        """
        people = [_approval(a) for a in approvals]
        author_key = author.casefold()
        statuses: list[RequirementStatus] = []
        missing: list[str] = []
        for requirement in requirements:
            counted: list[str] = []
            seen: set[str] = set()
            for username, roles in people:
                key = username.casefold()
                if key == author_key or key in seen or AGENT in roles:
                    continue
                if roles & set(requirement.roles):
                    seen.add(key)
                    counted.append(username)
            status = RequirementStatus(requirement, tuple(counted))
            statuses.append(status)
            if not status.satisfied:
                short = requirement.count - len(counted)
                missing.append(
                    f"{requirement.kind.replace('_', ' ')}: {short} more approval"
                    f"{'s' if short != 1 else ''} from {_either(requirement.roles)} "
                    f"(not the author, {author})"
                )
        return PolicyStatus(not missing, missing, statuses)

    def may_approve(self, actor: Actor, requirements: Sequence[Requirement]) -> bool:
        """Whether ``actor`` holds a role some requirement names (agents never do). Being
        the author is the caller's check: it needs the change, not the policy."""
        if not actor.may_govern:
            return False
        return any(actor.roles & set(r.roles) for r in requirements)

    def may_publish(self, actor: Actor) -> bool:
        """Whether ``actor`` may publish and roll back (agents never may)."""
        return actor.may_govern and bool(actor.roles & set(self.publish.roles))


def _approval(item: ApprovalLike) -> tuple[str, frozenset[str]]:
    if isinstance(item, tuple):
        username, roles = item
    else:
        username, roles = item.username, item.roles
    return str(username), frozenset(str(role) for role in roles)


def _either(roles: Sequence[str]) -> str:
    names = [r.replace("_", " ") for r in roles]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _role_problems(governance: _Governance, sources: SourceMap) -> list[Problem]:
    """Role names: [a-z_], 1 to 32 characters, never agent."""
    problems: list[Problem] = []
    places: list[tuple[tuple[str | int, ...], tuple[str, ...]]] = [
        (("governance", "approvals", kind, "roles"), getattr(governance.approvals, kind).roles)
        for kind in KINDS
    ]
    places.append((("governance", "publish", "roles"), governance.publish.roles))
    for path, roles in places:
        for index, role in enumerate(roles):
            where = (*path, index)
            if role == AGENT:
                problems.append(
                    sources.problem(
                        where,
                        "agents answer customers; they never approve or publish a rules change",
                        "remove 'agent'; name a governance role an admin grants (e.g. team_lead, "
                        "risk, compliance) or supervisor / admin",
                    )
                )
            elif not _ROLE.fullmatch(role):
                problems.append(
                    sources.problem(
                        where,
                        f"{role!r} is not a role name",
                        "role names are 1 to 32 lower-case letters or '_', e.g. team_lead",
                    )
                )
        if len(set(roles)) != len(roles):
            problems.append(sources.problem(path, "a role is listed twice", "list each role once"))
    problems.sort(key=lambda p: (p.file, p.line, p.column))
    return problems
