"""Issue 11, routing round 5: the specialist and complaints lanes tell a report of harm from
a mention of it. Phrasings were written for these tests (none copied from the routing sets),
each class with decoys that must not fire: slang, someone else's bad luck, a phishing text
recognised and not clicked, a calm fact, a negated complaint, a flag with a routine question.
"""

from __future__ import annotations

import pytest

from handoff.signals import situations
from handoff.signals.text import analyze_text
from tests.test_routing_round3 import _ungated, kinds, route

# ------------------------------------------------------------------ the cues

REPORTS = [
    # payments after a card, purse or phone was taken
    ("fraud_report", "wallet pinched at the gym, there are three payments after it was stolen"),
    ("fraud_report", "since I lost my purse on Saturday there have been two payments in Tesco"),
    ("fraud_report", "since it was nicked I can see a £60 transaction at a petrol station"),
    # a dead SIM and signs of someone in the account
    ("fraud_report", "my sim has stopped working and now a text says my password was reset"),
    ("fraud_report", "phone says emergency calls only and there's a new payee on my account"),
    ("fraud_report", "there's a payee on here that I didn't add"),
    # details typed into a page a text or email led to
    ("scam", "an email about a tax refund, I entered my card details, now I think it was fake"),
    ("scam", "a text about a redelivery fee, I typed my card number in, realised it was fake"),
    # new bank details from someone the customer pays
    ("scam", "our builder has emailed over new bank details for the final invoice"),
    ("scam", "the conveyancer sent different account details, I'm paying the deposit now"),
    ("scam", "an email from my solicitor with updated bank details for the completion money"),
    # money for a partner met online to visit
    ("scam", "he's in the army overseas and needs £900 for his leave papers"),
    ("scam", "she needs £2,000 for the visa so she can come and meet me"),
    # someone on the device while money moves
    ("scam", "the trader is on my laptop right now showing me where to send it"),
    ("scam", "I let them remotely access my computer to fix the bank app"),
    # money paid, then the doubt
    ("scam", "mum paid £1,200 to a man for her gutters, could it be a scam?"),
    # low mood said in passing
    ("vulnerability", "whatever, nothing really matters anymore"),
    ("vulnerability", "honestly I feel so hopeless about all of it"),
    ("vulnerability", "I'm going blind and struggling to read my statements"),
    ("fraud_report", "the sim says emergency calls only and I'm locked out of the app"),
]

MENTIONS = [
    ("scam_mention", "is this a scam? a text says my account will be closed"),
    ("scam_mention", "someone keeps ringing pretending to be from your fraud team"),
    ("scam_mention", "I think that email is fake"),
    ("no_harm", "I didn't click the link, I'm not daft"),
    ("no_harm", "we haven't replied to them"),
    ("no_harm", "ignored it and deleted it straight away"),
    ("no_harm", "where should I forward these texts?"),
    ("no_harm", "there are no unusual payments on my account"),
    ("no_harm", "nothing has been taken as far as I can see"),
    ("no_harm", "£7 for a pint is a scam haha"),
    ("no_harm", "what a rip-off lol"),
    ("payment_risk", "can you help me get around the daily limit"),
    ("payment_risk", "I need to add a new payee"),
    ("payment_risk", "I have to transfer £6,500 today"),
    ("payment_risk", "the agent said the money must be sent today or I lose the flat"),
    ("repayment", "I've fallen behind with my credit card payments"),
    ("repayment", "could I only pay £30 a month for now"),
    ("repayment", "can I have a repayment holiday"),
    ("coping", "I'm partially sighted but managing fine with the app"),
    ("coping", "can I get statements in braille?"),
    ("coping", "my wife passed away eight years ago, I'd like to update the account name"),
    ("no_complaint", "I'm not complaining, just curious why the rate changed"),
    ("no_complaint", "this is not a complaint, but where is my statement?"),
]


@pytest.mark.parametrize(("kind", "text"), REPORTS + MENTIONS)
def test_phrasing_is_recognised(kind: str, text: str) -> None:
    assert kind in kinds(text), analyze_text(text).cues
    assert situations.situation_cues(text) == _ungated(text)


