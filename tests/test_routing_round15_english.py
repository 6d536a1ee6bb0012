"""Round 15 of issue 11: English needs said indirectly, as principles.

1. Fraud recognised by what happened, not the word "scam": someone posing as an authority
   gives an instruction and money moves; money gone while the card never left the customer;
   paid and the other side vanished; a payee's bank details changed by email; a device or SIM
   that is not theirs; a fee demanded to get money out; a card taken at a cashpoint.
2. Needs said indirectly: a person asked for by role or channel (someone from the team, a
   callback, a manager to ring), vulnerability told by its effects (learning difficulties,
   feeling muddled, an ex tracking the customer, a protective order, a partner keeping the
   card, a death told as "gone since"), an MP or councillor threatened.
3. Sarcasm read against the failure it is about: a praise word closing or opening a failure
   of the bank's, "very fair, very reasonable", a suggestion thrown back as "really helpful";
   not the customer's own slip, not sincere praise after a success.

Every sentence here was written for this file, not taken from an evaluation set; calm
questions about fraud, scams, death and the like must stay cue-free.
"""

from __future__ import annotations

import pytest

from handoff.signals.text import analyze_text
from tests.conftest import cue_kinds

_FRAUD_KINDS = {"scam", "fraud_report", "fraud"}

FRAUD_STORIES = [
    "a man from HMRC said I owed tax and I had to move £2,000 into a new account he had set up",
    "the caller said a teller is under investigation and I should draw out £1,500 as evidence",
    "they told me to take out cash to help the police catch the gang",
    "an email about a road toll, I typed in my card details and £640 has gone",
    "I got a text about a missed delivery, entered my card details and now £212 was taken",
    "I paid £800 to hold the flat but the real landlord had never heard of me",
    "we sent £3,000 to the builder and he has disappeared",
    "I paid for the puppy and the seller has blocked me",
    "transferred £950 for a van and now their phone doesn't connect",
    "he's done the same thing to four other pensioners on my street",
    "to withdraw my profits they say I must pay a £1,200 tax",
    "the platform says I need to pay another £3k to release my funds",
    "I was told to top up the account with my own money to unlock orders",
    "two payments of £240 at a shop in Leeds, and my card is still in my wallet",
    "there are transactions in London today but I still have my card right here",
    "I don't think I've ever used that company, what is this?",
    "oh yes I must have spent £90 on perfume in my sleep",
    "a new phone was added to my account yesterday and it's not mine",
    "I can't log in and a new device has been linked",
    "my number was ported to another network without me asking",
    "a bloke offered to help at the cash machine, then he walked off and my card had gone",
    "a man at the atm watched my pin and then swapped my card",
    "to get my prize they say I must pay a handling fee first",
]
FRAUD_DECOYS = [
    "how do I move money to my new savings account?",
    "can I set up a new account for my son?",
    "the police want a statement from me about the car accident, can I get my statements",
    "what happens if a payment is under investigation by your team?",
    "I'm expecting a text from the courier, can I change my phone number?",
    "the landlord is the real owner, do I need his name for the standing order?",
    "I paid the builder and he came back on Monday to finish, all good",
    "how do I update my own bank details with my employer?",
    "I emailed my solicitor my new address",
    "is there a fee to withdraw from my ISA?",
    "can I top up my travel card from the app?",
    "my card is in my wallet but contactless keeps failing",
    "I think I've used my overdraft this month, how much is left?",
    "I set up a new device and now I can log in again, thanks",
    "how do I add a new phone to my banking app?",
    "how can I spot the scams where someone pretends to be the police?",
    "I'm going to sleep on it and decide about the loan tomorrow",
    "my landlord emailed to confirm the rent went in, thanks",
    "how do I tell my landlord my bank details have changed?",
    "is there a fee to get my money out of the fixed saver early?",
    "I forgot my PIN and the machine took my card, can I get a new one?",
]


CHANGED_DETAILS = [
    "our conveyancer emailed to say their bank details have been changed",
    "the builder emailed over new bank details for the final invoice",
    "the roofer's bank details have changed, it says so on the invoice he emailed",
    "they messaged this morning with new bank details, their old account is closing",
]


@pytest.mark.parametrize("text", CHANGED_DETAILS)
def test_a_payees_details_changed_by_email_is_the_lure(text: str) -> None:
    # the lure (posing); money at stake, here or in another message, makes it the scam
    assert "posing" in cue_kinds(text)


@pytest.mark.parametrize("text", FRAUD_STORIES)
def test_fraud_told_by_what_happened(text: str) -> None:
    assert cue_kinds(text) & _FRAUD_KINDS


@pytest.mark.parametrize("text", FRAUD_DECOYS)
def test_calm_talk_near_fraud_is_no_fraud(text: str) -> None:
    assert not cue_kinds(text) & _FRAUD_KINDS


