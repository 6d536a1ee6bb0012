"""Round 14 of issue 11: English phrasings no cue covered, as principles.

1. Loss told as a story is a scam (money paid away under a pretext: a relative's "new
   number", "double your money", a deposit for a place only seen by video or a seller
   abroad, money sent on an emailed change of details, release fees), and a named or priced
   payment disowned in other words is a fraud report ("never gambled", "no idea what it
   is", "never heard of them", "wasn't me").
2. Whose event and when: a friend's belief that they were scammed is a third party's story;
   a death years ago, an estate long settled, an old hack now fine, and "I thought I'd been
   hacked" are not current (text.py drops the cue they cover).
3. Sarcasm beside a failure, and a person asked for by place or role (a branch appointment,
   a relationship manager or private banker asked to call or approve).

Every sentence here was written for this file, not taken from an evaluation set; calm
questions about fraud, scams, death and the like must stay cue-free.
"""

from __future__ import annotations

import pytest

from handoff.signals.text import analyze_text
from tests.conftest import cue_kinds

SCAM_STORIES = [
    "my nan got a whatsapp saying it was me on a new number and she sent £600 to them",
    "Dad had a text from 'my brother' who said he'd lost his phone, so Dad paid £300 over",
    "someone on instagram promised to double my money so I sent £150",
    "I transferred £400 to a man who said he'd triple my investment in a week",
    "I paid a holding deposit of £700 for a room I only saw on a video call",
    "we sent a deposit for a car, the seller is overseas and will ship the car to us",
    "I paid the builder's invoice to the account in their email, they said their bank "
    "details had changed",
    "I've paid £250 in release fees already and they want more before the parcel comes",
]
SCAM_DECOYS = [
    "how can I tell if a text from a new number is a scam?",
    "is there a way to double my money safely, like a fixed saver?",
    "do you protect deposits I pay for a rental flat?",
    "how do I change my bank details for my salary?",
    "I got a new phone, how do I move the app across?",
    "what's the release date for the new card design?",
]


@pytest.mark.parametrize("text", SCAM_STORIES)
def test_loss_told_as_a_story_is_a_scam(text: str) -> None:
    assert "scam" in cue_kinds(text)


@pytest.mark.parametrize("text", SCAM_DECOYS)
def test_talk_about_scams_or_payments_is_no_scam(text: str) -> None:
    kinds = cue_kinds(text)
    assert "scam" not in kinds
    assert "fraud_report" not in kinds


DISOWNED = [
    "there's a charge for £12.99 from 'LUCKYSPIN' and I've never gambled once",
    "two payments to something called Velora Ltd, no idea what they are",
    "a direct debit from 'HX Media' started last month, never heard of them",
    "what is this transaction for £58 to Brightway? that wasn't me",
    "£75 has gone out to a website I've never heard of",
    "what's 'CRD*ZENPAY £44' on my statement? I don't think it's mine",
]
NOT_DISOWNED = [
    "what is a direct debit? I don't know what it is",
    "I have no idea what a standing order is, can you explain",
    "my payment to Tesco went through twice, can you check",
    "I've never heard of open banking, what is it?",
    "how do I cancel a subscription I signed up to last year",
]


@pytest.mark.parametrize("text", DISOWNED)
def test_a_payment_disowned_is_a_fraud_report(text: str) -> None:
    assert "fraud_report" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_DISOWNED)
def test_questions_about_payments_are_no_fraud_report(text: str) -> None:
    assert "fraud_report" not in cue_kinds(text)


def test_a_payee_mismatch_is_a_lure_only_for_a_payee_who_invoices() -> None:
    assert "posing" in cue_kinds("paying the roofer and it says the name doesn't match")
    assert "posing" not in cue_kinds("sending my son money and the name doesn't match")
    assert "payment_risk" in cue_kinds("he says pay today or he'll move on to the next job")
    assert "payment_risk" in cue_kinds("she says it's just her business name")
    assert "payment_risk" not in cue_kinds("should I pay my credit card before the statement date?")