NOT_THAT_KIND = [
    # a lost card alone is the bot's to freeze and replace
    ("fraud", "I've lost my card somewhere in town"),
    ("fraud_report", "I lost my card, will payments after I freeze it be blocked?"),
    ("fraud_report", "no signal in the shop so my payment failed"),
    # card details typed into a real shop's website
    ("scam", "I entered my card details on the website and the payment was declined"),
    ("scam", "the shop's website took my card number but the order didn't go through"),
    # someone else's scam, slang, a text recognised
    ("scam", "my mate got scammed on marketplace, how do I stay safe?"),
    ("scam", "£4.50 for a coffee is a scam lol"),
    ("scam", "I paid £3 for a croissant, is that a scam haha"),
    ("scam", "my landlord sent me his new bank details, how do I update the standing order?"),
    ("scam", "my son is a soldier, can I send him money while he's posted abroad?"),
    ("scam", "I'm on my laptop trying to move money to my savings"),
    ("scam", "she was on my phone looking at photos"),
    ("fraud_report", "my phone suddenly had no signal on the train so my payment failed"),
    ("fraud_report", "my phone had no signal all day, can I still use the app to pay?"),
    ("scam", "my solicitor sent me the new bank details form for the mortgage"),
    # calm facts and idioms
    ("vulnerability", "it doesn't matter, I found it"),
    ("vulnerability", "nothing really matters to me more than good service"),
    ("vulnerability", "nothing matters more than keeping my savings safe"),
    ("coping", "I lost my job and can't pay the rent, but I'm managing fine otherwise"),
    ("coping", "I'm registered blind and I can't use the app since the update"),
    # requests that are not risky payments or repayments
    ("payment_risk", "what is my daily transfer limit?"),
    ("payment_risk", "what's the cut off for a payment to go today"),
    ("repayment", "how do I make a payment to my credit card?"),
    ("no_complaint", "I want to make a complaint"),
    ("no_harm", "I clicked the link and entered my details"),
]


@pytest.mark.parametrize(("kind", "text"), NOT_THAT_KIND)
def test_near_miss_is_not_that_kind(kind: str, text: str) -> None:
    assert kind not in kinds(text), analyze_text(text).cues
    assert situations.situation_cues(text) == _ungated(text)


# ------------------------------------------------------------------ the rules


class TestFraud:
    def test_details_typed_into_a_fake_delivery_page_go_to_fraud(self) -> None:
        lane, turn, _ = route(
            "a text said a parcel was waiting, I filled in my card details, then realised"
        )
        assert (lane, turn) == ("fraud", 1)

    def test_payments_after_a_theft_go_to_fraud(self) -> None:
        lane, turn, _ = route("my bag was snatched and there are payments after it was taken")
        assert (lane, turn) == ("fraud", 1)

    def test_changed_payee_details_before_a_big_payment_go_to_fraud(self) -> None:
        lane, turn, _ = route(
            "what's the CHAPS cut-off? our solicitor emailed new bank details this morning"
        )
        assert (lane, turn) == ("fraud", 1)

    def test_a_lost_card_stays_with_the_bot(self) -> None:
        assert route("lost my card on the bus, how do I freeze it?") == ("bot", None, None)

    def test_scam_as_slang_stays_with_the_bot(self) -> None:
        assert route(
            "£12 for a cinema ticket is a scam lol. how do I set up a savings pot?",
            intent="card_payment_not_recognised",
        ) == ("bot", None, None)

    def test_a_phishing_text_recognised_and_not_clicked_stays_with_the_bot(self) -> None:
        assert route(
            "a text claiming to be from you about a new device. I didn't click it",
            intent="compromised_card",
        ) == ("bot", None, None)

    def test_a_phishing_text_clicked_still_goes_to_fraud(self) -> None:
        """A strong report is never cancelled by a 'didn't' elsewhere in the message."""
        lane, turn, _ = route(
            "I didn't reply but I clicked the link in the text and entered my card details"
        )
        assert (lane, turn) == ("fraud", 1)

    def test_an_unknown_payment_and_a_request_for_a_person_go_to_fraud(self) -> None:
        lane, turn, _ = route(
            "a £38.50 charge from a shop I've never heard of, can I talk to someone please"
        )
        assert (lane, turn) == ("fraud", 1)

    def test_never_having_heard_of_a_feature_is_not_fraud(self) -> None:
        assert "fraud" not in kinds("I've never heard of Apple Pay, can I pay with it?")

    def test_a_scam_word_the_nlu_backs_goes_to_fraud(self) -> None:
        lane, turn, _ = route(
            "someone pretending to be from your bank rang me", intent="compromised_card"
        )
        assert (lane, turn) == ("fraud", 1)


