"""Round 23 of issue 11 (helper r23g), principles 5 and 6: English requests and frustration
read over the window, by grammar and class.

1. ANAPHORIC REQUEST: "I'd like one please" asks for a person when the customer's previous
   message named one (any staff or person noun: cue staff_named); alone, or after a message
   naming a thing, "one" is no request.
2. STAFF TO GUIDE: a member of staff (the whole staff class) asked to take, walk or talk the
   customer through it, or to help them; not staff asked to do anything else.
3. FRUSTRATION PARTS: how long told as dates, a fault as a contradiction or a broken promise,
   places counted as attempts, a payment leaving at a time or the cash on the customer as a
   stake, giving up in words as an attempt in vain, mock pity and a lone exasperated word as
   sarcastic forms (counted only after trouble).
4. SHORTENED REPEAT: a nudge ("hello??", "anyone?") and the topic of an earlier question
   ("my limit") repeats each earlier message holding the topic.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals import spread
from handoff.signals.text import analyze_text
from tests.conftest import play_carried, route_parsed

_NOW = datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _route(router: Router, *messages: str) -> tuple[str, int | None]:
    # out_of_scope at 0.9: the customer's words decide, with no run of NLU fallbacks
    return route_parsed(router, [(m, "out_of_scope", 0.9) for m in messages], _NOW)


ANAPHORIC = [
    ("is there an actual adviser on this chat?", "I'd like one please"),
    ("do you have real people working here", "can I speak to one"),
    ("is this chat with bots or real humans?", "yes please, get me one"),
    ("is there a specialist who deals with mortgages", "I need one"),
]
NOT_ANAPHORIC = [
    ("I'd like one please",),
    ("do you do contactless cards?", "I'd like one please"),
    ("is there an adviser in the Leeds branch?", "I'd like one of those new cards"),
    ("do you have staff in branch on Saturdays?", "ok thanks"),
]


@pytest.mark.parametrize("messages", ANAPHORIC)
def test_anaphoric_one_after_staff_named(router: Router, messages: tuple[str, ...]) -> None:
    assert _route(router, *messages) == ("general_banking", len(messages))


@pytest.mark.parametrize("messages", NOT_ANAPHORIC)
def test_one_alone_is_no_request(router: Router, messages: tuple[str, ...]) -> None:
    assert _route(router, *messages)[0] == "bot"


def test_anaphoric_one_carried_turn_by_turn(router: Router) -> None:
    states = play_carried(router, ["are there real advisers here?", "I want one"], _NOW)
    assert states[-1].lane == "general_banking"


GUIDES = [
    "can a colleague of yours take me through it?",
    "could someone there walk me through this",
    "would one of your team go through it with me",
    "can an adviser talk me through the process",
    "could a member of staff help me",
]
NOT_GUIDES = [
    "can a colleague sign as a witness?",
    "can someone help me",
    "can my colleague take me through it later",
    "could a colleague of mine pay in for me",
]


@pytest.mark.parametrize("text", GUIDES)
def test_staff_asked_to_guide(text: str) -> None:
    assert analyze_text(text).human_request


@pytest.mark.parametrize("text", NOT_GUIDES)
def test_staff_not_asked_to_guide(text: str) -> None:
    assert not analyze_text(text).human_request


PARTS = [
    ("I paid it back on the 3rd", spread.LASTING),
    ("and now it's the 20th of the following month already", spread.LASTING),
    ("the app shows processed but my sister has nothing", spread.FAULT),
    ("status says approved, yet no money has arrived", spread.FAULT),
    ("my account is still the same", spread.FAULT),
    ("they promised they'd phone me back but nothing", spread.FAULT),
    ("they said someone would ring, nobody did", spread.FAULT),
    ("four different shops now", spread.ATTEMPT),
    ("I've been to three cashpoints", spread.ATTEMPT),
    ("my car finance comes out at 9am", spread.AT_STAKE),
    ("only £4 on me and a loaded basket", spread.AT_STAKE),
    ("we complete on Friday", spread.AT_STAKE),
    ("forget it, why do I bother", spread.ATTEMPT),
    ("whatever. waste of time", spread.ATTEMPT),
    ("honestly", spread.SARCASTIC),
    ("you guys must be really skint", spread.SARCASTIC),
]
NO_PARTS = [
    "it's the 1st, when is my statement?",
    "it says completed, thanks!",
    "whatever's easiest for you",
    "you said you'd call back, great, thanks for doing that",
    "I'd like one of those new cards",
    "I have 2 cards",
    "nobody did anything wrong",
    "whatever you think is best",
]


@pytest.mark.parametrize(("text", "part"), PARTS)
def test_frustration_part_by_concept(text: str, part: int) -> None:
    assert spread.parts(text)[0] & part


@pytest.mark.parametrize("text", NO_PARTS)
def test_no_frustration_part(text: str) -> None:
    assert not spread.parts(text)[0] & (
        spread.ATTEMPT | spread.LASTING | spread.AT_STAKE | spread.SARCASTIC | spread.FAULT
    )


BUILT = [
    # dates as how long, a contradiction as the fault, a stake
    (
        "my transfer to the landlord says sent but he hasn't had it",
        "I sent it on the 4th",
        "it's the 2nd now",
    ),
    (
        "the payment shows completed but the balance is the same",
        "and my car finance comes out at midnight",
        "tried it twice already",
    ),
    # a broken promise, a deadline, giving up
    (
        "they said they'd ring me back yesterday, nobody did",
        "we exchange on Friday",
        "forget it, I give up",
    ),
]
CALM = [
    ("it's the 1st, when is my statement?", "thanks"),
    ("it says completed, thanks!", "whatever's easiest for you"),
    ("we move on Friday, exciting", "can a colleague sign as a witness?"),
]


@pytest.mark.parametrize("messages", BUILT)
def test_frustration_built_from_new_parts(router: Router, messages: tuple[str, ...]) -> None:
    lane, turn = _route(router, *messages)
    assert lane == "general_banking"
    assert turn is not None
    assert turn <= len(messages)


@pytest.mark.parametrize("messages", CALM)
def test_calm_stays_with_bot(router: Router, messages: tuple[str, ...]) -> None:
    assert _route(router, *messages)[0] == "bot"


SHORTENED = [
    (
        "what is the daily spending limit on my debit card?",
        "how much can I spend in a day, what's the limit",
        "hello?? my limit",
    ),
    ("when will my refund from the airline arrive?", "where is the refund", "anyone? the refund"),
]
NOT_SHORTENED = [
    ("what is my overdraft limit?", "hello?? my limit"),  # asked once before: one repeat
    ("what is my limit?", "my limit on savings?"),  # no nudge: a new question
    ("what is my limit?", "hi! how do I order a card?"),  # another topic
]


@pytest.mark.parametrize("messages", SHORTENED)
def test_shortened_third_asking_is_a_repeat(router: Router, messages: tuple[str, ...]) -> None:
    assert _route(router, *messages) == ("general_banking", 3)


@pytest.mark.parametrize("messages", NOT_SHORTENED)
def test_not_a_shortened_repeat(router: Router, messages: tuple[str, ...]) -> None:
    assert _route(router, *messages)[0] == "bot"


def test_shortened_repeat_carried_turn_by_turn(router: Router) -> None:
    states = play_carried(
        router,
        [
            "what is the daily spending limit on my debit card?",
            "how much can I spend in a day, what's the limit",
            "hello?? my limit",
        ],
        _NOW,
    )
    assert states[-1].lane == "general_banking"