NOT_CURRENT = [
    ("My mum passed away in 2012 and I want to close her old ISA", "vulnerability"),
    ("my grandad died ten years ago, can I still claim his premium bonds", "vulnerability"),
    ("the probate was granted three years ago, how do I move the money", "vulnerability"),
    ("I was scammed years ago and it's all sorted now, can I open a savings account", "scam"),
    ("I THOUGHT I'D BEEN HACKED but it was my daughter on my laptop", "fraud"),
]


@pytest.mark.parametrize(("text", "kind"), NOT_CURRENT)
def test_events_long_ago_or_feared_are_not_current(text: str, kind: str) -> None:
    assert kind not in cue_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "my husband died last month and I don't know what to do",
        "My dad died in 2019 and your letters to him still upset me every time",
        "someone has hacked my account, there's money missing",
    ],
)
def test_current_events_keep_their_cue(text: str) -> None:
    assert cue_kinds(text) & {"vulnerability", "fraud", "fraud_report"}


@pytest.mark.parametrize(
    "text",
    [
        "my neighbour thinks he's been scammed by a fake plumber, what should he do",
        "a friend of mine got scammed on marketplace, can the bank help her",
    ],
)
def test_a_friends_scam_is_a_third_party_story(text: str) -> None:
    assert "third_party" in cue_kinds(text)


def test_the_customers_own_scam_is_not_a_third_party_story() -> None:
    assert "third_party" not in cue_kinds("I think I've been scammed by a fake landlord")


SARCASM = [
    "thanks so much for freezing my account when all I did was pay my rent",
    "charged me twice and still no refund. 10/10 service",
    "any more bright ideas?",
    "oh yeah, do tell me again to restart the app",
    "3 days for a transfer, is it going by carrier pigeon",
    "so I just wait then? great",
    "a locked account on payday, exactly what I needed",
]
NOT_SARCASM = [
    "thanks for blocking my card so quickly after it was stolen",
    "10/10 service today, thank you",
    "do you have any ideas how I can save more?",
    "can you tell me again what the sort code is",
]


@pytest.mark.parametrize("text", SARCASM)
def test_sarcasm_beside_a_failure(text: str) -> None:
    assert "sarcasm" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_SARCASM)
def test_sincere_thanks_is_no_sarcasm(text: str) -> None:
    assert "sarcasm" not in cue_kinds(text)


REQUESTS_BY_ROLE = [
    "is there someone at the local branch I could see about a loan",
    "I'd like a face-to-face appointment please",
    "can you book me an appointment at the branch on Friday",
    "please ask my relationship manager to ring me today",
    "could my personal banker approve the transfer",
]
NOT_REQUESTS = [
    "my relationship manager said the rate would change",
    "I've booked an appointment, what ID should I bring?",
    "what time does the branch close on Saturday",
    "my private banker left last year",
]


@pytest.mark.parametrize("text", REQUESTS_BY_ROLE)
def test_a_person_asked_for_by_place_or_role(text: str) -> None:
    assert analyze_text(text).human_request


@pytest.mark.parametrize("text", NOT_REQUESTS)
def test_a_role_named_in_passing_is_no_request(text: str) -> None:
    assert not analyze_text(text).human_request


VULNERABLE = [
    "I've written notes to my family, it won't matter much longer",
    "I won't be around much longer so I want to sort my accounts",
    "my partner won't let me see the bank statements",
    "my boyfriend keeps my card and he says I'm not allowed to check",
]
NOT_VULNERABLE = [
    "the fee won't matter, I'll pay it",
    "my kids won't let me see the end of a film in peace lol, how do I add them as payees",
    "I wrote a letter to the branch about my address",
]


@pytest.mark.parametrize("text", VULNERABLE)
def test_vulnerability_told_indirectly(text: str) -> None:
    assert "vulnerability" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_VULNERABLE)
def test_everyday_words_are_no_vulnerability(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text)


def test_moving_everything_to_a_rival_is_a_churn_threat() -> None:
    assert "churn_threat" in cue_kinds("sort it today or I'm moving everything to Monzo")
    assert "churn_threat" not in cue_kinds("how do I move everything to my new savings pot")
