"""Issue 11, routing round 11: missed and false escalations outside fraud, and what the rules
remember after a person hands the conversation back to the bot. Phrasings are written for
these tests (none copied from any routing set), with decoys that must not fire.
"""

from __future__ import annotations

import pytest

from handoff.models.conversation import Conversation
from tests.test_routing_round3 import NOW, ROUTER, kinds, route

# ------------------------------------------------------------------ cue memory after a hand-back


def _after_handback(
    before: list[str], after: list[str], intent: str = "out_of_scope"
) -> tuple[str, int | None, str | None]:
    """(lane, message after the hand-back at which a person came in or None, rule): the
    customer said ``before`` to the bot, a person took over and handed back, then the customer
    says ``after`` (each message parsed as ``intent`` and answered by the bot)."""
    turns: list[dict[str, object]] = []
    for text in before:
        turns.append({"role": "user", "text": text, "intent": {"name": intent, "confidence": 0.9}})
        turns.append({"role": "bot", "action": f"utter_{intent}"})
    turns.append(
        {"role": "agent", "text": "All sorted for you now. I'll pass you back to the bot."}
    )
    state: object = {"lane": "bot", "lane_kind": "bot", "handback_turn": len(before)}
    for number, text in enumerate(after, start=1):
        turns.append({"role": "user", "text": text, "intent": {"name": intent, "confidence": 0.9}})
        conversation = Conversation.model_validate({"turns": turns, "state": state})
        decision = ROUTER.route(conversation, now=NOW)
        if decision.handoff:
            return decision.lane, number, decision.rule_id
        state = decision.state
        turns.append({"role": "bot", "action": f"utter_{intent}"})
    return "bot", None, None


ROUTINE = [
    "ok, different question: how do I set up a standing order?",
    "and can I choose which day of the month it goes out?",
    "what's the latest cut-off time for it to go the same day?",
]


def test_a_count_a_person_dealt_with_does_not_send_routine_questions_back() -> None:
    """The customer counted their attempts, a person helped and handed back: the old count is
    the closed episode's, not a reason to take the next routine questions away from the bot."""
    before = ["this is the third time I've asked about my card", "still no answer from you"]
    assert _after_handback(before, ROUTINE) == ("bot", None, None)


def test_sarcasm_a_person_dealt_with_does_not_send_routine_questions_back() -> None:
    before = ["oh brilliant, another week without my card, just what I needed"]
    assert _after_handback(before, ROUTINE) == ("bot", None, None)


def test_a_hold_a_person_lifted_does_not_send_routine_questions_back() -> None:
    before = ["my account has been frozen and I can't pay for anything", "why is it frozen?"]
    assert _after_handback(before, ROUTINE) == ("bot", None, None)


def test_a_new_count_after_the_hand_back_still_reaches_a_person() -> None:
    """The episode is new, not blind: a customer who starts counting again is heard."""
    before = ["this is the third time I've asked about my card"]
    after = [
        "the card still hasn't come",
        "I've asked you three times now and you keep giving me the same answer",
    ]
    lane, at, _ = _after_handback(before, after)
    assert lane == "general_banking"
    assert at is not None


def test_a_new_hold_after_the_hand_back_still_reaches_a_person() -> None:
    before = ["how do I order a new card?"]
    after = ["now my account's been frozen, why?", "it's still frozen and I need to pay my rent"]
    lane, at, _ = _after_handback(before, after)
    assert lane == "general_banking"
    assert at is not None


# ------------------------------------------------------------------ cue classes

PERSON = [
    # talking something through with staff, the topic in between
    "I'd like to go through my savings options with an adviser please",
    "can I talk through my remortgage with one of your team?",
    "i want to discuss the loan with a real person",
    "Id rather go over the business account stuff with someone from the bank",
    # Turkish: need or must talk to someone
    "bir yetkiliyle konuşmam gerekiyor",
    "musteri temsilcisiyle gorusmem lazim",
    "bir insanla görüşmeliyim",
]
NOT_PERSON = [
    "I'd like to discuss my pension with a financial adviser of my own first",
    "we went through the numbers with an adviser last year",
    "my dad discussed his will with a solicitor",
    "I'd like to go through the app settings with my son tonight",
    "bunu kimseyle konuşmam",  # "I won't talk about this with anyone": no need/must
]

CHURN = [
    "right, that's it. moving my salary elsewhere",
    "I'm taking my savings and my ISA somewhere else",
    "we're switching our business account to another bank",
    "done with this. transferring all my money away from you",
]
NOT_CHURN = [
    "can I move my savings elsewhere without losing interest?",
    "how would I switch my salary to the new account?",
    "I'm moving my savings into the fixed saver",
    "my sister moved her mortgage elsewhere and regrets it",
]

PUBLIC = [
    "I'm contacting the BBC about how you've treated me",
    "going to the press with this",
    "I'll be writing to a journalist at the local paper",
    "tipping off the media about your charges",
]
NOT_PUBLIC = [
    "I saw something on BBC Watchdog about card fees, does that apply to me?",
    "I work for the press office and need a letter confirming my salary",
    "contacting the press team at work about my expenses claim",
    "I'll be writing to my MP about the branch closing",  # a grievance, not going public
]


