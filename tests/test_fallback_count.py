"""consecutive_fallbacks / total_fallbacks: what counts as the bot failing, and when.

An exchange is one user message and the replies to it. It failed when NLU fell back on the
message or a reply was a fallback (``fallback: true`` or a fallback action); both at once
are one failure. Messages whose intent is in ``not_a_failure_intents`` never fail. The
latest message, not yet answered, counts only if NLU fell back on it; otherwise it does not
break the run before it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from handoff.models.conversation import Conversation
from handoff.models.rules import Settings
from handoff.signals.extract import extract

SETTINGS = Settings(
    default_lane="bot",
    safe_lane="people",
    not_a_failure_intents=("greeting", "oos"),
)


def _user(intent: str) -> dict[str, Any]:
    return {
        "role": "user",
        "text": f"message {intent}",
        "intent": {"name": intent, "confidence": 0.9},
    }


FALLBACK_FLAG = {"role": "bot", "text": "Sorry?", "fallback": True}
FALLBACK_ACTION = {"role": "bot", "text": "Sorry?", "action": "action_default_fallback"}
ANSWER = {"role": "bot", "text": "Here you go.", "action": "utter_answer"}


def _counts(*turns: dict[str, Any]) -> tuple[int, int]:
    signals = extract(Conversation.model_validate({"turns": list(turns)}), SETTINGS)
    return signals.consecutive_fallbacks, signals.total_fallbacks


def test_a_failed_reply_counts_on_the_next_turn() -> None:
    """The bug this fixes: only the bot's replies failed, and the next message is ordinary."""
    assert _counts(_user("a"), FALLBACK_FLAG, _user("b"), FALLBACK_ACTION, _user("c")) == (2, 2)


def test_nlu_fallback_and_fallback_reply_are_one_failure() -> None:
    assert _counts(_user("nlu_fallback"), FALLBACK_ACTION, _user("c")) == (1, 1)


def test_the_latest_nlu_fallback_counts_before_its_reply() -> None:
    assert _counts(_user("a"), FALLBACK_FLAG, _user("nlu_fallback")) == (2, 2)


def test_an_answered_message_breaks_the_run() -> None:
    assert _counts(_user("a"), FALLBACK_FLAG, _user("b"), ANSWER, _user("c")) == (0, 1)


def test_small_talk_never_fails() -> None:
    """A 'sorry' to chit-chat or an out-of-scope question is not the bot failing: the
    exchange counts as answered (so it also ends a run of failures before it)."""
    assert _counts(_user("greeting"), FALLBACK_ACTION, _user("oos"), FALLBACK_FLAG, _user("c")) == (
        0,
        0,
    )
    assert _counts(_user("a"), FALLBACK_FLAG, _user("greeting"), FALLBACK_FLAG, _user("c")) == (
        0,
        1,
    )


def test_no_reply_yet_and_no_messages() -> None:
    assert _counts() == (0, 0)
    assert _counts(_user("a")) == (0, 0)
    assert _counts(FALLBACK_FLAG) == (0, 0)  # a reply to nobody


def test_agent_replies_answer_too() -> None:
    """An agent's reply answers a message as a bot's does; the next message is judged later."""
    agent = {"role": "agent", "text": "Let me look."}
    assert _counts(_user("a"), FALLBACK_FLAG, _user("b"), agent, _user("c")) == (0, 1)


_USER_KINDS = st.sampled_from(["ok", "nlu_fallback", "greeting"])
_REPLY_KINDS = st.sampled_from(["answer", "flag", "action"])
_EXCHANGES = st.lists(st.tuples(_USER_KINDS, st.lists(_REPLY_KINDS, max_size=3)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(exchanges=_EXCHANGES)
def test_counts_match_the_definition(exchanges: list[tuple[str, list[str]]]) -> None:
    """For any sequence of exchanges, the counts follow the definition in this module's
    docstring, computed here exchange by exchange."""
    turns: list[dict[str, Any]] = []
    failures: list[bool] = []
    for kind, replies in exchanges:
        turns.append(_user(kind))
        turns.extend(
            {"answer": ANSWER, "flag": FALLBACK_FLAG, "action": FALLBACK_ACTION}[r] for r in replies
        )
        if kind == "greeting":
            failures.append(False)
        else:
            failures.append(kind == "nlu_fallback" or any(r != "answer" for r in replies))
    if exchanges and not exchanges[-1][1] and not failures[-1]:
        failures.pop()  # the latest message, not answered yet and not an NLU fallback
    run = 0
    for failed in reversed(failures):
        if not failed:
            break
        run += 1
    assert _counts(*turns) == (run, sum(failures))
