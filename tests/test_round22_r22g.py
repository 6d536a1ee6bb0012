"""Round 22 of issue 11 (helper r22g), principles 4 and 6: English grammar and concepts.

1. FILLERS: focus, degree and politeness adverbs inside any lexicon phrase ("I just want a
   person", "can I please speak to someone"); not the aspect adverbs ("do I still need").
2. CONNECTING VERBS: a person asked for by any verb that puts the customer in contact
   (put me in touch with, get me through to, hook me up with, can I be transferred to), with
   staff or people nouns under any determiner; never a thing ("the app's settings").
3. ECONOMIC ABUSE THROUGH ACCESS and SOMEONE ELSE'S VULNERABILITY: an ex or a left partner
   who has access to, uses or takes from the customer's money; a relative's health event or
   lost capacity; money matters avoided; gambling as a habit by its frequency.
4. CALM: a short question about a term, or whether a power of attorney is accepted, stays
   with the bot; a past access, a passed test, a place never visited asked about stay too.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals.text import analyze_text
from tests.conftest import route_fallbacks

_NOW = datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


REQUESTS = [
    "I just want a person",
    "honestly I really want to talk to a human",
    "can I please speak to someone",
    "I simply need a real person",
    "put me in touch with my relationship manager",
    "could you put me in contact with our account manager please",
    "get me through to someone, this is going nowhere",
    "hook me up with an adviser",
    "can I be transferred to a person",
    "I'd like to be put through to the fraud team",
    "connect us with the branch manager",
]
NOT_REQUESTS = [
    "I just want to know the rate",
    "I just want a new card",
    "put me in touch with the app's settings?",
    "who is my relationship manager?",
    "send me to a page about fees",
    "can I really get a refund on this",
]


@pytest.mark.parametrize("text", REQUESTS)
def test_request_by_grammar(text: str) -> None:
    assert analyze_text(text).human_request


@pytest.mark.parametrize("text", NOT_REQUESTS)
def test_not_a_request(text: str) -> None:
    assert not analyze_text(text).human_request


VULNERABLE = [
    ("my ex-husband still has access and keeps taking money",),
    ("my former partner can still log into my app and is transferring money out",),
    ("I split up with him in May and he still uses my card",),
    ("my ex-girlfriend has access to my online banking", "I want her locked out"),
    ("after her stroke my mum can't talk properly",),
    ("since the stroke my grandad is not himself", "he has bills going out and I can't get in"),
    ("my dad can no longer manage his money", "how do I help"),
    ("I've been gambling every night this month",),
    ("on the slots every day, it's out of hand",),
    ("my husband passed in the spring and I have been ignoring all my post",),
    ("my mum has dementia, do you accept a power of attorney?",),
]
CALM = [
    ("my ex used to have access, how do I remove a second card holder?",),
    ("passed my driving test, can I add it to the app",),
    ("I've never been to America, do you charge fees there?",),
    ("I'm fine thanks", "is that a power of attorney thing?"),
    ("do you accept a power of attorney document in branch?",),
    ("my husband has access to our joint account, can he see my savings?",),
    ("my ex keeps sending me messages",),
    ("since the accident in 2015 I use voice banking, is it on the app?",),
    ("I bet on the football every weekend, why was the payment to bet365 declined?",),
    ("is the betting limit reset every day?",),
    ("can I put a gambling block on every card",),
    ("I'm avoiding the overdraft fees by moving money, is that fine?",),
]


@pytest.mark.parametrize("messages", VULNERABLE)
def test_vulnerability_by_concept(router: Router, messages: tuple[str, ...]) -> None:
    lane, turn = route_fallbacks(router, _NOW, *messages)
    assert lane == "vulnerable_customers"
    assert turn is not None
    assert turn <= len(messages)


@pytest.mark.parametrize("messages", CALM)
def test_calm_stays_with_bot(router: Router, messages: tuple[str, ...]) -> None:
    assert route_fallbacks(router, _NOW, *messages)[0] == "bot"


def test_request_routes_to_a_person(router: Router) -> None:
    lane, turn = route_fallbacks(router, _NOW, "I've tried everything, I just want a person")
    assert lane != "bot"
    assert turn == 1
