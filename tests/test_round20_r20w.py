"""Round 20 of issue 11, principle 2 (helper r20w): English slots take their word CLASS.

Each widened slot takes any filler of its class, and each has must-not-match sentences:

1. Money gone (any loss verb, the money as subject or object, an amount on a merchant) beside
   a disowning by any verb or none ("I didn't do it", "not me", "without my knowledge"): a
   fraud report. A disowning with no money gone, or a supposed case, is none.
2. A specific payment beside "don't remember buying" / "never bought anything": disowned.
3. Theft told in slang (nicked, pinched, swiped, lifted, mugged): the weak fraud kind.
4. A knock-on charge by any verb and any sender: at stake.
5. A payee's changed account, any account noun and any sender, by any message verb.
6. A wait sat through and nothing come of it: a failure state that makes praise sarcasm.
7. A request for a person with an object of any (bounded) length between verb and person.

Every sentence was written for this file (none copied from a tuning conversation).
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.signals import spread
from handoff.signals.text import analyze_text
from tests.conftest import cue_kinds
from tests.test_routing_round3 import play


def _part(text: str) -> int:
    analysis = analyze_text(text)
    return spread.parts(analysis.text, analysis.cue_kinds)[0]


def _talk(*messages: str) -> tuple[str, int | None, str | None]:
    users: list[dict[str, Any]] = [
        {"role": "user", "text": t, "intent": {"name": "out_of_scope", "confidence": 0.9}}
        for t in messages
    ]
    return play(users)


# 1. money gone and disowned, any verb or none
DISOWNED = [
    "£420 went out of my account overnight and I never did that",
    "my savings have all vanished and it wasn't me",
    "there's £85 on some gaming site, I didn't do it",
    "the money just disappeared from my account, I definitely didn't touch it",
    "£1,200 has been taken out without my knowledge",
    "I didn't authorise anything but £60 came out this morning",
    "£75 left our joint account yesterday, not me btw",
    "they took £300 from my account and I never agreed to it",
    "it's gone to some company I don't recognise",
]
NOT_DISOWNED = [
    "I didn't do the survey",
    "I never did get round to setting up the app",
    "what happens if £500 goes and I didn't do it?",
    "£20 came in from my mum and I didn't spend it",
    "my salary went in but I haven't spent it yet",
    "I didn't make the payment in time and it's gone to collections",
    "you took £30 and I didn't agree to that fee",
    "£50 went through fine, I didn't expect it so soon",
]


@pytest.mark.parametrize("text", DISOWNED)
def test_money_gone_beside_any_disowning_is_a_report(text: str) -> None:
    assert "fraud_report" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_DISOWNED)
def test_a_disowning_without_money_gone_or_a_supposed_one_is_no_report(text: str) -> None:
    assert "fraud_report" not in cue_kinds(text)


def test_money_gone_and_disowned_goes_to_fraud_at_once() -> None:
    lane, at, _ = _talk("sorry to bother you but £640 did leave my account today and I didn't")
    assert (lane, at) == ("fraud", 1)


def test_a_calm_survey_question_stays_with_the_bot() -> None:
    assert _talk("I didn't do the survey you sent, is that ok?")[0] == "bot"


# 2. a specific payment, not remembered
@pytest.mark.parametrize(
    "text",
    [
        "what's the £19.99 payment from 'ZENPLAY' on my card? can't recall ordering this",
        "there's a charge for £44 to some shop, I never bought anything from them",
    ],
)
def test_a_specific_payment_not_remembered_is_disowned(text: str) -> None:
    assert "fraud_report" in cue_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I spent £900 on stuff I don't remember buying properly, can you block online shops",
        "I've noticed I spent £200 last night, don't remember buying half of it clearly",
        "how do I check a payment if I don't remember buying it?",
    ],
)
def test_own_spending_half_remembered_is_no_report(text: str) -> None:
    assert "fraud_report" not in cue_kinds(text)


# 3. theft slang
@pytest.mark.parametrize(
    "text",
    [
        "my wallet got pinched at the station",
        "someone swiped my phone off the table",
        "my handbag was lifted on the tube this morning",
        "I was mugged on the way home",
        "our cards were nicked from the car",
    ],
)
def test_theft_slang_is_the_weak_fraud_kind(text: str) -> None:
    assert "fraud" in cue_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "the block on my card was lifted this morning, thanks",
        "I've pinched a few ideas from your budgeting tips",
        "you've robbed me blind with these overdraft fees",
    ],
)
def test_the_same_verbs_not_about_a_theft_are_no_fraud(text: str) -> None:
    assert "fraud" not in cue_kinds(text)


# 4. a knock-on charge by any verb and sender
@pytest.mark.parametrize(
    "text",
    [
        "the water company have sent a letter with a late fee",
        "my landlord's added a £40 admin charge",
        "the nursery slapped a penalty on us for it",
        "the gym emailed me about an extra fee",
    ],
)
def test_a_third_party_charge_by_any_verb_is_at_stake(text: str) -> None:
    assert _part(text) & spread.STAKES


@pytest.mark.parametrize(
    "text",
    [
        "the council tax fee went up, why?",
        "you've sent me a statement with a fee on it",
        "if they send me a fee what do I do",
        "I've sent them the fee already",
    ],
)
def test_a_fee_told_not_charged_or_the_banks_is_not_at_stake(text: str) -> None:
    assert not _part(text) & spread.STAKES


# 5. a changed payee, any account noun and sender
@pytest.mark.parametrize(
    "text",
    [
        "the letting agent texted me saying the client account is now different, I owe £1,900",
        "our solicitor emailed to say their bank details have changed before completion",
        "the builder messaged to tell me the payment details have been updated, £6k due",
    ],
)
def test_a_payee_saying_where_to_pay_has_changed_is_a_scam_with_a_payment(text: str) -> None:
    assert "scam" in cue_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "how do I change my payee's account number?",
        "the solicitor emailed to say the completion date has changed",
        "I changed my account details last week, will my salary still arrive?",
    ],
)
def test_own_or_other_changes_are_no_redirection(text: str) -> None:
    kinds = cue_kinds(text)
    assert "scam" not in kinds
    assert "posing" not in kinds


# 6. a wait and nothing: sarcasm beside praise
@pytest.mark.parametrize(
    "text",
    [
        "an hour on this chat and nothing. superb",
        "three days waiting and still no reply, brilliant service",
        "20 minutes in the queue, no answer. lovely",
    ],
)
def test_a_wait_for_nothing_beside_praise_is_sarcasm(text: str) -> None:
    kinds = cue_kinds(text)
    assert "harm_told" in kinds
    assert "sarcasm" in kinds


@pytest.mark.parametrize(
    "text",
    [
        "45 minutes till my train, can I check my balance?",
        "10 minutes and it was sorted, brilliant thanks",
        "waited a week and nothing else is due, great",
        "ten minutes on the app and nothing to worry about, lovely",
    ],
)
def test_a_time_to_come_or_nothing_amiss_is_no_failure_state(text: str) -> None:
    # (a bare wait beside praise has its own, older reading: the harm state is what is new)
    assert "harm_told" not in cue_kinds(text)


# 7. a person asked for, a long object in between
@pytest.mark.parametrize(
    "text",
    [
        "I'd like to go over the £12,500.50 transfer to my son for his new flat in Leeds with "
        "an adviser",
        "can I check the big payment I'm making to a car dealer this afternoon with someone first",
        "I need to discuss moving the whole of my late father's savings into my account with a "
        "member of staff",
    ],
)
def test_a_request_with_a_long_object_is_a_request_for_a_person(text: str) -> None:
    assert "human_demand" in cue_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to discuss my mortgage options",
        "do I need to discuss the loan with an adviser?",
        "can I check the payment went through with my wife's account",
        "can you tell me my balance please? can you tell me my balance please?",
    ],
)
def test_a_topic_without_a_person_is_no_request(text: str) -> None:
    assert "human_demand" not in cue_kinds(text)