class TestFlags:
    def test_fraud_flag_with_a_routine_question_stays_with_the_bot(self) -> None:
        assert route(
            "what time does the Leeds branch shut tonight", flags=("fraud_suspected",)
        ) == ("bot", None, None)

    def test_fraud_flag_with_a_new_payee_goes_to_fraud(self) -> None:
        lane, turn, _ = route(
            "I need to add a new payee and send them £3,500 now", flags=("fraud_suspected",)
        )
        assert (lane, turn) == ("fraud", 1)

    def test_fraud_flag_with_a_limit_increase_goes_to_fraud(self) -> None:
        lane, _, _ = route("how can I raise my transfer limit", flags=("fraud_suspected",))
        assert lane == "fraud"

    def test_a_new_payee_without_a_flag_stays_with_the_bot(self) -> None:
        assert route("how do I add a new payee?") == ("bot", None, None)

    def test_collections_and_a_payment_plan_reach_an_adviser(self) -> None:
        lane, turn, rule = route(
            "I've missed two loan payments, can we agree a payment plan?", flags=("collections",)
        )
        assert (lane, turn) == ("general_banking", 1) or lane == "vulnerable_customers"
        assert rule in ("collections_arrangement", "vulnerable_customer")

    def test_collections_and_a_routine_question_stay_with_the_bot(self) -> None:
        assert route("how do I order a new card", flags=("collections",)) == ("bot", None, None)

    def test_vulnerable_flag_and_a_bigger_overdraft_reach_the_team(self) -> None:
        lane, turn, _ = route("can I extend my overdraft a bit", flags=("vulnerable",))
        assert (lane, turn) == ("vulnerable_customers", 1)

    def test_vulnerable_flag_and_a_routine_question_stay_with_the_bot(self) -> None:
        assert route("what's my sort code", flags=("vulnerable",)) == ("bot", None, None)


class TestVulnerabilityAndComplaints:
    def test_accessibility_question_from_a_blind_customer_stays_with_the_bot(self) -> None:
        assert route("I'm registered blind, is there a screen reader mode?") == (
            "bot",
            None,
            None,
        )

    def test_a_blind_customer_who_cannot_use_the_app_reaches_the_team(self) -> None:
        lane, turn, _ = route(
            "I'm registered blind and I can't use the app at all since the update"
        )
        assert (lane, turn) == ("vulnerable_customers", 1)

    def test_a_loss_long_ago_told_calmly_stays_with_the_bot(self) -> None:
        assert route(
            "my husband died nine years ago, I'd like to change the account to my name only"
        ) == ("bot", None, None)

    def test_a_recent_bereavement_reaches_the_team(self) -> None:
        lane, turn, _ = route("my husband died last week and I don't know what to do")
        assert (lane, turn) == ("vulnerable_customers", 1)

    def test_low_mood_in_passing_reaches_the_team(self) -> None:
        lane, turn, _ = route("how do I check my balance. nothing really matters anymore anyway")
        assert (lane, turn) == ("vulnerable_customers", 1)

    def test_a_negated_complaint_the_nlu_reads_as_one_stays_with_the_bot(self) -> None:
        assert route(
            "I'm not making a complaint, I just want to know the ISA rate", intent="complain"
        ) == ("bot", None, None)

    def test_a_complaint_still_goes_to_complaints(self) -> None:
        assert route("I want to make a formal complaint", intent="complain")[0] == "complaints"
