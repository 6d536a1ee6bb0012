"""Passwords and sessions: argon2id with rehash on login, the same work for unknown users,
session tokens stored hashed, CSRF tokens, expiry and logout."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from handoff.desktop import Desktop, Forbidden, InvalidInput
from handoff.desktop.auth import (
    MIN_PASSWORD_CHARS,
    Passwords,
    check_password_rules,
    csrf_matches,
    hash_token,
)
from handoff.desktop.store import Audit, Session, User
from tests.desktop.conftest import PASSWORD, Clock, People, fast_passwords


class CountingHasher(PasswordHasher):
    """argon2-cffi's real hasher, counting how often it verifies (the expensive step)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.verifications = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verifications += 1
        return super().verify(hash, password)


def stored_hash(desk: Desktop, username: str) -> str:
    with desk.engine.connect() as connection:
        value: str = connection.execute(
            sa.select(User.password_hash).where(User.username == username)
        ).scalar_one()
    return value


class TestPasswords:
    def test_hashes_are_argon2id_and_salted(self) -> None:
        passwords = fast_passwords()
        first, second = passwords.hash(PASSWORD), passwords.hash(PASSWORD)
        assert first.startswith("$argon2id$")
        assert first != second
        assert passwords.verify(first, PASSWORD).ok
        assert not passwords.verify(first, PASSWORD + "!").ok
        assert not passwords.verify("not a hash", PASSWORD).ok

    @pytest.mark.parametrize(
        ("password", "message"),
        [
            ("x" * (MIN_PASSWORD_CHARS - 1), "at least 10"),
            ("x" * 257, "at most 256"),
            (" " * 12, "only spaces"),
        ],
    )
    def test_rules(self, password: str, message: str) -> None:
        with pytest.raises(ValueError, match=message) as caught:
            check_password_rules(password)
        assert password.strip() == "" or password not in str(caught.value)

    def test_the_default_policy_is_argon2ids_recommended_profile(self) -> None:
        hasher = Passwords().hasher
        assert (hasher.time_cost, hasher.memory_cost) == (
            PasswordHasher().time_cost,
            PasswordHasher().memory_cost,
        )


