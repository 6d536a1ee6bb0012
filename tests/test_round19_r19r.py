"""Round 19 of issue 11, principle 2: a cue fires only in its role; a disarm disarms only
what is over.

1. Capitals on a banking term are no shout: the listed UK acronyms and a term's shape (no
   vowel, coordinated with a listed acronym, "an" before a consonant letter, alone in
   brackets). Real shouting still shouts.
2. A death notified now ("how do I let you know", "I'm writing to tell you") or grief felt now
   ("still hard") is current whatever its time marker; a past death told in passing stays
   disarmed (round 18).
3. A precaution or purpose clause ("so I don't get scammed", "to avoid fraud", "in case it's
   a scam") disarms the fraud and scam words inside it, not a scam told beside it.
4. A hospital, hospice, clinic or care home named as the place of a payment, of parking or
   of a job is no illness; a customer or a close one in it still is.
5. An abuse verb whose subject is a landlord, a boss or a neighbour is no partner abuse (a
   landlord's or bailiff's threat is a stake, ``deadline``); a partner's still is.
6. A pronoun's silence ("they won't answer my emails") is a vanished seller only with money
   paid or goods not come; over messages the spread story reads money paid, then silence.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals import spread
from handoff.signals.text import analyze_text
from tests.conftest import cue_kinds, route_parsed

_NOW = datetime(2026, 12, 4, 11, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _route(router: Router, messages: list[tuple[str, str, float]]) -> tuple[str, int | None]:
    return route_parsed(router, messages, _NOW, "r19r")


# ---------------------------------------------------------------- 1. terms in capitals
TERMS = [
    "what's the EAR on the easy access saver",
    "is the rate quoted as AER or EAR",
    "APR vs EAR, which one do I compare",
    "can I hold a LISA and a SIPP at the same time",
    "does the FSCS cover my joint account",
    "I had a CCJ in 2020, can I still get a loan",
    "what happens when my fix ends and I go onto the SVR",
    "what LTV do you need for a BTL mortgage",
    "is it an SVR or a tracker after two years",
    "the annual equivalent rate (EAR) is what I'm after",
    "I'm on PIP and UC, can I open a basic account",
    "do I need my NINO to open a stocks and shares ISA",
    "my employer pays PAYE, why is my tax code BR",
    "where do I send a DSAR under GDPR",
    "is BNPL shown on my credit file",
]
SHOUTS = [
    "WHERE IS MY MONEY",
    "this is NOT ok, sort it",
    "I WANT A REFUND NOW",
    "give it back NOW",
    "is it APR or EAR or WHAT",
    "WHY has my card been blocked",
]


@pytest.mark.parametrize("text", TERMS)
def test_capitals_on_a_term_do_not_shout(text: str) -> None:
    assert "shouting" not in cue_kinds(text), analyze_text(text).cues


@pytest.mark.parametrize("text", SHOUTS)
def test_real_capitals_still_shout(text: str) -> None:
    assert "shouting" in cue_kinds(text), analyze_text(text).cues


# ---------------------------------------------------------------- 2. a death notified now
NOTIFIED_NOW = [
    "how do I let you know my husband died? it was three years ago, I've only just found his "
    "old current account",
    "I'm writing to let you know that my mother passed away in 2021, sorry it took so long",
    "I need to tell you my dad died a few years ago, his saver is still open",
    "my wife died two years ago and it's still hard to talk about, how do I close her ISA",
    "how do I register my partner's death, he passed last year and I've been putting it off",
]
PAST_IN_PASSING = [
    "my grandad passed away years ago, can I change my security question about his name?",
    "I inherited money from my late aunt back in 2018, what's your best fixed saver?",
    "my father died many years ago, does that affect my mortgage application?",
]


@pytest.mark.parametrize("text", NOTIFIED_NOW)
def test_a_death_notified_now_is_current(text: str) -> None:
    assert "vulnerability" in cue_kinds(text), analyze_text(text).cues


@pytest.mark.parametrize("text", PAST_IN_PASSING)
def test_a_past_death_told_in_passing_stays_disarmed(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text), analyze_text(text).cues


# ---------------------------------------------------------------- 3. a precaution clause
PRECAUTIONS = [
    "I'm about to pay for a used car by transfer, what do I check so I don't get scammed?",
    "what can I do to avoid fraud when I sell my bike online",
    "how can my gran protect herself from scams on the phone",
    "should I ring the builder first just in case it's a scam",
    "I want to make sure it's not a scam before I send the holding deposit",
    "any tips on how to not get conned when renting a flat?",
]
SUFFERED = [
    "I've been scammed out of £250, how do I avoid it happening again",
    "I got scammed on a ticket site yesterday and they have my card details",
    "just in case it matters, someone has taken £90 from my account and it wasn't me",
]


@pytest.mark.parametrize("text", PRECAUTIONS)
def test_a_precaution_clause_disarms_its_fraud_words(text: str) -> None:
    assert not cue_kinds(text) & {"fraud", "scam", "scam_mention"}, analyze_text(text).cues


@pytest.mark.parametrize("text", SUFFERED)
def test_a_scam_suffered_keeps_its_cue_beside_a_precaution(text: str) -> None:
    assert cue_kinds(text) & {"fraud", "scam", "fraud_report"}, analyze_text(text).cues


# ---------------------------------------------------------------- 4. a hospital as a place
PLACES = [
    "my card got declined at the hospital car park, the machine won't take it",
    "I'm in the hospital car park and contactless isn't working",
    "I work at the hospice and my wages haven't come in",
    "paid at the hospital shop and was charged twice",
    "the cash machine at the clinic entrance kept my card",
]
PEOPLE_IN_IT = [
    "my son is in hospital and I can't get to the branch",
    "I'm at the hospital with my mum, can someone call me back later",
    "I've just come out of hospital after an operation",
    "my dad went into a care home last month and I manage his bills",
]


@pytest.mark.parametrize("text", PLACES)
def test_a_hospital_named_as_a_place_is_no_illness(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text), analyze_text(text).cues


@pytest.mark.parametrize("text", PEOPLE_IN_IT)
def test_someone_in_hospital_is_still_vulnerable(text: str) -> None:
    assert "vulnerability" in cue_kinds(text), analyze_text(text).cues


# ---------------------------------------------------------------- 5. an abuse verb's subject
NOT_A_PARTNER = [
    "my boss threatens me whenever my pay is late",
    "the neighbour is threatening me over the fence money",
    "the landlord is threatening me because the rent bounced",
    "vecinul mă amenință pentru bani",
]
A_LANDLORD = [
    "my landlord says he's threatening to change the locks",
    "proprietara mă amenință că mă dă afară",
]
A_PARTNER = [
    "my husband threatens me if I use the joint card",
    "he threatens me and takes my wages every week",
    "soțul meu mă amenință",
]


@pytest.mark.parametrize("text", NOT_A_PARTNER)
def test_an_abuse_verb_of_no_partner_is_no_vulnerability(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text), analyze_text(text).cues


@pytest.mark.parametrize("text", A_LANDLORD)
def test_a_landlords_threat_is_a_stake(text: str) -> None:
    kinds = cue_kinds(text)
    assert "vulnerability" not in kinds
    assert "deadline" in kinds


@pytest.mark.parametrize("text", A_PARTNER)
def test_a_partners_threat_is_still_vulnerability(text: str) -> None:
    assert "vulnerability" in cue_kinds(text), analyze_text(text).cues


# ---------------------------------------------------------------- 6. a silence and its money
SILENCE_ONLY = [
    "they won't answer my emails",
    "she isn't answering my calls about the warranty",
    "he's not replying to my messages about the invoice",
]
SILENCE_AFTER_MONEY = [
    "I paid £180 for a phone and now they won't answer",
    "sent the deposit last week and she stopped replying",
    "they're not responding and the laptop never arrived",
]


@pytest.mark.parametrize("text", SILENCE_ONLY)
def test_a_silence_alone_is_no_scam(text: str) -> None:
    assert "scam" not in cue_kinds(text), analyze_text(text).cues


@pytest.mark.parametrize("text", SILENCE_AFTER_MONEY)
def test_a_silence_after_money_is_a_scam(text: str) -> None:
    assert "scam" in cue_kinds(text), analyze_text(text).cues


def _part(text: str) -> int:
    analysis = analyze_text(text)
    return spread.parts(analysis.text, analysis.cue_kinds)[0]


@pytest.mark.parametrize(
    "text",
    ["I paid for the tickets on Monday", "we transferred the full deposit to him",
     "I sent them the money for the puppy"],
)  # fmt: skip
def test_money_paid_without_an_amount_is_a_step(text: str) -> None:
    assert _part(text) & spread.STEP


@pytest.mark.parametrize(
    "text", ["and he's not answering since", "they're not replying now", "she's not responding"]
)
def test_a_silence_is_a_reveal(text: str) -> None:
    assert _part(text) & spread.REVEAL


# ---------------------------------------------------------------- routed through the rules
STAY_WITH_THE_BOT = [
    [("what's the AER on the one-year fix", "ask_interest_rate", 0.8),
     ("is that EAR or APR", "ask_interest_rate", 0.7), ("ok cheers", "thank_you", 0.9)],
    [("I'm booking a cottage and paying by transfer, anything to check so I don't get "
      "scammed?", "report_fraud", 0.6)],
    [("how do I raise a chargeback for a faulty fridge from a shop?", "nlu_fallback", 0.4),
     ("they won't answer my emails", "nlu_fallback", 0.4)],
]  # fmt: skip


@pytest.mark.parametrize("messages", STAY_WITH_THE_BOT, ids=lambda m: m[0][0][:30])
def test_a_calm_customer_stays_with_the_bot(
    router: Router, messages: list[tuple[str, str, float]]
) -> None:
    lane, _ = _route(router, messages)
    assert lane not in {"fraud", "vulnerable_customers"}
    assert _route(router, messages) == ("bot", None)


def test_a_death_notified_years_on_reaches_the_bereavement_team(router: Router) -> None:
    messages = [
        ("how do I tell you my husband died? it was 3 years ago, only now sorting his accounts",
         "nlu_fallback", 0.4),
    ]  # fmt: skip
    assert _route(router, messages) == ("vulnerable_customers", 1)


def test_money_paid_then_silence_over_messages_reaches_fraud(router: Router) -> None:
    messages = [
        ("can I check a transfer reached the right account", "nlu_fallback", 0.4),
        ("I paid for the sofa last week by bank transfer and it hasn't come", "nlu_fallback", 0.4),
        ("and now they're not answering", "nlu_fallback", 0.4),
    ]  # fmt: skip
    assert _route(router, messages)[0] == "fraud"
