"""Round 19 of issue 11, principle 1: English story shapes match by concept and slot.

Each shape below takes any filler of its slot's word class (situations._DET, _CASH, _PASSED,
_CONTACTS, _SHUT_OUT; the lexicon's states of a failing sense), so a story told with another
determiner, object, noun of the same class, contraction or synonym still matches:

1. A money mule: money with any determiner received and any object passed on.
2. Remote access: any thing downloaded at a caller's word ("something", "this thing").
3. Delivery phishing: card details put in with the phrasal verb round its object.
4. A takeover: someone changed the contact details, any of them, and the customer is shut out.
5. A payee's changed bank details for a payment named in a series ("the final payment").
6. A hold told as a noun ("why is there a hold on my account").
7. A failing sense told by any state, contracted ("my eyesight's gone"), and the relative's
   task with any object ("used to do this").
8. A refuting fact with any quantifier ("I had money in") and a knock-on charge by any payee.

Each has must-not-match sentences: calm questions about the topic, the customer's own doing,
past or general talk, someone else's question. Every sentence was written for this file.
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


def _talk(*messages: str | tuple[str, str]) -> tuple[str, int | None, str | None]:
    users: list[dict[str, Any]] = []
    for message in messages:
        text, intent = (message, "out_of_scope") if isinstance(message, str) else message
        users.append({"role": "user", "text": text, "intent": {"name": intent, "confidence": 0.9}})
    return play(users)


SCAMS = [
    # a mule, any determiner and object
    "a lad on tiktok offered me £300 to take some funds into my account and pass them on",
    "got a job advert on telegram, I receive all the payments and forward it all on abroad",
    "a woman on facebook wants me to let her use my account to receive a few transfers, "
    "she'll pay me",
    # remote access, any thing downloaded
    "the caller from the broadband company had me install this thing on my laptop",
    "she said she was from microsoft and got me to download something on my pc",
    # delivery phishing, the phrasal verb round its object
    "a text from evri about a redelivery fee, so I typed all my card details in",
    "got a royal mail text about customs, I popped the long card number in",
    # a payee's changed details for a payment named in a series
    "our kitchen fitter emailed new bank details for the next instalment",
]
CALM_SCAMS = [
    "can I receive money from abroad and send it on to my brother?",
    "my mum will receive some money and send it on to my sister",
    "he told me to download the app to check my balance",
    "a text from royal mail said my parcel is coming, I put the date in my calendar",
    "how do I make the final payment on my loan?",
]


@pytest.mark.parametrize("text", SCAMS)
def test_a_scam_shape_takes_any_filler_of_its_slot(text: str) -> None:
    assert "scam" in cue_kinds(text)


@pytest.mark.parametrize("text", CALM_SCAMS)
def test_the_same_words_without_the_story_are_no_scam(text: str) -> None:
    assert "scam" not in cue_kinds(text)


TAKEOVERS = [
    "somebody has changed my password and mobile number, I'm locked out",
    "a hacker's changed the email address on my account and I can't log in",
    "someone reset my email, phone and pin and now i cant get back in",
    "the email and phone on my account have been changed and I can't sign in",
]
NOT_TAKEOVERS = [
    "I changed my email and phone number and now I can't log in",
    "how do I change the email and phone number on my account?",
    "the password on my account was reset and I can't log in",
    "my husband changed the password and I can't get in",
]


@pytest.mark.parametrize("text", TAKEOVERS)
def test_contact_details_changed_by_someone_and_shut_out_is_a_report(text: str) -> None:
    assert "fraud_report" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_TAKEOVERS)
def test_own_or_asked_changes_are_no_takeover(text: str) -> None:
    assert "fraud_report" not in cue_kinds(text)


HOLDS = [
    "why is there a hold on my account",
    "you've put a block on my card and I'm abroad",
    "the bank has placed a restriction on my account, why?",
    "there's been a freeze on our joint account since monday",
    "is there a restriction on my savings account?",
]
NOT_HOLDS = [
    "can I put a hold on my card while I look for it?",
    "is there a hold on my card if I pay a hotel deposit?",
    "how do I put a gambling block on my card",
    "can you put a gambling block on my card please",
    "is there a restriction on the account for under 18s?",
    "there's a hold on my account because I typed the wrong password",
]


@pytest.mark.parametrize("text", HOLDS)
def test_a_hold_told_as_a_noun_is_a_bank_hold(text: str) -> None:
    assert "bank_hold" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_HOLDS)
def test_a_hold_asked_for_supposed_or_self_made_is_no_bank_hold(text: str) -> None:
    assert "bank_hold" not in cue_kinds(text)


VULNERABLE = [
    "I'm 88 and my eyesight's gone, the numbers are a blur",
    "I'm 91 and my hearing's not what it was",
    "my eyes are really bad now so the app is hard",
    "my sight's getting worse and I can't read the card reader",
    "I'm 84 and my eyesight's not great these days",
    "im 88 and my eyes aren't good enough for the little numbers",
    "my grandson used to do all this but he's at university now",
]
NOT_VULNERABLE = [
    "my eyesight is fine",
    # an age and a sense in good order (round 18's age-and-sense phrases read any state)
    "I'm 80 and my eyesight is fine, I just want to know the rate",
    "I'm 79 and my eyesight's perfect thank you, how do I add a payee",
    "I'm 90 and my hearing is excellent, can I phone instead",
    "my hearing aid has stopped working, is there a branch with a loop?",
    "I got a letter about a 'dormant account' of my late grandmother's, is it real?",
]


@pytest.mark.parametrize("text", VULNERABLE)
def test_a_failing_sense_in_any_state_or_a_helper_gone_is_vulnerability(text: str) -> None:
    assert "vulnerability" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_VULNERABLE)
def test_a_sense_that_is_fine_or_a_possessive_is_no_vulnerability(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text)


@pytest.mark.parametrize(
    "text",
    ["i had money in", "I had enough in the account though", "we'd got plenty of money in there"],
)
def test_money_that_was_there_refutes_the_answer(text: str) -> None:
    assert _part(text) & spread.FAILED_ANSWER


@pytest.mark.parametrize(
    "text",
    ["i have money in my savings account, can i move it?", "I had money in my ISA last year"],
)
def test_money_held_elsewhere_refutes_nothing(text: str) -> None:
    assert not _part(text) & spread.FAILED_ANSWER


@pytest.mark.parametrize(
    "text",
    [
        "now the council are charging me a fee",
        "the gym's fined us £20 for it",
        "they're hitting me with a late payment fee",
    ],
)
def test_a_payee_charging_for_it_is_at_stake(text: str) -> None:
    assert _part(text) & spread.STAKES


@pytest.mark.parametrize(
    "text",
    [
        "you're charging me a fee for this?",
        "the bank charged me a fee",
        "if they charge me a fee what happens",
    ],
)
def test_the_banks_own_fee_or_a_supposed_one_is_not_a_knock_on_charge(text: str) -> None:
    assert not _part(text) & spread.STAKES


# ------------------------------------------------------------------ conversations


def test_a_takeover_reaches_the_fraud_team_at_once() -> None:
    lane, number, _ = _talk(
        "somebody's changed the mobile number and email on my account, I can't get back in"
    )
    assert (lane, number) == ("fraud", 1)


def test_a_mule_offer_reaches_the_fraud_team() -> None:
    lane, number, _ = _talk(
        "someone on snapchat said I'd earn £400 if I get some money in and send it all on"
    )
    assert (lane, number) == ("fraud", 1)


def test_a_bounced_payment_with_a_knock_on_charge_reaches_an_adviser() -> None:
    lane, number, _ = _talk(
        "why did my standing order to the water company get returned",
        "I had money in",
        "and now they're charging me a fee for it",
    )
    assert lane == "general_banking"
    assert number is not None
    assert number <= 3


@pytest.mark.parametrize(
    "messages",
    [
        ("how do I change the phone number on my account?", "thanks, done"),
        ("can I put a hold on my card?", "ok thanks"),
        ("what's a money mule?", "ok good to know"),
        ("my mum used to do my banking but now I do it myself", "how do I set up a payee?"),
    ],
)
def test_calm_customers_on_these_topics_stay_with_the_bot(messages: tuple[str, ...]) -> None:
    lane, number, _ = _talk(*messages)
    assert (lane, number) == ("bot", None)