@pytest.mark.parametrize("text", PERSON)
def test_requests_for_a_person(text: str) -> None:
    assert "human_demand" in kinds(text)


@pytest.mark.parametrize("text", NOT_PERSON)
def test_not_requests_for_a_person(text: str) -> None:
    assert "human_demand" not in kinds(text)


@pytest.mark.parametrize("text", CHURN)
def test_moving_money_away_is_a_churn_threat(text: str) -> None:
    assert "churn_threat" in kinds(text)


@pytest.mark.parametrize("text", NOT_CHURN)
def test_asking_about_moving_money_is_no_churn_threat(text: str) -> None:
    assert "churn_threat" not in kinds(text)


@pytest.mark.parametrize("text", PUBLIC)
def test_going_to_the_media_is_a_public_threat(text: str) -> None:
    assert "public_threat" in kinds(text)


@pytest.mark.parametrize("text", NOT_PUBLIC)
def test_the_media_in_passing_is_no_public_threat(text: str) -> None:
    assert "public_threat" not in kinds(text)


def test_an_adviser_asked_for_with_the_topic_between_reaches_a_person() -> None:
    lane, at, _ = route(
        "I'd like to go over my mortgage options with an adviser, can I do that here?"
    )
    assert (lane, at) == ("general_banking", 1)


RESOLVED = [
    "oh I'd locked it myself in the app, ignore the panic",
    "I must have paused it by accident",
    "ok it's unblocked now",
    "yep that did the trick",
    "that's fixed it, ta",
    "went through fine now",
]
NOT_RESOLVED = [
    "hope that fixes it",
    "has that fixed it?",
    "my son locked it by mistake and now it won't unlock",
    "you froze it by mistake!!",
    "did that do the trick or do I need to wait?",
]


@pytest.mark.parametrize("text", RESOLVED)
def test_their_own_doing_or_their_own_fix_is_resolved(text: str) -> None:
    assert "resolved" in kinds(text)


@pytest.mark.parametrize("text", NOT_RESOLVED)
def test_a_fix_hoped_for_or_someone_elses_doing_is_not_resolved(text: str) -> None:
    assert "resolved" not in kinds(text)


def test_a_grumble_that_turns_out_to_be_their_own_doing_stays_with_the_bot() -> None:
    assert route(
        "why on earth won't my card work, this is a joke",
        "oh wait I'd blocked it myself in the app. unblocked now, sorry",
    ) == ("bot", None, None)


HOPELESS = [
    "honestly I can't see the point in going on",
    "dont really see the point of life anymore",
    "I no longer see any point in anything",
    "Mere walid ka intekal ho gaya, account ka kya karna hai",  # romanised Urdu, k for q
]
NOT_HOPELESS = [
    "can't see the point in trying to save anymore with these rates",
    "what's the point of a savings pot if I can't name it?",
]


@pytest.mark.parametrize("text", HOPELESS)
def test_hopelessness_and_bereavement_told_indirectly(text: str) -> None:
    assert "vulnerability" in kinds(text)


@pytest.mark.parametrize("text", NOT_HOPELESS)
def test_a_pointless_product_is_not_hopelessness(text: str) -> None:
    assert "vulnerability" not in kinds(text)


def test_wanting_it_all_sorted_is_not_resolved() -> None:
    """A wish ("I want it all sorted") is not the problem solved; "it's all sorted" is."""
    assert "resolved" not in kinds("I just want it all sorted before the end of the month")
    assert "resolved" in kinds("it's all sorted now, thanks")


THIRD_PARTY_COMPLAINT = [
    "how do I complain about a merchant who never sent my order?",
    "I want to make a complaint about the garage that overcharged me, I paid by card",
    "complaining about the online store, can you help me get my money back?",
]
OUR_COMPLAINT = [
    "I want to make a complaint about your staff",
    "I want to complain about the branch in Leeds",
    "I want to raise a complaint about the fees you charged me",
]


@pytest.mark.parametrize("text", THIRD_PARTY_COMPLAINT)
def test_a_complaint_about_someone_else_is_not_ours(text: str) -> None:
    assert "no_complaint" in kinds(text)


@pytest.mark.parametrize("text", OUR_COMPLAINT)
def test_a_complaint_about_the_bank_stays_a_complaint(text: str) -> None:
    found = kinds(text)
    assert "complaint" in found
    assert "no_complaint" not in found


PASSED = [
    "she passed in march and I need to sort her savings",
    "grandad passed peacefully last week",
    "he passed a couple of months ago",
]
NOT_PASSED = [
    "she passed her theory test in march!",
    "my card payment passed last week but shows pending",
    "he passed on the message to me",
]


@pytest.mark.parametrize("text", PASSED)
def test_passed_with_when_it_happened_is_a_death(text: str) -> None:
    assert "vulnerability" in kinds(text)


@pytest.mark.parametrize("text", NOT_PASSED)
def test_passed_an_exam_or_a_payment_is_not_a_death(text: str) -> None:
    assert "vulnerability" not in kinds(text)
