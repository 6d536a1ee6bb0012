"""Issue 11, routing round 10: scam classes told the way people tell them, calm talk kept calm.

New scam classes: a payee's new bank details sent by message (the biller named first and
then "he" or "they" sent them, or the redirection's own excuse "because their bank
changed"), courier fraud (someone coming to collect the card, the card sealed in an
envelope at a caller's word), and a caller who gives the account to send money to (a scam
step, fraud after someone posed as the bank). A caller "from head office" poses as the bank.

Every phrasing was written for these tests (none copied from any routing set).
"""

from __future__ import annotations

import pytest

from tests.test_routing_round3 import kinds, route

POSITIVES = [
    # a biller named, then a pronoun sends new details
    ("scam", "paying the roofer's firm today, they've emailed new bank details over"),
    ("scam", "my solicitor wants the deposit and she just sent different account details"),
    ("scam", "our builder is owed £6k and he texted me updated payment details this morning"),
    # the redirection's excuse, whoever sent it (round 11: with nothing paid or at stake, a
    # lure received: posing; a step or money at stake makes it a scam)
    ("posing", "got an email with new account details as their old account has been closed"),
    ("posing", "the nursery messaged different bank details saying their bank had changed"),
    ("posing", "a letter came with updated payment details cos the account is under review"),
    # courier fraud
    ("scam", "a man is coming round later to collect my debit card, is that you?"),
    ("scam", "they're sending a courier to pick up my cards tonight"),
    ("scam", "the caller told me to put my card and pin in an envelope"),
    ("scam", "he asked me to seal the cards in an envelope for the driver"),
    ("scam", "I have to hand my bank card over to a courier at 3"),
    # a caller gives the account to send to (a step: fraud beside posing)
    ("scam_step", "they gave me a safe account number to move everything into"),
    ("scam_step", "she's sent me new account details to transfer my isa to"),
    ("scam_step", "he told me to give him the card number so he could cancel it"),
    ("scam_step", "they said to open a new account and read them the sort code"),
    # head office as the poser
    ("posing", "a woman from your head office keeps phoning me"),
]

DECOYS = [
    # the customer's own details, or how to change them
    "how do I change my bank details for my salary",
    "I sent my landlord my new bank details yesterday",
    "my new account details are in the app, where do I find the sort code",
    "I changed my bank so my employer needs new account details",
    # a card delivered or collected by the customer
    "my new card is coming by courier tomorrow",
    "can I collect my replacement card from the branch",
    "can I put my old card in an envelope and post it back to you",
    "when is my card coming",
    # the customer's own choices, no caller
    "I want to open a new account and move my savings into it",
    "how do I give my accountant my account number",
    "he told me to send him the money for the concert tickets",
]


