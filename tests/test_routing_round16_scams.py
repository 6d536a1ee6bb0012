"""Round 16 of issue 11 (principle 2): English scam and loss stories by their shape.

The scam kinds that recur across the routing sets, told as what happened (who posed as whom,
what was handed over or asked for, what happened to the money or the access): an authority
claimed and the card, PIN or cash taken; an authority's threat call (a lure, fraud once a
step follows); a caller's demand for the card's digits or a code; a "mistaken" payment to be
refunded to another account; a rental whose real owner lives there; fees to release winnings,
a loan or a pension; money for a stranger's flight to meet the customer, or to a stranger
stranded abroad; guaranteed monthly returns (a lure); card testing; a credential-change
notice the customer did not ask for; a number ported by someone else; a biller's message that
the account changed; the "safe account"; cash "kept safe" by a stranger; a social-media seller
who never delivered; an address that was not real.

A calm question about how these scams work, or the customer's own routine action, stays
cue-free (decoys). Every sentence here was written for this file, not taken from any routing
set.
"""

from __future__ import annotations

import pytest

from handoff.signals import situations
from tests.test_routing_round3 import _ungated, kinds, route

RED = {"scam", "scam_step", "fraud_report"}

SCAMS = [
    # an authority claimed, and the card, PIN or cash handed over or asked for
    "a woman turned up claiming to be a police officer and took my debit card away",
    "someone phoned saying they were from the fraud squad and wanted my cash for evidence",
    "a bloke at the door said he was a detective and asked me for my bank card",
    "the caller claimed he was from HMRC and I transferred £900 to settle it",
    "an officer, or so he said he was police, came to collect my cards and pin",
    # a "mistaken" payment to be sent on to another account
    "£800 landed from a stranger, they say it was a mistake, pay it back to another account",
    "a man says he paid me by accident and wants me to transfer it to a different account",
    "got £1,500 in error apparently, they've asked me to send it back into their other account",
    "someone sent money by mistake and wants it returned via a new account, not the old one",
    # a rental whose real owner lives there
    "we turned up to move in and the real landlord was there, he's never rented it out",
    "the actual owner answered the door and had no idea about our deposit",
    "paid the deposit for the room but someone else lives there already",
    "the genuine landlady knew nothing about the agent we paid",
    # fees to release winnings, a loan or a pension
    "my mum keeps paying fees to a company to release her prize from a competition",
    "I sent £200 to claim my lottery winnings and now they want more",
    "the lender wants an insurance fee in advance before they release the loan",
    "a firm rang my uncle offering to unlock his pension early for a fee",
    "they told my gran she could release her pension before 55 through their company",
    "she paid tax to receive the inheritance from abroad",
    # a stranger met online who needs money to travel to the customer
    "she wants £1,200 for her visa so she can finally come and see me",
    "he asked me for £900 for a plane ticket to come and marry me",
    "sending money for his flights to visit me next month, is that ok to do today?",
    # stranded abroad, by someone not family
    "he says he's stranded overseas and needs £2,000 for the hotel bill",
    "she is being held at customs and asked me to pay the release charge",
    # a step made with someone posing as the authority in the same message
    "a text saying it was from HMRC with a warrant for my arrest, I paid them £600",
    # the safe account
    "my savings aren't safe apparently, I have to move all my money right now",
    "need to transfer everything today because my account is no longer secure",
    # cash kept safe by a stranger
    "mum's withdrawn £4,000 in cash, a kind lady from the bank said she'd keep it safe for her",
    "a man from the council takes my dad to the bank and looks after his cash for him",
    # a seller on social media who never delivered
    "I sent £150 for a console to a guy on facebook marketplace and it never arrived",
    "bought a puppy from a woman on instagram, paid the deposit, nothing came",
    "paid for festival passes from a girl on tiktok and never got them",
    # an address that was not real
    "we paid the deposit on a car and when we went to collect it the address was an empty shop",
    "sent the money, drove over and the address turned out to be a car park",
    # new details from a message, money paid
    "we paid the roofer to the new bank details in his email and he says he never got it",
    "I paid my solicitor's invoice last week to the changed account details from the email",
]

SCAM_DECOYS = [
    "how do police impersonation scams work?",
    "will the police ever ask for my bank card?",
    "the police rang to say they found my stolen bag, do I need a new card?",
    "is it safe to pay a deposit for a flat before a viewing?",
    "who is the real owner of a joint account if one of us dies?",
    "does your personal loan have an arrangement fee?",
    "can I access my pension early at 55?",
    "my son needs £300 for his flight home to see me at christmas",
    "my daughter is stuck abroad, can I send her money with my card?",
    "is a 3% guaranteed return on the fixed saver good?",
    "I bought a sofa from a guy on facebook marketplace, how should I pay?",
    "I ported my number to a new network, will my codes still work?",
    "someone sent me £60 by mistake, can I return it to the account it came from?",
    "is my account safe if I move all my money to savings today?",
    "where do I type my card number when paying online?",
    "I changed my password and got an email saying it was changed, is that normal?",
    "there are two £1 payments to Apple, what are they?",
    "what is card testing?",
    "how do I keep my money safe?",
    "is my money safe with you if the bank goes bust?",
    "what's the address for sending a cheque?",
    "my dad asked me to keep his cash safe while he's in hospital",
    "what does a mistaken payment claim involve?",
    "can you explain how romance scams work? my friend is worried about her sister",
    "HMRC sent me a letter about my tax code, how do I pay what I owe?",
]


@pytest.mark.parametrize("text", SCAMS)
def test_a_scam_told_by_its_shape(text: str) -> None:
    assert "scam" in kinds(text)


