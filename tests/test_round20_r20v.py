"""Round 20 of issue 11 (helper r20v), principles 4 and 5: circumstance concepts, and
structure over score at message 1.

1. A relative's or dependant's card, PIN or banking in an outsider's hands (a carer, a
   visitor, a neighbour, a "friend", a new partner: cue relative_access) and money gone (cue
   money_gone), in one message or over several, is financial abuse: the fraud team. A card
   asked for a carer, or the customer as the carer, is not.
2. Fleeing someone inside any request ("she mustn't find out where I live", a refuge) and
   not coping after an operation, a hospital stay or living alone are vulnerability; a house
   move or an operation told beside a calm question is not.
3. Travel stakes (at the airport or a station, a flight soon, a hotel to pay, stranded) with
   a payment failing reach an adviser at once; travel asked about calmly stays.
4. Attempts by count ("declined 3 times", "tried again, declined", "second card declined
   too") reach an adviser once the customer is talking to the bot; on a first message it is
   a question.
5. A shouted first line that blames the bank for a harm to the customer's money, or asks
   why they are shut out of their own account, reaches a person at message 1 whatever its
   frustration score. Bare shouted emotion still waits one message (by design: it names no
   harm, and its target is often not us); so does a bare "WHY CAN'T I LOG IN" (the log-in
   step, often the password or caps lock), a yes/no status question and good news.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from tests.conftest import cue_kinds, play_carried, route_fallbacks, route_parsed

_NOW = datetime(2026, 12, 4, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


# ------------------------------------------------------------ 1. a relative's money taken
ACCESS = [
    "my nan has been handing her bank card and pin over to a lovely new neighbour",
    "my father-in-law gave his online banking password to his new girlfriend",
    "my grandad lets his cleaner use his card and pin",
    "our disabled son's carer has been using his card for months",
    "my 90 year old aunt told her pin to a 'friend' from church",
]
NOT_ACCESS = [
    "I'm a carer for my mum, can I have a card linked to her account for her shopping?",
    "my mum's carer needs a card for her shopping, how do I set up a linked card?",
    "my dad wants his neighbour to have a card to get his shopping, how do we set that up?",
    "can my mum give her card to me to pay for her shopping?",
    "my friend lent me her card reader",
]
GONE = [
    "her account is nearly empty",
    "his savings have all but vanished",
    "someone has drained her pension account",
    "there's nothing left in his current account",
]


@pytest.mark.parametrize("text", ACCESS)
def test_a_relatives_card_with_an_outsider_is_read(text: str) -> None:
    assert "relative_access" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_ACCESS)
def test_a_card_asked_for_or_the_customer_as_carer_is_not(router: Router, text: str) -> None:
    assert "relative_access" not in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text)[0] != "fraud"


@pytest.mark.parametrize("text", GONE)
def test_money_gone_is_read(text: str) -> None:
    assert "money_gone" in cue_kinds(text)


@pytest.mark.parametrize("access", ACCESS[:3])
def test_access_then_money_gone_is_the_fraud_teams(router: Router, access: str) -> None:
    assert route_fallbacks(router, _NOW, access, "her account is nearly empty") == ("fraud", 2)


def test_access_alone_stays_with_the_bot(router: Router) -> None:
    assert route_fallbacks(router, _NOW, ACCESS[0], "how do I stop that?")[0] != "fraud"


def test_the_story_carried_decides_as_a_full_recompute(router: Router) -> None:
    states = play_carried(router, [ACCESS[2], "and now his savings are practically gone"], _NOW)
    assert states[-1].lane == "fraud"


# ------------------------------------------------------------ 2. fleeing, not coping
VULNERABLE = [
    "how do I change my address? I'm leaving tonight and he mustn't find out where I'm living",
    "I need a new account somewhere he can't find me",
    "I'm in a women's refuge and need to change my details",
    "I'm trying to get away from my controlling husband, can I open an account of my own",
    "finding it really hard to keep up since my hip replacement, can you help with my bills",
    "since I came out of hospital it's all too much, the bills are piling up",
    "I live on my own now and I'm struggling with all the paperwork",
]
CALM = [
    "I'm moving house, how do I change my address?",
    "we're moving next week, can I update my address in the app?",
    "I had an operation last year, can I get a payment holiday?",
    "I live on my own, do I get a single person discount on anything?",
    "I'm hiding from my overdraft lol, when's payday",
    "I live alone and it's too much hassle to get to a branch, can I do it online?",
]


@pytest.mark.parametrize("text", VULNERABLE)
def test_fleeing_or_not_coping_is_vulnerability(router: Router, text: str) -> None:
    assert "vulnerability" in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text) == ("vulnerable_customers", 1)


@pytest.mark.parametrize("text", CALM)
def test_a_move_or_an_operation_told_calmly_is_not(router: Router, text: str) -> None:
    assert "vulnerability" not in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text)[0] == "bot"


# ------------------------------------------------------------ 3. travel stakes
STRANDED = [
    ("I'm at the airport and my card keeps getting declined",),
    ("my card won't work at the station and my train leaves in 15 minutes",),
    ("stranded in Lisbon, my card's been blocked",),
    ("card declined again", "flight is in an hour and the taxi is waiting"),
    ("my card's been declined at the hotel", "I'm abroad and the hotel wants paying now"),
]
TRAVEL_CALM = [
    "I'm flying to Spain, will my card work?",
    "can I use my card at the airport lounge?",
    "how do I pay for a hotel abroad without fees?",
    "I'm going to be stranded without cash if the card doesn't work abroad, what do you suggest?",
]


@pytest.mark.parametrize("messages", STRANDED)
def test_a_payment_failing_while_travelling_reaches_an_adviser(
    router: Router, messages: tuple[str, ...]
) -> None:
    lane, turn = route_fallbacks(router, _NOW, *messages)
    assert lane == "general_banking"
    assert turn == len(messages)


@pytest.mark.parametrize("text", TRAVEL_CALM)
def test_travel_asked_about_calmly_stays(router: Router, text: str) -> None:
    assert route_fallbacks(router, _NOW, text)[0] == "bot"


# ------------------------------------------------------------ 4. attempts by count
REPEATED = [
    "declined 3 times now",
    "tried again, declined",
    "second card declined too",
    "tried a different machine and it still failed",
    "the other card got rejected as well",
    "it was refused every single time",
]
NOT_REPEATED = [
    "tried again and it worked, thanks",
    "my second card arrived today",
    "can I try another card?",
    "declined to answer the survey",
]


@pytest.mark.parametrize("text", REPEATED)
def test_attempts_by_count_are_read(text: str) -> None:
    assert "repeated_failure" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_REPEATED)
def test_no_count_of_failures(text: str) -> None:
    assert "repeated_failure" not in cue_kinds(text)


def test_declines_counted_over_messages_reach_an_adviser(router: Router) -> None:
    lane, turn = route_parsed(
        router,
        [
            ("card declined at the garage", "declined_card_payment", 0.8),
            ("tried the other pump, declined", "declined_card_payment", 0.8),
        ],
        _NOW,
    )
    assert (lane, turn) == ("general_banking", 2)


def test_a_count_asked_on_a_first_message_stays(router: Router) -> None:
    text = "my card was declined twice yesterday, why would that happen?"
    assert route_parsed(router, [(text, "declined_card_payment", 0.8)], _NOW)[0] == "bot"


# ------------------------------------------------------------ 5. structure over score
SHOUTED_HARM = [
    "YOU HAVE TAKEN MY COUNCIL TAX PAYMENT TWICE",
    "YOUVE CHARGED ME £35 FOR NOTHING",
    "WHY HAVE YOU FROZEN MY ACCOUNT",
    "YOUR APP HAS SWALLOWED MY TRANSFER",
    "WHY CAN'T I GET INTO MY OWN ACCOUNT",
    "HOW COME IT WONT LET ME INTO MY BANKING APP",
    "MY CARD WONT WORK AND I'M AT THE TILL",
]
SHOUTED_WAITS = [
    "WHY CAN'T I LOG IN",
    "HAVE YOU TAKEN THE PAYMENT YET",
    "WHERE IS MY SALARY",
    "THIS IS RIDICULOUS",
    "I'M SO HAPPY MY LOAN WAS APPROVED",
    "YOU HAVE BEEN SO HELPFUL THANK YOU",
    "WHY WON'T MY CARD WORK AT THE PUMP",
]


@pytest.mark.parametrize("text", SHOUTED_HARM)
def test_a_shouted_harm_reaches_a_person_at_once(router: Router, text: str) -> None:
    assert "shouted_harm" in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text) == ("general_banking", 1)


@pytest.mark.parametrize("text", SHOUTED_WAITS)
def test_a_shouted_line_without_a_harm_waits(router: Router, text: str) -> None:
    assert "shouted_harm" not in cue_kinds(text)
    assert route_fallbacks(router, _NOW, text) == ("bot", None)


def test_a_shouted_harm_in_lower_case_is_no_shouted_harm() -> None:
    assert "shouted_harm" not in cue_kinds("you have taken my council tax payment twice")
