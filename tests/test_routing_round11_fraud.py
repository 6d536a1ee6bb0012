"""Issue 11, routing round 11: a lure received is not yet a scam; a step or money at stake is.

A payee's "new bank details" received by message, with nothing paid and no payment at stake
("the nursery sent new bank details, is that normal?"), is a check the bot answers: a lure
received (cue posing), as a caller posing as the bank. A step taken (paid, sent, updated the
payee) or a payment at stake (owed, an invoice, a deposit, a sum, a house being bought) makes
it a scam. A lure and a large payment about to go, told in either order, reach fraud. A
general question about couriers collecting cards is not courier fraud.

Every phrasing was written for these tests (none copied from any routing set).
"""

from __future__ import annotations

import pytest

from tests.test_routing_round3 import kinds, route

RED = {"scam", "scam_step", "fraud_report"}

# ------------------------------------------------------------ a payee's new details

LURES_ONLY = [
    "the childminder emailed us new bank details, is that ok?",
    "our school has sent different account details, should I change the payee?",
    "my accountant texted me updated bank details, is this something you see a lot?",
    "the letting agents messaged new payment details, do i need to do anything",
    "got an email from the garage with new bank details, can you check it's real",
    "the dentist's firm sent updated bank details cos their old account was closed, is that legit",
]

STAKED = [
    "the childminder emailed us new bank details so I've paid this month's fees into it",
    "our roofer texted updated bank details and we already sent the money",
    "i owe the builders 2 grand and they've emailed different bank details",
    "my conveyancer sent new bank details, I'm about to pay the deposit",
    "we're buying a flat and the solicitors emailed changed account details today",
    "the plumber messaged new bank details for the £640 invoice",
    "I have updated the payee after the supplier sent new account details",
]


@pytest.mark.parametrize("text", LURES_ONLY)
def test_new_details_with_nothing_at_stake_are_a_lure_not_a_scam(text: str) -> None:
    found = kinds(text)
    assert "posing" in found
    assert not found & RED


@pytest.mark.parametrize("text", STAKED)
def test_new_details_with_a_step_or_money_at_stake_are_a_scam(text: str) -> None:
    assert "scam" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "how do I change the bank details my employer pays into",
        "my landlord has my new bank details now",
        "can I update a payee's sort code in the app?",
    ],
)
def test_own_details_are_neither_lure_nor_scam(text: str) -> None:
    assert not kinds(text) & (RED | {"posing"})


def test_a_check_question_about_new_details_stays_with_the_bot() -> None:
    assert route("the childminder emailed us new bank details, is that ok?")[0] == "bot"
    assert route(
        "our school has sent different account details, should I change the payee?",
        "ok thanks, I'll ring them first",
    ) == ("bot", None, None)


def test_new_details_then_a_payment_made_reaches_fraud() -> None:
    lane, turn, rule = route(
        "the childminder emailed us new bank details, is that ok?",
        "I've already sent it to be honest",
    )
    assert (lane, turn, rule) == ("fraud", 2, "fraud")


def test_new_details_and_a_large_payment_in_either_order_reach_fraud() -> None:
    assert route(
        "our conveyancer sent over updated account details by email last night",
        "I need to transfer £62,000 to them today",
    )[:2] == ("fraud", 2)
    assert route(
        "what's the fastest way to move £35,000 to my solicitor?",
        "the solicitors emailed new bank details this morning",
    )[:2] == ("fraud", 2)


def test_a_large_payment_alone_stays_with_the_bot() -> None:
    assert route("I need to transfer £62,000 to my solicitor today")[0] == "bot"


def test_a_large_payment_after_a_lure_that_was_ignored_stays_with_the_bot() -> None:
    assert (
        route(
            "a text pretending to be from your fraud team, I ignored it and haven't replied",
            "anyway I need to send £20,000 to my brother today",
        )[0]
        != "fraud"
    )


# ------------------------------------------------------------ couriers

COURIER_QUESTIONS = [
    "does the bank send a courier to collect old cards?",
    "would you ever send couriers to pick up cards from customers?",
    "the courier came with my new card this morning",
    "my replacement card is being delivered by courier",
]

COURIER_STORIES = [
    "i handed my card to the courier they sent",
    "she gave her debit card to a 'bank courier' at the door",
    "the courier picked up my cards and pin an hour ago",
    "a courier took the cash I withdrew for them",
    "the police said a courier will come to collect it tonight",
]


@pytest.mark.parametrize("text", COURIER_QUESTIONS)
def test_courier_questions_and_deliveries_are_not_scams(text: str) -> None:
    assert not kinds(text) & RED