REQUESTS = [
    "could somebody from your team check why my transfer failed",
    "please can someone at the bank correct my date of birth",
    "I need someone from the complaints team to call me",
    "need a call back about my mortgage please",
    "callback please, the app keeps logging me out",
    "I'd like to request a call-back this afternoon",
    "can a manager ring me about this",
    "could the supervisor phone me today",
    "pass me to whoever deals with bereavements",
    "put me through to whoever handles disputes",
    "can you get someone from the mortgage team to call me",
]
NOT_REQUESTS = [
    "someone from your team called me yesterday, was it really you?",
    "how do callbacks work?",
    "what's the callback number on the letter for?",
    "my manager at work wants a reference letter from the bank",
    "whoever set up this app deserves a medal, it's great",
    "I had a call back yesterday and it was all sorted",
    "someone from the mortgage team phoned me, is that normal?",
]


@pytest.mark.parametrize("text", REQUESTS)
def test_a_person_asked_for_by_role_or_channel(text: str) -> None:
    assert analyze_text(text).human_request


@pytest.mark.parametrize("text", NOT_REQUESTS)
def test_a_role_or_callback_named_in_passing_is_no_request(text: str) -> None:
    assert not analyze_text(text).human_request


VULNERABLE = [
    "I've got a learning disability so can you keep it simple",
    "im learning disabled and the letter confused me",
    "I'm all muddled this morning, I can't work out the app",
    "feeling very foggy today and I don't know what I've paid",
    "I have a restraining order against my ex-husband",
    "my ex keeps using the joint account to track me",
    "my partner won't let me have my own bank card",
    "my husband keeps my card and my wages",
    "he's been gone since March and I can't face the paperwork",
    "every letter addressed to her, I can't bring myself to open",
]
NOT_VULNERABLE = [
    "I'm learning to use the app, how do I see my PIN",
    "the route is a bit foggy in the app, where is the settings page",
    "how do I order a new card?",
    "is there a protection on my savings up to £85,000?",
    "can I track my parcel of a new card?",
    "my husband has a card on my account, can I order him a new one",
    "the money's gone since June, was that the annual fee?",
    "every letter I get from you is in large print, thanks",
    "my mum's been gone since 2009, how do I close her old account",
]


@pytest.mark.parametrize("text", VULNERABLE)
def test_vulnerability_told_by_its_effects(text: str) -> None:
    assert "vulnerability" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_VULNERABLE)
def test_everyday_words_are_no_vulnerability(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll be writing to my MP about how you've treated me",
        "going to my local councillor with this",
        "I have contacted my MP about the charges",
        "a solicitor's letter will be coming your way",
        "you'll be hearing from my solicitor",
    ],
)
def test_an_mp_or_a_solicitor_threatened_is_legal(text: str) -> None:
    assert "legal_threat" in cue_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "my MP's office needs a bank statement, how do I print one?",
        "I work for an MP, can I get a business account",
        "my solicitor's letter about the sale arrived, where do I send the deposit?",
    ],
)
def test_an_mp_or_solicitor_named_in_passing_is_no_threat(text: str) -> None:
    assert "legal_threat" not in cue_kinds(text)


SARCASM = [
    "two hours on hold and the line went dead. superb",
    "card declined at the till again. fantastic",
    "brilliant. you've frozen my account on payday",
    "lovely, my wages still haven't arrived",
    "£25 for a letter. very generous, very kind",
    "the bot suggested I turn it off and on again. really helpful thanks",
    "you told me to reinstall it, it still won't open. very helpful",
    "my refund is missing and you suggest I 'wait a few days'. so helpful 🙃",
]
NOT_SARCASM = [
    "the transfer went through. brilliant",
    "it works now, thank you, superb",
    "brilliant, thanks for sorting my card",
    "lovely, that's all I needed",
    "fab, I've locked myself out again, my fault",
    "great, can you tell me my balance",
    "very fair, thank you for refunding the fee",
    "that was really helpful, thanks",
    "it only took 5 minutes. perfect",
    "no fees at all. great",
    "didn't take long at all. lovely",
    "you suggested a savings pot, really helpful thanks!",
]


@pytest.mark.parametrize(
    "text",
    [
        "money's gone and the bot suggests I 'check my categories'. really helpful thanks",
        "card still blocked and you told me to log out and in. very helpful",
    ],
)
def test_a_suggestion_thrown_back_is_the_failure(text: str) -> None:
    assert {"sarcasm", "no_help"} <= cue_kinds(text)


def test_a_suggestion_that_helped_is_no_failure() -> None:
    assert "no_help" not in cue_kinds("the bot suggested a standing order, very helpful thanks")


@pytest.mark.parametrize("text", SARCASM)
def test_praise_around_a_failure_is_sarcasm(text: str) -> None:
    assert "sarcasm" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_SARCASM)
def test_sincere_praise_is_no_sarcasm(text: str) -> None:
    assert "sarcasm" not in cue_kinds(text)