class TestLogin:
    def test_rehash_when_the_parameters_change(self, desk: Desktop, people: People) -> None:
        """A hash made with older parameters is replaced at the next successful login."""
        old = stored_hash(desk, "alice")
        assert "t=1," in old
        desk.passwords = Passwords(PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
        assert desk.authenticate("alice", "wrong password!!") is None
        assert stored_hash(desk, "alice") == old  # a failed login changes nothing
        assert desk.authenticate("alice", PASSWORD) is not None
        new = stored_hash(desk, "alice")
        assert new != old
        assert "m=16,t=2,p=1" in new
        assert desk.authenticate("alice", PASSWORD) is not None
        assert stored_hash(desk, "alice") == new  # current parameters: not rehashed again

    @pytest.mark.parametrize(
        "username", ["alice", "nobody", "Not Valid!", "x" * 500, "deactivated"]
    )
    def test_every_failed_login_costs_one_verification(
        self, desk: Desktop, people: People, username: str
    ) -> None:
        """Unknown, malformed and deactivated usernames cost what a wrong password costs, so
        timing does not tell which usernames exist."""
        desk.create_user(people.admin, "deactivated", PASSWORD, "agent")
        desk.deactivate_user(people.admin, "deactivated")
        hasher = CountingHasher(time_cost=1, memory_cost=8, parallelism=1)
        desk.passwords = Passwords(hasher)
        hasher.verifications = 0
        password = PASSWORD if username == "deactivated" else "wrong password!!"
        assert desk.login(username, password) is None
        assert hasher.verifications == 1

    def test_usernames_are_case_insensitive(self, desk: Desktop, people: People) -> None:
        user = desk.authenticate("  ALICE ", PASSWORD)
        assert user is not None
        assert user.username == "alice"


class TestSessions:
    def test_token_is_stored_hashed_with_its_csrf_token(
        self, desk: Desktop, people: People
    ) -> None:
        opened = desk.login("alice", PASSWORD)
        assert opened is not None
        token, csrf = opened
        assert len(token) >= 43
        assert token != csrf
        with desk.engine.connect() as connection:
            rows = connection.execute(sa.select(Session.token_hash, Session.csrf)).all()
        assert [tuple(row) for row in rows] == [(hashlib.sha256(token.encode()).hexdigest(), csrf)]
        assert hash_token(token) == rows[0].token_hash
        info = desk.session(token)
        assert info is not None
        assert (info.user.username, info.user.lanes, info.csrf) == (
            "alice",
            ("general_support",),
            csrf,
        )
        assert desk.session_user(token) == info.user

    def test_csrf(self, desk: Desktop, people: People) -> None:
        opened = desk.login("alice", PASSWORD)
        other = desk.login("bob", PASSWORD)
        assert opened is not None
        assert other is not None
        assert desk.check_csrf(opened[0], opened[1])
        assert not desk.check_csrf(opened[0], other[1])  # another session's token
        assert not desk.check_csrf(opened[0], "")
        assert not desk.check_csrf(opened[0], None)
        assert not desk.check_csrf("forged", opened[1])
        assert not csrf_matches("", "")
        assert csrf_matches("abc", "abc")

    def test_sessions_expire(self, desk: Desktop, people: People, clock: Clock) -> None:
        opened = desk.login("alice", PASSWORD)
        assert opened is not None
        clock.advance(desk.session_seconds - 1)
        assert desk.session_user(opened[0]) is not None
        clock.advance(1)
        assert desk.session_user(opened[0]) is None
        assert not desk.check_csrf(*opened)
        # The next login clears expired sessions out of the table.
        assert desk.login("bob", PASSWORD) is not None
        with desk.engine.connect() as connection:
            assert connection.execute(sa.select(sa.func.count()).select_from(Session)).scalar() == 1

    def test_logout(self, desk: Desktop, people: People) -> None:
        opened = desk.login("alice", PASSWORD)
        assert opened is not None
        desk.logout(opened[0])
        assert desk.session_user(opened[0]) is None
        desk.logout(opened[0])  # again: nothing happens
        desk.logout("unknown")
        desk.logout(None)
        actions = [e.action for e in desk.audit(people.sue) if e.actor == "alice"]
        assert actions == ["logout", "login"]

    @pytest.mark.parametrize("token", [None, "", "x" * 129, "unknown"])
    def test_unknown_tokens(self, desk: Desktop, people: People, token: str | None) -> None:
        assert desk.session(token) is None

    def test_set_password_ends_sessions(self, desk: Desktop, people: People) -> None:
        opened = desk.login("alice", PASSWORD)
        assert opened is not None
        with pytest.raises(Forbidden):
            desk.set_password(people.bob, "alice", "bob knows it now")
        with pytest.raises(InvalidInput, match="at least"):
            desk.set_password(people.alice, "alice", "short")
        desk.set_password(people.alice, "alice", "a brand new passphrase")
        assert desk.session_user(opened[0]) is None
        assert desk.login("alice", PASSWORD) is None
        assert desk.login("alice", "a brand new passphrase") is not None
        desk.set_password(people.admin, "alice", "the admin reset it")
        assert desk.login("alice", "the admin reset it") is not None

    def test_passwords_never_reach_the_audit_log(self, desk: Desktop, people: People) -> None:
        desk.set_password(people.admin, "alice", "the admin reset it")
        desk.login("alice", "the admin reset it")
        with desk.engine.connect() as connection:
            rows = connection.execute(sa.select(Audit.before, Audit.after)).all()
        text = " ".join(str(value) for row in rows for value in row)
        assert "set_password" not in text  # the action is a column, not in the JSON
        for secret in (PASSWORD, "the admin reset it", "argon2"):
            assert secret not in text


class TestThrottling:
    def test_guessing_is_slowed_down_not_locked_out(
        self, desk: Desktop, people: People, clock: Clock
    ) -> None:
        for _ in range(5):
            assert desk.login("alice", "a wrong guess!!") is None
        # The fifth failure refuses every attempt for 30 s, the right password included.
        assert desk.login("alice", PASSWORD) is None
        clock.advance(29)
        assert desk.login("alice", PASSWORD) is None
        clock.advance(1)
        assert desk.login("alice", "a wrong guess!!") is None  # the sixth: 60 s now
        clock.advance(59)
        assert desk.login("alice", PASSWORD) is None
        clock.advance(1)
        assert desk.login("alice", PASSWORD) is not None  # a success resets the count
        for _ in range(4):
            assert desk.login("alice", "a wrong guess!!") is None
        assert desk.login("alice", PASSWORD) is not None
        # Others are not affected.
        assert desk.login("anna", PASSWORD) is not None

    def test_the_wait_is_capped_and_a_new_password_resets_it(
        self, desk: Desktop, people: People, clock: Clock
    ) -> None:
        for _ in range(12):
            desk.login("alice", "a wrong guess!!")
            clock.advance(3600)
        assert desk.login("alice", "a wrong guess!!") is None
        clock.advance(900)
        assert desk.login("alice", PASSWORD) is not None  # 15 minutes at most
        for _ in range(6):
            desk.login("alice", "a wrong guess!!")
        desk.set_password(people.admin, "alice", "a fresh passphrase")
        assert desk.login("alice", "a fresh passphrase") is not None
