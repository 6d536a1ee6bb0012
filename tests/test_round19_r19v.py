"""Round 19 of issue 11 (helper r19v), principles 3 and 4: unauthorised use, identity fraud
and vulnerability read by circumstance; a person asked for by team; a hold told as a noun.

1. Unauthorised use told by an alibi: the card or money used somewhere while the customer
   was somewhere else (any place), asleep, at work or in hospital, or a place never visited.
   A travel question, the customer's own use or a fee question is not one.
2. Credit, an account or a contract the customer never applied for is identity fraud; a
   question about an account in someone's name is not.
3. The customer as the seller: the buyer's fake proof of payment or the goods taken and no
   money; a buyer who "overpaid" and wants the difference back. A seller asking how to be
   paid, or waiting calmly, is not.
4. Vulnerability told as a condition (an episode, a relapse, spending not remembered) or a
   farewell (tidying everything so no one has to deal with it after); hardship told as plain
   states over messages (ill or out of work, then the rent or children).
5. A person asked for by team or with another object ("could someone ring us", "is there
   someone in the savings team I can chat with", "I'd like to talk to your loans
   department"); a question about the team or how to reach it is not.
6. A hold told as a noun ("there's a block on my card"); one the customer asks for or set,
   or a hypothetical, is not.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.models.conversation import CARRY_FORMAT
from handoff.signals import spread
from tests.conftest import cue_kinds, play_carried, route_fallbacks

_NOW = datetime(2026, 12, 4, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


ALIBIS = [
    "why did my card get used in Leeds when i'm in Cardiff",
    "my debit card was used in Paris but I'm at home in Bristol",
    "someone paid with my card in Dubai, I have never been there",
    "I was at work when the money was taken out at a cashpoint in Luton",
    "the card was used at 3am in Croydon, I was in bed",
    "my card's being used in Newcastle but I'm on holiday in Crete",
    "two withdrawals at a cashpoint in Leicester this morning and I'm in Devon",
    "I'm in Edinburgh, so how has my card been used in Bristol?",
]
NOT_ALIBIS = [
    "I'm going to Spain next week, will my card work there?",
    "cheers for blocking my card while i'm in Rome, top work",
    "I used my card in Berlin last week, will there be a fee?",
    "I've never been to a branch, how do I open an account?",
    "I was at work so I couldn't answer your call",
    "my card doesn't work in France, I'm in Nice now",
    "I've never been to the USA, do I need a different card?",
    "I made payments in Spain while I was on holiday in Spain, will I get charged fees?",
    "payments from my account while I'm in Spain, will they go through?",
    "my card was declined in Spain while I was on holiday",
    "I paid at the hotel while I was in Rome, why is it pending?",
]


@pytest.mark.parametrize("text", ALIBIS)
def test_use_beside_an_alibi_is_a_fraud_report(router: Router, text: str) -> None:
    assert "fraud_report" in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text) == ("fraud", 1)


@pytest.mark.parametrize("text", NOT_ALIBIS)
def test_travel_own_use_and_fees_are_no_alibi(router: Router, text: str) -> None:
    assert "fraud_report" not in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text)[0] != "fraud"


IDENTITY = [
    "I got a letter about a new account I didn't open",
    "there's a catalogue account in my name which I never applied for",
    "a phone contract I didn't sign up for is on my credit file",
]
NOT_IDENTITY = [
    "how do I apply for a loan in my name only?",
    "can I open an account in my son's name?",
    "the loan I applied for hasn't come through yet",
]


@pytest.mark.parametrize("text", IDENTITY)
def test_credit_never_applied_for_is_identity_fraud(text: str) -> None:
    assert "fraud_report" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_IDENTITY)
def test_credit_asked_about_is_not(text: str) -> None:
    assert "fraud_report" not in cue_kinds(text)


SELLER = [
    "I sold my phone online, the buyer showed me a screenshot of the transfer and took it "
    "but nothing's arrived",
    "the buyer sent a fake payment confirmation and collected the sofa, no money has come in",
    "someone bought my car and said they paid but the money never came",
    "sold the PS5 on facebook, he showed me proof of payment on his phone and drove off, I "
    "never got paid",
    "a buyer overpaid me by £300 and wants me to refund the difference",
]
NOT_SELLER = [
    "how do I receive payments for things I sell online?",
    "I'm selling my bike, what's the safest way for the buyer to pay me?",
    "I sold my car last week, how long does a bank transfer take to arrive?",
    "I'm selling my sofa, the buyer wants to collect tomorrow, should I wait till the money "
    "has cleared?",
    "the buyer said they'd paid, how do I check it arrived?",
    "a customer overpaid me, how do I refund them?",
    "I overpaid my credit card, can I get the extra back?",
]


@pytest.mark.parametrize("text", SELLER)
def test_the_seller_side_of_a_purchase_scam(router: Router, text: str) -> None:
    assert "scam" in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text) == ("fraud", 1)


@pytest.mark.parametrize("text", NOT_SELLER)
def test_a_seller_asking_or_waiting_is_calm(router: Router, text: str) -> None:
    assert "scam" not in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text) == ("bot", None)


VULNERABLE = [
    "i think i'm having one of my episodes again, i've spent money i can't remember",
    "I've spent thousands on stuff I don't remember buying this week",
    "I'm in the middle of a manic episode and I keep buying things",
    "I've relapsed and I need my card stopped",
    "sorting out all my accounts so no one has to sort it out after",
    "closing everything so nobody has to deal with any of it once I'm gone",
]
NOT_VULNERABLE = [
    "I watched an episode of your advert series, is the offer real?",
    "I bought something last month I can't remember the name of the shop",
    "what happens to my account when I die?",
    "I'm setting up a joint account so my wife doesn't have to worry about bills after the move",
    "how do I close all my accounts?",
]


@pytest.mark.parametrize("text", VULNERABLE)
def test_a_condition_or_a_farewell_is_vulnerability(router: Router, text: str) -> None:
    assert "vulnerability" in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text) == ("vulnerable_customers", 1)


@pytest.mark.parametrize("text", NOT_VULNERABLE)
def test_plain_questions_and_planning_are_calm(router: Router, text: str) -> None:
    assert "vulnerability" not in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text) == ("bot", None)


HARDSHIP_OVER_MESSAGES = [
    (
        "i'm not well and can't work at the moment",
        "the rent is due friday and I've got two little ones",
    ),
    ("I'm really poorly at the moment", "and I've got three children"),
    ("no income coming in since October", "I can't pay the rent"),
]
NOT_HARDSHIP_OVER_MESSAGES = [
    (
        "I'm off sick today so I'm doing my banking",
        "I've got two kids, can I open a junior account for them?",
    ),
    ("I was ill last week and missed your call", "can you tell me my balance?"),
    ("I can't work out how to set up a payee", "I've got two kids and want to pay pocket money"),
    ("I'm sick of waiting for the app to load", "I've got two kids"),
]


@pytest.mark.parametrize("messages", HARDSHIP_OVER_MESSAGES)
def test_hardship_told_as_plain_states_over_messages(
    router: Router, messages: tuple[str, str]
) -> None:
    first, second = messages
    assert "vulnerability" not in cue_kinds(first)
    assert route_fallbacks(router, _NOW, first, second) == ("vulnerable_customers", 2)


@pytest.mark.parametrize("messages", NOT_HARDSHIP_OVER_MESSAGES)
def test_no_hardship_from_questions_or_idioms(router: Router, messages: tuple[str, str]) -> None:
    assert route_fallbacks(router, _NOW, *messages)[0] != "vulnerable_customers"


def test_hardship_parts_are_read() -> None:
    assert spread.parts("I lost my job in the summer")[0] & spread.HARDSHIP
    assert spread.parts("I'm a single mum")[0] & spread.DEPENDANTS
    assert not spread.parts("can't work out the app")[0] & spread.HARDSHIP
    assert not spread.parts("I'm ill, can I ring later?")[0] & spread.HARDSHIP


def test_the_hardship_parts_carried_decide_as_a_full_recompute(router: Router) -> None:
    """The new parts (bits 256 and 512) ride in the carry: turn by turn, the carried decision
    equals the one from the whole conversation, and the carry has format 5 (round 23)."""
    wide = False
    for messages in [*HARDSHIP_OVER_MESSAGES, *NOT_HARDSHIP_OVER_MESSAGES]:
        for state in play_carried(router, messages, _NOW):
            assert state.carry is not None
            assert state.carry.v == CARRY_FORMAT == 5
            wide = wide or any(p > 255 for p in state.carry.parts or ())
    assert wide  # a hardship part was carried


REQUESTS = [
    "could someone ring us to sort it",
    "can somebody give me a call about my loan",
    "is there someone in the mortgage team I can chat with?",
    "is there anyone in your loans department I could speak to",
    "I'd like to talk to the mortgage team",
    "can I chat with your loans department",
    "could one of your mortgage advisers give us a ring",
]
NOT_REQUESTS = [
    "how do I get a mortgage adviser appointment",
    "what are your loans team's opening hours?",
    "does the mortgage team work weekends?",
    "would anyone from the bank ring me asking for my PIN?",
    "can someone else call them on my behalf?",
    "the person in your loans team I spoke to was lovely",
    "someone from the mortgage team rang me yesterday",
    "how can I talk to the mortgage team?",
    "do I need to talk to the mortgage team to port my rate?",
]


@pytest.mark.parametrize("text", REQUESTS)
def test_a_person_asked_for_by_team_or_object(router: Router, text: str) -> None:
    assert "human_demand" in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text) == ("general_banking", 1)


@pytest.mark.parametrize("text", NOT_REQUESTS)
def test_a_question_about_a_team_is_no_request(router: Router, text: str) -> None:
    assert "human_demand" not in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text) == ("bot", None)


HOLDS = [
    "why is there a hold on my account",
    "there's a block on my card and I don't know why",
    "why has a restriction been put on my account",
    "you've put a stop on my payments again",
]
NOT_HOLDS = [
    "how do I put a hold on my card?",
    "can I place a block on gambling payments?",
    "can you put a block on my card, I've lost it",
    "is there a hold on my account if I go overdrawn?",
    "I have a gambling block on my card",
]


@pytest.mark.parametrize("text", HOLDS)
def test_a_hold_told_as_a_noun(router: Router, text: str) -> None:
    assert "bank_hold" in cue_kinds(text)
    assert (
        route_fallbacks(router, _NOW, text, "I haven't done anything wrong")[0] == "general_banking"
    )


@pytest.mark.parametrize("text", NOT_HOLDS)
def test_a_hold_asked_for_or_supposed_is_none(text: str) -> None:
    assert "bank_hold" not in cue_kinds(text)