@pytest.mark.parametrize("text", SCAM_DECOYS)
def test_questions_and_own_actions_are_no_scam(text: str) -> None:
    assert not kinds(text) & RED


LURES = [
    # the lure alone: fraud once a step follows or the NLU agrees
    "HMRC called me saying I owe back tax and there is a warrant out",
    "got a call from the police saying my account is linked to money laundering",
    "a voicemail from immigration saying I'd be deported unless I pay a fine",
    "someone at the door claiming to be from the council",
    "the guy said he was a police officer investigating my bank",
    "had a text that looked exactly like it came from the bank",
    "there was a call that sounded like it was from you about my card",
    "they promised 12% a month guaranteed on the gold scheme",
    "it's a crypto scheme with guaranteed returns, the broker says",
    "the estate agent's letter says their account has been changed",
    "the builder's email says his account details have changed",
]


@pytest.mark.parametrize("text", LURES)
def test_a_lure_is_posing(text: str) -> None:
    assert "posing" in kinds(text)


NO_LURE = [
    "HMRC called about my tax return, is that normal?",
    "the police came round about the burglary next door",
    "my text looked like it was from a friend",
    "what interest is guaranteed on the fixed bond?",
    "is it normal for an estate agent to change bank details?",
    "I emailed the estate agent my new address",
]


@pytest.mark.parametrize("text", NO_LURE)
def test_routine_talk_is_no_lure(text: str) -> None:
    assert not kinds(text) & (RED | {"posing"})


STEPS = [
    # a caller's demand, or a step told without its "I"
    "then they asked me to read out the code from my text",
    "he wanted me to confirm my card number and the three digits on the back",
    "the caller told me to give him my pin",
    "entered my card number and the expiry on the page",
    "and then typed in my passcode",
    "I sent her about £2,500 over the month",
    "we sent him £700 last week",
]


@pytest.mark.parametrize("text", STEPS)
def test_a_step_told(text: str) -> None:
    assert "scam_step" in kinds(text)


NO_STEP = [
    "the app asked me to confirm my address",
    "how do I enter my card number in Apple Pay?",
]


@pytest.mark.parametrize("text", NO_STEP)
def test_routine_steps_are_no_scam_step(text: str) -> None:
    assert not kinds(text) & RED


FRAUD_REPORTS = [
    "eight payments of £1 to random sites this morning",
    "loads of tiny charges of 50p to websites I don't recognise",
    "several small transactions of £2 to unknown shops then a big one",
    "someone has swapped my sim, my phone has no service",
    "my number was ported without my permission",
    "and now a text saying my phone number was changed on my banking",
    "just got an alert about a new device being added to my account",
    "suddenly an email that my password was reset",
]


@pytest.mark.parametrize("text", FRAUD_REPORTS)
def test_card_testing_and_takeover_are_fraud_reports(text: str) -> None:
    assert "fraud_report" in kinds(text)


NO_FRAUD_REPORT = [
    "I've just changed my password, will I get an email?",
    "I got a new phone and now an email about a new device being added, is that normal?",
    "I've just set up face id and got a text saying a new device was added",
    "can I move my number to another network without losing the app?",
    "there are two payments of £1.50 to TfL",
]


@pytest.mark.parametrize("text", NO_FRAUD_REPORT)
def test_own_changes_and_known_payments_are_no_fraud_report(text: str) -> None:
    assert not kinds(text) & RED


NO_HARM = [
    "a voicemail said the tax office would arrest me, I didn't call back",
    "they wanted me to press 1, I didn't press anything",
]


@pytest.mark.parametrize("text", NO_HARM)
def test_a_lure_not_followed_is_no_harm(text: str) -> None:
    assert "no_harm" in kinds(text)


@pytest.mark.parametrize("text", SCAMS + LURES + STEPS + FRAUD_REPORTS + NO_FRAUD_REPORT)
def test_anchor_gating_never_changes_a_result(text: str) -> None:
    assert situations.situation_cues(text) == _ungated(text)


# ------------------------------------------------------------- whole conversations


def test_a_threat_call_then_a_payment_reaches_fraud() -> None:
    assert route(
        "the tax office phoned saying I'd be prosecuted over unpaid tax",
        "so I sent them £700 straight away",
    )[:2] == ("fraud", 2)


def test_a_threat_call_ignored_stays_with_the_bot() -> None:
    assert (
        route(
            "had a voicemail saying the police will arrest me over unpaid tax",
            "I didn't call back, just checking it isn't you",
        )[0]
        == "bot"
    )


def test_a_bank_impersonator_then_a_demand_for_digits_reaches_fraud() -> None:
    assert route(
        "someone rang saying he was from your security team",
        "he asked me to read out the three digits on the back of my card",
    )[:2] == ("fraud", 2)


def test_a_mistaken_payment_to_another_account_reaches_fraud() -> None:
    assert route(
        "a stranger sent me £3,000 and says it was a mistake, I should return it to his other "
        "account"
    )[:2] == ("fraud", 1)


def test_a_returned_mistaken_payment_stays_with_the_bot() -> None:
    assert route("someone paid me £25 by mistake, how do I return it to them?")[0] == "bot"


def test_a_romance_ask_reaches_fraud() -> None:
    assert route(
        "I've been talking to a man online for months",
        "he needs £2,000 for his ticket so he can come and meet me",
    )[:2] == ("fraud", 2)


def test_a_rental_whose_real_owner_lives_there_reaches_fraud() -> None:
    assert route(
        "paid £1,100 deposit for a flat off an online ad",
        "turned up for the keys and the real owner was there, never heard of the guy",
    )[:2] == ("fraud", 2)