@pytest.mark.parametrize("text", COURIER_STORIES)
def test_a_card_or_cash_given_to_a_courier_is_a_scam(text: str) -> None:
    assert "scam" in kinds(text)


def test_a_general_courier_question_stays_with_the_bot() -> None:
    assert route("does the bank send a courier to collect old cards?")[0] == "bot"


# ------------------------------------------------------------ checks with no step taken

CHECKS = [
    "would your fraud team ever ring me and ask me to move my savings to a safe account?",
    "does the bank ever text people asking for their card pin?",
    "is it normal for banks to send someone round to collect a card",
    "got a voicemail saying my account is locked, is that a scam?",
    "a text says I owe a parking fine and links to a page, is this legit?",
]

NOT_CHECKS = [
    # a step taken beside the question, by the customer or the one they speak for
    "they asked for the code and I gave it, was that a scam?",
    "my mum's already paid the man £900 for the gutters, is that a scam?",
]


@pytest.mark.parametrize("text", CHECKS)
def test_a_check_with_no_step_taken_is_a_question(text: str) -> None:
    found = kinds(text)
    assert "howto" in found
    assert "scam_step" not in found


@pytest.mark.parametrize("text", NOT_CHECKS)
def test_a_step_taken_keeps_the_check_from_being_a_question(text: str) -> None:
    assert "howto" not in kinds(text)


def test_a_question_about_the_banks_practice_stays_out_of_the_fraud_lane() -> None:
    lane, _, _ = route(
        "would your fraud team ever ring me and ask me to move my savings to a safe account?"
    )
    assert lane != "fraud"


# ------------------------------------------------------------ gift cards

GIFT_CARD_SCAMS = [
    "the man from hmrc said the tax owed had to be paid in gift cards so I bought £250 of them",
    "they said the court fine could only be settled with steam cards, I bought them",
    "a caller said my bill was overdue and wanted apple gift cards, we've bought six",
]

GIFT_CARD_DECOYS = [
    "I bought my nephew an itunes gift card for christmas",
    "can I use a gift card to pay my water bill?",
    "can my gran buy gift cards with her debit card in the post office?",
]


@pytest.mark.parametrize("text", GIFT_CARD_SCAMS)
def test_a_fine_or_bill_paid_in_gift_cards_is_a_scam(text: str) -> None:
    assert "scam" in kinds(text)


@pytest.mark.parametrize("text", GIFT_CARD_DECOYS)
def test_gift_cards_as_presents_or_refused_are_not_scams(text: str) -> None:
    assert "scam" not in kinds(text)


def test_gift_cards_bought_for_a_fine_reach_fraud_even_asked_as_a_question() -> None:
    lane, turn, _ = route(
        "is this a scam? someone from the police wanted the fine in amazon gift cards and "
        "I've already bought £300"
    )
    assert (lane, turn) == ("fraud", 1)


# ------------------------------------------------------------ bare scam words in other languages

BARE_WORDS = [
    "¿esto es una estafa?",
    "c'est une arnaque ou pas ?",
    "czy to wyłudzenie?",
    "é golpe isso?",
    "这个电话是诈骗吗",
    "bu dolandırıcı mı?",
]

VICTIMS = [
    "me han estafado, ayuda",
    "je me suis fait arnaquer, j'ai été arnaqué",
    "我被骗了",
    "dolandırıldım",
]


@pytest.mark.parametrize("text", BARE_WORDS)
def test_a_bare_scam_word_in_another_language_is_a_mention(text: str) -> None:
    found = kinds(text)
    assert "scam_mention" in found
    assert "scam" not in found


@pytest.mark.parametrize("text", VICTIMS)
def test_a_victims_own_words_in_another_language_stay_a_scam(text: str) -> None:
    assert "scam" in kinds(text)


def test_a_bare_scam_word_without_the_nlu_does_not_reach_the_fraud_lane() -> None:
    assert route("mi padre recibe llamadas de estafa, ¿ustedes nunca piden el PIN?")[0] != "fraud"


def test_a_bare_scam_word_the_nlu_backs_reaches_fraud() -> None:
    lane, _, _ = route("creo que es una estafa", intent="report_fraud")
    assert lane == "fraud"


# ------------------------------------------------------------ a stolen card put right long ago

PUT_RIGHT = [
    "my wallet was nicked last summer and you sorted everything, how do I change my address?",
    "my card got stolen a year ago, you gave me the money back, can I get a contactless one?",
    "my details were compromised in march, it was all resolved, what's my overdraft limit?",
]

NOT_PUT_RIGHT = [
    "my card was stolen last week and it still isn't sorted",
    "my card was stolen last month, I sorted a new one but somebody spent £90 on the old one",
    "my card was stolen again, last time you sorted it quickly",
]


