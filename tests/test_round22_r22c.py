"""Round 22 of issue 11 (helper r22c), principle 5: calm and role read as classes.

1. OWN SLIP: the reason found in the customer's own memory ("forgot it was due this week",
   "didn't realise the insurance came out today", "slipped my mind") resolves; not a thing
   forgotten that is the problem ("I forgot my password") nor a scam seen late.
2. STEP DENIED: a step denied by whoever took the call, the customer or the person it is
   about ("he's never given them anything", "my gran didn't tell them a thing"), is no
   step: advice, not fraud; a loss after it keeps the fraud rules.
3. JEST AT THE BOT: mock delight at meeting a bot ("ooh a robot, how exciting") is jest;
   not beside a failure or money. A sworn, shouted first line about a nuisance of the app
   itself (cue minor_glitch) waits one message; shouting about money or a real fault does
   not wait, and anger that goes on reaches a person on the next message.
4. ARRANGEMENT QUESTION: one short question about which arrangement applies ("would that
   need a third party mandate?") is a question about a term, not a vulnerability told.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from tests.conftest import cue_kinds, route_fallbacks, route_parsed

_NOW = datetime(2026, 12, 4, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


# 1. own slip
OWN_SLIP = [
    "oh right, the gym membership. forgot it was due this week",
    "ah I'd forgotten about the car insurance, sorry",
    "didn't realise the phone bill came out today",
    "totally slipped my mind, it's the quarterly one",
    "oh I forgot that I'd set up that standing order",
]
NOT_OWN_SLIP = [
    "I forgot my password again",
    "I forgot the password for the app, how do I reset it",
    "didn't realise it was a scam until the money had gone",
    "forgot it was due but it still hasn't gone through",
    "I didn't realise they had taken £400",
]


@pytest.mark.parametrize("text", OWN_SLIP)
def test_own_slip_resolves(text: str) -> None:
    assert "resolved" in cue_kinds(text), text


@pytest.mark.parametrize("text", NOT_OWN_SLIP)
def test_not_own_slip(text: str) -> None:
    assert "resolved" not in cue_kinds(text), text


def test_own_slip_then_never_mind_stays_with_the_bot(router: Router) -> None:
    assert route_fallbacks(
        router,
        _NOW,
        "why has my balance dropped so much??",
        "oh the annual subscription. completely forgot it renews in march",
        "ok never mind",
    ) == ("bot", None)


# 2. a step denied
STEP_DENIED = [
    "he's never given them anything, he always puts the phone down",
    "my gran didn't tell them a thing and hung up",
    "we haven't sent any money to them",
    "my dad has not shared any details with the caller",
    "she never gave them any codes",
]
STEP_NOT_DENIED = [
    "I never gave them anything but they've taken £300 anyway",
    "she didn't give them anything until they called back, then she read out the code",
    "he gave them his card details",
]


@pytest.mark.parametrize("text", STEP_DENIED)
def test_step_denied_is_no_harm(text: str) -> None:
    assert "no_harm" in cue_kinds(text), text


@pytest.mark.parametrize("text", STEP_NOT_DENIED)
def test_step_with_loss_is_not_no_harm(text: str) -> None:
    assert "no_harm" not in cue_kinds(text), text


def test_relatives_refused_call_is_advice(router: Router) -> None:
    lane, _ = route_fallbacks(
        router,
        _NOW,
        "my grandad had someone ring claiming to be from the bank's security team but he "
        "hung up on them at once, he didn't give them anything",
        "is there anything else he should do?",
    )
    assert lane == "bot"


def test_denied_step_then_loss_is_still_fraud(router: Router) -> None:
    lane, turn = route_fallbacks(
        router,
        _NOW,
        "someone rang saying they were from your fraud team",
        "I never gave them anything... but they've taken £300 from my account",
    )
    assert lane == "fraud"
    assert turn == 2


# 3. jest at the bot; a sworn line about a glitch waits; money does not
BOT_JEST = [
    "ooh a robot, how exciting",
    "yay, another AI assistant. my favourite",
    "lovely, a chatbot. how exciting",
]
NOT_BOT_JEST = [
    "oh great, a bot that can't understand me",
    "oh great, a chatbot. I want my money back",
    "oh great, the machine ate my card",
    "brilliant, a bot again, I asked for a person",
]


@pytest.mark.parametrize("text", BOT_JEST)
def test_mock_delight_at_the_bot_is_jest(text: str) -> None:
    assert "joking" in cue_kinds(text), text


@pytest.mark.parametrize("text", NOT_BOT_JEST)
def test_bot_with_failure_or_money_is_no_jest(text: str) -> None:
    assert "joking" not in cue_kinds(text), text


def test_jest_at_the_bot_stays_with_the_bot(router: Router) -> None:
    assert route_fallbacks(
        router, _NOW, "oh brilliant, a chatbot, my favourite", "go on then, what time do you close"
    ) == ("bot", None)


GLITCH = [
    "FFS the website signed me out AGAIN",
    "app keeps freezing ffs",
    "the app's crashed AGAIN for god's sake",
]
NOT_GLITCH = [
    "FFS the app crashed while I was paying my rent",
    "the app froze and my card is blocked",
    "FFS £200 GONE",
    "the app logged me out and I need to pay today",
]


@pytest.mark.parametrize("text", GLITCH)
def test_minor_glitch(text: str) -> None:
    assert "minor_glitch" in cue_kinds(text), text


@pytest.mark.parametrize("text", NOT_GLITCH)
def test_not_minor_glitch(text: str) -> None:
    assert "minor_glitch" not in cue_kinds(text), text


def test_sworn_glitch_then_calm_stays_with_the_bot(router: Router) -> None:
    assert route_fallbacks(
        router, _NOW, "FFS the website signed me out AGAIN", "ok face id works now", "all fine"
    ) == ("bot", None)


def test_sworn_glitch_anger_that_goes_on_reaches_a_person(router: Router) -> None:
    lane, turn = route_fallbacks(
        router,
        _NOW,
        "FFS the website signed me out AGAIN",
        "STILL can't get back in, this is bloody RIDICULOUS",
    )
    assert lane == "general_banking"
    assert turn == 2


@pytest.mark.parametrize(
    "text",
    [
        "FFS WHERE HAS MY MONEY GONE",
        "FFS MY CARD HAS BEEN DECLINED AGAIN",
        "FFS the app logged me out AGAIN and my rent is due TODAY",
    ],
)
def test_sworn_shouting_about_money_or_a_fault_reaches_a_person_at_once(
    router: Router, text: str
) -> None:
    lane, turn = route_parsed(router, [(text, "nlu_fallback", 0.3)], _NOW)
    assert lane == "general_banking", text
    assert turn == 1, text


# 4. a question about which arrangement applies
ARRANGEMENT_QUESTION = [
    "would that need a third party mandate?",
    "do I need a lasting power of attorney for that?",
    "is it a joint account job or something else?",
]
NOT_ARRANGEMENT_QUESTION = [
    "do I need power of attorney now he can't cope?",
    "my dad has dementia, do I need power of attorney?",
]


@pytest.mark.parametrize("text", ARRANGEMENT_QUESTION)
def test_arrangement_question_is_not_vulnerability(text: str) -> None:
    kinds = cue_kinds(text)
    assert "vulnerability" not in kinds, text
    assert "not_current" in kinds, text


@pytest.mark.parametrize("text", NOT_ARRANGEMENT_QUESTION)
def test_arrangement_with_distress_keeps_vulnerability(text: str) -> None:
    assert "vulnerability" in cue_kinds(text), text


def test_general_question_does_not_make_fraud_a_question() -> None:
    assert "not_current" not in cue_kinds("is it a fraud thing?")
    assert "not_current" not in cue_kinds("do I need a new card?")