@pytest.mark.parametrize(("kind", "text"), POSITIVES)
def test_scam_classes_are_read(kind: str, text: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize("text", DECOYS)
def test_own_details_and_card_deliveries_are_not_scams(text: str) -> None:
    assert not kinds(text) & {"scam", "scam_step", "posing", "fraud_report"}


def test_redirected_payment_reaches_fraud_at_once() -> None:
    lane, turn, rule = route(
        "I owe my kitchen fitter £3,800, he's emailed new bank details, can I pay today?"
    )
    assert (lane, turn, rule) == ("fraud", 1, "fraud")


def test_courier_fraud_reaches_fraud_at_once() -> None:
    lane, turn, _ = route("somebody from the bank is coming to pick up my card, is that normal?")
    assert (lane, turn) == ("fraud", 1)


def test_safe_account_told_over_three_messages_reaches_fraud() -> None:
    lane, turn, _ = route(
        "I need to move my savings somewhere else",
        "your security team phoned me this morning",
        "they've given me an account number to transfer it all into",
    )
    assert (lane, turn) == ("fraud", 3)


def test_account_details_given_without_a_poser_stay_with_the_bot() -> None:
    _, turn, _ = route(
        "my sister gave me her account number to send the birthday money into",
        "how long does a transfer take?",
    )
    assert turn is None


# Scams as a topic or a future worry: a question for the bot (cue howto), not a report.
TOPICS = [
    "doing a college project on fraud, which kinds of scams are most common?",
    "my grandson's coursework is about scammers, can you suggest anything",
    "what are the typical scams people fall for at Christmas",
    "which types of fraud does the bank see most",
    "以后如果遇到诈骗，应该打什么电话？",
    "现在没事，只是想知道万一遇到骗子该怎么办",
]

# ... but a story told beside the topic words stays a report.
TOPIC_DECOYS = [
    ("fraud_report", "what kind of fraud is this, someone has taken £400 out of my account"),
    ("scam_step", "which types of scams are like this, I've just transferred £900 to him"),
    ("scam", "我被骗了，转了三千镑"),
]


@pytest.mark.parametrize("text", TOPICS)
def test_scams_as_a_topic_are_questions(text: str) -> None:
    assert "howto" in kinds(text)


@pytest.mark.parametrize(("kind", "text"), TOPIC_DECOYS)
def test_a_story_beside_topic_words_is_still_read(kind: str, text: str) -> None:
    found = kinds(text)
    assert kind in found
    assert "howto" not in found


def test_a_study_question_about_scams_stays_out_of_the_fraud_lane() -> None:
    lane, _, _ = route("for my uni project: what are the most common scams you see?")
    assert lane != "fraud"


def test_a_future_scam_question_in_chinese_stays_with_the_bot() -> None:
    lane, turn, _ = route("如果以后收到诈骗短信，怎么告诉你们？现在没事。")
    assert (lane, turn) == ("bot", None)


# A regular payment the customer never agreed to (fraud_report), across sentences and with
# the subject left out ("... never heard of them and never signed up").
NEVER_AGREED = [
    "a direct debit of £22 to a firm called Orvia keeps going out, I never set it up",
    "£4.99 every week to some games company. I've never heard of them and never signed up",
    "there's a subscription coming out monthly that we definitely didn't sign up to",
    "£60 to a gym in Croydon each month, I never authorised that",
]

# ... not a setting done badly, not yet done, or a question about doing it.
NOT_YET = [
    "my council tax payment bounced, I didn't set up the direct debit properly",
    "how do I set up a standing order? I haven't set one up before",
    "can I stop a payment? I haven't authorised it yet",
    "my rent payment failed so I didn't set up a new one",
    "the subscription I signed up for in May has gone up to £12",
]


@pytest.mark.parametrize("text", NEVER_AGREED)
def test_a_payment_never_agreed_to_is_a_report(text: str) -> None:
    assert "fraud_report" in kinds(text)


@pytest.mark.parametrize("text", NOT_YET)
def test_a_payment_not_yet_set_up_is_not_a_report(text: str) -> None:
    assert "fraud_report" not in kinds(text)


# Flagged in round 9: a bare "release fee" read as a scam, and a firm that "hasn't answered
# since" a deposit read as vanished. A lender's or property's release fee is a real charge;
# a firm silent for weeks, or one that blocked the customer, is still a scam.
NOT_SCAMS = [
    "how much is the release fee on my mortgage when I sell",
    "is there a deeds release fee once the house is paid off",
    "I paid the holding deposit and the letting firm hasn't answered since",
]
STILL_SCAMS = [
    "he's stuck overseas and needs £700 for a release fee before he can fly to me",
    "sent a £350 deposit for a campervan and the seller hasn't replied in two weeks",
    "transferred £1,500 to the kitchen firm up front and they blocked me",
]


@pytest.mark.parametrize("text", NOT_SCAMS)
def test_real_fees_and_slow_firms_are_not_scams(text: str) -> None:
    assert "scam" not in kinds(text)


@pytest.mark.parametrize("text", STILL_SCAMS)
def test_release_fees_abroad_and_firms_gone_silent_are_scams(text: str) -> None:
    assert "scam" in kinds(text)


# A fraud check or claim the customer says is over (no_harm): with a fraud flag on the
# account, a routine question beside it stays with the bot.
CHECK_OVER = [
    "your team blocked my card then I told them the transactions were all mine, is it working",
    "my scam claim has been closed and the £250 refunded, do I need to keep the letter?",
]
CHECK_NOT_OVER = [
    "I confirmed the payments were mine but there's another payment I don't know",
    "the claim was closed and refunded but money is still missing",
]


@pytest.mark.parametrize("text", CHECK_OVER)
def test_a_check_that_is_over_is_no_harm(text: str) -> None:
    found = kinds(text)
    assert "no_harm" in found
    assert not found & {"scam", "scam_step", "posing"}


@pytest.mark.parametrize("text", CHECK_NOT_OVER)
def test_a_check_with_more_trouble_is_not_over(text: str) -> None:
    assert "no_harm" not in kinds(text)


def test_the_fraud_team_named_by_the_customer_is_not_posing() -> None:
    assert "posing" not in kinds("the fraud team froze my account last month")


def test_flagged_account_with_a_check_over_stays_with_the_bot() -> None:
    lane, turn, _ = route(
        "after I confirmed the payments were mine the card was unblocked, when does it renew?",
        flags=("fraud_suspected",),
    )
    assert (lane, turn) == ("bot", None)


def test_flagged_account_with_a_new_unknown_payment_still_reaches_fraud() -> None:
    lane, _, _ = route(
        "there's a payment I didn't make on my card this morning",
        flags=("fraud_suspected",),
    )
    assert lane == "fraud"


# A partner met online, stuck abroad or at customs: the romance scam's story before the ask.
ROMANCE = [
    "I met her on a dating site and now she is stuck at the airport in Lagos",
    "a man I met online is detained at customs with his luggage",
    "the lady I met on facebook has hospital bills in Ghana",
]
ROMANCE_DECOYS = [
    "I met my husband online years ago, can we open a joint account?",
    "met someone on bumble and we're off to Rome, do I need to tell you I'm travelling?",
]


@pytest.mark.parametrize("text", ROMANCE)
def test_met_online_and_stuck_abroad_is_a_scam(text: str) -> None:
    assert "scam" in kinds(text)


@pytest.mark.parametrize("text", ROMANCE_DECOYS)
def test_met_online_alone_is_not_a_scam(text: str) -> None:
    assert "scam" not in kinds(text)


# Other languages: a Bulgarian caller who asked for the PIN or code (as English: a scam), and
# Arabic "I didn't do that", also with "and" joined to the word.
LANGUAGE_REPORTS = [
    ("scam", "някой ми се обади и поискаха ПИН кода на картата"),
    ("scam", "казах им кода от съобщението"),
    ("fraud_report", "هناك دفعة بقيمة ٥٠ جنيه ولم اقم بذلك"),
    ("fraud_report", "لم أقم بذلك، من أين هذه الدفعة؟"),
]


@pytest.mark.parametrize(("kind", "text"), LANGUAGE_REPORTS)
def test_reports_in_other_languages(kind: str, text: str) -> None:
    assert kind in kinds(text)


def test_a_bulgarian_pin_question_is_not_a_scam() -> None:
    assert "scam" not in kinds("как да сменя пин кода на картата си?")


# A relative on a new number, told by the parent (posing), and the money then sent in a
# message of its own (a step): the "hi mum" scam over two messages.
def test_relative_on_a_new_number_is_posing() -> None:
    assert "posing" in kinds("my grandson whatsapped me from his new number asking for £200")


def test_a_relatives_new_number_without_a_message_is_not_posing() -> None:
    assert "posing" not in kinds("my son has a new number, how do I update his payee?")


@pytest.mark.parametrize("text", ["I've just sent it", "ok, I have paid it.", "we transferred it"])
def test_money_sent_alone_is_a_step(text: str) -> None:
    assert "scam_step" in kinds(text)


def test_hi_mum_scam_over_two_messages_reaches_fraud() -> None:
    lane, turn, _ = route(
        "my daughter texted me from a new number, says her phone broke and she needs £600",
        "I've just sent it",
    )
    assert (lane, turn) == ("fraud", 2)


def test_money_sent_to_a_known_payee_stays_with_the_bot() -> None:
    _, turn, _ = route("how long does a transfer to my landlord take?", "I've just sent it")
    assert turn is None


# "Scam" aimed at the bank's own price is a grumble about a fee (no_harm), not a fraud.
@pytest.mark.parametrize(
    "text",
    [
        "bit of a scam how you charge for paper statements isn't it",
        "your international fees are an absolute robbery",
        "is it a con that banks charge £3 to use a cash machine abroad?",
    ],
)
def test_scam_about_the_banks_fees_is_no_harm(text: str) -> None:
    assert "no_harm" in kinds(text)


def test_scam_about_a_seller_with_money_sent_is_not_no_harm() -> None:
    found = kinds("the website's delivery charges were a scam, I paid £90 and got nothing")
    assert "no_harm" not in found


def test_a_fee_grumble_with_scam_stays_with_the_bot() -> None:
    _, turn, _ = route("is it a scam that you charge £4 a month for the app? what do I get")
    assert turn is None