@pytest.mark.parametrize("text", PUT_RIGHT)
def test_a_theft_put_right_long_ago_is_no_harm(text: str) -> None:
    assert "no_harm" in kinds(text)


@pytest.mark.parametrize("text", NOT_PUT_RIGHT)
def test_a_theft_not_over_is_not_no_harm(text: str) -> None:
    assert "no_harm" not in kinds(text)


def test_a_theft_put_right_beside_a_routine_question_stays_with_the_bot() -> None:
    assert route(PUT_RIGHT[0], intent="lost_or_stolen_card")[0] == "bot"


# ------------------------------------------------------------ payee name mismatch, money mules

MISMATCH_PUSHED = [
    "the account name came back as no match but the seller says to ignore it",
    "the payee check said the name doesn't match, he told me it's normal for firms",
    "they keep saying just send it, even though the payee name did not match",
]

MISMATCH_CALM = [
    "the payee name didn't match, I'd spelt her surname wrong",
    "why does it say the name doesn't match when I pay my mum?",
    "the name doesn't match so I've rung the builder to check his details",
]

MULES = [
    "saw an offer on tiktok, you receive payments into your account and move them on for a cut",
    "a man on telegram wants to use my account for receiving money, I'd earn £300",
    "the job is to keep 5% and forward the rest to their agent",
]

NOT_MULES = [
    "my brother sends me money for mum and I pass it on to her",
    "can I use my account to receive money from abroad?",
    "my employer pays my wages into this account",
]


@pytest.mark.parametrize("text", MISMATCH_PUSHED)
def test_a_name_mismatch_with_pressure_to_pay_is_a_scam(text: str) -> None:
    assert "scam" in kinds(text)


@pytest.mark.parametrize("text", MISMATCH_CALM)
def test_a_name_mismatch_alone_is_not_a_scam(text: str) -> None:
    assert "scam" not in kinds(text)


@pytest.mark.parametrize("text", MULES)
def test_money_passed_through_the_account_for_pay_is_a_scam(text: str) -> None:
    assert "scam" in kinds(text)


@pytest.mark.parametrize("text", NOT_MULES)
def test_family_money_passed_on_is_not_a_scam(text: str) -> None:
    assert "scam" not in kinds(text)


# ------------------------------------------------------------ a step denied in another language

STEPS_DENIED = [
    "dostałem sms, nie kliknąłem w link",
    "am primit un mesaj ciudat, nu am dat click pe link",
    "我收到短信，但我没点了链接",
]

STEPS_TAKEN = [
    "dostałem sms i kliknąłem w link",
    "am dat click pe un link si am dat datele cardului",
]


@pytest.mark.parametrize("text", STEPS_DENIED)
def test_a_step_denied_in_another_language_is_not_a_scam(text: str) -> None:
    assert "scam" not in kinds(text)


@pytest.mark.parametrize("text", STEPS_TAKEN)
def test_a_step_taken_in_another_language_is_still_a_scam(text: str) -> None:
    assert "scam" in kinds(text)


# ------------------------------------------------------------ a "link to receive money" not used

LINK_DENIED = [
    "a buyer on gumtree sent a link to claim the payment, I haven't clicked it, is that ok?",
    "the seller says I need a form to release the money but we didn't fill anything in",
]

LINK_USED = [
    "the buyer sent me a link to receive the money and I put my card details in",
    "someone on vinted says I have to use their site to accept the payment",
]


@pytest.mark.parametrize("text", LINK_DENIED)
def test_a_receive_money_link_not_used_is_not_a_scam(text: str) -> None:
    assert "scam" not in kinds(text)


@pytest.mark.parametrize("text", LINK_USED)
def test_a_receive_money_link_used_or_pressed_on_the_customer_is_a_scam(text: str) -> None:
    assert "scam" in kinds(text)


# ------------------------------------------------------------ "in my name": theft or a wish

ID_THEFT = [
    "a catalogue account was opened in my name, I've no idea who by",
    "my credit file shows a phone contract in my name",
    "they took out finance in my name on a car",
]

OWN_NAME = [
    "can I have a savings account in my name only?",
    "I'd like a credit card in my name rather than a joint one",
    "how do I move the mortgage into my name after the divorce",
]


@pytest.mark.parametrize("text", ID_THEFT)
def test_credit_taken_in_my_name_by_someone_is_a_report(text: str) -> None:
    assert "fraud_report" in kinds(text)


@pytest.mark.parametrize("text", OWN_NAME)
def test_an_account_wanted_in_my_own_name_is_not_a_report(text: str) -> None:
    assert "fraud_report" not in kinds(text)
